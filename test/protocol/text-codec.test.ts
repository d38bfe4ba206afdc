// One text codec (src/protocol/text-codec.ts) for everything that turns file bytes into text and
// back. Each case is read through every reader that used to decode on its own — Get-Content,
// [IO.File]::ReadAllText / ReadAllLines, Select-String, Import-Csv and running a script file —
// and each encoding is written by every writer (Set-Content, Out-File, [IO.File]::WriteAllText,
// [Text.Encoding]::X.GetBytes, `>`) and must come back the same.
import { describe, expect, it } from 'vitest';
import { allCmdlets } from '../../src/cmdlets/index.js';
import { CODECS, decodeText, detectBom, encodeText, splitLines, type TextEncoding } from '../../src/protocol/text-codec.js';
import { testShell } from '../engine/helpers.js';

const TEXT = 'café € ñ';
const u8 = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

/** [name, file bytes, the text emsh reads] */
const FILES: [string, Uint8Array, string][] = [
  ['ASCII', u8(Buffer.from('plain text')), 'plain text'],
  ['UTF-8 with BOM', u8([0xef, 0xbb, 0xbf], Buffer.from(TEXT, 'utf8')), TEXT],
  ['UTF-8 without BOM', u8(Buffer.from(TEXT, 'utf8')), TEXT],
  ['windows-1252 (not UTF-8)', u8([0x63, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x20, 0xf1]), TEXT],
  ['UTF-16 LE with BOM', u8([0xff, 0xfe], Buffer.from(TEXT, 'utf16le')), TEXT],
  ['UTF-16 BE with BOM', u8([0xfe, 0xff], Buffer.from(TEXT, 'utf16le').swap16()), TEXT],
  ['UTF-32 LE with BOM', u8([0xff, 0xfe, 0, 0], utf32(TEXT, true)), TEXT],
  ['UTF-32 BE with BOM', u8([0, 0, 0xfe, 0xff], utf32(TEXT, false)), TEXT],
];

function utf32(text: string, little: boolean): number[] {
  return Array.from(text).flatMap((c) => {
    const cp = c.codePointAt(0)!;
    const b = [cp & 0xff, (cp >> 8) & 0xff, (cp >> 16) & 0xff, cp >>> 24];
    return little ? b : b.reverse();
  });
}

describe('the text codec', () => {
  it.each(FILES)('decodes %s', (_, bytes, text) => {
    expect(decodeText(bytes)).toBe(text);
  });

  it('a BOM wins over the encoding asked for; without one the encoding asked for is used', () => {
    expect(decodeText(u8([0xef, 0xbb, 0xbf], Buffer.from('x')), 'utf-16')).toBe('x');
    expect(decodeText(u8(Buffer.from('hi', 'utf16le')), 'utf-16')).toBe('hi');
    expect(decodeText(u8([0xe9]), 'utf-8')).toBe('\ufffd'); // an explicit UTF-8 replaces bad bytes
    expect(decodeText(u8([0xe9]), 'us-ascii')).toBe('?');
  });

  it('detects the byte order marks, UTF-32 LE before UTF-16 LE', () => {
    expect(detectBom(u8([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).toEqual({ encoding: 'utf-32', length: 4 });
    expect(detectBom(u8([0xff, 0xfe, 0x41, 0]))).toEqual({ encoding: 'utf-16', length: 2 });
    expect(detectBom(u8([0x41]))).toBeUndefined();
  });

  it('encodes every encoding with its .NET preamble, and decodes it back', () => {
    for (const enc of Object.keys(CODECS) as TextEncoding[]) {
      const bytes = encodeText(TEXT, enc, true);
      const expected = enc === 'us-ascii' ? 'caf? ? ?' : TEXT;
      expect(decodeText(bytes, enc), enc).toBe(expected);
    }
    expect([...encodeText('é€', 'windows-1252', true)]).toEqual([0xe9, 0x80]);
    expect([...encodeText('a', 'utf-8', true)]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
    expect([...encodeText('a', 'utf-8', false)]).toEqual([0x61]);
    expect([...encodeText('ā', 'windows-1252', false)]).toEqual([0x3f]);
  });

  it('UTF-32 code points out of range read as U+FFFD', () => {
    expect(decodeText(u8([0xff, 0xfe, 0, 0, 0xff, 0xff, 0xff, 0x7f]))).toBe('\ufffd');
  });

  it('splits lines as StreamReader.ReadLine', () => {
    expect(splitLines('a\r\nb\nc\rd\r\n')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a\n\nb')).toEqual(['a', '', 'b']);
  });
});

describe('every reader decodes a file the same way', () => {
  it.each(FILES)('%s', async (_, bytes, text) => {
    const sh = testShell({ cmdlets: allCmdlets });
    const put = (path: string, data: Uint8Array) => sh.fs.writeBytes(sh.fs.resolve(path, 'C:\\'), data);
    put('C:\\t.txt', bytes);
    const read = async (script: string) => {
      const r = await sh.eval(script);
      expect(r.errors.map((e) => e.message), script).toEqual([]);
      return r.output;
    };
    expect(await read('Get-Content C:\\t.txt -Raw')).toEqual([text]);
    expect(await read('Get-Content C:\\t.txt')).toEqual([text]);
    expect(await read('[System.IO.File]::ReadAllText("C:\\t.txt")')).toEqual([text]);
    expect(await read('[System.IO.File]::ReadAllLines("C:\\t.txt")')).toEqual([text]);
    expect(await read('Select-String -Path C:\\t.txt -Pattern . | ForEach-Object Line')).toEqual([text]);

    // A CSV file and a script, in the same encoding (same BOM, same code page).
    const reencode = (content: string): Uint8Array => {
      const bom = detectBom(bytes);
      if (bom) return encodeText(content, bom.encoding, true);
      return text === TEXT && bytes[3] === 0xe9 ? encodeText(content, 'windows-1252', false) : encodeText(content, 'utf-8', false);
    };
    put('C:\\t.csv', reencode(`Name\r\n${text}\r\n`));
    expect(await read('Import-Csv C:\\t.csv | ForEach-Object Name')).toEqual([text]);
    put('C:\\t.ps1', reencode(`'${text}'`));
    expect(await read('& C:\\t.ps1')).toEqual([text]);
  });
});

describe('every writer encodes the same way', () => {
  const cases: [string, TextEncoding][] = [
    ['Unicode', 'utf-16'],
    ['BigEndianUnicode', 'utf-16BE'],
    ['UTF8', 'utf-8'],
    ['UTF32', 'utf-32'],
    ['ASCII', 'us-ascii'],
  ];
  it.each(cases)('-Encoding %s', async (name, enc) => {
    const sh = testShell({ cmdlets: allCmdlets });
    const bytesOf = (path: string) => [...sh.fs.readBytes(sh.fs.resolve(path, 'C:\\'))];
    const expected = [...encodeText(`${TEXT}\r\n`, enc, true)];
    await sh.eval(`Set-Content C:\\sc.txt -Value '${TEXT}' -Encoding ${name}`);
    expect(bytesOf('C:\\sc.txt')).toEqual(expected);
    await sh.eval(`'${TEXT}' | Out-File C:\\of.txt -Encoding ${name}`);
    expect(bytesOf('C:\\of.txt')).toEqual(expected);
    const dotnet = name === 'ASCII' ? 'ASCII' : name === 'UTF8' ? 'UTF8' : name === 'UTF32' ? 'UTF32' : name;
    await sh.eval(`[System.IO.File]::WriteAllText('C:\\wa.txt', "${TEXT}\`r\`n", [System.Text.Encoding]::${dotnet})`);
    // The unary comma keeps each byte[] one object (written bare, its bytes would be enumerated).
    const preamble = (await sh.eval(`,[System.Text.Encoding]::${dotnet}.GetPreamble()`)).output[0] as Uint8Array;
    const body = (await sh.eval(`,[System.Text.Encoding]::${dotnet}.GetBytes("${TEXT}\`r\`n")`)).output[0] as Uint8Array;
    expect([...preamble, ...body]).toEqual(expected);
    expect(bytesOf('C:\\wa.txt')).toEqual(expected);
  });

  it('`>` writes what Out-File writes by default (UTF-16 LE with BOM)', async () => {
    const sh = testShell({ cmdlets: allCmdlets });
    await sh.eval(`'${TEXT}' > C:\\r.txt; '${TEXT}' | Out-File C:\\o.txt`);
    const bytes = (p: string) => [...sh.fs.readBytes(sh.fs.resolve(p, 'C:\\'))];
    expect(bytes('C:\\r.txt')).toEqual(bytes('C:\\o.txt'));
    expect(bytes('C:\\r.txt')).toEqual([...encodeText(`${TEXT}\r\n`, 'utf-16', true)]);
  });

  it('[Text.Encoding]::Default is windows-1252', async () => {
    const sh = testShell({ cmdlets: allCmdlets });
    const r = await sh.eval(`,[System.Text.Encoding]::Default.GetBytes('é€'); [System.Text.Encoding]::Default.GetString([byte[]](0xE9, 0x80)); [System.Text.Encoding]::Default.WebName`);
    expect(r.output.map((o) => (o instanceof Uint8Array ? [...o] : o))).toEqual([[0xe9, 0x80], 'é€', 'Windows-1252']);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import AddContent from '../../src/cmdlets/core/Add-Content.js';
import GetContent from '../../src/cmdlets/core/Get-Content.js';
import SetContent from '../../src/cmdlets/core/Set-Content.js';
import { makeLab, put, read, readText, run, type FakeLab } from './files-fake-context.js';

let lab: FakeLab;
beforeEach(() => {
  lab = makeLab();
});
afterEach(() => lab.cleanup());

describe('Get-Content', () => {
  it('writes one string per line (CRLF, LF, no empty last line)', async () => {
    put(lab, 'C:\\a.txt', 'one\r\ntwo\nthree\r\n');
    const r = await run(lab, GetContent, { Path: ['C:\\a.txt'] });
    expect(r.output).toEqual(['one', 'two', 'three']);
    expect(r.errors).toEqual([]);
  });

  it('finds files case-insensitively and relative to the location', async () => {
    put(lab, 'C:\\Windows\\system32\\Cert.txt', 'x');
    expect((await run(lab, GetContent, { Path: ['CERT.TXT'] })).output).toEqual(['x']);
    expect((await run(lab, GetContent, { Path: ['..\\system32\\cert.txt'] })).output).toEqual(['x']);
  });

  it('-Raw, -TotalCount, -Tail, -ReadCount', async () => {
    put(lab, 'C:\\a.txt', '1\r\n2\r\n3\r\n4\r\n5\r\n');
    expect((await run(lab, GetContent, { Path: ['C:\\a.txt'], Raw: true })).output).toEqual(['1\r\n2\r\n3\r\n4\r\n5\r\n']);
    expect((await run(lab, GetContent, { Path: ['C:\\a.txt'], TotalCount: 2 })).output).toEqual(['1', '2']);
    expect((await run(lab, GetContent, { Path: ['C:\\a.txt'], Tail: 2 })).output).toEqual(['4', '5']);
    expect((await run(lab, GetContent, { Path: ['C:\\a.txt'], ReadCount: 2 })).output).toEqual([['1', '2'], ['3', '4'], ['5']]);
    expect((await run(lab, GetContent, { Path: ['C:\\a.txt'], ReadCount: 0 })).output).toEqual([['1', '2', '3', '4', '5']]);
  });

  it('-Encoding Byte gives numbers, and with -ReadCount 0 one byte array', async () => {
    put(lab, 'C:\\c.pfx', new Uint8Array([0x30, 0x82, 0x01, 0xff]));
    expect((await run(lab, GetContent, { Path: ['C:\\c.pfx'], Encoding: 'Byte' })).output).toEqual([0x30, 0x82, 1, 255]);
    const whole = await run(lab, GetContent, { Path: ['C:\\c.pfx'], Encoding: 'Byte', ReadCount: 0 });
    expect(whole.output).toHaveLength(1);
    expect(whole.output[0]).toBeInstanceOf(Uint8Array);
    expect(Array.from(whole.output[0] as Uint8Array)).toEqual([0x30, 0x82, 1, 255]);
  });

  it('decodes UTF-8 and UTF-16LE byte order marks', async () => {
    put(lab, 'C:\\u8.txt', new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9]));
    put(lab, 'C:\\u16.txt', new Uint8Array([0xff, 0xfe, 0x68, 0, 0xe9, 0, 0x0d, 0, 0x0a, 0, 0x78, 0]));
    expect((await run(lab, GetContent, { Path: ['C:\\u8.txt'] })).output).toEqual(['hé']);
    expect((await run(lab, GetContent, { Path: ['C:\\u16.txt'] })).output).toEqual(['hé', 'x']);
  });

  it('reports a missing file as non-terminating PathNotFound', async () => {
    put(lab, 'C:\\b.txt', 'b');
    const r = await run(lab, GetContent, { Path: ['C:\\x.txt', 'C:\\b.txt'] });
    expect(r.output).toEqual(['b']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toBe("Cannot find path 'C:\\x.txt' because it does not exist.");
    expect(r.errors[0]!.fullyQualifiedErrorId).toBe('PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand');
    expect(r.errors[0]!.category).toBe('ObjectNotFound');
  });

  it('reports another drive letter and a folder', async () => {
    const d = await run(lab, GetContent, { Path: ['D:\\x.txt'] });
    expect(d.errors[0]!.message).toBe("Cannot find drive. A drive with the name 'D' does not exist.");
    expect(d.errors[0]!.fullyQualifiedErrorId).toBe('DriveNotFound,Microsoft.PowerShell.Commands.GetContentCommand');
    const f = await run(lab, GetContent, { Path: ['C:\\Windows'] });
    expect(f.errors[0]!.message).toBe("Access to the path 'C:\\Windows' is denied.");
  });

  it('expands wildcards and reads -LiteralPath (PSPath from a file object)', async () => {
    put(lab, 'C:\\d\\a.log', 'A');
    put(lab, 'C:\\d\\b.log', 'B');
    put(lab, 'C:\\d\\c.txt', 'C');
    expect((await run(lab, GetContent, { Path: ['C:\\d\\*.log'] })).output).toEqual(['A', 'B']);
    expect((await run(lab, GetContent, { Path: ['C:\\d\\*.none'] })).errors).toEqual([]);
    const lit = await run(lab, GetContent, { LiteralPath: ['Microsoft.PowerShell.Core\\FileSystem::C:\\d\\c.txt'] });
    expect(lit.output).toEqual(['C']);
  });
});

describe('Set-Content and Add-Content', () => {
  it('writes values as CRLF lines in UTF-8 without BOM', async () => {
    const r = await run(lab, SetContent, { Path: ['C:\\a.txt'], Value: ['hello', 42, true] });
    expect(r.errors).toEqual([]);
    expect(readText(lab, 'C:\\a.txt')).toBe('hello\r\n42\r\nTrue\r\n');
  });

  it('replaces the file, then appends each pipeline object', async () => {
    put(lab, 'C:\\a.txt', 'old content\r\n');
    await run(lab, SetContent, { Path: ['C:\\a.txt'] }, { pipeline: [{ Value: ['a'] }, { Value: ['b'] }] });
    expect(readText(lab, 'C:\\a.txt')).toBe('a\r\nb\r\n');
  });

  it('-NoNewline, -PassThru and Add-Content', async () => {
    const r = await run(lab, SetContent, { Path: ['C:\\a.txt'], Value: ['x', 'y'], NoNewline: true, PassThru: true });
    expect(r.output).toEqual(['x', 'y']);
    expect(readText(lab, 'C:\\a.txt')).toBe('xy');
    await run(lab, AddContent, { Path: ['C:\\a.txt'], Value: ['z'] });
    expect(readText(lab, 'C:\\a.txt')).toBe('xyz\r\n');
    await run(lab, AddContent, { Path: ['C:\\new.txt'], Value: ['n'] });
    expect(readText(lab, 'C:\\new.txt')).toBe('n\r\n');
  });

  it('-Encoding Byte writes byte arrays and numbers', async () => {
    await run(lab, SetContent, { Path: ['C:\\b.bin'], Value: [new Uint8Array([1, 2]), 3, '4'], Encoding: 'Byte' });
    expect(Array.from(read(lab, 'C:\\b.bin'))).toEqual([1, 2, 3, 4]);
    const bad = await run(lab, SetContent, { Path: ['C:\\b.bin'], Value: ['abc'], Encoding: 'Byte' });
    expect(bad.errors[0]!.message).toBe('Cannot convert value "abc" to type "System.Byte". Error: "Input string was not in a correct format."');
  });

  it('-Encoding Unicode and UTF8 write byte order marks; Get-Content reads them back', async () => {
    await run(lab, SetContent, { Path: ['C:\\u.txt'], Value: ['hé'], Encoding: 'Unicode' });
    expect(Array.from(read(lab, 'C:\\u.txt'))).toEqual([0xff, 0xfe, 0x68, 0, 0xe9, 0, 0x0d, 0, 0x0a, 0]);
    await run(lab, AddContent, { Path: ['C:\\u.txt'], Value: ['x'], Encoding: 'Unicode' });
    expect((await run(lab, GetContent, { Path: ['C:\\u.txt'] })).output).toEqual(['hé', 'x']);
    await run(lab, SetContent, { Path: ['C:\\8.txt'], Value: ['a'], Encoding: 'UTF8' });
    expect(Array.from(read(lab, 'C:\\8.txt'))).toEqual([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]);
  });

  it('-WhatIf does not write', async () => {
    const r = await run(lab, SetContent, { Path: ['C:\\w.txt'], Value: ['a'] }, { whatIf: true });
    expect(r.whatIf).toEqual(['What if: Performing the operation "Set Content" on target "Path: C:\\w.txt".']);
    expect(lab.drive.exists(lab.drive.resolve('C:\\w.txt', lab.location))).toBe(false);
  });

  it('a missing folder is a non-terminating error', async () => {
    const r = await run(lab, SetContent, { Path: ['C:\\nodir\\a.txt'], Value: ['a'] });
    expect(r.errors[0]!.message).toBe("Could not find a part of the path 'C:\\nodir\\a.txt'.");
    expect(r.errors[0]!.category).toBe('ObjectNotFound');
  });
});

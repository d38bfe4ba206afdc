// Text ⇄ bytes, the one codec every reader and writer of text uses: Get-Content, Import-Csv,
// Select-String, [System.IO.File]::ReadAllText/ReadAllLines, scripts run with -File or `.\x.ps1`,
// [System.Text.Encoding] objects, Set-Content/Out-File/Export-Csv and `>` redirection.
//
// Reading (decodeText), in this order:
// 1. A byte order mark decides, as .NET's StreamReader detects them: UTF-8 (EF BB BF),
//    UTF-32 LE (FF FE 00 00), UTF-32 BE (00 00 FE FF), UTF-16 LE (FF FE), UTF-16 BE (FE FF).
// 2. Else the encoding the caller was given (`Get-Content -Encoding Unicode`,
//    `[IO.File]::ReadAllText($p, [Text.Encoding]::Unicode)`).
// 3. Else UTF-8 when the bytes are valid UTF-8, and windows-1252 when they are not.
//
// Why step 3: Windows PowerShell 5.1 reads a file without a BOM as the ANSI code page
// (windows-1252 on an en-US server) in Get-Content and when it loads a script, while
// [IO.File]::ReadAllText reads it as UTF-8 (turning non-UTF-8 bytes into U+FFFD). Neither is
// what an admin wants from a file another tool wrote (OpenSSL, an editor saving UTF-8), and
// emsh's two copies of the rule disagreed. Valid UTF-8 is almost never meant as windows-1252
// (its non-ASCII letters come out as invalid UTF-8 sequences), so this reads both kinds right;
// it is also what PowerShell 6+ settled on for BOM-less files, with the ANSI fallback kept.
// For pure ASCII all of the rules agree.

/** The encodings emsh reads and writes, by their .NET names. */
export type TextEncoding = 'utf-8' | 'utf-16' | 'utf-16BE' | 'utf-32' | 'utf-32BE' | 'us-ascii' | 'windows-1252';

export interface Codec {
  encode(text: string): Uint8Array;
  decode(bytes: Uint8Array): string;
  /** Encoding.GetPreamble(): the byte order mark. */
  readonly preamble: Uint8Array;
}

const REPLACEMENT = 0x3f; // '?', .NET's replacement for a character an encoding cannot hold

function utf16(text: string, little: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), little);
  return out;
}

function utf32(text: string, little: boolean): Uint8Array {
  const cps = Array.from(text, (c) => c.codePointAt(0)!);
  const out = new Uint8Array(cps.length * 4);
  const view = new DataView(out.buffer);
  cps.forEach((cp, i) => view.setUint32(i * 4, cp, little));
  return out;
}

function decodeUtf32(b: Uint8Array, little: boolean): string {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let s = '';
  for (let i = 0; i + 3 < b.length; i += 4) {
    const cp = view.getUint32(i, little);
    s += cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? '\ufffd' : String.fromCodePoint(cp);
  }
  return b.length % 4 ? s + '\ufffd' : s;
}

/**
 * Windows-1252's characters at 0x80-0x9F (the rest is Latin-1). Written out because Node 20's
 * TextDecoder('windows-1252') decodes these bytes as Latin-1 control characters. The five bytes
 * the code page leaves undefined map to the control character of the same number, as in .NET.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const CP1252_ENCODE = new Map(CP1252_HIGH.map((cp, i) => [cp, 0x80 + i]));

function decodeWindows1252(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x >= 0x80 && x < 0xa0 ? CP1252_HIGH[x - 0x80]! : x);
  return s;
}

function encodeWindows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => {
    const cp = c.codePointAt(0)!;
    const mapped = CP1252_ENCODE.get(cp);
    if (mapped !== undefined) return mapped;
    return cp < 0x100 && !(cp >= 0x80 && cp < 0xa0) ? cp : REPLACEMENT;
  });
}

const decoders = new Map<string, InstanceType<typeof TextDecoder>>();
function decoder(label: string): InstanceType<typeof TextDecoder> {
  let d = decoders.get(label);
  if (!d) decoders.set(label, (d = new TextDecoder(label)));
  return d;
}

const BOM_UTF8 = Uint8Array.of(0xef, 0xbb, 0xbf);

export const CODECS: Record<TextEncoding, Codec> = {
  'utf-8': { encode: (s) => new TextEncoder().encode(s), decode: (b) => decoder('utf-8').decode(b), preamble: BOM_UTF8 },
  'utf-16': { encode: (s) => utf16(s, true), decode: (b) => decoder('utf-16le').decode(b), preamble: Uint8Array.of(0xff, 0xfe) },
  'utf-16BE': { encode: (s) => utf16(s, false), decode: (b) => decoder('utf-16be').decode(b), preamble: Uint8Array.of(0xfe, 0xff) },
  'utf-32': { encode: (s) => utf32(s, true), decode: (b) => decodeUtf32(b, true), preamble: Uint8Array.of(0xff, 0xfe, 0, 0) },
  'utf-32BE': { encode: (s) => utf32(s, false), decode: (b) => decodeUtf32(b, false), preamble: Uint8Array.of(0, 0, 0xfe, 0xff) },
  'us-ascii': {
    encode: (s) => Uint8Array.from(s, (c) => (c.codePointAt(0)! < 0x80 ? c.codePointAt(0)! : REPLACEMENT)),
    decode: (b) => Array.from(b, (x) => String.fromCharCode(x < 0x80 ? x : REPLACEMENT)).join(''),
    preamble: new Uint8Array(),
  },
  'windows-1252': {
    encode: encodeWindows1252,
    decode: decodeWindows1252,
    preamble: new Uint8Array(),
  },
};

/** The byte order marks, longest first (UTF-32 LE's begins with UTF-16 LE's). */
const BOMS: [TextEncoding, Uint8Array][] = [
  ['utf-32', CODECS['utf-32'].preamble],
  ['utf-32BE', CODECS['utf-32BE'].preamble],
  ['utf-8', BOM_UTF8],
  ['utf-16', CODECS['utf-16'].preamble],
  ['utf-16BE', CODECS['utf-16BE'].preamble],
];

/** The encoding a byte order mark at the start of `bytes` names, and the mark's length. */
export function detectBom(bytes: Uint8Array): { encoding: TextEncoding; length: number } | undefined {
  for (const [encoding, bom] of BOMS) {
    if (bytes.length >= bom.length && bom.every((x, i) => bytes[i] === x)) return { encoding, length: bom.length };
  }
  return undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** File bytes → text: the BOM, else `encoding`, else UTF-8 if valid, else windows-1252 (see the top). */
export function decodeText(bytes: Uint8Array, encoding?: TextEncoding): string {
  const bom = detectBom(bytes);
  if (bom) return CODECS[bom.encoding].decode(bytes.subarray(bom.length));
  if (encoding) return CODECS[encoding].decode(bytes);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return CODECS['windows-1252'].decode(bytes);
  }
}

/** Text → bytes in `encoding`, with its byte order mark first when `preamble` is set. */
export function encodeText(text: string, encoding: TextEncoding, preamble: boolean): Uint8Array {
  const codec = CODECS[encoding];
  const body = codec.encode(text);
  if (!preamble || codec.preamble.length === 0) return body;
  const out = new Uint8Array(codec.preamble.length + body.length);
  out.set(codec.preamble);
  out.set(body, codec.preamble.length);
  return out;
}

/** Text → lines as StreamReader.ReadLine splits it (CRLF, LF or CR); no empty last line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

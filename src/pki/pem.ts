/** PEM armour and the "what did the user hand us" decoding of certificate-ish input. */
import { PkiFormatError } from './errors.js';

/** Text or bytes: PEM (any label), bare Base64, or DER. */
export type PkiInput = string | Uint8Array;

export interface PemBlock {
  label: string;
  der: Buffer;
}

/** Wraps DER in `-----BEGIN <label>-----` armour with 64-character lines. */
export function toPem(der: Uint8Array, label: string, eol = '\n'): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join(eol) + eol;
}

const PEM_RE = /-----BEGIN ([A-Z0-9 #]+)-----([\s\S]*?)-----END \1-----/g;

function decodeBase64Strict(text: string, what: string): Buffer {
  const clean = text.replace(/\s+/g, '');
  if (!clean || !/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) throw new PkiFormatError(`The ${what} is not valid Base64.`);
  return Buffer.from(clean, 'base64');
}

/** Text from bytes, honouring UTF-16/UTF-8 byte-order marks (Windows tools write UTF-16LE files). */
export function bytesToText(b: Uint8Array): string {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    const s = Buffer.from(buf.subarray(2));
    s.swap16();
    return s.toString('utf16le');
  }
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  return buf.toString('latin1');
}

/**
 * Every object in the input: each PEM block (with its label), or — when there is no armour — the
 * whole input as DER (bytes starting with a SEQUENCE) or as bare Base64 (label '').
 */
export function decodeInput(input: PkiInput): PemBlock[] {
  if (typeof input !== 'string') {
    const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    if (buf[0] === 0x30) return [{ label: '', der: buf }];
    return decodeInput(bytesToText(buf));
  }
  const blocks: PemBlock[] = [];
  for (const m of input.matchAll(PEM_RE)) {
    // RFC 1421 headers (Proc-Type etc.) would sit before a blank line; we do not support encrypted PEM.
    if (/^\s*Proc-Type:/m.test(m[2]!)) throw new PkiFormatError('Encrypted PEM data is not supported.');
    blocks.push({ label: m[1]!, der: decodeBase64Strict(m[2]!, 'PEM data') });
  }
  if (blocks.length) return blocks;
  if (/-----BEGIN /.test(input)) throw new PkiFormatError('The PEM data is incomplete (no matching END line).');
  if (!input.trim()) throw new PkiFormatError('The input is empty.');
  return [{ label: '', der: decodeBase64Strict(input, 'input') }];
}

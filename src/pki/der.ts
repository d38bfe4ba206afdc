/**
 * A small DER reader and writer over Buffers.
 *
 * Reading is done here rather than through forge's ASN.1 objects because we need the exact byte
 * slices (TBS, Name, SubjectPublicKeyInfo) for hashing and signature checks, and because forge's
 * X.509 reader refuses any key that is not RSA.
 */
import { PkiFormatError } from './errors.js';

export const Tag = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  NUMERIC_STRING: 0x12,
  PRINTABLE_STRING: 0x13,
  T61_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  VISIBLE_STRING: 0x1a,
  UNIVERSAL_STRING: 0x1c,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

export interface DerNode {
  /** First identifier octet (class | constructed | number for low tag numbers). */
  tag: number;
  /** 0 universal, 1 application, 2 context-specific, 3 private. */
  cls: number;
  constructed: boolean;
  /** Tag number (also for high-tag-number form). */
  number: number;
  /** The whole TLV. */
  bytes: Buffer;
  /** The value octets. */
  content: Buffer;
}

/** Reads one TLV at offset; returns the node and the offset just after it. */
export function readTlv(buf: Buffer, offset = 0): { node: DerNode; next: number } {
  const fail = (why: string): never => {
    throw new PkiFormatError(`Malformed DER data: ${why} at offset ${offset}.`);
  };
  if (offset >= buf.length) fail('unexpected end of data');
  let p = offset;
  const tag = buf[p++]!;
  let number = tag & 0x1f;
  if (number === 0x1f) {
    number = 0;
    for (;;) {
      if (p >= buf.length) fail('truncated tag');
      const b = buf[p++]!;
      number = number * 128 + (b & 0x7f);
      if (!(b & 0x80)) break;
    }
  }
  if (p >= buf.length) fail('missing length');
  let len = buf[p++]!;
  if (len === 0x80) fail('indefinite length (BER) is not supported');
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n > 4 || p + n > buf.length) fail('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p++]!;
  }
  const end = p + len;
  if (end > buf.length) fail('length runs past the end of the data');
  return {
    node: {
      tag,
      cls: tag >> 6,
      constructed: (tag & 0x20) !== 0,
      number,
      bytes: buf.subarray(offset, end),
      content: buf.subarray(p, end),
    },
    next: end,
  };
}

/** Parses a buffer that must hold exactly one TLV (trailing bytes are an error). */
export function parseDer(buf: Buffer | Uint8Array): DerNode {
  const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const { node, next } = readTlv(b, 0);
  if (next !== b.length) throw new PkiFormatError(`Malformed DER data: ${b.length - next} trailing byte(s).`);
  return node;
}

/** The child TLVs of a constructed node (or of a node whose content is known to be DER, like OCTET STRING wrappers). */
export function childrenOf(node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  let p = 0;
  while (p < node.content.length) {
    const { node: child, next } = readTlv(node.content, p);
    out.push(child);
    p = next;
  }
  return out;
}

/** Asserts the node's tag; returns it for chaining. */
export function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!node || node.tag !== tag) {
    throw new PkiFormatError(`Malformed ${what}: expected tag 0x${tag.toString(16)}, found ${node ? '0x' + node.tag.toString(16) : 'nothing'}.`);
  }
  return node;
}

// ---------------------------------------------------------------------------------------------
// Value decoders

export function decodeOid(content: Buffer): string {
  const parts: number[] = [];
  let v = 0;
  for (const b of content) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      if (parts.length === 0) {
        const first = v < 80 ? Math.floor(v / 40) : 2;
        parts.push(first, v - first * 40);
      } else parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

export function decodeTime(node: DerNode): Date {
  const s = node.content.toString('latin1');
  let m: RegExpMatchArray | null;
  if (node.tag === Tag.UTC_TIME && (m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s))) {
    const yy = Number(m[1]);
    const year = yy >= 50 ? 1900 + yy : 2000 + yy;
    return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)));
  }
  if (node.tag === Tag.GENERALIZED_TIME && (m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d+))?Z$/.exec(s))) {
    const ms = m[7] ? Math.round(Number('0.' + m[7]) * 1000) : 0;
    return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), ms));
  }
  throw new PkiFormatError(`Malformed time value "${s}".`);
}

/** Text of a directory-string-like value, whatever its string type. */
export function decodeString(node: DerNode): string {
  const c = node.content;
  switch (node.tag) {
    case Tag.UTF8_STRING:
      return c.toString('utf8');
    case Tag.BMP_STRING: {
      const swapped = Buffer.from(c);
      swapped.swap16();
      return swapped.toString('utf16le');
    }
    case Tag.UNIVERSAL_STRING: {
      let s = '';
      for (let i = 0; i + 3 < c.length; i += 4) s += String.fromCodePoint(c.readUInt32BE(i));
      return s;
    }
    default:
      // Printable, IA5, Numeric, Visible, T61 (treated as Latin-1)
      return c.toString('latin1');
  }
}

/** INTEGER content as upper-case hex, as Windows shows serial numbers (bytes as encoded). */
export function integerHex(node: DerNode): string {
  return node.content.toString('hex').toUpperCase();
}

export function integerValue(node: DerNode): number {
  let v = 0;
  for (const b of node.content) v = v * 256 + b;
  if (node.content.length && node.content[0]! & 0x80) v -= 2 ** (8 * node.content.length);
  return v;
}

/** BIT STRING payload without the unused-bits octet. */
export function bitStringBytes(node: DerNode): { bytes: Buffer; unused: number } {
  return { bytes: node.content.subarray(1), unused: node.content[0] ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// Writers

function encodeLength(len: number): Buffer {
  if (len < 0x80) return Buffer.from([len]);
  const bytes: number[] = [];
  for (let v = len; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, content: Buffer | Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

export const seq = (...items: Buffer[]): Buffer => tlv(Tag.SEQUENCE, Buffer.concat(items));
export const set = (...items: Buffer[]): Buffer => tlv(Tag.SET, Buffer.concat(items));
export const nullDer = (): Buffer => Buffer.from([Tag.NULL, 0]);
export const octets = (b: Buffer | Uint8Array): Buffer => tlv(Tag.OCTET_STRING, b);
export const bool = (v: boolean): Buffer => tlv(Tag.BOOLEAN, Buffer.from([v ? 0xff : 0]));
export const bitString = (b: Buffer | Uint8Array, unused = 0): Buffer => tlv(Tag.BIT_STRING, Buffer.concat([Buffer.from([unused]), b]));
/** Context-specific tag: constructed [n] (explicit wrapper or constructed implicit), or primitive [n]. */
export const ctx = (n: number, content: Buffer, constructed = true): Buffer => tlv(0x80 | (constructed ? 0x20 : 0) | n, content);

export function integer(value: number | Buffer): Buffer {
  if (typeof value === 'number') {
    const bytes: number[] = [];
    let v = value;
    do {
      bytes.unshift(v & 0xff);
      v = Math.floor(v / 256);
    } while (v > 0);
    if (bytes[0]! & 0x80) bytes.unshift(0);
    return tlv(Tag.INTEGER, Buffer.from(bytes));
  }
  return tlv(Tag.INTEGER, value);
}

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  if (parts.length < 2 || parts.some((n) => !Number.isInteger(n) || n < 0)) throw new PkiFormatError(`Invalid OID "${dotted}".`);
  const out: number[] = [];
  const push = (n: number) => {
    const stack = [n & 0x7f];
    for (n = Math.floor(n / 128); n > 0; n = Math.floor(n / 128)) stack.unshift((n & 0x7f) | 0x80);
    out.push(...stack);
  };
  push(parts[0]! * 40 + parts[1]!);
  for (const n of parts.slice(2)) push(n);
  return tlv(Tag.OID, Buffer.from(out));
}

export const stringDer = (tag: number, s: string): Buffer => {
  if (tag === Tag.UTF8_STRING) return tlv(tag, Buffer.from(s, 'utf8'));
  if (tag === Tag.BMP_STRING) {
    const b = Buffer.from(s, 'utf16le');
    b.swap16();
    return tlv(tag, b);
  }
  return tlv(tag, Buffer.from(s, 'latin1'));
};

/** RFC 5280: UTCTime through 2049, GeneralizedTime from 2050; seconds precision. */
export function time(d: Date): Buffer {
  if (Number.isNaN(d.getTime())) throw new PkiFormatError('Invalid date.');
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const y = d.getUTCFullYear();
  const rest = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  if (y >= 1950 && y < 2050) return tlv(Tag.UTC_TIME, Buffer.from(p(y % 100) + rest, 'latin1'));
  return tlv(Tag.GENERALIZED_TIME, Buffer.from(p(y, 4) + rest, 'latin1'));
}

/** Buffer view of a Uint8Array without copying. */
export function asBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

/** X.509 v3 extensions: the few we write, and a decoder for the ones Exchange's views show. */
import { isIP } from 'node:net';
import {
  bitString,
  bitStringBytes,
  bool,
  childrenOf,
  ctx,
  decodeOid,
  expectTag,
  integer,
  integerValue,
  octets,
  oid,
  parseDer,
  seq,
  Tag,
  tlv,
  type DerNode,
} from './der.js';
import { PkiFormatError } from './errors.js';
import { EKU, ekuFriendlyName, KEY_USAGE_BITS, OID, type KeyUsageName } from './oids.js';

/** One encoded extension: SEQUENCE { extnID, critical?, extnValue OCTET STRING }. */
export function extension(extOid: string, value: Buffer, critical = false): Buffer {
  return critical ? seq(oid(extOid), bool(true), octets(value)) : seq(oid(extOid), octets(value));
}

export function basicConstraintsExt(ca: boolean, pathLength?: number): Buffer {
  const parts: Buffer[] = [];
  if (ca) {
    parts.push(bool(true));
    if (pathLength !== undefined) parts.push(integer(pathLength));
  }
  return extension(OID.basicConstraints, seq(...parts), true);
}

export function keyUsageExt(usages: KeyUsageName[]): Buffer {
  let bits = 0;
  for (const u of usages) {
    const i = KEY_USAGE_BITS.indexOf(u);
    if (i < 0) throw new PkiFormatError(`Unknown key usage "${u}".`);
    bits |= 1 << i;
  }
  // DER: bit 0 is the high bit of the first octet; drop trailing zero octets and count unused bits.
  const bytes = [0, 0];
  for (let i = 0; i < 9; i++) if (bits & (1 << i)) bytes[i >> 3]! |= 0x80 >> (i & 7);
  const used = bytes[1] ? 2 : bytes[0] ? 1 : 0;
  const last = used ? bytes[used - 1]! : 0;
  let unused = 0;
  if (used) while (!(last & (1 << unused))) unused++;
  return extension(OID.keyUsage, bitString(Buffer.from(bytes.slice(0, used)), unused), true);
}

/** EKU given as short names (serverAuth, clientAuth…) or dotted OIDs. */
export function extKeyUsageExt(usages: string[]): Buffer {
  return extension(OID.extKeyUsage, seq(...usages.map((u) => oid(EKU[u]?.oid ?? u))));
}

/** SubjectAltName with DNS names (IP literals become iPAddress entries). */
export function subjectAltNameExt(names: string[]): Buffer {
  const entries = names.map((n) => {
    const v = isIP(n);
    if (v === 4) return tlv(0x87, Buffer.from(n.split('.').map(Number)));
    if (v === 6) return tlv(0x87, ipv6Bytes(n));
    return tlv(0x82, Buffer.from(n, 'latin1'));
  });
  return extension(OID.subjectAltName, seq(...entries));
}

function ipv6Bytes(ip: string): Buffer {
  const [head, tail] = ip.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  return out;
}

export function subjectKeyIdentifierExt(keyId: Buffer): Buffer {
  return extension(OID.subjectKeyIdentifier, octets(keyId));
}

export function authorityKeyIdentifierExt(keyId: Buffer): Buffer {
  return extension(OID.authorityKeyIdentifier, seq(ctx(0, keyId, false)));
}

// ---------------------------------------------------------------------------------------------

export interface ExtensionInfo {
  oid: string;
  critical: boolean;
  /** extnValue contents (DER of the extension's own structure). */
  value: Buffer;
}

export interface DecodedExtensions {
  list: ExtensionInfo[];
  dnsNames: string[];
  ipAddresses: string[];
  keyUsage?: KeyUsageName[];
  enhancedKeyUsage?: { oid: string; friendlyName?: string }[];
  basicConstraints?: { ca: boolean; pathLength?: number };
  /** Upper-case hex, as Windows shows it. */
  subjectKeyIdentifier?: string;
  authorityKeyIdentifier?: string;
}

/** Reads a SEQUENCE OF Extension. Unknown extensions are kept in `list` only. */
export function decodeExtensions(extensionsSeq: DerNode | undefined): DecodedExtensions {
  const out: DecodedExtensions = { list: [], dnsNames: [], ipAddresses: [] };
  if (!extensionsSeq) return out;
  for (const ext of childrenOf(expectTag(extensionsSeq, Tag.SEQUENCE, 'extensions'))) {
    const parts = childrenOf(expectTag(ext, Tag.SEQUENCE, 'extension'));
    const id = decodeOid(expectTag(parts[0], Tag.OID, 'extension id').content);
    const critical = parts[1]?.tag === Tag.BOOLEAN ? parts[1].content[0] !== 0 : false;
    const value = expectTag(parts[parts.length - 1], Tag.OCTET_STRING, 'extension value').content;
    out.list.push({ oid: id, critical, value });
    const v = () => parseDer(value);
    switch (id) {
      case OID.subjectAltName:
        for (const gn of childrenOf(v())) {
          if (gn.tag === 0x82) out.dnsNames.push(gn.content.toString('latin1'));
          else if (gn.tag === 0x87) out.ipAddresses.push(formatIp(gn.content));
        }
        break;
      case OID.keyUsage: {
        const { bytes } = bitStringBytes(expectTag(v(), Tag.BIT_STRING, 'key usage'));
        out.keyUsage = KEY_USAGE_BITS.filter((_, i) => ((bytes[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0);
        break;
      }
      case OID.extKeyUsage:
        out.enhancedKeyUsage = childrenOf(v()).map((n) => {
          const o = decodeOid(n.content);
          return { oid: o, friendlyName: ekuFriendlyName(o) };
        });
        break;
      case OID.basicConstraints: {
        const items = childrenOf(v());
        let ca = false;
        let pathLength: number | undefined;
        for (const it of items) {
          if (it.tag === Tag.BOOLEAN) ca = it.content[0] !== 0;
          else if (it.tag === Tag.INTEGER) pathLength = integerValue(it);
        }
        out.basicConstraints = pathLength === undefined ? { ca } : { ca, pathLength };
        break;
      }
      case OID.subjectKeyIdentifier:
        out.subjectKeyIdentifier = v().content.toString('hex').toUpperCase();
        break;
      case OID.authorityKeyIdentifier: {
        const keyId = childrenOf(v()).find((n) => n.tag === 0x80);
        if (keyId) out.authorityKeyIdentifier = keyId.content.toString('hex').toUpperCase();
        break;
      }
    }
  }
  return out;
}

function formatIp(b: Buffer): string {
  if (b.length === 4) return [...b].join('.');
  const groups: string[] = [];
  for (let i = 0; i + 1 < b.length; i += 2) groups.push(b.readUInt16BE(i).toString(16));
  return groups.join(':');
}

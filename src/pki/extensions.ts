/**
 * X.509 v3 extensions: the few we write (as node-forge extension objects, encoded by forge) and
 * the reading of forge's parsed extensions into the facts Exchange's views show.
 */
import { isIP } from 'node:net';
import forge from 'node-forge';
import { childrenOf, Class, fromBinary, isType, octetsNode, oidNode, parseAsn1, seqNode, toBinary } from './asn1.js';
import { PkiFormatError } from './errors.js';
import { EKU, ekuFriendlyName, KEY_USAGE_BITS, OID, type KeyUsageName } from './oids.js';

/** An extension as forge's setExtensions / extensionRequest attribute take it. */
export type ForgeExtension = { name?: string; id?: string; critical?: boolean; value?: unknown; [field: string]: unknown };

/** forge's flag names for the KeyUsage bits, in bit order (same order as KEY_USAGE_BITS). */
const FORGE_KEY_USAGE = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

export function basicConstraintsExt(ca: boolean, pathLength?: number): ForgeExtension {
  return { name: 'basicConstraints', critical: true, cA: ca, ...(ca && pathLength !== undefined ? { pathLenConstraint: pathLength } : {}) };
}

export function keyUsageExt(usages: KeyUsageName[]): ForgeExtension {
  const ext: ForgeExtension = { name: 'keyUsage', critical: true };
  for (const u of usages) {
    const i = KEY_USAGE_BITS.indexOf(u);
    if (i < 0) throw new PkiFormatError(`Unknown key usage "${u}".`);
    ext[FORGE_KEY_USAGE[i]!] = true;
  }
  return ext;
}

/**
 * EKU given as short names (serverAuth, clientAuth…) or dotted OIDs. The value is built here: forge
 * keys usages by object property, which loses a dotted OID it also knows by name.
 */
export function extKeyUsageExt(usages: string[]): ForgeExtension {
  return { name: 'extKeyUsage', value: seqNode(usages.map((u) => oidNode(EKU[u]?.oid ?? u))) };
}

/** SubjectAltName with DNS names (IP literals become iPAddress entries). */
export function subjectAltNameExt(names: string[]): ForgeExtension {
  return { name: 'subjectAltName', altNames: names.map((n) => (isIP(n) ? { type: 7, ip: n } : { type: 2, value: n })) };
}

/** Given explicitly: forge would derive it from its own (RSA-only) key object. */
export function subjectKeyIdentifierExt(keyId: Buffer): ForgeExtension {
  return { name: 'subjectKeyIdentifier', value: octetsNode(keyId) };
}

export function authorityKeyIdentifierExt(keyId: Buffer): ForgeExtension {
  return { name: 'authorityKeyIdentifier', keyIdentifier: toBinary(keyId) };
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

/** What forge.pki.certificateExtensionFromAsn1 returns (the fields we read). */
interface ParsedExtension {
  id: string;
  critical: boolean;
  value: string;
  altNames?: { type: number; value: string }[];
  cA?: boolean;
  pathLenConstraint?: number;
  subjectKeyIdentifier?: string;
  [flag: string]: unknown;
}

/** Reads extensions as forge parsed them. Unknown extensions are kept in `list` only. */
export function decodeExtensions(parsed: readonly unknown[] | undefined): DecodedExtensions {
  const out: DecodedExtensions = { list: [], dnsNames: [], ipAddresses: [] };
  for (const e of (parsed ?? []) as ParsedExtension[]) {
    out.list.push({ oid: e.id, critical: e.critical, value: fromBinary(e.value) });
    switch (e.id) {
      case OID.subjectAltName:
        for (const gn of e.altNames ?? []) {
          if (gn.type === 2) out.dnsNames.push(gn.value);
          else if (gn.type === 7) out.ipAddresses.push(formatIp(fromBinary(gn.value)));
        }
        break;
      case OID.keyUsage:
        out.keyUsage = KEY_USAGE_BITS.filter((_, i) => e[FORGE_KEY_USAGE[i]!] === true);
        break;
      case OID.extKeyUsage: {
        // Read from the value rather than forge's flags, to keep the order and unnamed OIDs.
        const seq = parseAsn1(fromBinary(e.value), 'extended key usage');
        out.enhancedKeyUsage = childrenOf(seq, 'extended key usage').map((n) => {
          const o = forge.asn1.derToOid(n.value as string);
          return { oid: o, friendlyName: ekuFriendlyName(o) };
        });
        break;
      }
      case OID.basicConstraints: {
        const ca = e.cA ?? false;
        out.basicConstraints = e.pathLenConstraint === undefined ? { ca } : { ca, pathLength: e.pathLenConstraint };
        break;
      }
      case OID.subjectKeyIdentifier:
        if (e.subjectKeyIdentifier !== undefined) out.subjectKeyIdentifier = e.subjectKeyIdentifier.toUpperCase();
        break;
      case OID.authorityKeyIdentifier: {
        // forge does not parse this one: SEQUENCE { [0] keyIdentifier OPTIONAL, … }
        const aki = parseAsn1(fromBinary(e.value), 'authority key identifier');
        const keyId = childrenOf(aki, 'authority key identifier').find((n) => isType(n, 0, Class.CONTEXT_SPECIFIC));
        if (keyId && typeof keyId.value === 'string') out.authorityKeyIdentifier = fromBinary(keyId.value).toString('hex').toUpperCase();
        break;
      }
    }
  }
  return out;
}

/** IPv4 dotted; IPv6 as eight uncompressed groups, as Windows shows SAN addresses. */
function formatIp(b: Buffer): string {
  if (b.length === 4) return [...b].join('.');
  const groups: string[] = [];
  for (let i = 0; i + 1 < b.length; i += 2) groups.push(b.readUInt16BE(i).toString(16));
  return groups.join(':');
}

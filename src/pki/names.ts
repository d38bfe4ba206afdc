/**
 * X.500 distinguished names the way Windows (and so Exchange) writes and reads them.
 *
 * Windows' string form (CertNameToStr / X500DistinguishedName.Name) lists the RDNs in the reverse of
 * their DER order: a name encoded C, O, OU, CN prints as `CN=x, OU=y, O=z, C=US`. Parsing a string
 * reverses again, so text → DER → text round-trips. Attribute keys print upper-case (`c=us` → `C=us`),
 * `S` is the state key (OpenSSL says `ST`), `E` is the e-mail key.
 */
import forge from 'node-forge';
import { childrenOf, Class, derOf, fromBinary, isType, node, oidNode, seqNode, Type, type Asn1 } from './asn1.js';
import { DnSyntaxError, PkiFormatError } from './errors.js';

export interface NameAttribute {
  oid: string;
  value: string;
  /** ASN.1 string type (12 UTF8String, 19 PrintableString, 22 IA5String, 30 BMPString…); chosen on encoding when absent. */
  tag?: number;
}

/** One relative distinguished name (usually one attribute; several when joined with '+'). */
export type Rdn = NameAttribute[];

/** Windows' keys, in the spelling it prints. */
const KEY_BY_OID: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'S',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.13': 'Description',
  '2.5.4.17': 'PostalCode',
  '2.5.4.18': 'POBox',
  '2.5.4.20': 'Phone',
  '2.5.4.42': 'G',
  '2.5.4.43': 'I',
  '2.5.4.46': 'dnQualifier',
  '1.2.840.113549.1.9.1': 'E',
  '1.2.840.113549.1.9.2': 'UnstructuredName',
  '1.2.840.113549.1.9.8': 'UnstructuredAddress',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
};

/** Keys accepted on input (case-insensitive), including OpenSSL/LDAP spellings. */
const OID_BY_KEY: Record<string, string> = Object.fromEntries([
  ...Object.entries(KEY_BY_OID).map(([o, k]) => [k.toUpperCase(), o]),
  ['ST', '2.5.4.8'],
  ['EMAIL', '1.2.840.113549.1.9.1'],
  ['EMAILADDRESS', '1.2.840.113549.1.9.1'],
  ['GIVENNAME', '2.5.4.42'],
  ['SURNAME', '2.5.4.4'],
  ['TITLE', '2.5.4.12'],
  ['INITIALS', '2.5.4.43'],
]);

const IA5_OIDS = new Set(['1.2.840.113549.1.9.1', '0.9.2342.19200300.100.1.25']);
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

function keyFor(o: string): string {
  return KEY_BY_OID[o] ?? `OID.${o}`;
}

function quoteValue(v: string): string {
  // CertNameToStr quotes values with separators/specials or edge white space; inner quotes double.
  if (v === '' || /^\s|\s$|[,+="<>#;\r\n]/.test(v)) return `"${v.replace(/"/g, '""')}"`;
  return v;
}

/** Windows form of a name given in DER order: RDNs reversed, `, ` between RDNs, ` + ` inside one. */
export function formatDn(rdns: Rdn[]): string {
  return rdns
    .slice()
    .reverse()
    .map((rdn) => rdn.map((a) => `${keyFor(a.oid)}=${quoteValue(a.value)}`).join(' + '))
    .join(', ');
}

/** The first value of an attribute (e.g. CN), searching from the most specific RDN. */
export function nameAttribute(rdns: Rdn[], attrOid = '2.5.4.3'): string | undefined {
  for (let i = rdns.length - 1; i >= 0; i--) for (const a of rdns[i]!) if (a.oid === attrOid) return a.value;
  return undefined;
}

/**
 * Parses Windows/Exchange DN text (`"c=US, o=Contoso, cn=mail.contoso.com"`, `CN=x; O=y`,
 * `O="Contoso, Ltd"`, `OID.1.2.3=v`) into DER-order RDNs. Throws DnSyntaxError.
 */
export function parseDn(text: string): Rdn[] {
  const rdnsTextOrder: Rdn[] = [];
  let current: Rdn = [];
  let i = 0;
  const n = text.length;
  const skipWs = () => {
    while (i < n && /\s/.test(text[i]!)) i++;
  };
  skipWs();
  if (i === n) return [];
  for (;;) {
    skipWs();
    const keyStart = i;
    while (i < n && text[i] !== '=' && !/[,;+]/.test(text[i]!)) i++;
    if (i >= n || text[i] !== '=') throw new DnSyntaxError(text);
    const key = text.slice(keyStart, i).trim();
    i++; // '='
    let attrOid = OID_BY_KEY[key.toUpperCase()];
    if (!attrOid) {
      const m = /^(?:OID\.)?(\d+(?:\.\d+)+)$/i.exec(key);
      if (!m) throw new DnSyntaxError(text);
      attrOid = m[1]!;
    }
    skipWs();
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) throw new DnSyntaxError(text);
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      skipWs();
    } else {
      const start = i;
      while (i < n && !/[,;+]/.test(text[i]!)) {
        if (text[i] === '"') throw new DnSyntaxError(text);
        i++;
      }
      value = text.slice(start, i).trim();
    }
    current.push({ oid: attrOid, value });
    if (i >= n) break;
    const sep = text[i++];
    if (sep !== '+') {
      rdnsTextOrder.push(current);
      current = [];
    }
    skipWs();
    if (i >= n) throw new DnSyntaxError(text);
  }
  rdnsTextOrder.push(current);
  return rdnsTextOrder.reverse();
}

const UTF8 = 12;
const PRINTABLE_STRING = 19;
const IA5 = 22;
const UNIVERSAL_STRING = 28;
const BMP = 30;

function tagFor(a: NameAttribute): number {
  if (a.tag !== undefined) return a.tag;
  if (IA5_OIDS.has(a.oid)) return IA5;
  return PRINTABLE.test(a.value) ? PRINTABLE_STRING : UTF8;
}

/** forge keeps BMPString values as JS strings and every other string type as raw bytes. */
function encodeString(tag: number, s: string): string {
  if (tag === BMP) return s;
  if (tag === UTF8) return Buffer.from(s, 'utf8').toString('latin1');
  return Buffer.from(s, 'latin1').toString('latin1');
}

function decodeString(tag: number, raw: string): string {
  if (tag === BMP) return raw;
  if (tag === UTF8) return fromBinary(raw).toString('utf8');
  if (tag === UNIVERSAL_STRING) {
    const b = fromBinary(raw);
    let s = '';
    for (let i = 0; i + 3 < b.length; i += 4) s += String.fromCodePoint(b.readUInt32BE(i));
    return s;
  }
  return raw; // Printable, IA5, Numeric, Visible, T61 (as Latin-1)
}

/**
 * A Name from RDNs in DER order, as a forge ASN.1 object. Built here rather than by forge's
 * setSubject, which puts every attribute in its own RDN (no multi-valued RDNs).
 */
export function nameToAsn1(rdns: Rdn[]): Asn1 {
  return seqNode(
    rdns.map((rdn) =>
      node(Class.UNIVERSAL, Type.SET, true, rdn.map((a) => {
        const tag = tagFor(a);
        return seqNode([oidNode(a.oid), node(Class.UNIVERSAL, tag, false, encodeString(tag, a.value))]);
      })),
    ),
  );
}

/** DER Name from RDNs in DER order. */
export function encodeName(rdns: Rdn[]): Buffer {
  return derOf(nameToAsn1(rdns));
}

/** RDNs (DER order) from a Name parsed by forge. */
export function decodeName(name: Asn1): Rdn[] {
  if (!isType(name, Type.SEQUENCE)) throw new PkiFormatError('Malformed name.');
  return childrenOf(name, 'name').map((set) => {
    if (!isType(set, Type.SET)) throw new PkiFormatError('Malformed relative distinguished name.');
    return childrenOf(set, 'relative distinguished name').map((atv) => {
      const [t, v] = isType(atv, Type.SEQUENCE) ? childrenOf(atv, 'name attribute') : [];
      if (!isType(t, Type.OID) || !v || typeof v.value !== 'string') throw new PkiFormatError('Malformed name attribute.');
      return { oid: forge.asn1.derToOid(t.value as string), value: decodeString(v.type, v.value), tag: v.type };
    });
  });
}

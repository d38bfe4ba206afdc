// The .NET objects of System.Security.Cryptography.X509Certificates as PowerShell shows them:
// X500DistinguishedName, Oid, PublicKey, X509Extension and the members every X509Certificate2
// (and so every ExchangeCertificate, which derives from it) has. Built from plain facts, so the
// layers that parse certificates (src/pki through src/exchange or src/engine) hand them over
// without this module knowing the parser.

import { convertToString } from './convert.js';
import { methodException, overloadError } from './members.js';
import { PSObject, dateToString, type PSMethodInfo } from './values.js';

export const X509_NAMESPACE = 'System.Security.Cryptography.X509Certificates';
export const X509_CERTIFICATE2_TYPES = [`${X509_NAMESPACE}.X509Certificate2`, `${X509_NAMESPACE}.X509Certificate`, 'System.Object'];
const OID_TYPE = 'System.Security.Cryptography.Oid';
const ASN_TYPE = 'System.Security.Cryptography.AsnEncodedData';

/** What a certificate's .NET members are computed from. */
export interface X509Facts {
  der: Uint8Array;
  thumbprint: string;
  /** The subject and issuer as .NET's Name shows them (`CN=a, O=b, C=US`), and their DER. */
  subject: string;
  subjectDer: Uint8Array;
  issuer: string;
  issuerDer: Uint8Array;
  /** Upper-case hex as encoded (big-endian). */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  version: number;
  friendlyName: string;
  hasPrivateKey: boolean;
  signatureAlgorithm: { oid: string; name: string };
  /** The key's algorithm OID and size, and its subjectPublicKey bits (PKCS#1 for RSA: GetPublicKey()). */
  publicKey: { algorithmOid: string; size: number; bits: Uint8Array };
  extensions: { oid: string; critical: boolean; value: Uint8Array }[];
  /** The DNS names of the SubjectAltName, else the subject's CN (the DnsNameList the provider adds). */
  dnsNames: string[];
  enhancedKeyUsage: { oid: string; friendlyName?: string }[];
  /** X509Certificate2.Verify(): the chain builds to a trusted root and every link is in date. */
  verify(): boolean;
}

/** Windows' friendly names of the OIDs certificates carry. */
const OID_NAMES: Record<string, string> = {
  '1.2.840.113549.1.1.1': 'RSA',
  '1.2.840.10045.2.1': 'ECC',
  '2.5.29.14': 'Subject Key Identifier',
  '2.5.29.15': 'Key Usage',
  '2.5.29.17': 'Subject Alternative Name',
  '2.5.29.19': 'Basic Constraints',
  '2.5.29.31': 'CRL Distribution Points',
  '2.5.29.32': 'Certificate Policies',
  '2.5.29.35': 'Authority Key Identifier',
  '2.5.29.37': 'Enhanced Key Usage',
  '1.3.6.1.5.5.7.1.1': 'Authority Information Access',
  '1.3.6.1.4.1.311.20.2': 'Certificate Template Name',
  '1.3.6.1.4.1.311.21.7': 'Certificate Template Information',
};

/** The X509Extension subclass .NET picks for an extension OID. */
const EXTENSION_TYPES: Record<string, string> = {
  '2.5.29.14': 'X509SubjectKeyIdentifierExtension',
  '2.5.29.15': 'X509KeyUsageExtension',
  '2.5.29.19': 'X509BasicConstraintsExtension',
  '2.5.29.37': 'X509EnhancedKeyUsageExtension',
};

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();

function prop(o: PSObject, name: string, typeName: string, get: () => unknown): void {
  o.addProperty({ name, memberType: 'Property', typeName, get });
}

function method(o: PSObject, name: string, definition: string, invoke: (args: unknown[]) => unknown): void {
  o.addMethod({ name, definition, invoke });
}

/** System.Security.Cryptography.Oid: Value and FriendlyName. */
export function oidObject(value: string | null, friendlyName?: string): PSObject {
  const o = new PSObject([OID_TYPE, 'System.Object']);
  const name = friendlyName ?? (value ? OID_NAMES[value] : undefined) ?? null;
  prop(o, 'Value', 'string', () => value);
  prop(o, 'FriendlyName', 'string', () => name);
  return o;
}

/**
 * X500DistinguishedName: Name (most specific first, as .NET shows it), RawData, and Format(),
 * which lists the parts in encoded order (one a line with `$true`). ToString() is the type name,
 * as AsnEncodedData's is.
 */
export function distinguishedNameObject(name: string, der: Uint8Array): PSObject {
  const o = new PSObject([`${X509_NAMESPACE}.X500DistinguishedName`, ASN_TYPE, 'System.Object']);
  prop(o, 'Name', 'string', () => name);
  prop(o, 'Oid', OID_TYPE, () => oidObject(null));
  prop(o, 'RawData', 'byte[]', () => Uint8Array.from(der));
  method(o, 'Format', 'string Format(bool multiLine)', (args) => {
    if (args.length !== 1) overloadError('Format', args.length);
    const parts = splitDn(name).reverse();
    return args[0] === true || (typeof args[0] === 'number' && args[0] !== 0) ? parts.map((p) => `${p}\r\n`).join('') : parts.join(', ');
  });
  method(o, 'Decode', 'string Decode(System.Security.Cryptography.X509Certificates.X500DistinguishedNameFlags flag)', () => name);
  return o;
}

/** The RDNs of a DN as .NET writes it (`CN=a, O="b, c", C=US`), quotes respected. */
function splitDn(dn: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < dn.length; i++) {
    const ch = dn[i]!;
    if (ch === '"') quoted = !quoted;
    if ((ch === ',' || ch === ';') && !quoted) {
      parts.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) parts.push(cur.trim());
  return parts;
}

/** PublicKey: the algorithm's Oid, the key (KeySize, KeyExchangeAlgorithm) and its encoded value. */
export function publicKeyObject(k: X509Facts['publicKey']): PSObject {
  const o = new PSObject([`${X509_NAMESPACE}.PublicKey`, 'System.Object']);
  const rsa = k.algorithmOid === '1.2.840.113549.1.1.1';
  const key = new PSObject([rsa ? 'System.Security.Cryptography.RSACryptoServiceProvider' : 'System.Security.Cryptography.ECDsaCng', 'System.Object']);
  prop(key, 'KeySize', 'int', () => k.size);
  prop(key, 'KeyExchangeAlgorithm', 'string', () => (rsa ? 'RSA-PKCS1-KeyEx' : null));
  prop(key, 'SignatureAlgorithm', 'string', () => (rsa ? 'http://www.w3.org/2000/09/xmldsig#rsa-sha1' : 'ECDsa'));
  prop(o, 'EncodedKeyValue', ASN_TYPE, () => null);
  prop(o, 'EncodedParameters', ASN_TYPE, () => null);
  prop(o, 'Key', 'System.Security.Cryptography.AsymmetricAlgorithm', () => key);
  prop(o, 'Oid', OID_TYPE, () => oidObject(k.algorithmOid));
  return o;
}

/** One X509Extension (its .NET subclass where there is one): Critical, Oid, RawData. */
export function extensionObject(e: X509Facts['extensions'][number]): PSObject {
  const sub = EXTENSION_TYPES[e.oid];
  const o = new PSObject([...(sub ? [`${X509_NAMESPACE}.${sub}`] : []), `${X509_NAMESPACE}.X509Extension`, ASN_TYPE, 'System.Object']);
  prop(o, 'Critical', 'bool', () => e.critical);
  prop(o, 'Oid', OID_TYPE, () => oidObject(e.oid));
  prop(o, 'RawData', 'byte[]', () => Uint8Array.from(e.value));
  return o;
}

/** X509Certificate.GetSerialNumber(): the serial's bytes, least significant first. */
function serialBytesLittleEndian(serialHex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(serialHex.length % 2 ? `0${serialHex}` : serialHex, 'hex')).reverse();
}

/** A property of a certificate object, computed from its facts when read. */
export interface X509Row {
  name: string;
  typeName: string;
  memberType: 'Property' | 'ScriptProperty';
  get(f: X509Facts): unknown;
}

const row = (memberType: X509Row['memberType']) => (name: string, typeName: string, get: (f: X509Facts) => unknown): X509Row => ({ name, typeName, memberType, get });

/**
 * X509Certificate2's properties in the order Windows PowerShell 5.1's `Format-List *` lists them
 * (the class's own, then X509Certificate's Handle, Issuer, Subject).
 */
export const X509_PROPERTIES: readonly X509Row[] = ((p) => [
  p('Archived', 'System.Boolean', () => false),
  p('Extensions', `${X509_NAMESPACE}.X509ExtensionCollection`, (f) => f.extensions.map(extensionObject)),
  p('FriendlyName', 'System.String', (f) => f.friendlyName),
  p('IssuerName', `${X509_NAMESPACE}.X500DistinguishedName`, (f) => distinguishedNameObject(f.issuer, f.issuerDer)),
  p('NotAfter', 'System.DateTime', (f) => new Date(f.notAfter)),
  p('NotBefore', 'System.DateTime', (f) => new Date(f.notBefore)),
  p('HasPrivateKey', 'System.Boolean', (f) => f.hasPrivateKey),
  p('PrivateKey', 'System.Security.Cryptography.AsymmetricAlgorithm', () => null),
  p('PublicKey', `${X509_NAMESPACE}.PublicKey`, (f) => publicKeyObject(f.publicKey)),
  p('RawData', 'System.Byte[]', (f) => Uint8Array.from(f.der)),
  p('SerialNumber', 'System.String', (f) => f.serialNumber),
  p('SubjectName', `${X509_NAMESPACE}.X500DistinguishedName`, (f) => distinguishedNameObject(f.subject, f.subjectDer)),
  p('SignatureAlgorithm', OID_TYPE, (f) => oidObject(f.signatureAlgorithm.oid, f.signatureAlgorithm.name)),
  p('Thumbprint', 'System.String', (f) => f.thumbprint),
  p('Version', 'System.Int32', (f) => f.version),
  p('Handle', 'System.IntPtr', () => 0),
  p('Issuer', 'System.String', (f) => f.issuer),
  p('Subject', 'System.String', (f) => f.subject),
])(row('Property'));

/** The script properties PowerShell's type data gives every X509Certificate2 (they come first in Format-List *). */
export const X509_SCRIPT_PROPERTIES: readonly X509Row[] = ((p) => [
  p('EnhancedKeyUsageList', 'System.Object', (f) => f.enhancedKeyUsage.map((u) => `${u.friendlyName ?? ''} (${u.oid})`)),
  p('DnsNameList', 'System.Object', (f) => [...f.dnsNames]),
  p('SendAsTrustedIssuer', 'System.Object', () => false),
  p('EnrollmentPolicyEndPoint', 'System.Object', () => null),
  p('EnrollmentServerEndPoint', 'System.Object', () => null),
  p('PolicyId', 'System.Object', () => null),
])(row('ScriptProperty'));

/** GetNameInfo: SimpleName (the CN), DnsName (the first DNS name, else the CN), of the subject or issuer. */
function nameInfo(f: X509Facts, type: string, forIssuer: boolean): string {
  const dn = forIssuer ? f.issuer : f.subject;
  const cn = splitDn(dn).find((p) => /^CN=/i.test(p))?.slice(3) ?? '';
  const t = type.toLowerCase();
  if (t === 'simplename' || t === '0') return cn;
  if (t === 'dnsname' || t === '3' || t === 'dnsfromalternativename' || t === '4') return (!forIssuer && f.dnsNames[0]) || cn;
  return '';
}

/** The verbose ToString(): [Subject] ... [Thumbprint], each value indented on its own line. */
export function x509ToString(f: Pick<X509Facts, 'subject' | 'issuer' | 'serialNumber' | 'notBefore' | 'notAfter' | 'thumbprint'>): string {
  return `[Subject]\n  ${f.subject}\n\n[Issuer]\n  ${f.issuer}\n\n[Serial Number]\n  ${f.serialNumber}\n\n[Not Before]\n  ${dateToString(f.notBefore)}\n\n[Not After]\n  ${dateToString(f.notAfter)}\n\n[Thumbprint]\n  ${f.thumbprint}\n`;
}

/** X509Certificate2's methods (Get-Member's definitions as 5.1 prints their first overloads). */
export function x509Methods(f: () => X509Facts): PSMethodInfo[] {
  const m = (name: string, definition: string, invoke: (args: unknown[]) => unknown): PSMethodInfo => ({ name, definition, invoke });
  const none = (name: string, fn: () => unknown) => (args: unknown[]) => {
    if (args.length !== 0) overloadError(name, args.length);
    return fn();
  };
  return [
    m('Export', 'byte[] Export(System.Security.Cryptography.X509Certificates.X509ContentType contentType), byte[] Export(System.Security.Cryptography.X509Certificates.X509ContentType contentType, string password)', (args) => {
      if (args.length < 1 || args.length > 2) overloadError('Export', args.length);
      const type = convertToString(args[0]).toLowerCase();
      if (type === 'cert' || type === '1') return Uint8Array.from(f().der);
      throw methodException('Export', args.length, `emsh exports certificates as X509ContentType Cert only; export the key with Export-ExchangeCertificate or Export-PfxCertificate.`, 'CryptographicException');
    }),
    m('GetCertHash', 'byte[] GetCertHash()', none('GetCertHash', () => Uint8Array.from(Buffer.from(f().thumbprint, 'hex')))),
    m('GetCertHashString', 'string GetCertHashString()', none('GetCertHashString', () => f().thumbprint)),
    m('GetEffectiveDateString', 'string GetEffectiveDateString()', none('GetEffectiveDateString', () => dateToString(f().notBefore))),
    m('GetExpirationDateString', 'string GetExpirationDateString()', none('GetExpirationDateString', () => dateToString(f().notAfter))),
    m('GetFormat', 'string GetFormat()', none('GetFormat', () => 'X509')),
    m('GetIssuerName', 'string GetIssuerName()', none('GetIssuerName', () => f().issuer)),
    m('GetKeyAlgorithm', 'string GetKeyAlgorithm()', none('GetKeyAlgorithm', () => f().publicKey.algorithmOid)),
    m('GetKeyAlgorithmParametersString', 'string GetKeyAlgorithmParametersString()', none('GetKeyAlgorithmParametersString', () => '0500')),
    m('GetKeyAlgorithmParameters', 'byte[] GetKeyAlgorithmParameters()', none('GetKeyAlgorithmParameters', () => Uint8Array.from([5, 0]))),
    m('GetName', 'string GetName()', none('GetName', () => f().subject)),
    m('GetNameInfo', 'string GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType nameType, bool forIssuer)', (args) => {
      if (args.length !== 2) overloadError('GetNameInfo', args.length);
      return nameInfo(f(), convertToString(args[0]), args[1] === true);
    }),
    m('GetPublicKey', 'byte[] GetPublicKey()', none('GetPublicKey', () => Uint8Array.from(f().publicKey.bits))),
    m('GetPublicKeyString', 'string GetPublicKeyString()', none('GetPublicKeyString', () => hex(f().publicKey.bits))),
    m('GetRawCertData', 'byte[] GetRawCertData()', none('GetRawCertData', () => Uint8Array.from(f().der))),
    m('GetRawCertDataString', 'string GetRawCertDataString()', none('GetRawCertDataString', () => hex(f().der))),
    m('GetSerialNumber', 'byte[] GetSerialNumber()', none('GetSerialNumber', () => serialBytesLittleEndian(f().serialNumber))),
    m('GetSerialNumberString', 'string GetSerialNumberString()', none('GetSerialNumberString', () => f().serialNumber)),
    m('ToString', 'string ToString(), string ToString(bool verbose)', (args) => {
      if (args.length > 1) overloadError('ToString', args.length);
      return x509ToString(f());
    }),
    m('Verify', 'bool Verify()', none('Verify', () => f().verify())),
  ];
}

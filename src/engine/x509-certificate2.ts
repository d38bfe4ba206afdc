// System.Security.Cryptography.X509Certificates.X509Certificate2 as scripts make it:
// `[X509Certificate2]::new($path[, $password])`, `New-Object ... X509Certificate2 $bytes`. The
// certificate comes from a .cer (DER or Base64), a .p7b (its first certificate) or a .pfx on the
// lab drive, or from bytes; its members are .NET's. Verify() builds the chain to the lab
// machine's trusted roots (TrustedRootsKey) and checks it at the lab clock.

import type { LabFileSystem } from '../protocol/cmdlet.js';
import { convertTo, convertToString } from '../protocol/convert.js';
import { TerminatingError } from '../protocol/errors.js';
import { methodException, overloadError } from '../protocol/members.js';
import { TrustedRootsKey } from '../protocol/trust.js';
import { PSObject, SecureString, dateToString } from '../protocol/values.js';
import type { ServiceRegistry } from '../protocol/cmdlet.js';
import { loadPki, type Pki } from '../pki/load.js';

type CertificateInfo = ReturnType<Pki['parseCertificate']>;

export const X509_CERTIFICATE2 = 'System.Security.Cryptography.X509Certificates.X509Certificate2';
const X509_TYPE_NAMES = [X509_CERTIFICATE2, 'System.Security.Cryptography.X509Certificates.X509Certificate', 'System.Object'];

export interface X509Env {
  fs: LabFileSystem;
  location(): string;
  now(): Date;
  services: ServiceRegistry;
}

/** .NET's CryptographicException texts (they end with a line break, as Windows' messages do). */
const NOT_FOUND = 'The system cannot find the file specified.\r\n';
const BAD_DATA = 'Cannot find the requested object.\r\n';
const BAD_PASSWORD = 'The specified network password is not correct.\r\n';

function ctorError(argc: number, message: string): TerminatingError {
  return methodException('.ctor', argc, message, 'CryptographicException');
}

/** The bytes the constructor reads: a file on the lab drive, or a byte array. */
function inputBytes(arg: unknown, argc: number, env: X509Env): Uint8Array {
  if (arg instanceof Uint8Array) return arg;
  if (Array.isArray(arg)) return convertTo(arg, 'byte[]') as Uint8Array;
  const path = convertToString(arg);
  if (path === '') throw methodException('.ctor', argc, 'Empty path name is not legal.', 'ArgumentException');
  try {
    const p = env.fs.resolve(path, env.location());
    const st = env.fs.stat(p);
    if (!st || st.isDirectory) throw ctorError(argc, NOT_FOUND);
    return env.fs.readBytes(p);
  } catch (e) {
    if (e instanceof TerminatingError && e.record.exceptionType === 'MethodInvocationException') throw e;
    throw ctorError(argc, NOT_FOUND);
  }
}

function passwordText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof SecureString) return v.reveal();
  return convertToString(v);
}

/** `[X509Certificate2]::new(...)` / New-Object: the overloads of 5.1's constructor. */
export async function newX509Certificate2(args: unknown[], env: X509Env): Promise<PSObject> {
  if (args.length < 1 || args.length > 3) overloadError('new', args.length);
  const bytes = inputBytes(args[0], args.length, env);
  const pki = await loadPki();
  const format = pki.detectFormat(bytes);
  let cert: CertificateInfo;
  let hasPrivateKey = false;
  let friendlyName = '';
  try {
    // parseCertificate reads DER, Base64 (with or without its armour) and a .p7b's first certificate.
    if (format === 'certificate' || format === 'pkcs7') cert = pki.parseCertificate(bytes);
    else if (format === 'pkcs12') {
      const pfx = pki.importPfx(bytes, passwordText(args[1]));
      const chosen = pfx.certificate ?? pfx.certificates[0];
      if (!chosen) throw ctorError(args.length, BAD_DATA);
      cert = chosen;
      hasPrivateKey = !!pfx.certificate && !!pfx.privateKeyPem;
      friendlyName = pfx.friendlyName ?? '';
    } else throw ctorError(args.length, BAD_DATA);
  } catch (e) {
    if (e instanceof TerminatingError) throw e;
    if (e instanceof pki.PfxPasswordError) throw ctorError(args.length, BAD_PASSWORD);
    throw ctorError(args.length, BAD_DATA);
  }
  return x509Object(cert, pki, { hasPrivateKey, friendlyName }, env);
}

function oidObject(value: string, friendlyName: string): PSObject {
  const o = new PSObject(['System.Security.Cryptography.Oid', 'System.Object']);
  o.addProperty({ name: 'Value', memberType: 'Property', typeName: 'System.String', get: () => value });
  o.addProperty({ name: 'FriendlyName', memberType: 'Property', typeName: 'System.String', get: () => friendlyName });
  return o;
}

function distinguishedName(name: string, der: Uint8Array): PSObject {
  const o = new PSObject(['System.Security.Cryptography.X509Certificates.X500DistinguishedName', 'System.Security.Cryptography.AsnEncodedData', 'System.Object']);
  o.addProperty({ name: 'Name', memberType: 'Property', typeName: 'System.String', get: () => name });
  o.addProperty({ name: 'Oid', memberType: 'Property', typeName: 'System.Security.Cryptography.Oid', get: () => null });
  o.addProperty({ name: 'RawData', memberType: 'Property', typeName: 'System.Byte[]', get: () => new Uint8Array(der) });
  o.addMethod({ name: 'Format', definition: 'string Format(bool multiLine)', invoke: (a) => (a[0] ? name.split(', ').join('\r\n') + '\r\n' : name) });
  return o;
}

/** Extension OIDs with the friendly names Windows gives them. */
const EXTENSION_NAMES: Record<string, [string, string]> = {
  '2.5.29.15': ['Key Usage', 'System.Security.Cryptography.X509Certificates.X509KeyUsageExtension'],
  '2.5.29.37': ['Enhanced Key Usage', 'System.Security.Cryptography.X509Certificates.X509EnhancedKeyUsageExtension'],
  '2.5.29.19': ['Basic Constraints', 'System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension'],
  '2.5.29.14': ['Subject Key Identifier', 'System.Security.Cryptography.X509Certificates.X509SubjectKeyIdentifierExtension'],
  '2.5.29.17': ['Subject Alternative Name', 'System.Security.Cryptography.X509Certificates.X509Extension'],
  '2.5.29.35': ['Authority Key Identifier', 'System.Security.Cryptography.X509Certificates.X509Extension'],
  '2.5.29.31': ['CRL Distribution Points', 'System.Security.Cryptography.X509Certificates.X509Extension'],
  '1.3.6.1.5.5.7.1.1': ['Authority Information Access', 'System.Security.Cryptography.X509Certificates.X509Extension'],
};

function extensionObject(ext: { oid: string; critical: boolean; value: Uint8Array }): PSObject {
  const [friendly, type] = EXTENSION_NAMES[ext.oid] ?? ['', 'System.Security.Cryptography.X509Certificates.X509Extension'];
  const names = type.endsWith('.X509Extension') ? [type] : [type, 'System.Security.Cryptography.X509Certificates.X509Extension'];
  const o = new PSObject([...names, 'System.Security.Cryptography.AsnEncodedData', 'System.Object']);
  o.addProperty({ name: 'Critical', memberType: 'Property', typeName: 'System.Boolean', get: () => ext.critical });
  o.addProperty({ name: 'Oid', memberType: 'Property', typeName: 'System.Security.Cryptography.Oid', get: () => oidObject(ext.oid, friendly) });
  o.addProperty({ name: 'RawData', memberType: 'Property', typeName: 'System.Byte[]', get: () => new Uint8Array(ext.value) });
  return o;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();

/** The Windows short date-time text GetExpirationDateString() gives (en-US: `12/31/2027 11:59:59 PM`). */
const localDateString = (d: Date) => dateToString(d);

function x509Object(cert: CertificateInfo, pki: Pki, extra: { hasPrivateKey: boolean; friendlyName: string }, env: X509Env): PSObject {
  const o = new PSObject([...X509_TYPE_NAMES]);
  const prop = (name: string, typeName: string, get: () => unknown, set?: (v: unknown) => void) => o.addProperty({ name, memberType: 'Property', typeName, get, set });
  let friendlyName = extra.friendlyName;
  prop('Archived', 'System.Boolean', () => false);
  prop('Extensions', 'System.Security.Cryptography.X509Certificates.X509ExtensionCollection', () => cert.extensions.map(extensionObject));
  prop('FriendlyName', 'System.String', () => friendlyName, (v) => (friendlyName = convertToString(v)));
  prop('IssuerName', 'System.Security.Cryptography.X509Certificates.X500DistinguishedName', () => distinguishedName(cert.issuer, cert.issuerDer));
  prop('NotAfter', 'System.DateTime', () => new Date(cert.notAfter));
  prop('NotBefore', 'System.DateTime', () => new Date(cert.notBefore));
  prop('HasPrivateKey', 'System.Boolean', () => extra.hasPrivateKey);
  prop('PrivateKey', 'System.Security.Cryptography.AsymmetricAlgorithm', () => null);
  prop('PublicKey', 'System.Security.Cryptography.X509Certificates.PublicKey', () => {
    const k = new PSObject(['System.Security.Cryptography.X509Certificates.PublicKey', 'System.Object']);
    k.addProperty({ name: 'Oid', memberType: 'Property', typeName: 'System.Security.Cryptography.Oid', get: () => oidObject(cert.publicKeyAlgorithm === 'EC' ? '1.2.840.10045.2.1' : '1.2.840.113549.1.1.1', cert.publicKeyAlgorithm === 'EC' ? 'ECC' : 'RSA') });
    k.addProperty({ name: 'EncodedKeyValue', memberType: 'Property', typeName: 'System.Security.Cryptography.AsnEncodedData', get: () => new Uint8Array(cert.spki) });
    return k;
  });
  prop('RawData', 'System.Byte[]', () => new Uint8Array(cert.der));
  prop('SerialNumber', 'System.String', () => cert.serialNumber);
  prop('SubjectName', 'System.Security.Cryptography.X509Certificates.X500DistinguishedName', () => distinguishedName(cert.subject, cert.subjectDer));
  prop('SignatureAlgorithm', 'System.Security.Cryptography.Oid', () => oidObject(cert.signatureAlgorithm.oid, cert.signatureAlgorithm.name));
  prop('Thumbprint', 'System.String', () => cert.thumbprint);
  prop('Version', 'System.Int32', () => cert.version);
  prop('Handle', 'System.IntPtr', () => 1);
  prop('Issuer', 'System.String', () => cert.issuer);
  prop('Subject', 'System.String', () => cert.subject);

  const method = (name: string, definition: string, invoke: (args: unknown[]) => unknown) => o.addMethod({ name, definition, invoke });
  const serialBytesLittleEndian = () => Uint8Array.from(Buffer.from(cert.serialNumber, 'hex')).reverse();
  method('GetCertHash', 'byte[] GetCertHash()', () => Uint8Array.from(Buffer.from(cert.thumbprint, 'hex')));
  method('GetCertHashString', 'string GetCertHashString()', () => cert.thumbprint);
  method('GetSerialNumber', 'byte[] GetSerialNumber()', serialBytesLittleEndian);
  method('GetSerialNumberString', 'string GetSerialNumberString()', () => cert.serialNumber);
  method('GetEffectiveDateString', 'string GetEffectiveDateString()', () => localDateString(cert.notBefore));
  method('GetExpirationDateString', 'string GetExpirationDateString()', () => localDateString(cert.notAfter));
  method('GetRawCertData', 'byte[] GetRawCertData()', () => new Uint8Array(cert.der));
  method('GetRawCertDataString', 'string GetRawCertDataString()', () => hex(cert.der));
  method('GetPublicKeyString', 'string GetPublicKeyString()', () => hex(cert.spki));
  method('GetKeyAlgorithm', 'string GetKeyAlgorithm()', () => (cert.publicKeyAlgorithm === 'EC' ? '1.2.840.10045.2.1' : '1.2.840.113549.1.1.1'));
  method('GetFormat', 'string GetFormat()', () => 'X509');
  method('GetName', 'string GetName()', () => cert.subject);
  method('GetIssuerName', 'string GetIssuerName()', () => cert.issuer);
  method('GetNameInfo', 'string GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType nameType, bool forIssuer)', (a) => {
    const type = convertToString(a[0]).toLowerCase();
    const rdns = a[1] ? cert.issuerRdns : cert.subjectRdns;
    if (type === 'dnsname' && !a[1] && cert.dnsNames[0]) return cert.dnsNames[0];
    if (type === 'simplename' || type === 'dnsname') return pki.nameAttribute(rdns) ?? '';
    if (type === 'emailname') return pki.nameAttribute(rdns, '1.2.840.113549.1.9.1') ?? '';
    return '';
  });
  method('Export', 'byte[] Export(System.Security.Cryptography.X509Certificates.X509ContentType contentType)', (a) => {
    const type = convertToString(a[0]).toLowerCase();
    if (type === 'cert' || type === '1') return new Uint8Array(cert.der);
    if (type === 'pfx' || type === 'pkcs12' || type === '3') {
      throw methodException('Export', a.length, extra.hasPrivateKey ? 'Key not valid for use in specified state.\r\n' : 'Keyset does not exist\r\n', 'CryptographicException');
    }
    throw methodException('Export', a.length, 'Invalid content type.\r\nParameter name: contentType', 'CryptographicException');
  });
  method('Verify', 'bool Verify()', () => verify(cert, pki, env));
  method('Reset', 'void Reset()', () => undefined);
  method('ToString', 'string ToString(), string ToString(bool verbose)', () =>
    `[Subject]\n  ${cert.subject}\n\n[Issuer]\n  ${cert.issuer}\n\n[Serial Number]\n  ${cert.serialNumber}\n\n[Not Before]\n  ${dateToString(cert.notBefore)}\n\n[Not After]\n  ${dateToString(cert.notAfter)}\n\n[Thumbprint]\n  ${cert.thumbprint}\n`,
  );
  return o;
}

/**
 * X509Certificate2.Verify(): the chain to a root the lab machine trusts, every certificate in it
 * valid at the lab clock and signed by the next. (The lab publishes no revocation lists, so the
 * revocation check .NET also makes is not part of the answer.)
 */
function verify(cert: CertificateInfo, pki: Pki, env: X509Env): boolean {
  const roots = env.services.tryGet(TrustedRootsKey)?.rootPems() ?? [];
  const now = env.now();
  const { chain, complete } = pki.buildChain(cert, roots);
  if (!complete) return false;
  const top = chain[chain.length - 1]!;
  const trusted = roots.some((pem) => pki.parseCertificate(pem).thumbprint === top.thumbprint);
  if (!trusted) return false;
  for (let i = 0; i < chain.length; i++) {
    const c = chain[i]!;
    if (now < c.notBefore || now > c.notAfter) return false;
    const issuer = chain[i + 1] ?? c;
    if (!pki.verifySignedBy(c, issuer)) return false;
  }
  return true;
}

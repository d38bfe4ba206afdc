/**
 * X.509 certificates: building (self-signed, lab CA, CA-signed from a request) and reading, through
 * node-forge's certificate model.
 *
 * Building: forge lays out the TBSCertificate (getTBSCertificate), node:crypto signs its DER with
 * SHA-256 (forge's RSA signing is far slower and defaults to SHA-1), forge wraps the result
 * (certificateToAsn1). Names and the SubjectPublicKeyInfo are placed as exact ASN.1 (see asn1.ts).
 * Reading: forge's certificateFromAsn1 on the input's own ASN.1, with the exact bytes of the TBS,
 * names and key kept aside, so thumbprints and signature checks see exactly what was given.
 */
import { createHash, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import {
  bitStringBytes,
  Class,
  derOf,
  firstTlv,
  fixSignatureAlgorithm,
  fromBinary,
  isType,
  parseAsn1,
  seqNode,
  STAND_IN_KEY,
  STAND_IN_SPKI,
  tlvChildren,
  toBinary,
  Type,
  type Asn1,
} from './asn1.js';
import { PkiFormatError, PkiSignatureError } from './errors.js';
import {
  authorityKeyIdentifierExt,
  basicConstraintsExt,
  decodeExtensions,
  extKeyUsageExt,
  keyUsageExt,
  subjectAltNameExt,
  subjectKeyIdentifierExt,
  type ExtensionInfo,
  type ForgeExtension,
} from './extensions.js';
import { describePublicKey, privateKeyObject, publicKeyFromSpki, signatureOidFor, signSha256, verifySignature } from './keys.js';
import { decodeName, formatDn, nameAttribute, nameToAsn1, parseDn, type Rdn } from './names.js';
import { SIGNATURE_ALGORITHMS, type KeyUsageName } from './oids.js';
import { decodeInput, toPem, type PkiInput } from './pem.js';
import { certificatesFromPkcs7, isPkcs7 } from './pkcs7.js';
import { parseRequest, type RequestInfo, type SubjectKeyFacts } from './request.js';

export interface CertificateInfo extends SubjectKeyFacts {
  der: Buffer;
  /** `-----BEGIN CERTIFICATE-----` with 64-character lines and LF line ends. */
  pem: string;
  /** 1 or 3. */
  version: number;
  /** Upper-case hex of the serial's bytes as encoded (as X509Certificate2.SerialNumber shows it). */
  serialNumber: string;
  issuer: string;
  issuerRdns: Rdn[];
  issuerDer: Buffer;
  notBefore: Date;
  notAfter: Date;
  /** Upper-case hex SHA-1 of the DER (Exchange's Thumbprint). */
  thumbprint: string;
  keyUsage: KeyUsageName[];
  enhancedKeyUsage: { oid: string; friendlyName?: string }[];
  basicConstraints?: { ca: boolean; pathLength?: number };
  isCa: boolean;
  subjectKeyIdentifier?: string;
  authorityKeyIdentifier?: string;
  extensions: ExtensionInfo[];
  /** Issuer name equals subject name and the signature verifies with the certificate's own key. */
  isSelfSigned: boolean;
  /** Exact TBSCertificate bytes and signature, for verification. */
  tbs: Buffer;
  signature: Buffer;
}

// ---------------------------------------------------------------------------------------------
// Reading

function signatureAlgorithmInfo(algOid: string): { oid: string; name: string } {
  return { oid: algOid, name: SIGNATURE_ALGORITHMS[algOid]?.name ?? algOid };
}

/** Parses one DER certificate. Throws PkiFormatError for anything that is not an X.509 certificate. */
export function certificateFromDer(input: Uint8Array): CertificateInfo {
  const der = Buffer.from(input); // own copy: callers may reuse their buffer
  const top = tlvChildren(der, 'certificate');
  if (top.length !== 3) throw new PkiFormatError('Malformed certificate: expected TBSCertificate, algorithm and signature.');
  const [tbs, sigAlg, sig] = top as [(typeof top)[0], (typeof top)[0], (typeof top)[0]];
  const fields = tlvChildren(tbs.der, 'TBSCertificate');
  const v = isType(fields[0]?.node, 0, Class.CONTEXT_SPECIFIC) ? 1 : 0; // [0] version is optional (v1)
  const issuer = fields[v + 2];
  const subject = fields[v + 4];
  const spki = fields[v + 5];
  if (!issuer || !subject || !spki) throw new PkiFormatError('Malformed certificate: the TBSCertificate is incomplete.');

  let cert: forge.pki.Certificate;
  try {
    const tbsForForge = seqNode(fields.map((f) => (f === spki ? STAND_IN_SPKI : f.node)));
    cert = forge.pki.certificateFromAsn1(seqNode([tbsForForge, sigAlg.node, sig.node]));
  } catch (e) {
    throw new PkiFormatError(`Malformed certificate: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }

  const keyObject = publicKeyFromSpki(spki.der, 'certificate');
  const key = describePublicKey(keyObject);
  const exts = decodeExtensions(cert.extensions);
  const subjectRdns = decodeName(subject.node);
  const issuerRdns = decodeName(issuer.node);
  const signature = fromBinary(cert.signature as string);

  return {
    der,
    pem: toPem(der, 'CERTIFICATE'),
    version: cert.version + 1,
    serialNumber: cert.serialNumber.toUpperCase(),
    subject: formatDn(subjectRdns),
    issuer: formatDn(issuerRdns),
    subjectRdns,
    issuerRdns,
    subjectDer: subject.der,
    issuerDer: issuer.der,
    commonName: nameAttribute(subjectRdns),
    notBefore: cert.validity.notBefore,
    notAfter: cert.validity.notAfter,
    thumbprint: createHash('sha1').update(der).digest('hex').toUpperCase(),
    dnsNames: exts.dnsNames,
    ipAddresses: exts.ipAddresses,
    publicKeyAlgorithm: key.algorithm,
    publicKeySize: key.size,
    publicKeyPem: key.publicPem,
    spki: spki.der,
    signatureAlgorithm: signatureAlgorithmInfo(cert.signatureOid),
    keyUsage: exts.keyUsage ?? [],
    enhancedKeyUsage: exts.enhancedKeyUsage ?? [],
    ...(exts.basicConstraints ? { basicConstraints: exts.basicConstraints } : {}),
    isCa: exts.basicConstraints?.ca ?? false,
    ...(exts.subjectKeyIdentifier ? { subjectKeyIdentifier: exts.subjectKeyIdentifier } : {}),
    ...(exts.authorityKeyIdentifier ? { authorityKeyIdentifier: exts.authorityKeyIdentifier } : {}),
    extensions: exts.list,
    isSelfSigned: issuer.der.equals(subject.der) && verifySignature(tbs.der, cert.signatureOid, signature, keyObject),
    tbs: tbs.der,
    signature,
  };
}

const CERT_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);

/**
 * Every certificate in the input: PEM blocks (several allowed), PKCS#7 (`-----BEGIN PKCS7-----`,
 * DER .p7b, bare Base64), a DER certificate, or bare Base64 of one. Other PEM blocks (keys, requests)
 * are skipped. Throws PkiFormatError when nothing certificate-like is found.
 */
export function parseCertificates(input: PkiInput): CertificateInfo[] {
  const out: CertificateInfo[] = [];
  for (const block of decodeInput(input)) {
    if (block.label === 'PKCS7' || block.label === 'CMS') {
      out.push(...certificatesFromPkcs7(block.der).map(certificateFromDer));
    } else if (block.label === 'TRUSTED CERTIFICATE') {
      // OpenSSL appends trust settings after the certificate.
      out.push(certificateFromDer(firstTlv(block.der, 'certificate')));
    } else if (CERT_LABELS.has(block.label)) {
      out.push(certificateFromDer(block.der));
    } else if (block.label === '') {
      if (isPkcs7(parseAsn1(block.der, 'data'))) out.push(...certificatesFromPkcs7(block.der).map(certificateFromDer));
      else out.push(certificateFromDer(block.der));
    }
  }
  if (!out.length) throw new PkiFormatError('No certificate was found in the data.');
  return out;
}

/** The first certificate in the input (see parseCertificates). */
export function parseCertificate(input: PkiInput | CertificateInfo): CertificateInfo {
  if (isCertificateInfo(input)) return input;
  return parseCertificates(input)[0]!;
}

function isCertificateInfo(v: unknown): v is CertificateInfo {
  return typeof v === 'object' && v !== null && 'thumbprint' in v && 'tbs' in v;
}

/** True when `issuer`'s subject is `cert`'s issuer and `issuer`'s key verifies `cert`'s signature. */
export function verifySignedBy(cert: PkiInput | CertificateInfo, issuer: PkiInput | CertificateInfo): boolean {
  const c = parseCertificate(cert);
  const i = parseCertificate(issuer);
  const nameMatch = c.issuerDer.equals(i.subjectDer) || c.issuer.toLowerCase() === i.subject.toLowerCase();
  return nameMatch && verifySignature(c.tbs, c.signatureAlgorithm.oid, c.signature, i.spki);
}

// ---------------------------------------------------------------------------------------------
// Building

export interface ValidityOptions {
  /** From the lab clock; pki never reads the system time. Encoded with seconds precision. */
  notBefore: Date;
  notAfter: Date;
  /** Hex; default: 16 random bytes, positive. */
  serialNumber?: string;
}

export interface SelfSignedOptions extends ValidityOptions {
  /** Windows/Exchange DN text, e.g. `CN=webmail.proexchange.global, O=ProExchange, C=US`. */
  subject: string;
  /** SAN entries (DNS names; IP literals become iPAddress entries). No SAN extension when empty. */
  dnsNames?: string[];
  /** Private key PEM (PKCS#8 or PKCS#1) whose public half goes into the certificate. */
  privateKeyPem: string;
  /** Default ['serverAuth'] — the Server Authentication EKU Exchange's self-signed certificates carry. */
  extendedKeyUsage?: string[];
  /** Default DigitalSignature + KeyEncipherment (RSA) or DigitalSignature (EC). */
  keyUsage?: KeyUsageName[];
}

export interface CaCertificateOptions extends ValidityOptions {
  subject: string;
  privateKeyPem: string;
  pathLength?: number;
}

export interface SignRequestOptions extends ValidityOptions {
  /** Default ['serverAuth']. */
  extendedKeyUsage?: string[];
  keyUsage?: KeyUsageName[];
}

/** Normalises a hex serial to a minimal positive INTEGER body; generates 16 random bytes when absent. */
export function serialBytes(hex?: string): Buffer {
  if (hex === undefined) {
    const b = randomBytes(16);
    b[0] = b[0]! & 0x7f || 0x01; // positive, and no leading zero octet to strip
    return b;
  }
  const clean = hex.replace(/[\s:]/g, '');
  if (!/^[0-9a-fA-F]+$/.test(clean)) throw new PkiFormatError(`Invalid serial number "${hex}".`);
  let b = Buffer.from(clean.length % 2 ? '0' + clean : clean, 'hex');
  let start = 0;
  while (start < b.length - 1 && b[start] === 0) start++;
  b = b.subarray(start);
  if (b.length === 1 && b[0] === 0) throw new PkiFormatError('The serial number must be positive.');
  if (b[0]! & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  if (b.length > 20) throw new PkiFormatError('The serial number is longer than 20 octets.');
  return b;
}

/** RFC 5280 method 1: SHA-1 of the subjectPublicKey BIT STRING contents. */
export function keyIdentifier(spki: Buffer): Buffer {
  const bits = tlvChildren(spki, 'subject public key info')[1];
  if (!bits || !isType(bits.node, Type.BITSTRING)) throw new PkiFormatError('Malformed subject public key info.');
  return createHash('sha1').update(bitStringBytes(bits.node)).digest();
}

interface BuildParams extends ValidityOptions {
  subject: Asn1;
  issuer: Asn1;
  spki: Buffer;
  extensions: ForgeExtension[];
  signingKey: KeyObject;
}

/** TBSCertificate positions in what forge.pki.getTBSCertificate returns (it always writes [0] version). */
const TBS = { signature: 2, issuer: 3, subject: 5, spki: 6 } as const;

function build(p: BuildParams): CertificateInfo {
  if (Number.isNaN(p.notBefore.getTime()) || Number.isNaN(p.notAfter.getTime())) throw new PkiFormatError('Invalid date.');
  if (!(p.notAfter.getTime() > p.notBefore.getTime())) throw new RangeError('notAfter must be later than notBefore.');
  const algOid = signatureOidFor(p.signingKey);
  const cert = forge.pki.createCertificate();
  cert.version = 2; // v3
  cert.serialNumber = serialBytes(p.serialNumber).toString('hex');
  cert.validity.notBefore = p.notBefore; // forge writes UTCTime through 2049, GeneralizedTime after, seconds precision
  cert.validity.notAfter = p.notAfter;
  cert.siginfo.algorithmOid = algOid;
  cert.publicKey = STAND_IN_KEY;
  cert.setExtensions(p.extensions);

  const tbs = forge.pki.getTBSCertificate(cert);
  const fields = tbs.value as Asn1[];
  fields[TBS.issuer] = p.issuer;
  fields[TBS.subject] = p.subject;
  fields[TBS.spki] = parseAsn1(p.spki, 'subject public key info');
  fixSignatureAlgorithm(fields[TBS.signature]!, algOid);

  cert.tbsCertificate = tbs;
  cert.signatureOid = algOid;
  cert.signature = toBinary(signSha256(derOf(tbs), p.signingKey));
  const signed = forge.pki.certificateToAsn1(cert);
  fixSignatureAlgorithm((signed.value as Asn1[])[1]!, algOid);
  return certificateFromDer(derOf(signed));
}

function defaultKeyUsage(key: KeyObject): KeyUsageName[] {
  return key.asymmetricKeyType === 'rsa' ? ['DigitalSignature', 'KeyEncipherment'] : ['DigitalSignature'];
}

/** A certificate signed with its own key: subject = issuer, the extensions from the key and its identifier. */
function selfSigned(opts: ValidityOptions & { subject: string; privateKeyPem: string }, extensions: (key: KeyObject, ski: Buffer) => ForgeExtension[]): CertificateInfo {
  const key = privateKeyObject(opts.privateKeyPem);
  const spki = describePublicKey(createPublicKey(key)).spki;
  const name = nameToAsn1(parseDn(opts.subject));
  return build({ ...opts, subject: name, issuer: name, spki, signingKey: key, extensions: extensions(key, keyIdentifier(spki)) });
}

/**
 * A self-signed end-entity certificate (X.509 v3): basicConstraints CA:false, keyUsage, EKU
 * (serverAuth by default), SAN, subject key identifier; SHA-256 signature.
 */
export function createSelfSigned(opts: SelfSignedOptions): CertificateInfo {
  const dns = opts.dnsNames ?? [];
  return selfSigned(opts, (key, ski) => [
    basicConstraintsExt(false),
    keyUsageExt(opts.keyUsage ?? defaultKeyUsage(key)),
    extKeyUsageExt(opts.extendedKeyUsage ?? ['serverAuth']),
    ...(dns.length ? [subjectAltNameExt(dns)] : []),
    subjectKeyIdentifierExt(ski),
  ]);
}

/** A self-signed CA certificate (e.g. `CN=ProExchange Root CA`): CA:true, keyCertSign + cRLSign. */
export function createCaCertificate(opts: CaCertificateOptions): CertificateInfo {
  return selfSigned(opts, (_key, ski) => [
    basicConstraintsExt(true, opts.pathLength),
    keyUsageExt(['DigitalSignature', 'KeyCertSign', 'CrlSign']),
    subjectKeyIdentifierExt(ski),
    authorityKeyIdentifierExt(ski),
  ]);
}

/**
 * Issues a certificate for a PKCS#10 request, signed by a CA: the subject (exact bytes), public key
 * and SAN entries come from the request. Throws PkiSignatureError when the request's signature does
 * not verify, PkiFormatError when the CA key does not belong to the CA certificate.
 */
export function signRequest(
  request: PkiInput | RequestInfo,
  caCertificate: PkiInput | CertificateInfo,
  caPrivateKeyPem: string,
  opts: SignRequestOptions,
): CertificateInfo {
  const req = isRequestInfo(request) ? request : parseRequest(request);
  if (!req.signatureValid) throw new PkiSignatureError('The certificate request signature is not valid.');
  const ca = parseCertificate(caCertificate);
  const caKey = privateKeyObject(caPrivateKeyPem);
  if (!describePublicKey(createPublicKey(caKey)).spki.equals(ca.spki)) {
    throw new PkiFormatError('The CA private key does not match the CA certificate.');
  }
  const reqKey = createPublicKey({ key: req.spki, format: 'der', type: 'spki' });
  const sans = [...req.dnsNames, ...req.ipAddresses];
  return build({
    ...opts,
    subject: parseAsn1(req.subjectDer, 'request subject'),
    issuer: parseAsn1(ca.subjectDer, 'CA subject'),
    spki: req.spki,
    signingKey: caKey,
    extensions: [
      basicConstraintsExt(false),
      keyUsageExt(opts.keyUsage ?? defaultKeyUsage(reqKey)),
      extKeyUsageExt(opts.extendedKeyUsage ?? ['serverAuth']),
      ...(sans.length ? [subjectAltNameExt(sans)] : []),
      subjectKeyIdentifierExt(keyIdentifier(req.spki)),
      authorityKeyIdentifierExt(ca.subjectKeyIdentifier ? Buffer.from(ca.subjectKeyIdentifier, 'hex') : keyIdentifier(ca.spki)),
    ],
  });
}

function isRequestInfo(v: unknown): v is RequestInfo {
  return typeof v === 'object' && v !== null && !(v instanceof Uint8Array) && 'signatureValid' in v;
}

/** True when the private key is the one whose public half is in the certificate. */
export function keyMatchesCertificate(privateKeyPem: string, cert: PkiInput | CertificateInfo): boolean {
  const c = parseCertificate(cert);
  try {
    return describePublicKey(createPublicKey(privateKeyObject(privateKeyPem))).spki.equals(c.spki);
  } catch {
    return false;
  }
}

/**
 * PKCS#10 certificate requests, as New-ExchangeCertificate -GenerateRequest writes them: Base64 between
 * `-----BEGIN NEW CERTIFICATE REQUEST-----` / `-----END NEW CERTIFICATE REQUEST-----` with 64-character
 * lines, or DER with -BinaryEncoded. SANs travel in a PKCS#9 extensionRequest attribute.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { bitString, bitStringBytes, childrenOf, ctx, decodeOid, expectTag, integer, parseDer, seq, set, Tag, oid } from './der.js';
import { PkiFormatError } from './errors.js';
import { decodeExtensions, subjectAltNameExt } from './extensions.js';
import { describePublicKey, privateKeyObject, signatureAlgorithmFor, signSha256, verifySignature } from './keys.js';
import { decodeName, encodeName, formatDn, nameAttribute, parseDn, type Rdn } from './names.js';
import { OID, SIGNATURE_ALGORITHMS } from './oids.js';
import { decodeInput, toPem, type PkiInput } from './pem.js';

/** The armour label Exchange (CertEnroll) uses. */
export const NEW_REQUEST_LABEL = 'NEW CERTIFICATE REQUEST';

export interface RequestOptions {
  /** Windows/Exchange DN text, e.g. `c=US, o=Contoso, cn=mail.contoso.com`. */
  subject: string;
  /** SAN entries; no extensionRequest attribute when empty. */
  dnsNames?: string[];
  privateKeyPem: string;
}

export interface RequestInfo {
  der: Buffer;
  /** Exchange's text form: NEW CERTIFICATE REQUEST armour, 64-char lines, LF line ends. */
  pem: string;
  subject: string;
  subjectRdns: Rdn[];
  subjectDer: Buffer;
  commonName?: string;
  dnsNames: string[];
  ipAddresses: string[];
  publicKeyAlgorithm: string;
  publicKeySize: number;
  publicKeyPem: string;
  spki: Buffer;
  signatureAlgorithm: { oid: string; name: string };
  /** The request's self-signature verifies with its own public key. */
  signatureValid: boolean;
}

/** Builds and signs (SHA-256, node:crypto) a PKCS#10 request. */
export function createRequest(opts: RequestOptions): RequestInfo {
  const key: KeyObject = privateKeyObject(opts.privateKeyPem);
  const spki = describePublicKey(createPublicKey(key)).spki;
  const dns = opts.dnsNames ?? [];
  const attributes = dns.length
    ? [seq(oid(OID.extensionRequest), set(seq(subjectAltNameExt(dns))))]
    : [];
  const cri = seq(integer(0), encodeName(parseDn(opts.subject)), spki, ctx(0, Buffer.concat(attributes)));
  const sigAlg = signatureAlgorithmFor(key);
  return requestFromDer(seq(cri, sigAlg, bitString(signSha256(cri, key))));
}

/** Text of a request as Exchange writes it (CRLF line ends on request: Windows files use them). */
export function requestToText(req: RequestInfo | Uint8Array, eol = '\n'): string {
  return toPem(req instanceof Uint8Array ? req : req.der, NEW_REQUEST_LABEL, eol);
}

/** Parses one DER CertificationRequest and checks its signature. */
export function requestFromDer(input: Uint8Array): RequestInfo {
  const der = Buffer.from(input);
  const top = childrenOf(expectTag(parseDer(der), Tag.SEQUENCE, 'certificate request'));
  if (top.length !== 3) throw new PkiFormatError('Malformed certificate request.');
  const [criNode, algNode, sigNode] = top as [NonNullable<(typeof top)[0]>, NonNullable<(typeof top)[0]>, NonNullable<(typeof top)[0]>];
  const cri = childrenOf(expectTag(criNode, Tag.SEQUENCE, 'certification request info'));
  expectTag(cri[0], Tag.INTEGER, 'request version');
  const subjectNode = cri[1]!;
  const spkiNode = expectTag(cri[2], Tag.SEQUENCE, 'subject public key info');
  const attrs = cri[3] && cri[3].tag === 0xa0 ? childrenOf(cri[3]) : [];
  let dnsNames: string[] = [];
  let ipAddresses: string[] = [];
  for (const attr of attrs) {
    const [type, values] = childrenOf(expectTag(attr, Tag.SEQUENCE, 'request attribute'));
    if (decodeOid(expectTag(type, Tag.OID, 'attribute type').content) !== OID.extensionRequest) continue;
    const exts = decodeExtensions(childrenOf(expectTag(values, Tag.SET, 'attribute values'))[0]);
    dnsNames = exts.dnsNames;
    ipAddresses = exts.ipAddresses;
  }
  const algOid = decodeOid(expectTag(childrenOf(expectTag(algNode, Tag.SEQUENCE, 'signature algorithm'))[0], Tag.OID, 'signature algorithm').content);
  const signature = bitStringBytes(expectTag(sigNode, Tag.BIT_STRING, 'signature')).bytes;
  const spki = Buffer.from(spkiNode.bytes);
  let key;
  try {
    key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
  } catch (e) {
    throw new PkiFormatError('The request public key could not be read.', { cause: e });
  }
  const info = describePublicKey(key);
  const subjectRdns = decodeName(subjectNode);
  return {
    der,
    pem: toPem(der, NEW_REQUEST_LABEL),
    subject: formatDn(subjectRdns),
    subjectRdns,
    subjectDer: Buffer.from(subjectNode.bytes),
    commonName: nameAttribute(subjectRdns),
    dnsNames,
    ipAddresses,
    publicKeyAlgorithm: info.algorithm,
    publicKeySize: info.size,
    publicKeyPem: info.publicPem,
    spki,
    signatureAlgorithm: { oid: algOid, name: SIGNATURE_ALGORITHMS[algOid]?.name ?? algOid },
    signatureValid: verifySignature(Buffer.from(criNode.bytes), algOid, Buffer.from(signature), key),
  };
}

const REQUEST_LABELS = new Set([NEW_REQUEST_LABEL, 'CERTIFICATE REQUEST']);

/**
 * Reads a request from `NEW CERTIFICATE REQUEST` or `CERTIFICATE REQUEST` PEM, bare Base64 or DER.
 * The result says whether the signature verifies (`signatureValid`); it does not throw for that.
 */
export function parseRequest(input: PkiInput): RequestInfo {
  const blocks = decodeInput(input);
  const block = blocks.find((b) => REQUEST_LABELS.has(b.label)) ?? blocks.find((b) => b.label === '');
  if (!block) throw new PkiFormatError('No certificate request was found in the data.');
  return requestFromDer(block.der);
}

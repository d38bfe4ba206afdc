/**
 * PKCS#10 certificate requests, as New-ExchangeCertificate -GenerateRequest writes them: Base64 between
 * `-----BEGIN NEW CERTIFICATE REQUEST-----` / `-----END NEW CERTIFICATE REQUEST-----` with 64-character
 * lines, or DER with -BinaryEncoded. SANs travel in a PKCS#9 extensionRequest attribute.
 *
 * Built and read through node-forge's request model the way certificate.ts does certificates:
 * forge lays out the CertificationRequestInfo, node:crypto signs it; reading keeps exact bytes.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { derOf, fixSignatureAlgorithm, fromBinary, parseAsn1, seqNode, STAND_IN_KEY, STAND_IN_SPKI, tlvChildren, toBinary, type Asn1 } from './asn1.js';
import { PkiFormatError } from './errors.js';
import { decodeExtensions, subjectAltNameExt } from './extensions.js';
import { describePublicKey, privateKeyObject, publicKeyFromSpki, signatureOidFor, signSha256, verifySignature } from './keys.js';
import { decodeName, formatDn, nameAttribute, nameToAsn1, parseDn, type Rdn } from './names.js';
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

/** What a certificate and a request both tell: the subject, its names and its public key. */
export interface SubjectKeyFacts {
  /** Windows form, e.g. `CN=mail.contoso.com, OU=IT, O=Contoso, C=US`. */
  subject: string;
  /** RDNs in DER order. */
  subjectRdns: Rdn[];
  /** Exact DER of the Name field. */
  subjectDer: Buffer;
  /** The most specific CN, if any. */
  commonName?: string;
  /** SAN dNSName entries, in order. */
  dnsNames: string[];
  ipAddresses: string[];
  publicKeyAlgorithm: string;
  publicKeySize: number;
  publicKeyPem: string;
  /** SubjectPublicKeyInfo DER. */
  spki: Buffer;
  /** e.g. { oid: '1.2.840.113549.1.1.11', name: 'sha256RSA' } (Windows' friendly name). */
  signatureAlgorithm: { oid: string; name: string };
}

export interface RequestInfo extends SubjectKeyFacts {
  der: Buffer;
  /** Exchange's text form: NEW CERTIFICATE REQUEST armour, 64-char lines, LF line ends. */
  pem: string;
  /** The request's self-signature verifies with its own public key. */
  signatureValid: boolean;
}

/** Builds and signs (SHA-256, node:crypto) a PKCS#10 request. */
export function createRequest(opts: RequestOptions): RequestInfo {
  const key: KeyObject = privateKeyObject(opts.privateKeyPem);
  const spki = describePublicKey(createPublicKey(key)).spki;
  const algOid = signatureOidFor(key);
  const dns = opts.dnsNames ?? [];
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = STAND_IN_KEY; // replaced below by the real SubjectPublicKeyInfo (see asn1.ts)
  if (dns.length) csr.setAttributes([{ name: 'extensionRequest', extensions: [subjectAltNameExt(dns)] }]);

  const cri = forge.pki.getCertificationRequestInfo(csr); // version, subject, key, [0] attributes
  const fields = cri.value as Asn1[];
  fields[1] = nameToAsn1(parseDn(opts.subject));
  fields[2] = parseAsn1(spki, 'subject public key info');

  csr.certificationRequestInfo = cri;
  csr.signatureOid = algOid;
  csr.siginfo.algorithmOid = algOid;
  csr.signature = toBinary(signSha256(derOf(cri), key));
  const signed = forge.pki.certificationRequestToAsn1(csr);
  fixSignatureAlgorithm((signed.value as Asn1[])[1]!, algOid);
  return requestFromDer(derOf(signed));
}

/** Text of a request as Exchange writes it (CRLF line ends on request: Windows files use them). */
export function requestToText(req: RequestInfo | Uint8Array, eol = '\n'): string {
  return toPem(req instanceof Uint8Array ? req : req.der, NEW_REQUEST_LABEL, eol);
}

/** Parses one DER CertificationRequest and checks its signature. */
export function requestFromDer(input: Uint8Array): RequestInfo {
  const der = Buffer.from(input);
  const top = tlvChildren(der, 'certificate request');
  if (top.length !== 3) throw new PkiFormatError('Malformed certificate request.');
  const [cri, alg, sig] = top as [(typeof top)[0], (typeof top)[0], (typeof top)[0]];
  const fields = tlvChildren(cri.der, 'certification request info');
  const [, subject, spki] = fields;
  if (!subject || !spki) throw new PkiFormatError('Malformed certificate request.');

  let csr: forge.pki.CertificateSigningRequest;
  try {
    const criForForge = seqNode(fields.map((f) => (f === spki ? STAND_IN_SPKI : f.node)));
    csr = forge.pki.certificationRequestFromAsn1(seqNode([criForForge, alg.node, sig.node]));
  } catch (e) {
    throw new PkiFormatError(`Malformed certificate request: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const extensionRequest = csr.attributes.find((a) => a.type === OID.extensionRequest);
  const exts = decodeExtensions(extensionRequest?.extensions);

  const key = publicKeyFromSpki(spki.der, 'request');
  const info = describePublicKey(key);
  const algOid = csr.signatureOid ?? '';
  const subjectRdns = decodeName(subject.node);
  return {
    der,
    pem: toPem(der, NEW_REQUEST_LABEL),
    subject: formatDn(subjectRdns),
    subjectRdns,
    subjectDer: subject.der,
    commonName: nameAttribute(subjectRdns),
    dnsNames: exts.dnsNames,
    ipAddresses: exts.ipAddresses,
    publicKeyAlgorithm: info.algorithm,
    publicKeySize: info.size,
    publicKeyPem: info.publicPem,
    spki: spki.der,
    signatureAlgorithm: { oid: algOid, name: SIGNATURE_ALGORITHMS[algOid]?.name ?? algOid },
    signatureValid: verifySignature(cri.der, algOid, fromBinary(csr.signature as string), key),
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

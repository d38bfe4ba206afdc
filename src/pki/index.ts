/**
 * src/pki — real X.509, PKCS#10, PKCS#7 and PKCS#12 for emsh (floor 1: imports nothing from src/).
 *
 * Keys
 *   generateRsaKey(bits): Promise<{ privatePem, publicPem }>        async node:crypto; callers validate sizes
 *   keyInfo(privatePem) / publicKeyFromPrivate / normalizePrivateKeyPem
 * Certificates (all dates come from the caller's clock; pki never reads the system time)
 *   createSelfSigned({ subject, dnsNames?, notBefore, notAfter, privateKeyPem, serialNumber?,
 *                      extendedKeyUsage? = ['serverAuth'], keyUsage? }): CertificateInfo
 *   createCaCertificate({ subject, notBefore, notAfter, privateKeyPem, serialNumber?, pathLength? })
 *   signRequest(request, caCert, caPrivateKeyPem, { notBefore, notAfter, serialNumber?, extendedKeyUsage? })
 *   parseCertificate(input) / parseCertificates(input)  PEM (incl. PKCS7), DER, .p7b, bare Base64
 *   verifySignedBy(cert, issuer): boolean;  keyMatchesCertificate(privatePem, cert): boolean
 *   createPkcs7(ders): Buffer  (certs-only .p7b)
 * Requests
 *   createRequest({ subject, dnsNames?, privateKeyPem }): RequestInfo
 *   requestToText(req, eol?)  `-----BEGIN NEW CERTIFICATE REQUEST-----` armour, 64-char lines
 *   parseRequest(input): RequestInfo (NEW CERTIFICATE REQUEST / CERTIFICATE REQUEST PEM, DER); .signatureValid
 * PKCS#12
 *   exportPfx({ certificate, privateKeyPem, chain?, password, friendlyName?, algorithm: 'aes256' | '3des' })
 *   importPfx(bytes, password): { certificates, privateKeyPem?, certificate?, friendlyName? }
 * Domains and chains
 *   certificateDomains(cert)  CN then SAN DNS names, deduplicated (Exchange's CertificateDomains)
 *   domainMatches(pattern, host) / matchesHostname(cert, host)   wildcards cover one label
 *   findIssuer(cert, candidates) / buildChain(leaf, pool): { chain, complete }
 * Names
 *   parseDn(text) / formatDn(rdns): Windows order (RDNs reversed from DER), keys CN OU O L S C E DC…
 * Errors: PkiFormatError (bad data), PkiSignatureError, PfxPasswordError (wrong PFX password), DnSyntaxError.
 *
 * Conventions: thumbprint = upper-case hex SHA-1 of the DER; serialNumber = upper-case hex of the
 * INTEGER bytes; subject/issuer in Windows form (`CN=x, OU=y, O=z, C=US`); all signing SHA-256 through
 * node:crypto (forge's RSA is ~100× slower and defaults to SHA-1).
 * Structures (X.509, PKCS#10, PKCS#7, PKCS#12) are built and read with node-forge; keys are always
 * node:crypto's (forge models only RSA keys: see asn1.ts for how other key types get through).
 */
export { PkiFormatError, PkiSignatureError, PfxPasswordError, DnSyntaxError } from './errors.js';
export {
  generateRsaKey,
  keyInfo,
  publicKeyFromPrivate,
  normalizePrivateKeyPem,
  type KeyPairPem,
  type KeyInfo,
} from './keys.js';
export {
  createSelfSigned,
  createCaCertificate,
  signRequest,
  parseCertificate,
  parseCertificates,
  certificateFromDer,
  verifySignedBy,
  keyMatchesCertificate,
  keyIdentifier,
  type CertificateInfo,
  type SelfSignedOptions,
  type CaCertificateOptions,
  type SignRequestOptions,
  type ValidityOptions,
} from './certificate.js';
export { createRequest, parseRequest, requestFromDer, requestToText, NEW_REQUEST_LABEL, type RequestInfo, type RequestOptions } from './request.js';
export { certificateDomains, domainMatches, matchesHostname, findIssuer, buildChain } from './domains.js';
export { createPkcs7, certificatesFromPkcs7 } from './pkcs7.js';
export { exportPfx, importPfx, type ExportPfxOptions, type PfxContents, type PfxAlgorithm } from './pkcs12.js';
export { parseDn, formatDn, encodeName, nameAttribute, type Rdn, type NameAttribute } from './names.js';
export { toPem, decodeInput, type PkiInput } from './pem.js';
export { detectFormat, type PkiFormat } from './detect.js';
export { EKU, type KeyUsageName } from './oids.js';
export type { ExtensionInfo } from './extensions.js';

/**
 * PKCS#7 / CMS "certs-only" bundles (.p7b), as CAs return them and Windows exports them, through
 * node-forge's PKCS#7 support. forge's own SignedData reader and writer pass every certificate
 * through its RSA-only certificate model, so certificates are taken from and put into the
 * structure as plain ASN.1 instead (keeping their bytes, and allowing EC certificates).
 */
import forge from 'node-forge';
import { childrenOf, Class, derOf, isType, node, parseAsn1, Type, type Asn1 } from './asn1.js';
import { PkiFormatError } from './errors.js';
import { OID } from './oids.js';

/** forge's PKCS#7 ASN.1 validators (not in @types/node-forge). */
const p7asn1 = (forge.pkcs7 as unknown as { asn1: { contentInfoValidator: object; signedDataValidator: object } }).asn1;

/** True when the value is a ContentInfo (SEQUENCE starting with an OID), i.e. PKCS#7 rather than X.509. */
export function isPkcs7(root: Asn1): boolean {
  return isType(root, Type.SEQUENCE) && Array.isArray(root.value) && isType(root.value[0], Type.OID);
}

/** The DER of every certificate in a PKCS#7 SignedData (degenerate or signed). */
export function certificatesFromPkcs7(der: Buffer): Buffer[] {
  const contentInfo: Record<string, unknown> = {};
  if (!forge.asn1.validate(parseAsn1(der, 'PKCS #7 data'), p7asn1.contentInfoValidator, contentInfo)) {
    throw new PkiFormatError('Malformed PKCS #7 data.');
  }
  const contentType = forge.asn1.derToOid(contentInfo.contentType as string);
  if (contentType !== OID.pkcs7SignedData) throw new PkiFormatError(`Unsupported PKCS #7 content type ${contentType}.`);
  const signedData: Record<string, unknown> = {};
  const content = contentInfo.content as Asn1 | undefined; // [0] EXPLICIT SignedData
  const sd = content && childrenOf(content, 'PKCS #7 content')[0];
  if (!sd || !forge.asn1.validate(sd, p7asn1.signedDataValidator, signedData)) throw new PkiFormatError('Malformed PKCS #7 SignedData.');
  const certs = signedData.certificates as Asn1 | undefined; // [0] IMPLICIT SET OF Certificate
  if (!certs) return [];
  // Re-encoding forge's parse of a DER certificate gives back its bytes.
  return childrenOf(certs, 'PKCS #7 certificates').filter((c) => isType(c, Type.SEQUENCE)).map(derOf);
}

/** A degenerate SignedData holding only certificates (what `openssl crl2pkcs7 -nocrl` writes). */
export function createPkcs7(certificates: Uint8Array[]): Buffer {
  const contentInfo = forge.pkcs7.createSignedData().toAsn1(); // version 1, no digests, Data, no signers
  const signedData = childrenOf(childrenOf(contentInfo, 'PKCS #7')[1]!, 'PKCS #7 content')[0]!;
  const certs = node(Class.CONTEXT_SPECIFIC, 0, true, certificates.map((c) => parseAsn1(c, 'certificate')));
  childrenOf(signedData, 'SignedData').splice(3, 0, certs); // after encapContentInfo, before signerInfos
  return derOf(contentInfo);
}

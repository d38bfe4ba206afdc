/** PKCS#7 / CMS "certs-only" bundles (.p7b), as CAs return them and Windows exports them. */
import { childrenOf, ctx, decodeOid, expectTag, integer, oid, parseDer, seq, set, Tag, type DerNode } from './der.js';
import { PkiFormatError } from './errors.js';
import { OID } from './oids.js';

/** True when the DER is a ContentInfo (SEQUENCE starting with an OID), i.e. PKCS#7 rather than X.509. */
export function looksLikePkcs7(node: DerNode): boolean {
  if (node.tag !== Tag.SEQUENCE) return false;
  const first = childrenOf(node)[0];
  return first?.tag === Tag.OID;
}

/** The DER of every certificate in a PKCS#7 SignedData (degenerate or signed). */
export function certificatesFromPkcs7(der: Buffer): Buffer[] {
  const contentInfo = parseDer(der);
  const [type, content] = childrenOf(expectTag(contentInfo, Tag.SEQUENCE, 'PKCS #7 data'));
  const contentType = decodeOid(expectTag(type, Tag.OID, 'PKCS #7 content type').content);
  if (contentType !== OID.pkcs7SignedData) throw new PkiFormatError(`Unsupported PKCS #7 content type ${contentType}.`);
  const signedData = childrenOf(expectTag(content, 0xa0, 'PKCS #7 content'))[0];
  const fields = childrenOf(expectTag(signedData, Tag.SEQUENCE, 'PKCS #7 SignedData'));
  // version, digestAlgorithms, encapContentInfo, then [0] IMPLICIT certificates (optional)
  const certs = fields.slice(3).find((f) => f.tag === 0xa0);
  if (!certs) return [];
  return childrenOf(certs)
    .filter((c) => c.tag === Tag.SEQUENCE)
    .map((c) => Buffer.from(c.bytes));
}

/** A degenerate SignedData holding only certificates (what `openssl crl2pkcs7 -nocrl` writes). */
export function createPkcs7(certificates: Uint8Array[]): Buffer {
  const signedData = seq(
    integer(1),
    set(),
    seq(oid(OID.pkcs7Data)),
    ctx(0, Buffer.concat(certificates.map((c) => Buffer.from(c)))),
    set(),
  );
  return seq(oid(OID.pkcs7SignedData), ctx(0, signedData));
}

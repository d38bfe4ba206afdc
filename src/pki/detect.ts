/** Guessing what a file holds, so Import-ExchangeCertificate can pick PKCS#12 vs certificate vs PKCS#7. */
import { childrenOf, parseDer, Tag } from './der.js';
import { decodeInput, type PkiInput } from './pem.js';
import { looksLikePkcs7 } from './pkcs7.js';

export type PkiFormat = 'certificate' | 'pkcs7' | 'pkcs12' | 'request' | 'privateKey' | 'unknown';

const LABELS: Record<string, PkiFormat> = {
  CERTIFICATE: 'certificate',
  'X509 CERTIFICATE': 'certificate',
  'TRUSTED CERTIFICATE': 'certificate',
  PKCS7: 'pkcs7',
  CMS: 'pkcs7',
  'NEW CERTIFICATE REQUEST': 'request',
  'CERTIFICATE REQUEST': 'request',
  'PRIVATE KEY': 'privateKey',
  'RSA PRIVATE KEY': 'privateKey',
  'EC PRIVATE KEY': 'privateKey',
};

/** The kind of the first object in the input; never throws. */
export function detectFormat(input: PkiInput): PkiFormat {
  try {
    // BER (indefinite-length) PFX files start 30 80; our DER reader would refuse them.
    if (typeof input !== 'string' && input[0] === 0x30 && input[1] === 0x80) return 'pkcs12';
    const [block] = decodeInput(input);
    if (!block) return 'unknown';
    if (block.label) return LABELS[block.label] ?? 'unknown';
    const root = parseDer(block.der);
    if (looksLikePkcs7(root)) return 'pkcs7';
    const kids = childrenOf(root);
    // PFX: SEQUENCE { INTEGER 3, ContentInfo, MacData? }
    if (kids[0]?.tag === Tag.INTEGER) return 'pkcs12';
    if (kids.length === 3 && kids[0]?.tag === Tag.SEQUENCE) {
      const inner = childrenOf(kids[0]);
      // CertificationRequestInfo: INTEGER version, Name, SPKI, [0] attributes
      if (inner.length === 4 && inner[0]?.tag === Tag.INTEGER && inner[3]?.tag === 0xa0) return 'request';
      return 'certificate';
    }
    return 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Guessing what a file holds, so Import-ExchangeCertificate can pick PKCS#12 vs certificate vs PKCS#7. */
import { Class, isType, parseAsn1, Type } from './asn1.js';
import { decodeInput, type PkiInput } from './pem.js';
import { isPkcs7 } from './pkcs7.js';

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
    // BER (indefinite-length) PFX files start 30 80: no need to parse them to know.
    if (typeof input !== 'string' && input[0] === 0x30 && input[1] === 0x80) return 'pkcs12';
    const [block] = decodeInput(input);
    if (!block) return 'unknown';
    if (block.label) return LABELS[block.label] ?? 'unknown';
    const root = parseAsn1(block.der, 'data');
    if (isPkcs7(root)) return 'pkcs7';
    const kids = Array.isArray(root.value) ? root.value : [];
    // PFX: SEQUENCE { INTEGER 3, ContentInfo, MacData? }
    if (isType(kids[0], Type.INTEGER)) return 'pkcs12';
    if (kids.length === 3 && isType(kids[0], Type.SEQUENCE)) {
      const inner = Array.isArray(kids[0].value) ? kids[0].value : [];
      // CertificationRequestInfo: INTEGER version, Name, SPKI, [0] attributes
      if (inner.length === 4 && isType(inner[0], Type.INTEGER) && isType(inner[3], 0, Class.CONTEXT_SPECIFIC)) return 'request';
      return 'certificate';
    }
    return 'unknown';
  } catch {
    return 'unknown';
  }
}

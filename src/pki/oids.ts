/** Object identifiers used by src/pki, with the friendly names Windows displays. */

export const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  md5WithRSA: '1.2.840.113549.1.1.4',
  sha1WithRSA: '1.2.840.113549.1.1.5',
  rsassaPss: '1.2.840.113549.1.1.10',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  sha384WithRSA: '1.2.840.113549.1.1.12',
  sha512WithRSA: '1.2.840.113549.1.1.13',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSHA1: '1.2.840.10045.4.1',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
  ecdsaWithSHA384: '1.2.840.10045.4.3.3',
  ecdsaWithSHA512: '1.2.840.10045.4.3.4',
  extensionRequest: '1.2.840.113549.1.9.14',
  pkcs7Data: '1.2.840.113549.1.7.1',
  pkcs7SignedData: '1.2.840.113549.1.7.2',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
} as const;

/** Signature algorithm OID → hash for node:crypto and Windows' SignatureAlgorithm.FriendlyName. */
export const SIGNATURE_ALGORITHMS: Record<string, { hash: string; name: string; keyType: 'rsa' | 'ec' }> = {
  [OID.md5WithRSA]: { hash: 'md5', name: 'md5RSA', keyType: 'rsa' },
  [OID.sha1WithRSA]: { hash: 'sha1', name: 'sha1RSA', keyType: 'rsa' },
  [OID.sha256WithRSA]: { hash: 'sha256', name: 'sha256RSA', keyType: 'rsa' },
  [OID.sha384WithRSA]: { hash: 'sha384', name: 'sha384RSA', keyType: 'rsa' },
  [OID.sha512WithRSA]: { hash: 'sha512', name: 'sha512RSA', keyType: 'rsa' },
  [OID.ecdsaWithSHA1]: { hash: 'sha1', name: 'sha1ECDSA', keyType: 'ec' },
  [OID.ecdsaWithSHA256]: { hash: 'sha256', name: 'sha256ECDSA', keyType: 'ec' },
  [OID.ecdsaWithSHA384]: { hash: 'sha384', name: 'sha384ECDSA', keyType: 'ec' },
  [OID.ecdsaWithSHA512]: { hash: 'sha512', name: 'sha512ECDSA', keyType: 'ec' },
};

/** Extended key usages: short name (as accepted by our options) → OID, and Windows' friendly name. */
export const EKU: Record<string, { oid: string; friendlyName: string }> = {
  serverAuth: { oid: '1.3.6.1.5.5.7.3.1', friendlyName: 'Server Authentication' },
  clientAuth: { oid: '1.3.6.1.5.5.7.3.2', friendlyName: 'Client Authentication' },
  codeSigning: { oid: '1.3.6.1.5.5.7.3.3', friendlyName: 'Code Signing' },
  emailProtection: { oid: '1.3.6.1.5.5.7.3.4', friendlyName: 'Secure Email' },
  timeStamping: { oid: '1.3.6.1.5.5.7.3.8', friendlyName: 'Time Stamping' },
  ocspSigning: { oid: '1.3.6.1.5.5.7.3.9', friendlyName: 'OCSP Signing' },
};

export function ekuFriendlyName(oid: string): string | undefined {
  for (const v of Object.values(EKU)) if (v.oid === oid) return v.friendlyName;
  return undefined;
}

/** KeyUsage bits in DER bit order, named as .NET's X509KeyUsageFlags. */
export const KEY_USAGE_BITS = [
  'DigitalSignature',
  'NonRepudiation',
  'KeyEncipherment',
  'DataEncipherment',
  'KeyAgreement',
  'KeyCertSign',
  'CrlSign',
  'EncipherOnly',
  'DecipherOnly',
] as const;
export type KeyUsageName = (typeof KEY_USAGE_BITS)[number];

/**
 * PKCS#12 (.pfx) through node-forge.
 *
 * Export: the key is shrouded with AES-256 (PBES2/PBKDF2) or 3DES (PBES1; what older Windows builds
 * need); forge leaves certificate bags unencrypted and MACs with HMAC-SHA1. OpenSSL 3 and Node's TLS
 * read both. Import: AES, 3DES and legacy RC2-40 files (forge decrypts RC2 itself, so `openssl
 * -legacy` output works here even though OpenSSL 3 refuses it without the legacy provider).
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import forge from 'node-forge';
import { derOf, toBinary } from './asn1.js';
import { certificateFromDer, parseCertificate, type CertificateInfo } from './certificate.js';
import { PfxPasswordError, PkiFormatError } from './errors.js';
import { describePublicKey } from './keys.js';
import type { PkiInput } from './pem.js';

export type PfxAlgorithm = 'aes256' | '3des';

export interface ExportPfxOptions {
  /** The certificate (PEM/DER/CertificateInfo) whose key is exported. */
  certificate: PkiInput | CertificateInfo;
  /** Its private key, PEM. RSA only (forge's PKCS#8 writer). */
  privateKeyPem: string;
  /** Issuer certificates to include after the end-entity certificate. */
  chain?: (PkiInput | CertificateInfo)[];
  password: string;
  /** Bag attribute shown by Windows as the certificate's FriendlyName. */
  friendlyName?: string;
  algorithm: PfxAlgorithm;
}

type Pbkdf2 = (password: string, ...rest: unknown[]) => unknown;

/**
 * PBES2 (AES) keys derive from the password's UTF-8 bytes (what OpenSSL and Windows use), while the
 * MAC and PKCS#12-PBE (3DES, RC2) use its UTF-16 form. Forge hands one JS string to both and PBKDF2
 * would take it as Latin-1, so around our (synchronous) forge calls PBKDF2 gets UTF-8. ASCII
 * passwords are unaffected.
 */
function withUtf8Pbkdf2<T>(fn: () => T): T {
  const pkcs5 = forge.pkcs5 as unknown as { pbkdf2: Pbkdf2 };
  const original = pkcs5.pbkdf2;
  pkcs5.pbkdf2 = (password, ...rest) => original(forge.util.encodeUtf8(password), ...rest);
  try {
    return fn();
  } finally {
    pkcs5.pbkdf2 = original;
  }
}

function forgeCertificate(info: CertificateInfo): forge.pki.Certificate {
  let cert: forge.pki.Certificate;
  try {
    cert = forge.pki.certificateFromAsn1(forge.asn1.fromDer(toBinary(info.der)));
  } catch (e) {
    throw new PkiFormatError('Only certificates with RSA keys can be written to a PKCS #12 file.', { cause: e });
  }
  // forge rebuilds the certificate from its parsed fields; refuse if that would change the bytes
  // (and so the thumbprint).
  if (!derOf(forge.pki.certificateToAsn1(cert)).equals(info.der)) {
    throw new PkiFormatError('The certificate cannot be re-encoded without changing it.');
  }
  return cert;
}

/** Builds a PKCS#12 file (DER bytes) with the key, the certificate and any chain certificates. */
export function exportPfx(opts: ExportPfxOptions): Uint8Array {
  const cert = parseCertificate(opts.certificate);
  let key: forge.pki.PrivateKey;
  try {
    // forge reads only RSA keys, from PKCS#1 or PKCS#8 PEM; normalise through node first.
    const pkcs8 = createPrivateKey(opts.privateKeyPem).export({ type: 'pkcs8', format: 'pem' }).toString();
    key = forge.pki.privateKeyFromPem(pkcs8);
  } catch (e) {
    throw new PkiFormatError('The private key could not be exported (only RSA keys are supported).', { cause: e });
  }
  if (!describePublicKey(createPublicKey(opts.privateKeyPem)).spki.equals(cert.spki)) {
    throw new PkiFormatError('The private key does not match the certificate.');
  }
  const certs = [cert, ...(opts.chain ?? []).map((c) => parseCertificate(c))].map(forgeCertificate);
  const asn1 = withUtf8Pbkdf2(() =>
    forge.pkcs12.toPkcs12Asn1(key, certs, opts.password, {
      algorithm: opts.algorithm,
      generateLocalKeyId: true,
      ...(opts.friendlyName !== undefined ? { friendlyName: opts.friendlyName } : {}),
    }),
  );
  return new Uint8Array(derOf(asn1));
}

export interface PfxContents {
  /** Every certificate, in file order. */
  certificates: CertificateInfo[];
  /** PKCS#8 PEM of the (first) private key, when the file has one. */
  privateKeyPem?: string;
  /** The certificate whose public key matches the private key. */
  certificate?: CertificateInfo;
  friendlyName?: string;
}

const PASSWORD_FAILURE = /invalid password|wrong password|failed to decrypt|unable to decrypt/i;

/**
 * Opens a PKCS#12 file. Throws PfxPasswordError when the MAC or decryption fails (wrong password),
 * PkiFormatError when the bytes are not a PKCS#12 file forge can read.
 */
export function importPfx(data: Uint8Array, password: string): PfxContents {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(toBinary(data), false);
    p12 = withUtf8Pbkdf2(() => forge.pkcs12.pkcs12FromAsn1(asn1, false, password));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (PASSWORD_FAILURE.test(msg)) throw new PfxPasswordError(undefined, { cause: e });
    throw new PkiFormatError(`The data is not a valid PKCS #12 file: ${msg}`, { cause: e });
  }
  const certificates: CertificateInfo[] = [];
  let privateKeyPem: string | undefined;
  let friendlyName: string | undefined;
  for (const safe of p12.safeContents) {
    for (const bag of safe.safeBags) {
      const attrs = bag.attributes as Record<string, string[] | undefined>;
      if (bag.type === forge.pki.oids.certBag) {
        const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : (bag.asn1 as forge.asn1.Asn1 | undefined);
        if (!asn1) continue;
        certificates.push(certificateFromDer(derOf(asn1)));
        friendlyName ??= attrs.friendlyName?.[0];
      } else if (bag.type === forge.pki.oids.pkcs8ShroudedKeyBag || bag.type === forge.pki.oids.keyBag) {
        if (privateKeyPem) continue;
        const info = bag.key
          ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key))
          : (bag.asn1 as forge.asn1.Asn1 | undefined);
        if (!info) continue;
        try {
          privateKeyPem = createPrivateKey({ key: derOf(info), format: 'der', type: 'pkcs8' })
            .export({ type: 'pkcs8', format: 'pem' })
            .toString();
        } catch (e) {
          throw new PkiFormatError('The private key in the PKCS #12 file could not be read.', { cause: e });
        }
        friendlyName ??= attrs.friendlyName?.[0];
      }
    }
  }
  let certificate: CertificateInfo | undefined;
  if (privateKeyPem) {
    const spki = describePublicKey(createPublicKey(privateKeyPem)).spki;
    certificate = certificates.find((c) => c.spki.equals(spki));
  }
  return {
    certificates,
    ...(privateKeyPem ? { privateKeyPem } : {}),
    ...(certificate ? { certificate } : {}),
    ...(friendlyName !== undefined ? { friendlyName } : {}),
  };
}

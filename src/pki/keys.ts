/**
 * Keys through node:crypto: asynchronous generation (the prime search runs off the event loop, so the
 * UI keeps drawing), key facts, and signing. Forge's own RSA signing is ~100× slower than
 * crypto.sign and produces the same PKCS#1 v1.5 bytes, so all signing happens here.
 */
import { createPrivateKey, createPublicKey, generateKeyPair, sign, verify, type KeyObject } from 'node:crypto';
import { PkiFormatError } from './errors.js';
import { OID, SIGNATURE_ALGORITHMS } from './oids.js';

export interface KeyPairPem {
  /** PKCS#8 `-----BEGIN PRIVATE KEY-----`. */
  privatePem: string;
  /** SubjectPublicKeyInfo `-----BEGIN PUBLIC KEY-----`. */
  publicPem: string;
}

/** Generates an RSA key (e = 65537) asynchronously. Callers validate the size (Exchange: 1024/2048/4096). */
export function generateRsaKey(bits: number): Promise<KeyPairPem> {
  if (!Number.isInteger(bits) || bits < 512 || bits > 16384) {
    return Promise.reject(new RangeError(`Unsupported RSA key size ${bits}.`));
  }
  return new Promise((resolve, reject) => {
    generateKeyPair(
      'rsa',
      {
        modulusLength: bits,
        publicExponent: 0x10001,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      },
      (err, publicPem, privatePem) => (err ? reject(err) : resolve({ privatePem, publicPem })),
    );
  });
}

/** A private KeyObject from PEM (PKCS#1 or PKCS#8, unencrypted) or DER PKCS#8. */
export function privateKeyObject(key: string | Uint8Array | KeyObject): KeyObject {
  if (typeof key === 'object' && 'type' in key && (key as KeyObject).type === 'private') return key as KeyObject;
  try {
    if (typeof key === 'string') return createPrivateKey(key);
    return createPrivateKey({ key: Buffer.from(key as Uint8Array), format: 'der', type: 'pkcs8' });
  } catch (e) {
    throw new PkiFormatError('The private key could not be read.', { cause: e });
  }
}

export interface KeyInfo {
  /** 'RSA' or 'EC' (others as node reports them, upper-cased). */
  algorithm: string;
  /** Modulus bits for RSA; curve size for EC. */
  size: number;
  /** SubjectPublicKeyInfo DER. */
  spki: Buffer;
  publicPem: string;
}

const EC_CURVE_BITS: Record<string, number> = { prime256v1: 256, 'P-256': 256, secp384r1: 384, 'P-384': 384, secp521r1: 521, 'P-521': 521 };

/** The public key of a SubjectPublicKeyInfo DER; PkiFormatError naming `what` holds it when it is unreadable. */
export function publicKeyFromSpki(spkiDer: Buffer, what: 'certificate' | 'request'): KeyObject {
  try {
    return createPublicKey({ key: spkiDer, format: 'der', type: 'spki' });
  } catch (e) {
    throw new PkiFormatError(`The ${what} public key could not be read.`, { cause: e });
  }
}

export function describePublicKey(pub: KeyObject): KeyInfo {
  const d = pub.asymmetricKeyDetails ?? {};
  const type = pub.asymmetricKeyType ?? 'unknown';
  const size = type === 'ec' ? (EC_CURVE_BITS[d.namedCurve ?? ''] ?? 0) : (d.modulusLength ?? 0);
  return {
    algorithm: type.toUpperCase(),
    size,
    spki: pub.export({ type: 'spki', format: 'der' }),
    publicPem: pub.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Facts about a private key: algorithm, size, its public key. */
export function keyInfo(privateKey: string | Uint8Array | KeyObject): KeyInfo {
  return describePublicKey(createPublicKey(privateKeyObject(privateKey)));
}

/** Public key PEM (SubjectPublicKeyInfo) of a private key. */
export function publicKeyFromPrivate(privateKey: string | Uint8Array | KeyObject): string {
  return keyInfo(privateKey).publicPem;
}

/** Private key as PKCS#8 PEM, whatever form it came in. */
export function normalizePrivateKeyPem(privateKey: string | Uint8Array | KeyObject): string {
  return privateKeyObject(privateKey).export({ type: 'pkcs8', format: 'pem' }).toString();
}

/**
 * The signature algorithm we sign with: SHA-256 always (forge would default to SHA-1).
 * RSA → sha256WithRSAEncryption; EC → ecdsa-with-SHA256.
 */
export function signatureOidFor(privateKey: KeyObject): string {
  const type = privateKey.asymmetricKeyType;
  if (type === 'rsa') return OID.sha256WithRSA;
  if (type === 'ec') return OID.ecdsaWithSHA256;
  throw new PkiFormatError(`Signing with a ${type} key is not supported.`);
}

/** SHA-256 signature (PKCS#1 v1.5 for RSA, DER ECDSA for EC) over `data`, by node:crypto. */
export function signSha256(data: Buffer, privateKey: KeyObject): Buffer {
  return sign('sha256', data, privateKey);
}

/** Verifies `signature` over `data` with the key in `spki` for the given signature algorithm OID. */
export function verifySignature(data: Buffer, algOid: string, signature: Buffer, publicKey: Buffer | KeyObject): boolean {
  const alg = SIGNATURE_ALGORITHMS[algOid];
  if (!alg) return false;
  try {
    const key = Buffer.isBuffer(publicKey) ? createPublicKey({ key: publicKey, format: 'der', type: 'spki' }) : publicKey;
    if (key.asymmetricKeyType !== alg.keyType) return false;
    return verify(alg.hash, data, key, signature);
  } catch {
    return false;
  }
}


/**
 * node-forge glue: its ASN.1 objects work on "binary strings" (one char per byte), ours on Buffers.
 *
 * `tlvChildren` parses a constructed value one child at a time, so each child's exact input bytes
 * are known: thumbprints, signature checks and issuer matching must see the bytes that were given,
 * not forge's re-encoding of them.
 */
import forge from 'node-forge';
import { PkiFormatError } from './errors.js';

// Parts of forge's public API that @types/node-forge does not declare.
declare module 'node-forge' {
  namespace asn1 {
    function getBerValueLength(b: util.ByteBuffer): number | undefined;
    function fromDer(bytes: Bytes | util.ByteBuffer, options: { strict?: boolean; parseAllBytes?: boolean; decodeBitStrings?: boolean }): Asn1;
    function validate(obj: Asn1, validator: object, capture: Record<string, unknown>, errors?: string[]): boolean;
  }
  namespace pki {
    function getTBSCertificate(cert: Certificate): asn1.Asn1;
    function getCertificationRequestInfo(csr: CertificateSigningRequest): asn1.Asn1;
  }
}

export type Asn1 = forge.asn1.Asn1;
export const { Class, Type } = forge.asn1;

export const toBinary = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
export const fromBinary = (s: string): Buffer => Buffer.from(s, 'latin1');

/** DER of a forge ASN.1 object. */
export const derOf = (node: Asn1): Buffer => fromBinary(forge.asn1.toDer(node).getBytes());

function malformed(what: string, e: unknown): PkiFormatError {
  return new PkiFormatError(`Malformed ${what}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
}

/** One DER value (trailing bytes are an error). Throws PkiFormatError. */
export function parseAsn1(der: Uint8Array, what: string): Asn1 {
  try {
    return forge.asn1.fromDer(toBinary(der));
  } catch (e) {
    throw malformed(what, e);
  }
}

export interface Tlv {
  node: Asn1;
  /** The child's exact input bytes. */
  der: Buffer;
}

/** The children of the constructed DER value `der` (a SEQUENCE or SET), each with its exact bytes. */
export function tlvChildren(der: Buffer, what: string): Tlv[] {
  try {
    const buf = forge.util.createBuffer(toBinary(der));
    if (buf.length() < 2 || !(buf.getByte() & 0x20)) throw new Error('expected a constructed value');
    const len = forge.asn1.getBerValueLength(buf);
    if (len === undefined || buf.read + len !== der.length) throw new Error('bad length');
    const out: Tlv[] = [];
    while (buf.length() > 0) {
      const start = buf.read;
      const node = forge.asn1.fromDer(buf, { parseAllBytes: false });
      out.push({ node, der: der.subarray(start, buf.read) });
    }
    return out;
  } catch (e) {
    throw e instanceof PkiFormatError ? e : malformed(what, e);
  }
}

export const node = (cls: forge.asn1.Class, type: number, constructed: boolean, value: string | Asn1[]): Asn1 =>
  forge.asn1.create(cls, type as forge.asn1.Type, constructed, value);
export const seqNode = (items: Asn1[]): Asn1 => node(Class.UNIVERSAL, Type.SEQUENCE, true, items);
export const oidNode = (oid: string): Asn1 => node(Class.UNIVERSAL, Type.OID, false, forge.asn1.oidToDer(oid).getBytes());
export const octetsNode = (b: Uint8Array): Asn1 => node(Class.UNIVERSAL, Type.OCTETSTRING, false, toBinary(b));

export function isType(n: Asn1 | undefined, type: number, cls: number = Class.UNIVERSAL): boolean {
  return n !== undefined && n.tagClass === cls && n.type === type;
}

/** The child list of a constructed node; throws PkiFormatError for a primitive one. */
export function childrenOf(n: Asn1, what: string): Asn1[] {
  if (!Array.isArray(n.value)) throw new PkiFormatError(`Malformed ${what}.`);
  return n.value;
}

/** Content bytes of a primitive node (binary string). */
export function bytesOf(n: Asn1 | undefined, what: string): string {
  if (!n || typeof n.value !== 'string') throw new PkiFormatError(`Malformed ${what}.`);
  return n.value;
}

/** A BIT STRING's payload without the unused-bits octet (forge keeps the raw contents aside). */
export function bitStringBytes(n: Asn1): Buffer {
  const raw = (n as Asn1 & { bitStringContents?: string }).bitStringContents ?? (typeof n.value === 'string' ? n.value : '');
  return fromBinary(raw.slice(1));
}

/** The exact bytes of the first DER value in `der` (OpenSSL's TRUSTED CERTIFICATE appends data). */
export function firstTlv(der: Buffer, what: string): Buffer {
  try {
    const buf = forge.util.createBuffer(toBinary(der));
    forge.asn1.fromDer(buf, { parseAllBytes: false });
    return der.subarray(0, buf.read);
  } catch (e) {
    throw malformed(what, e);
  }
}

// ---------------------------------------------------------------------------------------------
// forge's X.509 model

/**
 * forge's certificate and request code models only RSA keys: its readers refuse any other
 * SubjectPublicKeyInfo and its writers re-encode an RSA key object. Keys are node:crypto's business
 * here (facts, signing, verification), so forge is always shown this stand-in key and the real
 * SubjectPublicKeyInfo, byte for byte, takes its place in the structure.
 */
export const STAND_IN_KEY = forge.pki.setRsaPublicKey(forge.jsbn.BigInteger.ONE, forge.jsbn.BigInteger.ONE);
export const STAND_IN_SPKI: Asn1 = forge.pki.publicKeyToAsn1(STAND_IN_KEY);

/**
 * forge writes NULL parameters into every non-PSS AlgorithmIdentifier; ECDSA ones must have none
 * (RFC 5758), so they are dropped for ecdsa-with-SHA* algorithms.
 */
export function fixSignatureAlgorithm(algorithmIdentifier: Asn1, oid: string): void {
  if (oid.startsWith('1.2.840.10045.4.')) algorithmIdentifier.value = [childrenOf(algorithmIdentifier, 'algorithm identifier')[0]!];
}

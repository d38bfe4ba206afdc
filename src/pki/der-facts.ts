// The facts of a DER certificate that .NET's X509Certificate2 members show (names' bytes, the
// signature and key algorithms, the extensions), read with a small DER walker and no node-forge:
// listing certificates must not load forge (src/pki/load.ts), and these members are read on
// objects the shell already holds.

import { PkiFormatError } from './errors.js';

interface Tlv {
  tag: number;
  /** Offset of the value, and the offset just past it. */
  start: number;
  end: number;
  /** Offset of the tag byte (the whole element is der.subarray(at, end)). */
  at: number;
}

function readTlv(der: Uint8Array, at: number): Tlv {
  if (at + 2 > der.length) throw new PkiFormatError('Malformed certificate: truncated DER.');
  const tag = der[at]!;
  let len = der[at + 1]!;
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || start + n > der.length) throw new PkiFormatError('Malformed certificate: bad DER length.');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + der[start + i]!;
    start += n;
  }
  const end = start + len;
  if (end > der.length) throw new PkiFormatError('Malformed certificate: truncated DER.');
  return { tag, start, end, at };
}

function children(der: Uint8Array, t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let p = t.start; p < t.end; ) {
    const c = readTlv(der, p);
    out.push(c);
    p = c.end;
  }
  return out;
}

/** Dotted text of an OBJECT IDENTIFIER's value bytes. */
function oidText(b: Uint8Array): string {
  const parts: number[] = [];
  let v = 0;
  for (const byte of b) {
    v = v * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  const first = parts.shift() ?? 0;
  const a = first < 80 ? Math.floor(first / 40) : 2;
  return [a, first - a * 40, ...parts].join('.');
}

export interface CertificateDerFacts {
  version: number;
  signatureOid: string;
  issuerDer: Uint8Array;
  subjectDer: Uint8Array;
  /** The SubjectPublicKeyInfo element, and its algorithm OID. */
  spkiDer: Uint8Array;
  keyAlgorithmOid: string;
  extensions: { oid: string; critical: boolean; value: Uint8Array }[];
  enhancedKeyUsage: string[];
  /** Upper-case hex, as Windows shows it. */
  subjectKeyIdentifier?: string;
}

/** Reads a DER X.509 certificate. Throws PkiFormatError when it is not one. */
export function readCertificateDer(der: Uint8Array): CertificateDerFacts {
  const cert = readTlv(der, 0);
  const [tbs, sigAlg] = children(der, cert);
  if (!tbs || !sigAlg) throw new PkiFormatError('Malformed certificate: expected TBSCertificate and algorithm.');
  const f = children(der, tbs);
  const v = f[0]?.tag === 0xa0 ? 1 : 0;
  const versionTlv = v ? children(der, f[0]!)[0] : undefined;
  // serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo
  const issuer = f[v + 2];
  const subject = f[v + 4];
  const spki = f[v + 5];
  if (!issuer || !subject || !spki) throw new PkiFormatError('Malformed certificate: the TBSCertificate is incomplete.');
  const el = (t: Tlv) => der.subarray(t.at, t.end);
  const val = (t: Tlv) => der.subarray(t.start, t.end);
  const firstOid = (t: Tlv) => oidText(val(children(der, t)[0]!));
  const out: CertificateDerFacts = {
    version: versionTlv ? val(versionTlv)[0]! + 1 : 1,
    signatureOid: firstOid(sigAlg),
    issuerDer: el(issuer),
    subjectDer: el(subject),
    spkiDer: el(spki),
    keyAlgorithmOid: firstOid(children(der, spki)[0]!),
    extensions: [],
    enhancedKeyUsage: [],
  };
  const extsWrapper = f.find((t) => t.tag === 0xa3);
  const list = extsWrapper ? children(der, children(der, extsWrapper)[0]!) : [];
  for (const ext of list) {
    const parts = children(der, ext);
    const oid = oidText(val(parts[0]!));
    const critical = parts.length === 3 && parts[1]!.tag === 0x01 && val(parts[1]!)[0] !== 0;
    const octets = parts[parts.length - 1]!;
    const value = Uint8Array.from(val(octets));
    out.extensions.push({ oid, critical, value });
    if (oid === '2.5.29.37') out.enhancedKeyUsage = children(value, readTlv(value, 0)).map((t) => oidText(value.subarray(t.start, t.end)));
    if (oid === '2.5.29.14') {
      const ski = readTlv(value, 0);
      out.subjectKeyIdentifier = Buffer.from(value.subarray(ski.start, ski.end)).toString('hex').toUpperCase();
    }
  }
  return out;
}

// Which certificate a transport server presents:
//  - STARTTLS: the certificates whose Subject CN or a SAN matches the connector FQDN (a wildcard
//    covers exactly one label), valid for TLS (private key, RSA >= 1024, within its dates by the
//    lab clock, chaining to a root the server trusts or self-signed); a CA-issued certificate
//    beats a self-signed one, then the newest NotBefore wins.
//  - X-ANONYMOUSTLS and EdgeSync: the internal transport (default SMTP) certificate published in
//    AD, whatever its names.

import type { CaState, CertRecord, ServerState } from '../model.js';
import { rootPems } from '../clients.js';
import { SERVICE_FLAGS } from '../services.js';

export type Unusable = 'PrivateKeyMissing' | 'DateInvalid' | 'Untrusted' | 'KeyTooSmall';

/** Why a certificate cannot be used for TLS on a server, or undefined when it can. */
export function unusableReason(server: ServerState, r: CertRecord, now: Date): Unusable | undefined {
  if (!r.keyPem) return 'PrivateKeyMissing';
  if (r.publicKeySize < 1024) return 'KeyTooSmall';
  const t = now.getTime();
  if (t < Date.parse(r.notBefore) || t > Date.parse(r.notAfter)) return 'DateInvalid';
  // Domain members trust the enterprise CA; a certificate from any other issuer does not chain.
  // A server outside the domain (the Edge) trusts a CA only once its root is imported (Import-LabTrustedRoot).
  if (!r.selfSigned && !((r.issuedByLabCa && server.domainJoined) || trustsIssuer(server, r.issuer))) return 'Untrusted';
  return undefined;
}

/** True when a root with that subject is in the server's Trusted Root Certification Authorities store. */
export function trustsIssuer(server: ServerState, issuer: string): boolean {
  return (server.trustedRoots ?? []).some((t) => t.subject === issuer);
}

/** The roots (PEM) a server validates peers against: the enterprise CA on domain members, plus imported roots. */
export function trustedRootPems(server: ServerState, ca: CaState): string[] {
  return rootPems({ ca }, server);
}

/** Exchange's name match: case-insensitive; `*.a.b` matches `x.a.b` but not `a.b` or `y.x.a.b`. */
export function nameMatches(pattern: string, fqdn: string): boolean {
  const p = pattern.toLowerCase();
  const n = fqdn.toLowerCase();
  if (!p.startsWith('*.')) return p === n;
  const suffix = p.slice(1);
  return n.endsWith(suffix) && n.length > suffix.length && !n.slice(0, n.length - suffix.length).includes('.');
}

export interface Candidate {
  record: CertRecord;
  reason?: Unusable;
}

/**
 * Every certificate enabled for SMTP that names the FQDN, usable ones first in preference order.
 * Only certificates enabled for SMTP are candidates: enabling for SMTP is what gives the transport
 * service (Network Service) read access to the private key, and Get-ExchangeCertificate shows
 * SMTP exactly when it has it. A certificate enabled only for IIS is never
 * presented for STARTTLS.
 */
export function startTlsCandidates(server: ServerState, fqdn: string, now: Date): Candidate[] {
  const named = server.certificates.filter((r) => r.services & SERVICE_FLAGS.SMTP && r.domains.some((d) => nameMatches(d, fqdn)));
  const all = named.map((record) => ({ record, reason: unusableReason(server, record, now) }));
  return all.sort(
    (a, b) =>
      Number(a.reason !== undefined) - Number(b.reason !== undefined) ||
      Number(a.record.selfSigned) - Number(b.record.selfSigned) ||
      Date.parse(b.record.notBefore) - Date.parse(a.record.notBefore),
  );
}

/** The certificate STARTTLS presents for an FQDN, if any qualifies. */
export function selectStartTlsCertificate(server: ServerState, fqdn: string, now: Date): CertRecord | undefined {
  const [best] = startTlsCandidates(server, fqdn, now);
  return best && best.reason === undefined ? best.record : undefined;
}

/** The internal transport certificate, when it is still usable (it must have its key and be in date). */
export function internalTransportCertificate(server: ServerState, now: Date): CertRecord | undefined {
  const t = server.internalTransportThumbprint;
  const r = t ? server.certificates.find((c) => c.thumbprint === t) : undefined;
  if (!r || !r.keyPem) return undefined;
  const time = now.getTime();
  return time >= Date.parse(r.notBefore) && time <= Date.parse(r.notAfter) ? r : undefined;
}

/** The certificate the UM service uses in secured mode: enabled for UM and usable, CA-issued first, then newest. */
export function selectUmCertificate(server: ServerState, now: Date, umFlag: number = SERVICE_FLAGS.UM): CertRecord | undefined {
  return server.certificates
    .filter((r) => r.services & umFlag && unusableReason(server, r, now) === undefined)
    .sort((a, b) => Number(a.selfSigned) - Number(b.selfSigned) || Date.parse(b.notBefore) - Date.parse(a.notBefore))[0];
}

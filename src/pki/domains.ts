/** Which names a certificate covers, and issuer-chain lookup: shared by certificate selection and TLS checks. */
import { parseCertificate, verifySignedBy, type CertificateInfo } from './certificate.js';
import type { PkiInput } from './pem.js';

/**
 * Exchange's CertificateDomains: the subject CN, then the SAN DNS names, without case-insensitive
 * duplicates.
 */
export function certificateDomains(cert: CertificateInfo): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const name of [cert.commonName, ...cert.dnsNames]) {
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

/** `*.contoso.com` covers exactly one label (`mail.contoso.com`, not `contoso.com` or `a.b.contoso.com`). */
export function domainMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '');
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!p.startsWith('*.')) return p === h;
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot + 1) === p.slice(2);
}

/**
 * Whether the certificate is valid for `host` the way TLS clients check it: SAN DNS names when the
 * certificate has any, otherwise the subject CN.
 */
export function matchesHostname(cert: CertificateInfo, host: string): boolean {
  const names = cert.dnsNames.length ? cert.dnsNames : cert.commonName ? [cert.commonName] : [];
  return names.some((n) => domainMatches(n, host));
}

/** The certificate in `candidates` that signed `cert` (name match + signature), if any. */
export function findIssuer(cert: CertificateInfo, candidates: (PkiInput | CertificateInfo)[]): CertificateInfo | undefined {
  for (const c of candidates) {
    const info = parseCertificate(c);
    if (verifySignedBy(cert, info)) return info;
  }
  return undefined;
}

/**
 * The chain from `leaf` upwards through `pool`, leaf first, ending at a self-signed certificate or
 * where no issuer is found (`complete` says which). Loops are cut.
 */
export function buildChain(leaf: PkiInput | CertificateInfo, pool: (PkiInput | CertificateInfo)[]): { chain: CertificateInfo[]; complete: boolean } {
  const infos = pool.map((p) => parseCertificate(p));
  const chain = [parseCertificate(leaf)];
  for (;;) {
    const last = chain[chain.length - 1]!;
    if (last.isSelfSigned) return { chain, complete: true };
    const issuer = findIssuer(last, infos.filter((i) => !chain.some((c) => c.thumbprint === i.thumbprint)));
    if (!issuer) return { chain, complete: false };
    chain.push(issuer);
  }
}

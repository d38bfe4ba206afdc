// Real TLS for the simulated servers: secure contexts from the stored PEM certificate and key,
// what a peer actually presented (read from the handshake, not from the lab's records), and how a
// client judges it against its own trust (a CA list for chain validation, thumbprints for
// direct trust), with dates judged by the lab clock rather than the host's.

import { createHash, X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { connect as tlsConnect, createSecureContext, type ConnectionOptions, type SecureContext, type Server as TlsServer, type TLSSocket } from 'node:tls';
import type { CertRecord } from '../model.js';
import { nameMatches } from './select.js';

export interface SeenCertificate {
  subject: string;
  issuer: string;
  serialNumber: string;
  thumbprint: string;
  alternateNames: string[];
  notBefore: Date;
  notAfter: Date;
  selfSigned: boolean;
}

/** OpenSSL lists RDNs in DER order one per line; Windows shows them reversed, comma-separated. */
function windowsDn(openssl: string): string {
  return openssl.split('\n').filter(Boolean).reverse().map((rdn) => rdn.replace(/^emailAddress=/, 'E=')).join(', ');
}

export function describeCertificate(x: X509Certificate): SeenCertificate {
  const alt = (x.subjectAltName ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.startsWith('DNS:'))
    .map((s) => s.slice(4));
  return {
    subject: windowsDn(x.subject),
    issuer: windowsDn(x.issuer),
    serialNumber: x.serialNumber.toUpperCase(),
    thumbprint: createHash('sha1').update(x.raw).digest('hex').toUpperCase(),
    alternateNames: alt,
    notBefore: new Date(x.validFrom),
    notAfter: new Date(x.validTo),
    selfSigned: x.subject === x.issuer && x.verify(x.publicKey),
  };
}

const peers = new WeakMap<TLSSocket, X509Certificate | undefined>();

/**
 * The certificate the other end of a TLS socket presented, as an X509Certificate. Read through
 * here only: Node 20's getPeerX509Certificate() gives the certificate to its first caller and
 * undefined to every later one.
 */
export function peerX509(sock: TLSSocket): X509Certificate | undefined {
  if (!peers.has(sock)) peers.set(sock, sock.getPeerX509Certificate());
  return peers.get(sock);
}

/** The certificate the other end of a TLS socket presented, if any. */
export function peerCertificate(sock: TLSSocket): SeenCertificate | undefined {
  const x = peerX509(sock);
  return x ? describeCertificate(x) : undefined;
}

/**
 * Real chain building against a trust store (the lab has no intermediate CAs, but a chain may
 * pass through any certificates the peer sent): true when the certificate, or an issuer found
 * among `presented`, was signed by one of the roots. A self-signed certificate is trusted only
 * when it is itself in the store. Dates are not looked at here: the lab clock judges them, never
 * the host's clock (Node's own verification reads the host clock, and reports only the last
 * error it met: a not-yet-valid date could hide an untrusted issuer).
 */
export function chainsToRoot(x: X509Certificate, rootPems: string[], presented: X509Certificate[] = []): boolean {
  const roots = rootPems.map(parsedRoot);
  let current = x;
  for (let depth = 0; depth < 8; depth++) {
    // The certificate itself in the store (an imported self-signed certificate), or signed by a root there.
    for (const root of roots) if (root.fingerprint256 === current.fingerprint256 || (current.checkIssued(root) && current.verify(root.publicKey))) return true;
    const next = presented.find((c) => c !== current && current.checkIssued(c) && current.verify(c.publicKey) && c.subject !== current.subject);
    if (!next) return false;
    current = next;
  }
  return false;
}

const parsedRoots = new Map<string, X509Certificate>();

/** Roots are parsed once (a client checks the same store on every connection). */
function parsedRoot(pem: string): X509Certificate {
  let x = parsedRoots.get(pem);
  if (!x) {
    x = new X509Certificate(pem);
    if (parsedRoots.size > 256) parsedRoots.clear();
    parsedRoots.set(pem, x);
  }
  return x;
}

const contexts = new Map<string, SecureContext>();

/** A context presenting the certificate (cached per thumbprint: parsing the key costs a little). */
export function contextFor(r: Pick<CertRecord, 'thumbprint' | 'certPem' | 'keyPem'> | undefined, ca?: string[]): SecureContext {
  const key = `${r?.thumbprint ?? '-'}|${createHash('sha1').update((ca ?? []).join('')).digest('hex')}`;
  let c = contexts.get(key);
  if (!c) {
    c = createSecureContext({ key: r?.keyPem, cert: r?.certPem, ca });
    if (contexts.size > 64) contexts.clear();
    contexts.set(key, c);
  }
  return c;
}

/** How a client judged the certificate a server presented. */
export type Verdict =
  | 'Trusted' // chains to a root the client trusts, in date, name matches
  | 'DirectTrust' // the thumbprint published in AD / ADAM for that server
  | 'SelfSigned' // accepted for opportunistic TLS, not validated
  | 'UntrustedRoot'
  | 'NameMismatch'
  | 'Expired'
  | 'NotYetValid'
  | 'NotDirectlyTrusted'
  | 'NoCertificate';

export interface Judgement {
  verdict: Verdict;
  /** A sentence for reports and logs. */
  detail: string;
}

/** Where the lab clock stands against the certificate's validity period. */
export function timeValidity(c: Pick<SeenCertificate, 'notBefore' | 'notAfter'>, now: Date): 'Valid' | 'Expired' | 'NotYetValid' {
  const t = now.getTime();
  if (t < c.notBefore.getTime()) return 'NotYetValid';
  if (t > c.notAfter.getTime()) return 'Expired';
  return 'Valid';
}

/** The names a certificate covers: the subject CN, then the DNS names of its SAN. */
export function namesOf(c: Pick<SeenCertificate, 'subject' | 'alternateNames'>): string[] {
  const cn = c.subject.match(/(?:^|, )CN=([^,]+)/)?.[1];
  return [...(cn ? [cn] : []), ...c.alternateNames];
}

/** A name check as TLS clients make it: case-insensitive, a wildcard covers exactly one label. */
export function certificateNames(c: Pick<SeenCertificate, 'subject' | 'alternateNames'>, host: string): boolean {
  return namesOf(c).some((n) => nameMatches(n, host));
}

/**
 * Judges a server certificate: `chainTrusted` comes from chainsToRoot against the client's
 * roots; dates are judged by the lab clock. A certificate outside its dates is never trusted,
 * whatever its chain.
 */
export function judge(
  seen: SeenCertificate | undefined,
  opts: { chainTrusted: boolean; expectedName: string; now: Date; directTrust?: ReadonlySet<string> },
): Judgement {
  if (!seen) return { verdict: 'NoCertificate', detail: 'The remote server presented no certificate.' };
  if (opts.directTrust) {
    return opts.directTrust.has(seen.thumbprint)
      ? { verdict: 'DirectTrust', detail: `Thumbprint ${seen.thumbprint} is the certificate published in the directory for this server.` }
      : { verdict: 'NotDirectlyTrusted', detail: `Thumbprint ${seen.thumbprint} is not a certificate published in the directory for this server.` };
  }
  const time = timeValidity(seen, opts.now);
  if (time === 'Expired') return { verdict: 'Expired', detail: `The certificate expired on ${seen.notAfter.toISOString()} (lab time ${opts.now.toISOString()}).` };
  if (time === 'NotYetValid') return { verdict: 'NotYetValid', detail: `The certificate is not valid before ${seen.notBefore.toISOString()} (lab time ${opts.now.toISOString()}).` };
  if (!opts.chainTrusted) {
    if (seen.selfSigned) return { verdict: 'SelfSigned', detail: 'Self-signed certificate: accepted for opportunistic TLS without validation.' };
    return { verdict: 'UntrustedRoot', detail: 'The certificate chain does not end in a trusted root; accepted for opportunistic TLS.' };
  }
  if (!certificateNames(seen, opts.expectedName)) return { verdict: 'NameMismatch', detail: `The certificate does not name ${opts.expectedName}.` };
  return { verdict: 'Trusted', detail: 'The certificate chains to a trusted root and names the server.' };
}

/**
 * A TLS conversation over loopback: `server` (whose connection handler plays the service) listens
 * on a free port, a client connects with `clientOptions`, and `talk` runs once the handshake is
 * done. Client and server are closed afterwards, whatever happens; errors reach the caller.
 */
export async function overLoopbackTls<T>(server: TlsServer, clientOptions: ConnectionOptions, talk: (client: TLSSocket) => Promise<T>): Promise<T> {
  server.on('tlsClientError', () => undefined);
  server.listen(0, '127.0.0.1');
  let client: TLSSocket | undefined;
  try {
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    client = tlsConnect({ ...clientOptions, host: '127.0.0.1', port });
    client.setNoDelay(true);
    client.on('error', () => undefined);
    await once(client, 'secureConnect');
    return await talk(client);
  } finally {
    client?.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Everything the peer sends until it ends or closes the connection (listening starts now). */
export function replyOf(client: TLSSocket): Promise<string> {
  let reply = '';
  client.on('data', (d: Buffer) => (reply += d.toString()));
  return Promise.race([once(client, 'end'), once(client, 'close')]).then(() => reply);
}

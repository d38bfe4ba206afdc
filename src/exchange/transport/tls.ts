// Real TLS for the simulated servers: secure contexts from the stored PEM certificate and key,
// what a peer actually presented (read from the handshake, not from the lab's records), and how a
// client judges it against its own trust (a CA list for chain validation, thumbprints for
// direct trust), with dates judged by the lab clock rather than the host's.

import { createHash, X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { connect as tlsConnect, createSecureContext, type ConnectionOptions, type SecureContext, type Server as TlsServer, type TLSSocket } from 'node:tls';
import type { CertRecord } from '../model.js';

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
  return openssl.split('\n').filter(Boolean).reverse().join(', ');
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

/** The certificate the other end of a TLS socket presented, if any. */
export function peerCertificate(sock: TLSSocket): SeenCertificate | undefined {
  const x = sock.getPeerX509Certificate();
  return x ? describeCertificate(x) : undefined;
}

/** True when the certificate was signed by one of the roots (the lab has no intermediate CAs). Dates are judged elsewhere, by the lab clock. */
export function chainsToRoot(x: X509Certificate, rootPems: string[]): boolean {
  for (const pem of rootPems) {
    const root = new X509Certificate(pem);
    if (x.checkIssued(root) && x.verify(root.publicKey)) return true;
  }
  return false;
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
  | 'NotDirectlyTrusted'
  | 'NoCertificate';

export interface Judgement {
  verdict: Verdict;
  /** A sentence for reports and logs. */
  detail: string;
}

/**
 * Judges a server certificate. `authorized`/`authorizationError` come from Node's own chain
 * validation against the client's CA list; expiry errors from Node are ignored because the lab
 * clock decides dates.
 */
export function judge(
  seen: SeenCertificate | undefined,
  opts: { authorized: boolean; authorizationError?: string; expectedName: string; now: Date; directTrust?: ReadonlySet<string> },
): Judgement {
  if (!seen) return { verdict: 'NoCertificate', detail: 'The remote server presented no certificate.' };
  if (opts.directTrust) {
    return opts.directTrust.has(seen.thumbprint)
      ? { verdict: 'DirectTrust', detail: `Thumbprint ${seen.thumbprint} is the certificate published in the directory for this server.` }
      : { verdict: 'NotDirectlyTrusted', detail: `Thumbprint ${seen.thumbprint} is not a certificate published in the directory for this server.` };
  }
  const t = opts.now.getTime();
  if (t < seen.notBefore.getTime() || t > seen.notAfter.getTime()) return { verdict: 'Expired', detail: `The certificate is outside its validity period (${seen.notBefore.toISOString()} - ${seen.notAfter.toISOString()}).` };
  const err = opts.authorizationError ?? '';
  const chainOk = opts.authorized || err === 'CERT_HAS_EXPIRED' || err === 'CERT_NOT_YET_VALID';
  const names = [seen.subject.match(/(?:^|, )CN=([^,]+)/)?.[1] ?? '', ...seen.alternateNames];
  const nameOk = names.some((n) => n && (n.toLowerCase() === opts.expectedName.toLowerCase() || (n.startsWith('*.') && nameOk1(n, opts.expectedName))));
  if (!chainOk) {
    if (seen.selfSigned) return { verdict: 'SelfSigned', detail: 'Self-signed certificate: accepted for opportunistic TLS without validation.' };
    return { verdict: 'UntrustedRoot', detail: `The certificate chain does not end in a trusted root (${err || 'untrusted'}); accepted for opportunistic TLS.` };
  }
  if (!nameOk) return { verdict: 'NameMismatch', detail: `The certificate does not name ${opts.expectedName}.` };
  return { verdict: 'Trusted', detail: 'The certificate chains to a trusted root and names the server.' };
}

function nameOk1(pattern: string, host: string): boolean {
  const suffix = pattern.slice(1).toLowerCase();
  const h = host.toLowerCase();
  return h.endsWith(suffix) && !h.slice(0, h.length - suffix.length).includes('.');
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

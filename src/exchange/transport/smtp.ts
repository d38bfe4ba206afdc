// One SMTP hop, for real: an in-process receive server on a loopback ephemeral port (the Receive
// connector of the target server) and the sending server's client, talking SMTP over node:net
// and upgrading to TLS with node:tls. The listener lives only for the hop and is closed after it,
// so nothing keeps the process (or a test run) alive.
//
// TLS verbs:
//  - STARTTLS (RFC 3207): offered when the connector's AuthMechanism has Tls and a certificate
//    matching the connector FQDN qualifies (select.ts).
//  - X-ANONYMOUSTLS: offered when AuthMechanism has ExchangeServer, with the internal transport
//    certificate. The real X-ANONYMOUSTLS is a different, SASL-like exchange; here it is a
//    STARTTLS-style upgrade that presents the internal transport certificate, and both sides
//    judge each other by the thumbprints published in AD / ADAM (direct trust).
// Exchange servers authenticate each other after TLS with Kerberos (X-EXPS GSSAPI), which the lab
// does not run: the sending server presents its internal transport certificate as a TLS client
// certificate instead, and the receiving server recognises it by the thumbprints published in
// the directory. A client without such a certificate is anonymous.

import { once } from 'node:events';
import * as net from 'node:net';
import { connect as tlsConnect, TLSSocket } from 'node:tls';
import type { CertRecord } from '../model.js';
import { LineChannel } from './channel.js';
import { hasFlag } from './config.js';
import type { ProtocolLogSession } from './protocol-log.js';
import { chainsToRoot, contextFor, judge, peerCertificate, peerX509, describeCertificate, type Judgement, type SeenCertificate } from './tls.js';

export type TlsVerb = 'STARTTLS' | 'X-ANONYMOUSTLS';

/** What a TLS endpoint presents: a certificate with its key (a server's CertRecord, or a partner host's). */
export type TlsIdentity = Pick<CertRecord, 'thumbprint' | 'certPem' | 'keyPem'>;

/** Exchange's names for why a Domain Security certificate check failed (ChainValidityStatus-like). */
export type DomainSecureStatus = 'Valid' | 'UntrustedRoot' | 'SubjectMismatch' | 'ExpiredCertificate' | 'EmptyCertificate';

export function domainSecureStatus(j: Judgement): DomainSecureStatus {
  switch (j.verdict) {
    case 'Trusted':
      return 'Valid';
    case 'NameMismatch':
      return 'SubjectMismatch';
    case 'Expired':
    case 'NotYetValid': // Windows' "not time valid" covers both
      return 'ExpiredCertificate';
    case 'NoCertificate':
      return 'EmptyCertificate';
    default:
      return 'UntrustedRoot';
  }
}

export interface ReceiveEndpoint {
  server: string;
  /** Banner / EHLO name: the connector's Fqdn, or the server FQDN. */
  fqdn: string;
  /** `EX2007EE\Default EX2007EE`. */
  connectorId: string;
  authMechanism: string[];
  permissionGroups: string[];
  requireTls: boolean;
  /** The certificate STARTTLS presents (selected by FQDN); no STARTTLS without one. */
  startTlsCertificate?: TlsIdentity;
  /** The internal transport certificate, for X-ANONYMOUSTLS. */
  anonymousTlsCertificate?: TlsIdentity;
  /** Roots the receiving server trusts when it validates a client certificate (Domain Security). */
  clientCa?: string[];
  /**
   * Domain Security on receive: sender domains whose mail is accepted only over TLS with a client
   * certificate that chains to `clientCa` and names the domain; `refusal` words the reply.
   */
  domainSecure?: { domains: string[]; refusal: (domain: string, status: DomainSecureStatus) => string };
  /** Thumbprints published for Exchange servers (AD, and the subscribed Edge) -> server name. */
  directTrust: ReadonlyMap<string, string>;
  log?: ProtocolLogSession;
  now: () => Date;
  /** Checks a recipient: an error reply to refuse it (the Edge knows only what EdgeSync gave it). */
  acceptRecipient?: (address: string) => string | undefined;
}

export interface SendEndpoint {
  server: string;
  heloName: string;
  /** TLS verbs to use, in preference order, when the server offers them. */
  verbs: TlsVerb[];
  /** TLS mandatory: without it the hop fails with `tlsRequiredError`. */
  requireTls: boolean;
  tlsRequiredError: string;
  /** Presented when the server asks for a client certificate (the internal transport certificate). */
  clientCertificate?: TlsIdentity;
  /** Roots the client trusts (PEM). */
  ca: string[];
  /** For X-ANONYMOUSTLS: the thumbprints published for the target (direct trust); a mismatch ends the hop. */
  directTrust?: ReadonlySet<string>;
  expectedName: string;
  /**
   * Domain Security on send: the server certificate must chain to `ca` and name `domain`, else the
   * hop ends with `failure(status)`; TLS is then mandatory (`tlsRequiredError`).
   */
  domainSecure?: { domain: string; failure: (status: DomainSecureStatus) => string };
  log?: ProtocolLogSession;
  now: () => Date;
}

export interface Envelope {
  from: string;
  to: string[];
  /** The message (headers and body), CRLF line ends, without the final dot. */
  data: string;
  /** Internet message id, with angle brackets. */
  messageId: string;
}

export interface TlsOutcome {
  verb: TlsVerb;
  protocol: string;
  cipher: string;
  /** What the client saw in the handshake. */
  serverCertificate?: SeenCertificate;
  judgement: Judgement;
  /** What the server saw from the client (mutual TLS), if anything. */
  clientCertificate?: SeenCertificate;
  /** The receiving server recognised the client certificate as an Exchange server's. */
  clientAuthenticatedAs?: string;
  /** Domain Security: the sender validated the server (set when the send side required it). */
  serverDomainSecure?: DomainSecureStatus;
  /** Domain Security: the receiving server validated the client for this sender domain. */
  clientDomainSecure?: { domain: string; status: DomainSecureStatus };
}

export interface HopOutcome {
  delivered: boolean;
  /** The reply that ended the attempt, or the failure. */
  response: string;
  tls?: TlsOutcome;
  /** The thumbprint the receiving server selected for the TLS it negotiated. */
  serverSelected?: string;
  elapsedMs: number;
}

const HOP_TIMEOUT_MS = 10_000;

function rfcDate(d: Date): string {
  return d.toUTCString().replace('GMT', '+0000');
}

function endpoint(addr: string | undefined, port: number | undefined): string {
  return `${(addr ?? '').replace(/^::ffff:/, '')}:${port ?? 0}`;
}

// ---------------------------------------------------------------------------------------------
// The receiving side

interface ServerRecord {
  selected?: string;
  clientCertificate?: SeenCertificate;
  authenticatedAs?: string;
  /** The chain check of the client certificate against ReceiveEndpoint.clientCa (dates aside). */
  clientAuthorized?: boolean;
  clientDomainSecure?: { domain: string; status: DomainSecureStatus };
}

/** Serves one SMTP session on an accepted socket (a hop's listener, or a lab endpoint's). */
export function serveSmtpSession(sock: net.Socket, ep: ReceiveEndpoint): Promise<void> {
  return serveSession(sock, ep, {});
}

/**
 * Opens one side of an SMTP session: the line channel, the protocol log's connect line (`+`)
 * with both endpoints, and a writer that logs each line it sends (`>`).
 */
function openSession(sock: net.Socket, log: ProtocolLogSession | undefined): { ch: LineChannel; send: (line: string) => void } {
  const ch = new LineChannel(sock);
  if (log) {
    log.local = endpoint(sock.localAddress, sock.localPort);
    log.remote = endpoint(sock.remoteAddress, sock.remotePort);
    log.add('+');
  }
  const send = (line: string) => {
    log?.add('>', line);
    ch.write(line);
  };
  return { ch, send };
}

async function serveSession(sock: net.Socket, ep: ReceiveEndpoint, rec: ServerRecord): Promise<void> {
  const log = ep.log;
  const { ch, send } = openSession(sock, log);
  let secured = false;
  let mailFrom = false;
  let rcpts = 0;
  const tlsOffer = (): TlsVerb[] => {
    if (secured) return [];
    const v: TlsVerb[] = [];
    if (ep.startTlsCertificate && hasFlag(ep.authMechanism, 'Tls')) v.push('STARTTLS');
    if (ep.anonymousTlsCertificate && hasFlag(ep.authMechanism, 'ExchangeServer')) v.push('X-ANONYMOUSTLS');
    return v;
  };
  send(`220 ${ep.fqdn} Microsoft ESMTP MAIL Service ready at ${rfcDate(ep.now())}`);
  for (;;) {
    const line = await ch.readLine();
    if (line === null) break;
    log?.add('<', line);
    const verb = line.split(' ')[0]!.toUpperCase();
    if (verb === 'EHLO' || verb === 'HELO') {
      mailFrom = false;
      rcpts = 0;
      if (verb === 'HELO') {
        send(`250 ${ep.fqdn} Hello [${(sock.remoteAddress ?? '').replace(/^::ffff:/, '')}]`);
        continue;
      }
      const ext = ['SIZE', 'PIPELINING', 'DSN', 'ENHANCEDSTATUSCODES', ...tlsOffer()];
      if (hasFlag(ep.authMechanism, 'Integrated')) ext.push(secured && hasFlag(ep.authMechanism, 'BasicAuth') ? 'AUTH NTLM LOGIN' : 'AUTH NTLM');
      if (hasFlag(ep.authMechanism, 'ExchangeServer')) ext.push('X-EXPS GSSAPI NTLM');
      ext.push('8BITMIME', 'BINARYMIME', 'CHUNKING');
      if (hasFlag(ep.authMechanism, 'ExchangeServer')) ext.push('XEXCH50');
      const lines = [`${ep.fqdn} Hello [${(sock.remoteAddress ?? '').replace(/^::ffff:/, '')}]`, ...ext];
      lines.forEach((l, i) => send(`250${i === lines.length - 1 ? ' ' : '-'}${l}`));
    } else if (verb === 'STARTTLS' || verb === 'X-ANONYMOUSTLS') {
      if (!tlsOffer().includes(verb)) {
        send(secured ? '503 5.5.2 Only one TLS negotiation is permitted' : '500 5.3.3 Unrecognized command');
        continue;
      }
      const cert = verb === 'STARTTLS' ? ep.startTlsCertificate! : ep.anonymousTlsCertificate!;
      send('220 2.0.0 SMTP server ready');
      rec.selected = cert.thumbprint;
      const t = ch.upgrade((plain) => new TLSSocket(plain, { isServer: true, secureContext: contextFor(cert, ep.clientCa), requestCert: true, rejectUnauthorized: false }));
      try {
        await once(t, 'secure');
      } catch (e) {
        log?.add('*', (e as Error).message, 'TLS negotiation failed');
        break;
      }
      secured = true;
      const own = t.getX509Certificate();
      if (own) log?.certificate('Sending certificate', describeCertificate(own));
      const peer = peerCertificate(t);
      // A TLSSocket made outside a tls.Server does not verify the client's chain itself: check it against clientCa.
      const peerX = peerX509(t);
      rec.clientAuthorized = peerX ? chainsToRoot(peerX, ep.clientCa ?? []) : false;
      if (peer) {
        rec.clientCertificate = peer;
        log?.certificate('Received certificate', peer);
        const who = ep.directTrust.get(peer.thumbprint);
        if (who) {
          rec.authenticatedAs = who;
          log?.add('*', ep.permissionGroups.includes('ExchangeServers') ? 'SMTPSubmit SMTPAcceptAnySender SMTPAcceptAuthoritativeDomainSender AcceptRoutingHeaders' : '', 'Set Session Permissions');
          log?.add('*', who, 'authenticated');
        }
      }
    } else if (verb === 'MAIL') {
      const senderDomain = line.replace(/^MAIL FROM:\s*<?[^@>]*@?([^>\s]*)>?.*$/i, '$1').toLowerCase();
      const secureDomain = ep.domainSecure?.domains.some((d) => d.toLowerCase() === senderDomain) ? senderDomain : undefined;
      let refusal: string | undefined;
      if (secureDomain && ep.domainSecure) {
        // Domain Security: TLS with a client certificate that chains to a trusted root and names the sender's domain.
        const status = !secured
          ? 'EmptyCertificate'
          : domainSecureStatus(judge(rec.clientCertificate, { chainTrusted: rec.clientAuthorized ?? false, expectedName: secureDomain, now: ep.now() }));
        rec.clientDomainSecure = { domain: secureDomain, status };
        log?.add('*', secureDomain, status === 'Valid' ? 'TLS Domain Secure: the client certificate was validated' : `TLS Domain Secure: the client certificate failed validation (${status})`);
        if (status !== 'Valid') refusal = ep.domainSecure.refusal(secureDomain, status);
      }
      if (refusal) send(refusal);
      else if (ep.requireTls && !secured) send('530 5.7.0 Must issue a STARTTLS command first');
      else if (!rec.authenticatedAs && !hasFlag(ep.permissionGroups, 'AnonymousUsers')) send('530 5.7.1 Client was not authenticated');
      else {
        mailFrom = true;
        send('250 2.1.0 Sender OK');
      }
    } else if (verb === 'RCPT') {
      const refusal = ep.acceptRecipient?.(line.replace(/^RCPT TO:\s*<?([^>\s]*)>?.*$/i, '$1'));
      if (!mailFrom) send('503 5.5.2 Need mail command');
      else if (refusal) send(refusal);
      else {
        rcpts++;
        send('250 2.1.5 Recipient OK');
      }
    } else if (verb === 'DATA') {
      if (!rcpts) {
        send('503 5.5.2 Need rcpt command');
        continue;
      }
      send('354 Start mail input; end with <CRLF>.<CRLF>');
      let messageId = '';
      for (;;) {
        const l = await ch.readLine();
        if (l === null || l === '.') break;
        if (!messageId && /^message-id:/i.test(l)) messageId = l.slice(11).trim();
      }
      send(`250 2.6.0 ${messageId} Queued mail for delivery`);
      mailFrom = false;
      rcpts = 0;
    } else if (verb === 'RSET') {
      mailFrom = false;
      rcpts = 0;
      send('250 2.0.0 Resetting');
    } else if (verb === 'NOOP') send('250 2.0.0 OK');
    else if (verb === 'QUIT') {
      send('221 2.0.0 Service closing transmission channel');
      break;
    } else send('500 5.3.3 Unrecognized command');
  }
  log?.add('-', '', 'Local');
  ch.socket.end();
}

// ---------------------------------------------------------------------------------------------
// The sending side

async function clientSession(sock: net.Socket, ep: SendEndpoint, env: Envelope): Promise<HopOutcome & { elapsedMs: 0 }> {
  const log = ep.log;
  const { ch, send: say } = openSession(sock, log);
  const hear = async () => {
    const r = await ch.readReply();
    if (r) for (const l of r.lines) log?.add('<', l);
    return r;
  };
  const done = (delivered: boolean, response: string, tlsOut?: TlsOutcome) => {
    log?.add('-', '', 'Local');
    ch.socket.end();
    return { delivered, response, tls: tlsOut, elapsedMs: 0 as const };
  };
  const quit = async (response: string, tlsOut?: TlsOutcome) => {
    say('QUIT');
    await hear();
    return done(false, response, tlsOut);
  };
  const banner = await hear();
  if (!banner || banner.code !== 220) return done(false, banner?.lines.join(' ') ?? '421 4.4.2 Connection dropped');
  say(`EHLO ${ep.heloName}`);
  let ehlo = await hear();
  if (!ehlo || ehlo.code !== 250) return quit(ehlo?.lines.join(' ') ?? '421 4.4.2 Connection dropped');
  const offered = ehlo.lines.map((l) => l.slice(4).trim().toUpperCase());
  const verb = ep.verbs.find((v) => offered.includes(v));
  let tlsOut: TlsOutcome | undefined;
  if (!verb) {
    if (ep.requireTls) {
      log?.add('*', '', 'TLS is required but the remote server did not offer it');
      return quit(ep.tlsRequiredError);
    }
  } else {
    say(verb);
    const go = await hear();
    if (!go || go.code !== 220) return quit(go?.lines.join(' ') ?? '421 4.4.2 Connection dropped');
    const t = ch.upgrade((plain) =>
      tlsConnect({
        socket: plain,
        secureContext: contextFor(ep.clientCertificate, ep.ca),
        rejectUnauthorized: false,
        servername: /^[\d.]+$/.test(ep.expectedName) ? undefined : ep.expectedName,
        checkServerIdentity: () => undefined,
      }),
    );
    try {
      await once(t, 'secureConnect');
    } catch (e) {
      log?.add('*', (e as Error).message, 'TLS negotiation failed');
      return done(false, `421 4.4.2 TLS negotiation failed: ${(e as Error).message}`);
    }
    const seen = peerCertificate(t);
    if (seen) log?.certificate('Received certificate', seen);
    const mine = t.getX509Certificate();
    if (mine) log?.certificate('Sending certificate', describeCertificate(mine));
    const seenX = peerX509(t);
    const judgement = judge(seen, {
      chainTrusted: seenX ? chainsToRoot(seenX, ep.ca) : false,
      expectedName: ep.domainSecure?.domain ?? ep.expectedName,
      now: ep.now(),
      directTrust: verb === 'X-ANONYMOUSTLS' ? ep.directTrust : undefined,
    });
    log?.add('*', judgement.verdict, judgement.detail);
    tlsOut = { verb, protocol: t.getProtocol() ?? '', cipher: t.getCipher()?.name ?? '', serverCertificate: seen, judgement };
    if (judgement.verdict === 'NotDirectlyTrusted') return quit(ep.tlsRequiredError, tlsOut);
    if (ep.domainSecure) {
      const status = domainSecureStatus(judgement);
      tlsOut.serverDomainSecure = status;
      log?.add('*', ep.domainSecure.domain, status === 'Valid' ? 'TLS Domain Secure: the server certificate was validated' : `TLS Domain Secure: the server certificate failed validation (${status})`);
      if (status !== 'Valid') return quit(ep.domainSecure.failure(status), tlsOut);
    }
    say(`EHLO ${ep.heloName}`);
    ehlo = await hear();
    if (!ehlo || ehlo.code !== 250) return quit(ehlo?.lines.join(' ') ?? '421 4.4.2 Connection dropped', tlsOut);
  }
  log?.add('*', env.messageId, 'sending message');
  say(`MAIL FROM:<${env.from}>`);
  const mail = await hear();
  if (!mail || mail.code !== 250) return quit(mail?.lines.join(' ') ?? '421 4.4.2 Connection dropped', tlsOut);
  for (const r of env.to) {
    say(`RCPT TO:<${r}>`);
    const rr = await hear();
    if (!rr || rr.code !== 250) return quit(rr?.lines.join(' ') ?? '421 4.4.2 Connection dropped', tlsOut);
  }
  say('DATA');
  const go = await hear();
  if (!go || go.code !== 354) return quit(go?.lines.join(' ') ?? '421 4.4.2 Connection dropped', tlsOut);
  // The body is not logged (Exchange logs the commands, not the content); dots are stuffed.
  const body = env.data.split('\r\n').map((l) => (l.startsWith('.') ? `.${l}` : l));
  ch.socket.write(`${body.join('\r\n')}\r\n.\r\n`);
  const accepted = await hear();
  if (!accepted || accepted.code !== 250) return quit(accepted?.lines.join(' ') ?? '421 4.4.2 Connection dropped', tlsOut);
  say('QUIT');
  await hear();
  const out = done(true, accepted.lines.join(' '), tlsOut);
  return out;
}

/** Runs one hop: a receive server on loopback for the duration of one client session. */
export async function runSmtpHop(recv: ReceiveEndpoint, send: SendEndpoint, env: Envelope): Promise<HopOutcome> {
  const started = performance.now();
  const sockets = new Set<net.Socket>();
  const rec: ServerRecord = {};
  let serverDone: Promise<void> = Promise.resolve();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.setNoDelay(true); // request/response lines: Nagle plus delayed ACKs would add ~40 ms stalls
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    serverDone = serveSession(s, recv, rec).catch((e) => recv.log?.add('*', String((e as Error)?.message ?? e), 'Session failed'));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  let timer: NodeJS.Timeout | undefined;
  try {
    const client = net.connect({ host: '127.0.0.1', port, noDelay: true });
    sockets.add(client);
    client.on('error', () => undefined);
    client.on('close', () => sockets.delete(client));
    await once(client, 'connect');
    const timeout = new Promise<HopOutcome>((resolve) => {
      timer = setTimeout(() => resolve({ delivered: false, response: '451 4.4.1 Connection timed out', elapsedMs: 0 }), HOP_TIMEOUT_MS);
    });
    const out = await Promise.race([clientSession(client, send, env), timeout]);
    for (const s of sockets) s.destroy();
    await serverDone;
    if (out.tls) {
      out.tls.clientCertificate = rec.clientCertificate;
      out.tls.clientAuthenticatedAs = rec.authenticatedAs;
      out.tls.clientDomainSecure = rec.clientDomainSecure;
    }
    return { ...out, serverSelected: rec.selected, elapsedMs: performance.now() - started };
  } catch (e) {
    return { delivered: false, response: `421 4.2.1 Unable to connect: ${(e as Error).message}`, elapsedMs: performance.now() - started };
  } finally {
    if (timer) clearTimeout(timer);
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

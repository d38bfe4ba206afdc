// The client side of a lab connection (issue 8): a real TCP connection on loopback to a lab
// endpoint, a real TLS handshake (the client sends the host name it asks for as SNI and, when it
// has one, its own certificate), and the first exchange of the protocol: an HTTP request and its
// status line, the POP3/IMAP4 greeting, SMTP up to STARTTLS and after, a SIP OPTIONS. What the
// server presented comes from the handshake; judging it is verdict.ts's work.

import { X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import * as net from 'node:net';
import * as tls from 'node:tls';
import { LineChannel } from '../transport/channel.js';
import { peerX509, contextFor } from '../transport/tls.js';
import type { ListenerKind } from './network.js';

export interface ClientCredential {
  thumbprint: string;
  certPem: string;
  keyPem: string;
}

export interface ProbeOptions {
  port: number;
  kind: ListenerKind;
  /** The host name the client asks for (SNI, HTTP Host). */
  host: string;
  /** For web services: the request. */
  method?: string;
  path?: string;
  /** The client's own certificate (mutual TLS). */
  clientCertificate?: ClientCredential;
  timeoutMs?: number;
}

export interface ProbeResult {
  /** The server's certificate as the handshake delivered it (undefined without TLS). */
  certificate?: X509Certificate;
  /** TLS version negotiated. */
  protocol?: string;
  /** The first protocol answer: `HTTP/1.1 200 OK`, `+OK ...`, `220 ...`, `SIP/2.0 200 OK`. */
  reply?: string;
  /** HTTP status code, when the protocol is HTTP. */
  status?: number;
  /** The body of an HTTP answer. */
  body?: string;
  /** SMTP: the server did not offer STARTTLS. */
  noStartTls?: boolean;
  /** Why the connection or the handshake failed. */
  error?: string;
  elapsedMs: number;
}

const TIMEOUT_MS = 5000;

function connectPlain(port: number): Promise<net.Socket> {
  const sock = net.connect({ host: '127.0.0.1', port, noDelay: true });
  sock.on('error', () => undefined);
  return Promise.race([once(sock, 'connect').then(() => sock), once(sock, 'error').then(([e]) => Promise.reject(e))]);
}

function startTls(socket: net.Socket | undefined, port: number, o: ProbeOptions): Promise<tls.TLSSocket> {
  const t = tls.connect({
    ...(socket ? { socket } : { host: '127.0.0.1', port }),
    servername: net.isIP(o.host) ? undefined : o.host,
    secureContext: contextFor(o.clientCertificate),
    rejectUnauthorized: false, // the client's own trust decides (verdict.ts), not Node's against the host clock
    checkServerIdentity: () => undefined,
  });
  t.setNoDelay(true);
  t.on('error', () => undefined);
  return Promise.race([
    once(t, 'secureConnect').then(() => t),
    once(t, 'error').then(([e]) => Promise.reject(e)),
    once(t, 'close').then(() => Promise.reject(new Error('The remote host closed the connection during the TLS handshake.'))),
  ]);
}

/** Reads from a socket until `done` says the answer is complete, or the socket ends. */
function readUntil(sock: net.Socket, done: (text: string) => boolean): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const finish = () => {
      sock.off('data', onData);
      resolve(text);
    };
    const onData = (d: Buffer) => {
      text += d.toString('latin1');
      if (done(text)) finish();
    };
    sock.on('data', onData);
    sock.once('end', finish);
    sock.once('close', finish);
  });
}

function httpRequest(o: ProbeOptions): string {
  return `${o.method ?? 'GET'} ${o.path ?? '/'} HTTP/1.1\r\nHost: ${o.host}\r\nUser-Agent: emsh-lab-client\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`;
}

/** An HTTP response read to its end: status line, status, body. */
async function readHttp(sock: net.Socket): Promise<Pick<ProbeResult, 'reply' | 'status' | 'body'>> {
  const text = await readUntil(sock, () => false);
  const head = text.split('\r\n\r\n')[0] ?? '';
  const line = head.split('\r\n')[0] ?? '';
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(line);
  return { reply: line, status: m ? Number(m[1]) : undefined, body: text.slice(head.length + 4) };
}

async function run(o: ProbeOptions): Promise<Omit<ProbeResult, 'elapsedMs'>> {
  if (o.kind === 'HTTP') {
    const sock = await connectPlain(o.port);
    try {
      sock.write(httpRequest(o));
      return await readHttp(sock);
    } finally {
      sock.destroy();
    }
  }
  if (o.kind === 'SMTP') {
    const sock = await connectPlain(o.port);
    const ch = new LineChannel(sock);
    try {
      const banner = await ch.readReply();
      if (!banner || banner.code !== 220) return { error: banner?.lines.join(' ') ?? 'The server closed the connection.' };
      ch.write('EHLO client.lab');
      const ehlo = await ch.readReply();
      if (!ehlo?.lines.some((l) => /^250[- ]STARTTLS$/i.test(l))) {
        ch.write('QUIT');
        return { reply: banner.lines[0], noStartTls: true };
      }
      ch.write('STARTTLS');
      const go = await ch.readReply();
      if (!go || go.code !== 220) return { reply: go?.lines.join(' '), error: go?.lines.join(' ') ?? 'The server closed the connection.' };
      let t: tls.TLSSocket | undefined;
      const upgraded = ch.upgrade((plain) => {
        t = tls.connect({ socket: plain, servername: net.isIP(o.host) ? undefined : o.host, secureContext: contextFor(o.clientCertificate), rejectUnauthorized: false, checkServerIdentity: () => undefined });
        t.on('error', () => undefined);
        return t;
      });
      await Promise.race([once(upgraded, 'secureConnect'), once(upgraded, 'error').then(([e]) => Promise.reject(e))]);
      const certificate = peerX509(upgraded);
      ch.write('EHLO client.lab');
      const again = await ch.readReply();
      ch.write('QUIT');
      return { certificate, protocol: upgraded.getProtocol() ?? undefined, reply: again?.lines[0] ?? banner.lines[0] };
    } finally {
      ch.destroy();
    }
  }
  const t = await startTls(undefined, o.port, o);
  try {
    const certificate = peerX509(t);
    const protocol = t.getProtocol() ?? undefined;
    if (o.kind === 'HTTPS') {
      t.write(httpRequest(o));
      return { certificate, protocol, ...(await readHttp(t)) };
    }
    if (o.kind === 'SIP') {
      t.write(`OPTIONS sip:${o.host}:5061;transport=tls SIP/2.0\r\nVia: SIP/2.0/TLS client.lab\r\nContent-Length: 0\r\n\r\n`);
      const text = await readUntil(t, (x) => x.includes('\r\n'));
      return { certificate, protocol, reply: text.split('\r\n')[0] };
    }
    // POP3 / IMAP4: the greeting, then the goodbye.
    const greeting = await readUntil(t, (x) => x.includes('\r\n'));
    t.write(o.kind === 'POP3' ? 'QUIT\r\n' : 'a1 LOGOUT\r\n');
    return { certificate, protocol, reply: greeting.split('\r\n')[0] };
  } finally {
    t.destroy();
  }
}

/** Connects, handshakes and makes the first exchange; never throws (failures come back in `error`). */
export async function probe(o: ProbeOptions): Promise<ProbeResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Omit<ProbeResult, 'elapsedMs'>>((resolve) => {
    timer = setTimeout(() => resolve({ error: 'The operation has timed out.' }), o.timeoutMs ?? TIMEOUT_MS);
  });
  try {
    const r = await Promise.race([run(o).catch((e: Error) => ({ error: socketErrorText(e) })), timeout]);
    return { ...r, elapsedMs: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

/** .NET's wording for the socket failures a client meets. */
function socketErrorText(e: Error & { code?: string }): string {
  if (e.code === 'ECONNREFUSED') return 'No connection could be made because the target machine actively refused it.';
  if (e.code === 'ECONNRESET' || /closed the connection|socket hang up/i.test(e.message)) return 'The underlying connection was closed: An unexpected error occurred on a send.';
  return e.message;
}

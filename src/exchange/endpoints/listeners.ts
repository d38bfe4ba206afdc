// Real endpoints on loopback (issue 8): the Default Web Site over HTTPS and HTTP, POP3 and IMAP4
// over SSL, SMTP with STARTTLS (the transport's own session code), SIP over TLS for UM. Each
// listener reads the organization when a connection arrives and presents the certificate the
// server would present at that moment: enabling another certificate takes effect on the next
// connection, as on a real server.

import { once } from 'node:events';
import * as http from 'node:http';
import * as net from 'node:net';
import * as tls from 'node:tls';
import type { Organization } from '../organization.js';
import type { CertRecord, ServerState } from '../model.js';
import { smtpReceiveEndpoint } from '../transport/routing.js';
import { serveSmtpSession } from '../transport/smtp.js';
import { selectUmCertificate } from '../transport/select.js';
import { umMode } from '../transport/um.js';
import { rootPems } from '../clients.js';
import { contextFor, peerX509 } from '../transport/tls.js';
import { siteResponse } from './site.js';
import { runsListener, type ListenerKind } from './network.js';

/** What the listeners read on each connection: the organization as it is now, and the lab clock. */
export interface LabView {
  org: Organization;
  now: () => Date;
}
/** The view a new connection gets (a promise when the lab must be read again first, as under `emsh -Serve`). */
export type LabSource = () => LabView | Promise<LabView>;

/** The certificate (with its key) a server presents on a listener right now, if it has one. */
export function presentedCertificate(view: LabView, serverName: string, kind: ListenerKind): CertRecord | undefined {
  const s = view.org.server(serverName);
  if (!s) return undefined;
  switch (kind) {
    case 'HTTPS':
      return s.iisCertificate();
    case 'POP3':
    case 'IMAP4': {
      const f = s.protocolCertificate(kind === 'POP3' ? 'Pop' : 'Imap');
      return f ? s.record(f.thumbprint) : undefined;
    }
    case 'SMTP': {
      const ep = smtpReceiveEndpoint(view.org.state, s.state, view.now);
      return typeof ep === 'string' || !ep.startTlsCertificate ? undefined : s.record(ep.startTlsCertificate.thumbprint);
    }
    case 'SIP':
      return umMode(view.org.state, s.state) === 'Unsecured' ? undefined : selectUmCertificate(s.state, view.now());
    case 'HTTP':
      return undefined;
  }
}

export class EndpointError extends Error {
  constructor(
    message: string,
    readonly code: 'AddressInUse' | 'NotServed' | 'Other',
  ) {
    super(message);
  }
}

/** One listening endpoint. */
export class Endpoint {
  private readonly sockets = new Set<net.Socket>();
  private closed = false;

  constructor(
    readonly server: string,
    readonly kind: ListenerKind,
    private readonly listener: net.Server,
    readonly port: number,
    readonly address: string,
  ) {
    listener.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  get listening(): boolean {
    return !this.closed;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.listener.close(() => resolve()));
  }
}

const POP_GREETING = '+OK The Microsoft Exchange POP3 service is ready.';
const IMAP_GREETING = '* OK The Microsoft Exchange IMAP4 service is ready.';

/** A line-oriented POP3 or IMAP4 session over SSL: greeting, CAPA/CAPABILITY, and the goodbyes. */
function serveMailProtocol(sock: tls.TLSSocket, kind: 'POP3' | 'IMAP4'): void {
  sock.write(`${kind === 'POP3' ? POP_GREETING : IMAP_GREETING}\r\n`);
  let buf = '';
  sock.on('data', (d: Buffer) => {
    buf += d.toString('latin1');
    let i: number;
    while ((i = buf.indexOf('\r\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 2);
      if (kind === 'POP3') {
        const verb = line.split(' ')[0]!.toUpperCase();
        if (verb === 'QUIT') return void sock.end('+OK Microsoft Exchange Server 2007 POP3 server signing off.\r\n');
        if (verb === 'CAPA') sock.write('+OK\r\nTOP\r\nUIDL\r\nUSER\r\nSASL NTLM\r\n.\r\n');
        else sock.write('-ERR Command is not valid in this state.\r\n');
      } else {
        const [tag = '*', verb = ''] = line.split(' ');
        const v = verb.toUpperCase();
        if (v === 'LOGOUT') return void sock.end(`* BYE Microsoft Exchange Server 2007 IMAP4 server signing off.\r\n${tag} OK LOGOUT completed.\r\n`);
        if (v === 'CAPABILITY') sock.write(`* CAPABILITY IMAP4 IMAP4rev1 AUTH=NTLM IDLE NAMESPACE LITERAL+\r\n${tag} OK CAPABILITY completed.\r\n`);
        else sock.write(`${tag} BAD Command Argument Error.\r\n`);
      }
    }
  });
}

/** Serves a connection of one listener kind for one server, reading the organization now. */
async function serveConnection(source: LabSource, serverName: string, kind: ListenerKind, sock: net.Socket, site: http.Server): Promise<void> {
  sock.setNoDelay(true);
  sock.on('error', () => undefined);
  // The listener pauses new sockets (pauseOnConnect): nothing is read until the view is known,
  // so a TLS socket wrapped after an await still gets the client's first bytes.
  const view = await source();
  const server = view.org.server(serverName);
  if (!server) return void sock.destroy();
  if (kind === 'HTTP') {
    site.emit('connection', sock);
    return void sock.resume();
  }
  if (kind === 'SMTP') {
    sock.resume();
    const ep = smtpReceiveEndpoint(view.org.state, server.state, view.now);
    if (typeof ep === 'string') return void sock.end(`${ep}\r\n`);
    void serveSmtpSession(sock, ep).catch(() => sock.destroy());
    return;
  }
  const cert = presentedCertificate(view, serverName, kind);
  // Nothing to present (no certificate bound, SIP in TCP-only mode): the SSL listener cannot complete a handshake.
  if (!cert?.keyPem) return void sock.destroy();
  // IIS asks for a client certificate (ActiveSync certificate authentication), naming the roots the server trusts.
  const ca = kind === 'HTTPS' ? rootPems(view.org.state, server.state) : undefined;
  const t = new tls.TLSSocket(sock, { isServer: true, secureContext: contextFor(cert, ca), requestCert: kind === 'HTTPS', rejectUnauthorized: false });
  t.on('error', () => sock.destroy());
  t.once('secure', () => {
    if (kind === 'HTTPS') site.emit('connection', t);
    else if (kind === 'POP3' || kind === 'IMAP4') serveMailProtocol(t, kind);
    else {
      // SIP over TLS: answer OPTIONS as the UM service does.
      t.once('data', () => t.end(`SIP/2.0 200 OK\r\nServer: ${serverName} Microsoft Exchange Unified Messaging\r\nContent-Length: 0\r\n\r\n`));
    }
  });
}

/** The Default Web Site of a server over one connection kind (HTTPS knows the TLS socket it came on). */
function siteServer(source: LabSource, serverName: string): http.Server {
  return http.createServer(async (req, res) => {
    const view = await source();
    const s = view.org.server(serverName);
    const secure = req.socket instanceof tls.TLSSocket;
    const clientCertificate = secure ? peerX509(req.socket as tls.TLSSocket) : undefined;
    const r = s
      ? siteResponse(view.org.state, s.state, { method: req.method ?? 'GET', path: req.url ?? '/', secure, clientCertificate }, view.now())
      : { status: 503, reason: 'Service Unavailable', headers: {}, body: '' };
    res.writeHead(r.status, r.reason, { ...r.headers, 'Content-Length': Buffer.byteLength(r.body), Connection: 'close' });
    res.end(r.body);
  });
}

/** Starts a listener of `kind` for a server on 127.0.0.1 (port 0: any free port). */
export async function startEndpoint(source: LabSource, server: ServerState, kind: ListenerKind, port = 0): Promise<Endpoint> {
  if (!runsListener(server, kind)) throw new EndpointError(`${server.name} does not run ${kind}.`, 'NotServed');
  const site = siteServer(source, server.name);
  const listener = net.createServer({ noDelay: true, pauseOnConnect: true }, (sock) => void serveConnection(source, server.name, kind, sock, site).catch(() => sock.destroy()));
  listener.on('error', () => undefined);
  listener.listen(port, '127.0.0.1');
  try {
    await Promise.race([once(listener, 'listening'), once(listener, 'error').then(([e]) => Promise.reject(e))]);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    listener.close();
    if (err.code === 'EADDRINUSE') throw new EndpointError(`Only one usage of each socket address (protocol/network address/port) is normally permitted 127.0.0.1:${port}`, 'AddressInUse');
    throw new EndpointError(err.message, 'Other');
  }
  const addr = listener.address() as net.AddressInfo;
  return new Endpoint(server.name, kind, listener, addr.port, addr.address);
}

/** The endpoints a session (or `emsh -Serve`) keeps up. */
export class EndpointSet {
  private readonly endpoints: Endpoint[] = [];

  constructor(readonly source: LabSource) {}

  list(): Endpoint[] {
    return this.endpoints.filter((e) => e.listening);
  }

  find(server: string, kind: ListenerKind): Endpoint | undefined {
    return this.list().find((e) => e.server.toLowerCase() === server.toLowerCase() && e.kind === kind);
  }

  /** Starts the listener unless it already runs (then returns that one). */
  async start(server: ServerState, kind: ListenerKind, port = 0): Promise<{ endpoint: Endpoint; started: boolean }> {
    const running = this.find(server.name, kind);
    if (running && (port === 0 || running.port === port)) return { endpoint: running, started: false };
    // The new port first: if it is busy, the running listener stays as it was.
    const endpoint = await startEndpoint(this.source, server, kind, port);
    if (running) await this.stop(running);
    this.endpoints.push(endpoint);
    return { endpoint, started: true };
  }

  async stop(e: Endpoint): Promise<void> {
    await e.close();
    const i = this.endpoints.indexOf(e);
    if (i >= 0) this.endpoints.splice(i, 1);
  }

  async stopAll(): Promise<void> {
    for (const e of [...this.endpoints]) await this.stop(e);
  }

  /**
   * Prepares what the first connections need before anyone connects: the TLS context of each
   * listener's certificate (parsing a key costs a few milliseconds), so `emsh -Serve` answers its
   * first client as fast as the next ones.
   */
  async warm(): Promise<void> {
    const view = await this.source();
    for (const e of this.list()) {
      const cert = presentedCertificate(view, e.server, e.kind);
      const s = view.org.server(e.server);
      if (cert?.keyPem && s) contextFor(cert, e.kind === 'HTTPS' ? rootPems(view.org.state, s.state) : undefined);
    }
  }

  /**
   * Runs `fn` against the server's listener: the running one, or one started for this use and
   * stopped after it (Test-LabClient needs no endpoints started beforehand).
   */
  async using<T>(server: ServerState, kind: ListenerKind, fn: (e: Endpoint) => Promise<T>): Promise<T> {
    const running = this.find(server.name, kind);
    if (running) return fn(running);
    const temp = await startEndpoint(this.source, server, kind, 0);
    try {
      return await fn(temp);
    } finally {
      await temp.close();
    }
  }
}

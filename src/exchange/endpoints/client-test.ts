// Test-LabClient's work (issue 8): a lab client uses a service the way its program does - the URL
// it would use (or the one given), the lab's DNS from where it sits, a real TLS handshake on
// loopback with the server's listener, the client's own chain building against its Trusted Root
// store, the name check against the host it asked for, the dates by the lab clock - and the
// verdict that client shows (verdict.ts).

import type { ClientMachineState, ServerState } from '../model.js';
import { umMode } from '../transport/um.js';
import { rootPems } from '../clients.js';
import { certificateNames, chainsToRoot, describeCertificate, timeValidity, type SeenCertificate } from '../transport/tls.js';
import { SERVICES_OF, defaultUrl, listenerFor, resolveHost, runsListener, type ClientService, type ListenerKind } from './network.js';
import { presentedCertificate, type EndpointSet, type LabView } from './listeners.js';
import { probe, type ClientCredential, type ProbeResult } from './probe.js';
import { IIS_ERRORS } from './site.js';
import { certificateVerdict, type CertificateChecks, type ClientResult } from './verdict.js';

export interface ClientTestOutcome {
  client: string;
  service: ClientService;
  url: string;
  /** The server that answered, and on which listener. */
  server?: string;
  listener?: ListenerKind;
  certificate?: SeenCertificate;
  checks?: CertificateChecks;
  result: ClientResult;
  message: string;
  elapsedMs: number;
}

/** Input a client cannot act on: the cmdlet reports these as errors and changes nothing. */
export class ClientTestError extends Error {
  constructor(
    message: string,
    readonly reason: 'ServiceNotAvailable' | 'BadUrl' | 'HostNotFound',
  ) {
    super(message);
  }
}

/** Scheme and port a bare host means for the non-web services. */
const BARE: Partial<Record<ClientService, string>> = { POP3: 'pop3s', IMAP4: 'imaps', SMTP: 'smtp', UM: 'sip' };

function parseUrl(service: ClientService, text: string): URL {
  const t = text.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `${BARE[service] ?? 'https'}://${t}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    throw new ClientTestError(`Invalid URI: The format of the URI could not be determined: '${text}'.`, 'BadUrl');
  }
  const web = !BARE[service];
  if (web && !/^https?:$/.test(u.protocol)) throw new ClientTestError(`The URI prefix is not recognized: '${text}' (${service} is reached over http or https).`, 'BadUrl');
  if (!u.hostname) throw new ClientTestError(`Invalid URI: The hostname could not be parsed: '${text}'.`, 'BadUrl');
  return u;
}

/** The credential a client presents when the server asks for one: its first personal certificate. */
function credentialOf(client: ClientMachineState): ClientCredential | undefined {
  const c = client.personal[0];
  return c ? { thumbprint: c.thumbprint, certPem: c.certPem, keyPem: c.keyPem } : undefined;
}

function failure(base: Omit<ClientTestOutcome, 'result' | 'message' | 'elapsedMs'>, message: string, elapsedMs = 0): ClientTestOutcome {
  return { ...base, result: 'Failure', message, elapsedMs };
}

/** Why a server's SSL listener could not complete a handshake: it has nothing to present. */
function noCertificateReason(view: LabView, server: ServerState, kind: ListenerKind, host: string): string {
  switch (kind) {
    case 'HTTPS':
      return `${server.name} has no certificate enabled for IIS, so its web site has no SSL binding (Enable-ExchangeCertificate -Services IIS).`;
    case 'POP3':
    case 'IMAP4': {
      const name = (kind === 'POP3' ? server.pop : server.imap)?.x509CertificateName ?? host;
      return `No certificate with its private key on ${server.name} matches X509CertificateName "${name}": the ${kind} service cannot accept SSL connections.`;
    }
    default:
      return umMode(view.org.state, server) === 'Unsecured'
        ? `The UM server ${server.name} runs unsecured (SIP over TCP, port 5060), and SIP over TLS (port 5061) is all the peer speaks: set the dial plan's VoIPSecurity to SIPSecured or Secured.`
        : `No valid certificate on ${server.name} is enabled for UM, so the UM service cannot answer on port 5061 (Enable-ExchangeCertificate -Services UM).`;
  }
}

/** Who connects: what it trusts, where it sits, and the certificate it presents when asked. */
export interface Connector {
  name: string;
  network: 'Internal' | 'Internet';
  roots: string[];
  credential?: ClientCredential;
}

/** What one connection to a service reached. */
export interface Reached {
  url: URL;
  host: string;
  server: ServerState;
  listener: ListenerKind;
  /** Set when the connection or the handshake did not get through. */
  failure?: string;
  probe?: ProbeResult;
  certificate?: SeenCertificate;
  checks?: CertificateChecks;
}

/**
 * Connects `who` to a service at a URL: the lab's DNS from where it sits, the server's listener,
 * a real handshake and the first protocol exchange, and the three certificate checks from its
 * point of view. Throws ClientTestError when the URL is not usable or the host does not resolve.
 */
export async function reach(view: LabView, endpoints: EndpointSet, who: Connector, service: ClientService, urlText: string, method?: string): Promise<Reached> {
  const org = view.org.state;
  const url = parseUrl(service, urlText);
  const host = url.hostname;
  const server = resolveHost(org, who.network, host);
  if (!server) {
    throw new ClientTestError(
      `The remote name could not be resolved: '${host}'. No lab server answers to that name ${who.network === 'Internet' ? 'on the Internet (only published names resolve there)' : 'in the network'}.`,
      'HostNotFound',
    );
  }
  const kind = listenerFor(service, url);
  const at = { url, host, server, listener: kind };
  if (!runsListener(server, kind)) {
    return { ...at, failure: `Unable to connect to the remote server: ${server.name} (${host}) does not answer ${kind === 'HTTP' || kind === 'HTTPS' ? 'web requests' : kind} (No connection could be made because the target machine actively refused it).` };
  }
  const r = await endpoints.using(server, kind, (e) =>
    probe({
      port: e.port,
      kind,
      host,
      method: method ?? (service === 'Autodiscover' ? 'POST' : service === 'ActiveSync' ? 'OPTIONS' : 'GET'),
      path: `${url.pathname}${url.search}`,
      clientCertificate: who.credential,
    }),
  );
  if (r.error) {
    const why = kind === 'HTTPS' ? 'The underlying connection was closed: Could not establish secure channel for SSL/TLS.' : r.error;
    const nothing = kind !== 'HTTP' && kind !== 'SMTP' && !presentedCertificate(view, server.name, kind);
    return { ...at, probe: r, failure: nothing ? `${why} ${noCertificateReason(view, server, kind, host)}` : why };
  }
  if (kind === 'SMTP' && r.noStartTls) {
    return { ...at, probe: r, failure: `The server does not support the specified connection encryption type (${server.name} offers no STARTTLS: no usable certificate enabled for SMTP names ${host}).` };
  }
  if (kind === 'HTTP') return { ...at, probe: r };
  if (!r.certificate) return { ...at, probe: r, failure: 'The remote server presented no certificate.' };
  const certificate = describeCertificate(r.certificate);
  const checks: CertificateChecks = {
    trusted: chainsToRoot(r.certificate, who.roots),
    nameMatch: certificateNames(certificate, host),
    time: timeValidity(certificate, view.now()),
  };
  return { ...at, probe: r, certificate, checks };
}

/** The IIS error text of an HTTP refusal, or the status line. */
export function refusalText(r: ProbeResult): string {
  return /HTTP Error [^<]*/.exec(r.body ?? '')?.[0] ?? r.reply ?? '';
}

/** Runs one client check. Throws ClientTestError for input no client could act on. */
export async function testClient(view: LabView, endpoints: EndpointSet, client: ClientMachineState, service: ClientService, urlText?: string): Promise<ClientTestOutcome> {
  const org = view.org.state;
  if (!SERVICES_OF[client.kind].includes(service)) {
    throw new ClientTestError(`${client.name} (${client.software.join(', ')}) has no client for ${service}. Services ${client.name} can test: ${SERVICES_OF[client.kind].join(', ')}.`, 'ServiceNotAvailable');
  }
  let text = urlText;
  if (text === undefined) {
    const d = defaultUrl(org, client, service);
    if ('missing' in d) return failure({ client: client.name, service, url: '' }, d.missing);
    text = d.url;
  }
  const who: Connector = { name: client.name, network: client.network, roots: rootPems(org, client), credential: service === 'ActiveSync' ? credentialOf(client) : undefined };
  const r = await reach(view, endpoints, who, service, text);
  const located = { client: client.name, service, url: text, server: r.server.name, listener: r.listener };
  const elapsedMs = r.probe?.elapsedMs ?? 0;
  if (r.failure) return failure(located, r.failure, elapsedMs);
  const p = r.probe!;
  if (r.listener === 'HTTP') {
    // Plain HTTP: no certificate is involved (the OAB directory's default in 2007).
    if (p.status === 403) return failure(located, `${IIS_ERRORS.sslRequired} (${r.url.href} must be reached over https).`, elapsedMs);
    if (p.status === 404) return failure(located, `${IIS_ERRORS.notFound} (${r.url.pathname}).`, elapsedMs);
    return { ...located, result: 'Success', message: `${client.name} connected to ${r.host} over HTTP: nothing is encrypted, no certificate is involved.`, elapsedMs };
  }
  const v = certificateVerdict(client, service, r.host, r.checks!);
  const out: ClientTestOutcome = { ...located, certificate: r.certificate, checks: r.checks, result: v.result, message: v.message, elapsedMs };
  if (v.result === 'Failure') return out;
  // The certificate passed (or the user accepted the warning): what the service itself answered.
  if (r.listener === 'HTTPS' && p.status !== undefined && p.status >= 403) {
    return { ...out, result: 'Failure', message: `${v.result === 'Warning' ? `${v.message}\n` : ''}The server refused the request: ${refusalText(p)}` };
  }
  return out;
}

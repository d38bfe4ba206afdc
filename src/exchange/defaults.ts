// Exchange 2007 defaults for the servers at work (issue 5): what setup leaves on each role, and
// the organization-wide transport objects. normalizeOrganization fills in whatever part a stored
// lab lacks (labs saved before these parts existed), so it runs on every load and is idempotent:
// it never changes a part that is already there.
//
// Choices the 2007 sources leave open:
// - Receive connector names use the server name as shown (`Default Ex2007EE`).
// - The built-in lab has one org send connector, `Internet` (address space *, DNS routing), as a
//   2007 admin creates right after setup so that mail can leave; it is sourced from EDGE01 when
//   an Edge subscription exists, else from the Site-A hub.
// - The OAB directory's InternalUrl is http:// (RequireSSL $false is its 2007 default).

import type {
  ClientAccessState,
  MailboxState,
  OrgState,
  ProtocolSettingsState,
  ReceiveConnectorState,
  SendConnectorState,
  ServerState,
  TransportServerState,
  UMDialPlanState,
  UMServerState,
  VirtualDirectoryState,
} from './model.js';
import { clientDefaults } from './clients.js';

export const EXCHANGE_INSTALL_PATH = 'C:\\Program Files\\Microsoft\\Exchange Server';
export const SEND_PROTOCOL_LOG_PATH = `${EXCHANGE_INSTALL_PATH}\\TransportRoles\\Logs\\ProtocolLog\\SmtpSend`;
export const RECEIVE_PROTOCOL_LOG_PATH = `${EXCHANGE_INSTALL_PATH}\\TransportRoles\\Logs\\ProtocolLog\\SmtpReceive`;
export const DEFAULT_DIAL_PLAN = 'ProExchange DP';
export const VERSION_2007_SP1 = 'Version 8.1 (Build 240.6)';

export const isTransport = (s: ServerState): boolean => s.roles.includes('HubTransport') || s.roles.includes('Edge');
export const isClientAccess = (s: ServerState): boolean => s.roles.includes('ClientAccess');
export const isMailbox = (s: ServerState): boolean => s.roles.includes('Mailbox');
export const isUnifiedMessaging = (s: ServerState): boolean => s.roles.includes('UnifiedMessaging');

export function transportDefaults(): TransportServerState {
  return {
    intraOrgConnectorProtocolLoggingLevel: 'None',
    sendProtocolLogPath: SEND_PROTOCOL_LOG_PATH,
    receiveProtocolLogPath: RECEIVE_PROTOCOL_LOG_PATH,
    sendProtocolLogMaxFileSize: '10MB',
    receiveProtocolLogMaxFileSize: '10MB',
    sendProtocolLogMaxDirectorySize: '250MB',
    receiveProtocolLogMaxDirectorySize: '250MB',
    sendProtocolLogMaxAge: '30.00:00:00',
    receiveProtocolLogMaxAge: '30.00:00:00',
  };
}

function receiveConnector(name: string, port: number, authMechanism: string[], permissionGroups: string[]): ReceiveConnectorState {
  return {
    name,
    bindings: [`0.0.0.0:${port}`],
    remoteIPRanges: ['0.0.0.0-255.255.255.255'],
    fqdn: '',
    authMechanism,
    permissionGroups,
    requireTLS: false,
    domainSecureEnabled: false,
    protocolLoggingLevel: 'None',
    enabled: true,
  };
}

/** The connectors setup creates: two on a Hub, one on an Edge, none elsewhere. */
export function receiveConnectorDefaults(s: ServerState): ReceiveConnectorState[] {
  if (s.roles.includes('Edge')) {
    return [receiveConnector(`Default internal receive connector ${s.name}`, 25, ['Tls', 'ExchangeServer'], ['AnonymousUsers', 'ExchangeServers', 'Partners'])];
  }
  if (s.roles.includes('HubTransport')) {
    return [
      receiveConnector(`Default ${s.name}`, 25, ['Tls', 'Integrated', 'BasicAuth', 'BasicAuthRequireTLS', 'ExchangeServer'], ['ExchangeUsers', 'ExchangeServers', 'ExchangeLegacyServers']),
      receiveConnector(`Client ${s.name}`, 587, ['Tls', 'Integrated', 'BasicAuth', 'BasicAuthRequireTLS'], ['ExchangeUsers']),
    ];
  }
  return [];
}

/** The five Exchange virtual directories of a Client Access server and its SCP URL. */
export function clientAccessDefaults(s: ServerState): ClientAccessState {
  const vdir = (name: string, path: string, extra: Partial<VirtualDirectoryState> = {}, scheme = 'https'): VirtualDirectoryState => ({
    name,
    internalUrl: `${scheme}://${s.fqdn}/${path}`,
    externalUrl: null,
    ...extra,
  });
  return {
    autoDiscoverServiceInternalUri: `https://${s.fqdn}/autodiscover/autodiscover.xml`,
    virtualDirectories: [
      vdir('owa', 'owa'),
      vdir('OAB', 'OAB', { requireSsl: false }, 'http'),
      vdir('Microsoft-Server-ActiveSync', 'Microsoft-Server-ActiveSync', { clientCertAuth: 'Ignore' }),
      vdir('EWS', 'EWS/Exchange.asmx'),
      vdir('Autodiscover', 'Autodiscover/Autodiscover.xml'),
      umVirtualDirectory(s),
    ],
    outlookAnywhere: { enabled: false, externalHostname: null, clientAuthenticationMethod: 'Basic', sslOffloading: false },
  };
}

/** The UM Web service directory (Play on Phone, UM settings in OWA) setup creates on a 2007 Client Access server. */
function umVirtualDirectory(s: ServerState): VirtualDirectoryState {
  return { name: 'UnifiedMessaging', internalUrl: `https://${s.fqdn}/UnifiedMessaging/Service.asmx`, externalUrl: null };
}

export function popDefaults(s: ServerState): ProtocolSettingsState {
  return { x509CertificateName: s.fqdn, loginType: 'SecureLogin', sslBindings: ['0.0.0.0:995'], unencryptedOrTLSBindings: ['0.0.0.0:110'] };
}

export function imapDefaults(s: ServerState): ProtocolSettingsState {
  return { x509CertificateName: s.fqdn, loginType: 'SecureLogin', sslBindings: ['0.0.0.0:993'], unencryptedOrTLSBindings: ['0.0.0.0:143'] };
}

export function umDefaults(dialPlans: string[] = []): UMServerState {
  return { status: 'Enabled', dialPlans, languages: ['en-US'] };
}

/** Fills the server's missing issue-5 parts from its roles. */
export function normalizeServer(s: ServerState, opts: { umDialPlans?: string[] } = {}): void {
  if (isTransport(s)) {
    s.transport ??= transportDefaults();
    s.receiveConnectors ??= receiveConnectorDefaults(s);
  }
  if (isClientAccess(s)) {
    s.clientAccess ??= clientAccessDefaults(s);
    // Labs saved before the UM directory was modelled get it (added, nothing changed).
    if (!s.clientAccess.virtualDirectories.some((v) => v.name === 'UnifiedMessaging')) s.clientAccess.virtualDirectories.push(umVirtualDirectory(s));
    s.pop ??= popDefaults(s);
    s.imap ??= imapDefaults(s);
  }
  if (isUnifiedMessaging(s)) s.um ??= umDefaults(opts.umDialPlans);
}

/** The built-in lab's mailboxes: a few per mailbox server of the article's organization. */
const SEED_MAILBOXES: Record<string, [string, string][]> = {
  ex2007ee: [['Administrator', 'Administrator'], ['Alice', 'alice'], ['Bob', 'bob']],
  ex2007se: [['Carol', 'carol'], ['Dave', 'dave']],
  mbx01: [['Erin', 'erin']],
};

function mailboxDefaults(org: OrgState): MailboxState[] {
  const list: MailboxState[] = [];
  for (const s of org.servers) {
    if (!isMailbox(s)) continue;
    for (const [name, alias] of SEED_MAILBOXES[s.name.toLowerCase()] ?? []) {
      list.push({ name, alias, server: s.name, primarySmtpAddress: `${alias}@${org.externalDomain}`, database: `${s.name}\\First Storage Group\\Mailbox Database` });
    }
  }
  return list;
}

function sendConnectorDefaults(org: OrgState): SendConnectorState[] {
  const edge = org.servers.find((s) => s.roles.includes('Edge'));
  const subscribed = edge && (org.edgeSubscriptions ?? []).some((e) => e.edge.toLowerCase() === edge.name.toLowerCase());
  const hub = org.servers.find((s) => s.roles.includes('HubTransport'));
  const source = subscribed ? edge.name : hub?.name;
  if (!source) return [];
  return [sendConnectorState('Internet', ['SMTP:*;1'], [source], [])];
}

/** A new Send connector as 2007 creates it: DNS routing unless it has smart hosts, no TLS settings, enabled. */
export function sendConnectorState(name: string, addressSpaces: string[], sourceTransportServers: string[], smartHosts: string[]): SendConnectorState {
  return {
    name,
    addressSpaces,
    sourceTransportServers,
    smartHosts,
    dnsRoutingEnabled: smartHosts.length === 0,
    fqdn: '',
    requireTLS: false,
    domainSecureEnabled: false,
    ignoreSTARTTLS: false,
    protocolLoggingLevel: 'None',
    enabled: true,
  };
}

/** Fills every missing issue-5 part of the organization; idempotent. */
export function normalizeOrganization(org: OrgState): void {
  const hasUm = org.servers.some(isUnifiedMessaging);
  if (!org.umDialPlans) {
    org.umDialPlans = hasUm ? [{ name: DEFAULT_DIAL_PLAN, numberOfDigitsInExtension: 4, voipSecurity: 'Unsecured' } satisfies UMDialPlanState] : [];
  }
  const firstPlan = org.umDialPlans[0]?.name;
  for (const s of org.servers) normalizeServer(s, { umDialPlans: firstPlan ? [firstPlan] : [] });
  org.edgeSubscriptions ??= [];
  org.partnerDomains ??= [];
  org.transportConfig ??= { tlsSendDomainSecureList: [], tlsReceiveDomainSecureList: [] };
  org.sendConnectors ??= sendConnectorDefaults(org);
  org.mailboxes ??= mailboxDefaults(org);
  // Issue 8: the client machines (labs created before them get them here).
  org.clients ??= clientDefaults(org);
}

// ---------------------------------------------------------------------------------------------
// Value formats the settings use (stored in their input form, shown as Exchange shows them).

const SIZE_UNITS: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

/** `10MB`, `10 mb`, `1048576`, `unlimited` → the stored form (`10MB`, `1048576B`, `unlimited`), or undefined. */
export function parseByteQuantifiedSize(text: string): string | undefined {
  const t = text.trim();
  if (/^unlimited$/i.test(t)) return 'unlimited';
  const m = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB)?$/i.exec(t);
  if (!m) return undefined;
  return `${m[1]}${(m[2] ?? 'B').toUpperCase()}`;
}

export function byteQuantifiedSizeBytes(stored: string): number {
  const m = /^(\d+(?:\.\d+)?)(B|KB|MB|GB|TB)$/.exec(stored);
  return m ? Math.round(Number(m[1]) * SIZE_UNITS[m[2]!]!) : Number.POSITIVE_INFINITY;
}

/** Exchange's ByteQuantifiedSize text: `10 MB (10,485,760 bytes)`. */
export function formatByteQuantifiedSize(stored: string): string {
  if (stored === 'unlimited') return 'unlimited';
  const m = /^(\d+(?:\.\d+)?)(B|KB|MB|GB|TB)$/.exec(stored);
  if (!m) return stored;
  return `${m[1]} ${m[2]} (${byteQuantifiedSizeBytes(stored).toLocaleString('en-US')} bytes)`;
}

/** `30.00:00:00`, `20.00:00:00`, `12:00:00` → the canonical EnhancedTimeSpan text, or undefined. */
export function parseEnhancedTimeSpan(text: string): string | undefined {
  const m = /^\s*(?:(\d+)\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?\s*$/.exec(text);
  if (!m) return undefined;
  const [d, h, mi, s] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d > 0 ? `${d}.` : ''}${p(h)}:${p(mi)}:${p(s)}`;
}

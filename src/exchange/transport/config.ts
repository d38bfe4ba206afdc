// The transport settings a hop needs, read from the organization with Exchange 2007's defaults
// wherever a lab has not (yet) stored them: the Get/Set cmdlets own those parts of the state,
// this module only reads them.

import type {
  MailboxState,
  OrgState,
  ReceiveConnectorState,
  ServerState,
  TransportServerState,
} from '../model.js';
import { transportDefaults } from '../defaults.js';

export function isHub(s: ServerState): boolean {
  return s.roles.includes('HubTransport');
}

export function isEdge(s: ServerState): boolean {
  return s.roles.includes('Edge');
}

export function transportSettings(s: ServerState): TransportServerState {
  return s.transport ?? transportDefaults();
}

/** The connectors 2007 setup creates on a Hub (`Default X` on 25, `Client X` on 587) or an Edge. */
export function defaultReceiveConnectors(s: ServerState): ReceiveConnectorState[] {
  const base = { remoteIPRanges: ['0.0.0.0-255.255.255.255'], fqdn: '', requireTLS: false, domainSecureEnabled: false, protocolLoggingLevel: 'None' as const, enabled: true };
  if (isEdge(s)) {
    return [{ ...base, name: `Default internal receive connector ${s.name}`, bindings: ['0.0.0.0:25'], authMechanism: ['Tls', 'ExchangeServer'], permissionGroups: ['AnonymousUsers', 'ExchangeServers', 'Partners'] }];
  }
  if (!isHub(s)) return [];
  return [
    { ...base, name: `Default ${s.name}`, bindings: ['0.0.0.0:25'], authMechanism: ['Tls', 'Integrated', 'BasicAuth', 'BasicAuthRequireTLS', 'ExchangeServer'], permissionGroups: ['ExchangeUsers', 'ExchangeServers', 'ExchangeLegacyServers'] },
    { ...base, name: `Client ${s.name}`, bindings: ['0.0.0.0:587'], authMechanism: ['Tls', 'Integrated', 'BasicAuth', 'BasicAuthRequireTLS'], permissionGroups: ['ExchangeUsers'] },
  ];
}

export function receiveConnectors(s: ServerState): ReceiveConnectorState[] {
  return s.receiveConnectors ?? defaultReceiveConnectors(s);
}

/** The enabled connector listening on port 25 (where server-to-server SMTP arrives). */
export function smtpReceiveConnector(s: ServerState): ReceiveConnectorState | undefined {
  return receiveConnectors(s).find((c) => c.enabled && c.bindings.some((b) => /:25$/.test(b.trim())));
}

export function hasFlag(list: readonly string[], flag: string): boolean {
  return list.some((x) => x.trim().toLowerCase() === flag.toLowerCase());
}

/** The mailbox of an address, or for labs without a mailbox list: any user@<external domain> on the first Site-A mailbox server. */
export function findMailbox(org: OrgState, address: string): MailboxState | undefined {
  const a = address.trim().toLowerCase();
  if (org.mailboxes) return org.mailboxes.find((m) => m.primarySmtpAddress.toLowerCase() === a);
  const [local, domain] = a.split('@');
  if (!local || domain !== org.externalDomain.toLowerCase()) return undefined;
  const server = org.servers.find((s) => s.name.toLowerCase() === 'ex2007ee') ?? org.servers.find((s) => s.roles.includes('Mailbox'));
  if (!server) return undefined;
  return { name: local, alias: local, server: server.name, primarySmtpAddress: address.trim(), database: `${server.name}\\First Storage Group\\Mailbox Database` };
}

/** True when the address's domain is one the organization accepts mail for. */
export function isAcceptedDomain(org: OrgState, address: string): boolean {
  const domain = address.split('@')[1]?.toLowerCase() ?? '';
  return org.acceptedDomains.some((d) => {
    const n = d.domainName.toLowerCase();
    return n === domain || (n.startsWith('*.') && domain.endsWith(n.slice(1)));
  });
}

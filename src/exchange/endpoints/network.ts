// The lab's network as clients see it (issue 8): which host name reaches which server, which URL a
// client uses for a service when none is given, and on which listener the service answers.
//
// Names (the lab's DNS, split-brain as most 2007 organizations had it):
//  - inside (PC01, OCS01, GW01 and the servers): every server's NetBIOS name and FQDN, and every
//    host name in a Client Access server's URLs (InternalUrl, ExternalUrl, Outlook Anywhere's
//    ExternalHostname, the SCP), plus the published names below;
//  - on the Internet (HOME01, PHONE01): only published names: the host names in the ExternalUrl
//    values and Outlook Anywhere's ExternalHostname, mail.<domain> and autodiscover.<domain> (the
//    firewall publishes the Internet-facing Client Access server: the first one of the first
//    site), and the Edge's FQDN (the MX, SMTP only).
// The domain itself (https://proexchange.global/autodiscover/...) is the company's web site, not
// Exchange: Outlook's first Autodiscover attempt there fails and it goes on to autodiscover.<domain>,
// so the lab starts there.

import type { ClientMachineState, OrgState, ServerState } from '../model.js';
import { isClientAccess } from '../defaults.js';
import { isEdge, isHub } from '../transport/config.js';

/** The services Test-LabClient checks. */
export const CLIENT_SERVICES = ['Autodiscover', 'EWS', 'OutlookAnywhere', 'OAB', 'OWA', 'ActiveSync', 'POP3', 'IMAP4', 'SMTP', 'UM'] as const;
export type ClientService = (typeof CLIENT_SERVICES)[number];

/** A listener kind: one per protocol a server answers on. */
export type ListenerKind = 'HTTPS' | 'HTTP' | 'POP3' | 'IMAP4' | 'SMTP' | 'SIP';
export const LISTENER_KINDS: readonly ListenerKind[] = ['HTTPS', 'HTTP', 'POP3', 'IMAP4', 'SMTP', 'SIP'];

/** The well-known port of each listener (what the URL means without a port; the lab listens elsewhere). */
export const STANDARD_PORTS: Record<ListenerKind, number> = { HTTPS: 443, HTTP: 80, POP3: 995, IMAP4: 993, SMTP: 25, SIP: 5061 };

/** Whether a server runs a listener kind (by its roles). */
export function runsListener(s: ServerState, kind: ListenerKind): boolean {
  switch (kind) {
    case 'HTTPS':
    case 'HTTP':
    case 'POP3':
    case 'IMAP4':
      return isClientAccess(s);
    case 'SMTP':
      return isHub(s) || isEdge(s);
    case 'SIP':
      return s.roles.includes('UnifiedMessaging');
  }
}

/** The services each kind of client has a program for. */
export const SERVICES_OF: Record<ClientMachineState['kind'], readonly ClientService[]> = {
  DomainMember: ['Autodiscover', 'EWS', 'OutlookAnywhere', 'OAB', 'OWA', 'POP3', 'IMAP4', 'SMTP'],
  HomeComputer: ['Autodiscover', 'EWS', 'OutlookAnywhere', 'OAB', 'OWA', 'POP3', 'IMAP4', 'SMTP'],
  ActiveSyncDevice: ['ActiveSync', 'OWA', 'POP3', 'IMAP4', 'SMTP'],
  CommunicationsServer: ['UM'],
  UMIPGateway: ['UM'],
};

/** The Client Access server the firewall publishes to the Internet: the first one of the first site. */
export function internetFacingCas(org: OrgState): ServerState | undefined {
  const cas = org.servers.filter(isClientAccess);
  for (const site of org.sites) {
    const s = cas.find((x) => x.site === site);
    if (s) return s;
  }
  return cas[0];
}

/** The Client Access server of a client's own site (Site-A for the lab's internal machines). */
function homeCas(org: OrgState): ServerState | undefined {
  return internetFacingCas(org);
}

function hostOf(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Host names a Client Access server's configuration publishes (internal and external). */
function casNames(s: ServerState, external: boolean): string[] {
  const ca = s.clientAccess;
  if (!ca) return [];
  const names = ca.virtualDirectories.map((v) => hostOf(v.externalUrl));
  if (ca.outlookAnywhere.enabled && ca.outlookAnywhere.externalHostname) names.push(ca.outlookAnywhere.externalHostname.toLowerCase());
  if (!external) {
    names.push(...ca.virtualDirectories.map((v) => hostOf(v.internalUrl)), hostOf(ca.autoDiscoverServiceInternalUri));
    if (s.pop) names.push(s.pop.x509CertificateName.toLowerCase());
    if (s.imap) names.push(s.imap.x509CertificateName.toLowerCase());
  }
  return names.filter((n): n is string => Boolean(n));
}

/**
 * The server a host name reaches from a client's network, or undefined when the name does not
 * resolve there (a .local name from the Internet, a name nobody publishes).
 */
export function resolveHost(org: OrgState, network: 'Internal' | 'Internet', host: string): ServerState | undefined {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  const domain = org.externalDomain.toLowerCase();
  const inside = network === 'Internal';
  if (inside) {
    const byName = org.servers.find((s) => s.name.toLowerCase() === h || s.fqdn.toLowerCase() === h);
    if (byName) return byName;
  } else {
    const edge = org.servers.find((s) => isEdge(s) && s.fqdn.toLowerCase() === h);
    if (edge) return edge;
  }
  const published = org.servers.find((s) => casNames(s, !inside).includes(h));
  if (published) return published;
  if (h === `mail.${domain}` || h === `autodiscover.${domain}`) return internetFacingCas(org);
  return undefined;
}

/** The default URL a client uses for a service; a string that is not a URL explains why there is none. */
export function defaultUrl(org: OrgState, client: ClientMachineState, service: ClientService): { url: string } | { missing: string } {
  const inside = client.network === 'Internal';
  const cas = homeCas(org);
  const domain = org.externalDomain;
  if (!cas?.clientAccess) return { missing: 'The organization has no Client Access server.' };
  const vdir = (name: string) => cas.clientAccess!.virtualDirectories.find((v) => v.name.toLowerCase() === name.toLowerCase());
  const published = (name: string, path: string) => vdir(name)?.externalUrl ?? `https://mail.${domain}/${path}`;
  const oa = cas.clientAccess.outlookAnywhere;
  switch (service) {
    case 'Autodiscover':
      // Domain members find Autodiscover through the SCP; others through DNS.
      return { url: client.domainJoined ? cas.clientAccess.autoDiscoverServiceInternalUri : `https://autodiscover.${domain}/autodiscover/autodiscover.xml` };
    case 'EWS':
    case 'OAB': {
      // Outlook learns these from Autodiscover: the internal URL inside, the external one (EXPR) outside.
      const v = vdir(service);
      const url = inside ? v?.internalUrl : v?.externalUrl;
      if (url) return { url };
      return { missing: `Autodiscover gives clients outside the network no ${service === 'EWS' ? 'Availability (EWS)' : 'Offline Address Book'} URL: ${cas.name}\\${v?.name ?? service} (Default Web Site) has no ExternalUrl (set it with Set-${service === 'EWS' ? 'WebServices' : 'Oab'}VirtualDirectory -ExternalUrl).` };
    }
    case 'OutlookAnywhere':
      if (!oa.enabled || !oa.externalHostname) return { missing: `Outlook Anywhere is not enabled on ${cas.name} (Enable-OutlookAnywhere -Server ${cas.name} -ExternalHostname mail.${domain} ...).` };
      return { url: `https://${oa.externalHostname}/rpc/rpcproxy.dll` };
    case 'OWA':
      return { url: inside ? (vdir('owa')?.internalUrl ?? `https://${cas.fqdn}/owa`) : published('owa', 'owa') };
    case 'ActiveSync':
      return { url: inside ? (vdir('Microsoft-Server-ActiveSync')?.internalUrl ?? `https://${cas.fqdn}/Microsoft-Server-ActiveSync`) : published('Microsoft-Server-ActiveSync', 'Microsoft-Server-ActiveSync') };
    case 'POP3':
      return { url: `pop3s://${inside ? cas.fqdn : `mail.${domain}`}:995` };
    case 'IMAP4':
      return { url: `imaps://${inside ? cas.fqdn : `mail.${domain}`}:993` };
    case 'SMTP': {
      // Inside: the Hub of the site; outside: the domain's MX, the Edge.
      const hub = org.servers.find((s) => isHub(s) && s.site === cas.site) ?? org.servers.find(isHub);
      const edge = org.servers.find(isEdge);
      const target = inside ? hub : (edge ?? hub);
      if (!target) return { missing: 'The organization has no Hub or Edge Transport server.' };
      return { url: `smtp://${target.fqdn}:25` };
    }
    case 'UM': {
      const um = org.servers.find((s) => s.roles.includes('UnifiedMessaging'));
      if (!um) return { missing: 'The organization has no Unified Messaging server.' };
      return { url: `sip://${um.fqdn}:5061` };
    }
  }
}

/** The listener a URL reaches for a service: HTTPS/HTTP by scheme for web services, else the protocol's. */
export function listenerFor(service: ClientService, url: URL): ListenerKind {
  switch (service) {
    case 'POP3':
      return 'POP3';
    case 'IMAP4':
      return 'IMAP4';
    case 'SMTP':
      return 'SMTP';
    case 'UM':
      return 'SIP';
    default:
      return url.protocol === 'http:' ? 'HTTP' : 'HTTPS';
  }
}

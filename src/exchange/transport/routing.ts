// Routing a lab message hop by hop, as Exchange 2007 does it:
//   mailbox -(store driver)-> Hub of the mailbox's site -(SMTP, TLS mandatory)-> Hub of the
//   recipient's site -(store driver)-> recipient mailbox;
//   internet sender -(SMTP, opportunistic STARTTLS)-> Edge -(X-ANONYMOUSTLS, direct trust)-> Hub;
//   external recipient: Hub -(X-ANONYMOUSTLS)-> Edge -> the internet (no DNS in the lab: queued).
// Each SMTP hop is a real conversation (smtp.ts); the certificates come from select.ts.

import type { Organization } from '../organization.js';
import type { OrgState, ServerState } from '../model.js';
import {
  findMailbox,
  isAcceptedDomain,
  isEdge,
  isHub,
  smtpReceiveConnector,
  transportSettings,
} from './config.js';
import { type LogBatch, logVersion, newSessionId, ProtocolLogSession } from './protocol-log.js';
import { internalTransportCertificate, selectStartTlsCertificate, trustedRootPems } from './select.js';
import { runSmtpHop, type DomainSecureStatus, type Envelope, type HopOutcome, type ReceiveEndpoint, type SendEndpoint, type TlsVerb } from './smtp.js';
import type { PartnerOrgState, SendConnectorState } from '../model.js';
import { ensurePartner, partnerTemplate } from './partner.js';

export const INTRA_ORG_CONNECTOR = 'Intra-Organization SMTP Send Connector';

export const transportErrors = {
  /** What the queue shows when TLS / Exchange authentication between servers cannot be achieved. */
  exchangeAuth: '451 5.7.3 Cannot achieve Exchange Server authentication',
  recipientNotFound: (addr: string) => `550 5.1.1 RESOLVER.ADR.RecipNotFound; not found (${addr})`,
  unableToRelay: '550 5.7.1 Unable to relay',
  noConnector: 'A matching connector cannot be found to route the external recipient',
  dns: (domain: string) => `451 4.4.0 DNS query failed. The error was: SMTPSEND.DNS.NonExistentDomain; nonexistent domain (${domain})`,
  /** Domain Security failed on the sending side (the wording of the 2007 transport event, as the lab words it). */
  domainSecureSend: (domain: string, connector: string, status: DomainSecureStatus) =>
    `Message to secure domain '${domain}' on send connector '${connector}' failed because TLS certificate validation failed with status '${status}'. Contact the administrator of ${domain} to resolve the problem, or remove the domain from the TLSSendDomainSecureList list.`,
  domainSecureNoTls: (domain: string, connector: string) =>
    `Message to secure domain '${domain}' on send connector '${connector}' failed because the remote server did not offer STARTTLS. Domain Security requires TLS.`,
  /** The receiving side's refusal of a partner whose certificate does not pass (lab wording). */
  domainSecureReceive: (domain: string, status: DomainSecureStatus) => `454 4.7.5 Domain secure authentication failed for ${domain}: TLS certificate validation failed with status '${status}'`,
  primaryTarget: (reply: string) =>
    `451 4.4.0 Primary target IP address responded with: "${reply.replace(/\.?$/, '.')}" Attempted failover to alternate host, but that did not succeed. Either there are no alternate hosts, or delivery failed to all alternate hosts.`,
};

export type HopKind = 'StoreDriver' | 'SMTP';

export interface HopRecord {
  hop: number;
  source: string;
  target: string;
  kind: HopKind;
  /** `STARTTLS`, `X-ANONYMOUSTLS`, or `None`. */
  tls: TlsVerb | 'None';
  tlsProtocol?: string;
  /** The thumbprint of the certificate the target presented, as seen in the handshake. */
  certificateThumbprint?: string;
  certificateSubject?: string;
  /** The thumbprint the target's selection chose (equal to the one seen, by construction of a real handshake). */
  selectedThumbprint?: string;
  validation?: string;
  clientAuthenticatedAs?: string;
  /** The certificate the source presented as TLS client (mutual TLS), as the target saw it. */
  clientCertificateThumbprint?: string;
  /** Domain Security on this hop: the send side's check of the server, the receive side's check of the client. */
  serverDomainSecure?: DomainSecureStatus;
  clientDomainSecure?: DomainSecureStatus;
  response: string;
  ok: boolean;
  elapsedMs: number;
}

export type DeliveryStatus = 'Delivered' | 'Queued' | 'Failed';

export interface DeliveryReport {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  status: DeliveryStatus;
  /**
   * The identity of the queue a queued message waits in, `<server>\<number>` as Get-Queue shows
   * it and Retry-Queue accepts; set by recordDelivery once the message is in the queue (only the
   * organization's servers have queues we can see).
   */
  queue?: string;
  /** For a queued message: the server (of the organization, or the partner's host) and next hop. */
  queuedOn?: string;
  nextHopDomain?: string;
  deliveryType?: string;
  lastError?: string;
  /** Mutual TLS with a partner domain succeeded on the hop that crossed organizations. */
  domainSecure: boolean;
  hops: HopRecord[];
  logs: LogBatch[];
}

export interface MessageRequest {
  from: string;
  to: string;
  subject: string;
  body: string;
}

/** A hub in the site (the mailbox server itself when it is a hub). */
function hubFor(org: OrgState, serverName: string): ServerState | undefined {
  const s = org.servers.find((x) => x.name.toLowerCase() === serverName.toLowerCase());
  if (!s) return undefined;
  if (isHub(s)) return s;
  return org.servers.find((x) => isHub(x) && x.site === s.site);
}

/**
 * What a server's port-25 Receive connector offers right now (its FQDN, the certificates STARTTLS
 * and X-ANONYMOUSTLS present, whom it trusts), or a reply saying why nothing listens there. Built
 * per connection: a certificate enabled a moment ago is presented on the next connection.
 */
export function smtpReceiveEndpoint(org: OrgState, target: ServerState, now: () => Date, opts: { log?: ProtocolLogSession; acceptRecipient?: (a: string) => string | undefined } = {}): ReceiveEndpoint | string {
  const rc = smtpReceiveConnector(target);
  if (!rc) return `421 4.2.1 Unable to connect (no Receive connector on ${target.name} listens on port 25)`;
  const fqdn = rc.fqdn || target.fqdn;
  const at = now();
  const subscribed = (org.edgeSubscriptions ?? []).some((e) => e.edge.toLowerCase() === target.name.toLowerCase());
  return {
    server: target.name,
    fqdn,
    connectorId: `${target.name}\\${rc.name}`,
    authMechanism: rc.authMechanism,
    permissionGroups: rc.permissionGroups,
    requireTls: rc.requireTLS,
    startTlsCertificate: selectStartTlsCertificate(target, fqdn, at),
    anonymousTlsCertificate: internalTransportCertificate(target, at),
    directTrust: isEdge(target) ? (subscribed ? directoryTrust(org, false) : new Map()) : directoryTrust(org, true),
    log: opts.log,
    now,
    acceptRecipient: opts.acceptRecipient,
  };
}

/** Thumbprints published in AD (hubs' internal transport certificates) and for subscribed Edges. */
function directoryTrust(org: OrgState, includeEdges: boolean): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of org.servers) if (isHub(s) && s.internalTransportThumbprint) m.set(s.internalTransportThumbprint, s.name);
  if (includeEdges) for (const e of org.edgeSubscriptions ?? []) m.set(e.edgeCertificateThumbprint, e.edge);
  return m;
}

class Route {
  readonly hops: HopRecord[] = [];
  readonly logs: LogBatch[] = [];
  constructor(
    readonly organization: Organization,
    readonly now: () => Date,
    readonly env: Envelope,
  ) {}

  get org(): OrgState {
    return this.organization.state;
  }

  storeDriver(source: string, target: string): void {
    this.hops.push({ hop: this.hops.length + 1, source, target, kind: 'StoreDriver', tls: 'None', response: '250 2.0.0 Delivered by the store driver (MAPI)', ok: true, elapsedMs: 0 });
  }

  /** A protocol log session of a connector, when it logs verbosely and the server has a log folder. */
  private protocolLog(kind: 'Send' | 'Receive', s: ServerState, connectorId: string, verbose: boolean): ProtocolLogSession | undefined {
    const settings = transportSettings(s);
    const path = kind === 'Send' ? settings.sendProtocolLogPath : settings.receiveProtocolLogPath;
    if (!verbose || !path) return undefined;
    const log = new ProtocolLogSession(kind, connectorId, newSessionId(this.now()), this.now);
    this.logs.push({ server: s.name, kind, folder: path, version: logVersion(s.adminDisplayVersion), rows: log.rows });
    return log;
  }

  /** The receive side of `target` (its port-25 connector), or a reply explaining why there is none. */
  receiveEndpoint(target: ServerState, opts: { acceptRecipient?: (a: string) => string | undefined }): ReceiveEndpoint | string {
    const rc = smtpReceiveConnector(target);
    const log = rc ? this.protocolLog('Receive', target, `${target.name}\\${rc.name}`, rc.protocolLoggingLevel === 'Verbose') : undefined;
    return smtpReceiveEndpoint(this.org, target, this.now, { log, acceptRecipient: opts.acceptRecipient });
  }

  /** One SMTP hop between two servers of the organization (TLS mandatory). */
  async internal(source: ServerState, target: ServerState, connector: { id: string; verbose: boolean }): Promise<HopRecord> {
    const recv = this.receiveEndpoint(target, {});
    const now = this.now();
    const edgeInvolved = isEdge(source) || isEdge(target);
    let expected: ReadonlySet<string> | undefined;
    if (isEdge(target)) {
      const sub = this.org.edgeSubscriptions?.find((e) => e.edge.toLowerCase() === target.name.toLowerCase());
      expected = new Set(sub ? [sub.edgeCertificateThumbprint] : []);
    } else if (isEdge(source)) {
      expected = new Set(target.internalTransportThumbprint ? [target.internalTransportThumbprint] : []);
    }
    const send: SendEndpoint = {
      server: source.name,
      heloName: source.fqdn,
      // Hub to Hub: STARTTLS (then Kerberos in real Exchange); Hub <-> Edge: anonymous TLS with direct trust.
      verbs: edgeInvolved ? ['X-ANONYMOUSTLS', 'STARTTLS'] : ['STARTTLS', 'X-ANONYMOUSTLS'],
      requireTls: true,
      tlsRequiredError: transportErrors.exchangeAuth,
      clientCertificate: internalTransportCertificate(source, now),
      ca: source.domainJoined ? [this.org.ca.certPem] : [],
      directTrust: expected,
      expectedName: typeof recv === 'string' ? target.fqdn : recv.fqdn,
      log: this.protocolLog('Send', source, connector.id, connector.verbose),
      now: this.now,
    };
    return this.smtp(source.name, target.name, recv, send);
  }

  /** The internet's side: a remote MTA with no certificate, trusting only public roots (not the lab CA). */
  async fromInternet(target: ServerState, senderDomain: string, acceptRecipient: (a: string) => string | undefined): Promise<HopRecord> {
    const recv = this.receiveEndpoint(target, { acceptRecipient });
    const send: SendEndpoint = {
      server: `mail.${senderDomain}`,
      heloName: `mail.${senderDomain}`,
      verbs: ['STARTTLS'],
      requireTls: false,
      tlsRequiredError: '',
      ca: [],
      expectedName: typeof recv === 'string' ? target.fqdn : recv.fqdn,
      now: this.now,
    };
    return this.smtp(`mail.${senderDomain} (Internet)`, target.name, recv, send);
  }

  /** Our server (Edge or Hub) to the partner's host, through a Send connector (Domain Security). */
  async toPartner(source: ServerState, partner: PartnerOrgState, connector: SendConnectorState): Promise<HopRecord> {
    const now = this.now();
    const cfg = this.org.transportConfig;
    const secure = connector.domainSecureEnabled && (cfg?.tlsSendDomainSecureList ?? []).some((d) => d.toLowerCase() === partner.domain);
    const heloName = connector.fqdn || source.fqdn;
    const ours = this.org.acceptedDomains.map((d) => d.domainName.toLowerCase());
    const recv: ReceiveEndpoint = {
      server: partner.hostFqdn,
      fqdn: partner.hostFqdn,
      connectorId: `${partner.hostFqdn}\\Default`,
      authMechanism: ['Tls'],
      permissionGroups: ['AnonymousUsers', 'Partners'],
      requireTls: false,
      startTlsCertificate: partner.certificate,
      directTrust: new Map(),
      clientCa: partner.trustedRootPems,
      domainSecure: partner.domainSecure ? { domains: ours, refusal: transportErrors.domainSecureReceive } : undefined,
      now: this.now,
      acceptRecipient: (a) => (a.toLowerCase().endsWith(`@${partner.domain}`) ? undefined : transportErrors.unableToRelay),
    };
    const send: SendEndpoint = {
      server: source.name,
      heloName,
      verbs: connector.ignoreSTARTTLS ? [] : ['STARTTLS'],
      requireTls: connector.requireTLS || secure,
      tlsRequiredError: secure ? transportErrors.domainSecureNoTls(partner.domain, connector.name) : '451 5.7.3 STARTTLS is required to send mail',
      // The Send connector's FQDN picks the certificate offered when the remote side asks for one.
      clientCertificate: selectStartTlsCertificate(source, heloName, now),
      ca: trustedRootPems(source, this.org.ca),
      expectedName: partner.hostFqdn,
      domainSecure: secure ? { domain: partner.domain, failure: (st) => transportErrors.domainSecureSend(partner.domain, connector.name, st) } : undefined,
      log: this.protocolLog('Send', source, connector.name, connector.protocolLoggingLevel === 'Verbose'),
      now: this.now,
    };
    return this.smtp(source.name, `${partner.hostFqdn} (${partner.organizationName})`, recv, send);
  }

  /** The partner's host to our Edge: STARTTLS with its certificate; Domain Security when both sides configured it. */
  async fromPartner(target: ServerState, partner: PartnerOrgState, acceptRecipient: (a: string) => string | undefined): Promise<HopRecord> {
    const recv = this.receiveEndpoint(target, { acceptRecipient });
    if (typeof recv !== 'string') {
      const rc = smtpReceiveConnector(target)!;
      const list = this.org.transportConfig?.tlsReceiveDomainSecureList ?? [];
      recv.clientCa = trustedRootPems(target, this.org.ca);
      if (rc.domainSecureEnabled && list.length) recv.domainSecure = { domains: list, refusal: transportErrors.domainSecureReceive };
    }
    const send: SendEndpoint = {
      server: partner.hostFqdn,
      heloName: partner.hostFqdn,
      verbs: ['STARTTLS'],
      requireTls: partner.domainSecure,
      tlsRequiredError: transportErrors.domainSecureNoTls(this.org.externalDomain, 'Fabrikam to ProExchange'),
      clientCertificate: partner.certificate,
      ca: partner.trustedRootPems,
      expectedName: typeof recv === 'string' ? target.fqdn : recv.fqdn,
      domainSecure: partner.domainSecure ? { domain: this.org.externalDomain, failure: (st) => transportErrors.domainSecureSend(this.org.externalDomain, `${partner.organizationName} to ${this.org.organizationName}`, st) } : undefined,
      now: this.now,
    };
    return this.smtp(`${partner.hostFqdn} (${partner.organizationName})`, target.name, recv, send);
  }

  private async smtp(source: string, target: string, recv: ReceiveEndpoint | string, send: SendEndpoint): Promise<HopRecord> {
    let out: HopOutcome;
    if (typeof recv === 'string') out = { delivered: false, response: recv, elapsedMs: 0 };
    else out = await runSmtpHop(recv, send, this.env);
    const t = out.tls;
    const hop: HopRecord = {
      hop: this.hops.length + 1,
      source,
      target,
      kind: 'SMTP',
      tls: t?.verb ?? 'None',
      tlsProtocol: t?.protocol,
      certificateThumbprint: t?.serverCertificate?.thumbprint,
      certificateSubject: t?.serverCertificate?.subject,
      selectedThumbprint: out.serverSelected,
      validation: t?.judgement.verdict,
      clientAuthenticatedAs: t?.clientAuthenticatedAs,
      clientCertificateThumbprint: t?.clientCertificate?.thumbprint,
      serverDomainSecure: t?.serverDomainSecure,
      clientDomainSecure: t?.clientDomainSecure?.status,
      response: out.response,
      ok: out.delivered,
      elapsedMs: out.elapsedMs,
    };
    this.hops.push(hop);
    return hop;
  }
}

let messageCounter = 0;

function messageId(now: Date, fqdn: string): string {
  const hex = (BigInt(now.getTime()) * 1000n + BigInt(++messageCounter % 1000)).toString(16).toUpperCase().padStart(16, '0');
  return `<${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}@${fqdn}>`;
}

function messageText(req: MessageRequest, id: string, now: Date): string {
  return [
    `From: <${req.from}>`,
    `To: <${req.to}>`,
    `Subject: ${req.subject}`,
    `Date: ${now.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: ${id}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="us-ascii"',
    '',
    ...req.body.split(/\r?\n/),
  ].join('\r\n');
}

export interface DeliveryOptions {
  /** Retry-Queue: the message waits on this server; routing resumes there. */
  resumeAt?: string;
  /** Keep the message id of the queued message. */
  messageId?: string;
  /** Keys for a partner created on first use (tests pass fixture keys). */
  partnerKeys?: () => string;
}

/** Routes one message through the organization; SMTP hops run over loopback with real TLS. */
export async function deliverMessage(organization: Organization, req: MessageRequest, now: () => Date, opts: DeliveryOptions = {}): Promise<DeliveryReport> {
  const org = organization.state;
  const senderBox = isAcceptedDomain(org, req.from) ? findMailbox(org, req.from) : undefined;
  const internalRecipient = isAcceptedDomain(org, req.to);
  const recipientBox = internalRecipient ? findMailbox(org, req.to) : undefined;
  const edge = org.servers.find(isEdge);
  const firstHub = senderBox ? hubFor(org, senderBox.server) : undefined;
  const id = opts.messageId ?? messageId(now(), firstHub?.fqdn ?? edge?.fqdn ?? org.externalDomain);
  const env: Envelope = { from: req.from, to: [req.to], data: messageText(req, id, now()), messageId: id };
  const route = new Route(organization, now, env);
  let domainSecure = false;
  const report = (status: DeliveryStatus, lastError?: string, q?: { on: string; next: string; type: string }): DeliveryReport => ({
    messageId: id,
    from: req.from,
    to: req.to,
    subject: req.subject,
    status,
    lastError,
    queuedOn: q?.on,
    nextHopDomain: q?.next,
    deliveryType: q?.type,
    domainSecure,
    hops: route.hops,
    logs: route.logs,
  });
  const intraOrg = (s: ServerState) => ({ id: INTRA_ORG_CONNECTOR, verbose: transportSettings(s).intraOrgConnectorProtocolLoggingLevel === 'Verbose' });
  /** 2007's queue naming: a remote site by its name, the Edge by its FQDN. */
  const nextHop = (source: ServerState, target: ServerState) => {
    if (isEdge(target)) return { next: target.fqdn, type: 'SmtpRelayWithinAdSiteToEdge' };
    if (isEdge(source)) return { next: target.site ?? target.fqdn, type: 'SmtpRelayToRemoteAdSite' };
    return target.site && target.site !== source.site ? { next: target.site, type: 'SmtpRelayToRemoteAdSite' } : { next: target.fqdn, type: 'SmtpRelayWithinAdSite' };
  };
  /** An SMTP hop between organization servers; failures leave the message queued on the source. */
  const hopBetween = async (source: ServerState, target: ServerState, connector = intraOrg(source)): Promise<DeliveryReport | undefined> => {
    const h = await route.internal(source, target, connector);
    if (h.ok) return undefined;
    return report('Queued', transportErrors.primaryTarget(h.response), { on: source.name, ...nextHop(source, target) });
  };
  const unreachable = (on: ServerState) => report('Queued', transportErrors.noConnector, { on: on.name, next: 'Unreachable', type: 'Unreachable' });
  const subscription = edge ? org.edgeSubscriptions?.find((e) => e.edge === edge.name) : undefined;
  /** The Edge hands inbound mail to a Hub of the subscribed site. */
  const edgeToHub = async (): Promise<DeliveryReport | ServerState> => {
    const siteHub = org.servers.find((s) => isHub(s) && s.site === subscription!.site);
    if (!siteHub) return unreachable(edge!);
    const inbound = org.sendConnectors?.find((c) => c.name.toLowerCase() === `edgesync - inbound to ${subscription!.site}`.toLowerCase());
    const q = await hopBetween(edge!, siteHub, { id: inbound?.name ?? `EdgeSync - Inbound to ${subscription!.site}`, verbose: (inbound?.protocolLoggingLevel ?? 'None') === 'Verbose' });
    return q ?? siteHub;
  };
  /** A Hub sends to the subscribed Edge from the subscription's site: first to a Hub there, then to the Edge. */
  const toSubscribedEdge = async (from: ServerState, target: ServerState, site: string | undefined): Promise<DeliveryReport | ServerState> => {
    let at = from;
    if (at.site !== site) {
      const siteHub = org.servers.find((s) => isHub(s) && s.site === site);
      if (siteHub) {
        const q = await hopBetween(at, siteHub);
        if (q) return q;
        at = siteHub;
      }
    }
    return (await hopBetween(at, target)) ?? target;
  };

  let current: ServerState | undefined;
  if (opts.resumeAt) {
    current = org.servers.find((s) => s.name.toLowerCase() === opts.resumeAt!.toLowerCase());
    if (!current) return report('Failed', `Exchange server "${opts.resumeAt}" was not found.`);
    if (isEdge(current) && internalRecipient) {
      if (!subscription) return unreachable(current);
      const r = await edgeToHub();
      if (!('name' in r)) return r;
      current = r;
    }
  } else if (senderBox && firstHub) {
    route.storeDriver(`${senderBox.server} (Mailbox)`, firstHub.name);
    current = firstHub;
  } else {
    // From the internet (or a partner): the Edge accepts mail only for domains EdgeSync gave it.
    if (!edge) return report('Failed', transportErrors.unableToRelay);
    const accept = (a: string) => {
      if (!subscription || !isAcceptedDomain(org, a)) return transportErrors.unableToRelay;
      if (!findMailbox(org, a)) return transportErrors.recipientNotFound(a);
      return undefined;
    };
    const senderDomain = req.from.split('@')[1]?.toLowerCase() ?? 'example.com';
    const partner = partnerTemplate(senderDomain) ? await ensurePartner(org, senderDomain, now(), opts.partnerKeys) : undefined;
    const h = partner ? await route.fromPartner(edge, partner, accept) : await route.fromInternet(edge, senderDomain, accept);
    if (!h.ok) {
      // A partner keeps a refused message in its own queue and retries; the Internet sender likewise.
      if (/^5/.test(h.response)) return report('Failed', h.response);
      return report('Queued', h.response, partner ? { on: partner.hostFqdn, next: org.externalDomain, type: 'DnsConnectorDelivery' } : undefined);
    }
    domainSecure = h.clientDomainSecure === 'Valid' && h.serverDomainSecure === 'Valid';
    const r = await edgeToHub();
    if (!('name' in r)) return r;
    current = r;
  }

  if (internalRecipient) {
    if (!recipientBox) return report('Failed', transportErrors.recipientNotFound(req.to));
    const targetHub = hubFor(org, recipientBox.server);
    if (!targetHub) return unreachable(current);
    if (targetHub.name !== current.name) {
      const q = await hopBetween(current, targetHub);
      if (q) return q;
      current = targetHub;
    }
    route.storeDriver(current.name, `${recipientBox.server} (Mailbox)`);
    return report('Delivered');
  }

  const domain = req.to.split('@')[1]?.toLowerCase() ?? '';
  const partnerDomain = partnerTemplate(domain) !== undefined;
  if (!partnerDomain) {
    // Other external recipients leave through the subscribed Edge (no DNS in the lab: they queue there).
    if (!edge || !subscription) return unreachable(current);
    if (!isEdge(current)) {
      const r = await toSubscribedEdge(current, edge, subscription.site);
      if (!('name' in r)) return r;
      current = r;
    }
    return report('Queued', transportErrors.dns(domain), { on: edge.name, next: domain, type: 'DnsConnectorDelivery' });
  }
  // A partner domain: the Send connector with the most specific address space, from its source server.
  const connector = sendConnectorFor(org, domain);
  if (!connector) return unreachable(current);
  const sources = connector.sourceTransportServers.map((n) => org.servers.find((s) => s.name.toLowerCase() === n.toLowerCase())).filter((s): s is ServerState => !!s);
  let source = sources.find((s) => s.name === current!.name) ?? sources[0];
  if (!source) return unreachable(current);
  if (isEdge(source)) {
    if (!subscription || subscription.edge !== source.name) return unreachable(current);
    if (!isEdge(current)) {
      const r = await toSubscribedEdge(current, source, subscription.site);
      if (!('name' in r)) return r;
      current = r;
    }
  } else if (source.name !== current.name) {
    const q = await hopBetween(current, source);
    if (q) return q;
    current = source;
  }
  source = current;
  const dnsQueue = { on: source.name, next: domain, type: 'DnsConnectorDelivery' };
  const partner = (await ensurePartner(org, domain, now(), opts.partnerKeys))!;
  const h = await route.toPartner(source, partner, connector);
  if (!h.ok) {
    const why = h.serverDomainSecure && h.serverDomainSecure !== 'Valid' ? h.response : /^Message to secure domain/.test(h.response) ? h.response : transportErrors.primaryTarget(h.response);
    return report('Queued', why, dnsQueue);
  }
  domainSecure = h.serverDomainSecure === 'Valid';
  return report('Delivered');
}

/** The enabled Send connector whose address space matches the domain most specifically (`*` last; then the lowest cost). */
export function sendConnectorFor(org: OrgState, domain: string): SendConnectorState | undefined {
  const d = domain.toLowerCase();
  let best: { c: SendConnectorState; score: number } | undefined;
  for (const c of org.sendConnectors ?? []) {
    if (!c.enabled) continue;
    for (const raw of c.addressSpaces) {
      const cost = Number(/;(\d+)$/.exec(raw)?.[1] ?? 1);
      const space = raw.replace(/^smtp:/i, '').replace(/;\d+$/, '').trim().toLowerCase();
      let score = -1;
      if (space === '*') score = 0;
      else if (space === d) score = 1000 + space.length;
      else if (space.startsWith('*.') && d.endsWith(space.slice(1))) score = space.length;
      if (score >= 0) score = score * 1000 + 999 - Math.min(cost, 999);
      if (score >= 0 && (!best || score > best.score)) best = { c, score };
    }
  }
  return best?.c;
}

/**
 * Voice mail: the UM server submits the message to a Hub Transport server of its site over SMTP,
 * with TLS as between any two Exchange servers (mandatory).
 */
export async function submitVoiceMail(organization: Organization, umServer: string, to: string, now: () => Date): Promise<HopRecord | string> {
  const org = organization.state;
  const um = org.servers.find((s) => s.name.toLowerCase() === umServer.toLowerCase());
  if (!um) return `Exchange server "${umServer}" was not found.`;
  const hub = hubFor(org, um.name) ?? org.servers.find((s) => isHub(s) && s.site === um.site);
  if (!hub) return `There is no Hub Transport server in site ${um.site ?? ''} to submit voice mail to.`;
  const id = messageId(now(), um.fqdn);
  const req: MessageRequest = { from: `MicrosoftExchange@${org.externalDomain}`, to, subject: 'Voice Mail from 4711 (0:12 seconds)', body: 'Voice message attached (audio/wav).' };
  const route = new Route(organization, now, { from: req.from, to: [to], data: messageText(req, id, now()), messageId: id });
  return route.internal(um, hub, { id: INTRA_ORG_CONNECTOR, verbose: false });
}

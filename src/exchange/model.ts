// The organization as it is persisted in lab.json (plain JSON: no classes, no Dates).
// Certificates keep their PEM and private key plus the facts listings need, so a listing of
// 10,000 certificates does not parse 10,000 DER blobs.

import type { ServerRole } from './services.js';
import type { SettingsBag } from './settings.js';

export const ORG_SCHEMA = 1;

export interface AcceptedDomainState {
  name: string;
  domainName: string;
  domainType: 'Authoritative' | 'InternalRelay' | 'ExternalRelay';
  default: boolean;
}

export interface CaState {
  /** `ProExchange Root CA`. */
  name: string;
  /** Windows form of the CA's subject, as issued certificates show it in Issuer. */
  subject: string;
  certPem: string;
  keyPem: string;
  thumbprint: string;
}

/** One certificate in a server's LocalMachine\My store. */
export interface CertRecord {
  thumbprint: string;
  certPem: string;
  /** PKCS#8 PEM; absent when the certificate came without its key. */
  keyPem?: string;
  exportable: boolean;
  friendlyName: string;
  /** Services enabled on it (IIS is also tracked by ServerState.iisThumbprint, which wins). */
  services: number;
  subject: string;
  issuer: string;
  serialNumber: string;
  /** ISO times. */
  notBefore: string;
  notAfter: string;
  /** Subject CN first, then SAN DNS names, without duplicates (CertificateDomains). */
  domains: string[];
  publicKeySize: number;
  selfSigned: boolean;
  /** Thumbprint of the issuing CA when it is the lab CA (for RootCAType / trust). */
  issuedByLabCa: boolean;
}

/** A pending request in the REQUEST store: a placeholder certificate carries its thumbprint. */
export interface RequestRecord {
  thumbprint: string;
  /** The placeholder (self-signed, same key) Windows keeps for a pending request. */
  placeholderPem: string;
  requestPem: string;
  keyPem: string;
  exportable: boolean;
  friendlyName: string;
  subject: string;
  domains: string[];
  publicKeySize: number;
  createdAt: string;
}

export interface ServerState extends ServerWorkState {
  /** NetBIOS name as shown: `Ex2007EE`. */
  name: string;
  fqdn: string;
  /** Active Directory site; Edge servers have none. */
  site?: string;
  roles: ServerRole[];
  edition: 'Standard' | 'Enterprise';
  adminDisplayVersion: string;
  domainJoined: boolean;
  installedAt: string;
  certificates: CertRecord[];
  requests: RequestRecord[];
  /** The one certificate bound to the Default Web Site's HTTPS binding. */
  iisThumbprint?: string;
  /** The default SMTP (internal transport) certificate, published in AD. */
  internalTransportThumbprint?: string;
  /** Require SSL on the root web site. */
  requireSsl: boolean;
  /** 2007 settings given a value by Set-ExchangeServer (src/exchange/settings-2007.ts); absent ones show their default. */
  settings?: SettingsBag;
}

export interface OrgState extends OrgWorkState {
  schema: number;
  organizationName: string;
  adDomain: string;
  externalDomain: string;
  acceptedDomains: AcceptedDomainState[];
  sites: string[];
  ca: CaState;
  servers: ServerState[];
  /** The machine the shell is logged on to. */
  currentMachine: string;
}

// ---------------------------------------------------------------------------------------------
// The servers at work (issue 5): transport, connectors, client access, POP/IMAP, UM, EdgeSync.
// All optional in the persisted document so labs created before they existed still load;
// src/exchange/defaults.ts fills them in (normalizeOrganization) when a lab is opened.

export type LoggingLevel = 'None' | 'Verbose';

export interface TransportServerState {
  intraOrgConnectorProtocolLoggingLevel: LoggingLevel;
  /** Windows paths on the server's drive, e.g. C:\Program Files\Microsoft\Exchange Server\TransportRoles\Logs\ProtocolLog\SmtpSend; null disables. */
  sendProtocolLogPath: string | null;
  receiveProtocolLogPath: string | null;
  sendProtocolLogMaxFileSize: string;
  receiveProtocolLogMaxFileSize: string;
  sendProtocolLogMaxDirectorySize: string;
  receiveProtocolLogMaxDirectorySize: string;
  sendProtocolLogMaxAge: string;
  receiveProtocolLogMaxAge: string;
  /** 2007 settings given a value by a Set-/New- cmdlet (src/exchange/settings-2007.ts); absent ones show their default. */
  settings?: SettingsBag;
}

export interface ReceiveConnectorState {
  /** `Default EX2007EE`, `Client EX2007EE`, `Default internal receive connector EDGE01` ... */
  name: string;
  bindings: string[];
  remoteIPRanges: string[];
  /** Empty: the server FQDN. */
  fqdn: string;
  authMechanism: string[];
  permissionGroups: string[];
  requireTLS: boolean;
  domainSecureEnabled: boolean;
  protocolLoggingLevel: LoggingLevel;
  enabled: boolean;
  /** 2007 settings given a value by a Set-/New- cmdlet (src/exchange/settings-2007.ts); absent ones show their default. */
  settings?: SettingsBag;
}

export interface SendConnectorState {
  name: string;
  addressSpaces: string[];
  /** Source transport servers (names). */
  sourceTransportServers: string[];
  smartHosts: string[];
  dnsRoutingEnabled: boolean;
  fqdn: string;
  requireTLS: boolean;
  domainSecureEnabled: boolean;
  ignoreSTARTTLS: boolean;
  protocolLoggingLevel: LoggingLevel;
  enabled: boolean;
  /** 2007 settings given a value by a Set-/New- cmdlet (src/exchange/settings-2007.ts); absent ones show their default. */
  settings?: SettingsBag;
}

export interface TransportConfigState {
  tlsSendDomainSecureList: string[];
  tlsReceiveDomainSecureList: string[];
  /** 2007 settings given a value by Set-TransportConfig (src/exchange/settings-2007.ts); absent ones show their default. */
  settings?: SettingsBag;
}

export interface MailboxState {
  name: string;
  alias: string;
  /** The mailbox server (name). */
  server: string;
  primarySmtpAddress: string;
  database: string;
}

export interface VirtualDirectoryState {
  /** `owa`, `OAB`, `Microsoft-Server-ActiveSync`, `EWS`, `Autodiscover`. */
  name: string;
  internalUrl: string | null;
  externalUrl: string | null;
  /** Only the OAB directory has its own RequireSSL (false by default). */
  requireSsl?: boolean;
  /** ActiveSync: client certificate authentication (Ignore, Accepted, Required). */
  clientCertAuth?: 'Ignore' | 'Accepted' | 'Required';
  /** 2007 settings given a value by a Set-/New- cmdlet (src/exchange/settings-2007.ts); absent ones show their default. */
  settings?: SettingsBag;
}

export interface OutlookAnywhereState {
  enabled: boolean;
  externalHostname: string | null;
  clientAuthenticationMethod: 'Basic' | 'Ntlm';
  /** The /rpc directory's IIS authentication (Set-OutlookAnywhere -IISAuthenticationMethods); absent: the client method. */
  iisAuthenticationMethods?: string[];
  sslOffloading: boolean;
}

export interface ClientAccessState {
  autoDiscoverServiceInternalUri: string;
  /** Sites the Autodiscover SCP serves (Set-ClientAccessServer -AutoDiscoverSiteScope); absent: the server's site. */
  autoDiscoverSiteScope?: string[];
  virtualDirectories: VirtualDirectoryState[];
  outlookAnywhere: OutlookAnywhereState;
}

export interface ProtocolSettingsState {
  x509CertificateName: string;
  loginType: 'PlainTextLogin' | 'PlainTextAuthentication' | 'SecureLogin';
  sslBindings: string[];
  unencryptedOrTLSBindings: string[];
  /** 2007 settings given a value by a Set-/New- cmdlet (src/exchange/settings-2007.ts); absent ones show their default. */
  settings?: SettingsBag;
}

export interface UMServerState {
  status: 'Enabled' | 'Disabled' | 'NoNewCalls';
  dialPlans: string[];
  languages: string[];
}

export interface UMDialPlanState {
  name: string;
  numberOfDigitsInExtension: number;
  voipSecurity: 'Unsecured' | 'SIPSecured' | 'Secured';
  /** Absent: TelExtn (the 2007 default). */
  uriType?: 'TelExtn' | 'E164' | 'SipName';
}

export interface EdgeSubscriptionState {
  /** The Edge server's name. */
  edge: string;
  site: string;
  /** The Edge's internal transport certificate thumbprint published in AD (direct trust). */
  edgeCertificateThumbprint: string;
  /** The certificate PEM published for the Edge. */
  edgeCertificatePem: string;
  createdAt: string;
  lastSync?: string;
}

/** Issue-5 parts of a server; see ServerState. */
export interface ServerWorkState {
  transport?: TransportServerState;
  receiveConnectors?: ReceiveConnectorState[];
  clientAccess?: ClientAccessState;
  pop?: ProtocolSettingsState;
  imap?: ProtocolSettingsState;
  um?: UMServerState;
  /** Roots added to the server's Trusted Root Certification Authorities store (Import-LabTrustedRoot). */
  trustedRoots?: TrustedRootState[];
  /** The server's mail queues (messages a failed hop left there), per next hop. */
  queues?: QueueState[];
  /** The server's message tracking log, oldest first (bounded). */
  messageTracking?: TrackingEventState[];
}

export interface TrustedRootState {
  subject: string;
  thumbprint: string;
  certPem: string;
}

/** A message waiting in a queue: what Retry-Queue needs to send it again. */
export interface QueuedMessageState {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  body: string;
  queuedAt: string;
  lastError: string;
}

export interface QueueState {
  /** The number in `SERVER\<id>`. */
  id: number;
  nextHopDomain: string;
  /** DnsConnectorDelivery, SmtpRelayToRemoteAdSite, SmtpRelayWithinAdSite, Undefined ... */
  deliveryType: string;
  lastError: string;
  messages: QueuedMessageState[];
}

export interface TrackingEventState {
  timestamp: string;
  eventId: 'RECEIVE' | 'SEND' | 'DELIVER' | 'FAIL';
  source: 'SMTP' | 'STOREDRIVER' | 'ROUTING';
  sender: string;
  recipients: string[];
  messageSubject: string;
  messageId: string;
  clientHostname: string;
  serverHostname: string;
  connectorId?: string;
  recipientStatus?: string;
}

/** A lab partner organization (Domain Security): its own CA and one SMTP host on loopback. */
export interface PartnerOrgState {
  domain: string;
  organizationName: string;
  hostFqdn: string;
  ca: CaState;
  /** The partner host's certificate (issued by its CA; names the host and the domain). */
  certificate: { thumbprint: string; certPem: string; keyPem: string; domains: string[] };
  /** Roots the partner trusts: its own CA and ProExchange Root CA (exchanged with ProExchange beforehand). */
  trustedRootPems: string[];
  /** The partner lists the organization's domain in its own Domain Security lists. */
  domainSecure: boolean;
}

/** Issue-5 parts of the organization; see OrgState. */
export interface OrgWorkState {
  sendConnectors?: SendConnectorState[];
  transportConfig?: TransportConfigState;
  mailboxes?: MailboxState[];
  umDialPlans?: UMDialPlanState[];
  edgeSubscriptions?: EdgeSubscriptionState[];
  /** Partner domains for Domain Security demonstrations. */
  partnerDomains?: string[];
  /** The lab partner organizations created so far (see transport/partner.ts). */
  partners?: PartnerOrgState[];
  /** Next queue number per server (queue identities `SERVER\n` are not reused). */
  nextQueueId?: Record<string, number>;
  /** The client machines of the lab (issue 8): see clients.ts. */
  clients?: ClientMachineState[];
}

// ---------------------------------------------------------------------------------------------
// What clients see (issue 8): machines that are not Exchange servers, each with its own trust.

/** What a client machine is; it decides the programs it runs and what they show. */
export type ClientKind = 'DomainMember' | 'HomeComputer' | 'ActiveSyncDevice' | 'CommunicationsServer' | 'UMIPGateway';

/** A certificate with its key in a client's personal store (a user certificate for ActiveSync). */
export interface PersonalCertState {
  thumbprint: string;
  subject: string;
  certPem: string;
  keyPem: string;
}

export interface ClientMachineState {
  /** `PC01`. */
  name: string;
  /** Domain members have one in the AD domain; the others are known by their name only. */
  fqdn: string;
  kind: ClientKind;
  /** Inside the company network (resolves internal names) or on the Internet (published names only). */
  network: 'Internal' | 'Internet';
  /** Domain members get the enterprise CA in their Trusted Root store through Group Policy. */
  domainJoined: boolean;
  /** Operating system and the programs that matter, for Get-LabClient and the verdict texts. */
  os: string;
  software: string[];
  /** Certificates imported into its Trusted Root Certification Authorities store (by hand, Import-Certificate). */
  trustedRoots: TrustedRootState[];
  /** Its personal certificates with keys. */
  personal: PersonalCertState[];
}

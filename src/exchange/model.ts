// The organization as it is persisted in lab.json (plain JSON: no classes, no Dates).
// Certificates keep their PEM and private key plus the facts listings need, so a listing of
// 10,000 certificates does not parse 10,000 DER blobs.

import type { ServerRole } from './services.js';

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

export interface ServerState {
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
}

export interface OrgState {
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

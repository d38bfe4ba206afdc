// Lab partner organizations for Domain Security (mutual TLS): another company with its own root
// CA and one SMTP host, run on loopback like our servers. The lab knows one partner,
// fabrikam.lab; it is created the first time something needs it (a message, Import-LabTrustedRoot)
// and then kept in the organization state, so its certificates stay the same.
//
// What the partner's admin has already done (the lab's choice, so that the trainee configures only
// the ProExchange side): Fabrikam trusts ProExchange Root CA and lists proexchange.global in its
// own Domain Security lists. Fabrikam's root is NOT trusted by our Edge until the admin imports it
// (Import-LabTrustedRoot), as a real Edge, outside the domain, does not trust a partner's CA.

import { generateKeyPairSync } from 'node:crypto';
import { loadPki } from '../../pki/load.js';
import type { OrgState, PartnerOrgState } from '../model.js';

export interface PartnerTemplate {
  domain: string;
  organizationName: string;
  host: string;
}

export const LAB_PARTNERS: PartnerTemplate[] = [{ domain: 'fabrikam.lab', organizationName: 'Fabrikam', host: 'mail.fabrikam.lab' }];

export function partnerTemplate(domain: string): PartnerTemplate | undefined {
  const d = domain.trim().toLowerCase();
  return LAB_PARTNERS.find((p) => p.domain === d);
}

export function findPartner(org: OrgState, domain: string): PartnerOrgState | undefined {
  const d = domain.trim().toLowerCase();
  return org.partners?.find((p) => p.domain === d);
}

const DAY = 86400000;

function newKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
}

/**
 * The partner for a lab partner domain, created on first use (two 2048-bit keys: its CA and its
 * host; tests pass fixture keys). Undefined for a domain that is not a lab partner.
 */
export async function ensurePartner(org: OrgState, domain: string, now: Date, keys: () => string = newKey): Promise<PartnerOrgState | undefined> {
  const existing = findPartner(org, domain);
  if (existing) return existing;
  const t = partnerTemplate(domain);
  if (!t) return undefined;
  const { createCaCertificate, createRequest, signRequest } = await loadPki();
  const from = new Date(Math.floor(now.getTime() / 1000) * 1000 - 180 * DAY);
  const caKey = keys();
  const ca = createCaCertificate({ subject: `CN=${t.organizationName} Root CA, O=${t.organizationName}`, notBefore: from, notAfter: new Date(from.getTime() + 3650 * DAY), privateKeyPem: caKey });
  const hostKey = keys();
  const names = [t.host, t.domain];
  const req = createRequest({ subject: `CN=${t.host}, O=${t.organizationName}`, dnsNames: names, privateKeyPem: hostKey });
  const cert = signRequest(req, ca.pem, caKey, { notBefore: from, notAfter: new Date(from.getTime() + 730 * DAY), extendedKeyUsage: ['serverAuth', 'clientAuth'] });
  const partner: PartnerOrgState = {
    domain: t.domain,
    organizationName: t.organizationName,
    hostFqdn: t.host,
    ca: { name: `${t.organizationName} Root CA`, subject: ca.subject, certPem: ca.pem, keyPem: caKey, thumbprint: ca.thumbprint },
    certificate: { thumbprint: cert.thumbprint, certPem: cert.pem, keyPem: hostKey, domains: names },
    trustedRootPems: [ca.pem, org.ca.certPem],
    domainSecure: true,
  };
  (org.partners ??= []).push(partner);
  if (!(org.partnerDomains ??= []).includes(t.domain)) org.partnerDomains.push(t.domain);
  return partner;
}

/** Re-issues the partner host's certificate for other names (a lab knob for the name-mismatch case). */
export async function reissuePartnerCertificate(partner: PartnerOrgState, names: string[], now: Date): Promise<void> {
  const { createRequest, signRequest } = await loadPki();
  const from = new Date(Math.floor(now.getTime() / 1000) * 1000 - DAY);
  const req = createRequest({ subject: `CN=${names[0]}, O=${partner.organizationName}`, dnsNames: names, privateKeyPem: partner.certificate.keyPem });
  const cert = signRequest(req, partner.ca.certPem, partner.ca.keyPem, { notBefore: from, notAfter: new Date(from.getTime() + 730 * DAY), extendedKeyUsage: ['serverAuth', 'clientAuth'] });
  partner.certificate = { thumbprint: cert.thumbprint, certPem: cert.pem, keyPem: partner.certificate.keyPem, domains: names };
}

// The built-in lab: the ProExchange organization of the article.
//   proexchange.local (AD), proexchange.global (external namespace, accepted domain)
//   Ex2007EE  Site-A  Mailbox, ClientAccess, HubTransport, UnifiedMessaging  (Enterprise)
//   Ex2007SE  Site-B  Mailbox, ClientAccess, HubTransport                    (Standard)
//   MBX01     Site-A  Mailbox                                                (Standard)
//   EDGE01    perimeter, Edge Transport, not domain-joined                   (Standard)
//   ProExchange Root CA, the enterprise CA every domain member trusts.
// Servers were "installed" 60 days before the lab was created, so the setup certificates have
// about ten months left: labs that move the clock forward show them expiring.

import { loadPki } from '../pki/load.js';
import type { OrgState, ServerState } from './model.js';
import { ORG_SCHEMA } from './model.js';
import { installSetupCertificate, type KeySource } from './setup.js';
import { normalizeOrganization } from './defaults.js';
import type { ServerRole } from './services.js';

const VERSION_2007_SP1 = 'Version 8.1 (Build 240.6)';
const DAY = 24 * 60 * 60 * 1000;

function server(name: string, fqdn: string, site: string | undefined, roles: ServerRole[], edition: 'Standard' | 'Enterprise', domainJoined: boolean, installedAt: Date): ServerState {
  return {
    name,
    fqdn,
    site,
    roles,
    edition,
    adminDisplayVersion: VERSION_2007_SP1,
    domainJoined,
    installedAt: installedAt.toISOString(),
    certificates: [],
    requests: [],
    requireSsl: false,
  };
}

export async function createBuiltinOrganization(now: Date, keys: KeySource): Promise<OrgState> {
  const installedAt = new Date(now.getTime() - 60 * DAY);
  installedAt.setMilliseconds(0);
  const caFrom = new Date(now.getTime() - 365 * DAY);
  caFrom.setMilliseconds(0);
  const caTo = new Date(caFrom);
  caTo.setFullYear(caTo.getFullYear() + 10);
  const caKey = await keys(2048);
  const { createCaCertificate } = await loadPki();
  const ca = createCaCertificate({
    subject: 'CN=ProExchange Root CA, DC=proexchange, DC=local',
    notBefore: caFrom,
    notAfter: caTo,
    privateKeyPem: caKey,
  });
  const servers = [
    server('Ex2007EE', 'Ex2007EE.proexchange.local', 'Site-A', ['Mailbox', 'ClientAccess', 'UnifiedMessaging', 'HubTransport'], 'Enterprise', true, installedAt),
    server('Ex2007SE', 'Ex2007SE.proexchange.local', 'Site-B', ['Mailbox', 'ClientAccess', 'HubTransport'], 'Standard', true, installedAt),
    server('MBX01', 'MBX01.proexchange.local', 'Site-A', ['Mailbox'], 'Standard', true, installedAt),
    server('EDGE01', 'EDGE01.proexchange.global', undefined, ['Edge'], 'Standard', false, installedAt),
  ];
  for (const s of servers) await installSetupCertificate(s, installedAt, keys);
  const org: OrgState = {
    schema: ORG_SCHEMA,
    organizationName: 'ProExchange',
    adDomain: 'proexchange.local',
    externalDomain: 'proexchange.global',
    acceptedDomains: [{ name: 'proexchange.global', domainName: 'proexchange.global', domainType: 'Authoritative', default: true }],
    sites: ['Site-A', 'Site-B'],
    ca: { name: 'ProExchange Root CA', subject: ca.subject, certPem: ca.pem, keyPem: caKey, thumbprint: ca.thumbprint },
    servers,
    currentMachine: 'Ex2007EE',
  };
  // Transport, connectors, client access, POP/IMAP, UM and mailboxes as setup leaves them.
  normalizeOrganization(org);
  return org;
}

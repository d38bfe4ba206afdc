// normalizeOrganization: fills every missing issue-5 part with the 2007 defaults, idempotently,
// and leaves parts that exist alone (labs saved before issue 5 open with defaults).
import { describe, expect, it } from 'vitest';
import { normalizeOrganization, parseByteQuantifiedSize, formatByteQuantifiedSize, parseEnhancedTimeSpan } from '../../src/exchange/defaults.js';
import { createBuiltinOrganization } from '../../src/exchange/seed.js';
import type { OrgState } from '../../src/exchange/model.js';
import { fixtureKeySource } from '../helpers/keys.js';

async function seeded(): Promise<OrgState> {
  return createBuiltinOrganization(new Date('2026-01-15T10:00:00Z'), fixtureKeySource());
}

function stripIssue5(org: OrgState): void {
  for (const s of org.servers) {
    delete s.transport;
    delete s.receiveConnectors;
    delete s.clientAccess;
    delete s.pop;
    delete s.imap;
    delete s.um;
  }
  delete org.sendConnectors;
  delete org.transportConfig;
  delete org.mailboxes;
  delete org.umDialPlans;
  delete org.clients; // issue 8: labs that old had no clients either
  delete org.edgeSubscriptions;
  delete org.partnerDomains;
}

describe('normalizeOrganization', () => {
  it('the seed carries the defaults, per role', async () => {
    const org = await seeded();
    const by = (n: string) => org.servers.find((s) => s.name === n)!;
    expect(by('Ex2007EE').transport?.sendProtocolLogPath).toBe('C:\\Program Files\\Microsoft\\Exchange Server\\TransportRoles\\Logs\\ProtocolLog\\SmtpSend');
    expect(by('Ex2007EE').receiveConnectors?.map((c) => [c.name, c.bindings[0]])).toEqual([['Default Ex2007EE', '0.0.0.0:25'], ['Client Ex2007EE', '0.0.0.0:587']]);
    expect(by('Ex2007EE').receiveConnectors?.[0]?.authMechanism).toEqual(['Tls', 'Integrated', 'BasicAuth', 'BasicAuthRequireTLS', 'ExchangeServer']);
    expect(by('Ex2007EE').receiveConnectors?.[0]?.permissionGroups).toEqual(['ExchangeUsers', 'ExchangeServers', 'ExchangeLegacyServers']);
    expect(by('EDGE01').receiveConnectors?.map((c) => c.permissionGroups)).toEqual([['AnonymousUsers', 'ExchangeServers', 'Partners']]);
    expect(by('MBX01').transport).toBeUndefined();
    expect(by('MBX01').clientAccess).toBeUndefined();
    expect(by('Ex2007SE').clientAccess?.virtualDirectories.map((v) => v.name)).toEqual(['owa', 'OAB', 'Microsoft-Server-ActiveSync', 'EWS', 'Autodiscover', 'UnifiedMessaging']);
    expect(by('Ex2007SE').clientAccess?.virtualDirectories.find((v) => v.name === 'OAB')?.requireSsl).toBe(false);
    expect(by('Ex2007SE').clientAccess?.outlookAnywhere.enabled).toBe(false);
    expect(by('Ex2007SE').clientAccess?.autoDiscoverServiceInternalUri).toBe('https://Ex2007SE.proexchange.local/autodiscover/autodiscover.xml');
    expect(by('Ex2007SE').pop).toEqual({ x509CertificateName: 'Ex2007SE.proexchange.local', loginType: 'SecureLogin', sslBindings: ['0.0.0.0:995'], unencryptedOrTLSBindings: ['0.0.0.0:110'] });
    expect(by('Ex2007SE').imap?.sslBindings).toEqual(['0.0.0.0:993']);
    expect(by('Ex2007EE').um).toEqual({ status: 'Enabled', dialPlans: ['ProExchange DP'], languages: ['en-US'] });
    expect(by('Ex2007SE').um).toBeUndefined();
    expect(org.umDialPlans).toEqual([{ name: 'ProExchange DP', numberOfDigitsInExtension: 4, voipSecurity: 'Unsecured' }]);
    expect(org.mailboxes?.map((m) => `${m.alias}@${m.server}`)).toEqual(['Administrator@Ex2007EE', 'alice@Ex2007EE', 'bob@Ex2007EE', 'carol@Ex2007SE', 'dave@Ex2007SE', 'erin@MBX01']);
    expect(org.mailboxes?.every((m) => m.primarySmtpAddress.endsWith('@proexchange.global'))).toBe(true);
    expect(org.transportConfig).toEqual({ tlsSendDomainSecureList: [], tlsReceiveDomainSecureList: [] });
    expect(org.sendConnectors?.map((c) => [c.name, c.sourceTransportServers])).toEqual([['Internet', ['Ex2007EE']]]);
  });
  it('is idempotent and keeps what exists', async () => {
    const org = await seeded();
    org.servers[0]!.transport!.intraOrgConnectorProtocolLoggingLevel = 'Verbose';
    const before = JSON.stringify(org);
    normalizeOrganization(org);
    normalizeOrganization(org);
    expect(JSON.stringify(org)).toBe(before);
  });
  it('a lab saved before issue 5 gets the same defaults', async () => {
    const org = await seeded();
    const expected = JSON.stringify(org);
    stripIssue5(org);
    normalizeOrganization(org);
    expect(JSON.stringify(org)).toBe(expected);
  });
  it('a lab saved before issue 8 gets the clients, with empty trust stores', async () => {
    const org = await seeded();
    const expected = JSON.stringify(org);
    delete org.clients;
    normalizeOrganization(org);
    expect(JSON.stringify(org)).toBe(expected);
    expect((org as OrgState).clients!.map((c) => c.name)).toEqual(['PC01', 'HOME01', 'PHONE01', 'OCS01', 'GW01']);
  });
  it('the Internet connector is sourced from the Edge once it is subscribed', async () => {
    const org = await seeded();
    stripIssue5(org);
    org.edgeSubscriptions = [{ edge: 'EDGE01', site: 'Site-A', edgeCertificateThumbprint: 'AB', edgeCertificatePem: '', createdAt: '' }];
    normalizeOrganization(org);
    expect(org.sendConnectors?.[0]?.sourceTransportServers).toEqual(['EDGE01']);
  });
});

describe('value formats', () => {
  it('ByteQuantifiedSize and EnhancedTimeSpan', () => {
    expect(parseByteQuantifiedSize('10 mb')).toBe('10MB');
    expect(parseByteQuantifiedSize('Unlimited')).toBe('unlimited');
    expect(parseByteQuantifiedSize('ten')).toBeUndefined();
    expect(formatByteQuantifiedSize('250MB')).toBe('250 MB (262,144,000 bytes)');
    expect(formatByteQuantifiedSize('1024B')).toBe('1024 B (1,024 bytes)');
    expect(parseEnhancedTimeSpan('20.00:00:00')).toBe('20.00:00:00');
    expect(parseEnhancedTimeSpan('7:30')).toBe('07:30:00');
    expect(parseEnhancedTimeSpan('1.25:00:00')).toBeUndefined();
  });
});

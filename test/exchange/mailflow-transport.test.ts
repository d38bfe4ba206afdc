// Transport: certificate selection, real SMTP/TLS hops over loopback, mandatory TLS between
// sites, and no handles left behind.
import { describe, expect, it } from 'vitest';
import { deliverMessage } from '../../src/exchange/transport/routing.js';
import { nameMatches, selectStartTlsCertificate, startTlsCandidates } from '../../src/exchange/transport/select.js';
import { receiveConnectors, defaultReceiveConnectors } from '../../src/exchange/transport/config.js';
import type { Organization } from '../../src/exchange/organization.js';
import { labCaCertificate, labOrg, NOW, selfSignedCertificate } from './mailflow-helpers.js';

const DAY = 86400000;
const send = (org: Organization, from: string, to: string, now = () => NOW) => deliverMessage(org, { from, to, subject: 'test', body: 'hello\r\n.leading dot' }, now);

function smtpHop(r: Awaited<ReturnType<typeof send>>) {
  return r.hops.find((h) => h.kind === 'SMTP')!;
}

describe('certificate selection for STARTTLS', () => {
  it('matches the CN or a SAN, a wildcard covering exactly one label', () => {
    expect(nameMatches('*.proexchange.global', 'mail.proexchange.global')).toBe(true);
    expect(nameMatches('*.proexchange.global', 'a.b.proexchange.global')).toBe(false);
    expect(nameMatches('*.proexchange.global', 'proexchange.global')).toBe(false);
    expect(nameMatches('Ex2007EE.proexchange.local', 'ex2007ee.PROEXCHANGE.local')).toBe(true);
  });

  it('prefers a valid CA-issued certificate over a self-signed one, then the newest NotBefore', async () => {
    const org = await labOrg();
    const ee = org.server('Ex2007EE')!.state;
    const setup = ee.certificates[0]!;
    expect(selectStartTlsCertificate(ee, ee.fqdn, NOW)!.thumbprint).toBe(setup.thumbprint);
    // A newer self-signed certificate wins over the older self-signed one.
    const newerSelf = selfSignedCertificate([ee.fqdn], { key: 1, from: new Date(NOW.getTime() - 2 * DAY) });
    ee.certificates.push(newerSelf);
    expect(selectStartTlsCertificate(ee, ee.fqdn, NOW)!.thumbprint).toBe(newerSelf.thumbprint);
    // An older CA-issued certificate beats both self-signed ones.
    const ca = labCaCertificate(org, [ee.fqdn], { key: 2, from: new Date(NOW.getTime() - 30 * DAY) });
    ee.certificates.push(ca);
    expect(selectStartTlsCertificate(ee, ee.fqdn, NOW)!.thumbprint).toBe(ca.thumbprint);
    // Among CA-issued ones the newest wins.
    const ca2 = labCaCertificate(org, [ee.fqdn, 'mail.proexchange.global'], { key: 3, from: new Date(NOW.getTime() - 3 * DAY) });
    ee.certificates.push(ca2);
    expect(startTlsCandidates(ee, ee.fqdn, NOW).map((c) => c.record.thumbprint)).toEqual([ca2.thumbprint, ca.thumbprint, newerSelf.thumbprint, setup.thumbprint]);
  });

  it('skips certificates without a key, out of date, or (on a non-member) from an untrusted CA', async () => {
    const org = await labOrg();
    const ee = org.server('Ex2007EE')!.state;
    const noKey = { ...labCaCertificate(org, [ee.fqdn], { key: 1 }), keyPem: undefined };
    const expired = labCaCertificate(org, [ee.fqdn], { key: 2, from: new Date(NOW.getTime() - 400 * DAY) });
    ee.certificates.push(noKey, expired);
    expect(selectStartTlsCertificate(ee, ee.fqdn, NOW)!.thumbprint).toBe(ee.certificates[0]!.thumbprint);
    expect(startTlsCandidates(ee, ee.fqdn, NOW).map((c) => c.reason)).toEqual([undefined, 'PrivateKeyMissing', 'DateInvalid']);
    const edge = org.server('EDGE01')!.state;
    const labIssued = labCaCertificate(org, [edge.fqdn], { key: 3 });
    edge.certificates.push(labIssued);
    expect(startTlsCandidates(edge, edge.fqdn, NOW)[1]!.reason).toBe('Untrusted');
    expect(selectStartTlsCertificate(edge, edge.fqdn, NOW)!.thumbprint).toBe(edge.certificates[0]!.thumbprint);
    // Nothing names the FQDN: nothing is selected.
    expect(selectStartTlsCertificate(ee, 'mail.contoso.com', NOW)).toBeUndefined();
  });
});

describe('a Hub-to-Hub hop is a real STARTTLS handshake', () => {
  it('Site B to Site A: the certificate negotiated is the one selection chose, and the client authenticates', async () => {
    const org = await labOrg();
    const r = await send(org, 'carol@proexchange.global', 'erin@proexchange.global');
    expect(r.status).toBe('Delivered');
    expect(r.hops.map((h) => [h.source, h.target, h.kind, h.tls])).toEqual([
      ['Ex2007SE (Mailbox)', 'Ex2007SE', 'StoreDriver', 'None'],
      ['Ex2007SE', 'Ex2007EE', 'SMTP', 'STARTTLS'],
      ['Ex2007EE', 'MBX01 (Mailbox)', 'StoreDriver', 'None'],
    ]);
    const h = smtpHop(r);
    const ee = org.server('Ex2007EE')!.state;
    expect(h.certificateThumbprint).toBe(ee.certificates[0]!.thumbprint);
    expect(h.certificateThumbprint).toBe(h.selectedThumbprint);
    expect(h.certificateSubject).toBe('CN=Ex2007EE');
    expect(h.validation).toBe('SelfSigned');
    expect(h.tlsProtocol).toMatch(/^TLSv1\.[23]$/);
    expect(h.clientAuthenticatedAs).toBe('Ex2007SE');
    expect(h.response).toMatch(/^250 2\.6\.0 <.+@Ex2007SE\.proexchange\.local> Queued mail for delivery$/);
  });

  it('a CA-issued certificate for the FQDN is presented instead, and a domain member trusts it', async () => {
    const org = await labOrg();
    const ee = org.server('Ex2007EE')!.state;
    const ca = labCaCertificate(org, [ee.fqdn], { key: 1 });
    ee.certificates.push(ca);
    const h = smtpHop(await send(org, 'dave@proexchange.global', 'bob@proexchange.global'));
    expect(h.certificateThumbprint).toBe(ca.thumbprint);
    expect(h.validation).toBe('Trusted');
  });

  it('the Receive connector FQDN picks the certificate (a wildcard one here)', async () => {
    const org = await labOrg();
    const ee = org.server('Ex2007EE')!.state;
    ee.receiveConnectors = defaultReceiveConnectors(ee);
    ee.receiveConnectors[0]!.fqdn = 'mail.proexchange.global';
    const wild = labCaCertificate(org, ['*.proexchange.global'], { key: 2 });
    ee.certificates.push(wild);
    const h = smtpHop(await send(org, 'carol@proexchange.global', 'alice@proexchange.global'));
    expect(h.certificateThumbprint).toBe(wild.thumbprint);
    expect(h.validation).toBe('Trusted');
  });
});

describe('what the Receive connector advertises', () => {
  it('no STARTTLS when no certificate matches the connector FQDN: X-ANONYMOUSTLS is used instead', async () => {
    const org = await labOrg();
    const ee = org.server('Ex2007EE')!.state;
    ee.receiveConnectors = receiveConnectors(ee).map((c, i) => (i === 0 ? { ...c, fqdn: 'mail.proexchange.global', protocolLoggingLevel: 'Verbose' as const } : c));
    const r = await send(org, 'carol@proexchange.global', 'alice@proexchange.global');
    const recv = r.logs.find((l) => l.kind === 'Receive' && l.server === 'Ex2007EE')!.rows.join('\n');
    expect(recv).toContain(',>,"220 mail.proexchange.global Microsoft ESMTP MAIL Service ready at Thu, 26 Nov 2026 09:30:00 +0000",');
    expect(recv).not.toContain('250-STARTTLS');
    expect(recv).toContain(',>,250-X-ANONYMOUSTLS,');
    expect(recv).toMatch(/,\*,,Sending certificate\n/);
    expect(smtpHop(r).tls).toBe('X-ANONYMOUSTLS');
    expect(smtpHop(r).certificateThumbprint).toBe(ee.internalTransportThumbprint);
  });
});

describe('TLS between sites is mandatory', () => {
  it('without Tls and ExchangeServer on the connector, nothing is offered and the message queues', async () => {
    const org = await labOrg();
    const ee = org.server('Ex2007EE')!.state;
    ee.receiveConnectors = receiveConnectors(ee).map((c) => ({ ...c, authMechanism: ['Integrated'] }));
    const r = await send(org, 'carol@proexchange.global', 'alice@proexchange.global');
    expect(r.status).toBe('Queued');
    // 2007 names the queue to another AD site after the site.
    expect(r.queuedOn).toBe('Ex2007SE');
    expect(r.nextHopDomain).toBe('Site-A');
    expect(r.lastError).toBe(
      '451 4.4.0 Primary target IP address responded with: "451 5.7.3 Cannot achieve Exchange Server authentication." Attempted failover to alternate host, but that did not succeed. Either there are no alternate hosts, or delivery failed to all alternate hosts.',
    );
    expect(smtpHop(r).tls).toBe('None');
  });

  it('with every certificate of the target expired (lab clock a year on), the hop fails the same way', async () => {
    const later = new Date(NOW.getTime() + 400 * DAY);
    const org = await labOrg();
    const r = await send(org, 'carol@proexchange.global', 'alice@proexchange.global', () => later);
    expect(r.status).toBe('Queued');
    expect(r.lastError).toContain('451 5.7.3 Cannot achieve Exchange Server authentication');
  });

  it('falls back to X-ANONYMOUSTLS with the internal transport certificate when STARTTLS is not offered', async () => {
    const org = await labOrg();
    const ee = org.server('Ex2007EE')!.state;
    ee.receiveConnectors = receiveConnectors(ee).map((c) => ({ ...c, authMechanism: c.authMechanism.filter((a) => a !== 'Tls') }));
    const newer = labCaCertificate(org, [ee.fqdn], { key: 1 });
    ee.certificates.push(newer);
    const h = smtpHop(await send(org, 'carol@proexchange.global', 'alice@proexchange.global'));
    expect(h.tls).toBe('X-ANONYMOUSTLS');
    // Not the FQDN choice (the CA certificate) but the internal transport certificate.
    expect(h.certificateThumbprint).toBe(ee.internalTransportThumbprint);
    expect(h.certificateThumbprint).not.toBe(newer.thumbprint);
  });
});

describe('mail from and to the Internet', () => {
  it('without an Edge Subscription the Edge does not accept mail for the organization', async () => {
    const org = await labOrg();
    const r = await send(org, 'someone@contoso.com', 'alice@proexchange.global');
    expect(r.status).toBe('Failed');
    expect(r.lastError).toBe('550 5.7.1 Unable to relay');
    // Opportunistic TLS still happened, with the Edge's self-signed certificate, reported as such.
    expect(r.hops[0]!.tls).toBe('STARTTLS');
    expect(r.hops[0]!.validation).toBe('SelfSigned');
  });

  it('an external recipient without a connector waits in Unreachable', async () => {
    const org = await labOrg();
    const r = await send(org, 'carol@proexchange.global', 'someone@contoso.com');
    expect(r.status).toBe('Queued');
    expect(r.lastError).toBe('A matching connector cannot be found to route the external recipient');
  });

  it('an unknown recipient of an accepted domain fails with the resolver NDR', async () => {
    const org = await labOrg();
    const r = await send(org, 'carol@proexchange.global', 'nobody@proexchange.global');
    expect(r.status).toBe('Failed');
    expect(r.lastError).toBe('550 5.1.1 RESOLVER.ADR.RecipNotFound; not found (nobody@proexchange.global)');
  });
});

describe('handles', () => {
  it('leaves no listening server or socket behind', async () => {
    const org = await labOrg();
    const count = () => process.getActiveResourcesInfo().filter((r) => /TCP|TLS|Timeout/.test(r)).length;
    await send(org, 'carol@proexchange.global', 'alice@proexchange.global');
    await new Promise((r) => setImmediate(r));
    const before = count();
    for (let i = 0; i < 3; i++) await send(org, 'carol@proexchange.global', 'alice@proexchange.global');
    await new Promise((r) => setTimeout(r, 20));
    expect(count()).toBeLessThanOrEqual(before);
    expect(process.getActiveResourcesInfo().filter((r) => /TCPServerWrap/.test(r))).toEqual([]);
  });
});

// What clients see (issue 8): each lab client against each kind of server certificate - the
// setup's self-signed one, a CA-issued one with the right names, a wrong name, expired and not yet
// valid by the lab clock - over a real TLS handshake on loopback; and the remedies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertRecord, ClientMachineState, ServerState } from '../../src/exchange/model.js';
import type { Organization } from '../../src/exchange/organization.js';
import { addTrustedRoot } from '../../src/exchange/clients.js';
import { EndpointSet } from '../../src/exchange/endpoints/listeners.js';
import { testClient, type ClientTestOutcome } from '../../src/exchange/endpoints/client-test.js';
import type { ClientService } from '../../src/exchange/endpoints/network.js';
import { NOW, labCaCertificate, labOrg, selfSignedCertificate } from './mailflow-helpers.js';

const DAY = 86_400_000;
const MAIL = 'mail.proexchange.global';
const EE = 'Ex2007EE.proexchange.local';

type Case = 'self-signed' | 'CA-issued' | 'wrong name' | 'expired' | 'not yet valid';
const CASES: Case[] = ['self-signed', 'CA-issued', 'wrong name', 'expired', 'not yet valid'];

/** The certificate of a case for the names a client asks for. */
function certificateFor(org: Organization, c: Case, names: string[], services: number): CertRecord {
  switch (c) {
    case 'self-signed':
      return selfSignedCertificate(names, { key: 1, services });
    case 'CA-issued':
      return labCaCertificate(org, names, { key: 2, services });
    case 'wrong name':
      return labCaCertificate(org, ['webmail.fabrikam.lab'], { key: 2, services });
    case 'expired':
      return labCaCertificate(org, names, { key: 3, services, from: new Date(NOW.getTime() - 400 * DAY) });
    case 'not yet valid':
      return labCaCertificate(org, names, { key: 3, services, from: new Date(NOW.getTime() + 30 * DAY) });
  }
}

interface Rig {
  org: Organization;
  ee: ServerState;
  set: EndpointSet;
  run(client: string, service: ClientService, url?: string): Promise<ClientTestOutcome>;
}

async function rig(): Promise<Rig> {
  const org = await labOrg();
  const ee = org.server('Ex2007EE')!.state;
  ee.clientAccess!.outlookAnywhere = { enabled: true, externalHostname: MAIL, clientAuthenticationMethod: 'Basic', sslOffloading: false };
  org.state.umDialPlans![0]!.voipSecurity = 'SIPSecured';
  const set = new EndpointSet(() => ({ org, now: () => NOW }));
  const client = (n: string) => org.client(n) as ClientMachineState;
  return { org, ee, set, run: (c, s, url) => testClient({ org, now: () => NOW }, set, client(c), s, url) };
}

/** Binds the case's certificate to IIS (web services) or enables it for UM, and makes the enterprise CA trusted where the case needs a trusted issuer. */
function install(r: Rig, c: Case, names: string[], target: 'IIS' | 'UM'): CertRecord {
  const cert = certificateFor(r.org, c, names, target === 'UM' ? 4 : 8);
  r.ee.certificates.push(cert);
  if (target === 'IIS') r.ee.iisThumbprint = cert.thumbprint;
  // Clients outside the domain trust the enterprise CA only once it is imported: the CA-issued cases import it.
  if (c !== 'self-signed') for (const n of ['HOME01', 'PHONE01', 'GW01']) addTrustedRoot(r.org.client(n)!, r.org.state.ca);
  return cert;
}

/** Expected [Result, Trusted, NameMatch, TimeValid] per case, per client's program. */
const EXPECT: Record<string, Record<Case, [string, boolean, boolean, boolean]>> = {
  // The browser warns (the user may go on).
  'PC01 OWA': { 'self-signed': ['Warning', false, true, true], 'CA-issued': ['Success', true, true, true], 'wrong name': ['Warning', true, false, true], expired: ['Warning', true, true, false], 'not yet valid': ['Warning', true, true, false] },
  // Through the SCP a domain member's Outlook does not question the issuer; names and dates it does.
  'PC01 Autodiscover': { 'self-signed': ['Success', false, true, true], 'CA-issued': ['Success', true, true, true], 'wrong name': ['Warning', true, false, true], expired: ['Warning', true, true, false], 'not yet valid': ['Warning', true, true, false] },
  // From home: the Security Alert for Autodiscover, a refusal for Outlook Anywhere.
  'HOME01 Autodiscover': { 'self-signed': ['Warning', false, true, true], 'CA-issued': ['Success', true, true, true], 'wrong name': ['Warning', true, false, true], expired: ['Warning', true, true, false], 'not yet valid': ['Warning', true, true, false] },
  'HOME01 OutlookAnywhere': { 'self-signed': ['Failure', false, true, true], 'CA-issued': ['Success', true, true, true], 'wrong name': ['Failure', true, false, true], expired: ['Failure', true, true, false], 'not yet valid': ['Failure', true, true, false] },
  'PHONE01 ActiveSync': { 'self-signed': ['Failure', false, true, true], 'CA-issued': ['Success', true, true, true], 'wrong name': ['Failure', true, false, true], expired: ['Failure', true, true, false], 'not yet valid': ['Failure', true, true, false] },
};

describe('each client against each kind of certificate (IIS)', () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig();
  });
  afterAll(() => r.set.stopAll());

  for (const [key, byCase] of Object.entries(EXPECT)) {
    const [client, service] = key.split(' ') as [string, ClientService];
    for (const c of CASES) {
      it(`${key}: ${c}`, async () => {
        const names = client === 'PC01' ? [EE, 'Ex2007EE'] : [MAIL, `autodiscover.proexchange.global`];
        const cert = install(r, c, names, 'IIS');
        const out = await r.run(client, service);
        const [result, trusted, nameMatch, timeValid] = byCase[c];
        expect(out.certificate?.thumbprint, 'the handshake shows the certificate bound to IIS').toBe(cert.thumbprint);
        expect([out.result, out.checks?.trusted, out.checks?.nameMatch, out.checks?.time === 'Valid']).toEqual([result, trusted, nameMatch, timeValid]);
        if (c === 'not yet valid') expect(out.checks?.time).toBe('NotYetValid');
        // Reset what install() changed for the next case.
        r.ee.certificates = r.ee.certificates.filter((x) => x !== cert);
        for (const n of ['HOME01', 'PHONE01', 'GW01']) r.org.client(n)!.trustedRoots = [];
      });
    }
  }

  it('words the refusals as the 2007 clients do', async () => {
    const cert = install(r, 'wrong name', [MAIL], 'IIS');
    expect((await r.run('HOME01', 'OutlookAnywhere')).message).toBe(
      "There is a problem with the proxy server's security certificate. The name on the security certificate is invalid or does not match the name of the target site mail.proexchange.global. Outlook is unable to connect to the proxy server.",
    );
    expect((await r.run('PHONE01', 'ActiveSync')).message).toContain('Support code: 0x80072F06');
    expect((await r.run('HOME01', 'Autodiscover')).message).toContain('The name of the security certificate is invalid or does not match the name of the site.');
    r.ee.certificates = r.ee.certificates.filter((x) => x !== cert);
    r.org.client('HOME01')!.trustedRoots = [];
    r.org.client('PHONE01')!.trustedRoots = [];
    const self = install(r, 'self-signed', [MAIL], 'IIS');
    expect((await r.run('PHONE01', 'ActiveSync')).message).toContain('Support code: 0x80072F0D');
    expect((await r.run('HOME01', 'OWA')).message).toContain('The security certificate presented by this website was not issued by a trusted certificate authority.');
    expect((await r.run('HOME01', 'POP3')).message).toContain('A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider.');
    r.ee.certificates = r.ee.certificates.filter((x) => x !== self);
  });
});

describe('UM and its peers (OCS01, the UM IP gateway GW01)', () => {
  let r: Rig;
  beforeAll(async () => {
    r = await rig();
  });
  afterAll(() => r.set.stopAll());

  for (const client of ['OCS01', 'GW01']) {
    for (const c of CASES) {
      it(`${client} UM: ${c}`, async () => {
        const cert = install(r, c, [EE], 'UM');
        const out = await r.run(client, 'UM');
        // The UM service presents a usable certificate enabled for UM, CA-issued first: the expired and
        // not-yet-valid ones are not usable, so the setup certificate (self-signed) is presented instead.
        expect(out.result).toBe(c === 'CA-issued' ? 'Success' : 'Failure');
        if (c === 'CA-issued' || c === 'wrong name') expect(out.certificate?.thumbprint).toBe(cert.thumbprint);
        if (c === 'wrong name') expect(out.checks).toEqual({ trusted: true, nameMatch: false, time: 'Valid' });
        if (c === 'expired' || c === 'not yet valid' || c === 'self-signed') expect(out.checks?.trusted).toBe(false);
        r.ee.certificates = r.ee.certificates.filter((x) => x !== cert);
        for (const n of ['HOME01', 'PHONE01', 'GW01']) r.org.client(n)!.trustedRoots = [];
      });
    }
  }

  it('an unsecured dial plan leaves the TLS-only peers nothing to talk to', async () => {
    r.org.state.umDialPlans![0]!.voipSecurity = 'Unsecured';
    const out = await r.run('OCS01', 'UM');
    expect(out.result).toBe('Failure');
    expect(out.message).toContain('runs unsecured (SIP over TCP, port 5060)');
    r.org.state.umDialPlans![0]!.voipSecurity = 'SIPSecured';
  });
});

describe('the remedies', () => {
  it("importing the server's self-signed certificate into the client's root store turns a refusal into success", async () => {
    const r = await rig();
    const cert = install(r, 'self-signed', [MAIL], 'IIS');
    expect((await r.run('HOME01', 'OutlookAnywhere')).result).toBe('Failure');
    addTrustedRoot(r.org.client('HOME01')!, { subject: cert.subject, thumbprint: cert.thumbprint, certPem: cert.certPem });
    expect((await r.run('HOME01', 'OutlookAnywhere')).result).toBe('Success');
    // Another client is not affected.
    expect((await r.run('PHONE01', 'ActiveSync')).result).toBe('Failure');
    await r.set.stopAll();
  });

  it('a change of the IIS certificate shows on the next connection of a running endpoint', async () => {
    const r = await rig();
    const { endpoint } = await r.set.start(r.ee, 'HTTPS');
    const first = await r.run('PC01', 'OWA');
    const cert = install(r, 'CA-issued', [EE], 'IIS');
    const second = await r.run('PC01', 'OWA');
    expect(first.certificate?.thumbprint).not.toBe(cert.thumbprint);
    expect(second.certificate?.thumbprint).toBe(cert.thumbprint);
    expect(second.result).toBe('Success');
    expect(r.set.find('Ex2007EE', 'HTTPS')).toBe(endpoint);
    await r.set.stopAll();
  });

  it('ActiveSync certificate authentication: without a user certificate 403.7, with one from the enterprise CA success', async () => {
    const r = await rig();
    install(r, 'CA-issued', [MAIL], 'IIS');
    r.ee.clientAccess!.virtualDirectories.find((v) => v.name === 'Microsoft-Server-ActiveSync')!.clientCertAuth = 'Required';
    const without = await r.run('PHONE01', 'ActiveSync');
    expect(without.result).toBe('Failure');
    expect(without.message).toContain('HTTP Error 403.7 - Forbidden: SSL client certificate is required.');
    // A user certificate from the lab CA, with its key, in the device's personal store.
    const user = labCaCertificate(r.org, ['phone01.user'], { key: 0 });
    r.org.client('PHONE01')!.personal.push({ thumbprint: user.thumbprint, subject: user.subject, certPem: user.certPem, keyPem: user.keyPem! });
    expect((await r.run('PHONE01', 'ActiveSync')).result).toBe('Success');
    // A certificate from an issuer the server does not trust is refused.
    const foreign = selfSignedCertificate(['phone01.user'], { key: 0 });
    r.org.client('PHONE01')!.personal = [{ thumbprint: foreign.thumbprint, subject: foreign.subject, certPem: foreign.certPem, keyPem: foreign.keyPem! }];
    const refused = await r.run('PHONE01', 'ActiveSync');
    expect(refused.message).toContain('HTTP Error 403.16');
    await r.set.stopAll();
  });

  it('OAB answers plain HTTP; the other directories refuse it while the site requires SSL', async () => {
    const r = await rig();
    expect((await r.run('PC01', 'OAB')).result).toBe('Success'); // http://Ex2007EE.proexchange.local/OAB
    const owa = await r.run('PC01', 'OWA', 'http://Ex2007EE.proexchange.local/owa');
    expect(owa.result).toBe('Failure');
    expect(owa.message).toContain('HTTP Error 403.4 - Forbidden: SSL is required to view this resource.');
    await r.set.stopAll();
  });
});

describe('UM and OCS/the gateway through the cmdlets, before and after their remedies', () => {
  it('the self-signed UM certificate imported on OCS01, the enterprise root imported on GW01', async () => {
    const { capturedSession } = await import('../helpers/run.js');
    const s = await capturedSession({ now: () => NOW });
    await s.run("Set-UMDialPlan 'ProExchange DP' -VoIPSecurity SIPSecured");
    expect((await s.run('(Test-LabClient OCS01 UM).Result')).out.trim()).toBe('Failure');
    // OCS01: import the UM server's own (self-signed) certificate into its Trusted Root store.
    await s.run('(Get-ExchangeCertificate -DomainName Ex2007EE.proexchange.local)[0] | Export-Certificate -FilePath C:\\um.cer | Out-Null');
    await s.run('Enter-LabServer OCS01; Import-Certificate -FilePath \\\\Ex2007EE\\c$\\um.cer -CertStoreLocation Cert:\\LocalMachine\\Root | Out-Null; Enter-LabServer Ex2007EE');
    expect((await s.run('(Test-LabClient OCS01 UM).Result')).out.trim()).toBe('Success');
    expect((await s.run('(Test-LabUMConnectivity)[0].Result')).out.trim()).toBe('Success');
    // GW01 does not trust it; a certificate from the enterprise CA plus its root on the gateway does.
    expect((await s.run('(Test-LabClient GW01 UM).Result')).out.trim()).toBe('Failure');
    await s.run(
      "New-ExchangeCertificate -GenerateRequest -Path c:\\um.req -SubjectName 'cn=Ex2007EE.proexchange.local' -DomainName Ex2007EE.proexchange.local | Out-Null; Submit-LabCertificateRequest c:\\um.req c:\\umca.cer | Out-Null; Import-ExchangeCertificate -Path c:\\umca.cer | Enable-ExchangeCertificate -Services UM -Force -WarningAction SilentlyContinue",
    );
    expect((await s.run('(Test-LabClient GW01 UM).Result')).out.trim()).toBe('Failure');
    await s.run("Import-LabTrustedRoot -CertificateAuthority 'ProExchange Root CA' -Server GW01 | Out-Null");
    expect((await s.run('(Test-LabClient GW01 UM).Result')).out.trim()).toBe('Success');
    expect((await s.run('(Get-UMIPGateway GW01).TrustedRoots')).out).toContain('CN=ProExchange Root CA');
    await s.close();
  }, 30_000);
});

// The TLS side of Unified Messaging: the OCS peer accepts only issuers it trusts, and only TLS;
// voice mail reaches a Hub over TLS.
import { describe, expect, it } from 'vitest';
import { capturedSession } from '../helpers/run.js';
import { labCaCertificate, labOrg, NOW, selfSignedCertificate } from './mailflow-helpers.js';
import { ocsPeerCheck } from '../../src/exchange/transport/um.js';
import { submitVoiceMail } from '../../src/exchange/transport/routing.js';

describe('UM and the OCS peer', () => {
  it('fails while the dial plan is unsecured, fails against the self-signed certificate, succeeds with a lab-CA certificate', async () => {
    const org = await labOrg();
    org.state.umDialPlans = [{ name: 'ProExchange DP', numberOfDigitsInExtension: 4, voipSecurity: 'Unsecured' }];
    const ee = org.server('Ex2007EE')!.state;
    ee.um = { status: 'Enabled', dialPlans: ['ProExchange DP'], languages: ['en-US'] };
    const unsecured = await ocsPeerCheck(org.state, ee, NOW);
    expect(unsecured).toMatchObject({ ok: false, mode: 'Unsecured' });
    expect(unsecured.detail).toContain('speaks SIP over TLS only (port 5061)');

    org.state.umDialPlans[0]!.voipSecurity = 'SIPSecured';
    const selfSigned = await ocsPeerCheck(org.state, ee, NOW);
    expect(selfSigned.ok).toBe(false);
    expect(selfSigned.thumbprint).toBe(ee.certificates[0]!.thumbprint); // the setup certificate, enabled for UM
    expect(selfSigned.judgement?.verdict).toBe('SelfSigned');
    expect(selfSigned.detail).toContain("was issued by 'CN=Ex2007EE', an issuer ocs01.proexchange.local does not trust");

    // A newer self-signed certificate for UM does not help; a lab-CA certificate does (and wins selection).
    ee.certificates.push(selfSignedCertificate([ee.fqdn], { key: 1, services: 4 }));
    expect((await ocsPeerCheck(org.state, ee, NOW)).ok).toBe(false);
    const ca = labCaCertificate(org, [ee.fqdn], { key: 2, services: 4, from: new Date(NOW.getTime() - 10 * 86400000) });
    ee.certificates.push(ca);
    const trusted = await ocsPeerCheck(org.state, ee, NOW);
    expect(trusted).toMatchObject({ ok: true, mode: 'SIPSecured', thumbprint: ca.thumbprint });
    expect(trusted.judgement?.verdict).toBe('Trusted');
  });

  it('voice mail goes to the Hub of the site over TLS', async () => {
    const org = await labOrg();
    const hop = await submitVoiceMail(org, 'Ex2007EE', 'alice@proexchange.global', () => NOW);
    expect(typeof hop).toBe('object');
    if (typeof hop === 'string') return;
    expect(hop).toMatchObject({ source: 'Ex2007EE', target: 'Ex2007EE', kind: 'SMTP', tls: 'STARTTLS', ok: true });
    expect(hop.certificateThumbprint).toBe(org.server('Ex2007EE')!.state.certificates[0]!.thumbprint);
  });

  it('Test-LabUMConnectivity shows both rows', async () => {
    const s = await capturedSession({ now: () => NOW });
    const r = await s.run('Test-LabUMConnectivity | Format-List Peer,Mode,Result');
    expect(r.out).toContain('Peer   : ocs01.proexchange.local (OCS)\nMode   : TCP\nResult : Failed');
    expect(r.out).toContain('Peer   : Ex2007EE (Hub Transport, voice mail)\nMode   : SMTP STARTTLS\nResult : Success');
    expect((await s.run('Test-LabUMConnectivity -Server MBX01')).out).toContain('The Unified Messaging server "MBX01" was not found.');
    await s.close();
  });
});

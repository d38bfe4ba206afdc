// Issue 8, item 6: a not-yet-valid certificate is never trusted (dates by the lab clock, chains by
// real chain building, never Node's host-clock verdict); transport presents only certificates
// enabled for SMTP; the queue identity Send-LabMessage reports is the one Retry-Queue accepts.
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chainsToRoot, describeCertificate, judge } from '../../src/exchange/transport/tls.js';
import { capturedSession } from '../helpers/run.js';
import { NOW, labCaCertificate, labOrg, selfSignedCertificate } from './mailflow-helpers.js';

const DAY = 86_400_000;

describe('judging a certificate', () => {
  it('never trusts a certificate outside its dates, whatever its chain', async () => {
    const org = await labOrg();
    const later = labCaCertificate(org, ['a.proexchange.local'], { from: new Date(NOW.getTime() + 30 * DAY) });
    const x = new X509Certificate(later.certPem);
    const seen = describeCertificate(x);
    expect(chainsToRoot(x, [org.state.ca.certPem])).toBe(true);
    expect(judge(seen, { chainTrusted: true, expectedName: 'a.proexchange.local', now: NOW }).verdict).toBe('NotYetValid');
    expect(judge(seen, { chainTrusted: true, expectedName: 'a.proexchange.local', now: new Date(NOW.getTime() + 31 * DAY) }).verdict).toBe('Trusted');
    expect(judge(seen, { chainTrusted: true, expectedName: 'a.proexchange.local', now: new Date(NOW.getTime() + 400 * DAY) }).verdict).toBe('Expired');
  });

  it('builds chains itself: a self-signed certificate chains only when it is in the store', () => {
    const ss = selfSignedCertificate(['b.proexchange.local']);
    const x = new X509Certificate(ss.certPem);
    expect(chainsToRoot(x, [])).toBe(false);
    expect(chainsToRoot(x, [ss.certPem])).toBe(true);
  });
});

describe('the year-later renewal is not "trusted"', () => {
  it('a self-signed certificate renewed a year on (not yet valid by the host clock) is judged SelfSigned between Hubs', async () => {
    const s = await capturedSession({ now: () => NOW });
    await s.run('Set-LabDate -Add 400.00:00:00 | Out-Null');
    // Both Hubs renew (the sender authenticates with its own internal transport certificate).
    await s.run('$null = Get-ExchangeCertificate -DomainName Ex2007EE.proexchange.local | New-ExchangeCertificate -Force');
    await s.run('Enter-LabServer Ex2007SE; $null = Get-ExchangeCertificate -DomainName Ex2007SE.proexchange.local | New-ExchangeCertificate -Force');
    const r = await s.run("$m = Send-LabMessage -From carol@proexchange.global -To alice@proexchange.global; $m.Status; ($m.Hops | Where-Object Protocol -eq SMTP).Validation");
    const [status, validation] = r.out.trim().split('\n');
    expect(status).toBe('Delivered');
    expect(validation).not.toBe('Trusted');
    expect(validation).toBe('SelfSigned');
    await s.close();
  });
});

describe('transport presents only certificates enabled for SMTP', () => {
  it('a CA certificate for the server FQDN enabled only for IIS is not presented for STARTTLS', async () => {
    const s = await capturedSession({ now: () => NOW });
    const setup = (await s.run('(Get-ExchangeCertificate -DomainName Ex2007EE.proexchange.local)[0].Thumbprint')).out.trim();
    await s.run(
      "New-ExchangeCertificate -GenerateRequest -Path c:\\ee.req -SubjectName 'cn=Ex2007EE.proexchange.local' -DomainName Ex2007EE.proexchange.local | Out-Null; Submit-LabCertificateRequest c:\\ee.req c:\\ee.cer | Out-Null; $c = Import-ExchangeCertificate -Path c:\\ee.cer; Enable-ExchangeCertificate $c.Thumbprint -Services IIS -Force",
    );
    const ca = (await s.run('$c.Thumbprint')).out.trim();
    let r = await s.run("(Send-LabMessage -From carol@proexchange.global -To alice@proexchange.global).Hops | Where-Object Protocol -eq SMTP | ForEach-Object { $_.CertificateThumbprint }");
    expect(r.out.trim()).toBe(setup);
    // Enabled for SMTP too, the valid CA certificate wins over the self-signed one.
    await s.run(`Enable-ExchangeCertificate ${ca} -Services SMTP -Force`);
    r = await s.run("(Send-LabMessage -From carol@proexchange.global -To alice@proexchange.global).Hops | Where-Object Protocol -eq SMTP | ForEach-Object { \"$($_.CertificateThumbprint) $($_.Validation)\" }");
    expect(r.out.trim()).toBe(`${ca} Trusted`);
    await s.close();
  });
});

describe('the queue identity', () => {
  it('is the Get-Queue identity, and Retry-Queue takes it', async () => {
    const s = await capturedSession({ now: () => NOW });
    await s.run("Set-ReceiveConnector 'Ex2007EE\\Default Ex2007EE' -AuthMechanism Integrated");
    const r = await s.run('$m = Send-LabMessage -From carol@proexchange.global -To alice@proexchange.global -Subject Retry; $m.Queue');
    expect(r.out).toContain('WARNING: The message to alice@proexchange.global is queued on Ex2007SE (queue Ex2007SE\\1):');
    expect(r.out.trim().split('\n').pop()).toBe('Ex2007SE\\1');
    expect((await s.run('(Get-Queue $m.Queue).NextHopDomain')).out.trim()).toBe('Site-A');
    await s.run("Set-ReceiveConnector 'Ex2007EE\\Default Ex2007EE' -AuthMechanism 'Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer'");
    const retry = await s.run('Retry-Queue $m.Queue; (Get-MessageTrackingLog -Server Ex2007EE -MessageSubject Retry).EventId');
    expect(retry.out).not.toContain('FullyQualifiedErrorId');
    expect(retry.out.trim().split('\n')).toEqual(['RECEIVE', 'DELIVER']);
    await s.close();
  });
});

// EdgeSync and direct trust: the subscription file, synchronization over mutual TLS where each side
// trusts only the published certificate, and what replacing the Edge's SMTP certificate breaks.
import { describe, expect, it } from 'vitest';
import { capturedSession } from '../helpers/run.js';
import { selfSignedCertificate } from './mailflow-helpers.js';

const NOW = new Date('2026-11-26T09:30:00Z');
const SUBSCRIBE =
  'Enter-LabServer EDGE01; New-EdgeSubscription -FileName c:\\edge.xml -Force; Enter-LabServer Ex2007EE; New-EdgeSubscription -FileName \\\\EDGE01\\c$\\edge.xml -Site Site-A';

describe('Edge Subscription', () => {
  it('writes the Edge certificate into the file and publishes its thumbprint on import', async () => {
    const s = await capturedSession({ now: () => NOW });
    const edge = s.lab.org.server('EDGE01')!.state;
    const r = await s.run(SUBSCRIBE);
    expect(r.ok).toBe(true);
    const xml = (await s.run('Get-Content \\\\EDGE01\\c$\\edge.xml')).out;
    const der = Buffer.from(edge.certificates[0]!.certPem.replace(/-----[^-]+-----|\s/g, ''), 'base64').toString('base64');
    expect(xml).toContain(`<EdgeCertificateBlob>${der}</EdgeCertificateBlob>`);
    expect(xml).toContain('<EdgeServerFQDN>EDGE01.proexchange.global</EdgeServerFQDN>');
    expect(xml).toContain('<AdamSslPort>50636</AdamSslPort>');
    expect(s.lab.org.state.edgeSubscriptions).toMatchObject([{ edge: 'EDGE01', site: 'Site-A', edgeCertificateThumbprint: edge.internalTransportThumbprint }]);
    const list = await s.run('Get-EdgeSubscription');
    expect(list.out).toContain('EDGE01 proexchange.local/Configuration/Sites/Site-A proexchange.global');
    await s.close();
  });

  it('refuses a file without .xml, a server that is neither Hub nor Edge, and an unknown site, changing nothing', async () => {
    const s = await capturedSession({ now: () => NOW });
    expect((await s.run('Enter-LabServer EDGE01; New-EdgeSubscription -FileName c:\\edge.txt -Force')).out).toContain('The subscription file must have an .xml extension.');
    expect((await s.run('Enter-LabServer MBX01; New-EdgeSubscription -FileName c:\\edge.xml')).out).toContain('New-EdgeSubscription runs on an Edge Transport server');
    await s.run('Enter-LabServer EDGE01; New-EdgeSubscription -FileName c:\\edge.xml -Force');
    expect((await s.run('Enter-LabServer Ex2007EE; New-EdgeSubscription -FileName \\\\EDGE01\\c$\\edge.xml -Site Site-Z')).out).toContain('The Active Directory site "Site-Z" was not found.');
    expect(s.lab.org.state.edgeSubscriptions ?? []).toEqual([]);
    expect((await s.run('Start-EdgeSynchronization')).out).toContain('No Edge Subscription exists for Active Directory site "Site-A".');
    await s.close();
  });
});

describe('EdgeSync over direct trust', () => {
  it('synchronizes, breaks when the Edge SMTP certificate is replaced, and works again after subscribing again', async () => {
    const s = await capturedSession({ now: () => NOW });
    const org = s.lab.org;
    const edge = org.server('EDGE01')!;
    const published = edge.state.internalTransportThumbprint!;
    await s.run(SUBSCRIBE);
    const start = await s.run('Start-EdgeSynchronization');
    expect(start.out).toMatch(/Success Configuration EDGE01\.proexchange\.global/);
    expect(start.out).toMatch(/Success Recipients\s+EDGE01\.proexchange\.global/);
    const test = await s.run('$t = Test-EdgeSynchronization; $t.SyncStatus; $t.EdgeCertificateThumbprint');
    expect(test.out.trim().split('\n')).toEqual(['Normal', published]);

    // Mail from the Internet now enters through the Edge, which authenticates to the Hub by direct trust.
    const inbound = await s.run('$m = Send-LabMessage -From someone@contoso.com -To alice@proexchange.global; $m.Status; $m.Hops[1].Tls; $m.Hops[1].AuthenticatedAs; $m.Hops[1].Validation');
    expect(inbound.out.trim().split('\n')).toEqual(['Delivered', 'X-ANONYMOUSTLS', 'EDGE01', 'DirectTrust']);

    // Replace the Edge's internal transport certificate.
    const next = selfSignedCertificate(['EDGE01', 'EDGE01.proexchange.global'], { key: 2, services: 0 });
    edge.addCertificate(next);
    const replaced = await s.run(`Enter-LabServer EDGE01; Enable-ExchangeCertificate ${next.thumbprint} -Services SMTP -Force; Enter-LabServer Ex2007EE`);
    expect(replaced.out).toContain('you must  subscribe it again by using the New-EdgeSubscription cmdlet');
    const broken = await s.run('Start-EdgeSynchronization');
    expect(broken.out).toContain(
      `WARNING: EdgeSync could not synchronize to EDGE01.proexchange.global: The certificate presented by Edge Transport server EDGE01.proexchange.global (thumbprint ${next.thumbprint}) is not the direct trust certificate published for it in Active Directory (thumbprint ${published}).`,
    );
    expect(broken.out).toMatch(/CouldNotConnect Configuration/);
    expect((await s.run('(Test-EdgeSynchronization).SyncStatus')).out.trim()).toBe('Failed');
    const queued = await s.run('$m = Send-LabMessage -From someone@contoso.com -To alice@proexchange.global; $m.Status; $m.LastError');
    expect(queued.out).toContain('Queued\n451 4.4.0 Primary target IP address responded with: "530 5.7.1 Client was not authenticated."');
    const outbound = await s.run('(Send-LabMessage -From alice@proexchange.global -To someone@contoso.com).LastError');
    expect(outbound.out).toContain('451 5.7.3 Cannot achieve Exchange Server authentication');

    // Subscribe again: the new certificate is published and synchronization works.
    await s.run(SUBSCRIBE);
    expect(org.state.edgeSubscriptions![0]!.edgeCertificateThumbprint).toBe(next.thumbprint);
    expect((await s.run('Start-EdgeSynchronization')).out).toMatch(/Success Configuration/);
    expect((await s.run('(Send-LabMessage -From someone@contoso.com -To alice@proexchange.global).Status')).out.trim()).toBe('Delivered');
    await s.close();
  });
});

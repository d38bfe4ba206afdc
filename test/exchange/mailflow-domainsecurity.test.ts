// Domain Security (mutual TLS) with the lab partner fabrikam.lab: both sides present certificates
// in a real handshake and validate each other (trusted root + the domain's name); failures queue
// with Exchange's reasons; opportunistic TLS when the partner is not in the lists.
import { describe, expect, it } from 'vitest';
import { capturedSession } from '../helpers/run.js';
import { ensurePartner, reissuePartnerCertificate } from '../../src/exchange/transport/partner.js';
import { KEYS, labCaCertificate } from './mailflow-helpers.js';

const NOW = new Date('2026-11-26T09:30:00Z');
const SUBSCRIBE =
  'Enter-LabServer EDGE01; New-EdgeSubscription -FileName c:\\edge.xml -Force; Enter-LabServer Ex2007EE; New-EdgeSubscription -FileName \\\\EDGE01\\c$\\edge.xml -Site Site-A';
const CONFIGURE =
  "Set-TransportConfig -TLSSendDomainSecureList fabrikam.lab -TLSReceiveDomainSecureList fabrikam.lab; New-SendConnector -Name Fabrikam -AddressSpaces fabrikam.lab -SourceTransportServers EDGE01 -DomainSecureEnabled $true -ProtocolLoggingLevel Verbose | Out-Null; Set-ReceiveConnector 'EDGE01\\Default internal receive connector EDGE01' -DomainSecureEnabled $true";
const SEND_OUT = '$m = Send-LabMessage -From alice@proexchange.global -To bob@fabrikam.lab -WarningAction SilentlyContinue';

async function setup() {
  const s = await capturedSession({ now: () => NOW });
  expect((await s.run(SUBSCRIBE)).ok).toBe(true);
  const org = s.lab.org;
  let k = 2;
  const partner = (await ensurePartner(org.state, 'fabrikam.lab', NOW, () => KEYS[k++]!))!;
  const edgeCert = labCaCertificate(org, ['EDGE01.proexchange.global', 'proexchange.global'], { key: 1 });
  org.server('EDGE01')!.addCertificate(edgeCert);
  const r = await s.run(CONFIGURE);
  expect(r.ok, r.out).toBe(true);
  return { s, org, partner, edgeCert };
}

describe('Domain Security with fabrikam.lab', () => {
  it('queues until both roots are trusted, then sends with mutual TLS, validated both ways', async () => {
    const { s, org, partner, edgeCert } = await setup();
    // The Edge does not trust Fabrikam Root CA: the message waits on EDGE01, with the reason.
    let r = await s.run(`${SEND_OUT}; $m.Status; $m.DomainSecure; $m.LastError`);
    expect(r.out).toContain(
      "Queued\nFalse\nMessage to secure domain 'fabrikam.lab' on send connector 'Fabrikam' failed because TLS certificate validation failed with status 'UntrustedRoot'.",
    );
    r = await s.run('Get-Queue -Server EDGE01 | Where-Object NextHopDomain -eq fabrikam.lab | ForEach-Object { "$($_.Identity) $($_.DeliveryType) $($_.Status) $($_.MessageCount)" }');
    expect(r.out.trim()).toBe('EDGE01\\1 DnsConnectorDelivery Retry 1');

    // Fabrikam's root imported: now Fabrikam refuses the Edge's self-signed certificate (it names no proexchange.global and no CA vouches for it).
    await s.run('Import-LabTrustedRoot -Partner fabrikam.lab -Server EDGE01 | Out-Null; Retry-Queue EDGE01\\1');
    r = await s.run('(Get-Queue EDGE01\\1).LastError');
    expect(r.out).toContain("454 4.7.5 Domain secure authentication failed for proexchange.global: TLS certificate validation failed with status 'UntrustedRoot'");

    // The Edge trusts ProExchange Root CA: its CA-issued certificate becomes usable and goes out. Retry delivers.
    await s.run("Import-LabTrustedRoot -CertificateAuthority 'ProExchange Root CA' -Server EDGE01 | Out-Null; Retry-Queue EDGE01\\1");
    expect((await s.run('(Get-Queue -Server EDGE01 | Measure-Object).Count')).out.trim()).toBe('1'); // only Submission is left
    expect((await s.run('(Get-MessageTrackingLog -Server EDGE01 -EventId SEND -Recipients bob@fabrikam.lab).ServerHostname')).out.trim()).toBe('mail.fabrikam.lab');

    // A new message: domain secured; each side saw the other's certificate in the handshake.
    r = await s.run(`${SEND_OUT}; $m.Status; $m.DomainSecure; $h = $m.Hops[-1]; $h.CertificateThumbprint; $h.ClientCertificateThumbprint; $h.DomainSecure`);
    expect(r.out.trim().split('\n')).toEqual(['Delivered', 'True', partner.certificate.thumbprint, edgeCert.thumbprint, 'Valid']);
    const log = await s.run("Get-ChildItem '\\\\EDGE01\\c$\\Program Files\\Microsoft\\Exchange Server\\TransportRoles\\Logs\\ProtocolLog\\SmtpSend' | ForEach-Object { Get-Content $_.FullName } | Where-Object { $_ -like '*Domain Secure*' } | Select-Object -Last 1");
    expect(log.out).toContain('fabrikam.lab,TLS Domain Secure: the server certificate was validated');

    // Inbound: Fabrikam's host presents its certificate to the Edge, which validates it against TLSReceiveDomainSecureList.
    r = await s.run('$m = Send-LabMessage -From someone@fabrikam.lab -To alice@proexchange.global; $m.Status; $m.DomainSecure; $m.Hops[0].CertificateThumbprint; $m.Hops[0].ClientCertificateThumbprint; $m.Hops[0].DomainSecure');
    expect(r.out.trim().split('\n')).toEqual(['Delivered', 'True', edgeCert.thumbprint, partner.certificate.thumbprint, 'Valid']);
    expect((await s.run('(Get-MessageTrackingLog -Server EDGE01 -Sender someone@fabrikam.lab -EventId RECEIVE).ClientHostname')).out.trim()).toBe('mail.fabrikam.lab');
    expect(org.state.partners).toHaveLength(1);
    await s.close();
  });

  it('a partner certificate without the domain name fails both ways; out of the lists, opportunistic TLS', async () => {
    const { s, partner } = await setup();
    await s.run("Import-LabTrustedRoot -Partner fabrikam.lab -Server EDGE01 | Out-Null; Import-LabTrustedRoot -CertificateAuthority 'ProExchange Root CA' -Server EDGE01 | Out-Null");
    await reissuePartnerCertificate(partner, ['mail.fabrikam.lab'], NOW);
    let r = await s.run(`${SEND_OUT}; $m.Status; $m.LastError`);
    expect(r.out).toContain("Queued\nMessage to secure domain 'fabrikam.lab' on send connector 'Fabrikam' failed because TLS certificate validation failed with status 'SubjectMismatch'.");
    // Inbound: the Edge refuses the partner at MAIL FROM; the message stays in Fabrikam's queue.
    // The queue is Fabrikam's, not one of ours: no queue identity Retry-Queue could take, only where it waits.
    r = await s.run('$m = Send-LabMessage -From someone@fabrikam.lab -To alice@proexchange.global -WarningAction SilentlyContinue; $m.Status; $m.QueuedOn; $null -eq $m.Queue; $m.LastError');
    expect(r.out.trim().split('\n')).toEqual(['Queued', 'mail.fabrikam.lab', 'True', "454 4.7.5 Domain secure authentication failed for fabrikam.lab: TLS certificate validation failed with status 'SubjectMismatch'"]);
    // Not in the lists any more: Exchange falls back to opportunistic TLS, delivered but not domain secured.
    await s.run("Set-TransportConfig -TLSSendDomainSecureList @{Remove='fabrikam.lab'} -TLSReceiveDomainSecureList @{Remove='fabrikam.lab'}");
    r = await s.run(`${SEND_OUT}; $m.Status; $m.DomainSecure; $m.Hops[-1].Tls; $m.Hops[-1].Validation`);
    expect(r.out.trim().split('\n')).toEqual(['Delivered', 'False', 'STARTTLS', 'Trusted']) // the host name matches; the domain is not checked;
    r = await s.run('$m = Send-LabMessage -From someone@fabrikam.lab -To alice@proexchange.global; $m.Status; $m.DomainSecure');
    expect(r.out.trim().split('\n')).toEqual(['Delivered', 'False']);
    await s.close();
  });

  it('New-SendConnector refuses Domain Security through smart hosts and a duplicate name, changing nothing', async () => {
    const s = await capturedSession({ now: () => NOW });
    let r = await s.run('New-SendConnector -Name F2 -AddressSpaces fabrikam.lab -SmartHosts relay.proexchange.global -DomainSecureEnabled $true');
    expect(r.out).toContain('DomainSecureEnabled can be set to $true only on a Send connector that uses DNS routing (DNSRoutingEnabled $true).');
    r = await s.run('New-SendConnector -Name Internet -AddressSpaces fabrikam.lab');
    expect(r.out).toContain("The object 'CN=Internet,");
    expect(r.out).toContain("' already exists.");
    expect((await s.run('(Get-SendConnector).Count')).out.trim()).toBe('1');
    await s.close();
  });
});

// Each Set-* changes what it should; bad input (invalid enum, malformed value, impossible
// combination, unknown identity) is refused with a clear error and lab.json stays byte-identical.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labPaths } from '../../src/store/lab-home.js';
import { readLabFile } from '../../src/compose.js';
import { capturedSession, tempHome, type Captured, labFiles } from '../helpers/run.js';

let s: Captured;
let statePath: string;
beforeAll(async () => {
  const home = tempHome();
  s = await capturedSession({ home });
  statePath = labPaths(home, 'default').state;
  await s.run('$null'); // the seed is saved
});
afterAll(() => s.close());

/** The output without warnings, trimmed. */
const val = async (expr: string) =>
  (await s.run(expr)).out
    .split('\n')
    .filter((l) => !l.startsWith('WARNING:'))
    .join('\n')
    .trim();

/** Runs a command that must fail, printing `text`, and leave the lab file untouched. */
async function refused(script: string, text: string): Promise<void> {
  const before = labFiles(statePath);
  const r = await s.run(script);
  expect(r.out).toContain(text);
  expect(r.out).toContain('FullyQualifiedErrorId');
  expect(labFiles(statePath).equals(before), `lab.json changed after: ${script}`).toBe(true);
}

describe('Set-TransportServer', () => {
  it('changes the logging level, paths, sizes and ages', async () => {
    await s.run("Set-TransportServer Ex2007SE -IntraOrgConnectorProtocolLoggingLevel Verbose -SendProtocolLogPath 'D:\\Logs\\Send' -SendProtocolLogMaxFileSize 20MB -ReceiveProtocolLogMaxAge 20.00:00:00");
    expect(await val('(Get-TransportServer Ex2007SE).IntraOrgConnectorProtocolLoggingLevel')).toBe('Verbose');
    expect(await val('(Get-TransportServer Ex2007SE).SendProtocolLogPath')).toBe('D:\\Logs\\Send');
    expect(await val('(Get-TransportServer Ex2007SE).SendProtocolLogMaxFileSize')).toBe('20 MB (20,971,520 bytes)');
    expect(await val('(Get-TransportServer Ex2007SE).ReceiveProtocolLogMaxAge')).toBe('20.00:00:00');
    expect(await val('(Get-TransportServer Ex2007EE).IntraOrgConnectorProtocolLoggingLevel')).toBe('None');
    const lab = readLabFile(statePath)! as unknown as { organization: { servers: { name: string; transport: { sendProtocolLogMaxFileSize: string } }[] } };
    expect(lab.organization.servers.find((x: { name: string }) => x.name === 'Ex2007SE')!.transport.sendProtocolLogMaxFileSize).toBe('20MB');
  });
  it('$null turns a protocol log off', async () => {
    await s.run('Set-TransportServer Ex2007EE -ReceiveProtocolLogPath $null');
    expect(await val('$null -eq (Get-TransportServer Ex2007EE).ReceiveProtocolLogPath')).toBe('True');
  });
  it('refuses bad values and changes nothing', async () => {
    await refused('Set-TransportServer Ex2007EE -IntraOrgConnectorProtocolLoggingLevel Low', 'Unable to match the identifier name Low to a valid enumerator name');
    await refused("Set-TransportServer Ex2007EE -SendProtocolLogPath 'relative\\path'", 'is not a valid full path');
    await refused('Set-TransportServer Ex2007EE -SendProtocolLogMaxFileSize lots', 'is not a valid size');
    await refused('Set-TransportServer Ex2007EE -SendProtocolLogMaxAge tomorrow', 'Input string was not in a correct format.');
    await refused('Set-TransportServer Ex2007EE -SendProtocolLogMaxFileSize 300MB', 'must not exceed SendProtocolLogMaxDirectorySize');
    await refused('Set-TransportServer Ex2007EE -IntraOrgConnectorProtocolLoggingLevel Verbose -SendProtocolLogMaxAge x', 'Input string');
    expect(await val('(Get-TransportServer Ex2007EE).IntraOrgConnectorProtocolLoggingLevel')).toBe('None');
    await refused('Set-TransportServer MBX01 -IntraOrgConnectorProtocolLoggingLevel Verbose', "object 'MBX01' could not be found");
  });
  it('-WhatIf changes nothing', async () => {
    const before = labFiles(statePath);
    expect((await s.run('Set-TransportServer Ex2007EE -IntraOrgConnectorProtocolLoggingLevel Verbose -WhatIf')).out).toBe('What if: Setting transport server "Ex2007EE".\n');
    expect(labFiles(statePath).equals(before)).toBe(true);
  });
});

describe('connectors and transport config', () => {
  it('Set-ReceiveConnector changes the TLS settings', async () => {
    await s.run("Set-ReceiveConnector 'Ex2007EE\\Default Ex2007EE' -Fqdn mail.proexchange.global -RequireTLS $true -DomainSecureEnabled $true -ProtocolLoggingLevel Verbose -AuthMechanism Tls,ExchangeServer -PermissionGroups ExchangeServers,Partners");
    const o = await val("Get-ReceiveConnector 'Ex2007EE\\Default Ex2007EE' | Format-List Fqdn,RequireTLS,DomainSecureEnabled,ProtocolLoggingLevel,AuthMechanism,PermissionGroups");
    expect(o).toContain('Fqdn                 : mail.proexchange.global');
    expect(o).toContain('RequireTLS           : True');
    expect(o).toContain('DomainSecureEnabled  : True');
    expect(o).toContain('AuthMechanism        : Tls, ExchangeServer');
    expect(o).toContain('PermissionGroups     : ExchangeServers, Partners');
    expect(await val("(Get-ReceiveConnector 'Ex2007EE\\Client Ex2007EE').RequireTLS")).toBe('False');
  });
  it('Set-ReceiveConnector refuses impossible combinations and bad values', async () => {
    await refused("Set-ReceiveConnector 'Ex2007SE\\Default Ex2007SE' -AuthMechanism Integrated -RequireTLS $true", 'RequireTLS can be set to $true only when the AuthMechanism parameter includes Tls.');
    await refused("Set-ReceiveConnector 'Ex2007SE\\Default Ex2007SE' -AuthMechanism Tls,BasicAuthRequireTLS", 'requires BasicAuth');
    await refused("Set-ReceiveConnector 'Ex2007SE\\Default Ex2007SE' -AuthMechanism Kerberos", 'Unable to match the identifier name Kerberos');
    await refused("Set-ReceiveConnector 'Ex2007SE\\Default Ex2007SE' -Fqdn 'bad name!'", 'is not a valid fully qualified domain name');
    await refused("Set-ReceiveConnector 'Ex2007SE\\Default Ex2007SE' -Bindings 0.0.0.0:99999", 'is not a valid IP address and port');
    await refused("Set-ReceiveConnector 'Ex2007SE\\Default Ex2007SE' -ProtocolLoggingLevel Full", 'Full');
  });
  it('Set-SendConnector changes its settings and refuses RequireTLS with IgnoreSTARTTLS', async () => {
    await s.run('Set-SendConnector Internet -IgnoreSTARTTLS $true -ProtocolLoggingLevel Verbose');
    expect(await val('(Get-SendConnector Internet).IgnoreSTARTTLS')).toBe('True');
    await refused('Set-SendConnector Internet -RequireTLS $true', 'RequireTLS and IgnoreSTARTTLS cannot both be set to $true');
    await refused('Set-SendConnector Internet -SourceTransportServers MBX01', "object 'MBX01' could not be found");
    await s.run('Set-SendConnector Internet -IgnoreSTARTTLS $false -RequireTLS $true -SourceTransportServers EDGE01');
    expect(await val('(Get-SendConnector Internet).SourceTransportServers.Name')).toBe('EDGE01');
  });
  it('Set-TransportConfig replaces and edits the Domain Security lists', async () => {
    await s.run('Set-TransportConfig -TLSSendDomainSecureList contoso.example,fabrikam.example');
    expect(await val('(Get-TransportConfig).TLSSendDomainSecureList -join ","')).toBe('contoso.example,fabrikam.example');
    await s.run("Set-TransportConfig -TLSSendDomainSecureList @{Remove='contoso.example'; Add='partner.example'}");
    expect(await val('(Get-TransportConfig).TLSSendDomainSecureList -join ","')).toBe('fabrikam.example,partner.example');
    await refused("Set-TransportConfig -TLSReceiveDomainSecureList 'not a domain'", 'is not a valid SMTP domain');
    expect(await val('(Get-TransportConfig).TLSReceiveDomainSecureList.Count')).toBe('0');
  });
});

describe('client access, POP/IMAP, UM', () => {
  it('virtual directories: URLs, OAB RequireSSL, ActiveSync ClientCertAuth', async () => {
    await s.run("Set-OwaVirtualDirectory 'Ex2007SE\\owa (Default Web Site)' -ExternalUrl https://mail.proexchange.global/owa");
    expect(await val("(Get-OwaVirtualDirectory -Server Ex2007SE).ExternalUrl")).toBe('https://mail.proexchange.global/owa');
    expect(await val("(Get-OabVirtualDirectory 'Ex2007EE\\OAB (Default Web Site)').RequireSSL")).toBe('False');
    await s.run("Set-OabVirtualDirectory 'Ex2007EE\\OAB (Default Web Site)' -RequireSSL $true");
    expect(await val("(Get-OabVirtualDirectory 'Ex2007EE\\OAB (Default Web Site)').RequireSSL")).toBe('True');
    await s.run("Set-ActiveSyncVirtualDirectory 'Ex2007EE\\Microsoft-Server-ActiveSync (Default Web Site)' -ClientCertAuth Required");
    expect(await val('(Get-ActiveSyncVirtualDirectory -Server Ex2007EE).ClientCertAuth')).toBe('Required');
    await s.run("Set-OwaVirtualDirectory 'Ex2007SE\\owa (Default Web Site)' -ExternalUrl $null");
    expect(await val('$null -eq (Get-OwaVirtualDirectory -Server Ex2007SE).ExternalUrl')).toBe('True');
    await refused("Set-WebServicesVirtualDirectory 'Ex2007EE\\EWS (Default Web Site)' -InternalUrl 'not a url'", 'Invalid URI: The format of the URI could not be determined.');
    await refused("Set-ActiveSyncVirtualDirectory 'Ex2007EE\\Microsoft-Server-ActiveSync (Default Web Site)' -ClientCertAuth Maybe", 'Maybe');
  });
  it('Outlook Anywhere: enable once, then set', async () => {
    expect(await val('Get-OutlookAnywhere')).toBe('');
    await refused("Set-OutlookAnywhere 'Ex2007EE\\Rpc (Default Web Site)' -SSLOffloading $true", "could not be found");
    const r = await s.run('Enable-OutlookAnywhere -Server Ex2007SE -ExternalHostname Ex2007SE.proexchange.local -ClientAuthenticationMethod Ntlm -SSLOffloading $false');
    expect(r.out).toBe('');
    expect(await val('(Get-ClientAccessServer Ex2007SE).OutlookAnywhereEnabled')).toBe('True');
    await refused('Enable-OutlookAnywhere -Server Ex2007SE -ExternalHostname x.proexchange.global -ClientAuthenticationMethod Basic -SSLOffloading $false', 'Outlook Anywhere is already enabled on server "Ex2007SE".');
    await s.run("Set-OutlookAnywhere 'Ex2007SE\\Rpc (Default Web Site)' -SSLOffloading $true");
    expect(await val('(Get-OutlookAnywhere).SSLOffloading')).toBe('True');
  });
  it('Set-ClientAccessServer sets the SCP URL and refuses a bad one', async () => {
    await s.run('Set-ClientAccessServer Ex2007SE -AutoDiscoverServiceInternalUri https://mail.proexchange.global/autodiscover/autodiscover.xml');
    expect(await val('(Get-ClientAccessServer Ex2007SE).AutoDiscoverServiceInternalUri')).toBe('https://mail.proexchange.global/autodiscover/autodiscover.xml');
    await refused('Set-ClientAccessServer Ex2007SE -AutoDiscoverServiceInternalUri ftp:/x', 'Invalid URI');
    await refused('Set-ClientAccessServer MBX01 -AutoDiscoverServiceInternalUri https://a.example/x', "object 'MBX01' could not be found");
  });
  it('POP/IMAP: settings and the certificate the service presents', async () => {
    expect(await val('(Get-PopSettings).PresentedCertificateSubject')).toBe('CN=Ex2007EE');
    const r = await s.run('Set-ImapSettings -Server Ex2007SE -X509CertificateName mail.proexchange.global -LoginType PlainTextLogin -SSLBindings 0.0.0.0:993,10.0.0.5:993');
    expect(r.out).toContain('WARNING: Changes to IMAP4 settings will only take effect after all Microsoft Exchange IMAP4 services are restarted on server Ex2007SE.');
    expect(r.out).toContain('No certificate on "Ex2007SE" matches X509CertificateName "mail.proexchange.global"');
    expect(await val('(Get-ImapSettings -Server Ex2007SE).LoginType')).toBe('PlainTextLogin');
    expect(await val('(Get-ImapSettings -Server Ex2007SE).SSLBindings -join ","')).toBe('0.0.0.0:993,10.0.0.5:993');
    expect(await val('$null -eq (Get-ImapSettings -Server Ex2007SE).PresentedCertificate')).toBe('True');
    expect(await val('(Get-PopSettings -Server Ex2007SE).X509CertificateName')).toBe('Ex2007SE.proexchange.local');
    await refused('Set-PopSettings -LoginType Kerberos', 'Kerberos');
    await refused('Set-PopSettings -SSLBindings 0.0.0.0:110', 'used by both SSLBindings and UnencryptedOrTLSBindings');
    await refused("Set-PopSettings -X509CertificateName '*.proexchange.global'", 'is not a valid fully qualified domain name');
  });
  it('POP presents a new certificate once its name matches', async () => {
    await s.run("$c = New-ExchangeCertificate -SubjectName 'cn=pop.proexchange.global' -DomainName pop.proexchange.global -Services None; Set-PopSettings -X509CertificateName pop.proexchange.global");
    expect(await val('(Get-PopSettings).PresentedCertificate -eq $c.Thumbprint')).toBe('True');
  });
  it('UM: VoIPSecurity, dial plans and the one-mode rule', async () => {
    await s.run("New-UMDialPlan 'Secure DP' -NumberOfDigitsInExtension 5 -VoIPSecurity SIPSecured");
    await refused("New-UMDialPlan 'secure dp' -NumberOfDigitsInExtension 4", 'already exists');
    await refused("Set-UMServer Ex2007EE -DialPlans 'ProExchange DP','Secure DP'", 'cannot be associated with dial plans that have different VoIPSecurity settings');
    await refused("Set-UMDialPlan 'ProExchange DP' -VoIPSecurity Encrypted", 'Encrypted');
    await refused("New-UMDialPlan 'X' -NumberOfDigitsInExtension 40", '40');
    const r = await s.run("Set-UMDialPlan 'ProExchange DP' -VoIPSecurity Secured");
    expect(r.out).toContain('restart the Microsoft Exchange Unified Messaging service on Ex2007EE');
    expect(await val('(Get-UMServer Ex2007EE).VoIPSecurity')).toBe('Secured');
    await s.run("Set-UMServer Ex2007EE -Status Disabled");
    expect(await val('(Get-UMServer).Status')).toBe('Disabled');
    await refused('Set-UMServer Ex2007EE -Status Off', 'Off');
  });
});

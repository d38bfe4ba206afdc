// The default tables of the configuration objects: exact headers (2007 where known).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let s: Captured;
beforeAll(async () => {
  s = await capturedSession();
});
afterAll(() => s.close());

/** The header line and the dash line of the first table printed. */
async function header(script: string): Promise<string[]> {
  const lines = (await s.run(script)).out.split('\n').filter((l) => !l.startsWith('WARNING'));
  const i = lines.findIndex((l) => /^-+( +-+)*\s*$/.test(l));
  return [lines[i - 1]!.trimEnd(), lines[i]!.trimEnd()];
}

describe('views', () => {
  it('Get-ExchangeServer: Name, Site, ServerRole, Edition, AdminDisplayVersion at 2007 widths', async () => {
    expect(await header('Get-ExchangeServer')).toEqual([
      'Name                Site                 ServerRole  Edition     AdminDisplayVersion',
      '----                ----                 ----------  -------     -------------------',
    ]);
    expect((await s.run('Get-ExchangeServer MBX01')).out).toContain('MBX01               proexchange.local... Mailbox     Standard    Version 8.1 (Build 240.6)');
  });
  it('Get-Mailbox: ServerName in lower case, ProhibitSendQuota unlimited', async () => {
    expect(await header('Get-Mailbox')).toEqual([
      'Name                      Alias                ServerName       ProhibitSendQuota',
      '----                      -----                ----------       -----------------',
    ]);
    expect((await s.run('Get-Mailbox carol')).out).toContain('Carol                     carol                ex2007se         unlimited');
  });
  it('the other tables', async () => {
    expect((await header('Get-AcceptedDomain'))[0]).toBe('Name                           DomainName                     DomainType         Default');
    expect((await header('Get-ReceiveConnector'))[0]).toBe('Identity                                 Bindings                       Enabled');
    expect((await header('Get-SendConnector'))[0]).toBe('Identity                       AddressSpaces                  Enabled');
    expect((await header('Get-TransportServer'))[0]).toBe('Name             IntraOrgConnectorProtocolLoggingLevel SendProtocolLogMaxAge ReceiveProtocolLogMaxAge');
    expect((await header('Get-PopSettings'))[0]).toBe('UnencryptedOrTLSBindings  SSLBindings            LoginType           X509CertificateName');
    expect((await header('Get-ImapSettings'))[0]).toBe('UnencryptedOrTLSBindings  SSLBindings            LoginType           X509CertificateName');
    expect((await header('Get-UMServer'))[0]).toBe('Name              DialPlans            Languages            Status');
    expect((await header('Get-UMDialPlan'))[0]).toBe('Name                 NumberOfDigitsInExtension URIType    VoIPSecurity');
    expect((await header('Get-ClientAccessServer'))[0]).toBe('Name             OutlookAnywhereEnabled AutoDiscoverServiceInternalUri');
    expect((await header('Get-OabVirtualDirectory'))[0]).toMatch(/^Name +Server +InternalUrl +ExternalUrl$/);
  });
  it('Get-UMServer shows the 2007 sample row', async () => {
    expect((await s.run('Get-UMServer')).out).toContain('Ex2007EE          {ProExchange DP}     {en-US}              Enabled');
  });
  it('Get-ExchangeServer | fl lists the 2007 properties in order', async () => {
    const out = (await s.run('Get-ExchangeServer Ex2007EE | Format-List')).out;
    const names = out.split('\n').map((l) => /^(\w+)\s+:/.exec(l)?.[1]).filter(Boolean);
    expect(names.slice(0, 8)).toEqual(['Name', 'DataPath', 'Domain', 'Edition', 'ExchangeLegacyDN', 'Fqdn', 'IsHubTransportServer', 'IsClientAccessServer']);
    expect(names.indexOf('AdminDisplayVersion')).toBeLessThan(names.indexOf('Site'));
    expect(names.slice(-5)).toEqual(['Guid', 'ObjectCategory', 'ObjectClass', 'WhenChanged', 'WhenCreated']);
    expect(out).toContain('Site                              : proexchange.local/Configuration/Sites/Site-A');
    expect(out).toContain('IsMemberOfCluster                 : No');
  });
  it('Get-TransportServer shows the 2007 protocol log defaults', async () => {
    const v = async (p: string) => (await s.run(`(Get-TransportServer Ex2007SE).${p}`)).out.trim();
    expect(await v('SendProtocolLogPath')).toBe('C:\\Program Files\\Microsoft\\Exchange Server\\TransportRoles\\Logs\\ProtocolLog\\SmtpSend');
    expect(await v('ReceiveProtocolLogPath')).toBe('C:\\Program Files\\Microsoft\\Exchange Server\\TransportRoles\\Logs\\ProtocolLog\\SmtpReceive');
    expect(await v('ReceiveProtocolLogMaxFileSize')).toBe('10 MB (10,485,760 bytes)');
    expect(await v('SendProtocolLogMaxDirectorySize')).toBe('250 MB (262,144,000 bytes)');
    expect(await v('ReceiveProtocolLogMaxAge')).toBe('30.00:00:00');
    expect(await v('IntraOrgConnectorProtocolLoggingLevel')).toBe('None');
  });
});

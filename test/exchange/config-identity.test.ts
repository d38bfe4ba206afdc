// Identities of the configuration cmdlets resolve as Exchange's do: found (name, FQDN,
// SERVER\name, alias, address, wildcards), not found and not unique, with Exchange's texts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let s: Captured;
beforeAll(async () => {
  s = await capturedSession();
});
afterAll(() => s.close());

const out = async (script: string) => (await s.run(script)).out;
const DC = 'DC01.proexchange.local';

describe('servers', () => {
  it('finds a server by name, FQDN (any case) and wildcard', async () => {
    expect(await out('(Get-ExchangeServer ex2007ee).Name')).toBe('Ex2007EE\n');
    expect(await out('(Get-ExchangeServer EX2007SE.PROEXCHANGE.LOCAL).Name')).toBe('Ex2007SE\n');
    expect(await out('(Get-ExchangeServer Ex2007*).Name -join ","')).toBe('Ex2007EE,Ex2007SE\n');
  });
  it('an unknown server gives Exchange\'s not-found text', async () => {
    const o = await out('Get-ExchangeServer NOPE');
    expect(o).toContain('Get-ExchangeServer : Exchange server "NOPE" was not found. Please make sure you typed the name correctly.');
    expect(o).toContain('ManagementObjectNotFoundException');
  });
  it('a server without the role is not found as that object', async () => {
    expect(await out('Get-TransportServer MBX01')).toContain(`The operation could not be performed because object 'MBX01' could not be found on domain controller '${DC}'.`);
    expect(await out('Get-PopSettings -Server EDGE01')).toContain(`object 'EDGE01' could not be found`);
  });
  it('a Set with a wildcard matching several servers is not unique', async () => {
    expect(await out('Set-TransportServer Ex2007* -IntraOrgConnectorProtocolLoggingLevel Verbose')).toContain(
      "The value you specified, 'Ex2007*', matches more than one Exchange server. Specify a unique value.",
    );
    expect(await out('(Get-TransportServer Ex2007EE).IntraOrgConnectorProtocolLoggingLevel')).toBe('None\n');
  });
});

describe('connectors and directory objects', () => {
  it('Receive connectors resolve by SERVER\\Name, FQDN\\Name and bare name', async () => {
    expect(await out("(Get-ReceiveConnector 'Ex2007EE\\Default Ex2007EE').Identity.ToString()")).toBe('Ex2007EE\\Default Ex2007EE\n');
    expect(await out("(Get-ReceiveConnector 'ex2007se.proexchange.local\\client ex2007se').Identity.ToString()")).toBe('Ex2007SE\\Client Ex2007SE\n');
    expect(await out("(Get-ReceiveConnector 'Default internal receive connector EDGE01').Server.Name")).toBe('EDGE01\n');
    expect(await out('(Get-ReceiveConnector -Server Ex2007SE).Name -join ","')).toBe('Default Ex2007SE,Client Ex2007SE\n');
  });
  it('not found and not unique connectors', async () => {
    expect(await out("Get-ReceiveConnector 'Ex2007EE\\Nope'")).toContain(`The operation could not be performed because object 'Ex2007EE\\Nope' could not be found on domain controller '${DC}'.`);
    expect(await out("Set-ReceiveConnector 'Default*' -ProtocolLoggingLevel Verbose")).toContain("The operation could not be performed because 'Default*' matches multiple entries.");
    expect(await out('Get-SendConnector Intranet')).toContain("object 'Intranet' could not be found");
  });
  it('mailboxes resolve by name, alias, address, DOMAIN\\alias and UPN', async () => {
    for (const id of ['Alice', 'alice', 'alice@proexchange.global', 'PROEXCHANGE\\alice', 'alice@proexchange.local', 'proexchange.local/Users/Alice']) {
      expect(await out(`(Get-Mailbox '${id}').PrimarySmtpAddress`), id).toBe('alice@proexchange.global\n');
    }
    expect(await out('Get-Mailbox zed')).toContain(`Get-Mailbox : The operation could not be performed because object 'zed' could not be found on domain controller '${DC}'.`);
    expect(await out('(Get-Mailbox -Server MBX01).Alias')).toBe('erin\n');
  });
  it('virtual directories resolve by SERVER\\name (Default Web Site); a bare name is ambiguous for Set', async () => {
    expect(await out("(Get-OabVirtualDirectory 'Ex2007SE\\OAB (Default Web Site)').InternalUrl")).toBe('http://Ex2007SE.proexchange.local/OAB\n');
    expect(await out("Set-OwaVirtualDirectory 'owa (Default Web Site)' -ExternalUrl https://x.proexchange.global/owa")).toContain(
      "The operation could not be performed because 'owa (Default Web Site)' matches multiple entries.",
    );
    expect(await out("Get-OwaVirtualDirectory 'MBX01\\owa (Default Web Site)'")).toContain("object 'MBX01\\owa (Default Web Site)' could not be found");
  });
  it('dial plans and UM servers', async () => {
    expect(await out("(Get-UMDialPlan 'proexchange dp').VoIPSecurity")).toBe('Unsecured\n');
    expect(await out('Get-UMDialPlan Other')).toContain("object 'Other' could not be found");
    expect(await out('Get-UMServer Ex2007SE')).toContain("object 'Ex2007SE' could not be found");
  });
  it('piped objects bind by their identity', async () => {
    expect(await out('Get-ReceiveConnector -Server Ex2007EE | Set-ReceiveConnector -ProtocolLoggingLevel Verbose; (Get-ReceiveConnector -Server Ex2007EE).ProtocolLoggingLevel -join ","')).toBe('Verbose,Verbose\n');
  });
});

describe('on the Edge', () => {
  it('a shell on EDGE01 sees only its own server (ADAM), as Exchange 2007 does', async () => {
    const e = await capturedSession();
    expect((await e.run('Enter-LabServer EDGE01; (Get-ExchangeServer).Name')).out).toBe('EDGE01\n');
    expect((await e.run('(Get-ReceiveConnector).Identity.ToString()')).out).toBe('EDGE01\\Default internal receive connector EDGE01\n');
    expect((await e.run('Get-TransportServer Ex2007EE')).out).toContain('Exchange server "Ex2007EE" was not found.');
    await e.close();
  });
});

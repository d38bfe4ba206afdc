// Install-LabServer and setup.com: what setup creates, and what it refuses (nothing changes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labPaths } from '../../src/store/lab-home.js';
import { capturedSession, tempHome, type Captured, labFiles } from '../helpers/run.js';

let s: Captured;
let statePath: string;
beforeAll(async () => {
  const home = tempHome();
  s = await capturedSession({ home });
  statePath = labPaths(home, 'default').state;
  await s.run('$null');
});
afterAll(() => s.close());

const val = async (expr: string) =>
  (await s.run(expr)).out
    .split('\n')
    .filter((l) => !l.startsWith('WARNING:'))
    .join('\n')
    .trim();

async function unchanged(script: string): Promise<string> {
  const before = labFiles(statePath);
  const r = await s.run(script);
  expect(labFiles(statePath).equals(before), `lab.json changed after: ${script}`).toBe(true);
  return r.out;
}

describe('Install-LabServer', () => {
  it('creates a CAS/Hub server with its setup certificate and defaults', async () => {
    const r = await s.run('Install-LabServer -Name CAS02 -Roles ClientAccess,HubTransport -Site Site-B');
    expect(r.ok).toBe(true);
    expect(r.out).toContain('CAS02');
    expect(await val('(Get-ExchangeServer CAS02).Fqdn')).toBe('CAS02.proexchange.local');
    expect(await val('(Get-ExchangeServer CAS02).Site.ToString()')).toBe('proexchange.local/Configuration/Sites/Site-B');
    expect(await val('(Get-ExchangeServer CAS02).ServerRole')).toBe('ClientAccess, HubTransport');
    expect(await val('(Get-ExchangeServer CAS02).Edition')).toBe('Standard');
    expect(await val('(Get-ExchangeServer CAS02).AdminDisplayVersion')).toBe('Version 8.1 (Build 240.6)');
    expect(await val('(Get-ReceiveConnector -Server CAS02).Name -join ","')).toBe('Default CAS02,Client CAS02');
    expect(await val('(Get-OwaVirtualDirectory -Server CAS02).InternalUrl')).toBe('https://CAS02.proexchange.local/owa');
    expect(await val('(Get-PopSettings -Server CAS02).PresentedCertificateSubject')).toBe('CN=CAS02');
    expect(await val('Enter-LabServer CAS02; $c = Get-ExchangeCertificate; $c.Subject; $c.Services; $c.CertificateDomains -join ","; Enter-LabServer Ex2007EE')).toBe(
      'CN=CAS02\nIMAP, POP, IIS, SMTP\nCAS02,CAS02.proexchange.local',
    );
    // The new machine has a drive.
    expect(await val("Test-Path '\\\\CAS02\\c$\\'")).toBe('True');
  });
  it('an Edge server stays outside the domain, in the external namespace, without a site', async () => {
    await s.run('Install-LabServer EDGE02 -Roles EdgeTransport');
    expect(await val('(Get-ExchangeServer EDGE02).Fqdn')).toBe('EDGE02.proexchange.global');
    expect(await val('$null -eq (Get-ExchangeServer EDGE02).Site')).toBe('True');
    expect(await val('(Get-ReceiveConnector -Server EDGE02).Name')).toBe('Default internal receive connector EDGE02');
  });
  it('-NoSelfSignedCertificates: a Client Access server without a certificate warns that it is insecure', async () => {
    const r = await s.run('Install-LabServer CAS03 -Roles ClientAccess -NoSelfSignedCertificates');
    expect(r.out).toContain('WARNING: Client Access server "CAS03" has no certificate.');
    expect(r.out).toContain('served unencrypted, which is insecure');
    expect(await val('Enter-LabServer CAS03; @(Get-ExchangeCertificate).Count; Enter-LabServer Ex2007EE')).toBe('0');
    for (const cmd of ['Get-PopSettings -Server CAS03', 'Get-ImapSettings -Server CAS03', 'Get-OwaVirtualDirectory -Server CAS03', 'Get-ClientAccessServer CAS03']) {
      expect((await s.run(cmd)).out, cmd).toContain('WARNING: Client Access server "CAS03" has no certificate.');
    }
  });
  it('-NoSelfSignedCertificates with Hub Transport keeps the transport certificate only', async () => {
    await s.run('Install-LabServer CAS04 -Roles CA,HT -NoSelfSignedCertificates');
    expect(await val('Enter-LabServer CAS04; (Get-ExchangeCertificate).Services; Enter-LabServer Ex2007EE')).toBe('SMTP');
  });
  it('refuses what setup refuses, and nothing changes', async () => {
    const cases: [string, string][] = [
      ['Install-LabServer HUB9 -Roles HubTransport -NoSelfSignedCertificates', 'The /NoSelfSignedCertificates parameter is valid only when the Client Access or Unified Messaging server role is being installed.'],
      ['Install-LabServer MBX9 -Roles Mailbox -NoSelfSignedCertificates', 'valid only when the Client Access or Unified Messaging'],
      ['Install-LabServer X1 -Roles Edge,HubTransport', 'The Edge Transport server role cannot be installed on the same computer as any other server role.'],
      ['Install-LabServer X1 -Roles Fax', "'Fax' is not a valid server role."],
      ['Install-LabServer Ex2007EE -Roles Mailbox', 'The computer "Ex2007EE" already exists in the lab'],
      ['Install-LabServer THIS-NAME-IS-TOO-LONG -Roles Mailbox', 'is not a valid computer name'],
      ['Install-LabServer X1 -Roles Mailbox -Site Site-Z', 'The Active Directory site "Site-Z" was not found. The sites are: Site-A, Site-B.'],
    ];
    for (const [cmd, text] of cases) {
      const out = await unchanged(cmd);
      expect(out, cmd).toContain(text);
      expect(out, cmd).toContain('FullyQualifiedErrorId : SetupValidationFailed,Emsh.Lab.Commands.InstallLabServer');
    }
    expect(await val('Get-ExchangeServer X1')).toContain('Exchange server "X1" was not found.');
  });
  it('-NoSelfSignedCertificates is accepted with Unified Messaging', async () => {
    await s.run('Install-LabServer UM02 -Roles UnifiedMessaging -NoSelfSignedCertificates');
    expect(await val('Enter-LabServer UM02; @(Get-ExchangeCertificate).Count; Enter-LabServer Ex2007EE')).toBe('0');
    expect(await val('(Get-UMServer UM02).Status')).toBe('Enabled');
  });
});

describe('setup.com', () => {
  it('installs with /mode:install /roles:ClientAccess,HubTransport and reports as setup does', async () => {
    const r = await s.run('setup.com /mode:install /roles:ClientAccess,HubTransport /NoSelfSignedCertificates');
    expect(r.out).toContain('Welcome to Microsoft Exchange Server 2007 Unattended Setup');
    expect(r.out).toContain('    Hub Transport Role\n    Client Access Role\n    Management Tools');
    expect(r.out).toContain('    Client Access Server Role           ......................... COMPLETED');
    expect(r.out).toContain('The Microsoft Exchange Server setup operation completed successfully.');
    expect(await val('$LASTEXITCODE')).toBe('0');
    expect(await val('(Get-ExchangeServer EXCH01).ServerRole')).toBe('ClientAccess, HubTransport');
    expect(await val('Enter-LabServer EXCH01; (Get-ExchangeCertificate).Services; Enter-LabServer Ex2007EE')).toBe('SMTP');
  });
  it('takes short role names, /Name and /Site; `setup` is the same command', async () => {
    await s.run('setup /m:install /r:MB,CA /Name:EXCH07 /Site:Site-B');
    expect(await val('(Get-ExchangeServer EXCH07).ServerRole')).toBe('Mailbox, ClientAccess');
    expect(await val('(Get-ExchangeServer EXCH07).Site.ToString()')).toBe('proexchange.local/Configuration/Sites/Site-B');
  });
  it('refuses /NoSelfSignedCertificates without Client Access or Unified Messaging; nothing changes', async () => {
    const out = await unchanged('setup.com /mode:install /roles:HubTransport /NoSelfSignedCertificates');
    expect(out).toContain('The /NoSelfSignedCertificates parameter is valid only when the Client Access or Unified Messaging server role is being installed.');
    expect(out).toContain('Exchange Server setup encountered an error.');
    expect(out).not.toContain('completed successfully');
    expect(await val('$LASTEXITCODE')).toBe('1');
  });
  it('refuses unknown options, other modes and a missing mode', async () => {
    expect(await unchanged('setup.com /mode:install /roles:CA /Bogus')).toContain("The option '/Bogus' is not recognized.");
    expect(await unchanged('setup.com /mode:uninstall')).toContain("The mode 'uninstall' is not supported in the lab");
    expect(await unchanged('setup.com /roles:CA')).toContain('The /mode parameter is required.');
  });
});

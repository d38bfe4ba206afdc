// Bad input to the certificate cmdlets: each mistake prints the Exchange (or PowerShell binding)
// message and leaves <EMSH_HOME>/labs/<lab>/lab.json byte-identical. The session saves after
// every statement that changed something, so comparing the file's bytes before and after a
// statement shows whether the mistake touched the lab.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labPaths, machineDrive } from '../../src/store/lab-home.js';
import { capturedSession, tempHome, type Captured, labFiles } from '../helpers/run.js';

const NOT_FOUND = (t: string) => `The certificate with thumbprint ${t} was not found.`;
const BAD_DATA = 'The source data cannot be imported or the wrong password was specified.';
const BAD_BASE64 = 'The source data is corrupted or not properly Base64 encoded.';
const NOT_INSTALLED =
  "One of the services you've selected (IMAP4, POP3, SMTP, IIS, UM) isn't installed on this server. Please check which services are installed on the server and try again.";
const UNKNOWN = '0123456789ABCDEF0123456789ABCDEF01234567';

interface Lab {
  c: Captured;
  home: string;
  state: string;
  /** Host folder of a machine's C: drive. */
  drive(machine?: string): string;
}

async function openLab(now?: () => Date): Promise<Lab> {
  const home = tempHome();
  const c = await capturedSession({ home, now });
  return { c, home, state: labPaths(home, 'default').state, drive: (m = 'Ex2007EE') => machineDrive(home, 'default', m) };
}

/** Runs a statement that must fail: checks every message and that lab.json did not change. */
async function refused(lab: Lab, script: string, ...texts: string[]): Promise<string> {
  const before = labFiles(lab.state);
  const { out } = await lab.c.run(script);
  for (const t of texts) expect(out).toContain(t);
  expect(labFiles(lab.state).equals(before), `lab.json changed after: ${script}`).toBe(true);
  return out;
}

/** Runs setup text that must succeed (no error printed), returning its output. */
async function ok(lab: Lab, script: string): Promise<string> {
  const { out } = await lab.c.run(script);
  expect(out).not.toMatch(/FullyQualifiedErrorId|Exception/);
  return out.trim();
}

describe('bad input to the certificate cmdlets leaves lab.json untouched', () => {
  let lab: Lab;
  let setup: string; // the setup certificate of Ex2007EE (internal transport, not exportable)
  let web: string; // an exportable self-signed certificate
  let pending: string; // a pending request
  let bare: string; // a CA certificate imported without its request: no private key

  beforeAll(async () => {
    lab = await openLab();
    setup = await ok(lab, '(Get-ExchangeCertificate -DomainName Ex2007EE.proexchange.local)[0].Thumbprint');
    const before = labFiles(lab.state);
    web = await ok(lab, "(New-ExchangeCertificate -SubjectName 'cn=webmail.proexchange.global' -PrivateKeyExportable $true -Services None).Thumbprint");
    // The check below would be worthless if a good statement did not change the file.
    expect(labFiles(lab.state).equals(before)).toBe(false);
    await ok(lab, "$pw = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force");
    await ok(lab, `Export-ExchangeCertificate ${web} -Path c:\\web.pfx -BinaryEncoded -Password $pw`);
    // A bare certificate: request, CA, drop the request, import the response.
    await ok(lab, "New-ExchangeCertificate -GenerateRequest -Path c:\\bare.req -SubjectName 'cn=bare.proexchange.global'");
    await ok(lab, 'Submit-LabCertificateRequest c:\\bare.req c:\\bare.cer | Out-Null');
    await ok(lab, "Get-ExchangeCertificate | Where-Object { $_.Status -eq 'PendingRequest' } | Remove-ExchangeCertificate -Confirm:$false");
    bare = await ok(lab, '(Import-ExchangeCertificate -Path c:\\bare.cer).Thumbprint');
    await ok(lab, "New-ExchangeCertificate -GenerateRequest -Path c:\\pending.req -SubjectName 'cn=pending.proexchange.global'");
    pending = await ok(lab, "(Get-ExchangeCertificate | Where-Object { $_.Status -eq 'PendingRequest' }).Thumbprint");
    writeFileSync(join(lab.drive(), 'garbage.pfx'), Buffer.from([0x30, 0x82, 0x01, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0xff, 0x13]));
    const cer = readFileSync(join(lab.drive(), 'bare.cer'), 'ascii');
    writeFileSync(join(lab.drive(), 'cut.cer'), cer.slice(0, 200)); // no END line
    writeFileSync(join(lab.drive(), 'cut-body.cer'), cer.slice(0, 300) + '\r\n-----END CERTIFICATE-----\r\n'); // body cut short
    writeFileSync(join(lab.drive(), 'text.cer'), 'this is not a certificate\r\n');
  }, 60_000);
  afterAll(() => lab.c.close());

  it('has the objects the cases need', () => {
    for (const t of [setup, web, pending, bare]) expect(t).toMatch(/^[0-9A-F]{40}$/);
  });

  describe('wrong types', () => {
    it('-KeySize abc', () =>
      refused(lab, 'New-ExchangeCertificate -KeySize abc -Services None',
        `New-ExchangeCertificate : Cannot bind parameter 'KeySize'. Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."`,
        'CannotConvertArgumentNoMessage,Microsoft.Exchange.Management.SystemConfigurationTasks.NewExchangeCertificate'));

    it('-Services FOO on New and Enable', async () => {
      const enumText = `Cannot convert value "FOO" to type "Microsoft.Exchange.Data.Directory.SystemConfiguration.AllowedServices". Error: "Unable to match the identifier name FOO to a valid enumerator name. Specify one of the following enumerator names and try again:\nNone, IMAP, POP, UM, IIS, SMTP"`;
      await refused(lab, 'New-ExchangeCertificate -Services FOO', `New-ExchangeCertificate : Cannot bind parameter 'Services'. ${enumText}`);
      await refused(lab, `Enable-ExchangeCertificate ${web} -Services FOO`, `Enable-ExchangeCertificate : Cannot bind parameter 'Services'. ${enumText}`);
      await refused(lab, `Enable-ExchangeCertificate ${web} -Services 'IIS, FOO'`, 'Unable to match the identifier name IIS, FOO to a valid enumerator name.');
    });

    it("-PrivateKeyExportable 'maybe'", () =>
      refused(lab, "New-ExchangeCertificate -SubjectName cn=x.proexchange.global -PrivateKeyExportable 'maybe' -Services None",
        `New-ExchangeCertificate : Cannot bind parameter 'PrivateKeyExportable'. Cannot convert value "System.String" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.`));

    it('a $null thumbprint', () =>
      refused(lab, 'Enable-ExchangeCertificate -Thumbprint $null -Services IIS', "Cannot bind argument to parameter 'Thumbprint' because it is null."));
  });

  describe('unknown thumbprints', () => {
    const cases: [string, string, string][] = [
      ['Get-ExchangeCertificate', `Get-ExchangeCertificate -Thumbprint ${UNKNOWN}`, UNKNOWN],
      ['Enable-ExchangeCertificate', `Enable-ExchangeCertificate -Thumbprint ${UNKNOWN} -Services IIS`, UNKNOWN],
      ['Export-ExchangeCertificate', `Export-ExchangeCertificate -Thumbprint ${UNKNOWN} -Path c:\\unknown.pfx -Password $pw`, UNKNOWN],
      ['Remove-ExchangeCertificate', `Remove-ExchangeCertificate -Thumbprint ${UNKNOWN} -Confirm:$false`, UNKNOWN],
      // Renewal by pipe of a certificate that is not there: Get fails, New gets nothing to renew.
      ['Get-ExchangeCertificate', `Get-ExchangeCertificate ${UNKNOWN.toLowerCase()} | New-ExchangeCertificate -Force`, UNKNOWN.toLowerCase()],
    ];
    for (const [name, cmd, shown] of cases) {
      it(cmd, async () => {
        const out = await refused(lab, cmd, `${name} : ${NOT_FOUND(shown)}`);
        expect(out).toContain(`+ FullyQualifiedErrorId : F17B8D26,Microsoft.Exchange.Management.SystemConfigurationTasks.${name.replace('-', '')}`);
        expect(out).toContain(`ObjectNotFound: (${shown}:String)`);
      });
    }
    it('nothing was written by the failed export', () => expect(lab.c.run('Test-Path c:\\unknown.pfx').then((r) => r.out)).resolves.toBe('False\n'));
  });

  describe('missing files', () => {
    it('Import-ExchangeCertificate -Path c:\\nope.pfx', () =>
      refused(lab, 'Import-ExchangeCertificate -Path c:\\nope.pfx -Password $pw', "Import-ExchangeCertificate : Could not find file 'C:\\nope.pfx'.", 'FileNotFoundException'));

    it('Submit-LabCertificateRequest on a missing file', () =>
      refused(lab, 'Submit-LabCertificateRequest -Path c:\\nope.req -OutFile c:\\nope.cer',
        "Submit-LabCertificateRequest : Cannot find path 'C:\\nope.req' because it does not exist.",
        '[Submit-LabCertificateRequest], ItemNotFoundException'));

    it('an unknown machine in a UNC path', () =>
      refused(lab, 'Import-ExchangeCertificate -Path \\\\NOSUCH\\c$\\web.pfx -Password $pw',
        "Import-ExchangeCertificate : Cannot find path '\\\\NOSUCH\\c$\\web.pfx' because it does not exist."));

    it('a request file in a folder that does not exist', () =>
      refused(lab, "New-ExchangeCertificate -GenerateRequest -Path c:\\nodir\\x.req -SubjectName 'cn=x.proexchange.global'",
        "New-ExchangeCertificate : The request data cannot be written to the file for the following reason: Could not find a part of the path 'C:\\nodir\\x.req'."));

    it('an export into a folder that does not exist', () =>
      refused(lab, `Export-ExchangeCertificate ${web} -Path c:\\nodir\\x.pfx -BinaryEncoded -Password $pw`,
        "Export-ExchangeCertificate : The exported data cannot be written to the file for the following reason: Could not find a part of the path 'C:\\nodir\\x.pfx'."));

    it('a CA response into a folder that does not exist', () =>
      refused(lab, 'Submit-LabCertificateRequest c:\\pending.req c:\\nodir\\x.cer', "Submit-LabCertificateRequest : Could not find a part of the path 'C:\\nodir\\x.cer'."));
  });

  describe('unreadable or malformed data', () => {
    it('garbage bytes as a .pfx', () => refused(lab, 'Import-ExchangeCertificate -Path c:\\garbage.pfx -Password $pw', `Import-ExchangeCertificate : ${BAD_DATA}`));
    it('garbage bytes as -FileData', () => refused(lab, 'Import-ExchangeCertificate -FileData ([byte[]](1,2,3)) -Password $pw', `Import-ExchangeCertificate : ${BAD_DATA}`));
    it('a PEM without its END line', () => refused(lab, 'Import-ExchangeCertificate -Path c:\\cut.cer', `Import-ExchangeCertificate : ${BAD_BASE64}`));
    it('a PEM whose body is cut short', () => refused(lab, 'Import-ExchangeCertificate -Path c:\\cut-body.cer', 'Import-ExchangeCertificate : The source data '));
    it('text that is no certificate', () => refused(lab, 'Import-ExchangeCertificate -Path c:\\text.cer', 'Import-ExchangeCertificate : The source data '));
    it('a request given to Import', () => refused(lab, 'Import-ExchangeCertificate -Path c:\\pending.req', `Import-ExchangeCertificate : ${BAD_DATA}`));
    it('garbage given to the lab CA', () =>
      refused(lab, 'Submit-LabCertificateRequest c:\\garbage.pfx c:\\garbage.cer',
        'Submit-LabCertificateRequest : The certification authority denied the request: C:\\garbage.pfx does not contain a PKCS #10 certificate request.'));
    it('an empty -FileData', () =>
      refused(lab, 'Import-ExchangeCertificate -FileData ([byte[]]@())',
        "Import-ExchangeCertificate : Cannot bind argument to parameter 'FileData' because it is an empty array."));
  });

  describe('passwords and keys', () => {
    it('a wrong PFX password', async () => {
      await ok(lab, `Remove-ExchangeCertificate ${web} -Confirm:$false`);
      try {
        await refused(lab, "Import-ExchangeCertificate -Path c:\\web.pfx -Password (ConvertTo-SecureString 'wrong' -AsPlainText -Force)", `Import-ExchangeCertificate : ${BAD_DATA}`);
        await refused(lab, 'Import-ExchangeCertificate -Path c:\\web.pfx', `Import-ExchangeCertificate : ${BAD_DATA}`);
      } finally {
        await ok(lab, 'Import-ExchangeCertificate -Path c:\\web.pfx -Password $pw -PrivateKeyExportable $true | Out-Null');
      }
    });

    it('importing a certificate that is already there', () =>
      refused(lab, 'Import-ExchangeCertificate -Path c:\\web.pfx -Password $pw', `Cannot import certificate. A certificate with the thumbprint ${web} already exists.`));

    it('exporting a key that is not exportable (the setup certificate)', () =>
      refused(lab, `Export-ExchangeCertificate -Thumbprint ${setup} -Path c:\\setup.pfx -BinaryEncoded -Password $pw`,
        "Export-ExchangeCertificate : The private key couldn't be exported as PKCS-12. It either couldn't be accessed or isn't exportable."));

    it('exporting without a password', () =>
      refused(lab, `Export-ExchangeCertificate -Thumbprint ${web} -Path c:\\nopw.pfx -BinaryEncoded`,
        'Export-ExchangeCertificate : Exporting a certificate with its private key requires that a password be specified to protect the private key.'));

    it('exporting a certificate without a private key', () =>
      refused(lab, `Export-ExchangeCertificate -Thumbprint ${bare} -Path c:\\bare.pfx -BinaryEncoded -Password $pw`,
        'Export-ExchangeCertificate : The certificate does not have a private key. Certificates without a private key cannot be exported as PKCS-12.'));

    it('exporting over an existing file without -Force', () =>
      refused(lab, `Export-ExchangeCertificate -Thumbprint ${web} -Path c:\\web.pfx -BinaryEncoded -Password $pw`,
        "Export-ExchangeCertificate : The exported data cannot be written to the file for the following reason: The file 'C:\\web.pfx' already exists."));

    it('enabling a certificate without its key, or a pending request', async () => {
      await refused(lab, `Enable-ExchangeCertificate ${bare} -Services IIS -DoNotRequireSSL`,
        `The certificate with thumbprint ${bare} was found but is not valid for use with Exchange Server (reason: PrivateKeyMissing).`);
      await refused(lab, `Enable-ExchangeCertificate ${pending} -Services IIS -DoNotRequireSSL`,
        `The certificate with thumbprint ${pending} was found but is not valid for use with Exchange Server (reason: PendingRequest).`);
    });
  });

  describe('refusals', () => {
    it('removing the internal transport certificate', () =>
      refused(lab, `Remove-ExchangeCertificate -Thumbprint ${setup} -Confirm:$false`,
        'Remove-ExchangeCertificate : The internal transport certificate cannot be removed because that would cause the Microsoft Exchange Transport service to stop. To replace the internal transport certificate, create a new certificate. The new certificate will automatically become the internal transport certificate. You can then remove the existing certificate.'));

    it('a request file that already exists', () =>
      refused(lab, "New-ExchangeCertificate -GenerateRequest -Path c:\\pending.req -SubjectName 'cn=x.proexchange.global'",
        'New-ExchangeCertificate : Please use a valid file name when you run the New-ExchangeCertificate cmdlet on server Ex2007EE with the -Path parameter. The file should not exist in target folder.'));

    it('New-ExchangeCertificate with an invalid domain name, key size, subject or friendly name', async () => {
      await refused(lab, "New-ExchangeCertificate -DomainName 'web mail!.proexchange.global' -Services None",
        'New-ExchangeCertificate : Domain name web mail!.proexchange.global is not valid for a certificate.');
      await refused(lab, "New-ExchangeCertificate -SubjectName 'cn=x.proexchange.global' -DomainName 'a..proexchange.global' -Services None",
        'Domain name a..proexchange.global is not valid for a certificate.');
      await refused(lab, 'New-ExchangeCertificate -KeySize 3000 -Services None', 'New-ExchangeCertificate : 3000 is not a valid key size. Valid key sizes are 4096, 2048, and 1024.');
      await refused(lab, "New-ExchangeCertificate -SubjectName 'cn=webmail' -DomainName webmail -Services None",
        'New-ExchangeCertificate : You must specify at least one valid fully qualified domain name (FQDN) for either the Subject or the DomainName parameter.');
      await refused(lab, `New-ExchangeCertificate -SubjectName 'cn=x.proexchange.global' -FriendlyName ('x' * 64) -Services None`,
        'New-ExchangeCertificate : The friendly name is too long. The maximum allowed length is 63 characters.');
      await refused(lab, "New-ExchangeCertificate -SubjectName 'garbage' -Services None", 'New-ExchangeCertificate : The subject name "garbage" is not a valid X.500 distinguished name.');
    });

    it('a question a non-interactive session cannot ask', async () => {
      await refused(lab, `Remove-ExchangeCertificate -Thumbprint ${web}`, 'Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.');
      await refused(lab, `Enable-ExchangeCertificate -Thumbprint ${web} -Services SMTP`, 'Windows PowerShell is in NonInteractive mode.');
      await refused(lab, "New-ExchangeCertificate -SubjectName 'cn=smtp.proexchange.global' -Services SMTP", 'Windows PowerShell is in NonInteractive mode.');
      expect((await lab.c.run(`(Get-ExchangeCertificate -Thumbprint ${web}).Subject`)).out).toBe('CN=webmail.proexchange.global\n');
    });

    it('enabling UM on Ex2007SE (no Unified Messaging role)', async () => {
      await ok(lab, 'Enter-LabServer Ex2007SE');
      const t = await ok(lab, '(Get-ExchangeCertificate)[0].Thumbprint');
      await refused(lab, `Enable-ExchangeCertificate -Thumbprint ${t} -Services UM`, `Enable-ExchangeCertificate : ${NOT_INSTALLED}`);
      await refused(lab, "New-ExchangeCertificate -SubjectName 'cn=um.proexchange.global' -Services 'SMTP, UM'", `New-ExchangeCertificate : ${NOT_INSTALLED}`);
    });

    it('enabling IIS on EDGE01', async () => {
      await ok(lab, 'Enter-LabServer EDGE01');
      const t = await ok(lab, '(Get-ExchangeCertificate)[0].Thumbprint');
      for (const services of ['IIS', 'POP', "'SMTP, IMAP'"]) {
        await refused(lab, `Enable-ExchangeCertificate -Thumbprint ${t} -Services ${services}`, `Enable-ExchangeCertificate : ${NOT_INSTALLED}`);
      }
      await ok(lab, 'Enter-LabServer Ex2007EE');
    });
  });
});

describe('expired certificates (the lab clock two years on)', () => {
  let lab: Lab;
  beforeAll(async () => {
    // Set up today, then come back two years later: the setup certificates have expired.
    const today = await openLab();
    await today.c.close();
    const later = new Date(Date.now() + 2 * 365 * 24 * 3600 * 1000);
    const c = await capturedSession({ home: today.home, now: () => later });
    lab = { ...today, c };
  });
  afterAll(() => lab.c.close());

  it('are refused for IIS and for UM with the Exchange messages', async () => {
    const t = (await lab.c.run('(Get-ExchangeCertificate)[0].Thumbprint')).out.trim();
    expect((await lab.c.run(`(Get-ExchangeCertificate ${t}).Status`)).out).toBe('DateInvalid\n');
    await refused(lab, `Enable-ExchangeCertificate ${t} -Services IIS -DoNotRequireSSL`,
      `The certificate with thumbprint ${t} was found but is not valid for use with Exchange Server (reason: DateInvalid).`);
    await refused(lab, `Enable-ExchangeCertificate ${t} -Services UM`,
      `The certificate with thumbprint '${t}' has expired; therefore, it can't be associated with Exchange Unified Messaging.`);
  });
});

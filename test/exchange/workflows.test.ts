// The article's certificate workflows, typed as an admin types them, checked on the objects the
// cmdlets return (session.evaluate) and on what the shell prints. The lab clock is fixed, so
// dates are exact. The prompts are answered by an interactive host fed scripted keys.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSession, openLab, type Lab } from '../../src/compose.js';
import type { Session } from '../../src/engine/session.js';
import { PlainHost } from '../../src/host/plain-host.js';
import { labPaths, machineDrive } from '../../src/store/lab-home.js';
import type { PSObject } from '../../src/protocol/values.js';
import { fixtureKeySource } from '../helpers/keys.js';
import { capturedSession, tempHome, type Captured, labFiles } from '../helpers/run.js';

const NOW = new Date(2026, 10, 26, 9, 30, 0); // Thursday, November 26, 2026 9:30:00 AM (local)
const T = /^[0-9A-F]{40}$/;
const CONFIRM_LINE = '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is "Y"): ';
const CONFIRM_LINE_SUSPEND = '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): ';

/** Evaluates text that must not fail; returns the objects it output. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read members of whatever the script returned
async function ev(c: Captured, script: string): Promise<any[]> {
  const { output, errors } = await c.session.evaluate(script);
  expect(errors.map((e) => e.message), script).toEqual([]);
  return output;
}
const one = async (c: Captured, script: string): Promise<PSObject> => {
  const out = await ev(c, script);
  expect(out, script).toHaveLength(1);
  return out[0] as PSObject;
};
const printed = async (c: Captured, script: string) => (await c.run(script)).out;


/** CertificateDomains are SmtpDomainWithSubdomains objects; their text is the domain. */
const domainTexts = (v: unknown) => (v as unknown[]).map(String);
describe("the article's workflows", () => {
  let c: Captured;
  let home: string;
  beforeAll(async () => {
    home = tempHome();
    c = await capturedSession({ home, now: () => NOW });
    await ev(c, "$pw = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force");
  });
  afterAll(() => c.close());

  it('lists the self-signed certificate setup made, and shows it with Format-List', async () => {
    const [cert, ...rest] = await ev(c, 'Get-ExchangeCertificate');
    expect(rest).toEqual([]);
    const t = cert.get('Thumbprint') as string;
    expect(t).toMatch(T);
    expect(await printed(c, 'Get-ExchangeCertificate')).toBe(
      `\nThumbprint                                Services   Subject\n----------                                --------   -------\n${t}  IPUWS      CN=Ex2007EE\n\n\n`,
    );
    const fl = (await printed(c, 'Get-ExchangeCertificate | fl')).split('\n').filter((l) => l.trim() !== '');
    expect(fl.map((l) => l.split(':')[0]!.trim()).filter((k) => !k.startsWith('ule,'))).toEqual([
      'AccessRules', 'CertificateDomains', 'HasPrivateKey', 'IsSelfSigned', 'Issuer', 'NotAfter', 'NotBefore',
      'PublicKeySize', 'RootCAType', 'SerialNumber', 'Services', 'Status', 'Subject', 'Thumbprint',
    ]);
    expect(fl).toEqual(expect.arrayContaining([
      'CertificateDomains : {Ex2007EE, Ex2007EE.proexchange.local}',
      'HasPrivateKey      : True',
      'IsSelfSigned       : True',
      'Issuer             : CN=Ex2007EE',
      'NotAfter           : 9/27/2027 9:30:00 AM',
      'NotBefore          : 9/27/2026 9:30:00 AM',
      'PublicKeySize      : 2048',
      'RootCAType         : None',
      'Services           : IMAP, POP, UM, IIS, SMTP',
      'Status             : Valid',
      'Subject            : CN=Ex2007EE',
      `Thumbprint         : ${t}`,
    ]));
    expect(cert.get('PrivateKeyExportable')).toBe(false);
    expect(cert.get('FriendlyName')).toBe('Microsoft Exchange');
  });

  it('renews it by pipe: a new thumbprint, the same names, and the services (IIS) move to the new one', async () => {
    const old = await one(c, 'Get-ExchangeCertificate -DomainName Ex2007EE.proexchange.local');
    const renewed = await one(c, 'Get-ExchangeCertificate -DomainName Ex2007EE.proexchange.local | New-ExchangeCertificate -Force');
    expect(renewed.get('Thumbprint')).not.toBe(old.get('Thumbprint'));
    for (const p of ['Subject', 'PublicKeySize', 'FriendlyName']) expect(renewed.get(p)).toEqual(old.get(p));
    expect(domainTexts(renewed.get('CertificateDomains'))).toEqual(['Ex2007EE', 'Ex2007EE.proexchange.local']);
    expect(renewed.get('Services')?.toString()).toBe('IMAP, POP, UM, IIS, SMTP');
    expect(renewed.get('NotBefore')).toEqual(NOW);
    // IIS has one certificate: the old one keeps the rest. -Force made the new one the internal
    // transport certificate, so the old one can now be removed.
    expect((await one(c, `Get-ExchangeCertificate ${old.get('Thumbprint')}`)).get('Services')?.toString()).toBe('IMAP, POP, UM, SMTP');
    expect(await printed(c, `Get-ExchangeCertificate | Format-Table Thumbprint, ServicesStringForm -HideTableHeaders`)).toContain(`${old.get('Thumbprint')} IPU.S`);
    expect(await printed(c, `Remove-ExchangeCertificate ${old.get('Thumbprint')} -Confirm:$false`)).toBe('');
    expect((await ev(c, 'Get-ExchangeCertificate')).map((o) => o.get('Thumbprint'))).toEqual([renewed.get('Thumbprint')]);
  }, 30_000);

  it('creates cn=webmail.proexchange.global with the server names and an exportable key, exports and re-imports the PFX', async () => {
    const web = await one(c, "New-ExchangeCertificate -SubjectName 'cn=webmail.proexchange.global' -DomainName webmail.proexchange.global, Ex2007EE, Ex2007EE.proexchange.local -PrivateKeyExportable $true -Services None");
    const t = web.get('Thumbprint') as string;
    expect(web.get('Subject')).toBe('CN=webmail.proexchange.global');
    expect(domainTexts(web.get('CertificateDomains'))).toEqual(['webmail.proexchange.global', 'Ex2007EE', 'Ex2007EE.proexchange.local']);
    expect(web.get('PrivateKeyExportable')).toBe(true);
    expect(web.get('Services')?.toString()).toBe('None');
    expect(web.get('NotAfter')).toEqual(new Date(2027, 10, 26, 9, 30, 0));

    expect(await printed(c, `Export-ExchangeCertificate -Thumbprint ${t} -Path c:\\webmail.pfx -BinaryEncoded:$true -Password $pw`)).toBe('');
    const pfx = join(machineDrive(home, 'default', 'Ex2007EE'), 'webmail.pfx');
    expect(readFileSync(pfx)[0]).toBe(0x30); // DER: a PKCS#12 SEQUENCE
    expect(await printed(c, `Remove-ExchangeCertificate -Thumbprint ${t} -Confirm:$false`)).toBe('');
    expect(await ev(c, `Get-ExchangeCertificate | Where-Object { $_.Thumbprint -eq '${t}' }`)).toEqual([]);
    const back = await one(c, 'Import-ExchangeCertificate -Path c:\\webmail.pfx -Password $pw');
    expect(back.get('Thumbprint')).toBe(t);
    expect(back.get('HasPrivateKey')).toBe(true);
    expect(domainTexts(back.get('CertificateDomains'))).toEqual(domainTexts(web.get('CertificateDomains')));
    expect(back.get('PrivateKeyExportable')).toBe(false); // Import's default, unless -PrivateKeyExportable $true
    // The imported certificate pipes into Enable (Thumbprint by property name).
    expect(await printed(c, `Get-ExchangeCertificate ${t} | Enable-ExchangeCertificate -Services IIS -DoNotRequireSSL`)).toBe('');
    expect((await one(c, `Get-ExchangeCertificate ${t}`)).get('Services')?.toString()).toBe('IIS');
  }, 30_000);

  it('imports -FileData from [System.IO.File]::ReadAllBytes and from Get-Content -Encoding Byte -ReadCount 0', async () => {
    const t = (await one(c, "New-ExchangeCertificate -SubjectName 'cn=owa.proexchange.global' -PrivateKeyExportable $true -Services None")).get('Thumbprint');
    await ev(c, `Export-ExchangeCertificate ${t} -Path c:\\owa.pfx -BinaryEncoded -Password $pw; Remove-ExchangeCertificate ${t} -Confirm:$false`);
    const a = await one(c, "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('c:\\owa.pfx')) -Password $pw");
    expect([a.get('Thumbprint'), a.get('HasPrivateKey')]).toEqual([t, true]);
    await ev(c, `Remove-ExchangeCertificate ${t} -Confirm:$false`);
    const b = await one(c, 'Import-ExchangeCertificate -FileData (Get-Content c:\\owa.pfx -Encoding Byte -ReadCount 0) -Password $pw');
    expect([b.get('Thumbprint'), b.get('HasPrivateKey')]).toEqual([t, true]);
    await ev(c, `Remove-ExchangeCertificate ${t} -Confirm:$false`);
    const d = await one(c, 'Import-ExchangeCertificate -FileData ([Byte[]](Get-Content -Path c:\\owa.pfx -Encoding Byte -ReadCount 0)) -Password $pw');
    expect(d.get('Thumbprint')).toBe(t);
    await ev(c, `Remove-ExchangeCertificate ${t} -Confirm:$false`);
  }, 30_000);

  it('request -> Submit-LabCertificateRequest -> Import completes it -> Enable for IIS', async () => {
    expect(await printed(c, "New-ExchangeCertificate -GenerateRequest -Path c:\\mail.req -SubjectName 'c=US, o=ProExchange, cn=mail.proexchange.global' -DomainName mail.proexchange.global, autodiscover.proexchange.global -PrivateKeyExportable $true")).toBe('');
    const req = await one(c, "Get-ExchangeCertificate | Where-Object { $_.Status -eq 'PendingRequest' }");
    expect(req.get('Subject')).toBe('C=US, O=ProExchange, CN=mail.proexchange.global');
    expect(domainTexts(req.get('CertificateDomains'))).toEqual(['mail.proexchange.global', 'autodiscover.proexchange.global']);
    expect(readFileSync(join(machineDrive(home, 'default', 'Ex2007EE'), 'mail.req'), 'utf8')).toMatch(/^-----BEGIN NEW CERTIFICATE REQUEST-----\r\n[A-Za-z0-9+/=\r\n]+-----END NEW CERTIFICATE REQUEST-----\r\n$/);

    const issued = await one(c, 'Submit-LabCertificateRequest -Path c:\\mail.req -OutFile c:\\mail.cer');
    expect(issued.get('Status')?.toString()).toBe('Issued');
    const cert = await one(c, 'Import-ExchangeCertificate -Path c:\\mail.cer');
    expect(cert.get('Thumbprint')).toBe(issued.get('Thumbprint'));
    expect(cert.get('HasPrivateKey')).toBe(true);
    expect(cert.get('RootCAType')?.toString()).toBe('Enterprise');
    expect(cert.get('Status')?.toString()).toBe('Valid');
    expect(cert.get('IsSelfSigned')).toBe(false);
    expect(cert.get('Issuer')).toBe('CN=ProExchange Root CA, DC=proexchange, DC=local');
    expect(cert.get('PrivateKeyExportable')).toBe(true); // the request's choice carries over
    expect(await ev(c, "Get-ExchangeCertificate | Where-Object { $_.Status -eq 'PendingRequest' }")).toEqual([]);

    expect(await printed(c, `Enable-ExchangeCertificate -Thumbprint ${cert.get('Thumbprint')} -Services IIS -DoNotRequireSSL`)).toBe('');
    const iis = (await ev(c, 'Get-ExchangeCertificate')).filter((o) => String(o.get('Services')?.toString()).includes('IIS'));
    expect(iis.map((o) => o.get('Thumbprint'))).toEqual([cert.get('Thumbprint')]);
  }, 30_000);

  it('Get-ExchangeCertificate -DomainName puts the best match first', async () => {
    // A wildcard from the CA, and a self-signed exact name: CA exact > self-signed exact > wildcard.
    await ev(c, "New-ExchangeCertificate -GenerateRequest -Path c:\\wild.req -SubjectName 'cn=*.proexchange.global' -DomainName '*.proexchange.global'");
    await ev(c, 'Submit-LabCertificateRequest c:\\wild.req c:\\wild.cer | Out-Null');
    const wild = (await one(c, 'Import-ExchangeCertificate c:\\wild.cer')).get('Thumbprint');
    const self = (await one(c, "New-ExchangeCertificate -SubjectName 'cn=mail.proexchange.global' -Services None")).get('Thumbprint');
    const ca = (await one(c, "Get-ExchangeCertificate | Where-Object { $_.Subject -like '*CN=mail.proexchange.global' -and -not $_.IsSelfSigned }")).get('Thumbprint');
    expect((await ev(c, 'Get-ExchangeCertificate -DomainName mail.proexchange.global')).map((o) => o.get('Thumbprint'))).toEqual([ca, self, wild]);
    expect((await ev(c, 'Get-ExchangeCertificate -DomainName owa.proexchange.global')).map((o) => o.get('Thumbprint'))).toEqual([wild]);
    expect(await ev(c, 'Get-ExchangeCertificate -DomainName a.b.proexchange.global')).toEqual([]); // a wildcard covers one label
    // Names match case-insensitively; webmail carries the server FQDN too.
    expect((await ev(c, 'Get-ExchangeCertificate -DomainName EX2007EE.PROEXCHANGE.LOCAL')).map((o) => o.get('Subject')).sort()).toEqual(['CN=Ex2007EE', 'CN=webmail.proexchange.global']);
  }, 30_000);

  it('-WhatIf on New, Enable, Remove and Export prints "What if:" and changes nothing', async () => {
    const t = (await one(c, "New-ExchangeCertificate -SubjectName 'cn=portal.proexchange.global' -PrivateKeyExportable $true -Services None")).get('Thumbprint');
    const { state } = labPaths(home, 'default');
    const before = labFiles(state);
    const out = await printed(c, [
      "New-ExchangeCertificate -SubjectName 'cn=whatif.proexchange.global' -DomainName whatif.proexchange.global -Services None -WhatIf",
      "New-ExchangeCertificate -GenerateRequest -Path c:\\whatif.req -SubjectName 'cn=whatif.proexchange.global' -WhatIf",
      `Enable-ExchangeCertificate ${t} -Services 'POP, IMAP' -WhatIf`,
      `Remove-ExchangeCertificate ${t} -WhatIf`,
      `Export-ExchangeCertificate ${t} -Path c:\\whatif.pfx -BinaryEncoded -Password $pw -WhatIf`,
    ].join('\n'));
    expect(out).toBe([
      'What if: Generate Certificate:\tFriendlyName="Microsoft Exchange",\tSubjectName="CN=whatif.proexchange.global",\tDomainName="whatif.proexchange.global",\tServices="None",\tKeySize="2048"',
      'What if: Generate Certificate Request:\tFriendlyName="Microsoft Exchange",\tSubjectName="CN=whatif.proexchange.global",\tDomainName="",\tServices="None",\tKeySize="2048"',
      `What if: Enable certificate with thumbprint ${t}?`,
      `What if: Remove certificate with thumbprint ${t} from the computer's certificate store?`,
      `What if: Exporting the certificate with thumbprint ${t}.`,
      '',
    ].join('\n'));
    expect(labFiles(state).equals(before)).toBe(true);
    expect(await printed(c, `Test-Path c:\\whatif.req; Test-Path c:\\whatif.pfx; (Get-ExchangeCertificate ${t}).Services`)).toBe('False\nFalse\nNone\n');
  });

  it('Remove-ExchangeCertificate without -Confirm:$false cannot ask in a non-interactive session', async () => {
    const t = (await one(c, "(Get-ExchangeCertificate -DomainName webmail.proexchange.global)[0]")).get('Thumbprint');
    expect(await printed(c, `Remove-ExchangeCertificate -Thumbprint ${t}`)).toContain('Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.');
    expect(await ev(c, `Get-ExchangeCertificate ${t}`)).toHaveLength(1);
  });

  it('\\\\EDGE01\\c$ paths reach the Edge server drive', async () => {
    const t = (await one(c, "(Get-ExchangeCertificate -DomainName portal.proexchange.global)[0]")).get('Thumbprint');
    expect(await printed(c, `Export-ExchangeCertificate ${t} -Path \\\\EDGE01\\c$\\portal.pfx -BinaryEncoded -Password $pw`)).toBe('');
    expect(existsSync(join(machineDrive(home, 'default', 'EDGE01'), 'portal.pfx'))).toBe(true);
    expect(existsSync(join(machineDrive(home, 'default', 'Ex2007EE'), 'portal.pfx'))).toBe(false);
    expect(await printed(c, 'Test-Path \\\\EDGE01\\c$\\portal.pfx; Test-Path \\\\edge01\\C$\\PORTAL.PFX; Test-Path c:\\portal.pfx')).toBe('True\nTrue\nFalse\n');
  });

  it('Enter-LabServer EDGE01: its own certificates, and files land on its drive', async () => {
    await ev(c, 'Enter-LabServer EDGE01');
    const edge = await ev(c, 'Get-ExchangeCertificate');
    expect(edge.map((o) => [o.get('Subject'), o.get('Services')?.toString(), domainTexts(o.get('CertificateDomains'))])).toEqual([
      ['CN=EDGE01', 'SMTP', ['EDGE01', 'EDGE01.proexchange.global']],
    ]);
    expect(await printed(c, 'Get-ExchangeCertificate | Format-Table -HideTableHeaders')).toMatch(/^\n[0-9A-F]{40} {2}\.{4}S {6}CN=EDGE01\n\n\n$/);
    // The PFX copied over from Ex2007EE imports here, with its key.
    const imported = await one(c, 'Import-ExchangeCertificate -Path c:\\portal.pfx -Password $pw');
    expect(imported.get('HasPrivateKey')).toBe(true);
    expect(imported.get('Status')?.toString()).toBe('Valid'); // self-signed: trusted as itself
    await ev(c, "New-ExchangeCertificate -GenerateRequest -Path c:\\edge.req -SubjectName 'cn=edge.proexchange.global'");
    expect(existsSync(join(machineDrive(home, 'default', 'EDGE01'), 'edge.req'))).toBe(true);
    expect(existsSync(join(machineDrive(home, 'default', 'Ex2007EE'), 'edge.req'))).toBe(false);
    // A certificate from the enterprise CA is Untrusted on the Edge (not a domain member).
    await ev(c, 'Submit-LabCertificateRequest c:\\edge.req c:\\edge.cer | Out-Null');
    const fromCa = await one(c, 'Import-ExchangeCertificate -Path c:\\edge.cer');
    expect([fromCa.get('HasPrivateKey'), fromCa.get('Status')?.toString()]).toEqual([true, 'Untrusted']);
    expect(await printed(c, '$env:COMPUTERNAME')).toBe('EDGE01\n');
    await ev(c, 'Enter-LabServer Ex2007EE');
    expect((await ev(c, 'Get-ExchangeCertificate')).some((o) => o.get('Subject') === 'CN=Ex2007EE')).toBe(true);
  }, 30_000);
});

// ---------------------------------------------------------------------------------------------
// Prompts, through the plain host in interactive mode: the keys are typed when the question is
// on screen, so the printed text is exactly what a console shows.

interface Interactive {
  session: Session;
  lab: Lab;
  /** Runs text answering each question with the next key; returns what was printed. */
  run(script: string, ...keys: string[]): Promise<string>;
  close(): Promise<void>;
}

async function interactiveSession(): Promise<Interactive> {
  let buf = '';
  let keys: string[] = [];
  const input = new PassThrough();
  const out = new Writable({
    write(chunk, _enc, cb) {
      const s = chunk.toString();
      buf += s;
      if (s.includes('[?] Help (default is')) {
        const key = keys.shift();
        if (key === undefined) throw new Error(`unexpected question:\n${buf}`);
        setImmediate(() => input.write(`${key}\n`));
      }
      cb();
    },
  });
  const host = new PlainHost({ out, input, interactive: true, color: false, width: 120 });
  const lab = await openLab({ home: tempHome(), lab: 'default', keys: fixtureKeySource(), now: () => NOW });
  const session = composeSession({ host, lab });
  return {
    session,
    lab,
    async run(script, ...answers) {
      keys = answers;
      const start = buf.length;
      await session.execute(script);
      expect(keys, 'unanswered keys').toEqual([]);
      return buf.slice(start);
    },
    close: () => lab.close(),
  };
}

describe('questions (interactive host)', () => {
  let s: Interactive;
  let setup: string;
  let next: string;
  beforeAll(async () => {
    s = await interactiveSession();
    setup = s.lab.org.current.state.internalTransportThumbprint!;
    next = (await s.run("(New-ExchangeCertificate -SubjectName 'cn=smtp.proexchange.global' -DomainName smtp.proexchange.global -Services None).Thumbprint")).trim();
  });
  afterAll(() => s.close());

  const overwrite = () =>
    `Confirm\nOverwrite the existing default SMTP certificate?\n\nCurrent certificate: '${setup}' (expires 9/27/2027 9:30:00 AM)\nReplace it with certificate: '${next}' (expires 11/26/2027 9:30:00 AM)\n${CONFIRM_LINE}`;

  it('the SMTP overwrite question; No keeps the internal transport certificate but SMTP is enabled', async () => {
    expect(setup).toMatch(T);
    expect(next).toMatch(T);
    expect(await s.run(`Enable-ExchangeCertificate -Thumbprint ${next} -Services SMTP`, 'N')).toBe(overwrite());
    expect(s.lab.org.current.state.internalTransportThumbprint).toBe(setup);
    expect(await s.run(`(Get-ExchangeCertificate ${next}).Services`)).toBe('SMTP\n');
    // The setup certificate is still the one transport needs.
    expect(await s.run(`Remove-ExchangeCertificate ${setup} -Confirm:$false`)).toContain('The internal transport certificate cannot be removed');
  });

  it('Yes replaces the internal transport certificate', async () => {
    expect(await s.run(`Enable-ExchangeCertificate -Thumbprint ${next} -Services SMTP`, 'Y')).toBe(overwrite());
    expect(s.lab.org.current.state.internalTransportThumbprint).toBe(next);
    // Asking again for the certificate that already is the default asks nothing.
    expect(await s.run(`Enable-ExchangeCertificate -Thumbprint ${next} -Services SMTP`)).toBe('');
  });

  it('New-ExchangeCertificate -Services SMTP asks the same question', async () => {
    const out = await s.run("$n = New-ExchangeCertificate -SubjectName 'cn=smtp2.proexchange.global' -DomainName smtp2.proexchange.global -Services SMTP; $n.Thumbprint", 'N');
    const made = out.trim().slice(-40); // typed keys are not echoed: the output follows the question
    expect(made).toMatch(T);
    expect(out).toBe(
      `Confirm\nOverwrite the existing default SMTP certificate?\n\nCurrent certificate: '${next}' (expires 11/26/2027 9:30:00 AM)\nReplace it with certificate: '${made}' (expires 11/26/2027 9:30:00 AM)\n${CONFIRM_LINE}${made}\n`,
    );
    expect(s.lab.org.current.state.internalTransportThumbprint).toBe(next);
    expect(await s.run(`(Get-ExchangeCertificate ${made}).Services`)).toBe('SMTP\n');
  });

  it('the require-SSL question when enabling IIS', async () => {
    const q = `Confirm\nDo you want to enforce SSL communication on the root web site? If not, rerun the cmdlet with the -DoNotRequireSSL parameter.\n${CONFIRM_LINE}`;
    expect(await s.run(`Enable-ExchangeCertificate -Thumbprint ${next} -Services IIS`, 'N')).toBe(q);
    expect(s.lab.org.current.state.iisThumbprint).toBe(next); // IIS moved either way
    s.lab.org.current.state.requireSsl = false;
    expect(await s.run(`Enable-ExchangeCertificate -Thumbprint ${setup} -Services IIS`, 'Y')).toBe(q);
    expect(s.lab.org.current.state.iisThumbprint).toBe(setup);
    expect(s.lab.org.current.state.requireSsl).toBe(true);
    expect(await s.run(`Enable-ExchangeCertificate -Thumbprint ${next} -Services IIS -DoNotRequireSSL`)).toBe('');
  });

  it("Remove-ExchangeCertificate asks (ConfirmImpact High); No keeps the certificate, Yes removes it", async () => {
    const t = (await s.run("(New-ExchangeCertificate -SubjectName 'cn=old.proexchange.global' -Services None).Thumbprint")).trim();
    const q = `Confirm\nAre you sure you want to perform this action?\nRemove certificate with thumbprint ${t} from the computer's certificate store?\n${CONFIRM_LINE_SUSPEND}`;
    expect(await s.run(`Remove-ExchangeCertificate -Thumbprint ${t}`, 'N')).toBe(q);
    expect(await s.run(`(Get-ExchangeCertificate ${t}).Thumbprint`)).toBe(`${t}\n`);
    expect(await s.run(`Remove-ExchangeCertificate -Thumbprint ${t}`, 'Y')).toBe(q);
    expect(await s.run(`@(Get-ExchangeCertificate | Where-Object Thumbprint -eq ${t}).Count`)).toBe('0\n');
  });
});

// Issue 10, item 4: secrets are judged on the parsed command (src/engine/secrets.ts): the
// history file leaves such lines out, and transcripts never show the secret.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { machineDrive } from '../../src/store/lab-home.js';
import { capturedSession, tempHome, type Captured } from '../helpers/run.js';

let sh: Captured;
let home: string;
beforeAll(async () => {
  home = tempHome();
  sh = await capturedSession({ home });
  // A function defined earlier in the session: its [SecureString] and [Alias('pw')] parameters count.
  await sh.run("function Connect-Lab { param([SecureString]$Secret, [Alias('pw')][string]$Password, $Name) }");
});
afterAll(async () => {
  await sh?.close();
});

const secret = (line: string) => sh.session.scanSecrets(line);

describe('secrets in command lines, judged on the parsed command', () => {
  const carries = [
    // ConvertTo-SecureString -AsPlainText in any abbreviation, positional or named, or piped.
    "ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force",
    "ConvertTo-SecureString 'P@ssw0rd' -AsPlain -Force",
    "ConvertTo-SecureString 'P@ssw0rd' -asp -Force",
    "ConvertTo-SecureString -Force -AsPlainText:$true -String 'P@ssw0rd'",
    "'P@ssw0rd' | ConvertTo-SecureString -asp -Force",
    // Parameters that bind to a SecureString / PSCredential / password, by any unique abbreviation.
    "Export-ExchangeCertificate -Thumbprint 01AB -Path c:\\a.pfx -Pass (ConvertTo-SecureString 'x' -asp -Force)",
    'Import-ExchangeCertificate -Path c:\\a.pfx -Password $pw',
    "Import-ExchangeCertificate -Path c:\\a.pfx -Passw:'clear'",
    // Functions: by type, by alias, also one defined on the same line.
    "Connect-Lab -Sec 'x'",
    "Connect-Lab -pw 'x'",
    "function f([PSCredential]$c) {}; f -c 'u'",
    // Unknown commands: by the name typed.
    'Connect-Thing -Password hunter2',
    // Assignments to names that suggest a secret.
    "$pw = 'hunter2'",
    "$password = Read-Host 'Password'",
    "[string]$secret = 'x'",
    "$global:token = 'abc'",
    "$apiKey = '123'",
    '$cred = Get-Credential',
    "$c.Password = 'x'",
    // Hashtables for splatting, credentials built from text.
    "$p = @{ Path = 'c:\\a.pfx'; Password = 'x' }",
    "[System.Net.NetworkCredential]::new('u', 'p')",
  ];
  for (const line of carries) it(`carries a secret: ${line}`, () => expect(secret(line).any).toBe(true));

  const clean = [
    'Get-ExchangeCertificate | fl',
    'Get-Help about_Passwords',
    'Get-ChildItem C:\\passwords',
    'Read-Host -AsSecureString',
    'Get-Credential',
    '$keys = $h.Keys',
    "New-ExchangeCertificate -PrivateKeyExportable $true -SubjectName 'cn=x' -WhatIf",
    "Connect-Lab -Name 'x'",
    "$p = 'ordinary'",
  ];
  for (const line of clean) it(`carries none: ${line}`, () => expect(secret(line).any).toBe(false));

  it('text that does not parse is judged by its words, conservatively', () => {
    const s = secret("ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force (");
    expect(s.parsed).toBe(false);
    expect(s.any).toBe(true);
    expect(s.values).toContain('P@ssw0rd');
    expect(secret('Get-Item (').any).toBe(false);
  });

  it('marks the literal text of a secret, for masking', () => {
    const line = "$pw = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force; Get-Date";
    const s = secret(line);
    expect(s.values).toEqual(['P@ssw0rd']);
    expect(s.spans.map((x) => line.slice(x.start, x.end))).toEqual(["'P@ssw0rd'"]);
  });
});

describe('transcripts never show secrets', () => {
  it('masks secrets in the command echo, in error views and in later output', async () => {
    const file = 'C:\\transcript-secrets.txt';
    await sh.run(`Start-Transcript -Path ${file}`);
    await sh.run("$pw = ConvertTo-SecureString 'Sup3rS3cret' -AsPlain -Force");
    // A binding error quotes the value and shows the source line.
    const bad = await sh.run("Export-ExchangeCertificate -Thumbprint 01AB -Path c:\\x.pfx -Pass 'Sup3rS3cret'");
    expect(bad.out).toContain('Sup3rS3cret'); // the screen shows what was typed, as PowerShell does
    await sh.run("Write-Output 'the password was Sup3rS3cret'");
    await sh.run("$pin = 'short'");
    await sh.run('Stop-Transcript');
    const text = readFileSync(`${machineDrive(home, 'default', 'Ex2007EE')}/transcript-secrets.txt`, 'utf8');
    expect(text).not.toContain('Sup3rS3cret');
    expect(text).not.toContain("'short'");
    expect(text).toContain("$pw = ConvertTo-SecureString ******** -AsPlain -Force");
    expect(text).toContain('the password was ********');
    expect(text).toContain('$pin = ********');
    expect(text).toContain('Write-Output');
  });
});

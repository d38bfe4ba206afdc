// The shell features issue 2 lists, each checked through a real session on a temporary lab:
// variables cmdlets, $args of simple functions, non-interactive Read-Host, exit in a function,
// help and syntax of Exchange cmdlets, errors and $?, redirection, CSV, JSON and transcripts.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let sh: Captured;
beforeAll(async () => {
  sh = await capturedSession();
});
afterAll(async () => {
  await sh?.close();
});

const out = async (text: string) => (await sh.run(text)).out;

describe('Get-Variable / Set-Variable', () => {
  it('Set-Variable sets (also by position) and Get-Variable shows a Name / Value table', async () => {
    expect(await out('Set-Variable -Name thumb -Value CC06; $thumb')).toBe('CC06\n');
    expect(await out('Set-Variable svc "IIS,SMTP"; Get-Variable svc')).toBe(
      '\nName                           Value\n----                           -----\nsvc                            IIS,SMTP\n\n\n',
    );
    expect(await out('Get-Variable thumb -ValueOnly')).toBe('CC06\n');
  });

  it('lists variables with wildcards, -Include and -Exclude', async () => {
    await sh.run('$fuzzA = 1; $fuzzB = 2; $fuzzC = 3');
    expect(await out('(Get-Variable fuzz*).Name -join ","')).toBe('fuzzA,fuzzB,fuzzC\n');
    expect(await out('(Get-Variable fuzz* -Exclude *B).Name -join ","')).toBe('fuzzA,fuzzC\n');
    expect(await out('(Get-Variable -Include fuzzC).Value')).toBe('3\n');
    expect(Number((await out('(Get-Variable | Measure-Object).Count')).trim())).toBeGreaterThan(20);
    expect(await out('1 | ForEach-Object { (Get-Variable _).Value }')).toBe('1\n');
  });

  it("a missing name is 5.1's VariableNotFound error", async () => {
    const r = await out('Get-Variable nope');
    expect(r).toContain("Get-Variable : Cannot find a variable with the name 'nope'.");
    expect(r).toContain('+ FullyQualifiedErrorId : VariableNotFound,Microsoft.PowerShell.Commands.GetVariableCommand');
  });

  it('-Scope Global reaches out of a function; the default is the current scope', async () => {
    expect(await out('function t { Set-Variable inner 1; Set-Variable outer 2 -Scope Global }; t; "[$inner][$outer]"')).toBe('[][2]\n');
  });

  it('-WhatIf, -PassThru and read-only variables', async () => {
    expect(await out('Set-Variable wi 5 -WhatIf; $null -eq $wi')).toBe('What if: Performing the operation "Set variable" on target "Name: wi Value: 5".\nTrue\n');
    expect(await out('(Set-Variable pt 7 -PassThru).Value')).toBe('7\n');
    const r = await out("Set-Variable true 1; 'next'");
    expect(r).toContain('Set-Variable : Cannot overwrite variable true because it is read-only or constant.');
    expect(r).toMatch(/next\n$/);
  });
});

describe('functions, exit and the host', () => {
  it('a simple function sends unknown -names and extra arguments to $args', async () => {
    expect(await out('function f { "$($args.Count): $args" }; f a b -Zork c')).toBe('4: a b -Zork c\n');
    expect(await out('function g($x) { "x=$x args=$args" }; g 1 2 -Unknown 4')).toBe('x=1 args=2 -Unknown 4\n');
  });

  it('an advanced function rejects them', async () => {
    expect(await out('function h2 { [CmdletBinding()] param($a) $a }; h2 -Nope 1')).toContain("A parameter cannot be found that matches parameter name 'Nope'.");
  });

  it('$x = Read-Host in a non-interactive session is a clear error and the script goes on', async () => {
    const r = await out('$x = Read-Host; "x=[$x]"');
    expect(r).toContain('Read-Host : Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.');
    expect(r).toMatch(/x=\[\]\n$/);
  });

  it('exit inside a function ends the whole run with its code', async () => {
    const r = await sh.run("function quit { exit 5 }; quit; 'never'");
    expect(r).toEqual({ out: '', ok: false, exitCode: 5 });
  });
});

describe('discovery', () => {
  it('Get-Help -Examples of an Exchange cmdlet shows each example with its remarks', async () => {
    const r = await out('Get-Help Get-ExchangeCertificate -Examples');
    expect(r).toContain('    -------------------------- EXAMPLE 1 --------------------------\n\n    PS C:\\>Get-ExchangeCertificate\n\n    Lists the certificates');
    // One-line `shows` texts are test fragments, not output: they are not printed.
    expect(r).not.toMatch(/^ {4}Thumbprint$/m);
  });

  it('Get-Command -Syntax of an Exchange cmdlet', async () => {
    expect(await out('Get-Command Enable-ExchangeCertificate -Syntax')).toContain(
      'Enable-ExchangeCertificate [-Thumbprint] <string> -Services <AllowedServices>',
    );
  });

  it('Get-Command | Measure-Object counts every command; Get-Alias lists aliases', async () => {
    expect(Number((await out('(Get-Command | Measure-Object).Count')).trim())).toBeGreaterThan(100);
    const aliases = await out('Get-Alias gv, sv, gcm');
    expect(aliases).toContain('Alias           gv -> Get-Variable');
    expect(aliases).toContain('Alias           sv -> Set-Variable');
    expect(aliases).toContain('Alias           gcm -> Get-Command');
  });
});

describe('errors and $?', () => {
  it('-WhatIf on Remove-Item removes nothing', async () => {
    expect(await out("Set-Content C:\\wi.txt 'x'; Remove-Item C:\\wi.txt -WhatIf; Test-Path C:\\wi.txt")).toBe(
      'What if: Performing the operation "Remove File" on target "C:\\wi.txt".\nTrue\n',
    );
  });

  it("$ErrorActionPreference = 'Stop' makes a cmdlet error catchable", async () => {
    expect(await out("$ErrorActionPreference = 'Stop'; try { Get-Item C:\\nope; 'not here' } catch { \"caught: $($_.Exception.Message)\" }; $ErrorActionPreference = 'Continue'")).toBe(
      "caught: Cannot find path 'C:\\nope' because it does not exist.\n",
    );
  });

  it('2>&1 captures the error record into a variable', async () => {
    expect(await out('$r = Get-Item C:\\nope 2>&1; $r.GetType().Name; $r.Exception.Message')).toBe(
      "ErrorRecord\nCannot find path 'C:\\nope' because it does not exist.\n",
    );
  });

  it('$? after success and after failure', async () => {
    expect(await out('Get-Item C:\\ | Out-Null; $?; Get-Item C:\\nope 2>$null; $?')).toBe('True\nFalse\n');
  });
});

describe('files', () => {
  it('> and >> and Out-File write to the lab drive', async () => {
    expect(await out("'hello' > C:\\o.txt; 'more' >> C:\\o.txt; Get-Content C:\\o.txt")).toBe('hello\nmore\n');
    expect(await out("'one', 'two' | Out-File C:\\of.txt; (Get-Content C:\\of.txt).Count")).toBe('2\n');
  });

  it('Export-Csv / Import-Csv round trip with quotes and commas', async () => {
    const r = await out(
      "[pscustomobject]@{A=1;B='x,y'}, [pscustomobject]@{A=2;B='q\"r'} | Export-Csv C:\\x.csv -NoTypeInformation; Get-Content C:\\x.csv; Import-Csv C:\\x.csv | ForEach-Object { \"$($_.A)|$($_.B)\" }",
    );
    expect(r).toBe('"A","B"\n"1","x,y"\n"2","q""r"\n1|x,y\n2|q"r\n');
  });

  it('ConvertTo-Json of an Exchange certificate stops at -Depth', async () => {
    const json = await out('Get-ExchangeCertificate | Select-Object -First 1 | ConvertTo-Json -Depth 1');
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(parsed.Thumbprint).toMatch(/^[0-9A-F]{40}$/);
    // Beyond the depth, nested objects become their text.
    expect(typeof (parsed.AccessRules as unknown[])[0]).toBe('string');
    expect(json).not.toContain('[object Object]');
  });

  it('Start-Transcript / Stop-Transcript write the session text to the file', async () => {
    await sh.run('Start-Transcript C:\\tr.txt');
    await sh.run("'inside the transcript'");
    await sh.run('Stop-Transcript');
    const text = await out('Get-Content C:\\tr.txt');
    expect(text).toContain('Windows PowerShell transcript start');
    expect(text).toContain("[PS] C:\\Windows\\system32> 'inside the transcript'\ninside the transcript\n");
    expect(text).toContain('Windows PowerShell transcript end');
  });
});

describe('Name -? shows help', () => {
  it('prints the help of a cmdlet, through an alias too', async () => {
    const { capturedSession } = await import('../helpers/run.js');
    const c = await capturedSession();
    const { out } = await c.run('Get-ExchangeCertificate -?');
    expect(out).toContain('NAME\n    Get-ExchangeCertificate');
    expect(out).toContain('SYNOPSIS');
    const alias = await c.run('gci -?');
    expect(alias.out).toContain('NAME\n    Get-ChildItem');
    await c.close();
  });
});

describe('errors raised under a cmdlet without a position', () => {
  it('a prompt refused by the non-interactive host is the cmdlet\'s error, with its prefix and extent', async () => {
    const { capturedSession } = await import('../helpers/run.js');
    const c = await capturedSession();
    const { out } = await c.run("Read-Host 'Name'");
    expect(out).toContain("Read-Host : Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.\nAt line:1 char:1\n+ Read-Host 'Name'\n+ ~~~~~~~~~~~~~~~~");
    expect(out).toContain('[Read-Host]');
    await c.close();
  });
});

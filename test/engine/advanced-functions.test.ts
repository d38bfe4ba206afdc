// $PSCmdlet in advanced functions, and `exit` in a called .ps1 (ends that script only).

import { everydaySession } from '../cmdlets/everyday-session.js';
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

describe('$PSCmdlet', () => {
  it('ShouldProcess honours -WhatIf, with the function name or the given action', async () => {
    await sh.run("function Restart-Thing { [CmdletBinding(SupportsShouldProcess)] param($Name = 'x') if ($PSCmdlet.ShouldProcess($Name)) { \"restarted $Name\" } }");
    expect(await out('Restart-Thing -WhatIf')).toBe('What if: Performing the operation "Restart-Thing" on target "x".\n');
    expect(await out('Restart-Thing -Name y')).toBe('restarted y\n');
    expect(await out("function q2 { [CmdletBinding(SupportsShouldProcess)] param() if ($PSCmdlet.ShouldProcess('srv', 'Restart')) { 'no' } }; q2 -WhatIf")).toBe(
      'What if: Performing the operation "Restart" on target "srv".\n',
    );
  });

  it('-WhatIf reaches the cmdlets the function calls', async () => {
    expect(
      await out("function rm2 { [CmdletBinding(SupportsShouldProcess)] param() Remove-Item C:\\zz.txt }; Set-Content C:\\zz.txt 1; rm2 -WhatIf; Test-Path C:\\zz.txt"),
    ).toBe('What if: Performing the operation "Remove File" on target "C:\\zz.txt".\nTrue\n');
  });

  it('-Confirm in a non-interactive session is a host error, not a silent yes', async () => {
    const r = await out("function q8 { [CmdletBinding(SupportsShouldProcess)] param() if ($PSCmdlet.ShouldProcess('t')) { 'ran' } }; q8 -Confirm");
    expect(r).toContain('Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.');
    expect(r).not.toMatch(/^ran$/m);
  });

  it('WriteVerbose / WriteWarning / WriteObject / ParameterSetName', async () => {
    expect(
      await out("function q3 { [CmdletBinding()] param() $PSCmdlet.WriteVerbose('vv'); $PSCmdlet.WriteWarning('ww'); $PSCmdlet.WriteObject(@(1, 2), $true); $PSCmdlet.ParameterSetName }; q3 -Verbose"),
    ).toBe('VERBOSE: vv\nWARNING: ww\n1\n2\n__AllParameterSets\n');
  });

  it('WriteError is non-terminating', async () => {
    const r = await out("function q5 { [CmdletBinding()] param() $PSCmdlet.WriteError((Get-Item C:\\nope 2>&1)); 'yes' }; q5");
    expect(r).toContain("Cannot find path 'C:\\nope' because it does not exist.");
    expect(r).toMatch(/yes\n$/);
  });

  it('ThrowTerminatingError ends the function, then the caller goes on (or catches it)', async () => {
    await sh.run("function stopper { [CmdletBinding()] param() if ($true) { $PSCmdlet.ThrowTerminatingError((Get-Item C:\\nope 2>&1)) }; 'not reached' }");
    const r = await out("stopper; 'after'");
    expect(r).toContain("Cannot find path 'C:\\nope' because it does not exist.");
    expect(r).not.toContain('not reached');
    expect(r).toMatch(/after\n$/);
    expect(await out('try { stopper } catch { "caught: $($_.FullyQualifiedErrorId)" }')).toBe('caught: PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand\n');
    expect(await out("function inner { [CmdletBinding()] param() try { $PSCmdlet.ThrowTerminatingError((Get-Item C:\\nope 2>&1)) } catch { 'caught inside' }; 'yes' }; inner")).toBe(
      'caught inside\nyes\n',
    );
  });

  it('a simple function has no $PSCmdlet', async () => {
    expect(await out('function simple { $PSCmdlet }; $null -eq (simple)')).toBe('True\n');
  });
});

describe('exit in a called script', () => {
  it('ends that script and sets $LASTEXITCODE; the caller goes on', async () => {
    await sh.run("Set-Content C:\\ex.ps1 'function q { exit 3 }; q; \"no\"'");
    expect(await out('& C:\\ex.ps1; "code=$LASTEXITCODE"')).toBe('code=3\n');
    await sh.run("Set-Content C:\\ex0.ps1 '\"in\"; exit'");
    expect(await out('. C:\\ex0.ps1; "code=$LASTEXITCODE"')).toBe('in\ncode=0\n');
  });

  it('exit in the script run with -File still ends the run with its code', async () => {
    const r = await sh.session.execute("C:\\ex.ps1; 'after'; exit 4", { file: 'C:\\top.ps1' });
    expect(r.exitCode).toBe(4);
  });
});

describe('pipeline binding details', () => {
  it('a function without a process block still binds each object: its end block sees the last one', async () => {
    const { run } = everydaySession();
    expect(await run('function g { param([Parameter(Mandatory=$true, Position=0, ValueFromPipeline=$true)] $a, [bool] $b) $a }; 42 | g; 1, 2, 3 | g')).toBe('42\n3\n');
  });

  it('by property name binds a string\'s Length when its value does not convert', async () => {
    const { run } = everydaySession();
    expect(await run("function g { param([Parameter(ValueFromPipeline = $true)] [int] $P1 = 10, [Parameter(ValueFromPipelineByPropertyName = $true)] [int] $Length = 100) process { \"$P1 $Length\" } }; 'abc' | g")).toBe('10 3\n');
  });
});

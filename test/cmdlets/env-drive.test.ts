// The Env: drive: Get-ChildItem / Get-Item / Test-Path / Remove-Item over $env: (issue 11, fsc).
import { describe, expect, it } from 'vitest';
import { allCmdlets } from '../../src/cmdlets/index.js';
import { testShell as baseShell } from '../engine/helpers.js';
import { everydaySession } from './everyday-session.js';

const testShell = () => baseShell({ cmdlets: allCmdlets });

describe('the Env: drive', () => {
  it('lists and gets environment variables as Name/Value entries; Test-Path finds them', async () => {
    const { run } = everydaySession();
    expect(await run("$env:EMSH_T = 'one'; $e = Get-Item env:emsh_t; $e.Name; $e.Value; $e.GetType().FullName; $e.PSPath")).toBe(
      'EMSH_T\none\nSystem.Collections.DictionaryEntry\nMicrosoft.PowerShell.Core\\Environment::EMSH_T\n',
    );
    expect(await run("(Get-ChildItem env: | Where-Object Name -eq 'EMSH_T').Value; @(Get-Item Env:).Count -gt 1; Get-ChildItem env:EMSH_* -Name")).toBe('one\nTrue\nEMSH_T\n');
    expect(await run('Test-Path env:EMSH_T; Test-Path env:NOPE; Test-Path env: -PathType Container; Test-Path Env:\\EMSH_T -PathType Leaf')).toBe('True\nFalse\nTrue\nTrue\n');
  });

  it('Remove-Item deletes a variable; a missing one is PathNotFound', async () => {
    const { run } = everydaySession();
    expect(await run("$env:EMSH_T = 'x'; Remove-Item env:EMSH_T; Test-Path env:EMSH_T; $null -eq $env:EMSH_T")).toBe('False\nTrue\n');
    expect(await run('Get-Item env:NOPE 2>&1 | % { $_.FullyQualifiedErrorId; $_.Exception.Message }')).toBe(
      "PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand\nCannot find path 'Env:\\NOPE' because it does not exist.\n",
    );
  });
});

describe('[Environment]', () => {
  it("MachineName, UserName, UserDomainName and GetEnvironmentVariable are the session's", async () => {
    const sh = testShell();
    const r = await sh.eval("[Environment]::MachineName -eq $env:COMPUTERNAME; [Environment]::UserName; [Environment]::UserDomainName; [Environment]::GetEnvironmentVariable('USERNAME'); $null -eq [Environment]::GetEnvironmentVariable('NoSuch')");
    expect(r.output).toEqual([true, 'Administrator', 'PROEXCHANGE', 'Administrator', true]);
  });
});

// Get-Verb (5.1's verbs, Verb and Group, one listing per -Verb pattern) and Get-Command -Name's
// validation of empty names.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let sh: Captured;
beforeAll(async () => {
  sh = await capturedSession();
});
afterAll(async () => {
  await sh?.close();
});

describe('Get-Verb', () => {
  it('lists nothing for $null, as 5.1\'s function loops over no pattern', async () => {
    expect((await sh.run('Get-Verb $null; @(Get-Verb $null).Count')).out).toBe('0\n');
  });

  it('lists the 5.1 verbs with their groups', async () => {
    expect((await sh.run('(Get-Verb).Count; (Get-Verb Build).Count; (Get-Verb -Verb Use).Group')).out).toBe('98\n0\nOther\n');
    expect((await sh.run('(Get-Verb un*).Verb -join ","')).out).toBe('Undo,Unlock,Unpublish,Uninstall,Unregister,Unblock,Unprotect\n');
    expect((await sh.run('(Get-Verb -Verb Add,ad*).Count; (Get-Verb fakeVerbNeverExists).Count')).out).toBe('2\n0\n');
  });
});

describe('Get-Command -Name', () => {
  it('an empty or null name is a validation error', async () => {
    const r = await sh.run('foreach ($n in "", $null) { try { Get-Command $n -ErrorAction Stop } catch { $_.FullyQualifiedErrorId } }');
    expect(r.out).toBe('ParameterArgumentValidationError,Microsoft.PowerShell.Commands.GetCommandCommand\n'.repeat(2));
  });

  it('its objects are AliasInfo / CmdletInfo / FunctionInfo, all CommandInfo, for -is', async () => {
    const r = await sh.run('function gcf {}; (gcm del) -is [System.Management.Automation.AliasInfo]; (gcm Get-Help) -is [System.Management.Automation.CmdletInfo]; (gcm gcf) -is [System.Management.Automation.FunctionInfo]; (gcm gcf) -is [System.Management.Automation.CommandInfo]; (gcm gcf) -is [System.Management.Automation.CmdletInfo]');
    expect(r.out).toBe('True\nTrue\nTrue\nTrue\nFalse\n');
  });
});

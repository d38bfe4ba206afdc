import { describe, expect, it } from 'vitest';
import { allCmdlets } from '../../src/cmdlets/index.js';
import { testShell as baseShell } from '../engine/helpers.js';

const testShell = () => baseShell({ cmdlets: allCmdlets });

describe('Get-Process', () => {
  it("gets the shell's own process by $PID and processes by name or wildcard", async () => {
    const sh = testShell();
    const r = await sh.eval('$p = Get-Process -Id $PID; $p.Name; $p.Id -eq $PID; $p.GetType().FullName; (Get-Process -Name store).Id; @(Get-Process -Name svc*).Count');
    expect(r.output).toEqual(['powershell', true, 'System.Diagnostics.Process', 1872, 2]);
  });

  it('a name or an Id that matches nothing is a ProcessCommandException; a wildcard that matches nothing is not', async () => {
    const sh = testShell();
    const r = await sh.eval('Get-Process -Name nosuchprocess; Get-Process -Id 99999; Get-Process -Name nosuch*');
    expect(r.output).toEqual([]);
    expect(r.errors.map((e) => e.fullyQualifiedErrorId)).toEqual([
      'NoProcessFoundForGivenName,Microsoft.PowerShell.Commands.GetProcessCommand',
      'NoProcessFoundForGivenId,Microsoft.PowerShell.Commands.GetProcessCommand',
    ]);
    expect(r.errors[0]!.message).toBe('Cannot find a process with the name "nosuchprocess". Verify the process name and call the cmdlet again.');
    expect(r.errors[0]!.categoryReason).toBe('ProcessCommandException');
  });

  it('an enum parameter takes a unique prefix of a name (-ErrorAction Ig is Ignore); Ignore leaves $Error alone', async () => {
    const sh = testShell();
    const r = await sh.eval('$before = $Error.Count; Get-Process -Name nosuchprocess -ErrorAction Ig; $Error.Count - $before; $ErrorActionPreference = "Ignore"; Get-Process -Name nosuchprocess; $Error.Count - $before');
    expect(r.output).toEqual([0, 0]);
    expect(r.errors).toEqual([]);
  });
});

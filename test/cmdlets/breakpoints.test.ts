// Set-/Get-/Enable-/Disable-/Remove-PSBreakpoint, and breakpoints hit as scripts run (issue 11).
import { describe, expect, it } from 'vitest';
import { everydaySession } from './everyday-session.js';

describe('breakpoint cmdlets', () => {
  it('sets line, command and variable breakpoints with 5.1\'s properties', async () => {
    const { run } = everydaySession();
    await run("Set-Content C:\\bp.ps1 '$a = 1', 'Get-Date | Out-Null', '$a'");
    expect(await run('$b = Set-PSBreakpoint C:\\bp.ps1 2 1; $b.Line; $b.Column; $b.Enabled; $b.HitCount; $b.GetType().Name')).toBe('2\n1\nTrue\n0\nLineBreakpoint\n');
    expect(await run('(Set-PSBreakpoint -Command write-host,Hello).Command -join ","')).toBe('write-host,Hello\n');
    expect(await run('(Set-PSBreakpoint -Variable server).ToString()')).toBe("Variable breakpoint on '$server' (Write access)\n");
    expect(await run('@(Get-PSBreakpoint).Count; @(Get-PSBreakpoint -Type Command).Count; (Get-PSBreakpoint -Script C:\\BP.ps1).Line')).toBe('4\n2\n2\n');
  });

  it('refuses a line below 1, a column below 1 and a file that is not a script', async () => {
    const { run } = everydaySession();
    await run("Set-Content C:\\bp.ps1 '1'; Set-Content C:\\bp.txt '1'");
    expect(await run('Set-PSBreakpoint C:\\bp.ps1 -Line 0 2>&1 | % FullyQualifiedErrorId')).toBe('SetPSBreakpoint:LineLessThanOne,Microsoft.PowerShell.Commands.SetPSBreakpointCommand\n');
    expect(await run('try { Set-PSBreakpoint C:\\bp.ps1 1 -Column 0 } catch { $_.FullyQualifiedErrorId }')).toBe('ParameterArgumentValidationError,Microsoft.PowerShell.Commands.SetPSBreakpointCommand\n');
    expect(await run('Set-PSBreakpoint C:\\bp.txt 1 2>&1 | % FullyQualifiedErrorId')).toBe('SetPSBreakpoint:WrongExtension,Microsoft.PowerShell.Commands.SetPSBreakpointCommand\n');
  });

  it('enables, disables and removes by object, by Id and by an object\'s Id property', async () => {
    const { run } = everydaySession();
    expect(await run('$c = Set-PSBreakpoint -Command x | Disable-PSBreakpoint -PassThru; $c.Enabled; ($c | Enable-PSBreakpoint -PassThru).Enabled')).toBe('False\nTrue\n');
    expect(await run('Disable-PSBreakpoint -Id $c.Id; $c.Enabled; [pscustomobject]@{ Id = $c.Id } | Enable-PSBreakpoint; $c.Enabled')).toBe('False\nTrue\n');
    expect(await run('Set-PSBreakpoint -Command y | Out-Null; @(Get-PSBreakpoint).Count; $c | Remove-PSBreakpoint; @(Get-PSBreakpoint).Count; Get-PSBreakpoint | Remove-PSBreakpoint; @(Get-PSBreakpoint).Count')).toBe('2\n1\n0\n');
    expect(await run('Remove-PSBreakpoint -Id 99 2>&1 | % FullyQualifiedErrorId')).toBe('PSBreakpoint:BreakpointIdNotFound,Microsoft.PowerShell.Commands.RemovePSBreakpointCommand\n');
  });

  it('a breakpoint counts its hits and runs its action as the script runs, without stopping it', async () => {
    const { run } = everydaySession();
    await run("Set-Content C:\\loop.ps1 'function Hello { \"hi\" }', 'foreach ($i in 1..3) {', '  $null = $i', '}', 'Hello'");
    const out = await run('$l = Set-PSBreakpoint C:\\loop.ps1 3 -Action { $global:seen += 1; continue }; $c = Set-PSBreakpoint -Command Hello; & C:\\loop.ps1; $l.HitCount; $global:seen; $c.HitCount');
    expect(out).toBe('hi\n3\n3\n1\n');
    expect(await run('$l | Disable-PSBreakpoint; & C:\\loop.ps1 | Out-Null; $l.HitCount')).toBe('3\n');
  });
});

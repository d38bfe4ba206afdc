// Line breakpoints bound as PowerShell binds them (to one sequence point of their script), and the
// breakpoint objects the cmdlets hand out (issue 11).
import { describe, expect, it } from 'vitest';
import { everydaySession } from '../cmdlets/everyday-session.js';

describe('line breakpoints', () => {
  it('on the lines of a multi-line pipeline: the pipeline, or the script block nested on that line', async () => {
    const { run } = everydaySession();
    await run("Set-Content C:\\p.ps1 '1..3 |', '  ForEach-Object { $_ } | Sort-Object |', '  Get-Unique'");
    expect(await run('$b = Set-PSBreakpoint C:\\p.ps1 1,2,3 -Action { continue }; $null = & C:\\p.ps1; $b.HitCount -join ","')).toBe('1,3,1\n');
  });

  it('on the first statement of a while or do loop that starts its script: one more hit as the loop starts', async () => {
    const { run } = everydaySession();
    await run("Set-Content C:\\w.ps1 'while ($n -lt 5)', '{', '  $n += 1', '}'; Set-Content C:\\d.ps1 'do', '{', '  $m += 1', '}', 'while ($m -lt 5)'");
    expect(await run('$w = Set-PSBreakpoint C:\\w.ps1 3 -Action { continue }; $d = Set-PSBreakpoint C:\\d.ps1 3 -Action { continue }; & C:\\w.ps1; & C:\\d.ps1; $w.HitCount; $d.HitCount')).toBe('6\n6\n');
  });

  it('in functions a dot-sourced script defines: hit when they run; a line without code binds to the next line', async () => {
    const { run } = everydaySession();
    await run("Set-Content C:\\f.ps1 'function One {', '  \"one\"', '}', 'function Two {', '', '  \"two\"', '}'");
    const out = await run('$one = Set-PSBreakpoint C:\\f.ps1 2 -Action { continue }; $two = Set-PSBreakpoint C:\\f.ps1 5 -Action { continue }; . C:\\f.ps1; $one.HitCount; One; One; $one.HitCount; $two.HitCount; Two; $two.HitCount');
    expect(out).toBe('0\none\none\n2\n0\ntwo\n1\n');
  });
});

describe('breakpoint objects', () => {
  it('are the same object from every cmdlet, and removable by an object whose Id holds several Ids', async () => {
    const { run } = everydaySession();
    await run("Set-Content C:\\s.ps1 '1', '2', '3'");
    expect(await run('$l = Set-PSBreakpoint C:\\s.ps1 1,2,3; @(Get-PSBreakpoint) -contains $l[1]; (Get-PSBreakpoint -Id $l[0].Id) -eq $l[0]')).toBe('True\nTrue\n');
    expect(await run('[pscustomobject]@{ Id = $l.Id } | Remove-PSBreakpoint; @(Get-PSBreakpoint).Count')).toBe('0\n');
  });
});

describe('script blocks run by an operator', () => {
  it('say & or . in $MyInvocation.InvocationName', async () => {
    const { run } = everydaySession();
    expect(await run('& { $MyInvocation.InvocationName }; . { $MyInvocation.InvocationName }; $b = { $MyInvocation.InvocationName }; & $b')).toBe('&\n.\n&\n');
  });
});

describe('[IO.Path]::GetTempPath()', () => {
  it('names a folder that exists, as on Windows', async () => {
    const { run } = everydaySession();
    expect(await run('$t = [IO.Path]::GetTempPath(); $t; Test-Path $t; Set-Content (Join-Path $t x.ps1) 1; Test-Path (Join-Path $t x.ps1)')).toBe('C:\\Users\\Administrator\\AppData\\Local\\Temp\\\nTrue\nTrue\n');
  });
});

describe('Get-PSBreakpoint binding', () => {
  it('takes a BreakpointType by position and from the pipeline (not as a -Script text), and refuses $null with a validation error', async () => {
    const { run } = everydaySession();
    await run("Set-Content C:\\s.ps1 '1'; $null = Set-PSBreakpoint -Command c1 -Script C:\\s.ps1; $null = Set-PSBreakpoint -Variable v1");
    expect(await run('$t = [Microsoft.PowerShell.Commands.BreakpointType]"variable"; ($t | Get-PSBreakpoint).Variable; (Get-PSBreakpoint ([Microsoft.PowerShell.Commands.BreakpointType]"command")).Command')).toBe('v1\nc1\n');
    const kinds = await run('foreach ($c in { Get-PSBreakpoint -Type $null }, { Get-PSBreakpoint -Script $null }, { Get-PSBreakpoint -Command $null }) { try { & $c } catch { $_.Exception.GetType().Name } }');
    expect(kinds).toBe('ParameterBindingValidationException\nParameterBindingValidationException\nParameterBindingValidationException\n');
  });
});

describe('mandatory parameters given an empty collection', () => {
  it('refuse it only when the parameter is of a collection type', async () => {
    const { run } = everydaySession();
    expect(await run('function f { param([Parameter(Mandatory)][object]$x) $x.Count }; f @(); function g { param([Parameter(Mandatory)][object[]]$x) } ; try { g @() } catch { $_.FullyQualifiedErrorId }')).toBe(
      '0\nParameterArgumentValidationErrorEmptyArrayNotAllowed,g\n',
    );
    expect(await run('$o = New-Object System.Collections.ObjectModel.ObservableCollection[object]; Register-ObjectEvent -InputObject $o -EventName CollectionChanged -SourceIdentifier Empty; (Get-EventSubscriber Empty).SourceIdentifier')).toBe('Empty\n');
  });
});

describe('variable breakpoints', () => {
  it('hit on reads, writes or both as their mode says, run their actions, and not inside an action', async () => {
    const { run } = everydaySession();
    const out = await run(
      '$w = Set-PSBreakpoint -Variable x -Action { $global:log += "w$x" }; $r = Set-PSBreakpoint -Variable x -Mode Read; $rw = Set-PSBreakpoint -Variable y -Mode ReadWrite; ' +
        '& { $x = 1; $x = 2; $null = $x + 1; "$x"; $y = 5; $null = $y }; "$($w.HitCount) $($r.HitCount) $($rw.HitCount) $global:log"',
    );
    expect(out).toBe('2\n2 2 2 w1w2\n');
  });

  it('in a script only count that script\'s accesses; disabled ones do not count', async () => {
    const { run } = everydaySession();
    await run("Set-Content C:\\v.ps1 '$z = 1', '$z = 2'");
    expect(await run('$s = Set-PSBreakpoint -Script C:\\v.ps1 -Variable z; $z = 0; & C:\\v.ps1; $s.HitCount; $s | Disable-PSBreakpoint; & C:\\v.ps1; $s.HitCount')).toBe('2\n2\n');
  });
});

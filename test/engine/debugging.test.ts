// Debugging and eventing objects as 5.1 has them (issue 11): trace sources, the collections
// whose events Register-ObjectEvent subscribes to, runspace debuggers, the call stack.
import { describe, expect, it } from 'vitest';
import { everydaySession } from '../cmdlets/everyday-session.js';

describe('Get-TraceSource', () => {
  it('returns the same PSTraceSource objects each time, sorted by name', async () => {
    const { run } = everydaySession();
    expect(await run('$a = @(Get-TraceSource); $b = @(Get-TraceSource | Sort-Object Name); $a.Count -gt 10; $a[0] -eq $b[0]; $x = ($a | % Name) -join ","; $y = ($b | % Name) -join ","; $x -eq $y')).toBe('True\nTrue\nTrue\n');
    expect(await run('$t = Get-TraceSource -Name ETS; $t.GetType().FullName; $t.Description; "$($t.Options)"; $t.Listeners[0].Name')).toBe(
      'System.Management.Automation.PSTraceSource\nExtended Type System\nNone\nDefault\n',
    );
  });
});

describe('ObservableCollection[T]', () => {
  it('is a generic collection Register-ObjectEvent can subscribe to', async () => {
    const { run } = everydaySession();
    expect(await run('$o = New-Object System.Collections.ObjectModel.ObservableCollection[object]; $o.Add(1); $o.Add("x"); $o.Count; $o.GetType().Name')).toBe('2\nObservableCollection`1\n');
    expect(await run('$null = Register-ObjectEvent -InputObject $o -EventName CollectionChanged -SourceIdentifier Changed; $s = Get-EventSubscriber Changed; $s.GetType().FullName; $s.SubscriptionId -gt 0')).toBe(
      'System.Management.Automation.PSEventSubscriber\nTrue\n',
    );
  });
});

describe('Get-PSCallStack', () => {
  it('lists the frames innermost first, each at the command that called the frame above it', async () => {
    const { run } = everydaySession();
    await run("Set-Content C:\\cs.ps1 'function foo {', '  try { throw 1 } catch { bar }', '}', 'function bar {', '  Get-PSCallStack', '}', 'foo'");
    const out = await run('$s = & C:\\cs.ps1; $s.Count; $s | % { "$($_.Command) $($_.FunctionName) $($_.ScriptLineNumber) $($_.Location) $($_.InvocationInfo.ScriptLineNumber)" }; $s[0].ScriptName; $s[0].Position.Text');
    expect(out).toBe(
      '4\nbar bar 5 cs.ps1: line 5 2\nfoo foo 2 cs.ps1: line 2 7\ncs.ps1 <ScriptBlock> 7 cs.ps1: line 7 1\n<ScriptBlock> <ScriptBlock> 1 <No file> \nC:\\cs.ps1\nGet-PSCallStack\n',
    );
  });

  it('shows a trap body as a frame of its function, which stands at the failed statement', async () => {
    const { run } = everydaySession();
    await run("Set-Content C:\\trap.ps1 'trap {', '  Get-PSCallStack', '  continue', '}', '', 'throw 1'");
    expect(await run('$s = & C:\\trap.ps1; $s | select -First 2 | % { "$($_.Command) $($_.ScriptLineNumber)" }')).toBe('trap.ps1 2\ntrap.ps1 6\n');
  });

  it('gives the arguments (bound, then unbound) and the frame\'s own variables', async () => {
    const { run } = everydaySession();
    expect(await run("& { (Get-PSCallStack)[0].Arguments } 'foo' 'bar'; function f($x) { $local = 5; $c = Get-PSCallStack; $c[0].Arguments; $c[0].GetFrameVariables()['local'].Value }; f 1 2")).toBe('{foo, bar}\n{x=1, 2}\n5\n');
    expect(await run('(Get-PSCallStack)[0].GetType().FullName; (Get-PSCallStack)[0].ToString()')).toBe('System.Management.Automation.CallStackFrame\nat <ScriptBlock>, <No file>: line 1\n');
  });
});

describe('runspace debugging', () => {
  it('Get-, Enable- and Disable-RunspaceDebug read and set a runspace debugger\'s options', async () => {
    const { run } = everydaySession();
    await run('$r = [runspacefactory]::CreateRunspace(); $r.Open(); $r.Name = "Worker"');
    expect(await run('$d = Get-RunspaceDebug -RunspaceName Worker; $d.GetType().FullName; "$($d.RunspaceName) $($d.Enabled) $($d.BreakAll)"')).toBe(
      'Microsoft.PowerShell.Commands.PSRunspaceDebug\nWorker False False\n',
    );
    expect(await run('Enable-RunspaceDebug -Runspace $r -BreakAll; $d = Get-RunspaceDebug -Runspace $r; "$($d.Enabled) $($d.BreakAll)"; Disable-RunspaceDebug -RunspaceName W*; (Get-RunspaceDebug -RunspaceId $r.Id).Enabled')).toBe('True True\nFalse\n');
    expect(await run('$r.Close(); Enable-RunspaceDebug -Runspace $r 2>&1 | % FullyQualifiedErrorId')).toBe('SetRunspaceDebugOptionCommandInvalidRunspaceState,Microsoft.PowerShell.Commands.EnableRunspaceDebugCommand\n');
  });

  it('Debug-Runspace refuses an ambiguous or unknown name, the host runspace, a closed runspace and a debugger turned off', async () => {
    const { run } = everydaySession();
    await run('$a = [runspacefactory]::CreateRunspace(); $a.Open(); $a.Name = "My1"; $b = [runspacefactory]::CreateRunspace(); $b.Open(); $b.Name = "My2"');
    const fqid = (cmd: string) => run(`try { ${cmd} -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }`);
    expect(await fqid('Debug-Runspace -Name My*')).toBe('DebugRunspaceTooManyRunspaceFound,Microsoft.PowerShell.Commands.DebugRunspaceCommand\nMore than one Runspace was found. Only one Runspace can be debugged at a time.\n');
    expect(await fqid('Debug-Runspace -Name Nothing')).toMatch(/^DebugRunspaceNoRunspaceFound,Microsoft\.PowerShell\.Commands\.DebugRunspaceCommand\n/);
    expect(await fqid('Debug-Runspace -Runspace $Host.Runspace')).toMatch(/^DebugRunspaceCannotDebugHostRunspace,/);
    expect(await fqid('$a.Debugger.SetDebugMode("None"); $a.Debugger.DebugMode; Debug-Runspace -Runspace $a')).toBe(
      "None\nInvalidOperation,Microsoft.PowerShell.Commands.DebugRunspaceCommand\nCannot debug Runspace. The Runspace debugger is currently turned off (DebugMode is 'None').\n",
    );
    expect(await fqid('$b.Close(); Debug-Runspace -Runspace $b')).toBe('InvalidOperation,Microsoft.PowerShell.Commands.DebugRunspaceCommand\nCannot debug a Runspace that is not in the Opened state. This Runspace state is Closed.\n');
  });
});

describe('[System.Diagnostics.Stopwatch]', () => {
  it('starts, stops and resets, with its elapsed time as Int64 milliseconds and ticks and a TimeSpan', async () => {
    const { run } = everydaySession();
    expect(await run('$s = [System.Diagnostics.Stopwatch]::StartNew(); $s.IsRunning; $s.Stop(); $s.IsRunning; $s.ElapsedMilliseconds.GetType().Name; $s.Elapsed.GetType().Name; $s.ElapsedTicks -ge 0')).toBe(
      'True\nFalse\nInt64\nTimeSpan\nTrue\n',
    );
    expect(await run('$s.Reset(); $s.ElapsedTicks; $n = New-Object System.Diagnostics.Stopwatch; $n.IsRunning; $n.Start(); $n.IsRunning; [Diagnostics.Stopwatch]::Frequency; [Diagnostics.Stopwatch]::IsHighResolution')).toBe('0\nFalse\nTrue\n10000000\nTrue\n');
  });
});

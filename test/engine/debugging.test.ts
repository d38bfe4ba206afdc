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

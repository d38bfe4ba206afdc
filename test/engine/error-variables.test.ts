import { describe, expect, it } from 'vitest';
import { allCmdlets } from '../../src/cmdlets/index.js';
import { testShell as baseShell } from './helpers.js';

const testShell = () => baseShell({ cmdlets: allCmdlets });

// -ErrorVariable as 5.1 fills it: the lists live on the command's output, so a function's list
// gets the errors of what writes to its output (its own statements, the last stage of its
// pipelines, exceptions even when caught), not those of earlier stages.
describe('-ErrorVariable', () => {
  it('-ErrorAction Stop puts one ActionPreferenceStopException holding the record; Ignore puts nothing', async () => {
    const sh = testShell();
    const r = await sh.eval(
      'try { Get-ChildItem C:\\nosuch.file -ErrorAction Stop -ErrorVariable err } catch { }; $err.Count; $err[0].GetType().FullName; ' +
        '$err[0].ErrorRecord.Exception.GetType().Name; Get-ChildItem C:\\nosuch.file -ErrorAction Ignore -ErrorVariable e2; $e2.Count',
    );
    expect(r.output).toEqual([1, 'System.Management.Automation.ActionPreferenceStopException', 'ItemNotFoundException', 0]);
  });

  it("an advanced function's list gets caught exceptions and the last stage's errors only", async () => {
    const sh = testShell();
    const r = await sh.eval(`
      function Get-Foo { [CmdletBinding()] param([Parameter(ValueFromPipeline)][string] $i) Write-Error 'foo-error'; $i }
      function Get-Bar {
        [CmdletBinding()] param()
        Write-Error 'bar-error'
        try { throw 'bar-exception' } catch { }
        Get-Foo 'x' -ErrorVariable script:first | Get-Foo -ErrorVariable script:second
      }
      Get-Bar -ErrorVariable script:outer 2>&1 > $null
      ($script:outer | ForEach-Object { "$_" }) -join ','
      "$script:first"; "$script:second"`);
    expect(r.output).toEqual(['bar-error,bar-exception,foo-error', 'foo-error', 'foo-error']);
  });
});

describe('ErrorRecord.Exception', () => {
  it('is the same object each time it is read, so a rethrow is caught with the same exception', async () => {
    const sh = testShell();
    const r = await sh.eval(
      '$null = . { try { try { 1 / 0 } catch { $inner = $_; throw } } catch { $outer = $_ } }; $inner.Exception -ceq $outer.Exception; $e = $inner; $e.Exception -ceq $e.Exception',
    );
    expect(r.output).toEqual([true, true]);
  });
});

describe('$Error after a command line that does not parse', () => {
  it('holds the ParseException, with the record and its history id', async () => {
    const sh = testShell();
    const r = await sh.eval(
      '$s = [System.Management.Automation.PSInvocationSettings]::New(); $s.AddToHistory = $true; $ps = [powershell]::Create(); ' +
        '$null = $ps.AddScript("1+1").Invoke($null, $s); $ps.Commands.Clear(); ' +
        'try { $null = $ps.AddScript("for (int i = 2; i < 3; i++) { }").Invoke($null, $s) } catch { }; $ps.Commands.Clear(); ' +
        '$e = $ps.AddScript("`$Error[0]").Invoke(); $e[0].GetType().FullName; $e[0].ErrorRecord.InvocationInfo.HistoryId',
    );
    expect(r.output).toEqual(['System.Management.Automation.ParseException', 2]);
  });
});

describe('catch [CmdletInvocationException]', () => {
  it("takes an error raised while a cmdlet ran, with $_ the error itself; a command's own binding error is not one", async () => {
    const sh = testShell();
    const r = await sh.eval(
      'try { Invoke-Expression "Get-Command -Name" } catch [System.Management.Automation.CmdletInvocationException] { "CIE " + $_.Exception.GetType().Name } catch { "other" }; ' +
        'try { Get-Command -Name } catch [System.Management.Automation.CmdletInvocationException] { "CIE" } catch { "binding " + $_.Exception.GetType().Name }; ' +
        'try { Get-ChildItem C:\\nosuch -ErrorAction Stop } catch [System.Management.Automation.CmdletInvocationException] { "CIE" } catch [System.Management.Automation.ActionPreferenceStopException] { "stop" }',
    );
    expect(r.output).toEqual(['CIE ParameterBindingException', 'binding ParameterBindingException', 'stop']);
  });
});

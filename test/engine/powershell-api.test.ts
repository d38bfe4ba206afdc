// [powershell], [runspacefactory] and PSInvocationSettings: commands run in a nested session on
// the same lab, with their own global scope, $Error and history (src/engine/powershell-api.ts).
import { describe, expect, it } from 'vitest';
import { outputCmdlets } from '../../src/cmdlets/core/output.js';
import { objectCmdlets } from '../../src/cmdlets/core/objects.js';
import { testCmdlets, testShell } from './helpers.js';

const shell = () => testShell({ cmdlets: [...testCmdlets, ...outputCmdlets, ...objectCmdlets] });
const out = async (text: string) => {
  const r = await shell().eval(text);
  expect(r.errors.map((e) => e.message)).toEqual([]);
  return r.output;
};

describe('[powershell]', () => {
  it('AddScript runs in a runspace of its own; functions it defines stay for the next run', async () => {
    expect(
      await out(
        "$x = 'outer'; $ps = [powershell]::Create(); $null = $ps.AddScript('function g { \"g:$args\" }; $x = 5').Invoke(); $ps.Commands.Clear(); $r = $ps.AddCommand('g').AddArgument('a').Invoke(); $r[0]; $x; $r.Count",
      ),
    ).toEqual(['g:a', 'outer', 1]);
  });

  it('Streams collect verbose, warning, debug and error records; HadErrors and the state follow', async () => {
    expect(
      await out(
        "$ps = [powershell]::Create(); $o = $ps.AddScript('Write-Verbose v -Verbose; Write-Warning w; Write-Debug d -Debug; Write-Error e; 1').Invoke(); $o[0]; $ps.Streams.Verbose[0].Message; $ps.Streams.Warning.Count; $ps.Streams.Debug[0].ToString(); $ps.Streams.Error[0].ToString(); $ps.HadErrors; [string]$ps.InvocationStateInfo.State; $ps.Streams.ClearStreams(); $ps.Streams.Error.Count",
      ),
    ).toEqual([1, 'v', 1, 'd', 'e', true, 'Completed', 0]);
  });

  it('AddParameter and AddParameters bind by name; Invoke(input) pipes the input', async () => {
    expect(
      await out(
        "$ps = [powershell]::Create(); $ps.AddCommand('Select-Object').AddParameters(@{ First = 2 }) > $null; $ps.Invoke(@(7, 8, 9)) -join ','; $ps.Commands.Clear(); $ps.AddScript('param($a, $b) \"$a-$b\"').AddParameter('b', 2).AddParameter('a', 1).Invoke()",
      ),
    ).toEqual(['7,8', '1-2']);
  });

  it('AddStatement separates pipelines; BeginInvoke/EndInvoke hand over the output', async () => {
    expect(await out("$ps = [powershell]::Create(); $null = $ps.AddScript('1').AddStatement().AddScript('2'); $ar = $ps.BeginInvoke(); $ps.EndInvoke($ar) -join ','")).toEqual(['1,2']);
  });

  it('a terminating error comes out of Invoke as a MethodInvocationException around the error', async () => {
    expect(
      await out(
        "$ps = [powershell]::Create(); try { $ps.AddScript('throw \"boom\"').Invoke() } catch { $_.Exception.GetType().Name; $_.Exception.InnerException.GetType().Name; $_.Exception.Message; [string]$ps.InvocationStateInfo.State }",
      ),
    ).toEqual(['MethodInvocationException', 'RuntimeException', 'Exception calling "Invoke" with "0" argument(s): "boom"', 'Failed']);
  });

  it('-ErrorAction Stop inside the runspace throws an ActionPreferenceStopException holding the error', async () => {
    expect(
      await out(
        "$ps = [powershell]::Create(); try { $ps.AddCommand('Fail-Item').AddParameter('Name', 'x').AddParameter('ErrorAction', 'Stop').Invoke() } catch { $_.FullyQualifiedErrorId; $_.Exception.InnerException.GetType().Name; $_.Exception.InnerException.ErrorRecord.TargetObject }",
      ),
    ).toEqual(['ActionPreferenceStopException', 'ActionPreferenceStopException', 'x']);
  });

  it('ThrowTerminatingError comes out as a CmdletInvocationException around the record\'s exception', async () => {
    expect(
      await out(
        "$ps = [powershell]::Create(); $null = $ps.AddScript('function t { [CmdletBinding()] param() $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new([System.ArgumentException]::new(\"bad\"), \"id\", \"InvalidArgument\", $null)) }').Invoke(); $ps.Commands.Clear(); try { $ps.AddCommand('t').Invoke() } catch { $_.Exception.InnerException.GetType().Name; $_.Exception.InnerException.InnerException.GetType().Name; $_.Exception.InnerException.InnerException.Message }",
      ),
    ).toEqual(['CmdletInvocationException', 'ArgumentException', 'bad']);
  });
});

describe('[runspacefactory] and PSInvocationSettings', () => {
  it('a runspace opened and given to a PowerShell keeps its variables; SessionStateProxy reads and writes them', async () => {
    expect(
      await out(
        "$rs = [runspacefactory]::CreateRunspace(); [string]$rs.RunspaceStateInfo.State; $rs.Open(); $rs.SessionStateProxy.SetVariable('n', 41); $ps = [powershell]::Create(); $ps.Runspace = $rs; $null = $ps.AddScript('$n++').Invoke(); $rs.SessionStateProxy.GetVariable('n'); $ps.Dispose(); $rs.Dispose(); [string]$rs.RunspaceStateInfo.State",
      ),
    ).toEqual(['BeforeOpen', 42, 'Closed']);
  });

  it('a runspace not opened cannot run commands', async () => {
    const r = await shell().eval("$rs = [runspacefactory]::CreateRunspace(); $ps = [powershell]::Create(); $ps.Runspace = $rs; $ps.AddScript('1').Invoke()");
    expect(r.errors[0]?.errorId).toBe('InvalidRunspaceStateException');
  });

  it('AddToHistory puts the run in the runspace\'s history', async () => {
    expect(
      await out(
        "$s = [System.Management.Automation.PSInvocationSettings]::new(); $s.AddToHistory = $true; $ps = [powershell]::Create(); $null = $ps.AddScript('1+1').Invoke($null, $s); $ps.Commands.Clear(); $h = $ps.AddScript('Get-History').Invoke(); $h.Count; $h[0].CommandLine",
      ),
    ).toEqual([1, '1+1']);
  });
});

describe('errors seen from a runspace', () => {
  it('an error\'s InvocationInfo.HistoryId is the id of the command line that raised it; ThrowTerminatingError names the function', async () => {
    expect(
      await out(
        "$s = [System.Management.Automation.PSInvocationSettings]::new(); $s.AddToHistory = $true; $ps = [powershell]::Create(); $null = $ps.AddScript('function bar { [CmdletBinding()] param() $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new([System.ArgumentException]::new(), \"TTE\", \"InvalidOperation\", $null)) }').Invoke($null, $s); $ps.Commands.Clear(); try { $null = $ps.AddScript('bar').Invoke($null, $s) } catch { }; $ps.Commands.Clear(); $e = $ps.AddScript('$Error[0]').Invoke(); $e.FullyQualifiedErrorId; $e.InvocationInfo.HistoryId",
      ),
    ).toEqual(['TTE,bar', 2]);
  });

  it('[System.IO.Path]::GetExtension() without its argument is an overload error', async () => {
    const r = await shell().eval('[System.IO.Path]::GetExtension()');
    expect(r.errors[0]?.errorId).toBe('MethodCountCouldNotFindBest');
  });
});

describe('Get-Runspace and $Host.Runspace', () => {
  it('lists the shell\'s own runspace first and those made until they are disposed; -Name, -Id, -InstanceId pick', async () => {
    expect(
      await out(
        "$Host.Runspace.Id; $ExecutionContext.Host.Runspace.Name; $r = [runspacefactory]::CreateRunspace(); @(Get-Runspace).Count; (Get-Runspace -Name 'Runspace*' | Measure-Object).Count; (Get-Runspace -Id $r.Id).Name; (Get-Runspace -InstanceId $Host.Runspace.InstanceId).Id; $r.Dispose(); @(Get-Runspace).Count",
      ),
    ).toEqual([1, 'Runspace1', 2, 2, 'Runspace2', 1, 1]);
  });
});

describe('RunspacePool', () => {
  it('can be set to $null (emsh has no pools; the instance runs in its own runspace)', async () => {
    expect(await out("$ps = [powershell]::Create(); $ps.RunspacePool = $null; $ps.AddScript('7').Invoke()")).toEqual([7]);
  });
});

import { describe, expect, it } from 'vitest';
import { allCmdlets } from '../../src/cmdlets/index.js';
import { renderer } from '../../src/format/index.js';
import { testShell as baseShell } from './helpers.js';

const testShell = () => baseShell({ cmdlets: allCmdlets, renderer });

// The side streams carry records (WarningRecord, VerboseRecord, DebugRecord, InformationRecord):
// redirected they arrive as those objects, whose text is the bare message; the console shows a
// record merged into the output with its stream's prefix.
describe('stream records', () => {
  it('4>&1, 3>&1 and 5>&1 give VerboseRecord, WarningRecord and DebugRecord objects', async () => {
    const sh = testShell();
    const r = await sh.eval(
      "$v = Write-Verbose 'v1' -Verbose 4>&1; $w = Write-Warning 'w1' 3>&1; $d = Write-Debug 'd1' -Debug 5>&1; " +
        "$v.GetType().FullName; $w.GetType().FullName; $d.GetType().FullName; $v.Message; \"$w\"; $d -is [System.Management.Automation.InformationalRecord]",
    );
    expect(r.output).toEqual([
      'System.Management.Automation.VerboseRecord',
      'System.Management.Automation.WarningRecord',
      'System.Management.Automation.DebugRecord',
      'v1',
      'w1',
      true,
    ]);
  });

  it('a merged record prints with its prefix at the console, as its message in Out-String and files', async () => {
    const sh = testShell();
    await sh.run("Write-Warning 'careful' 3>&1; $x = Write-Verbose 'saved' -Verbose 4>&1; $x");
    const shown = sh.host.lines.map((l) => `${l.kind}:${l.text}`);
    expect(shown).toContain('warning:WARNING: careful');
    expect(shown).toContain('verbose:VERBOSE: saved');
    const r = await sh.eval("(Write-Warning 'plain' 3>&1 | Out-String).Trim(); Write-Warning 'in file' 3>&1 > C:\\w.txt; Get-Content C:\\w.txt");
    expect(r.output).toEqual(['plain', 'in file']);
  });

  it("a redirected expression's streams go through its redirection", async () => {
    const sh = testShell();
    const r = await sh.eval("$(Write-Verbose -Message 'test' -Verbose:$true) 4>&1 | ForEach-Object { $_.GetType().Name + ':' + $_ }");
    expect(r.output).toEqual(['VerboseRecord:test']);
  });

  it('-WarningVariable collects WarningRecords; the record carries the InvocationInfo', async () => {
    const sh = testShell();
    const r = await sh.eval("Write-Warning 'w2' -WarningVariable wv -WarningAction SilentlyContinue; $wv[0].GetType().Name; $wv[0].Message; $wv[0].InvocationInfo.GetType().FullName");
    expect(r.output).toEqual(['WarningRecord', 'w2', 'System.Management.Automation.InvocationInfo']);
  });

  it('Write-Information writes an InformationRecord with the object, the tags and where it came from', async () => {
    const sh = testShell();
    const r = await sh.eval(
      "$r = Write-Information 'Test Message' -Tags t1 *>&1; $r.GetType().FullName; \"$r\"; $r.ProcessId -eq $PID; $r.User; $r.Tags; $r.NativeThreadId -ne 0; " +
        '$null | Write-Information -Tags myTag -InformationAction SilentlyContinue -InformationVariable i; $i.Tags; $null -eq $i.MessageData',
    );
    expect(r.output).toEqual(['System.Management.Automation.InformationRecord', 'Test Message', true, 'PROEXCHANGE\\Administrator', 't1', true, 'myTag', true]);
  });

  it('Write-Host 6>&1 gives an InformationRecord tagged PSHOST holding a HostInformationMessage', async () => {
    const sh = testShell();
    const r = await sh.eval("$h = Write-Host 'hello' -ForegroundColor Green 6>&1; $h.Tags; $h.MessageData.GetType().FullName; $h.MessageData.Message; \"$h\"");
    expect(r.output).toEqual(['PSHOST', 'System.Management.Automation.HostInformationMessage', 'hello', 'hello']);
    expect(sh.host.lines.map((l) => l.text)).not.toContain('hello');
  });
});

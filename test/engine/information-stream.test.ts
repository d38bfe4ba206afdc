import { describe, expect, it } from 'vitest';
import { objectCmdlets } from '../../src/cmdlets/core/objects.js';
import { testCmdlets, testShell as baseShell } from './helpers.js';

const testShell = () => baseShell({ cmdlets: [...testCmdlets, ...objectCmdlets] });

describe('Write-Information and the information stream', () => {
  it('is recorded but not shown under the default InformationPreference (SilentlyContinue)', async () => {
    const sh = testShell();
    const r = await sh.eval("Write-Information 'quiet'; $r = Write-Information 'caught' 6>&1; \"[$r]\"");
    expect(r.output).toEqual(['[caught]']);
    expect(sh.host.lines.map((l) => l.text).join('\n')).not.toContain('quiet');
  });

  it('is shown with -InformationAction Continue or $InformationPreference Continue; Ignore drops it', async () => {
    const sh = testShell();
    await sh.eval("Write-Information 'one' -InformationAction Continue; $InformationPreference = 'Continue'; Write-Information 'two'; Write-Information 'three' -InformationAction Ignore");
    const shown = sh.host.lines.map((l) => l.text).join('\n');
    expect(shown).toContain('one');
    expect(shown).toContain('two');
    expect(shown).not.toContain('three');
  });

  it("[powershell]'s Streams.Information gets one record per pipeline object", async () => {
    const sh = testShell();
    const r = await sh.eval("$ps = [powershell]::Create(); $null = $ps.AddScript(\"'a',12345 | Write-Information\").Invoke(); $ps.Streams.Information.Count; $ps.Streams.Information[1].MessageData");
    // MessageData is the object written (an Int32 here), not its text.
    expect(r.output).toEqual([2, 12345]);
  });
});

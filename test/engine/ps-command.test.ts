// PSCommand ($ps.Commands): its Add* methods build the instance's command list and return the
// PSCommand, as in .NET (PSCommand AddScript(string), AddStatement()...).
import { describe, expect, it } from 'vitest';
import { outputCmdlets } from '../../src/cmdlets/core/output.js';
import { objectCmdlets } from '../../src/cmdlets/core/objects.js';
import { testCmdlets, testShell } from './helpers.js';

const out = async (text: string) => {
  const r = await testShell({ cmdlets: [...testCmdlets, ...outputCmdlets, ...objectCmdlets] }).eval(text);
  expect(r.errors.map((e) => e.message)).toEqual([]);
  return r.output;
};

describe('PSCommand', () => {
  it('AddScript, AddStatement, AddCommand and AddArgument on $ps.Commands add statements the instance runs', async () => {
    expect(
      await out(
        "$ps = [powershell]::Create(); $c = $ps.AddScript('$v = 40'); $r = $ps.Commands.AddStatement(); $r.GetType().FullName; $null = $ps.Commands.AddScript('$v + 2').AddStatement().AddCommand('Write-Output').AddArgument('w'); $ps.Commands.Commands.Count; $ps.Invoke()",
      ),
    ).toEqual(['System.Management.Automation.PSCommand', 3, 42, 'w']);
  });
});

import { describe, expect, it } from 'vitest';
import { testShell } from './helpers.js';

const CONFIRM_MESSAGE = 'Are you sure you want to perform this action?\nPerforming the operation "Remove Thing" on target "a".';

describe('ShouldProcess', () => {
  it('-WhatIf prints the What if line and skips the action', async () => {
    const sh = testShell();
    const r = await sh.eval('Remove-Thing a -WhatIf');
    expect(r.output).toEqual([]);
    expect(sh.host.lines).toEqual([{ text: 'What if: Performing the operation "Remove Thing" on target "a".', kind: 'host' }]);
  });

  it('$WhatIfPreference applies too', async () => {
    const sh = testShell();
    const r = await sh.eval('$WhatIfPreference = $true; Remove-Thing b');
    expect(r.output).toEqual([]);
    expect(sh.host.text()).toContain('What if:');
  });

  it('ConfirmImpact High >= $ConfirmPreference High asks; Yes proceeds', async () => {
    const sh = testShell({ interactive: true });
    sh.host.choiceAnswers.push(0);
    const r = await sh.eval('Remove-Thing a');
    expect(r.output).toEqual(['removed a']);
    const p = sh.host.choicePrompts[0]!;
    expect(p.caption).toBe('Confirm');
    expect(p.message).toBe(CONFIRM_MESSAGE);
    expect(p.choices.map((c) => c.label)).toEqual(['&Yes', 'Yes to &All', '&No', 'No to A&ll', '&Suspend']);
    expect(p.choices[0]!.help).toBe('Continue with only the next step of the operation.');
  });

  it('No skips; Yes to All is remembered for the rest of the pipeline', async () => {
    const sh = testShell({ interactive: true });
    sh.host.choiceAnswers.push(2);
    expect((await sh.eval('Remove-Thing a')).output).toEqual([]);
    sh.host.choicePrompts.length = 0;
    sh.host.choiceAnswers.push(1);
    expect((await sh.eval("'a', 'b', 'c' | Remove-Thing")).output).toEqual(['removed a', 'removed b', 'removed c']);
    expect(sh.host.choicePrompts).toHaveLength(1);
  });

  it('No to All skips the rest', async () => {
    const sh = testShell({ interactive: true });
    sh.host.choiceAnswers.push(3);
    expect((await sh.eval("'a', 'b' | Remove-Thing")).output).toEqual([]);
    expect(sh.host.choicePrompts).toHaveLength(1);
  });

  it('-Confirm:$false skips the prompt; a lower $ConfirmPreference asks for less', async () => {
    const sh = testShell({ interactive: true });
    expect((await sh.eval('Remove-Thing a -Confirm:$false')).output).toEqual(['removed a']);
    expect((await sh.eval("$ConfirmPreference = 'None'; Remove-Thing b")).output).toEqual(['removed b']);
    expect(sh.host.choicePrompts).toHaveLength(0);
  });

  it('a non-interactive host cannot ask: the host error terminates the command', async () => {
    const sh = testShell();
    const r = await sh.eval('Remove-Thing a');
    expect(r.output).toEqual([]);
    expect(r.errors[0]!.message).toBe('Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.');
  });
});

describe('ConfirmImpact of an advanced function', () => {
  it('[CmdletBinding(ConfirmImpact = "None")]: ShouldProcess never asks, even with -Confirm', async () => {
    const r = await testShell().eval("function f { [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'None')] param() if ($PSCmdlet.ShouldProcess('t', 'a')) { 'done' } }; f -Confirm");
    expect(r.errors).toEqual([]);
    expect(r.output).toEqual(['done']);
  });
});

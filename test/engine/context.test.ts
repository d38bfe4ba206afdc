import { describe, expect, it } from 'vitest';
import type { CmdletDeclaration } from '../../src/protocol/cmdlet.js';
import { PSHashtable, type ScriptBlockValue } from '../../src/protocol/values.js';
import { testCmdlets, testShell } from './helpers.js';

const runWith: CmdletDeclaration = {
  name: 'Run-With',
  synopsis: '',
  description: '',
  parameters: {
    Block: { type: 'ScriptBlock', sets: { __AllParameterSets: { position: 0 } } },
    Mode: { type: 'String', sets: { __AllParameterSets: { position: 1 } } },
  },
  examples: [],
  async process(p, ctx) {
    const block = p.Block as ScriptBlockValue;
    if (p.Mode === 'args') ctx.write(await ctx.invoke(block, { args: [2, 3] }), true);
    else if (p.Mode === 'input') ctx.write(await ctx.invoke(block, { input: [1, 2, 3] }), true);
    else if (p.Mode === 'continue') ctx.write(await ctx.shouldContinue('Really?', 'Question'));
    else if (p.Mode === 'session') {
      ctx.session.setVariable('fromCmdlet', 42);
      ctx.write(ctx.session.getVariable('callerVar'));
      ctx.write(ctx.bound.has('Mode'));
    }
  },
};

const shell = (interactive = false) => testShell({ interactive, cmdlets: [...testCmdlets, runWith] });

describe('CmdletContext', () => {
  it('invoke with args binds param() positionally', async () => {
    const r = await shell().eval("Run-With { param($a, $b) $a * $b } args");
    expect(r.output).toEqual([6]);
  });

  it('invoke with input runs process per object and gives $input to end', async () => {
    const r = await shell().eval("Run-With { begin { 'b' } process { $_ * 10 } end { 'e' } } input");
    expect(r.output).toEqual(['b', 10, 20, 30, 'e']);
    const r2 = await shell().eval("Run-With { $input.Count } input");
    expect(r2.output).toEqual([3]);
  });

  it('shouldContinue asks Yes / Yes to All / No / No to All (as Exchange\'s questions show)', async () => {
    const sh = shell(true);
    sh.host.choiceAnswers.push(2);
    const r = await sh.eval('Run-With {} continue');
    expect(r.output).toEqual([false]);
    expect(sh.host.choicePrompts[0]).toMatchObject({ caption: 'Question', message: 'Really?' });
    expect(sh.host.choicePrompts[0]!.choices.map((c) => c.label)).toEqual(['&Yes', 'Yes to &All', '&No', 'No to A&ll']);
  });

  it('session services see the caller scope; bound names', async () => {
    const r = await shell().eval("function f { $callerVar = 'local'; Run-With {} session; $fromCmdlet }; f; $null -eq $fromCmdlet");
    expect(r.output).toEqual(['local', true, 42, true]);
  });

  it('-OutVariable keeps the output', async () => {
    const r = await shell().eval('Emit-Numbers 3 -OutVariable got | Out-Null2; $got.Count'.replace(' | Out-Null2', ' > $null'));
    expect(r.output).toEqual([3]);
  });

  it('$PSBoundParameters and $MyInvocation in functions', async () => {
    const r = await shell().eval('function f { param($A, $B) $PSBoundParameters.Count; $MyInvocation.MyCommand.Name; $MyInvocation.InvocationName }; f -A 1');
    expect(r.output).toEqual([1, 'f', 'f']);
    const [h] = (await shell().eval('function g { param($X) $PSBoundParameters }; g -X 5')).output as [PSHashtable];
    expect(h.get('X')).toBe(5);
  });

  it('a failing renderer or host never escapes execute()', async () => {
    const sh = testShell({
      renderer: {
        outDefault: () => ({
          write: () => {
            throw new Error('renderer broke');
          },
          end: () => undefined,
        }),
        errorLines: (r) => [r.message],
      },
    });
    const res = await sh.session.execute("'x'; 'y'");
    expect(res.ok).toBe(false);
    expect(sh.host.text('error')).toContain('renderer broke');
  });
});

describe('transcripts', () => {
  it('copies host lines and typed commands into the file', async () => {
    const sh = testShell();
    const path = sh.fs.resolve('C:\\temp\\t.txt', 'C:\\');
    sh.session.services.startTranscript(path, false);
    await sh.session.execute("'hello'");
    sh.session.services.stopTranscript();
    const text = Buffer.from(sh.fs.readBytes(path)).toString('utf8');
    expect(text.startsWith('\ufeff**********************\r\nWindows PowerShell transcript start\r\n')).toBe(true);
    expect(text).toContain("PS C:\\Windows\\system32> 'hello'\r\nhello\r\n");
    expect(text).toContain('Windows PowerShell transcript end');
  });
});

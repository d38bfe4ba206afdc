import { beforeEach, describe, expect, it } from 'vitest';
import { testShell, traceLog } from './helpers.js';

beforeEach(() => {
  traceLog.length = 0;
});

describe('pipelines', () => {
  it('all begins first, then objects flow one by one, then ends in order', async () => {
    const sh = testShell();
    const r = await sh.eval('1, 2 | Trace-Stage A | Trace-Stage B');
    expect(r.output).toEqual([1, 2]);
    expect(traceLog).toEqual([
      'A:begin',
      'B:begin',
      'A:process:1',
      'B:process:1',
      'A:process:2',
      'B:process:2',
      'A:end',
      'B:end',
    ]);
  });

  it('downstream runs as soon as upstream writes', async () => {
    const sh = testShell();
    await sh.eval('Emit-Numbers 2 | Trace-Stage T');
    expect(traceLog).toEqual(['T:begin', 'emit:1', 'T:process:1', 'emit:2', 'T:process:2', 'T:end']);
  });

  it('a command first in the pipeline runs process once without input; later stages not at all without input', async () => {
    const sh = testShell();
    await sh.eval('Trace-Stage Solo');
    expect(traceLog).toEqual(['Solo:begin', 'Solo:process:', 'Solo:end']);
    traceLog.length = 0;
    await sh.eval('@() | Trace-Stage Empty');
    expect(traceLog).toEqual(['Empty:begin', 'Empty:end']);
  });

  it('script blocks run per object through ctx.invoke, with $_', async () => {
    const sh = testShell();
    const r = await sh.eval('1..4 | Invoke-Block { $_ * 10 } | Sum-Input');
    expect(r.output).toEqual([100]);
  });

  it('ctx.invoke blocks see and change the caller scope (dot-sourced, like ForEach-Object)', async () => {
    const sh = testShell();
    const r = await sh.eval('$sum = 0; 1..3 | Invoke-Block { $sum += $_ }; $sum');
    expect(r.output).toEqual([6]);
  });

  it('Uint8Array and hashtables do not unroll', async () => {
    const sh = testShell();
    const r = await sh.eval('$h = @{ a = 1 }; $h | Trace-Stage H');
    expect(r.output.length).toBe(1);
    expect(traceLog).toContain('H:process:System.Collections.Hashtable');
  });

  it('unknown commands: CommandNotFoundException with the 5.1 text', async () => {
    const sh = testShell();
    const r = await sh.eval('Get-Nonsense -x 1');
    expect(r.errors).toHaveLength(1);
    const e = r.errors[0]!;
    expect(e.message).toBe(
      "The term 'Get-Nonsense' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
    );
    expect(e.category).toBe('ObjectNotFound');
    expect(e.fullyQualifiedErrorId).toBe('CommandNotFoundException');
    expect(e.targetObject).toBe('Get-Nonsense');
    expect(e.invocation?.span).toEqual({ start: 0, end: 12 });
  });

  it('aliases resolve, and names are case-insensitive', async () => {
    const sh = testShell({ cmdlets: [{ ...(await import('./helpers.js')).emitNumbers, aliases: ['en'] }] });
    expect((await sh.eval('en 2')).output).toEqual([1, 2]);
    expect((await sh.eval('EMIT-numbers 1')).output).toEqual([1]);
  });

  it('mandatory parameters: prompt in an interactive host', async () => {
    const sh = testShell({ interactive: true });
    sh.host.fieldAnswers.push({ Name: 'Ann' });
    const r = await sh.eval('Need-Name');
    expect(r.output).toEqual(['hello Ann']);
    expect(sh.host.fieldPrompts[0]).toMatchObject({
      caption: 'cmdlet Need-Name at command pipeline position 1',
      message: 'Supply values for the following parameters:',
    });
    expect(sh.host.fieldPrompts[0]!.fields.map((f) => f.name)).toEqual(['Name']);
  });

  it('mandatory parameters: an error in a non-interactive host', async () => {
    const sh = testShell();
    const r = await sh.eval('Need-Name');
    expect(r.errors[0]?.errorId).toBe('MissingMandatoryParameter');
  });

  it('the 200,000-object benchmark shape streams and sums correctly', async () => {
    const sh = testShell();
    const r = await sh.eval('1..200000 | Invoke-Block { $_ * 2 } | Sum-Input');
    expect(r.output).toEqual([40000200000]);
  });
});

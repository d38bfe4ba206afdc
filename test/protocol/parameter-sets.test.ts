// One parameter-set resolver and one common-parameter table (src/protocol/parameter-sets.ts).
// The binder, Get-Help / Get-Command -Syntax and tab completion used to compute sets, defaults
// and parameter names on their own (and disagreed on a default set no parameter names); each
// case here is checked through all of them.
import { describe, expect, it } from 'vitest';
import { allCmdlets } from '../../src/cmdlets/index.js';
import { syntaxLines } from '../../src/cmdlets/core/help-text.js';
import { ALL_SETS, type CmdletDeclaration } from '../../src/protocol/cmdlet.js';
import { COMMON_PARAMETERS, matchParameterName, parameterSetsOf } from '../../src/protocol/parameter-sets.js';
import { complete, type CompletionSource } from '../../src/ui/completion.js';
import { commandsFor } from '../cmdlets/fake-context.js';
import { testShell } from '../engine/helpers.js';

/** A cmdlet that writes the parameter set it was bound in. */
function decl(name: string, parts: Partial<CmdletDeclaration>): CmdletDeclaration {
  return {
    name,
    synopsis: 's',
    description: 'd',
    examples: [],
    parameters: {},
    process: (_p, ctx) => ctx.write(ctx.parameterSetName),
    ...parts,
  };
}

const unnamedDefault = decl('Test-UnnamedDefault', {
  defaultParameterSet: 'Default',
  parameters: {
    Path: { type: 'String', sets: { Path: { position: 0, mandatory: true } } },
    LiteralPath: { type: 'String', sets: { Literal: { mandatory: true } } },
    Force: { type: 'Switch' },
  },
});
const noDefault = decl('Test-NoDefault', {
  parameters: {
    A: { type: 'String', sets: { SetA: { mandatory: true } } },
    B: { type: 'String', sets: { SetB: { mandatory: true } } },
  },
});
const oneSet = decl('Test-OneSet', { parameters: { Name: { type: 'String', sets: { Only: { position: 0 } } }, Other: { type: 'String', sets: {} } } });
const noSets = decl('Test-NoSets', { supportsShouldProcess: true, parameters: { Verb: { type: 'String' }, Name: { type: 'String', aliases: ['n'] } } });
const TESTS = [unnamedDefault, noDefault, oneSet, noSets];

describe('the parameter-set rule', () => {
  it.each([
    [unnamedDefault, ['Default', 'Path', 'Literal'], 'Default'],
    [noDefault, ['SetA', 'SetB'], ALL_SETS],
    [oneSet, ['Only'], 'Only'],
    [noSets, [ALL_SETS], ALL_SETS],
  ])('%#: sets and default', (d, names, defaultSet) => {
    expect(parameterSetsOf(d)).toEqual({ names, defaultSet });
  });

  it('parameter names: exact name or alias, else a unique prefix; a declared parameter beats common ones', () => {
    const names = (typed: string) => matchParameterName(noSets, typed).map((m) => m.name);
    expect(names('n')).toEqual(['Name']); // alias
    expect(names('Ver')).toEqual(['Verb']); // declared beats -Verbose
    expect(names('Verbo')).toEqual(['Verbose']);
    expect(names('wh')).toEqual(['WhatIf']);
    expect(names('e')).toEqual(['ErrorAction', 'ErrorVariable']); // ambiguous
    expect(matchParameterName(noDefault, 'wh')).toEqual([]); // no ShouldProcess
  });
});

describe('binder, help and completion agree', () => {
  it.each(TESTS.map((d) => [d.name, d] as const))('%s: one syntax line per set, default first, and the binder picks that default', async (_, d) => {
    const { names, defaultSet } = parameterSetsOf(d);
    const lines = syntaxLines(d);
    expect(lines.length).toBe(names.length);
    const sh = testShell({ cmdlets: [...allCmdlets, ...TESTS] });
    const syntax = (await sh.eval(`Get-Command ${d.name} -Syntax`)).output.join('');
    expect(syntax.trim().split(/\n\n/)).toEqual(lines);
    const sets = (await sh.eval(`(Get-Command ${d.name}).ParameterSets | ForEach-Object Name`)).output;
    expect(sets).toEqual(names);
    if (defaultSet !== ALL_SETS) {
      // With no arguments (and no mandatory parameter in the default set) the binder is in the default set.
      const r = await sh.eval(d.name);
      expect(r.output).toEqual([defaultSet]);
    }
  });

  it('a set named by an argument narrows the binding to it', async () => {
    const sh = testShell({ cmdlets: [...allCmdlets, ...TESTS] });
    expect((await sh.eval('Test-UnnamedDefault -LiteralPath x')).output).toEqual(['Literal']);
    expect((await sh.eval('Test-UnnamedDefault x')).output).toEqual(['Path']);
    expect((await sh.eval('Test-NoDefault -B x')).output).toEqual(['SetB']);
    const ambiguous = await sh.eval('Test-NoDefault');
    expect(ambiguous.errors[0]?.errorId).toBe('AmbiguousParameterSet');
  });

  it('the binder and completion resolve typed names the same way', async () => {
    const sh = testShell({ cmdlets: [...allCmdlets, ...TESTS] });
    // -Ver is -Verb (declared) for both.
    expect((await sh.eval("Test-NoSets -Ver x; 'ok'")).errors).toEqual([]);
    const src: CompletionSource = { commands: () => commandsFor([...TESTS]), variables: () => [], thumbprints: () => [], machines: () => [], paths: () => [] };
    const texts = (line: string) => complete(line, line.length, src).candidates.map((c) => c.text);
    // Every common parameter from the one table, and -WhatIf/-Confirm only with ShouldProcess.
    const all = texts('Test-NoSets -');
    for (const n of [...Object.keys(COMMON_PARAMETERS), 'WhatIf', 'Confirm']) expect(all).toContain('-' + n);
    expect(texts('Test-NoDefault -')).not.toContain('-WhatIf');
    // A common parameter's values come from its declaration in the table (by alias too).
    expect(texts('Test-NoSets -ea ')).toEqual(['SilentlyContinue', 'Stop', 'Continue', 'Inquire', 'Ignore', 'Suspend']);
    expect(texts('Test-NoSets -ErrorAction s')).toEqual(['SilentlyContinue', 'Stop', 'Suspend']);
  });
});

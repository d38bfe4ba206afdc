// The pipeline-shaping cmdlets, run through a fake context (no engine, no binder).
import { describe, expect, it } from 'vitest';
import ForEachObject from '../../src/cmdlets/core/ForEach-Object.js';
import GroupObject from '../../src/cmdlets/core/Group-Object.js';
import MeasureObject from '../../src/cmdlets/core/Measure-Object.js';
import SelectObject from '../../src/cmdlets/core/Select-Object.js';
import SortObject from '../../src/cmdlets/core/Sort-Object.js';
import WhereObject from '../../src/cmdlets/core/Where-Object.js';
import { PSHashtable, PSObject, PSTypeValue } from '../../src/protocol/values.js';
import { block, runCmdlet } from './fake-context.js';

const obj = (r: Record<string, unknown>, type?: string) =>
  PSObject.fromRecord(r, type ? [type, 'System.Object'] : undefined);
const ht = (r: Record<string, unknown>) => {
  const h = new PSHashtable();
  for (const [k, v] of Object.entries(r)) h.set(k, v);
  return h;
};
const props = (o: unknown) => (o as PSObject).properties().map((p) => [p.name, p.get()]);

const certs = [
  obj({ Thumbprint: 'AA', Status: 'Valid', Days: 30 }, 'Cert'),
  obj({ Thumbprint: 'BB', Status: 'Expired', Days: -2 }, 'Cert'),
  obj({ Thumbprint: 'CC', Status: 'valid', Days: 400 }, 'Cert'),
];

describe('Where-Object', () => {
  it('filters with a script block, run in the caller scope with $_', async () => {
    const r = await runCmdlet(WhereObject, { params: { FilterScript: block((x) => (x as number) % 2 === 0) }, parameterSet: 'ScriptBlockSet', input: [1, 2, 3, 4] });
    expect(r.output).toEqual([2, 4]);
    expect(r.invocations[0]).toMatchObject({ dollarUnder: 1, dotSource: true });
  });

  it('comparison form: -eq is case-insensitive, -ceq is not', async () => {
    const eq = await runCmdlet(WhereObject, { params: { Property: 'Status', Value: 'Valid', EQ: true }, parameterSet: 'EqualSet', input: certs });
    expect(eq.output.map((c) => (c as PSObject).get('Thumbprint'))).toEqual(['AA', 'CC']);
    const ceq = await runCmdlet(WhereObject, { params: { Property: 'Status', Value: 'Valid', CEQ: true }, parameterSet: 'CaseSensitiveEqualSet', input: certs });
    expect(ceq.output.map((c) => (c as PSObject).get('Thumbprint'))).toEqual(['AA']);
  });

  it('comparison form: -lt, -like, -match, -notin', async () => {
    const run = async (p: Record<string, unknown>, set: string) =>
      (await runCmdlet(WhereObject, { params: p, parameterSet: set, input: certs })).output.map((c) => (c as PSObject).get('Thumbprint'));
    expect(await run({ Property: 'Days', Value: 31, LT: true }, 'LessThanSet')).toEqual(['AA', 'BB']);
    expect(await run({ Property: 'Status', Value: 'Exp*', Like: true }, 'LikeSet')).toEqual(['BB']);
    expect(await run({ Property: 'Thumbprint', Value: '^[AB]', Match: true }, 'MatchSet')).toEqual(['AA', 'BB']);
    expect(await run({ Property: 'Thumbprint', Value: ['AA', 'CC'], NotIn: true }, 'NotInSet')).toEqual(['BB']);
  });

  it('a property alone tests its truth', async () => {
    const r = await runCmdlet(WhereObject, { params: { Property: 'Days' }, parameterSet: 'EqualSet', input: [obj({ Days: 0 }), obj({ Days: 3 }), obj({})] });
    expect(r.output.map(props)).toEqual([[['Days', 3]]]);
  });

  it('an explicit operator without -Value is an error', async () => {
    const r = await runCmdlet(WhereObject, { params: { Property: 'Days', GT: true }, parameterSet: 'GreaterThanSet', input: certs });
    expect(r.terminating?.fullyQualifiedErrorId).toBe('ValueNotSpecifiedForWhereObject,Microsoft.PowerShell.Commands.WhereObjectCommand');
  });
});

describe('ForEach-Object', () => {
  it('runs begin, process per object and end, in the caller scope', async () => {
    let total = 0;
    const r = await runCmdlet(ForEachObject, {
      params: {
        Begin: block(() => 'start'),
        Process: [block((x) => { total += x as number; return (x as number) * 10; })],
        End: block(() => `total ${total}`),
      },
      input: [1, 2, 3],
    });
    expect(r.output).toEqual(['start', 10, 20, 30, 'total 6']);
    expect(r.invocations.every((o) => o.dotSource)).toBe(true);
  });

  it('reads two and three positional blocks as begin/process(/end)', async () => {
    const two = await runCmdlet(ForEachObject, { params: { Process: [block(() => 'b'), block((x) => x)] }, input: [1, 2] });
    expect(two.output).toEqual(['b', 1, 2]);
    const three = await runCmdlet(ForEachObject, { params: { Process: [block(() => 'b'), block((x) => x)], RemainingScripts: [block(() => 'e')] }, input: [1] });
    expect(three.output).toEqual(['b', 1, 'e']);
  });

  it('writes every output of a block, arrays unrolled by the block', async () => {
    const r = await runCmdlet(ForEachObject, { params: { Process: [block((x) => [x, x])] }, input: ['a'] });
    expect(r.output).toEqual(['a', 'a']);
  });

  it('runs once with $_ = $null when there is no input', async () => {
    const r = await runCmdlet(ForEachObject, { params: { Process: [block((x) => `x=${x}`)] } });
    expect(r.output).toEqual(['x=null']);
  });

  it('-MemberName reads a property, or calls a method', async () => {
    const p = await runCmdlet(ForEachObject, { params: { MemberName: 'Status' }, parameterSet: 'PropertyAndMethodSet', input: certs });
    expect(p.output).toEqual(['Valid', 'Expired', 'valid']);
    const m = await runCmdlet(ForEachObject, { params: { MemberName: 'ToUpper' }, parameterSet: 'PropertyAndMethodSet', input: ['iis', 'smtp'] });
    expect(m.output).toEqual(['IIS', 'SMTP']);
    const len = await runCmdlet(ForEachObject, { params: { MemberName: 'Length' }, parameterSet: 'PropertyAndMethodSet', input: ['abc'] });
    expect(len.output).toEqual([3]);
    // A type's members come from the type adapter, which lists none of them up front.
    const t = await runCmdlet(ForEachObject, { params: { MemberName: 'FullName' }, parameterSet: 'PropertyAndMethodSet', input: [new PSTypeValue('System.Int32')] });
    expect(t.output).toEqual(['System.Int32']);
  });
});

describe('Select-Object', () => {
  it('selects named and calculated properties into Selected.* objects', async () => {
    const r = await runCmdlet(SelectObject, {
      params: { Property: ['Thumbprint', ht({ n: 'Left', e: block((c) => (c as PSObject).get('Days')) }), ht({ Label: 'S', Expression: 'Status' })] },
      input: certs.slice(0, 1),
    });
    expect(props(r.output[0])).toEqual([['Thumbprint', 'AA'], ['Left', 30], ['S', 'Valid']]);
    expect((r.output[0] as PSObject).typeNames).toEqual(['Selected.Cert', 'System.Management.Automation.PSCustomObject', 'System.Object']);
  });

  it('expands wildcards, honours -ExcludeProperty, and keeps missing names as $null', async () => {
    const r = await runCmdlet(SelectObject, { params: { Property: ['T*', 'D*', 'Nope'], ExcludeProperty: ['Days'] }, input: certs.slice(0, 1) });
    expect(props(r.output[0])).toEqual([['Thumbprint', 'AA'], ['Nope', null]]);
  });

  it('-First, -Skip, -Last, -Index', async () => {
    const input = [1, 2, 3, 4, 5, 6];
    expect((await runCmdlet(SelectObject, { params: { First: 2, Skip: 1 }, input })).output).toEqual([2, 3]);
    expect((await runCmdlet(SelectObject, { params: { Last: 2 }, input })).output).toEqual([5, 6]);
    expect((await runCmdlet(SelectObject, { params: { Index: [0, 4] }, parameterSet: 'IndexParameter', input })).output).toEqual([1, 5]);
  });

  it('-Unique is case-sensitive', async () => {
    const r = await runCmdlet(SelectObject, { params: { Unique: true }, input: ['a', 'A', 'a', 'b'] });
    expect(r.output).toEqual(['a', 'A', 'b']);
  });

  it('-ExpandProperty writes the values (unrolled) and errors on a missing property', async () => {
    const r = await runCmdlet(SelectObject, { params: { ExpandProperty: 'Domains' }, input: [obj({ Domains: ['a.com', 'b.com'] }), obj({ Other: 1 })] });
    expect(r.output).toEqual(['a.com', 'b.com']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].message).toBe('Property "Domains" cannot be found.');
    expect(r.errors[0].fullyQualifiedErrorId).toBe('ExpandPropertyNotFound,Microsoft.PowerShell.Commands.SelectObjectCommand');
  });
});

describe('Sort-Object', () => {
  it('sorts numbers, strings case-insensitively, equal ones in .NET List.Sort order (not stable)', async () => {
    expect((await runCmdlet(SortObject, { input: [3, 1, 2] })).output).toEqual([1, 2, 3]);
    expect((await runCmdlet(SortObject, { input: ['b', 'B', 'a'] })).output).toEqual(['a', 'B', 'b']);
  });

  it('sorts by properties, -Descending, hashtable directions, -Unique', async () => {
    const byDays = await runCmdlet(SortObject, { params: { Property: ['Days'], Descending: true }, input: certs });
    expect(byDays.output.map((c) => (c as PSObject).get('Thumbprint'))).toEqual(['CC', 'AA', 'BB']);
    const mixed = await runCmdlet(SortObject, {
      params: { Property: ['Status', ht({ Expression: 'Days', Descending: true })] },
      input: certs,
    });
    expect(mixed.output.map((c) => (c as PSObject).get('Thumbprint'))).toEqual(['BB', 'CC', 'AA']);
    const uniq = await runCmdlet(SortObject, { params: { Unique: true }, input: ['b', 'A', 'a', 'B'] });
    expect(uniq.output).toEqual(['A', 'b']);
  });

  it('a script block key runs once per object', async () => {
    const r = await runCmdlet(SortObject, { params: { Property: [block((x) => -(x as number))] }, input: [1, 3, 2] });
    expect(r.output).toEqual([3, 2, 1]);
    expect(r.invocations).toHaveLength(3);
  });
});

describe('Group-Object', () => {
  it('groups in order of first appearance, case-insensitively', async () => {
    const r = await runCmdlet(GroupObject, { params: { Property: ['Status'] }, input: certs });
    expect(r.output.map((g) => [(g as PSObject).get('Count'), (g as PSObject).get('Name')])).toEqual([[2, 'Valid'], [1, 'Expired']]);
    const g = r.output[0] as PSObject;
    expect(g.typeNames[0]).toBe('Microsoft.PowerShell.Commands.GroupInfo');
    expect(g.properties().map((p) => p.name)).toEqual(['Count', 'Name', 'Group', 'Values']);
    expect(g.get('Group')).toEqual([certs[0], certs[2]]);
    expect(g.get('Values')).toEqual(['Valid']);
  });

  it('-AsHashTable maps keys to members', async () => {
    const r = await runCmdlet(GroupObject, { params: { Property: ['Length'], AsHashTable: true }, input: ['a', 'bb', 'c'] });
    const h = r.output[0] as PSHashtable;
    expect(h.get(1)).toEqual(['a', 'c']);
    expect(h.get(2)).toEqual(['bb']);
  });
});

describe('Measure-Object', () => {
  it('counts and sums', async () => {
    const r = await runCmdlet(MeasureObject, { params: { Sum: true }, input: [1, 2, 3, 4, 5] });
    expect(props(r.output[0])).toEqual([['Count', 5], ['Average', null], ['Sum', 15], ['Maximum', null], ['Minimum', null], ['Property', null]]);
    expect((r.output[0] as PSObject).typeNames[0]).toBe('Microsoft.PowerShell.Commands.GenericMeasureInfo');
  });

  it('measures a property: average, max, min', async () => {
    const r = await runCmdlet(MeasureObject, { params: { Property: ['Days'], Average: true, Maximum: true, Minimum: true }, input: certs });
    expect(props(r.output[0])).toEqual([['Count', 3], ['Average', 428 / 3], ['Sum', null], ['Maximum', 400], ['Minimum', -2], ['Property', 'Days']]);
  });

  it('non-numeric input is an error; a property nobody has is an error', async () => {
    const r = await runCmdlet(MeasureObject, { params: { Sum: true }, input: [1, 'abc'] });
    expect(r.errors[0].message).toBe('Input object "abc" is not numeric.');
    const p = await runCmdlet(MeasureObject, { params: { Property: ['Nope'] }, input: [1] });
    expect(p.errors[0].message).toBe('The property "Nope" cannot be found in the input for any objects.');
  });

  it('text: lines, words, characters', async () => {
    const r = await runCmdlet(MeasureObject, { params: { Line: true, Word: true, Character: true }, parameterSet: 'TextMeasure', input: ['a b c', 'd e'] });
    expect(props(r.output[0])).toEqual([['Lines', 2], ['Words', 5], ['Characters', 8], ['Property', null]]);
  });

  it('sums 200,000 objects (the time: npm run bench)', async () => {
    const input = Array.from({ length: 200000 }, (_, i) => i);
    const r = await runCmdlet(MeasureObject, { params: { Sum: true }, input });
    expect((r.output[0] as PSObject).get('Sum')).toBe(19999900000);
  });
});

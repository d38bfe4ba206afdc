// Sort-Object: a stable sort on one or more keys (names, script blocks, or hashtables with
// Expression and Ascending/Descending), case-insensitive unless -CaseSensitive.

import { stateKey, madeInBegin, ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { breathe } from '../../protocol/memory-guard.js';
import { introSort } from './dotnet-sort.js';
import { compareOrderKeys, orderKey, parseProperties, type PropertySpec } from './property-spec.js';

const BUFFER = stateKey<unknown[]>('Sort-Object input');

export default defineCmdlet({
  name: 'Sort-Object',
  aliases: ['sort'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Sorts objects by property values.',
  description:
    'The Sort-Object cmdlet sorts objects in ascending or descending order by the values of one or ' +
    'more properties, or by the objects themselves when no property is given. Objects with equal ' +
    'keys keep their input order. A key can be a property name, a script block, or a hash table ' +
    'with an Expression key and an Ascending or Descending key. String comparison is ' +
    'case-insensitive unless -CaseSensitive is used.',
  parameters: {
    Property: {
      type: 'Object[]',
      sets: { [ALL_SETS]: { position: 0 } },
      help: 'Specifies the properties to sort by: names, script blocks, or hash tables with Expression and Ascending/Descending keys.',
    },
    Descending: { type: 'Switch', help: 'Sorts in descending order.' },
    Unique: { type: 'Switch', help: 'Keeps only one object of each set of objects with equal keys.' },
    InputObject: {
      type: 'PSObject',
      sets: { [ALL_SETS]: { fromPipeline: true } },
      help: 'Specifies the objects to sort. Usually piped in.',
    },
    Culture: { type: 'String', help: 'Specifies the culture for string comparisons (the lab machines compare as en-US).' },
    CaseSensitive: { type: 'Switch', help: 'Compares strings case-sensitively.' },
  },
  outputType: ['System.Management.Automation.PSObject'],
  examples: [
    {
      code: '3,1,2 | Sort-Object',
      remarks: 'Sorts numbers in ascending order.',
      shows: '1\n2\n3',
    },
    {
      code: "'bb','a','ccc' | Sort-Object Length -Descending",
      remarks: 'Sorts strings by length, longest first.',
      shows: 'ccc\nbb\na',
    },
    {
      code: "'b','A','a','B' | Sort-Object -Unique",
      remarks: 'Sorts and drops duplicates; the comparison ignores case.',
      shows: 'A\nb',
    },
  ],
  related: ['Group-Object', 'Select-Object'],
  begin(_params, ctx) {
    ctx.runState(BUFFER, () => []);
  },
  process(params, ctx) {
    if (!ctx.expectingInput && !ctx.bound.has('InputObject')) return;
    // 5.1 leaves $null input out of the sort (OrderObjectBase takes only objects).
    if (params.InputObject === null || params.InputObject === undefined) return;
    ctx.runState(BUFFER, madeInBegin).push(params.InputObject);
  },
  async end(params, ctx) {
    const items = ctx.runState(BUFFER, madeInBegin);
    const specs: PropertySpec[] = parseProperties(params.Property, ctx, [
      'Expression',
      'Ascending',
      'Descending',
    ]);
    const caseSensitive = !!params.CaseSensitive;
    const globalDesc = !!params.Descending;
    // Keys are computed once per object (script blocks run once, not once per comparison).
    const keyed: { obj: unknown; keys: unknown[] }[] = [];
    for (let i = 0; i < items.length; i++) {
      // Keys for a million objects take a while and memory: stay stoppable, stop before the heap fills.
      if ((i & 4095) === 4095) await breathe(ctx.signal);
      const obj = items[i];
      const keys: unknown[] = [];
      if (specs.length === 0) keys.push(obj);
      for (const s of specs) keys.push(await orderKey(s, obj, ctx));
      keyed.push({ obj, keys });
    }
    const directions = specs.length ? specs.map((s) => s.descending ?? globalDesc) : [globalDesc];
    const compareKeys = (a: unknown[], b: unknown[]): number => {
      for (let k = 0; k < directions.length; k++) {
        const c = compareOrderKeys(a[k], b[k], caseSensitive, directions[k]);
        if (c !== 0) return c;
      }
      return 0;
    };
    // List<T>.Sort as 5.1 has it: equal keys come out in .NET's (unstable) order.
    introSort(keyed, (a, b) => compareKeys(a.keys, b.keys));
    let prev: unknown[] | undefined;
    for (const k of keyed) {
      if (params.Unique && prev && compareKeys(prev, k.keys) === 0) continue;
      prev = k.keys;
      ctx.write(k.obj);
    }
  },
});

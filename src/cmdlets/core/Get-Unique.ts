// Get-Unique: drops each object equal to the one before it (so sort first). Strings and, with
// -AsString, every object compare as text, case-sensitively; -OnType compares type names.

import { ALL_SETS, defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import { compareValues } from '../../protocol/operators.js';
import { convertToString } from '../../protocol/convert.js';
import { typeNamesOf } from '../../protocol/values.js';

const last = new WeakMap<CmdletContext, { key: unknown }>();

export default defineCmdlet({
  name: 'Get-Unique',
  aliases: ['gu'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Returns unique items from a sorted list.',
  description:
    'The Get-Unique cmdlet compares each item in a sorted list to the next item, eliminates ' +
    'duplicates, and returns only one instance of each item. The list must be sorted. Strings ' +
    'compare case-sensitively; -AsString compares every object as text, -OnType by type.',
  defaultParameterSet: 'AsString',
  parameters: {
    InputObject: { type: 'PSObject', sets: { [ALL_SETS]: { fromPipeline: true } }, help: 'Specifies input for Get-Unique.' },
    AsString: { type: 'Switch', sets: { AsString: {} }, help: 'Treats the data as strings.' },
    OnType: { type: 'Switch', sets: { UniqueByType: {} }, help: 'Returns only one object of each type.' },
  },
  outputType: ['System.Management.Automation.PSObject'],
  examples: [{ code: '1,1,2,3,3 | Get-Unique', remarks: 'Drops repeated neighbours.', shows: '2' }],
  related: ['Sort-Object', 'Select-Object'],
  process(p, ctx) {
    if (!ctx.bound.has('InputObject')) return;
    const input = p.InputObject;
    const prev = last.get(ctx);
    let key: unknown;
    let same: boolean;
    if (p.OnType) {
      key = typeNamesOf(input)[0] ?? '';
      same = prev !== undefined && prev.key === key;
    } else if (p.AsString || typeof input === 'string') {
      key = input === null || input === undefined ? '' : convertToString(input);
      same = prev !== undefined && typeof prev.key === 'string' && prev.key === key;
    } else {
      key = input;
      same = prev !== undefined && typeof prev.key !== 'string' && compareValues(prev.key, input, true) === 0;
    }
    if (!same) ctx.write(input);
    last.set(ctx, { key });
  },
});

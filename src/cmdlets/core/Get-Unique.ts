// Get-Unique (gu): drops each object equal to the one before it in a sorted list, as 5.1's
// GetUniqueCommand: case-sensitive, by value (-AsString: by text, -OnType: by type name).

import { stateKey, ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { convertToString } from '../../protocol/convert.js';
import { compareValues } from '../../protocol/operators.js';
import { typeNamesOf } from '../../protocol/values.js';

/** The last object written (none yet: `seen` false). */
const LAST = stateKey<{ seen: boolean; value: unknown }>('Get-Unique');
const nothingSeen = () => ({ seen: false, value: null as unknown });

export default defineCmdlet({
  name: 'Get-Unique',
  aliases: ['gu'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Returns unique items from a sorted list.',
  description:
    'The Get-Unique cmdlet compares each item in a sorted list to the next item, drops the duplicates ' +
    'and writes one of each. The list must be sorted (Sort-Object) for the result to be unique. ' +
    'Comparison is case-sensitive; -AsString compares the items as text, -OnType by type.',
  parameters: {
    InputObject: {
      type: 'PSObject',
      allowNull: true,
      sets: { [ALL_SETS]: { fromPipeline: true } },
      help: 'Specifies the input. Given by name (not piped), the whole collection is one item.',
    },
    AsString: { type: 'Switch', sets: { AsString: {} }, help: 'Compares the items as strings.' },
    OnType: { type: 'Switch', sets: { UniqueByType: {} }, help: 'Writes only one object of each type.' },
  },
  defaultParameterSet: 'AsString',
  outputType: ['System.Management.Automation.PSObject'],
  examples: [
    { code: "1, 2, 2, 3, 3, 3 | Get-Unique", remarks: 'Drops the repeated numbers of a sorted list.', shows: '1\n2\n3' },
    { code: "'a', 'A', 'b', 'b' | Get-Unique -AsString", remarks: 'Text comparison is case-sensitive: a and A both stay.', shows: 'a\nA\nb' },
    { code: "(1, 2, 'x', 'y' | Get-Unique -OnType).Count", remarks: 'One object per type: an Int32 and a String.', shows: '2' },
  ],
  related: ['Sort-Object', 'Select-Object'],
  process(params, ctx) {
    if (!ctx.expectingInput && !ctx.bound.has('InputObject')) return;
    const value = params.InputObject;
    const last = ctx.runState(LAST, nothingSeen);
    let unique = true;
    if (last.seen) {
      if (params.OnType) unique = typeNamesOf(value)[0] !== typeNamesOf(last.value)[0];
      else if (params.AsString) unique = compareValues(convertToString(value), convertToString(last.value), true) !== 0;
      else unique = compareValues(value, last.value, true) !== 0;
    }
    if (!unique) return;
    last.seen = true;
    last.value = value;
    ctx.write(value);
  },
});

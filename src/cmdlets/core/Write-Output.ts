// Write-Output (echo, write): writes objects to the pipeline, unrolling collections unless
// -NoEnumerate.

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';

export default defineCmdlet({
  name: 'Write-Output',
  aliases: ['echo', 'write'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Sends the specified objects to the next command in the pipeline.',
  description:
    'The Write-Output cmdlet sends objects down the pipeline. If it is the last command, the ' +
    'objects are displayed. Collections are written one element at a time unless -NoEnumerate ' +
    'is used.',
  parameters: {
    InputObject: {
      type: 'PSObject[]',
      allowNull: true,
      sets: { [ALL_SETS]: { position: 0, mandatory: true, fromPipeline: true, fromRemainingArguments: true } },
      help: 'Specifies the objects to send down the pipeline.',
    },
    NoEnumerate: { type: 'Switch', help: 'Writes a collection as one object instead of its elements.' },
  },
  outputType: ['System.Management.Automation.PSObject'],
  examples: [
    { code: "Write-Output 'Hello, Exchange'", remarks: 'Writes a string.', shows: 'Hello, Exchange' },
    {
      code: '(Write-Output 1,2,3 -NoEnumerate).Count',
      remarks: 'Writes the array as one object, so its Count is 3.',
      shows: '3',
    },
  ],
  related: ['Write-Host', 'Write-Error'],
  process(params, ctx) {
    let value: unknown = params.InputObject;
    // The parameter takes the remaining arguments, so one argument (or one pipeline object)
    // arrives wrapped in a one-element list: `Write-Output 1,2,3` is [[1,2,3]].
    if (Array.isArray(value) && value.length === 1) value = value[0];
    if (value === undefined) return;
    ctx.write(value, !params.NoEnumerate);
  },
});

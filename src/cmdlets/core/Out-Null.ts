// Out-Null: discards its input.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { INPUT_OBJECT } from './output-common.js';

export default defineCmdlet({
  name: 'Out-Null',
  module: 'Microsoft.PowerShell.Core',
  synopsis: 'Hides the output instead of sending it down the pipeline or displaying it.',
  description:
    'The Out-Null cmdlet sends its output to NULL, in effect removing it from the pipeline and preventing ' +
    'the output from being displayed on screen. Errors are not affected.',
  parameters: { InputObject: INPUT_OBJECT },
  outputType: [],
  examples: [
    {
      code: "'hidden' | Out-Null; 'shown'",
      remarks: 'Only the second string is printed.',
      shows: /^shown\s*$/,
    },
  ],
  related: ['Out-Host', 'Out-String'],
  process() {
    // Deliberately nothing.
  },
});

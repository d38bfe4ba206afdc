// Write-Verbose: writes a message to the verbose stream (`VERBOSE: <message>`).

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { toDisplayText } from '../../protocol/values.js';
import { STREAM_MESSAGE } from './output-common.js';

export default defineCmdlet({
  name: 'Write-Verbose',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Writes text to the verbose message stream.',
  description:
    'The Write-Verbose cmdlet writes text to the verbose stream. It is shown, as VERBOSE: <message>, only when $VerbosePreference is Continue or the command runs with -Verbose.',
  parameters: { Message: STREAM_MESSAGE },
  examples: [
    {
      code: "Write-Verbose 'Reading the certificate store.' -Verbose",
      remarks: 'Writes a verbose message and shows it because of -Verbose.',
      shows: 'VERBOSE: Reading the certificate store.',
    },
  ],
  related: ['Write-Warning', 'Write-Verbose', 'Write-Debug', 'Write-Host'],
  process(params, ctx) {
    ctx.writeVerbose(toDisplayText(params.Message), ctx.session.getVariable('MyInvocation'));
  },
});

// Write-Debug: writes a message to the debug stream (`DEBUG: <message>`).

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { toDisplayText } from '../../protocol/values.js';
import { STREAM_MESSAGE } from './output-common.js';

export default defineCmdlet({
  name: 'Write-Debug',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Writes a debug message to the console.',
  description:
    'The Write-Debug cmdlet writes text to the debug stream. It is shown, as DEBUG: <message>, only when $DebugPreference is not SilentlyContinue or the command runs with -Debug.',
  parameters: { Message: STREAM_MESSAGE },
  examples: [
    {
      code: "$DebugPreference = 'Continue'; Write-Debug 'Thumbprint checked.'",
      remarks: 'Shows a debug message by setting the preference variable.',
      shows: 'DEBUG: Thumbprint checked.',
    },
  ],
  related: ['Write-Warning', 'Write-Verbose', 'Write-Debug', 'Write-Host'],
  process(params, ctx) {
    ctx.writeDebug(toDisplayText(params.Message), ctx.session.getVariable('MyInvocation'));
  },
});

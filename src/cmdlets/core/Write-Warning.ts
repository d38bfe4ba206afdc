// Write-Warning: writes a message to the warning stream (`WARNING: <message>`).

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { toDisplayText } from '../../protocol/values.js';
import { STREAM_MESSAGE } from './output-common.js';

export default defineCmdlet({
  name: 'Write-Warning',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Writes a warning message.',
  description:
    'The Write-Warning cmdlet writes a warning message, shown as WARNING: <message> in yellow. $WarningPreference and -WarningAction decide whether it is shown.',
  parameters: { Message: STREAM_MESSAGE },
  examples: [
    {
      code: "Write-Warning 'The certificate expires in 10 days.'",
      remarks: 'Writes a warning.',
      shows: 'WARNING: The certificate expires in 10 days.',
    },
  ],
  related: ['Write-Warning', 'Write-Verbose', 'Write-Debug', 'Write-Host'],
  process(params, ctx) {
    ctx.writeWarning(toDisplayText(params.Message), ctx.session.getVariable('MyInvocation'));
  },
});

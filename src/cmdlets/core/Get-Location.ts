// Get-Location: the current location as a PathInfo object (shown as a one-column table).

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { pathInfo } from './file-common.js';

export default defineCmdlet({
  name: 'Get-Location',
  aliases: ['gl', 'pwd'],
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Gets information about the current working location.',
  description:
    'The Get-Location cmdlet writes the current location of the shell as a PathInfo object, whose ' +
    'Path property is the folder, for example C:\\Windows\\system32. Relative paths in other ' +
    'cmdlets are resolved against it.',
  parameters: {},
  outputType: ['System.Management.Automation.PathInfo'],
  examples: [
    {
      code: 'Set-Location C:\\Windows; Get-Location',
      remarks: 'Shows the current location.',
      shows: /Path *\n-{4} *\nC:\\Windows\b/,
    },
    {
      code: '(Get-Location).Path',
      remarks: 'Gets the location as a string.',
      shows: 'C:\\Windows\\system32',
    },
  ],
  related: ['Set-Location'],
  process(_params, ctx) {
    ctx.write(pathInfo(ctx.session.getLocation()));
  },
});

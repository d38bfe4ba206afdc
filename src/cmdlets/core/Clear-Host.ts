// Clear-Host (cls, clear): clears the screen of the host.

import { defineCmdlet } from '../../protocol/cmdlet.js';

export default defineCmdlet({
  name: 'Clear-Host',
  aliases: ['cls', 'clear'],
  module: 'Microsoft.PowerShell.Core',
  synopsis: 'Clears the display in the host program.',
  description: 'The Clear-Host cmdlet clears the console window. Output already written to a transcript or a file is not affected.',
  parameters: {},
  examples: [{ code: 'Clear-Host', remarks: 'Clears the screen.' }],
  related: ['Write-Host'],
  process(_params, ctx) {
    ctx.host.clear();
  },
});

// Get-Host: the object that stands for the host program ($Host).

import { defineCmdlet } from '../../protocol/cmdlet.js';

export default defineCmdlet({
  name: 'Get-Host',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Gets an object that represents the current host program.',
  description: 'The Get-Host cmdlet gets the object that represents the host program, the same object as the $Host automatic variable: its name, version, culture and user interface.',
  parameters: {},
  outputType: ['System.Management.Automation.Host.PSHost'],
  examples: [{ code: '(Get-Host).Name', remarks: 'Gets the name of the host.', shows: 'ConsoleHost' }],
  related: ['Read-Host', 'Write-Host'],
  process(_params, ctx) {
    ctx.write(ctx.session.getVariable('Host'));
  },
});

// Set-Alias (sal): makes or changes an alias in the current scope (or the one -Scope names), as
// 5.1's SetAliasCommand does: the options given replace the old ones, a read-only alias needs
// -Force and a constant one never changes.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { setAliasFromParameters } from './aliases.js';
import { ALIAS_PARAMETERS } from './alias-parameters.js';

export default defineCmdlet({
  name: 'Set-Alias',
  aliases: ['sal'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Creates or changes an alias for a cmdlet or other command in the current PowerShell session.',
  description:
    'The Set-Alias cmdlet creates or changes an alias for a cmdlet or a command, such as a function, script, ' +
    'file, or other executable. An alias made without -Scope lives in the current scope; -Option sets its ' +
    'options (ReadOnly, Constant, Private, AllScope). A read-only alias changes only with -Force.',
  supportsShouldProcess: true,
  parameters: ALIAS_PARAMETERS,
  outputType: ['None', 'System.Management.Automation.AliasInfo'],
  examples: [
    { code: 'Set-Alias -Name list -Value Get-ChildItem -PassThru | Select-Object -ExpandProperty DisplayName', remarks: 'Makes list an alias of Get-ChildItem.', shows: 'list -> Get-ChildItem' },
    { code: "Set-Alias np notepad -Description 'the editor'; (Get-Alias np).Description", remarks: 'Gives an alias a description.', shows: 'the editor' },
  ],
  related: ['Get-Alias', 'New-Alias', 'Export-Alias', 'Import-Alias'],
  async process(params, ctx) {
    if (!(await ctx.shouldProcess(`Name: ${params.Name} Value: ${params.Value}`, 'Set Alias'))) return;
    setAliasFromParameters(ctx, params);
  },
});

// New-Alias (nal): makes a new alias; unlike Set-Alias it refuses a name that is already an alias
// the command can see (AliasAlreadyExists) unless -Force is given (5.1's NewAliasCommand).

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { aliasExists, aliasTableFor, setAliasFromParameters } from './aliases.js';
import { ALIAS_PARAMETERS } from './alias-parameters.js';

export default defineCmdlet({
  name: 'New-Alias',
  aliases: ['nal'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Creates a new alias.',
  description:
    'The New-Alias cmdlet creates a new alias in the current scope (or the one -Scope names). An alias ' +
    'that already exists is an error unless -Force is given; a read-only alias changes only with -Force ' +
    'and a constant one never.',
  supportsShouldProcess: true,
  parameters: ALIAS_PARAMETERS,
  outputType: ['None', 'System.Management.Automation.AliasInfo'],
  examples: [
    { code: "New-Alias -Name list -Value Get-ChildItem; (Get-Alias list).Definition", remarks: 'Makes list an alias of Get-ChildItem.', shows: 'Get-ChildItem' },
    { code: "New-Alias -Name C -Value Get-ChildItem -Option ReadOnly -PassThru | Select-Object -ExpandProperty Options", remarks: 'Makes a read-only alias.', shows: 'ReadOnly' },
  ],
  related: ['Get-Alias', 'Set-Alias', 'Export-Alias', 'Import-Alias'],
  async process(params, ctx) {
    const table = aliasTableFor(ctx, params.Scope);
    if (!params.Force && table.get(params.Name)) {
      ctx.writeError(aliasExists(ctx, params.Name));
      return;
    }
    if (!(await ctx.shouldProcess(`Name: ${params.Name} Value: ${params.Value}`, 'New Alias'))) return;
    setAliasFromParameters(ctx, params);
  },
});

// Remove-Variable (rv): deletes variables from the local scope (or the one -Scope names); a
// read-only one needs -Force, a constant one is never removed.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { eachNamedVariable, selectionParameters, tableFor, variableProtected, writable } from './variables.js';

export default defineCmdlet({
  name: 'Remove-Variable',
  aliases: ['rv'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Deletes a variable and its value.',
  description:
    'The Remove-Variable cmdlet deletes variables (not only their values) from the current scope, or from the ' +
    'scope -Scope names (Global, Script, Local or a number). Wildcards select several variables; a read-only ' +
    'variable is removed only with -Force, and a constant variable cannot be removed.',
  defaultParameterSet: 'Default',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    ...selectionParameters('Removes'),
  },
  outputType: ['None'],
  examples: [
    { code: '$thumb = "CC06A5DB"; Remove-Variable thumb; Get-Variable thumb -ErrorAction SilentlyContinue | Measure-Object | Select-Object -ExpandProperty Count', remarks: 'Removes $thumb.', shows: '0' },
    { code: 'New-Variable org Contoso -Option ReadOnly; Remove-Variable org -Force; $null -eq $org', remarks: 'A read-only variable is removed only with -Force.', shows: 'True' },
  ],
  related: ['Get-Variable', 'Set-Variable', 'New-Variable', 'Clear-Variable'],
  async process(params, ctx) {
    const table = tableFor(ctx, params.Scope ?? 'Local');
    await eachNamedVariable(ctx, table, params, async (v) => {
      if (!(await ctx.shouldProcess(`Name: ${v.name}`, 'Remove variable'))) return;
      if (!writable(v, Boolean(params.Force))) return variableProtected(ctx, v.name, true);
      table.remove(v.name);
    });
  },
});

// Clear-Variable (clv): sets variables of the local scope (or the one -Scope names) to $null,
// keeping the variables; a read-only one needs -Force, a constant one never changes.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { eachNamedVariable, selectionParameters, tableFor, variableObject, variableProtected, writable } from './variables.js';

export default defineCmdlet({
  name: 'Clear-Variable',
  aliases: ['clv'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Deletes the value of a variable.',
  description:
    'The Clear-Variable cmdlet sets the value of variables to $null; the variables stay. It looks in the ' +
    'current scope unless -Scope names another (Global, Script, Local or a number). Wildcards select ' +
    'several variables; a read-only variable is cleared only with -Force.',
  defaultParameterSet: 'Default',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    ...selectionParameters('Clears'),
    PassThru: { type: 'Switch', help: 'Writes the cleared variables (PSVariable objects) to the pipeline.' },
  },
  outputType: ['None', 'System.Management.Automation.PSVariable'],
  examples: [
    { code: '$thumb = "CC06A5DB"; Clear-Variable thumb; $null -eq $thumb', remarks: 'Clears $thumb; the variable remains, with no value.', shows: 'True' },
    { code: '$a1 = 1; $a2 = 2; Clear-Variable a* -PassThru | Select-Object -ExpandProperty Name', remarks: 'Clears every variable whose name begins with a.', shows: 'a1\na2' },
  ],
  related: ['Get-Variable', 'Set-Variable', 'New-Variable', 'Remove-Variable'],
  async process(params, ctx) {
    const table = tableFor(ctx, params.Scope ?? 'Local');
    await eachNamedVariable(ctx, table, params, async (v) => {
      if (!(await ctx.shouldProcess(`Name: ${v.name}`, 'Clear variable'))) return;
      if (!writable(v, Boolean(params.Force))) return variableProtected(ctx, v.name, false);
      v.value = null;
      if (params.PassThru) ctx.write(variableObject(v.name, null, v));
    });
  },
});

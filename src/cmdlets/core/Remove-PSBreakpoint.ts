// Remove-PSBreakpoint (rbp): deletes breakpoints, given as objects or by Id.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { SELECTION_PARAMETERS, breakpointTable, selectedBreakpoints } from './breakpoints.js';

export default defineCmdlet({
  name: 'Remove-PSBreakpoint',
  aliases: ['rbp'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Deletes breakpoints from the current console.',
  description:
    'The Remove-PSBreakpoint cmdlet deletes breakpoints: those from Set-PSBreakpoint or Get-PSBreakpoint ' +
    '(by value through the pipeline), or those with the given Ids.',
  defaultParameterSet: 'Breakpoint',
  supportsShouldProcess: true,
  parameters: SELECTION_PARAMETERS,
  outputType: ['None'],
  examples: [
    { code: 'Set-PSBreakpoint -Command Get-Date | Out-Null; Get-PSBreakpoint | Remove-PSBreakpoint; @(Get-PSBreakpoint).Count', remarks: 'Deletes every breakpoint.', shows: '0' },
  ],
  related: ['Set-PSBreakpoint', 'Get-PSBreakpoint', 'Enable-PSBreakpoint', 'Disable-PSBreakpoint'],
  async process(params, ctx) {
    const table = breakpointTable(ctx);
    for (const bp of selectedBreakpoints(ctx, params)) {
      if (!(await ctx.shouldProcess(`Breakpoint ${bp.id}`, 'Remove-PSBreakpoint'))) continue;
      table.remove(bp.id);
    }
  },
});

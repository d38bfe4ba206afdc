// Disable-PSBreakpoint (dbp): disables breakpoints, given as objects or by Id.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { SELECTION_PARAMETERS, breakpointObject, selectedBreakpoints } from './breakpoints.js';

export default defineCmdlet({
  name: 'Disable-PSBreakpoint',
  aliases: ['dbp'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Disables the breakpoints in the current console.',
  description:
    'The Disable-PSBreakpoint cmdlet sets the Enabled property of breakpoints to $false: the breakpoints ' +
    'from Set-PSBreakpoint or Get-PSBreakpoint (by value through the pipeline), or those with the given Ids.',
  defaultParameterSet: 'Id',
  supportsShouldProcess: true,
  parameters: {
    ...SELECTION_PARAMETERS,
    PassThru: { type: 'Switch', help: 'Returns the breakpoints.' },
  },
  outputType: ['None', 'System.Management.Automation.Breakpoint'],
  examples: [
    { code: 'Set-PSBreakpoint -Command Get-Date | Disable-PSBreakpoint -PassThru | Select-Object -ExpandProperty Enabled', remarks: 'Disables a breakpoint.', shows: 'False' },
  ],
  related: ['Set-PSBreakpoint', 'Get-PSBreakpoint', 'Enable-PSBreakpoint', 'Remove-PSBreakpoint'],
  async process(params, ctx) {
    for (const bp of selectedBreakpoints(ctx, params)) {
      if (!(await ctx.shouldProcess(`Breakpoint ${bp.id}`, 'Disable-PSBreakpoint'))) continue;
      bp.enabled = false;
      if (params.PassThru) ctx.write(breakpointObject(bp));
    }
  },
});

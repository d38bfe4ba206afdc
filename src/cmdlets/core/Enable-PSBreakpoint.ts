// Enable-PSBreakpoint (ebp): enables breakpoints, given as objects or by Id.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { SELECTION_PARAMETERS, breakpointObject, selectedBreakpoints } from './breakpoints.js';

export default defineCmdlet({
  name: 'Enable-PSBreakpoint',
  aliases: ['ebp'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Enables the breakpoints in the current console.',
  description:
    'The Enable-PSBreakpoint cmdlet sets the Enabled property of breakpoints to $true: the breakpoints ' +
    'from Set-PSBreakpoint or Get-PSBreakpoint (by value through the pipeline), or those with the given Ids.',
  defaultParameterSet: 'Id',
  supportsShouldProcess: true,
  parameters: {
    ...SELECTION_PARAMETERS,
    PassThru: { type: 'Switch', help: 'Returns the breakpoints.' },
  },
  outputType: ['None', 'System.Management.Automation.Breakpoint'],
  examples: [
    { code: 'Set-PSBreakpoint -Command Get-Date | Enable-PSBreakpoint -PassThru | Select-Object -ExpandProperty Enabled', remarks: 'Enables a breakpoint.', shows: 'True' },
  ],
  related: ['Set-PSBreakpoint', 'Get-PSBreakpoint', 'Disable-PSBreakpoint', 'Remove-PSBreakpoint'],
  async process(params, ctx) {
    for (const bp of selectedBreakpoints(ctx, params)) {
      if (!(await ctx.shouldProcess(`Breakpoint ${bp.id}`, 'Enable-PSBreakpoint'))) continue;
      bp.enabled = true;
      if (params.PassThru) ctx.write(breakpointObject(bp));
    }
  },
});

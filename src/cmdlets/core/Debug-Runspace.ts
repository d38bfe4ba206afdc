// Debug-Runspace: attaches the host's debugger to another runspace of this shell and waits until
// Ctrl+C (5.1's "Detach" needs an interactive debugger, which emsh does not have: nothing stops).
// The runspace must be one, open, not the host's own, with its debugger on.

import { defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import { PipelineStoppedError } from '../../protocol/errors.js';
import { getMember } from '../../protocol/members.js';
import { PSObject } from '../../protocol/values.js';
import { byId, byInstanceId, byName, runspaceDebugger, runspaceName, runspaceState, runspacesWhere } from './RunspaceDebug.js';

const RUNSPACE = 'System.Management.Automation.Runspaces.Runspace';

function invalid(ctx: CmdletContext, message: string, errorId: string, exceptionType: string): never {
  ctx.fail(ctx.error({ message, errorId, category: 'InvalidOperation', exceptionType }));
}

export default defineCmdlet({
  name: 'Debug-Runspace',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Starts an interactive debugging session with a runspace.',
  description:
    'The Debug-Runspace cmdlet attaches the debugger to a runspace of this shell (given as an object, ' +
    'by name, Id or instance id) and waits, showing what the runspace writes, until Ctrl+C ends the ' +
    'session. The runspace must be open, must not be the host\'s own runspace, and its debugger must be ' +
    'on (DebugMode not None). emsh has no interactive debugger, so breakpoints in the runspace never stop it.',
  defaultParameterSet: 'RunspaceParameterSet',
  supportsShouldProcess: true,
  parameters: {
    Runspace: {
      type: 'PSObject',
      netType: RUNSPACE,
      sets: { RunspaceParameterSet: { position: 0, mandatory: true, fromPipeline: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the runspace (from Get-Runspace).',
    },
    Name: { type: 'String', sets: { NameParameterSet: { position: 0, mandatory: true } }, help: 'Specifies the runspace by name (wildcards are permitted; it must match one runspace).' },
    Id: { type: 'Int32', sets: { IdParameterSet: { position: 0, mandatory: true } }, help: 'Specifies the runspace by Id.' },
    InstanceId: { type: 'String', netType: 'System.Guid', sets: { InstanceIdParameterSet: { position: 0, mandatory: true } }, help: 'Specifies the runspace by instance id (a GUID).' },
  },
  outputType: ['None'],
  examples: [
    {
      code: "try { Debug-Runspace -Name NoSuchRunspace -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }",
      remarks: 'A name that matches no runspace is an error.',
      shows: 'DebugRunspaceNoRunspaceFound,Microsoft.PowerShell.Commands.DebugRunspaceCommand',
    },
  ],
  related: ['Get-Runspace', 'Get-RunspaceDebug', 'Enable-RunspaceDebug', 'Disable-RunspaceDebug'],
  async end(params, ctx) {
    let runspace: PSObject | undefined;
    if (ctx.parameterSetName === 'RunspaceParameterSet') {
      runspace = params.Runspace instanceof PSObject ? params.Runspace : undefined;
    } else {
      const test = params.Name !== undefined ? byName([params.Name]) : params.Id !== undefined ? byId([params.Id]) : byInstanceId([params.InstanceId ?? '']);
      const found = runspacesWhere(ctx, test);
      if (found.length > 1) invalid(ctx, 'More than one Runspace was found. Only one Runspace can be debugged at a time.', 'DebugRunspaceTooManyRunspaceFound', 'PSArgumentException');
      runspace = found[0];
    }
    // 5.1 gives the message as the parameter name of an ArgumentNullException.
    if (!runspace) invalid(ctx, 'Value cannot be null.\r\nParameter name: No Runspace was found.', 'DebugRunspaceNoRunspaceFound', 'PSArgumentNullException');
    if (runspace === getMember(ctx.session.getVariable('Host'), 'Runspace')) {
      invalid(ctx, 'You cannot debug the default host Runspace using this cmdlet. To debug the default Runspace use the normal debugging commands from the host.', 'DebugRunspaceCannotDebugHostRunspace', 'PSInvalidOperationException');
    }
    const name = runspaceName(runspace);
    if (!(await ctx.shouldProcess(name, 'Debug'))) return;
    const state = runspaceState(runspace);
    if (state !== 'Opened') invalid(ctx, `Cannot debug a Runspace that is not in the Opened state. This Runspace state is ${state}.`, 'InvalidOperation', 'PSInvalidOperationException');
    const debug = runspaceDebugger(runspace);
    if (!debug) invalid(ctx, `Cannot debug Runspace. The Runspace ${name} has no associated debugger.`, 'InvalidOperation', 'PSInvalidOperationException');
    if (debug.debugMode === 'None') invalid(ctx, "Cannot debug Runspace. The Runspace debugger is currently turned off (DebugMode is 'None').", 'InvalidOperation', 'PSInvalidOperationException');
    ctx.writeHost(`Debugging Runspace: ${name}`);
    ctx.writeHost("To end the debugging session type the 'Detach' command at the debugger prompt, or type 'Ctrl+C' otherwise.");
    ctx.writeHost('');
    await new Promise<void>((resolve) => {
      if (ctx.signal.aborted) resolve();
      else ctx.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    throw new PipelineStoppedError();
  },
});

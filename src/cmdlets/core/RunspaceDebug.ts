// Get-, Enable- and Disable-RunspaceDebug: the debug options of runspaces (PSRunspaceDebug:
// Enabled, BreakAll), chosen by name, object, Id or instance id; and picking runspaces, which
// Debug-Runspace shares. emsh has no interactive debugger, so the options change what these
// cmdlets report and nothing ever stops.

import { registerView } from '../../format/views.js';
import { defineCmdlet, type BoundParameters, type CmdletContext, type ParameterDeclaration } from '../../protocol/cmdlet.js';
import { convertToString, registerTypeName } from '../../protocol/convert.js';
import { getMember } from '../../protocol/members.js';
import { runspaceDebuggerState, type RunspaceDebuggerState } from '../../protocol/runspace-debugger.js';
import { PSObject, toDisplayText } from '../../protocol/values.js';
import { matchesWildcard } from '../../protocol/wildcard.js';

const RUNSPACE = 'System.Management.Automation.Runspaces.Runspace';
const RUNSPACE_DEBUG = 'Microsoft.PowerShell.Commands.PSRunspaceDebug';
registerTypeName(RUNSPACE_DEBUG);

export const runspaceName = (rs: PSObject): string => toDisplayText(rs.get('Name'));
export const runspaceState = (rs: PSObject): string => convertToString(getMember(getMember(rs, 'RunspaceStateInfo'), 'State'));
export const runspaceDebugger = (rs: PSObject): RunspaceDebuggerState | undefined => runspaceDebuggerState(getMember(rs, 'Debugger'));

/** The runspaces of this shell (Get-Runspace's) that pass a test. */
export function runspacesWhere(ctx: CmdletContext, test: (rs: PSObject) => boolean): PSObject[] {
  return (ctx.session.runspaces?.() ?? []).filter((r): r is PSObject => r instanceof PSObject && test(r));
}

export const byName = (names: readonly string[]) => (rs: PSObject) => names.some((n) => matchesWildcard(runspaceName(rs), n));
export const byId = (ids: readonly number[]) => (rs: PSObject) => ids.includes(Number(rs.get('Id')));
export const byInstanceId = (ids: readonly string[]) => (rs: PSObject) => ids.some((g) => g.toLowerCase() === convertToString(rs.get('InstanceId')).toLowerCase());

const PARAMETERS = {
  RunspaceName: {
    type: 'String[]',
    validateNotNullOrEmpty: true,
    sets: { RunspaceNameParameterSet: { position: 0 } },
    help: 'Specifies runspaces by name (wildcards are permitted); every runspace when omitted.',
  },
  Runspace: {
    type: 'PSObject[]',
    netType: `${RUNSPACE}[]`,
    validateNotNullOrEmpty: true,
    sets: { RunspaceParameterSet: { position: 0, mandatory: true, fromPipeline: true, fromPipelineByPropertyName: true } },
    help: 'Specifies runspace objects (from Get-Runspace).',
  },
  RunspaceId: { type: 'Int32[]', validateNotNullOrEmpty: true, sets: { RunspaceIdParameterSet: { position: 0, mandatory: true } }, help: 'Specifies runspaces by Id.' },
  RunspaceInstanceId: {
    type: 'String[]',
    netType: 'System.Guid[]',
    validateNotNullOrEmpty: true,
    sets: { RunspaceInstanceIdParameterSet: { position: 0, mandatory: true } },
    help: 'Specifies runspaces by instance id (a GUID).',
  },
} satisfies Record<string, ParameterDeclaration>;

/** The runspaces the parameters name (every one when no name is given). */
function selected(ctx: CmdletContext, params: BoundParameters<typeof PARAMETERS>): PSObject[] {
  if (params.Runspace) return params.Runspace.filter((r): r is PSObject => r instanceof PSObject);
  if (params.RunspaceId) return runspacesWhere(ctx, byId(params.RunspaceId));
  if (params.RunspaceInstanceId) return runspacesWhere(ctx, byInstanceId(params.RunspaceInstanceId));
  return runspacesWhere(ctx, params.RunspaceName ? byName(params.RunspaceName) : () => true);
}

/** The runspace's debugger, or a RunspaceDebugOptionNoDebugger error. */
function debuggerOf(ctx: CmdletContext, rs: PSObject): RunspaceDebuggerState | undefined {
  const found = runspaceDebugger(rs);
  if (!found) {
    ctx.writeError(
      ctx.error({ message: `No debugger was found for Runspace ${runspaceName(rs)}.`, errorId: 'RunspaceDebugOptionNoDebugger', category: 'InvalidOperation', exceptionType: 'PSInvalidOperationException', targetObject: rs }),
    );
  }
  return found;
}

/** The debugger of an open runspace Enable-/Disable-RunspaceDebug may change, else an error. */
function changeableDebugger(ctx: CmdletContext, rs: PSObject): RunspaceDebuggerState | undefined {
  if (runspaceState(rs) !== 'Opened') {
    ctx.writeError(
      ctx.error({
        message: `Cannot set debug options on Runspace ${runspaceName(rs)} because it is not in the Opened state.`,
        errorId: 'SetRunspaceDebugOptionCommandInvalidRunspaceState',
        category: 'InvalidOperation',
        exceptionType: 'PSInvalidOperationException',
        targetObject: rs,
      }),
    );
    return undefined;
  }
  return debuggerOf(ctx, rs);
}

function runspaceDebugObject(rs: PSObject, d: RunspaceDebuggerState): PSObject {
  const o = new PSObject([RUNSPACE_DEBUG, 'System.Object']);
  const enabled = d.unhandledBreakpointMode === 'Wait';
  const breakAll = d.stepping;
  const prop = (name: string, typeName: string, value: unknown) => o.addProperty({ name, memberType: 'Property', typeName, get: () => value });
  prop('Enabled', 'System.Boolean', enabled);
  prop('BreakAll', 'System.Boolean', breakAll);
  prop('RunspaceName', 'System.String', runspaceName(rs));
  prop('RunspaceId', 'System.Int32', Number(rs.get('Id')));
  return o;
}

registerView({
  typeName: RUNSPACE_DEBUG,
  shape: 'table',
  table: {
    columns: [
      { label: 'Id', property: 'RunspaceId', width: 3, alignment: 'Right' },
      { label: 'Name', property: 'RunspaceName', width: 20 },
      { label: 'Enabled', property: 'Enabled', width: 10 },
      { label: 'BreakAll', property: 'BreakAll', width: 10 },
    ],
  },
});

const RELATED = ['Get-RunspaceDebug', 'Enable-RunspaceDebug', 'Disable-RunspaceDebug', 'Debug-Runspace', 'Get-Runspace'];

export const GetRunspaceDebug = defineCmdlet({
  name: 'Get-RunspaceDebug',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Shows runspace debugging options.',
  description:
    'The Get-RunspaceDebug cmdlet shows the debugging options of runspaces (PSRunspaceDebug objects): ' +
    'Enabled (Enable-RunspaceDebug set it: a breakpoint hit with no debugger attached would wait) and ' +
    'BreakAll (stop at the first statement). Every runspace, or those named by name, object, Id or instance id.',
  defaultParameterSet: 'RunspaceNameParameterSet',
  parameters: PARAMETERS,
  outputType: [RUNSPACE_DEBUG],
  examples: [
    { code: '(Get-RunspaceDebug -RunspaceId 1).Enabled', remarks: "Shows whether debugging is enabled in the shell's own runspace.", shows: 'False' },
  ],
  related: RELATED,
  process(params, ctx) {
    for (const rs of selected(ctx, params)) {
      const d = debuggerOf(ctx, rs);
      if (d) ctx.write(runspaceDebugObject(rs, d));
    }
  },
});

export const EnableRunspaceDebug = defineCmdlet({
  name: 'Enable-RunspaceDebug',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Enables debugging on runspaces where any breakpoint is preserved until a debugger is attached.',
  description:
    'The Enable-RunspaceDebug cmdlet enables debugging of open runspaces: a breakpoint they hit while no ' +
    'debugger is attached is kept until one is (Get-RunspaceDebug shows Enabled). -BreakAll also sets the ' +
    'runspace to stop at the first statement it runs. emsh has no interactive debugger: nothing stops.',
  defaultParameterSet: 'RunspaceNameParameterSet',
  parameters: {
    ...PARAMETERS,
    BreakAll: {
      type: 'Switch',
      sets: { RunspaceNameParameterSet: { position: 1 }, RunspaceParameterSet: { position: 1 }, RunspaceIdParameterSet: { position: 1 } },
      help: 'Stops the runspace at the first statement it runs.',
    },
  },
  outputType: ['None'],
  examples: [
    { code: 'Enable-RunspaceDebug -RunspaceId 1 -BreakAll; (Get-RunspaceDebug -RunspaceId 1).BreakAll', remarks: "Enables debugging of the shell's own runspace.", shows: 'True' },
  ],
  related: RELATED,
  process(params, ctx) {
    for (const rs of selected(ctx, params)) {
      const d = changeableDebugger(ctx, rs);
      if (!d) continue;
      d.unhandledBreakpointMode = 'Wait';
      if (ctx.bound.has('BreakAll')) d.stepping = params.BreakAll === true;
    }
  },
});

export const DisableRunspaceDebug = defineCmdlet({
  name: 'Disable-RunspaceDebug',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Disables debugging on one or more runspaces, and releases any pending debugger stop.',
  description:
    'The Disable-RunspaceDebug cmdlet turns off what Enable-RunspaceDebug turned on for open runspaces: ' +
    'breakpoints hit with no debugger attached are ignored again, and -BreakAll is cleared.',
  defaultParameterSet: 'RunspaceNameParameterSet',
  parameters: PARAMETERS,
  outputType: ['None'],
  examples: [
    { code: 'Enable-RunspaceDebug -RunspaceId 1; Disable-RunspaceDebug -RunspaceId 1; (Get-RunspaceDebug -RunspaceId 1).Enabled', remarks: 'Turns debugging off again.', shows: 'False' },
  ],
  related: RELATED,
  process(params, ctx) {
    for (const rs of selected(ctx, params)) {
      const d = changeableDebugger(ctx, rs);
      if (!d) continue;
      d.stepping = false;
      d.unhandledBreakpointMode = 'Ignore';
    }
  },
});

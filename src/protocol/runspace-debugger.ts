// A runspace's debugger (Runspace.Debugger) as 5.1 shows it: DebugMode and SetDebugMode, the
// breakpoint handling Enable-/Disable-RunspaceDebug set (UnhandledBreakpointMode, step mode), and
// what Get-RunspaceDebug and Debug-Runspace read. emsh has no interactive debugger: nothing stops.

import { enumValue, registerEnum, registerTypeName, convertToString } from './convert.js';
import { overloadError } from './members.js';
import { PSObject, isTruthy } from './values.js';

const SMA = 'System.Management.Automation';
const DEBUG_MODES = `${SMA}.DebugModes`;
const UNHANDLED_MODE = `${SMA}.UnhandledBreakpointProcessingMode`;
registerEnum({ typeName: DEBUG_MODES, flags: true, values: ['None', 'Default', 'LocalScript', 'RemoteScript'], numbers: [0, 1, 2, 4] });
registerEnum({ typeName: UNHANDLED_MODE, values: ['Ignore', 'Wait'] });
registerTypeName(`${SMA}.Debugger`);

export interface RunspaceDebuggerState {
  /** DebugModes as text (`None`, `Default`, `LocalScript, RemoteScript`). */
  debugMode: string;
  /** Enable-RunspaceDebug: a breakpoint hit with no debugger attached waits (Wait) or is ignored. */
  unhandledBreakpointMode: 'Ignore' | 'Wait';
  /** Enable-RunspaceDebug -BreakAll: stop at the first statement. */
  stepping: boolean;
}

const STATES = new WeakMap<PSObject, RunspaceDebuggerState>();

/** The state behind a Debugger object; undefined for anything else. */
export function runspaceDebuggerState(debuggerObject: unknown): RunspaceDebuggerState | undefined {
  return debuggerObject instanceof PSObject ? STATES.get(debuggerObject) : undefined;
}

/** A new runspace's debugger (System.Management.Automation.ScriptDebugger), DebugMode Default. */
export function newRunspaceDebugger(): PSObject {
  const state: RunspaceDebuggerState = { debugMode: 'Default', unhandledBreakpointMode: 'Ignore', stepping: false };
  const o = new PSObject([`${SMA}.ScriptDebugger`, `${SMA}.Debugger`, 'System.Object']);
  const prop = (name: string, typeName: string, get: () => unknown, set?: (v: unknown) => void) => o.addProperty({ name, memberType: 'Property', typeName, get, set });
  prop('DebugMode', DEBUG_MODES, () => enumValue(DEBUG_MODES, state.debugMode));
  prop('InBreakpoint', 'System.Boolean', () => false);
  prop('IsActive', 'System.Boolean', () => false);
  prop('UnhandledBreakpointMode', UNHANDLED_MODE, () => enumValue(UNHANDLED_MODE, state.unhandledBreakpointMode), (v) => {
    state.unhandledBreakpointMode = convertToString(enumValue(UNHANDLED_MODE, v)) === 'Wait' ? 'Wait' : 'Ignore';
  });
  o.addMethod({
    name: 'SetDebugMode',
    definition: 'void SetDebugMode(System.Management.Automation.DebugModes mode)',
    invoke: (args) => {
      if (args.length !== 1) overloadError('SetDebugMode', args.length);
      state.debugMode = convertToString(enumValue(DEBUG_MODES, args[0]));
    },
  });
  o.addMethod({
    name: 'SetDebuggerStepMode',
    definition: 'void SetDebuggerStepMode(bool enabled)',
    invoke: (args) => {
      if (args.length !== 1) overloadError('SetDebuggerStepMode', args.length);
      state.stepping = isTruthy(args[0]);
    },
  });
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => `${SMA}.ScriptDebugger` });
  STATES.set(o, state);
  return o;
}

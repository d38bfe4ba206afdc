// System.Management.Automation.PowerShell and the runspaces it runs in, as Windows PowerShell 5.1
// has them: `[powershell]::Create()`, AddScript / AddCommand / AddParameter / AddArgument /
// AddStatement, Invoke (synchronous; BeginInvoke / EndInvoke wrap it), the Streams collections,
// HadErrors, InvocationStateInfo; `[runspacefactory]::CreateRunspace()` and the runspace's
// SessionStateProxy; PSInvocationSettings. A runspace is a real nested emsh session on the same
// lab (the session makes it: RunspaceHost), with its own global scope, $Error and history.

import { randomUUID } from 'node:crypto';
import { convertTo, convertToString, enumValue, exceptionValue, registerEnum, registerTypeName, toNumber } from '../protocol/convert.js';
import { ErrorRecord, PipelineStoppedError, TerminatingError, preferenceStopException, type ExceptionInfo } from '../protocol/errors.js';
import { guidObject } from '../protocol/guid.js';
import { newRunspaceDebugger } from '../protocol/runspace-debugger.js';
import { methodException, overloadError } from '../protocol/members.js';
import { PSHashtable, PSObject, ScriptBlockValue, markList, toDisplayText } from '../protocol/values.js';
import type { CommandArgument } from './binder.js';
import type { Streams } from './runtime.js';
import { CommandTerminatingError } from './signals.js';

const SMA = 'System.Management.Automation';
const RUNSPACES = `${SMA}.Runspaces`;
const SMA_ASSEMBLY = `${SMA}, Version=3.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35`;

export const POWERSHELL_TYPE = `${SMA}.PowerShell`;
export const RUNSPACE_FACTORY_TYPE = `${RUNSPACES}.RunspaceFactory`;
export const INVOCATION_SETTINGS_TYPE = `${SMA}.PSInvocationSettings`;
export const INITIAL_SESSION_STATE_TYPE = `${RUNSPACES}.InitialSessionState`;
const RUNSPACE_MODE = `${SMA}.RunspaceMode`;
const INVOCATION_STATE = `${SMA}.PSInvocationState`;
const RUNSPACE_STATE = `${RUNSPACES}.RunspaceState`;
const RUNSPACE_AVAILABILITY = `${RUNSPACES}.RunspaceAvailability`;

registerEnum({ typeName: RUNSPACE_MODE, values: ['CurrentRunspace', 'NewRunspace'] });
registerEnum({ typeName: INVOCATION_STATE, values: ['NotStarted', 'Running', 'Stopping', 'Stopped', 'Completed', 'Failed', 'Disconnected'] });
registerEnum({ typeName: RUNSPACE_STATE, values: ['BeforeOpen', 'Opening', 'Opened', 'Closed', 'Closing', 'Broken', 'Disconnecting', 'Disconnected', 'Connecting'] });
registerEnum({ typeName: RUNSPACE_AVAILABILITY, values: ['None', 'Available', 'AvailableForNestedCommand', 'Busy', 'RemoteDebug'] });
for (const t of [POWERSHELL_TYPE, RUNSPACE_FACTORY_TYPE, INVOCATION_SETTINGS_TYPE, INITIAL_SESSION_STATE_TYPE, `${RUNSPACES}.Runspace`, `${SMA}.PSDataStreams`, `${SMA}.PSCommand`]) registerTypeName(t);

/** One command of a PowerShell's pipeline: a script text, or a command name / CommandInfo, with its arguments. */
export interface ApiCommandSpec {
  script?: string;
  command?: unknown;
  useLocalScope: boolean;
  args: CommandArgument[];
}

export interface ApiRun {
  output: unknown[];
  /** What ended the run early: a terminating error, or the pipeline stopped. */
  failure?: unknown;
}

/** A runspace's engine: a nested session on the lab (or the calling session itself). */
export interface RunspaceEngine {
  invoke(statements: ApiCommandSpec[][], input: ArrayLike<unknown> | undefined, streams: Streams, history: string | undefined): Promise<ApiRun>;
  getVariable(name: string): unknown;
  setVariable(name: string, value: unknown): void;
  stop(): void;
}

/** The runspaces of one emsh process tree (Get-Runspace lists them), and how to make more. */
export interface RunspaceHost {
  /** The runspace the calling code runs in. */
  current(): PSObject;
  /**
   * A new runspace's engine: a nested session sharing the lab, whose own runspace is `self`;
   * `state` is what its InitialSessionState asks for (absent: the default one).
   */
  newEngine(self: PSObject, state?: SessionStateSettings): RunspaceEngine;
  /** Every runspace not yet disposed, oldest first. */
  readonly registry: RunspaceRegistry;
}

export class RunspaceRegistry {
  private nextId = 1;
  readonly open: PSObject[] = [];

  takeId(): number {
    return this.nextId++;
  }
}

interface RunspaceControl {
  engine(): RunspaceEngine;
  state(): string;
  dispose(): void;
}

const runspaces = new WeakMap<PSObject, RunspaceControl>();

/** What emsh keeps of a runspace object; undefined for anything else. */
function runspaceControl(v: unknown): RunspaceControl | undefined {
  return v instanceof PSObject ? runspaces.get(v) : undefined;
}

/** A Runspace object over an engine made on first use; `opened` for the session's own runspace. */
export function runspaceObject(registry: RunspaceRegistry, makeEngine: (self: PSObject) => RunspaceEngine, opened: boolean): PSObject {
  const id = registry.takeId();
  let name = `Runspace${id}`;
  let state = opened ? 'Opened' : 'BeforeOpen';
  let engine: RunspaceEngine | undefined;
  let instanceId: PSObject | undefined;
  const o = new PSObject([`${RUNSPACES}.LocalRunspace`, `${RUNSPACES}.RunspaceBase`, `${RUNSPACES}.Runspace`, 'System.Object']);
  const prop = (n: string, typeName: string, get: () => unknown, set?: (v: unknown) => void) => o.addProperty({ name: n, memberType: 'Property', typeName, get, set });
  const getEngine = () => (engine ??= makeEngine(o));
  const stateInfo = () => {
    const info = new PSObject([`${RUNSPACES}.RunspaceStateInfo`, 'System.Object']);
    info.addNote('State', enumValue(RUNSPACE_STATE, state));
    info.addNote('Reason', null);
    info.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => state });
    return info;
  };
  prop('Id', 'System.Int32', () => id);
  prop('Name', 'System.String', () => name, (v) => (name = convertToString(v)));
  prop('InstanceId', 'System.Guid', () => (instanceId ??= guidObject(randomUUID())));
  prop('RunspaceStateInfo', `${RUNSPACES}.RunspaceStateInfo`, stateInfo);
  prop('RunspaceAvailability', RUNSPACE_AVAILABILITY, () => enumValue(RUNSPACE_AVAILABILITY, state === 'Opened' ? 'Available' : 'None'));
  prop('ConnectionInfo', `${RUNSPACES}.RunspaceConnectionInfo`, () => null);
  prop('ThreadOptions', `${RUNSPACES}.PSThreadOptions`, () => 'Default');
  const debuggerObject = newRunspaceDebugger();
  prop('Debugger', `${SMA}.Debugger`, () => debuggerObject);
  const proxy = new PSObject([`${RUNSPACES}.SessionStateProxy`, 'System.Object']);
  const needOpen = (method: string, argc: number) => {
    if (state !== 'Opened') throw methodException(method, argc, `The state of the current runspace is not valid for this operation. Current state: ${state}, expected state: Opened.`, 'InvalidRunspaceStateException');
  };
  proxy.addMethod({
    name: 'SetVariable',
    definition: 'void SetVariable(string name, System.Object value)',
    invoke: (args) => {
      if (args.length !== 2) overloadError('SetVariable', args.length);
      needOpen('SetVariable', 2);
      getEngine().setVariable(convertToString(args[0]), args[1] ?? null);
    },
  });
  proxy.addMethod({
    name: 'GetVariable',
    definition: 'System.Object GetVariable(string name)',
    invoke: (args) => {
      if (args.length !== 1) overloadError('GetVariable', args.length);
      needOpen('GetVariable', 1);
      return getEngine().getVariable(convertToString(args[0]));
    },
  });
  prop('SessionStateProxy', `${RUNSPACES}.SessionStateProxy`, () => proxy);
  const open = (method: string) => (args: unknown[]) => {
    if (args.length) overloadError(method, args.length);
    if (state !== 'BeforeOpen') throw methodException(method, 0, `Cannot perform operation because the runspace is not in the 'BeforeOpen' state. Current state of runspace is '${state}'.`, 'InvalidRunspaceStateException');
    state = 'Opened';
    getEngine();
  };
  const close = () => {
    if (state === 'Opened') engine?.stop();
    if (state !== 'BeforeOpen') state = 'Closed';
  };
  o.addMethod({
    name: 'CreatePipeline',
    definition: `${RUNSPACES}.Pipeline CreatePipeline(), ${RUNSPACES}.Pipeline CreatePipeline(string command), ${RUNSPACES}.Pipeline CreatePipeline(string command, bool addToHistory)`,
    invoke: (args) => {
      if (args.length > 2) overloadError('CreatePipeline', args.length);
      const script = args.length ? convertToString(args[0]) : undefined;
      return pipelineObject(() => {
        needOpen('Invoke', 0);
        return getEngine();
      }, script, args.length === 2 && convertTo(args[1], 'System.Boolean') === true);
    },
  });
  o.addMethod({ name: 'Open', definition: 'void Open()', invoke: open('Open') });
  o.addMethod({ name: 'OpenAsync', definition: 'void OpenAsync()', invoke: open('OpenAsync') });
  o.addMethod({ name: 'Close', definition: 'void Close()', invoke: close });
  o.addMethod({ name: 'CloseAsync', definition: 'void CloseAsync()', invoke: close });
  const dispose = () => {
    close();
    state = 'Closed';
    const i = registry.open.indexOf(o);
    if (i >= 0) registry.open.splice(i, 1);
  };
  o.addMethod({ name: 'Dispose', definition: 'void Dispose()', invoke: dispose });
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => `${RUNSPACES}.LocalRunspace` });
  runspaces.set(o, { engine: getEngine, state: () => state, dispose });
  registry.open.push(o);
  return o;
}

/**
 * `$runspace.CreatePipeline('script')`: a Pipeline whose Invoke() runs the script in the runspace;
 * its non-terminating errors go to the pipeline's Error list, a terminating one is thrown.
 */
function pipelineObject(engine: () => RunspaceEngine, script: string | undefined, addToHistory: boolean): PSObject {
  const o = new PSObject([`${RUNSPACES}.LocalPipeline`, `${RUNSPACES}.PipelineBase`, `${RUNSPACES}.Pipeline`, 'System.Object']);
  const errors: ErrorRecord[] = [];
  let hadErrors = false;
  o.addProperty({ name: 'HadErrors', memberType: 'Property', typeName: 'System.Boolean', get: () => hadErrors });
  o.addProperty({ name: 'Error', memberType: 'Property', typeName: 'System.Collections.ObjectModel.Collection`1[[System.Object]]', get: () => errors.slice() });
  o.addMethod({
    name: 'Invoke',
    definition: 'System.Collections.ObjectModel.Collection[psobject] Invoke(), System.Collections.ObjectModel.Collection[psobject] Invoke(System.Collections.IEnumerable input)',
    invoke: async (args) => {
      if (args.length > 1) overloadError('Invoke', args.length);
      if (script === undefined) throw methodException('Invoke', args.length, 'No commands are specified.', 'InvalidOperationException');
      const input = args[0] === undefined || args[0] === null ? undefined : Array.isArray(args[0]) ? args[0] : [args[0]];
      const quiet = () => undefined;
      const sinks: Streams = { error: (r) => void errors.push(r), warning: quiet, verbose: quiet, debug: quiet, information: quiet };
      const before = errors.length;
      const result = await engine().invoke([[{ script, useLocalScope: false, args: [] }]], input, sinks, addToHistory ? script : undefined);
      hadErrors = result.failure !== undefined || errors.length > before;
      if (result.failure !== undefined) throw invokeFailure('Invoke', args.length, result.failure);
      return markList(result.output, { typeName: `System.Collections.ObjectModel.Collection\`1[[${SMA}.PSObject, ${SMA_ASSEMBLY}]]`, addReturnsIndex: false });
    },
  });
  return o;
}

/** `[runspacefactory]::CreateRunspace()`: a new runspace, not yet open. */
export function runspaceFactoryMethod(host: RunspaceHost, name: string, args: unknown[]): unknown {
  if (name.toLowerCase() === 'createrunspace') {
    // The overloads taking a host or a connection make the same local runspace here; one taking an
    // InitialSessionState starts as that says (without the built-in views once its Formats were cleared).
    const iss = args.find((a) => a instanceof PSObject && ISS_SETTINGS.has(a));
    const state = iss instanceof PSObject ? { ...ISS_SETTINGS.get(iss)! } : undefined;
    return runspaceObject(host.registry, (self) => host.newEngine(self, state), false);
  }
  if (name.toLowerCase() === 'createrunspacepool') overloadError(name, args.length);
  return undefined;
}

/**
 * `[initialsessionstate]::Create()` / CreateDefault() / CreateDefault2(): what a new runspace
 * starts with. emsh's runspaces always start as the session does, so the object only records
 * what is asked of it (and refuses what .NET refuses).
 */
export function initialSessionStateMethod(name: string, args: unknown[]): unknown {
  const l = name.toLowerCase();
  if (l !== 'create' && l !== 'createdefault' && l !== 'createdefault2') return undefined;
  if (args.length) overloadError(name, args.length);
  const o = new PSObject([INITIAL_SESSION_STATE_TYPE, 'System.Object']);
  const modules: string[] = [];
  o.addMethod({
    name: 'ImportPSModule',
    definition: 'void ImportPSModule(string[] name)',
    invoke: (a) => {
      if (a.length !== 1) overloadError('ImportPSModule', a.length);
      if (a[0] === null || a[0] === undefined) throw methodException('ImportPSModule', 1, 'Value cannot be null.\r\nParameter name: name', 'ArgumentNullException');
      for (const m of Array.isArray(a[0]) ? a[0] : [a[0]]) modules.push(convertToString(m));
    },
  });
  o.addProperty({ name: 'Modules', memberType: 'Property', typeName: 'System.Collections.Generic.List`1[[System.String]]', get: () => modules.slice() });
  const settings: SessionStateSettings = { builtInFormats: true };
  ISS_SETTINGS.set(o, settings);
  const formats = entryCollection('SessionStateFormatEntry', () => {
    settings.builtInFormats = false;
  });
  const types = entryCollection('SessionStateTypeEntry', () => undefined);
  o.addProperty({ name: 'Formats', memberType: 'Property', typeName: formats.typeNames[0]!, get: () => formats });
  o.addProperty({ name: 'Types', memberType: 'Property', typeName: types.typeNames[0]!, get: () => types });
  o.addProperty({ name: 'LanguageMode', memberType: 'Property', typeName: `${SMA}.PSLanguageMode`, get: () => 'FullLanguage' });
  return o;
}

/** What a runspace made from an InitialSessionState starts with. */
export interface SessionStateSettings {
  /** False once the state's Formats were cleared: no built-in views, only what is loaded later. */
  builtInFormats: boolean;
}

const ISS_SETTINGS = new WeakMap<PSObject, SessionStateSettings>();

/**
 * An InitialSessionState's Formats or Types: the built-in entries until Clear() drops them
 * (`cleared`). emsh does not list the entries one by one, nor add files to them.
 */
function entryCollection(entry: string, cleared: () => void): PSObject {
  const typeName = `${RUNSPACES}.InitialSessionStateEntryCollection\`1[[${RUNSPACES}.${entry}, ${SMA_ASSEMBLY}]]`;
  const o = new PSObject([typeName, 'System.Object']);
  o.addMethod({ name: 'Clear', definition: 'void Clear()', invoke: () => void cleared() });
  return o;
}

// ---------------------------------------------------------------------------------------------
// PSInvocationSettings

const settingsAddToHistory = new WeakMap<PSObject, () => boolean>();

export function newInvocationSettings(): PSObject {
  const o = new PSObject([INVOCATION_SETTINGS_TYPE, 'System.Object']);
  let addToHistory = false;
  let errorAction: unknown = null;
  let flowImpersonation = false;
  let exposeFlowControl = false;
  const prop = (n: string, typeName: string, get: () => unknown, set: (v: unknown) => void) => o.addProperty({ name: n, memberType: 'Property', typeName, get, set });
  prop('ApartmentState', 'System.Threading.ApartmentState', () => 'Unknown', () => undefined);
  prop('Host', `${SMA}.Host.PSHost`, () => null, () => undefined);
  prop('RemoteStreamOptions', `${SMA}.RemoteStreamOptions`, () => 'None', () => undefined);
  prop('AddToHistory', 'System.Boolean', () => addToHistory, (v) => (addToHistory = convertTo(v, 'System.Boolean') === true));
  prop('ErrorActionPreference', `System.Nullable[${SMA}.ActionPreference]`, () => errorAction, (v) => (errorAction = v === null ? null : enumValue(`${SMA}.ActionPreference`, v)));
  prop('FlowImpersonationPolicy', 'System.Boolean', () => flowImpersonation, (v) => (flowImpersonation = convertTo(v, 'System.Boolean') === true));
  prop('ExposeFlowControlExceptions', 'System.Boolean', () => exposeFlowControl, (v) => (exposeFlowControl = convertTo(v, 'System.Boolean') === true));
  settingsAddToHistory.set(o, () => addToHistory);
  return o;
}

// ---------------------------------------------------------------------------------------------
// PSDataCollection and the stream records

function dataCollection(element: string): unknown[] {
  return markList([], { typeName: `${SMA}.PSDataCollection\`1[[${SMA}.${element}, ${SMA_ASSEMBLY}]]`, addReturnsIndex: false });
}

interface DataStreams {
  error: unknown[];
  warning: unknown[];
  verbose: unknown[];
  debug: unknown[];
  information: unknown[];
  progress: unknown[];
}

function dataStreams(): { object: PSObject; lists: DataStreams } {
  const lists: DataStreams = {
    error: dataCollection('ErrorRecord'),
    warning: dataCollection('WarningRecord'),
    verbose: dataCollection('VerboseRecord'),
    debug: dataCollection('DebugRecord'),
    information: dataCollection('InformationRecord'),
    progress: dataCollection('ProgressRecord'),
  };
  const o = new PSObject([`${SMA}.PSDataStreams`, 'System.Object']);
  const names: [string, keyof DataStreams][] = [['Error', 'error'], ['Progress', 'progress'], ['Verbose', 'verbose'], ['Debug', 'debug'], ['Warning', 'warning'], ['Information', 'information']];
  for (const [n, k] of names) {
    o.addProperty({ name: n, memberType: 'Property', typeName: `${SMA}.PSDataCollection`, get: () => lists[k], set: (v) => (lists[k] = Array.isArray(v) ? v : [v]) });
  }
  o.addMethod({
    name: 'ClearStreams',
    definition: 'void ClearStreams()',
    invoke: () => {
      for (const [, k] of names) lists[k].length = 0;
    },
  });
  return { object: o, lists };
}

// ---------------------------------------------------------------------------------------------
// The exception Invoke throws

/**
 * The exception a run's terminating error is as seen by the caller of Invoke: -ErrorAction Stop's
 * ActionPreferenceStopException (holding the error's record), ThrowTerminatingError's
 * CmdletInvocationException around the record's exception, or the record's own exception.
 */
function runException(failure: unknown): ExceptionInfo {
  if (failure instanceof PipelineStoppedError) return { type: 'PipelineStoppedException', message: 'The pipeline has been stopped.' };
  if (!(failure instanceof TerminatingError)) return { type: 'RuntimeException', message: failure instanceof Error ? failure.message : String(failure) };
  const r = failure.record;
  const own: ExceptionInfo = { type: r.exceptionType, message: r.message, inner: r.innerException, record: r };
  if (failure.preferenceStop) {
    return preferenceStopException(r);
  }
  if (failure instanceof CommandTerminatingError || failure.escalated) return { type: 'CmdletInvocationException', message: r.message, inner: { ...own, record: undefined }, record: r };
  return own;
}

/** `Exception calling "Invoke" with "N" argument(s): "..."` around the run's exception (MethodInvocationException). */
function invokeFailure(method: string, argc: number, failure: unknown): TerminatingError {
  const inner = runException(failure);
  const short = inner.type.split('.').pop()!;
  return new TerminatingError(
    new ErrorRecord({
      message: `Exception calling "${method}" with "${argc}" argument(s): "${inner.message}"`,
      errorId: short,
      category: 'NotSpecified',
      exceptionType: 'MethodInvocationException',
      innerException: inner,
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// The PowerShell object

/** `[powershell]::Create()`, `Create([RunspaceMode]::NewRunspace)`, `Create('CurrentRunspace')`. */
export function createPowerShell(host: RunspaceHost, args: unknown[]): PSObject {
  if (args.length > 1) overloadError('Create', args.length);
  let mode = 'NewRunspace';
  if (args.length === 1) {
    const a = args[0];
    if (a instanceof PSObject && a.typeNames.some((t) => /InitialSessionState$/i.test(t))) mode = 'NewRunspace';
    else mode = toDisplayText(enumValue(RUNSPACE_MODE, a));
  }
  return powerShellObject(host, mode === 'CurrentRunspace' ? host.current() : undefined);
}

function powerShellObject(host: RunspaceHost, given: PSObject | undefined): PSObject {
  const o = new PSObject([POWERSHELL_TYPE, 'System.Object']);
  const instanceId = guidObject(randomUUID());
  /** Statements, each a pipeline of commands; AddStatement starts the next. */
  let statements: ApiCommandSpec[][] = [];
  let runspace: PSObject | undefined = given;
  let ownsRunspace = false;
  let state = 'NotStarted';
  let reason: unknown = null;
  let hadErrors = false;
  let disposed = false;
  let running: RunspaceEngine | undefined;
  const streams = dataStreams();

  const theRunspace = (): PSObject => {
    if (!runspace) {
      runspace = runspaceObject(host.registry, (self) => host.newEngine(self), true);
      ownsRunspace = true;
    }
    return runspace;
  };
  const current = (): ApiCommandSpec[] => {
    if (statements.length === 0) statements.push([]);
    return statements[statements.length - 1]!;
  };
  const lastCommand = (method: string, argc: number): ApiCommandSpec => {
    const c = current();
    const last = c[c.length - 1];
    if (!last) throw methodException(method, argc, 'A command is required to add a parameter. A command must be added to the PowerShell instance before adding a parameter.', 'InvalidPowerShellStateException');
    return last;
  };
  const addCommand = (spec: ApiCommandSpec): PSObject => {
    current().push(spec);
    return o;
  };
  const span = { start: 0, end: 0 };

  const commandsObject = new PSObject([`${SMA}.PSCommand`, 'System.Object']);
  commandsObject.addProperty({
    name: 'Commands',
    memberType: 'Property',
    typeName: `${RUNSPACES}.CommandCollection`,
    get: () => markList(statements.flat().map(commandView), { typeName: `${RUNSPACES}.CommandCollection`, addReturnsIndex: false }),
  });
  commandsObject.addMethod({
    name: 'Clear',
    definition: 'void Clear()',
    invoke: () => {
      statements = [];
    },
  });
  commandsObject.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => historyText(statements) });

  const prop = (n: string, typeName: string, get: () => unknown, set?: (v: unknown) => void) => o.addProperty({ name: n, memberType: 'Property', typeName, get, set });
  prop('Commands', `${SMA}.PSCommand`, () => commandsObject);
  prop('Streams', `${SMA}.PSDataStreams`, () => streams.object);
  prop('HadErrors', 'System.Boolean', () => hadErrors);
  prop('InstanceId', 'System.Guid', () => instanceId);
  prop('IsNested', 'System.Boolean', () => false);
  prop('IsRunspaceOwner', 'System.Boolean', () => ownsRunspace);
  prop('HistoryString', 'System.String', () => historyText(statements));
  // emsh has no runspace pools: the instance keeps running in its own runspace.
  let pool: unknown = null;
  prop('RunspacePool', `${RUNSPACES}.RunspacePool`, () => pool, (v) => (pool = v ?? null));
  prop('InvocationStateInfo', `${SMA}.PSInvocationStateInfo`, () => {
    const info = new PSObject([`${SMA}.PSInvocationStateInfo`, 'System.Object']);
    info.addNote('State', enumValue(INVOCATION_STATE, state));
    info.addNote('Reason', reason);
    return info;
  });
  prop(
    'Runspace',
    `${RUNSPACES}.Runspace`,
    () => theRunspace(),
    (v) => {
      if (!runspaceControl(v)) throw new TerminatingError(new ErrorRecord({ message: 'Runspace cannot be set to null.', errorId: 'ExceptionWhenSetting', category: 'NotSpecified', exceptionType: 'SetValueInvocationException' }));
      runspace = v as PSObject;
      ownsRunspace = false;
    },
  );

  o.addMethod({
    name: 'AddScript',
    definition: 'powershell AddScript(string script), powershell AddScript(string script, bool useLocalScope)',
    invoke: (args) => {
      if (args.length < 1 || args.length > 2) overloadError('AddScript', args.length);
      return addCommand({ script: convertToString(args[0]), useLocalScope: args.length === 2 && convertTo(args[1], 'System.Boolean') === true, args: [] });
    },
  });
  o.addMethod({
    name: 'AddCommand',
    definition: 'powershell AddCommand(string cmdlet), powershell AddCommand(string cmdlet, bool useLocalScope), powershell AddCommand(System.Management.Automation.CommandInfo commandInfo)',
    invoke: (args) => {
      if (args.length < 1 || args.length > 2) overloadError('AddCommand', args.length);
      const c = args[0];
      const command = c instanceof PSObject || c instanceof ScriptBlockValue ? c : convertToString(c);
      return addCommand({ command, useLocalScope: args.length === 2 && convertTo(args[1], 'System.Boolean') === true, args: [] });
    },
  });
  o.addMethod({
    name: 'AddParameter',
    definition: 'powershell AddParameter(string parameterName, System.Object value), powershell AddParameter(string parameterName)',
    invoke: (args) => {
      if (args.length < 1 || args.length > 2) overloadError('AddParameter', args.length);
      const cmd = lastCommand('AddParameter', args.length);
      const name = convertToString(args[0]);
      cmd.args.push(args.length === 2 ? { kind: 'parameter', name, value: args[1] ?? null, hasColonArgument: true, span } : { kind: 'parameter', name, span });
      return o;
    },
  });
  o.addMethod({
    name: 'AddParameters',
    definition: 'powershell AddParameters(System.Collections.IList parameters), powershell AddParameters(System.Collections.IDictionary parameters)',
    invoke: (args) => {
      if (args.length !== 1) overloadError('AddParameters', args.length);
      const cmd = lastCommand('AddParameters', 1);
      const p = args[0];
      if (p instanceof PSHashtable) for (const [k, v] of p.entries()) cmd.args.push({ kind: 'parameter', name: toDisplayText(k), value: v ?? null, hasColonArgument: true, span });
      else for (const v of Array.isArray(p) ? p : [p]) cmd.args.push({ kind: 'value', value: v ?? null, span });
      return o;
    },
  });
  o.addMethod({
    name: 'AddArgument',
    definition: 'powershell AddArgument(System.Object value)',
    invoke: (args) => {
      if (args.length !== 1) overloadError('AddArgument', args.length);
      lastCommand('AddArgument', 1).args.push({ kind: 'value', value: args[0] ?? null, span });
      return o;
    },
  });
  o.addMethod({
    name: 'AddStatement',
    definition: 'powershell AddStatement()',
    invoke: () => {
      if (statements.length && current().length) statements.push([]);
      return o;
    },
  });

  // PSCommand (`$ps.Commands`) builds the same command list: its Add* methods are the instance's,
  // returning the PSCommand (PSCommand AddScript(string) and so on).
  for (const name of ['AddCommand', 'AddScript', 'AddParameter', 'AddArgument', 'AddStatement']) {
    const m = o.method(name)!;
    commandsObject.addMethod({
      name,
      definition: m.definition?.replace(/\bpowershell /g, `${SMA}.PSCommand `),
      invoke: (args) => {
        m.invoke(args);
        return commandsObject;
      },
    });
  }

  /** One synchronous-looking run; `method` and `argc` name the call in the exception it may throw. */
  const run = async (method: string, argc: number, input: unknown, settings: unknown): Promise<unknown[]> => {
    if (disposed) throw methodException(method, argc, 'Cannot access a disposed object.\r\nObject name: \'PowerShell\'.', 'ObjectDisposedException');
    const work = statements.filter((s) => s.length > 0);
    if (work.length === 0) throw methodException(method, argc, 'No commands are specified.', 'InvalidOperationException');
    const rs = runspaceControl(theRunspace())!;
    if (rs.state() !== 'Opened') {
      throw methodException(method, argc, `The state of the current runspace is not valid for this operation. Current state: ${rs.state()}, expected state: Opened.`, 'InvalidRunspaceStateException');
    }
    const engine = rs.engine();
    state = 'Running';
    reason = null;
    hadErrors = false;
    const errorsBefore = streams.lists.error.length;
    const sinks: Streams = {
      error: (r) => void streams.lists.error.push(r),
      warning: (r) => void streams.lists.warning.push(r),
      verbose: (r) => void streams.lists.verbose.push(r),
      debug: (r) => void streams.lists.debug.push(r),
      information: (r) => void streams.lists.information.push(r),
    };
    const items = input === undefined || input === null ? undefined : Array.isArray(input) ? input : [input];
    const addToHistory = settings instanceof PSObject && settingsAddToHistory.get(settings)?.() === true;
    running = engine;
    let result: ApiRun;
    try {
      result = await engine.invoke(work, items, sinks, addToHistory ? historyText(work) : undefined);
    } finally {
      running = undefined;
    }
    hadErrors = result.failure !== undefined || streams.lists.error.length > errorsBefore;
    if (result.failure !== undefined) {
      const stopped = result.failure instanceof PipelineStoppedError;
      state = stopped ? 'Stopped' : 'Failed';
      const thrown = invokeFailure(method, argc, result.failure);
      reason = exceptionValue(thrown.record.innerException!);
      throw thrown;
    }
    state = 'Completed';
    return markList(result.output, { typeName: `System.Collections.ObjectModel.Collection\`1[[${SMA}.PSObject, ${SMA_ASSEMBLY}]]`, addReturnsIndex: false });
  };

  o.addMethod({
    name: 'Invoke',
    definition:
      'System.Collections.ObjectModel.Collection[psobject] Invoke(), System.Collections.ObjectModel.Collection[psobject] Invoke(System.Collections.IEnumerable input), System.Collections.ObjectModel.Collection[psobject] Invoke(System.Collections.IEnumerable input, System.Management.Automation.PSInvocationSettings settings)',
    invoke: (args) => {
      if (args.length > 3) overloadError('Invoke', args.length);
      return run('Invoke', args.length, args[0], args[1]);
    },
  });
  o.addMethod({
    name: 'BeginInvoke',
    definition: 'System.IAsyncResult BeginInvoke(), System.IAsyncResult BeginInvoke[T](System.Management.Automation.PSDataCollection[T] input)',
    invoke: (args) => {
      // Synchronous underneath: the run happens now; EndInvoke hands over its outcome.
      const outcome = run('EndInvoke', 1, args[0], args[1]).then(
        (output) => ({ output }),
        (error: unknown) => ({ error }),
      );
      const ar = new PSObject([`${SMA}.PowerShellAsyncResult`, `${SMA}.Runspaces.AsyncResult`, 'System.Object']);
      ar.addNote('IsCompleted', true);
      ar.addNote('CompletedSynchronously', false);
      ar.addNote('AsyncState', null);
      ar.addNote('InstanceId', instanceId);
      asyncOutcomes.set(ar, outcome);
      return outcome.then(() => ar);
    },
  });
  o.addMethod({
    name: 'EndInvoke',
    definition: 'System.Management.Automation.PSDataCollection[psobject] EndInvoke(System.IAsyncResult asyncResult)',
    invoke: async (args) => {
      if (args.length !== 1) overloadError('EndInvoke', args.length);
      const outcome = args[0] instanceof PSObject ? asyncOutcomes.get(args[0]) : undefined;
      if (!outcome) throw methodException('EndInvoke', 1, 'The IAsyncResult object provided does not match this PowerShell instance.\r\nParameter name: asyncResult', 'ArgumentException');
      const r = await outcome;
      if ('error' in r) throw r.error;
      return r.output;
    },
  });
  o.addMethod({
    name: 'Stop',
    definition: 'void Stop()',
    invoke: () => {
      running?.stop();
      if (state === 'Running') state = 'Stopped';
    },
  });
  o.addMethod({ name: 'BeginStop', definition: 'System.IAsyncResult BeginStop(System.AsyncCallback callback, System.Object state)', invoke: () => (running?.stop(), null) });
  o.addMethod({ name: 'EndStop', definition: 'void EndStop(System.IAsyncResult asyncResult)', invoke: () => undefined });
  o.addMethod({
    name: 'Dispose',
    definition: 'void Dispose()',
    invoke: () => {
      if (disposed) return;
      running?.stop();
      disposed = true;
      // A runspace the instance made for itself goes with it.
      if (ownsRunspace && runspace) runspaceControl(runspace)?.dispose();
    },
  });
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => POWERSHELL_TYPE });
  return o;
}

const asyncOutcomes = new WeakMap<PSObject, Promise<{ output: unknown[] } | { error: unknown }>>();

/** A command as `$ps.Commands.Commands` lists it (System.Management.Automation.Runspaces.Command). */
function commandView(c: ApiCommandSpec): PSObject {
  const o = new PSObject([`${RUNSPACES}.Command`, 'System.Object']);
  const text = c.script ?? (c.command instanceof PSObject ? toDisplayText(c.command.get('Name')) : toDisplayText(c.command));
  o.addNote('CommandText', text);
  o.addNote('IsScript', c.script !== undefined);
  o.addNote('UseLocalScope', c.useLocalScope);
  o.addNote(
    'Parameters',
    markList(
      c.args.map((a) => {
        const p = new PSObject([`${RUNSPACES}.CommandParameter`, 'System.Object']);
        p.addNote('Name', a.kind === 'parameter' ? a.name : null);
        p.addNote('Value', a.kind === 'parameter' ? (a.value ?? null) : a.value);
        return p;
      }),
      { typeName: `${RUNSPACES}.CommandParameterCollection`, addReturnsIndex: false },
    ),
  );
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => text });
  return o;
}

/** The command line the statements stand for (the history entry of an AddToHistory run). */
function historyText(statements: ApiCommandSpec[][]): string {
  return statements
    .filter((s) => s.length)
    .map((s) => s.map((c) => c.script ?? (c.command instanceof PSObject ? toDisplayText(c.command.get('Name')) : toDisplayText(c.command))).join(' | '))
    .join('; ');
}

/** Numbers for Get-Runspace -Id. */
export function runspaceId(rs: PSObject): number {
  return toNumber(rs.get('Id'));
}

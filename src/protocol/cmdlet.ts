// The declaration every cmdlet exports, and the context it runs with.
//
// One declaration drives binding (src/engine/binder.ts), Get-Help, Get-Command -Syntax,
// tab completion and the examples test. No cmdlet parses its own arguments.

import type { ModuleTable } from './modules.js';
import type { MaybePromise } from './maybe-promise.js';
import type { ScriptBlockAst, SourceText, Span } from '../../grammar/ast.js';
import type { ErrorCategory, ErrorRecord, ErrorRecordInit } from './errors.js';
import type { Host, HostStyle } from './host.js';
import type { PSHashtable, PSObject, PSTypeValue, ScriptBlockValue, SecureString } from './values.js';

/** Parameter types the binder knows how to convert to. */
export type ParameterType =
  | 'String' | 'String[]'
  | 'Int32' | 'Int32[]' | 'Int64' | 'Double' | 'Decimal'
  | 'Boolean' | 'Switch'
  | 'Object' | 'Object[]' | 'PSObject' | 'PSObject[]'
  | 'ScriptBlock' | 'ScriptBlock[]'
  | 'SecureString' | 'PSCredential'
  | 'Byte[]' | 'Char'
  | 'DateTime' | 'TimeSpan'
  | 'Hashtable' | 'Hashtable[]'
  | 'Enum' | 'Enum[]';

/** Membership of a parameter in one parameter set. */
export interface ParameterSetMembership {
  /** 0-based position for positional binding. */
  position?: number;
  mandatory?: boolean;
  /** ValueFromPipeline. */
  fromPipeline?: boolean;
  /** ValueFromPipelineByPropertyName. */
  fromPipelineByPropertyName?: boolean;
  /** ValueFromRemainingArguments. */
  fromRemainingArguments?: boolean;
  helpMessage?: string;
}

/** The name meaning "every parameter set" (PowerShell's `__AllParameterSets`). */
export const ALL_SETS = '__AllParameterSets';

export interface ParameterDeclaration {
  type: ParameterType;
  /**
   * For `Enum` / `Enum[]`: the .NET type name and its values (case-insensitive on input,
   * canonical spelling on output). `flags` allows `IIS,SMTP` / `"IIS, SMTP"` combinations.
   */
  enum?: { typeName: string; values: readonly string[]; flags?: boolean; numbers?: readonly number[] };
  /**
   * The .NET type help and Get-Command show when `type` only approximates it: Exchange's
   * Unlimited, EnhancedTimeSpan, MultiValuedProperty ... (bound as strings or objects and checked by
   * the cmdlet), or a function parameter's type the binder has no ParameterType for (`[IO.FileInfo]`:
   * bound as Object, converted by the variable's type constraint).
   */
  netType?: string;
  aliases?: string[];
  /**
   * For script parameters typed with a .NET type that has no ParameterType (`[byte]`, `[long[]]`):
   * the full type name the value is converted to (type `Object` otherwise).
   */
  convertTo?: string;
  /** [ValidateSet(...)], case-insensitive. */
  validateSet?: readonly string[];
  /** [ValidateRange(min, max)]. */
  validateRange?: [number, number];
  /** [ValidateNotNullOrEmpty()]. */
  validateNotNullOrEmpty?: boolean;
  /** [ValidateNotNull()]. */
  validateNotNull?: boolean;
  /** [ValidateCount(min, max)]: how many values an array parameter takes. */
  validateCount?: [number, number];
  /** [ValidateLength(min, max)]: the length of each string. */
  validateLength?: [number, number];
  /** [ValidatePattern('regex')]: each value's text matches (case-insensitive, as .NET's IgnoreCase). */
  validatePattern?: string;
  /** [ValidateScript({...})]: each value makes the block return true (`$_` is the value). */
  validateScript?: ScriptBlockValue;
  /** [AllowNull()] / [AllowEmptyString()] / [AllowEmptyCollection()] for mandatory parameters. */
  allowNull?: boolean;
  allowEmptyString?: boolean;
  allowEmptyCollection?: boolean;
  /**
   * Parameter-set membership by set name; absent means: in all sets, named only,
   * optional, no pipeline input. Use ALL_SETS as the key for "in every set" with options.
   */
  sets?: Record<string, ParameterSetMembership>;
  /** One line for Get-Help -Parameter / -Full. */
  help?: string;
  /**
   * The value the cmdlet gets when the parameter is not bound: the binder supplies it (it is not
   * in `$PSBoundParameters`) and help shows it. Its type is the parameter's.
   */
  default?: unknown;
  /**
   * Help's "Default value" when the default is worked out at run time (`Current directory`);
   * the cmdlet then sees the parameter as not bound.
   */
  defaultText?: string;
  /** What tab completion offers for the value when no enum/validateSet says it. */
  complete?: 'thumbprint' | 'machine' | 'path' | 'command' | 'exercise' | 'checkpoint';
}

export interface CmdletExample {
  title?: string;
  /** The command text, exactly as a user would type it. */
  code: string;
  /** What the example does, for Get-Help -Examples. */
  remarks: string;
  /**
   * What the examples test checks: the output (all streams as printed, trimmed) must contain
   * this text, or match this pattern. Absent: the example must run without an error.
   */
  shows?: string | RegExp;
  /** Commands run before `code` in the same session (not shown in help). */
  setup?: string;
  /** Set when the example needs an interactive host: the examples test skips it. */
  interactive?: boolean;
}

/** What the binder hands a cmdlet for each parameter type (src/engine/binder.ts converts to these). */
export interface ParameterValues {
  String: string;
  'String[]': (string | null)[];
  Int32: number;
  'Int32[]': number[];
  Int64: number;
  Double: number;
  Decimal: number;
  Boolean: boolean;
  Switch: boolean;
  Object: unknown;
  'Object[]': unknown[];
  PSObject: unknown;
  'PSObject[]': unknown[];
  ScriptBlock: ScriptBlockValue;
  'ScriptBlock[]': ScriptBlockValue[];
  SecureString: SecureString;
  PSCredential: PSObject;
  'Byte[]': Uint8Array;
  Char: string;
  DateTime: Date;
  TimeSpan: PSObject;
  Hashtable: PSHashtable;
  'Hashtable[]': PSHashtable[];
  Enum: string;
  'Enum[]': string[];
}

/**
 * One parameter's value as a cmdlet block sees it: the converted type; `null` when `$null` was
 * passed (never for switches, Booleans, numbers and enums, see NeverNull, unless [AllowNull]);
 * `undefined` when not bound, unless a default is declared.
 */
export type ParameterValue<D extends ParameterDeclaration> =
  | ConvertedValue<D>
  | (D extends { allowNull: true } ? null : D['type'] extends NeverNull ? never : MandatorySomewhere<D> extends true ? never : null)
  | (D extends { default: NonNullable<unknown> } | AlwaysMandatory ? never : undefined);

/** Mandatory in some parameter set: the binder refuses null for it (and null elements of an array). */
type MandatorySomewhere<D extends ParameterDeclaration> = D extends { sets: infer S extends Record<string, ParameterSetMembership> }
  ? true extends S[keyof S]['mandatory'] ? true : false
  : false;

/** Mandatory in every parameter set: always bound, and never to null unless [AllowNull]. */
type AlwaysMandatory = { sets: { __AllParameterSets: { mandatory: true } } };

/** Types whose parameters never receive null: `$null` is false, 0 or refused (enums). */
type NeverNull = 'Switch' | 'Boolean' | 'Int32' | 'Int64' | 'Double' | 'Decimal' | 'Enum' | 'Enum[]';

/** An enum parameter declared with `as const` values gets their union; others their ParameterValues type. */
type ConvertedValue<D extends ParameterDeclaration> = D extends { enum: { values: readonly (infer V)[] } }
  ? D['type'] extends 'Enum[]' ? V[] : D['type'] extends 'Enum' ? V : ParameterValues[D['type']]
  : D['type'] extends 'String[]' ? MandatorySomewhere<D> extends true ? string[] : ParameterValues['String[]'] : ParameterValues[D['type']];

/** The parameters of a declaration, typed from it: what begin/process/end receive. */
export type BoundParameters<Ps extends Record<string, ParameterDeclaration>> = { [K in keyof Ps]-?: ParameterValue<NonNullable<Ps[K]>> | (undefined extends Ps[K] ? undefined : never) };

export interface CmdletDeclaration<Ps extends Record<string, ParameterDeclaration> = Record<string, ParameterDeclaration>> {
  /** Verb-Noun. */
  name: string;
  synopsis: string;
  description: string;
  /** Standard aliases that point at this cmdlet (`?`, `where` for Where-Object). */
  aliases?: string[];
  /** Where it comes from, for Get-Command's Source/ModuleName column. */
  module?: string;
  /** Namespace of the implementing type, for FQIDs (default Microsoft.PowerShell.Commands). */
  typeNamespace?: string;
  defaultParameterSet?: string;
  parameters: Ps;
  supportsShouldProcess?: boolean;
  confirmImpact?: 'None' | 'Low' | 'Medium' | 'High';
  /** Type names of what it writes, for Get-Help / Get-Command. */
  outputType?: string[];
  examples: CmdletExample[];
  /** Related links for Get-Help. */
  related?: string[];
  /**
   * Whether running it may change the lab (organization, certificates, clock): such a statement
   * waits to be the lab's writer before it runs. Absent: see mayChangeLab().
   */
  changesLab?: boolean;
  /**
   * Runs once before the first pipeline object, with the parameters bound so far
   * (command-line arguments only). Pipeline-bound parameters are undefined here.
   */
  begin?(params: BoundParameters<Ps>, ctx: CmdletContext): void | Promise<void>;
  /**
   * Runs once per pipeline object (or once, with no pipeline input), with all parameters
   * bound for this object.
   */
  process?(params: BoundParameters<Ps>, ctx: CmdletContext): void | Promise<void>;
  /** Runs once after the last object. */
  end?(params: BoundParameters<Ps>, ctx: CmdletContext): void | Promise<void>;
}

/**
 * Declares a cmdlet. The parameter types of its blocks are inferred from `parameters`, so a
 * cmdlet body needs no casts; the result joins the untyped registry (src/cmdlets/index.ts).
 */
export function defineCmdlet<Ps extends Record<string, ParameterDeclaration>>(decl: CmdletDeclaration<Ps>): CmdletDeclaration {
  return decl as unknown as CmdletDeclaration;
}

/** The values a cmdlet gets for its parameters left unbound: the declared defaults (the binder starts from these). */
export function declaredDefaults(decl: CmdletDeclaration): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(decl.parameters)) if (p.default !== undefined) out[name] = p.default;
  return out;
}

/** A typed key for domain services a cmdlet can ask its context for (the organization, the store...). */
export interface ServiceKey<T> {
  readonly name: string;
  /** Phantom, never set. */
  readonly __type?: T;
}

export function serviceKey<T>(name: string): ServiceKey<T> {
  return { name };
}

/** A typed key for state a cmdlet keeps during one invocation (CmdletContext.runState). */
export interface StateKey<T> {
  readonly name: string;
  /** Phantom, never set. */
  readonly __type?: T;
}

export function stateKey<T>(name: string): StateKey<T> {
  return { name };
}

/**
 * The `init` of CmdletContext.runState in process and end when begin made the state: begin
 * always runs first, so this never does (an internal error if it did).
 */
export function madeInBegin(): never {
  throw new Error('internal: the state made in begin is missing');
}

/** The one store of per-invocation state: what CmdletContext.runState is made of. */
export class RunState {
  private readonly values = new Map<StateKey<unknown>, unknown>();

  get<T>(key: StateKey<T>, init: () => T): T {
    if (!this.values.has(key)) this.values.set(key, init());
    return this.values.get(key) as T;
  }
}

export interface ServiceRegistry {
  get<T>(key: ServiceKey<T>): T;
  tryGet<T>(key: ServiceKey<T>): T | undefined;
}

/** What Get-Command lists. */
export interface CommandInfo {
  name: string;
  commandType: 'Cmdlet' | 'Function' | 'Filter' | 'Alias' | 'ExternalScript';
  /** For aliases: the target name; for functions: the body text. */
  definition: string;
  /** For aliases: the alias itself (description and options). */
  alias?: SessionAlias;
  /** The declaration, for cmdlets. */
  declaration?: CmdletDeclaration;
  /** Parameter names of a function (from its param block). */
  functionParameters?: string[];
  /**
   * A function's param block as a declaration (made on first use) and whether the function is
   * advanced (then it has the common parameters): Get-Command's Parameters and ParameterSets.
   */
  functionMetadata?: () => { declaration: CmdletDeclaration; advanced: boolean };
  /** Where a function's or script's comment-based help is looked for (Get-Help). */
  helpSource?: () => HelpSource | undefined;
  module: string;
}

/** The text and tree Get-Help reads a function's or a script's comment-based help from. */
export interface HelpSource {
  source: SourceText;
  /** The function's body, or the script's whole block. */
  block: ScriptBlockAst;
  /** The `function name {...}` statement, when the function was defined by one. */
  definition?: Span;
  /** The block is a whole script file. */
  isScript?: boolean;
}

export interface HistoryEntry {
  id: number;
  commandLine: string;
  executionStatus: 'Completed' | 'Failed' | 'Stopped';
  startExecutionTime: Date;
  endExecutionTime: Date;
}

/** A path on a lab machine's drive after resolution. */
export interface ResolvedPath {
  /** The PowerShell spelling: `C:\certs\a.pfx` or `\\EDGE01\c$\edge.xml`. */
  display: string;
  /** The real path on the host, inside the machine's drive folder. */
  hostPath: string;
  /** The machine whose drive it is. */
  machine: string;
  /** An alternate data stream of a file (`fs.stream`): the stream's name; display is `file:name`. */
  stream?: string;
}

export interface FileEntry {
  name: string;
  path: ResolvedPath;
  isDirectory: boolean;
  length: number;
  lastWriteTime: Date;
  /** The ReadOnly attribute (files only): writes and deletes are refused while it is set. */
  readOnly?: boolean;
}

/** An alternate data stream of a file, as Get-Item -Stream lists it (the main one is `:$DATA`). */
export interface StreamEntry {
  name: string;
  length: number;
}

/**
 * The lab drive: every file a cmdlet touches goes through here, so no path leaves the
 * machine's drive. Failures throw a TerminatingError carrying a PowerShell-style record.
 */
export interface LabFileSystem {
  /** Resolves a PowerShell path against the current location (`C:\Windows\system32`). */
  resolve(path: string, location: string): ResolvedPath;
  exists(p: ResolvedPath): boolean;
  stat(p: ResolvedPath): FileEntry | undefined;
  list(dir: ResolvedPath): FileEntry[];
  readBytes(p: ResolvedPath): Uint8Array;
  writeBytes(p: ResolvedPath, data: Uint8Array, append?: boolean): void;
  mkdir(p: ResolvedPath): void;
  remove(p: ResolvedPath, recurse?: boolean): void;
  copy(from: ResolvedPath, to: ResolvedPath): void;
  /** Renames or moves an item (with its streams and attributes; a read-only file may move). */
  move(from: ResolvedPath, to: ResolvedPath): void;
  /** Sets or clears a file's ReadOnly attribute. */
  setReadOnly(p: ResolvedPath, readOnly: boolean): void;
  /**
   * The alternate data stream `name` of file `p` (NTFS's `file:name`): read, write and remove it
   * like a file. Writing it makes the file when there is none, as on NTFS.
   */
  stream(p: ResolvedPath, name: string): ResolvedPath;
  /** The alternate data streams of a file (not the main one). */
  streams(p: ResolvedPath): StreamEntry[];
}

/** A variable as the variable cmdlets see it (PSVariable): the engine's own record, live. */
export interface SessionVariable {
  readonly name: string;
  value: unknown;
  constant?: boolean;
  readOnly?: boolean;
  /** Seen and written by every child scope (ScopedItemOptions.AllScope). */
  allScope?: boolean;
  /** Visible only in the scope that made it (ScopedItemOptions.Private). */
  isPrivate?: boolean;
  description?: string;
}

/**
 * One scope's variables (`-Scope Global`, `Script`, `Local` or a number counted up from the
 * command's scope), or, with no scope named, the variables visible from the command's scope.
 */
export interface VariableTable {
  get(name: string): SessionVariable | undefined;
  list(): SessionVariable[];
  /** Makes (or replaces) the variable in this table's scope (the local one when none was named). */
  define(v: SessionVariable): SessionVariable;
  remove(name: string): boolean;
}

/** A place in a script or command line (an IScriptExtent): lines and columns 1-based. */
export interface SourceExtent {
  readonly file: string | undefined;
  readonly text: string;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly startOffset: number;
  readonly endOffset: number;
}

/** One frame of the call stack: a function, script, script block or trap body that is running. */
export interface CallStackEntry {
  /** The function's name; `<ScriptBlock>` for a script, a script block or the command line. */
  readonly functionName: string;
  /** The frame's $MyInvocation (null for the command line itself). */
  readonly invocation: unknown;
  /** Where the frame's code is running: the command that called the frame above it. */
  readonly position: SourceExtent;
  /** The arguments no parameter took ($args). */
  readonly unboundArguments: readonly unknown[];
  /** The variables of the frame's own scope. */
  variables(): SessionVariable[];
}

/** An alias of the session (AliasInfo): its name, the command it stands for, its options. */
export interface SessionAlias {
  readonly name: string;
  definition: string;
  description?: string;
  constant?: boolean;
  readOnly?: boolean;
  allScope?: boolean;
  isPrivate?: boolean;
}

/** One scope's aliases, or with no scope named the aliases visible from the command's scope. */
export interface AliasTable {
  get(name: string): SessionAlias | undefined;
  list(): SessionAlias[];
  /** Makes (or replaces) the alias in this table's scope (the local one when none was named). */
  define(a: SessionAlias): SessionAlias;
  remove(name: string): boolean;
}

/** A breakpoint of the session (Set-PSBreakpoint): a line of a script, a command, or a variable. */
export interface SessionBreakpoint {
  readonly id: number;
  readonly kind: 'Line' | 'Command' | 'Variable';
  /** The script's full path; null: anywhere. */
  readonly script: string | null;
  readonly line?: number;
  /** 0: the whole line. */
  readonly column?: number;
  readonly command?: string;
  readonly variable?: string;
  readonly accessMode?: 'Read' | 'Write' | 'ReadWrite';
  readonly action: ScriptBlockValue | null;
  enabled: boolean;
  hitCount: number;
}

/** The session's breakpoints, in the order they were set. */
export interface BreakpointTable {
  list(): SessionBreakpoint[];
  add(b: Omit<SessionBreakpoint, 'id' | 'enabled' | 'hitCount'>): SessionBreakpoint;
  remove(id: number): boolean;
}

/** An event in the session's queue (PSEventArgs). */
export interface SessionEvent {
  readonly eventIdentifier: number;
  readonly sourceIdentifier: string;
  readonly sender: unknown;
  readonly sourceArgs: unknown[];
  readonly messageData: unknown;
  readonly timeGenerated: Date;
}

/** A subscription to events (PSEventSubscriber): an engine event, or an object's event. */
export interface SessionSubscriber {
  readonly subscriptionId: number;
  readonly sourceIdentifier: string;
  readonly sourceObject: unknown;
  readonly eventName: string | null;
  readonly action: ScriptBlockValue | null;
  readonly messageData: unknown;
  readonly supportEvent: boolean;
  readonly forward: boolean;
  /** 0: no limit; the subscription ends after this many events. */
  readonly maxTriggerCount: number;
  triggerCount: number;
}

/**
 * The session's events (New-Event, Get-Event, Register-EngineEvent ...). Raising an event runs the
 * actions of the subscriptions to its source identifier; an event no action handled is queued.
 */
export interface EventManager {
  events(): SessionEvent[];
  raise(init: Omit<SessionEvent, 'eventIdentifier' | 'timeGenerated'>): Promise<SessionEvent>;
  removeEvent(eventIdentifier: number): boolean;
  subscribers(): SessionSubscriber[];
  subscribe(init: Omit<SessionSubscriber, 'subscriptionId' | 'triggerCount'>): SessionSubscriber;
  unsubscribe(subscriptionId: number): boolean;
  /** Resolves when an event is queued (or at once when `signal` is aborted). */
  nextEvent(signal: AbortSignal): Promise<void>;
}

/** Session-wide things some cmdlets need (Get-Command, Get-History, Set-Location, ...). */
export interface SessionServices {
  getVariable(name: string): unknown;
  setVariable(name: string, value: unknown): void;
  hasVariable(name: string): boolean;
  /**
   * The variable table of a scope, for New-/Get-/Set-/Clear-/Remove-Variable. A scope that does
   * not exist throws a TerminatingError with PowerShell's record (ArgumentOutOfRange, Argument).
   */
  variableTable?(scope?: string): VariableTable;
  /** The alias table of a scope (Get-/Set-/New-/Export-/Import-Alias, the alias: drive); scope errors as variableTable's. */
  aliasTable?(scope?: string): AliasTable;
  /** The breakpoints the engine checks as scripts run (the *-PSBreakpoint cmdlets). */
  breakpoints?: BreakpointTable;
  /** The session's event queue and subscriptions. */
  events?: EventManager;
  /** The session's modules (Import-/Get-/Remove-/New-Module, Export-ModuleMember). */
  modules?: ModuleTable;
  /** Set-StrictMode: the version (1, 2, 3; 0 is off) for the command's scope and its children. */
  setStrictMode?(version: number): void;
  /** Names of the variables visible from the command's scope (Get-Variable), sorted. */
  variableNames?(): string[];
  /** Names of the environment variables (`$env:`), for completion. */
  environmentNames?(): string[];
  /** Cmdlets, functions and aliases, for Get-Command / Get-Help / Get-Alias. */
  commands(): CommandInfo[];
  resolveCommand(name: string): CommandInfo | undefined;
  /** Set-Item function:name -Value {...}: defines (or replaces) a function in the command's scope (a text is parsed as its body). */
  defineFunction?(name: string, body: ScriptBlockValue | string): void;
  history(): HistoryEntry[];
  /** The runspaces of this emsh not yet disposed, its own first (Get-Runspace); absent: only the session's own. */
  runspaces?(): unknown[];
  /** The current location, as PowerShell shows it (`C:\Windows\system32`). */
  getLocation(): string;
  setLocation(path: string): void;
  /** The machine the shell is on (lab drive owner). */
  readonly machine: string;
  /** Start-Transcript / Stop-Transcript: everything the host prints is also appended there. */
  startTranscript(path: ResolvedPath, append: boolean): void;
  /** Returns the path written, or undefined when no transcript was running. */
  stopTranscript(): ResolvedPath | undefined;
}

export interface InvokeOptions {
  /** The value of `$_` / `$PSItem`. */
  dollarUnder?: unknown;
  /** `$args` and positional parameters of the block. */
  args?: unknown[];
  /** Objects piped into the block (its process block runs per object). */
  input?: unknown[];
  /**
   * Run in the caller's scope instead of a child scope, as ForEach-Object and Where-Object do in
   * PowerShell (`1..3 | % { $sum += $_ }; $sum` is 6).
   */
  dotSource?: boolean;
}

/** The context a running cmdlet gets. */
/** What Add-Type asks the engine to compile. */
export interface AddTypeRequest {
  /** C# compilation units (one per file or generated source). */
  sources: string[];
  /** Warnings do not fail the compilation (-IgnoreWarnings). */
  ignoreWarnings: boolean;
}

/** What the compilation gave: the compiler's messages, the type names already taken by other source, the types defined. */
export interface AddTypeOutcome {
  diagnostics: { source: number; line: number; col: number; code: string; message: string; warning?: boolean }[];
  existing: string[];
  types: PSTypeValue[];
  /** The same source was compiled before: its types, nothing compiled. */
  alreadyLoaded?: boolean;
}

export interface CmdletContext {
  readonly commandName: string;
  /** The function or script whose code runs this command; undefined at the prompt (Write-Error's FQID names it). */
  readonly callerName?: string;
  /** As typed: `gci`, `Get-ChildItem`. */
  readonly invocationName: string;
  readonly parameterSetName: string;
  /** Names (canonical spelling) of parameters bound for this invocation (`$PSBoundParameters`). */
  readonly bound: ReadonlySet<string>;
  /** True when the current object came from the pipeline. */
  readonly expectingInput: boolean;

  /** WriteObject: one object onto the pipeline; `enumerate` unrolls a collection. */
  write(value: unknown, enumerate?: boolean): void;
  /** A non-terminating error (honours -ErrorAction / $ErrorActionPreference). */
  writeError(record: ErrorRecord): void;
  /**
   * The warning, verbose and debug streams. `invocationInfo`: the InvocationInfo the record carries
   * when it is not this command's (Write-Warning and its kin give the calling script's $MyInvocation).
   */
  writeWarning(message: string, invocationInfo?: unknown): void;
  writeVerbose(message: string, invocationInfo?: unknown): void;
  writeDebug(message: string, invocationInfo?: unknown): void;
  /** Write-Host: an InformationRecord tagged PSHOST, which the host shows whatever the information preference. */
  writeHost(text: string, options?: HostStyle & { noNewline?: boolean }): void;
  /** Write-Information: the information stream, shown only when InformationPreference (or -InformationAction) is Continue. */
  writeInformation(data: unknown, tags?: readonly string[]): void;

  /**
   * Builds an error record for this command: fills in invocation info (position of the
   * command), the FQID suffix and the activity.
   */
  error(init: Omit<ErrorRecordInit, 'invocation' | 'commandFullName'> & { category: ErrorCategory }): ErrorRecord;
  /** Throws a terminating error for this command. */
  fail(record: ErrorRecord): never;

  /**
   * ShouldProcess: prints `What if: Performing the operation "<action>" on target "<target>".`
   * for -WhatIf, asks for -Confirm (or when ConfirmImpact >= $ConfirmPreference), else true.
   */
  shouldProcess(target: string, action?: string): Promise<boolean>;
  /**
   * ShouldProcess with a whole description, as Exchange tasks use it: -WhatIf prints
   * `What if: <description>`; a confirmation shows the description under
   * `Are you sure you want to perform this action?`.
   */
  shouldProcessDescription?(description: string): Promise<boolean>;
  /** ShouldContinue: an unconditional Yes/No prompt (skipped by callers when -Force). */
  shouldContinue(query: string, caption: string): Promise<boolean>;

  /**
   * Runs a script block (Where-Object, ForEach-Object, calculated properties); returns its output,
   * as a plain array when the block ran synchronously (await it, or branch on isPromise on hot paths).
   */
  invoke(block: ScriptBlockValue, options?: InvokeOptions): MaybePromise<unknown[]>;
  /** The call stack where the command runs, innermost frame first (Get-PSCallStack). */
  callStack?(): CallStackEntry[];
  /**
   * A script block as a synchronous function of `$this` and `$args`, for ScriptProperty and
   * ScriptMethod members; undefined when the block runs commands (only expressions can run
   * while a property is read).
   */
  scriptMember?(block: ScriptBlockValue): ((self: unknown, args: unknown[]) => unknown) | undefined;
  /**
   * A new .NET object (New-Object): the engine's constructors for the types it has beyond
   * PowerShell's own (StringBuilder, ArrayList, List[T], X509Certificate2 ...); undefined when it has
   * none for the type. A constructor's failure throws its MethodInvocationException record.
   */
  construct?(typeName: string, args: unknown[]): Promise<unknown>;
  /** Add-Type: compiles C# source and defines its types in the session (src/engine/add-type.ts). */
  addType?(request: AddTypeRequest): Promise<AddTypeOutcome>;
  /**
   * The command needs no more input (`Select-Object -First N` has its N): once the current call
   * returns, the commands before it in the pipeline are stopped (their end blocks do not run);
   * this command's end block and those after it still run.
   */
  stopUpstream?(): void;

  readonly host: Host;
  readonly session: SessionServices;
  readonly fs: LabFileSystem;
  /**
   * State of this invocation (what begin and process collect for end): made by `init` on first
   * use, one per key, gone with the invocation. Cmdlet modules keep no state of their own.
   */
  runState<T>(key: StateKey<T>, init: () => T): T;
  readonly services: ServiceRegistry;
  /** The lab clock. Never use Date.now() in a cmdlet. */
  now(): Date;
  /** Aborted by Ctrl+C. Long operations should check it. */
  readonly signal: AbortSignal;
}

/** Verbs of commands that only read or show (PowerShell's approved verbs of that kind). */
const READING_VERBS = new Set([
  'get', 'test', 'format', 'select', 'where', 'foreach', 'sort', 'group', 'measure', 'out', 'convertto',
  'convertfrom', 'write', 'read', 'join', 'split', 'resolve', 'compare', 'find', 'search', 'show', 'trace',
]);

/**
 * Whether a command may change the lab when it runs. PowerShell's own cmdlets never do (they work
 * on the session and the lab drive); the others may unless their verb only reads.
 */
export function mayChangeLab(decl: CmdletDeclaration): boolean {
  if (decl.changesLab !== undefined) return decl.changesLab;
  if (decl.module?.startsWith('Microsoft.PowerShell.')) return false;
  return !READING_VERBS.has(decl.name.split('-')[0]!.toLowerCase());
}

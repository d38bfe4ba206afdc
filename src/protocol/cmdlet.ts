// The declaration every cmdlet exports, and the context it runs with.
//
// One declaration drives binding (src/engine/binder.ts), Get-Help, Get-Command -Syntax,
// tab completion and the examples test. No cmdlet parses its own arguments.

import type { ErrorCategory, ErrorRecord, ErrorRecordInit } from './errors.js';
import type { Host, HostStyle } from './host.js';
import type { ScriptBlockValue } from './values.js';

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
  enum?: { typeName: string; values: readonly string[]; flags?: boolean };
  /**
   * A function parameter's .NET type when the binder has no ParameterType for it (`[IO.FileInfo]`:
   * bound as Object, converted by the variable's type constraint): what messages and Get-Command show.
   */
  netType?: string;
  aliases?: string[];
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
  /** Default value shown in help (the process function applies its own default). */
  defaultValue?: string;
  /** Exchange versions that have this parameter (e.g. ['2010', '2013']); absent: all. */
  versions?: string[];
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
  /** Set when the example needs an interactive host or the lab organization. */
  needs?: ('interactive' | 'lab')[];
}

// Parameters reach a cmdlet untyped until their types are inferred from the declaration.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export interface CmdletDeclaration<P extends Record<string, unknown> = Record<string, any>> {
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
  parameters: Record<string, ParameterDeclaration>;
  supportsShouldProcess?: boolean;
  confirmImpact?: 'Low' | 'Medium' | 'High';
  /** Type names of what it writes, for Get-Help / Get-Command. */
  outputType?: string[];
  /** Exchange versions that have the cmdlet; absent: all. */
  versions?: string[];
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
  begin?(params: P, ctx: CmdletContext): void | Promise<void>;
  /**
   * Runs once per pipeline object (or once, with no pipeline input), with all parameters
   * bound for this object.
   */
  process?(params: P, ctx: CmdletContext): void | Promise<void>;
  /** Runs once after the last object. */
  end?(params: P, ctx: CmdletContext): void | Promise<void>;
}

/** Identity helper that keeps the parameter type of a declaration. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parameters untyped, as CmdletDeclaration's
export function defineCmdlet<P extends Record<string, unknown> = Record<string, any>>(
  decl: CmdletDeclaration<P>,
): CmdletDeclaration<P> {
  return decl;
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
  /** The declaration, for cmdlets. */
  declaration?: CmdletDeclaration;
  /** Parameter names of a function (from its param block). */
  functionParameters?: string[];
  /**
   * A function's param block as a declaration (made on first use) and whether the function is
   * advanced (then it has the common parameters): Get-Command's Parameters and ParameterSets.
   */
  functionMetadata?: () => { declaration: CmdletDeclaration; advanced: boolean };
  module: string;
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
}

export interface FileEntry {
  name: string;
  path: ResolvedPath;
  isDirectory: boolean;
  length: number;
  lastWriteTime: Date;
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
}

/** Session-wide things some cmdlets need (Get-Command, Get-History, Set-Location, ...). */
export interface SessionServices {
  getVariable(name: string): unknown;
  setVariable(name: string, value: unknown): void;
  hasVariable(name: string): boolean;
  /** Names of the variables visible from the command's scope (Get-Variable), sorted. */
  variableNames?(): string[];
  /** Names of the environment variables (`$env:`), for completion. */
  environmentNames?(): string[];
  /** Cmdlets, functions and aliases, for Get-Command / Get-Help / Get-Alias. */
  commands(): CommandInfo[];
  resolveCommand(name: string): CommandInfo | undefined;
  history(): HistoryEntry[];
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
export interface CmdletContext {
  readonly commandName: string;
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
  writeWarning(message: string): void;
  writeVerbose(message: string): void;
  writeDebug(message: string): void;
  /** Write-Host: straight to the host, not the pipeline. */
  writeHost(text: string, options?: HostStyle & { noNewline?: boolean }): void;

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

  /** Runs a script block (Where-Object, ForEach-Object, calculated properties); returns its output. */
  invoke(block: ScriptBlockValue, options?: InvokeOptions): Promise<unknown[]>;
  /**
   * The command needs no more input (`Select-Object -First N` has its N): once the current call
   * returns, the commands before it in the pipeline are stopped (their end blocks do not run);
   * this command's end block and those after it still run.
   */
  stopUpstream?(): void;

  readonly host: Host;
  readonly session: SessionServices;
  readonly fs: LabFileSystem;
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

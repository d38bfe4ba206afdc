// Session-wide state the evaluator works on, and the small types that thread through it:
// a Frame (scope + source + where the side streams go) and a Pipe (where output goes).

import type { SourceText, Span } from '../../grammar/ast.js';
import type { BreakpointTable, CmdletDeclaration, HistoryEntry, SessionAlias, SessionBreakpoint, LabFileSystem, ServiceKey, ServiceRegistry, SessionServices } from '../protocol/cmdlet.js';
import { ErrorRecord, PipelineStoppedError } from '../protocol/errors.js';
import { checkMemory } from '../protocol/memory-guard.js';
import { SessionCultures, SessionCulturesKey } from '../protocol/culture.js';
import { exceptionValue } from '../protocol/convert.js';
import type { Host, OutputRenderer } from '../protocol/host.js';
import type { InformationRecord, InformationalRecord } from '../protocol/stream-records.js';
import { defaultEnvironment, seedGlobals } from './automatic-variables.js';
import { Scope } from './scope.js';
import type { MaybePromise } from './signals.js';
import type { StateKeeper } from '../protocol/state-keeper.js';
import type { RunspaceHost } from './powershell-api.js';

/** Where a command's output goes: the next stage, a collector, Out-Default, or nowhere. */
export interface Pipe {
  write(value: unknown): MaybePromise<void>;
}

/** Side streams. `error` receives records after the ErrorAction decision (it only routes). */
export interface Streams {
  error(record: ErrorRecord): MaybePromise<void>;
  warning(record: InformationalRecord): void;
  verbose(record: InformationalRecord): void;
  debug(record: InformationalRecord): void;
  /** `hidden`: recorded (redirection, [powershell] streams) but not shown, as under InformationPreference SilentlyContinue. */
  information(record: InformationRecord, hidden?: boolean): void;
  /**
   * The -ErrorVariable lists of the commands whose output this code's output reaches (5.1 keeps
   * them on the output pipe): a command's errors are added to each. A stage that is not the last
   * of its pipeline writes to the next stage, so the enclosing commands' lists are not its own.
   */
  errorVariables?: readonly unknown[][];
}

/** Adds an error (a record, or the exception -ErrorAction Stop raised) to the -ErrorVariable lists its output reaches. */
export function appendErrorVariables(streams: Streams, error: unknown): void {
  const lists = streams.errorVariables;
  if (lists) for (const l of lists) l.push(error);
}

export interface Frame {
  scope: Scope;
  source: SourceText;
  streams: Streams;
  /** How many statement lists with `trap` statements are running in this frame (their errors go to the trap). */
  traps?: number;
}

/**
 * A function, script, script block or trap body that is running (the call stack's frames): its
 * scope, and where its caller's code is (the command that called it; for a trap, the statement
 * whose error it handles).
 */
export interface ActiveCall {
  readonly functionName: string;
  readonly scope: Scope;
  callSite(): { source: SourceText; span: Span };
  invocation(): unknown;
}

export const NULL_PIPE: Pipe = { write: () => undefined };

export class CollectPipe implements Pipe {
  readonly items: unknown[] = [];
  write(value: unknown): void {
    this.items.push(value);
  }
}

export interface RuntimeOptions {
  cmdlets: CmdletDeclaration[];
  host: Host;
  renderer: OutputRenderer;
  fs: LabFileSystem;
  services?: ServiceRegistry;
  machine: string;
  location?: string;
  now?: () => Date;
  variables?: Record<string, unknown>;
  /** Keeps the lab's state (saves changes before they are shown); absent: nothing to save. */
  keeper?: StateKeeper;
}

export class Runtime {
  readonly host: Host;
  readonly renderer: OutputRenderer;
  readonly fs: LabFileSystem;
  readonly services: ServiceRegistry;
  readonly now: () => Date;
  private readonly startMachine: string;
  location: string;
  readonly global = new Scope(null, 'global');
  /** The modules the session's cmdlets come from, in lower case (`#requires -Modules`). */
  moduleNames(): ReadonlySet<string> {
    return new Set([...this.cmdlets.values()].map((d) => (d.module ?? '').toLowerCase()));
  }
  readonly cmdlets = new Map<string, CmdletDeclaration>();
  /** The global scope's aliases (lower-case name → alias); scripts add their own in their scopes. */
  readonly aliases = new Map<string, SessionAlias>();
  /** Lower-case name → { name, value }: `$env:X`. */
  readonly env = new Map<string, { name: string; value: string }>();
  /** The functions, scripts and script blocks running, outermost first (Get-PSCallStack). */
  readonly callStack: ActiveCall[] = [];
  /** A breakpoint's action is running: breakpoints do not hit inside it. */
  inBreakpointAction = false;
  /** Actions of variable breakpoints (hit in synchronous reads and writes) still running. */
  pendingBreakpointActions: Promise<void> | undefined = undefined;
  /** Set-PSBreakpoint's breakpoints; the evaluator looks at them only when there are some. */
  readonly breakpoints: SessionBreakpoint[] = [];
  private nextBreakpointId = 0;
  readonly breakpointTable: BreakpointTable = {
    list: () => this.breakpoints.slice(),
    add: (b) => {
      const made: SessionBreakpoint = { ...b, id: this.nextBreakpointId++, enabled: true, hitCount: 0 };
      this.breakpoints.push(made);
      return made;
    },
    remove: (id) => {
      const i = this.breakpoints.findIndex((b) => b.id === id);
      if (i >= 0) this.breakpoints.splice(i, 1);
      return i >= 0;
    },
  };
  /** `$Error`, newest first. */
  /** `$Error`: error records, and the exceptions of command lines that did not parse (ParseException). */
  readonly errors: unknown[] = [];
  readonly history: HistoryEntry[] = [];
  /** Dynamic count of enclosing try blocks: statement-terminating errors then propagate. */
  tryDepth = 0;
  /** The errors being handled by catch blocks and traps, innermost last (a bare `throw` rethrows it). */
  readonly handling: ErrorRecord[] = [];
  /** Nested script/function calls (PowerShell stops at 1000). */
  callDepth = 0;
  /** `$?` */
  lastSuccess = true;
  /** Bumped on every error written or reported, so statements can tell whether they failed. */
  errorCount = 0;
  abort = new AbortController();
  /** The runspaces of this emsh (`[powershell]::Create()`); set by the Session. */
  runspaceHost?: RunspaceHost;
  /** SessionServices as seen from a scope (variables resolve there); set by the Session. */
  servicesFor: (scope: Scope) => SessionServices = () => {
    throw new Error('no session services');
  };

  readonly keeper: StateKeeper | undefined;

  constructor(opts: RuntimeOptions) {
    this.keeper = opts.keeper;
    this.host = opts.host;
    this.renderer = opts.renderer;
    this.fs = opts.fs;
    this.services = withRunspaceServices(opts.services ?? emptyRegistry, new SessionCultures());
    this.now = opts.now ?? (() => new Date());
    this.startMachine = opts.machine;
    this.location = opts.location ?? 'C:\\Windows\\system32';
    // Aliases are declared on their cmdlet only (`aliases: ['gci', 'ls', 'dir']`).
    for (const decl of opts.cmdlets) {
      this.cmdlets.set(decl.name.toLowerCase(), decl);
      for (const a of decl.aliases ?? []) this.aliases.set(a.toLowerCase(), { name: a, definition: decl.name, allScope: true });
    }
    this.global.aliases = this.aliases;
    for (const [k, v] of defaultEnvironment()) this.env.set(k.toLowerCase(), { name: k, value: v });
    seedGlobals(this.global, opts.variables, this.host);
  }

  /** Saves what changed in the lab so far: durably before it is shown, written before it is handed on. */
  commit(durable: boolean): void {
    this.keeper?.commit(durable);
  }

  /** The machine the shell is on: the lab drive knows (Enter-LabServer moves it). */
  get machine(): string {
    try {
      return this.fs.resolve('C:\\', 'C:\\').machine || this.startMachine;
    } catch {
      return this.startMachine;
    }
  }

  getEnv(name: string): string | null {
    const key = name.toLowerCase();
    if (key === 'computername' && !this.env.has(key)) return this.machine;
    return this.env.get(key)?.value ?? null;
  }

  setEnv(name: string, value: unknown): void {
    const key = name.toLowerCase();
    if (value === null || value === undefined || value === '') this.env.delete(key);
    else this.env.set(key, { name: this.env.get(key)?.name ?? name, value: String(value) });
  }

  /** The history id the running command line will have (-1 while running one not added to history). */
  historyId = -1;

  /** Adds a record to `$Error` once (newest first, capped like $MaximumErrorCount). */
  recordError(record: ErrorRecord): void {
    if (recorded.has(record)) return;
    recorded.add(record);
    if (record.invocation && record.invocation.historyId === undefined) record.invocation.historyId = this.historyId;
    this.errors.unshift(record);
    if (this.errors.length > 256) this.errors.length = 256;
  }

  /**
   * A command line (or a [powershell] script) that did not parse: `$Error` gets its
   * ParseException, which holds the record (5.1's pipeline adds the exception it failed with).
   */
  recordParseFailure(record: ErrorRecord): void {
    if (recorded.has(record)) return;
    recorded.add(record);
    if (record.invocation && record.invocation.historyId === undefined) record.invocation.historyId = this.historyId;
    this.errors.unshift(exceptionValue({ type: 'ParseException', message: record.message, record }, record));
    if (this.errors.length > 256) this.errors.length = 256;
  }

  /** A preference variable as seen from a scope (`$ErrorActionPreference` etc.). */
  preference(scope: Scope, name: string, fallback: string): string {
    const v = scope.lookup(name.toLowerCase())?.value;
    if (v === null || v === undefined) return fallback;
    const s = String(v);
    return s;
  }

  checkStopped(): void {
    if (this.abort.signal.aborted) throw new PipelineStoppedError();
  }

  private ticks = 0;
  private lastYield = 0;

  /**
   * Called by loops and per pipeline object. Evaluation runs on microtasks only, which would
   * starve timers and input events (Ctrl+C could never arrive): every so often this yields a
   * macrotask turn. Throws when the session was stopped.
   */
  tick(): Promise<void> | undefined {
    if (this.abort.signal.aborted) throw new PipelineStoppedError();
    // The clock is read every 16 ticks, not every 1024: a loop whose every turn is slow (a
    // command formatting a table each time) would otherwise hold the event loop for seconds.
    if ((++this.ticks & 15) !== 0) return undefined;
    // Work that keeps accumulating objects stops before the heap fills (memory-guard.ts).
    if ((this.ticks & 1023) === 0) checkMemory();
    const now = Date.now();
    if (now - this.lastYield < 50) return undefined;
    this.lastYield = now;
    return new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.checkStopped());
  }
}

const recorded = new WeakSet<ErrorRecord>();

/**
 * The services the runspace itself owns, in front of the composition's: its cultures (CurrentCulture,
 * CurrentUICulture), which a script may change for the rest of its session, never for another's.
 */
function withRunspaceServices(outer: ServiceRegistry, cultures: SessionCultures): ServiceRegistry {
  const tryGet = <T>(key: ServiceKey<T>): T | undefined => (key.name === SessionCulturesKey.name ? (cultures as T) : outer.tryGet(key));
  return {
    tryGet,
    get: <T>(key: ServiceKey<T>): T => tryGet(key) ?? outer.get(key),
  };
}

const emptyRegistry: ServiceRegistry = {
  get(key) {
    throw new Error(`Service not available: ${key.name}`);
  },
  tryGet() {
    return undefined;
  },
};

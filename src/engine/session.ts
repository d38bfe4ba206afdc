// The Session: what hosts and the CLI talk to. Parses text, runs it statement by statement
// (each top-level statement's output through its own Out-Default), prints errors, keeps
// history, location, $Error and the transcript.

import type * as A from '../../grammar/ast.js';
import { edgeTokens, parseScript } from '../../grammar/index.js';
import type {
  CmdletDeclaration,
  SessionAlias,
  SessionEvent,
  SessionSubscriber,
  CommandInfo,
  HistoryEntry,
  ResolvedPath,
  SessionServices,
} from '../protocol/cmdlet.js';
import { eventArgsObject, subscriberObject } from '../protocol/event-objects.js';
import { ErrorRecord, PipelineStoppedError, TerminatingError, internalError } from '../protocol/errors.js';
import { useConversionClock } from '../protocol/convert.js';
import { newTypeTable, useTypeTable } from '../protocol/type-data.js';
import { useXmlFiles } from '../protocol/xml-dom.js';
import { decodeText, encodeText } from '../protocol/text-codec.js';
import type { FormatTable, Host, HostStyle, LineKind } from '../protocol/host.js';
import { consoleStreamLine, type InformationalRecord } from '../protocol/stream-records.js';
import { SessionEvents } from './events.js';
import type { CommandArgument } from './binder.js';
import { jsErrorRecord, parseErrorRecord, pathNotFound } from './engine-errors.js';
import { PS_VERSION } from './automatic-variables.js';
import { Interpreter, blockSources, settleStatus, statementStatus } from './evaluate.js';
import { ScriptStage, invokeScriptBlock, isAdvancedScript, resolveCommand, runCommandPipeline, runPipelineGeneral, scriptDeclaration, type ApiCommand } from './pipeline.js';
import { RunspaceRegistry, runspaceObject, type ApiCommandSpec, type RunspaceEngine, type RunspaceHost } from './powershell-api.js';
import { CollectPipe, Runtime, type Frame, type Pipe, type RuntimeOptions, type Streams } from './runtime.js';
import { awaitBreakpointActions } from './breakpoints.js';
import { Scope, type FunctionInfo } from './scope.js';
import { ModuleManager } from './modules.js';
import { aliasTable, variableTable } from './variable-tables.js';
import { checkRequirements } from './script-requirements.js';
import type { StateKeeper } from '../protocol/state-keeper.js';
import { functionDeclaration, maskSecrets, maskValues, scanSecrets, type SecretScan } from './secrets.js';
import { PSObject, ScriptBlockValue, SecureString } from '../protocol/values.js';
import { BreakSignal, ContinueSignal, ExitSignal, ReturnSignal } from './signals.js';

export interface SessionOptions extends RuntimeOptions {
  /** `'[PS] '` gives EMS's prompt `[PS] C:\Windows\system32>`; absent: `PS C:\Windows\system32>`. */
  promptPrefix?: string;
  /** Keeps the lab's state: statements that may change it take the writer lock; changes are saved before they are shown. */
  keeper?: StateKeeper;
  /**
   * false: every expression takes the interpreter's general path, never its synchronous fast
   * path (test/engine/fast-path.test.ts checks the two give the same results).
   */
  fastPath?: boolean;
  /** The runspaces of the emsh this session belongs to, and this session's own (a nested session's). */
  runspaces?: { registry: RunspaceRegistry; self: PSObject };
  /** False: the session starts without the built-in views (an InitialSessionState whose Formats were cleared). */
  builtInFormats?: boolean;
}

export interface ExecuteOptions {
  file?: string;
  /** Raw script arguments bound to the script's param(): `-Name` tokens are names, others values. */
  args?: string[];
  history?: boolean;
}

export interface ExecuteResult {
  ok: boolean;
  exitCode?: number;
  incomplete?: boolean;
}

/** How one run ended. */
interface RunOutcome {
  ok: boolean;
  exitCode?: number;
  stopped: boolean;
}

/** Sessions running now (a runspace's Invoke runs inside the run of the session that calls it). */
let runningSessions = 0;

/** Records of [powershell] scripts that did not parse: `$Error` gets their ParseException. */
const parseFailures = new WeakSet<ErrorRecord>();

export class Session {
  readonly services: SessionServices & { variableNames(): string[] };
  onStatementComplete?: () => void | Promise<void>;
  /** Told after each text a host ran (a command line, a -Command text, a -File script) ended. */
  onExecuted?: (result: ExecuteResult) => void;

  private readonly rt: Runtime;
  /** Runs in progress (a nested prompt runs text inside a suspended one). */
  private runDepth = 0;
  private readonly interp: Interpreter;
  private readonly promptPrefix?: string;
  private readonly realHost: Host;
  private transcript?: { path: ResolvedPath };
  /**
   * Secrets the transcript must not show wherever they appear (an error quoting one, a script
   * printing one): values typed at secure prompts and the literal secrets of the commands run,
   * of three characters or more (shorter ones would mask ordinary text; the command echo masks
   * those by position). See secrets.ts.
   */
  private readonly knownSecrets = new Set<string>();
  private running?: { text: string; scan?: SecretScan };
  /** The first and last token of the last command line, for `$^` and `$$`. */
  private previousEdges?: { first: string; last: string };
  /** The views this session loaded (Update-FormatData): each runspace has its own. */
  private readonly formatTable?: FormatTable;
  /** What Update-TypeData added in this session: each runspace has its own. */
  private readonly typeTable = newTypeTable();

  constructor(opts: SessionOptions) {
    this.realHost = opts.host;
    this.promptPrefix = opts.promptPrefix;
    const host = this.teeHost(opts.host);
    this.rt = new Runtime({ ...opts, host });
    this.formatTable = this.rt.renderer.newFormatTable?.(opts.builtInFormats !== false);
    this.interp = new Interpreter(this.rt, { run: runPipelineGeneral, invoke: invokeScriptBlock });
    if (opts.fastPath === false) this.interp.fastPath = false;
    this.rt.servicesFor = (scope) => this.makeServices(scope);
    this.services = this.makeServices(this.rt.global);
    const runspaces = this.runspaceHost(opts);
    this.rt.runspaceHost = runspaces;
    // `$Host.Runspace`: the runspace this session is.
    const hostValue = this.rt.global.getOwn('host')?.value;
    if (hostValue instanceof PSObject) hostValue.addProperty({ name: 'Runspace', memberType: 'Property', typeName: 'System.Management.Automation.Runspaces.Runspace', get: () => runspaces.current() });
    this.events = new SessionEvents(this.rt.now, (sub, ev) => this.runEventAction(sub, ev));
    this.modules = new ModuleManager(this.interp, () => this.rt.cmdlets.values(), () => this.hostStreams());
  }

  // ---------------------------------------------------------------------------------------
  // Runspaces: `[powershell]::Create()` runs its commands in a nested session on the same lab.

  private runspaceHost(opts: SessionOptions): RunspaceHost {
    const registry = opts.runspaces?.registry ?? new RunspaceRegistry();
    let self = opts.runspaces?.self;
    const engine = this.apiEngine();
    self ??= runspaceObject(registry, () => engine, true);
    const mine = self;
    return {
      registry,
      current: () => mine,
      newEngine: (other, state) =>
        new Session({
          ...opts,
          builtInFormats: state?.builtInFormats,
          host: nestedHost(this.realHost),
          keeper: opts.keeper && nestedKeeper(opts.keeper),
          promptPrefix: undefined,
          runspaces: { registry, self: other },
        }).apiEngine(),
    };
  }

  /** This session as a runspace's engine: pipelines given as values run in its global scope. */
  private apiEngine(): RunspaceEngine {
    const rt = this.rt;
    const interp = this.interp;
    return {
      invoke: (statements, input, streams, history) => this.withSessionTables(async () => {
        useConversionClock(rt.now);
        if (rt.abort.signal.aborted) rt.abort = new AbortController();
        const start = rt.now();
        const frame: Frame = { scope: rt.global, source: { text: '' }, streams };
        const collect = new CollectPipe();
        let failure: unknown;
        const outerHistoryId = rt.historyId;
        rt.historyId = history !== undefined ? rt.history.length + 1 : -1;
        try {
          for (const [i, st] of statements.entries()) {
            const before = rt.errorCount;
            const commands = st.map((c) => this.apiCommand(c));
            await runCommandPipeline(interp, commands, frame, collect, i === 0 ? input : undefined);
            rt.commit(false);
            rt.lastSuccess = rt.errorCount === before;
          }
        } catch (e) {
          if (!(e instanceof ExitSignal || e instanceof BreakSignal || e instanceof ContinueSignal || e instanceof ReturnSignal)) {
            failure = e;
            if (!(e instanceof PipelineStoppedError)) {
              const record = e instanceof TerminatingError ? e.record : jsErrorRecord(e, { source: frame.source, span: { start: 0, end: 0 } });
              if (parseFailures.has(record)) rt.recordParseFailure(record);
              else rt.recordError(record);
              rt.errorCount++;
              if (!(e instanceof TerminatingError)) failure = new TerminatingError(record);
            }
            rt.lastSuccess = false;
          }
        }
        rt.historyId = outerHistoryId;
        if (history !== undefined) {
          const status = failure instanceof PipelineStoppedError ? 'Stopped' : failure ? 'Failed' : 'Completed';
          rt.history.push({ id: rt.history.length + 1, commandLine: history, executionStatus: status, startExecutionTime: start, endExecutionTime: rt.now() });
        }
        return { output: collect.items, failure };
      }),
      getVariable: (name) => this.services.getVariable(name),
      setVariable: (name, value) => this.services.setVariable(name, value),
      stop: () => this.stop(),
    };
  }

  /** A PowerShell API command as the pipeline runs it: a script is parsed into a script block. */
  private apiCommand(c: ApiCommandSpec): ApiCommand {
    if (c.script === undefined) return { command: c.command, args: c.args, dot: !c.useLocalScope && c.command instanceof ScriptBlockValue };
    const parsed = parseScript(c.script);
    const pe = parsed.errors[0];
    if (pe) {
      const record = parseErrorRecord(pe.message, pe.errorId, parsed.source, pe.span);
      parseFailures.add(record);
      throw new TerminatingError(record);
    }
    blockSources.set(parsed.ast, parsed.source);
    return { command: new ScriptBlockValue(parsed.ast, c.script), args: c.args, dot: !c.useLocalScope };
  }

  /** The session's event queue and subscriptions (events.ts). */
  readonly events: SessionEvents;
  private readonly modules: ModuleManager;

  /**
   * An event's action: in a scope of its own below the global one, with the automatic event
   * variables. What it writes goes to its event job (emsh keeps none); its errors end it quietly.
   */
  private async runEventAction(sub: SessionSubscriber, ev: SessionEvent): Promise<void> {
    if (!sub.action) return;
    const scope = new Scope(this.rt.global, 'function');
    const args = eventArgsObject(ev);
    scope.setOwn('Event', args);
    scope.setOwn('EventSubscriber', subscriberObject(sub));
    scope.setOwn('Sender', ev.sender);
    scope.setOwn('SourceArgs', ev.sourceArgs);
    scope.setOwn('SourceEventArgs', null);
    const streams: Streams = { ...this.hostStreams(), error: () => undefined };
    try {
      await this.interp.invokeForCmdlet(sub.action, { scope, source: { text: sub.action.text }, streams }, { args: ev.sourceArgs });
    } catch (e) {
      if (!(e instanceof TerminatingError)) throw e;
    }
  }

  // ---------------------------------------------------------------------------------------
  // Running text

  /**
   * Runs with this session's type table and loaded views as the ones member lookup and formatting
   * see; the caller's (an outer session running this runspace) come back after.
   */
  private async withSessionTables<T>(run: () => Promise<T>): Promise<T> {
    const renderer = this.rt.renderer;
    const outerTypes = useTypeTable(this.typeTable);
    const outerViews = this.formatTable && renderer.useFormatTable?.(this.formatTable);
    // Outside any run (a host's command line), the tables stay: completion between commands sees them.
    const nested = runningSessions > 0;
    runningSessions++;
    try {
      return await run();
    } finally {
      runningSessions--;
      if (nested) {
        useTypeTable(outerTypes);
        if (outerViews) renderer.useFormatTable?.(outerViews);
      }
    }
  }

  async execute(text: string, opts: ExecuteOptions = {}): Promise<ExecuteResult> {
    try {
      return await this.withSessionTables(() => this.executeInner(text, opts));
    } catch (e) {
      // Last resort: nothing may escape execute(), not even a failing host.
      try {
        this.printError(internalError(e));
      } catch {
        // The host cannot even print.
      }
      return { ok: false };
    }
  }

  /**
   * XmlDocument.Load/Save read and write this session's lab drive; a relative path is taken from
   * the current location (.NET would take the process's current directory).
   */
  private useLabFilesForXml(): void {
    const rt = this.rt;
    useXmlFiles({
      read: (path) => decodeText(rt.fs.readBytes(rt.fs.resolve(path, rt.location)), 'utf-8'),
      write: (path, text) => rt.fs.writeBytes(rt.fs.resolve(path, rt.location), encodeText(text, 'utf-8', true)),
    });
  }

  private async executeInner(text: string, opts: ExecuteOptions): Promise<ExecuteResult> {
    const rt = this.rt;
    useConversionClock(rt.now); // `[datetime]'10:30'` is today by this session's lab clock
    this.useLabFilesForXml();
    rt.abort = new AbortController();
    const start = rt.now();
    this.running = { text };
    const outerHistoryId = rt.historyId;
    if (opts.history) rt.historyId = rt.history.length + 1;
    if (this.transcript && !opts.file) this.transcriptWrite(`${this.promptText()} ${maskSecrets(text, this.runningSecrets()!)}\n`);
    const parsed = parseScript(text, opts.file);
    if (opts.history) this.rememberEdgeTokens(text);
    let result: ExecuteResult;
    let status: HistoryEntry['executionStatus'] = 'Completed';
    if (parsed.errors.length > 0) {
      const records = parsed.errors.slice(0, 10).map((pe) => parseErrorRecord(pe.message, pe.errorId, parsed.source, pe.span));
      rt.recordParseFailure(records[0]!);
      this.printParseErrors(records, parsed.errors.length > 10);
      rt.lastSuccess = false;
      status = 'Failed';
      result = { ok: false, incomplete: parsed.errors[0]!.incomplete };
    } else {
      const outcome = await this.run(parsed, opts, () => this.outDefaultPipe(), this.hostStreams());
      if (outcome.stopped) status = 'Stopped';
      else if (!outcome.ok) status = 'Failed';
      result = { ok: outcome.ok, exitCode: outcome.exitCode };
    }
    if (opts.history) {
      rt.history.push({ id: rt.history.length + 1, commandLine: text, executionStatus: status, startExecutionTime: start, endExecutionTime: rt.now() });
    }
    rt.historyId = outerHistoryId;
    this.onExecuted?.(result);
    return result;
  }

  /**
   * `$^` and `$$`: the first and last token of the command line before this one (as PowerShell sets
   * them when a line is parsed, the line itself sees the previous line's).
   */
  private rememberEdgeTokens(text: string): void {
    const global = this.rt.global;
    global.setOwn('^', this.previousEdges?.first ?? null);
    global.setOwn('$', this.previousEdges?.last ?? null);
    this.previousEdges = edgeTokens(text) ?? this.previousEdges;
  }

  /** Runs text without printing its output; output objects and error records come back. */
  async evaluate(text: string): Promise<{ output: unknown[]; errors: ErrorRecord[] }> {
    try {
      return await this.withSessionTables(() => this.evaluateInner(text));
    } catch (e) {
      return { output: [], errors: [internalError(e)] };
    }
  }

  private async evaluateInner(text: string): Promise<{ output: unknown[]; errors: ErrorRecord[] }> {
    const rt = this.rt;
    useConversionClock(rt.now);
    this.useLabFilesForXml();
    rt.abort = new AbortController();
    const parsed = parseScript(text);
    const errors: ErrorRecord[] = [];
    if (parsed.errors.length > 0) {
      for (const pe of parsed.errors.slice(0, 10)) errors.push(parseErrorRecord(pe.message, pe.errorId, parsed.source, pe.span));
      return { output: [], errors };
    }
    const collect = new CollectPipe();
    const streams: Streams = { ...this.hostStreams(), error: (r) => void errors.push(r) };
    await this.run(parsed, {}, () => ({ pipe: collect, end: () => undefined }), streams);
    return { output: collect.items, errors };
  }

  /** Where `text` carries secrets (see secrets.ts), resolving command names as this session would. */
  scanSecrets(text: string): SecretScan {
    return scanSecrets(text, (name) => {
      const r = resolveCommand(this.interp, name, this.rt.global);
      if (r?.kind === 'cmdlet') return r.decl;
      if (r?.kind === 'function') return functionDeclaration(r.fn.name, r.fn.body.params?.parameters ?? [], r.fn.declaration);
      return undefined;
    });
  }

  /** True when `text` carries a secret: the history file leaves such lines out. */
  hasSecret(text: string): boolean {
    try {
      return this.scanSecrets(text).any;
    } catch {
      return true; // when in doubt, keep it out
    }
  }

  /** The secrets of the text running now, scanned when a transcript first needs them. */
  private runningSecrets(): SecretScan | undefined {
    const r = this.running;
    if (!r) return undefined;
    if (!r.scan) {
      try {
        r.scan = this.scanSecrets(r.text);
      } catch {
        r.scan = { parsed: false, any: false, spans: [], values: [] };
      }
      for (const v of r.scan.values) if (v.length >= 3) this.knownSecrets.add(v);
    }
    return r.scan;
  }

  /** Ctrl+C: aborts the running pipeline; nothing special is printed. */
  stop(): void {
    this.rt.abort.abort();
  }

  promptText(): string {
    const loc = this.rt.location;
    const readOnly = this.rt.keeper?.readOnly ? '[read-only] ' : '';
    return this.promptPrefix !== undefined ? `${this.promptPrefix}${readOnly}${loc}>` : `PS ${readOnly}${loc}>`;
  }

  /** Every command name (cmdlets, aliases, functions), for completion. */
  commandNames(): string[] {
    const names = new Set<string>();
    for (const d of this.rt.cmdlets.values()) names.add(d.name);
    for (const a of this.rt.aliases.values()) names.add(a.name);
    for (const f of this.rt.global.visibleFunctions()) names.add(f.name);
    return [...names].sort((a, b) => a.localeCompare(b));
  }

  private async run(
    parsed: { ast: A.ScriptBlockAst; source: A.SourceText; requirements?: A.ScriptRequirements },
    opts: ExecuteOptions,
    sink: () => { pipe: Pipe; end(): void },
    streams: Streams,
  ): Promise<RunOutcome> {
    const rt = this.rt;
    const interp = this.interp;
    const ast = parsed.ast;
    blockSources.set(ast, parsed.source);
    let frame: Frame = { scope: rt.global, source: parsed.source, streams };
    const outcome: RunOutcome = { ok: true, stopped: false };
    // Text run from a nested prompt ([S] Suspend) belongs to the suspended statement: only the
    // outermost run starts and ends statements for the keeper.
    const outermost = this.runDepth++ === 0;
    let trapped = false;
    try {
      if (opts.file !== undefined) {
        // A script run: its own script scope, param() bound from the raw arguments.
        checkRequirements(parsed.requirements, opts.file, () => rt.moduleNames());
        const globalFrame: Frame = { scope: rt.global, source: parsed.source, streams };
        const stage = new ScriptStage(interp, {
          block: ast,
          source: parsed.source,
          name: opts.file,
          callerFrame: globalFrame,
          dot: false,
          scopeKind: 'script',
          args: rawArguments(opts.args ?? [], ast.span),
          streams,
          expectingInput: false,
          invocationName: opts.file,
          span: { start: 0, end: 0 },
          position: 1,
          scriptPath: opts.file,
        });
        await stage.defineTypes();
        stage.bindArgs();
        await stage.prepare();
        frame = { scope: stage.scope, source: parsed.source, streams };
      } else {
        await interp.defineScriptTypes(ast, frame);
        // A param() block typed at the prompt binds nothing.
        for (const p of ast.params?.parameters ?? []) rt.global.setOwn(p.name, p.default ? await interp.evalExpr(p.default, frame) : null);
      }
      const statements = [...(ast.begin?.statements ?? []), ...(ast.process?.statements ?? []), ...(ast.end?.statements ?? [])];
      // `trap` statements of the script take the terminating errors of all its statements.
      const traps = statements.filter((s): s is A.TrapAst => s.kind === 'Trap');
      if (traps.length) {
        frame.traps = 1;
        // Errors in the commands the script calls propagate to its traps, as under try.
        rt.tryDepth++;
        trapped = true;
      }
      for (const st of statements) {
        if (st.kind === 'Trap') continue;
        const before = rt.errorCount;
        const own = statementStatus(rt, st);
        const od = sink();
        let failure: unknown;
        let failed = false;
        try {
          if (outermost) rt.keeper?.beginStatement();
          await interp.runStatement(st, frame, od.pipe);
          // Actions of variable breakpoints the statement hit finish with it.
          if (rt.pendingBreakpointActions) await awaitBreakpointActions(rt);
          rt.commit(true);
        } catch (e) {
          failure = e;
          failed = true;
        } finally {
          od.end();
        }
        if (failed && !(traps.length && (await this.trap(failure, st, traps, frame, sink)))) await interp.handleStatementError(failure, st, frame);
        settleStatus(rt, own, before, failed);
        await this.statementDone(outermost);
      }
      outcome.ok = rt.lastSuccess;
    } catch (e) {
      if (e instanceof ExitSignal) {
        outcome.exitCode = e.code;
        outcome.ok = e.code === 0;
      } else if (e instanceof PipelineStoppedError) {
        outcome.ok = false;
        outcome.stopped = true;
      } else if (e instanceof BreakSignal || e instanceof ContinueSignal || e instanceof ReturnSignal) {
        outcome.ok = rt.lastSuccess;
      } else {
        // A script-terminating error (throw, or $ErrorActionPreference = 'Stop'): the script ends.
        const record = e instanceof TerminatingError ? e.record : jsErrorRecord(e, { source: parsed.source, span: ast.span });
        if (!record.invocation) record.invocation = { source: parsed.source, span: ast.span };
        rt.recordError(record);
        rt.errorCount++;
        try {
          await streams.error(record);
        } catch {
          // The error stream itself failed (a host problem): nothing more to do.
        }
        rt.lastSuccess = false;
        outcome.ok = false;
      }
      await this.statementDone(outermost);
    } finally {
      this.runDepth--;
      if (trapped) rt.tryDepth--;
    }
    return outcome;
  }

  /** A top-level statement failed under the script's traps: the matching one runs (its output is shown). */
  private async trap(failure: unknown, st: A.StatementAst, traps: A.TrapAst[], frame: Frame, sink: () => { pipe: Pipe; end(): void }): Promise<boolean> {
    const od = sink();
    try {
      return await this.interp.trapError(failure, st, traps, frame, od.pipe);
    } finally {
      od.end();
    }
  }

  private async statementDone(outermost: boolean): Promise<void> {
    try {
      if (outermost) this.rt.keeper?.endStatement();
    } catch (e) {
      // What was left to save could not be: the keeper put the lab back; say so.
      this.printError(e instanceof TerminatingError ? e.record : internalError(e));
    }
    if (!this.onStatementComplete) return;
    try {
      await this.onStatementComplete();
    } catch (e) {
      this.printError(internalError(e));
    }
  }

  // ---------------------------------------------------------------------------------------
  // Printing

  private outDefaultPipe(): { pipe: Pipe; end(): void } {
    const host = this.rt.host;
    const od = this.rt.renderer.outDefault(host.width, (line, stream) => {
      if (!stream) return host.writeLine(line, 'output');
      const { text, kind } = consoleStreamLine(stream, line);
      host.writeLine(text, kind);
    });
    return { pipe: { write: (v) => od.write(v) }, end: () => od.end() };
  }

  /** 5.1 prints each error view followed by a blank line. */
  private printError(record: ErrorRecord): void {
    const host = this.rt.host;
    let lines: string[];
    try {
      lines = this.rt.renderer.errorLines(record, host.width);
    } catch {
      lines = [record.message];
    }
    for (const l of lines) host.writeLine(l, 'error');
    host.writeLine('', 'error');
  }

  /**
   * 5.1 reports all parse errors of a text as one error: each position block and message,
   * separated by blank lines, then the category and FQID of the first error once.
   */
  private printParseErrors(records: ErrorRecord[], tooMany: boolean): void {
    if (records.length === 1 && !tooMany) return this.printError(records[0]!);
    const host = this.rt.host;
    const blocks = records.map((r) => this.rt.renderer.errorLines(r, host.width));
    const lines: string[] = [];
    blocks.forEach((b, i) => {
      if (i > 0) lines.push('');
      lines.push(...b.slice(0, -2));
    });
    if (tooMany) lines.push('', 'Not all parse errors were reported.  Correct the reported errors and try again.');
    lines.push(...blocks[0]!.slice(-2));
    for (const l of lines) host.writeLine(l, 'error');
    host.writeLine('', 'error');
  }

  /** WriteWarningLine / WriteVerboseLine / WriteDebugLine: the message after its stream's prefix. */
  private printStreamLine(record: InformationalRecord): void {
    const { text, kind } = consoleStreamLine(record.stream, record.message);
    this.rt.host.writeLine(text, kind);
  }

  private hostStreams(): Streams {
    const host = this.rt.host;
    return {
      error: (record) => this.printError(record),
      warning: (r) => this.printStreamLine(r),
      verbose: (r) => this.printStreamLine(r),
      debug: (r) => this.printStreamLine(r),
      information: (r, hidden) => {
        if (hidden) return;
        const m = r.hostMessage();
        const style = m && (m.foreground || m.background) ? { foreground: m.foreground, background: m.background } : undefined;
        if (m?.noNewLine) host.write(m.message, 'host', style);
        else host.writeLine(m ? m.message : r.text(), 'host', style);
      },
    };
  }

  // ---------------------------------------------------------------------------------------
  // Transcript: a host wrapper that copies every line into the transcript file.

  private teeHost(host: Host): Host {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const session = this;
    return {
      get interactive() {
        return host.interactive;
      },
      get width() {
        return host.width;
      },
      // Nothing reaches the screen before the lab changes behind it are saved.
      write(text: string, kind?: LineKind, style?: HostStyle) {
        session.rt.commit(true);
        host.write(text, kind, style);
        if (session.transcript) session.transcriptWrite(text);
      },
      writeLine(text: string, kind?: LineKind, style?: HostStyle) {
        session.rt.commit(true);
        host.writeLine(text, kind, style);
        if (session.transcript) session.transcriptWrite(text + '\n');
      },
      promptForChoice: (caption, message, choices, def) => (session.rt.commit(true), host.promptForChoice(caption, message, choices, def)),
      // What is typed at a secure prompt is a secret the transcript must not show later.
      prompt: async (caption, message, fields) => {
        session.rt.commit(true);
        const answers = await host.prompt(caption, message, fields);
        for (const v of Object.values(answers ?? {})) if (v instanceof SecureString) session.rememberSecret(v);
        return answers;
      },
      readLine: async (prompt, secure) => {
        session.rt.commit(true);
        const answer = await host.readLine(prompt, secure);
        if (answer instanceof SecureString) session.rememberSecret(answer);
        return answer;
      },
      progress: host.progress ? (...args) => (session.rt.commit(true), host.progress!(...args)) : undefined,
      writeProgress: host.writeProgress ? (id, record) => (session.rt.commit(true), host.writeProgress!(id, record)) : undefined,
      clear: () => host.clear(),
      // Capabilities a host may lack are forwarded only when it has them.
      windowSize: host.windowSize ? () => host.windowSize!() : undefined,
      enterNestedPrompt: host.enterNestedPrompt ? () => (session.rt.commit(true), host.enterNestedPrompt!()) : undefined,
      readKey: host.readKey ? (prompt) => (session.rt.commit(true), host.readKey!(prompt)) : undefined,
    };
  }

  private rememberSecret(s: SecureString): void {
    const plain = s.reveal();
    if (plain.length >= 3) this.knownSecrets.add(plain);
  }

  private transcriptWrite(text: string): void {
    const t = this.transcript;
    if (!t) return;
    try {
      this.runningSecrets();
      const shown = maskValues(text, this.knownSecrets);
      this.rt.fs.writeBytes(t.path, new Uint8Array(Buffer.from(shown.replace(/\r?\n/g, '\r\n'), 'utf8')), true);
    } catch {
      // A transcript that cannot be written must not break the session.
    }
  }

  private transcriptStamp(d: Date): string {
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
  }

  // ---------------------------------------------------------------------------------------
  // SessionServices

  private makeServices(scope: Scope): SessionServices & { variableNames(): string[] } {
    const rt = this.rt;
    const interp = this.interp;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const session = this;
    const functionInfo = (f: FunctionInfo): CommandInfo => ({
      name: f.name,
      commandType: f.isFilter ? 'Filter' : 'Function',
      definition: f.text,
      functionParameters: (f.body.params?.parameters ?? []).map((p) => p.name),
      functionMetadata: () => ({
        declaration: scriptDeclaration(interp, f.body, f.name, blockSources.get(f.body) ?? { text: f.text }, this.hostStreams()),
        advanced: isAdvancedScript(f.body),
      }),
      helpSource: () => ({ source: blockSources.get(f.body) ?? f.source, block: f.body, definition: f.definition }),
      module: f.module?.name ?? '',
    });
    // A script's help and parameters come from its file, parsed when asked for.
    const parsedScript = (path: string) => {
      const parsed = parseScript(decodeText(rt.fs.readBytes(rt.fs.resolve(path, rt.location))), path);
      return parsed.errors.length ? undefined : parsed;
    };
    const scriptInfo = (path: string): CommandInfo => ({
      name: path.split('\\').pop() ?? path,
      commandType: 'ExternalScript',
      definition: path,
      functionMetadata: () => {
        const parsed = parsedScript(path);
        if (!parsed) return { declaration: scriptDeclaration(interp, { kind: 'ScriptBlock', span: { start: 0, end: 0 } }, path, { text: '' }, this.hostStreams()), advanced: false };
        return { declaration: scriptDeclaration(interp, parsed.ast, path, parsed.source, this.hostStreams()), advanced: isAdvancedScript(parsed.ast) };
      },
      helpSource: () => {
        const parsed = parsedScript(path);
        return parsed && { source: parsed.source, block: parsed.ast, isScript: true };
      },
      module: '',
    });
    const commandInfo = (name: string): CommandInfo | undefined => {
      const alias = scope.lookupAlias(name.toLowerCase());
      if (alias) return aliasInfo(alias);
      const r = resolveCommand(interp, name, scope);
      if (!r) return undefined;
      if (r.kind === 'cmdlet') return cmdletInfo(r.decl);
      if (r.kind === 'function') return functionInfo(r.fn);
      return scriptInfo(r.path);
    };
    return {
      getVariable: (name) => {
        const key = name.toLowerCase();
        if (key === 'error') return rt.errors;
        if (key === '?') return rt.lastSuccess;
        if (key === 'pwd') return interp.pathInfo();
        if (key === '_' || key === 'psitem') return scope.lookupUnder().value ?? null;
        // `env:NAME` as SessionState.PSVariable.GetValue reads it.
        if (key.startsWith('env:')) return rt.getEnv(name.slice(4));
        return scope.lookup(key)?.value ?? null;
      },
      setVariable: (name, value) => {
        // `global:x` / `script:x` (Set-Variable -Scope) pick the scope as `$global:x = ...` does.
        const m = /^(global|script|local|private|env):(.+)$/is.exec(name);
        const target: A.VariableAst = { kind: 'Variable', name: m ? m[2]! : name, scope: m?.[1], span: { start: 0, end: 0 } };
        interp.setVariable(target, value, { scope, source: { text: '' }, streams: this.hostStreams() });
      },
      hasVariable: (name) => scope.lookup(name.toLowerCase()) !== undefined,
      variableTable: (scopeText) => variableTable(scope, scopeText),
      aliasTable: (scopeText) => aliasTable(scope, scopeText),
      breakpoints: rt.breakpointTable,
      get events() {
        return session.events;
      },
      get modules() {
        return session.modules.table(scope);
      },
      setStrictMode: (version) => {
        scope.local.strictMode = version;
      },
      variableNames: () => [...new Set(['_', 'PSItem', '?', 'Error', 'PWD', ...scope.visibleVariables().map((v) => v.name)])].sort((a, b) => a.localeCompare(b)),
      // COMPUTERNAME follows the machine and is not stored (runtime.ts).
      environmentNames: () => [...new Set([...[...rt.env.values()].map((e) => e.name), 'COMPUTERNAME'])],
      commands: () => {
        const list: CommandInfo[] = [];
        for (const a of scope.visibleAliases()) list.push(aliasInfo(a));
        for (const f of scope.visibleFunctions()) list.push(functionInfo(f));
        for (const d of rt.cmdlets.values()) list.push(cmdletInfo(d));
        return list;
      },
      resolveCommand: commandInfo,
      defineFunction: (name, given) => {
        let value = given;
        if (typeof value === 'string') {
          const parsed = parseScript(value);
          if (parsed.errors.length) {
            const pe = parsed.errors[0]!;
            throw new TerminatingError(parseErrorRecord(pe.message, pe.errorId, parsed.source, pe.span));
          }
          blockSources.set(parsed.ast, parsed.source);
          value = new ScriptBlockValue(parsed.ast, value);
        }
        const body = value.ast as A.ScriptBlockAst;
        const m = /^(global|script|local|private):(.+)$/i.exec(name);
        const target = !m ? scope : m[1]!.toLowerCase() === 'global' ? rt.global : m[1]!.toLowerCase() === 'script' ? scope.script : scope;
        target.defineFunction({ name: m ? m[2]! : name, isFilter: false, body, source: blockSources.get(body) ?? { text: value.text }, text: value.text });
      },
      history: () => rt.history.slice(),
      runspaces: () => rt.runspaceHost?.registry.open.slice() ?? [],
      getLocation: () => rt.location,
      setLocation: (path) => {
        const p = rt.fs.resolve(path, rt.location);
        const st = rt.fs.stat(p);
        if (!st || !st.isDirectory) throw new TerminatingError(pathNotFound(p.display));
        rt.location = p.display;
      },
      get machine() {
        return rt.machine;
      },
      startTranscript: (path, append) => {
        const now = rt.now();
        const header = [
          '**********************',
          'Windows PowerShell transcript start',
          `Start time: ${session.transcriptStamp(now)}`,
          `Username: ${rt.getEnv('USERDOMAIN')}\\${rt.getEnv('USERNAME')}`,
          `RunAs User: ${rt.getEnv('USERDOMAIN')}\\${rt.getEnv('USERNAME')}`,
          `Machine: ${rt.machine} (Microsoft Windows NT 10.0.14393.0)`,
          'Host Application: C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
          `Process ID: ${String(rt.global.getOwn('pid')?.value ?? '')}`,
          `PSVersion: ${PS_VERSION}`,
          '**********************',
          '',
        ].join('\r\n');
        const exists = rt.fs.exists(path);
        const bytes = Buffer.from((append && exists ? '' : '\ufeff') + header, 'utf8');
        rt.fs.writeBytes(path, new Uint8Array(bytes), append && exists);
        session.transcript = { path };
      },
      stopTranscript: () => {
        const t = session.transcript;
        if (!t) return undefined;
        const footer = ['**********************', 'Windows PowerShell transcript end', `End time: ${session.transcriptStamp(rt.now())}`, '**********************', ''].join('\n');
        session.transcriptWrite(footer);
        session.transcript = undefined;
        return t.path;
      },
    };
  }

  /** For tests and tools: the host this session was given. */
  get host(): Host {
    return this.realHost;
  }
}

function aliasInfo(a: SessionAlias): CommandInfo {
  return { name: a.name, commandType: 'Alias', definition: a.definition, alias: a, module: '' };
}

/** The host of a nested session: nothing reaches the screen (its streams go to the PowerShell object). */
function nestedHost(parent: Host): Host {
  return {
    interactive: false,
    get width() {
      return parent.width;
    },
    write: () => undefined,
    writeLine: () => undefined,
    promptForChoice: (caption, message, choices, def) => parent.promptForChoice(caption, message, choices, def),
    prompt: (caption, message, fields) => parent.prompt(caption, message, fields),
    readLine: (prompt, secure) => parent.readLine(prompt, secure),
    clear: () => undefined,
  };
}

/** A nested session's keeper: the statement running `Invoke()` in the outer session owns the statement boundaries. */
function nestedKeeper(k: StateKeeper): StateKeeper {
  return {
    beginStatement: () => undefined,
    endStatement: () => undefined,
    beginChanges: (signal) => k.beginChanges(signal),
    endChanges: () => k.endChanges(),
    commit: (durable) => k.commit(durable),
    get readOnly() {
      return k.readOnly;
    },
    get failedCommits() {
      return k.failedCommits;
    },
  };
}

function cmdletInfo(d: CmdletDeclaration): CommandInfo {
  return { name: d.name, commandType: 'Cmdlet', definition: d.name, declaration: d, module: d.module ?? '' };
}

/** `-Name value -Switch positional` as typed on a `-File` command line. */
export function rawArguments(args: string[], span: A.Span): CommandArgument[] {
  const out: CommandArgument[] = [];
  for (const a of args) {
    const m = /^-([A-Za-z_?][\w-]*)(:(.*))?$/s.exec(a);
    if (m) {
      if (m[2] !== undefined) out.push({ kind: 'parameter', name: m[1]!, value: colonValue(m[3]!), hasColonArgument: true, span });
      else out.push({ kind: 'parameter', name: m[1]!, span });
    } else {
      out.push({ kind: 'value', value: a, span });
    }
  }
  return out;
}

function colonValue(text: string): unknown {
  const t = text.toLowerCase();
  if (t === '$true') return true;
  if (t === '$false') return false;
  return text;
}

// Pipelines: command resolution, argument evaluation, binding, and push-based streaming
// through begin/process/end of cmdlets and script stages (functions, filters, script blocks,
// .ps1 files).

import type * as A from '../../grammar/ast.js';
import { parseScript } from '../../grammar/index.js';
import { mayChangeLab, type CmdletDeclaration, type InvokeOptions, type ParameterDeclaration } from '../protocol/cmdlet.js';
import { ErrorRecord, TerminatingError, commandTypeName } from '../protocol/errors.js';
import type { HostField } from '../protocol/host.js';
import { PSHashtable, PSObject, PSTypeValue, ScriptBlockValue, isTruthy, toDisplayText } from '../protocol/values.js';
import { convertTo, resolveTypeName } from '../protocol/convert.js';
import { decodeText } from '../protocol/text-codec.js';
import { commandBreakpoints } from './breakpoints.js';
import { leaveCall } from './call-stack.js';
import { CommandBinder, declarationFromParamBlock, type CommandArgument, type CommonParameterValues } from './binder.js';
import { CommandContext } from './context.js';
import { psCmdletObject } from './ps-cmdlet.js';
import { dynamicParameters } from './dynamic-parameters.js';
import { commandNotFound, parseErrorRecord } from './engine-errors.js';
import { blockSources, collapse, writeValue, type Interpreter } from './evaluate.js';
import { prepareRedirections, type Redirection } from './redirection.js';
import { CollectPipe, NULL_PIPE, type ActiveCall, type Frame, type Pipe, type Streams } from './runtime.js';
import { Scope, type FunctionInfo } from './scope.js';
import { checkRequirements } from './script-requirements.js';
import { scopeByName } from './variable-tables.js';
import { ExitSignal, ReturnSignal, StopUpstreamSignal, isPromise, type MaybePromise } from './signals.js';

export interface Stage {
  out: Pipe;
  /** Binds command-line arguments (synchronous: binding errors stop the pipeline before it runs). */
  bindArgs(): void;
  /** Mandatory-parameter prompting and per-invocation setup. */
  prepare(): Promise<void>;
  begin(): MaybePromise<void>;
  process(input: unknown): MaybePromise<void>;
  /** The one process call of a stage that gets no pipeline input. */
  processNoInput(): MaybePromise<void>;
  end(): MaybePromise<void>;
  /** After the pipeline (also on failure): -OutVariable etc. */
  finish?(): void;
}

export type ResolvedCommand =
  | { kind: 'cmdlet'; decl: CmdletDeclaration }
  | { kind: 'function'; fn: FunctionInfo }
  | { kind: 'script'; path: string; hostPath: string };

/** alias → function → cmdlet → a path to a .ps1 on the lab drive. */
export function resolveCommand(interp: Interpreter, name: string, scope: Scope): ResolvedCommand | undefined {
  const rt = interp.rt;
  let key = name.toLowerCase();
  for (let hops = 0; hops < 10; hops++) {
    const alias = scope.lookupAlias(key);
    if (!alias) break;
    key = alias.definition.toLowerCase();
  }
  const fn = scope.lookupFunction(key);
  if (fn) return { kind: 'function', fn };
  const decl = rt.cmdlets.get(key);
  if (decl) return { kind: 'cmdlet', decl };
  if (/[\\/]/.test(name)) {
    const candidates = /\.ps1$/i.test(name) ? [name] : [name + '.ps1'];
    for (const c of candidates) {
      try {
        const p = rt.fs.resolve(c, rt.location);
        const st = rt.fs.stat(p);
        if (st && !st.isDirectory) return { kind: 'script', path: p.display, hostPath: p.hostPath };
      } catch {
        // A path outside the drive or malformed: not a command.
      }
    }
  }
  return undefined;
}

/** Runs a pipeline of commands (or an expression followed by commands, or a redirected element). */
export async function runPipelineGeneral(interp: Interpreter, p: A.PipelineAst, f: Frame, out: Pipe): Promise<void> {
  const n = p.elements.length;
  const stages: (Stage | null)[] = [];
  const redirs: (Redirection | undefined)[] = [];
  const holders: { out: Pipe }[] = [];
  try {
    // 1. Build every stage left to right: evaluate arguments, resolve, bind.
    for (let i = 0; i < n; i++) {
      const el = p.elements[i]!;
      const holder = { out: NULL_PIPE as Pipe };
      holders.push(holder);
      const redir = el.redirections.length ? await prepareRedirections(interp, el.redirections, f, holder) : undefined;
      redirs.push(redir);
      if (el.kind === 'CommandExpression') {
        stages.push(null);
        continue;
      }
      // A stage before the last writes to the next stage: the enclosing -ErrorVariable lists are not its.
      const base = i < n - 1 && f.streams.errorVariables ? { ...f.streams, errorVariables: undefined } : f.streams;
      const streams = redir?.streams(base) ?? base;
      const stage = await buildCommandStage(interp, el, f, streams, i + 1, i > 0);
      stages.push(stage);
    }
  } catch (e) {
    for (const s of stages) s?.finish?.();
    for (const r of redirs) if (r) await r.finish();
    throw e;
  }
  // An expression's own side streams go through its redirections too (`$(Write-Verbose x) 4>&1`).
  const first = redirs[0];
  const feedFrame = first && !stages[0] ? { ...f, streams: first.streams(f.streams) } : f;
  await runStages(interp, stages, holders, redirs, out, () => feedInput(interp, p, stages, holders, feedFrame));
}

/**
 * Steps 2 to 6 of a pipeline over stages already built (null: an expression element); `feed`
 * gives the first element its input. Every stage's finish and every redirection's end run however it ends.
 */
async function runStages(
  interp: Interpreter,
  stages: (Stage | null)[],
  holders: { out: Pipe }[],
  redirs: (Redirection | undefined)[],
  out: Pipe,
  feed: () => Promise<void>,
): Promise<void> {
  const n = stages.length;
  const keeper = interp.rt.keeper;
  let changing = false;
  try {
    // 2. Link outputs. What a begin block writes is held until every begin has run, as PowerShell
    // does: no stage's process runs before its own begin.
    const held: unknown[][] = stages.map(() => []);
    let begun = false;
    const gatedPipe = (j: number): Pipe => {
      const stage = stages[j]!;
      return { write: (v) => (begun ? stage.process(v) : void held[j]!.push(v)) };
    };
    for (let i = 0; i < n; i++) {
      const next = stages[i + 1];
      const natural: Pipe = i + 1 < n ? (next ? gatedPipe(i + 1) : NULL_PIPE) : out;
      holders[i]!.out = redirs[i]?.out ?? natural;
      const s = stages[i];
      if (s) s.out = holders[i]!.out;
    }
    // 3. Prompts for mandatory parameters, then 4. every begin, in order. A pipeline with a
    // command that may change the lab runs as the lab's writer, on what other sessions saved.
    for (const s of stages) if (s) await s.prepare();
    if (keeper && stages.some((s) => s instanceof CmdletStage && mayChangeLab(s.decl))) {
      await keeper.beginChanges(interp.rt.abort.signal);
      changing = true;
    }
    // A stage that asked to stop upstream (Select-Object -First): the stages before it get no
    // more input and their end blocks are skipped.
    let stopAt = -1;
    const stoppedHere = (e: unknown): boolean => {
      if (!(e instanceof StopUpstreamSignal)) return false;
      const i = stages.indexOf(e.stage as Stage);
      if (i < 0) return false;
      stopAt = Math.max(stopAt, i);
      return true;
    };
    for (const s of stages) {
      if (!s) continue;
      const r = s.begin();
      if (isPromise(r)) await r;
    }
    begun = true;
    for (let j = 1; j < n; j++) {
      const s = stages[j];
      // A stage that stopped upstream (or one before it) gets no more of the held objects.
      if (!s || held[j]!.length === 0 || j <= stopAt) continue;
      try {
        for (const v of held[j]!) {
          const r = s.process(v);
          if (isPromise(r)) await r;
        }
      } catch (e) {
        if (!stoppedHere(e)) throw e;
      }
    }
    // 5. The input: an expression's value (unrolled), or one process call of the first command.
    if (stopAt < 0) {
      try {
        await feed();
      } catch (e) {
        if (!stoppedHere(e)) throw e;
      }
    }
    // 6. Every end, in order: a stage's end output still flows through the later stages.
    for (let i = Math.max(stopAt, 0); i < n; i++) {
      const s = stages[i];
      // stopAt can grow here too: an end block's output can make a later stage stop upstream.
      if (!s || i < stopAt) continue;
      try {
        const r = s.end();
        if (isPromise(r)) await r;
      } catch (e) {
        if (!stoppedHere(e)) throw e;
      }
    }
  } finally {
    for (const s of stages) s?.finish?.();
    for (const r of redirs) if (r) await r.finish();
    if (changing) keeper!.endChanges();
  }
}

/** A command of a pipeline built by the PowerShell API: a name, a CommandInfo or a script block, with its arguments. */
export interface ApiCommand {
  command: unknown;
  args: CommandArgument[];
  /** A script run in the caller's scope (AddScript without useLocalScope). */
  dot: boolean;
}

/**
 * Runs commands given as values rather than text (`[powershell]`'s AddCommand / AddScript) as one
 * pipeline in `f`; `input` (when given) goes to the first command one object at a time.
 */
export async function runCommandPipeline(interp: Interpreter, commands: ApiCommand[], f: Frame, out: Pipe, input: ArrayLike<unknown> | undefined): Promise<void> {
  const stages: Stage[] = [];
  const span = { start: 0, end: 0 };
  try {
    for (let i = 0; i < commands.length; i++) {
      const c = commands[i]!;
      stages.push(await commandStage(interp, c.command, c.args, { frame: f, streams: f.streams, position: i + 1, expectingInput: i > 0 || input !== undefined, span, nameSpan: span, dot: c.dot }));
    }
  } catch (e) {
    for (const s of stages) s.finish?.();
    throw e;
  }
  const holders = stages.map(() => ({ out: NULL_PIPE as Pipe }));
  const feed = async (): Promise<void> => {
    const first = stages[0]!;
    if (input === undefined) {
      const r = first.processNoInput();
      if (isPromise(r)) await r;
      return;
    }
    for (let i = 0; i < input.length; i++) {
      const t = interp.rt.tick();
      if (t) await t;
      const r = first.process(input[i]);
      if (isPromise(r)) await r;
    }
  };
  await runStages(interp, stages, holders, stages.map(() => undefined), out, feed);
}

/** Step 5 of a pipeline: the first element's value, or the first command's one process call. */
async function feedInput(interp: Interpreter, p: A.PipelineAst, stages: (Stage | null)[], holders: { out: Pipe }[], f: Frame): Promise<void> {
  const first = p.elements[0]!;
  if (first.kind === 'CommandExpression') {
    const e = first.expression;
    const value = (x: A.ExpressionAst) => (interp.isPure(x) ? interp.evalSync(x, f) : interp.evalExpr(x, f));
    if (e.kind === 'Binary' && e.operator === '..') {
      // A range heading a pipeline is enumerated lazily, as in PowerShell: `1..1e9 | % {}`
      // neither allocates nor blocks, and stops on Ctrl+C.
      const r = writeRange(interp, holders[0]!.out, await value(e.left), await value(e.right));
      if (isPromise(r)) await r;
    } else {
      const r = writeValue(holders[0]!.out, await value(e));
      if (isPromise(r)) await r;
    }
  } else {
    const r = stages[0]!.processNoInput();
    if (isPromise(r)) await r;
  }
}

/** `a..b` one number at a time (Int32 bounds, either direction), yielding to the event loop as loops do. */
function writeRange(interp: Interpreter, out: Pipe, left: unknown, right: unknown): MaybePromise<void> {
  const a = convertTo(left === undefined ? null : left, 'System.Int32') as number;
  const b = convertTo(right === undefined ? null : right, 'System.Int32') as number;
  const step = a <= b ? 1 : -1;
  const from = (start: number): MaybePromise<void> => {
    for (let v = start; ; v += step) {
      const t = interp.rt.tick();
      if (t) return t.then(() => out.write(v)).then(() => (v === b ? undefined : from(v + step)));
      const w = out.write(v);
      if (isPromise(w)) return w.then(() => (v === b ? undefined : from(v + step)));
      if (v === b) return;
    }
  };
  return from(a);
}

/** Arguments as the binder wants them; splatting expands hashtables (named) and arrays (positional). */
export async function evaluateArguments(interp: Interpreter, elements: A.CommandElementAst[], f: Frame): Promise<CommandArgument[]> {
  const args: CommandArgument[] = [];
  for (const el of elements) {
    if (el.kind === 'CommandParameter') {
      if (el.argument) {
        const literalText = el.argument.kind === 'Constant' ? f.source.text.slice(el.argument.span.start, el.argument.span.end) : undefined;
        args.push({ kind: 'parameter', name: el.name, value: await argValue(interp, el.argument, f), hasColonArgument: true, span: el.span, literalText });
      } else {
        args.push({ kind: 'parameter', name: el.name, span: el.span });
      }
    } else if (el.kind === 'Variable' && el.splat) {
      const v = interp.getVariable(el, f);
      if (v instanceof PSHashtable) {
        for (const [k, val] of v.entries()) {
          args.push({ kind: 'parameter', name: toDisplayText(k), value: val, hasColonArgument: true, span: el.span });
        }
      } else if (Array.isArray(v)) {
        for (const val of v) args.push({ kind: 'value', value: val, span: el.span });
      } else if (v !== null && v !== undefined) {
        args.push({ kind: 'value', value: v, span: el.span });
      }
    } else {
      const literalText = el.kind === 'Constant' ? f.source.text.slice(el.span.start, el.span.end) : undefined;
      args.push({ kind: 'value', value: await argValue(interp, el, f), span: el.span, literalText });
    }
  }
  return args;
}

/** `f(1,2)`: a parenthesised list right after the command name (Set-StrictMode 2 refuses it). */
function methodCallSyntax(cmd: A.CommandAst): boolean {
  const arg = cmd.elements[0]!;
  if (arg.kind !== 'Paren' || arg.span.start !== cmd.name.span.end) return false;
  const p = arg.pipeline;
  const only = p.kind === 'Pipeline' && p.elements.length === 1 ? p.elements[0] : undefined;
  return only?.kind === 'CommandExpression' && only.expression.kind === 'ArrayLiteral';
}

async function argValue(interp: Interpreter, e: A.ExpressionAst, f: Frame): Promise<unknown> {
  const v = interp.isPure(e) ? interp.evalSync(e, f) : await interp.evalExpr(e, f);
  return v === undefined ? null : v;
}

async function buildCommandStage(
  interp: Interpreter,
  cmd: A.CommandAst,
  f: Frame,
  streams: Streams,
  position: number,
  expectingInput: boolean,
): Promise<Stage> {
  const nameNode = cmd.name;
  const nameValue =
    nameNode.kind === 'StringConstant' ? nameNode.value : nameNode.kind === 'ScriptBlockExpression' && cmd.invocation ? await interp.evalExpr(nameNode, f) : await interp.evalExpr(nameNode, f);
  if (cmd.elements.length === 1 && methodCallSyntax(cmd) && f.scope.strictVersion() >= 2) {
    throw new TerminatingError(
      new ErrorRecord({
        message: 'The function or command was called as if it were a method. Parameters should be separated by spaces. For information about parameters, see the about_Parameters Help topic.',
        errorId: 'StrictModeFunctionCallWithParens',
        category: 'InvalidOperation',
        exceptionType: 'RuntimeException',
      }),
    );
  }
  const args = await evaluateArguments(interp, cmd.elements, f);
  return commandStage(interp, nameValue, args, { frame: f, streams, position, expectingInput, span: cmd.span, nameSpan: nameNode.span, dot: cmd.invocation === '.' });
}

/** Where a command stands in its pipeline, for the stage that runs it. */
export interface CommandSite {
  frame: Frame;
  streams: Streams;
  position: number;
  expectingInput: boolean;
  span: A.Span;
  nameSpan: A.Span;
  dot: boolean;
}

/**
 * The bound stage of a command given by its name (or CommandInfo) or a script block, with its
 * arguments already evaluated: a cmdlet, a function, a script block, a .ps1 on the lab drive.
 */
export async function commandStage(interp: Interpreter, nameValue: unknown, args: CommandArgument[], site: CommandSite): Promise<Stage> {
  const rt = interp.rt;
  const { frame: f, streams, position, expectingInput, dot } = site;
  const cmd = { span: site.span, name: { span: site.nameSpan } };
  const nameNode = cmd.name;
  /** A script block or function run as this command (its own function scope unless dot-sourced). */
  const blockStage = (block: A.ScriptBlockAst, source: A.SourceText, name: string, invocationName: string, parentScope?: Scope) =>
    new ScriptStage(interp, { block, source, name, callerFrame: f, dot, scopeKind: 'function', args, streams, expectingInput, invocationName, span: cmd.span, position, parentScope });
  let stage: Stage;
  if (nameValue instanceof ScriptBlockValue) {
    const block = nameValue.ast as A.ScriptBlockAst;
    const callOperator = dot ? '.' : '&';
    stage =
      nameValue.origin instanceof Scope
        ? new ScriptStage(interp, { block, source: blockSources.get(block) ?? f.source, name: '', callerFrame: { ...f, scope: nameValue.origin }, dot, scopeKind: 'function', args, streams, expectingInput, invocationName: '', span: cmd.span, position, callOperator })
        : new ScriptStage(interp, { block, source: blockSources.get(block) ?? f.source, name: '', callerFrame: f, dot, scopeKind: 'function', args, streams, expectingInput, invocationName: '', span: cmd.span, position, callOperator });
  } else {
    const name = nameValue instanceof PSObject && nameValue.has('Name') ? toDisplayText(nameValue.get('Name')) : toDisplayText(nameValue);
    const resolved = resolveCommand(interp, name, f.scope) ?? resolveCommand(interp, 'Get-' + name, f.scope);
    if (!resolved || (resolved.kind !== 'cmdlet' && resolved.kind !== 'function' && resolved.kind !== 'script')) {
      throw new TerminatingError(commandNotFound(name, { source: f.source, span: nameNode.span, invocationName: name }));
    }
    if (rt.breakpoints.length) await commandBreakpoints(interp, resolved.kind === 'cmdlet' ? resolved.decl.name : resolved.kind === 'function' ? resolved.fn.name : name, f);
    // `Name -?` shows the command's help, as PowerShell does.
    const help = args.length === 1 && args[0]!.kind === 'parameter' && args[0]!.name === '?' && !args[0]!.hasColonArgument
      ? resolveCommand(interp, 'Get-Help', f.scope)
      : undefined;
    if (help?.kind === 'cmdlet' && resolved.kind !== 'script') {
      const topic = resolved.kind === 'cmdlet' ? resolved.decl.name : resolved.fn.name;
      const helpArgs: CommandArgument[] = [{ kind: 'value', value: topic, span: cmd.name.span }];
      stage = new CmdletStage(interp, help.decl, { frame: { ...f, streams }, args: helpArgs, invocationName: 'Get-Help', span: cmd.span, position, expectingInput });
    } else if (resolved.kind === 'cmdlet') {
      stage = new CmdletStage(interp, resolved.decl, { frame: { ...f, streams }, args, invocationName: name, span: cmd.span, position, expectingInput });
    } else if (resolved.kind === 'function') {
      // A module's function runs below its module's scope (dot-sourcing it stays in the caller's).
      stage = blockStage(resolved.fn.body, resolved.fn.source, resolved.fn.name, name, dot ? undefined : resolved.fn.module?.scope);
    } else {
      const text = decodeText(rt.fs.readBytes(rt.fs.resolve(resolved.path, rt.location)));
      const parsed = parseScript(text, resolved.path);
      if (parsed.errors.length > 0) {
        const pe = parsed.errors[0]!;
        throw new TerminatingError(parseErrorRecord(pe.message, pe.errorId, parsed.source, pe.span));
      }
      checkRequirements(parsed.requirements, resolved.path, () => rt.moduleNames());
      blockSources.set(parsed.ast, parsed.source);
      const script = new ScriptStage(interp, {
        block: parsed.ast,
        source: parsed.source,
        name: resolved.path,
        callerFrame: f,
        dot,
        scopeKind: 'script',
        args,
        streams,
        expectingInput,
        invocationName: name,
        span: cmd.span,
        position,
        scriptPath: resolved.path,
      });
      await script.defineTypes();
      stage = script;
    }
  }
  stage.bindArgs();
  return stage;
}

/** Mandatory prompting (interactive hosts) and the final mandatory check. */
async function promptMandatory(interp: Interpreter, binder: CommandBinder, name: string, position: number, expectingInput: boolean): Promise<void> {
  const host = interp.rt.host;
  const missing = binder.missingMandatory(expectingInput);
  if (missing.length > 0 && host.interactive) {
    const fields: HostField[] = missing.map((m) => ({
      name: m.name,
      helpMessage: m.helpMessage,
      secure: m.decl.type === 'SecureString',
      array: m.decl.type.endsWith('[]'),
    }));
    const values = await host.prompt(`cmdlet ${name} at command pipeline position ${position}`, 'Supply values for the following parameters:', fields);
    if (values) binder.bindPrompted(values);
  }
  binder.checkMandatory(expectingInput);
}

// ---------------------------------------------------------------------------------------------
// Cmdlets

interface CmdletStageInit {
  frame: Frame;
  args: CommandArgument[];
  invocationName: string;
  span: A.Span;
  position: number;
  expectingInput: boolean;
}

class CmdletStage implements Stage {
  private readonly binder: CommandBinder;
  private readonly ctx: CommandContext;
  private readonly frame: Frame;

  constructor(
    private readonly interp: Interpreter,
    readonly decl: CmdletDeclaration,
    private readonly init: CmdletStageInit,
  ) {
    this.frame = init.frame;
    this.binder = new CommandBinder(decl, {
      invocationName: init.invocationName,
      source: init.frame.source,
      commandSpan: init.span,
      commandFullName: commandTypeName(decl.name, decl.typeNamespace),
    });
    const rt = interp.rt;
    this.ctx = new CommandContext(
      interp,
      {
        decl,
        frame: init.frame,
        invocationName: init.invocationName,
        span: init.span,
        expectingInput: init.expectingInput,
        common: {},
        bound: new Set(),
        parameterSetName: decl.defaultParameterSet ?? '__AllParameterSets',
      },
      rt.servicesFor(init.frame.scope),
    );
  }

  get out(): Pipe {
    return this.ctx.out;
  }
  set out(p: Pipe) {
    this.ctx.out = p;
  }

  bindArgs(): void {
    this.binder.bindArguments(this.init.args);
  }

  async prepare(): Promise<void> {
    await promptMandatory(this.interp, this.binder, this.decl.name, this.init.position, this.init.expectingInput);
    const ctx = this.ctx;
    ctx.common = this.binder.common();
    ctx.bound = this.binder.boundNames();
    ctx.parameterSetName = this.binder.parameterSetName();
    const scope = this.frame.scope.local;
    ctx.outVariable = commonListVariable(scope, ctx.common.outVariable);
    ctx.errorVariable = commonListVariable(scope, ctx.common.errorVariable);
    ctx.warningVariable = commonListVariable(scope, ctx.common.warningVariable);
    ctx.informationVariable = commonListVariable(scope, ctx.common.informationVariable);
  }

  begin(): MaybePromise<void> {
    if (!this.decl.begin) return;
    return this.guard(() => {
      const r = this.decl.begin!(this.binder.params(), this.ctx);
      return isPromise(r) ? r.then(() => this.ctx.flush()) : this.ctx.flush();
    });
  }

  /** Runs a cmdlet block; a terminating error it raises without a position becomes this command's. */
  private guard(run: () => MaybePromise<void>): MaybePromise<void> {
    const adopt = (e: unknown): never => {
      if (e instanceof TerminatingError) {
        this.ctx.adopt(e.record);
        if (!e.preferenceStop) e.fromCmdlet = true;
        // -ErrorVariable gets the terminating error too (-ErrorAction Stop put its exception there already).
        const list = this.ctx.errorVariable;
        if (list && !e.preferenceStop && !list.includes(e.record)) list.push(e.record);
      }
      throw e;
    };
    // What the call changed in the lab is saved as the call ends, not only when the statement does.
    const saved = () => this.interp.rt.commit(false);
    try {
      const r = run();
      if (isPromise(r)) return r.then(saved).then(undefined, adopt);
      saved();
      return r;
    } catch (e) {
      return adopt(e);
    }
  }

  process(input: unknown): MaybePromise<void> {
    const t = this.interp.rt.tick();
    const r = t ? t.then(() => this.processBound(input)) : this.processBound(input);
    return isPromise(r) ? r.then(() => this.checkStopUpstream()) : this.checkStopUpstream();
  }

  /** After a process call that asked for it, unwind the stages before this one (StopUpstreamSignal). */
  private checkStopUpstream(): void {
    if (this.ctx.stopRequested) throw new StopUpstreamSignal(this);
  }

  private processBound(input: unknown): MaybePromise<void> {
    const bound = this.binder.bindPipelineObject(input);
    if (bound instanceof ErrorRecord) {
      this.ctx.writeError(bound);
      return this.ctx.flush();
    }
    if (this.binder.hasDelayedBinding()) return this.processDelayed(input, bound);
    return this.processWith(bound);
  }

  /** A pipeline object for a command with delay-bind script blocks: they run first. */
  private async processDelayed(input: unknown, bound: { params: Record<string, unknown>; parameterSet: string }): Promise<void> {
    const err = await this.binder.bindDelayed((block, x) => this.ctx.invoke(block, { dollarUnder: x }), bound.params, input);
    if (err) {
      this.ctx.writeError(err);
      return this.ctx.flush();
    }
    return this.processWith(bound);
  }

  private processWith(bound: { params: Record<string, unknown>; parameterSet: string }): MaybePromise<void> {
    this.ctx.parameterSetName = bound.parameterSet;
    if (!this.decl.process) return;
    return this.guard(() => {
      const r = this.decl.process!(bound.params, this.ctx);
      return isPromise(r) ? r.then(() => this.ctx.flush()) : this.ctx.flush();
    });
  }

  processNoInput(): MaybePromise<void> {
    if (!this.decl.process) return;
    return this.guard(() => {
      const r = this.decl.process!(this.binder.params(), this.ctx);
      return isPromise(r) ? r.then(() => this.ctx.flush()) : this.ctx.flush();
    });
  }

  end(): MaybePromise<void> {
    if (!this.decl.end) return;
    return this.guard(() => {
      const r = this.decl.end!(this.binder.params(), this.ctx);
      return isPromise(r) ? r.then(() => this.ctx.flush()) : this.ctx.flush();
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Script stages: functions, filters, script blocks, .ps1 files

export interface ScriptStageInit {
  block: A.ScriptBlockAst;
  source: A.SourceText;
  /** Function name or script path ('' for a script block), for binding errors and FQIDs. */
  name: string;
  callerFrame: Frame;
  /** Dot-sourced: variables and functions land in the caller's scope. */
  dot: boolean;
  scopeKind: 'function' | 'script';
  args: CommandArgument[];
  streams: Streams;
  expectingInput: boolean;
  invocationName: string;
  span: A.Span;
  position: number;
  scriptPath?: string;
  /** `$_` for the whole invocation (ctx.invoke, switch conditions). */
  dollarUnder?: { value: unknown };
  /** A script block run by `&` or `.`: what its $MyInvocation.InvocationName says. */
  callOperator?: '&' | '.';
  /** The scope the command's own scope is a child of, when not the caller's (a module's function: its module's). */
  parentScope?: Scope;
}

/**
 * -OutVariable / -ErrorVariable / -WarningVariable: the list the command fills, created in the
 * caller's scope (`+name` appends to what the variable holds).
 */
function commonListVariable(scope: Scope, spec: string | undefined): unknown[] | undefined {
  if (!spec) return undefined;
  const append = spec.startsWith('+');
  let name = append ? spec.slice(1) : spec;
  // `-OutVariable script:x` / `global:x` / `local:x`: the variable of that scope.
  const qualified = /^(global|script|local|private):(.+)$/i.exec(name);
  if (qualified) {
    scope = scopeByName(scope, qualified[1]!);
    name = qualified[2]!;
  }
  const existing = (qualified ? scope.vars?.get(name.toLowerCase()) : scope.lookup(name.toLowerCase()))?.value;
  const list: unknown[] = append && Array.isArray(existing) ? existing : append && existing != null ? [existing] : [];
  scope.setOwn(name, list);
  return list;
}

/** PowerShell's limit on nested script calls. */
const MAX_CALL_DEPTH = 1000;

function callDepthOverflow(): ErrorRecord {
  return new ErrorRecord({
    message: 'The script failed due to call depth overflow.',
    errorId: 'CallDepthOverflow',
    category: 'InvalidOperation',
    exceptionType: 'ScriptCallDepthException',
  });
}

const declarations = new WeakMap<A.ScriptBlockAst, CmdletDeclaration>();

const NUMERIC_TYPES = new Set(['System.Int32', 'System.Int64', 'System.Int16', 'System.Byte', 'System.SByte', 'System.UInt16', 'System.UInt32', 'System.UInt64', 'System.Double', 'System.Single', 'System.Decimal']);

/** The value of a typed parameter nothing bound and without a default: '' for [string], $false for [bool], 0 for numbers, else $null (PowerShell's compiler). */
function typedDefault(typeName: string): unknown {
  if (typeName === 'System.String') return '';
  if (typeName === 'System.Boolean') return false;
  return NUMERIC_TYPES.has(typeName) ? 0 : null;
}

/**
 * A function's or script's param block as a declaration, made once per block: what binding uses,
 * and Get-Command's parameter metadata. Attribute arguments are evaluated when constant.
 */
export function scriptDeclaration(interp: Interpreter, block: A.ScriptBlockAst, name: string, source: A.SourceText, streams: Streams): CmdletDeclaration {
  let decl = declarations.get(block);
  if (!decl) {
    const globalFrame: Frame = { scope: interp.rt.global, source, streams };
    const constant = (e: A.ExpressionAst) => (interp.isCommandFree(e) ? interp.evalSync(e, globalFrame) : null);
    const parameters = declarationFromParamBlock(block.params?.parameters ?? [], constant);
    decl = {
      name: name || 'ScriptBlock',
      synopsis: '',
      description: '',
      parameters,
      examples: [],
    };
    // [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = ...)] and [OutputType(...)].
    const flag = (a: A.AttributeAst, n: string) => {
      const x = a.named.find((y) => y.name.toLowerCase() === n);
      return x ? (x.value ? isTruthy(constant(x.value)) : true) : false;
    };
    for (const a of block.params?.attributes ?? []) {
      const an = a.name.toLowerCase();
      if (an === 'cmdletbinding') {
        const set = a.named.find((x) => x.name.toLowerCase() === 'defaultparametersetname');
        if (set?.value) decl.defaultParameterSet = toDisplayText(constant(set.value));
        if (flag(a, 'supportsshouldprocess')) decl.supportsShouldProcess = true;
        const impact = a.named.find((x) => x.name.toLowerCase() === 'confirmimpact');
        const level = impact?.value ? ['None', 'Low', 'Medium', 'High'].find((l) => l.toLowerCase() === toDisplayText(constant(impact.value!)).toLowerCase()) : undefined;
        if (level) decl.confirmImpact = level as CmdletDeclaration['confirmImpact'];
      } else if (an === 'outputtype') {
        const types = a.positional.flatMap((e) => [constant(e)].flat()).filter((t) => t !== null && t !== undefined);
        decl.outputType = types.map((t) => (t instanceof PSTypeValue ? t.fullName : toDisplayText(t)));
      }
    }
    declarations.set(block, decl);
  }
  return decl;
}

/** An advanced function or script ([CmdletBinding()] or a [Parameter()]): it has the common parameters and no `$args`. */
export function isAdvancedScript(block: A.ScriptBlockAst): boolean {
  return block.cmdletBinding === true || (block.params?.parameters ?? []).some((p) => p.attributes.some((a) => /^parameter$/i.test(a.name)));
}

export class ScriptStage implements Stage, ActiveCall {
  out: Pipe = NULL_PIPE;
  readonly scope: Scope;
  private readonly frame: Frame;
  private binder?: CommandBinder;
  private readonly input: unknown[] = [];
  private pipelineBinding = false;
  private advanced = false;
  /** -ErrorVariable's list, when given. */
  private errorVariable?: unknown[];

  constructor(
    private readonly interp: Interpreter,
    private readonly init: ScriptStageInit,
  ) {
    const parent = init.parentScope ?? init.callerFrame.scope;
    this.scope = new Scope(parent, init.dot ? 'dot' : init.scopeKind);
    // A script block run on its own (`& { }`) is an anonymous command: what runs in it is not the enclosing function's.
    if (!init.dot) this.scope.commandName = init.name ? init.name.split('\\').pop() : '';
    if (init.dollarUnder) {
      this.scope.hasUnder = true;
      this.scope.under = init.dollarUnder.value;
    }
    this.frame = { scope: this.scope, source: init.source, streams: init.streams };
  }

  /** A function's name; a script or script block is `<ScriptBlock>`, as in PowerShell's frames. */
  get functionName(): string {
    return this.init.scopeKind === 'function' && this.init.name ? this.init.name : '<ScriptBlock>';
  }

  callSite(): { source: A.SourceText; span: A.Span } {
    return { source: this.init.callerFrame.source, span: this.init.span };
  }

  invocation(): unknown {
    return this.scope.getOwn('myinvocation')?.value ?? null;
  }

  private declaration(): CmdletDeclaration {
    return scriptDeclaration(this.interp, this.init.block, this.init.name, this.init.source, this.init.streams);
  }

  bindArgs(): void {
    const block = this.init.block;
    if (!block.params) return;
    const decl = this.declaration();
    // A simple function (no [CmdletBinding()] or [Parameter()]) puts extra arguments in $args.
    const advanced = isAdvancedScript(block);
    this.advanced = advanced;
    // With a dynamicparam block, arguments its parameters take wait until it has run (prepare).
    this.binder = this.makeBinder(decl, !advanced || block.dynamicParam !== undefined);
    this.binder.bindArguments(this.init.args);
    this.pipelineBinding = Object.values(decl.parameters).some((p: ParameterDeclaration) =>
      Object.values(p.sets ?? {}).some((m) => m.fromPipeline || m.fromPipelineByPropertyName),
    );
  }

  private makeBinder(decl: CmdletDeclaration, allowUnboundArguments: boolean): CommandBinder {
    return new CommandBinder(decl, {
      invocationName: this.init.invocationName,
      source: this.init.callerFrame.source,
      commandSpan: this.init.span,
      commandFullName: this.init.name,
      isFunction: true,
      allowUnboundArguments,
    });
  }

  /**
   * `dynamicparam { }`: runs in the function's scope with the parameters bound so far in
   * $PSBoundParameters; the parameters it returns join the declaration and the arguments are
   * bound again. Their values go back into what the block returned (not into variables).
   */
  private async bindDynamic(list: A.StatementListAst): Promise<void> {
    const first = this.binder!.params();
    const sofar = new PSHashtable();
    for (const [k, v] of Object.entries(first)) if (v !== undefined) sofar.set(k, v);
    this.scope.setOwn('PSBoundParameters', sofar);
    await this.applyParameters(first);
    const out = new CollectPipe();
    try {
      await this.interp.runBlock(list, this.frame, out);
    } catch (e) {
      // `return $dictionary`: the value is already written.
      if (!(e instanceof ReturnSignal)) throw e;
      if (e.pending) out.items.push(...e.pending);
    }
    const result = out.items.length === 1 ? out.items[0] : undefined;
    const dynamic = dynamicParameters(result, (o) => this.interp.classes.find(o.typeNames[0] ?? '')?.properties);
    const decl = this.declaration();
    const constant = (e: A.ExpressionAst) => (this.interp.isCommandFree(e) ? this.interp.evalSync(e, this.frame) : null);
    const extended: CmdletDeclaration = dynamic ? { ...decl, parameters: { ...decl.parameters, ...declarationFromParamBlock(dynamic.declarations, constant) } } : decl;
    this.binder = this.makeBinder(extended, !this.advanced);
    this.binder.bindArguments(this.init.args);
    if (!dynamic) return;
    const values = this.binder.params();
    for (const d of dynamic.declarations) {
      const key = Object.keys(values).find((k) => k.toLowerCase() === d.name.toLowerCase());
      if (key !== undefined && values[key] !== undefined) dynamic.assign(d.name, values[key]);
    }
  }

  /** The script's classes and enums, defined before its parameters bind (Interpreter.defineScriptTypes). */
  defineTypes(): Promise<void> {
    return this.interp.defineScriptTypes(this.init.block, this.frame);
  }

  async prepare(): Promise<void> {
    const scope = this.scope;
    const block = this.init.block;
    const bound = new PSHashtable();
    // A block's own types (those of a script file are defined before it binds; this finds them defined).
    if (this.interp.scriptTypeDefinitions(block).length) await this.defineTypes();
    if (this.binder && block.dynamicParam) await this.bindDynamic(block.dynamicParam);
    if (this.binder) {
      await promptMandatory(this.interp, this.binder, this.init.name || 'ScriptBlock', this.init.position, this.init.expectingInput);
      if (this.binder.hasValidationScripts()) await this.binder.validateScripts(this.runValidation);
      const values = this.binder.params();
      for (const [k, v] of Object.entries(values)) if (v !== undefined) bound.set(k, v);
      await this.applyParameters(values);
      this.applyCommon();
      this.applyCommonVariables(this.binder.common());
      scope.setOwn('args', this.binder.unboundArguments().slice());
    } else {
      // No param block: every argument lands in $args, parameter tokens as text.
      const args: unknown[] = [];
      for (const a of this.init.args) {
        if (a.kind === 'parameter') {
          args.push(`-${a.name}${a.hasColonArgument ? ':' : ''}`);
          if (a.hasColonArgument) args.push(a.value);
        } else args.push(a.value);
      }
      scope.setOwn('args', args);
    }
    scope.setOwn('PSBoundParameters', bound);
    const invocation = this.myInvocation(bound);
    scope.setOwn('MyInvocation', invocation);
    if (this.advanced && this.binder) scope.setOwn('PSCmdlet', this.psCmdlet(this.binder, invocation));
    if (this.init.scriptPath) {
      const p = this.init.scriptPath;
      const cut = p.lastIndexOf('\\');
      scope.setOwn('PSScriptRoot', cut >= 0 ? p.slice(0, cut) : '');
      scope.setOwn('PSCommandPath', p);
    }
    void block;
  }

  private async applyParameters(values: Record<string, unknown>): Promise<void> {
    const params = this.init.block.params?.parameters ?? [];
    for (const p of params) {
      const canonical = Object.keys(values).find((k) => k.toLowerCase() === p.name.toLowerCase());
      let value = canonical !== undefined ? values[canonical] : undefined;
      const typeName = p.type ? resolveTypeName(p.type.name) : undefined;
      const isSwitch = p.type !== undefined && /^(switch|system\.management\.automation\.switchparameter)$/i.test(p.type.name);
      if (value === undefined) {
        if (p.default) value = await this.interp.evalExpr(p.default, this.frame);
        else if (isSwitch) value = false;
        else value = typeName ? typedDefault(typeName) : null;
        if (typeName && !isSwitch && value !== null && value !== undefined) value = convertTo(value, typeName);
      }
      const v = this.scope.setOwn(p.name, value === undefined ? null : value);
      if (typeName && !isSwitch) v.typeConstraint = typeName;
    }
  }

  /** $PSCmdlet: a CommandContext over the function's own scope, so -WhatIf / -Confirm / -Verbose apply. */
  private psCmdlet(binder: CommandBinder, invocation: PSObject): PSObject {
    const init = this.init;
    const ctx = new CommandContext(
      this.interp,
      {
        decl: this.declaration(),
        frame: this.frame,
        invocationName: init.invocationName,
        span: init.span,
        expectingInput: init.expectingInput,
        common: binder.common(),
        bound: binder.boundNames(),
        parameterSetName: binder.parameterSetName(),
        commandFullName: init.name.split('\\').pop() || undefined,
      },
      this.interp.rt.servicesFor(this.scope),
    );
    return psCmdletObject(ctx, invocation, () => this.out, this.scope);
  }

  /** An advanced function's -OutVariable and -ErrorVariable: its output and its errors also go to those lists. */
  private applyCommonVariables(c: CommonParameterValues): void {
    const callerScope = this.init.callerFrame.scope.local;
    const outList = commonListVariable(callerScope, c.outVariable);
    const errList = commonListVariable(callerScope, c.errorVariable);
    this.errorVariable = errList;
    if (outList) {
      const target = this.out;
      this.out = {
        write: (v) => {
          outList.push(v);
          return target.write(v);
        },
      };
    }
    if (errList) {
      // Errors of the commands whose output is this function's output (and of its own statements) go to the list.
      const streams = this.frame.streams;
      this.frame.streams = { ...streams, errorVariables: [...(streams.errorVariables ?? []), errList] };
    }
    const warnList = commonListVariable(callerScope, c.warningVariable);
    if (warnList) {
      const streams = this.frame.streams;
      this.frame.streams = {
        ...streams,
        warning: (r) => {
          warnList.push(r);
          streams.warning(r);
        },
      };
    }
    const infoList = commonListVariable(callerScope, c.informationVariable);
    if (infoList) {
      const streams = this.frame.streams;
      this.frame.streams = {
        ...streams,
        information: (r, hidden) => {
          infoList.push(r);
          streams.information(r, hidden);
        },
      };
    }
  }

  /** Common parameters of an advanced function become preference variables in its scope. */
  private applyCommon(): void {
    const c = this.binder?.common();
    if (!c) return;
    const s = this.scope;
    if (c.errorAction) s.setOwn('ErrorActionPreference', c.errorAction);
    if (c.warningAction) s.setOwn('WarningPreference', c.warningAction);
    if (c.verbose !== undefined) s.setOwn('VerbosePreference', c.verbose ? 'Continue' : 'SilentlyContinue');
    if (c.debug !== undefined) s.setOwn('DebugPreference', c.debug ? 'Continue' : 'SilentlyContinue');
    if (c.whatIf !== undefined) s.setOwn('WhatIfPreference', c.whatIf);
    if (c.confirm !== undefined) s.setOwn('ConfirmPreference', c.confirm ? 'Low' : 'None');
  }

  private myInvocation(bound: PSHashtable): PSObject {
    const init = this.init;
    const command = new PSObject(['System.Management.Automation.CommandInfo', 'System.Object']);
    command.addNote('Name', init.name ? init.name.split('\\').pop() : '');
    command.addNote('CommandType', init.scriptPath ? 'ExternalScript' : init.name ? 'Function' : 'Script');
    command.addNote('Path', init.scriptPath ?? null);
    command.addNote('Definition', init.scriptPath ?? init.source.text.slice(init.block.span.start, init.block.span.end));
    const inv = new PSObject(['System.Management.Automation.InvocationInfo', 'System.Object']);
    inv.addNote('MyCommand', command);
    inv.addNote('BoundParameters', bound);
    inv.addNote('InvocationName', init.callOperator ?? init.invocationName);
    inv.addNote('PipelinePosition', init.position);
    inv.addNote('ScriptName', init.callerFrame.source.file ?? '');
    inv.addNote('Line', lineOf(init.callerFrame.source.text, init.span.start));
    // Worked out when read: counting lines is a scan of the caller's text.
    const text = init.callerFrame.source.text;
    const at = init.span.start;
    inv.addProperty({ name: 'ScriptLineNumber', memberType: 'Property', typeName: 'System.Int32', get: () => lineNumberAt(text, at) });
    inv.addProperty({ name: 'OffsetInLine', memberType: 'Property', typeName: 'System.Int32', get: () => at - (text.lastIndexOf('\n', at - 1) + 1) + 1 });
    inv.addNote('PSScriptRoot', init.scriptPath ? init.scriptPath.slice(0, Math.max(0, init.scriptPath.lastIndexOf('\\'))) : '');
    inv.addNote('PSCommandPath', init.scriptPath ?? '');
    return inv;
  }

  private async runNamed(list: A.StatementListAst | undefined): Promise<void> {
    if (!list) return;
    const rt = this.interp.rt;
    if (rt.callDepth >= MAX_CALL_DEPTH) throw new TerminatingError(callDepthOverflow());
    rt.callDepth++;
    const stack = rt.callStack;
    stack.push(this);
    try {
      await this.interp.runBlock(list, this.frame, this.out);
    } catch (e) {
      if (e instanceof ReturnSignal) {
        if (e.pending) for (const item of e.pending) await this.out.write(item);
        return;
      }
      if (e instanceof TerminatingError && this.errorVariable && !this.errorVariable.includes(e.record)) this.errorVariable.push(e.record);
      // `exit` in a .ps1 called from a script or the prompt ends that script only ($LASTEXITCODE is set).
      if (e instanceof ExitSignal && this.init.scriptPath) return;
      throw e;
    } finally {
      rt.callDepth--;
      leaveCall(stack, this);
    }
  }

  begin(): MaybePromise<void> {
    if (this.init.block.begin) return this.runNamed(this.init.block.begin);
  }

  process(input: unknown): MaybePromise<void> {
    const t = this.interp.rt.tick();
    if (t) return t.then(() => this.process2(input));
    return this.process2(input);
  }

  private process2(input: unknown): MaybePromise<void> {
    const block = this.init.block;
    if (!block.process) {
      // No process block: the object still binds (the end block sees the last one's parameters) and joins $input.
      this.input.push(input);
      if (this.binder && this.pipelineBinding) {
        const r = this.binder.bindPipelineObject(input);
        if (r instanceof ErrorRecord) return this.interp.reportError(r, this.frame);
        this.bindFromPipeline(r.params);
      }
      return;
    }
    this.scope.hasUnder = true;
    this.scope.under = input;
    if (this.binder && this.pipelineBinding) {
      const r = this.binder.bindPipelineObject(input);
      if (r instanceof ErrorRecord) return this.interp.reportError(r, this.frame);
      if (this.binder.hasValidationScripts() || this.binder.hasDelayedBinding()) return this.processValidated(input, r.params, block.process);
      this.bindFromPipeline(r.params);
    }
    return this.runNamed(block.process);
  }

  /** A pipeline object whose parameters have delay-bind script blocks or [ValidateScript] checks to run first. */
  private async processValidated(input: unknown, params: Record<string, unknown>, process: A.StatementListAst): Promise<void> {
    const err = (await this.binder!.bindDelayed(this.runValidation, params, input)) ?? (await this.binder!.validateScripts(this.runValidation, params, input));
    if (err) return this.interp.reportError(err, this.frame);
    this.bindFromPipeline(params);
    return this.runNamed(process);
  }

  /**
   * Sets one object's parameters. What the previous object bound goes back to its default value
   * first, as PowerShell restores pipeline-bound parameters before each object.
   */
  private bindFromPipeline(params: Record<string, unknown>): void {
    const defaults = (this.pipelineDefaults ??= this.snapshotDefaults());
    const last = this.pipelineBound;
    for (let i = 0; i < last.length; i++) if (!(last[i]! in params)) this.scope.setOwn(last[i]!, defaults.get(last[i]!) ?? null);
    last.length = 0;
    for (const k in params) {
      const v = params[k];
      if (v === undefined) continue;
      this.scope.setOwn(k, v);
      if (defaults.has(k)) last.push(k);
    }
  }

  private pipelineDefaults?: Map<string, unknown>;
  /** The parameters the previous pipeline object bound (they go back to their defaults first). */
  private readonly pipelineBound: string[] = [];

  /** The values (defaults) of the parameters not bound on the command line, before the first object. */
  private snapshotDefaults(): Map<string, unknown> {
    const m = new Map<string, unknown>();
    const onCommandLine = this.binder?.boundNames();
    for (const p of this.init.block.params?.parameters ?? []) {
      if (onCommandLine && [...onCommandLine].some((n) => n.toLowerCase() === p.name.toLowerCase())) continue;
      m.set(p.name, this.scope.lookup(p.name.toLowerCase())?.value ?? null);
    }
    return m;
  }

  /** Runs a [ValidateScript] block with `$_` set to one value, in a scope of its own. */
  private readonly runValidation = (block: ScriptBlockValue, value: unknown): MaybePromise<unknown[]> =>
    invokeScriptBlock(this.interp, block, this.init.callerFrame, { dollarUnder: value }, false);

  processNoInput(): MaybePromise<void> {
    const block = this.init.block;
    if (block.process) return this.runNamed(block.process);
  }

  end(): MaybePromise<void> {
    const block = this.init.block;
    this.scope.setOwn('input', this.input);
    if (block.end) return this.runNamed(block.end);
  }
}

/** The 1-based number of the line an offset is on. */
function lineNumberAt(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function lineOf(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
}

// ---------------------------------------------------------------------------------------------
// Script block invocation (ctx.invoke, `.Invoke()`, switch conditions)

const fastBlocks = new WeakMap<A.ScriptBlockAst, A.StatementAst | null>();

/** The one pure statement of a block without params or named blocks, else null. */
function fastStatement(interp: Interpreter, block: A.ScriptBlockAst): A.StatementAst | null {
  let st = fastBlocks.get(block);
  if (st === undefined) {
    st = null;
    if (!block.params && !block.begin && !block.process && block.end && block.end.statements.length === 1) {
      const only = block.end.statements[0]!;
      if (interp.isPureStatement(only)) st = only;
    }
    fastBlocks.set(block, st);
  }
  return st;
}

export function invokeScriptBlock(
  interp: Interpreter,
  sb: ScriptBlockValue,
  f: Frame,
  options: InvokeOptions,
  dot: boolean,
): MaybePromise<unknown[]> {
  const block = sb.ast as A.ScriptBlockAst;
  const source = blockSources.get(block) ?? f.source;
  // A closure (GetNewClosure) runs over the variables it captured.
  if (sb.origin instanceof Scope) f = { ...f, scope: sb.origin };
  // (Not while breakpoints are set: a line breakpoint may be on the block's statement.)
  const st = !options.input && !(options.args && options.args.length) && !interp.rt.breakpoints.length ? fastStatement(interp, block) : null;
  if (st) {
    // Fast path: `{ $_ * 2 }` runs synchronously in a light scope.
    const scope = new Scope(f.scope, dot ? 'dot' : 'function');
    if ('dollarUnder' in options) {
      scope.hasUnder = true;
      scope.under = options.dollarUnder;
    }
    const frame: Frame = { scope, source, streams: f.streams };
    try {
      if (st.kind === 'Assignment') {
        interp.runAssignment(st, frame);
        return [];
      }
      const e = ((st as A.PipelineAst).elements[0] as A.CommandExpressionAst).expression;
      const v = interp.evalSync(e, frame);
      if (v === undefined || e.kind === 'Increment') return [];
      return Array.isArray(v) ? v.slice() : [v];
    } catch (err) {
      return (async () => {
        const before = interp.rt.errorCount;
        await interp.handleStatementError(err, st, frame);
        interp.rt.lastSuccess = interp.rt.errorCount === before;
        return [];
      })();
    }
  }
  return invokeSlow(interp, block, source, f, options, dot);
}

async function invokeSlow(
  interp: Interpreter,
  block: A.ScriptBlockAst,
  source: A.SourceText,
  f: Frame,
  options: InvokeOptions,
  dot: boolean,
): Promise<unknown[]> {
  const collect = new CollectPipe();
  const stage = new ScriptStage(interp, {
    block,
    source,
    name: '',
    callerFrame: f,
    dot,
    scopeKind: 'function',
    args: (options.args ?? []).map((value) => ({ kind: 'value' as const, value, span: block.span })),
    streams: f.streams,
    expectingInput: options.input !== undefined,
    invocationName: '',
    span: block.span,
    position: 1,
    dollarUnder: 'dollarUnder' in options ? { value: options.dollarUnder } : undefined,
  });
  stage.out = collect;
  stage.bindArgs();
  await stage.prepare();
  await stage.begin();
  if (options.input) {
    for (const item of options.input) await stage.process(item);
  } else {
    await stage.processNoInput();
  }
  await stage.end();
  return collect.items;
}

export { collapse };

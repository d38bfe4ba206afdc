// The evaluator: statements and expressions over grammar/ast.ts.
//
// Speed: expressions without commands in them ("pure") are evaluated synchronously by
// evalSync; only statements and expressions that run commands go through the async path.
// `{ $_ * 2 }` in ForEach-Object therefore costs no promise per AST node.

import type * as A from '../../grammar/ast.js';
import { forEachChild, type AnyNode } from '../../grammar/semantic-checks.js';
import { ErrorRecord, PipelineStoppedError, TerminatingError } from '../protocol/errors.js';
import {
  DelegateValue,
  PSHashtable,
  PSObject,
  PSReference,
  PSTypeValue,
  ScriptBlockValue,
  arrayElementType,
  isTruthy,
  toDisplayText,
  elementText,
  typeNamesOf,
} from '../protocol/values.js';
import { convertTo, exceptionInfoOf, resolveTypeName, toNumber } from '../protocol/convert.js';
import { ensureHeadroom } from '../protocol/memory-guard.js';
import { addNumber, binaryOperation, splitByPredicate, splitPredicateArguments, unaryOperation, valuesEqual } from '../protocol/operators.js';
import { PSChar, literalNumber } from '../protocol/numbers.js';
import { matchesWildcard } from '../protocol/wildcard.js';
import { getMember, hasMember, invokeMethod, memberAccess, methodException, setMember } from '../protocol/members.js';
import { statementBreakpoints, variableBreakpoints } from './breakpoints.js';
import { leaveCall } from './call-stack.js';
import { findHandler, wrapperException } from './exception-handling.js';
import { forEachByName, whereMethod, whereNeedsBlock } from './magic-methods.js';
import { ClassRegistry, NOT_SYNC, type CompiledTypeFacts } from './classes.js';
import { sharedCompiledClass } from './add-type.js';
import { checkRestrictedLanguage } from './dotnet-objects.js';
import type { InvokeOptions } from '../protocol/cmdlet.js';
import { getStaticMember, invokeStaticMethod, setStaticMember, type StaticEnv } from './static-types.js';
import {
  MAX_ARRAY_ELEMENTS,
  arrayTooBig,
  castConstructorFailed,
  duplicateKey,
  indexOutOfRange,
  innerMessage,
  jsErrorRecord,
  nullArray,
  thrownException,
  thrownRecord,
  typeNotFound,
  variableNotWritable,
} from './engine-errors.js';
import { CollectPipe, appendErrorVariables, type ActiveCall, type Frame, type Pipe, type Runtime } from './runtime.js';
import { Scope, type Variable } from './scope.js';
import { currentCulture } from '../protocol/culture.js';
import {
  BreakSignal,
  CommandTerminatingError,
  ContinueSignal,
  ExitSignal,
  ReturnSignal,
  keepPendingOutput,
  ScriptTerminatingError,
  StopUpstreamSignal,
  isPromise,
  type MaybePromise,
} from './signals.js';

/** Automatic variables PowerShell always has (emsh sets them only where they are used): never unset under strict mode. */
const ALWAYS_DEFINED = new Set(['args', 'input', 'myinvocation', 'psboundparameters', 'pscmdlet', 'psscriptroot', 'pscommandpath', 'this', 'foreach', 'switch', 'stacktrace']);

const COMPOUND: Record<string, A.BinaryOperator> = { '+=': '+', '-=': '-', '*=': '*', '/=': '/', '%=': '%' };

/** Script blocks remember the source they were parsed from, for error positions. */
export const blockSources = new WeakMap<A.ScriptBlockAst, A.SourceText>();

/** Pipeline-value of a collected output list: nothing → AutomationNull (undefined), one → it, more → array. */
export function collapse(items: unknown[]): unknown {
  return items.length === 0 ? undefined : items.length === 1 ? items[0] : items;
}

/** Writes a value to a pipe the way a statement does: arrays unroll one level, AutomationNull writes nothing. */
export function writeValue(out: Pipe, value: unknown): MaybePromise<void> {
  if (value === undefined) return;
  if (Array.isArray(value)) return writeAll(out, value, 0);
  // A byte[] is a collection too: its bytes go down the pipeline one at a time.
  if (value instanceof Uint8Array) return writeAll(out, value, 0);
  return out.write(value);
}

function writeAll(out: Pipe, items: ArrayLike<unknown>, from: number): MaybePromise<void> {
  for (let i = from; i < items.length; i++) {
    const r = out.write(items[i]);
    if (isPromise(r)) return r.then(() => writeAll(out, items, i + 1));
  }
}

/** What `foreach` and pipelines iterate: arrays and byte arrays element-wise, $null not at all. */
export function iterationItems(value: unknown): ArrayLike<unknown> {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  if (value instanceof Uint8Array) return value;
  return [value];
}

function labelMatches(signalLabel: string | undefined, loopLabel: string | undefined): boolean {
  return signalLabel === undefined || (loopLabel !== undefined && signalLabel.toLowerCase() === loopLabel.toLowerCase());
}

/**
 * What runs pipelines and script blocks for the interpreter (src/engine/pipeline.ts). The session
 * hands it over, so the interpreter and the pipeline module do not import each other.
 */
export interface PipelineRunner {
  run(interp: Interpreter, p: A.PipelineAst, f: Frame, out: Pipe): Promise<void>;
  /** The block's output; an array without a promise when the block ran synchronously (the per-object hot path). */
  invoke(interp: Interpreter, sb: ScriptBlockValue, f: Frame, options: InvokeOptions, dot: boolean): MaybePromise<unknown[]>;
}

/**
 * Before a statement runs. Most statements set `$?` to "no error while it ran", but an `@(...)`
 * or `$(...)` alone keeps the status of its own last statement ('inner', true when none ran), and
 * an expandable string is a value, so it succeeds ('value') even when a subexpression wrote an error.
 */
export function statementStatus(rt: Runtime, st: A.StatementAst): StatementStatus {
  const own = ownStatus(st);
  if (own === 'inner') rt.lastSuccess = true;
  return own;
}

/** `$?` after a statement (see statementStatus); `failed`: it ended with a terminating error. */
export function settleStatus(rt: Runtime, own: StatementStatus, before: number, failed: boolean): void {
  if (failed && rt.errorCount !== before) rt.lastSuccess = false;
  else if (own === 'value') rt.lastSuccess = true;
  else if (!own) rt.lastSuccess = rt.errorCount === before;
}

type StatementStatus = 'inner' | 'value' | undefined;

function ownStatus(st: A.StatementAst): StatementStatus {
  if (st.kind !== 'Pipeline' || st.elements.length !== 1) return undefined;
  const el = st.elements[0]!;
  if (el.kind !== 'CommandExpression' || el.redirections.length) return undefined;
  const k = el.expression.kind;
  return k === 'ArrayExpression' || k === 'SubExpression' ? 'inner' : k === 'ExpandableString' ? 'value' : undefined;
}

export class Interpreter {
  readonly staticEnv: StaticEnv;
  private pureCache = new WeakMap<object, boolean>();
  /** The `class`/`enum` statements at the top of each script block (defineScriptTypes). */
  private readonly scriptTypes = new WeakMap<A.ScriptBlockAst, A.TypeDefinitionAst[]>();
  /** The PowerShell classes and enums this session defined (classes.ts). */
  readonly classes: ClassRegistry;

  constructor(
    readonly rt: Runtime,
    private readonly pipelines: PipelineRunner,
  ) {
    this.staticEnv = {
      fs: rt.fs,
      location: () => rt.location,
      now: rt.now,
      services: rt.services,
      runspaces: () => rt.runspaceHost,
      environment: (name) => rt.getEnv(name),
      // $PSCulture and $PSUICulture are the thread's cultures' names.
      cultureChanged: () => {
        const current = rt.global.getOwn('psculture');
        const ui = rt.global.getOwn('psuiculture');
        if (current) current.value = toDisplayText(currentCulture(rt.services).get('Name'));
        if (ui) ui.value = toDisplayText(currentCulture(rt.services, 'ui').get('Name'));
      },
    };
    this.classes = new ClassRegistry({
      invoke: (sb, f, args) => this.pipelines.invoke(this, sb, f, { args }, false),
      value: async (st, f) => (st.kind === 'Pipeline' || st.kind === 'Assignment' ? this.pipelineValue(st, f) : this.evalExpr(st as A.ExpressionAst, f)),
      valueSync: (st, f) => {
        if (st.kind === 'Pipeline' || st.kind === 'Assignment') return this.isPureStatement(st) ? this.pipelineValueSync(st, f) : NOT_SYNC;
        return this.isPure(st as A.ExpressionAst) ? this.evalSync(st as A.ExpressionAst, f) : NOT_SYNC;
      },
      blockSync: (body, scope, f) => {
        // Pure statements, and a last `return <pure value>` (a method's usual end).
        const last = body.statements[body.statements.length - 1];
        const ret = last?.kind === 'Return' ? last : undefined;
        const init = ret ? body.statements.slice(0, -1) : body.statements;
        if (!init.every((st) => this.isPureStatement(st)) || (ret?.value && !this.isPureStatement(ret.value))) return NOT_SYNC;
        const frame = { scope, source: f.source, streams: f.streams };
        this.collectSync({ ...body, statements: init }, frame);
        return ret?.value ? this.pipelineValueSync(ret.value, frame) : null;
      },
      compiledType: (lowerName) => sharedCompiledClass(this, lowerName),
    });
  }

  /** `data [name] { }`: the body's output, into `$name` when the section has one. */
  private async runDataSection(d: A.DataSectionAst, f: Frame, out: Pipe): Promise<void> {
    if (!d.variable) return this.runBlock(d.body, f, out);
    const c = new CollectPipe();
    await this.runBlock(d.body, f, c);
    f.scope.setOwn(d.variable, collapse(c.items));
  }

  /** A `class` or `enum` statement. Calls of the class's methods now run script: what was judged pure is judged again. */
  private async defineType(def: A.TypeDefinitionAst, f: Frame): Promise<void> {
    if (this.classes.isDefined(def)) return;
    await this.classes.define(def, f);
    this.pureCache = new WeakMap();
  }

  /** A class compiled from C# (Add-Type): defined like a `class` statement, with what C# adds. */
  async defineCompiledType(def: A.TypeDefinitionAst, f: Frame, facts: CompiledTypeFacts): Promise<void> {
    await this.classes.define(def, f, facts);
    this.pureCache = new WeakMap();
  }

  /**
   * The `class`/`enum` statements of a block's named blocks, at any depth of its statements (an
   * `if` or loop body) but not inside nested script blocks or functions, which are compiled on
   * their own (cached per block).
   */
  scriptTypeDefinitions(block: A.ScriptBlockAst): A.TypeDefinitionAst[] {
    let defs = this.scriptTypes.get(block);
    if (!defs) {
      const found: A.TypeDefinitionAst[] = [];
      const visit = (n: AnyNode): void => {
        if (n.kind === 'TypeDefinition') found.push(n as A.TypeDefinitionAst);
        else if (n.kind !== 'ScriptBlock') forEachChild(n, visit);
      };
      for (const l of [block.begin, block.process, block.end]) if (l) visit(l);
      defs = found;
      this.scriptTypes.set(block, defs);
    }
    return defs;
  }

  /**
   * 5.1 defines a script's classes and enums when it compiles the script: before its param block
   * binds and its first statement runs, so a type may be used above its definition. Base classes
   * first; the statements themselves then find their types defined.
   */
  async defineScriptTypes(block: A.ScriptBlockAst, f: Frame): Promise<void> {
    const defs = this.scriptTypeDefinitions(block);
    if (defs.length === 0) return;
    let pending = defs.filter((d) => !this.classes.isDefined(d));
    while (pending.length) {
      const names = new Set(pending.map((d) => d.name.toLowerCase()));
      const ready = pending.filter((d) => d.isEnum || !d.baseTypes[0] || !names.has(d.baseTypes[0].toLowerCase()) || d.baseTypes[0].toLowerCase() === d.name.toLowerCase());
      for (const d of ready.length ? ready : pending) await this.defineType(d, f);
      pending = pending.filter((d) => !this.classes.isDefined(d));
    }
  }

  /**
   * One evaluator: evalExpr (and runAssignment) evaluate every expression. A node that runs no
   * command ("pure") takes the synchronous fast path evalSync instead, which must give the same
   * result: test/engine/fast-path.test.ts compares the two over generated expressions, with
   * this switched off for one side.
   */
  fastPath = true;

  // -------------------------------------------------------------------------------------------
  // Purity: does evaluating this node possibly run a command (or a script block)?

  /** Whether the fast path takes this node: it runs no command, and the fast path is on. */
  isPure(node: A.ExpressionAst): boolean {
    return this.fastPath && this.isCommandFree(node);
  }

  /** Whether evaluating this node runs no command (nor a script block). */
  isCommandFree(node: A.ExpressionAst): boolean {
    let p = this.pureCache.get(node);
    if (p === undefined) {
      p = this.computePure(node);
      this.pureCache.set(node, p);
    }
    return p;
  }

  private computePure(e: A.ExpressionAst): boolean {
    switch (e.kind) {
      case 'Constant':
      case 'StringConstant':
      case 'TypeExpression':
      case 'ScriptBlockExpression':
        return true;
      case 'Variable':
        return !e.splat;
      case 'ExpandableString':
        return e.parts.every((p) => typeof p === 'string' || this.isCommandFree(p));
      case 'Binary':
        // -split may run a script block per character (`'a1b2' -split {$_ -match '\d'}`).
        return e.operator !== '-split' && e.operator !== '-csplit' && this.isCommandFree(e.left) && this.isCommandFree(e.right);
      case 'Unary':
        return this.isCommandFree(e.operand);
      case 'Increment':
        return this.isCommandFree(e.operand);
      case 'Convert':
        return this.isCommandFree(e.operand);
      case 'Member':
        return this.isCommandFree(e.target) && this.isCommandFree(e.member);
      case 'InvokeMember': {
        if (e.member.kind !== 'StringConstant') return false;
        const name = e.member.value.toLowerCase();
        // A PowerShell class's methods run script.
        if (e.static && e.target.kind === 'TypeExpression' ? this.classes.find(e.target.type.name) : this.classes.methodNames.has(name)) return false;
        if (!e.static && (name === 'invoke' || name === 'dynamicinvoke' || name === 'invokereturnasis' || name === 'foreach' || name === 'where' || name === 'getnewclosure')) return false;
        // [powershell]'s runs: a nested session runs commands.
        if (!e.static && (name === 'begininvoke' || name === 'endinvoke')) return false;
        // A constructor may read a file asynchronously (X509Certificate2).
        if (e.static && name === 'new') return false;
        return this.isCommandFree(e.target) && e.arguments.every((a) => this.isCommandFree(a));
      }
      case 'Index':
        return this.isCommandFree(e.target) && this.isCommandFree(e.index);
      case 'ArrayLiteral':
        return e.elements.every((x) => this.isCommandFree(x));
      case 'Hashtable':
        return e.entries.every((en) => this.isCommandFree(en.key) && this.isCommandFreeStatement(en.value));
      case 'Paren':
        return this.isCommandFreeStatement(e.pipeline);
      case 'SubExpression':
      case 'ArrayExpression':
        // One statement only: several need per-statement error handling (the async path).
        return e.statements.statements.length <= 1 && e.statements.statements.every((s) => this.isCommandFreeStatement(s));
    }
  }

  /** A statement the fast path runs: command-free, and the fast path is on. */
  isPureStatement(s: A.StatementAst): boolean {
    return this.fastPath && this.isCommandFreeStatement(s);
  }

  /** A statement that runs no command: a lone command-free expression, or an assignment of one. */
  isCommandFreeStatement(s: A.StatementAst): boolean {
    const cached = this.pureCache.get(s);
    if (cached !== undefined) return cached;
    let p = false;
    if (s.kind === 'Pipeline') {
      const el = s.elements[0];
      p = s.elements.length === 1 && el !== undefined && el.kind === 'CommandExpression' && el.redirections.length === 0 && this.isCommandFree(el.expression);
    } else if (s.kind === 'Assignment') {
      p = this.isPureTarget(s.target) && this.isCommandFreeStatement(s.value);
    }
    this.pureCache.set(s, p);
    return p;
  }

  private isPureTarget(t: A.ExpressionAst): boolean {
    switch (t.kind) {
      case 'Variable':
        return true;
      case 'Convert':
        return this.isPureTarget(t.operand);
      case 'Member':
        return this.isCommandFree(t.target) && this.isCommandFree(t.member);
      case 'Index':
        return this.isCommandFree(t.target) && this.isCommandFree(t.index);
      case 'ArrayLiteral':
        return t.elements.every((x) => this.isPureTarget(x));
      default:
        return false;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Statements

  /** Runs a statement list; each statement's terminating error is handled at its boundary. */
  async runBlock(list: A.StatementListAst | undefined, f: Frame, out: Pipe): Promise<void> {
    if (!list) return;
    const traps = trapsOf(list);
    if (traps) return this.runBlockWithTraps(list.statements, traps, f, out);
    const statements = list.statements;
    for (let i = 0; i < statements.length; i++) {
      const st = statements[i]!;
      if (this.rt.breakpoints.length) await statementBreakpoints(this, st, f);
      const before = this.rt.errorCount;
      const own = statementStatus(this.rt, st);
      let failed = false;
      try {
        const r = this.runStatement(st, f, out);
        if (isPromise(r)) await r;
      } catch (e) {
        failed = true;
        const r = this.handleStatementError(e, st, f);
        if (isPromise(r)) await r;
      }
      settleStatus(this.rt, own, before, failed);
    }
  }

  /**
   * A statement list with `trap` statements (about_Trap): a terminating error of any of its
   * statements (or of statements nested in them, in the same function) goes to the matching trap.
   * After the trap body, `continue` goes on with the next statement silently, `break` ends the
   * list with the error, and neither reports the error and goes on.
   */
  async runBlockWithTraps(statements: readonly A.StatementAst[], traps: A.TrapAst[], f: Frame, out: Pipe): Promise<void> {
    f.traps = (f.traps ?? 0) + 1;
    // A trap also takes the errors of the commands the list calls: inside them errors propagate as under try.
    const tryDepth = ++this.rt.tryDepth;
    try {
      for (const st of statements) {
        if (st.kind === 'Trap') continue;
        if (this.rt.breakpoints.length) await statementBreakpoints(this, st, f);
        const before = this.rt.errorCount;
        try {
          const r = this.runStatement(st, f, out);
          if (isPromise(r)) await r;
        } catch (e) {
          if (!(await this.trapError(e, st, traps, f, out, tryDepth))) await this.handleStatementError(e, st, f);
        }
        this.rt.lastSuccess = this.rt.errorCount === before;
      }
    } finally {
      f.traps--;
      this.rt.tryDepth--;
    }
  }

  /**
   * Runs the trap that matches a statement's error. False: no trap takes it (control flow, an
   * error inside a try of this list, no matching type); true: go on with the next statement.
   */
  async trapError(e: unknown, st: A.StatementAst, traps: A.TrapAst[], f: Frame, out: Pipe, tryDepth = this.rt.tryDepth): Promise<boolean> {
    if (isControlFlow(e) || this.rt.tryDepth > tryDepth) return false;
    if (e instanceof CommandTerminatingError) {
      for (let s: Scope | null = f.scope; s; s = s.parent) if (s === e.scope) return false;
    }
    const record = this.toRecord(e, st, f);
    const found = findHandler(record, traps.map((t) => (t.type ? [t.type] : [])), wrapperException(e));
    if (!found) return false;
    const trap = traps[found.index]!;
    this.noteError(record, f);
    this.rt.errorCount++;
    // The trap body runs in a scope of its own, with $_ the error.
    const scope = new Scope(f.scope, 'function');
    scope.hasUnder = true;
    scope.under = found.record;
    this.rt.handling.push(record);
    // The trap body is a frame of the call stack: the function it is in, at the failed statement.
    const stack = this.rt.callStack;
    const within = stack[stack.length - 1];
    const trapFrame: ActiveCall = {
      functionName: within?.functionName ?? '<ScriptBlock>',
      scope,
      callSite: () => ({ source: f.source, span: st.span }),
      invocation: () => within?.invocation() ?? null,
    };
    stack.push(trapFrame);
    try {
      await this.runBlock(trap.body, { ...f, scope, traps: 0 }, out);
    } catch (signal) {
      if (signal instanceof ContinueSignal) return true;
      if (signal instanceof BreakSignal) throw e instanceof TerminatingError ? e : new TerminatingError(record);
      throw signal;
    } finally {
      this.rt.handling.pop();
      leaveCall(stack, trapFrame);
    }
    await f.streams.error(record);
    return true;
  }

  /**
   * A statement failed. Control-flow signals and script-terminating errors go on unwinding;
   * inside a try (anywhere up the call chain) or with $ErrorActionPreference = Stop the error
   * propagates; otherwise it is reported and the next statement runs.
   */
  handleStatementError(e: unknown, st: A.StatementAst | A.PipelineAst, f: Frame): MaybePromise<void> {
    // Still inside the function that called ThrowTerminatingError: unwind to its caller.
    if (e instanceof CommandTerminatingError) {
      for (let s: Scope | null = f.scope; s; s = s.parent) if (s === e.scope) throw e;
    }
    if (isControlFlow(e)) throw e;
    const record = this.toRecord(e, st, f);
    if (e instanceof TerminatingError && e.haltsScript) throw e;
    const handled = this.rt.tryDepth > 0 || !!f.traps;
    const preference = this.rt.preference(f.scope, 'ErrorActionPreference', 'Continue').toLowerCase();
    if (e instanceof ScriptTerminatingError) {
      // `throw` ends the script, except where the error action says to go on quietly (5.1 keeps it in $Error only).
      if (handled || (preference !== 'silentlycontinue' && preference !== 'ignore')) throw e;
      this.noteError(record, f);
      this.rt.errorCount++;
      return;
    }
    // Inside a try, under a trap of this function, with $ErrorActionPreference = Stop in this
    // scope, or stopped by -ErrorAction Stop (an ActionPreferenceStopException), the error
    // propagates to the enclosing statement (where the same rule applies again).
    if (handled || preference === 'stop' || (e instanceof TerminatingError && e.preferenceStop)) {
      const t = e instanceof TerminatingError ? e : new TerminatingError(record);
      if (!handled && preference === 'stop' && !t.preferenceStop) t.escalated = true;
      throw t;
    }
    // Quiet error actions keep the error in $Error only (5.1 does so for Ignore too here).
    if (preference === 'silentlycontinue' || preference === 'ignore') {
      this.noteError(record, f);
      this.rt.errorCount++;
      return;
    }
    return this.reportError(record, f);
  }

  /** Records a terminating error in $Error and sends it to the frame's error stream. */
  reportError(record: ErrorRecord, f: Frame): MaybePromise<void> {
    this.noteError(record, f);
    this.rt.errorCount++;
    return f.streams.error(record);
  }

  /**
   * A statement's error goes to $Error and to the -ErrorVariable lists the statement's output
   * reaches, even when a catch or trap takes it (5.1's SetErrorVariables).
   */
  private noteError(record: ErrorRecord, f: Frame): void {
    this.rt.recordError(record);
    appendErrorVariables(f.streams, record);
  }

  /** Any thrown value as an ErrorRecord with a position (internal JS errors become records). */
  toRecord(e: unknown, at: { span: A.Span }, f: Frame): ErrorRecord {
    const record = e instanceof TerminatingError ? e.record : jsErrorRecord(e, { source: f.source, span: at.span });
    if (!record.invocation) record.invocation = { source: f.source, span: at.span };
    return record;
  }

  runStatement(st: A.StatementAst, f: Frame, out: Pipe): MaybePromise<void> {
    switch (st.kind) {
      case 'Pipeline':
        return this.runPipeline(st, f, out);
      case 'Assignment': {
        const r = this.runAssignment(st, f);
        return isPromise(r) ? r.then(() => undefined) : undefined;
      }
      case 'If':
        return this.runIf(st, f, out);
      case 'Foreach':
        return this.runForeach(st, f, out);
      case 'For':
        return this.runFor(st, f, out);
      case 'While':
        return this.runWhile(st, f, out);
      case 'DoLoop':
        return this.runDo(st, f, out);
      case 'Switch':
        return this.runSwitch(st, f, out);
      case 'Try':
        return this.runTry(st, f, out);
      case 'FunctionDefinition':
        this.defineFunction(st, f);
        return;
      case 'TypeDefinition':
        return this.defineType(st, f);
      case 'DataSection':
        return this.runDataSection(st, f, out);
      case 'Return':
        return this.runReturn(st, f, out);
      case 'Break':
        throw new BreakSignal(st.label);
      case 'Continue':
        throw new ContinueSignal(st.label);
      case 'Throw':
        return this.runThrow(st, f);
      case 'Exit':
        return this.runExit(st, f);
    }
  }

  runPipeline(p: A.PipelineAst, f: Frame, out: Pipe): MaybePromise<void> {
    const el = p.elements[0];
    if (p.elements.length === 1 && el && el.kind === 'CommandExpression' && el.redirections.length === 0) {
      const e = el.expression;
      // `$i++` as a statement writes nothing.
      if (e.kind === 'Increment') {
        if (this.isPure(e)) {
          this.evalSync(e, f);
          return;
        }
        return this.evalExpr(e, f).then(() => undefined);
      }
      if (this.isPure(e)) return writeValue(out, this.evalSync(e, f));
      return this.evalExpr(e, f).then((v) => writeValue(out, v));
    }
    return this.pipelines.run(this, p, f, out);
  }

  /** The value of a pipeline used as an expression (conditions, assignments, `( )`). */
  pipelineValue(p: A.PipelineAst | A.AssignmentAst, f: Frame): MaybePromise<unknown> {
    if (p.kind === 'Assignment') return this.runAssignment(p, f);
    const el = p.elements[0];
    if (p.elements.length === 1 && el && el.kind === 'CommandExpression' && el.redirections.length === 0) {
      return this.isPure(el.expression) ? this.evalSync(el.expression, f) : this.evalExpr(el.expression, f);
    }
    const collect = new CollectPipe();
    return this.pipelines.run(this, p, f, collect).then(() => collapse(collect.items));
  }

  /** The value of any statement used as a value (`$x = foreach (...) {...}`). */
  statementValue(s: A.StatementAst, f: Frame): MaybePromise<unknown> {
    if (s.kind === 'Pipeline' || s.kind === 'Assignment') return this.pipelineValue(s, f);
    const collect = new CollectPipe();
    let r;
    try {
      r = this.runStatement(s, f, collect);
    } catch (e) {
      keepPendingOutput(e, collect.items);
    }
    const done = () => collapse(collect.items);
    return isPromise(r) ? r.then(done, (e: unknown) => keepPendingOutput(e, collect.items)) : done();
  }

  private async runIf(st: A.IfAst, f: Frame, out: Pipe): Promise<void> {
    for (const clause of st.clauses) {
      let c = this.pipelineValue(clause.condition, f);
      if (isPromise(c)) c = await c;
      if (isTruthy(c)) return this.runBlock(clause.body, f, out);
    }
    if (st.else) await this.runBlock(st.else, f, out);
  }

  private async runForeach(st: A.ForeachAst, f: Frame, out: Pipe): Promise<void> {
    let count: number;
    let at: (i: number) => unknown;
    const range = rangeOperands(st.collection);
    if (range) {
      // `foreach ($i in 1..1e9)` counts without building the array (as PowerShell does).
      const a = convertTo((await this.evalExpr(range.left, f)) ?? null, 'System.Int32') as number;
      const b = convertTo((await this.evalExpr(range.right, f)) ?? null, 'System.Int32') as number;
      const step = a <= b ? 1 : -1;
      count = Math.abs(b - a) + 1;
      at = (i) => a + step * i;
    } else {
      let coll = this.pipelineValue(st.collection, f);
      if (isPromise(coll)) coll = await coll;
      const items = iterationItems(coll);
      count = items.length;
      at = (i) => items[i];
    }
    for (let i = 0; i < count; i++) {
      const t = this.rt.tick();
      if (t) await t;
      this.setVariable(st.variable, at(i), f);
      try {
        await this.runBlock(st.body, f, out);
      } catch (e) {
        if (e instanceof BreakSignal && labelMatches(e.label, st.label)) break;
        if (e instanceof ContinueSignal && labelMatches(e.label, st.label)) continue;
        throw e;
      }
    }
  }

  private async runFor(st: A.ForAst, f: Frame, out: Pipe): Promise<void> {
    if (st.init) await this.pipelineValue(st.init, f);
    for (;;) {
      const t = this.rt.tick();
      if (t) await t;
      if (st.condition && !isTruthy(await this.pipelineValue(st.condition, f))) break;
      try {
        await this.runBlock(st.body, f, out);
      } catch (e) {
        if (e instanceof BreakSignal && labelMatches(e.label, st.label)) break;
        if (!(e instanceof ContinueSignal && labelMatches(e.label, st.label))) throw e;
      }
      if (st.iterator) await this.pipelineValue(st.iterator, f);
    }
  }

  private async runWhile(st: A.WhileAst, f: Frame, out: Pipe): Promise<void> {
    for (;;) {
      const t = this.rt.tick();
      if (t) await t;
      if (!isTruthy(await this.conditionValue(st.condition, f))) break;
      try {
        await this.runBlock(st.body, f, out);
      } catch (e) {
        if (e instanceof BreakSignal && labelMatches(e.label, st.label)) break;
        if (!(e instanceof ContinueSignal && labelMatches(e.label, st.label))) throw e;
      }
    }
  }

  private async runDo(st: A.DoLoopAst, f: Frame, out: Pipe): Promise<void> {
    for (;;) {
      const t = this.rt.tick();
      if (t) await t;
      try {
        await this.runBlock(st.body, f, out);
      } catch (e) {
        if (e instanceof BreakSignal && labelMatches(e.label, st.label)) break;
        if (!(e instanceof ContinueSignal && labelMatches(e.label, st.label))) throw e;
      }
      const c = isTruthy(await this.conditionValue(st.condition, f));
      if (st.until ? c : !c) break;
    }
  }

  /** A loop's condition; an error it raises points at the condition, not at the loop's first line. */
  private async conditionValue(condition: A.DoLoopAst['condition'], f: Frame): Promise<unknown> {
    try {
      return await this.pipelineValue(condition, f);
    } catch (e) {
      if (e instanceof TerminatingError && !e.record.invocation) e.record.invocation = { source: f.source, span: condition.span };
      throw e;
    }
  }

  private async runSwitch(st: A.SwitchAst, f: Frame, out: Pipe): Promise<void> {
    const subject = await this.pipelineValue(st.subject, f);
    if (subject === undefined) return;
    const items = Array.isArray(subject) ? subject : [subject];
    const scope = f.scope;
    const saved = { has: scope.hasUnder, under: scope.under };
    try {
      outer: for (const item of items) {
        const t = this.rt.tick();
        if (t) await t;
        scope.hasUnder = true;
        scope.under = item;
        let matched = false;
        try {
          for (const clause of st.clauses) {
            if (await this.switchMatches(clause.condition, item, st.flags, f)) {
              matched = true;
              await this.runBlock(clause.body, f, out);
            }
          }
          if (!matched && st.default) await this.runBlock(st.default, f, out);
        } catch (e) {
          if (e instanceof BreakSignal && labelMatches(e.label, st.label)) break outer;
          if (e instanceof ContinueSignal && labelMatches(e.label, st.label)) continue outer;
          throw e;
        }
      }
    } finally {
      scope.hasUnder = saved.has;
      scope.under = saved.under;
    }
  }

  private async switchMatches(cond: A.ExpressionAst, item: unknown, flags: A.SwitchAst['flags'], f: Frame): Promise<boolean> {
    if (cond.kind === 'ScriptBlockExpression') {
      const out = await this.pipelines.invoke(this, new ScriptBlockValue(cond.block, cond.text), f, { dollarUnder: item }, true);
      return isTruthy(collapse(out));
    }
    const cv = await this.evalExpr(cond, f);
    const cs = flags.caseSensitive === true;
    if (flags.regex) {
      return isTruthy(binaryOperation(cs ? '-cmatch' : '-match', toDisplayText(item), cv, (m) => this.setMatches(f, m)));
    }
    if (flags.wildcard) return matchesWildcard(toDisplayText(item), toDisplayText(cv), { caseSensitive: cs });
    if (typeof item === 'string' || typeof cv === 'string') return valuesEqual(toDisplayText(item), toDisplayText(cv), cs);
    return valuesEqual(item, cv, cs);
  }

  private async runTry(st: A.TryAst, f: Frame, out: Pipe): Promise<void> {
    try {
      this.rt.tryDepth++;
      try {
        await this.runBlock(st.body, f, out);
      } finally {
        this.rt.tryDepth--;
      }
    } catch (e) {
      if (isControlFlow(e)) throw e;
      const record = this.toRecord(e, st, f);
      const found = findHandler(record, st.catches.map((c) => c.types), wrapperException(e));
      if (!found) throw e instanceof TerminatingError ? e : new TerminatingError(record);
      const clause = st.catches[found.index]!;
      this.noteError(record, f);
      const scope = f.scope;
      const saved = { has: scope.hasUnder, under: scope.under };
      scope.hasUnder = true;
      scope.under = found.record;
      // A bare `throw` in the catch block rethrows this error.
      this.rt.handling.push(record);
      try {
        await this.runBlock(clause.body, f, out);
      } finally {
        this.rt.handling.pop();
        scope.hasUnder = saved.has;
        scope.under = saved.under;
      }
    } finally {
      if (st.finally) await this.runBlock(st.finally, f, out);
    }
  }

  private defineFunction(st: A.FunctionDefinitionAst, f: Frame): void {
    let body = st.body;
    if (st.parameters && st.parameters.length > 0 && !body.params) {
      // `function f($a, $b) {}` is the same as a param() block.
      body = { ...body, params: { kind: 'ParamBlock', span: st.span, parameters: st.parameters } };
    }
    blockSources.set(body, f.source);
    // `function global:Name` / `function script:Name` pick the scope that holds the function.
    const m = /^(global|script|local|private):(.+)$/i.exec(st.name);
    const target = !m ? f.scope : m[1]!.toLowerCase() === 'global' ? this.rt.global : m[1]!.toLowerCase() === 'script' ? f.scope.script : f.scope;
    target.defineFunction({
      name: m ? m[2]! : st.name,
      isFilter: st.isFilter,
      body,
      source: f.source,
      text: f.source.text.slice(st.body.span.start, st.body.span.end),
      definition: st.span,
    });
  }

  private async runReturn(st: A.ReturnAst, f: Frame, out: Pipe): Promise<void> {
    // In a class method `return` gives the method's value as is (not unrolled); nothing else is output.
    const slot = this.classes.returnSlot(f.scope);
    if (slot) {
      if (st.value) slot.value = await this.pipelineValue(st.value, f);
      throw new ReturnSignal();
    }
    if (st.value) {
      if (st.value.kind === 'Pipeline') await this.runPipeline(st.value, f, out);
      else await writeValue(out, await this.runAssignment(st.value, f));
    }
    throw new ReturnSignal();
  }

  private async runThrow(st: A.ThrowAst, f: Frame): Promise<never> {
    // A bare `throw` in a catch block or trap rethrows the error being handled, the same record.
    const handling = this.rt.handling[this.rt.handling.length - 1];
    if (!st.value && handling) throw new ScriptTerminatingError(handling);
    const value = st.value ? await this.pipelineValue(st.value, f) : null;
    if (value instanceof ErrorRecord) {
      value.fromThrow = true;
      throw new ScriptTerminatingError(value);
    }
    const exception = exceptionInfoOf(value);
    if (exception) throw new ScriptTerminatingError(thrownException(value as PSObject, exception, { source: f.source, span: st.span }));
    throw new ScriptTerminatingError(thrownRecord(value, { source: f.source, span: st.span }));
  }

  private async runExit(st: A.ExitAst, f: Frame): Promise<never> {
    const value = st.value ? await this.pipelineValue(st.value, f) : 0;
    // The exit code is an Int32, converted as PowerShell converts (3.5 → 4, 'abc' and 1e10 fail).
    const code = value === null || value === undefined ? 0 : (convertTo(value, 'System.Int32') as number);
    this.rt.global.setOwn('LASTEXITCODE', code);
    throw new ExitSignal(code);
  }

  // -------------------------------------------------------------------------------------------
  // Assignment

  runAssignment(a: A.AssignmentAst, f: Frame): MaybePromise<unknown> {
    if (this.isPureStatement(a)) return this.assignSync(a, f);
    return this.assignAsync(a, f);
  }

  private assignSync(a: A.AssignmentAst, f: Frame): unknown {
    const v = a.value;
    const value = v.kind === 'Assignment' ? this.assignSync(v, f) : this.pipelineValue(v as A.PipelineAst, f);
    return this.assignTo(a.target, a.operator, value, f, (e) => this.evalSync(e, f));
  }

  private async assignAsync(a: A.AssignmentAst, f: Frame): Promise<unknown> {
    const value = await this.statementValue(a.value, f);
    const t = a.target;
    // Evaluate the parts of a member/index target first (they may run commands), then assign.
    if (t.kind === 'Member' || t.kind === 'Index') {
      const target = await this.evalExpr(t.target, f);
      const key = t.kind === 'Member' ? await this.memberName(t.member, f) : await this.evalExpr(t.index, f);
      return this.assignResolved(t, target, key, a.operator, value);
    }
    return this.assignTo(t, a.operator, value, f, (e) => this.evalSync(e, f));
  }

  private assignTo(
    t: A.ExpressionAst,
    op: A.AssignmentAst['operator'],
    value: unknown,
    f: Frame,
    ev: (e: A.ExpressionAst) => unknown,
  ): unknown {
    if (value === undefined) value = null;
    switch (t.kind) {
      case 'Variable': {
        if (op !== '=') value = this.arith(COMPOUND[op]!, this.getVariable(t, f), value);
        this.setVariable(t, value, f);
        return value;
      }
      case 'Convert': {
        // `[int]$x = '5'`: convert, and keep the type on the variable for later assignments.
        const typeName = this.resolveType(t.type);
        if (t.operand.kind !== 'Variable') return this.assignTo(t.operand, op, value, f, ev);
        if (op !== '=') value = this.arith(COMPOUND[op]!, this.getVariable(t.operand, f), value);
        value = this.convertValue(typeName, value);
        const variable = this.setVariable(t.operand, value, f);
        if (variable) variable.typeConstraint = typeName;
        return value;
      }
      case 'Member': {
        if (t.static) {
          const typeName = this.staticTypeName(t.target, () => ev(t.target));
          const name = t.member.kind === 'StringConstant' ? t.member.value : toDisplayText(ev(t.member));
          if (typeName === undefined) return this.assignResolved(t, null, name, op, value);
          const cls = this.classes.find(typeName);
          if (cls) {
            // `[X]::Count = 5`: a static property of a PowerShell class.
            if (op !== '=') value = this.arith(COMPOUND[op]!, this.classes.getStatic(cls, name), value);
            if (!this.classes.setStatic(cls, name, value)) throw new TerminatingError(new ErrorRecord({ message: `'${name}' is a ReadOnly property.`, errorId: 'PropertyAssignmentException', category: 'InvalidOperation', exceptionType: 'RuntimeException' }));
            return value;
          }
          if (op !== '=') value = this.arith(COMPOUND[op]!, getStaticMember(typeName, name, this.staticEnv), value);
          setStaticMember(typeName, name, value, this.staticEnv);
          return value;
        }
        const target = ev(t.target);
        const name = t.member.kind === 'StringConstant' ? t.member.value : toDisplayText(ev(t.member));
        return this.assignResolved(t, target, name, op, value);
      }
      case 'Index':
        return this.assignResolved(t, ev(t.target), ev(t.index), op, value);
      case 'ArrayLiteral': {
        // `$a, $b = 1, 2, 3`: the last variable takes the rest.
        const values = Array.isArray(value) ? value : [value];
        t.elements.forEach((el, i) => {
          const last = i === t.elements.length - 1;
          const v = last ? (values.length - i > 1 ? values.slice(i) : values[i] ?? null) : values[i] ?? null;
          this.assignTo(el, '=', v, f, ev);
        });
        return value;
      }
      default:
        throw new TerminatingError(
          new ErrorRecord({
            message: 'The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.',
            errorId: 'InvalidLeftHandSide',
            category: 'ParserError',
            exceptionType: 'ParseException',
            invocation: { source: f.source, span: t.span },
          }),
        );
    }
  }

  private assignResolved(t: A.MemberAst | A.IndexAst, target: unknown, key: unknown, op: A.AssignmentAst['operator'], value: unknown): unknown {
    if (value === undefined) value = null;
    if (t.kind === 'Member') {
      const name = toDisplayText(key);
      if (op !== '=') value = this.arith(COMPOUND[op]!, getMember(target, name), value);
      setMember(target, name, value);
      return value;
    }
    if (op !== '=') value = this.arith(COMPOUND[op]!, this.indexValue(target, key), value);
    this.setIndex(target, key, value);
    return value;
  }

  private setIndex(target: unknown, key: unknown, value: unknown): void {
    if (target === null || target === undefined) throw new TerminatingError(nullArray());
    if (target instanceof PSHashtable) {
      target.set(key, value);
      return;
    }
    if (Array.isArray(target) || target instanceof Uint8Array) {
      let i = Math.trunc(toNumber(key));
      if (i < 0) i += target.length;
      if (i < 0 || i >= target.length) throw new TerminatingError(indexOutOfRange());
      if (target instanceof Uint8Array) target[i] = Number(convertTo(value, 'System.Byte'));
      else {
        // `[int[]]` & co convert what is stored in them.
        const el = arrayElementType(target);
        target[i] = el ? convertTo(value, el) : value;
      }
      return;
    }
    setMember(target, toDisplayText(key), value);
  }

  // -------------------------------------------------------------------------------------------
  // Variables

  /**
   * A script block whose statements are all expressions (no commands) as a synchronous function,
   * for ScriptProperty / ScriptMethod members (`$this`, `$args`); undefined for any other block.
   */
  syncMember(sb: ScriptBlockValue, f: Frame): ((self: unknown, args: unknown[]) => unknown) | undefined {
    const block = sb.ast as A.ScriptBlockAst;
    const body = block.end;
    if (block.params || block.begin || block.process || !body || !body.statements.every((st) => this.isPureStatement(st))) return undefined;
    const source = blockSources.get(block) ?? f.source;
    return (self, args) => {
      const scope = new Scope(f.scope, 'function');
      scope.setOwn('this', self);
      scope.setOwn('args', args);
      return collapse(this.collectSync(body, { scope, source, streams: f.streams }));
    };
  }

  /** `inString`: a variable inside an expandable string, which strict mode 1 lets be unset. */
  getVariable(v: A.VariableAst, f: Frame, inString = false): unknown {
    const name = v.name;
    if (this.rt.breakpoints.length) variableBreakpoints(this, name, 'Read', f);
    if (v.scope) {
      switch (v.scope.toLowerCase()) {
        case 'env':
          return this.rt.getEnv(name);
        case 'global':
          return this.readSpecial(name.toLowerCase(), f, this.rt.global, inString, name);
        case 'script':
          return this.readSpecial(name.toLowerCase(), f, f.scope.script, inString, name);
        case 'local':
        case 'private':
          return f.scope.local.getOwn(name.toLowerCase())?.value ?? this.unsetVariable(name, f, inString);
        case 'function': {
          const fn = f.scope.lookupFunction(name.toLowerCase());
          return fn ? new ScriptBlockValue(fn.body, fn.text) : null;
        }
        default:
          break;
      }
    }
    return this.readSpecial(name.toLowerCase(), f, f.scope, inString, name);
  }

  private readSpecial(key: string, f: Frame, scope: Scope, inString = false, name = key): unknown {
    switch (key) {
      case '_':
      case 'psitem':
        return scope.lookupUnder().value;
      case '?':
        return this.rt.lastSuccess;
      case 'error':
        return this.rt.errors;
      case 'pwd':
        return this.pathInfo();
      case 'true':
        return true;
      case 'false':
        return false;
      case 'null':
        return null;
      default: {
        const v = scope.lookup(key);
        return v === undefined ? this.unsetVariable(name, f, inString) : v.value;
      }
    }
  }

  /**
   * A variable that was never set: $null, or under Set-StrictMode (1: outside strings; 2 and up:
   * everywhere) the VariableIsUndefined error. Automatic variables PowerShell always defines
   * but emsh makes only where they matter are exempt.
   */
  private unsetVariable(name: string, f: Frame, inString: boolean): null {
    const level = f.scope.strictVersion();
    if (level === 0 || (inString && level < 2) || ALWAYS_DEFINED.has(name.toLowerCase())) return null;
    throw new TerminatingError(
      new ErrorRecord({
        message: `The variable '$${name}' cannot be retrieved because it has not been set.`,
        errorId: 'VariableIsUndefined',
        category: 'InvalidOperation',
        exceptionType: 'RuntimeException',
        targetObject: name,
        targetName: name,
        targetType: 'String',
      }),
    );
  }

  /** `$x.Name` under Set-StrictMode 2 and up: a property that does not exist is an error (not on a hashtable). */
  private strictMember(target: unknown, name: string, value: unknown, f: Frame): unknown {
    if (value !== null || target instanceof PSHashtable || f.scope.strictVersion() < 2 || hasMember(target, name)) return value;
    throw new TerminatingError(
      new ErrorRecord({
        message: `The property '${name}' cannot be found on this object. Verify that the property exists.`,
        errorId: 'PropertyNotFoundStrict',
        category: 'NotSpecified',
        exceptionType: 'PropertyNotFoundException',
      }),
    );
  }

  pathInfo(): PSObject {
    const loc = this.rt.location;
    const o = new PSObject(['System.Management.Automation.PathInfo', 'System.Object']);
    o.addProperty({ name: 'Drive', memberType: 'Property', get: () => loc.slice(0, 1) });
    o.addProperty({ name: 'Provider', memberType: 'Property', get: () => 'Microsoft.PowerShell.Core\\FileSystem' });
    o.addProperty({ name: 'ProviderPath', memberType: 'Property', typeName: 'System.String', get: () => loc });
    o.addProperty({ name: 'Path', memberType: 'Property', typeName: 'System.String', get: () => loc });
    o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => loc });
    return o;
  }

  /** Assigns a variable; returns the Variable (undefined for $null and $env:). */
  setVariable(v: A.VariableAst, value: unknown, f: Frame): Variable | undefined {
    if (value === undefined) value = null;
    const name = v.name;
    if (this.rt.breakpoints.length) variableBreakpoints(this, name, 'Write', f);
    const key = name.toLowerCase();
    let scope: Scope = f.scope.local;
    if (v.scope) {
      switch (v.scope.toLowerCase()) {
        case 'env':
          this.rt.setEnv(name, value);
          return undefined;
        case 'global':
          scope = this.rt.global;
          break;
        case 'script':
          scope = f.scope.script;
          break;
        default:
          break;
      }
    }
    if (key === 'null') return undefined;
    if (key === '_' || key === 'psitem') {
      f.scope.hasUnder = true;
      f.scope.under = value;
      return undefined;
    }
    const g = this.rt.global.getOwn(key);
    if (g?.constant || g?.readOnly || key === 'true' || key === 'false' || key === '?') {
      throw new TerminatingError(variableNotWritable(name));
    }
    let existing = scope.getOwn(key);
    // An AllScope variable (New-Variable -Option AllScope) is every child scope's own.
    if (!existing && !v.scope) {
      const up = f.scope.lookup(key);
      if (up?.allScope) existing = up;
    }
    if (existing) {
      if (existing.readOnly || existing.constant) throw new TerminatingError(variableNotWritable(name));
      if (existing.typeConstraint) value = this.convertValue(existing.typeConstraint, value);
      existing.value = value;
      return existing;
    }
    return scope.setOwn(name, value, key);
  }

  setMatches(f: Frame, m: PSHashtable): void {
    f.scope.local.setOwn('Matches', m, 'matches');
  }

  // -------------------------------------------------------------------------------------------
  // Expressions: the synchronous evaluator (no commands inside)

  evalSync(e: A.ExpressionAst, f: Frame): unknown {
    switch (e.kind) {
      case 'Constant':
        return e.exact === undefined ? e.value : literalNumber(e);
      case 'StringConstant':
        return e.value;
      case 'Variable':
        return this.getVariable(e, f);
      case 'ExpandableString': {
        let s = '';
        for (const p of e.parts) s += typeof p === 'string' ? p : this.stringify(p.kind === 'Variable' ? this.getVariable(p, f, true) : this.evalSync(p, f), f);
        return s;
      }
      case 'Binary': {
        const l = this.evalSync(e.left, f);
        if (e.operator === '-and') return isTruthy(l) ? isTruthy(this.evalSync(e.right, f)) : false;
        if (e.operator === '-or') return isTruthy(l) ? true : isTruthy(this.evalSync(e.right, f));
        return this.binary(e, l, this.evalSync(e.right, f), f);
      }
      case 'Unary':
        return this.unary(e, this.evalSync(e.operand, f));
      case 'Increment':
        return this.increment(e, f);
      case 'Convert':
        return this.convert(e, this.evalSync(e.operand, f), f);
      case 'TypeExpression':
        return new PSTypeValue(this.resolveType(e.type));
      case 'Member': {
        if (e.static) return this.staticMember(e, this.memberNameSync(e.member, f), () => this.evalSync(e.target, f));
        const target = this.evalSync(e.target, f);
        const name = this.memberNameSync(e.member, f);
        return this.strictMember(target, name, memberAccess(target, name), f);
      }
      case 'InvokeMember': {
        const name = this.memberNameSync(e.member, f);
        const args = e.arguments.map((a) => this.evalSync(a, f));
        if (e.static) return this.staticInvoke(e, name, args, () => this.evalSync(e.target, f));
        return this.invokeMember(this.evalSync(e.target, f), name, args);
      }
      case 'Index':
        return this.strictIndex(this.evalSync(e.target, f), this.evalSync(e.index, f), f);
      case 'ArrayLiteral':
        return e.elements.map((x) => this.evalSync(x, f));
      case 'ArrayExpression':
        return this.collectSync(e.statements, f);
      case 'SubExpression':
        return collapse(this.collectSync(e.statements, f));
      case 'Paren':
        return this.pipelineValueSync(e.pipeline, f);
      case 'Hashtable': {
        const h = new PSHashtable();
        for (const en of e.entries) {
          const key = this.evalSync(en.key, f);
          if (h.has(key)) throw new TerminatingError(duplicateKey(toDisplayText(key)));
          const v = this.pipelineValueSync(en.value as A.PipelineAst, f);
          h.set(key, v === undefined ? null : v);
        }
        return h;
      }
      case 'ScriptBlockExpression':
        blockSources.set(e.block, f.source);
        return new ScriptBlockValue(e.block, e.text);
    }
  }

  private pipelineValueSync(p: A.StatementAst, f: Frame): unknown {
    if (p.kind === 'Assignment') return this.assignSync(p, f);
    const el = (p as A.PipelineAst).elements[0] as A.CommandExpressionAst;
    return this.evalSync(el.expression, f);
  }

  private collectSync(list: A.StatementListAst, f: Frame): unknown[] {
    const items: unknown[] = [];
    for (const st of list.statements) {
      let v: unknown;
      let e: A.ExpressionAst | undefined;
      try {
        if (st.kind === 'Assignment') {
          this.assignSync(st, f);
          continue;
        }
        e = ((st as A.PipelineAst).elements[0] as A.CommandExpressionAst).expression;
        v = this.evalSync(e, f);
      } catch (err) {
        // As runBlock does for `$(...)` / `@(...)`: an error ends this statement, not the
        // expression around it. Reporting is synchronous unless `2>&1` feeds an async pipe.
        const reported = this.handleStatementError(err, st, f);
        if (isPromise(reported)) reported.then(undefined, () => {});
        continue;
      }
      if (e.kind === 'Increment' || v === undefined) continue;
      if (Array.isArray(v)) for (const x of v) items.push(x);
      else items.push(v);
    }
    return items;
  }

  // -------------------------------------------------------------------------------------------
  // Expressions: the async evaluator (commands inside); shares the operations with evalSync

  async evalExpr(e: A.ExpressionAst, f: Frame): Promise<unknown> {
    if (this.isPure(e)) return this.evalSync(e, f);
    switch (e.kind) {
      case 'ExpandableString': {
        let s = '';
        for (const p of e.parts) s += typeof p === 'string' ? p : this.stringify(p.kind === 'Variable' ? this.getVariable(p, f, true) : await this.evalExpr(p, f), f);
        return s;
      }
      case 'Binary': {
        const l = await this.evalExpr(e.left, f);
        if (e.operator === '-and') return isTruthy(l) ? isTruthy(await this.evalExpr(e.right, f)) : false;
        if (e.operator === '-or') return isTruthy(l) ? true : isTruthy(await this.evalExpr(e.right, f));
        const r = await this.evalExpr(e.right, f);
        const predicate = e.operator === '-split' || e.operator === '-csplit' ? splitPredicateArguments(r) : undefined;
        if (predicate) {
          const block = predicate.block as ScriptBlockValue;
          return splitByPredicate(l, predicate.max, async (ch, text, index) => isTruthy(collapse(await this.pipelines.invoke(this, block, f, { dollarUnder: ch, args: [text, index] }, false))));
        }
        return this.binary(e, l, r, f);
      }
      case 'Unary':
        return this.unary(e, await this.evalExpr(e.operand, f));
      case 'Convert':
        return this.convert(e, await this.evalExpr(e.operand, f), f);
      case 'Member': {
        const name = await this.memberName(e.member, f);
        if (e.static) {
          const held = e.target.kind === 'TypeExpression' ? undefined : await this.evalExpr(e.target, f);
          return this.staticMember(e, name, () => held);
        }
        const target = await this.evalExpr(e.target, f);
        return this.strictMember(target, name, memberAccess(target, name), f);
      }
      case 'InvokeMember': {
        const target = e.static && e.target.kind === 'TypeExpression' ? undefined : await this.evalExpr(e.target, f);
        const name = await this.memberName(e.member, f);
        const args: unknown[] = [];
        for (const a of e.arguments) args.push(await this.evalExpr(a, f));
        if (e.static) return this.staticInvoke(e, name, args, () => target);
        return this.invokeMemberAsync(target, name, args, f);
      }
      case 'Index': {
        const target = await this.evalExpr(e.target, f);
        return this.strictIndex(target, await this.evalExpr(e.index, f), f);
      }
      case 'ArrayLiteral': {
        const items: unknown[] = [];
        for (const x of e.elements) items.push(await this.evalExpr(x, f));
        return items;
      }
      case 'ArrayExpression':
      case 'SubExpression': {
        const c = new CollectPipe();
        try {
          await this.runBlock(e.statements, f, c);
        } catch (err) {
          keepPendingOutput(err, c.items);
        }
        return e.kind === 'SubExpression' ? collapse(c.items) : c.items;
      }
      case 'Paren':
        return this.pipelineValue(e.pipeline, f);
      case 'Hashtable': {
        const h = new PSHashtable();
        for (const en of e.entries) {
          const key = await this.evalExpr(en.key, f);
          if (h.has(key)) throw new TerminatingError(duplicateKey(toDisplayText(key)));
          const v = await this.statementValue(en.value, f);
          h.set(key, v === undefined ? null : v);
        }
        return h;
      }
      case 'Increment': {
        // Only reachable with a command inside the operand's index/target: evaluate it first.
        const o = e.operand;
        if (o.kind === 'Index') {
          const target = await this.evalExpr(o.target, f);
          const key = await this.evalExpr(o.index, f);
          const old = this.indexValue(target, key);
          const next = addNumber(old, e.operator === '++' ? 1 : -1);
          this.setIndex(target, key, next);
          return e.prefix ? next : old;
        }
        if (o.kind === 'Member') {
          const target = await this.evalExpr(o.target, f);
          const name = await this.memberName(o.member, f);
          const old = getMember(target, name);
          const next = addNumber(old, e.operator === '++' ? 1 : -1);
          setMember(target, name, next);
          return e.prefix ? next : old;
        }
        return this.increment(e, f);
      }
      default:
        return this.evalSync(e, f);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Operations shared by both evaluators

  /** String context: arrays join with $OFS (a space by default). */
  stringify(v: unknown, f: Frame): string {
    if (Array.isArray(v)) {
      const ofs = f.scope.lookup('ofs')?.value;
      const sep = ofs === null || ofs === undefined ? ' ' : toDisplayText(ofs);
      return v.map(elementText).join(sep);
    }
    return toDisplayText(v);
  }

  private binary(e: A.BinaryAst, l: unknown, r: unknown, f: Frame): unknown {
    const op = e.operator;
    if (op === '-match' || op === '-cmatch' || op === '-notmatch' || op === '-cnotmatch') {
      return binaryOperation(op, l, r, (m) => this.setMatches(f, m));
    }
    return this.arith(op, l, r);
  }

  /** A binary operation, with the array-size limit checked before `@(1) * 1e9` allocates (and blocks). */
  private arith(op: A.BinaryOperator, l: unknown, r: unknown): unknown {
    if (op === '*' && (Array.isArray(l) || l instanceof Uint8Array)) {
      const times = Math.round(toNumber(r ?? 0));
      if (l.length * times > MAX_ARRAY_ELEMENTS) throw new TerminatingError(arrayTooBig());
      if (l.length * times > 100_000) ensureHeadroom(l.length * times * 8);
      return repeatList(l, times);
    }
    return binaryOperation(op, l, r);
  }

  private unary(e: A.UnaryAst, v: unknown): unknown {
    switch (e.operator) {
      case ',':
        return [v === undefined ? null : v];
      case '-not':
      case '!':
        return !isTruthy(v);
      default:
        return unaryOperation(e.operator, v);
    }
  }

  private increment(e: A.IncrementAst, f: Frame): unknown {
    const o = e.operand;
    const delta = e.operator === '++' ? 1 : -1;
    if (o.kind === 'Variable') {
      const old = this.getVariable(o, f);
      const next = addNumber(old, delta);
      this.setVariable(o, next, f);
      return e.prefix ? next : old;
    }
    if (o.kind === 'Member') {
      const target = this.evalSync(o.target, f);
      const name = this.memberNameSync(o.member, f);
      const old = getMember(target, name);
      const next = addNumber(old, delta);
      setMember(target, name, next);
      return e.prefix ? next : old;
    }
    if (o.kind === 'Index') {
      const target = this.evalSync(o.target, f);
      const key = this.evalSync(o.index, f);
      const old = this.indexValue(target, key);
      const next = addNumber(old, delta);
      this.setIndex(target, key, next);
      return e.prefix ? next : old;
    }
    const v = this.evalSync(o, f);
    return addNumber(v, delta);
  }

  resolveType(t: A.TypeNameAst): string {
    const full = resolveTypeName(t.name);
    if (!full) throw new TerminatingError(typeNotFound(t.name));
    return full;
  }

  private convertValue(typeName: string, value: unknown): unknown {
    try {
      return convertTo(value === undefined ? null : value, typeName);
    } catch (e) {
      if (!(e instanceof Error) || e instanceof TerminatingError || e instanceof PipelineStoppedError) throw e;
      // A constructor failing inside the conversion (`[regex]'('`).
      let inner = innerMessage(e);
      if (typeName === 'System.Text.RegularExpressions.Regex' && e instanceof SyntaxError) {
        inner = `parsing "${toDisplayText(value)}" - ${e.message.replace(/^Invalid regular expression: \/.*\/\w*: /s, '')}.`;
      }
      throw new TerminatingError(castConstructorFailed(value, typeName, inner));
    }
  }

  private convert(e: A.ConvertAst, v: unknown, f: Frame): unknown {
    const raw = e.type.name.toLowerCase();
    if ((raw === 'ref' || raw === 'system.management.automation.psreference') && e.operand.kind === 'Variable' && !(v instanceof PSReference)) {
      return this.variableReference(e.operand, f);
    }
    if (raw === 'void' || raw === 'system.void') return undefined;
    if (raw === 'ordered' || raw === 'system.collections.specialized.ordereddictionary') {
      if (v instanceof PSHashtable) {
        v.ordered = true;
        return v;
      }
    }
    if ((raw === 'pscustomobject' || raw === 'system.management.automation.pscustomobject') && v instanceof PSHashtable) {
      const o = new PSObject();
      for (const [k, val] of v.entries()) {
        // A PSTypeName key names the object's type instead of becoming a property.
        if (typeof k === 'string' && k.toLowerCase() === 'pstypename') o.typeNames.unshift(toDisplayText(val));
        else o.addNote(toDisplayText(k), val);
      }
      return o;
    }
    return this.convertValue(this.resolveType(e.type), v);
  }

  /** `[ref]$x`: the variable itself (found now, in whichever scope holds it), read and written through Value. */
  private variableReference(v: A.VariableAst, f: Frame): PSReference {
    const key = v.name.toLowerCase();
    const variable = v.scope || key === 'null' ? undefined : f.scope.lookup(key);
    if (variable) {
      return new PSReference(
        () => variable.value,
        (x) => {
          if (variable.readOnly || variable.constant) throw new TerminatingError(variableNotWritable(v.name));
          variable.value = variable.typeConstraint ? this.convertValue(variable.typeConstraint, x) : x;
        },
      );
    }
    if (key === 'null') return PSReference.of(null);
    return new PSReference(
      () => this.getVariable(v, f),
      (x) => void this.setVariable(v, x, f),
    );
  }

  private memberNameSync(m: A.ExpressionAst, f: Frame): string {
    return m.kind === 'StringConstant' ? m.value : toDisplayText(this.evalSync(m, f));
  }

  private async memberName(m: A.ExpressionAst, f: Frame): Promise<string> {
    return m.kind === 'StringConstant' ? m.value : toDisplayText(await this.evalExpr(m, f));
  }

  /**
   * The type left of `::`: a type literal, or the value of an expression. A value that is a type
   * names that type (`$t = [Math]; $t::Round(1.5)`); any other value stands for its own type, as
   * .NET's static member lookup does (`$s = 'x'; $s::Empty` is String.Empty). `$null` has none.
   */
  private staticTypeName(target: A.ExpressionAst, value?: () => unknown): string | undefined {
    if (target.kind === 'TypeExpression') return this.resolveType(target.type);
    const v = value?.();
    if (v instanceof PSTypeValue) return v.fullName;
    if (v === null || v === undefined) return undefined;
    return typeNamesOf(v)[0] ?? 'System.Object';
  }

  private staticMember(e: A.MemberAst, name: string, value?: () => unknown): unknown {
    const typeName = this.staticTypeName(e.target, value);
    if (typeName === undefined) return null;
    const cls = this.classes.find(typeName);
    if (cls) return this.classes.getStatic(cls, name);
    return getStaticMember(typeName, name, this.staticEnv);
  }

  private staticInvoke(e: A.InvokeMemberAst, name: string, args: unknown[], value?: () => unknown): unknown {
    const typeName = this.staticTypeName(e.target, value);
    if (typeName === undefined) return invokeMethod(null, name, args);
    const cls = this.classes.find(typeName);
    if (cls) return name.toLowerCase() === 'new' ? this.classes.construct(cls, args) : this.classes.callMethod(cls, name, null, args, true);
    return checkedMethodResult(name, args, () => invokeStaticMethod(typeName, name, args, this.staticEnv));
  }

  /**
   * `$sb.GetNewClosure()`: the block bound to a copy of the caller's local variables (at the
   * prompt, the global ones), so later changes to them do not reach it.
   */
  private closure(sb: ScriptBlockValue, f: Frame): ScriptBlockValue {
    const scope = new Scope(this.rt.global, 'function');
    const copies = new Map<string, Variable>();
    const local = f.scope.local;
    for (let s: Scope | null = f.scope; s; s = s === local ? null : s.parent) {
      for (const [k, v] of s.vars ?? []) if (!copies.has(k)) copies.set(k, { ...v });
    }
    scope.vars = copies;
    const block = sb.ast as A.ScriptBlockAst;
    const closed = new ScriptBlockValue(block, sb.text, scope);
    return closed;
  }

  private invokeMember(target: unknown, name: string, args: unknown[]): unknown {
    if (target instanceof ScriptBlockValue && name.toLowerCase() === 'checkrestrictedlanguage') return checkRestrictedLanguage(target, args);
    // $Error is the engine's list: its ArrayList-only Clear() is handled here.
    if (target === this.rt.errors && name.toLowerCase() === 'clear') {
      this.rt.errors.length = 0;
      return undefined;
    }
    return checkedMethodResult(name, args, () => invokeMethod(target, name, args));
  }

  private async invokeMemberAsync(target: unknown, name: string, args: unknown[], f: Frame): Promise<unknown> {
    const lower = name.toLowerCase();
    if (target instanceof ScriptBlockValue && (lower === 'invoke' || lower === 'invokereturnasis')) {
      return collapse(await this.pipelines.invoke(this, target, f, { args }, false));
    }
    if (target instanceof ScriptBlockValue && lower === 'getnewclosure' && args.length === 0) return this.closure(target, f);
    if (target instanceof DelegateValue && (lower === 'invoke' || lower === 'dynamicinvoke')) {
      // DynamicInvoke takes the arguments as one object[].
      const given = lower === 'dynamicinvoke' ? (args.length === 1 && Array.isArray(args[0]) ? args[0] : args) : args;
      const result = collapse(await this.pipelines.invoke(this, target.block, f, { args: given }, false));
      return target.returnType ? this.convertValue(target.returnType, result) : undefined;
    }
    if ((lower === 'foreach' || lower === 'where') && args.length > 0) {
      // The PowerShell 4 collection methods `.ForEach()` and `.Where()` (magic-methods.ts).
      const items = iterationItems(target);
      const block = args[0];
      if (lower === 'where') {
        if (!(block instanceof ScriptBlockValue)) throw whereNeedsBlock(args[0]);
        return whereMethod(items, args, async (item) => isTruthy(collapse(await this.pipelines.invoke(this, block, f, { dollarUnder: item }, true))));
      }
      if (!(block instanceof ScriptBlockValue)) return forEachByName(items, block, args.slice(1));
      const result: unknown[] = [];
      for (let i = 0; i < items.length; i++) {
        result.push(...(await this.pipelines.invoke(this, block, f, { dollarUnder: items[i], args: args.slice(1) }, true)));
      }
      return result;
    }
    let r = this.invokeMember(target, name, args);
    if (isPromise(r)) r = await r;
    return r;
  }

  /** `$a[i]` in an expression: under Set-StrictMode 3 (Latest) an index past an array's end is an error. */
  private strictIndex(target: unknown, index: unknown, f: Frame): unknown {
    const v = this.indexValue(target, index);
    if (v === null && (Array.isArray(target) || typeof target === 'string') && !Array.isArray(index) && f.scope.strictVersion() >= 3) {
      let i = Math.trunc(toNumber(index));
      if (i < 0) i += target.length;
      if (i < 0 || i >= target.length) throw new TerminatingError(indexOutOfRange());
    }
    return v;
  }

  indexValue(target: unknown, index: unknown): unknown {
    if (target === null || target === undefined) throw new TerminatingError(nullArray());
    if (Array.isArray(index) && !(target instanceof PSHashtable && target.has(index))) {
      const out: unknown[] = [];
      for (const i of index) {
        const v = this.indexOne(target, i);
        if (v !== undefined) out.push(v);
      }
      return out;
    }
    const v = this.indexOne(target, index);
    return v === undefined ? null : v;
  }

  /** One index; undefined when out of range (a multi-index leaves those out). */
  private indexOne(target: unknown, index: unknown): unknown {
    if (target instanceof PSHashtable) return target.has(index) ? target.get(index) : undefined;
    if (Array.isArray(target) || target instanceof Uint8Array || typeof target === 'string') {
      let i = Math.trunc(toNumber(index));
      if (i < 0) i += target.length;
      if (i < 0 || i >= target.length) return undefined;
      // A string's element is a [char], as String's indexer gives it.
      return typeof target === 'string' ? new PSChar(target.charCodeAt(i)) : target[i];
    }
    if (target instanceof PSObject && typeof index === 'string') {
      // An object with a .NET indexer (XmlNode's Item[name]) answers through it.
      const indexer = target.method('get_Item');
      return indexer ? indexer.invoke([index]) : getMember(target, index);
    }
    // A scalar indexes like a one-element collection.
    const i = Math.trunc(toNumber(index));
    return i === 0 || i === -1 ? target : undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Script blocks

  /** `ctx.invoke` for cmdlets: runs a block dot-sourced into the caller's frame, returns its output. */
  invokeForCmdlet(block: ScriptBlockValue, f: Frame, options: InvokeOptions | undefined): MaybePromise<unknown[]> {
    return this.pipelines.invoke(this, block, f, options ?? {}, true);
  }

  /** A fresh frame for a scope of a block. */
  frameFor(f: Frame, scope: Scope, source?: A.SourceText): Frame {
    return { scope, source: source ?? f.source, streams: f.streams };
  }
}

/**
 * A .NET method call as PowerShell reports its failures: a JS exception inside the method (or a
 * DateTime result out of range) becomes `Exception calling "X" with "N" argument(s): "..."`.
 */
function checkedMethodResult(name: string, args: unknown[], call: () => unknown): unknown {
  let r: unknown;
  try {
    r = call();
  } catch (e) {
    if (!(e instanceof Error) || e instanceof TerminatingError || e instanceof PipelineStoppedError) throw e;
    throw methodException(name, args.length, innerMessage(e));
  }
  if (r instanceof Date && !isRepresentableDate(r)) {
    throw methodException(name, args.length, 'The added or subtracted value results in an un-representable DateTime.', 'ArgumentOutOfRangeException');
  }
  return r;
}

/** DateTime covers the years 1 to 9999. */
function isRepresentableDate(d: Date): boolean {
  const t = d.getTime();
  return !Number.isNaN(t) && d.getFullYear() >= 1 && d.getFullYear() <= 9999;
}

/** `@(1, 2) * 3`: the elements n times over (a copy; without spreading, which overflows the JS stack on long lists). */
function repeatList(list: ArrayLike<unknown>, times: number): unknown[] {
  const n = Math.max(0, times);
  const len = list.length;
  const out = new Array<unknown>(len * n);
  for (let k = 0; k < n; k++) for (let i = 0; i < len; i++) out[k * len + i] = list[i];
  return out;
}

/** The operands of a collection that is just `a..b` (no redirection, no further commands). */
function rangeOperands(c: A.PipelineAst | A.AssignmentAst): { left: A.ExpressionAst; right: A.ExpressionAst } | undefined {
  if (c.kind !== 'Pipeline' || c.elements.length !== 1) return undefined;
  const el = c.elements[0]!;
  if (el.kind !== 'CommandExpression' || el.redirections.length > 0) return undefined;
  const e = el.expression;
  return e.kind === 'Binary' && e.operator === '..' ? { left: e.left, right: e.right } : undefined;
}

const trapLists = new WeakMap<A.StatementListAst, A.TrapAst[] | null>();

/** The `trap` statements of a statement list (null: none; most lists have none). */
function trapsOf(list: A.StatementListAst): A.TrapAst[] | null {
  let traps = trapLists.get(list);
  if (traps === undefined) {
    const found = list.statements.filter((s): s is A.TrapAst => s.kind === 'Trap');
    traps = found.length ? found : null;
    trapLists.set(list, traps);
  }
  return traps;
}

/** Signals that carry flow (break, return, exit, Ctrl+C...) through statements: never errors. */
function isControlFlow(e: unknown): boolean {
  return (
    e instanceof BreakSignal ||
    e instanceof ContinueSignal ||
    e instanceof ReturnSignal ||
    e instanceof ExitSignal ||
    e instanceof StopUpstreamSignal ||
    e instanceof PipelineStoppedError
  );
}


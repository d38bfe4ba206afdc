// Breakpoints as scripts run (Set-PSBreakpoint). A line breakpoint binds, as PowerShell's does, to
// one "sequence point" of its script: the first statement (or loop or if condition) in the script
// block whose extent holds its line (and column), or the same in the function or script block
// nested there when the outer statement does not start on that line; a line with no code binds
// to the next line's. It is hit each time that statement runs. A command breakpoint is hit when
// its command is invoked (in its script, when it has one). A hit counts, and the breakpoint's
// -Action runs in the scope of the code that hit it; its `continue` or `break` ends the action
// only. emsh has no interactive debugger, so a breakpoint never stops the script. The evaluator
// calls in here only while the session has breakpoints.

import { parseScript } from '../../grammar/index.js';
import { lineIndex, type Position } from '../../grammar/positions.js';
import { forEachChild, type AnyNode } from '../../grammar/semantic-checks.js';
import type * as A from '../../grammar/ast.js';
import type { InvokeOptions, SessionBreakpoint } from '../protocol/cmdlet.js';
import type { ScriptBlockValue } from '../protocol/values.js';
import { matchesWildcard } from '../protocol/wildcard.js';
import type { Frame, Runtime } from './runtime.js';
import { BreakSignal, ContinueSignal, isPromise, type MaybePromise } from './signals.js';

/** What of the interpreter a hit needs (the evaluator imports this module). */
interface Runner {
  readonly rt: Runtime;
  invokeForCmdlet(block: ScriptBlockValue, f: Frame, options: InvokeOptions | undefined): MaybePromise<unknown[]>;
}

function sameScript(bp: SessionBreakpoint, file: string | undefined): boolean {
  return bp.script === null || (file !== undefined && bp.script.toLowerCase() === file.toLowerCase());
}

/** Runs a breakpoint's action; its `break` or `continue` ends the action only. Breakpoints do not hit inside actions. */
function runAction(interp: Runner, action: ScriptBlockValue, f: Frame): MaybePromise<void> {
  const rt = interp.rt;
  const ended = (e: unknown) => {
    if (!(e instanceof BreakSignal || e instanceof ContinueSignal)) throw e;
  };
  rt.inBreakpointAction = true;
  let ran: MaybePromise<unknown[]>;
  try {
    ran = interp.invokeForCmdlet(action, f, {});
  } catch (e) {
    rt.inBreakpointAction = false;
    return ended(e);
  }
  if (!isPromise(ran)) {
    rt.inBreakpointAction = false;
    return;
  }
  return ran.then(
    () => void (rt.inBreakpointAction = false),
    (e: unknown) => {
      rt.inBreakpointAction = false;
      ended(e);
    },
  );
}

async function hit(interp: Runner, bp: SessionBreakpoint, f: Frame): Promise<void> {
  if (interp.rt.inBreakpointAction) return;
  bp.hitCount++;
  if (bp.action) await runAction(interp, bp.action, f);
}

/**
 * The variable breakpoints a read or write of a variable hits (by name, in their script when they
 * have one). Reads and writes are synchronous: an action that does not finish at once is awaited
 * before the next statement (awaitBreakpointActions).
 */
export function variableBreakpoints(interp: Runner, name: string, access: 'Read' | 'Write', f: Frame): void {
  const rt = interp.rt;
  if (rt.inBreakpointAction) return;
  for (const bp of rt.breakpoints) {
    if (bp.kind !== 'Variable' || !bp.enabled || !sameScript(bp, f.source.file)) continue;
    if (bp.variable?.toLowerCase() !== name.toLowerCase() || (bp.accessMode !== 'ReadWrite' && bp.accessMode !== access)) continue;
    bp.hitCount++;
    if (!bp.action) continue;
    const ran = runAction(interp, bp.action, f);
    if (isPromise(ran)) rt.pendingBreakpointActions = (rt.pendingBreakpointActions ?? Promise.resolve()).then(() => ran);
  }
}

/** Waits for variable breakpoints' actions still running. */
export async function awaitBreakpointActions(rt: Runtime): Promise<void> {
  while (rt.pendingBreakpointActions) {
    const pending = rt.pendingBreakpointActions;
    rt.pendingBreakpointActions = undefined;
    await pending;
  }
}

// ---------------------------------------------------------------------------------------------
// Binding a line breakpoint to its sequence point

/** A place a line breakpoint can bind to: its extent, and the statements whose run hits it. */
interface SequencePoint {
  at: A.Span;
  hits: A.Span[];
}

/** A script block's sequence points in PowerShell's compile order, and the blocks nested in it. */
interface BlockPoints {
  points: SequencePoint[];
  nested: { extent: A.Span; block: A.ScriptBlockAst }[];
}

const STATEMENT_KINDS = new Set(['Pipeline', 'Assignment', 'If', 'Foreach', 'For', 'While', 'DoLoop', 'Switch', 'FunctionDefinition', 'Return', 'Break', 'Continue', 'Throw', 'Exit', 'Trap', 'TypeDefinition', 'Try', 'DataSection']);

function blockPoints(block: A.ScriptBlockAst): BlockPoints {
  const out: BlockPoints = { points: [], nested: [] };
  const point = (at: A.Span, run: A.Span) => out.points.push({ at, hits: [run] });
  const walk = (n: AnyNode): void => {
    if (n.kind === 'ScriptBlockExpression') out.nested.push({ extent: n.span, block: (n as A.ScriptBlockExpressionAst).block });
    else if (n.kind === 'StatementList') for (const st of (n as A.StatementListAst).statements) statement(st);
    else if (STATEMENT_KINDS.has(n.kind)) statement(n as A.StatementAst);
    else forEachChild(n, walk);
  };
  const statement = (st: A.StatementAst): void => {
    switch (st.kind) {
      case 'FunctionDefinition':
        out.nested.push({ extent: st.span, block: st.body });
        return;
      case 'TypeDefinition':
        return;
      case 'If':
        for (const c of st.clauses) {
          point(c.condition.span, st.span);
          forEachChild(c.condition, walk);
          walk(c.body);
        }
        if (st.else) walk(st.else);
        return;
      case 'While':
      case 'DoLoop': {
        // The body compiles first. When it holds the block's first sequence point, PowerShell checks
        // that point on entering the block as well as on each pass: one more hit, when the loop starts.
        const first = out.points.length;
        walk(st.body);
        if (first === 0 && out.points.length > 0) out.points[0]!.hits.push(st.span);
        point(st.condition.span, st.span);
        forEachChild(st.condition, walk);
        return;
      }
      case 'For':
        for (const part of [st.init, st.condition, st.iterator]) {
          if (!part) continue;
          point(part.span, st.span);
          forEachChild(part, walk);
        }
        walk(st.body);
        return;
      case 'Foreach':
        forEachChild(st.collection, walk);
        point(st.variable.span, st.span);
        walk(st.body);
        return;
      case 'Switch':
        point(st.subject.span, st.span);
        forEachChild(st.subject, walk);
        for (const c of st.clauses) {
          forEachChild(c.condition, walk);
          walk(c.body);
        }
        if (st.default) walk(st.default);
        return;
      case 'Try':
        walk(st.body);
        for (const c of st.catches) walk(c.body);
        if (st.finally) walk(st.finally);
        return;
      case 'Trap':
        walk(st.body);
        return;
      default:
        // A pipeline, assignment, return, throw, exit, break, continue or data section: the statement
        // itself (the pipeline an assignment, return or throw holds has no point of its own).
        point(st.span, st.span);
        forEachChild(st, (child) => (child.kind === 'Pipeline' || child.kind === 'Assignment' ? forEachChild(child, walk) : walk(child)));
    }
  };
  for (const list of [block.dynamicParam, block.begin, block.process, block.end]) if (list) walk(list);
  return out;
}

/** PowerShell's IScriptExtent.ContainsLineAndColumn (column 0: anywhere on the line). */
function contains(pos: (offset: number) => Position, span: A.Span, line: number, column: number): boolean {
  const start = pos(span.start);
  const end = pos(span.end);
  if (start.line === line) {
    if (column === 0) return true;
    if (column < start.column) return false;
    return end.line !== start.line || column < end.column;
  }
  if (line < start.line || line > end.line) return false;
  return end.line !== line || column === 0 || column < end.column;
}

/** The statements whose run hits a breakpoint at (line, column) of a script, found as PowerShell binds it. */
function bind(block: A.ScriptBlockAst, extent: A.Span, pos: (offset: number) => Position, line: number, column: number): A.Span[] {
  if (!contains(pos, extent, line, column)) return [];
  const { points, nested } = blockPoints(block);
  const inner = nested.find((n) => contains(pos, n.extent, line, column));
  if (!points.length) return inner ? bind(inner.block, inner.extent, pos, line, column) : [];
  const found = points.find((p) => contains(pos, p.at, line, column));
  if (found && (!inner || (pos(found.at.start).line === line && column === 0))) return found.hits;
  if (inner) return bind(inner.block, inner.extent, pos, line, column);
  // Before any code of the block (its param block, say): the first point.
  const firstCode = [block.dynamicParam, block.begin, block.process, block.end].filter((l) => l && l.statements.length).map((l) => l!.span.start);
  if (firstCode.every((start) => pos(start).line > line)) return points[0]!.hits;
  // A line with no code: the next line's point.
  if (column === 0) return points.find((p) => contains(pos, p.at, line + 1, 0))?.hits ?? [];
  return [];
}

/** Per script text: line breakpoints' bindings (`line:column` → the statements that hit it). */
const BINDINGS = new WeakMap<A.SourceText, { root: A.ScriptBlockAst; pos: (offset: number) => Position; bound: Map<string, A.Span[]> }>();

function boundStatements(source: A.SourceText, line: number, column: number): A.Span[] {
  let b = BINDINGS.get(source);
  if (!b) {
    b = { root: parseScript(source.text, source.file).ast, pos: lineIndex(source.text), bound: new Map() };
    BINDINGS.set(source, b);
  }
  const key = `${line}:${column}`;
  let spans = b.bound.get(key);
  if (!spans) {
    spans = bind(b.root, { start: 0, end: source.text.length }, b.pos, line, column);
    b.bound.set(key, spans);
  }
  return spans;
}

/** The line breakpoints a statement about to run hits. */
export async function statementBreakpoints(interp: Runner, st: A.StatementAst, f: Frame): Promise<void> {
  if (interp.rt.pendingBreakpointActions) await awaitBreakpointActions(interp.rt);
  const file = f.source.file;
  if (file === undefined) return;
  for (const bp of interp.rt.breakpoints) {
    if (bp.kind !== 'Line' || !bp.enabled || !sameScript(bp, file)) continue;
    if (boundStatements(f.source, bp.line ?? 0, bp.column ?? 0).some((s) => s.start === st.span.start && s.end === st.span.end)) await hit(interp, bp, f);
  }
}

/** The command breakpoints a command about to run hits. */
export async function commandBreakpoints(interp: Runner, name: string, f: Frame): Promise<void> {
  for (const bp of interp.rt.breakpoints) {
    if (bp.kind !== 'Command' || !bp.enabled || !sameScript(bp, f.source.file)) continue;
    if (matchesWildcard(name, bp.command ?? '')) await hit(interp, bp, f);
  }
}

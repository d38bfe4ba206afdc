// Breakpoints as scripts run (Set-PSBreakpoint). A line breakpoint is hit when a statement that
// starts on its line (and column, when it has one) of its script runs; a command breakpoint when
// its command is invoked (in its script, when it has one). A hit counts, and the breakpoint's
// -Action runs in the scope of the code that hit it; its `continue` or `break` ends the action
// only. emsh has no interactive debugger, so a breakpoint never stops the script. The evaluator
// calls in here only while the session has breakpoints.

import { lineAndColumn } from '../../grammar/positions.js';
import type * as A from '../../grammar/ast.js';
import type { InvokeOptions, SessionBreakpoint } from '../protocol/cmdlet.js';
import type { ScriptBlockValue } from '../protocol/values.js';
import { matchesWildcard } from '../protocol/wildcard.js';
import type { Frame, Runtime } from './runtime.js';
import { BreakSignal, ContinueSignal, type MaybePromise } from './signals.js';

/** What of the interpreter a hit needs (the evaluator imports this module). */
interface Runner {
  readonly rt: Runtime;
  invokeForCmdlet(block: ScriptBlockValue, f: Frame, options: InvokeOptions | undefined): MaybePromise<unknown[]>;
}

function sameScript(bp: SessionBreakpoint, file: string | undefined): boolean {
  return bp.script === null || (file !== undefined && bp.script.toLowerCase() === file.toLowerCase());
}

async function hit(interp: Runner, bp: SessionBreakpoint, f: Frame): Promise<void> {
  bp.hitCount++;
  if (!bp.action) return;
  try {
    await interp.invokeForCmdlet(bp.action, f, {});
  } catch (e) {
    if (!(e instanceof BreakSignal || e instanceof ContinueSignal)) throw e;
  }
}

/** The line breakpoints a statement about to run hits. */
export async function statementBreakpoints(interp: Runner, st: A.StatementAst, f: Frame): Promise<void> {
  const file = f.source.file;
  if (file === undefined) return;
  let at: { line: number; column: number } | undefined;
  for (const bp of interp.rt.breakpoints) {
    if (bp.kind !== 'Line' || !bp.enabled || !sameScript(bp, file)) continue;
    at ??= lineAndColumn(f.source.text, st.span.start);
    if (bp.line === at.line && (!bp.column || bp.column === at.column)) await hit(interp, bp, f);
  }
}

/** The command breakpoints a command about to run hits. */
export async function commandBreakpoints(interp: Runner, name: string, f: Frame): Promise<void> {
  for (const bp of interp.rt.breakpoints) {
    if (bp.kind !== 'Command' || !bp.enabled || !sameScript(bp, f.source.file)) continue;
    if (matchesWildcard(name, bp.command ?? '')) await hit(interp, bp, f);
  }
}

// The call stack (Get-PSCallStack): the functions, scripts, script blocks and trap bodies running
// (Runtime.callStack, kept by ScriptStage and the trap handler), innermost first, each where its
// code is now: the innermost at the command asking, every other at the command that called the
// frame above it. The command line the user typed is the outermost frame, `<ScriptBlock>`.

import type { SourceText, Span } from '../../grammar/ast.js';
import { lineAndColumn } from '../../grammar/positions.js';
import type { CallStackEntry, SourceExtent } from '../protocol/cmdlet.js';
import type { ActiveCall, Runtime } from './runtime.js';
import type { Scope } from './scope.js';

/** Takes a frame off the stack when it ends (frames of a pipeline's stages may end out of order). */
export function leaveCall(stack: ActiveCall[], call: ActiveCall): void {
  if (stack[stack.length - 1] === call) stack.pop();
  else {
    const i = stack.lastIndexOf(call);
    if (i >= 0) stack.splice(i, 1);
  }
}

function extent(source: SourceText, span: Span): SourceExtent {
  const start = lineAndColumn(source.text, span.start);
  const end = lineAndColumn(source.text, span.end);
  return {
    file: source.file,
    text: source.text.slice(span.start, span.end),
    startLine: start.line,
    startColumn: start.column,
    endLine: end.line,
    endColumn: end.column,
    startOffset: span.start,
    endOffset: span.end,
  };
}

function entry(functionName: string, invocation: unknown, scope: Scope, at: { source: SourceText; span: Span }): CallStackEntry {
  const args = scope.getOwn('args')?.value;
  return {
    functionName,
    invocation,
    position: extent(at.source, at.span),
    unboundArguments: Array.isArray(args) ? args : [],
    variables: () => [...(scope.vars?.values() ?? [])],
  };
}

/** The frames, innermost first, for a command at `here`. */
export function callStackEntries(rt: Runtime, here: { source: SourceText; span: Span }): CallStackEntry[] {
  const out: CallStackEntry[] = [];
  let at = here;
  for (let i = rt.callStack.length - 1; i >= 0; i--) {
    const call = rt.callStack[i]!;
    out.push(entry(call.functionName, call.invocation(), call.scope, at));
    at = call.callSite();
  }
  out.push(entry('<ScriptBlock>', null, rt.global, at));
  return out;
}

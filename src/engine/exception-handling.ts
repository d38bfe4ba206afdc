// Which `catch` or `trap` takes an error, as PowerShell 5.1 chooses (ExceptionHandlingOps): the
// exception's InnerException first (`1/0` is a RuntimeException around a DivideByZeroException,
// so `catch [DivideByZeroException]` takes it), then the exception itself; per exception an exact
// type beats a base type, which beats a handler without a type.
import type * as A from '../../grammar/ast.js';
import { exceptionChain, shortTypeName } from '../protocol/convert.js';
import { TerminatingError, type ErrorRecord, type ExceptionInfo } from '../protocol/errors.js';

/** One handler: its types as written (`[System.IO.IOException]`); none: it takes any error. */
export type HandlerTypes = readonly A.TypeNameAst[];

interface Entry {
  handler: number;
  /** Lower-case short type name; undefined for a handler without types. */
  type?: string;
}

function entries(handlers: readonly HandlerTypes[]): Entry[] {
  const out: Entry[] = [];
  handlers.forEach((types, handler) => {
    if (types.length === 0) out.push({ handler });
    for (const t of types) out.push({ handler, type: shortTypeName(t.name).toLowerCase() });
  });
  return out;
}

/** FindMatchingHandlerByType: exact type, then a base type, then the first handler without types. */
function matchType(exceptionType: string, list: Entry[]): number {
  const chain = exceptionChain(exceptionType).map((t) => t.toLowerCase());
  let i = list.findIndex((e) => e.type !== undefined && e.type === chain[0]);
  if (i < 0) i = list.findIndex((e) => e.type !== undefined && chain.includes(e.type));
  if (i < 0) i = list.findIndex((e) => e.type === undefined);
  return i;
}

/**
 * The handler (index into `handlers`) that takes `record`, and the record its `$_` is: when the
 * handler matched the inner exception, the record carries that exception. Undefined: none takes it.
 */
export function findHandler(record: ErrorRecord, handlers: readonly HandlerTypes[], around?: string): { index: number; record: ErrorRecord } | undefined {
  const list = entries(handlers);
  if (list.length === 0) return undefined;
  const inner: ExceptionInfo | undefined = record.innerException;
  let found = -1;
  let passed: ExceptionInfo | undefined;
  if (inner) {
    found = matchType(inner.type, list);
    passed = inner;
  }
  // Nothing, or only a handler without types, for the inner exception: try the exception itself
  // (a handler without types then sees the outer exception, as 5.1's `$_.Exception` shows).
  if (found < 0 || list[found]!.type === undefined) {
    const outer = matchType(record.exceptionType, list);
    if (outer >= 0) {
      found = outer;
      passed = undefined;
    }
  }
  // The exception PowerShell threw around the error is a type too: -ErrorAction Stop's
  // ActionPreferenceStopException, a cmdlet's CmdletInvocationException ($_ is still the error).
  if (around && (found < 0 || list[found]!.type === undefined)) {
    const outer = matchType(around, list);
    if (outer >= 0 && list[outer]!.type !== undefined) {
      found = outer;
      passed = undefined;
    }
  }
  if (found < 0) return undefined;
  return { index: list[found]!.handler, record: passed ? record.withException(passed) : record };
}

/**
 * The exception 5.1 throws around a terminating error, which a handler can name: -ErrorAction
 * Stop's ActionPreferenceStopException; for an error raised while a cmdlet ran (ThrowTerminatingError,
 * or an error out of the script Invoke-Expression ran) a CmdletInvocationException.
 */
export function wrapperException(e: unknown): string | undefined {
  if (!(e instanceof TerminatingError)) return undefined;
  if (e.preferenceStop) return 'ActionPreferenceStopException';
  return e.fromCmdlet ? 'CmdletInvocationException' : undefined;
}

// Control-flow signals. They are thrown as JS exceptions through the evaluator, but are not
// Error subclasses: no stack capture, so `break`/`return` in hot loops stay cheap.

import { TerminatingError, type ErrorRecord } from '../protocol/errors.js';

export class BreakSignal {
  constructor(readonly label?: string) {}
}

export class ContinueSignal {
  constructor(readonly label?: string) {}
}

/** `return`: the value (if any) has already been written to the output. */
export class ReturnSignal {
  /**
   * Output that `$( )`, `@( )` or an assignment's statement had gathered when the return cut it
   * short (the returned value included): it still goes to the output of the function or script.
   */
  pending?: unknown[];
}

/** Rethrows `e`; a return signal takes the output gathered so far with it (see ReturnSignal.pending). */
export function keepPendingOutput(e: unknown, gathered: unknown[]): never {
  if (e instanceof ReturnSignal && gathered.length) e.pending = e.pending ? [...gathered, ...e.pending] : [...gathered];
  throw e;
}

/**
 * A command asked the commands before it to stop (`Select-Object -First`). Unwinds through the
 * upstream stages to the pipeline that holds `stage`, which then runs the remaining end blocks.
 */
export class StopUpstreamSignal {
  constructor(readonly stage: object) {}
}

/** `exit N`: ends the whole execute() (a script run, or the -Command text). */
export class ExitSignal {
  constructor(readonly code: number) {}
}

/**
 * A script-terminating error: `throw`, or a terminating error that escaped because
 * $ErrorActionPreference is Stop. Unlike a plain TerminatingError (statement-terminating),
 * it is not reported at the next statement boundary but unwinds to a try/catch or the top.
 */
export class ScriptTerminatingError extends TerminatingError {
  constructor(record: ErrorRecord) {
    super(record);
  }
}

/**
 * `$PSCmdlet.ThrowTerminatingError()`: ends the whole function (its later statements do not run)
 * and is then a statement-terminating error of the caller's statement. `scope` is the function's.
 */
export class CommandTerminatingError extends TerminatingError {
  constructor(
    record: ErrorRecord,
    readonly scope: object,
  ) {
    super(record);
    // ThrowTerminatingError throws a CmdletInvocationException around the record.
    this.fromCmdlet = true;
  }
}

export { isPromise, type MaybePromise } from '../protocol/maybe-promise.js';

export const noop = (): void => {};

// Running an exercise's checks. A check is an emsh expression over the lab; it passes when its
// value is true as PowerShell's if() sees it and nothing went wrong while it ran. A check that
// throws (or writes an error) counts as not passed, and what went wrong is kept for the report:
// it never stops the other checks, and never the shell. The evaluator (the composition's) runs
// the text through a session on the lab, on the check's machine, and may not change the lab.

import { isTruthy } from '../protocol/values.js';
import type { Exercise } from './exercise.js';

export interface CheckEvaluation {
  output: unknown[];
  /** Messages of the errors written or thrown while it ran. */
  errors: string[];
}

export interface CheckEvaluator {
  /** Runs a check's text on a machine of the lab. Must not throw. */
  evaluate(test: string, machine: string): Promise<CheckEvaluation>;
}

export interface CheckOutcome {
  passed: boolean;
  missing: string;
  error?: string;
}

export interface TaskOutcome {
  /** 1-based. */
  number: number;
  passed: boolean;
  checks: CheckOutcome[];
}

/** The value of a pipeline's output as if() sees it: nothing is false, one value is itself, more are true. */
export function outputIsTrue(output: unknown[]): boolean {
  return isTruthy(output.length === 1 ? output[0] : output);
}

/**
 * Runs the checks of the given tasks (1-based; all when absent), one after another. A task's
 * checks all run even after one fails, so the report can say everything that is missing.
 */
export async function runChecks(ex: Exercise, evaluator: CheckEvaluator, tasks?: readonly number[], signal?: AbortSignal): Promise<TaskOutcome[]> {
  const out: TaskOutcome[] = [];
  for (const [i, task] of ex.tasks.entries()) {
    if (tasks && !tasks.includes(i + 1)) continue;
    const checks: CheckOutcome[] = [];
    for (const check of task.checks) {
      if (signal?.aborted) break;
      const r = await evaluator.evaluate(check.test, check.on);
      const error = r.errors[0];
      checks.push({ passed: error === undefined && outputIsTrue(r.output), missing: check.missing, ...(error !== undefined ? { error } : {}) });
    }
    out.push({ number: i + 1, passed: checks.length === task.checks.length && checks.every((c) => c.passed), checks });
  }
  return out;
}

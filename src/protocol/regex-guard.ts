// Regular expressions with a time limit. A backtracking pattern (`^(a+)+$` on 40 characters, or
// just `a.*b` on a long line) can keep V8's regex engine busy for minutes, synchronously: no
// Ctrl+C, no signal, no redraw gets through. .NET has Regex.MatchTimeout for this; here every
// regex operation of the language (-match, -replace, -split, switch -regex, Select-String,
// [regex]) goes through runRegex, and one that may run long runs under node:vm's `timeout`,
// which interrupts the regex engine itself: after 2 s it fails with RegexMatchTimeoutException.
//
// The guarded path costs ~80 µs a call (node:vm starts a watchdog each time), far too much for
// `1..200000 | ? { $_ -match 'x' }`, so it is taken only when the pattern and the text could
// take long (measured in test/bench): patterns with a quantified group that itself repeats or
// alternates (`(a+)+`, `(a|b)*` — exponential) or with back-references always; others when
// text length^(quantifiers + 1) exceeds STEP_BUDGET (polynomial backtracking: `.*x` is n² on a
// text without an x). Patterns without quantifiers are linear and always run directly.
//
// Ctrl+C: on the guarded path a SIGINT interrupts the regex at once (breakOnSigint) and the
// signal is raised again for the process's own handlers; the pipeline stops. The direct path
// runs at most about STEP_BUDGET steps (tens of milliseconds). In the Ink UI the terminal is in
// raw mode (Ctrl+C is a key, not a signal): the key is read when the regex returns, within 2 s.

import { Script, createContext, type Context } from 'node:vm';
import { PipelineStoppedError, runtimeError, type TerminatingError } from './errors.js';

export const REGEX_TIME_LIMIT_MS = 2000;

/** Backtracking steps a regex may take unguarded (V8 does ~10^8 simple steps a second). */
const STEP_BUDGET = 1e7;

export interface RegexShape {
  /** Nested repetition or a back-reference: exponential backtracking is possible. */
  exponential: boolean;
  /** Repetition operators (`*`, `+`, `?`, `{n,m}`) outside nested ones. */
  quantifiers: number;
}

/** .NET's message for a regex that ran out of time. */
export function regexMatchTimeout(): TerminatingError {
  return runtimeError(
    'The RegEx engine has timed out while trying to match a pattern to an input string. This can occur for many reasons, including very large inputs or excessive backtracking caused by nested quantifiers, back-references and other factors.',
    'RegexMatchTimeoutException',
    'OperationTimeout',
    'RegexMatchTimeoutException',
  );
}

/** A pattern V8 cannot run at all (too large, too deeply nested). */
function patternTooComplex(source: string): TerminatingError {
  const shown = source.length > 80 ? source.slice(0, 80) + '...' : source;
  return runtimeError(`The regular expression pattern ${shown} is not valid: it is too large or too complex for the regular expression engine.`, 'InvalidRegularExpression', 'InvalidOperation', 'ArgumentException');
}

/**
 * Reads a pattern's shape: its repetition operators, and whether any repeated group itself
 * repeats or alternates (or the pattern refers back to a group).
 */
export function regexShape(source: string): RegexShape {
  let quantifiers = 0;
  let exponential = false;
  // Per open group: does it contain a repetition or an alternation?
  const groups: { risky: boolean }[] = [];
  let lastGroupRisky = false; // the group that just closed
  let afterAtom = false; // a quantifier here applies to something
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    let quantifier = false;
    if (c === '\\') {
      const n = source[i + 1] ?? '';
      if (/[1-9]/.test(n) || (n === 'k' && source[i + 2] === '<')) exponential = true;
      i++;
      afterAtom = true;
      lastGroupRisky = false;
      continue;
    }
    if (c === '[') {
      // A class is one atom: skip to its closing bracket (escapes inside included).
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      i = j;
      afterAtom = true;
      lastGroupRisky = false;
      continue;
    }
    if (c === '(') {
      groups.push({ risky: false });
      afterAtom = false;
      // Skip the group's modifiers: (?: (?= (?! (?<= (?<! (?<name> (?'name' (?i)
      if (source[i + 1] === '?') {
        let j = i + 2;
        if (source[j] === '<' || source[j] === "'") {
          const close = source[j] === '<' && /[=!]/.test(source[j + 1] ?? '') ? j + 1 : source.indexOf(source[j] === '<' ? '>' : "'", j + 1);
          j = close < 0 ? j : close;
        }
        i = j;
      }
      continue;
    }
    if (c === ')') {
      const g = groups.pop();
      lastGroupRisky = g?.risky ?? false;
      if (g?.risky && groups.length) groups[groups.length - 1]!.risky = true;
      afterAtom = true;
      continue;
    }
    if (c === '|') {
      if (groups.length) groups[groups.length - 1]!.risky = true;
      afterAtom = false;
      lastGroupRisky = false;
      continue;
    }
    // Whether this repetition may repeat a group many times (`(a+)?` and `(a+){2}` do not).
    let many = true;
    if (c === '*' || c === '+' || c === '?') {
      quantifier = afterAtom;
      many = c !== '?';
    } else if (c === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i))) {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i))!;
      const most = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
      many = most > 2;
      // `{3}` repeats a fixed number of times: no choice of its own...
      quantifier = afterAtom && m[2] !== undefined && m[3] !== m[1];
      // ...but repeating a group that backtracks multiplies its choices.
      if (!quantifier && afterAtom && lastGroupRisky && many) exponential = true;
      i += m[0].length - 1;
    }
    if (quantifier) {
      if (lastGroupRisky && many) exponential = true;
      quantifiers++;
      if (groups.length) groups[groups.length - 1]!.risky = true;
      // A lazy or possessive-looking suffix belongs to this quantifier.
      if (source[i + 1] === '?' || source[i + 1] === '+') i++;
      afterAtom = false;
      lastGroupRisky = false;
      continue;
    }
    if (c === '^' || c === '$') {
      afterAtom = false;
      lastGroupRisky = false;
      continue;
    }
    afterAtom = true;
    lastGroupRisky = false;
  }
  return { exponential, quantifiers };
}

const shapes = new WeakMap<RegExp, RegexShape>();

function shapeOf(re: RegExp): RegexShape {
  let s = shapes.get(re);
  if (!s) shapes.set(re, (s = regexShape(re.source)));
  return s;
}

/** Whether running `re` over a text of this length needs the time limit. */
export function mayRunLong(re: RegExp, textLength: number): boolean {
  const s = shapeOf(re);
  if (s.exponential) return true;
  if (s.quantifiers === 0) return false;
  return Math.pow(Math.max(textLength, 1), Math.min(s.quantifiers, 4) + 1) > STEP_BUDGET;
}

let sandbox: { context: Context; script: Script; fn: (() => unknown) | null } | undefined;

function inSandbox<T>(op: () => T): T {
  if (!sandbox) {
    const holder = { fn: null as (() => unknown) | null };
    sandbox = { context: createContext(holder), script: new Script('fn()'), fn: null };
  }
  const ctx = sandbox.context as { fn: (() => unknown) | null };
  ctx.fn = op;
  try {
    return sandbox.script.runInContext(sandbox.context, { timeout: REGEX_TIME_LIMIT_MS, breakOnSigint: true }) as T;
  } finally {
    ctx.fn = null;
  }
}

function codeOf(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null ? ((e as { code?: unknown }).code as string | undefined) : undefined;
}

/**
 * Runs `op` — which runs `re`, once or repeatedly, over a text of `textLength` characters — under
 * the time limit when it may run long, and turns what the regex engine can throw into
 * PowerShell's errors.
 */
export function runRegex<T>(re: RegExp, textLength: number, op: () => T): T {
  try {
    return mayRunLong(re, textLength) ? inSandbox(op) : op();
  } catch (e) {
    const code = codeOf(e);
    if (code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw regexMatchTimeout();
    if (code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED') {
      // breakOnSigint took the signal: give it back to the process's handlers, and stop.
      setImmediate(() => process.kill(process.pid, 'SIGINT'));
      throw new PipelineStoppedError();
    }
    if (e instanceof SyntaxError && /too large/i.test(e.message)) throw patternTooComplex(re.source);
    if (e instanceof RangeError && /Maximum call stack size exceeded/.test(e.message)) throw patternTooComplex(re.source);
    throw e;
  }
}

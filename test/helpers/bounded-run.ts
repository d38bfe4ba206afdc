// Running one input in a real session, bounded (the fuzz test and the torture suites): a run
// still going after STOP_AFTER_MS is stopped as Ctrl+C would, must then settle, must print no
// leak of the implementation, and must leave the session able to compute.

import type { Captured } from './run.js';
import { leaks } from './leaks.js';

export const STOP_AFTER_MS = 1500;
export const STOP_GRACE_MS = 2000;

/**
 * Everything typed into a session so far: `$Error` or Get-History print earlier inputs again, so
 * a word is only a leak if no input ever contained it.
 */
const typed = new WeakMap<Captured, string>();

/** What went wrong running `text`, or undefined when nothing did. */
export async function runChecked(sh: Captured, text: string, hostPaths: string[], stopAfterMs = STOP_AFTER_MS, graceMs = STOP_GRACE_MS): Promise<string | undefined> {
  const before = typed.get(sh) ?? '';
  typed.set(sh, before + '\n' + text);
  const started = Date.now();
  let settled = false;
  let out = '';
  let rejection: unknown;
  const running = sh.run(text).then(
    (r) => {
      settled = true;
      out = r.out;
    },
    (e) => {
      settled = true;
      rejection = e;
    },
  );
  const timer = setTimeout(() => sh.session.stop(), stopAfterMs);
  let grace: NodeJS.Timeout | undefined;
  await Promise.race([running, new Promise((r) => (grace = setTimeout(r, stopAfterMs + graceMs)))]);
  clearTimeout(timer);
  clearTimeout(grace);
  const elapsed = Date.now() - started;
  if (!settled) return `did not settle ${graceMs} ms after Ctrl+C`;
  if (rejection !== undefined) return `execute() rejected: ${String(rejection)}`;
  // A synchronous stretch that starves the event loop is a hang even if it ends eventually.
  if (elapsed > stopAfterMs + graceMs) return `blocked the event loop for ${elapsed} ms`;
  const leak = leaks(before + '\n' + text, out, hostPaths);
  if (leak) return `printed ${leak}:\n${indent(out)}`;
  const rt = (sh.session as unknown as { rt: { tryDepth: number; callDepth: number } }).rt;
  if (rt.tryDepth !== 0 || rt.callDepth !== 0) return `left engine state behind (try ${rt.tryDepth}, call ${rt.callDepth})`;
  const probe = await sh.session.evaluate('1 + 1');
  if (probe.output[0] !== 2 || probe.errors.length) return 'left a session that no longer computes 1 + 1';
  return undefined;
}

export function indent(text: string, max = 1200): string {
  const t = text.length > max ? text.slice(0, max) + ' …' : text;
  return t.replace(/\s+$/, '').split('\n').map((l) => '      ' + l).join('\n');
}

export function quote(text: string, max = 300): string {
  return JSON.stringify(text.length > max ? text.slice(0, max) + '…' : text);
}

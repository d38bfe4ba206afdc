// What a leak of the implementation looks like in what the shell printed: JavaScript stack
// traces and error names, `[object Object]`, `undefined`, internal-error records, and paths of
// the host machine (the lab home, the repository, the temporary directory).
import { tmpdir } from 'node:os';
import { repoRoot } from './repo.js';

/** Why `out` (printed for the input `text`) leaks, or undefined when it does not. */
export function leaks(text: string, out: string, hostPaths: string[] = []): string | undefined {
  if (/^\s+at .+:\d+:\d+\)?$/m.test(out)) return 'a JavaScript stack trace';
  if (/\b(TypeError|ReferenceError|RangeError|SyntaxError): /.test(out)) return 'a JavaScript error name';
  if (out.includes('[object Object]')) return '[object Object]';
  if (/\bundefined\b/.test(out) && !/undefined/i.test(text)) return "'undefined'";
  if (out.includes('EmshInternalError') || out.includes('An internal error occurred')) return 'an internal error';
  for (const p of [...hostPaths, repoRoot(), tmpdir() + '/']) {
    if (p.length > 1 && out.includes(p) && !text.includes(p)) return `a host path (${p})`;
  }
  return undefined;
}

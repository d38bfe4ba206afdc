// Regular expressions under a time limit (issue 10): what the guard costs. The hot path
// (`-match` over 200,000 objects with a pattern that cannot backtrack) must stay direct; the
// guarded path (node:vm with a timeout) costs tens of microseconds a call and is taken only for
// patterns and texts that could run long (src/protocol/regex-guard.ts). And how soon Ctrl+C
// (SIGINT) ends the real program inside a catastrophic match (budget: well under the 2 s limit).
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRegex } from '../../src/protocol/regex-guard.js';
import { repoRoot } from '../helpers/repo.js';
import { quietSession } from './lib.js';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

function perCall(n: number, fn: () => unknown): number {
  for (let i = 0; i < Math.min(n, 200); i++) fn();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  return ((performance.now() - t0) * 1000) / n;
}

/** Milliseconds from SIGINT to the exit of `emsh -Command` stuck in a backtracking match. */
async function ctrlCInsideMatch(bin: string, home: string): Promise<number> {
  const child = spawn(process.execPath, [bin, '-NoProfile', '-Command', "'start'; ('a' * 60) -match '^(a+)+b$'"], { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, EMSH_HOME: home } });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = once(child, 'exit');
  while (!out.includes('start')) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 200)); // inside the match
  const sent = performance.now();
  child.kill('SIGINT');
  await exited;
  return performance.now() - sent;
}

export async function benchRegex(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const simple = /x/i;
  const nested = /^(a+)+b$/;
  out.push({ name: 'regex: direct test of a plain pattern', value: perCall(200_000, () => simple.test('abc123')), unit: 'µs/call' });
  out.push({ name: 'regex: the same through runRegex (direct path)', value: perCall(200_000, () => runRegex(simple, 6, () => simple.test('abc123'))), unit: 'µs/call' });
  out.push({ name: 'regex: guarded path (node:vm with timeout), short text', value: perCall(2_000, () => runRegex(nested, 3, () => nested.test('aab'))), unit: 'µs/call' });
  const session = await quietSession();
  await session.evaluate("1..1000 | Where-Object { $_ -match 'x' }");
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await session.evaluate("1..200000 | Where-Object { $_ -match 'x' }");
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  out.push({ name: "1..200000 | ? { $_ -match 'x' } (pipeline budget ≤ 1 s)", value: runs[1]!, unit: 'ms' });
  const bin = join(repoRoot(), 'dist', 'emsh.js');
  // A lab of its own under the bench's temporary folder (npm run bench's TMPDIR), made before timing.
  const home = mkdtempSync(join(tmpdir(), 'emsh-bench-regex-'));
  spawnSync(process.execPath, [bin, '-NoProfile', '-Command', '1'], { env: { ...process.env, EMSH_HOME: home } });
  const stops: number[] = [];
  for (let i = 0; i < 3; i++) stops.push(await ctrlCInsideMatch(bin, home));
  stops.sort((a, b) => a - b);
  out.push({ name: 'Ctrl+C inside a catastrophic match: SIGINT to exit (budget < 1 s)', value: stops[1]!, unit: 'ms' });
  return out;
}

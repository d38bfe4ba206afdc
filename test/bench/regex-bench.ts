// Regular expressions under a time limit (issue 10): what the guard costs. The hot path
// (`-match` over 200,000 objects with a pattern that cannot backtrack) must stay direct; the
// guarded path (node:vm with a timeout) costs tens of microseconds a call and is taken only for
// patterns and texts that could run long (src/protocol/regex-guard.ts).
import { runRegex } from '../../src/protocol/regex-guard.js';
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
  return out;
}

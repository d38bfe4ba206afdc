// Exchange figures for `npm run bench` (issue 3 budgets): a lab holding 1,000 certificates saved
// once (≤ 60 ms), and a cold `emsh -Command 'Get-ExchangeCertificate | Measure-Object'` on labs of
// 1,000 (≤ 0.5 s) and 10,000 certificates (≤ 2 s, ≤ 250 MiB peak RSS).
// The big labs are real labs: the setup certificate record cloned with distinct thumbprints.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLab, realKeys, type Lab } from '../../src/compose.js';
import type { CertRecord } from '../../src/exchange/model.js';
import type { KeySource } from '../../src/exchange/setup.js';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

/** The repository root (this file runs from test/bench/ or bundled into dist/). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'fixtures'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

/** The fixture keys when present (no key generation in a benchmark of something else). */
export function keySource(root: string): KeySource {
  const files = [1, 2, 3, 4].map((i) => join(root, 'fixtures', 'keys', `rsa2048-${i}.key.pem`));
  if (!files.every((f) => existsSync(f))) return realKeys;
  const keys = files.map((f) => readFileSync(f, 'utf8'));
  let n = 0;
  return async () => keys[n++ % keys.length]!;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Fills Ex2007EE's store with `count` certificates: the setup certificate and clones of it. */
export function fill(lab: Lab, count: number): void {
  const server = lab.org.state.servers[0]!;
  const model = server.certificates[0]!;
  const clones: CertRecord[] = [model];
  for (let i = 1; i < count; i++) {
    clones.push({ ...model, thumbprint: randomBytes(20).toString('hex').toUpperCase(), services: 0, friendlyName: `Bench ${i}` });
  }
  server.certificates = clones;
  lab.org.touch();
}

async function labWith(home: string, name: string, count: number, keys: KeySource): Promise<Lab> {
  const lab = await openLab({ home, lab: name, keys });
  fill(lab, count);
  await lab.saveIfChanged();
  return lab;
}

interface Cold {
  wallMs: number;
  maxRssMiB: number;
  out: string;
}

/** One cold emsh process; peak RSS from GNU time when there is one. */
function coldRun(root: string, home: string, lab: string): Cold {
  const emsh = join(root, 'dist', 'emsh.js');
  const args = [emsh, '-NoProfile', '-NonInteractive', '-Lab', lab, '-Command', 'Get-ExchangeCertificate | Measure-Object'];
  const haveTime = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = haveTime
    ? spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', process.execPath, ...args], { env: { ...process.env, EMSH_HOME: home }, encoding: 'utf8' })
    : spawnSync(process.execPath, args, { env: { ...process.env, EMSH_HOME: home }, encoding: 'utf8' });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`exchange bench: emsh failed (${r.status}):\n${r.stdout}${r.stderr}`);
  const rss = /maxrss=(\d+)/.exec(r.stderr ?? '');
  return { wallMs, maxRssMiB: rss ? Number(rss[1]) / 1024 : NaN, out: r.stdout };
}

export async function benchExchange(): Promise<BenchResult[]> {
  const root = repoRoot();
  const keys = keySource(root);
  const home = mkdtempSync(join(tmpdir(), 'emsh-exchange-bench-'));
  const results: BenchResult[] = [];
  try {
    // (a) One save of a lab with 1,000 certificates (what every changing statement pays).
    const k1 = await labWith(home, 'k1', 1_000, keys);
    const saves: number[] = [];
    for (let i = 0; i < 7; i++) {
      k1.org.state.servers[0]!.certificates[1]!.friendlyName = `Bench save ${i}`;
      k1.org.touch();
      const t0 = performance.now();
      await k1.saveIfChanged();
      saves.push(performance.now() - t0);
    }
    await k1.close();
    results.push({ name: 'exchange: save of a lab with 1,000 certificates (budget ≤ 60 ms)', value: median(saves), unit: 'ms' });

    // (b) Cold listing in a fresh emsh process.
    const k10 = await labWith(home, 'k10', 10_000, keys);
    await k10.close();
    if (!existsSync(join(root, 'dist', 'emsh.js'))) throw new Error('exchange bench: dist/emsh.js missing (npm run build)');
    for (const [lab, count, budgetMs] of [['k1', 1_000, 500], ['k10', 10_000, 2_000]] as const) {
      coldRun(root, home, lab); // page cache
      const runs = [0, 1, 2].map(() => coldRun(root, home, lab));
      const counted = /Count\s*:\s*(\d+)/.exec(runs[0]!.out)?.[1];
      if (Number(counted) !== count) throw new Error(`exchange bench: expected Count ${count}, emsh printed:\n${runs[0]!.out}`);
      const label = count.toLocaleString('en-US');
      results.push({ name: `exchange: cold Get-ExchangeCertificate | Measure-Object, ${label} certificates (budget ≤ ${budgetMs} ms)`, value: median(runs.map((r) => r.wallMs)), unit: 'ms' });
      results.push({ name: `exchange:   peak RSS of that process${count === 10_000 ? ' (budget ≤ 250 MiB)' : ''}`, value: median(runs.map((r) => r.maxRssMiB)), unit: 'MiB' });
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  return results;
}

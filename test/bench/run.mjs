#!/usr/bin/env node
// `npm run bench`: the budgets of the issues, measured as ratios within one run (the machines
// are noisy). A benchmark, not a test: it prints figures and flags budgets it misses.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'dist', 'emsh.js');
// Everything the benchmarks write goes to one temporary folder (TMPDIR, for this process and the
// ones it starts), removed at the end.
const scratch = mkdtempSync(join(tmpdir(), 'emsh-bench-'));
process.env.TMPDIR = scratch;
process.on('exit', () => rmSync(scratch, { recursive: true, force: true, maxRetries: 3 }));
const home = mkdtempSync(join(tmpdir(), 'emsh-bench-home-'));
const results = [];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeProcess(args, runs = 11) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(args[0], args.slice(1), { env: { ...process.env, EMSH_HOME: home }, encoding: 'utf8' });
    const t1 = process.hrtime.bigint();
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stdout}${r.stderr}`);
    times.push(Number(t1 - t0) / 1e6);
  }
  return median(times);
}

function report(name, value, unit, budget) {
  const ok = budget ? budget(value) : true;
  results.push({ name, value, unit, ok });
  console.log(`${ok ? '  ' : '✗ '}${name}: ${typeof value === 'number' ? value.toFixed(2) : value} ${unit}`);
}

// `npm run bench -- --ui first-prompt,keystroke --rounds 5`: only those measurements of the UI
// (first-prompt, big-output, keystroke), each repeated, for work on the UI's budgets.
const uiParts = process.argv.includes('--ui') ? (process.argv[process.argv.indexOf('--ui') + 1] ?? '').split(',') : undefined;
if (uiParts) {
  const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 1;
  const ui = await (await import(join(root, 'dist', 'bench-lib.mjs'))).uiBench();
  const parts = { 'first-prompt': () => ui.benchFirstPrompt(), 'big-output': () => ui.benchBigOutput(), keystroke: () => ui.benchKeystroke() };
  for (const part of uiParts) {
    if (!parts[part]) throw new Error(`--ui: no part ${part} (${Object.keys(parts).join(', ')})`);
    for (let i = 0; i < rounds; i++) for (const r of await parts[part]()) report(r.name, r.value, r.unit, r.max === undefined ? undefined : (v) => v <= r.max);
  }
  process.exit(results.some((r) => !r.ok) ? 1 : 0);
}

// Warm the page cache once.
timeProcess([process.execPath, '-e', '0'], 2);
timeProcess([process.execPath, bin, '-NoProfile', '-Command', '1+1'], 2);

const nodeFloor = timeProcess([process.execPath, '-e', '0']);
const oneplusone = timeProcess([process.execPath, bin, '-NoProfile', '-Command', '1+1']);
report('node -e 0', nodeFloor, 'ms');
report("emsh -NoProfile -Command '1+1' (cold)", oneplusone, 'ms');
report('  ratio to node -e 0 (budget ≤ 2.0)', oneplusone / nodeFloor, '×', (v) => v <= 2.0);

const lib = await import(join(root, 'dist', 'bench-lib.mjs'));

// Parse speed on a generated 1 MB realistic script, after warm-up.
{
  const text = lib.generateScript(1024 * 1024);
  for (let i = 0; i < 3; i++) lib.parseScript(text);
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = lib.parseScript(text);
    runs.push(performance.now() - t0);
    if (r.errors.length) throw new Error('bench script has parse errors: ' + r.errors[0].message);
  }
  const ms = median(runs);
  // Issue 11 raised the budgets to 3 MB/s and 0.5 s (pwsh itself is slower than either).
  report('parse 1 MB .ps1 (budget ≥ 3 MB/s)', text.length / 1024 / 1024 / (ms / 1000), 'MB/s', (v) => v >= 3);
}

// Pipeline throughput.
{
  const session = await lib.quietSession();
  await session.execute('1..1000 | ForEach-Object { $_ * 2 } | Measure-Object -Sum');
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = await session.evaluate('1..200000 | ForEach-Object { $_ * 2 } | Measure-Object -Sum');
    runs.push(performance.now() - t0);
    if (r.errors.length) throw new Error(r.errors[0].message);
  }
  report('1..200000 | ForEach-Object { $_ * 2 } | Measure-Object -Sum (budget ≤ 0.5 s)', median(runs), 'ms', (v) => v <= 500);
}

for (const extra of lib.extraBenches ?? []) {
  for (const r of await extra()) report(r.name, r.value, r.unit, r.max === undefined ? undefined : (v) => v <= r.max);
}

const missed = results.filter((r) => !r.ok);
console.log(missed.length ? `\n${missed.length} budget(s) missed.` : '\nAll budgets met.');

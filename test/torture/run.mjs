#!/usr/bin/env node
// `npm run torture`: runs the torture suites (test/torture/*.ts, listed in lib.ts) against the
// built shell and prints each suite's figures; exits 1 when any case of any suite failed.
//
//   node test/torture/run.mjs [suite ...] [--quick | --full] [--seed N] [--<suite> N] [--json FILE]
//
// Without suite names every suite runs. Case counts: each suite's standard count by default (a
// few minutes in all), --quick for the small counts CI uses, --full for the big run (100,000
// fuzzed inputs); `--fuzz 2000` or EMSH_TORTURE_FUZZ=2000 sets one suite's count.
// EMSH_TORTURE_LOG=<file> receives every failure in full; --json FILE writes the figures (CI).
import { appendFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { suites } = await import(pathToFileURL(join(root, 'dist', 'torture-lib.mjs')).href);

const args = process.argv.slice(2);
let quick = false;
let full = false;
let jsonFile;
let seed = Number(process.env.EMSH_TORTURE_SEED ?? 20261206);
const counts = {};
const picked = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--quick') quick = true;
  else if (a === '--full') full = true;
  else if (a === '--seed') seed = Number(args[++i]);
  else if (a === '--json') jsonFile = args[++i];
  else if (a.startsWith('--') && suites.some((s) => s.name === a.slice(2))) counts[a.slice(2)] = Number(args[++i]);
  else if (suites.some((s) => s.name === a)) picked.push(a);
  else {
    console.error(`torture: unknown argument '${a}'. Suites: ${suites.map((s) => s.name).join(', ')}`);
    process.exit(64);
  }
}
if (!Number.isFinite(seed)) {
  console.error('torture: --seed needs a number');
  process.exit(64);
}

const chosen = suites.filter((s) => picked.length === 0 || picked.includes(s.name));
let failed = 0;
const summary = [];
const figures = [];
for (const suite of chosen) {
  const fromEnv = Number(process.env[`EMSH_TORTURE_${suite.name.toUpperCase()}`]);
  const cases = counts[suite.name] ?? (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : quick ? suite.cases.quick : full ? suite.cases.full : suite.cases.standard ?? suite.cases.full);
  console.log(`▶ ${suite.name}: ${suite.summary}`);
  const t0 = performance.now();
  let result;
  try {
    result = await suite.run({ cases, seed, log: (line) => console.log(`  ${line}`) });
  } catch (e) {
    result = { cases: 0, failures: [`the suite itself failed: ${e instanceof Error ? e.stack : String(e)}`] };
  }
  const seconds = (performance.now() - t0) / 1000;
  // Every failure in full goes to EMSH_TORTURE_LOG when set; the first 20, shortened, to the console.
  if (process.env.EMSH_TORTURE_LOG) for (const f of result.failures) appendFileSync(process.env.EMSH_TORTURE_LOG, `[${suite.name}] ${f}\n`);
  for (const f of result.failures.slice(0, 20)) console.log(`  ✗ ${f.length > 600 ? f.slice(0, 600) + ' …' : f}`);
  if (result.failures.length > 20) console.log(`  … and ${result.failures.length - 20} more`);
  const extra = Object.entries(result.figures ?? {}).map(([k, v]) => `, ${k}: ${v}`).join('');
  const line = `${suite.name}: ${result.cases} cases, ${result.failures.length} failures, ${seconds.toFixed(1)} s${extra}`;
  console.log(`  ${line}`);
  summary.push(line);
  figures.push({ suite: suite.name, cases: result.cases, failures: result.failures.length, seconds, ...(result.figures ?? {}) });
  if (result.failures.length) failed++;
}
if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ seed, quick, full, suites: figures }, null, 2) + '\n');
console.log('torture summary:');
for (const l of summary) console.log(`  ${l}`);
process.exit(failed ? 1 : 0);

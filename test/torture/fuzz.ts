// N fuzzed inputs through real sessions (100,000 with --full): token soup, mutations of the
// transcripts and every cmdlet example, random syntax trees and cmdlet calls with awkward values
// (test/helpers/fuzz-inputs.ts, shared with test/engine/fuzz.test.ts). Each input must settle
// (a runaway is stopped as Ctrl+C would), print no leak of the implementation and leave a
// session that still computes.
//
// Inputs come in batches of BATCH, each run on a fresh lab (what inputs pile up — certificates,
// files, variables — would slow the rest). The batches are shared among worker threads (one per
// core by default, EMSH_TORTURE_WORKERS to choose): each worker has its own event loop, so a
// stall one input causes is measured on that input alone.
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { parseScript } from '../../grammar/index.js';
import { quote, runChecked } from '../helpers/bounded-run.js';
import { cmdletCall, mutated, script, tokenSoup } from '../helpers/fuzz-inputs.js';
import { capturedSession, tempHome, type Captured } from '../helpers/run.js';
import { repoRoot } from '../helpers/repo.js';
import type { TortureSuite } from './suite.js';

const BATCH = 1000;
/** Runaways (loops the mutations made endless) are stopped sooner than in the unit test. */
const STOP_AFTER_MS = 300;
/**
 * How long a stopped input may take to settle. Longer than the unit test's 2 s: the workers share
 * the cores with each other (and CI with everything else), and a run that stalls shows up here
 * as a failure, not as a slow test.
 */
const GRACE_MS = 5000;

export interface FuzzTally {
  done: number;
  parsed: number;
  failures: string[];
}

/** Runs the given batches (by index) of the run with this seed and size, one after the other. */
export async function fuzzBatches(
  seed: number,
  cases: number,
  batches: number[],
  log: (line: string) => void,
  batchDone: (inputs: number) => void = () => undefined,
): Promise<FuzzTally> {
  const inputs = fc.oneof(
    { arbitrary: tokenSoup, weight: 3 },
    { arbitrary: mutated, weight: 3 },
    { arbitrary: script, weight: 2 },
    { arbitrary: cmdletCall, weight: 2 },
  );
  const tally: FuzzTally = { done: 0, parsed: 0, failures: [] };
  for (const b of batches) {
    if (tally.failures.length > 100) break;
    // Batch b is the same inputs wherever it runs: fast-check's sample is deterministic per seed.
    const batch = fc.sample(inputs, { numRuns: Math.min(BATCH, cases - b * BATCH), seed: seed + b });
    const home = tempHome();
    let sh: Captured | undefined;
    try {
      sh = await capturedSession({ home });
      for (const text of batch) {
        if (parseScript(text).errors.length === 0) tally.parsed++;
        const why = await runChecked(sh, text, [home], STOP_AFTER_MS, GRACE_MS);
        if (why) {
          tally.failures.push(`${quote(text)} ${why}`);
          log(`✗ ${quote(text, 200)} ${why.split('\n')[0]}`);
        }
      }
    } finally {
      await sh?.close();
      rmSync(home, { recursive: true, force: true });
    }
    tally.done += batch.length;
    batchDone(batch.length);
  }
  return tally;
}

export const fuzzSuite: TortureSuite = {
  name: 'fuzz',
  summary: 'fuzzed inputs: token soup, mutated examples and transcripts, random syntax trees, cmdlet calls',
  cases: { quick: 1000, standard: 20_000, full: 100_000 },
  async run({ cases, seed, log }) {
    const count = Math.ceil(cases / BATCH);
    const workers = Math.max(1, Math.min(count, Number(process.env.EMSH_TORTURE_WORKERS) || availableParallelism()));
    const shares = Array.from({ length: workers }, (_, w) => Array.from({ length: count }, (_, b) => b).filter((b) => b % workers === w));
    const started = performance.now();
    let done = 0;
    const progress = (n: number) => {
      done += n;
      if (done % 5000 < n) log(`${done} inputs, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    };
    const tallies = await Promise.all(
      shares.map(
        (share) =>
          new Promise<FuzzTally>((resolve, reject) => {
            const w = new Worker(join(repoRoot(), 'test', 'torture', 'fuzz-worker.mjs'), { workerData: { seed, cases, batches: share } });
            w.on('message', (m: { log?: string; batchDone?: number; tally?: FuzzTally }) => {
              if (m.log) log(m.log);
              if (m.batchDone) progress(m.batchDone);
              if (m.tally) {
                resolve(m.tally);
                void w.terminate();
              }
            });
            w.on('error', reject);
            // Before its tally, a worker that ends has failed (after it, terminate() ends it).
            w.on('exit', (code) => reject(new Error(`a fuzz worker ended (${code}) before reporting`)));
          }),
      ),
    );
    const failures = tallies.flatMap((t) => t.failures);
    return {
      cases: tallies.reduce((n, t) => n + t.done, 0),
      failures,
      figures: { 'parsed without errors': tallies.reduce((n, t) => n + t.parsed, 0), workers, seed },
    };
  },
};

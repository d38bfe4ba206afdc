// One worker of the fuzz suite (test/torture/fuzz.ts): runs its share of the batches in its own
// thread and event loop, and reports progress, failures and its tally to the runner.
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { fuzzBatches } = await import(pathToFileURL(join(root, 'dist', 'torture-lib.mjs')).href);
const tally = await fuzzBatches(
  workerData.seed,
  workerData.cases,
  workerData.batches,
  (log) => parentPort.postMessage({ log }),
  (n) => parentPort.postMessage({ batchDone: n }),
);
// The runner ends this worker when it has the tally (sessions may leave timers behind).
parentPort.postMessage({ tally });

// A child process for the store's cross-process tests and the bench (bundled with esbuild first,
// since Node 20 cannot run TypeScript). Usage: node child.mjs <mode> <statePath> [n]
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { LabStore } from '../../src/store/lab-store.js';
import { acquireLock } from '../../src/store/lock.js';
import { emptyLabState } from '../../src/store/schema.js';

const [mode, statePath, arg] = process.argv.slice(2);
const seed = () => ({ ...emptyLabState('child-lab', new Date()), progress: { counter: 0 } });
type Progress = { counter: number; blob?: string; blobLength?: number };

async function main(): Promise<void> {
  switch (mode) {
    case 'hold': {
      // Hold the lab's writer lock (a statement in progress) until killed.
      const store = await LabStore.open({ statePath, seed });
      await store.beginChanges({ waitMs: 0 });
      process.stdout.write(`ready ${process.pid}\n`);
      setInterval(() => store.state, 1_000);
      break;
    }
    case 'lock-and-exit': {
      // Take the lock and exit without closing: the exit hook must remove the lock file.
      mkdirSync(dirname(statePath), { recursive: true });
      await acquireLock(statePath + '.lock', 'child-lab');
      process.stdout.write('locked\n');
      process.exit(0);
      break;
    }
    case 'increment': {
      // Read-modify-write statements, re-opening each time like separate emsh runs.
      for (let i = 0; i < Number(arg); i++) {
        const store = await LabStore.open({ statePath, seed, lock: { waitMs: 30_000 } });
        await store.beginChanges({ waitMs: 30_000 });
        const p = store.state.progress as Progress;
        p.counter += 1;
        store.markRoot();
        store.endChanges();
        await store.close();
      }
      process.stdout.write('done\n');
      break;
    }
    case 'write-loop': {
      // Rewrite lab.json whole with ever-changing documents of varying size until killed; report each.
      const store = await LabStore.open({ statePath, seed });
      for (let i = 1; ; i++) {
        const blobLength = 500_000 + (i % 7) * 300_000;
        store.state.progress = { counter: i, blob: String(i % 10).repeat(blobLength), blobLength };
        await store.save();
        process.stdout.write(`saved ${i}\n`);
      }
    }
    case 'commit-loop': {
      // Commit changes to the journal one after another until killed; report each commit.
      const store = await LabStore.open({ statePath, seed, compactAtBytes: 200_000 });
      await store.beginChanges({ waitMs: 0 });
      for (let i = 1; ; i++) {
        store.state.progress = { counter: i, blob: String(i % 10).repeat(1000 + (i % 13) * 500), blobLength: 1000 + (i % 13) * 500 };
        store.markRoot();
        store.commit();
        process.stdout.write(`committed ${i}\n`);
        // Now and then end the statement: a compaction may run and be killed mid-way too.
        if (i % 50 === 0) {
          store.endChanges();
          await store.beginChanges({ waitMs: 0 });
        }
        if (i % 10 === 0) await new Promise((r) => setImmediate(r));
      }
    }
    case 'load': {
      // Cold load for the bench: time to open, and peak RSS.
      const t0 = performance.now();
      const store = await LabStore.open({ statePath, seed, readOnly: true });
      const ms = performance.now() - t0;
      const records = ((store.state.organization as { certificates?: unknown[] }).certificates ?? []).length;
      process.stdout.write(JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS, records }) + '\n');
      break;
    }
    default:
      throw new Error(`unknown mode ${mode}`);
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).name}: ${(e as Error).message}\n`);
  process.exit(1);
});

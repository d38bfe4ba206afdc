// A writer killed with SIGKILL in the middle of saving must leave the old or the new state, whole:
// a compaction (lab.json rewritten) or a journal append, wherever the kill lands.
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LabStore } from '../../src/store/lab-store.js';
import { buildChild, startChild, tempDir } from './lab-store-helpers.js';

let child: string;
beforeAll(async () => {
  child = await buildChild(tempDir('emsh-child-'));
});

type Progress = { counter: number; blob: string; blobLength: number };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('atomic save under SIGKILL', () => {
  // The child saves 0.5–2.3 MB documents back to back; a kill at a varying moment lands inside a
  // write most of the time. (A writer that truncates the target in place fails this test.)
  it('after each kill the state file loads whole: the last completed save or the one in flight', async () => {
    for (let round = 0; round < 8; round++) {
      const statePath = join(tempDir(), 'labs', 'training', 'lab.json');
      const writer = startChild(child, ['write-loop', statePath]);
      await writer.waitFor(/^saved 2$/);
      await sleep(round * 3);
      writer.proc.kill('SIGKILL');
      await writer.exited;
      const lastReported = Number(writer.lines.at(-1)!.split(' ')[1]);

      const seed = () => {
        throw new Error('the state must load, not be re-seeded');
      };
      const store = await LabStore.open({ statePath, seed });
      expect(store.warnings).toEqual([]);
      const p = store.state.progress as Progress;
      expect([lastReported, lastReported + 1]).toContain(p.counter);
      expect(p.blob.length).toBe(p.blobLength);
      expect(p.blob).toBe(String(p.counter % 10).repeat(p.blobLength));
      expect(readdirSync(dirname(statePath)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      await store.close();
    }
  });

  it('a commit reported before the kill is there after it (journal appends and compactions)', async () => {
    for (let round = 0; round < 8; round++) {
      const statePath = join(tempDir(), 'labs', 'training', 'lab.json');
      const writer = startChild(child, ['commit-loop', statePath]);
      await writer.waitFor(new RegExp(`^committed ${20 + round * 37}$`));
      writer.proc.kill('SIGKILL');
      await writer.exited;
      const lastReported = Number(writer.lines.filter((l) => l.startsWith('committed ')).at(-1)!.split(' ')[1]);
      const store = await LabStore.open({ statePath, seed: () => { throw new Error('the state must load, not be re-seeded'); } });
      expect(store.warnings).toEqual([]);
      const p = store.state.progress as Progress;
      expect([lastReported, lastReported + 1]).toContain(p.counter);
      expect(p.blob).toBe(String(p.counter % 10).repeat(p.blobLength));
      await store.close();
    }
  });
});

// Cross-process behaviour of the single-writer lock, with real child processes.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { join } from 'node:path';
import { LabBusyError, LabStore } from '../../src/store/lab-store.js';
import { emptyLabState } from '../../src/store/schema.js';
import { buildChild, startChild, tempDir } from './lab-store-helpers.js';

let child: string;
beforeAll(async () => {
  child = await buildChild(tempDir('emsh-child-'));
});

const seed = () => ({ ...emptyLabState('child-lab', new Date()), progress: { counter: 0 } });
const statePathIn = (dir: string) => join(dir, 'labs', 'training', 'lab.json');

describe('lab lock across processes', () => {
  it('a second writer waits for the one changing the lab, gives up with its pid, and goes ahead once the holder is killed', async () => {
    const statePath = statePathIn(tempDir());
    const holder = startChild(child, ['hold', statePath]);
    const pid = Number((await holder.waitFor(/^ready /)).split(' ')[1]);
    expect(pid).toBe(holder.proc.pid);

    const store = await LabStore.open({ statePath, seed });
    expect(store.state.lab.name).toBe('child-lab'); // reading needs no lock
    const err = await store.beginChanges({ waitMs: 100 }).catch((e) => e);
    expect(err).toBeInstanceOf(LabBusyError);
    expect(err.message).toBe(`The lab 'training' is being changed by another emsh (pid ${pid}); this session waited 0 s for it. Nothing was changed.`);

    holder.proc.kill('SIGKILL');
    await holder.exited;
    await store.beginChanges({ waitMs: 5_000 });
    expect(JSON.parse(readFileSync(statePath + '.lock', 'utf8')).pid).toBe(process.pid);
    store.endChanges();
    expect(existsSync(statePath + '.lock')).toBe(false);
    await store.close();
  });

  it('two processes racing to take over one stale lock: exactly one wins', async () => {
    const statePath = statePathIn(tempDir());
    mkdirSync(dirname(statePath), { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(statePath + '.lock', JSON.stringify({ pid: dead, hostname: hostname(), startedAt: new Date().toISOString(), token: 'dead' }));
    const a = startChild(child, ['hold', statePath]);
    const b = startChild(child, ['hold', statePath]);
    // One reports ready; the other exits with the lock error naming the winner.
    const loser = await Promise.race([a.exited.then(() => a), b.exited.then(() => b)]);
    const winner = loser === a ? b : a;
    await winner.waitFor(/^ready /);
    expect(loser.stderr()).toBe(
      `LabBusyError: The lab 'training' is being changed by another emsh (pid ${winner.proc.pid}); this session waited 0 s for it. Nothing was changed.\n`,
    );
    expect(JSON.parse(readFileSync(statePath + '.lock', 'utf8')).pid).toBe(winner.proc.pid);
    winner.proc.kill('SIGKILL');
    await winner.exited;
  });

  it('a process that exits without closing releases its lock', async () => {
    const statePath = statePathIn(tempDir());
    const c = startChild(child, ['lock-and-exit', statePath]);
    await c.waitFor(/^locked$/).catch(() => undefined);
    expect(await c.exited).toBe(0);
    expect(existsSync(statePath + '.lock')).toBe(false);
  });

  it('two processes doing read-modify-write increments under the lock lose no update', async () => {
    const statePath = statePathIn(tempDir());
    const n = 40;
    const a = startChild(child, ['increment', statePath, String(n)]);
    const b = startChild(child, ['increment', statePath, String(n)]);
    const codes = await Promise.all([a.exited, b.exited]);
    expect(codes, a.stderr() + b.stderr()).toEqual([0, 0]);
    const store = await LabStore.open({ statePath, seed });
    expect((store.state.progress as { counter: number }).counter).toBe(2 * n);
    await store.close();
  });
});

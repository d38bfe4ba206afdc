// Cross-process behaviour of the single-writer lock, with real child processes.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { join } from 'node:path';
import { LabLockedError, LabReadOnlyError, LabStore } from '../../src/store/lab-store.js';
import { emptyLabState } from '../../src/store/schema.js';
import { buildChild, startChild, tempDir } from './lab-store-helpers.js';

let child: string;
beforeAll(async () => {
  child = await buildChild(tempDir('emsh-child-'));
});

const seed = () => ({ ...emptyLabState('child-lab', new Date()), progress: { counter: 0 } });
const statePathIn = (dir: string) => join(dir, 'labs', 'training', 'lab.json');

describe('lab lock across processes', () => {
  it('a second emsh fails with the lock message, falls back to read-only, and takes over once the holder is killed', async () => {
    const statePath = statePathIn(tempDir());
    const holder = startChild(child, ['hold', statePath]);
    const pid = Number((await holder.waitFor(/^ready /)).split(' ')[1]);
    expect(pid).toBe(holder.proc.pid);

    const err = await LabStore.open({ statePath, seed }).catch((e) => e);
    expect(err).toBeInstanceOf(LabLockedError);
    expect(err.message).toBe(
      `The lab 'training' is open in another emsh (pid ${pid}). Close it first, or start with -ReadOnly.`,
    );

    const ro = await LabStore.open({ statePath, seed, readOnlyFallback: true });
    expect(ro.readOnly).toBe(true);
    expect(ro.warnings).toEqual([
      `The lab 'training' is open in another emsh (pid ${pid}). This session is read-only: its changes will not be saved.`,
    ]);
    expect(ro.state.lab.name).toBe('child-lab'); // it reads the holder's state
    await expect(ro.save()).rejects.toBeInstanceOf(LabReadOnlyError);
    await ro.close();

    holder.proc.kill('SIGKILL');
    await holder.exited;
    const store = await LabStore.open({ statePath, seed });
    expect(store.readOnly).toBe(false);
    expect(JSON.parse(readFileSync(statePath + '.lock', 'utf8')).pid).toBe(process.pid);
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
      `LabLockedError: The lab 'training' is open in another emsh (pid ${winner.proc.pid}). Close it first, or start with -ReadOnly.\n`,
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
    const state = JSON.parse(readFileSync(statePath, 'utf8'));
    expect(state.progress.counter).toBe(2 * n);
  });
});

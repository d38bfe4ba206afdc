import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { LabLockedError, acquireLock, processStartTime, readLockOwner } from '../../src/store/lock.js';
import { tempDir } from './lab-store-helpers.js';

function lockPath(): string {
  const dir = tempDir('emsh-lock-');
  mkdirSync(dir, { recursive: true });
  return join(dir, 'lab.json.lock');
}

function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '0']);
  return r.pid!;
}

function writeLock(path: string, owner: { pid: number; hostname?: string; startedAt?: string; token?: string }): void {
  writeFileSync(
    path,
    JSON.stringify({ hostname: hostname(), startedAt: new Date().toISOString(), token: 'feedface', ...owner }),
  );
}

describe('acquireLock', () => {
  it('writes pid, host and start time into an exclusive lock file, and release removes it', async () => {
    const path = lockPath();
    const lock = await acquireLock(path, 'training', { now: () => new Date('2024-05-01T00:00:00Z') });
    const owner = readLockOwner(path)!;
    expect(owner.pid).toBe(process.pid);
    expect(owner.hostname).toBe(hostname());
    expect(owner.startedAt).toBe('2024-05-01T00:00:00.000Z');
    lock.release();
    expect(existsSync(path)).toBe(false);
    lock.release(); // idempotent
  });

  it('refuses a second holder in the same process', async () => {
    const path = lockPath();
    const lock = await acquireLock(path, 'training');
    await expect(acquireLock(path, 'training')).rejects.toThrow(
      `The lab 'training' is being changed by another emsh (pid ${process.pid}).`,
    );
    lock.release();
  });

  it('refuses a lock held by another live process on this host', async () => {
    const path = lockPath();
    writeLock(path, { pid: process.ppid });
    const err = await acquireLock(path, 'lab2').catch((e) => e);
    expect(err).toBeInstanceOf(LabLockedError);
    expect(err.message).toBe(
      `The lab 'lab2' is being changed by another emsh (pid ${process.ppid}).`,
    );
    expect(err.owner.pid).toBe(process.ppid);
  });

  it('treats a lock from another host as live (its pid cannot be checked here)', async () => {
    const path = lockPath();
    writeLock(path, { pid: deadPid(), hostname: 'some-other-host' });
    await expect(acquireLock(path, 'training')).rejects.toBeInstanceOf(LabLockedError);
  });

  it('takes over a stale lock whose process is gone', async () => {
    const path = lockPath();
    writeLock(path, { pid: deadPid() });
    const lock = await acquireLock(path, 'training');
    expect(readLockOwner(path)!.pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock with our pid that this process does not hold (pid reused by a new run)', async () => {
    const path = lockPath();
    writeLock(path, { pid: process.pid, token: 'from-a-previous-run' });
    const lock = await acquireLock(path, 'training');
    expect(readLockOwner(path)!.token).toBe(lock.owner.token);
    lock.release();
  });

  it('takes over a lock that predates the last boot even if its pid is alive now', async () => {
    const path = lockPath();
    writeLock(path, { pid: process.ppid, startedAt: '2001-01-01T00:00:00.000Z' });
    const lock = await acquireLock(path, 'training');
    expect(readLockOwner(path)!.pid).toBe(process.pid);
    lock.release();
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose pid now belongs to a process started after the lock', async () => {
    const path = lockPath();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      const started = processStartTime(other.pid!)!;
      expect(Math.abs(started - Date.now())).toBeLessThan(5_000);
      // Written a minute before that process started: its pid was reused.
      writeLock(path, { pid: other.pid!, startedAt: new Date(started - 60_000).toISOString() });
      const lock = await acquireLock(path, 'training');
      expect(readLockOwner(path)!.pid).toBe(process.pid);
      lock.release();
      // Written after it started: a live holder.
      writeLock(path, { pid: other.pid!, startedAt: new Date().toISOString() });
      await expect(acquireLock(path, 'training')).rejects.toThrow(`(pid ${other.pid})`);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('takes over an old unreadable lock file (its writer died before writing it)', async () => {
    const path = lockPath();
    writeFileSync(path, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(path, old, old);
    const lock = await acquireLock(path, 'training');
    expect(readLockOwner(path)!.pid).toBe(process.pid);
    lock.release();
  });

  it('simulated other process: a lock taken with another pid blocks this one', async () => {
    const path = lockPath();
    const other = await acquireLock(path, 'training', { pid: process.ppid });
    await expect(acquireLock(path, 'training', { isAlive: () => true })).rejects.toThrow(`(pid ${process.ppid})`);
    other.release();
    (await acquireLock(path, 'training')).release();
  });

  it('release leaves alone a lock that someone else has taken since', async () => {
    const path = lockPath();
    const lock = await acquireLock(path, 'training');
    writeLock(path, { pid: process.ppid, token: 'new-holder' }); // as if taken over
    lock.release();
    expect(readLockOwner(path)!.token).toBe('new-holder');
  });

  it('waits for a live holder when waitMs allows', async () => {
    const path = lockPath();
    const first = await acquireLock(path, 'training');
    setTimeout(() => first.release(), 150);
    const t0 = Date.now();
    const second = await acquireLock(path, 'training', { waitMs: 5_000 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
    expect(JSON.parse(readFileSync(path, 'utf8')).token).toBe(second.owner.token);
    second.release();
  });
});

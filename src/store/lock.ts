// Single-writer lock for a lab: an exclusive lock file created with O_EXCL.
// lowdb has no inter-process coordination: two writers lose updates (measured: two processes
// doing 200 read-modify-write increments each ended near 200 of 400), so
// exactly one emsh may hold a lab's state open for writing; others refuse or open read-only.

import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname as osHostname, uptime } from 'node:os';

/**
 * 16 hex digits that tell this process's lock file from another's: unique, not secret, so
 * Math.random serves (node:crypto would add ~2 ms to every start-up; see src/launcher.ts).
 */
function lockToken(): string {
  const word = () => Math.floor(Math.random() * 2 ** 32).toString(16).padStart(8, '0');
  return word() + word();
}

/** What a lock file records about its holder. */
export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
  /** Random per acquisition: lets release() and takeover tell one holder from a later one. */
  token: string;
}

export interface LockOptions {
  /** Poll for this long when the lab is locked by a live process (default 0: fail at once). */
  waitMs?: number;
  // Injection points for tests (simulate another process or host).
  pid?: number;
  hostname?: string;
  now?: () => Date;
  isAlive?: (pid: number) => boolean;
}

export class LabLockedError extends Error {
  constructor(
    readonly lab: string,
    readonly owner: LockOwner,
  ) {
    super(`The lab '${lab}' is open in another emsh (pid ${owner.pid}). Close it first, or start with -ReadOnly.`);
    this.name = 'LabLockedError';
  }
}

export interface LabLock {
  readonly path: string;
  readonly owner: LockOwner;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

/** A lock file younger than this with unreadable content is being written right now. */
const UNREADABLE_GRACE_MS = 5_000;
/** A takeover guard older than this was left by a process that died mid-takeover. */
const GUARD_STALE_MS = 10_000;
const POLL_MS = 25;

// Locks held by this process, released synchronously when it exits ('exit' allows no async work).
const held = new Map<string, LabLock>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const lock of [...held.values()]) lock.release();
  });
}

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When a process started (ms since epoch), from /proc on Linux; undefined elsewhere or unreadable.
 * Field 22 of /proc/<pid>/stat is the start time in clock ticks after boot (USER_HZ, 100 on Linux).
 */
export function processStartTime(pid: number, bootMs = Date.now() - uptime() * 1000): number | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? bootMs + ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

type LockRead = { kind: 'missing' } | { kind: 'owner'; owner: LockOwner; raw: string } | { kind: 'unreadable'; raw: string; ageMs: number };

function readLockFile(path: string): LockRead {
  let raw: string;
  let ageMs: number;
  try {
    raw = readFileSync(path, 'utf8');
    ageMs = Date.now() - statSync(path).mtimeMs;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw e;
  }
  try {
    const o = JSON.parse(raw) as Partial<LockOwner>;
    if (typeof o.pid === 'number' && typeof o.hostname === 'string' && typeof o.startedAt === 'string' && typeof o.token === 'string') {
      return { kind: 'owner', owner: o as LockOwner, raw };
    }
  } catch {
    /* fall through */
  }
  return { kind: 'unreadable', raw, ageMs };
}

/** Who holds the lock at `path`, if anyone (for messages and tests). */
export function readLockOwner(path: string): LockOwner | undefined {
  const r = readLockFile(path);
  return r.kind === 'owner' ? r.owner : undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Takes the lab's lock, taking over a stale one (its holder is dead on this host, or it predates
 * the last boot, or it names this very process but not a lock this process holds).
 * Throws LabLockedError when a live process holds it and waitMs runs out.
 */
export async function acquireLock(path: string, lab: string, opts: LockOptions = {}): Promise<LabLock> {
  const pid = opts.pid ?? process.pid;
  const host = opts.hostname ?? osHostname();
  const now = opts.now ?? (() => new Date());
  const isAlive = opts.isAlive ?? isProcessAlive;
  const deadline = Date.now() + (opts.waitMs ?? 0);

  const isStale = (r: LockRead): boolean => {
    if (r.kind === 'unreadable') return r.ageMs > UNREADABLE_GRACE_MS;
    if (r.kind !== 'owner') return false;
    const o = r.owner;
    // Another host's pids mean nothing here: treat its lock as live.
    if (o.hostname !== host) return false;
    if (o.pid === pid) {
      // Same pid: live only if this process really holds it (a second open in-process);
      // otherwise a previous run had the same pid (containers reuse low pids).
      return ![...held.values()].some((l) => l.owner.token === o.token);
    }
    if (!isAlive(o.pid)) return true;
    // A live pid whose process started after the lock was written is a reused pid.
    const locked = Date.parse(o.startedAt);
    if (!Number.isFinite(locked)) return false;
    const bootMs = Date.now() - uptime() * 1000;
    if (locked < bootMs - 60_000) return true;
    const procStart = opts.isAlive ? undefined : processStartTime(o.pid, bootMs);
    return procStart !== undefined && procStart > locked + 5_000;
  };

  let lastOwner: LockOwner | undefined;
  for (let attempt = 0; ; attempt++) {
    const owner: LockOwner = { pid, hostname: host, startedAt: now().toISOString(), token: lockToken() };
    if (tryCreate(path, owner)) {
      const lock: LabLock = {
        path,
        owner,
        release() {
          if (held.get(path) === lock) held.delete(path);
          const r = readLockFile(path);
          if (r.kind === 'owner' && r.owner.token === owner.token) {
            try {
              unlinkSync(path);
            } catch {
              /* already gone */
            }
          }
        },
      };
      held.set(path, lock);
      installExitHook();
      return lock;
    }
    const current = readLockFile(path);
    if (current.kind === 'missing') continue; // released between our attempt and the read
    if (isStale(current)) {
      if (!takeOver(path, current.raw)) await sleep(5); // another process is taking over
      if (attempt < 200) continue;
    }
    if (current.kind === 'owner') lastOwner = current.owner;
    // Live holder (or an unreadable lock still being written): wait if allowed.
    const writingNow = current.kind === 'unreadable';
    if (Date.now() < deadline || (writingNow && attempt < 40)) {
      await sleep(POLL_MS);
      continue;
    }
    throw new LabLockedError(lab, lastOwner ?? { pid: 0, hostname: '', startedAt: '', token: '' });
  }
}

function tryCreate(path: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, JSON.stringify(owner) + '\n');
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Removes a stale lock whose content is `staleRaw`. A guard file serialises takeovers so two
 * processes cannot both remove a lock and each believe they replaced it: under the guard the
 * content is re-read and removed only if it is still the stale one.
 */
function takeOver(path: string, staleRaw: string): boolean {
  const guard = `${path}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    try {
      if (Date.now() - statSync(guard).mtimeMs > GUARD_STALE_MS) unlinkSync(guard);
    } catch {
      /* someone else cleaned it */
    }
    return false; // the caller retries
  }
  closeSync(fd);
  try {
    let raw: string | undefined;
    try {
      raw = readFileSync(path, 'utf8');
    } catch {
      raw = undefined;
    }
    if (raw === staleRaw) {
      try {
        unlinkSync(path);
      } catch {
        /* gone already */
      }
    }
  } finally {
    try {
      unlinkSync(guard);
    } catch {
      /* ignore */
    }
  }
  return true;
}

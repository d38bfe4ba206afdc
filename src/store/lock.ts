// The lab's writer lock: an exclusive lock file created with O_EXCL.
// lowdb has no inter-process coordination: two writers lose updates, so whoever changes a lab
// holds this lock while it does (one statement at a time; see lab-store.ts), and others wait.

import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
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
  /** Called while waiting for a live holder (for "waiting for the lab" messages). */
  onWait?: (owner: LockOwner | undefined, waitedMs: number) => void;
  /** Gives up waiting when aborted (Ctrl+C). */
  signal?: AbortSignal;
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
    super(`The lab '${lab}' is being changed by another emsh (pid ${owner.pid}).`);
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
 * One attempt at the lab's lock, taking over a stale one (its holder is dead on this host, or it
 * predates the last boot, or it names this very process but not a lock this process holds).
 * Returns the lock, or what to do next: retry at once, or wait (a live holder, or a lock file
 * still being written).
 */
type Attempt = { lock: LabLock } | { retry: true } | { wait: true; owner?: LockOwner; writingNow: boolean };

function attempt(path: string, opts: LockOptions, n: number): Attempt {
  const pid = opts.pid ?? process.pid;
  const host = opts.hostname ?? osHostname();
  const now = opts.now ?? (() => new Date());
  const isAlive = opts.isAlive ?? isProcessAlive;

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
    return { lock };
  }
  const current = readLockFile(path);
  if (current.kind === 'missing') return { retry: true }; // released between our attempt and the read
  if (isStale(current) && n < 200) {
    // Another process may be taking over at the same moment: then wait a little.
    return takeOver(path, current.raw) ? { retry: true } : { wait: true, writingNow: true };
  }
  return { wait: true, owner: current.kind === 'owner' ? current.owner : undefined, writingNow: current.kind === 'unreadable' };
}

function lockedError(lab: string, owner: LockOwner | undefined): LabLockedError {
  return new LabLockedError(lab, owner ?? { pid: 0, hostname: '', startedAt: '', token: '' });
}

/**
 * Waiters line up in a folder beside the lock (`<lock>.queue/`), one ticket file each, named so
 * that they sort by arrival: only the first live ticket may take the lock. So a writer that lets
 * go and wants it again at once queues behind those already waiting instead of snatching it back
 * (without this, eight writers in loops starved most of the others). Tickets of dead processes are
 * removed by whoever sees them.
 */
class WaitQueue {
  private readonly dir: string;

  constructor(
    lockPath: string,
    private readonly pid: number,
    private readonly isAlive: (pid: number) => boolean,
  ) {
    this.dir = `${lockPath}.queue`;
  }

  /** Live tickets, oldest first (dead ones are removed on the way). */
  private live(): string[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    return names.sort().filter((name) => {
      const pid = Number(name.split('-')[2]);
      if (pid === this.pid || this.isAlive(pid)) return true;
      try {
        unlinkSync(join(this.dir, name));
      } catch {
        // someone else removed it
      }
      return false;
    });
  }

  isEmpty(): boolean {
    return this.live().length === 0;
  }

  join(): string {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    for (;;) {
      const name = `${String(Date.now()).padStart(15, '0')}-${String(++ticketSeq).padStart(9, '0')}-${this.pid}-${lockToken()}`;
      try {
        closeSync(openSync(join(this.dir, name), 'wx', 0o600));
        return name;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
  }

  isFirst(ticket: string): boolean {
    return this.live()[0] === ticket;
  }

  leave(ticket: string): void {
    try {
      unlinkSync(join(this.dir, ticket));
    } catch {
      // already gone
    }
  }
}

let ticketSeq = 0;

/**
 * Takes the lab's lock, first come first served, waiting up to opts.waitMs for live holders
 * (polling; onWait is called once per poll with the holder and how long this call has waited).
 * `pause` sleeps between polls: a timer, or a blocking wait for callers that cannot await.
 * Throws LabLockedError when the wait runs out (or the signal aborts it).
 */
function acquireWith<R>(path: string, lab: string, opts: LockOptions, pause: (ms: number) => R, chain: (r: R, next: () => LabLock | R) => LabLock | R): LabLock | R {
  const started = Date.now();
  const deadline = started + (opts.waitMs ?? 0);
  const queue = new WaitQueue(path, opts.pid ?? process.pid, opts.isAlive ?? isProcessAlive);
  let lastOwner: LockOwner | undefined;
  let ticket: string | undefined;
  let n = 0;
  const giveUp = (): never => {
    if (ticket) queue.leave(ticket);
    throw lockedError(lab, lastOwner);
  };
  const step = (): LabLock | R => {
    for (;; n++) {
      if (opts.signal?.aborted) giveUp();
      // Without waiters, try at once; otherwise only the first in line tries.
      const mayTry = ticket ? queue.isFirst(ticket) : queue.isEmpty();
      if (mayTry) {
        const a = attempt(path, opts, n);
        if ('lock' in a) {
          if (ticket) queue.leave(ticket);
          return a.lock;
        }
        if ('retry' in a) continue;
        lastOwner = a.owner ?? lastOwner;
        if (a.writingNow && n < 40 && Date.now() >= deadline) return chain(pause(POLL_MS), () => (n++, step()));
      }
      if (Date.now() >= deadline) giveUp();
      ticket ??= queue.join();
      opts.onWait?.(lastOwner, Date.now() - started);
      return chain(pause(POLL_MS), () => (n++, step()));
    }
  };
  try {
    return step();
  } catch (e) {
    if (ticket) queue.leave(ticket);
    throw e;
  }
}

/**
 * Takes the lab's lock, waiting up to opts.waitMs for a live holder (first come, first served).
 * Throws LabLockedError when a live process holds it and waitMs runs out.
 */
export async function acquireLock(path: string, lab: string, opts: LockOptions = {}): Promise<LabLock> {
  return acquireWith<Promise<LabLock>>(
    path,
    lab,
    opts,
    (ms) => sleep(ms) as unknown as Promise<LabLock>,
    (p, next) => p.then(() => next()),
  );
}

/** acquireLock for callers that cannot await (a commit on its way to the screen): blocks while it waits. */
export function acquireLockSync(path: string, lab: string, opts: LockOptions = {}): LabLock {
  return acquireWith<undefined>(
    path,
    lab,
    opts,
    (ms) => void Atomics.wait(SLEEPER, 0, 0, ms),
    (_r, next) => next(),
  ) as LabLock;
}

const SLEEPER = new Int32Array(new SharedArrayBuffer(4));

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
  } catch (e) {
    // A full disk: no half-written lock may stay behind for others to wait on.
    closeSync(fd);
    try {
      unlinkSync(path);
    } catch {
      // gone already
    }
    throw e;
  }
  closeSync(fd);
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

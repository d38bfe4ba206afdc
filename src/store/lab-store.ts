// LabStore: the lab state document on lowdb, with what lowdb leaves out — a schema version and
// migrations, validation on load, quarantine of unreadable files, a single-writer lock, owner-only
// file modes, and a durable atomic save (temp file, fsync, rename, fsync of the directory).

import { Low, type Adapter } from 'lowdb';
import { chmod, copyFile, mkdir, open, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { LabLockedError, acquireLock, type LabLock, type LockOptions } from './lock.js';
import { MIGRATIONS, migrateDocument, type Migration } from './migrations.js';
import { SCHEMA_VERSION, labTime, readSchemaVersion, validateLabState, type LabState } from './schema.js';

export { LabLockedError } from './lock.js';

export class LabSchemaTooNewError extends Error {
  constructor(
    readonly statePath: string,
    readonly fileVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `The lab state '${statePath}' has schema version ${fileVersion}, but this emsh supports up to version ${supportedVersion}. ` +
        'Upgrade emsh to open this lab; the file was left unchanged.',
    );
    this.name = 'LabSchemaTooNewError';
  }
}

export class LabReadOnlyError extends Error {
  constructor(readonly lab: string) {
    super(`The lab '${lab}' is open read-only in this session; changes cannot be saved.`);
    this.name = 'LabReadOnlyError';
  }
}

export interface LabStoreOptions {
  /** <home>/labs/<lab>/lab.json; its directory is created (mode 0700) if missing. */
  statePath: string;
  /** Builds the initial state for a new lab, or after an unreadable file was moved aside. */
  seed: () => LabState | Promise<LabState>;
  /** When another emsh holds the lock, open read-only with a warning instead of throwing. */
  readOnlyFallback?: boolean;
  /** Open read-only without taking the lock (-ReadOnly). */
  readOnly?: boolean;
  now?: () => Date;
  /** Name used in messages; defaults to the state file's directory name. */
  labName?: string;
  /** Lock behaviour (wait time; pid/host injection for tests). */
  lock?: LockOptions;
  /** For tests of the migration framework. */
  migrations?: readonly Migration[];
  schemaVersion?: number;
  /** JSON indentation (default 2: the file stays readable and diffable for trainers). */
  indent?: number;
}

/**
 * A lowdb adapter whose write survives a crash at any point: the new content goes to a fresh temp
 * file in the same directory, is fsynced, then renamed over the target (atomic on one file system),
 * and the directory is fsynced so the rename itself is durable. steno does the rename but no fsync.
 * Writes are serialised; a write requested while one is in flight coalesces with later ones.
 */
export class DurableJSONFile<T> implements Adapter<T> {
  private inFlight: Promise<void> | null = null;
  private queued: { text: string; promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | null = null;
  private seq = 0;

  constructor(
    readonly path: string,
    private readonly indent = 2,
  ) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as T;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  write(data: T): Promise<void> {
    // Serialise now: the caller may change the document again before the write starts.
    const text = JSON.stringify(data, null, this.indent) + '\n';
    if (!this.inFlight) return this.start(text);
    if (this.queued) {
      this.queued.text = text;
      return this.queued.promise;
    }
    let resolveFn!: () => void;
    let rejectFn!: (e: unknown) => void;
    const promise = new Promise<void>((res, rej) => {
      resolveFn = res;
      rejectFn = rej;
    });
    this.queued = { text, promise, resolve: resolveFn, reject: rejectFn };
    return promise;
  }

  /** Resolves when no write is in flight or queued. */
  async flush(): Promise<void> {
    while (this.inFlight) await this.inFlight.catch(() => undefined);
  }

  private start(text: string): Promise<void> {
    const run = this.writeNow(text);
    this.inFlight = run.finally(() => {
      this.inFlight = null;
      const next = this.queued;
      this.queued = null;
      if (next) this.start(next.text).then(next.resolve, next.reject);
    });
    // Callers see this write's outcome; the chained promise above only drives the queue.
    this.inFlight.catch(() => undefined);
    return run;
  }

  private async writeNow(text: string): Promise<void> {
    const dir = dirname(this.path);
    const tmp = join(dir, `.${basename(this.path)}.${process.pid}.${++this.seq}.tmp`);
    try {
      const fh = await open(tmp, 'wx', 0o600);
      try {
        await fh.writeFile(text, 'utf8');
        await fh.sync();
      } finally {
        await fh.close();
      }
      await renameWithRetry(tmp, this.path);
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      throw e;
    }
    await fsyncDirectory(dir);
  }
}

/** Windows refuses a rename while a scanner or editor holds the target: retry briefly there. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt >= 10 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function fsyncDirectory(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch (e) {
    // Windows cannot open or fsync a directory; the rename is still atomic there.
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw e;
  } finally {
    await fh?.close();
  }
}

function fileStamp(d: Date): string {
  // 2024-05-01T10:20:30.123Z → 20240501T102030Z (no ':' so the name is valid on Windows too)
  return d.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export class LabStore {
  /** Messages for the shell to print once at start (file moved aside, read-only session, upgrade). */
  readonly warnings: string[] = [];
  private closed = false;

  private constructor(
    readonly statePath: string,
    readonly labName: string,
    readonly readOnly: boolean,
    /** True when this open created the state (new lab or after an unreadable file). */
    readonly created: boolean,
    private readonly db: Low<LabState>,
    private readonly adapter: DurableJSONFile<LabState>,
    private lock: LabLock | undefined,
    private readonly now: () => Date,
  ) {}

  static async open(opts: LabStoreOptions): Promise<LabStore> {
    const statePath = resolve(opts.statePath);
    const dir = dirname(statePath);
    const labName = opts.labName ?? basename(dir);
    const now = opts.now ?? (() => new Date());
    const supported = opts.schemaVersion ?? SCHEMA_VERSION;
    const warnings: string[] = [];

    let readOnly = opts.readOnly ?? false;
    let lock: LabLock | undefined;
    if (!readOnly) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      try {
        lock = await acquireLock(`${statePath}.lock`, labName, opts.lock);
      } catch (e) {
        if (!(e instanceof LabLockedError) || !opts.readOnlyFallback) throw e;
        readOnly = true;
        warnings.push(
          `The lab '${labName}' is open in another emsh (pid ${e.owner.pid}). This session is read-only: its changes will not be saved.`,
        );
      }
    } else {
      warnings.push(`The lab '${labName}' is open read-only: changes in this session will not be saved.`);
    }

    try {
      if (!readOnly) {
        await chmod(dir, 0o700).catch(() => undefined);
        await removeLeftoverTempFiles(statePath);
      }
      const loaded = await loadState(statePath, supported, opts.migrations ?? MIGRATIONS, readOnly, now, warnings);
      let state = loaded.state;
      const created = state === undefined;
      if (state === undefined) {
        state = await opts.seed();
        const problems = validateLabState(state, supported);
        if (problems.length) throw new Error(`The lab seed produced an invalid state: ${problems.join('; ')}.`);
      }
      const adapter = new DurableJSONFile<LabState>(statePath, opts.indent ?? 2);
      const db = new Low<LabState>(adapter, state);
      const store = new LabStore(statePath, labName, readOnly, created, db, adapter, lock, now);
      store.warnings.push(...warnings);
      // Persist at once what the file does not yet hold, so a crash cannot lose the new lab.
      if (!readOnly && (created || loaded.migrated)) await store.save();
      return store;
    } catch (e) {
      lock?.release();
      throw e;
    }
  }

  /** The lab document (lowdb's data). Mutate it, then save(). */
  get state(): LabState {
    return this.db.data;
  }
  set state(value: LabState) {
    this.db.data = value;
  }

  /** The lab's current time (real time moved by the lab clock). */
  labNow(): Date {
    return labTime(this.state.clock, this.now());
  }

  /** One atomic, durable write of the whole document. Refused in a read-only session. */
  async save(): Promise<void> {
    if (this.closed) throw new Error(`The lab '${this.labName}' is closed.`);
    if (this.readOnly) throw new LabReadOnlyError(this.labName);
    await this.db.write();
  }

  /** Applies fn to the state and saves. */
  async update(fn: (state: LabState) => void): Promise<void> {
    fn(this.state);
    await this.save();
  }

  /** Waits for pending writes, then releases the lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.adapter.flush();
    } finally {
      this.lock?.release();
      this.lock = undefined;
    }
  }
}

/** Temp files of writes that died mid-way (we hold the lock, so none is in progress). */
async function removeLeftoverTempFiles(statePath: string): Promise<void> {
  const dir = dirname(statePath);
  const prefix = `.${basename(statePath)}.`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) await unlink(join(dir, name)).catch(() => undefined);
  }
}

interface Loaded {
  state: LabState | undefined; // undefined: seed a fresh one
  migrated: boolean;
}

async function loadState(
  statePath: string,
  supported: number,
  migrations: readonly Migration[],
  readOnly: boolean,
  now: () => Date,
  warnings: string[],
): Promise<Loaded> {
  let raw: string;
  try {
    raw = await readFile(statePath, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: undefined, migrated: false };
    throw e;
  }

  const unreadable = async (reason: string): Promise<Loaded> => {
    if (readOnly) {
      // Never move a file another session owns; just start from a fresh state in memory.
      warnings.push(`The lab state file '${statePath}' is unreadable (${reason}); this read-only session starts from a fresh lab state.`);
      return { state: undefined, migrated: false };
    }
    const moved = await quarantine(statePath, now());
    warnings.push(`The lab state file was unreadable (${reason}). It was moved to '${moved}' and a fresh lab state was created.`);
    return { state: undefined, migrated: false };
  };

  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch (e) {
    return unreadable(`invalid JSON: ${(e as Error).message}`);
  }
  const version = readSchemaVersion(doc);
  if (version === undefined) return unreadable('no valid schemaVersion');
  if (version > supported) throw new LabSchemaTooNewError(statePath, version, supported);

  let migrated = false;
  if (version < supported) {
    try {
      doc = migrateDocument(doc as Record<string, unknown>, version, supported, migrations).doc;
    } catch (e) {
      return unreadable((e as Error).message);
    }
    migrated = true;
  }
  const problems = validateLabState(doc, supported);
  if (problems.length) return unreadable(problems.join('; '));

  if (migrated) {
    if (readOnly) {
      warnings.push(`The lab state was upgraded in memory from schema version ${version} to ${supported}; the file is unchanged.`);
    } else {
      // Keep the pre-upgrade file: an upgrade is the one write an older emsh could not read back.
      const backup = `${statePath}.v${version}.bak`;
      await copyFile(statePath, backup);
      await chmod(backup, 0o600).catch(() => undefined);
      warnings.push(`The lab state was upgraded from schema version ${version} to ${supported}; the previous file was kept as '${backup}'.`);
    }
  }
  return { state: doc as LabState, migrated };
}

async function quarantine(statePath: string, at: Date): Promise<string> {
  const base = `${statePath}.corrupt-${fileStamp(at)}`;
  let target = base;
  for (let n = 2; await exists(target); n++) target = `${base}-${n}`;
  await rename(statePath, target);
  return target;
}

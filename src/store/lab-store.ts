// LabStore: the lab state document on lowdb, with what lowdb leaves out — a schema version and
// migrations, validation on load, quarantine of unreadable files, owner-only file modes, a
// writer lock shared by every emsh on the lab, and changes that are durable the moment they are
// committed (a journal: see journal.ts).
//
// Many sessions may have one lab open. None holds it for long: a session takes the writer lock
// for a statement that may change the lab (waiting for another writer's statement to end), reads
// what others committed before it starts, commits each change as it happens, and lets go when the
// statement ends. So nothing one session does is ever lost to another's save.

import { LowSync } from 'lowdb';
import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { JournaledFile, SaveError, WHOLE_DOCUMENT, type ItemRef, type StatePartition } from './journal.js';
import { LabLockedError, acquireLock, acquireLockSync, type LabLock, type LockOptions } from './lock.js';
import { MIGRATIONS, migrateDocument, type Migration } from './migrations.js';
import { SCHEMA_VERSION, labTime, readSchemaVersion, validateLabState, type LabState } from './schema.js';

export { LabLockedError } from './lock.js';
export { SaveError, type ItemRef, type StatePartition } from './journal.js';

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

/** Why a change could not be committed. The in-memory state was put back to what is on disk. */
export abstract class LabCommitError extends Error {}

export class LabReadOnlyError extends LabCommitError {
  constructor(readonly lab: string) {
    super(`The lab '${lab}' is open read-only in this session; the change was not saved.`);
    this.name = 'LabReadOnlyError';
  }
}

/** The state file could not be written (disk full, permissions, path too long ...). */
export class LabSaveError extends LabCommitError {
  constructor(
    readonly lab: string,
    readonly code: string | undefined,
    cause: unknown,
  ) {
    super(`The change to the lab '${lab}' was not saved: ${describeSaveFailure(code, cause)}. The lab is unchanged.`);
    this.name = 'LabSaveError';
  }
}

/** A change made without the writer lock, after another emsh had changed the lab. */
export class LabChangedError extends LabCommitError {
  constructor(readonly lab: string) {
    super(`The change to the lab '${lab}' was not saved: another emsh changed the lab while it was being made. The lab is unchanged; run the command again.`);
    this.name = 'LabChangedError';
  }
}

/** Another emsh kept the writer lock longer than this session would wait. */
export class LabBusyError extends LabCommitError {
  constructor(
    readonly lab: string,
    readonly holderPid: number,
    readonly waitedMs: number,
  ) {
    super(
      `The lab '${lab}' is being changed by another emsh (pid ${holderPid}); this session waited ${Math.round(waitedMs / 1000)} s for it. ` +
        'Nothing was changed.',
    );
    this.name = 'LabBusyError';
  }
}

function describeSaveFailure(code: string | undefined, cause: unknown): string {
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is exhausted';
    case 'EACCES':
    case 'EPERM':
      return 'permission to write the lab folder was denied';
    case 'EROFS':
      return 'the lab folder is on a read-only file system';
    case 'ENAMETOOLONG':
      return 'the path of the lab folder is too long';
    case 'EIO':
      return 'the disk reported an I/O error';
    default:
      return cause instanceof Error ? cause.message.replace(/, \w+ '[^']*'$/, '') : String(cause);
  }
}

export interface LabStoreOptions {
  /** <home>/labs/<lab>/lab.json; its directory is created (mode 0700) if missing. */
  statePath: string;
  /** Builds the initial state for a new lab, or after an unreadable file was moved aside. */
  seed: () => LabState | Promise<LabState>;
  /** Open read-only: never lock, never write (-ReadOnly, graders). */
  readOnly?: boolean;
  now?: () => Date;
  /** Name used in messages; defaults to the state file's directory name. */
  labName?: string;
  /** Lock behaviour (how long open() waits to create or upgrade a lab; pid/host injection for tests). */
  lock?: LockOptions;
  /** For tests of the migration framework. */
  migrations?: readonly Migration[];
  schemaVersion?: number;
  /** JSON indentation (default 2: the file stays readable and diffable for trainers). */
  indent?: number;
  /** Where the item collections of the document are (default: none, the whole document is the root). */
  partition?: StatePartition;
  /** Checks beyond the envelope (the organization); problems make the file unreadable. */
  validate?: (state: LabState) => string[];
  /** Fold the journal into lab.json when it passes this many bytes (default: 1 MiB or half the base). */
  compactAtBytes?: number;
}

/** What changed since the last commit: the root, and items by reference. */
class PendingChanges {
  /** The document was replaced as a whole: the next commit rewrites lab.json. */
  whole = false;
  root = false;
  readonly items = new Map<string, ItemRef>();

  get any(): boolean {
    return this.whole || this.root || this.items.size > 0;
  }

  clear(): void {
    this.whole = false;
    this.root = false;
    this.items.clear();
  }
}

const OPEN_WAIT_MS = 30_000;

export class LabStore {
  /** Messages for the shell to print once at start (file moved aside, read-only session, upgrade). */
  readonly warnings: string[] = [];
  /** Called after the state was replaced by what is on disk (another session's changes, a rollback). */
  onReload?: (state: LabState) => void;
  private closed = false;
  private lock: LabLock | undefined;
  private readonly pending = new PendingChanges();
  private writeCount = 0;

  private constructor(
    readonly statePath: string,
    readonly labName: string,
    readonly readOnly: boolean,
    /** True when this open created the state (new lab or after an unreadable file). */
    readonly created: boolean,
    private readonly db: LowSync<LabState>,
    private readonly file: JournaledFile,
    private readonly opts: LabStoreOptions,
    private readonly now: () => Date,
  ) {}

  static async open(opts: LabStoreOptions): Promise<LabStore> {
    const statePath = resolve(opts.statePath);
    const dir = dirname(statePath);
    const labName = opts.labName ?? basename(dir);
    const now = opts.now ?? (() => new Date());
    const partition = opts.partition ?? WHOLE_DOCUMENT;
    const file = new JournaledFile(statePath, partition, opts.indent ?? 2);
    const warnings: string[] = [];
    const readOnly = opts.readOnly ?? false;
    let created = false;
    let state: LabState | undefined;

    if (readOnly) {
      warnings.push(`The lab '${labName}' is open read-only: changes in this session will not be saved.`);
      const loaded = load(file, opts, readOnly, now, warnings);
      state = loaded.state;
      if (state === undefined) {
        state = await seedState(opts);
        created = true;
      }
    } else {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      try {
        chmodSync(dir, 0o700);
      } catch {
        // Not ours to change (a shared folder): the files themselves are 0600.
      }
      // Most opens find a valid, current file: read it without the lock. Creating, upgrading or
      // setting aside a file is a change: under the lock, looking again (another emsh may have
      // just done it).
      const deadline = Date.now() + (opts.lock?.waitMs ?? OPEN_WAIT_MS);
      for (;;) {
        const quick = load(file, opts, readOnly, now, [], { dryRun: true });
        if (quick.state !== undefined && !quick.needsWrite) {
          state = quick.state;
          cleanUpAfterCrashes(file, statePath, labName, opts.lock);
          break;
        }
        let lock: LabLock;
        try {
          lock = await acquireLock(`${statePath}.lock`, labName, { ...opts.lock, waitMs: 0 });
        } catch (e) {
          if (!(e instanceof LabLockedError) || Date.now() > deadline) throw e;
          await new Promise((r) => setTimeout(r, 25));
          continue;
        }
        try {
          file.removeLeftoverTempFiles();
          const loaded = load(file, opts, readOnly, now, warnings);
          state = loaded.state;
          if (state === undefined) {
            state = await seedState(opts);
            created = true;
            file.write(state);
          } else if (loaded.needsWrite) {
            file.write(state);
          }
        } finally {
          lock.release();
        }
        break;
      }
    }
    const db = new LowSync<LabState>(file, state);
    const store = new LabStore(statePath, labName, readOnly, created, db, file, opts, now);
    store.warnings.push(...warnings);
    return store;
  }

  /** The lab document (lowdb's data). Mutate it, mark what changed, then commit(). */
  get state(): LabState {
    return this.db.data;
  }
  set state(value: LabState) {
    this.db.data = value;
    this.pending.whole = true;
  }

  /** The lab's current time (real time moved by the lab clock). */
  labNow(): Date {
    return labTime(this.state.clock, this.now());
  }

  /** Something outside the item collections changed. */
  markRoot(): void {
    this.pending.root = true;
  }

  /** One item changed (was added, replaced, edited or removed). */
  markItem(ref: ItemRef): void {
    this.pending.items.set(ref.join('\u0000'), ref);
  }

  /** Journal records (and rewrites) this store has written: lets a caller tell whether a commit wrote. */
  get writes(): number {
    return this.writeCount;
  }

  get hasChanges(): boolean {
    return this.pending.any;
  }

  get holdsLock(): boolean {
    return this.lock !== undefined;
  }

  /**
   * Becomes the lab's writer for a while (a statement): waits for another writer to finish, then
   * reads what it committed. Throws LabBusyError when waitMs runs out (or the signal aborts).
   */
  async beginChanges(opts: { waitMs: number; onWait?: LockOptions['onWait']; signal?: AbortSignal }): Promise<void> {
    if (this.readOnly || this.lock) return;
    const started = Date.now();
    try {
      this.lock = await acquireLock(this.lockPath, this.labName, { ...this.opts.lock, waitMs: opts.waitMs, onWait: opts.onWait, signal: opts.signal });
    } catch (e) {
      if (e instanceof LabLockedError) throw new LabBusyError(this.labName, e.owner.pid, Date.now() - started);
      throw this.asSaveError(e);
    }
    this.refresh();
  }

  /** A file-system failure while taking the lock: the change cannot be saved (disk full ...). */
  private asSaveError(e: unknown): unknown {
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? new LabSaveError(this.labName, code, e) : e;
  }

  /** Commits what is left, folds a long journal into lab.json, and lets other writers in. */
  endChanges(opts: { durable?: boolean } = {}): void {
    try {
      this.commit(opts);
    } finally {
      if (this.lock) {
        try {
          if (this.file.journalBytes > this.compactAt()) this.compact();
        } catch {
          // Nothing is lost: every change is in the journal; compaction is tried again later.
        } finally {
          this.lock.release();
          this.lock = undefined;
        }
      }
    }
  }

  /**
   * Reads what other sessions committed since this one last looked. Returns true when the state
   * was replaced (onReload has run). Uncommitted changes are committed first.
   */
  refresh(): boolean {
    if (this.pending.any) this.commit();
    const change = this.file.changesSince();
    if (change.kind === 'none') return false;
    if (change.kind === 'appended') {
      this.db.data = this.file.replay(this.db.data, change.records);
      this.file.stamp = { ...this.file.stamp, journalBytes: change.bytes, journalSeen: change.seen };
    } else {
      this.db.data = this.readLatest();
    }
    this.onReload?.(this.db.data);
    return true;
  }

  /**
   * Makes every marked change durable now (one journal record, fsynced) — before the shell shows
   * anything that depends on it. On failure the in-memory state goes back to what is on disk and
   * a LabCommitError says why.
   */
  commit(opts: { durable?: boolean } = {}): void {
    const durable = opts.durable ?? true;
    if (!this.pending.any) {
      if (durable) this.syncJournal();
      return;
    }
    if (this.closed) throw new Error(`The lab '${this.labName}' is closed.`);
    if (this.readOnly) {
      this.rollback();
      throw new LabReadOnlyError(this.labName);
    }
    let ownLock: LabLock | undefined;
    if (!this.lock) {
      // A change in a statement that did not say it would make one: it may be kept only if the
      // lab is still as this session read it.
      try {
        ownLock = acquireLockSync(this.lockPath, this.labName, { ...this.opts.lock, waitMs: 2_000 });
      } catch (e) {
        this.rollback();
        if (e instanceof LabLockedError) throw new LabBusyError(this.labName, e.owner.pid, 2_000);
        throw this.asSaveError(e);
      }
      if (!this.file.unchanged()) {
        ownLock.release();
        this.rollback();
        throw new LabChangedError(this.labName);
      }
    }
    try {
      this.append(durable);
    } finally {
      ownLock?.release();
    }
  }

  /** fsync of appends made without it; a failure rolls back like a failed append. */
  private syncJournal(): void {
    try {
      this.file.sync();
    } catch (e) {
      this.rollback();
      throw new LabSaveError(this.labName, e instanceof SaveError ? e.code : undefined, e instanceof SaveError ? e.cause : e);
    }
  }

  /** The pending changes as one journal record (or a new lab.json when the document was replaced). */
  private append(durable: boolean): void {
    const partition = this.opts.partition ?? WHOLE_DOCUMENT;
    const record: { r?: unknown; i?: [string, string, string, unknown][] } = {};
    if (this.pending.root) record.r = partition.rootOf(this.state);
    if (this.pending.items.size) {
      record.i = [...this.pending.items.values()].map((ref) => [ref[0], ref[1], ref[2], partition.getItem(this.state, ref) ?? null]);
    }
    try {
      if (this.pending.whole) this.file.write(this.state);
      else this.file.append(record, durable);
      this.writeCount++;
    } catch (e) {
      this.rollback();
      throw new LabSaveError(this.labName, e instanceof SaveError ? e.code : undefined, e instanceof SaveError ? e.cause : e);
    }
    this.pending.clear();
  }

  /** Drops uncommitted changes: the state becomes what is on disk. */
  rollback(): void {
    this.pending.clear();
    this.db.data = this.readLatest();
    this.onReload?.(this.db.data);
  }

  /** Commits pending changes and rewrites lab.json whole (compaction). Takes the lock if needed. */
  async save(): Promise<void> {
    if (this.closed) throw new Error(`The lab '${this.labName}' is closed.`);
    if (this.readOnly) {
      if (this.pending.any) this.rollback();
      throw new LabReadOnlyError(this.labName);
    }
    const had = this.lock !== undefined;
    if (!had) this.lock = await acquireLock(this.lockPath, this.labName, { waitMs: OPEN_WAIT_MS, ...this.opts.lock });
    try {
      this.pending.clear();
      try {
        this.compact();
      } catch (e) {
        this.rollback();
        throw new LabSaveError(this.labName, e instanceof SaveError ? e.code : undefined, e instanceof SaveError ? e.cause : e);
      }
    } finally {
      if (!had) {
        this.lock?.release();
        this.lock = undefined;
      }
    }
  }

  /** Applies fn to the state and saves. */
  async update(fn: (state: LabState) => void): Promise<void> {
    fn(this.state);
    this.pending.root = true;
    await this.save();
  }

  /** Commits what is pending and lets go of the lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      if (!this.readOnly) this.endChanges();
    } finally {
      this.closed = true;
      this.lock?.release();
      this.lock = undefined;
    }
  }

  /** lab.json rewritten whole with the journal folded in (call while holding the lock). */
  private compact(): void {
    this.file.removeLeftoverTempFiles();
    this.file.write(this.state);
  }

  private get lockPath(): string {
    return `${this.statePath}.lock`;
  }

  private compactAt(): number {
    return this.opts.compactAtBytes ?? Math.max(1 << 20, this.file.stamp.base === 'missing' ? 0 : this.baseBytes() / 2);
  }

  private baseBytes(): number {
    return Number(this.file.stamp.base.split(':')[1] ?? 0);
  }

  /** The state on disk now (base + journal), validated. */
  private readLatest(): LabState {
    const state = this.file.read();
    if (state === null) throw new Error(`The lab state '${this.statePath}' has disappeared.`);
    const problems = validateLabState(state, this.opts.schemaVersion ?? SCHEMA_VERSION);
    if (problems.length) throw new Error(`The lab state '${this.statePath}' is not valid: ${problems.join('; ')}.`);
    return state;
  }
}

/** Temp files of a compaction that died mid-way: removed when nobody is writing (the lock is free). */
function cleanUpAfterCrashes(file: JournaledFile, statePath: string, labName: string, lockOpts: LockOptions | undefined): void {
  if (!file.hasLeftoverTempFiles()) return;
  let lock: LabLock;
  try {
    lock = acquireLockSync(`${statePath}.lock`, labName, { ...lockOpts, waitMs: 0 });
  } catch {
    return; // somebody is writing (perhaps compacting): next time
  }
  try {
    file.removeLeftoverTempFiles();
  } finally {
    lock.release();
  }
}

async function seedState(opts: LabStoreOptions): Promise<LabState> {
  const state = await opts.seed();
  const problems = [...validateLabState(state, opts.schemaVersion ?? SCHEMA_VERSION), ...(opts.validate?.(state) ?? [])];
  if (problems.length) throw new Error(`The lab seed produced an invalid state: ${problems.join('; ')}.`);
  return state;
}

function fileStamp(d: Date): string {
  // 2024-05-01T10:20:30.123Z → 20240501T102030Z (no ':' so the name is valid on Windows too)
  return d.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

interface Loaded {
  /** undefined: seed a fresh one. */
  state: LabState | undefined;
  /** The file must be rewritten (upgraded) before the lab is used. */
  needsWrite: boolean;
}

/**
 * Reads base + journal, upgrading and validating. Unreadable files are moved aside (not in a
 * read-only session, nor in a dry run, which only reports that a write is needed).
 */
function load(
  file: JournaledFile,
  opts: LabStoreOptions,
  readOnly: boolean,
  now: () => Date,
  warnings: string[],
  mode: { dryRun?: boolean } = {},
): Loaded {
  const statePath = file.path;
  const supported = opts.schemaVersion ?? SCHEMA_VERSION;
  const unreadable = (reason: string): Loaded => {
    if (mode.dryRun) return { state: undefined, needsWrite: true };
    if (readOnly) {
      // Never move a file another session owns; just start from a fresh state in memory.
      warnings.push(`The lab state file '${statePath}' is unreadable (${reason}); this read-only session starts from a fresh lab state.`);
      return { state: undefined, needsWrite: false };
    }
    const moved = quarantine(file, now());
    warnings.push(`The lab state file was unreadable (${reason}). It was moved to '${moved}' and a fresh lab state was created.`);
    return { state: undefined, needsWrite: false };
  };

  let doc: unknown;
  try {
    const base = file.readBase();
    if (base === null) return { state: undefined, needsWrite: true };
    doc = base.doc;
  } catch (e) {
    if (e instanceof SyntaxError) return unreadable(`invalid JSON: ${e.message}`);
    throw e;
  }
  const version = readSchemaVersion(doc);
  if (version === undefined) return unreadable('no valid schemaVersion');
  if (version > supported) throw new LabSchemaTooNewError(statePath, version, supported);

  // Base + journal (the journal's records are of the base's version).
  let state: LabState | null;
  try {
    state = file.read();
  } catch (e) {
    if (e instanceof SyntaxError) return unreadable(`invalid JSON: ${e.message}`);
    throw e;
  }
  if (state === null) return { state: undefined, needsWrite: true };
  doc = state;

  let migrated = false;
  if (version < supported) {
    if (mode.dryRun) return { state: undefined, needsWrite: true };
    try {
      doc = migrateDocument(doc as Record<string, unknown>, version, supported, opts.migrations ?? MIGRATIONS).doc;
    } catch (e) {
      return unreadable((e as Error).message);
    }
    migrated = true;
  }
  const problems = validateLabState(doc, supported);
  if (!problems.length) problems.push(...(opts.validate?.(doc as LabState) ?? []));
  if (problems.length) return unreadable(problems.join('; '));

  if (migrated) {
    if (readOnly) {
      warnings.push(`The lab state was upgraded in memory from schema version ${version} to ${supported}; the file is unchanged.`);
    } else {
      // Keep the pre-upgrade file: an upgrade is the one write an older emsh could not read back.
      const backup = `${statePath}.v${version}.bak`;
      copyFileSync(statePath, backup);
      try {
        chmodSync(backup, 0o600);
      } catch {
        // best effort
      }
      warnings.push(`The lab state was upgraded from schema version ${version} to ${supported}; the previous file was kept as '${backup}'.`);
    }
  }
  return { state: doc as LabState, needsWrite: migrated };
}

/** Moves lab.json (and its journal) aside as lab.json.corrupt-<time>; returns the new name. */
function quarantine(file: JournaledFile, at: Date): string {
  const base = `${file.path}.corrupt-${fileStamp(at)}`;
  let target = base;
  for (let n = 2; existsSync(target); n++) target = `${base}-${n}`;
  renameSync(file.path, target);
  if (existsSync(file.journalPath)) renameSync(file.journalPath, `${target}.journal`);
  file.stamp = { base: 'missing', journalBytes: 0, journalSeen: 0 };
  return target;
}

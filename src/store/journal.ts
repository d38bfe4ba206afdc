// The lab state on disk: a base document (lab.json) and a journal of changes since it
// (lab.journal), behind lowdb's synchronous adapter interface.
//
// Why a journal: a change must be durable before the shell shows it (a thumbprint on screen is a
// certificate on disk, even after kill -9), and rewriting a 1,000-certificate lab.json (4 MB) at
// every step costs 15–30 ms. A journal record holds only what changed — the document's "root"
// (everything but the item collections, ~10–50 KB) and the changed items (one certificate each) —
// and costs one append and one fsync (~0.3 ms). Compaction folds the journal into a new base.
//
// Format. lab.json carries `journalEpoch`; each journal line is one JSON record
// `{"e":epoch,"r":root?,"i":[[collection,owner,key,value|null],...]?}` ending in "\n". Replay
// applies the complete lines whose epoch is the base's, in order; a line without its "\n" is a
// write that died mid-way and is ignored. Compaction writes a new base with epoch+1 (temp file,
// fsync, rename, fsync of the folder) before it empties the journal, so a crash between the two
// leaves records of an older epoch, which replay skips.

import {
  closeSync,
  constants,
  fdatasyncSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SyncAdapter } from 'lowdb';
import type { LabState } from './schema.js';

/** One item of a collection: certificates of server EX01 with thumbprint T is ['certificates', 'EX01', 'T']. */
export type ItemRef = readonly [collection: string, owner: string, key: string];

/**
 * How a document splits into a root and item collections. The store knows nothing of what the
 * items are; whoever owns the document (src/exchange) says where they live.
 */
export interface StatePartition {
  /** The document without its item collections (serialized at once: may share objects with state). */
  rootOf(state: LabState): unknown;
  /** A document with this root and the item collections of `previous` (matched by owner). */
  withRoot(root: unknown, previous: LabState): LabState;
  getItem(state: LabState, ref: ItemRef): unknown;
  /** Replaces the item with the same key, or appends it. */
  putItem(state: LabState, ref: ItemRef, value: unknown): void;
  deleteItem(state: LabState, ref: ItemRef): void;
}

/** A document with no item collections: every change rewrites the whole root. */
export const WHOLE_DOCUMENT: StatePartition = {
  rootOf: (state) => state,
  withRoot: (root) => root as LabState,
  getItem: () => undefined,
  putItem: () => {
    throw new Error('This document has no item collections.');
  },
  deleteItem: () => {
    throw new Error('This document has no item collections.');
  },
};

export interface JournalRecord {
  e: number;
  r?: unknown;
  i?: [string, string, string, unknown][];
}

/** What the files looked like when this process last read or wrote them. */
export interface FileStamp {
  base: string;
  /** Bytes of the journal that are complete records (read or written by us). */
  journalBytes: number;
  /** The journal's size when we last looked (more than journalBytes after a torn append). */
  journalSeen: number;
}

const FILE_MODE = 0o600;

export class SaveError extends Error {
  constructor(
    readonly code: string | undefined,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'SaveError';
  }
}

function errnoCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

function baseStamp(path: string): string {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return 'missing';
    throw e;
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return 0;
    throw e;
  }
}

function readWhole(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return undefined;
    throw e;
  }
  try {
    return readFrom(fd, 0);
  } finally {
    closeSync(fd);
  }
}

function readFrom(fd: number, offset: number): string {
  const size = fstatSync(fd).size;
  if (size <= offset) return '';
  const buf = Buffer.allocUnsafe(size - offset);
  let got = 0;
  while (got < buf.length) {
    const n = readSync(fd, buf, got, buf.length - got, offset + got);
    if (n === 0) break;
    got += n;
  }
  return buf.toString('utf8', 0, got);
}

/** Complete records of a journal text; `bytes` is how much of it they span. */
export function parseJournal(text: string): { records: JournalRecord[]; bytes: number; damaged: boolean } {
  const records: JournalRecord[] = [];
  let pos = 0;
  let damaged = false;
  for (;;) {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) break; // an append that died mid-way: ignored
    const line = text.slice(pos, nl);
    try {
      const r = JSON.parse(line) as JournalRecord;
      if (typeof r?.e !== 'number') throw new Error('no epoch');
      records.push(r);
    } catch {
      // Only a torn append can leave a bad line, and only as the last one; stop here either way.
      damaged = true;
      break;
    }
    pos = nl + 1;
  }
  return { records, bytes: Buffer.byteLength(text.slice(0, pos)), damaged };
}

export function applyRecord(state: LabState, r: JournalRecord, partition: StatePartition): LabState {
  // eslint-disable-next-line prefer-const -- the journal's code changes only with the store's owner (comments aside)
  let next = r.r !== undefined ? partition.withRoot(r.r, state) : state;
  for (const [collection, owner, key, value] of r.i ?? []) {
    const ref: ItemRef = [collection, owner, key];
    if (value === null || value === undefined) partition.deleteItem(next, ref);
    else partition.putItem(next, ref, value);
  }
  return next;
}

/** The epoch a base document's journal records must carry. */
export function epochOf(doc: unknown): number {
  const e = (doc as { journalEpoch?: unknown } | null)?.journalEpoch;
  return typeof e === 'number' && Number.isInteger(e) && e >= 0 ? e : 0;
}

/**
 * lab.json + lab.journal as a lowdb SyncAdapter: read() gives the base with the journal applied,
 * write() compacts (a new base, empty journal). append() is the journal's own, cheap write.
 * read() returns the document as JSON (unvalidated): the store validates and migrates it.
 */
export class JournaledFile implements SyncAdapter<LabState> {
  readonly journalPath: string;
  /** The files as this process last saw them. */
  stamp: FileStamp = { base: 'missing', journalBytes: 0, journalSeen: 0 };
  /** The epoch of the base we hold; journal records we write carry it. */
  epoch = 0;
  /** Set when the last read stopped at a damaged journal line. */
  damaged = false;
  private seq = 0;

  constructor(
    readonly path: string,
    private readonly partition: StatePartition,
    private readonly indent = 2,
  ) {
    this.journalPath = path.replace(/\.json$/, '') + '.journal';
  }

  /** The raw base document (for migration and validation before any replay), or null when missing. */
  readBase(): { doc: unknown; text: string } | null {
    const text = readWhole(this.path);
    if (text === undefined) return null;
    return { doc: JSON.parse(text), text };
  }

  /** Base + journal. Retries when a compaction replaced the base while it was reading. */
  read(): LabState | null {
    for (let attempt = 0; ; attempt++) {
      const before = baseStamp(this.path);
      if (before === 'missing') {
        this.stamp = { base: 'missing', journalBytes: 0, journalSeen: 0 };
        return null;
      }
      const base = readWhole(this.path);
      const journal = readWhole(this.journalPath) ?? '';
      const after = baseStamp(this.path);
      if (base === undefined || before !== after) {
        if (attempt < 20) continue;
        throw new Error(`The lab state '${this.path}' kept changing while it was read.`);
      }
      let state = JSON.parse(base) as LabState;
      this.epoch = epochOf(state);
      delete state.journalEpoch; // bookkeeping of the files, not part of the lab
      const parsed = parseJournal(journal);
      this.damaged = parsed.damaged;
      state = this.replay(state, parsed.records);
      this.stamp = { base: after, journalBytes: parsed.bytes, journalSeen: Buffer.byteLength(journal) };
      return state;
    }
  }

  /**
   * What changed on disk since our stamp: nothing, records appended to the journal (returned),
   * or a new base (then read() again).
   */
  changesSince(): { kind: 'none' } | { kind: 'appended'; records: JournalRecord[]; bytes: number; seen: number } | { kind: 'replaced' } {
    if (baseStamp(this.path) !== this.stamp.base) return { kind: 'replaced' };
    const size = fileSize(this.journalPath);
    if (size === this.stamp.journalSeen) return { kind: 'none' };
    if (size < this.stamp.journalBytes) return { kind: 'replaced' };
    let fd: number;
    try {
      fd = openSync(this.journalPath, 'r');
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return { kind: 'replaced' };
      throw e;
    }
    try {
      const text = readFrom(fd, this.stamp.journalBytes);
      const parsed = parseJournal(text);
      return { kind: 'appended', records: parsed.records, bytes: this.stamp.journalBytes + parsed.bytes, seen: this.stamp.journalBytes + Buffer.byteLength(text) };
    } finally {
      closeSync(fd);
    }
  }

  replay(state: LabState, records: JournalRecord[]): LabState {
    for (const r of records) if (r.e === this.epoch) state = applyRecord(state, r, this.partition);
    return state;
  }

  /** True when the files are as we last saw them (nobody else wrote since). */
  unchanged(): boolean {
    return baseStamp(this.path) === this.stamp.base && fileSize(this.journalPath) === this.stamp.journalSeen;
  }

  /** Bytes appended but not yet fsynced (they survive the process, not the machine). */
  private unsynced = false;

  /**
   * Appends one record: durable (fsynced) when `durable`, else written to the file (it survives
   * a killed process) and fsynced by the next durable append or sync(). On failure the journal is
   * cut back to its last good length, so a torn line can never glue itself to the next record,
   * and a SaveError is thrown.
   */
  append(record: Omit<JournalRecord, 'e'>, durable = true): void {
    const line = Buffer.from(JSON.stringify({ e: this.epoch, ...record }) + '\n', 'utf8');
    let fd: number;
    try {
      // Not O_APPEND: Linux ignores the offset of a positional write to an O_APPEND file.
      fd = openSync(this.journalPath, constants.O_WRONLY | constants.O_CREAT, FILE_MODE);
    } catch (e) {
      throw new SaveError(errnoCode(e), e);
    }
    try {
      const at = fstatSync(fd).size;
      try {
        if (at !== this.stamp.journalBytes) ftruncateSync(fd, this.stamp.journalBytes);
        let done = 0;
        while (done < line.length) done += writeSync(fd, line, done, line.length - done, this.stamp.journalBytes + done);
        if (durable) fdatasyncSync(fd);
      } catch (e) {
        try {
          ftruncateSync(fd, this.stamp.journalBytes);
        } catch {
          // The next append cuts it back before writing.
        }
        throw new SaveError(errnoCode(e), e);
      }
      const end = this.stamp.journalBytes + line.length;
      this.stamp = { ...this.stamp, journalBytes: end, journalSeen: end };
      this.unsynced = !durable;
    } finally {
      closeSync(fd);
    }
  }

  /** Makes earlier appends durable (fsync), if any are not. */
  sync(): void {
    if (!this.unsynced) return;
    let fd: number;
    try {
      fd = openSync(this.journalPath, 'r+');
    } catch (e) {
      throw new SaveError(errnoCode(e), e);
    }
    try {
      fdatasyncSync(fd);
      this.unsynced = false;
    } catch (e) {
      throw new SaveError(errnoCode(e), e);
    } finally {
      closeSync(fd);
    }
  }

  /** Compaction: the whole document as a new base (epoch + 1), then an empty journal. */
  write(data: LabState): void {
    const epoch = this.epoch + 1;
    const text = JSON.stringify({ ...data, journalEpoch: epoch }, null, this.indent) + '\n';
    const dir = dirname(this.path);
    const tmp = join(dir, `.${basename(this.path)}.${process.pid}.${++this.seq}.tmp`);
    try {
      const fd = openSync(tmp, 'wx', FILE_MODE);
      try {
        const buf = Buffer.from(text, 'utf8');
        let done = 0;
        while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, this.path);
    } catch (e) {
      try {
        unlinkSync(tmp);
      } catch {
        // never created
      }
      throw new SaveError(errnoCode(e), e);
    }
    fsyncDirectory(dir);
    this.epoch = epoch;
    this.unsynced = false;
    // The new base holds everything: the journal's records are of the old epoch from now on.
    try {
      const fd = openSync(this.journalPath, 'r+');
      try {
        ftruncateSync(fd, 0);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch {
      // Harmless: its records are of the old epoch, which replay skips, and the next append
      // cuts the file back to the length we know.
    }
    this.stamp = { base: baseStamp(this.path), journalBytes: 0, journalSeen: fileSize(this.journalPath) };
  }

  private leftoverTempFiles(): string[] {
    const dir = dirname(this.path);
    const prefix = `.${basename(this.path)}.`;
    try {
      return readdirSync(dir)
        .filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'))
        .map((name) => join(dir, name));
    } catch {
      return [];
    }
  }

  hasLeftoverTempFiles(): boolean {
    return this.leftoverTempFiles().length > 0;
  }

  /** Temp files of compactions that died mid-way (call while holding the lock). */
  removeLeftoverTempFiles(): void {
    for (const path of this.leftoverTempFiles()) {
      try {
        unlinkSync(path);
      } catch {
        // gone already
      }
    }
  }

  /** Bytes in the journal (for the compaction threshold). */
  get journalBytes(): number {
    return this.stamp.journalBytes;
  }
}

function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (e) {
    // Windows cannot open or fsync a directory; the rename is still atomic there.
    const code = errnoCode(e);
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw new SaveError(code, e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

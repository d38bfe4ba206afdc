import { describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabBusyError, LabChangedError, LabReadOnlyError, LabSaveError, LabSchemaTooNewError, LabStore } from '../../src/store/lab-store.js';
import { emptyLabState, labTime, validateLabState, type LabState } from '../../src/store/schema.js';
import type { Migration } from '../../src/store/migrations.js';
import { tempDir } from './lab-store-helpers.js';

const NOW = new Date('2024-05-01T10:20:30.123Z');
const now = () => NOW;

function labDir(): { dir: string; statePath: string } {
  const dir = join(tempDir(), 'labs', 'training');
  return { dir, statePath: join(dir, 'lab.json') };
}

const seed = (): LabState => ({
  ...emptyLabState('training', NOW),
  organization: { name: 'First Organization', servers: [] },
  progress: { step: 0 },
});

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The base document without the journal bookkeeping. */
function baseOf(path: string): unknown {
  const { journalEpoch: _e, ...doc } = readJson(path) as Record<string, unknown>;
  return doc;
}

const journalOf = (statePath: string) => statePath.replace(/\.json$/, '.journal');

describe('LabStore: create, commit, load', () => {
  it('creates a seeded state file with mode 0600 in a 0700 directory, and holds no lock after', async () => {
    const { dir, statePath } = labDir();
    const store = await LabStore.open({ statePath, seed, now });
    expect(store.created).toBe(true);
    expect(store.readOnly).toBe(false);
    expect(store.warnings).toEqual([]);
    expect(store.labName).toBe('training');
    expect(baseOf(statePath)).toEqual(seed());
    expect(statSync(statePath).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(existsSync(statePath + '.lock')).toBe(false);
    await store.close();
  });

  it('a commit appends one fsynced journal record (lab.json stays); a fresh open replays it', async () => {
    const { statePath } = labDir();
    const a = await LabStore.open({ statePath, seed, now });
    const base = readFileSync(statePath);
    (a.state.organization as { servers: string[] }).servers.push('EX01');
    a.state.clock.offsetMs = 86_400_000;
    a.state.custom = { note: 'extra keys survive' };
    a.markRoot();
    a.commit();
    expect(readFileSync(statePath).equals(base)).toBe(true);
    expect(statSync(journalOf(statePath)).mode & 0o777).toBe(0o600);
    expect(readFileSync(journalOf(statePath), 'utf8').split('\n')).toHaveLength(2); // one line and its newline

    const b = await LabStore.open({ statePath, seed: () => { throw new Error('must not seed'); }, now });
    expect(b.created).toBe(false);
    expect(b.state.organization).toEqual({ name: 'First Organization', servers: ['EX01'] });
    expect(b.state.custom).toEqual({ note: 'extra keys survive' });
    expect(b.labNow().toISOString()).toBe('2024-05-02T10:20:30.123Z');
    await b.close();
    await a.close();
  });

  it('save() folds the journal into lab.json (mode 0600 even over a world-readable file) and empties it', async () => {
    const { dir, statePath } = labDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(statePath, JSON.stringify(seed()), { mode: 0o644 });
    const store = await LabStore.open({ statePath, seed, now });
    store.state.progress = { step: 1 };
    store.markRoot();
    store.commit();
    expect(statSync(journalOf(statePath)).size).toBeGreaterThan(0);
    await store.save();
    expect((baseOf(statePath) as LabState).progress).toEqual({ step: 1 });
    expect(statSync(journalOf(statePath)).size).toBe(0);
    expect(statSync(statePath).mode & 0o777).toBe(0o600);
    expect(existsSync(statePath + '.lock')).toBe(false);
    await store.close();
  });

  it('a journal line cut short by a crash is ignored, and the next commit writes over it', async () => {
    const { statePath } = labDir();
    const a = await LabStore.open({ statePath, seed, now });
    a.state.progress = { step: 1 };
    a.markRoot();
    a.commit();
    appendFileSync(journalOf(statePath), '{"e":1,"r":{"torn');
    const b = await LabStore.open({ statePath, seed, now });
    expect(b.state.progress).toEqual({ step: 1 });
    b.state.progress = { step: 2 };
    b.markRoot();
    b.commit();
    const c = await LabStore.open({ statePath, seed, now });
    expect(c.state.progress).toEqual({ step: 2 });
    for (const s of [a, b, c]) await s.close();
  });

  it('skips journal records of an older lab.json (a crash between compaction and emptying the journal)', async () => {
    const { statePath } = labDir();
    const a = await LabStore.open({ statePath, seed, now });
    a.state.progress = { step: 1 };
    a.markRoot();
    a.commit();
    const oldJournal = readFileSync(journalOf(statePath));
    a.state.progress = { step: 2 };
    a.markRoot();
    await a.save();
    writeFileSync(journalOf(statePath), oldJournal); // as if emptying it never happened
    const b = await LabStore.open({ statePath, seed, now });
    expect(b.state.progress).toEqual({ step: 2 });
    await a.close();
    await b.close();
  });

  it('removes temp files left by a compaction that died mid-way', async () => {
    const { dir, statePath } = labDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(statePath, JSON.stringify(seed()));
    writeFileSync(join(dir, '.lab.json.4242.7.tmp'), '{"torn":');
    const store = await LabStore.open({ statePath, seed, now });
    await store.save();
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await store.close();
  });

  it('a commit the disk refuses (ENOSPC) is an error naming the cause; memory goes back to the disk; the next commit works', async () => {
    const { statePath } = labDir();
    const store = await LabStore.open({ statePath, seed, now });
    store.state.progress = { step: 1 };
    store.markRoot();
    store.commit();
    const files = () => Buffer.concat([readFileSync(statePath), readFileSync(journalOf(statePath))]);
    const before = files();
    // The journal's next write lands on a full disk.
    const saved = readFileSync(journalOf(statePath));
    unlinkSync(journalOf(statePath));
    symlinkSync('/dev/full', journalOf(statePath));
    await store.beginChanges({ waitMs: 0 });
    store.state.progress = { step: 2 };
    store.markRoot();
    const err = (() => {
      try {
        store.commit();
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toBeInstanceOf(LabSaveError);
    expect(err!.message).toBe("The change to the lab 'training' was not saved: the disk is full. The lab is unchanged.");
    expect((err as LabSaveError).code).toBe('ENOSPC');
    expect(store.hasChanges).toBe(false);
    // Back to what the disk holds: lab.json, with the journal it can read (none, on /dev/full).
    expect(store.state.progress).toEqual({ step: 0 });
    unlinkSync(journalOf(statePath));
    writeFileSync(journalOf(statePath), saved, { mode: 0o600 });
    expect(files().equals(before)).toBe(true);
    store.endChanges();
    store.refresh();
    expect(store.state.progress).toEqual({ step: 1 });
    store.state.progress = { step: 3 };
    store.markRoot();
    store.commit();
    const reopened = await LabStore.open({ statePath, seed, now });
    expect(reopened.state.progress).toEqual({ step: 3 });
    await reopened.close();
    await store.close();
  });

  it('refuses to commit after close', async () => {
    const { statePath } = labDir();
    const store = await LabStore.open({ statePath, seed, now });
    await store.close();
    store.state.progress = { step: 1 };
    store.markRoot();
    expect(() => store.commit()).toThrow("The lab 'training' is closed.");
    await expect(store.save()).rejects.toThrow("The lab 'training' is closed.");
  });

  it('rejects an invalid seed', async () => {
    const { statePath } = labDir();
    await expect(
      LabStore.open({ statePath, seed: () => ({ ...seed(), organization: null }), now }),
    ).rejects.toThrow('The lab seed produced an invalid state: organization must be an object.');
    expect(existsSync(statePath + '.lock')).toBe(false);
  });
});

describe('LabStore: sessions sharing a lab', () => {
  it('refresh() reads what another store committed (the new journal records only), and a compaction (a full reload)', async () => {
    const { statePath } = labDir();
    const a = await LabStore.open({ statePath, seed, now });
    const b = await LabStore.open({ statePath, seed, now });
    const reloads: unknown[] = [];
    b.onReload = (state) => reloads.push(state.progress);
    expect(b.refresh()).toBe(false);
    a.state.progress = { step: 1 };
    a.markRoot();
    a.commit();
    expect(b.refresh()).toBe(true);
    expect(b.state.progress).toEqual({ step: 1 });
    a.state.progress = { step: 2 };
    a.markRoot();
    await a.save();
    expect(b.refresh()).toBe(true);
    expect(b.state.progress).toEqual({ step: 2 });
    expect(reloads).toEqual([{ step: 1 }, { step: 2 }]);
    await a.close();
    await b.close();
  });

  it('a writer waits for another one to finish its statement, then works on what it committed', async () => {
    const { statePath } = labDir();
    const a = await LabStore.open({ statePath, seed, now });
    const b = await LabStore.open({ statePath, seed, now });
    await a.beginChanges({ waitMs: 0 });
    expect(a.holdsLock).toBe(true);
    const waited: number[] = [];
    const bTurn = b.beginChanges({ waitMs: 5_000, onWait: (_o, ms) => waited.push(ms) });
    a.state.progress = { step: 1 };
    a.markRoot();
    a.commit();
    await new Promise((r) => setTimeout(r, 60));
    a.endChanges();
    await bTurn;
    expect(waited.length).toBeGreaterThan(0);
    expect(b.state.progress).toEqual({ step: 1 });
    (b.state.progress as { step: number }).step += 1;
    b.markRoot();
    b.endChanges();
    const c = await LabStore.open({ statePath, seed, now });
    expect(c.state.progress).toEqual({ step: 2 });
    for (const s of [a, b, c]) await s.close();
  });

  it('gives up after waitMs with LabBusyError naming the holder; nothing changed', async () => {
    const { statePath } = labDir();
    const a = await LabStore.open({ statePath, seed, now });
    const b = await LabStore.open({ statePath, seed, now });
    await a.beginChanges({ waitMs: 0 });
    const err = await b.beginChanges({ waitMs: 100 }).catch((e) => e);
    expect(err).toBeInstanceOf(LabBusyError);
    expect(err.message).toBe(`The lab 'training' is being changed by another emsh (pid ${process.pid}); this session waited 0 s for it. Nothing was changed.`);
    expect(b.holdsLock).toBe(false);
    a.endChanges();
    await a.close();
    await b.close();
  });

  it('a change made without the lock is kept when nobody else changed the lab, refused when somebody did', async () => {
    const { statePath } = labDir();
    const a = await LabStore.open({ statePath, seed, now });
    const b = await LabStore.open({ statePath, seed, now });
    b.state.progress = { step: 1 };
    b.markRoot();
    b.commit(); // takes the lock itself: the files are as b read them
    b.endChanges();
    a.state.progress = { step: 7 }; // a has not read b's change
    a.markRoot();
    expect(() => a.commit()).toThrow(LabChangedError);
    expect(a.state.progress).toEqual({ step: 1 }); // back to what is on disk
    a.endChanges();
    const c = await LabStore.open({ statePath, seed, now });
    expect(c.state.progress).toEqual({ step: 1 });
    for (const s of [a, b, c]) await s.close();
  });
});

describe('LabStore: unreadable files are moved aside, never overwritten', () => {
  it('moves a file that is not JSON to lab.json.corrupt-<timestamp> and starts fresh', async () => {
    const { dir, statePath } = labDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(statePath, '{"schemaVersion": 1, "lab": {');
    const store = await LabStore.open({ statePath, seed, now });
    const moved = `${statePath}.corrupt-20240501T102030Z`;
    expect(readFileSync(moved, 'utf8')).toBe('{"schemaVersion": 1, "lab": {');
    expect(store.created).toBe(true);
    expect(store.warnings).toHaveLength(1);
    expect(store.warnings[0]).toMatch(/^The lab state file was unreadable \(invalid JSON: .+\)\. /);
    expect(store.warnings[0].endsWith(` It was moved to '${moved}' and a fresh lab state was created.`)).toBe(true);
    expect(baseOf(statePath)).toEqual(seed());
    await store.close();
  });

  it('moves a file that fails the schema, naming the problems', async () => {
    const { dir, statePath } = labDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(statePath, JSON.stringify({ schemaVersion: 1, lab: { name: '', createdAt: 'x' }, clock: {}, progress: 1 }));
    const store = await LabStore.open({ statePath, seed, now });
    expect(store.warnings[0]).toBe(
      'The lab state file was unreadable (lab.name must be a non-empty string; lab.createdAt must be an ISO date string; ' +
        'clock.offsetMs must be a finite number; organization must be an object). ' +
        `It was moved to '${statePath}.corrupt-20240501T102030Z' and a fresh lab state was created.`,
    );
    await store.close();
  });

  it('treats an empty file or one without a schemaVersion as unreadable, and never reuses a quarantine name', async () => {
    const { dir, statePath } = labDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(statePath, '');
    (await LabStore.open({ statePath, seed, now }).then((s) => s.close()));
    writeFileSync(statePath, '{"lab": {}}');
    const store = await LabStore.open({ statePath, seed, now });
    expect(store.warnings[0]).toContain('(no valid schemaVersion)');
    expect(store.warnings[0]).toContain(`'${statePath}.corrupt-20240501T102030Z-2'`);
    expect(readFileSync(`${statePath}.corrupt-20240501T102030Z`, 'utf8')).toBe('');
    expect(readFileSync(`${statePath}.corrupt-20240501T102030Z-2`, 'utf8')).toBe('{"lab": {}}');
    await store.close();
  });

  it('in a read-only session leaves an unreadable file where it is', async () => {
    const { dir, statePath } = labDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(statePath, 'garbage');
    const store = await LabStore.open({ statePath, seed, now, readOnly: true });
    expect(readFileSync(statePath, 'utf8')).toBe('garbage');
    expect(readdirSync(dir)).toEqual(['lab.json']);
    expect(store.warnings[1]).toMatch(/is unreadable \(invalid JSON: .*\); this read-only session starts from a fresh lab state\.$/);
    expect(store.state).toEqual(seed());
    await store.close();
  });
});

describe('LabStore: schema versions', () => {
  it('refuses a newer schema version with a clear error and leaves the file alone', async () => {
    const { dir, statePath } = labDir();
    mkdirSync(dir, { recursive: true });
    const text = JSON.stringify({ ...seed(), schemaVersion: 7 });
    writeFileSync(statePath, text);
    const err = await LabStore.open({ statePath, seed, now }).catch((e) => e);
    expect(err).toBeInstanceOf(LabSchemaTooNewError);
    expect(err.message).toBe(
      `The lab state '${statePath}' has schema version 7, but this emsh supports up to version 1. ` +
        'Upgrade emsh to open this lab; the file was left unchanged.',
    );
    expect(readFileSync(statePath, 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual(['lab.json']); // lock released, nothing moved
  });

  // A fake history: v1 kept certificates at the top level; v2 moved them into the organization;
  // v3 renamed clock.offset to clock.offsetMs.
  const migrations: Migration[] = [
    {
      from: 1,
      description: 'move certificates into the organization',
      migrate: (d) => {
        const { certificates, ...rest } = d;
        return { ...rest, organization: { certificates } };
      },
    },
    {
      from: 2,
      description: 'clock.offset → clock.offsetMs',
      migrate: (d) => {
        const clock = d.clock as { offset: number };
        d.clock = { offsetMs: clock.offset };
        return d;
      },
    },
  ];
  const v1 = {
    schemaVersion: 1,
    lab: { name: 'training', createdAt: '2023-01-01T00:00:00.000Z' },
    clock: { offset: 5 },
    certificates: [{ thumbprint: 'AB' }],
    progress: null,
  };

  it('runs migrations in order, keeps a backup, and saves the upgraded state', async () => {
    const { dir, statePath } = labDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(statePath, JSON.stringify(v1));
    const store = await LabStore.open({ statePath, seed, now, migrations, schemaVersion: 3 });
    const expected = {
      schemaVersion: 3,
      lab: v1.lab,
      clock: { offsetMs: 5 },
      organization: { certificates: [{ thumbprint: 'AB' }] },
      progress: null,
    };
    expect(store.state).toEqual(expected);
    expect(store.created).toBe(false);
    expect(store.warnings).toEqual([
      `The lab state was upgraded from schema version 1 to 3; the previous file was kept as '${statePath}.v1.bak'.`,
    ]);
    expect(baseOf(statePath)).toEqual(expected);
    expect(readJson(`${statePath}.v1.bak`)).toEqual(v1);
    await store.close();
  });

  it('treats a missing migration step as an unreadable file', async () => {
    const { dir, statePath } = labDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(statePath, JSON.stringify(v1));
    const store = await LabStore.open({ statePath, seed: () => ({ ...seed(), schemaVersion: 3 }), now, migrations: [migrations[0]], schemaVersion: 3 });
    expect(store.warnings[0]).toContain('(no migration from schema version 2 to 3)');
    expect(existsSync(`${statePath}.corrupt-20240501T102030Z`)).toBe(true);
    await store.close();
  });
});

describe('LabStore: read-only', () => {
  it('opens without a lock, refuses changes (memory back to the disk) and writes nothing', async () => {
    const { dir, statePath } = labDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(statePath, JSON.stringify(seed()));
    const store = await LabStore.open({ statePath, seed, now, readOnly: true });
    expect(store.readOnly).toBe(true);
    expect(store.warnings).toEqual(["The lab 'training' is open read-only: changes in this session will not be saved."]);
    expect(existsSync(statePath + '.lock')).toBe(false);
    store.state.progress = { step: 9 };
    store.markRoot();
    expect(() => store.commit()).toThrow(LabReadOnlyError);
    expect(store.state.progress).toEqual({ step: 0 });
    store.state.progress = { step: 9 };
    store.markRoot();
    const err = await store.save().catch((e) => e);
    expect(err).toBeInstanceOf(LabReadOnlyError);
    expect(err.message).toBe("The lab 'training' is open read-only in this session; the change was not saved.");
    expect(readJson(statePath)).toEqual(seed());
    expect(readdirSync(dir)).toEqual(['lab.json']);
    await store.close();
  });
});

describe('schema', () => {
  it('validates the envelope only', () => {
    expect(validateLabState(seed())).toEqual([]);
    expect(validateLabState([])).toEqual(['the document must be a JSON object']);
    expect(validateLabState({ ...seed(), organization: [] })).toEqual(['organization must be an object']);
    expect(validateLabState({ ...seed(), clock: { offsetMs: 0, frozenAt: 'soon' } })).toEqual([
      'clock.frozenAt must be an ISO date string or null',
    ]);
  });

  it('computes lab time from an offset or a frozen instant', () => {
    expect(labTime({ offsetMs: -1000 }, NOW).toISOString()).toBe('2024-05-01T10:20:29.123Z');
    expect(labTime({ offsetMs: 99, frozenAt: '2030-01-01T00:00:00.000Z' }, NOW).toISOString()).toBe('2030-01-01T00:00:00.000Z');
  });
});

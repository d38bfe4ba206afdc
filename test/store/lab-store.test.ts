import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabReadOnlyError, LabSchemaTooNewError, LabStore } from '../../src/store/lab-store.js';
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

describe('LabStore: create, save, load', () => {
  it('creates a seeded state file with mode 0600 in a 0700 directory, and locks it', async () => {
    const { dir, statePath } = labDir();
    const store = await LabStore.open({ statePath, seed, now });
    expect(store.created).toBe(true);
    expect(store.readOnly).toBe(false);
    expect(store.warnings).toEqual([]);
    expect(store.labName).toBe('training');
    expect(readJson(statePath)).toEqual(seed());
    expect(statSync(statePath).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(existsSync(statePath + '.lock')).toBe(true);
    await store.close();
    expect(existsSync(statePath + '.lock')).toBe(false);
  });

  it('round-trips changes through save and a fresh open', async () => {
    const { statePath } = labDir();
    const a = await LabStore.open({ statePath, seed, now });
    (a.state.organization as { servers: string[] }).servers.push('EX01');
    a.state.clock.offsetMs = 86_400_000;
    a.state.custom = { note: 'extra keys survive' };
    await a.save();
    await a.close();

    const b = await LabStore.open({ statePath, seed: () => { throw new Error('must not seed'); }, now });
    expect(b.created).toBe(false);
    expect(b.warnings).toEqual([]);
    expect(b.state.organization).toEqual({ name: 'First Organization', servers: ['EX01'] });
    expect(b.state.custom).toEqual({ note: 'extra keys survive' });
    expect(b.labNow().toISOString()).toBe('2024-05-02T10:20:30.123Z');
    await b.close();
  });

  it('keeps mode 0600 after a save replaces a file that was world-readable', async () => {
    const { dir, statePath } = labDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(statePath, JSON.stringify(seed()), { mode: 0o644 });
    const store = await LabStore.open({ statePath, seed, now });
    await store.save();
    expect(statSync(statePath).mode & 0o777).toBe(0o600);
    await store.close();
  });

  it('coalesces saves requested while one is in flight; the file ends with the last state', async () => {
    const { statePath } = labDir();
    const store = await LabStore.open({ statePath, seed, now });
    const saves: Promise<void>[] = [];
    for (let i = 1; i <= 5; i++) {
      store.state.progress = { step: i };
      saves.push(store.save());
    }
    await Promise.all(saves);
    expect((readJson(statePath) as LabState).progress).toEqual({ step: 5 });
    await store.close();
  });

  it('a save captures the state at the time it was called', async () => {
    const { statePath } = labDir();
    const store = await LabStore.open({ statePath, seed, now });
    store.state.progress = { step: 1 };
    const saving = store.save();
    store.state.progress = { step: 2 }; // changed after save() was called, not saved
    await saving;
    expect((readJson(statePath) as LabState).progress).toEqual({ step: 1 });
    await store.close();
  });

  it('removes temp files left by a write that died mid-way', async () => {
    const { dir, statePath } = labDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(statePath, JSON.stringify(seed()));
    writeFileSync(join(dir, '.lab.json.4242.7.tmp'), '{"torn":');
    const store = await LabStore.open({ statePath, seed, now });
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await store.close();
  });

  it('a failed save leaves the previous file intact and the next save still works', async () => {
    const { dir, statePath } = labDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(statePath, JSON.stringify(seed()));
    const store = await LabStore.open({ statePath, seed, now });
    // Occupy the first temp file name so the write cannot create it.
    mkdirSync(join(dir, `.lab.json.${process.pid}.1.tmp`));
    store.state.progress = { step: 1 };
    await expect(store.save()).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readJson(statePath)).toEqual(seed());
    await store.save();
    expect((readJson(statePath) as LabState).progress).toEqual({ step: 1 });
    await store.close();
  });

  it('refuses to save after close', async () => {
    const { statePath } = labDir();
    const store = await LabStore.open({ statePath, seed, now });
    await store.close();
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
    expect(readJson(statePath)).toEqual(seed());
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
    expect(readJson(statePath)).toEqual(expected);
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
  it('opens without a lock and refuses to save', async () => {
    const { dir, statePath } = labDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(statePath, JSON.stringify(seed()));
    const store = await LabStore.open({ statePath, seed, now, readOnly: true });
    expect(store.readOnly).toBe(true);
    expect(store.warnings).toEqual(["The lab 'training' is open read-only: changes in this session will not be saved."]);
    expect(existsSync(statePath + '.lock')).toBe(false);
    store.state.progress = { step: 9 };
    const err = await store.save().catch((e) => e);
    expect(err).toBeInstanceOf(LabReadOnlyError);
    expect(err.message).toBe("The lab 'training' is open read-only in this session; changes cannot be saved.");
    expect(readJson(statePath)).toEqual(seed());
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

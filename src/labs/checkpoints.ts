// Checkpoints of a lab: <lab folder>/checkpoints/<name>/ holds the lab's state as it was
// (lab.json), the machines' drives (machines/) and when it was taken (checkpoint.json).
// Checkpoint-Lab writes one, Restore-Lab puts the lab back to it. A checkpoint is written into a
// temporary folder first and renamed into place, so a half-written one never shows.

import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CHECKPOINTS_DIR = 'checkpoints';
const MACHINES_DIR = 'machines';

export interface CheckpointMeta {
  name: string;
  /** Real time it was taken (ISO). */
  created: string;
  /** The lab clock then (ISO). */
  labDate: string;
}

function checkpointDir(labDir: string, name: string): string {
  return join(labDir, CHECKPOINTS_DIR, name);
}

export function checkpointExists(labDir: string, name: string): boolean {
  return existsSync(join(checkpointDir(labDir, name), 'checkpoint.json'));
}

/** Writes a checkpoint (replacing one of the same name). */
export function saveCheckpoint(labDir: string, meta: CheckpointMeta, state: unknown): void {
  const root = join(labDir, CHECKPOINTS_DIR);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const tmp = join(root, `.${meta.name}.${process.pid}.tmp`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { mode: 0o700 });
  try {
    writeFileSync(join(tmp, 'lab.json'), JSON.stringify(state), { mode: 0o600 });
    const machines = join(labDir, MACHINES_DIR);
    if (existsSync(machines)) cpSync(machines, join(tmp, MACHINES_DIR), { recursive: true });
    writeFileSync(join(tmp, 'checkpoint.json'), JSON.stringify(meta, null, 2) + '\n', { mode: 0o600 });
    const target = checkpointDir(labDir, meta.name);
    rmSync(target, { recursive: true, force: true });
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** A checkpoint's state and facts, or undefined when there is none of that name (or it is unreadable). */
export function readCheckpoint(labDir: string, name: string): { meta: CheckpointMeta; state: unknown } | undefined {
  const dir = checkpointDir(labDir, name);
  try {
    const meta = JSON.parse(readFileSync(join(dir, 'checkpoint.json'), 'utf8')) as CheckpointMeta;
    const state = JSON.parse(readFileSync(join(dir, 'lab.json'), 'utf8')) as unknown;
    return { meta, state };
  } catch {
    return undefined;
  }
}

export function listCheckpoints(labDir: string): CheckpointMeta[] {
  let names: string[];
  try {
    names = readdirSync(join(labDir, CHECKPOINTS_DIR));
  } catch {
    return [];
  }
  const out: CheckpointMeta[] = [];
  for (const n of names) {
    if (n.startsWith('.')) continue;
    try {
      out.push(JSON.parse(readFileSync(join(checkpointDir(labDir, n), 'checkpoint.json'), 'utf8')) as CheckpointMeta);
    } catch {
      // Not a checkpoint (or a damaged one): not listed.
    }
  }
  return out.sort((a, b) => a.created.localeCompare(b.created));
}

/** The machines' drives of the lab become the checkpoint's. */
export function restoreDrives(labDir: string, name: string): void {
  const machines = join(labDir, MACHINES_DIR);
  rmSync(machines, { recursive: true, force: true });
  const saved = join(checkpointDir(labDir, name), MACHINES_DIR);
  if (existsSync(saved)) cpSync(saved, machines, { recursive: true });
}

/** Every machine's drive emptied (a lab made fresh). */
export function clearDrives(labDir: string): void {
  rmSync(join(labDir, MACHINES_DIR), { recursive: true, force: true });
}

// Runs emsh text in process, as the plain host would print it: no colours, width 120,
// on a fresh lab built from fixture keys (no key generation in tests).
import { existsSync, lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { Writable } from 'node:stream';
import { composeSession, openLab, sessionLab, type Lab } from '../../src/compose.js';
import { PlainHost } from '../../src/host/plain-host.js';
import type { Session } from '../../src/engine/session.js';
import { fixtureKeySource } from './keys.js';
import { tempDir } from './temp.js';

/** lab.json and its journal as bytes: "the lab state is byte-identical" compares these. */
export function labFiles(statePath: string): Buffer {
  // A device in place of the journal (/dev/full in the disk-full tests) reads as its link, not its endless bytes.
  const part = (p: string) => {
    if (!existsSync(p)) return Buffer.alloc(0);
    return lstatSync(p).isSymbolicLink() ? Buffer.from(`-> ${readlinkSync(p)}`) : readFileSync(p);
  };
  return Buffer.concat([part(statePath), Buffer.from('\0'), part(statePath.replace(/\.json$/, '.journal'))]);
}

export function tempHome(): string {
  return tempDir('emsh-test-');
}

export interface Captured {
  session: Session;
  /** The lab the session was opened on (sessionLab(session).lab is the one it is on now). */
  lab: Lab;
  /** Everything printed so far. */
  text(): string;
  /** Runs text and returns what it printed. */
  run(script: string, opts?: { file?: string; args?: string[]; history?: boolean }): Promise<{ out: string; ok: boolean; exitCode?: number }>;
  close(): Promise<void>;
}

/** A session on a fresh lab home (or the given one), printing into a buffer. */
export async function capturedSession(opts: { home?: string; lab?: string; width?: number; now?: () => Date; readOnly?: boolean; waitMs?: number; exercisePath?: string } = {}): Promise<Captured> {
  let buf = '';
  const out = new Writable({
    write(chunk, _enc, cb) {
      buf += chunk.toString();
      cb();
    },
  });
  const host = new PlainHost({ out, interactive: false, color: false, width: opts.width ?? 120 });
  const lab = await openLab({ home: opts.home ?? tempHome(), lab: opts.lab ?? 'default', keys: fixtureKeySource(), now: opts.now, readOnly: opts.readOnly, waitMs: opts.waitMs });
  const session = composeSession({ host, lab, exercisePath: opts.exercisePath });
  return {
    session,
    lab,
    text: () => buf,
    async run(script, runOpts) {
      const start = buf.length;
      const r = await session.execute(script, runOpts);
      return { out: buf.slice(start), ok: r.ok, exitCode: r.exitCode };
    },
    // The session may have moved to another lab (Start-LabExercise): close the one it is on too.
    close: async () => {
      await sessionLab(session).close();
      await lab.close();
    },
  };
}

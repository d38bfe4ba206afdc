// Runs emsh text in process, as the plain host would print it: no colours, width 120.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { composeSession } from '../../src/compose.js';
import { PlainHost } from '../../src/host/plain-host.js';
import type { Session } from '../../src/engine/session.js';

export function tempHome(): string {
  return mkdtempSync(join(tmpdir(), 'emsh-test-'));
}

export interface Captured {
  session: Session;
  /** Everything printed so far. */
  text(): string;
  /** Runs text and returns what it printed. */
  run(script: string, opts?: { file?: string; args?: string[] }): Promise<{ out: string; ok: boolean; exitCode?: number }>;
}

/** A session on a fresh lab home (or the given one), printing into a buffer. */
export function capturedSession(opts: { home?: string; lab?: string; width?: number; now?: () => Date } = {}): Captured {
  let buf = '';
  const out = new Writable({
    write(chunk, _enc, cb) {
      buf += chunk.toString();
      cb();
    },
  });
  const host = new PlainHost({ out, interactive: false, color: false, width: opts.width ?? 120 });
  const session = composeSession({ host, home: opts.home ?? tempHome(), lab: opts.lab ?? 'default', now: opts.now });
  return {
    session,
    text: () => buf,
    async run(script, runOpts) {
      const start = buf.length;
      const r = await session.execute(script, runOpts);
      return { out: buf.slice(start), ok: r.ok, exitCode: r.exitCode };
    },
  };
}

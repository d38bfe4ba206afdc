// node:child_process for Ink's terminal-size (the build gives it this module; scripts/build.mjs),
// loaded on first use: terminal-size runs a command only to find the size of a terminal that
// Node could not tell (piped output), and loading node:child_process cost every interactive
// start-up ~4 ms for that.
import type { execFileSync as ExecFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export const execFileSync = ((...args: Parameters<typeof ExecFileSync>) => (load('node:child_process') as { execFileSync: typeof ExecFileSync }).execFileSync(...args)) as typeof ExecFileSync;

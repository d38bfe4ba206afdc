// Global setup: the test run gets a temporary folder of its own (TMPDIR, which os.tmpdir() and the
// processes the tests start use), so that what the run leaves behind is known exactly, whatever
// else runs on the machine. At the end that folder must be empty: anything left is listed and
// fails the run. The folder itself is removed either way.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'emsh-vitest-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    const left = readdirSync(root);
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    if (left.length) throw new Error(`the tests left ${left.length} temporary item(s) behind: ${left.join(', ')}`);
  };
}

// The memory guard (src/protocol/memory-guard.ts) must stop growing work before V8 aborts the
// process, whatever the young generation holds at the moment of the check. A child process with
// a small heap keeps objects alive (they end up in the old generation, as a collecting cmdlet's
// do) and checks every 4,096 objects, as Sort-Object does.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

const CHILD = `
import { checkMemory } from ${JSON.stringify(join(__dirname, '../../src/protocol/memory-guard.ts'))};
const keep = [];
for (let i = 1; ; i++) {
  keep.push({ obj: i, keys: [i], i });
  if ((i & 4095) === 0) {
    try {
      checkMemory();
    } catch (e) {
      keep.length = 0;
      console.log('stopped: ' + e.record.errorId);
      break;
    }
  }
}
`;

describe('memory guard', () => {
  it.each([64, 128, 256])('stops work that keeps objects before a %i MB old generation fills', async (mb) => {
    const outfile = join(tempDir('emsh-memory-guard-'), 'child.mjs');
    await build({ stdin: { contents: CHILD, resolveDir: __dirname, loader: 'ts' }, outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
    const r = spawnSync(process.execPath, [`--max-old-space-size=${mb}`, outfile], { encoding: 'utf8', timeout: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.stdout.trim()).toBe('stopped: InsufficientMemoryException');
    expect(r.status).toBe(0);
  }, 60_000);
});

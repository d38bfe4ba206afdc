// Transcript tests: each test/transcripts/<name>.ps1 runs in a fresh lab at a fixed lab time,
// and must print exactly test/transcripts/<name>.txt.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capturedSession } from './helpers/run.js';

const dir = join(__dirname, 'transcripts');
const scripts = readdirSync(dir).filter((f) => f.endsWith('.ps1')).sort();
const FIXED_NOW = new Date(2026, 10, 26, 9, 30, 0); // Thursday, November 26, 2026 9:30:00 AM (local)

describe('transcripts', () => {
  it('has transcripts', () => {
    expect(scripts.length).toBeGreaterThan(0);
  });
  for (const name of scripts) {
    it(name, async () => {
      const expectedPath = join(dir, name.replace(/\.ps1$/, '.txt'));
      expect(existsSync(expectedPath), `missing ${expectedPath}`).toBe(true);
      const c = await capturedSession({ now: () => FIXED_NOW });
      const script = readFileSync(join(dir, name), 'utf8');
      const { out } = await c.run(script, { file: `C:\\scripts\\${name}` });
      await c.close();
      expect(out).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});

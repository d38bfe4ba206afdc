// Temporary folders for tests. Each folder made here is removed after its test file has run (the
// afterAll in test/setup/clean-temp.ts), and test/setup/temp-root.ts checks that a whole run
// leaves the temporary folder as it found it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set<string>();

/** A new empty folder under the system's temporary folder; removed after the test file. */
export function tempDir(prefix = 'emsh-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Removes the folders tempDir made so far (the setup file calls it after each test file). */
export function removeTempDirs(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  made.clear();
}

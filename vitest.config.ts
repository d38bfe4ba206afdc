import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A temporary folder per run, checked to be left empty; each file's temporary folders removed.
    globalSetup: ['test/setup/temp-root.ts'],
    setupFiles: ['test/setup/clean-temp.ts'],
    // Transcripts print lab-clock dates in local time: pin the zone so they read the same everywhere.
    // EMSH_VERIFY_JOURNAL: after every save the lab is read back and compared (a change not marked fails the test).
    env: { TZ: 'UTC', EMSH_VALIDATE_GRAMMAR: '1', EMSH_VERIFY_JOURNAL: '1' },
  },
});

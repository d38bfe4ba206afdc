// The conformance runner's worker (bundled by run.mjs): runs the test files the runner sends, one
// at a time, each in a fresh session on a fresh lab, and sends every case line back at once so the
// runner can tell which case is running when one does not end (it then stops this process).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { conformanceSession, failureCause, runTestFile, stageTestFile } from './harness.js';

interface Job {
  file: string;
  rel: string;
  skipIds: string[];
}

const send = (msg: unknown) => process.send!(msg);

process.on('message', (job: Job | null) => {
  if (job === null) process.exit(0);
  void (async () => {
    const home = mkdtempSync(join(tmpdir(), 'emsh-conformance-'));
    try {
      const cs = await conformanceSession(home, (line) =>
        send({ type: 'line', rel: job.rel, line: line.event === 'fail' ? { ...line, cause: failureCause(line.message) } : line }),
        // EMSH_CONFORMANCE_ECHO=1: everything the session prints, to stderr (looking into one file).
        process.env.EMSH_CONFORMANCE_ECHO ? (text) => process.stderr.write(text) : undefined,
      );
      try {
        const run = await runTestFile(cs.session, readFileSync(job.file, 'utf8'), stageTestFile(cs, job.file, job.rel), job.skipIds);
        send({ type: 'file-done', rel: job.rel, parseError: run.parseError });
      } finally {
        await cs.close();
      }
    } catch (e) {
      send({ type: 'file-done', rel: job.rel, crash: String((e as Error)?.stack ?? e) });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  })();
});
send({ type: 'ready' });

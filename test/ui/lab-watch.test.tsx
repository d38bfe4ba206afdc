// Training labs in the interactive shell (issue 9): after each command the exercise's checks run
// in the background and the progress bar under the prompt follows; a task turning green says so
// once; F1 lists the tasks; a command waits for the checks in flight, which stop at once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeSession, labCheckSourceFor, openLab, sessionLab } from '../../src/compose.js';
import type { Session } from '../../src/engine/session.js';
import type { LabCheckResult, LabCheckSource } from '../../src/ui/lab-watch.js';
import { labBarRow, rowWidth } from '../../src/ui/live-frame.js';
import { fixtureKeySource } from '../helpers/keys.js';
import { tempHome } from '../helpers/run.js';
import { mount, PROMPT } from './harness.js';

const NOW = new Date('2026-11-26T09:30:00Z');
const root = join(__dirname, '..', '..');

describe('the exercise in the interactive shell', () => {
  it('shows the bar after Start-LabExercise, says "Task n is done" once per task, and F1 lists the tasks', { timeout: 60_000 }, async () => {
    const lab = await openLab({ home: tempHome(), lab: 'default', keys: fixtureKeySource(), now: () => NOW });
    let session!: Session;
    const app = mount({
      session: (host) => (session = composeSession({ host, lab, exercisePath: join(root, 'labs') })),
      labChecks: () => labCheckSourceFor(session),
      columns: 120,
    });
    try {
      await app.ready();
      app.type('\x1bOP'); // F1 in a lab without an exercise
      await app.waitFor(() => app.frame().includes('This lab has no exercise. Get-LabExercise lists them'), 'F1 without an exercise');
      app.type('Start-LabExercise pop-imap-named-certificate | Out-Null', '\r');
      await app.waitFor(() => app.frame().includes('Exercise pop-imap-named-certificate [---] 0/3 tasks · 0 hints · F1 shows the tasks'), 'the bar');
      expect(app.frame()).toContain('lab pop-imap-named-certificate');
      const solution = readFileSync(join(root, 'labs', 'pop-imap-named-certificate', 'solution.ps1'), 'utf8')
        .split('\n')
        .filter((l) => l.trim() && !l.startsWith('#'));
      for (const [i, line] of solution.entries()) {
        app.type(line, '\r');
        await app.waitFor(() => app.calls.length === i + 2 && app.promptLine() === PROMPT, `line ${i + 1}`, 20_000);
      }
      await app.waitFor(() => app.frame().includes('[###] 3/3 tasks · 0 hints · done') && app.scrollback().includes('Well done!'), 'all done', 20_000);
      const said = app.scrollback();
      for (const t of ['✓ Task 1 is done: A CA-issued certificate for mail.proexchange.global', '✓ Task 2 is done: Enabled for POP and IMAP', '✓ Task 3 is done: POP3 and IMAP4 present it to Outlook']) {
        expect(said.split(t).length - 1, t).toBe(1);
      }
      expect(said).toContain("All 3 tasks of 'pop-imap-named-certificate' are done (0 hints used). Well done!");
      // Another command: nothing is said again.
      const before = app.scrollback().length;
      app.type('Get-LabHint 1 | Out-Null', '\r');
      await app.waitFor(() => app.frame().includes('3/3 tasks · 1 hint · done'), 'the hint counted in the bar');
      expect(app.scrollback().slice(before)).not.toContain('is done');
      app.type('\x1bOP');
      await app.waitFor(() => app.frame().includes("Exercise 'pop-imap-named-certificate': Secure POP3 and IMAP4 with a named certificate (3 of 3 done, 1 hint used)"), 'F1');
      expect(app.frame()).toContain('  ✓ 1. A CA-issued certificate for mail.proexchange.global (hints 1/3)');
    } finally {
      app.unmount();
      await app.lab?.settle();
      await sessionLab(session).close();
    }
  });

  it('a command waits for the checks in flight, which stop at once; a failing check source never disturbs the shell', async () => {
    let started = 0;
    let aborted = 0;
    let release!: () => void;
    const source: LabCheckSource = {
      check: (signal) =>
        new Promise<LabCheckResult>((resolve, reject) => {
          started++;
          if (started === 3) return reject(new Error('the checks broke'));
          const done = () => resolve({ lab: 'ex', exercise: { id: 'ex', title: 'T', hintsUsed: 0, tasks: [{ number: 1, title: 'one', passed: started > 1, hintsUsed: 0, hintsTotal: 1 }], firstPassed: started > 1 ? [1] : [] } });
          release = done;
          signal.addEventListener('abort', () => {
            aborted++;
            done();
          });
        }),
    };
    const app = mount({ labChecks: () => source });
    await app.ready();
    await app.waitFor(() => started === 1, 'the first check run');
    app.type('Get-Date', '\r');
    await app.waitFor(() => app.calls.length === 1, 'the command, after the checks stopped');
    expect(aborted).toBe(1);
    // The aborted run showed nothing; the next one (after the command) shows the bar and the news.
    await app.waitFor(() => started === 2, 'the checks after the command');
    release();
    await app.waitFor(() => app.frame().includes('Exercise ex [#] 1/1 tasks') && app.scrollback().includes('✓ Task 1 is done: one'), 'the bar and the news');
    app.type('Get-Date', '\r');
    await app.waitFor(() => app.calls.length === 2 && started === 3, 'a check run that throws');
    app.type('1', '\r');
    await app.waitFor(() => app.calls.length === 3 && app.promptLine() === PROMPT, 'the shell goes on');
    expect(app.scrollback()).not.toContain('the checks broke');
    app.unmount();
  });
});

describe('the progress bar line', () => {
  it('fits the width: the key hint goes first, then the bar is abbreviated', () => {
    const bar = { exercise: 'renew-self-signed', done: 2, total: 4, hints: 1 };
    const text = (w: number) => labBarRow(bar, w, false).map((r) => r.text).join('');
    expect(text(100)).toBe('Exercise renew-self-signed [##--] 2/4 tasks · 1 hint · F1 shows the tasks');
    expect(text(60)).toBe('Exercise renew-self-signed [##--] 2/4 tasks · 1 hint');
    expect(text(30)).toBe('renew-self-signed 2/4');
    for (const w of [10, 30, 60, 100]) expect(rowWidth(labBarRow(bar, w, true))).toBeLessThanOrEqual(w);
  });
});

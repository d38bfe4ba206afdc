// Training labs in a real terminal (tmux): the exercise's progress bar under the prompt, a task
// turning green said once, F1's task list, and typing while the checks run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTmux, Pane, PROMPT, prepareBuild, quote } from './pane.js';

const root = join(__dirname, '..', '..');
const idlePrompt = (s: string) => s.trimEnd().split('\n').some((l) => l.trimEnd() === PROMPT);

describe.skipIf(!hasTmux)('an exercise in a real terminal', () => {
  let build: Awaited<ReturnType<typeof prepareBuild>>;
  let pane: Pane | undefined;

  beforeAll(async () => {
    build = await prepareBuild();
  }, 120_000);
  afterAll(() => {
    pane?.kill();
    build.cleanup();
  });

  it('starts, shows the bar, says each task once, lists the tasks on F1', async () => {
    const t = (pane = new Pane(`${quote(process.execPath)} ${quote(build.bin)} -NoLogo`, { EMSH_HOME: build.home, EMSH_EXERCISE_PATH: join(root, 'labs') }));
    await t.waitFor((s) => s.includes(PROMPT), 'the prompt', 30_000);
    t.type('Start-LabExercise pop-imap-named-certificate');
    t.press('Enter');
    await t.waitFor(() => t.visible().includes('Exercise pop-imap-named-certificate [---] 0/3 tasks · 0 hints · F1 shows the tasks'), 'the bar', 30_000);
    expect(t.screen()).toContain('✗ 1. A CA-issued certificate for mail.proexchange.global');
    const lines = readFileSync(join(root, 'labs', 'pop-imap-named-certificate', 'solution.ps1'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    for (const line of lines) {
      t.type(line);
      t.press('Enter');
      await t.waitFor((s) => idlePrompt(s), line, 30_000);
    }
    await t.waitFor((s) => s.includes('Well done!') && t.visible().includes('[###] 3/3 tasks'), 'every task done', 30_000);
    const screen = t.screen(false, 2000);
    expect(screen.split('✓ Task 1 is done: A CA-issued certificate for mail.proexchange.global').length - 1).toBe(1);
    expect(screen.split('✓ Task 3 is done: POP3 and IMAP4 present it to Outlook').length - 1).toBe(1);
    t.press('F1');
    await t.waitFor(() => t.visible().includes("Exercise 'pop-imap-named-certificate': Secure POP3 and IMAP4 with a named certificate (3 of 3 done, 0 hints used)"), 'the task list');
    // Typing right after a command (while its checks run) arrives whole.
    t.type('1+1');
    t.press('Enter');
    t.type('2+2');
    t.press('Enter');
    await t.waitFor((s) => /^4\s*$/m.test(s) && /^2\s*$/m.test(s), 'both answers');
    t.type('exit');
    t.press('Enter');
    await t.waitFor((s) => s.includes('EXITED-0'), 'the shell to end');
  }, 180_000);
});

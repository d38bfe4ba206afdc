// The training cmdlets in a session (issue 9): the catalogue, starting an exercise (the session
// moves to its fresh lab), tasks and checks, hints counted, reset, checkpoints, the activity log,
// and bad input: unknown ids, broken exercises, a lab without an exercise, checks that throw,
// change the lab or never end. None of it crashes the shell or changes what it must not.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completionSourceFor, openLab, readLabFile, sessionLab } from '../../src/compose.js';
import { complete } from '../../src/ui/completion.js';
import { labPaths } from '../../src/store/lab-home.js';
import { exerciseProgress } from '../../src/labs/progress.js';
import { readActivity } from '../../src/labs/activity.js';
import { capturedSession, labFiles, tempHome } from '../helpers/run.js';
import { fixtureKeySource } from '../helpers/keys.js';
import { tempDir } from '../helpers/temp.js';

const NOW = new Date('2026-11-26T09:30:00Z');

/** A catalogue with one made-up exercise whose checks misbehave. */
function badCatalogue(): string {
  const root = tempDir('emsh-catalogue-');
  const dir = join(root, 'bad-checks');
  mkdirSync(dir);
  const check = (test: string, missing: string) => ({ test, missing });
  writeFileSync(
    join(dir, 'exercise.json'),
    JSON.stringify({
      id: 'bad-checks',
      title: 'Checks that misbehave',
      summary: 'For the tests.',
      level: 'Beginner',
      minutes: 1,
      exchangeVersion: '2007 SP1',
      tasks: [
        { title: 'Throws', goal: 'g', checks: [check("throw 'boom'", 'the first thing'), check('$true', 'never shown')], hints: ['h1', 'h2'] },
        { title: 'Changes the lab', goal: 'g', checks: [check('Set-LabDate -Add 1.00:00:00', 'a date')], hints: ['h'] },
        { title: 'Fine', goal: 'g', checks: [check('$true', 'nothing')], hints: ['only hint'] },
      ],
    }),
  );
  writeFileSync(join(dir, 'README.md'), '# Checks that misbehave\n');
  writeFileSync(join(dir, 'solution.ps1'), 'Get-Date\n');
  mkdirSync(join(root, 'broken'));
  writeFileSync(join(root, 'broken', 'exercise.json'), '{ "id": "broken", }');
  return root;
}

describe('the catalogue and starting an exercise', () => {
  it('Get-LabExercise lists the exercises with their state; a broken one is an error naming its file and line', async () => {
    const s = await capturedSession({ now: () => NOW });
    const r = await s.run('Get-LabExercise | Format-Table Id, State -AutoSize');
    expect(r.out).toMatch(/renew-self-signed\s+NotStarted/);
    expect((await s.run('(Get-LabExercise).Count')).out.trim()).toMatch(/^1\d$/);
    const bad = await capturedSession({ now: () => NOW, exercisePath: badCatalogue() });
    const b = await bad.run('Get-LabExercise | Format-Table Id');
    expect(b.out).toContain("Get-LabExercise : The exercise 'broken' has a problem: broken/exercise.json:1:19: Not valid JSON: A comma cannot come before '}' (trailing commas are not JSON).");
    expect(b.out).toContain('bad-checks');
    expect((await bad.run("Start-LabExercise broken")).out).toContain("The exercise 'broken' cannot be used: its files have problems.");
    const none = await capturedSession({ now: () => NOW, exercisePath: tempHome() });
    expect((await none.run('Get-LabExercise')).out).toContain('WARNING: There are no exercises in ');
    await none.close();
    await s.close();
    await bad.close();
  });

  it('an unknown id is an error that lists the exercises, and the session stays where it was', async () => {
    const s = await capturedSession({ now: () => NOW });
    const before = labFiles(s.lab.store.statePath);
    const r = await s.run('Start-LabExercise no-such-exercise');
    expect(r.out).toContain("Start-LabExercise : The exercise 'no-such-exercise' was not found. Exercises: autodiscover-name-mismatch,");
    expect(r.out).toContain('Exercises: autodiscover-name-mismatch, cas-no-self-signed,');
    expect(r.out).toContain('FullyQualifiedErrorId : ExerciseNotFound,Emsh.Lab.Commands.StartLabExerciseCommand');
    expect(sessionLab(s.session).lab.name).toBe('default');
    expect(labFiles(s.lab.store.statePath).equals(before)).toBe(true);
    expect((await s.run('Get-LabExercise nope')).out).toContain("The exercise 'nope' was not found.");
    await s.close();
  });

  it('in a lab without an exercise, the task cmdlets say so', async () => {
    const s = await capturedSession({ now: () => NOW });
    for (const cmd of ['Get-LabTask', 'Test-LabTask', 'Get-LabHint', 'Reset-LabExercise -Confirm:$false']) {
      const r = await s.run(cmd);
      expect(r.out, cmd).toContain("The lab 'default' has no exercise. Start one with Start-LabExercise <id>; Get-LabExercise lists them.");
      expect(r.out, cmd).toContain('LabHasNoExercise');
    }
    await s.close();
  });

  it('Start-LabExercise moves the session to the fresh lab named after the exercise: clock moved, set up, tasks shown', async () => {
    const home = tempHome();
    const s = await capturedSession({ home, now: () => NOW });
    await s.run('Set-Location C:\\Users; Set-Content C:\\note.txt hello');
    const r = await s.run('Start-LabExercise renew-self-signed');
    expect(r.out).toContain("Started exercise 'renew-self-signed' in the lab 'renew-self-signed'.");
    expect(r.out).toContain('# A year later: renew the self-signed certificates');
    expect(r.out).toContain("✗ 1. Renew Ex2007EE's certificate\n     still missing: Ex2007EE has no valid certificate for Ex2007EE.proexchange.local enabled for SMTP and IIS.");
    const bound = sessionLab(s.session);
    expect(bound.lab.name).toBe('renew-self-signed');
    expect((await s.run('(Get-LabDate).ToString("yyyy-MM-dd"); (Get-Location).Path; Test-Path C:\\note.txt')).out.trim().split('\n')).toEqual(['2027-12-31', 'C:\\Windows\\system32', 'False']);
    // The setup ran: Carol's message waits on Ex2007SE.
    expect((await s.run('(Get-Queue -Server Ex2007SE | Where-Object MessageCount -gt 0).Count')).out.trim()).toBe('1');
    // The lab it left is closed and unlocked: another emsh can change it at once.
    const other = await openLab({ home, lab: 'default', keys: fixtureKeySource(), waitMs: 0 });
    await other.beginChanges(new AbortController().signal);
    other.endChanges();
    await other.close();
    // The exercise lab's state on disk says which exercise it is for.
    const saved = exerciseProgress(readLabFile(labPaths(home, 'renew-self-signed').state)!.progress)!;
    expect(saved).toMatchObject({ id: 'renew-self-signed', resets: 0 });
    expect(saved.lastCheck?.passed).toEqual([false, false, false, false]);
    await s.close();
  });

  it('starting it again resumes (work kept); -Force starts over, keeping the hints counted', async () => {
    const home = tempHome();
    const s = await capturedSession({ home, now: () => NOW });
    await s.run('Start-LabExercise pop-imap-named-certificate | Out-Null; Get-LabHint | Out-Null; Get-LabHint | Out-Null');
    await s.run("$c = New-ExchangeCertificate -SubjectName 'cn=kept.proexchange.global' -Services None");
    expect((await s.run('Start-LabExercise pop-imap-named-certificate')).out).toContain("Back to exercise 'pop-imap-named-certificate'");
    expect((await s.run('@(Get-ExchangeCertificate -DomainName kept.proexchange.global).Count')).out.trim()).toBe('1');
    const r = await s.run('Start-LabExercise pop-imap-named-certificate -Force');
    expect(r.out).toContain("Started exercise 'pop-imap-named-certificate'");
    expect(r.out).toContain('(hints 2/3)');
    expect((await s.run('@(Get-ExchangeCertificate -DomainName kept.proexchange.global).Count')).out.trim()).toBe('0');
    const p = exerciseProgress(readLabFile(labPaths(home, 'pop-imap-named-certificate').state)!.progress)!;
    expect(p.resets).toBe(1);
    expect(p.tasks[0]!.hints).toBe(2);
    await s.close();
  });

  it('a lab of that name that is not the exercise’s is not replaced without -Force', async () => {
    const home = tempHome();
    await (await openLab({ home, lab: 'um-ocs-tls', keys: fixtureKeySource() })).close();
    const s = await capturedSession({ home, now: () => NOW });
    const r = await s.run('Start-LabExercise um-ocs-tls');
    expect(r.out).toContain("A lab named 'um-ocs-tls' exists and is not this exercise's. Start-LabExercise um-ocs-tls -Force replaces it");
    expect(sessionLab(s.session).lab.name).toBe('default');
    expect((await s.run('Start-LabExercise um-ocs-tls -Force')).out).toContain("Started exercise 'um-ocs-tls'");
    await s.close();
  });
});

describe('a setup script that fails', () => {
  it('makes Start-LabExercise fail with the script\'s error, and the session stays where it was', async () => {
    const root = badCatalogue();
    const file = join(root, 'bad-checks', 'exercise.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"tasks"', '"start": { "setup": "setup.ps1" }, "tasks"'));
    writeFileSync(join(root, 'bad-checks', 'setup.ps1'), '# prepare\nGet-Item C:\\missing.txt\n');
    const s = await capturedSession({ now: () => NOW, exercisePath: root });
    const r = await s.run('Start-LabExercise bad-checks');
    expect(r.out).toContain("The setup script of the exercise 'bad-checks' failed, so its lab is not ready:");
    expect(r.out).toMatch(/At [^\n]*bad-checks[\\/]setup\.ps1:2 char:1/);
    expect(r.out).toContain("Cannot find path 'C:\\missing.txt' because it does not exist.");
    expect(r.out).toContain('FullyQualifiedErrorId : ExerciseSetupFailed,Emsh.Lab.Commands.StartLabExerciseCommand');
    expect(sessionLab(s.session).lab.name).toBe('default');
    // Fixed, it starts afresh without -Force (the failed lab is not resumed).
    writeFileSync(join(root, 'bad-checks', 'setup.ps1'), '# prepare\nSet-Content C:\\ready.txt yes\n');
    expect((await s.run('Start-LabExercise bad-checks')).out).toContain("Started exercise 'bad-checks'");
    expect((await s.run('Get-Content C:\\ready.txt')).out.trim()).toBe('yes');
    await s.close();
  });
});

describe('tasks, checks and hints', () => {
  it('a check that throws or would change the lab counts as not passed, is reported, and the shell goes on', async () => {
    const home = tempHome();
    const s = await capturedSession({ home, now: () => NOW, exercisePath: badCatalogue() });
    await s.run('Start-LabExercise bad-checks | Out-Null');
    const dateBefore = (await s.run('(Get-LabDate).Ticks')).out;
    const r = await s.run('Test-LabTask');
    expect(r.out).toContain('WARNING: Task 1, check 1 could not run (it counts as not passed): boom');
    expect(r.out).toContain('WARNING: Task 2, check 1 could not run (it counts as not passed): A check may only read the lab');
    expect(r.out).toContain('✗ 1. Throws\n     still missing: the first thing\n');
    expect(r.out).not.toContain('never shown');
    expect(r.out).toContain('✓ 3. Fine');
    // Task 3 passed in the starting state already (the start's check run recorded it): no news now.
    expect(r.out).not.toContain('is done:');
    expect(r.out).toContain('1 of 3 tasks done, 0 hints used. Get-LabHint 1 gives a hint for task 1.');
    expect((await s.run('(Get-LabDate).Ticks')).out).toBe(dateBefore);
    expect((await s.run('1 + 1')).out.trim()).toBe('2');
    // Recorded: task 3 passed, with the time.
    const p = exerciseProgress(readLabFile(labPaths(home, 'bad-checks').state)!.progress)!;
    expect(p.tasks[2]!.passed?.lab).toBe(NOW.toISOString());
    expect(p.tasks[0]!.passed).toBeUndefined();
    // Errors are on the objects too.
    expect((await s.run('(Test-LabTask 1).Errors')).out).toContain('boom');
    await s.close();
  });

  it('Get-LabHint gives the next hint of the first task not done, counts it, and repeats the last', async () => {
    const home = tempHome();
    const s = await capturedSession({ home, now: () => NOW, exercisePath: badCatalogue() });
    await s.run('Start-LabExercise bad-checks | Out-Null');
    expect((await s.run('Get-LabHint')).out).toContain('Task : 1. Throws\nHint : 1 of 2\nText : h1');
    expect((await s.run('(Get-LabHint).Text')).out.trim()).toBe('h2');
    const third = await s.run('Get-LabHint | Format-List Number, Last');
    expect(third.out).toContain('Number : 2\nLast   : True');
    expect((await s.run('(Get-LabHint 3).Text')).out.trim()).toBe('only hint');
    expect((await s.run('Get-LabHint 9')).out).toContain("The exercise 'bad-checks' has tasks 1 to 3; there is no task 9.");
    const p = exerciseProgress(readLabFile(labPaths(home, 'bad-checks').state)!.progress)!;
    expect(p.tasks.map((t) => t.hints)).toEqual([2, 0, 1]);
    expect((await s.run('Get-LabTask | Format-Table')).out).toMatch(/1 ✗\s+Throws\s+2\/2/);
    await s.close();
  });

  it('a check that never ends is stopped and counts as not passed', { timeout: 60_000 }, async () => {
    const root = badCatalogue();
    const file = join(root, 'bad-checks', 'exercise.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.tasks[2].checks = [{ test: 'while ($true) { }', missing: 'forever' }];
    writeFileSync(file, JSON.stringify(doc));
    const s = await capturedSession({ now: () => NOW, exercisePath: root });
    await s.run('Start-LabExercise bad-checks | Out-Null');
    const r = await s.run('Test-LabTask 3');
    expect(r.out).toContain('Task 3, check 1 could not run (it counts as not passed): The check did not finish within 5 seconds.');
    expect(r.out).toContain('✗ 3. Fine');
    await s.close();
  });

  it('Reset-LabExercise makes the lab fresh again (drives emptied), hints stay counted', async () => {
    const home = tempHome();
    const s = await capturedSession({ home, now: () => NOW });
    await s.run('Start-LabExercise send-protocol-log | Out-Null; Get-LabHint | Out-Null');
    await s.run('Set-TransportServer Ex2007EE -IntraOrgConnectorProtocolLoggingLevel Verbose; Set-Content C:\\answer.txt x');
    const r = await s.run('Reset-LabExercise -Confirm:$false');
    expect(r.out).toContain("Reset exercise 'send-protocol-log' in the lab 'send-protocol-log'.");
    expect(r.out).toContain('(hints 1/3)');
    expect((await s.run('(Get-TransportServer Ex2007EE).IntraOrgConnectorProtocolLoggingLevel; Test-Path C:\\answer.txt; (Get-Location).Path')).out.trim().split('\n')).toEqual(['None', 'False', 'C:\\Windows\\system32']);
    // The setup ran again: Ex2007SE has its two SMTP certificates.
    expect((await s.run('Enter-LabServer Ex2007SE; @(Get-ExchangeCertificate | Where-Object { $_.Services -match "SMTP" }).Count; Enter-LabServer Ex2007EE')).out.trim()).toBe('2');
    expect(exerciseProgress(readLabFile(labPaths(home, 'send-protocol-log').state)!.progress)!.resets).toBe(1);
    expect((await s.run('Reset-LabExercise -WhatIf')).out).toContain('What if: Performing the operation "Reset-LabExercise" on target "Lab of exercise send-protocol-log: everything done in it is lost".');
    await s.close();
  });

  it('every command in an exercise lab is a line of its activity log (not a change of the lab)', async () => {
    const home = tempHome();
    const s = await capturedSession({ home, now: () => NOW });
    await s.run('Get-Date | Out-Null');
    await s.run('Start-LabExercise pop-imap-named-certificate | Out-Null');
    const writes = sessionLab(s.session).lab.store.writes;
    await s.run('Get-ExchangeCertificate | Out-Null');
    await s.run('Get-Item C:\\nothing-here');
    expect(sessionLab(s.session).lab.store.writes).toBe(writes);
    const a = readActivity(labPaths(home, 'pop-imap-named-certificate').dir);
    expect(a).toMatchObject({ commands: 3, failed: 1, first: { lab: NOW.toISOString() } });
    expect(existsSync(join(labPaths(home, 'default').dir, 'activity.log'))).toBe(false);
    await s.close();
  });
});

describe('tab completion', () => {
  it('completes exercise ids and checkpoint names', async () => {
    const s = await capturedSession({ now: () => NOW });
    const src = completionSourceFor(s.session);
    const texts = (line: string) => complete(line, line.length, src).candidates.map((c) => c.text);
    expect(texts('Start-LabExercise re')).toEqual(['renew-self-signed']);
    expect(texts('Get-LabExercise -Id home')).toEqual(['home-outlook-anywhere']);
    await s.run('Checkpoint-Lab first | Out-Null; Checkpoint-Lab second | Out-Null');
    expect(texts('Restore-Lab ')).toEqual(['first', 'second']);
    await s.close();
  });
});

describe('checkpoints', () => {
  it('Checkpoint-Lab and Restore-Lab put the lab (state, clock and drives) back; progress stays', async () => {
    const home = tempHome();
    const s = await capturedSession({ home, now: () => NOW });
    await s.run('Start-LabExercise pop-imap-named-certificate | Out-Null');
    expect((await s.run('Checkpoint-Lab clean | Format-List Name, Lab')).out).toContain('Name : clean\nLab  : pop-imap-named-certificate');
    await s.run("New-ExchangeCertificate -SubjectName 'cn=later.proexchange.global' -Services None | Out-Null; Set-Content C:\\later.txt x; Set-LabDate -Add 10.00:00:00 | Out-Null; Get-LabHint | Out-Null");
    expect((await s.run('Checkpoint-Lab clean')).out).toContain("The lab 'pop-imap-named-certificate' already has a checkpoint named 'clean'. Use -Force to replace it.");
    expect((await s.run('Restore-Lab clean -WhatIf')).out).toContain('What if:');
    expect((await s.run('@(Get-ExchangeCertificate -DomainName later.proexchange.global).Count')).out.trim()).toBe('1');
    await s.run('Restore-Lab clean -Confirm:$false | Out-Null');
    expect((await s.run('@(Get-ExchangeCertificate -DomainName later.proexchange.global).Count; Test-Path C:\\later.txt; (Get-LabDate).ToString("yyyy-MM-dd")')).out.trim().split('\n')).toEqual(['0', 'False', '2026-11-26']);
    expect((await s.run('(Get-LabTask 1).HintsUsed')).out.trim()).toBe('1');
    const disk = readLabFile(labPaths(home, 'pop-imap-named-certificate').state)!;
    expect(JSON.stringify(disk.organization)).not.toContain('later.proexchange.global');
    expect((await s.run('Get-LabCheckpoint | Format-Table Name, Lab')).out).toMatch(/clean\s+pop-imap-named-certificate/);
    expect((await s.run('Restore-Lab nope -Confirm:$false')).out).toContain("The lab 'pop-imap-named-certificate' has no checkpoint named 'nope'. Checkpoints: clean.");
    expect((await s.run('Checkpoint-Lab ../x')).out).toContain("Invalid checkpoint name '../x'");
    await s.close();
  });

  it('a read-only session neither starts exercises nor writes checkpoints', async () => {
    const home = tempHome();
    await (await openLab({ home, lab: 'default', keys: fixtureKeySource() })).close();
    const s = await capturedSession({ home, now: () => NOW, readOnly: true });
    expect((await s.run('Start-LabExercise renew-self-signed')).out).toContain("The lab 'default' is open read-only: an exercise cannot be started from this session.");
    expect((await s.run('Checkpoint-Lab x')).out).toContain("is open read-only: no checkpoint can be written");
    expect(existsSync(labPaths(home, 'renew-self-signed').dir)).toBe(false);
    await s.close();
  });
});

// The trainer's side, as a trainer runs it: `emsh -Lab <lab> -Check [-Json] [-OutFile]` and
// `emsh -Grade <folder>` over a class's collected lab homes; the trainees' labs are only read.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli-args.js';
import { capturedSession, labFiles, tempHome } from '../helpers/run.js';
import { labPaths } from '../../src/store/lab-home.js';
import { tempDir } from '../helpers/temp.js';

const root = join(__dirname, '..', '..');
const bin = join(root, 'dist', 'emsh.js');
const NOW = new Date('2026-11-26T09:30:00Z');

function emsh(args: string[], home: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, EMSH_HOME: home, EMSH_EXERCISE_PATH: join(root, 'labs') }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A trainee's lab home: one exercise solved (with a hint), one half done, and a lab without an exercise. */
async function traineeHome(): Promise<string> {
  const home = tempHome();
  const s = await capturedSession({ home, now: () => NOW });
  await s.run('Start-LabExercise pop-imap-named-certificate | Out-Null; Get-LabHint | Out-Null');
  await s.run(readFileSync(join(root, 'labs', 'pop-imap-named-certificate', 'solution.ps1'), 'utf8'));
  await s.run('Test-LabTask | Out-Null');
  await s.run('Start-LabExercise um-ocs-tls | Out-Null');
  await s.run("Set-UMDialPlan 'ProExchange DP' -VoIPSecurity SIPSecured -WarningAction SilentlyContinue");
  await s.close();
  return home;
}

describe('emsh -Check', () => {
  let home: string;
  beforeAll(async () => {
    home = await traineeHome();
  });

  it('exits 0 when every task passes and prints the report; -Json and -OutFile give the JSON report', () => {
    const before = labFiles(labPaths(home, 'pop-imap-named-certificate').state);
    let r = emsh(['-Lab', 'pop-imap-named-certificate', '-Check'], home);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Lab pop-imap-named-certificate: exercise 'pop-imap-named-certificate' (Secure POP3 and IMAP4 with a named certificate)");
    expect(r.out).toContain('  ✓ 3. POP3 and IMAP4 present it to Outlook');
    expect(r.out).toMatch(/3 of 3 tasks done, 1 hint used, \d+ commands run\./);
    const out = join(tempDir('emsh-report-'), 'report.json');
    r = emsh(['-Lab', 'pop-imap-named-certificate', '-Check', '-Json', '-OutFile', out], home);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(report);
    expect(report).toMatchObject({ lab: 'pop-imap-named-certificate', exercise: { id: 'pop-imap-named-certificate' }, passed: 3, total: 3, allPassed: true, hintsUsed: 1, resets: 0 });
    expect(report.commandsRun).toBeGreaterThanOrEqual(3);
    expect(report.firstActivity.lab).toBe(NOW.toISOString());
    expect(Object.keys(report.firstActivity)).toEqual(['lab', 'real']);
    expect(report.tasks[0]).toMatchObject({ number: 1, passed: true, hintsUsed: 1, missing: [], errors: [] });
    expect(report.tasks[0].firstPassed.lab).toBe(NOW.toISOString());
    // Read only: the trainee's lab is byte for byte as it was.
    expect(labFiles(labPaths(home, 'pop-imap-named-certificate').state).equals(before)).toBe(true);
  });

  it('exits 1 with what is missing when tasks fail; 2 when there is nothing to check', () => {
    let r = emsh(['-Lab', 'um-ocs-tls', '-Check'], home);
    expect(r.code).toBe(1);
    expect(r.out).toContain('  ✓ 1. A secured dial plan');
    expect(r.out).toContain('  ✗ 2. A CA certificate for UM\n       missing: Ex2007EE has no valid CA-issued certificate for Ex2007EE.proexchange.local enabled for UM.');
    expect(r.out).toContain('1 of 4 tasks done, 0 hints used');
    r = emsh(['-Lab', 'default', '-Check'], home);
    expect(r.code).toBe(2);
    expect(r.err).toContain("emsh: The lab 'default' has no exercise: nothing to check.");
    r = emsh(['-Lab', 'nope', '-Check'], home);
    expect(r.code).toBe(2);
    expect(r.err).toContain("emsh: There is no lab 'nope' in ");
    r = emsh(['-Lab', 'um-ocs-tls', '-Check', '-ExercisePath', tmpdir()], home);
    expect(r.code).toBe(2);
    expect(r.err).toContain("emsh: The lab 'um-ocs-tls' cannot be checked: the exercise 'um-ocs-tls' is not in ");
  });

  it('emsh -Grade reads every lab home of a class folder: one table, and JSON or CSV', () => {
    const klass = tempDir('emsh-class-');
    for (const name of ['alice', 'bob']) cpSync(home, join(klass, name), { recursive: true });
    mkdirSync(join(klass, 'carol', '.emsh'), { recursive: true });
    cpSync(join(home, 'labs'), join(klass, 'carol', '.emsh', 'labs'), { recursive: true });
    mkdirSync(join(klass, 'not-a-home'));
    const csv = join(klass, 'grades.csv');
    let r = emsh(['-Grade', klass, '-OutFile', csv], home);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Trainee\s+Exercise\s+Done\s+Hints\s+Commands\s+First activity\s+Last activity\s+Note$/);
    expect(lines).toHaveLength(2 + 6);
    expect(r.out).toMatch(/alice\s+pop-imap-named-certificate\s+3\/3\s+1\s+\d+\s+.*all done/);
    expect(r.out).toMatch(/carol\s+um-ocs-tls\s+1\/4\s+0/);
    const rows = readFileSync(csv, 'utf8').trimEnd().split('\r\n');
    expect(rows[0]).toBe('trainee,lab,exercise,passed,total,hintsUsed,resets,commandsRun,firstActivity,lastActivity,completed,problem');
    expect(rows).toHaveLength(7);
    expect(rows.filter((l) => l.startsWith('bob,pop-imap-named-certificate,pop-imap-named-certificate,3,3,1,0,'))).toHaveLength(1);
    r = emsh(['-Grade', klass, '-Json'], home);
    const json = JSON.parse(r.out);
    expect(json.labs).toHaveLength(6);
    expect(json.labs.map((l: { trainee: string }) => l.trainee)).toEqual(['alice', 'alice', 'bob', 'bob', 'carol', 'carol']);
    r = emsh(['-Grade', join(klass, 'nobody')], home);
    expect(r.code).toBe(2);
    expect(r.err).toContain("The class folder '");
  });
});

describe('the trainer options on the command line', () => {
  it('parse, and refuse combinations that make no sense', () => {
    expect(parseCliArgs(['-Lab', 'x', '-Check', '-Json', '-OutFile', 'r.json'])).toMatchObject({ lab: 'x', check: true, json: true, outFile: 'r.json' });
    expect(parseCliArgs(['-Grade', 'class', '-ExercisePath', 'labs'])).toMatchObject({ grade: 'class', exercisePath: 'labs' });
    expect(parseCliArgs(['-ValidateExercise', 'labs/x'])).toMatchObject({ validateExercise: 'labs/x' });
    // powershell.exe's short names stay what they were.
    expect(parseCliArgs(['-ex', 'Bypass', '-o', 'Text', '-c', '1'])).toMatchObject({ command: '1' });
    expect(parseCliArgs(['-v']).version).toBe(true);
    expect(() => parseCliArgs(['-Check', '-Grade', 'x'])).toThrow('-Check and -Grade cannot be combined.');
    expect(() => parseCliArgs(['-Check', '-Command', '1'])).toThrow('-Check cannot be combined with -Command or -File.');
    expect(() => parseCliArgs(['-Json'])).toThrow('-Json and -OutFile go with -Check or -Grade.');
  });
});

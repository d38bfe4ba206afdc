// Exercise files with problems: every problem is reported with its file and line (and the field
// of exercise.json), by the loader and by `emsh -ValidateExercise`.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadCatalogue, loadExercise } from '../../src/labs/exercise.js';
import { knownCommandNames } from '../../src/training.js';
import { tempDir } from '../helpers/temp.js';

const root = join(__dirname, '..', '..');
const known = knownCommandNames('Ex2007EE');

/** A copy of a shipped exercise in a temp catalogue, to break. */
function copyOf(id: string): { catalogue: string; dir: string } {
  const catalogue = tempDir('emsh-exercises-');
  const dir = join(catalogue, id);
  cpSync(join(root, 'labs', id), dir, { recursive: true });
  return { catalogue, dir };
}

const GOOD = (id: string) => ({
  id,
  title: 'T',
  summary: 'S',
  level: 'Beginner',
  minutes: 5,
  exchangeVersion: '2007 SP1',
  tasks: [{ title: 'one', goal: 'g', checks: [{ test: '$true', missing: 'm' }], hints: ['h'] }],
});

function writeExercise(dir: string, json: string, files: Record<string, string> = {}): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'exercise.json'), json);
  const all = { 'README.md': '# Title\n\nStory.\n', 'solution.ps1': 'Get-Date\n', ...files };
  for (const [name, text] of Object.entries(all)) writeFileSync(join(dir, name), text);
}

describe('exercise files', () => {
  it('the shipped exercises load without problems', () => {
    const cat = loadCatalogue(join(root, 'labs'), { knownCommands: known });
    expect(cat.problems.map((p) => formatProblem(p))).toEqual([]);
    expect(cat.exercises.length).toBeGreaterThanOrEqual(10);
  });

  it('a JSON syntax error is reported at its line and column', () => {
    const { dir } = copyOf('pop-imap-named-certificate');
    writeExercise(dir, '{\n  "id": "pop-imap-named-certificate",\n  "title": "x",,\n}');
    const r = loadExercise(dir, { knownCommands: known });
    expect(r.exercise).toBeUndefined();
    expect(r.problems).toHaveLength(1);
    expect(formatProblem(r.problems[0]!, dir)).toBe("exercise.json:3:16: Not valid JSON: Expected a property name in double quotes, found ','.");
  });

  it('every schema problem names the file, line and field; the id must be the folder name', () => {
    const dir = join(tempDir('emsh-exercises-'), 'my-exercise');
    const doc = GOOD('other-name') as Record<string, unknown>;
    doc.level = 'Guru';
    doc.extra = 1;
    writeExercise(dir, JSON.stringify(doc, null, 2));
    const lines = loadExercise(dir, { knownCommands: known }).problems.map((p) => formatProblem(p, dir));
    expect(lines).toEqual(['exercise.json:5:12: level: must be one of "Beginner", "Intermediate", "Advanced"; it is "Guru".', 'exercise.json:23:3: extra: is not a known property (known: $schema, id, title, summary, level, minutes, exchangeVersion, start, tasks).']);
    writeExercise(dir, JSON.stringify(GOOD('other-name'), null, 2));
    expect(loadExercise(dir, { knownCommands: known }).problems.map((p) => formatProblem(p, dir))).toEqual(["exercise.json:2:9: id: The id 'other-name' must be the folder's name, 'my-exercise'."]);
  });

  it('a check that does not parse, or calls an unknown command, is reported at its line in exercise.json', () => {
    const dir = join(tempDir('emsh-exercises-'), 'broken');
    const doc = GOOD('broken');
    doc.tasks[0]!.checks = [
      { test: '(Get-ExchangeCertificate', missing: 'm' },
      { test: 'Get-ExchangeCertficate | Measure-Object', missing: 'm' },
    ];
    writeExercise(dir, JSON.stringify(doc, null, 2));
    const r = loadExercise(dir, { knownCommands: known });
    expect(r.problems.map((p) => `${p.line} ${p.field}: ${p.message}`)).toEqual([
      "14 tasks[0].checks[0].test: The check: Missing closing ')' in expression.",
      "18 tasks[0].checks[1].test: The check: 'Get-ExchangeCertficate' is not a command emsh knows.",
    ]);
  });

  it('missing files and script errors are reported in their own files, with lines', () => {
    const dir = join(tempDir('emsh-exercises-'), 'scripts');
    const doc = GOOD('scripts') as ReturnType<typeof GOOD> & { start?: unknown };
    doc.start = { setup: 'setup.ps1' };
    writeExercise(dir, JSON.stringify(doc, null, 2), { 'solution.ps1': '# fix it\nGet-Date\nNew-Certificate -Name x\n', 'README.md': 'no title line\n' });
    const lines = loadExercise(dir, { knownCommands: known }).problems.map((p) => formatProblem(p, dir));
    expect(lines).toEqual([
      "README.md:1: README.md must start its story with a '# Title' line.",
      "solution.ps1:3:1: PowerShell: 'New-Certificate' is not a command emsh knows.",
      'setup.ps1: The file setup.ps1 is missing.',
    ]);
    rmSync(join(dir, 'README.md'));
    writeFileSync(join(dir, 'setup.ps1'), 'if ($true) {\n');
    expect(loadExercise(dir, { knownCommands: known }).problems.map((p) => formatProblem(p, dir))).toEqual([
      'README.md: The file README.md (the story and the tasks) is missing.',
      "solution.ps1:3:1: PowerShell: 'New-Certificate' is not a command emsh knows.",
      "setup.ps1:1:12: PowerShell: Missing closing '}' in statement block or type definition.",
    ]);
  });

  it('a changed file is read again (the loader keeps an exercise only while its files are unchanged)', () => {
    const { dir } = copyOf('pop-imap-named-certificate');
    expect(loadExercise(dir, { knownCommands: known }).exercise?.title).toBe('Secure POP3 and IMAP4 with a named certificate');
    writeExercise(dir, JSON.stringify({ ...GOOD('pop-imap-named-certificate'), title: 'Changed title' }));
    expect(loadExercise(dir, { knownCommands: known }).exercise?.title).toBe('Changed title');
  });

  it('emsh -ValidateExercise prints file:line problems and exits 1; a valid catalogue exits 0', () => {
    const { catalogue, dir } = copyOf('renew-self-signed');
    writeExercise(dir, '{\n  "id": "renew-self-signed"\n}', { 'setup.ps1': 'Send-LabMessage -From a@b.c -To d@e.f\n' });
    const bin = join(root, 'dist', 'emsh.js');
    let r = spawnSync(process.execPath, [bin, '-ValidateExercise', catalogue], { encoding: 'utf8', cwd: catalogue });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("renew-self-signed/exercise.json:1:1: (the document): must have the property 'title'.");
    expect(r.stdout).toContain('renew-self-signed: 6 problems.');
    r = spawnSync(process.execPath, [bin, '-ValidateExercise', join(root, 'labs')], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('renew-self-signed: valid (4 tasks, 4 checks, 10 hints).');
    r = spawnSync(process.execPath, [bin, '-ValidateExercise', tmpdir() + '/no-such-folder'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('has no exercise.json');
  });
});

// Every exercise in labs/ proves itself (issue 9): its files are valid, its starting state fails
// every task (no check errors: a check that errors is the exercise's bug), and its solution.ps1,
// run as a trainee would type it, makes every task pass.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exerciseFolders, loadExercise, solutionPath } from '../../src/labs/exercise.js';
import { sessionLab } from '../../src/compose.js';
import { TrainingKey, type ExerciseStatus } from '../../src/cmdlets/lab/training-service.js';
import { knownCommandNames } from '../../src/training.js';
import { capturedSession } from '../helpers/run.js';

const labsDir = join(__dirname, '..', '..', 'labs');
const folders = exerciseFolders(labsDir);
const NOW = new Date('2026-11-26T09:30:00Z');

/** Check failures as text, for a readable assertion message. */
function describeStatus(s: ExerciseStatus): string {
  return s.tasks
    .map((t) => `${t.passed ? 'PASS' : 'FAIL'} ${t.number}. ${t.title}\n${(t.checks ?? []).map((c) => `   ${c.passed ? '+' : '-'} ${c.missing}${c.error ? ` [error: ${c.error}]` : ''}`).join('\n')}`)
    .join('\n');
}

describe('training exercises', () => {
  it('there are at least ten', () => {
    expect(folders.length).toBeGreaterThanOrEqual(10);
  });

  for (const dir of folders) {
    const id = dir.split(/[\\/]/).pop()!;
    it(`${id}: the starting state fails its checks, solution.ps1 passes them`, { timeout: 120_000 }, async () => {
      const loaded = loadExercise(dir, { knownCommands: knownCommandNames('Ex2007EE') });
      expect(loaded.problems.map((p) => `${p.file}:${p.line}: ${p.field ?? ''} ${p.message}`)).toEqual([]);
      const ex = loaded.exercise!;

      const s = await capturedSession({ now: () => NOW });
      try {
        const started = await s.run(`Start-LabExercise ${id}`);
        expect(started.out, started.out).not.toMatch(/FullyQualifiedErrorId/);
        const service = sessionLab(s.session).services.get(TrainingKey);
        const before = await service.status();
        const text = describeStatus(before);
        for (const t of before.tasks) {
          expect(t.passed, `task ${t.number} passes before any work:\n${text}`).toBe(false);
          for (const c of t.checks ?? []) expect(c.error, `a check errors in the starting state:\n${text}`).toBeUndefined();
        }

        const solution = readFileSync(solutionPath(ex), 'utf8');
        const solved = await s.run(solution, { file: `C:\\exercises\\${id}\\solution.ps1` });
        expect(solved.out, `solution.ps1 printed an error:\n${solved.out}`).not.toMatch(/FullyQualifiedErrorId/);
        const after = await service.test(undefined, new AbortController().signal);
        expect(after.tasks.every((t) => t.passed), `after solution.ps1:\n${describeStatus(after)}`).toBe(true);
        expect(sessionLab(s.session).lab.name).toBe(id);
      } finally {
        await sessionLab(s.session).close();
      }
    });
  }
});

// The trainer's side of training labs (issue 9), run from the command line without a shell:
//   emsh -Lab <lab> -Check [-Json] [-OutFile <file>]   one lab's checks, exit 0 only when all pass
//   emsh -Grade <folder> [-Json] [-OutFile <file>]      every exercise lab of a class's lab homes
//   emsh -ValidateExercise <dir>                       every problem of exercise files, with file and line
// Trainees' labs are only read: their state through readLabFile (lab.json with its journal), the
// checks in a read-only session; nothing is locked or written there.

import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { openLab, readLabFile, SessionLab, START_MACHINE } from './compose.js';
import { readActivity } from './labs/activity.js';
import { runChecks } from './labs/checks.js';
import { exerciseFolders, formatProblem, isExerciseFolder, loadCatalogue, loadExercise, type Catalogue, type Exercise } from './labs/exercise.js';
import { exerciseProgress, moment, type ExerciseProgress } from './labs/progress.js';
import { checkReport, checkReportLines, gradeCsv, gradeRow, gradeTableLines, type CheckReport, type GradeRow } from './labs/report.js';
import { labPaths } from './store/lab-home.js';
import { checkEvaluator, checkSession, knownCommandNames } from './training.js';

export interface TrainerOutput {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

const line = (s: NodeJS.WritableStream, text = '') => s.write(text + '\n');

/** The exercise a lab's progress names, or why it cannot be found. */
function exerciseOf(cat: Catalogue, id: string): Exercise | string {
  const ex = cat.exercises.find((e) => e.id === id);
  if (ex) return ex;
  const broken = cat.problems.filter((p) => p.file.split(/[\\/]/).includes(id));
  if (broken.length) return `the exercise '${id}' has problems: ${broken.map((p) => formatProblem(p, cat.root)).join('; ')}`;
  return `the exercise '${id}' is not in ${cat.root}`;
}

/** Runs an exercise's checks on a lab, read-only, and reports them with the lab's progress and activity. */
export async function reportOfLab(home: string, lab: string, ex: Exercise, progress: ExerciseProgress): Promise<CheckReport> {
  const opened = await openLab({ home, lab, readOnly: true });
  try {
    const bound = new SessionLab(opened);
    const outcomes = await runChecks(ex, checkEvaluator(bound, checkSession(bound, START_MACHINE)));
    return checkReport(lab, ex, progress, outcomes, readActivity(opened.dir), moment(opened.now(), opened.clock.realNow()));
  } finally {
    await opened.close();
  }
}

function writeOut(path: string, text: string, io: TrainerOutput): boolean {
  try {
    writeFileSync(resolve(path), text);
    return true;
  } catch (e) {
    line(io.err, `emsh: cannot write '${path}': ${(e as Error).message}`);
    return false;
  }
}

/** `emsh -Lab <lab> -Check`: 0 when every task passes, 1 when not, 2 when the lab cannot be checked. */
export async function checkCommand(opts: { home: string; lab: string; exercisePath: string; json: boolean; outFile?: string }, io: TrainerOutput): Promise<number> {
  let statePath: string;
  try {
    statePath = labPaths(opts.home, opts.lab).state;
  } catch (e) {
    line(io.err, `emsh: ${(e as Error).message}`);
    return 2;
  }
  const state = readLabFile(statePath);
  if (!state) {
    line(io.err, `emsh: There is no lab '${opts.lab}' in ${opts.home}.`);
    return 2;
  }
  const progress = exerciseProgress(state.progress);
  if (!progress) {
    line(io.err, `emsh: The lab '${opts.lab}' has no exercise: nothing to check. A trainee starts one with Start-LabExercise <id>.`);
    return 2;
  }
  const ex = exerciseOf(loadCatalogue(opts.exercisePath, { knownCommands: knownCommandNames(START_MACHINE) }), progress.id);
  if (typeof ex === 'string') {
    line(io.err, `emsh: The lab '${opts.lab}' cannot be checked: ${ex}.`);
    return 2;
  }
  const report = await reportOfLab(opts.home, opts.lab, ex, progress);
  const json = JSON.stringify(report, null, 2) + '\n';
  if (opts.outFile !== undefined && !writeOut(opts.outFile, json, io)) return 2;
  if (opts.json) io.out.write(json);
  else for (const l of checkReportLines(report)) line(io.out, l);
  return report.allPassed ? 0 : 1;
}

/** Lab homes in a class folder: each folder with a labs/ folder (or a .emsh/ that has one), the folder itself too. */
export function labHomes(folder: string): { trainee: string; home: string }[] {
  const isHome = (d: string) => {
    try {
      return statSync(join(d, 'labs')).isDirectory();
    } catch {
      return false;
    }
  };
  const homes: { trainee: string; home: string }[] = [];
  if (isHome(folder)) homes.push({ trainee: basename(resolve(folder)), home: folder });
  let names: string[] = [];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return homes;
  }
  for (const n of names) {
    const d = join(folder, n);
    if (n === 'labs' || n.startsWith('.')) continue;
    if (isHome(d)) homes.push({ trainee: n, home: d });
    else if (isHome(join(d, '.emsh'))) homes.push({ trainee: n, home: join(d, '.emsh') });
  }
  return homes;
}

/** `emsh -Grade <folder>`: one row per exercise lab of every lab home in the folder. */
export async function gradeCommand(opts: { folder: string; exercisePath: string; json: boolean; outFile?: string }, io: TrainerOutput): Promise<number> {
  try {
    if (!statSync(opts.folder).isDirectory()) throw new Error('not a folder');
  } catch {
    line(io.err, `emsh: The class folder '${opts.folder}' does not exist.`);
    return 2;
  }
  const cat = loadCatalogue(opts.exercisePath, { knownCommands: knownCommandNames(START_MACHINE) });
  const rows: GradeRow[] = [];
  for (const { trainee, home } of labHomes(opts.folder)) {
    let labs: string[];
    try {
      labs = readdirSync(join(home, 'labs')).sort();
    } catch {
      continue;
    }
    for (const lab of labs) {
      let progress: ExerciseProgress | undefined;
      try {
        progress = exerciseProgress(readLabFile(labPaths(home, lab).state)?.progress);
      } catch (e) {
        rows.push({ trainee, lab, exercise: '', passed: 0, total: 0, hintsUsed: 0, resets: 0, commandsRun: 0, firstActivity: null, lastActivity: null, completed: null, problem: `unreadable lab: ${(e as Error).message}` });
        continue;
      }
      if (!progress) continue;
      const ex = exerciseOf(cat, progress.id);
      if (typeof ex === 'string') {
        const a = readActivity(labPaths(home, lab).dir);
        rows.push({ trainee, lab, exercise: progress.id, passed: 0, total: progress.tasks.length, hintsUsed: 0, resets: progress.resets, commandsRun: a.commands, firstActivity: a.first?.real ?? null, lastActivity: a.last?.real ?? null, completed: null, problem: ex });
        continue;
      }
      try {
        rows.push(gradeRow(trainee, await reportOfLab(home, lab, ex, progress)));
      } catch (e) {
        rows.push({ trainee, lab, exercise: ex.id, passed: 0, total: ex.tasks.length, hintsUsed: 0, resets: 0, commandsRun: 0, firstActivity: null, lastActivity: null, completed: null, problem: `not checked: ${(e as Error).message}` });
      }
    }
  }
  const json = JSON.stringify({ folder: resolve(opts.folder), labs: rows }, null, 2) + '\n';
  if (opts.outFile !== undefined && !writeOut(opts.outFile, /\.csv$/i.test(opts.outFile) ? gradeCsv(rows) : json, io)) return 2;
  if (opts.json) io.out.write(json);
  else for (const l of gradeTableLines(rows)) line(io.out, l);
  return 0;
}

/** `emsh -ValidateExercise <dir>`: one exercise folder, or every exercise of a catalogue folder. 0 when all are valid. */
export function validateCommand(opts: { dir: string }, io: TrainerOutput): number {
  const dir = resolve(opts.dir);
  const dirs = isExerciseFolder(dir) ? [dir] : exerciseFolders(dir);
  if (dirs.length === 0) {
    line(io.err, `emsh: '${opts.dir}' has no exercise.json, and no exercise folders.`);
    return 2;
  }
  const known = knownCommandNames(START_MACHINE);
  let bad = 0;
  for (const d of dirs) {
    const r = loadExercise(d, { knownCommands: known });
    for (const p of r.problems) line(io.out, formatProblem(p, process.cwd()));
    if (r.exercise) {
      const checks = r.exercise.tasks.reduce((n, t) => n + t.checks.length, 0);
      const hints = r.exercise.tasks.reduce((n, t) => n + t.hints.length, 0);
      line(io.out, `${r.exercise.id}: valid (${r.exercise.tasks.length} tasks, ${checks} checks, ${hints} hints).`);
    } else {
      bad++;
      line(io.out, `${basename(d)}: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}.`);
    }
  }
  return bad === 0 ? 0 : 1;
}

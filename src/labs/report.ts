// The trainer's side: what `emsh -Lab <lab> -Check` reports about one lab, and what
// `emsh -Grade <folder>` makes of a class (one row per exercise lab found), as a table, JSON and CSV.

import type { Activity } from './activity.js';
import type { TaskOutcome } from './checks.js';
import type { Exercise } from './exercise.js';
import { hintsUsed, type ExerciseProgress, type Moment } from './progress.js';

export interface TaskReport {
  number: number;
  title: string;
  passed: boolean;
  hintsUsed: number;
  /** When its checks first all passed (recorded while the trainee worked). */
  firstPassed: Moment | null;
  /** What is still missing (the exercise's words for each failing check). */
  missing: string[];
  /** Checks that could not run, with why. */
  errors: string[];
}

export interface CheckReport {
  lab: string;
  exercise: { id: string; title: string };
  checkedAt: Moment;
  started: Moment;
  completed: Moment | null;
  passed: number;
  total: number;
  allPassed: boolean;
  hintsUsed: number;
  resets: number;
  commandsRun: number;
  failedCommands: number;
  firstActivity: Moment | null;
  lastActivity: Moment | null;
  tasks: TaskReport[];
}

export function checkReport(lab: string, ex: Exercise, progress: ExerciseProgress, outcomes: TaskOutcome[], activity: Activity, checkedAt: Moment): CheckReport {
  const tasks = ex.tasks.map((t, i): TaskReport => {
    const o = outcomes.find((x) => x.number === i + 1);
    return {
      number: i + 1,
      title: t.title,
      passed: o?.passed ?? false,
      hintsUsed: progress.tasks[i]?.hints ?? 0,
      firstPassed: progress.tasks[i]?.passed ?? null,
      missing: (o?.checks ?? []).filter((c) => !c.passed).map((c) => c.missing),
      errors: (o?.checks ?? []).filter((c) => c.error !== undefined).map((c) => c.error!),
    };
  });
  const passed = tasks.filter((t) => t.passed).length;
  return {
    lab,
    exercise: { id: ex.id, title: ex.title },
    checkedAt,
    started: progress.started,
    completed: progress.completed ?? null,
    passed,
    total: tasks.length,
    allPassed: passed === tasks.length,
    hintsUsed: hintsUsed(progress),
    resets: progress.resets,
    commandsRun: activity.commands,
    failedCommands: activity.failed,
    firstActivity: activity.first ?? null,
    lastActivity: activity.last ?? null,
    tasks,
  };
}

/** A plain text table: a header, a dashed rule, left-aligned columns (numbers right-aligned). */
export function textTable(headers: string[], rows: (string | number)[][]): string[] {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const numeric = headers.map((_, c) => rows.length > 0 && rows.every((r) => typeof r[c] === 'number'));
  const cell = (v: string | number, c: number) => (numeric[c] ? String(v).padStart(widths[c]!) : String(v).padEnd(widths[c]!));
  const line = (cells: (string | number)[]) => cells.map(cell).join(' ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** The human form of a check report: the tasks with ✓/✗ and what is missing. */
export function checkReportLines(r: CheckReport): string[] {
  const lines = [`Lab ${r.lab}: exercise '${r.exercise.id}' (${r.exercise.title})`, ''];
  for (const t of r.tasks) {
    lines.push(`  ${t.passed ? '✓' : '✗'} ${t.number}. ${t.title}`);
    for (const m of t.missing) lines.push(`       missing: ${m}`);
    for (const e of t.errors) lines.push(`       check failed to run: ${e}`);
  }
  lines.push('', `${r.passed} of ${r.total} tasks done, ${r.hintsUsed} hint${r.hintsUsed === 1 ? '' : 's'} used, ${r.commandsRun} command${r.commandsRun === 1 ? '' : 's'} run.`);
  return lines;
}

/** One row of a class's grades: one exercise lab of one trainee. */
export interface GradeRow {
  /** The trainee: the lab home's folder name under the class folder. */
  trainee: string;
  lab: string;
  exercise: string;
  passed: number;
  total: number;
  hintsUsed: number;
  resets: number;
  commandsRun: number;
  firstActivity: string | null;
  lastActivity: string | null;
  completed: string | null;
  /** Why the lab could not be graded (unreadable state, unknown exercise). */
  problem?: string;
}

export function gradeRow(trainee: string, r: CheckReport): GradeRow {
  return {
    trainee,
    lab: r.lab,
    exercise: r.exercise.id,
    passed: r.passed,
    total: r.total,
    hintsUsed: r.hintsUsed,
    resets: r.resets,
    commandsRun: r.commandsRun,
    firstActivity: r.firstActivity?.real ?? null,
    lastActivity: r.lastActivity?.real ?? null,
    completed: r.completed?.real ?? null,
  };
}

const shortTime = (iso: string | null) => (iso ? iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, 'Z') : '');

export function gradeTableLines(rows: GradeRow[]): string[] {
  if (rows.length === 0) return ['No exercise labs were found.'];
  return textTable(
    ['Trainee', 'Exercise', 'Done', 'Hints', 'Commands', 'First activity', 'Last activity', 'Note'],
    rows.map((r) => [r.trainee, r.exercise, r.problem ? '-' : `${r.passed}/${r.total}`, r.hintsUsed, r.commandsRun, shortTime(r.firstActivity), shortTime(r.lastActivity), r.problem ?? (r.passed === r.total ? 'all done' : '')]),
  );
}

const CSV_COLUMNS: (keyof GradeRow)[] = ['trainee', 'lab', 'exercise', 'passed', 'total', 'hintsUsed', 'resets', 'commandsRun', 'firstActivity', 'lastActivity', 'completed', 'problem'];

/** RFC 4180 CSV with a header line. */
export function gradeCsv(rows: GradeRow[]): string {
  const field = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => field(r[c])).join(','))].join('\r\n') + '\r\n';
}

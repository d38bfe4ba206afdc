// Training exercises: plain files in labs/<id>/ (exercise.json, README.md, solution.ps1 and an
// optional setup script), loaded and checked here. Every problem is reported with its file and
// line (and the field of exercise.json it is about), so an author fixes them all in one pass:
// `emsh -ValidateExercise labs/<id>` prints them; the lab cmdlets refuse a broken exercise with
// the same words.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseScript } from '../../grammar/index.js';
import exerciseSchema from '../../labs/exercise.schema.json';
import { JsonSyntaxError, parseJsonWithPositions, type JsonPosition, type PositionedJson } from './json-positions.js';
import { fieldName, validateJson, type Schema } from './json-schema.js';

export const EXERCISE_FILE = 'exercise.json';
export const README_FILE = 'README.md';
export const SOLUTION_FILE = 'solution.ps1';
/** The machine checks run on unless a check says otherwise: the first Exchange server, where EMS opens. */
export const DEFAULT_CHECK_MACHINE = 'Ex2007EE';

export const EXERCISE_SCHEMA = exerciseSchema as Schema;

export interface ExerciseCheck {
  /** An emsh expression; the check passes when its value is true (PowerShell's if()). */
  test: string;
  /** The machine it runs on. */
  on: string;
  /** What is still missing while it fails (never the answer). */
  missing: string;
}

export interface ExerciseTask {
  title: string;
  goal: string;
  checks: ExerciseCheck[];
  hints: string[];
}

export type ExerciseLevel = 'Beginner' | 'Intermediate' | 'Advanced';

export interface Exercise {
  id: string;
  title: string;
  summary: string;
  level: ExerciseLevel;
  minutes: number;
  exchangeVersion: string;
  start: { clockOffsetDays: number; setup?: string };
  tasks: ExerciseTask[];
  /** The exercise's folder (absolute). */
  dir: string;
  /** README.md: the story and the tasks, as the trainee reads them. */
  readme: string;
}

export interface ExerciseProblem {
  /** The file the problem is in (absolute). */
  file: string;
  line?: number;
  column?: number;
  /** The field of exercise.json (`tasks[0].checks[1].test`). */
  field?: string;
  message: string;
}

export interface LoadOptions {
  /** Command names the shell knows (cmdlets, aliases): a check or script calling another is reported. */
  knownCommands?: ReadonlySet<string>;
}

/** `file:line:column: field: message`, the file relative to `base` when given. */
export function formatProblem(p: ExerciseProblem, base?: string): string {
  const file = base ? relative(base, p.file) || p.file : p.file;
  const where = p.line !== undefined ? `${file}:${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : file;
  return `${where}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

/** Line and column (1-based) of an offset in a text. */
function positionOf(text: string, offset: number): JsonPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** Names of the commands a script calls by a literal name, with where each call starts; and the functions it defines. */
function commandsCalled(ast: unknown): { calls: { name: string; offset: number }[]; defined: Set<string> } {
  const calls: { name: string; offset: number }[] = [];
  const defined = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const n = node as { kind?: string; name?: unknown; span?: { start: number } };
    if (n.kind === 'Command' && !('invocation' in n && n.invocation)) {
      const name = n.name as { kind?: string; value?: unknown; quote?: string } | undefined;
      if (name?.kind === 'StringConstant' && name.quote === 'bare' && typeof name.value === 'string') calls.push({ name: name.value, offset: n.span?.start ?? 0 });
    }
    if (n.kind === 'FunctionDefinition' && typeof n.name === 'string') defined.add(n.name.toLowerCase());
    for (const [k, v] of Object.entries(node)) if (k !== 'span') walk(v);
  };
  walk(ast);
  return { calls, defined };
}

/** Parse errors and unknown commands of a script (a .ps1 file or a check), as problems. */
function scriptProblems(text: string, opts: LoadOptions, at: (offset: number) => Omit<ExerciseProblem, 'message'>, what: string): ExerciseProblem[] {
  const parsed = parseScript(text);
  if (parsed.errors.length) return parsed.errors.slice(0, 5).map((e) => ({ ...at(e.span.start), message: `${what}: ${e.message}` }));
  if (!opts.knownCommands) return [];
  const { calls, defined } = commandsCalled(parsed.ast);
  return calls
    .filter((c) => !opts.knownCommands!.has(c.name.toLowerCase()) && !defined.has(c.name.toLowerCase()) && !/[\\/.]/.test(c.name))
    .map((c) => ({ ...at(c.offset), message: `${what}: '${c.name}' is not a command emsh knows.` }));
}

/** A .ps1 file of the exercise: present, and without parse errors or unknown commands. */
function checkScriptFile(path: string, opts: LoadOptions): { text?: string; problems: ExerciseProblem[] } {
  const text = readText(path);
  if (text === undefined) return { problems: [{ file: path, message: `The file ${basename(path)} is missing.` }] };
  return { text, problems: scriptProblems(text, opts, (offset) => ({ file: path, ...positionOf(text, offset) }), 'PowerShell') };
}

/** What the files of an exercise folder look like now (size and time of each): equal means unchanged. */
function folderSignature(dir: string): string {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return 'missing';
  }
  return names
    .map((n) => {
      try {
        const st = statSync(join(dir, n));
        return `${n}:${st.size}:${st.mtimeMs}`;
      } catch {
        return n;
      }
    })
    .join('|');
}

const loaded = new Map<string, { signature: string; commands: ReadonlySet<string> | undefined; result: { exercise?: Exercise; problems: ExerciseProblem[] } }>();

/**
 * Loads one exercise folder; `exercise` is set only when there are no problems. Loading parses
 * every check and script, so the result is kept until a file of the folder changes (checks run
 * after every command in the shell; an author editing an exercise sees the change at once).
 */
export function loadExercise(dir: string, opts: LoadOptions = {}): { exercise?: Exercise; problems: ExerciseProblem[] } {
  const signature = folderSignature(dir);
  const hit = loaded.get(dir);
  if (hit && hit.signature === signature && hit.commands === opts.knownCommands) return hit.result;
  const result = loadExerciseFiles(dir, opts);
  loaded.set(dir, { signature, commands: opts.knownCommands, result });
  return result;
}

function loadExerciseFiles(dir: string, opts: LoadOptions): { exercise?: Exercise; problems: ExerciseProblem[] } {
  const file = join(dir, EXERCISE_FILE);
  const text = readText(file);
  if (text === undefined) return { problems: [{ file, message: `There is no ${EXERCISE_FILE} in ${dir}.` }] };
  let doc: PositionedJson;
  try {
    doc = parseJsonWithPositions(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    return { problems: [{ file, ...e.position, message: `Not valid JSON: ${e.message}` }] };
  }
  const at = (pointer: string, atKey = false): Omit<ExerciseProblem, 'message'> => {
    const pos = (atKey ? doc.keyPositions.get(pointer) : undefined) ?? doc.positions.get(pointer);
    return { file, ...(pos ?? {}), field: fieldName(pointer) };
  };
  const problems: ExerciseProblem[] = validateJson(EXERCISE_SCHEMA, doc.value).map((p) => ({ ...at(p.pointer, p.atKey), message: p.message }));
  const raw = doc.value as Record<string, unknown>;
  if (problems.length) {
    // The shape is wrong: the files beside it are still worth checking.
    problems.push(...siblingProblems(dir, typeof (raw?.start as { setup?: unknown })?.setup === 'string' ? String((raw.start as { setup: string }).setup) : undefined, opts));
    return { problems };
  }

  const ex = raw as unknown as Omit<Exercise, 'dir' | 'readme' | 'tasks' | 'start'> & {
    start?: { clockOffsetDays?: number; setup?: string };
    tasks: { title: string; goal: string; checks: { test: string; on?: string; missing: string }[]; hints: string[] }[];
  };
  if (ex.id !== basename(dir)) problems.push({ ...at('/id'), message: `The id '${ex.id}' must be the folder's name, '${basename(dir)}'.` });
  ex.tasks.forEach((t, ti) =>
    t.checks.forEach((c, ci) => {
      const pointer = `/tasks/${ti}/checks/${ci}/test`;
      problems.push(...scriptProblems(c.test, opts, (offset) => ({ ...at(pointer), message: '', column: (doc.positions.get(pointer)?.column ?? 0) + 1 + offset }), 'The check'));
    }),
  );
  problems.push(...siblingProblems(dir, ex.start?.setup, opts));
  if (problems.length) return { problems };
  return {
    exercise: {
      id: ex.id,
      title: ex.title,
      summary: ex.summary,
      level: ex.level,
      minutes: ex.minutes,
      exchangeVersion: ex.exchangeVersion,
      start: { clockOffsetDays: ex.start?.clockOffsetDays ?? 0, ...(ex.start?.setup ? { setup: ex.start.setup } : {}) },
      tasks: ex.tasks.map((t) => ({ title: t.title, goal: t.goal, hints: [...t.hints], checks: t.checks.map((c) => ({ test: c.test, on: c.on ?? DEFAULT_CHECK_MACHINE, missing: c.missing })) })),
      dir,
      readme: readText(join(dir, README_FILE)) ?? '',
    },
    problems: [],
  };
}

/** README.md, solution.ps1 and the setup script beside exercise.json. */
function siblingProblems(dir: string, setup: string | undefined, opts: LoadOptions): ExerciseProblem[] {
  const problems: ExerciseProblem[] = [];
  const readme = join(dir, README_FILE);
  const text = readText(readme);
  if (text === undefined) problems.push({ file: readme, message: `The file ${README_FILE} (the story and the tasks) is missing.` });
  else if (!/^#\s+\S/m.test(text)) problems.push({ file: readme, line: 1, message: `${README_FILE} must start its story with a '# Title' line.` });
  problems.push(...checkScriptFile(join(dir, SOLUTION_FILE), opts).problems);
  if (setup) problems.push(...checkScriptFile(join(dir, setup), opts).problems);
  return problems;
}

/** The text of the exercise's setup script, if it has one. */
export function setupScript(ex: Exercise): { path: string; text: string } | undefined {
  if (!ex.start.setup) return undefined;
  const path = join(ex.dir, ex.start.setup);
  return { path, text: readText(path) ?? '' };
}

export function solutionPath(ex: Exercise): string {
  return join(ex.dir, SOLUTION_FILE);
}

/** Whether a folder is one exercise (it has exercise.json). */
export function isExerciseFolder(dir: string): boolean {
  return existsSync(join(dir, EXERCISE_FILE));
}

/** Every exercise folder under a catalogue folder (sorted by name). */
export function exerciseFolders(root: string): string[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  return names
    .filter((n) => !n.startsWith('.'))
    .map((n) => join(root, n))
    .filter((d) => {
      try {
        return statSync(d).isDirectory() && isExerciseFolder(d);
      } catch {
        return false;
      }
    })
    .sort();
}

export interface Catalogue {
  root: string;
  exercises: Exercise[];
  /** Problems of the exercises that could not be loaded. */
  problems: ExerciseProblem[];
}

/** Loads every exercise of a catalogue folder; broken ones are left out and their problems returned. */
export function loadCatalogue(root: string, opts: LoadOptions = {}): Catalogue {
  const exercises: Exercise[] = [];
  const problems: ExerciseProblem[] = [];
  for (const dir of exerciseFolders(root)) {
    const r = loadExercise(dir, opts);
    if (r.exercise) exercises.push(r.exercise);
    problems.push(...r.problems);
  }
  return { root, exercises, problems };
}

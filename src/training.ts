// Training labs (issue 9): the service behind the training cmdlets, wiring the exercises
// (src/labs: files, checks, progress) to a session's lab (src/compose.ts). It builds an exercise's
// fresh lab (the built-in organization, the clock moved, the setup script run), moves the session
// there, runs checks in a session of their own that may read the lab but never change it, counts
// hints, and keeps checkpoints.

import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { appendActivity } from './labs/activity.js';
import { runChecks, type CheckEvaluator, type TaskOutcome } from './labs/checks.js';
import { clearDrives, checkpointExists, listCheckpoints, readCheckpoint, restoreDrives, saveCheckpoint, type CheckpointMeta } from './labs/checkpoints.js';
import { exerciseFolders, formatProblem, isExerciseFolder, loadCatalogue, loadExercise, setupScript, type Catalogue, type Exercise } from './labs/exercise.js';
import { exerciseProgress, hintsUsed, moment, recordCheck, startedProgress, type ExerciseProgress } from './labs/progress.js';
import { Session } from './engine/session.js';
import { renderer } from './format/index.js';
import { allCmdlets } from './cmdlets/index.js';
import {
  TrainingError,
  type CheckpointInfo,
  type ExerciseStatus,
  type ExerciseSummary,
  type HintText,
  type StartedExercise,
  type TrainingService,
} from './cmdlets/lab/training-service.js';
import { normalizeOrganization } from './exchange/defaults.js';
import type { OrgState } from './exchange/model.js';
import { nonInteractiveError } from './host/plain-host.js';
import { ErrorRecord, TerminatingError } from './protocol/errors.js';
import type { Host, LineKind } from './protocol/host.js';
import type { LabFileSystem } from './protocol/cmdlet.js';
import type { StateKeeper } from './protocol/state-keeper.js';
import { labPaths, validateLabName } from './store/lab-home.js';
import type { LabState } from './store/schema.js';
import type { Lab, SessionLab } from './compose.js';
import type { LabCheckResult } from './ui/lab-watch.js';

const DAY_MS = 86_400_000;

/**
 * Where the exercises are unless -ExercisePath says: EMSH_EXERCISE_PATH, else the labs/ folder that
 * ships beside this emsh's dist/ (found from the script that runs, through symbolic links such as
 * npm's bin), else ./labs (tests and `npm start` run from the repository).
 */
export function defaultExercisePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.EMSH_EXERCISE_PATH?.trim()) return resolve(env.EMSH_EXERCISE_PATH);
  const script = process.argv[1];
  if (script) {
    try {
      const shipped = join(dirname(realpathSync(script)), '..', 'labs');
      if (existsSync(join(shipped, 'exercise.schema.json'))) return shipped;
    } catch {
      // Not a file we can follow: fall through.
    }
  }
  return resolve('labs');
}
/** A check that runs longer than this is stopped and counts as not passed. */
export const CHECK_TIMEOUT_MS = 5_000;

/** What the training service needs from the composition (passed in, so this module does not import it). */
export interface TrainingDeps {
  bound: SessionLab;
  /** Where the exercises are. */
  exercisePath: string;
  /** The machine a session starts on (checks run there unless they say otherwise). */
  startMachine: string;
  /** Opens (creating it with the built-in organization if need be) a lab of the session's home, the way its lab was opened. */
  openLab(name: string): Promise<Lab>;
  /** A new lab's whole state (the built-in organization, keys made now). */
  newLabState(name: string, now: Date, lab: Lab): Promise<LabState>;
  /** A lab's state as it is on disk now, without opening it (null: no such lab). */
  readLabFile(statePath: string): LabState | null;
  /** A binding of another lab (its drive, organization, clock, endpoints), for the setup script's session. */
  bind(lab: Lab): SessionLab;
}

/** A host that shows nothing: checks and setup scripts run out of sight. Error lines are kept; prompts are refused. */
export class QuietHost implements Host {
  readonly interactive = false;
  readonly width = 120;
  readonly errors: string[] = [];
  write(text: string, kind?: LineKind): void {
    if (kind === 'error') this.errors.push(text);
  }
  writeLine(text: string, kind?: LineKind): void {
    if (kind === 'error') this.errors.push(text);
  }
  promptForChoice(): Promise<number> {
    return Promise.reject(new TerminatingError(nonInteractiveError()));
  }
  prompt(): Promise<Record<string, unknown> | null> {
    return Promise.reject(new TerminatingError(nonInteractiveError()));
  }
  readLine(): Promise<null> {
    return Promise.reject(new TerminatingError(nonInteractiveError()));
  }
  clear(): void {}
}

function checkMayNotChange(): ErrorRecord {
  return new ErrorRecord({
    message: 'A check may only read the lab: this command would change it, so the check does not pass. Checks use Get-*, Test-* and expressions.',
    errorId: 'LabCheckChangesLab',
    category: 'PermissionDenied',
    exceptionType: 'InvalidOperationException',
  });
}

/** The keeper of the session that runs checks: it sees the lab as it is now and refuses to change it. */
class CheckKeeper implements StateKeeper {
  readonly readOnly = true;
  readonly failedCommits = 0;
  constructor(private readonly lab: () => Lab) {}
  beginStatement(): void {
    // Reads what other sessions saved (and saves what this session's own statement had pending),
    // so that anything pending after the check ran is the check's doing.
    this.lab().beginStatement();
  }
  beginChanges(): Promise<void> {
    return Promise.reject(new TerminatingError(checkMayNotChange()));
  }
  endChanges(): void {}
  commit(): void {
    this.refuseChanges();
  }
  endStatement(): void {
    this.refuseChanges();
  }
  private refuseChanges(): void {
    const store = this.lab().store;
    if (!store.hasChanges) return;
    store.rollback();
    throw new TerminatingError(checkMayNotChange());
  }
}

/**
 * The keeper of a session that works inside a statement that already holds the lab (the setup
 * script of Start-LabExercise and Reset-LabExercise): its changes are saved as they happen, and
 * the end of its statements does not let go of the lab, which the outer statement still holds.
 */
class NestedKeeper implements StateKeeper {
  constructor(private readonly lab: Lab) {}
  get readOnly(): boolean {
    return this.lab.readOnly;
  }
  get failedCommits(): number {
    return this.lab.failedCommits;
  }
  beginStatement(): void {
    this.lab.beginStatement();
  }
  beginChanges(signal: AbortSignal): Promise<void> {
    return this.lab.beginChanges(signal);
  }
  endChanges(): void {
    this.lab.endChanges();
  }
  commit(durable: boolean): void {
    this.lab.commit(durable);
  }
  endStatement(): void {
    this.lab.commit(true);
  }
}

/** Lower-case names of every command a session has (cmdlets and aliases): what checks and scripts may call. */
export function commandNameSet(session: Session): Set<string> {
  return new Set(session.commandNames().map((n) => n.toLowerCase()));
}

/** A drive for a session that only lists its commands (validating exercise files outside any lab). */
const NO_DRIVE: LabFileSystem = {
  resolve: () => {
    throw new Error('No lab drive here.');
  },
  exists: () => false,
  stat: () => undefined,
  list: () => [],
  readBytes: () => new Uint8Array(),
  writeBytes: () => undefined,
  mkdir: () => undefined,
  remove: () => undefined,
  copy: () => undefined,
  move: () => undefined,
  setReadOnly: () => undefined,
  stream: () => {
    throw new Error('No lab drive here.');
  },
  streams: () => [],
};

/** The command names every emsh session has, without a lab (emsh -ValidateExercise). */
export function knownCommandNames(startMachine: string): Set<string> {
  return commandNameSet(new Session({ cmdlets: allCmdlets, host: new QuietHost(), renderer, fs: NO_DRIVE, machine: startMachine }));
}

/** The session that runs checks over a lab binding: its own scope and host; reads the lab, never changes it. */
export function checkSession(bound: SessionLab, startMachine: string): Session {
  return new Session({
    keeper: new CheckKeeper(() => bound.lab),
    cmdlets: allCmdlets,
    host: new QuietHost(),
    renderer,
    fs: bound.fs,
    services: bound.services,
    machine: startMachine,
    now: bound.now,
  });
}

/** Runs checks through a check session: each on its machine, stopped after CHECK_TIMEOUT_MS. */
export function checkEvaluator(bound: SessionLab, session: Session): CheckEvaluator {
  return {
    async evaluate(test, machine) {
      const org = bound.lab.org;
      // A machine the lab does not have (yet): the check is simply not met.
      if (!org.server(machine) && !org.client(machine)) return { output: [], errors: [] };
      const before = org.state.currentMachine;
      org.setCurrent(machine);
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        session.stop();
      }, CHECK_TIMEOUT_MS);
      try {
        const r = await session.evaluate(test);
        if (timedOut) return { output: [], errors: [`The check did not finish within ${CHECK_TIMEOUT_MS / 1000} seconds.`] };
        return { output: r.output, errors: r.errors.map((e) => e.message) };
      } finally {
        clearTimeout(timer);
        const now = bound.lab.org;
        if (now.server(before) || now.client(before)) now.setCurrent(before);
      }
    },
  };
}

/** The exercise's status from check outcomes (undefined for tasks whose checks did not run). */
function statusOf(lab: string, ex: Exercise, progress: ExerciseProgress, outcomes: TaskOutcome[] | undefined): ExerciseStatus {
  return {
    id: ex.id,
    title: ex.title,
    lab,
    hintsUsed: hintsUsed(progress),
    tasks: ex.tasks.map((t, i) => {
      const o = outcomes?.find((x) => x.number === i + 1);
      return {
        number: i + 1,
        title: t.title,
        goal: t.goal,
        passed: o ? o.passed : undefined,
        hintsUsed: progress.tasks[i]?.hints ?? 0,
        hintsTotal: t.hints.length,
        ...(o ? { checks: o.checks.map((c) => ({ passed: c.passed, missing: c.missing, ...(c.error !== undefined ? { error: c.error } : {}) })) } : {}),
      };
    }),
  };
}

export class Training implements TrainingService {
  private checker?: { session: Session; evaluator: CheckEvaluator };

  constructor(private readonly deps: TrainingDeps) {}

  private get lab(): Lab {
    return this.deps.bound.lab;
  }

  private checks(): { session: Session; evaluator: CheckEvaluator } {
    if (!this.checker) {
      const session = checkSession(this.deps.bound, this.deps.startMachine);
      this.checker = { session, evaluator: checkEvaluator(this.deps.bound, session) };
    }
    return this.checker;
  }

  private commands?: Set<string>;

  private loadOptions(): { knownCommands: Set<string> } {
    return { knownCommands: (this.commands ??= commandNameSet(this.checks().session)) };
  }

  private loadCatalogue(): Catalogue {
    return loadCatalogue(this.deps.exercisePath, this.loadOptions());
  }

  /** An exercise of the catalogue by id, or a TrainingError that names the problem (unknown, or its files are broken). */
  private find(id: string): Exercise {
    const want = id.trim().toLowerCase();
    // The folder of that name first (the checks' path: one folder, not the catalogue).
    if (/^[a-z0-9][a-z0-9-]*$/.test(want) && isExerciseFolder(join(this.deps.exercisePath, want))) {
      const one = loadExercise(join(this.deps.exercisePath, want), this.loadOptions());
      if (one.exercise?.id === want) return one.exercise;
    }
    const cat = this.loadCatalogue();
    const ex = cat.exercises.find((e) => e.id === want);
    if (ex) return ex;
    const broken = cat.problems.filter((p) => p.file.split(/[\\/]/).includes(want));
    if (broken.length) {
      throw new TrainingError(
        `The exercise '${want}' cannot be used: its files have problems.\n${broken.map((p) => formatProblem(p, cat.root)).join('\n')}`,
        'ExerciseInvalid',
        'InvalidData',
        id,
      );
    }
    const known = cat.exercises.map((e) => e.id);
    throw new TrainingError(
      `The exercise '${id}' was not found. ${known.length ? `Exercises: ${known.join(', ')}.` : `There are no exercises in ${cat.root}.`}`,
      'ExerciseNotFound',
      'ObjectNotFound',
      id,
    );
  }

  /** The current lab's exercise and progress, or a TrainingError. */
  private current(): { ex: Exercise; progress: ExerciseProgress } {
    const progress = exerciseProgress(this.lab.store.state.progress);
    if (!progress) {
      throw new TrainingError(
        `The lab '${this.lab.name}' has no exercise. Start one with Start-LabExercise <id>; Get-LabExercise lists them.`,
        'LabHasNoExercise',
        'InvalidOperation',
        this.lab.name,
      );
    }
    return { ex: this.find(progress.id), progress };
  }

  exerciseIds(): string[] {
    return exerciseFolders(this.deps.exercisePath).map((d) => basename(d));
  }

  catalogue(): { root: string; exercises: ExerciseSummary[]; problems: { exercise: string; text: string }[] } {
    const cat = this.loadCatalogue();
    const exercises = cat.exercises.map((ex): ExerciseSummary => {
      const progress = this.progressOfLab(ex.id);
      const done = progress?.lastCheck?.passed.filter(Boolean).length;
      return {
        id: ex.id,
        title: ex.title,
        summary: ex.summary,
        level: ex.level,
        minutes: ex.minutes,
        exchangeVersion: ex.exchangeVersion,
        taskCount: ex.tasks.length,
        story: ex.readme,
        path: ex.dir,
        state: progress?.id !== ex.id ? 'NotStarted' : progress.completed ? 'Completed' : 'InProgress',
        ...(progress?.id === ex.id && done !== undefined ? { tasksDone: done } : {}),
      };
    });
    const problems = cat.problems.map((p) => ({ exercise: p.file.split(/[\\/]/).slice(-2, -1)[0] ?? '', text: formatProblem(p, cat.root) }));
    return { root: cat.root, exercises, problems };
  }

  /** The exercise progress in a lab of this home (the current lab from memory, others from disk). */
  private progressOfLab(name: string): ExerciseProgress | undefined {
    if (this.lab.name === name) return exerciseProgress(this.lab.store.state.progress);
    try {
      return exerciseProgress(this.deps.readLabFile(labPaths(this.lab.home, name).state)?.progress);
    } catch {
      return undefined; // an unreadable lab shows as not started; opening it says why
    }
  }

  async start(id: string, opts: { force: boolean; signal: AbortSignal }): Promise<StartedExercise> {
    const ex = this.find(id);
    const bound = this.deps.bound;
    if (bound.lab.readOnly) throw new TrainingError(`The lab '${bound.lab.name}' is open read-only: an exercise cannot be started from this session.`, 'LabReadOnly', 'InvalidOperation', id);
    const onIt = bound.lab.name === ex.id;
    const lab = onIt ? bound.lab : await this.deps.openLab(ex.id);
    // Made by this very open (a lab the session is on was made earlier, and may hold work).
    const isNew = !onIt && lab.store.created;
    let resumed = false;
    try {
      const progress = exerciseProgress(lab.store.state.progress);
      if (!isNew && !opts.force && !(progress?.id === ex.id && progress.setupFailed)) {
        if (progress?.id !== ex.id) {
          throw new TrainingError(
            `A lab named '${ex.id}' exists and is not this exercise's. Start-LabExercise ${ex.id} -Force replaces it with the exercise's fresh lab.`,
            'ExerciseLabExists',
            'ResourceExists',
            id,
          );
        }
        resumed = true;
      } else {
        await this.makeFresh(lab, ex, !isNew, opts.force ? progress : undefined, opts.signal);
      }
    } catch (e) {
      if (lab !== bound.lab) await lab.close();
      throw e;
    }
    await bound.moveTo(lab);
    if (!resumed) bound.renewDrive();
    const status = await this.test(undefined, opts.signal);
    return { status, story: ex.readme, resumed, labDate: lab.now() };
  }

  /**
   * The exercise's starting state in `lab`: (when `replace`) the built-in organization made anew
   * with empty drives, then the clock moved, the progress begun, the setup script run.
   */
  private async makeFresh(lab: Lab, ex: Exercise, replace: boolean, earlier: ExerciseProgress | undefined, signal: AbortSignal): Promise<void> {
    await lab.beginChanges(signal);
    try {
      if (replace) {
        const fresh = await this.deps.newLabState(lab.name, lab.clock.realNow(), lab);
        // The lab keeps its name and creation date (the clock never goes back before it).
        fresh.lab = lab.store.state.lab;
        lab.store.state = fresh;
        normalizeOrganization(fresh.organization as OrgState);
        lab.org.replaceState(fresh.organization as OrgState);
        lab.org.setCurrent(this.deps.startMachine);
        clearDrives(lab.dir);
      }
      if (ex.start.clockOffsetDays > 0) lab.clock.add(ex.start.clockOffsetDays * DAY_MS);
      lab.store.state.progress = { exercise: startedProgress(ex, moment(lab.now(), lab.clock.realNow()), earlier) };
      lab.store.markRoot();
      lab.commit();
      const setup = setupScript(ex);
      if (setup) {
        try {
          await this.runSetup(lab, ex, setup);
        } catch (e) {
          // Marked, so the next Start-LabExercise makes the lab anew instead of resuming it.
          const p = exerciseProgress(lab.store.state.progress);
          if (p) {
            p.setupFailed = true;
            lab.store.markRoot();
            lab.commit();
          }
          throw e;
        }
      }
      lab.commit();
    } finally {
      lab.endChanges();
    }
  }

  /** Runs the setup script in a session of its own on the lab; a failure names the script's error. */
  private async runSetup(lab: Lab, ex: Exercise, setup: { path: string; text: string }): Promise<void> {
    const host = new QuietHost();
    const bound = this.deps.bind(lab);
    const session = new Session({
      keeper: new NestedKeeper(lab),
      cmdlets: allCmdlets,
      host,
      renderer,
      fs: bound.fs,
      services: bound.services,
      machine: this.deps.startMachine,
      now: bound.now,
      variables: { ErrorActionPreference: 'Stop' },
    });
    try {
      // Errors name the script as the catalogue knows it (labs/<id>/setup.ps1), not by its host path.
      const r = await session.execute(setup.text, { file: relative(dirname(this.deps.exercisePath), setup.path) || setup.path });
      if (!r.ok) {
        throw new TrainingError(
          `The setup script of the exercise '${ex.id}' failed, so its lab is not ready:\n${host.errors.join('\n').trim()}`,
          'ExerciseSetupFailed',
          'InvalidData',
          setup.path,
        );
      }
    } finally {
      lab.org.setCurrent(this.deps.startMachine);
    }
  }

  async status(signal?: AbortSignal): Promise<ExerciseStatus> {
    const { ex, progress } = this.current();
    const outcomes = await runChecks(ex, this.checks().evaluator, undefined, signal);
    return statusOf(this.lab.name, ex, progress, outcomes);
  }

  async test(tasks: number[] | undefined, signal: AbortSignal, opts: { recordOnlyNews?: boolean } = {}): Promise<ExerciseStatus & { firstPassed: number[] }> {
    const { ex, progress } = this.current();
    for (const n of tasks ?? []) this.checkTaskNumber(ex, n);
    const outcomes = await runChecks(ex, this.checks().evaluator, tasks, signal);
    // Stopped half-way (a command is about to run): nothing is recorded from a partial run.
    const firstPassed = signal.aborted ? [] : await this.record(progress, ex, outcomes, signal, opts.recordOnlyNews ?? false);
    return { ...statusOf(this.lab.name, ex, progress, outcomes), firstPassed };
  }

  /** Records a check run in the lab's progress (a lab change). Returns the tasks that passed for the first time. */
  private async record(progress: ExerciseProgress, ex: Exercise, outcomes: TaskOutcome[], signal: AbortSignal, onlyNews: boolean): Promise<number[]> {
    const lab = this.lab;
    if (lab.readOnly) return [];
    const passed = ex.tasks.map((_, i) => outcomes.find((o) => o.number === i + 1)?.passed);
    const news = passed.some((ok, i) => ok && !progress.tasks[i]?.passed);
    if (onlyNews && !news) return [];
    await lab.beginChanges(signal);
    try {
      // Another emsh may have recorded meanwhile: record into what is saved now.
      const current = exerciseProgress(lab.store.state.progress);
      if (!current || current.id !== progress.id) return [];
      const firsts = recordCheck(current, passed, moment(lab.now(), lab.clock.realNow()));
      lab.store.markRoot();
      lab.commit();
      return firsts;
    } finally {
      lab.endChanges();
    }
  }

  private checkTaskNumber(ex: Exercise, n: number): void {
    if (!Number.isInteger(n) || n < 1 || n > ex.tasks.length) {
      throw new TrainingError(`The exercise '${ex.id}' has tasks 1 to ${ex.tasks.length}; there is no task ${n}.`, 'TaskNotFound', 'ObjectNotFound', n);
    }
  }

  hint(task: number | undefined): HintText {
    const { ex, progress } = this.current();
    let n = task;
    if (n === undefined) {
      const open = ex.tasks.findIndex((_, i) => !progress.tasks[i]?.passed && !progress.lastCheck?.passed[i]);
      n = (open < 0 ? ex.tasks.length - 1 : open) + 1;
    }
    this.checkTaskNumber(ex, n);
    const t = ex.tasks[n - 1]!;
    const p = (progress.tasks[n - 1] ??= { hints: 0 });
    if (p.hints < t.hints.length) {
      p.hints++;
      this.lab.store.markRoot();
    }
    const shown = Math.max(1, p.hints);
    return { task: n, taskTitle: t.title, number: shown, of: t.hints.length, text: t.hints[shown - 1]!, last: shown === t.hints.length };
  }

  async reset(signal: AbortSignal): Promise<StartedExercise> {
    const { ex, progress } = this.current();
    const lab = this.lab;
    if (lab.readOnly) throw new TrainingError(`The lab '${lab.name}' is open read-only: it cannot be reset from this session.`, 'LabReadOnly', 'InvalidOperation', lab.name);
    await this.makeFresh(lab, ex, true, progress, signal);
    this.deps.bound.renewDrive();
    const status = await this.test(undefined, signal);
    return { status, story: ex.readme, resumed: false, labDate: lab.now() };
  }

  checkpoint(name: string, force: boolean): CheckpointInfo {
    const lab = this.lab;
    this.checkName(name);
    if (lab.readOnly) throw new TrainingError(`The lab '${lab.name}' is open read-only: no checkpoint can be written from this session.`, 'LabReadOnly', 'InvalidOperation', name);
    if (!force && checkpointExists(lab.dir, name)) {
      throw new TrainingError(`The lab '${lab.name}' already has a checkpoint named '${name}'. Use -Force to replace it.`, 'CheckpointExists', 'ResourceExists', name);
    }
    // What is on screen is saved: the checkpoint is the lab as committed now.
    lab.commit();
    const meta: CheckpointMeta = { name, created: lab.clock.realNow().toISOString(), labDate: lab.now().toISOString() };
    try {
      saveCheckpoint(lab.dir, meta, lab.store.state);
    } catch (e) {
      throw new TrainingError(`The checkpoint '${name}' could not be written: ${(e as Error).message}`, 'CheckpointNotSaved', 'WriteError', name);
    }
    return this.info(lab, meta);
  }

  restore(name: string): CheckpointInfo {
    const lab = this.lab;
    this.checkName(name);
    if (lab.readOnly) throw new TrainingError(`The lab '${lab.name}' is open read-only: it cannot be restored from this session.`, 'LabReadOnly', 'InvalidOperation', name);
    const saved = readCheckpoint(lab.dir, name);
    if (!saved) {
      const names = listCheckpoints(lab.dir).map((c) => c.name);
      throw new TrainingError(
        `The lab '${lab.name}' has no checkpoint named '${name}'. ${names.length ? `Checkpoints: ${names.join(', ')}.` : 'It has no checkpoints; Checkpoint-Lab makes one.'}`,
        'CheckpointNotFound',
        'ObjectNotFound',
        name,
      );
    }
    const state = saved.state as LabState;
    // The lab goes back; the trainee's record (exercise progress, hints) does not.
    state.progress = lab.store.state.progress;
    state.lab = lab.store.state.lab;
    const machine = lab.org.currentMachineName;
    lab.store.state = state;
    normalizeOrganization(state.organization as OrgState);
    lab.org.replaceState(state.organization as OrgState);
    if (lab.org.server(machine) || lab.org.client(machine)) lab.org.setCurrent(machine);
    restoreDrives(lab.dir, name);
    this.deps.bound.renewDrive();
    return this.info(lab, saved.meta);
  }

  checkpoints(): CheckpointInfo[] {
    return listCheckpoints(this.lab.dir).map((m) => this.info(this.lab, m));
  }

  private info(lab: Lab, m: CheckpointMeta): CheckpointInfo {
    return { name: m.name, lab: lab.name, created: new Date(m.created), labDate: new Date(m.labDate) };
  }

  private checkName(name: string): void {
    try {
      validateLabName(name);
    } catch {
      throw new TrainingError(`Invalid checkpoint name '${name}': use letters, digits, '-', '_' and '.', starting with a letter, digit or '_'.`, 'InvalidCheckpointName', 'InvalidArgument', name);
    }
  }

  /**
   * The interactive shell's background check: the exercise's checks run, first passes recorded
   * (only then is the lab changed), the result in the UI's terms. A lab without an exercise gives
   * just its name.
   */
  async backgroundCheck(signal: AbortSignal): Promise<LabCheckResult> {
    const lab = this.lab.name;
    if (!exerciseProgress(this.lab.store.state.progress)) return { lab };
    let s: ExerciseStatus & { firstPassed: number[] };
    try {
      s = await this.test(undefined, signal, { recordOnlyNews: true });
    } catch (e) {
      if (e instanceof TrainingError) return { lab };
      throw e;
    }
    return {
      lab,
      exercise: {
        id: s.id,
        title: s.title,
        hintsUsed: s.hintsUsed,
        tasks: s.tasks.map((t) => ({ number: t.number, title: t.title, passed: t.passed, hintsUsed: t.hintsUsed, hintsTotal: t.hintsTotal })),
        firstPassed: s.firstPassed,
      },
    };
  }

  /** Appends a line to the activity log of the lab the session is on, when it is an exercise's. */
  noteCommand(ok: boolean): void {
    const lab = this.lab;
    if (lab.readOnly || !exerciseProgress(lab.store.state.progress)) return;
    appendActivity(lab.dir, moment(lab.now(), lab.clock.realNow()), ok);
  }
}

// How the training cmdlets (Get-LabExercise, Start-LabExercise, Get-LabTask, Test-LabTask,
// Get-LabHint, Reset-LabExercise, Checkpoint-Lab, Restore-Lab, Get-LabCheckpoint) reach the
// exercises and the lab they run in: a service the composition registers (src/training.ts). The
// cmdlets turn what it returns into objects and error records; they never touch files.

import { serviceKey, type CmdletContext } from '../../protocol/cmdlet.js';

/** One exercise of the catalogue, and how far this lab's trainee is with it. */
export interface ExerciseSummary {
  id: string;
  title: string;
  summary: string;
  level: string;
  minutes: number;
  exchangeVersion: string;
  taskCount: number;
  /** README.md: the story and the tasks. */
  story: string;
  path: string;
  /** NotStarted (no lab of it yet), InProgress, Completed (every check passed once). */
  state: 'NotStarted' | 'InProgress' | 'Completed';
  /** Tasks done in its lab, when there is one. */
  tasksDone?: number;
}

/** A problem of an exercise file, already worded `file:line: field: message`. */
export interface ExerciseFileProblem {
  exercise: string;
  text: string;
}

export interface CheckResult {
  passed: boolean;
  /** What is still missing while the check fails (the exercise's words). */
  missing: string;
  /** The check could not run (it threw, or its machine does not exist). */
  error?: string;
}

export interface TaskStatus {
  number: number;
  title: string;
  goal: string;
  /** Undefined until its checks have run in this lab. */
  passed?: boolean;
  hintsUsed: number;
  hintsTotal: number;
  checks?: CheckResult[];
}

export interface ExerciseStatus {
  id: string;
  title: string;
  lab: string;
  tasks: TaskStatus[];
  hintsUsed: number;
  /** Tasks whose checks passed for the first time in this run (Test-LabTask). */
  firstPassed?: number[];
}

export interface HintText {
  task: number;
  taskTitle: string;
  /** 1-based number of the hint within its task. */
  number: number;
  of: number;
  text: string;
  /** True when this was the last hint of the task (asking again repeats it). */
  last: boolean;
}

export interface StartedExercise {
  status: ExerciseStatus;
  story: string;
  /** True when the exercise's lab existed and the session went back to it. */
  resumed: boolean;
  /** Lab time when it started (after the clock moved). */
  labDate: Date;
}

export interface CheckpointInfo {
  name: string;
  lab: string;
  created: Date;
  labDate: Date;
}

/** Why a training request cannot be done: the cmdlet writes it as an error record. */
export class TrainingError extends Error {
  constructor(
    message: string,
    readonly errorId: string,
    readonly category: 'ObjectNotFound' | 'InvalidOperation' | 'InvalidData' | 'InvalidArgument' | 'ResourceExists' | 'WriteError',
    readonly target?: unknown,
  ) {
    super(message);
    this.name = 'TrainingError';
  }
}

export interface TrainingService {
  /** The ids of the catalogue's exercise folders (tab completion: cheap, nothing is parsed). */
  exerciseIds(): string[];
  /** The catalogue with each exercise's state; problems of broken exercise files beside it. */
  catalogue(): { root: string; exercises: ExerciseSummary[]; problems: ExerciseFileProblem[] };
  /** Builds (or, unless force, resumes) the exercise's lab and moves the session there. */
  start(id: string, opts: { force: boolean; signal: AbortSignal }): Promise<StartedExercise>;
  /** The current lab's exercise with its tasks checked now (nothing is recorded). */
  status(signal?: AbortSignal): Promise<ExerciseStatus>;
  /**
   * Runs the checks (of some tasks, or all) and records what passed in the lab's progress
   * (with recordOnlyNews, only when a task passed for the first time: the shell's background checks).
   */
  test(tasks: number[] | undefined, signal: AbortSignal, opts?: { recordOnlyNews?: boolean }): Promise<ExerciseStatus>;
  /** The next hint of a task (default: the first task not done), counted. */
  hint(task: number | undefined): HintText;
  /** The exercise's lab made fresh again (hints stay counted). */
  reset(signal: AbortSignal): Promise<StartedExercise>;
  checkpoint(name: string, force: boolean): CheckpointInfo;
  restore(name: string): CheckpointInfo;
  checkpoints(): CheckpointInfo[];
}

export const TrainingKey = serviceKey<TrainingService>('training');

export function training(ctx: CmdletContext): TrainingService {
  return ctx.services.get(TrainingKey);
}

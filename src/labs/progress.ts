// A lab's exercise progress: LabState.progress (saved with the lab, so a trainer's grader reads
// it from the trainee's lab home). Which exercise the lab is for, when it started, hints used per
// task, when each task first passed, and the last check run. What the trainee typed and when is
// not here (it would make every command a change of the lab): see activity.ts.

/** A moment on both clocks: the lab's (moved by Set-LabDate) and the real one. */
export interface Moment {
  lab: string;
  real: string;
}

export interface TaskProgress {
  /** Hints shown so far. */
  hints: number;
  /** When its checks first all passed. */
  passed?: Moment;
}

export interface ExerciseProgress {
  id: string;
  title: string;
  started: Moment;
  /** Times Reset-LabExercise made the lab fresh again. */
  resets: number;
  tasks: TaskProgress[];
  /** The last time the checks ran, and which tasks passed then. */
  lastCheck?: Moment & { passed: boolean[] };
  /** When every task passed at once for the first time. */
  completed?: Moment;
  /** The setup script failed: the lab is not the exercise's starting state (the next start makes it anew). */
  setupFailed?: boolean;
}

export interface LabProgress {
  exercise?: ExerciseProgress;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isMoment(v: unknown): v is Moment {
  return isObject(v) && typeof v.lab === 'string' && typeof v.real === 'string';
}

/** The exercise progress of a lab state, or undefined when the lab has none (or it is not readable). */
export function exerciseProgress(progress: unknown): ExerciseProgress | undefined {
  if (!isObject(progress) || !isObject(progress.exercise)) return undefined;
  const e = progress.exercise;
  if (typeof e.id !== 'string' || !isMoment(e.started) || !Array.isArray(e.tasks)) return undefined;
  if (!e.tasks.every((t) => isObject(t) && typeof t.hints === 'number')) return undefined;
  return e as unknown as ExerciseProgress;
}

export function moment(lab: Date, real: Date): Moment {
  return { lab: lab.toISOString(), real: real.toISOString() };
}

/** Progress for an exercise just started (hints carried over from an earlier run of it, after a reset). */
export function startedProgress(ex: { id: string; title: string; tasks: readonly unknown[] }, at: Moment, earlier?: ExerciseProgress): ExerciseProgress {
  const carried = earlier?.id === ex.id ? earlier : undefined;
  return {
    id: ex.id,
    title: ex.title,
    started: at,
    resets: carried ? carried.resets + 1 : 0,
    tasks: ex.tasks.map((_, i) => ({ hints: carried?.tasks[i]?.hints ?? 0 })),
  };
}

/** Records a check run: first passes, the last check, completion. Returns the tasks that passed for the first time. */
export function recordCheck(p: ExerciseProgress, passed: (boolean | undefined)[], at: Moment): number[] {
  const firsts: number[] = [];
  passed.forEach((ok, i) => {
    const t = (p.tasks[i] ??= { hints: 0 });
    if (ok && !t.passed) {
      t.passed = at;
      firsts.push(i + 1);
    }
  });
  const known = passed.map((ok, i) => ok ?? p.lastCheck?.passed[i] ?? false);
  p.lastCheck = { ...at, passed: known };
  if (!p.completed && known.length > 0 && known.every(Boolean)) p.completed = at;
  return firsts;
}

export function hintsUsed(p: ExerciseProgress): number {
  return p.tasks.reduce((n, t) => n + t.hints, 0);
}

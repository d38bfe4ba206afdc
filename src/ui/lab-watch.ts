// Training labs in the interactive shell: after each command the exercise's checks run in the
// background and the progress bar under the prompt follows; a task that turns green says so once
// (the lab records that it passed, so not even another session says it again); F1 lists the tasks.
//
// Checks never slow typing: they run after the prompt is back, a few milliseconds of work at a
// time between the keys. They share the lab with the commands, so a command waits until the
// checks in flight have stopped (they stop between two checks) before it runs.

import type { LabBar } from './live-frame.js';
import type { UiStore } from './ui-store.js';

/** One check run of the lab's exercise, as the composition reports it. */
export interface LabCheckResult {
  lab: string;
  /** Absent when the lab has no exercise. */
  exercise?: {
    id: string;
    title: string;
    hintsUsed: number;
    tasks: { number: number; title: string; passed?: boolean; hintsUsed: number; hintsTotal: number }[];
    /** Tasks that passed for the first time in this run. */
    firstPassed: number[];
  };
}

export interface LabCheckSource {
  /** Runs the checks (stopping early when aborted) and records what passed for the first time. */
  check(signal: AbortSignal): Promise<LabCheckResult>;
}

export class LabWatch {
  private inFlight?: { abort: AbortController; done: Promise<void> };
  private last?: LabCheckResult;

  constructor(
    private readonly store: UiStore,
    private readonly source: LabCheckSource,
  ) {}

  /** Starts a background check run (after a command, and when the shell opens). */
  afterCommand(): void {
    if (this.inFlight) return;
    const abort = new AbortController();
    const done = this.run(abort.signal).finally(() => {
      if (this.inFlight?.abort === abort) this.inFlight = undefined;
    });
    this.inFlight = { abort, done };
  }

  private async run(signal: AbortSignal): Promise<void> {
    // After the command's output and the prompt: a turn of the event loop first.
    await new Promise((r) => setImmediate(r));
    if (signal.aborted) return;
    let r: LabCheckResult;
    try {
      r = await this.source.check(signal);
    } catch {
      return; // a background check never disturbs the shell; Test-LabTask reports problems
    }
    if (signal.aborted) return;
    this.last = r;
    const ex = r.exercise;
    if (ex) this.sayNews(ex);
    this.store.setLab(r.lab, ex ? barOf(ex) : undefined);
  }

  /** "Task n is done" for each task that passed for the first time; the end of the exercise once. */
  private sayNews(ex: NonNullable<LabCheckResult['exercise']>): void {
    for (const n of ex.firstPassed) {
      const t = ex.tasks.find((x) => x.number === n);
      if (t) this.store.write(`✓ Task ${n} is done: ${t.title}\n`, 'host', { foreground: 'Green' });
    }
    if (ex.firstPassed.length && ex.tasks.every((t) => t.passed)) {
      this.store.write(`All ${ex.tasks.length} tasks of '${ex.id}' are done (${ex.hintsUsed} hint${ex.hintsUsed === 1 ? '' : 's'} used). Well done!\n`, 'host', { foreground: 'Green' });
    }
  }

  /** Stops the checks in flight and waits until they have (a command is about to run). */
  async settle(): Promise<void> {
    const f = this.inFlight;
    if (!f) return;
    f.abort.abort();
    await f.done;
  }

  /** F1: the exercise's tasks as the last check run saw them. */
  taskLines(): string[] {
    const ex = this.last?.exercise;
    if (!ex) return ["This lab has no exercise. Get-LabExercise lists them; Start-LabExercise <id> starts one."];
    const done = ex.tasks.filter((t) => t.passed).length;
    return [
      `Exercise '${ex.id}': ${ex.title} (${done} of ${ex.tasks.length} done, ${ex.hintsUsed} hint${ex.hintsUsed === 1 ? '' : 's'} used)`,
      ...ex.tasks.map((t) => `  ${t.passed === undefined ? '·' : t.passed ? '✓' : '✗'} ${t.number}. ${t.title}${t.hintsUsed ? ` (hints ${t.hintsUsed}/${t.hintsTotal})` : ''}`),
      'Test-LabTask says what is still missing; Get-LabHint gives a hint.',
    ];
  }
}

function barOf(ex: NonNullable<LabCheckResult['exercise']>): LabBar {
  return { exercise: ex.id, done: ex.tasks.filter((t) => t.passed).length, total: ex.tasks.length, hints: ex.hintsUsed };
}

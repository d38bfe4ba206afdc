// What the engine asks of whoever keeps the lab's state (src/compose.ts's Lab): the engine knows
// when statements and pipelines start and end and when output is about to be shown; the keeper
// knows the store.

export interface StateKeeper {
  /** A top-level statement is about to run: read what other sessions saved since the last one. */
  beginStatement(): void;
  /**
   * A pipeline with a command that may change the lab is about to begin: become the lab's writer
   * (waiting while another emsh is changing it) and read what it saved. Nests: only the outermost
   * call waits. Throws a TerminatingError when it cannot; the pipeline then does not run.
   */
  beginChanges(signal: AbortSignal): Promise<void>;
  /** That pipeline ended, however it ended: what is pending is saved and other writers may go on. */
  endChanges(): void;
  /**
   * Saves every change so far: `durable` (fsynced, it survives the machine) before anything
   * reaches the host, so what the user sees is saved; otherwise written (it survives the process)
   * whenever a command hands on output or a command call ends. Throws a TerminatingError that halts
   * the script when a change cannot be saved (the lab is then as it was before that change).
   */
  commit(durable: boolean): void;
  /** The statement ended, however it ended: nothing of it may still hold the lab. */
  endStatement(): void;
  /** True when nothing can be saved in this session (the prompt says so). */
  readonly readOnly: boolean;
  /** Changes refused or lost so far in this session: a run that had any exits with 1. */
  readonly failedCommits: number;
}

// The UI's state outside React: what is running, what the host is asking the user, progress, and
// the output stream. Output is not kept: finished lines are turned into terminal text and handed,
// in batches, to the terminal writer the App attaches (Ink's `write`, which puts text above the
// live area). A batch goes out on the next turn of the event loop, or at once when it grows large,
// so a statement's output streams while the statement runs and memory stays flat.

import { paintText, type HostChoice, type HostStyle, type LineKind, type ProgressRecord } from '../protocol/host.js';
import { updateProgress, type ProgressNode } from './progress.js';
import type { LabBar } from './live-frame.js';

export interface Segment {
  text: string;
  kind: LineKind;
  style?: HostStyle;
}

export type UiRequest =
  | { kind: 'choice'; choices: HostChoice[]; defaultChoice: number; resolve: (index: number) => void }
  | { kind: 'field'; label: string; secure: boolean; resolve: (value: string | null) => void }
  | { kind: 'key'; prompt: string; resolve: (key: string | null) => void };

/** The pending Write-Progress activities (src/ui/progress.ts), a new array on each change. */
export type ProgressState = readonly ProgressNode[];

export interface UiState {
  /** Bumped by Clear-Host / Ctrl+L; the App clears the terminal when it changes. */
  clears: number;
  running: boolean;
  activity?: string;
  progress?: ProgressState;
  request?: UiRequest;
  machine: string;
  lab: string;
  /** The exercise's progress bar under the prompt (a lab started for an exercise). */
  labBar?: LabBar;
  /** Nested prompts open ([S] Suspend); the innermost last. */
  nested: { resolve: () => void; wasRunning: boolean }[];
}

/** Flush at once past this many characters: a long statement streams instead of piling up. */
const BATCH_CHARS = 64 * 1024;

export class UiStore {
  private state: UiState;
  private listeners = new Set<() => void>();
  private partial: Segment[] = [];
  private pending: string[] = [];
  private pendingChars = 0;
  private scheduled = false;
  private writer?: (text: string) => void;
  private color = true;

  constructor(init: { machine: string; lab: string }) {
    this.state = { clears: 0, running: false, machine: init.machine, lab: init.lab, nested: [] };
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getState = (): UiState => this.state;

  private set(patch: Partial<UiState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  /**
   * Where finished lines go (the App attaches Ink's write on mount). Lines written before that
   * (the banner) are handed over now.
   */
  attachTerminal(write: ((text: string) => void) | undefined, color = true): void {
    this.writer = write;
    this.color = color;
    if (write) this.flush();
  }

  /** One finished line as terminal text: each segment in its colours, unbroken (the terminal wraps it). */
  private renderLine(segments: Segment[]): string {
    if (!this.color) return segments.map((s) => s.text).join('') + '\n';
    return segments.map((s) => paintText(s.text, s.kind, s.style)).join('') + '\n';
  }

  /** Appends text; complete lines are batched for the terminal. */
  write(text: string, kind: LineKind, style?: HostStyle): void {
    let from = 0;
    for (;;) {
      const nl = text.indexOf('\n', from);
      const part = text.slice(from, nl < 0 ? undefined : nl);
      if (part) this.partial.push({ text: part, kind, style });
      if (nl < 0) break;
      const line = this.renderLine(this.partial);
      this.partial = [];
      this.pending.push(line);
      this.pendingChars += line.length;
      from = nl + 1;
    }
    if (this.pendingChars >= BATCH_CHARS) this.flush();
    else this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.scheduled || !this.pending.length) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Hands the batched lines to the terminal now (kept until a terminal is attached). */
  flush(): void {
    this.scheduled = false;
    if (!this.pending.length || !this.writer) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    this.writer(text);
  }

  /** Ends a partial line (Write-Host -NoNewline before a prompt). */
  endPartialLine(): void {
    if (this.partial.length) this.write('\n', 'output');
  }

  clear(): void {
    this.partial = [];
    this.pending = [];
    this.pendingChars = 0;
    this.set({ clears: this.state.clears + 1 });
  }

  setRunning(running: boolean): void {
    this.flush();
    if (!running) this.pendingProgress = [];
    this.set({ running, activity: running ? this.state.activity : undefined, progress: running ? this.state.progress : undefined });
  }

  setActivity(activity: string | undefined): void {
    this.set({ activity });
  }

  setProgress(progress: ProgressState | undefined): void {
    if (!progress) this.pendingProgress = [];
    this.set({ progress });
  }

  /** The activities Write-Progress reported while the current command line runs. */
  private pendingProgress: ProgressNode[] = [];

  /** One Write-Progress record: the pane shows the pending activities until the run ends. */
  writeProgress(sourceId: number, record: ProgressRecord): void {
    updateProgress(this.pendingProgress, sourceId, record);
    this.set({ progress: this.pendingProgress.length ? [...this.pendingProgress] : undefined });
  }

  setMachine(machine: string): void {
    if (machine !== this.state.machine) this.set({ machine });
  }

  /** The lab the shell is on (Start-LabExercise moves it) and its exercise's progress, if any. */
  setLab(lab: string, labBar: LabBar | undefined): void {
    const same = lab === this.state.lab && JSON.stringify(labBar) === JSON.stringify(this.state.labBar);
    if (!same) this.set({ lab, labBar });
  }

  /** Opens a nested prompt: the prompt comes back while the suspended command waits; `exit` resolves. */
  enterNested(): Promise<void> {
    this.flush();
    return new Promise((resolve) => {
      const level = { resolve, wasRunning: this.state.running };
      this.set({ nested: [...this.state.nested, level], running: false });
    });
  }

  /** `exit` at a nested prompt: back to the suspended command. */
  exitNested(): void {
    const level = this.state.nested[this.state.nested.length - 1];
    if (!level) return;
    this.set({ nested: this.state.nested.slice(0, -1), running: level.wasRunning });
    level.resolve();
  }

  ask(request: UiRequest | undefined): void {
    this.flush();
    this.set({ request });
  }
}

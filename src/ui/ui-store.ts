// The UI's state outside React: finished output (for <Static>), what is running, and what the
// host is asking the user. The Ink host writes here from the engine's async world; the App
// subscribes with useSyncExternalStore and re-renders only the live area.

import type { HostChoice, HostStyle, LineKind } from '../protocol/host.js';

export interface Segment {
  text: string;
  kind: LineKind;
  style?: HostStyle;
}

/** One finished line of scrollback. */
export interface ScrollLine {
  id: number;
  segments: Segment[];
}

export type UiRequest =
  | { kind: 'choice'; choices: HostChoice[]; defaultChoice: number; resolve: (index: number) => void }
  | { kind: 'field'; label: string; secure: boolean; resolve: (value: string | null) => void };

export interface UiState {
  lines: ScrollLine[];
  /** Changing it remounts <Static> (after Clear-Host, so old lines are not reprinted). */
  staticKey: number;
  running: boolean;
  activity?: string;
  request?: UiRequest;
  machine: string;
  lab: string;
}

export class UiStore {
  private state: UiState;
  private listeners = new Set<() => void>();
  private partial: Segment[] = [];
  private nextId = 1;
  private pending = false;
  private pendingLines: ScrollLine[] = [];

  /** Terminal columns: finished lines longer than this break at that column, as a console does. */
  private readonly columns?: () => number;

  constructor(init: { machine: string; lab: string; columns?: () => number }) {
    this.state = { lines: [], staticKey: 0, running: false, machine: init.machine, lab: init.lab };
    this.columns = init.columns;
  }

  /**
   * Ends the current line. A console wraps a long line at the last column, in the middle of a
   * word (an error's FullyQualifiedErrorId line, a long path); Ink would wrap at spaces, so the
   * line is cut into rows of exactly the terminal's width here.
   */
  private endLine(kind: LineKind): void {
    const segments = this.partial.length ? this.partial : [{ text: '', kind }];
    this.partial = [];
    const width = this.columns?.() ?? 0;
    const length = segments.reduce((n, s) => n + s.text.length, 0);
    if (width < 20 || length <= width) {
      this.pendingLines.push({ id: this.nextId++, segments });
      return;
    }
    let row: Segment[] = [];
    let used = 0;
    for (const seg of segments) {
      let text = seg.text;
      while (text.length > 0) {
        const take = Math.min(width - used, text.length);
        row.push({ ...seg, text: text.slice(0, take) });
        text = text.slice(take);
        used += take;
        if (used === width) {
          this.pendingLines.push({ id: this.nextId++, segments: row });
          row = [];
          used = 0;
        }
      }
    }
    if (row.length) this.pendingLines.push({ id: this.nextId++, segments: row });
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

  /** Appends text; complete lines go to scrollback in batches (one render per tick, not per line). */
  write(text: string, kind: LineKind, style?: HostStyle): void {
    const parts = text.split('\n');
    parts.forEach((part, i) => {
      if (part) this.partial.push({ text: part, kind, style });
      if (i < parts.length - 1) this.endLine(kind);
    });
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.pending) return;
    this.pending = true;
    setImmediate(() => this.flush());
  }

  /** Moves batched lines into the state now. */
  flush(): void {
    this.pending = false;
    if (!this.pendingLines.length) return;
    const lines = this.state.lines.concat(this.pendingLines);
    this.pendingLines = [];
    this.set({ lines });
  }

  /** Ends a partial line (Write-Host -NoNewline before a prompt). */
  endPartialLine(): void {
    if (this.partial.length) this.write('\n', 'output');
  }

  clear(): void {
    this.partial = [];
    this.pendingLines = [];
    this.set({ lines: [], staticKey: this.state.staticKey + 1 });
  }

  setRunning(running: boolean): void {
    this.flush();
    this.set({ running, activity: running ? this.state.activity : undefined });
  }

  setActivity(activity: string | undefined): void {
    this.set({ activity });
  }

  setMachine(machine: string): void {
    if (machine !== this.state.machine) this.set({ machine });
  }

  ask(request: UiRequest | undefined): void {
    this.flush();
    this.set({ request });
  }
}

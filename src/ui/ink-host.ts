// The Host the engine talks to while the Ink UI runs: lines go to the UI store, questions
// become requests the App answers from the keyboard.

import type { Host, HostChoice, HostField, HostStyle, LineKind, ProgressRecord } from '../protocol/host.js';
import { askChoice, askFields } from '../protocol/host-prompts.js';
import { SecureString } from '../protocol/values.js';
import type { UiStore } from './ui-store.js';

export class InkHost implements Host {
  readonly interactive = true;
  tee?: (text: string) => void;

  constructor(
    private readonly store: UiStore,
    private readonly getWidth: () => number,
    private readonly getSize: () => { columns: number; rows: number } = () => ({ columns: getWidth() + 1, rows: 40 }),
  ) {}

  get width(): number {
    return this.getWidth();
  }

  /** The terminal's size ($Host.UI.RawUI.WindowSize). */
  windowSize(): { columns: number; rows: number } {
    return this.getSize();
  }

  write(text: string, kind: LineKind = 'output', style?: HostStyle): void {
    this.store.write(text, kind, style);
    this.tee?.(text);
  }

  writeLine(text: string, kind: LineKind = 'output', style?: HostStyle): void {
    this.write(text + '\n', kind, style);
  }

  async promptForChoice(caption: string, message: string, choices: HostChoice[], defaultChoice: number): Promise<number> {
    this.store.endPartialLine();
    if (caption) this.writeLine(caption);
    if (message) for (const l of message.split('\n')) this.writeLine(l);
    return askChoice(choices, defaultChoice, (line, secure) => this.field(line, secure), (line) => this.writeLine(line));
  }

  async prompt(caption: string, message: string, fields: HostField[]): Promise<Record<string, unknown> | null> {
    this.store.endPartialLine();
    if (caption) this.writeLine(caption);
    if (message) this.writeLine(message);
    return askFields(fields, (label, secure) => this.field(label, secure));
  }

  async readLine(prompt: string, secure = false): Promise<string | SecureString | null> {
    this.store.endPartialLine();
    const v = await this.field(prompt, secure);
    if (v === null) return null;
    return secure ? new SecureString(v) : v;
  }

  /** Asks one line in the live area; the answer (masked when secure) is echoed to scrollback. */
  private field(label: string, secure: boolean): Promise<string | null> {
    return new Promise((resolve) => {
      this.store.ask({
        kind: 'field',
        label,
        secure,
        resolve: (value) => {
          this.store.ask(undefined);
          this.writeLine(label + (value === null ? '' : secure ? '*'.repeat(value.length) : value));
          resolve(value);
        },
      });
    });
  }

  /**
   * Without a status or percentage: the spinner's text (a slow step such as key generation).
   * With them: one activity in the progress pane. No activity ends both.
   */
  progress(activity: string | undefined, status?: string, percentComplete?: number): void {
    if (activity === undefined) {
      this.store.setActivity(undefined);
      this.store.setProgress(undefined);
    } else if (status === undefined && percentComplete === undefined) this.store.setActivity(activity);
    else {
      const record = { activityId: 0, parentActivityId: -1, activity, statusDescription: status ?? 'Processing', percentComplete: percentComplete ?? -1, secondsRemaining: -1, completed: false };
      this.store.writeProgress(-1, record);
    }
  }

  /** Write-Progress: the progress pane at the top of the live region (src/ui/progress.ts). */
  writeProgress(sourceId: number, record: ProgressRecord): void {
    this.store.writeProgress(sourceId, record);
  }

  clear(): void {
    this.store.clear();
  }

  /** The pager's question: one key, shown in the live area and not echoed. */
  readKey(prompt: string): Promise<string | null> {
    this.store.endPartialLine();
    return new Promise((resolve) => {
      this.store.ask({
        kind: 'key',
        prompt,
        resolve: (key) => {
          this.store.ask(undefined);
          resolve(key);
        },
      });
    });
  }

  enterNestedPrompt(): Promise<void> {
    return this.store.enterNested();
  }
}

// What the engine asks of whoever shows the session: the plain host (scripts, pipes, tests)
// or the Ink UI. The engine never writes to stdout itself.

import type { SecureString } from './values.js';

export type ConsoleColor =
  | 'Black' | 'DarkBlue' | 'DarkGreen' | 'DarkCyan' | 'DarkRed' | 'DarkMagenta' | 'DarkYellow' | 'Gray'
  | 'DarkGray' | 'Blue' | 'Green' | 'Cyan' | 'Red' | 'Magenta' | 'Yellow' | 'White';

export const CONSOLE_COLORS: readonly ConsoleColor[] = [
  'Black', 'DarkBlue', 'DarkGreen', 'DarkCyan', 'DarkRed', 'DarkMagenta', 'DarkYellow', 'Gray',
  'DarkGray', 'Blue', 'Green', 'Cyan', 'Red', 'Magenta', 'Yellow', 'White',
];

/** The kind of a line, so a host can colour it (errors red, warnings yellow, verbose ...). */
export type LineKind = 'output' | 'error' | 'warning' | 'verbose' | 'debug' | 'information' | 'host';

/** SGR foreground codes of the console colours (background = +10). */
export const ANSI_FOREGROUND: Record<ConsoleColor, number> = {
  Black: 30, DarkRed: 31, DarkGreen: 32, DarkYellow: 33, DarkBlue: 34, DarkMagenta: 35, DarkCyan: 36, Gray: 37,
  DarkGray: 90, Red: 91, Green: 92, Yellow: 93, Blue: 94, Magenta: 95, Cyan: 96, White: 97,
};

/**
 * 5.1's console colours by stream ($Host.PrivateData): errors red, warnings, verbose and debug
 * yellow, all on black.
 */
export const STREAM_COLORS: Partial<Record<LineKind, HostStyle>> = {
  error: { foreground: 'Red', background: 'Black' },
  warning: { foreground: 'Yellow', background: 'Black' },
  verbose: { foreground: 'Yellow', background: 'Black' },
  debug: { foreground: 'Yellow', background: 'Black' },
};

/** Text in the colours of its kind (or its own style), as SGR escapes; plain when nothing applies. */
export function paintText(text: string, kind: LineKind, style?: HostStyle): string {
  if (text === '') return text;
  const fg = style?.foreground ?? (style?.background ? undefined : STREAM_COLORS[kind]?.foreground);
  const bg = style?.background ?? (style?.foreground ? undefined : STREAM_COLORS[kind]?.background);
  if (!fg && !bg) return text;
  const codes: number[] = [];
  if (fg) codes.push(ANSI_FOREGROUND[fg]);
  if (bg) codes.push(ANSI_FOREGROUND[bg] + 10);
  return `\x1b[${codes.join(';')}m${text}\x1b[0m`;
}

export interface HostStyle {
  foreground?: ConsoleColor;
  background?: ConsoleColor;
}

/** One choice of a PowerShell choice prompt: label with `&` before the hot key, and help text. */
export interface HostChoice {
  label: string;
  help: string;
}

/** One field asked for by the mandatory-parameter prompt or Get-Credential. */
export interface HostField {
  name: string;
  /** Help message shown with `!?`. */
  helpMessage?: string;
  /** Masked input, value is a SecureString. */
  secure?: boolean;
  /** An array parameter: keep asking `Name[0]: ` until an empty line. */
  array?: boolean;
}

/** One Write-Progress record (System.Management.Automation.ProgressRecord); -1 means "none". */
export interface ProgressRecord {
  activityId: number;
  parentActivityId: number;
  activity: string;
  statusDescription: string;
  currentOperation?: string;
  percentComplete: number;
  secondsRemaining: number;
  /** RecordType Completed (-Completed): the activity ends. */
  completed: boolean;
}

export interface Host {
  /** False for `-NonInteractive`, piped input and tests: prompting is then an error. */
  readonly interactive: boolean;
  /** Columns used for formatting tables and wrapping (PowerShell's buffer width). */
  readonly width: number;

  /** Writes text (no newline added) of a kind, optionally with colours. */
  write(text: string, kind?: LineKind, style?: HostStyle): void;
  /** Writes one line of a kind; the host adds colour by kind (unless NO_COLOR). */
  writeLine(text: string, kind?: LineKind, style?: HostStyle): void;

  /**
   * PowerShell's choice prompt (`PromptForChoice`). Returns the chosen index, or -1 when
   * the user stopped (Ctrl+C). A non-interactive host throws a prompt error instead.
   */
  promptForChoice(caption: string, message: string, choices: HostChoice[], defaultChoice: number): Promise<number>;

  /** `Supply values for the following parameters:` and friends. Null when cancelled. */
  prompt(caption: string, message: string, fields: HostField[]): Promise<Record<string, unknown> | null>;

  /** Read-Host: one line, masked when `secure` (then a SecureString comes back). */
  readLine(prompt: string, secure?: boolean): Promise<string | SecureString | null>;

  /**
   * A slow step is running (key generation, TLS), or Write-Progress reports one (then with a
   * status and, when known, the percentage done); undefined activity ends it.
   */
  progress?(activity: string | undefined, status?: string, percentComplete?: number): void;

  /**
   * Write-Progress (PSHostUserInterface.WriteProgress): a host that shows progress keeps the
   * pending activities and draws them; hosts without it (scripts, pipes) show nothing. What is
   * pending is dropped when the command line's run ends.
   */
  writeProgress?(sourceId: number, record: ProgressRecord): void;

  /** The terminal's size in cells, when there is one ($Host.UI.RawUI.WindowSize). */
  windowSize?(): { columns: number; rows: number } | undefined;

  /** Clear-Host / cls. */
  clear(): void;

  /**
   * [S] Suspend: a nested prompt where the user runs commands until `exit`, then the paused
   * command goes on. Hosts without one (scripts) leave it out: Suspend then counts as No.
   */
  enterNestedPrompt?(): Promise<void>;

  /**
   * Shows `prompt` and waits for one key (the pager's `<SPACE> next page; <CR> next line; Q quit`):
   * the character typed, `\r` for Enter, null for Ctrl+C. Hosts that cannot page leave it out.
   */
  readKey?(prompt: string): Promise<string | null>;
}

/**
 * Turns objects and error records into lines. The engine gets one from whoever composes
 * the session (src/cli.ts passes src/format's), so the engine never imports the formatter.
 */
export interface OutputRenderer {
  /**
   * A streaming Out-Default for the output of one top-level statement: `write` each object
   * as it arrives, `end` when the statement is done. Lines go to `emit`.
   */
  outDefault(width: number, emit: (line: string, stream?: import('./stream-records.js').MessageStream) => void): { write(value: unknown): void; end(): void };
  /** The 5.1 NormalView text of an error record, as lines (no trailing blank line). */
  errorLines(record: import('./errors.js').ErrorRecord, width: number): string[];
  /**
   * A new, empty table of the views a session loads with Update-FormatData (each runspace has
   * its own, over the shared built-in views unless `builtIn` is false). Opaque to the engine.
   */
  newFormatTable?(builtIn: boolean): FormatTable;
  /** Makes a session's table the one formatting uses; returns the one it replaces (to restore). */
  useFormatTable?(table: FormatTable): FormatTable;
}

/** A session's loaded views, as the engine holds them (only src/format looks inside). */
export interface FormatTable {
  readonly kind: 'FormatTable';
}

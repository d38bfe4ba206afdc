// The plain host: `-Command`, `-File`, piped stdin, tests, and the line prompt used when
// no Ink UI runs. Writes lines to streams; colours only on a terminal and without NO_COLOR.

import { createInterface } from 'node:readline';
import { ErrorRecord, TerminatingError } from '../protocol/errors.js';
import type { ConsoleColor, Host, HostChoice, HostField, HostStyle, LineKind } from '../protocol/host.js';
import { askChoice, askFields } from '../protocol/host-prompts.js';
import { SecureString } from '../protocol/values.js';

const ANSI_FG: Record<ConsoleColor, number> = {
  Black: 30, DarkRed: 31, DarkGreen: 32, DarkYellow: 33, DarkBlue: 34, DarkMagenta: 35, DarkCyan: 36, Gray: 37,
  DarkGray: 90, Red: 91, Green: 92, Yellow: 93, Blue: 94, Magenta: 95, Cyan: 96, White: 97,
};

/** 5.1 console colours by stream: errors red, warnings/verbose/debug yellow. */
const KIND_COLOR: Partial<Record<LineKind, ConsoleColor>> = {
  error: 'Red',
  warning: 'Yellow',
  verbose: 'Yellow',
  debug: 'Yellow',
};

export interface PlainHostOptions {
  out: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
  /** A terminal to read prompts from; absent for -NonInteractive / piped input. */
  input?: NodeJS.ReadableStream;
  interactive: boolean;
  color: boolean;
  width: number;
  /** Extra sink (transcripts, tests): receives every line written, without colour. */
  tee?: (text: string) => void;
}

/** The text 5.1 gives when a -NonInteractive session would have to ask something. */
export function nonInteractiveError(): ErrorRecord {
  return new ErrorRecord({
    message: 'Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
    errorId: 'System.Management.Automation.Host.HostException',
    category: 'ResourceUnavailable',
    exceptionType: 'HostException',
  });
}

export class PlainHost implements Host {
  readonly interactive: boolean;
  readonly width: number;
  private readonly out: NodeJS.WritableStream;
  private readonly color: boolean;
  private readonly input?: NodeJS.ReadableStream;
  tee?: (text: string) => void;

  constructor(opts: PlainHostOptions) {
    this.out = opts.out;
    this.interactive = opts.interactive;
    this.color = opts.color;
    this.width = opts.width;
    this.input = opts.input;
    this.tee = opts.tee;
  }

  private paint(text: string, kind: LineKind, style?: HostStyle): string {
    if (!this.color || text === '') return text;
    const fg = style?.foreground ?? KIND_COLOR[kind];
    const bg = style?.background;
    if (!fg && !bg) return text;
    const codes: number[] = [];
    if (fg) codes.push(ANSI_FG[fg]);
    if (bg) codes.push(ANSI_FG[bg] + 10);
    return `\x1b[${codes.join(';')}m${text}\x1b[0m`;
  }

  write(text: string, kind: LineKind = 'output', style?: HostStyle): void {
    this.out.write(this.paint(text, kind, style));
    this.tee?.(text);
  }

  writeLine(text: string, kind: LineKind = 'output', style?: HostStyle): void {
    this.write(text, kind, style);
    this.out.write('\n');
    this.tee?.('\n');
  }

  private async ask(question: string, secure = false): Promise<string | null> {
    if (!this.interactive || !this.input) throw new TerminatingError(nonInteractiveError());
    const rl = createInterface({ input: this.input, output: this.out as NodeJS.WritableStream, terminal: !secure && Boolean((this.input as { isTTY?: boolean }).isTTY) });
    try {
      if (secure) {
        // Mask: write the question ourselves and mute echo.
        this.out.write(question);
        const muted = rl as unknown as { _writeToOutput?: (s: string) => void };
        muted._writeToOutput = (s: string) => {
          if (s.includes('\n') || s.includes('\r')) this.out.write('\n');
          else this.out.write('*'.repeat(s.length));
        };
      }
      return await new Promise<string | null>((resolve) => {
        rl.once('close', () => resolve(null));
        rl.question(secure ? '' : question, (answer) => resolve(answer));
      });
    } finally {
      rl.close();
    }
  }

  async promptForChoice(caption: string, message: string, choices: HostChoice[], defaultChoice: number): Promise<number> {
    if (!this.interactive) throw new TerminatingError(nonInteractiveError());
    if (caption) this.writeLine(caption);
    if (message) this.writeLine(message);
    return askChoice(choices, defaultChoice, (line, secure) => this.ask(line, secure), (line) => this.writeLine(line));
  }

  async prompt(caption: string, message: string, fields: HostField[]): Promise<Record<string, unknown> | null> {
    if (!this.interactive) throw new TerminatingError(nonInteractiveError());
    if (caption) this.writeLine(caption);
    if (message) this.writeLine(message);
    return askFields(fields, (label, secure) => this.ask(label, secure));
  }

  async readLine(prompt: string, secure = false): Promise<string | SecureString | null> {
    const v = await this.ask(prompt, secure);
    if (v === null) return null;
    return secure ? new SecureString(v) : v;
  }

  clear(): void {
    if (this.color) this.out.write('\x1b[2J\x1b[H');
  }
}

// The plain host: `-Command`, `-File`, piped stdin, tests, and the line prompt used when
// no Ink UI runs. Writes lines to streams; colours only on a terminal and without NO_COLOR.

import { createInterface } from 'node:readline';
import { ErrorRecord, TerminatingError } from '../protocol/errors.js';
import { paintText, type Host, type HostChoice, type HostField, type HostStyle, type LineKind } from '../protocol/host.js';
import { SecureString } from '../protocol/values.js';

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

  /** The terminal's size when writing to one ($Host.UI.RawUI.WindowSize); else none. */
  windowSize(): { columns: number; rows: number } | undefined {
    const out = this.out as { isTTY?: boolean; columns?: number; rows?: number };
    return out.isTTY && out.columns && out.rows ? { columns: out.columns, rows: out.rows } : undefined;
  }

  private paint(text: string, kind: LineKind, style?: HostStyle): string {
    return this.color ? paintText(text, kind, style) : text;
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
    const hot = choices.map((c) => hotKey(c.label));
    const line =
      choices.map((c, i) => `[${hot[i]}] ${c.label.replace('&', '')}`).join('  ') +
      `  [?] Help (default is "${hot[defaultChoice] ?? hot[0]}"): `;
    for (;;) {
      const answer = await this.ask(line);
      if (answer === null) return -1;
      const a = answer.trim();
      if (a === '') return defaultChoice;
      if (a === '?') {
        choices.forEach((c, i) => this.writeLine(`${hot[i]} - ${c.help}`));
        continue;
      }
      const idx = hot.findIndex((h) => h.toLowerCase() === a.toLowerCase());
      if (idx >= 0) return idx;
    }
  }

  async prompt(caption: string, message: string, fields: HostField[]): Promise<Record<string, unknown> | null> {
    if (!this.interactive) throw new TerminatingError(nonInteractiveError());
    if (caption) this.writeLine(caption);
    if (message) this.writeLine(message);
    const result: Record<string, unknown> = {};
    for (const f of fields) {
      if (f.array) {
        const values: string[] = [];
        for (let i = 0; ; i++) {
          const v = await this.ask(`${f.name}[${i}]: `);
          if (v === null) return null;
          if (v === '') break;
          values.push(v);
        }
        result[f.name] = values;
      } else {
        const v = await this.ask(`${f.name}: `, f.secure);
        if (v === null) return null;
        result[f.name] = f.secure ? new SecureString(v) : v;
      }
    }
    return result;
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

/** The hot key of a choice label: the character after `&`, upper-cased. */
export function hotKey(label: string): string {
  const i = label.indexOf('&');
  return i >= 0 && i + 1 < label.length ? label[i + 1]!.toUpperCase() : label[0]!.toUpperCase();
}

// The plain host: `-Command`, `-File`, piped stdin, tests, and the line prompt used when
// no Ink UI runs. Writes lines to streams; colours only on a terminal and without NO_COLOR.

import { createInterface } from 'node:readline';
import { ErrorRecord, TerminatingError } from '../protocol/errors.js';
import { paintText, type Host, type HostChoice, type HostField, type HostStyle, type LineKind } from '../protocol/host.js';
import { askChoice, askFields } from '../protocol/host-prompts.js';
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
  /**
   * The output is gone (a closed pipe: `emsh ... | head -1`; a terminal that went away: EIO).
   * Called once; what is written afterwards is dropped. The caller stops the session.
   */
  onOutputLost?: () => void;
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
  private lost = false;

  constructor(opts: PlainHostOptions) {
    this.out = opts.out;
    // Without a listener a failed write (EPIPE, EIO) is an uncaught exception with a stack trace.
    opts.out.on?.('error', () => {
      if (this.lost) return;
      this.lost = true;
      opts.onOutputLost?.();
    });
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
    if (!this.lost) this.out.write(this.paint(text, kind, style));
    this.tee?.(text);
  }

  writeLine(text: string, kind: LineKind = 'output', style?: HostStyle): void {
    this.write(text, kind, style);
    if (!this.lost) this.out.write('\n');
    this.tee?.('\n');
  }

  private async ask(question: string, secure = false): Promise<string | null> {
    if (!this.interactive || !this.input) throw new TerminatingError(nonInteractiveError());
    const tty = this.input as Partial<NodeJS.ReadStream>;
    // Input that has already ended gives no answer (a new reader would wait for one forever).
    if (tty.readableEnded || tty.destroyed) return null;
    if (secure && tty.isTTY && typeof tty.setRawMode === 'function') return readSecret(tty as NodeJS.ReadStream, this.out, question);
    // Piped input is not echoed by any terminal: a secure answer is read like any other line.
    const rl = createInterface({ input: this.input, output: this.out as NodeJS.WritableStream, terminal: !secure && Boolean(tty.isTTY) });
    // A terminal that went away (EIO) is no answer: the prompt is cancelled, nothing is thrown.
    const onError = () => rl.close();
    this.input.once('error', onError);
    try {
      if (secure) this.out.write(question);
      return await new Promise<string | null>((resolve) => {
        rl.once('close', () => resolve(null));
        rl.question(secure ? '' : question, (answer) => resolve(answer));
      });
    } finally {
      this.input.off('error', onError);
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

/**
 * Reads a secret at a terminal, as the console host does for Read-Host -AsSecureString and
 * Get-Credential: raw mode (the terminal echoes nothing), a `*` per character, Backspace
 * erases, Enter ends; Ctrl+C cancels (null: the pipeline stops), as does Ctrl+D on an empty
 * answer or the end of input. The terminal's mode is restored however it ends.
 */
export function readSecret(input: NodeJS.ReadStream, out: NodeJS.WritableStream, question: string): Promise<string | null> {
  out.write(question);
  const wasRaw = input.isRaw === true;
  input.setRawMode(true);
  input.resume();
  return new Promise<string | null>((resolve) => {
    let answer: string[] = [];
    let escape = false; // inside an escape sequence (arrow keys and the like): ignored
    const finish = (value: string | null) => {
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('error', onEnd);
      try {
        input.setRawMode(wasRaw);
      } catch {
        // the terminal is gone
      }
      input.pause();
      out.write('\n');
      resolve(value);
    };
    const onEnd = () => finish(null);
    const onData = (chunk: Buffer | string) => {
      for (const ch of typeof chunk === 'string' ? chunk : chunk.toString('utf8')) {
        if (escape) {
          if (/[A-Za-z~]/.test(ch)) escape = false;
          continue;
        }
        switch (ch) {
          case '\r':
          case '\n':
            return finish(answer.join(''));
          case '\x03': // Ctrl+C
            return finish(null);
          case '\x04': // Ctrl+D
            if (answer.length === 0) return finish(null);
            break;
          case '\x7f':
          case '\b':
            if (answer.length > 0) {
              answer = answer.slice(0, -1);
              out.write('\b \b');
            }
            break;
          case '\x15': // Ctrl+U: erase the whole answer
            out.write('\b \b'.repeat(answer.length));
            answer = [];
            break;
          case '\x1b':
            escape = true;
            break;
          default:
            if (ch >= ' ') {
              answer.push(ch);
              out.write('*');
            }
        }
      }
    };
    input.on('data', onData);
    input.once('end', onEnd);
    input.once('error', onEnd);
  });
}

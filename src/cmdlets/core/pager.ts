// The console's pager (Out-Host -Paging, more, help): a screenful of lines, then
// `<SPACE> next page; <CR> next line; Q quit`. Needs a host that reads single keys (the
// interactive shell); elsewhere lines go straight through, as PowerShell's do when redirected.

import type { CmdletContext } from '../../protocol/cmdlet.js';
import { displayWidth } from '../../protocol/text-width.js';

export const PAGER_PROMPT = '<SPACE> next page; <CR> next line; Q quit';

export class Pager {
  private used = 0;
  /** Q was pressed (or Ctrl+C): the rest is dropped. */
  quit = false;

  constructor(private readonly ctx: CmdletContext) {}

  private get size(): { columns: number; rows: number } | undefined {
    return this.ctx.host.readKey ? this.ctx.host.windowSize?.() : undefined;
  }

  /** Writes one line, first asking for a key when the screen is full. False once the user quit. */
  async line(text: string): Promise<boolean> {
    if (this.quit) return false;
    const size = this.size;
    if (size) {
      // The last rows hold the question and the status line.
      const page = Math.max(1, size.rows - 2);
      const rows = Math.max(1, Math.ceil(displayWidth(text) / Math.max(1, size.columns)));
      if (this.used + rows > page) {
        const key = await this.ctx.host.readKey!(PAGER_PROMPT);
        if (key === null || key.toLowerCase() === 'q') {
          this.quit = true;
          return false;
        }
        this.used = key === ' ' ? 0 : Math.max(0, page - rows);
      }
      this.used += rows;
    }
    this.ctx.host.writeLine(text, 'output');
    return true;
  }

  /** Writes many lines; false once the user quit. */
  async lines(lines: string[]): Promise<boolean> {
    for (const l of lines) if (!(await this.line(l))) return false;
    return true;
  }
}

// Runs commands arriving line by line (piped stdin, `-Command -`): a line that leaves the
// input incomplete (open brace, trailing pipe, backtick) waits for the next, as PowerShell does.

import { createInterface } from 'node:readline';
import { parseScript } from '../../grammar/index.js';
import type { Session } from '../engine/session.js';

/** True when `text` needs more lines before it can run. */
export function isIncomplete(text: string): boolean {
  const { errors } = parseScript(text);
  return errors.length > 0 && errors[0]!.incomplete;
}

export async function runLines(session: Session, input: NodeJS.ReadableStream): Promise<number> {
  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  // A terminal that went away (EIO) ends the input like an end of file, not with an uncaught error.
  input.on('error', () => rl.close());
  let buffer = '';
  let ok = true;
  const flush = async (): Promise<number | undefined> => {
    const text = buffer;
    buffer = '';
    if (text.trim() === '') return undefined;
    const r = await session.execute(text, { history: true });
    ok = r.ok;
    return r.exitCode;
  };
  for await (const line of rl) {
    buffer = buffer ? `${buffer}\n${line}` : line;
    // A blank line ends an incomplete block, as in the console host.
    if (line.trim() !== '' && isIncomplete(buffer)) continue;
    const code = await flush();
    if (code !== undefined) {
      rl.close();
      return code;
    }
  }
  const code = await flush();
  if (code !== undefined) return code;
  return ok ? 0 : 1;
}

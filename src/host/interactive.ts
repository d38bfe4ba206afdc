// The interactive shell until the Ink UI lands: a plain line prompt with EMS's prompt text,
// continuation lines (`>> `) for incomplete input, and history in memory.

import { createInterface } from 'node:readline';
import { composeSession } from '../compose.js';
import { PlainHost } from './plain-host.js';
import { isIncomplete } from './line-runner.js';

export interface InteractiveOptions {
  home: string;
  lab: string;
  width: number;
  color: boolean;
  noLogo: boolean;
}

export async function runInteractive(opts: InteractiveOptions): Promise<number> {
  const host = new PlainHost({ out: process.stdout, input: process.stdin, interactive: true, color: opts.color, width: opts.width });
  const session = composeSession({ host, home: opts.home, lab: opts.lab });
  if (!opts.noLogo) {
    host.writeLine('emsh — Exchange Management Shell emulator (lab: ' + opts.lab + ')');
    host.writeLine('Tip: Get-Command lists the cmdlets; Get-Help <cmdlet> -Examples shows how to use one.');
    host.writeLine('');
  }
  for (;;) {
    let text = '';
    let prompt = session.promptText() + ' ';
    for (;;) {
      const line = await ask(prompt);
      if (line === null) return 0;
      text = text ? `${text}\n${line}` : line;
      if (line.trim() !== '' && isIncomplete(text)) {
        prompt = '>> ';
        continue;
      }
      break;
    }
    if (text.trim() === '') continue;
    const r = await session.execute(text, { history: true });
    if (r.exitCode !== undefined) return r.exitCode;
  }
}

function ask(prompt: string): Promise<string | null> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  return new Promise((resolve) => {
    let done = false;
    rl.once('close', () => {
      if (!done) resolve(null);
    });
    rl.once('SIGINT', () => {
      done = true;
      process.stdout.write('\n');
      rl.close();
      resolve('');
    });
    rl.question(prompt, (answer) => {
      done = true;
      rl.close();
      resolve(answer);
    });
  });
}

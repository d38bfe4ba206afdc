// Mounts the Ink UI and runs until `exit`. The terminal is restored on exit and on crash.

import React from 'react';
import { render } from 'ink';
import { App, type ShellSession } from './App.js';
import { History } from './history.js';
import { InkHost } from './ink-host.js';
import { UiStore } from './ui-store.js';
import type { CompletionSource } from './completion.js';
import type { Host } from '../protocol/host.js';

export interface InteractiveDeps {
  lab: string;
  /** The machine the shell is on now (Enter-LabServer changes it). */
  machine: () => string;
  historyFile?: string;
  color: boolean;
  noLogo: boolean;
  /** Builds the session on the host the UI provides (composition stays in src/cli.ts). */
  createSession(host: Host): ShellSession;
  /** What tab completion may ask the session. */
  completionSource(session: ShellSession): CompletionSource;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
}

export const BANNER = [
  '',
  '         Welcome to the Exchange Management Shell! (emsh, an emulator)',
  '',
  ' Full list of cmdlets: Get-Command',
  ' Only Exchange cmdlets: Get-Command *Exchange*',
  ' Get general help: Get-Help',
  ' Get help for a cmdlet: Get-Help <cmdlet name> or <cmdlet name> -?',
  '',
  ' Tip of the day: Get-ExchangeCertificate | fl  shows every certificate with its services and names.',
  '',
];

function restoreTerminal(out: NodeJS.WriteStream): void {
  try {
    if (process.stdin.isTTY) process.stdin.setRawMode?.(false);
  } catch {
    // the terminal may already be gone
  }
  out.write('\x1b[?25h');
}

export async function runInteractive(deps: InteractiveDeps): Promise<number> {
  const stdout = deps.stdout ?? process.stdout;
  const store = new UiStore({ machine: deps.machine(), lab: deps.lab });
  const host = new InkHost(store, () => Math.max(40, (stdout.columns ?? 120) - 1));
  const session = deps.createSession(host);
  const history = new History(deps.historyFile);
  if (!deps.noLogo) for (const l of BANNER) store.write(l + '\n', 'output');

  let resolveExit!: (code: number) => void;
  const exited = new Promise<number>((r) => (resolveExit = r));
  const onCrash = (err: unknown) => {
    restoreTerminal(stdout);
    process.stderr.write(`emsh: the UI failed: ${err instanceof Error ? err.message : String(err)}\n`);
    resolveExit(70);
  };
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);

  const instance = render(
    <App
      store={store}
      session={session}
      machine={deps.machine}
      history={history}
      completion={deps.completionSource(session)}
      onExit={(code) => resolveExit(code)}
      clearScreen={() => stdout.write('\x1b[2J\x1b[3J\x1b[H')}
      color={deps.color}
    />,
    { stdout, stdin: deps.stdin, exitOnCtrlC: false, patchConsole: false },
  );
  // On resize Ink redraws the live area; finished lines are the terminal's to reflow.
  const code = await exited;
  instance.unmount();
  await instance.waitUntilExit().catch(() => undefined);
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  restoreTerminal(stdout);
  return code;
}

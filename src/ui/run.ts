// Mounts the Ink UI and runs until `exit`. The terminal is restored on exit and on crash.

import type { ShellSession } from './App.js';
import { History } from './history.js';
import { InkHost } from './ink-host.js';
import { UiStore } from './ui-store.js';
import type { CompletionSource } from './completion.js';
import type { Host } from '../protocol/host.js';
import { ReadLineSettings } from '../protocol/readline.js';
import { installResizeGuard, terminalSize } from './resize-guard.js';
import { withoutHostPaths } from '../protocol/errors.js';
import { LabWatch, type LabCheckSource } from './lab-watch.js';

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
  /** The session's PSReadLine settings (key bindings, options), shared with its cmdlets. */
  readLineSettings?(session: ShellSession): ReadLineSettings | undefined;
  /** Training labs: runs the lab's exercise checks in the background (the progress bar, F1). */
  labChecks?(session: ShellSession): LabCheckSource | undefined;
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

/** Raw mode off, bracketed paste off, cursor shown: safe to call more than once, even late. */
export function restoreTerminal(out: NodeJS.WriteStream, input: NodeJS.ReadStream = process.stdin): void {
  try {
    if (input.isTTY) input.setRawMode?.(false);
  } catch {
    // the terminal may already be gone
  }
  try {
    out.write('\x1b[?2004l\x1b[?25h');
  } catch {
    // idem
  }
}

/**
 * Loads React, Ink and the App, once: `libraries` first loads Ink and React where the bundle
 * finds them (src/launcher.ts). Ink's layout engine (yoga) instantiates its inline WASM
 * through `fetch` of a data: URL when `fetch` exists, which makes Node load its whole fetch
 * implementation (undici) at start-up, ~0.1 s; without `fetch` it decodes the same bytes
 * directly. So `fetch` is hidden while these modules initialise (nothing else uses it then).
 */
function loadUi(terminal: boolean, libraries?: () => Promise<void>): ReturnType<typeof importUi> {
  return (uiModules ??= importUi(terminal, libraries));
}
let uiModules: ReturnType<typeof importUi> | undefined;

/**
 * Starts loading the UI's modules (Ink, React, Yoga's WASM, the App) for a shell on the process's
 * own terminal, so that they load while the caller opens the lab; runInteractive then finds them.
 */
export function preloadUi(libraries?: () => Promise<void>): void {
  loadUi(Boolean(process.stdout.isTTY), libraries).catch(() => undefined); // runInteractive reports a failure
}

async function importUi(terminal: boolean, libraries: (() => Promise<void>) | undefined) {
  const g = globalThis as { fetch?: unknown };
  const saved = Object.getOwnPropertyDescriptor(g, 'fetch');
  if (saved?.configurable) delete g.fetch;
  // Ink decides once, when it loads, that a CI variable means "no live frames". A person at a real
  // terminal (a CI variable exported by a dev container, say) still needs the live prompt.
  const ciVars = terminal ? (['CI', 'CONTINUOUS_INTEGRATION'] as const).filter((k) => k in process.env) : [];
  const ciSaved = ciVars.map((k) => [k, process.env[k]] as const);
  for (const k of ciVars) delete process.env[k];
  try {
    await libraries?.();
    const [react, ink, app] = await Promise.all([import('react'), import('ink'), import('./App.js')]);
    // React is CommonJS: its functions may sit on the namespace's default export only.
    const React = (react as unknown as { default?: typeof react }).default ?? react;
    return { createElement: React.createElement, render: ink.render, App: app.App };
  } finally {
    if (saved?.configurable) Object.defineProperty(g, 'fetch', saved);
    for (const [k, v] of ciSaved) process.env[k] = v;
  }
}

export async function runInteractive(deps: InteractiveDeps): Promise<number> {
  const stdout = deps.stdout ?? process.stdout;
  const stdin = deps.stdin ?? process.stdin;
  const { createElement, render, App } = await loadUi(Boolean((stdout as { isTTY?: boolean }).isTTY));
  const store = new UiStore({ machine: deps.machine(), lab: deps.lab });
  const host = new InkHost(store, () => Math.max(40, terminalSize(stdout).columns - 1), () => terminalSize(stdout));
  const session = deps.createSession(host);
  const settings = deps.readLineSettings?.(session) ?? new ReadLineSettings();
  const history = new History(deps.historyFile, session.hasSecret ? (line) => session.hasSecret!(line) : undefined);
  // The banner comes first, before the profile's output and the first prompt, as in EMS.
  if (!deps.noLogo) for (const l of BANNER) store.write(l + '\n', 'output');
  const labSource = deps.labChecks?.(session);
  const lab = labSource ? new LabWatch(store, labSource) : undefined;
  // A lab opened for an exercise shows its progress bar from the first prompt.
  lab?.afterCommand();

  let resolveExit!: (code: number) => void;
  const exited = new Promise<number>((r) => (resolveExit = r));
  const message = (err: unknown) => withoutHostPaths(err instanceof Error ? err.message : String(err));
  /** The UI cannot go on (Ink itself failed): give the terminal back and end. */
  const onCrash = (err: unknown) => {
    restoreTerminal(stdout, stdin);
    process.stderr.write(`emsh: the UI failed: ${message(err)}\n`);
    resolveExit(70);
  };
  // A stray exception elsewhere (a timer, a promise nobody awaited) becomes an error line and
  // the prompt stays; only a burst of them (a failure that repeats itself) ends the shell.
  let strays: number[] = [];
  const onStray = (err: unknown) => {
    const now = Date.now();
    strays = [...strays.filter((t) => now - t < 2000), now];
    if (strays.length > 5) return onCrash(err);
    try {
      store.write(`emsh: ${message(err)}\n`, 'error');
    } catch {
      onCrash(err);
    }
  };
  process.on('uncaughtException', onStray);
  process.on('unhandledRejection', onStray);
  // Whatever way the process ends, the terminal is given back in a usable state.
  const onProcessExit = () => restoreTerminal(stdout, stdin);
  const onSignal = (signal: NodeJS.Signals) => {
    // End the normal way (the lab is saved and unlocked by the caller); force it if that hangs.
    restoreTerminal(stdout, stdin);
    session.stop();
    resolveExit(128 + (signal === 'SIGHUP' ? 1 : 15));
    setTimeout(() => process.exit(128 + (signal === 'SIGHUP' ? 1 : 15)), 2000).unref();
  };
  process.on('exit', onProcessExit);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  // A terminal can also go away without a SIGHUP (its streams end or fail with EIO): the shell
  // never outlives it either way.
  const onTerminalLost = () => onSignal('SIGHUP');
  stdin.on('end', onTerminalLost);
  stdin.on('error', onTerminalLost);
  stdout.on('error', onTerminalLost);
  // Bracketed paste: a pasted script arrives marked, so its newlines are not Enter keys.
  if (stdin.isTTY) stdout.write('\x1b[?2004h');
  // Registered before Ink's own resize handler, so it runs first (see resize-guard.ts).
  const guard = installResizeGuard(stdout);

  const instance = render(
    createElement(App, {
      store,
      session,
      machine: deps.machine,
      history,
      completion: deps.completionSource(session),
      settings,
      lab,
      onExit: (code: number) => resolveExit(code),
      onFrame: guard.frame,
      color: deps.color,
    }),
    // Only pass streams that exist: Ink spreads these options over its defaults, so
    // `stdin: undefined` would replace process.stdin and the first render would fail silently.
    { stdout: guard.stdout, ...(deps.stdin ? { stdin: deps.stdin } : {}), exitOnCtrlC: false, patchConsole: false },
  );
  // If Ink itself gives up (an error outside our boundary), end like a crash, not silently.
  instance.waitUntilExit().then(
    () => resolveExit(0),
    (err: unknown) => onCrash(err),
  );
  // On resize Ink redraws the live area; finished lines are the terminal's to reflow.
  const code = await exited;
  // Checks in flight use the lab, which the caller closes next.
  await lab?.settle();
  guard.dispose();
  // Leave the scrollback and the shell's last command line, not a stale prompt and status line.
  instance.clear();
  instance.unmount();
  await instance.waitUntilExit().catch(() => undefined);
  process.off('uncaughtException', onStray);
  process.off('unhandledRejection', onStray);
  process.off('exit', onProcessExit);
  process.off('SIGTERM', onSignal);
  process.off('SIGHUP', onSignal);
  stdin.off('end', onTerminalLost);
  stdin.off('error', onTerminalLost);
  stdout.off('error', onTerminalLost);
  restoreTerminal(stdout, stdin);
  return code;
}

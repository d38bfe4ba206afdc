// Mounts the shell's App on fake terminal streams (Ink's debug mode, as ink-testing-library does)
// and tells the two kinds of writes apart: frames of the live area (Ink's render) and scrollback
// (text the App hands to Ink's `write`). Tests wait for what they expect to appear — a frame or a
// call — never for a fixed time.
import React from 'react';
import { render } from 'ink';
import { App, type ShellSession } from '../../src/ui/App.js';
import type { KeyRouter } from '../../src/ui/key-router.js';
import { History } from '../../src/ui/history.js';
import { InkHost } from '../../src/ui/ink-host.js';
import { UiStore } from '../../src/ui/ui-store.js';
import { ReadLineSettings } from '../../src/protocol/readline.js';
import type { CompletionSource } from '../../src/ui/completion.js';
import { FakeStdin, FakeStdout } from '../helpers/fake-terminal.js';
import { LabWatch, type LabCheckSource } from '../../src/ui/lab-watch.js';

export const PROMPT = '[PS] C:\\Windows\\system32>';

export const emptyCompletion: CompletionSource = { commands: () => [], variables: () => [], thumbprints: () => [], machines: () => [], paths: () => [] };

export interface MountOptions {
  run?: (text: string, host: InkHost) => Promise<{ ok: boolean; exitCode?: number }>;
  history?: History;
  completion?: CompletionSource;
  settings?: ReadLineSettings;
  columns?: number;
  rows?: number;
  color?: boolean;
  /** A real session on the UI's host (instead of the fake that records calls). */
  session?: (host: InkHost) => ShellSession;
  /** Training labs: the background checks of the session's exercise (given the real session, if any). */
  labChecks?: (session: ShellSession | undefined) => LabCheckSource;
}

export function mount(opts: MountOptions = {}) {
  const store = new UiStore({ machine: 'EX2007EE', lab: 'default' });
  // The host sees the fake terminal's size, as runInteractive's does the real one's.
  const size = { columns: opts.columns ?? 100, rows: opts.rows ?? 40 };
  const host = new InkHost(store, () => Math.max(40, size.columns - 1), () => size);
  const calls: string[] = [];
  let stopped = 0;
  let cleared = 0;
  let exitCode: number | undefined;
  let scrollback = '';
  let frame = '';
  let rendering = false;
  const waiters: (() => void)[] = [];
  const notify = () => waiters.splice(0).forEach((w) => w());
  const stdout = new FakeStdout(opts.columns ?? 100, opts.rows ?? 40, (s) => {
    if (rendering) frame = s;
    else scrollback += s;
    rendering = false;
    notify();
  });
  const stdin = new FakeStdin();
  const fake: ShellSession = {
    execute: async (text) => {
      calls.push(text);
      notify();
      return opts.run ? opts.run(text, host) : { ok: true };
    },
    stop: () => {
      stopped++;
    },
    promptText: () => PROMPT,
    services: { machine: 'EX2007EE' },
  };
  const real = opts.session?.(host);
  const session: ShellSession = real
    ? {
        execute: async (text, o) => {
          calls.push(text);
          notify();
          const r = await real.execute(text, o);
          notify();
          return r;
        },
        stop: () => real.stop(),
        promptText: () => real.promptText(),
        services: real.services,
      }
    : fake;
  const history = opts.history ?? new History();
  const settings = opts.settings ?? new ReadLineSettings();
  const lab = opts.labChecks ? new LabWatch(store, opts.labChecks(real)) : undefined;
  lab?.afterCommand();
  let router: KeyRouter | undefined;
  const instance = render(
    <App
      onRouter={(r) => (router = r)}
      store={store}
      session={session}
      history={history}
      completion={opts.completion ?? emptyCompletion}
      settings={settings}
      lab={lab}
      onExit={(c) => {
        exitCode = c;
        notify();
      }}
      clearScreen={() => cleared++}
      color={opts.color ?? false}
    />,
    {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
      onRender: () => {
        rendering = true;
      },
    } as Parameters<typeof render>[1],
  );

  const screen = () => scrollback + frame;
  const app = {
    store,
    host,
    history,
    settings,
    calls,
    stdin,
    stdout,
    stopped: () => stopped,
    cleared: () => cleared,
    exitCode: () => exitCode,
    /** The training labs' background checks, when mounted with labChecks. */
    lab,
    /** The key router (the line being edited, its selection). */
    router: () => router!,
    /** The live area as last drawn. */
    frame: () => frame,
    /** Everything written above the live area. */
    scrollback: () => scrollback,
    screen,
    /** The prompt line being edited (the last one in the frame), without trailing blanks. */
    promptLine: () => frame.split('\n').filter((l) => l.startsWith(PROMPT)).pop()?.trimEnd() ?? '',
    /** Sends raw input (keys, text, escape sequences) as a terminal would. */
    type(...chunks: string[]) {
      for (const c of chunks) stdin.send(c);
    },
    /** Resolves once `test` holds (checked after every write and call); fails with the screen after `ms`. */
    async waitFor(test: () => boolean, what: string, ms = 5000): Promise<void> {
      const deadline = Date.now() + ms;
      for (;;) {
        if (test()) return;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${screen()}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          // Promises settling elsewhere (a command finishing) need a turn of the event loop.
          setImmediate(resolve);
        });
      }
    },
    /** Waits until the App listens to its input (its effects have run). */
    ready(): Promise<void> {
      return app.waitFor(() => stdin.listenerCount('data') > 0 && frame.includes(PROMPT), 'the first prompt');
    },
    resize(columns: number, rows: number) {
      stdout.columns = size.columns = columns;
      stdout.rows = size.rows = rows;
      stdout.emit('resize');
    },
    unmount: () => instance.unmount(),
  };
  return app;
}

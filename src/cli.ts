// emsh's command line: picks the host (Ink UI in a terminal, plain otherwise) and runs.
// The non-interactive path never loads Ink (it costs start-up time; see docs/ARCHITECTURE.md, Start-up).
//
// dist/emsh.js (src/launcher.ts) runs a CommonJS bundle of this module through V8's code cache.
// The UI's code is in that bundle too, but not Ink and React: Ink and Yoga are ES modules with
// top-level await, which the launcher imports (dist/ui-libraries.mjs) when the UI starts.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError, parseCliArgs, USAGE, type CliOptions } from './cli-args.js';
import { prepareParser } from '../grammar/index.js';
import { composeSession, completionSourceFor, labCheckSourceFor, openLab, readLineSettingsOf, sessionLab, type Lab } from './compose.js';
import type { Session } from './engine/session.js';
import { LabLockedError } from './store/lock.js';
import { LabSchemaTooNewError } from './store/lab-store.js';
import { PlainHost } from './host/plain-host.js';
import { emshHome, labPaths } from './store/lab-home.js';
import { runLines } from './host/line-runner.js';
import { exitStatus } from './host/exit-status.js';
import { withoutHostPaths } from './protocol/errors.js';

function terminalWidth(): number {
  const env = Number(process.env.COLUMNS);
  if (Number.isFinite(env) && env > 20) return env;
  if (process.stdout.isTTY && process.stdout.columns) return process.stdout.columns;
  return 120; // the Windows console's default buffer width
}

function useColor(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
}

/** What the program that runs this module provides. */
export interface CliLink {
  /**
   * Loads the UI's libraries (Ink, React) so that the bundle's `require` finds them: the bundle
   * cannot import() an ES module itself (src/launcher.ts). Without it they are imported directly.
   */
  loadUiLibraries?: () => Promise<void>;
}

async function main(argv: string[], link: CliLink): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseCliArgs(argv);
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(e.message + '\n');
      return 64;
    }
    throw e;
  }
  if (opts.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (opts.version) {
    process.stdout.write('emsh 0.1.0\n');
    return 0;
  }

  const home = emshHome(process.env);
  if (opts.serve) return serveLab(home, opts.lab);
  if (opts.check || opts.grade !== undefined || opts.validateExercise !== undefined) return trainerRun(home, opts);
  const ttyIn = Boolean(process.stdin.isTTY);
  const scripted = opts.command !== undefined || opts.file !== undefined || !ttyIn;
  const interactive = !opts.nonInteractive && ttyIn && Boolean(process.stdout.isTTY);
  const ui = !scripted && interactive;

  // The parser is built while the lab's files are read (openLab waits on the file system): a
  // script or command needs it next, and building it costs more than the rest of the start-up.
  // The interactive UI needs it only at the first Enter: it builds it after its first frame (App).
  if (!ui) setImmediate(prepareParser);
  // The UI's modules (Ink, React, Yoga's WASM) load while the lab is opened.
  // (Loaded only here: Ink and React stay off the scripted path.)
  const uiModule = ui ? import('./ui/run.js').then((m) => (m.preloadUi(link.loadUiLibraries), m)) : undefined;
  uiModule?.catch(() => undefined); // awaited (and its failure reported) after openLab
  let lab: Lab;
  try {
    lab = await openLab({
      home,
      lab: opts.lab,
      readOnly: opts.readOnly,
      // Scripted runs say on stderr that they wait, so their output stays clean.
      onWaiting: ui ? undefined : (message) => process.stderr.write(`WARNING: ${message}\n`),
    });
  } catch (e) {
    if (e instanceof LabLockedError || e instanceof LabSchemaTooNewError || (e instanceof Error && /lab name/i.test(e.message))) {
      process.stderr.write(`emsh: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  // The session may move to another lab (Start-LabExercise): the one it ends on is closed too.
  const sessions: Session[] = [];
  try {
    return await runOn(lab, opts, home, interactive, uiModule, sessions);
  } finally {
    for (const s of sessions) await sessionLab(s).close();
    await lab.close();
  }
}

async function runOn(lab: Lab, opts: CliOptions, home: string, interactive: boolean, uiModule: Promise<typeof import('./ui/run.js')> | undefined, sessions: Session[]): Promise<number> {
  if (uiModule) {
    const { runInteractive } = await uiModule;
    return runInteractive({
      lab: opts.lab,
      machine: () => (sessions[0] ? sessionLab(sessions[0]).lab : lab).org.currentMachineName,
      historyFile: labPaths(home, opts.lab).history,
      color: useColor(),
      noLogo: opts.noLogo,
      createSession: (host) => {
        const session = composeSession({ host, lab, exercisePath: opts.exercisePath });
        sessions.push(session);
        return session;
      },
      completionSource: (session) => completionSourceFor(session as Session),
      readLineSettings: (session) => readLineSettingsOf(session as Session),
      labChecks: (session) => labCheckSourceFor(session as Session),
    });
  }

  let session: Session | undefined;
  const host = new PlainHost({
    out: process.stdout,
    input: interactive ? process.stdin : undefined,
    interactive,
    color: useColor(),
    width: terminalWidth(),
    // Nobody reads the output any more (`| head -1`, a closed terminal): stop, as Ctrl+C would.
    onOutputLost: () => {
      session?.stop();
      // Commands still arriving on stdin would only write into the void too.
      if (!process.stdin.isTTY) process.stdin.destroy();
    },
  });
  session = composeSession({ host, lab, exercisePath: opts.exercisePath });
  sessions.push(session);
  const bound = sessionLab(session);
  const signals = endOnSignals(session, bound);
  try {
    const code = await runScripted(session, opts, host);
    if (signals.received !== undefined) return signals.received;
    // A change that could not be saved fails the run, even when the script caught the error.
    return bound.failedCommits > 0 && code === 0 ? 1 : code;
  } finally {
    signals.dispose();
  }
}

/**
 * SIGTERM, SIGHUP (the terminal closed) and SIGINT from outside: stop the running pipeline and end
 * once it has unwound — every change it made is already saved, each as it happened. If it does not
 * unwind within 2 s, save what is pending and end anyway.
 */
function endOnSignals(session: Session, lab: { commit(durable: boolean): void }): { received?: number; dispose(): void } {
  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
  const codes: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
  const state: { received?: number; dispose(): void } = {
    dispose: () => {
      for (const s of signals) process.off(s, onSignal);
    },
  };
  const onSignal = (signal: NodeJS.Signals) => {
    state.received = codes[signal];
    process.exitCode = codes[signal];
    session.stop();
    setTimeout(() => {
      try {
        lab.commit(true);
      } catch {
        // Nothing more can be done; the journal holds every earlier change.
      }
      process.exit(codes[signal]);
    }, 2000).unref();
  };
  for (const s of signals) process.on(s, onSignal);
  return state;
}

async function runScripted(session: Session, opts: CliOptions, host: PlainHost): Promise<number> {
  if (opts.file !== undefined) {
    let text: string;
    try {
      text = readFileSync(opts.file, 'utf8').replace(/^\uFEFF/, '');
    } catch {
      host.writeLine(
        `The argument '${opts.file}' to the -File parameter does not exist. Provide the path to an existing '.ps1' file as an argument to the -File parameter.`,
        'error',
      );
      return 64;
    }
    const r = await session.execute(text, { file: opts.file, args: opts.fileArgs });
    return r.exitCode ?? (r.ok ? 0 : 1);
  }
  if (opts.command !== undefined && opts.command !== '-') {
    const r = await session.execute(opts.command);
    return r.exitCode ?? (r.ok ? 0 : 1);
  }
  // Commands on stdin (piped, or `-Command -`): run each complete statement as it arrives.
  return runLines(session, process.stdin);
}

/** `emsh -Serve`: the lab's endpoints until Ctrl+C (loaded only here: node:http and the listeners stay off other paths). */
async function serveLab(home: string, lab: string): Promise<number> {
  const { serve } = await import('./serve.js');
  const stop = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  try {
    return await serve({ home, lab, out: process.stdout, err: process.stderr, width: terminalWidth(), stop });
  } catch (e) {
    if (e instanceof LabSchemaTooNewError || (e instanceof Error && /lab name/i.test(e.message))) {
      process.stderr.write(`emsh: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/** The trainer's commands (-Check, -Grade, -ValidateExercise), loaded only for them. */
async function trainerRun(home: string, opts: CliOptions): Promise<number> {
  const trainer = await import('./trainer.js');
  const { defaultExercisePath } = await import('./training.js');
  const exercisePath = opts.exercisePath ? resolve(opts.exercisePath) : defaultExercisePath();
  const io = { out: process.stdout, err: process.stderr };
  if (opts.validateExercise !== undefined) return trainer.validateCommand({ dir: opts.validateExercise }, io);
  if (opts.grade !== undefined) return trainer.gradeCommand({ folder: opts.grade, exercisePath, json: opts.json, outFile: opts.outFile }, io);
  return trainer.checkCommand({ home, lab: opts.lab, exercisePath, json: opts.json, outFile: opts.outFile }, io);
}

/** Runs emsh with these arguments and sets the process exit code. */
export function runCli(argv: string[], link: CliLink = {}): Promise<void> {
  return main(argv, link).then(
    (code) => {
      process.exitCode = exitStatus(code);
    },
    (err) => {
      // No stack and no host paths (issue 10): EMSH_DEBUG=1 shows the stack for a developer.
      const text = err instanceof Error ? (process.env.EMSH_DEBUG ? err.stack ?? err.message : withoutHostPaths(err.message)) : String(err);
      process.stderr.write(`emsh: internal error: ${text}\n`);
      process.exitCode = 70;
    },
  );
}

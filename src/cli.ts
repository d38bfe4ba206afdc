// emsh's entry point: picks the host (Ink UI in a terminal, plain otherwise) and runs.
// The non-interactive path never loads Ink (it costs start-up time; see performance-notes.md).

import { readFileSync } from 'node:fs';
import { CliError, parseCliArgs, USAGE, type CliOptions } from './cli-args.js';
import { composeSession, completionSourceFor, openLab, type Lab } from './compose.js';
import type { Session } from './engine/session.js';
import { LabLockedError } from './store/lock.js';
import { LabSchemaTooNewError } from './store/lab-store.js';
import { PlainHost } from './host/plain-host.js';
import { emshHome, labPaths } from './store/lab-home.js';
import { runLines } from './host/line-runner.js';

function terminalWidth(): number {
  const env = Number(process.env.COLUMNS);
  if (Number.isFinite(env) && env > 20) return env;
  if (process.stdout.isTTY && process.stdout.columns) return process.stdout.columns;
  return 120; // the Windows console's default buffer width
}

function useColor(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
}

async function main(argv: string[]): Promise<number> {
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
  const ttyIn = Boolean(process.stdin.isTTY);
  const scripted = opts.command !== undefined || opts.file !== undefined || !ttyIn;
  const interactive = !opts.nonInteractive && ttyIn && Boolean(process.stdout.isTTY);

  let lab: Lab;
  try {
    lab = await openLab({ home, lab: opts.lab });
  } catch (e) {
    if (e instanceof LabLockedError || e instanceof LabSchemaTooNewError || (e instanceof Error && /lab name/i.test(e.message))) {
      process.stderr.write(`emsh: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  try {
    return await runOn(lab, opts, home, interactive, scripted);
  } finally {
    await lab.close();
  }
}

async function runOn(lab: Lab, opts: CliOptions, home: string, interactive: boolean, scripted: boolean): Promise<number> {
  if (!scripted && interactive) {
    // Loaded only here: Ink and React stay off the scripted path.
    const { runInteractive } = await import('./ui/run.js');
    return runInteractive({
      lab: opts.lab,
      machine: () => lab.org.current.name,
      historyFile: labPaths(home, opts.lab).history,
      color: useColor(),
      noLogo: opts.noLogo,
      createSession: (host) => composeSession({ host, lab }),
      completionSource: (session) => completionSourceFor(session as Session, lab),
    });
  }

  const host = new PlainHost({
    out: process.stdout,
    input: interactive ? process.stdin : undefined,
    interactive,
    color: useColor(),
    width: terminalWidth(),
  });
  const session = composeSession({ host, lab });

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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`emsh: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 70;
  },
);

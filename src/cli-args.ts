// pwsh-like command-line handling: -File, -Command, -NoProfile, -NonInteractive, -Lab.
// Parameter names match case-insensitively by unique prefix, as powershell.exe does.

export interface CliOptions {
  command?: string;
  file?: string;
  fileArgs: string[];
  noProfile: boolean;
  nonInteractive: boolean;
  noLogo: boolean;
  /** Open the lab without ever changing it (a trainer's look at a trainee's lab). */
  readOnly: boolean;
  lab: string;
  help: boolean;
  version: boolean;
  /** `-Serve`: keep the lab's endpoints listening on loopback until Ctrl+C (issue 8). */
  serve: boolean;
  /** Issue 9: where the training exercises are (default: the labs folder of this emsh). */
  exercisePath?: string;
  /** `-Check`: run the lab's exercise checks and report (a trainer's look). */
  check: boolean;
  /** `-Grade <folder>`: grade every exercise lab of the lab homes in a class folder. */
  grade?: string;
  /** `-ValidateExercise <dir>`: report every problem of exercise files. */
  validateExercise?: string;
  /** `-Json`: the -Check / -Grade report as JSON. */
  json: boolean;
  /** `-OutFile <file>`: where -Check / -Grade also write their report (JSON, or CSV for a .csv file). */
  outFile?: string;
}

const NAMES = [
  'Command', 'File', 'NoProfile', 'NonInteractive', 'NoLogo', 'Lab', 'ReadOnly', 'Help', 'Version', 'ExecutionPolicy', 'InputFormat', 'OutputFormat', 'NoExit', 'Serve',
  'ExercisePath', 'Check', 'Grade', 'ValidateExercise', 'Json', 'OutFile',
] as const;

/** powershell.exe's own short names, kept unambiguous although emsh has more parameters with those prefixes. */
const SHORT: Record<string, Name> = { c: 'Command', f: 'File', ex: 'ExecutionPolicy', ep: 'ExecutionPolicy', o: 'OutputFormat', of: 'OutputFormat', v: 'Version', if: 'InputFormat' };
type Name = (typeof NAMES)[number];

export class CliError extends Error {}

function match(arg: string): Name | undefined {
  const raw = arg.replace(/^(--|-|\/)/, '').toLowerCase();
  if (raw === '?' || raw === 'h') return 'Help';
  if (SHORT[raw]) return SHORT[raw];
  const exact = NAMES.find((n) => n.toLowerCase() === raw);
  if (exact) return exact;
  const hits = NAMES.filter((n) => n.toLowerCase().startsWith(raw));
  if (hits.length === 1) return hits[0];
  if (hits.length > 1) throw new CliError(`Parameter '-${raw}' is ambiguous: ${hits.map((h) => '-' + h).join(', ')}.`);
  return undefined;
}

export function parseCliArgs(argv: string[]): CliOptions {
  const o: CliOptions = { fileArgs: [], noProfile: false, nonInteractive: false, noLogo: false, readOnly: false, lab: 'default', help: false, version: false, serve: false, check: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const isParam = a.startsWith('-') && a.length > 1;
    if (!isParam) {
      // Like pwsh: a bare first argument is a script file; the rest are its arguments.
      o.file = a;
      o.fileArgs = argv.slice(i + 1);
      break;
    }
    const name = match(a);
    if (!name) throw new CliError(`The argument '${a}' is not recognized as the name of a parameter of emsh. Try 'emsh -Help'.`);
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new CliError(`Missing an argument for parameter '-${name}'.`);
      return v;
    };
    switch (name) {
      case 'Command':
        // Everything after -Command is the command text, as in powershell.exe.
        o.command = argv.slice(i + 1).join(' ');
        if (argv.length === i + 1) throw new CliError("Missing an argument for parameter '-Command'.");
        i = argv.length;
        break;
      case 'File':
        o.file = value();
        o.fileArgs = argv.slice(i + 1);
        i = argv.length;
        break;
      case 'NoProfile': o.noProfile = true; break;
      case 'NonInteractive': o.nonInteractive = true; break;
      case 'NoLogo': o.noLogo = true; break;
      case 'NoExit': break;
      case 'ReadOnly': o.readOnly = true; break;
      case 'Lab': o.lab = value(); break;
      case 'Help': o.help = true; break;
      case 'Version': o.version = true; break;
      case 'Serve': o.serve = true; break;
      case 'ExercisePath': o.exercisePath = value(); break;
      case 'Check': o.check = true; break;
      case 'Grade': o.grade = value(); break;
      case 'ValidateExercise': o.validateExercise = value(); break;
      case 'Json': o.json = true; break;
      case 'OutFile': o.outFile = value(); break;
      case 'ExecutionPolicy': case 'InputFormat': case 'OutputFormat': value(); break;
    }
  }
  if (o.serve && (o.command !== undefined || o.file !== undefined)) throw new CliError('-Serve cannot be combined with -Command or -File.');
  const trainer = [o.check && '-Check', o.grade !== undefined && '-Grade', o.validateExercise !== undefined && '-ValidateExercise', o.serve && '-Serve'].filter(Boolean);
  if (trainer.length > 1) throw new CliError(`${trainer.join(' and ')} cannot be combined.`);
  if (trainer.length && (o.command !== undefined || o.file !== undefined)) throw new CliError(`${trainer[0]} cannot be combined with -Command or -File.`);
  if ((o.json || o.outFile !== undefined) && !o.check && o.grade === undefined) throw new CliError('-Json and -OutFile go with -Check or -Grade.');
  return o;
}

export const USAGE = `emsh — an Exchange Management Shell emulator for certificate work

Usage:
  emsh [-Lab <name>] [-ReadOnly] [-NoProfile] [-NonInteractive] [-NoLogo]
  emsh [options] -Command <text>          run commands and exit ('-' reads stdin)
  emsh [options] -File <script.ps1> [args] run a script with arguments bound to its param()
  emsh [options] <script.ps1> [args]
  emsh [-Lab <name>] -Serve               the lab's servers listen on 127.0.0.1 until Ctrl+C
  ... | emsh                              run commands piped on stdin

Training labs (exercises in the labs folder, or -ExercisePath <dir>):
  emsh -Lab <lab> -Check [-Json] [-OutFile <file.json>]
                                          run the lab's exercise checks; exit 0 only when all pass
  emsh -Grade <folder> [-Json] [-OutFile <file.json|file.csv>]
                                          grade every exercise lab of the lab homes in a class folder
  emsh -ValidateExercise <dir>            report every problem of exercise files, with file and line

Environment:
  EMSH_HOME   where labs live (default ~/.emsh); a lab's state is <EMSH_HOME>/labs/<lab>/lab.json
  EMSH_EXERCISE_PATH  where the training exercises are (like -ExercisePath)
  EMSH_LOCK_WAIT  seconds a statement that changes the lab waits while another emsh is changing
              it (default 30); then it fails and nothing is changed
  NO_COLOR    no colours

Many emsh may have one lab open: each statement that changes it waits for the others' to end and
works on what they saved. -ReadOnly opens a lab without ever changing it.
`;

// A small CmdletContext for unit tests of cmdlets: runs begin / process (per input object) / end
// of one declaration with parameters given as already bound, and records every stream.
// Script blocks are stand-ins: `block((x) => ...)` makes a ScriptBlockValue whose "body" is a JS
// function of $_ (the fake invoke calls it).

import {
  declaredDefaults,
  RunState,
  type CmdletContext,
  type CmdletDeclaration,
  type CommandInfo,
  type HistoryEntry,
  type InvokeOptions,
  type ResolvedPath,
  type SessionServices,
} from '../../src/protocol/cmdlet.js';
import { commandTypeName, ErrorRecord, TerminatingError } from '../../src/protocol/errors.js';
import type { Host, HostField } from '../../src/protocol/host.js';
import { ScriptBlockValue, SecureString, toDisplayText } from '../../src/protocol/values.js';

export type BlockFn = (dollarUnder: unknown, opts: InvokeOptions) => unknown;

/** A script block whose body is a JS function (returning one value, an array of outputs, or undefined). */
export function block(fn: BlockFn, text = '<test block>'): ScriptBlockValue {
  return new ScriptBlockValue(fn, text);
}

export interface FakeHostLog {
  lines: { text: string; kind?: string; style?: unknown }[];
  written: string[];
  cleared: number;
}

export function fakeHost(opts: { interactive?: boolean; width?: number; answers?: (string | null)[]; promptAnswer?: Record<string, unknown> | null } = {}): Host & { log: FakeHostLog; prompts: { caption: string; message: string; fields: HostField[] }[]; reads: string[] } {
  const log: FakeHostLog = { lines: [], written: [], cleared: 0 };
  const answers = [...(opts.answers ?? [])];
  const prompts: { caption: string; message: string; fields: HostField[] }[] = [];
  const reads: string[] = [];
  return {
    interactive: opts.interactive ?? false,
    width: opts.width ?? 120,
    log,
    prompts,
    reads,
    write(text, kind, style) {
      log.written.push(text);
      log.lines.push({ text, kind, style });
    },
    writeLine(text, kind, style) {
      log.lines.push({ text, kind, style });
    },
    async promptForChoice() {
      return 0;
    },
    async prompt(caption, message, fields) {
      prompts.push({ caption, message, fields });
      return opts.promptAnswer === undefined ? null : opts.promptAnswer;
    },
    async readLine(prompt, secure) {
      reads.push(prompt);
      const a = answers.shift() ?? null;
      return a === null ? null : secure ? new SecureString(a) : a;
    },
    clear() {
      log.cleared++;
    },
  };
}

export interface RunOptions {
  params?: Record<string, unknown>;
  /** Pipeline input; each object is bound to `inputParameter` (default InputObject). */
  input?: unknown[];
  inputParameter?: string;
  parameterSet?: string;
  /** Names bound on the command line (default: the keys of params with a defined value). */
  bound?: string[];
  commands?: CommandInfo[];
  history?: HistoryEntry[];
  host?: Host;
  now?: Date;
  variables?: Record<string, unknown>;
  invocationName?: string;
}

export interface RunResult {
  output: unknown[];
  errors: ErrorRecord[];
  warnings: string[];
  verbose: string[];
  debug: string[];
  hostText: { text: string; foreground?: string; background?: string; noNewline?: boolean }[];
  information: string[];
  /** The terminating error, if the run threw one. */
  terminating?: ErrorRecord;
  transcript: { started?: { path: string; append: boolean }; stopped: boolean };
  invocations: InvokeOptions[];
}

export async function runCmdlet(decl: CmdletDeclaration, opts: RunOptions = {}): Promise<RunResult> {
  const result: RunResult = { output: [], errors: [], warnings: [], verbose: [], debug: [], hostText: [], information: [], transcript: { stopped: false }, invocations: [] };
  const given = opts.params ?? {};
  const bound = new Set(opts.bound ?? Object.keys(given).filter((k) => given[k] !== undefined));
  const params = { ...declaredDefaults(decl), ...given };
  const commands = opts.commands ?? [];
  const variables = new Map(Object.entries(opts.variables ?? {}));
  let transcript: ResolvedPath | undefined;
  const session: SessionServices = {
    getVariable: (n) => variables.get(n) ?? null,
    setVariable: (n, v) => void variables.set(n, v),
    hasVariable: (n) => variables.has(n),
    commands: () => commands,
    resolveCommand: (name) => commands.find((c) => c.name.toLowerCase() === name.toLowerCase()),
    // The aliases among the given commands, as one scope's table.
    aliasTable: () => {
      const aliases = commands.filter((c) => c.commandType === 'Alias').map((c) => c.alias ?? { name: c.name, definition: c.definition });
      const find = (n: string) => aliases.findIndex((a) => a.name.toLowerCase() === n.toLowerCase());
      return {
        get: (n) => aliases[find(n)],
        list: () => aliases.slice(),
        define: (a) => (aliases.push(a), a),
        remove: (n) => find(n) >= 0 && aliases.splice(find(n), 1).length > 0,
      };
    },
    history: () => opts.history ?? [],
    getLocation: () => 'C:\\Windows\\system32',
    setLocation: () => {},
    machine: 'EX2007EE',
    startTranscript(path, append) {
      transcript = path;
      result.transcript.started = { path: path.display, append };
    },
    stopTranscript() {
      const t = transcript;
      transcript = undefined;
      if (t) result.transcript.stopped = true;
      return t;
    },
  };
  const resolvePath = (p: string): ResolvedPath => ({ display: p, hostPath: `/tmp/fake/${p}`, machine: 'EX2007EE' });
  const host = opts.host ?? fakeHost();
  const state = new RunState();
  const ctx: CmdletContext & { expectingInput: boolean } = {
    runState: (key, init) => state.get(key, init),
    commandName: decl.name,
    invocationName: opts.invocationName ?? decl.name,
    parameterSetName: opts.parameterSet ?? decl.defaultParameterSet ?? '__AllParameterSets',
    bound,
    expectingInput: false,
    write(value, enumerate) {
      if (enumerate && Array.isArray(value)) result.output.push(...value);
      else result.output.push(value);
    },
    writeError: (r) => void result.errors.push(r),
    writeWarning: (m) => void result.warnings.push(m),
    writeVerbose: (m) => void result.verbose.push(m),
    writeDebug: (m) => void result.debug.push(m),
    writeHost: (text, o) => void result.hostText.push({ text, ...o }),
    writeInformation: (data) => void result.information.push(toDisplayText(data)),
    error(init) {
      return new ErrorRecord({
        ...init,
        commandFullName: commandTypeName(decl.name, decl.typeNamespace),
        activity: decl.name,
        invocation: { source: { text: `${decl.name} test` }, span: { start: 0, end: decl.name.length }, invocationName: decl.name, commandName: decl.name },
      });
    },
    fail(record): never {
      throw new TerminatingError(record);
    },
    async shouldProcess() {
      return true;
    },
    async shouldContinue() {
      return true;
    },
    async invoke(b, o = {}) {
      result.invocations.push(o);
      const out = (b.ast as BlockFn)(o.dollarUnder, o);
      const v = out instanceof Promise ? await out : out;
      if (v === undefined) return [];
      return Array.isArray(v) ? v : [v];
    },
    host,
    session,
    fs: {
      resolve: (p) => resolvePath(p),
      exists: () => false,
      stat: () => undefined,
      list: () => [],
      readBytes: () => new Uint8Array(),
      writeBytes: () => {},
      mkdir: () => {},
      remove: () => {},
      copy: () => {},
      move: () => {},
      setReadOnly: () => {},
      stream: (p, name) => ({ ...p, display: `${p.display}:${name}`, hostPath: `${p.hostPath}:${name}`, stream: name }),
      streams: () => [],
    },
    services: { get: () => { throw new Error('no services in tests'); }, tryGet: () => undefined },
    now: () => opts.now ?? new Date(2026, 10, 26, 23, 46, 22),
    signal: new AbortController().signal,
  };
  try {
    const commandLine = { ...params };
    await decl.begin?.(commandLine, ctx);
    if (opts.input) {
      ctx.expectingInput = true;
      const name = opts.inputParameter ?? 'InputObject';
      for (const obj of opts.input) {
        const p = { ...params, [name]: obj };
        await decl.process?.(p, ctx);
      }
    } else {
      await decl.process?.(params, ctx);
    }
    await decl.end?.(commandLine, ctx);
  } catch (e) {
    if (e instanceof TerminatingError) result.terminating = e.record;
    else throw e;
  }
  return result;
}

/** A CommandInfo for a declaration, and alias entries for its aliases. */
export function commandsFor(decls: CmdletDeclaration[]): CommandInfo[] {
  const out: CommandInfo[] = [];
  for (const d of decls) {
    out.push({ name: d.name, commandType: 'Cmdlet', definition: d.name, declaration: d, module: d.module ?? '' });
    for (const a of d.aliases ?? []) out.push({ name: a, commandType: 'Alias', definition: d.name, module: '' });
  }
  return out;
}

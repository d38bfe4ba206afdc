// A minimal CmdletContext for running the output cmdlets without the engine: an in-memory
// drive, script blocks backed by JS functions, and what the cmdlet writes collected.
import { declaredDefaults, RunState, type CmdletContext, type CmdletDeclaration, type FileEntry, type LabFileSystem, type ResolvedPath, type StateKey } from '../../src/protocol/cmdlet.js';
import { ErrorRecord, TerminatingError } from '../../src/protocol/errors.js';
import { ScriptBlockValue } from '../../src/protocol/values.js';

export class MemoryDrive implements LabFileSystem {
  files = new Map<string, Uint8Array>();
  resolve(path: string, location: string): ResolvedPath {
    const full = /^[a-z]:\\/i.test(path) ? path : `${location.replace(/\\$/, '')}\\${path}`;
    return { display: full, hostPath: full.toLowerCase(), machine: 'EX01' };
  }
  exists(p: ResolvedPath): boolean {
    return this.files.has(p.hostPath);
  }
  stat(p: ResolvedPath): FileEntry | undefined {
    const f = this.files.get(p.hostPath);
    return f && { name: p.display, path: p, isDirectory: false, length: f.length, lastWriteTime: new Date(0) };
  }
  list(): FileEntry[] {
    return [];
  }
  readBytes(p: ResolvedPath): Uint8Array {
    const f = this.files.get(p.hostPath);
    if (!f) throw new TerminatingError(new ErrorRecord({ message: `Cannot find path '${p.display}' because it does not exist.`, errorId: 'PathNotFound', category: 'ObjectNotFound' }));
    return f;
  }
  writeBytes(p: ResolvedPath, data: Uint8Array, append?: boolean): void {
    const old = append ? this.files.get(p.hostPath) ?? new Uint8Array() : new Uint8Array();
    const out = new Uint8Array(old.length + data.length);
    out.set(old);
    out.set(data, old.length);
    this.files.set(p.hostPath, out);
  }
  mkdir(): void {}
  remove(): void {}
  copy(): void {}
  move(): void {}
  setReadOnly(): void {}
  stream(p: ResolvedPath, name: string): ResolvedPath {
    return { ...p, display: `${p.display}:${name}`, hostPath: `${p.hostPath}:${name}`, stream: name };
  }
  streams(): [] {
    return [];
  }
}

/** A script block whose "evaluation" is a JS function of $_. */
export function block(text: string, fn: (dollarUnder: unknown) => unknown): ScriptBlockValue {
  const sb = new ScriptBlockValue(null, text);
  blocks.set(sb, fn);
  return sb;
}
const blocks = new WeakMap<ScriptBlockValue, (d: unknown) => unknown>();

export interface RunResult {
  output: unknown[];
  errors: ErrorRecord[];
  hostLines: string[];
}

/** Runs a declaration: begin, process per input object (or once), end. */
export async function runCmdlet(
  decl: CmdletDeclaration,
  params: Record<string, unknown>,
  input?: unknown[],
  opts: { fs?: MemoryDrive; width?: number } = {},
): Promise<RunResult> {
  const output: unknown[] = [];
  const errors: ErrorRecord[] = [];
  const hostLines: string[] = [];
  const fs = opts.fs ?? new MemoryDrive();
  const bound = new Set(Object.keys(params));
  params = { ...declaredDefaults(decl), ...params };
  const state = new RunState();
  const ctx = {
    runState: <T>(key: StateKey<T>, init: () => T) => state.get(key, init),
    commandName: decl.name,
    invocationName: decl.name,
    parameterSetName: decl.defaultParameterSet ?? '__AllParameterSets',
    bound,
    expectingInput: input !== undefined,
    write: (v: unknown) => output.push(v),
    writeError: (r: ErrorRecord) => errors.push(r),
    writeWarning: () => {},
    writeVerbose: () => {},
    writeDebug: () => {},
    writeHost: () => {},
    error: (init: ConstructorParameters<typeof ErrorRecord>[0]) => new ErrorRecord({ ...init, commandFullName: `Microsoft.PowerShell.Commands.${decl.name.replace('-', '')}Command` }),
    fail: (r: ErrorRecord): never => {
      throw new TerminatingError(r);
    },
    shouldProcess: async () => true,
    shouldContinue: async () => true,
    invoke: async (sb: ScriptBlockValue, o?: { dollarUnder?: unknown }) => {
      const fn = blocks.get(sb);
      return fn ? [fn(o?.dollarUnder)] : [];
    },
    host: { interactive: false, width: opts.width ?? 120, write: () => {}, writeLine: (t: string) => hostLines.push(t) },
    session: { getLocation: () => 'C:\\Windows\\system32' },
    fs,
    services: {},
    now: () => new Date(2024, 0, 1),
    signal: new AbortController().signal,
  } as unknown as CmdletContext;
  await decl.begin?.(params, ctx);
  if (input === undefined) await decl.process?.(params, ctx);
  else for (const item of input) await decl.process?.({ ...params, InputObject: item }, ctx);
  await decl.end?.(params, ctx);
  return { output, errors, hostLines };
}

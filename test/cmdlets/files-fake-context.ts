// A tiny CmdletContext for the file cmdlet tests: a real LabDrive on a temp folder, the
// pipeline and error streams collected, ShouldProcess/ShouldContinue scripted.

import * as fs from 'node:fs';
import { declaredDefaults, RunState, type CmdletContext, type CmdletDeclaration, type SessionServices } from '../../src/protocol/cmdlet.js';
import { commandTypeName, ErrorRecord, TerminatingError } from '../../src/protocol/errors.js';
import type { Host } from '../../src/protocol/host.js';
import { LabDrive } from '../../src/store/lab-drive.js';
import { tempDir } from '../helpers/temp.js';

export const LAB_TIME = new Date(2026, 10, 26, 23, 46, 22);

export interface FakeLab {
  home: string;
  drive: LabDrive;
  location: string;
  cleanup(): void;
}

export function makeLab(): FakeLab {
  const home = tempDir('emsh-files-');
  const drive = new LabDrive({
    home,
    lab: 'test',
    machine: () => 'EX01',
    knownMachines: () => ['EX01', 'EDGE01'],
    now: () => LAB_TIME,
  });
  return { home, drive, location: 'C:\\Windows\\system32', cleanup: () => fs.rmSync(home, { recursive: true, force: true }) };
}

export interface RunOptions {
  /** Per pipeline object: the parameters the binder would bind for it. */
  pipeline?: Record<string, unknown>[];
  whatIf?: boolean;
  /** ShouldContinue's answer; undefined → a non-interactive prompt error. */
  continueAnswer?: boolean;
}

export interface RunResult {
  output: unknown[];
  errors: ErrorRecord[];
  whatIf: string[];
  prompts: string[];
  /** The terminating error, if the command stopped with one. */
  terminating?: ErrorRecord;
}

export async function run(
  lab: FakeLab,
  decl: CmdletDeclaration,
  params: Record<string, unknown>,
  opts: RunOptions = {},
): Promise<RunResult> {
  const result: RunResult = { output: [], errors: [], whatIf: [], prompts: [] };
  const session: SessionServices = {
    getVariable: () => null,
    setVariable: () => {},
    hasVariable: () => false,
    commands: () => [],
    resolveCommand: () => undefined,
    history: () => [],
    getLocation: () => lab.location,
    setLocation: (p) => {
      lab.location = p;
    },
    machine: 'EX01',
    startTranscript: () => {},
    stopTranscript: () => undefined,
  };
  const state = new RunState();
  const ctx: CmdletContext = {
    runState: (key, init) => state.get(key, init),
    commandName: decl.name,
    invocationName: decl.name,
    parameterSetName: params.LiteralPath !== undefined ? 'LiteralPath' : (decl.defaultParameterSet ?? 'Path'),
    bound: new Set(Object.keys(params)),
    expectingInput: opts.pipeline !== undefined,
    write(value, enumerate) {
      if (enumerate && Array.isArray(value)) result.output.push(...value);
      else result.output.push(value);
    },
    writeError(record) {
      result.errors.push(record);
    },
    writeWarning() {},
    writeVerbose() {},
    writeDebug() {},
    writeHost() {},
    writeInformation() {},
    error(init) {
      return new ErrorRecord({ ...init, commandFullName: commandTypeName(decl.name) });
    },
    fail(record) {
      throw new TerminatingError(record);
    },
    async shouldProcess(target, action) {
      if (opts.whatIf) {
        result.whatIf.push(`What if: Performing the operation "${action ?? decl.name}" on target "${target}".`);
        return false;
      }
      return true;
    },
    async shouldContinue(query) {
      result.prompts.push(query);
      if (opts.continueAnswer === undefined) throw new Error('prompt in a non-interactive host');
      return opts.continueAnswer;
    },
    async invoke() {
      return [];
    },
    host: { interactive: false, width: 120 } as Host,
    session,
    fs: lab.drive,
    services: { get: () => { throw new Error('no services'); }, tryGet: () => undefined },
    now: () => LAB_TIME,
    signal: new AbortController().signal,
  };
  try {
    // As the binder does: unbound parameters have their declared defaults.
    params = { ...declaredDefaults(decl), ...params };
    await decl.begin?.(params, ctx);
    if (opts.pipeline) for (const p of opts.pipeline) await decl.process?.({ ...params, ...p }, ctx);
    else await decl.process?.(params, ctx);
    await decl.end?.(params, ctx);
  } catch (err) {
    if (err instanceof TerminatingError) result.terminating = err.record;
    else throw err;
  }
  return result;
}

/** Writes a file on the drive directly (test setup). */
export function put(lab: FakeLab, p: string, content: string | Uint8Array): void {
  const r = lab.drive.resolve(p, lab.location);
  const parent = lab.drive.resolve('..', r.display);
  lab.drive.mkdir(parent);
  lab.drive.writeBytes(r, typeof content === 'string' ? new TextEncoder().encode(content) : content);
}

export function read(lab: FakeLab, p: string): Uint8Array {
  return lab.drive.readBytes(lab.drive.resolve(p, lab.location));
}

export function readText(lab: FakeLab, p: string): string {
  return new TextDecoder().decode(read(lab, p));
}

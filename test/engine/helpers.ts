// Test doubles for the engine: an in-memory lab drive, a recording host, a plain renderer,
// and a few small cmdlets that record what the engine does with them.

import { defineCmdlet, type CmdletDeclaration, type FileEntry, type LabFileSystem, type ResolvedPath } from '../../src/protocol/cmdlet.js';
import { ErrorRecord, TerminatingError } from '../../src/protocol/errors.js';
import type { Host, HostChoice, HostField, LineKind, OutputRenderer } from '../../src/protocol/host.js';
import { toDisplayText } from '../../src/protocol/values.js';
import { Session, type SessionOptions } from '../../src/engine/session.js';

// ---------------------------------------------------------------------------------------------
// A lab drive in memory: Windows paths, case-insensitive.

export class MemoryFs implements LabFileSystem {
  readonly files = new Map<string, { display: string; data: Uint8Array; dir: boolean }>();

  constructor(readonly machine = 'EX01') {
    for (const d of ['C:\\', 'C:\\Windows', 'C:\\Windows\\system32', 'C:\\scripts', 'C:\\temp']) this.mkdir(this.resolve(d, 'C:\\'));
  }

  resolve(path: string, location: string): ResolvedPath {
    let full = /^[a-z]:/i.test(path) ? path : `${location.replace(/\\$/, '')}\\${path}`;
    full = full.replace(/\//g, '\\');
    const parts: string[] = [];
    for (const seg of full.split('\\')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') {
        if (parts.length > 1) parts.pop();
        continue;
      }
      parts.push(seg);
    }
    const drive = parts[0]!.toUpperCase();
    const display = parts.length === 1 ? `${drive}\\` : [drive, ...parts.slice(1)].join('\\');
    return { display, hostPath: '/mem/' + display.toLowerCase(), machine: this.machine };
  }

  private key(p: ResolvedPath): string {
    return p.display.toLowerCase();
  }

  exists(p: ResolvedPath): boolean {
    return this.files.has(this.key(p));
  }

  stat(p: ResolvedPath): FileEntry | undefined {
    const f = this.files.get(this.key(p));
    if (!f) return undefined;
    return { name: f.display.split('\\').pop() ?? '', path: p, isDirectory: f.dir, length: f.data.length, lastWriteTime: new Date(0) };
  }

  list(dir: ResolvedPath): FileEntry[] {
    const prefix = this.key(dir).replace(/\\$/, '') + '\\';
    return [...this.files.entries()]
      .filter(([k]) => k.startsWith(prefix) && !k.slice(prefix.length).includes('\\'))
      .map(([, f]) => this.stat(this.resolve(f.display, 'C:\\'))!);
  }

  readBytes(p: ResolvedPath): Uint8Array {
    const f = this.files.get(this.key(p));
    if (!f || f.dir) {
      throw new TerminatingError(
        new ErrorRecord({ message: `Could not find file '${p.display}'.`, errorId: 'FileNotFoundException', category: 'ObjectNotFound', exceptionType: 'FileNotFoundException' }),
      );
    }
    return f.data;
  }

  writeBytes(p: ResolvedPath, data: Uint8Array, append?: boolean): void {
    const old = this.files.get(this.key(p));
    const merged = append && old ? new Uint8Array([...old.data, ...data]) : data;
    this.files.set(this.key(p), { display: p.display, data: merged, dir: false });
  }

  mkdir(p: ResolvedPath): void {
    this.files.set(this.key(p), { display: p.display, data: new Uint8Array(), dir: true });
  }

  remove(p: ResolvedPath): void {
    this.files.delete(this.key(p));
  }

  copy(from: ResolvedPath, to: ResolvedPath): void {
    this.writeBytes(to, this.readBytes(from));
  }

  move(from: ResolvedPath, to: ResolvedPath): void {
    this.copy(from, to);
    this.remove(from);
  }

  setReadOnly(): void {}

  stream(p: ResolvedPath, name: string): ResolvedPath {
    return { ...p, display: `${p.display}:${name}`, hostPath: `${p.hostPath}:${name}`, stream: name };
  }

  streams(): [] {
    return [];
  }

  /** Test helpers. */
  writeText(path: string, text: string): void {
    this.writeBytes(this.resolve(path, 'C:\\'), new Uint8Array(Buffer.from(text, 'utf8')));
  }

  readText(path: string): string {
    const data = this.readBytes(this.resolve(path, 'C:\\'));
    if (data[0] === 0xff && data[1] === 0xfe) return Buffer.from(data.subarray(2)).toString('utf16le');
    return Buffer.from(data).toString('utf8');
  }
}

// ---------------------------------------------------------------------------------------------
// A host that records lines and answers prompts from queues.

export class FakeHost implements Host {
  readonly lines: { text: string; kind: LineKind }[] = [];
  readonly choicePrompts: { caption: string; message: string; choices: HostChoice[] }[] = [];
  readonly fieldPrompts: { caption: string; message: string; fields: HostField[] }[] = [];
  choiceAnswers: number[] = [];
  fieldAnswers: (Record<string, unknown> | null)[] = [];
  private partial = '';

  constructor(
    readonly interactive = false,
    readonly width = 120,
  ) {}

  write(text: string, kind: LineKind = 'output'): void {
    this.partial += text;
    void kind;
  }

  writeLine(text: string, kind: LineKind = 'output'): void {
    this.lines.push({ text: this.partial + text, kind });
    this.partial = '';
  }

  async promptForChoice(caption: string, message: string, choices: HostChoice[], defaultChoice: number): Promise<number> {
    if (!this.interactive) {
      throw new TerminatingError(
        new ErrorRecord({
          message: 'Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
          errorId: 'System.Management.Automation.Host.HostException',
          category: 'ResourceUnavailable',
          exceptionType: 'HostException',
        }),
      );
    }
    this.choicePrompts.push({ caption, message, choices });
    return this.choiceAnswers.shift() ?? defaultChoice;
  }

  async prompt(caption: string, message: string, fields: HostField[]): Promise<Record<string, unknown> | null> {
    this.fieldPrompts.push({ caption, message, fields });
    return this.fieldAnswers.shift() ?? null;
  }

  async readLine(): Promise<string | null> {
    return null;
  }

  clear(): void {}

  /** All lines as text, joined by newlines. */
  text(kind?: LineKind): string {
    return this.lines.filter((l) => !kind || l.kind === kind).map((l) => l.text).join('\n');
  }
}

/** Prints objects as their display text and errors as their message (no layout): engine tests only. */
export const plainRenderer: OutputRenderer = {
  outDefault(_width, emit) {
    return { write: (v) => emit(v instanceof ErrorRecord ? `ERR: ${v.message}` : toDisplayText(v)), end: () => undefined };
  },
  errorLines(record) {
    return [`${record.invocation?.invocationName ? record.invocation.invocationName + ' : ' : ''}${record.message}`];
  },
};

// ---------------------------------------------------------------------------------------------
// Test cmdlets

/** Calls recorded by Trace-Stage, in order. */
export const traceLog: string[] = [];

/** `Trace-Stage <name>`: logs begin/process/end and passes input through. */
export const traceStage = defineCmdlet({
  name: 'Trace-Stage',
  synopsis: 'Records pipeline calls.',
  description: '',
  parameters: {
    Name: { type: 'String', sets: { __AllParameterSets: { position: 0 } } },
    InputObject: { type: 'Object', sets: { __AllParameterSets: { fromPipeline: true } } },
  },
  examples: [],
  begin(p) {
    traceLog.push(`${p.Name}:begin`);
  },
  process(p, ctx) {
    traceLog.push(`${p.Name}:process:${toDisplayText(p.InputObject)}`);
    if (p.InputObject !== undefined && p.InputObject !== null) ctx.write(p.InputObject);
  },
  end(p) {
    traceLog.push(`${p.Name}:end`);
  },
});

/** `Emit-Numbers -Count n`: writes 1..n, logging each write. */
export const emitNumbers = defineCmdlet({
  name: 'Emit-Numbers',
  synopsis: '',
  description: '',
  parameters: { Count: { type: 'Int32', sets: { __AllParameterSets: { position: 0 } } } },
  examples: [],
  process(p, ctx) {
    for (let i = 1; i <= (p.Count ?? 3); i++) {
      traceLog.push(`emit:${i}`);
      ctx.write(i);
    }
  },
});

/** `Fail-Item <name> [-Terminating]`: a non-terminating (or terminating) error naming the item. */
export const failItem = defineCmdlet({
  name: 'Fail-Item',
  synopsis: '',
  description: '',
  parameters: {
    Name: { type: 'String', sets: { __AllParameterSets: { position: 0, fromPipeline: true } } },
    Terminating: { type: 'Switch' },
  },
  examples: [],
  process(p, ctx) {
    const rec = ctx.error({
      message: `Cannot find path '${p.Name}' because it does not exist.`,
      errorId: 'PathNotFound',
      category: 'ObjectNotFound',
      exceptionType: 'ItemNotFoundException',
      targetObject: p.Name,
    });
    if (p.Terminating) ctx.fail(rec);
    ctx.writeError(rec);
    ctx.write(`after ${p.Name}`);
  },
});

/** `Remove-Thing <name>`: ShouldProcess with ConfirmImpact High. */
export const removeThing = defineCmdlet({
  name: 'Remove-Thing',
  synopsis: '',
  description: '',
  supportsShouldProcess: true,
  confirmImpact: 'High',
  parameters: { Name: { type: 'String', sets: { __AllParameterSets: { position: 0, fromPipeline: true, mandatory: true } } } },
  examples: [],
  async process(p, ctx) {
    if (await ctx.shouldProcess(p.Name, 'Remove Thing')) ctx.write(`removed ${p.Name}`);
  },
});

/** `Write-Stuff`: one object of each side stream. */
export const writeStuff = defineCmdlet({
  name: 'Write-Stuff',
  synopsis: '',
  description: '',
  parameters: {},
  examples: [],
  process(_p, ctx) {
    ctx.write('out');
    ctx.writeWarning('careful');
    ctx.writeVerbose('details');
    ctx.writeHost('to host');
  },
});

/** `Invoke-Block { }`: runs a block per pipeline object (like ForEach-Object) through ctx.invoke. */
export const invokeBlock = defineCmdlet({
  name: 'Invoke-Block',
  synopsis: '',
  description: '',
  parameters: {
    Process: { type: 'ScriptBlock', sets: { __AllParameterSets: { position: 0 } } },
    InputObject: { type: 'Object', sets: { __AllParameterSets: { fromPipeline: true } } },
  },
  examples: [],
  async process(p, ctx) {
    if (!p.Process) return;
    const out = await ctx.invoke(p.Process, { dollarUnder: p.InputObject });
    ctx.write(out, true);
  },
});

/** `Sum-Input`: sums its input in end (like Measure-Object -Sum). */
export const sumInput = defineCmdlet({
  name: 'Sum-Input',
  synopsis: '',
  description: '',
  parameters: { InputObject: { type: 'Object', sets: { __AllParameterSets: { fromPipeline: true } } } },
  examples: [],
  begin() {
    sums.total = 0;
  },
  process(p) {
    sums.total += Number(p.InputObject);
  },
  end(_p, ctx) {
    ctx.write(sums.total);
  },
});
const sums = { total: 0 };

/** `Need-Name -Name <x>`: a mandatory parameter, for prompting. */
export const needName = defineCmdlet({
  name: 'Need-Name',
  synopsis: '',
  description: '',
  parameters: { Name: { type: 'String', sets: { __AllParameterSets: { mandatory: true, position: 0 } } } },
  examples: [],
  process(p, ctx) {
    ctx.write(`hello ${p.Name}`);
  },
});

/** `Throw-Js`: an internal bug. */
export const throwJs = defineCmdlet({
  name: 'Throw-Js',
  synopsis: '',
  description: '',
  parameters: {},
  examples: [],
  process() {
    throw new TypeError('oops');
  },
});

export const testCmdlets = [traceStage, emitNumbers, failItem, removeThing, writeStuff, invokeBlock, sumInput, needName, throwJs];

export interface TestShell {
  session: Session;
  host: FakeHost;
  fs: MemoryFs;
  /** Runs text through execute() and returns what the host printed (all kinds). */
  run(text: string, opts?: { file?: string; args?: string[] }): Promise<string>;
  /** evaluate(): output objects and error records. */
  eval(text: string): Promise<{ output: unknown[]; errors: ErrorRecord[] }>;
}

export function testShell(opts: { interactive?: boolean; cmdlets?: CmdletDeclaration[]; renderer?: OutputRenderer; extra?: Partial<SessionOptions> } = {}): TestShell {
  const host = new FakeHost(opts.interactive ?? false);
  const fs = new MemoryFs();
  const session = new Session({
    cmdlets: opts.cmdlets ?? testCmdlets,
    host,
    renderer: opts.renderer ?? plainRenderer,
    fs,
    machine: 'EX01',
    now: () => new Date(2026, 10, 26, 9, 30, 0),
    ...opts.extra,
  });
  return {
    session,
    host,
    fs,
    async run(text, runOpts) {
      const start = host.lines.length;
      await session.execute(text, runOpts);
      return host.lines.slice(start).map((l) => l.text).join('\n');
    },
    eval: (text) => session.evaluate(text),
  };
}

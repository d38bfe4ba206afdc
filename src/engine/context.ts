// The CmdletContext a running cmdlet gets: output, the side streams (honouring -ErrorAction,
// -WarningAction, -Verbose and the preference variables), error records with the command's
// position, ShouldProcess/ShouldContinue, and script block invocation.

import type { Span } from '../../grammar/ast.js';
import {
  RunState,
  type CallStackEntry,
  type AddTypeOutcome,
  type AddTypeRequest,
  type CmdletContext,
  type CmdletDeclaration,
  type InvokeOptions,
  type LabFileSystem,
  type ServiceRegistry,
  type SessionServices,
  type StateKey,
} from '../protocol/cmdlet.js';
import {
  ErrorRecord,
  PipelineStoppedError,
  TerminatingError,
  commandTypeName,
  preferenceStopException,
  type ErrorCategory,
  type ErrorRecordInit,
  type InvocationInfo,
} from '../protocol/errors.js';
import type { Host, HostChoice, HostStyle } from '../protocol/host.js';
import { PSObject, isTruthy, type ScriptBlockValue } from '../protocol/values.js';
import { HostInformationMessage, InformationRecord, InformationalRecord, type MessageStream } from '../protocol/stream-records.js';
import { invocationInfoObject } from '../protocol/members.js';
import { SHELL_PROCESS_ID } from './automatic-variables.js';
import type { CommonParameterValues } from './binder.js';
import type { Interpreter } from './evaluate.js';
import type { Scope } from './scope.js';
import type { Frame, Pipe } from './runtime.js';
import { NULL_PIPE, appendErrorVariables } from './runtime.js';
import { constructObject } from './dotnet-objects.js';
import { callStackEntries } from './call-stack.js';
import { addTypes } from './add-type.js';
import { exceptionValue, resolveTypeName } from '../protocol/convert.js';
import { isPromise, noop, type MaybePromise } from './signals.js';

/** The five choices of the ShouldProcess confirmation, with 5.1's help texts. */
/** The index of [S] Suspend among CONFIRM_CHOICES. */
const SUSPEND = 4;

export const CONFIRM_CHOICES: HostChoice[] = [
  { label: '&Yes', help: 'Continue with only the next step of the operation.' },
  { label: 'Yes to &All', help: 'Continue with all the steps of the operation.' },
  { label: '&No', help: 'Skip this operation and proceed with the next operation.' },
  { label: 'No to A&ll', help: 'Skip this operation and all subsequent operations.' },
  { label: '&Suspend', help: 'Pause the current pipeline and return to the command prompt. Type "exit" to resume the pipeline.' },
];

const IMPACT: Record<string, number> = { none: 0, low: 1, medium: 2, high: 3 };

/** The ActionPreferenceStopException text, for -WarningAction Stop. */
export function preferenceStopRecord(preference: string, message: string): ErrorRecord {
  return new ErrorRecord({
    message: `The running command stopped because the preference variable "${preference}" or common parameter is set to Stop: ${message}`,
    errorId: 'ActionPreferenceStop',
    category: 'OperationStopped',
    exceptionType: 'ActionPreferenceStopException',
  });
}

export interface ContextInit {
  decl: CmdletDeclaration;
  frame: Frame;
  invocationName: string;
  /** The command's extent, for error positions. */
  span: Span;
  expectingInput: boolean;
  common: CommonParameterValues;
  bound: ReadonlySet<string>;
  parameterSetName: string;
  /** The FQID's command part when it is not the cmdlet's .NET type (an advanced function's $PSCmdlet: its name). */
  commandFullName?: string;
}

export class CommandContext implements CmdletContext {
  readonly commandName: string;
  readonly invocationName: string;
  parameterSetName: string;
  bound: ReadonlySet<string>;
  readonly expectingInput: boolean;
  readonly host: Host;
  readonly fs: LabFileSystem;
  readonly services: ServiceRegistry;
  readonly signal: AbortSignal;
  readonly session: SessionServices;

  out: Pipe = NULL_PIPE;
  common: CommonParameterValues;
  /** -OutVariable / -ErrorVariable / -WarningVariable lists, live in the caller's scope. */
  outVariable?: unknown[];
  errorVariable?: unknown[];
  warningVariable?: unknown[];
  informationVariable?: unknown[];

  private readonly decl: CmdletDeclaration;
  private readonly frame: Frame;
  private readonly span: Span;
  private pending: Promise<void> | null = null;
  private readonly state = new RunState();
  private yesToAll = false;
  private noToAll = false;

  runState<T>(key: StateKey<T>, init: () => T): T {
    return this.state.get(key, init);
  }

  constructor(
    private readonly interp: Interpreter,
    private readonly init: ContextInit,
    session: SessionServices,
  ) {
    const rt = interp.rt;
    this.decl = init.decl;
    this.frame = init.frame;
    this.span = init.span;
    this.commandName = init.decl.name;
    this.invocationName = init.invocationName;
    this.parameterSetName = init.parameterSetName;
    this.bound = init.bound;
    this.expectingInput = init.expectingInput;
    this.common = init.common;
    this.host = rt.host;
    this.fs = rt.fs;
    this.services = rt.services;
    this.signal = rt.abort.signal;
    this.session = session;
  }

  now(): Date {
    return this.interp.rt.now();
  }

  /** Set by stopUpstream(); the pipeline stage acts on it when the current call returns. */
  stopRequested = false;

  stopUpstream(): void {
    this.stopRequested = true;
  }

  // ---------------------------------------------------------------------------------------
  // Output. write() is synchronous for the cmdlet; when the next stage is asynchronous the
  // objects queue up in order and the stage awaits them (flush) before its next call.

  write(value: unknown, enumerate?: boolean): void {
    if (value === undefined) return;
    if (enumerate && Array.isArray(value)) {
      for (const v of value) this.push(v);
    } else {
      this.push(value);
    }
  }

  private push(value: unknown): void {
    this.outVariable?.push(value);
    // What the next command (or the screen) gets reflects a saved lab.
    this.interp.rt.commit(false);
    this.enqueue(() => this.out.write(value));
  }

  private enqueue(job: () => MaybePromise<void>): void {
    if (this.pending) {
      const p = this.pending.then(job);
      p.catch(noop);
      this.pending = p;
      return;
    }
    const r = job();
    if (isPromise(r)) {
      r.catch(noop);
      this.pending = r as Promise<void>;
    }
  }

  /** Waits for queued output; undefined when nothing is pending (no await needed). */
  flush(): MaybePromise<void> {
    if (!this.pending) return;
    return this.drain();
  }

  private async drain(): Promise<void> {
    while (this.pending) {
      const p = this.pending;
      this.pending = null;
      await p;
    }
  }

  // ---------------------------------------------------------------------------------------
  // Side streams

  private pref(name: string, fallback: string): string {
    return this.interp.rt.preference(this.frame.scope, name, fallback).toLowerCase();
  }

  writeError(record: ErrorRecord): void {
    if (!record.invocation) {
      record.invocation = this.invocation();
      record.commandFullName ??= this.commandFullName();
      record.activity ??= this.decl.name;
    }
    const action = (this.common.errorAction ?? this.pref('ErrorActionPreference', 'Continue')).toLowerCase();
    // Ignore leaves no trace, not even in -ErrorVariable.
    if (action === 'ignore') return;
    // -ErrorAction Stop: the error becomes terminating; catch sees the original record, and
    // -ErrorVariable gets the ActionPreferenceStopException around it (5.1's ManageException).
    if (action === 'stop') {
      const exception = exceptionValue(preferenceStopException(record), record);
      this.errorVariable?.push(exception);
      appendErrorVariables(this.frame.streams, exception);
      const stop = new TerminatingError(record);
      stop.preferenceStop = true;
      throw stop;
    }
    this.errorVariable?.push(record);
    appendErrorVariables(this.frame.streams, record);
    const rt = this.interp.rt;
    rt.recordError(record);
    rt.errorCount++;
    if (action === 'silentlycontinue') return;
    const streams = this.frame.streams;
    this.enqueue(() => streams.error(record));
  }

  /**
   * A side stream's record. Its InvocationInfo is the one given (Write-Verbose and its kin pass
   * the calling script's $MyInvocation) or this command's own.
   */
  private messageRecord(stream: MessageStream, message: string, invocationInfo: unknown): InformationalRecord {
    const own = () => invocationInfoObject(this.invocation());
    return new InformationalRecord(stream, message, invocationInfo instanceof PSObject ? () => invocationInfo : own);
  }

  writeWarning(message: string, invocationInfo?: unknown): void {
    const action = (this.common.warningAction ?? this.pref('WarningPreference', 'Continue')).toLowerCase();
    const record = this.messageRecord('Warning', message, invocationInfo);
    // -WarningVariable gets the record whatever the action (5.1's AppendWarningVarList).
    this.warningVariable?.push(record);
    if (action === 'silentlycontinue' || action === 'ignore') return;
    this.frame.streams.warning(record);
    if (action === 'stop') throw new TerminatingError(preferenceStopRecord('WarningPreference', message));
  }

  writeVerbose(message: string, invocationInfo?: unknown): void {
    const on = this.common.verbose ?? isOn(this.pref('VerbosePreference', 'SilentlyContinue'));
    if (on) this.frame.streams.verbose(this.messageRecord('Verbose', message, invocationInfo));
  }

  writeDebug(message: string, invocationInfo?: unknown): void {
    const on = this.common.debug ?? isOn(this.pref('DebugPreference', 'SilentlyContinue'));
    if (on) this.frame.streams.debug(this.messageRecord('Debug', message, invocationInfo));
  }

  /** An InformationRecord made by this command: its Source is the calling script's path, else the command's name. */
  private informationRecord(data: unknown, tags: readonly string[]): InformationRecord {
    const rt = this.interp.rt;
    return new InformationRecord(data, tags, {
      user: `${rt.getEnv('USERDOMAIN') ?? ''}\\${rt.getEnv('USERNAME') ?? ''}`,
      computer: rt.machine,
      processId: SHELL_PROCESS_ID,
      time: rt.now(),
      source: this.frame.source.file ?? this.decl.name,
    });
  }

  writeHost(text: string, options?: HostStyle & { noNewline?: boolean }): void {
    const message = new HostInformationMessage(text, options?.noNewline === true, options?.foreground, options?.background);
    const record = this.informationRecord(message, ['PSHOST']);
    this.informationVariable?.push(record);
    this.frame.streams.information(record);
  }

  writeInformation(data: unknown, tags: readonly string[] = []): void {
    const action = (this.common.informationAction ?? this.pref('InformationPreference', 'SilentlyContinue')).toLowerCase();
    if (action === 'ignore') return;
    const record = this.informationRecord(data, tags);
    this.informationVariable?.push(record);
    this.frame.streams.information(record, action === 'silentlycontinue');
    if (action === 'stop') throw new TerminatingError(preferenceStopRecord('InformationPreference', record.text()));
  }

  // ---------------------------------------------------------------------------------------
  // Errors

  callStack(): CallStackEntry[] {
    return callStackEntries(this.interp.rt, { source: this.frame.source, span: this.span });
  }

  invocation(): InvocationInfo {
    return { source: this.frame.source, span: this.span, invocationName: this.invocationName, commandName: this.decl.name };
  }

  get callerName(): string | undefined {
    for (let s: Scope | null = this.frame.scope; s && s.kind !== 'global'; s = s.parent) if (s.commandName !== undefined) return s.commandName || undefined;
    return undefined;
  }

  private commandFullName(): string {
    return this.init.commandFullName ?? commandTypeName(this.decl.name, this.decl.typeNamespace);
  }

  error(init: Omit<ErrorRecordInit, 'invocation' | 'commandFullName'> & { category: ErrorCategory }): ErrorRecord {
    return new ErrorRecord({
      ...init,
      activity: init.activity ?? this.decl.name,
      invocation: this.invocation(),
      commandFullName: this.commandFullName(),
    });
  }

  fail(record: ErrorRecord): never {
    throw new TerminatingError(record);
  }

  /**
   * A record raised while this command ran but built without a position (a prompt the
   * non-interactive host refused, a drive failure): it becomes this command's error, with the
   * `Name :` prefix, the command's extent and its FQID, as PowerShell attributes it.
   */
  adopt(record: ErrorRecord): ErrorRecord {
    if (record.invocation) {
      // A runtime error of script this command ran (Invoke-Expression's text) leaves it wrapped in
      // this command's invocation: its FQID names the command. A `throw` and another command's
      // error keep theirs (5.1's CommandProcessorBase.ManageInvocationException).
      if (!record.commandFullName && !record.fromThrow && !record.isParseError && record.errorId !== 'EmshInternalError') record.commandFullName = this.commandFullName();
      return record;
    }
    record.invocation = this.invocation();
    record.commandFullName ??= this.commandFullName();
    record.activity ??= this.decl.name;
    return record;
  }

  // ---------------------------------------------------------------------------------------
  // ShouldProcess / ShouldContinue

  shouldProcess(target: string, action?: string): Promise<boolean> {
    return this.confirmOperation(`Performing the operation "${action ?? this.decl.name}" on target "${target}".`);
  }

  /** Exchange's form: the whole description is the operation text. */
  shouldProcessDescription(description: string): Promise<boolean> {
    return this.confirmOperation(description);
  }

  private async confirmOperation(operation: string): Promise<boolean> {
    const whatIf = this.common.whatIf ?? isTruthy(this.frame.scope.lookup('whatifpreference')?.value);
    if (whatIf) {
      this.host.writeLine(`What if: ${operation}`, 'host');
      return false;
    }
    if (this.yesToAll) return true;
    if (this.noToAll) return false;
    // ConfirmImpact None: nothing to confirm, even with -Confirm.
    if (this.decl.confirmImpact === 'None') return true;
    let ask: boolean;
    if (this.common.confirm !== undefined) ask = this.common.confirm;
    else {
      const pref = IMPACT[this.pref('ConfirmPreference', 'High')] ?? 3;
      const impact = IMPACT[(this.decl.confirmImpact ?? 'Medium').toLowerCase()] ?? 2;
      ask = pref > 0 && impact >= pref;
    }
    if (!ask) return true;
    return this.answer(await this.choose(() => this.host.promptForChoice('Confirm', `Are you sure you want to perform this action?\n${operation}`, CONFIRM_CHOICES, 0)));
  }

  /**
   * Asks, and while the answer is [S] Suspend and the host has a nested prompt, opens it
   * ($NestedPromptLevel one higher; `exit` there returns) and asks again, as the console does.
   */
  private async choose(ask: () => Promise<number>): Promise<number> {
    let choice = await ask();
    while (choice === SUSPEND && this.host.enterNestedPrompt) {
      const level = Number(this.session.getVariable('NestedPromptLevel') ?? 0) || 0;
      this.session.setVariable('global:NestedPromptLevel', level + 1);
      try {
        await this.host.enterNestedPrompt();
      } finally {
        this.session.setVariable('global:NestedPromptLevel', level);
      }
      choice = await ask();
    }
    return choice;
  }

  /** Applies a Yes / Yes to All / No / No to All answer. */
  private answer(choice: number): boolean {
    switch (choice) {
      case 0:
        return true;
      case 1:
        this.yesToAll = true;
        return true;
      case 3:
        this.noToAll = true;
        return false;
      case -1:
        throw new PipelineStoppedError();
      default:
        // No (and Suspend on a host without a nested prompt: a script's).
        return false;
    }
  }

  /** ShouldContinue with the yes-to-all / no-to-all choices, as Exchange's questions show them. */
  async shouldContinue(query: string, caption: string): Promise<boolean> {
    if (this.yesToAll) return true;
    if (this.noToAll) return false;
    return this.answer(await this.choose(() => this.host.promptForChoice(caption, query, CONFIRM_CHOICES.slice(0, 4), 0)));
  }

  // ---------------------------------------------------------------------------------------

  scriptMember(block: ScriptBlockValue): ((self: unknown, args: unknown[]) => unknown) | undefined {
    return this.interp.syncMember(block, this.frame);
  }

  async construct(typeName: string, args: unknown[]): Promise<unknown> {
    const full = resolveTypeName(typeName);
    if (!full) return undefined;
    const cls = this.interp.classes.find(full);
    if (cls) return this.interp.classes.construct(cls, args);
    const env = this.interp.staticEnv;
    return constructObject(full, args, { ...env, services: this.services });
  }

  async addType(request: AddTypeRequest): Promise<AddTypeOutcome> {
    return addTypes(this.interp, this.frame, request);
  }

  invoke(block: ScriptBlockValue, options?: InvokeOptions): MaybePromise<unknown[]> {
    return this.interp.invokeForCmdlet(block, this.frame, options);
  }
}

function isOn(pref: string): boolean {
  return pref === 'continue' || pref === 'inquire' || pref === 'stop';
}

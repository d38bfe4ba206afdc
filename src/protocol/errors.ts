// Error records, as PowerShell's ErrorRecord: message, FullyQualifiedErrorId, category,
// target, and where it happened. One renderer (src/format/error-view.ts) prints them.

import type { SourceText, Span } from '../../grammar/ast.js';

/** PowerShell's ErrorCategory names (the subset emsh uses). */
export type ErrorCategory =
  | 'NotSpecified'
  | 'OpenError'
  | 'CloseError'
  | 'DeviceError'
  | 'DeadlockDetected'
  | 'InvalidArgument'
  | 'InvalidData'
  | 'InvalidOperation'
  | 'InvalidResult'
  | 'InvalidType'
  | 'MetadataError'
  | 'NotImplemented'
  | 'NotInstalled'
  | 'ObjectNotFound'
  | 'OperationStopped'
  | 'OperationTimeout'
  | 'SyntaxError'
  | 'ParserError'
  | 'PermissionDenied'
  | 'ResourceBusy'
  | 'ResourceExists'
  | 'ResourceUnavailable'
  | 'ReadError'
  | 'WriteError'
  | 'FromStdErr'
  | 'SecurityError'
  | 'ProtocolError'
  | 'ConnectionError'
  | 'AuthenticationError'
  | 'LimitsExceeded'
  | 'QuotaExceeded'
  | 'NotEnabled';

/** Every ErrorCategory, in the enum's order (its numbers are the positions). */
export const ERROR_CATEGORIES: readonly ErrorCategory[] = [
  'NotSpecified', 'OpenError', 'CloseError', 'DeviceError', 'DeadlockDetected', 'InvalidArgument',
  'InvalidData', 'InvalidOperation', 'InvalidResult', 'InvalidType', 'MetadataError', 'NotImplemented',
  'NotInstalled', 'ObjectNotFound', 'OperationStopped', 'OperationTimeout', 'SyntaxError', 'ParserError',
  'PermissionDenied', 'ResourceBusy', 'ResourceExists', 'ResourceUnavailable', 'ReadError', 'WriteError',
  'FromStdErr', 'SecurityError', 'ProtocolError', 'ConnectionError', 'AuthenticationError',
  'LimitsExceeded', 'QuotaExceeded', 'NotEnabled',
];

/** Where an error happened: the source, the extent to underline, and the command running. */
export interface InvocationInfo {
  source: SourceText;
  span: Span;
  /** The command's name as invoked (`Get-ChildItem`, `gci`), used for the `Name : ` prefix. */
  invocationName?: string;
  /** The command's own name (for the category activity). */
  commandName?: string;
  /** The history id of the command line that was running (-1: none was being added to history). */
  historyId?: number;
}

/**
 * A .NET exception inside another (`InnerException`): `1/0` raises a RuntimeException around a
 * DivideByZeroException, `[int]'x'` one around a PSInvalidCastException around a FormatException.
 * `catch [T]` and `trap [T]` look at the inner exception first (exceptionChain gives the hierarchy).
 */
export interface ExceptionInfo {
  /** Short or full .NET type name, as exceptionType. */
  type: string;
  message: string;
  inner?: ExceptionInfo;
  /** The ErrorRecord a PowerShell exception carries (ActionPreferenceStopException's `.ErrorRecord`). */
  record?: ErrorRecord;
}

export interface ErrorRecordInit {
  message: string;
  /** The error id; the FQID adds `,<command type>` when a command raised it. */
  errorId: string;
  category: ErrorCategory;
  /** The .NET exception type name shown as the reason, e.g. `ParameterBindingException`. */
  exceptionType?: string;
  targetObject?: unknown;
  /** TargetName/TargetType in `(name:type)`; default derived from targetObject. */
  targetName?: string;
  targetType?: string;
  /** The command whose error this is; makes the FQID `id,Microsoft.PowerShell.Commands.XCommand`. */
  commandFullName?: string;
  /** Activity in `[...]`; defaults to the command name. */
  activity?: string;
  /** CategoryInfo.Reason; defaults to the exception's type name (Write-Error -CategoryReason sets it). */
  reason?: string;
  invocation?: InvocationInfo;
  /** True for parse errors: no prefix, position block is part of the message. */
  isParseError?: boolean;
  /** The wrapped JS error of an internal bug, kept for debugging (never printed as a stack). */
  inner?: unknown;
  /** The exception's InnerException. */
  innerException?: ExceptionInfo;
  /** ErrorRecord.ErrorDetails: a message shown instead of the exception's, and a recommended action. */
  errorDetails?: { message: string; recommendedAction: string };
  /** The exception object the record was made from (Write-Error -Exception), when it has members of its own. */
  exceptionObject?: unknown;
}

export class ErrorRecord {
  message: string;
  errorId: string;
  category: ErrorCategory;
  exceptionType: string;
  targetObject: unknown;
  targetName?: string;
  targetType?: string;
  commandFullName?: string;
  activity?: string;
  reason?: string;
  invocation?: InvocationInfo;
  isParseError: boolean;
  inner?: unknown;
  innerException?: ExceptionInfo;
  errorDetails?: { message: string; recommendedAction: string };
  exceptionObject?: unknown;
  /** Set by the engine when the record came from `throw`. */
  fromThrow = false;

  constructor(init: ErrorRecordInit) {
    this.message = init.message;
    this.errorId = init.errorId;
    this.category = init.category;
    this.exceptionType = init.exceptionType ?? 'RuntimeException';
    this.targetObject = init.targetObject ?? null;
    this.targetName = init.targetName;
    this.targetType = init.targetType;
    this.commandFullName = init.commandFullName;
    this.activity = init.activity;
    this.reason = init.reason;
    this.invocation = init.invocation;
    this.isParseError = init.isParseError ?? false;
    this.inner = init.inner;
    this.innerException = init.innerException;
    this.errorDetails = init.errorDetails;
    this.exceptionObject = init.exceptionObject;
  }

  /**
   * The record as `$_` of the handler that matched one of its inner exceptions: the same error
   * (id, category, target, position) with that exception in it (PowerShell's ErrorRecord(record, exception)).
   */
  /** A copy with the same fields (Write-Error -ErrorRecord -Category* changes the copy, not $Error's record). */
  copy(): ErrorRecord {
    const r = new ErrorRecord(this);
    r.fromThrow = this.fromThrow;
    return r;
  }

  withException(e: ExceptionInfo): ErrorRecord {
    const r = new ErrorRecord({
      message: e.message,
      errorId: this.errorId,
      category: this.category,
      exceptionType: e.type,
      targetObject: this.targetObject,
      targetName: this.targetName,
      targetType: this.targetType,
      commandFullName: this.commandFullName,
      activity: this.activity,
      invocation: this.invocation,
      innerException: e.inner,
    });
    r.fromThrow = this.fromThrow;
    return r;
  }

  /** CategoryInfo.Reason: as set, else the exception type's short name (`ArgumentNullException`). */
  get categoryReason(): string {
    return this.reason ?? this.exceptionType.slice(this.exceptionType.lastIndexOf('.') + 1);
  }

  get fullyQualifiedErrorId(): string {
    return this.commandFullName ? `${this.errorId},${this.commandFullName}` : this.errorId;
  }

  /** PowerShell's `$_.ToString()` / `"$_"` of an ErrorRecord is the message. */
  toString(): string {
    return this.message;
  }

  get typeNames(): string[] {
    return ['System.Management.Automation.ErrorRecord', 'System.Object'];
  }
}

/** The ActionPreferenceStopException that -ErrorAction Stop raises around an error (its `.ErrorRecord`). */
export function preferenceStopException(record: ErrorRecord): ExceptionInfo {
  return {
    type: 'ActionPreferenceStopException',
    message: `The running command stopped because the preference variable "ErrorActionPreference" or common parameter is set to Stop: ${record.message}`,
    record,
  };
}

/**
 * Thrown (as a JS exception) to carry a terminating error through the engine.
 * `catch` in a script receives `record`.
 */
export class PipelineStoppedError extends Error {
  constructor() {
    super('The pipeline has been stopped.');
  }
}

export class TerminatingError extends Error {
  /**
   * A non-terminating error made terminating by -ErrorAction Stop / $ErrorActionPreference = Stop:
   * PowerShell throws an ActionPreferenceStopException around it, which `catch` can also name.
   */
  preferenceStop = false;
  /**
   * A statement's error made to propagate by $ErrorActionPreference = Stop (the common parameter
   * -ErrorAction Stop of an advanced function sets it there): the pipeline that ran the command
   * reports it as a CmdletInvocationException around the error's own exception.
   */
  escalated = false;
  /** Raised while a cmdlet ran (its ThrowTerminatingError, or an error out of script it ran): a CmdletInvocationException in 5.1. */
  fromCmdlet = false;

  constructor(
    readonly record: ErrorRecord,
    /** Ends the whole script, like `throw` (a change that could not be saved). */
    readonly haltsScript = false,
  ) {
    super(record.message);
  }
}

/**
 * The error factory for code that raises PowerShell errors outside a cmdlet's context (operators,
 * conversions, member access, .NET static members, wildcards, the lab drive): a TerminatingError
 * carrying the record. Defaults are PowerShell's for runtime errors: InvalidOperation and
 * RuntimeException. Cmdlets use ctx.error / ctx.fail, which add the command's position and FQID.
 */
export function runtimeError(
  message: string,
  errorId: string,
  category: ErrorCategory = 'InvalidOperation',
  exceptionType = 'RuntimeException',
  targetObject?: unknown,
): TerminatingError {
  return new TerminatingError(new ErrorRecord({ message, errorId, category, exceptionType, targetObject }));
}

/** Throws runtimeError(...): for expression positions (`x ?? raise(...)`). */
export function raise(message: string, errorId: string, category?: ErrorCategory, exceptionType?: string, targetObject?: unknown): never {
  throw runtimeError(message, errorId, category, exceptionType, targetObject);
}

/** The error with an InnerException (the .NET exception the runtime error wraps). */
export function withInner(err: TerminatingError, inner: ExceptionInfo): TerminatingError {
  err.record.innerException = inner;
  return err;
}

/** Throw from a cmdlet to stop with a terminating error (ctx.fail does this). */
export function terminate(record: ErrorRecord): never {
  throw new TerminatingError(record);
}

/**
 * The short .NET name for a command's implementing type, for FQIDs:
 * `Get-ChildItem` → `Microsoft.PowerShell.Commands.GetChildItemCommand`.
 */
export function commandTypeName(cmdletName: string, namespace = 'Microsoft.PowerShell.Commands'): string {
  // Exchange's task classes carry no `Command` suffix (…SystemConfigurationTasks.GetExchangeCertificate).
  const suffix = namespace.startsWith('Microsoft.Exchange') ? '' : 'Command';
  return `${namespace}.${cmdletName.replace('-', '')}${suffix}`;
}

/**
 * A file on a lab machine's drive as the host names it: `<home>/labs/<lab>/machines/<M>/C/<rest>`.
 * (The layout is src/store/lab-home.ts's; only its shape matters here.)
 */
const DRIVE_HOST_PATH = /^(?:file:\/\/)?\/(?:[^/]+\/)*labs\/[^/]+\/machines\/([^/]+)\/C(\/.*)?$/;
/** An absolute host path (or file: URL) inside a message: a slash-led run of two or more parts. */
const HOST_PATH = /(?<![\w.:/\\-])(?:file:\/\/)?\/[^\s'"`,;()<>]*\/[^\s'"`,;()<>]*/g;

/**
 * A message without the paths of the host machine: a file of a lab drive becomes its lab path
 * (`\\EX2007EE\c$\certs\a.pfx`), any other host path is left out. Internal errors carry
 * JavaScript's messages, and those name host files (`ENOENT: ... open '/home/...'`).
 */
export function withoutHostPaths(message: string): string {
  return message.replace(HOST_PATH, (hostPath) => {
    const m = DRIVE_HOST_PATH.exec(hostPath.replace(/[.:]+$/, ''));
    if (!m) return '<path>';
    const tail = (m[2] ?? '').split('/').filter(Boolean).join('\\');
    return `\\\\${m[1]}\\c$` + (tail ? `\\${tail}` : '');
  });
}

/** An internal JS exception turned into a record, so the session goes on. */
export function internalError(err: unknown, invocation?: InvocationInfo): ErrorRecord {
  const msg = withoutHostPaths(err instanceof Error ? err.message : String(err));
  return new ErrorRecord({
    message: `An internal error occurred in emsh: ${msg}`,
    errorId: 'EmshInternalError',
    category: 'NotSpecified',
    exceptionType: 'InvalidOperationException',
    invocation,
    inner: err,
  });
}

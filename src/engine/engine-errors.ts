// The error records the engine itself raises (not binding errors: those are binding-errors.ts).
// Texts are Windows PowerShell 5.1's.

import type { SourceText, Span } from '../../grammar/ast.js';
import { ErrorRecord, internalError, type ExceptionInfo, type InvocationInfo } from '../protocol/errors.js';
import { toDisplayText, type PSObject } from '../protocol/values.js';

export function at(source: SourceText, span: Span, invocationName?: string, commandName?: string): InvocationInfo {
  return { source, span, invocationName, commandName };
}

export function commandNotFound(name: string, invocation: InvocationInfo): ErrorRecord {
  return new ErrorRecord({
    message:
      `The term '${name}' is not recognized as the name of a cmdlet, function, script file, or operable program. ` +
      'Check the spelling of the name, or if a path was included, verify that the path is correct and try again.',
    errorId: 'CommandNotFoundException',
    category: 'ObjectNotFound',
    exceptionType: 'CommandNotFoundException',
    targetObject: name,
    targetName: name,
    targetType: 'String',
    invocation,
  });
}

export function nullArray(invocation?: InvocationInfo): ErrorRecord {
  return new ErrorRecord({
    message: 'Cannot index into a null array.',
    errorId: 'NullArray',
    category: 'InvalidOperation',
    exceptionType: 'RuntimeException',
    invocation,
  });
}

export function indexOutOfRange(invocation?: InvocationInfo): ErrorRecord {
  return new ErrorRecord({
    message: 'Index was outside the bounds of the array.',
    errorId: 'System.IndexOutOfRangeException',
    category: 'OperationStopped',
    exceptionType: 'IndexOutOfRangeException',
    invocation,
  });
}

export function variableNotWritable(name: string, invocation?: InvocationInfo): ErrorRecord {
  return new ErrorRecord({
    message: `Cannot overwrite variable ${name} because it is read-only or constant.`,
    errorId: 'VariableNotWritable',
    category: 'WriteError',
    exceptionType: 'SessionStateUnauthorizedAccessException',
    targetObject: name,
    targetName: name,
    targetType: 'String',
    invocation,
  });
}

export function typeNotFound(name: string, invocation?: InvocationInfo): ErrorRecord {
  return new ErrorRecord({
    message: `Unable to find type [${name}].`,
    errorId: 'TypeNotFound',
    category: 'InvalidOperation',
    exceptionType: 'RuntimeException',
    targetObject: name,
    targetName: name,
    targetType: 'TypeName',
    invocation,
  });
}

export function duplicateKey(key: string, invocation?: InvocationInfo): ErrorRecord {
  return new ErrorRecord({
    message: `Duplicate keys '${key}' are not allowed in hash literals.`,
    errorId: 'DuplicateKeyInHashLiteral',
    category: 'ParserError',
    exceptionType: 'ParseException',
    invocation,
  });
}

/** `throw <value>`: RuntimeException whose message (and error id) is the value's text. */
export function thrownRecord(value: unknown, invocation?: InvocationInfo): ErrorRecord {
  // `throw`, `throw $null` and a value with no text (`throw ''`, an empty array) all say ScriptHalted.
  const shown = value === null || value === undefined ? '' : toDisplayText(value);
  const text = shown === '' ? 'ScriptHalted' : shown;
  const rec = new ErrorRecord({
    message: text,
    errorId: text,
    category: 'OperationStopped',
    exceptionType: 'RuntimeException',
    targetObject: value ?? null,
    targetName: shown,
    targetType: shown === '' ? '' : 'String',
    invocation,
  });
  rec.fromThrow = true;
  return rec;
}

/**
 * `throw $exception`: an exception PowerShell made (it carries its record, `throw $_.Exception`)
 * is thrown with that record; any other becomes a record around it whose id is its message.
 */
export function thrownException(value: PSObject, e: ExceptionInfo, invocation?: InvocationInfo): ErrorRecord {
  const own = value.get('ErrorRecord');
  if (own instanceof ErrorRecord) {
    own.fromThrow = true;
    return own;
  }
  const exceptionType = e.type.slice(e.type.lastIndexOf('.') + 1);
  const rec = new ErrorRecord({ message: e.message, errorId: e.message, category: 'OperationStopped', exceptionType, innerException: e.inner, invocation });
  rec.fromThrow = true;
  return rec;
}

export function pathNotFound(path: string): ErrorRecord {
  return new ErrorRecord({
    message: `Cannot find path '${path}' because it does not exist.`,
    errorId: 'PathNotFound',
    category: 'ObjectNotFound',
    exceptionType: 'ItemNotFoundException',
    targetObject: path,
    targetName: path,
    targetType: 'String',
  });
}

export function parseErrorRecord(message: string, errorId: string, source: SourceText, span: Span): ErrorRecord {
  return new ErrorRecord({
    message,
    errorId,
    category: 'ParserError',
    // 5.1 shows ParseException for script files, ParentContainsErrorRecordException for typed input.
    exceptionType: source.file ? 'ParseException' : 'ParentContainsErrorRecordException',
    invocation: { source, span },
    isParseError: true,
  });
}

export function hostPromptFailed(message: string): ErrorRecord {
  return new ErrorRecord({
    message,
    errorId: 'System.Management.Automation.Host.HostException',
    category: 'ResourceUnavailable',
    exceptionType: 'HostException',
  });
}

export function promptCanceled(): ErrorRecord {
  return new ErrorRecord({
    message: 'The prompt was canceled.',
    errorId: 'PromptCanceled',
    category: 'OperationStopped',
    exceptionType: 'PipelineStoppedException',
  });
}

/** The limit emsh puts on arrays built by `*` (the same as on ranges): beyond it, a clear error. */
export const MAX_ARRAY_ELEMENTS = 50_000_000;

export function arrayTooBig(): ErrorRecord {
  return new ErrorRecord({
    message: 'The array is too big: emsh supports arrays of up to 50,000,000 elements.',
    errorId: 'ArrayTooBig',
    category: 'LimitsExceeded',
    exceptionType: 'RuntimeException',
  });
}

/** What .NET says when an allocation fails (JS: "Invalid string length" / "Invalid array length"). */
export const OUT_OF_MEMORY_MESSAGE = "Exception of type 'System.OutOfMemoryException' was thrown.";

export function outOfMemory(invocation?: InvocationInfo): ErrorRecord {
  return new ErrorRecord({
    message: OUT_OF_MEMORY_MESSAGE,
    errorId: 'System.OutOfMemoryException',
    category: 'OperationStopped',
    exceptionType: 'OutOfMemoryException',
    invocation,
  });
}

/** A JS allocation failure: a string or array grew beyond what the JS engine can hold. */
export function isAllocationFailure(e: unknown): boolean {
  return e instanceof RangeError && /^Invalid (string|array|typed array) length|Array buffer allocation failed/.test(e.message);
}

/** The JS stack ran out (very deep nesting): .NET's InsufficientExecutionStackException. */
export function insufficientStack(invocation?: InvocationInfo): ErrorRecord {
  return new ErrorRecord({
    message:
      'Insufficient stack to continue executing the program safely. This can happen from having too many functions on the call stack or function on the stack using too much stack space.',
    errorId: 'InsufficientExecutionStackException',
    category: 'NotSpecified',
    exceptionType: 'InsufficientExecutionStackException',
    invocation,
  });
}

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /Maximum call stack size exceeded/.test(e.message);
}

/**
 * Any thrown JS value as a record: allocation failures as .NET's OutOfMemoryException, a JS
 * stack overflow as InsufficientExecutionStackException, the rest as internal errors.
 */
export function jsErrorRecord(e: unknown, invocation?: InvocationInfo): ErrorRecord {
  if (isAllocationFailure(e)) return outOfMemory(invocation);
  if (isStackOverflow(e)) return insufficientStack(invocation);
  return internalError(e, invocation);
}

/** The text of a JS failure inside a .NET-like method or conversion, as the inner .NET message. */
export function innerMessage(e: unknown): string {
  if (isAllocationFailure(e)) return OUT_OF_MEMORY_MESSAGE;
  return e instanceof Error ? e.message : String(e);
}

/** `[T]value` failing inside the conversion itself (a constructor throwing). */
export function castConstructorFailed(value: unknown, typeName: string, inner: string, invocation?: InvocationInfo): ErrorRecord {
  return new ErrorRecord({
    message: `Cannot convert value "${toDisplayText(value)}" to type "${typeName}". Error: "${inner}"`,
    errorId: 'InvalidCastConstructorException',
    category: 'InvalidArgument',
    exceptionType: 'RuntimeException',
    invocation,
  });
}

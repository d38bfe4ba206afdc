// The .NET objects scripts create with `[Type]::new(...)` and New-Object beyond PowerShell's own:
// StringBuilder, ArrayList, List[T], Hashtable, PSObject, Stopwatch, X509Certificate2 (x509-certificate2.ts),
// the host's Coordinates, and `[scriptblock]::Create('...')`.

import type { ScriptBlockAst } from '../../grammar/ast.js';
import { parseScript } from '../../grammar/index.js';
import { formatMessage } from '../../grammar/messages.js';
import { restrictedLanguageErrors } from '../../grammar/restricted-language.js';
import { castError, convertTo, enumInfo, convertToString, exceptionChain, invalidCast, registerClassCast, exceptionInfoOf, exceptionValue, newGenericCollection, shortTypeName, toNumber } from '../protocol/convert.js';
import { ErrorRecord, raise, type ErrorCategory } from '../protocol/errors.js';
import { methodException, overloadError } from '../protocol/members.js';
import { formatString, timeSpan } from '../protocol/operators.js';
import { XmlDocument, XmlNamespaceManager } from '../protocol/xml-dom.js';
import { PSHashtable, PSObject, ScriptBlockValue, isTruthy, markList, toDisplayText, typedArray } from '../protocol/values.js';
import { PSChar } from '../protocol/numbers.js';
import { constructDynamicParameterObject } from './dynamic-parameters.js';
import { INVOCATION_SETTINGS_TYPE, newInvocationSettings } from './powershell-api.js';
import { X509_CERTIFICATE2, newX509Certificate2, type X509Env } from './x509-certificate2.js';
import { STOPWATCH_TYPE, newStopwatch } from './stopwatch.js';
import { cultureInfo } from '../protocol/culture.js';
import { EXTENDED_TYPE_DEFINITION, FORMAT_VIEW_DEFINITION, extendedTypeDefinition, formatViewDefinition } from '../protocol/format-controls.js';
import { VersionValue, parseVersion, versionErrorType, versionParseError } from '../protocol/version.js';

function stringBuilder(initial: string): PSObject {
  let text = initial;
  const o = new PSObject(['System.Text.StringBuilder', 'System.Object']);
  o.addProperty({ name: 'Capacity', memberType: 'Property', typeName: 'System.Int32', get: () => Math.max(16, text.length) });
  o.addProperty({ name: 'MaxCapacity', memberType: 'Property', typeName: 'System.Int32', get: () => 2147483647 });
  o.addProperty({ name: 'Length', memberType: 'Property', typeName: 'System.Int32', get: () => text.length, set: (v) => (text = text.slice(0, toNumber(v)).padEnd(toNumber(v), '\0')) });
  const chain = (name: string, definition: string, f: (args: unknown[]) => void) =>
    o.addMethod({
      name,
      definition,
      invoke: (args) => {
        f(args);
        return o;
      },
    });
  chain('Append', 'System.Text.StringBuilder Append(System.Object value)', (a) => {
    if (a.length === 1) text += toDisplayText(a[0]);
    else if (a.length === 2) text += toDisplayText(a[0]).repeat(Math.max(0, toNumber(a[1])));
    else overloadError('Append', a.length);
  });
  chain('AppendLine', 'System.Text.StringBuilder AppendLine(), System.Text.StringBuilder AppendLine(string value)', (a) => {
    text += (a.length ? toDisplayText(a[0]) : '') + '\r\n';
  });
  chain('AppendFormat', 'System.Text.StringBuilder AppendFormat(string format, System.Object arg0)', (a) => {
    text += formatString(convertToString(a[0]), a.slice(1).length === 1 && Array.isArray(a[1]) ? (a[1] as unknown[]) : a.slice(1));
  });
  chain('Insert', 'System.Text.StringBuilder Insert(int index, string value)', (a) => {
    const i = toNumber(a[0]);
    if (i < 0 || i > text.length) throw methodException('Insert', a.length, 'Index was out of range. Must be non-negative and less than or equal to the size of the collection.\r\nParameter name: index', 'ArgumentOutOfRangeException');
    text = text.slice(0, i) + toDisplayText(a[1]) + text.slice(i);
  });
  chain('Remove', 'System.Text.StringBuilder Remove(int startIndex, int length)', (a) => {
    const i = toNumber(a[0]);
    text = text.slice(0, i) + text.slice(i + toNumber(a[1]));
  });
  chain('Replace', 'System.Text.StringBuilder Replace(string oldValue, string newValue)', (a) => {
    const old = convertToString(a[0]);
    if (old === '') throw methodException('Replace', a.length, 'String cannot be of zero length.\r\nParameter name: oldValue', 'ArgumentException');
    text = text.split(old).join(convertToString(a[1]));
  });
  chain('Clear', 'System.Text.StringBuilder Clear()', () => {
    text = '';
  });
  o.addMethod({ name: 'ToString', definition: 'string ToString(), string ToString(int startIndex, int length)', invoke: (a) => (a.length === 2 ? text.substr(toNumber(a[0]), toNumber(a[1])) : text) });
  return o;
}

/** `[scriptblock]::Create('...')`: the text parsed as a script block; a parse error is a ParseException. */
export function createScriptBlock(args: unknown[]): ScriptBlockValue {
  if (args.length !== 1) overloadError('Create', args.length);
  const text = convertToString(args[0]);
  const parsed = parseScript(text);
  const first = parsed.errors[0];
  if (first) throw methodException('Create', 1, `At line:1 char:${first.span.start + 1}\r\n+ ${text}\r\n${first.message}`, 'ParseException');
  return new ScriptBlockValue(parsed.ast, text);
}

/**
 * `$sb.CheckRestrictedLanguage(commands, variables, allowEnvironmentVariables)`: nothing when the
 * block keeps to the restricted language (grammar/restricted-language.ts), else its first
 * violation as a ParseException.
 */
export function checkRestrictedLanguage(sb: ScriptBlockValue, args: unknown[]): undefined {
  if (args.length !== 3) overloadError('CheckRestrictedLanguage', args.length);
  const names = (v: unknown) => (v === null || v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => toDisplayText(x)));
  const errors = restrictedLanguageErrors(sb.ast as ScriptBlockAst, names(args[0]), names(args[1]), isTruthy(args[2]));
  const first = errors[0];
  if (first) throw methodException('CheckRestrictedLanguage', 3, formatMessage(first.id, first.args), 'ParseException');
  return undefined;
}

/**
 * A new object of a full type name with constructor arguments, or undefined when emsh has no
 * constructor for the type. Certificates are read asynchronously (the PKI code loads on first use).
 */
const COORDINATES = 'System.Management.Automation.Host.Coordinates';

/** A System.Management.Automation.Host.Coordinates (a struct: X and Y, settable; `"x,y"` as text). */
function coordinates(x: unknown, y: unknown): PSObject {
  const o = new PSObject([COORDINATES, 'System.ValueType', 'System.Object']);
  const at = { X: convertTo(x, 'System.Int32'), Y: convertTo(y, 'System.Int32') };
  for (const name of ['X', 'Y'] as const) {
    o.addProperty({ name, memberType: 'Property', typeName: 'System.Int32', get: () => at[name], set: (v) => (at[name] = convertTo(v, 'System.Int32')) });
  }
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => `${String(at.X)},${String(at.Y)}` });
  return o;
}

/**
 * `[T]@{ ... }` for a .NET type with a default constructor: a new instance with the hashtable's
 * properties set; a name it lacks or a value that does not convert is ObjectCreationError.
 */
function castWithProperties(typeName: string, make: () => PSObject): (value: unknown) => unknown {
  return (value) => {
    if (value === null || value === undefined) return null;
    if (value instanceof PSObject && value.typeNames[0] === typeName) return value;
    if (!(value instanceof PSHashtable)) throw castError(value, typeName);
    const obj = make();
    const fail = (why: string) => invalidCast(`Cannot create object of type "${typeName}". ${why}`, 'ObjectCreationError', value);
    for (const [k, v] of value.entries()) {
      const key = toDisplayText(k);
      const p = obj.property(key);
      if (!p?.set) {
        const available = obj.properties().map((x) => `[${x.name} <${x.typeName ?? 'System.Object'}>]`).join(' , ');
        throw fail(`The ${key} property was not found for the ${typeName} object. The available property is: ${available}`);
      }
      try {
        p.set(v);
      } catch (e) {
        throw fail(e instanceof Error ? e.message : String(e));
      }
    }
    return obj;
  };
}

registerClassCast(COORDINATES, castWithProperties(COORDINATES, () => coordinates(0, 0)));

const NUMERIC_VALUE_TYPES = ['System.Int32', 'System.Int64', 'System.Int16', 'System.Byte', 'System.SByte', 'System.UInt16', 'System.UInt32', 'System.UInt64', 'System.Double', 'System.Single', 'System.Decimal'];
/** The value types whose default value `new` makes (`New-Object char` is [char]0). */
const VALUE_DEFAULTS = new Set([...NUMERIC_VALUE_TYPES, 'System.Char', 'System.Boolean']);

/** default(T): 0 of a numeric type, [char]0, $false; $null for a reference type. */
function defaultValue(typeName: string): unknown {
  if (NUMERIC_VALUE_TYPES.includes(typeName)) return convertTo(0, typeName);
  if (typeName === 'System.Char') return new PSChar(0);
  if (typeName === 'System.Boolean') return false;
  return null;
}

export function constructObject(fullName: string, args: unknown[], env: X509Env): unknown {
  // An enum's parameterless constructor (every value type has one) gives the value 0.
  if (args.length === 0 && enumInfo(fullName)) return convertTo(0, fullName);
  const dynamic = constructDynamicParameterObject(fullName, args);
  if (dynamic !== undefined) return dynamic;
  // Generic collections and dictionaries: (IEnumerable<T> collection) copies; (int capacity) and () start empty.
  if (args.length > 1) {
    if (newGenericCollection(fullName, undefined)) overloadError('new', args.length);
  } else {
    const made = newGenericCollection(fullName, args.length === 1 && Array.isArray(args[0]) ? args[0] : undefined);
    if (made) return made;
  }
  // `[int[]]::new(10)`, `New-Object int[] 10`: an array of that many default values.
  if (fullName.endsWith('[]')) {
    if (args.length !== 1) overloadError('new', args.length);
    const n = toNumber(convertTo(args[0], 'System.Int32'));
    if (n < 0) throw methodException('new', 1, 'Arithmetic operation resulted in an overflow.', 'OverflowException');
    const element = fullName.slice(0, -2);
    return typedArray(Array.from({ length: n }, () => defaultValue(element)), element);
  }
  // A value type's parameterless constructor: its default value.
  if (args.length === 0 && VALUE_DEFAULTS.has(fullName)) return defaultValue(fullName);
  switch (fullName.toLowerCase()) {
    case COORDINATES.toLowerCase():
      if (args.length !== 0 && args.length !== 2) overloadError('new', args.length);
      return coordinates(args[0] ?? 0, args[1] ?? 0);
    case 'system.text.stringbuilder':
      if (args.length > 2) overloadError('new', args.length);
      return stringBuilder(args.length && typeof args[0] === 'string' ? args[0] : '');
    case 'system.collections.arraylist': {
      if (args.length > 1) overloadError('new', args.length);
      const items = args.length === 1 && Array.isArray(args[0]) ? [...args[0]] : [];
      return markList(items, { typeName: 'System.Collections.ArrayList', addReturnsIndex: true });
    }
    case 'system.collections.hashtable':
    case 'system.collections.specialized.ordereddictionary': {
      // .NET's default comparer: keys are case-sensitive (unlike @{} and [ordered]@{}).
      const h = new PSHashtable();
      h.caseSensitive = true;
      if (fullName.toLowerCase().endsWith('ordereddictionary')) h.ordered = true;
      return h;
    }
    case 'system.management.automation.psobject':
    case 'system.management.automation.pscustomobject':
    case 'system.object':
      if (args.length === 1 && fullName.toLowerCase().endsWith('psobject')) return args[0] instanceof PSObject ? args[0] : PSObject.wrap(args[0]);
      return new PSObject();
    case 'system.globalization.cultureinfo': {
      if (args.length < 1 || args.length > 2) overloadError('new', args.length);
      const found = cultureInfo(convertToString(args[0]));
      if (found) return found;
      throw methodException('new', args.length, `Culture is not supported.\r\nParameter name: name\r\n${convertToString(args[0])} is an invalid culture identifier.`, 'CultureNotFoundException');
    }
    case INVOCATION_SETTINGS_TYPE.toLowerCase():
      if (args.length) overloadError('new', args.length);
      return newInvocationSettings();
    case 'system.xml.xmldocument':
      return new XmlDocument();
    case 'system.xml.xmlnamespacemanager':
      if (args.length !== 1) overloadError('new', args.length);
      return new XmlNamespaceManager();
    case X509_CERTIFICATE2.toLowerCase():
      return newX509Certificate2(args, env);
    case 'system.management.automation.errorrecord':
      return newErrorRecord(args);
    case FORMAT_VIEW_DEFINITION.toLowerCase(): {
      if (args.length !== 2) overloadError('new', args.length);
      const control = args[1];
      if (!(control instanceof PSObject && control.typeNames.includes('System.Management.Automation.PSControl'))) throw castError(control, 'System.Management.Automation.PSControl');
      return formatViewDefinition(convertToString(args[0]), control);
    }
    case EXTENDED_TYPE_DEFINITION.toLowerCase(): {
      if (args.length < 1 || args.length > 2) overloadError('new', args.length);
      const views = args.length === 2 ? (Array.isArray(args[1]) ? args[1] : [args[1]]) : [];
      return extendedTypeDefinition(convertToString(args[0]), { definitions: views.filter((v): v is PSObject => v instanceof PSObject) });
    }
    case 'system.version':
      return newVersion(args);
    case STOPWATCH_TYPE.toLowerCase():
      return newStopwatch(args);
    case 'system.timespan':
      return newTimeSpan(args);
    case 'system.datetime':
      return newDateTime(args);
  }
  return newException(fullName, args);
}

/** TimeSpan(), (long ticks), (h, m, s), (d, h, m, s), (d, h, m, s, ms). */
function newTimeSpan(args: unknown[]): PSObject {
  const n = args.map(toNumber);
  switch (n.length) {
    case 0:
      return timeSpan(0);
    case 1:
      return timeSpan(n[0]! / 10_000);
    case 3:
      return timeSpan(((n[0]! * 60 + n[1]!) * 60 + n[2]!) * 1000);
    case 4:
    case 5:
      return timeSpan((((n[0]! * 24 + n[1]!) * 60 + n[2]!) * 60 + n[3]!) * 1000 + (n[4] ?? 0));
  }
  overloadError('new', args.length);
}

/** DateTime(), (long ticks), (y, M, d), (y, M, d, h, m, s), (y, M, d, h, m, s, ms): a local time. */
function newDateTime(args: unknown[]): Date {
  const n = args.map(toNumber);
  if (n.length === 0 || n.length === 1) {
    // Ticks count 100 ns from 0001-01-01 on the local clock (members.ts reads them back the same way).
    const ms = ((n[0] ?? 0) - 621355968000000000) / 10_000;
    const d = new Date(ms);
    return new Date(ms + d.getTimezoneOffset() * 60_000);
  }
  if (n.length !== 3 && n.length !== 6 && n.length !== 7) overloadError('new', args.length);
  const [year, month, day, hour = 0, minute = 0, second = 0, ms = 0] = n as [number, number, number, number?, number?, number?, number?];
  const outOfRange = (message: string): never => {
    throw methodException('new', args.length, message, 'ArgumentOutOfRangeException');
  };
  const daysInMonth = new Date(2000, month, 0).getDate() - (month === 2 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 1 : 0);
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth) outOfRange('Year, Month, and Day parameters describe an un-representable DateTime.');
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) outOfRange('Hour, Minute, and Second parameters describe an un-representable DateTime.');
  if (ms < 0 || ms > 999) outOfRange('Valid values are between 0 and 999, inclusive.\r\nParameter name: millisecond');
  const d = new Date(2000, month - 1, day, hour, minute, second, ms);
  // Years below 100 would be read as 19xx.
  d.setFullYear(year);
  return d;
}

/** What .NET's parameterless exception constructors say. */
const DEFAULT_EXCEPTION_MESSAGES: Record<string, string> = {
  ArgumentException: 'Value does not fall within the expected range.',
  ArgumentNullException: 'Value cannot be null.',
  ArgumentOutOfRangeException: 'Specified argument was out of the range of valid values.',
  InvalidOperationException: 'Operation is not valid due to the current state of the object.',
  NotSupportedException: 'Specified method is not supported.',
  NotImplementedException: 'The method or operation is not implemented.',
  DivideByZeroException: 'Attempted to divide by zero.',
  FormatException: 'One of the identified items was in an invalid format.',
};

/** `[ArgumentException]::new()`, `::new('message')`, `::new('message', $inner)`: an exception value. */
function newException(fullName: string, args: unknown[]): PSObject | undefined {
  const chain = exceptionChain(fullName);
  if (chain[chain.length - 1] !== 'Exception' || !/Exception$/.test(fullName)) return undefined;
  if (args.length > 2) overloadError('new', args.length);
  const short = shortTypeName(fullName);
  if (chain.includes('ArgumentException')) return newArgumentException(fullName, short, args);
  const message = args.length ? convertToString(args[0]) : (DEFAULT_EXCEPTION_MESSAGES[short] ?? `Exception of type '${fullName}' was thrown.`);
  return exceptionValue({ type: fullName, message, inner: args.length === 2 ? exceptionInfoOf(args[1]) : undefined });
}

/**
 * ArgumentException and its kin carry ParamName, which their message ends with
 * (`...\r\nParameter name: x`). ArgumentNullException / ArgumentOutOfRangeException take the
 * parameter name first (`(paramName)`, `(paramName, message)`); ArgumentException the message
 * first (`(message, paramName)`); a second argument that is an exception is the inner one.
 */
function newArgumentException(fullName: string, short: string, args: unknown[]): PSObject {
  const inner = args.length === 2 ? exceptionInfoOf(args[1]) : undefined;
  const text = args.map((a) => convertToString(a));
  const nameFirst = short === 'ArgumentNullException' || short === 'ArgumentOutOfRangeException';
  let paramName: string | null = null;
  let message: string;
  if (inner || args.length === 0) message = text[0] ?? DEFAULT_EXCEPTION_MESSAGES[short] ?? `Exception of type '${fullName}' was thrown.`;
  else if (nameFirst) [paramName, message] = [text[0]!, text[1] ?? DEFAULT_EXCEPTION_MESSAGES[short] ?? ''];
  else [message, paramName] = [text[0]!, text[1] ?? null];
  const full = paramName ? `${message}\r\nParameter name: ${paramName}` : message;
  const o = exceptionValue({ type: fullName, message: full, inner });
  o.addNote('ParamName', paramName);
  return o;
}

/** `[ErrorRecord]::new($exception, 'id', 'InvalidArgument', $target)`: a record of that exception. */
function newErrorRecord(args: unknown[]): ErrorRecord {
  if (args.length !== 4) overloadError('new', args.length);
  const ex = exceptionInfoOf(args[0]);
  if (!ex) throw methodException('new', 4, 'Value cannot be null.\r\nParameter name: exception', 'ArgumentNullException');
  const category = convertToString(args[2]) || 'NotSpecified';
  return new ErrorRecord({
    message: ex.message,
    errorId: convertToString(args[1]),
    category: category as ErrorCategory,
    exceptionType: ex.type,
    innerException: ex.inner,
    targetObject: args[3] ?? null,
  });
}

/** Version's constructors: (), (string), (major, minor[, build[, revision]]). */
function newVersion(args: unknown[]): VersionValue {
  if (args.length === 0) return new VersionValue(0, 0);
  if (args.length === 1) {
    const text = convertToString(args[0]);
    const why = versionParseError(text);
    if (why !== undefined) throw methodException('new', 1, why, versionErrorType(why));
    return parseVersion(text)!;
  }
  if (args.length > 4) overloadError('new', args.length);
  const n = args.map((a) => toNumber(convertTo(a, 'System.Int32')));
  if (n.some((x) => x < 0)) throw methodException('new', args.length, 'Version\'s parameters must be greater than or equal to zero.', 'ArgumentOutOfRangeException');
  return new VersionValue(n[0]!, n[1]!, n[2] ?? -1, n[3] ?? -1);
}

/** `[T]::new(...)` for a type emsh cannot construct. */
export function noConstructor(fullName: string): never {
  raise(`Method invocation failed because [${fullName}] does not contain a method named 'new'.`, 'MethodNotFound');
}

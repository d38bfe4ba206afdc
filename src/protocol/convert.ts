// PowerShell's conversion rules (LanguagePrimitives) for casts, -as, arithmetic and binding.
// Values use the representation of values.ts. A cast to an enum (`[AllowedServices]'IIS'`) gives an
// EnumValue; binding a cmdlet's enum parameter gives the canonical name string (convertToEnum:
// flags combinations as `IIS, SMTP`, as .NET's Enum.ToString prints them).

import { VersionValue, parseVersion, versionParseError } from './version.js';
import { closedGeneric, dotnetTypeName, openGenericName, resolveGenericName } from './generic-types.js';
import { cultureInfo } from './culture.js';
import { XmlDocument, XmlException, XmlNode, parseXml } from './xml-dom.js';
import { INVALID_IP_ADDRESS, parseIPAddress } from './ip-address.js';
import { ERROR_CATEGORIES, ErrorRecord, TerminatingError, runtimeError, withInner, type ExceptionInfo } from './errors.js';
import { PSChar, PSDecimal, TypedNumber, convertNumeric, int64, integerOf, parseNumeric, roundHalfEven, uint64 } from './numbers.js';
import type { NumberKind, Numeric } from './numbers.js';
import {
  DelegateValue,
  EnumValue,
  PSHashtable,
  PSObject,
  PSReference,
  PSTypeValue,
  ScriptBlockValue,
  SecureString,
  arrayElementType,
  isTruthy,
  markList,
  numberToString,
  toDisplayText,
  elementText,
  typeNamesOf,
  typedArray,
} from './values.js';

// ---------------------------------------------------------------------------------------------
// Type names

const ACCELERATORS: Record<string, string> = {
  int: 'System.Int32',
  int32: 'System.Int32',
  long: 'System.Int64',
  int64: 'System.Int64',
  int16: 'System.Int16',
  short: 'System.Int16',
  uint32: 'System.UInt32',
  uint16: 'System.UInt16',
  ushort: 'System.UInt16',
  uint64: 'System.UInt64',
  double: 'System.Double',
  float: 'System.Single',
  single: 'System.Single',
  decimal: 'System.Decimal',
  string: 'System.String',
  bool: 'System.Boolean',
  boolean: 'System.Boolean',
  byte: 'System.Byte',
  sbyte: 'System.SByte',
  char: 'System.Char',
  datetime: 'System.DateTime',
  timespan: 'System.TimeSpan',
  object: 'System.Object',
  array: 'System.Array',
  hashtable: 'System.Collections.Hashtable',
  pscustomobject: 'System.Management.Automation.PSCustomObject',
  psobject: 'System.Management.Automation.PSObject',
  scriptblock: 'System.Management.Automation.ScriptBlock',
  switch: 'System.Management.Automation.SwitchParameter',
  securestring: 'System.Security.SecureString',
  pscredential: 'System.Management.Automation.PSCredential',
  regex: 'System.Text.RegularExpressions.Regex',
  type: 'System.Type',
  void: 'System.Void',
  guid: 'System.Guid',
  math: 'System.Math',
  convert: 'System.Convert',
  environment: 'System.Environment',
  xml: 'System.Xml.XmlDocument',
  errorrecord: 'System.Management.Automation.ErrorRecord',
  exception: 'System.Exception',
  actionpreference: 'System.Management.Automation.ActionPreference',
  consolecolor: 'System.ConsoleColor',
  x509certificate: 'System.Security.Cryptography.X509Certificates.X509Certificate',
  x509certificate2: 'System.Security.Cryptography.X509Certificates.X509Certificate2',
  ipaddress: 'System.Net.IPAddress',
  uri: 'System.Uri',
  version: 'System.Version',
  wildcardpattern: 'System.Management.Automation.WildcardPattern',
  cultureinfo: 'System.Globalization.CultureInfo',
  powershell: 'System.Management.Automation.PowerShell',
  runspacefactory: 'System.Management.Automation.Runspaces.RunspaceFactory',
  runspace: 'System.Management.Automation.Runspaces.Runspace',
  ref: 'System.Management.Automation.PSReference',
  initialsessionstate: 'System.Management.Automation.Runspaces.InitialSessionState',
};

/** Full names emsh knows besides the accelerators' targets (looked up with or without `System.`). */
const KNOWN_TYPES = [
  'System.Object', 'System.ValueType', 'System.Enum', 'System.Array', 'System.RuntimeType',
  'System.IO.File', 'System.IO.Path', 'System.IO.Directory', 'System.IO.FileInfo', 'System.IO.DirectoryInfo',
  'System.Text.Encoding', 'System.Text.UnicodeEncoding', 'System.Text.UTF8Encoding', 'System.Text.ASCIIEncoding',
  'System.Collections.ArrayList', 'System.Collections.Specialized.OrderedDictionary', 'System.Collections.IEnumerable', 'System.Collections.IDictionary',
  'System.IComparable', 'System.IDisposable', 'System.ICloneable', 'System.IFormattable', 'System.Collections.IList', 'System.Collections.ICollection',
  'System.Management.Automation.PSCustomObject', 'System.Management.Automation.ScriptBlock', 'System.Management.Automation.PSTypeName',
  'System.Management.Automation.RuntimeException', 'System.Management.Automation.ParameterBindingException',
  'System.Management.Automation.ItemNotFoundException', 'System.Management.Automation.CommandNotFoundException', 'System.Management.Automation.ScriptRequiresException',
  'System.Management.Automation.MethodInvocationException', 'System.Management.Automation.PSInvalidCastException',
  'System.Management.Automation.ActionPreferenceStopException', 'System.Management.Automation.PipelineStoppedException',
  'System.Management.Automation.ValidationMetadataException', 'System.Management.Automation.PSArgumentException',
  'System.Management.Automation.PSInvalidOperationException', 'System.Management.Automation.LanguagePrimitives',
  'System.SystemException', 'System.ArgumentException', 'System.ArgumentNullException',
  'System.ArgumentOutOfRangeException', 'System.InvalidOperationException', 'System.InvalidCastException',
  'System.FormatException', 'System.NotSupportedException', 'System.NotImplementedException',
  'System.UnauthorizedAccessException', 'System.DivideByZeroException', 'System.ArithmeticException',
  'System.OverflowException', 'System.IO.IOException', 'System.IO.FileNotFoundException',
  'System.IO.DirectoryNotFoundException', 'System.Security.Cryptography.CryptographicException',
  'System.Management.Automation.Host.HostException',
  // Every other exception emsh raises, so `catch [T]` and `$_.Exception.GetType().FullName` know it.
  'System.Management.Automation.SessionStateException', 'System.Management.Automation.SessionStateUnauthorizedAccessException',
  'System.Management.Automation.ParameterBindingValidationException', 'System.Management.Automation.DriveNotFoundException',
  'System.Management.Automation.ProviderNotFoundException', 'System.Management.Automation.MethodException',
  'System.Management.Automation.ParseException', 'System.Management.Automation.IncompleteParseException',
  'System.Management.Automation.MetadataException', 'System.Management.Automation.ParsingMetadataException', 'System.Management.Automation.PSArgumentNullException',
  'System.Management.Automation.PSArgumentOutOfRangeException', 'System.Management.Automation.PSNotSupportedException',
  'System.Management.Automation.WildcardPatternException', 'System.Management.Automation.ScriptCallDepthException',
  'System.Management.Automation.CmdletInvocationException', 'System.Management.Automation.SetValueInvocationException',
  'System.Management.Automation.ParentContainsErrorRecordException',
  'System.IO.PathTooLongException', 'System.IO.InvalidDataException', 'System.IO.EndOfStreamException',
  'System.IndexOutOfRangeException', 'System.NullReferenceException', 'System.TimeoutException',
  'System.OutOfMemoryException', 'System.InsufficientMemoryException', 'System.InsufficientExecutionStackException',
  'System.Text.RegularExpressions.RegexMatchTimeoutException', 'System.Net.WebException', 'System.UriFormatException',
  'System.Net.Sockets.SocketException', 'System.Collections.Generic.KeyNotFoundException', 'System.ObjectDisposedException',
  'System.Runtime.InteropServices.COMException', 'System.Runtime.InteropServices.ExternalException',
  'Microsoft.Exchange.Data.Common.LocalizedException', 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException',
  'Microsoft.Exchange.Configuration.Tasks.ManagementObjectAmbiguousException', 'Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException',
  'System.Text.StringBuilder',
  'System.Management.Automation.PSSerializer',
  // The format-data objects (src/protocol/format-controls.ts).
  'System.Management.Automation.ExtendedTypeDefinition', 'System.Management.Automation.FormatViewDefinition', 'System.Management.Automation.PSControl',
  'System.Management.Automation.ListControl', 'System.Management.Automation.TableControl', 'System.Management.Automation.WideControl', 'System.Management.Automation.CustomControl',
  'System.Xml.XmlNode', 'System.Xml.XmlElement', 'System.Xml.XmlAttribute', 'System.Xml.XmlText', 'System.Xml.XmlLinkedNode',
  'System.Xml.XmlCharacterData', 'System.Xml.XmlComment', 'System.Xml.XmlDeclaration', 'System.Xml.XmlCDataSection',
  'System.Xml.XmlNodeList', 'System.Xml.XmlNamespaceManager', 'System.Xml.XmlException', 'System.Xml.XPath.XPathException',
  'System.TimeZone', 'System.Threading.Thread', 'System.Diagnostics.Stopwatch',
  'System.Delegate', 'System.MulticastDelegate', 'System.Action', 'System.EventHandler', 'System.AsyncCallback',
  'System.Threading.ThreadStart', 'System.Text.RegularExpressions.MatchEvaluator',
  // Write-Error's exception.
  'Microsoft.PowerShell.Commands.WriteErrorException',
  // Get-Process's.
  'Microsoft.PowerShell.Commands.ProcessCommandException', 'System.Diagnostics.Process',
  // The side streams' records (stream-records.ts).
  'System.Management.Automation.InformationalRecord', 'System.Management.Automation.WarningRecord', 'System.Management.Automation.VerboseRecord',
  'System.Management.Automation.DebugRecord', 'System.Management.Automation.InformationRecord', 'System.Management.Automation.HostInformationMessage',
  'System.Management.Automation.Cmdlet', 'System.Management.Automation.PSCmdlet',
  'System.Management.Automation.PSTypeName',
];

/** The delegate types that are not generic, with their return types (undefined: void). */
const DELEGATES: Record<string, string | undefined> = {
  'System.Action': undefined,
  'System.EventHandler': undefined,
  'System.AsyncCallback': undefined,
  'System.Threading.ThreadStart': undefined,
  'System.Text.RegularExpressions.MatchEvaluator': 'System.String',
};

/**
 * Whether a type (emsh's form) is a delegate a script block converts to, and what it returns:
 * `{ returns: undefined }` for Action-like delegates; undefined for a type that is not a delegate.
 */
function delegateSignature(full: string): { returns: string | undefined } | undefined {
  if (full in DELEGATES) return { returns: DELEGATES[full] };
  const g = closedGeneric(full);
  switch (g?.definition) {
    case 'System.Action':
    case 'System.EventHandler':
      return { returns: undefined };
    case 'System.Func':
      return { returns: g.args[g.args.length - 1] };
    case 'System.Predicate':
      return { returns: 'System.Boolean' };
    case 'System.Comparison':
      return { returns: 'System.Int32' };
    case 'System.Converter':
      return { returns: g.args[1] };
  }
  return undefined;
}

/** Enum types: values in declaration (ascending value) order. */
export interface EnumInfo {
  typeName: string;
  values: readonly string[];
  flags?: boolean;
  /** The number of each value, in the same order; absent when they are 0, 1, 2 ... */
  numbers?: readonly number[];
}

const ENUMS = new Map<string, EnumInfo>();
const KNOWN = new Map<string, string>(); // lower-case name → canonical full name

function addKnown(full: string): void {
  KNOWN.set(full.toLowerCase(), full);
  if (full.startsWith('System.')) {
    const short = full.slice(7).toLowerCase();
    if (!KNOWN.has(short)) KNOWN.set(short, full);
  }
}
for (const t of KNOWN_TYPES) addKnown(t);
for (const t of Object.values(ACCELERATORS)) addKnown(t);

/** Makes a type name resolvable (domain types: `-is [Microsoft.Exchange...ExchangeCertificate]`). */
export function registerTypeName(fullName: string): void {
  addKnown(fullName);
}

/** Casts to the PowerShell classes a script defined (src/engine/classes.ts), by lower-case full name. */
const CLASS_CASTS = new Map<string, (value: unknown) => unknown>();

/** Registers a PowerShell class: its name resolves, and a cast to it runs `cast`. */
export function registerClassCast(typeName: string, cast: (value: unknown) => unknown): void {
  CLASS_CASTS.set(typeName.toLowerCase(), cast);
  addKnown(typeName);
}

/** The interfaces a compiled class implements (Add-Type): lower-case class name → lower-case interface full names. */
const CLASS_INTERFACES = new Map<string, readonly string[]>();

/** Records the interfaces a class implements, for `-is [IComparable]` and parameter types. */
export function registerClassInterfaces(typeName: string, interfaces: readonly string[]): void {
  CLASS_INTERFACES.set(typeName.toLowerCase(), interfaces.map((i) => i.toLowerCase()));
}

/** Whether the type is a class the session defined (a PowerShell class, or C# from Add-Type). */
export function isClassType(typeName: string): boolean {
  return CLASS_CASTS.has(typeName.toLowerCase());
}

/** Registers an enum so casts, -as, binding and declarationFromParamBlock know it. */
export function registerEnum(info: EnumInfo): void {
  ENUMS.set(info.typeName.toLowerCase(), info);
  addKnown(info.typeName);
}

export function enumInfo(typeName: string): EnumInfo | undefined {
  const full = resolveTypeName(typeName);
  return full ? ENUMS.get(full.toLowerCase()) : undefined;
}

function enumNumber(info: EnumInfo, i: number): number {
  return info.numbers ? info.numbers[i]! : i;
}

/** The number of a member of an enum, given its canonical text (`IIS, SMTP` for flags). */
function enumNumberOf(info: EnumInfo, text: string): number {
  let n = 0;
  for (const part of info.flags ? text.split(',') : [text]) {
    const i = info.values.findIndex((v) => v.toLowerCase() === part.trim().toLowerCase());
    if (i >= 0) n |= enumNumber(info, i);
  }
  return n;
}

/** The text .NET's Enum.ToString gives a number: the name, flags as `IMAP, POP`, or the number itself. */
function enumText(info: EnumInfo, n: number): string {
  const exact = info.values.findIndex((_, i) => enumNumber(info, i) === n);
  if (exact >= 0) return info.values[exact]!;
  if (!info.flags) return String(n);
  const names: string[] = [];
  let rest = n;
  info.values.forEach((v, i) => {
    const bit = enumNumber(info, i);
    if (bit !== 0 && (n & bit) === bit) {
      names.push(v);
      rest &= ~bit;
    }
  });
  return rest === 0 && names.length ? names.join(', ') : String(n);
}

/**
 * A typed enum value (values.ts EnumValue) of a registered enum, from its number or any text
 * or list a cast to the enum accepts. Domain objects hand these out as their enum properties.
 */
export function enumValue(typeName: string, value: unknown): EnumValue {
  const info = enumInfo(typeName);
  if (!info) throw typeNotFound(typeName);
  if (value instanceof EnumValue && value.typeName === info.typeName) return value;
  const n = typeof value === 'number' ? value : value instanceof EnumValue ? value.value : enumNumberOf(info, convertToEnum(value, info));
  return new EnumValue(info.typeName, n, enumText(info, n));
}

export const ACTION_PREFERENCE: EnumInfo = {
  typeName: 'System.Management.Automation.ActionPreference',
  values: ['SilentlyContinue', 'Stop', 'Continue', 'Inquire', 'Ignore', 'Suspend'],
};
registerEnum(ACTION_PREFERENCE);
registerEnum({ typeName: 'System.Management.Automation.ErrorCategory', values: ERROR_CATEGORIES });
registerEnum({
  typeName: 'System.ConsoleColor',
  values: ['Black', 'DarkBlue', 'DarkGreen', 'DarkCyan', 'DarkRed', 'DarkMagenta', 'DarkYellow', 'Gray', 'DarkGray', 'Blue', 'Green', 'Cyan', 'Red', 'Magenta', 'Yellow', 'White'],
});
registerEnum({ typeName: 'System.MidpointRounding', values: ['ToEven', 'AwayFromZero'] });
registerEnum({ typeName: 'System.StringSplitOptions', values: ['None', 'RemoveEmptyEntries'] });
registerEnum({ typeName: 'System.Management.Automation.SerializationMethod', values: ['AllPublicProperties', 'String', 'SpecificProperties'] });
registerEnum({ typeName: 'System.Net.Sockets.AddressFamily', values: ['Unspecified', 'InterNetwork', 'InterNetworkV6'], numbers: [0, 2, 23] });
registerEnum({ typeName: 'System.DayOfWeek', values: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] });
registerEnum({ typeName: 'System.DateTimeKind', values: ['Unspecified', 'Utc', 'Local'] });
registerEnum({
  typeName: 'System.Management.Automation.CommandTypes',
  flags: true,
  values: ['Alias', 'Function', 'Filter', 'Cmdlet', 'ExternalScript', 'Application', 'Script', 'Workflow', 'Configuration', 'All'],
  numbers: [1, 2, 4, 8, 16, 32, 64, 128, 256, 511],
});
registerEnum({
  typeName: 'System.Security.AccessControl.AceFlags',
  flags: true,
  values: ['None', 'ObjectInherit', 'ContainerInherit', 'NoPropagateInherit', 'InheritOnly', 'InheritanceFlags', 'Inherited', 'SuccessfulAccess', 'FailedAccess', 'AuditFlags'],
  numbers: [0, 1, 2, 4, 8, 15, 16, 64, 128, 192],
});
registerEnum({
  typeName: 'System.Reflection.MemberTypes',
  flags: true,
  values: ['Constructor', 'Event', 'Field', 'Method', 'Property', 'TypeInfo', 'Custom', 'NestedType', 'All'],
  numbers: [1, 2, 4, 8, 16, 32, 64, 128, 191],
});

/**
 * `int` → `System.Int32`, `string[]` → `System.String[]`, `System.IO.File` → itself,
 * `IO.File` → `System.IO.File`. Unknown → undefined.
 */
export function resolveTypeName(name: string): string | undefined {
  let n = name.trim();
  if (n.startsWith('[') && n.endsWith(']')) n = n.slice(1, -1).trim();
  if (n.endsWith('[]')) {
    const el = resolveTypeName(n.slice(0, -2));
    return el ? el + '[]' : undefined;
  }
  const lower = n.toLowerCase();
  if (n.endsWith(']')) return resolveGenericName(n, resolveTypeName);
  return ACCELERATORS[lower] ?? KNOWN.get(lower) ?? openGenericName(n);
}

/** Every full type name emsh resolves (for completing `[System.Str`), sorted. */
export function knownTypeNames(): string[] {
  return [...new Set(KNOWN.values())].sort();
}

/** The short name of a full type name: `System.Int32` → `Int32`. */
export function shortTypeName(full: string): string {
  const i = full.lastIndexOf('.');
  return i < 0 ? full : full.slice(i + 1);
}

// ---------------------------------------------------------------------------------------------
// Errors

/**
 * A failed conversion: a RuntimeException around PowerShell's PSInvalidCastException, which
 * carries its own ErrorRecord (`$_.Exception.InnerException.ErrorRecord`), around the .NET cause.
 */
export function invalidCast(message: string, errorId: string, targetObject?: unknown, cause?: ExceptionInfo): TerminatingError {
  const record = new ErrorRecord({ message, errorId, category: 'InvalidArgument', exceptionType: 'PSInvalidCastException', targetObject });
  return withInner(runtimeError(message, errorId, 'InvalidArgument', 'RuntimeException', targetObject), { type: 'PSInvalidCastException', message, inner: cause, record });
}

/** `Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."` */
export function conversionError(value: unknown, target: string, inner: string, errorId = 'InvalidCastFromStringToInteger'): TerminatingError {
  const message = `Cannot convert value "${valueText(value)}" to type "${target}". Error: "${inner}"`;
  const cause = /not in a correct format/.test(inner) ? 'FormatException' : /too large or too small/.test(inner) ? 'OverflowException' : undefined;
  return invalidCast(message, errorId, undefined, cause ? { type: cause, message: inner } : undefined);
}

/** `Cannot convert the "x" value of type "System.String" to type "System.Int32".` */
export function castError(value: unknown, target: string): TerminatingError {
  const message = `Cannot convert the "${valueText(value)}" value of type "${valueTypeName(value)}" to type "${target}".`;
  return invalidCast(message, 'ConvertToFinalInvalidCastException');
}

/** `Unable to find type [Foo].` */
export function typeNotFound(name: string): TerminatingError {
  return runtimeError(`Unable to find type [${name}].`, 'TypeNotFound', 'InvalidOperation');
}

/** The text of a value inside conversion messages (`ToString()`, arrays as their type name). */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return 'System.Object[]';
  if (value instanceof Uint8Array) return 'System.Byte[]';
  if (value instanceof Date) return invariantDate(value);
  return toDisplayText(value);
}

/** The .NET type name of a value (`System.String`); $null has none. */
export function valueTypeName(value: unknown): string {
  return typeNamesOf(value)[0] ?? 'null';
}

// ---------------------------------------------------------------------------------------------
// Numbers

/**
 * Parses a string the way PowerShell converts strings to numbers: trimmed, optional sign,
 * hex `0x1F`, decimals and exponents, `kb`..`pb` multipliers; '' is 0. NaN when not a number.
 * (The nearest double; parseNumeric in numbers.ts keeps the exact value and its type.)
 */
export function parseNumber(text: string): number {
  if (text.trim() === '') return 0;
  const n = parseNumeric(text);
  return n === undefined ? NaN : Number(n);
}

export { roundHalfEven };

/** The .NET numeric types by full name. */
export const NUMERIC_TYPES: Readonly<Record<string, NumberKind>> = {
  'System.SByte': 'SByte',
  'System.Byte': 'Byte',
  'System.Int16': 'Int16',
  'System.UInt16': 'UInt16',
  'System.Int32': 'Int32',
  'System.UInt32': 'UInt32',
  'System.Int64': 'Int64',
  'System.UInt64': 'UInt64',
  'System.Single': 'Single',
  'System.Double': 'Double',
  'System.Decimal': 'Decimal',
};

/** Every numeric type's [MinValue, MaxValue], exact. */
export const NUMERIC_LIMITS: Readonly<Record<string, readonly [Numeric, Numeric]>> = {
  'System.SByte': [integerOf('SByte', -128n), integerOf('SByte', 127n)],
  'System.Byte': [integerOf('Byte', 0n), integerOf('Byte', 255n)],
  'System.Int16': [integerOf('Int16', -32768n), integerOf('Int16', 32767n)],
  'System.UInt16': [integerOf('UInt16', 0n), integerOf('UInt16', 65535n)],
  'System.Int32': [-2147483648, 2147483647],
  'System.UInt32': [integerOf('UInt32', 0n), integerOf('UInt32', 4294967295n)],
  'System.Int64': [int64(-(2n ** 63n)), int64(2n ** 63n - 1n)],
  'System.UInt64': [uint64(0n), uint64(2n ** 64n - 1n)],
  'System.Single': [new TypedNumber('Single', -3.4028234663852886e38), new TypedNumber('Single', 3.4028234663852886e38)],
  'System.Double': [-1.7976931348623157e308, 1.7976931348623157e308],
  'System.Decimal': [PSDecimal.MinValue, PSDecimal.MaxValue],
};

/** .NET's words for each type in "Value was either too large or too small for ...". */
const RANGE_NOUN: Partial<Record<NumberKind, string>> = {
  SByte: 'a signed byte', Byte: 'an unsigned byte', Int16: 'an Int16', UInt16: 'a UInt16', Int32: 'an Int32',
  UInt32: 'a UInt32', Int64: 'an Int64', UInt64: 'a UInt64', Decimal: 'a Decimal', Single: 'a Single', Double: 'a Double',
};

function toNumericType(value: unknown, target: string): Numeric {
  const kind = NUMERIC_TYPES[target]!;
  let n: Numeric;
  if (typeof value === 'string') {
    const parsed = value.trim() === '' ? 0 : kind === 'Decimal' ? (PSDecimal.parse(value) ?? parseNumeric(value)) : parseNumeric(value);
    if (parsed === undefined) {
      const id = kind === 'Double' || kind === 'Single' ? 'InvalidCastFromStringToDoubleOrSingle' : 'InvalidCastFromStringToInteger';
      // Hex too long for a number literal falls to .NET's integer TypeConverter, whose
      // Convert.ToInt32/ToInt64(text, 16) overflows with UInt32's or UInt64's words.
      if (/^\s*0x[0-9a-f]+\s*$/i.test(value) && RANGE_NOUN[kind] && kind !== 'Double' && kind !== 'Single' && kind !== 'Decimal') {
        const wide = kind === 'Int64' || kind === 'UInt64';
        throw conversionError(value, target, `Value was either too large or too small for ${wide ? 'a UInt64' : 'a UInt32'}.`, id);
      }
      throw conversionError(value, target, 'Input string was not in a correct format.', id);
    }
    n = parsed;
  } else {
    if (value instanceof Date) throw castError(value, target);
    n = toNumeric(value, target);
  }
  if (typeof n === 'number' && kind === 'Int32' && (n | 0) === n) return n;
  const r = convertNumeric(n, kind);
  if (r === undefined) {
    throw conversionError(value, target, `Value was either too large or too small for ${RANGE_NOUN[kind]}.`, typeof value === 'string' ? 'InvalidCastFromStringToInteger' : 'InvalidCastIConvertible');
  }
  return r;
}

/**
 * A value as a numeric value for arithmetic: numbers as they are, `'10'` → 10 (typed as the
 * literal would be), `$null` → 0, `$true` → 1, a [char] its code; errors as PowerShell.
 */
export function toNumeric(value: unknown, target = 'System.Int32'): Numeric {
  if (typeof value === 'number' || value instanceof TypedNumber || value instanceof PSDecimal) return value;
  if (value === null || value === undefined) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof EnumValue) return value.value;
  if (value instanceof PSChar) return value.code;
  if (typeof value === 'string') {
    if (value.trim() === '') return 0;
    const n = parseNumeric(value);
    if (n === undefined) {
      const id = target === 'System.Double' || target === 'System.Single' ? 'InvalidCastFromStringToDoubleOrSingle' : 'InvalidCastFromStringToInteger';
      throw conversionError(value, target, 'Input string was not in a correct format.', id);
    }
    return n;
  }
  if (Array.isArray(value) && value.length === 1) return toNumeric(value[0], target);
  if (value instanceof PSObject && value.typeNames.includes('System.TimeSpan')) return toNumeric(value.get('Ticks'), target);
  throw castError(value, target);
}

/** A value as a JS number (the nearest double) for code that needs one: counts, indexes, Math. */
export function toNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number(toNumeric(value));
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The invariant-culture text of a date (string casts and expansion): `01/31/2024 13:05:09`. */
export function invariantDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getMonth() + 1)}/${p(d.getDate())}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function monthIndex(name: string): number {
  const l = name.toLowerCase();
  return MONTH_NAMES.findIndex((m) => m === l || m.slice(0, 3) === l);
}

// The clock conversions read for "today" (`[datetime]'10:30'` is today at 10:30). A session
// points it at its lab clock before it runs text (Session.execute); the host clock is only the
// fallback of code that runs outside any session.
let conversionClock: () => Date = () => new Date();

/** Makes conversions that need the current date read this clock (the running session's lab clock). */
export function useConversionClock(now: () => Date): void {
  conversionClock = now;
}

/**
 * Parses dates as the en-US / invariant culture does: `1/31/2024`, `01/31/2024 13:05`,
 * `1/31/2024 1:05:09 PM`, ISO `2024-01-31T13:05:09Z`, `January 31, 2024`, `31 Jan 2024`.
 * Undefined when the text is not a date.
 */
export function parseDate(text: string): Date | undefined {
  const s = text.trim();
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', se = '0', frac = '0', zone] = m;
    const ms = Math.floor(Number(('0.' + frac)) * 1000);
    if (zone) {
      const utc = utcTime(+y!, +mo! - 1, +d!, +h, +mi, +se, ms);
      if (zone.toUpperCase() === 'Z') return valid(new Date(utc), +mo!, +d!, true);
      const zm = /([+-])(\d{2}):?(\d{2})/.exec(zone)!;
      const off = (zm[1] === '-' ? -1 : 1) * (+zm[2]! * 60 + +zm[3]!);
      return new Date(utc - off * 60000);
    }
    if (+h > 23 || +mi > 59 || +se > 59) return undefined;
    return valid(localDate(+y!, +mo! - 1, +d!, +h, +mi, +se, ms), +mo!, +d!);
  }
  // A trailing Z on the other forms ("Jan 1, 2020Z") means universal time, as DateTime.Parse reads it.
  const z = /^(.*\d)\s*Z$/i.exec(s);
  if (z) {
    const d = parseLocalForms(z[1]!);
    return d && new Date(utcTime(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()));
  }
  return parseLocalForms(s);
}

function parseLocalForms(s: string): Date | undefined {
  let m: RegExpExecArray | null;
  const time = String.raw`(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?`;
  m = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})` + time + '$', 'i').exec(s);
  if (m) return build(+m[3]!, +m[1]!, +m[2]!, m[4], m[5], m[6], m[7]);
  m = new RegExp(String.raw`^(\d{4})/(\d{1,2})/(\d{1,2})` + time + '$', 'i').exec(s);
  if (m) return build(+m[1]!, +m[2]!, +m[3]!, m[4], m[5], m[6], m[7]);
  // "January 31, 2024", "Wednesday, January 31, 2024", "Jan 31 2024"
  m = new RegExp(String.raw`^(?:[A-Za-z]+,\s*)?([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})` + time + '$', 'i').exec(s);
  if (m && monthIndex(m[1]!) >= 0) return build(+m[3]!, monthIndex(m[1]!) + 1, +m[2]!, m[4], m[5], m[6], m[7]);
  m = new RegExp(String.raw`^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})` + time + '$', 'i').exec(s);
  if (m && monthIndex(m[2]!) >= 0) return build(+m[3]!, monthIndex(m[2]!) + 1, +m[1]!, m[4], m[5], m[6], m[7]);
  // time only: today (by the lab clock) at that time
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?$/i.exec(s);
  if (m) {
    const now = conversionClock();
    return build(now.getFullYear(), now.getMonth() + 1, now.getDate(), m[1], m[2], m[3], m[4]);
  }
  return undefined;
}

/** A local date; years 0-99 stay those years (JavaScript's Date constructor would make them 19xx). */
function localDate(y: number, mo: number, d: number, h = 0, mi = 0, se = 0, ms = 0): Date {
  const date = new Date(y, mo, d, h, mi, se, ms);
  if (y < 100) date.setFullYear(y, mo, d);
  return date;
}

function utcTime(y: number, mo: number, d: number, h: number, mi: number, se: number, ms: number): number {
  const date = new Date(Date.UTC(y, mo, d, h, mi, se, ms));
  if (y < 100) date.setUTCFullYear(y, mo, d);
  return date.getTime();
}

function build(y: number, mo: number, d: number, h?: string, mi?: string, se?: string, ampm?: string): Date | undefined {
  let hour = h ? +h : 0;
  if (ampm) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (ampm.toUpperCase() === 'PM' ? 12 : 0);
  }
  if (hour > 23 || (mi && +mi > 59) || (se && +se > 59)) return undefined;
  return valid(localDate(y, mo - 1, d, hour, mi ? +mi : 0, se ? +se : 0), mo, d);
}

function valid(date: Date, mo: number, d: number, utc = false): Date | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  const gm = utc ? date.getUTCMonth() : date.getMonth();
  const gd = utc ? date.getUTCDate() : date.getDate();
  return gm === mo - 1 && gd === d ? date : undefined;
}

function toDate(value: unknown, target: string): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string') {
    const d = parseDate(value);
    if (!d) throw conversionError(value, target, 'String was not recognized as a valid DateTime.', 'InvalidCastParseTargetInvocation');
    return d;
  }
  if (Array.isArray(value) && value.length === 1) return toDate(value[0], target);
  if (value === null || value === undefined) return new Date(1, 0, 1);
  throw castError(value, target);
}

// ---------------------------------------------------------------------------------------------
// Enums

/**
 * A value as a member of an enum: canonical spelling; for flags enums, combinations from
 * arrays or `"IIS, SMTP"` strings come back as `IIS, SMTP` in declaration order.
 * Throws the .NET "Unable to match the identifier name" error (wrapped in a conversion message).
 */
export function convertToEnum(value: unknown, info: EnumInfo): string {
  const names: string[] = [];
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) {
      if (!info.flags && v.length !== 1) throw castError(v, info.typeName);
      v.forEach(collect);
      return;
    }
    if (typeof v === 'number' && Number.isInteger(v) && !info.flags && !info.numbers && v >= 0 && v < info.values.length) {
      names.push(info.values[v]!);
      return;
    }
    if (typeof v === 'number' && Number.isInteger(v) && (info.flags || info.numbers)) {
      const text = enumText(info, v);
      if (text !== String(v)) {
        names.push(...text.split(', '));
        return;
      }
    }
    const text = toDisplayText(v);
    const parts = info.flags ? text.split(',') : [text];
    if (!info.flags && text.includes(',')) {
      throw conversionError(v, info.typeName, enumNoMatchText(text, info), 'InvalidCastParseTargetInvocation');
    }
    const hits = parts.map((raw) => info.values.find((x) => x.toLowerCase() === raw.trim().toLowerCase()));
    if (hits.every((h) => h !== undefined)) names.push(...(hits as string[]));
    else names.push(disambiguateEnum(v, text, info));
  };
  collect(value);
  if (!info.flags) return names[0] ?? info.values[0]!;
  const set = new Set(names);
  const out = info.values.filter((x) => set.has(x) && x.toLowerCase() !== 'none');
  return out.length ? out.join(', ') : info.values.find((x) => x.toLowerCase() === 'none') ?? '';
}

/** .NET's message when a name is not in the enum. */
/** Names that win among several a prefix matches (.NET's EnumMinimumDisambiguation special cases). */
const PREFERRED_ENUM_NAMES: Record<string, readonly string[]> = {
  'System.IO.FileAttributes': ['Directory', 'ReadOnly', 'System'],
};

/**
 * What PowerShell does when no name matches exactly: the one name the text is a prefix of
 * (`-ErrorAction Ig` is Ignore), else the no-match or too-similar error.
 */
function disambiguateEnum(value: unknown, text: string, info: EnumInfo): string {
  const lower = text.toLowerCase();
  const matches = info.values.filter((x) => x.toLowerCase().startsWith(lower));
  if (matches.length === 1) return matches[0]!;
  const preferred = matches.length > 1 ? PREFERRED_ENUM_NAMES[info.typeName]?.find((x) => x.toLowerCase().startsWith(lower)) : undefined;
  if (preferred) return preferred;
  const message =
    matches.length === 0
      ? enumNoMatchText(text, info)
      : `The identifier name ${text} cannot be processed because it is either too similar or identical to the following enumerator names: ${matches.join(', ')}. Use a more specific identifier name.`;
  throw conversionError(value, info.typeName, message, 'InvalidCastParseTargetInvocation');
}

export function enumNoMatchText(name: string, info: EnumInfo): string {
  return `Unable to match the identifier name ${name} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${info.values.join(', ')}`;
}

// ---------------------------------------------------------------------------------------------
// convertTo

/** A value as a string, as a `[string]` cast does (dates in the invariant culture). */
export function convertToString(value: unknown): string {
  if (value instanceof Date) return invariantDate(value);
  if (Array.isArray(value)) return value.map((v) => (v instanceof Date ? invariantDate(v) : elementText(v))).join(' ');
  return toDisplayText(value);
}

/**
 * Converts a value to a type (name as written or full name), as a cast does. Throws a
 * TerminatingError with PowerShell 5.1 texts on failure.
 */
export function convertTo(value: unknown, typeName: string): unknown {
  const full = resolveTypeName(typeName);
  if (!full) {
    if (typeof typeName === 'string' && isInstanceOfName(value, typeName)) return value;
    throw typeNotFound(typeName);
  }
  if (value === undefined) value = null;
  if (full.endsWith('[]')) return toArrayOf(value, full);
  switch (full) {
    case 'System.Object':
    case 'System.Management.Automation.PSObject':
      return value;
    case 'System.Void':
      return null;
    case 'System.String':
      return value === null ? '' : convertToString(value);
    case 'System.Char': {
      if (value instanceof PSChar) return value;
      if (typeof value === 'string') {
        if (value.length === 1) return new PSChar(value.charCodeAt(0));
        throw conversionError(value, full, 'String must be exactly one character long.', 'InvalidCastParseTargetInvocation');
      }
      if (value === null) return new PSChar(0);
      const code = convertNumeric(toNumeric(value, full), 'UInt16');
      if (code === undefined) throw conversionError(value, full, 'Value was either too large or too small for a character.', 'InvalidCastIConvertible');
      return new PSChar(Number(code));
    }
    case 'System.Boolean':
    case 'System.Management.Automation.SwitchParameter':
      return isTruthy(value);
    case 'System.Int32':
    case 'System.Int64':
    case 'System.Int16':
    case 'System.UInt16':
    case 'System.UInt32':
    case 'System.UInt64':
    case 'System.Byte':
    case 'System.SByte':
    case 'System.Double':
    case 'System.Single':
    case 'System.Decimal':
      return toNumericType(value, full);
    case 'System.DateTime':
      return toDate(value, full);
    case 'System.Collections.Hashtable':
      if (value instanceof PSHashtable) return value;
      if (value === null) return null;
      if (value instanceof PSObject && value.baseObject instanceof PSHashtable) return value.baseObject;
      // 5.1 makes a new Hashtable and sets the object's properties on it: it has none of those names.
      if (value instanceof PSObject && value.baseObject === undefined) {
        if (value.properties().length === 0) return new PSHashtable();
        throw hashtableFromObjectError(value);
      }
      throw castError(value, full);
    case 'System.Collections.Specialized.OrderedDictionary':
      if (value instanceof PSHashtable) {
        const h = copyHashtable(value);
        h.ordered = true;
        return h;
      }
      throw castError(value, full);
    case 'System.Management.Automation.PSCustomObject':
      if (value instanceof PSHashtable) {
        const o = new PSObject();
        for (const [k, v] of value.entries()) o.addNote(toDisplayText(k), v);
        return o;
      }
      return value;
    case 'System.Management.Automation.ScriptBlock':
      if (value instanceof ScriptBlockValue || value === null) return value;
      throw castError(value, full);
    case 'System.Security.SecureString':
      if (value instanceof SecureString || value === null) return value;
      throw castError(value, full);
    case 'System.Type':
    case 'System.RuntimeType': {
      if (value instanceof PSTypeValue) return value;
      if (typeof value === 'string') {
        const t = resolveTypeName(value);
        if (!t) throw conversionError(value, 'System.Type', `Unable to find type [${value}].`, 'InvalidCastFromStringToType');
        return new PSTypeValue(t);
      }
      throw castError(value, full);
    }
    case 'System.Net.IPAddress': {
      if (value === null || (value instanceof PSObject && value.typeNames[0] === full)) return value;
      if (typeof value !== 'string') throw castError(value, full);
      // Through IPAddress.Parse, as PowerShell converts text to a type with a static Parse.
      const ip = parseIPAddress(value);
      if (!ip) throw conversionError(value, full, INVALID_IP_ADDRESS, 'InvalidCastParseTargetInvocation');
      return ip;
    }
    case 'System.Text.RegularExpressions.Regex':
      if (value instanceof RegExp) return value;
      return new RegExp(convertToString(value));
    case 'System.Array':
      return toArrayOf(value, 'System.Object[]');
    case 'System.Xml.XmlDocument':
      return toXmlDocument(value);
    case 'System.Collections.ArrayList':
      return value === null ? [] : Array.isArray(value) ? [...value] : value instanceof Uint8Array ? Array.from(value) : [value];
    case 'System.Management.Automation.PSTypeName':
      return psTypeName(value);
    case 'System.Version': {
      if (value === null || value instanceof VersionValue) return value;
      if (value instanceof PSObject || typeof value === 'boolean') throw castError(value, full);
      const text = convertToString(value);
      const why = versionParseError(text);
      if (why !== undefined) throw conversionError(value, full, why, 'InvalidCastParseTargetInvocation');
      return parseVersion(text);
    }
    case 'System.Globalization.CultureInfo': {
      // A name converts through the CultureInfo(string) constructor.
      if (value === null || (value instanceof PSObject && value.typeNames.includes(full))) return value;
      if (typeof value !== 'string') break;
      const culture = cultureInfo(value);
      if (!culture) throw conversionError(value, full, `Culture is not supported.\r\nParameter name: name\r\n${value} is an invalid culture identifier.`, 'InvalidCastConstructorException');
      return culture;
    }
  }
  if (full === 'System.Management.Automation.PSReference') return value instanceof PSReference ? value : PSReference.of(value);
  if (value instanceof ScriptBlockValue) {
    const signature = delegateSignature(full);
    if (signature) return new DelegateValue(dotnetTypeName(full), value, signature.returns);
  }
  if (value !== null && full.endsWith(']') && !isInstanceOf(value, full)) {
    const made = newGenericCollection(full, Array.isArray(value) ? value : value instanceof Uint8Array ? Array.from(value) : [value]);
    if (made !== undefined && !(made instanceof PSHashtable)) return made;
  }
  const exception = exceptionFromString(value, full);
  if (exception) return exception;
  const en = ENUMS.get(full.toLowerCase());
  if (en) {
    if (value === null) throw conversionError('', full, enumNoMatchText('', en), 'InvalidCastParseTargetInvocation');
    return enumValue(full, value);
  }
  const cast = CLASS_CASTS.get(full.toLowerCase());
  if (cast) return cast(value);
  if (value === null) return null;
  if (isInstanceOf(value, full)) return value;
  throw castError(value, full);
}

const COLLECTIONS = new Set(['List', 'Collection', 'ObservableCollection', 'Stack', 'Queue', 'HashSet', 'LinkedList', 'Dictionary', 'SortedDictionary']);

/**
 * A new generic collection of a closed generic type in emsh's form (`List[T]`, `Stack[T]`,
 * `Queue[T]`, `HashSet[T]`, `LinkedList[T]`: a growing list in enumeration order; `Dictionary[K,V]`:
 * a dictionary that converts what it is given), holding `items` converted; undefined for any other type.
 */
export function newGenericCollection(typeName: string, items: readonly unknown[] | undefined): unknown {
  const full = resolveTypeName(typeName);
  const parts = full ? closedGeneric(full) : undefined;
  const name = parts?.definition.replace(/^System\.Collections\.(Generic|ObjectModel)\./, '');
  if (!full || !parts || !name || !COLLECTIONS.has(name)) return undefined;
  const typeNameNet = dotnetTypeName(full);
  if (name.endsWith('Dictionary')) {
    const h = new PSHashtable();
    h.dotnetType = typeNameNet;
    const [keyType, valueType] = parts.args as [string, string];
    h.convertEntry = (k, v) => [convertTo(k, keyType), convertTo(v, valueType)];
    return h;
  }
  const elementType = parts.args[0]!;
  const list = (items ?? []).map((v) => convertTo(v, elementType));
  if (name === 'Stack') list.reverse();
  const collection = name === 'List' || name.endsWith('Collection') ? undefined : (name as 'Stack' | 'Queue' | 'HashSet' | 'LinkedList');
  return markList(list, { typeName: typeNameNet, addReturnsIndex: false, elementType, collection });
}

/** `[PSTypeName]'T'`: a type's name and, when the type is there (a class a script or Add-Type defined included), the type. */
function psTypeName(value: unknown): unknown {
  if (value instanceof PSObject && value.typeNames[0] === 'System.Management.Automation.PSTypeName') return value;
  const name = value instanceof PSTypeValue ? value.fullName : convertToString(value);
  // Looked up when asked, as .NET's PSTypeName does: `([PSTypeName]'Employee').Type` is $null until the type exists.
  const full = () => (value instanceof PSTypeValue ? value.fullName : resolveTypeName(name));
  const o = new PSObject(['System.Management.Automation.PSTypeName', 'System.Object']);
  o.addProperty({ name: 'Name', memberType: 'Property', typeName: 'string', get: () => name });
  o.addProperty({ name: 'Type', memberType: 'Property', typeName: 'type', get: () => { const t = full(); return t ? new PSTypeValue(t) : null; } });
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => name });
  return o;
}

/** `[xml]$text`: a document parsed from the value's text (an array of lines joins as [string] does). */
function toXmlDocument(value: unknown): unknown {
  if (value === null || value instanceof XmlDocument) return value;
  if (value instanceof PSObject && !(value instanceof XmlNode) && value.baseObject !== undefined) return toXmlDocument(value.baseObject);
  if (typeof value !== 'string' && !Array.isArray(value)) throw castError(value, 'System.Xml.XmlDocument');
  try {
    return parseXml(convertToString(value));
  } catch (e) {
    if (e instanceof XmlException) throw conversionError(value, 'System.Xml.XmlDocument', e.message, 'InvalidCastToXmlDocument');
    throw e;
  }
}

function toArrayOf(value: unknown, full: string): unknown {
  if (value === null) return null;
  const el = full.slice(0, -2);
  const items: unknown[] = Array.isArray(value) ? value : value instanceof Uint8Array ? Array.from(value) : value instanceof PSHashtable ? [value] : [value];
  if (el === 'System.Byte') {
    if (value instanceof Uint8Array) return value;
    const out = new Uint8Array(items.length);
    items.forEach((v, i) => (out[i] = Number(toNumericType(v, 'System.Byte'))));
    return out;
  }
  if (el === 'System.Object' || el === 'System.Management.Automation.PSObject') return Array.isArray(value) ? value : items;
  // `[char[]]'ab'`: a string is its characters.
  if (el === 'System.Char' && typeof value === 'string') return typedArray([...value].map((c) => new PSChar(c.charCodeAt(0))), el);
  if (Array.isArray(value) && arrayElementType(value) === el) return value;
  return typedArray(items.map((v) => convertTo(v, el)), el);
}

function copyHashtable(h: PSHashtable): PSHashtable {
  const out = new PSHashtable();
  for (const [k, v] of h.entries()) out.set(k, v);
  return out;
}

const HASHTABLE_PROPERTIES = '[Count <System.Int32>] , [IsReadOnly <System.Boolean>] , [IsFixedSize <System.Boolean>] , [IsSynchronized <System.Boolean>] , [Keys <System.Collections.ICollection>] , [Values <System.Collections.ICollection>] , [SyncRoot <System.Object>]';

function hashtableFromObjectError(o: PSObject): TerminatingError {
  const first = o.properties()[0]?.name ?? '';
  const why = `Cannot create object of type "System.Collections.Hashtable". The ${first} property was not found for the System.Collections.Hashtable object. The available property is: ${HASHTABLE_PROPERTIES}`;
  return invalidCast(`Cannot convert value "${valueText(o)}" to type "System.Collections.Hashtable". Error: "${why}"`, 'InvalidCastConstructorException', o);
}


/** `-as`: the converted value, or $null when the conversion fails. */
export function convertAs(value: unknown, typeName: string): unknown {
  try {
    return convertTo(value, typeName);
  } catch (e) {
    if (e instanceof TerminatingError && e.record.errorId === 'TypeNotFound') throw e;
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// -is and catch types

/** Exception type → its base chain (short names); unknown exceptions derive from Exception. */
const EXCEPTION_BASES: Record<string, string> = {
  RuntimeException: 'SystemException',
  SystemException: 'Exception',
  WriteErrorException: 'SystemException',
  ProcessCommandException: 'SystemException',
  ParameterBindingException: 'RuntimeException',
  ParameterBindingValidationException: 'ParameterBindingException',
  ParameterBindingArgumentTransformationException: 'ParameterBindingException',
  CommandNotFoundException: 'RuntimeException',
  ScriptRequiresException: 'RuntimeException',
  SessionStateException: 'RuntimeException',
  ItemNotFoundException: 'SessionStateException',
  DriveNotFoundException: 'SessionStateException',
  ProviderNotFoundException: 'SessionStateException',
  MethodException: 'ExtendedTypeSystemException',
  MethodInvocationException: 'MethodException',
  PipelineStoppedException: 'RuntimeException',
  ActionPreferenceStopException: 'RuntimeException',
  ParseException: 'RuntimeException',
  ParentContainsErrorRecordException: 'SystemException',
  PSInvalidCastException: 'InvalidCastException',
  PSArgumentException: 'ArgumentException',
  PSArgumentNullException: 'ArgumentNullException',
  PSInvalidOperationException: 'InvalidOperationException',
  ValidationMetadataException: 'MetadataException',
  ParsingMetadataException: 'MetadataException',
  MetadataException: 'RuntimeException',
  InvalidCastException: 'SystemException',
  ArgumentException: 'SystemException',
  ArgumentNullException: 'ArgumentException',
  ArgumentOutOfRangeException: 'ArgumentException',
  InvalidOperationException: 'SystemException',
  FormatException: 'SystemException',
  NotSupportedException: 'SystemException',
  NotImplementedException: 'SystemException',
  UnauthorizedAccessException: 'SystemException',
  ArithmeticException: 'SystemException',
  DivideByZeroException: 'ArithmeticException',
  OverflowException: 'ArithmeticException',
  IOException: 'SystemException',
  FileNotFoundException: 'IOException',
  DirectoryNotFoundException: 'IOException',
  CryptographicException: 'SystemException',
  HostException: 'RuntimeException',
  SessionStateUnauthorizedAccessException: 'SessionStateException',
  IncompleteParseException: 'ParseException',
  PSArgumentOutOfRangeException: 'ArgumentOutOfRangeException',
  PSNotSupportedException: 'NotSupportedException',
  WildcardPatternException: 'RuntimeException',
  ScriptCallDepthException: 'SystemException',
  CmdletInvocationException: 'RuntimeException',
  SetValueInvocationException: 'SetValueException',
  SetValueException: 'ExtendedTypeSystemException',
  ExtendedTypeSystemException: 'RuntimeException',
  PathTooLongException: 'IOException',
  EndOfStreamException: 'IOException',
  InvalidDataException: 'SystemException',
  IndexOutOfRangeException: 'SystemException',
  NullReferenceException: 'SystemException',
  TimeoutException: 'SystemException',
  OutOfMemoryException: 'SystemException',
  InsufficientMemoryException: 'OutOfMemoryException',
  InsufficientExecutionStackException: 'SystemException',
  RegexMatchTimeoutException: 'TimeoutException',
  WebException: 'InvalidOperationException',
  UriFormatException: 'FormatException',
  SocketException: 'Win32Exception',
  Win32Exception: 'ExternalException',
  COMException: 'ExternalException',
  ExternalException: 'SystemException',
  KeyNotFoundException: 'SystemException',
  ObjectDisposedException: 'InvalidOperationException',
  // Exchange's task errors derive from its LocalizedException.
  LocalizedException: 'Exception',
  ManagementObjectNotFoundException: 'LocalizedException',
  ManagementObjectAmbiguousException: 'LocalizedException',
  ADObjectAlreadyExistsException: 'LocalizedException',
};

/** The exception type chain of an error record, short names, most derived first. */
export function exceptionChain(exceptionType: string): string[] {
  const out: string[] = [];
  let t: string | undefined = shortTypeName(exceptionType);
  while (t && !out.includes(t)) {
    out.push(t);
    if (t === 'Exception') break;
    t = EXCEPTION_BASES[t] ?? 'Exception';
  }
  return out;
}

/** The .NET full name of an exception short name (for `$_.Exception.GetType().FullName`). */
export function exceptionFullName(exceptionType: string): string {
  if (exceptionType.includes('.')) return exceptionType;
  const viaKnown = [...KNOWN.values()].find((f) => shortTypeName(f) === exceptionType);
  if (viaKnown) return viaKnown;
  const chain = exceptionChain(exceptionType);
  const sma = ['RuntimeException', 'ParameterBindingException', 'ParameterBindingValidationException', 'CommandNotFoundException',
    'ItemNotFoundException', 'MethodInvocationException', 'PipelineStoppedException', 'ActionPreferenceStopException',
    'ParseException', 'ParentContainsErrorRecordException', 'SessionStateException', 'MethodException', 'MetadataException',
    'DriveNotFoundException', 'ProviderNotFoundException'];
  if (sma.includes(exceptionType)) return `System.Management.Automation.${exceptionType}`;
  if (chain.includes('IOException')) return `System.IO.${exceptionType}`;
  return `System.${exceptionType}`;
}

/**
 * A .NET exception as a value: its type and bases (for `-is`), Message, InnerException (the chain),
 * GetType(), GetBaseException(). `record` is the ErrorRecord it belongs to (PowerShell's own
 * exceptions carry one), so `throw $_.Exception` rethrows that record.
 */
export function exceptionValue(e: ExceptionInfo, record?: ErrorRecord): PSObject {
  const full = exceptionFullName(e.type);
  const o = new PSObject([...exceptionChain(e.type).map(exceptionFullName), 'System.Object']);
  const inner = e.inner ? exceptionValue(e.inner, e.inner.record) : null;
  o.addNote('Message', e.message);
  o.addNote('InnerException', inner);
  // PowerShell's exceptions carry their record (PSInvalidCastException too, though not a RuntimeException).
  if (record && (e.record === record || exceptionChain(e.type).includes('RuntimeException'))) o.addNote('ErrorRecord', record);
  o.addNote('Source', null);
  o.addNote('HResult', -2146233088);
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => `${full}: ${e.message}` });
  o.addMethod({ name: 'GetType', definition: 'type GetType()', invoke: () => new PSTypeValue(full) });
  o.addMethod({
    name: 'GetBaseException',
    definition: 'System.Exception GetBaseException()',
    invoke: () => {
      let base = e;
      while (base.inner) base = base.inner;
      return base === e ? o : exceptionValue(base);
    },
  });
  exceptionInfos.set(o, e);
  return o;
}

const exceptionInfos = new WeakMap<PSObject, ExceptionInfo>();

/** The exception a value made by exceptionValue stands for (`throw $ex`). */
export function exceptionInfoOf(v: unknown): ExceptionInfo | undefined {
  return v instanceof PSObject ? exceptionInfos.get(v) : undefined;
}

/** `[System.IO.IOException]'disk full'`: an exception type from its message (its string constructor). */
function exceptionFromString(value: unknown, full: string): PSObject | undefined {
  if (typeof value !== 'string') return undefined;
  const short = shortTypeName(full);
  if (short !== 'Exception' && !(short in EXCEPTION_BASES)) return undefined;
  return exceptionValue({ type: full, message: value });
}

/** Whether a value's own type names include this full name (no base-type or exception rules). */
export function isInstanceOfName(value: unknown, name: string): boolean {
  const l = name.toLowerCase();
  return typeNamesOf(value).some((t) => t.toLowerCase() === l);
}

/**
 * The `-is` / `-isnot` operators. `[psobject]` asks whether the value is wrapped in a PSObject:
 * script literals (strings, numbers, booleans, arrays, hashtables) are not; objects are.
 */
export function isOperator(value: unknown, typeName: string): boolean {
  const full = resolveTypeName(typeName) ?? typeName;
  if (full === 'System.Management.Automation.PSObject') return value instanceof PSObject || value instanceof ErrorRecord;
  return isInstanceOf(value, full);
}

/** `catch [Type]` and conversions: whether a value is of a type (name as written or full name). */
export function isInstanceOf(value: unknown, typeName: string): boolean {
  const full = resolveTypeName(typeName) ?? typeName;
  if (value === null || value === undefined) return false;
  const names = typeNamesOf(value);
  const lower = full.toLowerCase();
  if (names.some((n) => n.toLowerCase() === lower)) return true;
  if (full.endsWith(']')) {
    const net = dotnetTypeName(full).toLowerCase();
    if (names.some((n) => n.toLowerCase() === net)) return true;
  }
  if (full === 'System.Object' || full === 'System.Management.Automation.PSObject') return true;
  if (value instanceof PSObject && CLASS_INTERFACES.size && names.some((n) => CLASS_INTERFACES.get(n.toLowerCase())?.includes(lower))) return true;
  if (value instanceof ErrorRecord) {
    const chain = exceptionChain(value.exceptionType);
    const short = shortTypeName(full);
    return chain.includes(short);
  }
  if (typeof value === 'number') return false;
  if (full === 'System.Array') return Array.isArray(value) || value instanceof Uint8Array;
  if (full === 'System.Collections.IEnumerable') return Array.isArray(value) || value instanceof Uint8Array || typeof value === 'string' || value instanceof PSHashtable;
  if (full === 'System.Collections.IDictionary') return value instanceof PSHashtable;
  if (full === 'System.Collections.Hashtable') return value instanceof PSHashtable && value.dotnetType === undefined;
  return false;
}

export { numberToString };

// Member access on values: `$x.Name`, `$x.Name = v`, `$x.Method(args)` and Get-Member's list.
// Without strict mode a missing property is $null; methods fail with PowerShell's texts.

import { closedGeneric, dotnetTypeName } from './generic-types.js';
import { NUMERIC_LIMITS, convertTo, convertToString, enumInfo, enumValue, exceptionValue, resolveTypeName, shortTypeName, toNumber } from './convert.js';
import { DAYS, formatDate, longDate } from './dotnet-format.js';
import { ErrorRecord, TerminatingError, raise, runtimeError, type InvocationInfo } from './errors.js';
import { compareValues, formatValue, timeSpan, valuesEqual } from './operators.js';
import { PSChar, compareNumeric, isNumeric, type Numeric } from './numbers.js';
import { compileWildcard } from './wildcard.js';
import {
  EnumValue,
  PSHashtable,
  PSObject,
  PSTypeValue,
  ScriptBlockValue,
  SecureString,
  dateToString,
  instanceMembers,
  listKindOf,
  markList,
  toDisplayText,
  typeNamesOf,
  type ListKind,
  type PSPropertyInfo,
} from './values.js';
import { standardMembers, typeDataActive, typeMember as typeTableMember, typeMembers, type StandardMembers, type TypeMember } from './type-data.js';

function typeNameOf(v: unknown): string {
  return typeNamesOf(v)[0] ?? 'System.Object';
}

/** A dictionary's entries as DictionaryEntry objects (Name/Key, Value): GetEnumerator(), paging. */
export function dictionaryEntries(h: PSHashtable): PSObject[] {
  return h.entries().map(([k, v]) => {
    const o = new PSObject(['System.Collections.DictionaryEntry', 'System.ValueType', 'System.Object']);
    o.addNote('Name', k);
    o.addNote('Key', k);
    o.addNote('Value', v);
    return o;
  });
}

/** `Exception calling "X" with "N" argument(s): "inner"` (MethodInvocationException). */
export function methodException(name: string, argc: number, inner: string, innerType = 'MethodInvocationException'): TerminatingError {
  return new TerminatingError(
    new ErrorRecord({
      message: `Exception calling "${name}" with "${argc}" argument(s): "${inner}"`,
      errorId: innerType,
      category: 'NotSpecified',
      exceptionType: 'MethodInvocationException',
      // The method's own exception (its type is the error id; a failure of unknown type is an Exception).
      innerException: { type: innerType === 'MethodInvocationException' ? 'Exception' : innerType, message: inner },
    }),
  );
}

/** `Cannot find an overload for "X" and the argument count: "N".` (MethodException). */
export function overloadError(name: string, argc: number): never {
  raise(`Cannot find an overload for "${name}" and the argument count: "${argc}".`, 'MethodCountCouldNotFindBest', 'NotSpecified', 'MethodException');
}

/** `Method invocation failed because [T] does not contain a method named 'x'.` */
export function methodNotFoundError(typeName: string, name: string): never {
  raise(`Method invocation failed because [${typeName}] does not contain a method named '${name}'.`, 'MethodNotFound');
}

function methodNotFound(target: unknown, name: string): never {
  methodNotFoundError(typeNameOf(target), name);
}

const lower = (s: string) => s.toLowerCase();

// ---------------------------------------------------------------------------------------------
// Type values: GetType() results

export function typeValueOf(v: unknown): PSTypeValue {
  return new PSTypeValue(typeNameOf(v));
}

function typeMember(t: PSTypeValue, name: string): unknown {
  const full = t.fullName;
  const generic = closedGeneric(full.replace(/\[\]$/, ''));
  switch (lower(name)) {
    case 'name':
      if (generic) return `${shortTypeName(generic.definition)}\`${generic.args.length}` + (full.endsWith('[]') ? '[]' : '');
      return shortTypeName(full.replace(/\[\]$/, '')) + (full.endsWith('[]') ? '[]' : '');
    case 'fullname':
      return dotnetTypeName(full);
    case 'isgenerictype':
      return generic !== undefined || /`\d+$/.test(full);
    case 'isgenerictypedefinition':
      return /`\d+$/.test(full);
    case 'assembly':
      return assemblyOf(full);
    case 'generictypearguments':
      return generic ? generic.args.map((a) => new PSTypeValue(a)) : [];
    case 'namespace': {
      const base = (generic ? generic.definition : full).replace(/\[\]$/, '');
      const i = base.lastIndexOf('.');
      return i < 0 ? '' : base.slice(0, i);
    }
    case 'isarray':
      return full.endsWith('[]');
    case 'basetype':
      return full.endsWith('[]') ? new PSTypeValue('System.Array') : full === 'System.Object' ? null : new PSTypeValue('System.Object');
    case 'ispublic':
      return true;
    case 'isserializable':
      return isSerializable(full);
  }
  return null;
}

/**
 * Type.IsSerializable for the types emsh has: arrays and the base class library's types are
 * [Serializable] (exceptions too), PowerShell's own are not, except PSObject.
 */
function isSerializable(full: string): boolean {
  if (full.endsWith('[]') || full === 'System.Management.Automation.PSObject' || full.endsWith('Exception')) return true;
  return full.startsWith('System.') && !full.startsWith('System.Management.Automation.');
}

// ---------------------------------------------------------------------------------------------
// ErrorRecord: Exception, CategoryInfo, InvocationInfo as PSObjects

/** The record's exception, made once: `$_.Exception` is the same object each time it is read (a rethrow's catch sees it too). */
function exceptionObject(r: ErrorRecord): unknown {
  return (r.exceptionObject ??= exceptionValue({ type: r.exceptionType, message: r.message, inner: r.innerException }, r));
}

/** System.Management.Automation.ErrorDetails. */
function errorDetailsObject(d: { message: string; recommendedAction: string }): PSObject {
  const o = new PSObject(['System.Management.Automation.ErrorDetails', 'System.Object']);
  o.addNote('Message', d.message);
  o.addNote('RecommendedAction', d.recommendedAction);
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => d.message });
  return o;
}


function shorten(s: string): string {
  return s.length > 40 ? `${s.slice(0, 19)}...${s.slice(-19)}` : s;
}

function categoryInfo(r: ErrorRecord): PSObject {
  const o = new PSObject(['System.Management.Automation.ErrorCategoryInfo', 'System.Object']);
  const activity = r.activity ?? r.invocation?.commandName ?? '';
  const targetName = r.targetName ?? (r.targetObject === null ? '' : toDisplayText(r.targetObject));
  const targetType = r.targetType ?? (r.targetObject === null ? '' : shortTypeName(typeNameOf(r.targetObject)));
  o.addNote('Category', r.category);
  o.addNote('Activity', activity);
  o.addNote('Reason', r.categoryReason);
  o.addNote('TargetName', targetName);
  o.addNote('TargetType', targetType);
  const text = `${r.category}: (${shorten(targetName)}:${shorten(targetType)}) [${shorten(activity)}], ${r.categoryReason}`;
  o.addMethod({ name: 'GetMessage', definition: 'string GetMessage()', invoke: () => text });
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => text });
  return o;
}

function invocationInfo(r: ErrorRecord): PSObject | null {
  return r.invocation ? invocationInfoObject(r.invocation) : null;
}

/** The InvocationInfo object of a command's position (ErrorRecord.InvocationInfo, a stream record's). */
export function invocationInfoObject(inv: InvocationInfo): PSObject {
  const text = inv.source.text;
  const lineStart = text.lastIndexOf('\n', inv.span.start - 1) + 1;
  let lineEnd = text.indexOf('\n', inv.span.start);
  if (lineEnd < 0) lineEnd = text.length;
  const lineNo = text.slice(0, inv.span.start).split('\n').length;
  const o = new PSObject(['System.Management.Automation.InvocationInfo', 'System.Object']);
  o.addNote('MyCommand', inv.commandName ?? null);
  o.addNote('InvocationName', inv.invocationName ?? '');
  o.addNote('ScriptName', inv.source.file ?? '');
  o.addNote('ScriptLineNumber', lineNo);
  o.addNote('OffsetInLine', inv.span.start - lineStart + 1);
  o.addNote('Line', text.slice(lineStart, lineEnd).replace(/\r$/, ''));
  const col = inv.span.start - lineStart + 1;
  const where = inv.source.file ? `${inv.source.file}:${lineNo}` : `line:${lineNo}`;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const width = Math.max(1, Math.min(inv.span.end, lineEnd) - inv.span.start);
  o.addNote('HistoryId', inv.historyId ?? -1);
  o.addNote('PositionMessage', `At ${where} char:${col}\n+ ${line}\n+ ${' '.repeat(col - 1)}${'~'.repeat(width)}`);
  return o;
}

function errorRecordMember(r: ErrorRecord, name: string): unknown {
  switch (lower(name)) {
    case 'exception':
      return exceptionObject(r);
    case 'fullyqualifiederrorid':
      return r.fullyQualifiedErrorId;
    case 'categoryinfo':
      return categoryInfo(r);
    case 'targetobject':
      return r.targetObject;
    case 'invocationinfo':
      return invocationInfo(r);
    case 'errordetails':
      return r.errorDetails ? errorDetailsObject(r.errorDetails) : null;
    case 'scriptstacktrace': {
      // The frame where the error arose: its file (or <No file>) and line. (emsh keeps no call
      // stack for the frames above it.)
      const inv = r.invocation;
      if (!inv) return 'at <ScriptBlock>, <No file>: line 1';
      const line = inv.source.text.slice(0, inv.span.start).split('\n').length;
      return `at <ScriptBlock>, ${inv.source.file ?? '<No file>'}: line ${line}`;
    }
    case 'pipelineiterationinfo':
      return [];
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Dates

function dateMember(d: Date, name: string): unknown {
  switch (lower(name)) {
    case 'year':
      return d.getFullYear();
    case 'month':
      return d.getMonth() + 1;
    case 'day':
      return d.getDate();
    case 'hour':
      return d.getHours();
    case 'minute':
      return d.getMinutes();
    case 'second':
      return d.getSeconds();
    case 'millisecond':
      return d.getMilliseconds();
    case 'dayofweek':
      return DAYS[d.getDay()];
    case 'dayofyear':
      return Math.round((new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime() - new Date(d.getFullYear(), 0, 1).getTime()) / 86400000) + 1;
    case 'date':
      return new Date(d.getFullYear(), d.getMonth(), d.getDate());
    case 'timeofday':
      return timeSpan(d.getHours() * 3600000 + d.getMinutes() * 60000 + d.getSeconds() * 1000 + d.getMilliseconds());
    case 'ticks':
      // .NET ticks: 100 ns since 0001-01-01 (local clock time, as DateTime.Ticks of a local date).
      return (d.getTime() - d.getTimezoneOffset() * 60000) * 10000 + 621355968000000000;
    case 'kind':
      return 'Local';
    case 'datetime':
      return `${longDate(d)} ${formatDate(d, 'h:mm:ss tt')}`;
  }
  return undefined;
}

function addMonths(d: Date, n: number): Date {
  const r = new Date(d.getTime());
  const day = r.getDate();
  r.setDate(1);
  r.setMonth(r.getMonth() + n);
  const last = new Date(r.getFullYear(), r.getMonth() + 1, 0).getDate();
  r.setDate(Math.min(day, last));
  return r;
}

function dateMethod(d: Date, name: string, args: unknown[]): unknown {
  const n = () => toNumber(args[0]);
  const add = (ms: number) => new Date(d.getTime() + ms);
  switch (lower(name)) {
    case 'adddays':
      return add(n() * 86400000);
    case 'addhours':
      return add(n() * 3600000);
    case 'addminutes':
      return add(n() * 60000);
    case 'addseconds':
      return add(n() * 1000);
    case 'addmilliseconds':
      return add(n());
    case 'addticks':
      return add(n() / 10000);
    case 'addmonths':
      return addMonths(d, Math.trunc(n()));
    case 'addyears':
      return addMonths(d, Math.trunc(n()) * 12);
    case 'add': {
      const ts = args[0];
      if (ts instanceof PSObject && ts.typeNames.includes('System.TimeSpan')) return add(Number(ts.get('TotalMilliseconds')));
      return overloadError(name, args.length);
    }
    case 'tostring':
      if (args.length === 0) return dateToString(d);
      return formatDate(d, convertToString(args[0]));
    case 'toshortdatestring':
      return formatDate(d, 'd');
    case 'tolongdatestring':
      return longDate(d);
    case 'toshorttimestring':
      return formatDate(d, 't');
    case 'tolongtimestring':
      return formatDate(d, 'T');
    case 'touniversaltime':
    case 'tolocaltime':
      return new Date(d.getTime());
    case 'subtract': {
      const o = args[0];
      if (o instanceof Date) return timeSpan(d.getTime() - o.getTime());
      if (o instanceof PSObject && o.typeNames.includes('System.TimeSpan')) return add(-Number(o.get('TotalMilliseconds')));
      return overloadError(name, args.length);
    }
    case 'compareto':
      return compareValues(d, args[0]);
    case 'equals':
      return valuesEqual(d, args[0]);
    case 'gettype':
      return new PSTypeValue('System.DateTime');
  }
  return NOT_FOUND;
}

// ---------------------------------------------------------------------------------------------
// Strings

function stringMethod(s: string, name: string, args: unknown[]): unknown {
  const str = (i: number) => convertToString(args[i]);
  const int = (i: number) => convertTo(args[i], 'int') as number;
  const argc = args.length;
  const cmpCase = (i: number) => {
    // StringComparison / bool ignoreCase arguments
    const v = args[i];
    if (typeof v === 'boolean') return v;
    return /ignorecase/i.test(convertToString(v));
  };
  switch (lower(name)) {
    case 'toupper':
    case 'toupperinvariant':
      return s.toUpperCase();
    case 'tolower':
    case 'tolowerinvariant':
      return s.toLowerCase();
    case 'trim':
    case 'trimstart':
    case 'trimend': {
      const which = lower(name);
      if (argc === 0) return which === 'trim' ? s.trim() : which === 'trimstart' ? s.trimStart() : s.trimEnd();
      const chars = new Set(args.flatMap((a) => (Array.isArray(a) ? a : [a])).map(convertToString).join(''));
      let a = 0;
      let b = s.length;
      if (which !== 'trimend') while (a < b && chars.has(s[a]!)) a++;
      if (which !== 'trimstart') while (b > a && chars.has(s[b - 1]!)) b--;
      return s.slice(a, b);
    }
    case 'split': {
      if (argc === 0) return s.split(/\s/);
      const seps = args[0];
      let parts: string[];
      if (Array.isArray(seps) && seps.every((x) => typeof x === 'string' && x.length > 1)) {
        parts = splitMany(s, seps.map(convertToString));
      } else {
        // char separators: every character of the string(s) splits
        const chars = (Array.isArray(seps) ? seps.map(convertToString).join('') : str(0)).split('');
        parts = splitMany(s, chars);
      }
      const opt = argc > 1 ? convertToString(args[argc - 1]) : '';
      let count: number | undefined;
      if (argc > 1 && typeof args[1] === 'number') count = args[1];
      if (/removeemptyentries/i.test(opt)) parts = parts.filter((p) => p !== '');
      if (count !== undefined && parts.length > count) parts = [...parts.slice(0, count - 1), parts.slice(count - 1).join('')];
      return parts;
    }
    case 'substring': {
      if (argc < 1 || argc > 2) overloadError(name, argc);
      const start = int(0);
      if (start < 0 || start > s.length) {
        throw methodException('Substring', argc, 'startIndex cannot be larger than length of string.\r\nParameter name: startIndex', 'ArgumentOutOfRangeException');
      }
      if (argc === 1) return s.slice(start);
      const len = int(1);
      if (len < 0 || start + len > s.length) {
        throw methodException('Substring', argc, 'Index and length must refer to a location within the string.\r\nParameter name: length', 'ArgumentOutOfRangeException');
      }
      return s.substr(start, len);
    }
    case 'replace':
      if (argc !== 2) overloadError(name, argc);
      if (str(0) === '') throw methodException('Replace', 2, 'String cannot be of zero length.\r\nParameter name: oldValue', 'ArgumentException');
      return s.split(str(0)).join(str(1));
    case 'contains':
      return s.includes(str(0));
    case 'startswith':
      return argc > 1 && cmpCase(1) ? s.toLowerCase().startsWith(str(0).toLowerCase()) : s.startsWith(str(0));
    case 'endswith':
      return argc > 1 && cmpCase(1) ? s.toLowerCase().endsWith(str(0).toLowerCase()) : s.endsWith(str(0));
    case 'indexof':
    case 'lastindexof': {
      const last = lower(name) === 'lastindexof';
      const ic = argc > 1 && typeof args[argc - 1] === 'string' && /ignorecase/i.test(str(argc - 1));
      const hay = ic ? s.toLowerCase() : s;
      const needle = ic ? str(0).toLowerCase() : str(0);
      if (argc > 1 && typeof args[1] === 'number') return last ? hay.lastIndexOf(needle, args[1]) : hay.indexOf(needle, args[1]);
      return last ? hay.lastIndexOf(needle) : hay.indexOf(needle);
    }
    case 'indexofany': {
      const chars = Array.isArray(args[0]) ? args[0].map(convertToString) : str(0).split('');
      let best = -1;
      for (const c of chars) {
        const i = s.indexOf(c);
        if (i >= 0 && (best < 0 || i < best)) best = i;
      }
      return best;
    }
    case 'padleft':
      return s.padStart(int(0), argc > 1 ? str(1) : ' ');
    case 'padright':
      return s.padEnd(int(0), argc > 1 ? str(1) : ' ');
    case 'insert':
      return s.slice(0, int(0)) + str(1) + s.slice(int(0));
    case 'remove':
      return argc === 1 ? s.slice(0, int(0)) : s.slice(0, int(0)) + s.slice(int(0) + int(1));
    case 'tochararray':
      return s.split('');
    case 'equals':
      return argc > 1 && cmpCase(1) ? s.toLowerCase() === str(0).toLowerCase() : s === (typeof args[0] === 'string' ? args[0] : null);
    case 'compareto':
      return compareValues(s, args[0], true);
    case 'tostring':
      return s;
    case 'normalize':
      return s.normalize('NFC');
    case 'gethashcode': {
      let h = 0;
      for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
      return h;
    }
    case 'gettype':
      return new PSTypeValue('System.String');
    case 'getenumerator':
      return s.split('');
  }
  return NOT_FOUND;
}

function splitMany(s: string, seps: string[]): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; ) {
    const sep = seps.find((x) => x !== '' && s.startsWith(x, i));
    if (sep !== undefined) {
      out.push(cur);
      cur = '';
      i += sep.length;
    } else {
      cur += s[i];
      i++;
    }
  }
  out.push(cur);
  return out;
}

// ---------------------------------------------------------------------------------------------
// getMember

const NOT_FOUND: unique symbol = Symbol('not-found');

/** Case-insensitive lookup of a JS property (domain objects that are not PSObjects). */
function plainProperty(obj: object, name: string): unknown {
  const l = lower(name);
  for (const k of Object.keys(obj)) if (lower(k) === l) return (obj as Record<string, unknown>)[k];
  let proto = Object.getPrototypeOf(obj);
  while (proto && proto !== Object.prototype) {
    for (const k of Object.getOwnPropertyNames(proto)) {
      if (lower(k) === l && Object.getOwnPropertyDescriptor(proto, k)?.get) return (obj as Record<string, unknown>)[k];
    }
    proto = Object.getPrototypeOf(proto);
  }
  return NOT_FOUND;
}

/** `$x.Name`: a property value, with member enumeration over collections; missing → $null. */
export function getMember(target: unknown, name: string): unknown {
  const v = memberOf(target, name);
  return v === NOT_FOUND || v === undefined ? null : v;
}

/**
 * Member access as the language does it (`$x.Count`): PowerShell 3+ also gives every value the
 * intrinsic Count and Length (1 for a scalar, 0 for $null). Property lookups by cmdlets and
 * formatting (Select-Object Count, a table's Length column) use getMember and see no such member.
 */
export function memberAccess(target: unknown, name: string): unknown {
  const v = memberOf(target, name);
  if (v === NOT_FOUND || v === undefined) {
    const l = lower(name);
    if (l === 'count' || l === 'length') return target === null || target === undefined ? 0 : 1;
    return null;
  }
  return v;
}

/** Whether `$x.Name` finds a member (Set-StrictMode 2 refuses the others). */
export function hasMember(target: unknown, name: string): boolean {
  return memberOf(target, name) !== NOT_FOUND;
}

// ---------------------------------------------------------------------------------------------
// Members of the type table (Update-TypeData, types.ps1xml): after the object's own members

function typeMemberValue(target: unknown, m: TypeMember): unknown {
  switch (m.kind) {
    case 'NoteProperty':
      return m.value;
    case 'AliasProperty': {
      const v = getMember(target, m.referenced);
      return m.conversion ? convertTo(v, m.conversion) : v;
    }
    case 'ScriptProperty':
      return m.getter ? m.getter(target) : null;
    case 'PropertySet':
      return propertySetObject(m.name, m.names);
    case 'ScriptMethod':
      return NOT_FOUND;
  }
}

function propertySetObject(name: string, names: string[]): PSObject {
  const o = new PSObject(['System.Management.Automation.PSPropertySet', 'System.Management.Automation.PSMemberInfo', 'System.Object']);
  o.addNote('ReferencedPropertyNames', markList([...names], TYPE_NAME_LIST));
  o.addNote('MemberType', 'PropertySet');
  o.addNote('Name', name);
  o.addMethod({ name: 'ToString', invoke: () => `${name} {${names.join(', ')}}` });
  return o;
}

function serializationMethod(text: string): unknown {
  try {
    return convertTo(text, 'System.Management.Automation.SerializationMethod');
  } catch {
    return text;
  }
}

/** `$x.PSStandardMembers`: the member set of serialization and display settings. */
function standardMembersObject(target: unknown, s: StandardMembers): PSObject {
  const o = new PSObject(['System.Management.Automation.PSMemberSet', 'System.Management.Automation.PSMemberInfo', 'System.Object']);
  // The type table converts the note to its type, as 5.1's does: `string` reads back as String.
  if (s.SerializationMethod !== undefined) o.addNote('SerializationMethod', serializationMethod(s.SerializationMethod));
  if (s.SerializationDepth !== undefined) o.addNote('SerializationDepth', s.SerializationDepth);
  if (s.StringSerializationSource !== undefined) {
    const source = s.StringSerializationSource;
    o.addProperty({ name: 'StringSerializationSource', memberType: 'AliasProperty', get: () => getMember(target, source) });
  }
  if (s.TargetTypeForDeserialization !== undefined) o.addNote('TargetTypeForDeserialization', s.TargetTypeForDeserialization);
  if (s.InheritPropertySerializationSet !== undefined) o.addNote('InheritPropertySerializationSet', s.InheritPropertySerializationSet);
  if (s.DefaultDisplayProperty !== undefined) o.addNote('DefaultDisplayProperty', s.DefaultDisplayProperty);
  const sets: [string, string[] | undefined][] = [
    ['DefaultDisplayPropertySet', s.DefaultDisplayPropertySet],
    ['DefaultKeyPropertySet', s.DefaultKeyPropertySet],
    ['PropertySerializationSet', s.PropertySerializationSet],
  ];
  for (const [n, names] of sets) if (names) o.addNote(n, propertySetObject(n, names));
  return o;
}

function typeDataMember(target: unknown, typeNames: readonly string[], name: string): unknown {
  const m = typeTableMember(typeNames, name);
  if (m) return typeMemberValue(target, m);
  if (lower(name) === 'psstandardmembers') {
    const s = standardMembers(typeNames);
    if (s) return standardMembersObject(target, s);
  }
  return NOT_FOUND;
}

function memberOf(target: unknown, name: string): unknown {
  if (target === null || target === undefined) return NOT_FOUND;
  if (target instanceof PSObject) {
    const p = target.property(name);
    if (p) return p.get();
    if (typeDataActive()) {
      const v = typeDataMember(target, target.typeNames, name);
      if (v !== NOT_FOUND) return v;
    }
    const l = lower(name);
    if (l === 'pstypenames') return markList(target.typeNames, TYPE_NAME_LIST);
    if (l === 'psobject') return psObjectView(target);
    if (target.baseObject !== undefined) return memberOf(target.baseObject, name);
    return NOT_FOUND;
  }
  if (name.length === 8 && lower(name) === 'psobject') return psObjectView(target);
  if (typeof target === 'object') {
    const p = instanceMembers(target)?.property(name);
    if (p) return p.get();
  }
  if (typeDataActive()) {
    const v = typeDataMember(target, typeNamesOf(target), name);
    if (v !== NOT_FOUND) return v;
  }
  if (typeof target === 'string') return lower(name) === 'length' ? target.length : NOT_FOUND;
  if (Array.isArray(target)) {
    const l = lower(name);
    if (l === 'count' || l === 'length' || l === 'longlength') return target.length;
    if (l === 'rank') return 1;
    if (l === 'issynchronized' || l === 'isfixedsize' || l === 'isreadonly') return l === 'isfixedsize';
    // Member enumeration: the property of each element, flattened one level.
    const out: unknown[] = [];
    for (const el of target) {
      const v = memberOf(el, name);
      if (v === NOT_FOUND) continue;
      if (Array.isArray(v)) out.push(...v);
      else out.push(v);
    }
    if (out.length === 0) return NOT_FOUND;
    return out.length === 1 ? out[0] : out;
  }
  if (target instanceof Uint8Array) {
    const l = lower(name);
    return l === 'count' || l === 'length' || l === 'longlength' ? target.length : NOT_FOUND;
  }
  if (target instanceof PSHashtable) {
    if (target.has(name)) return target.get(name);
    switch (lower(name)) {
      case 'keys':
        return keyValueCollection(target, target.keys(), 'Key');
      case 'values':
        return keyValueCollection(target, target.values(), 'Value');
      case 'count':
        return target.size;
      case 'isreadonly':
      case 'isfixedsize':
      case 'issynchronized':
        return false;
    }
    return NOT_FOUND;
  }
  if (target instanceof Date) return dateMember(target, name) ?? NOT_FOUND;
  if (target instanceof EnumValue) return lower(name) === 'value__' ? target.value : NOT_FOUND;
  if (target instanceof ErrorRecord) return errorRecordMember(target, name) ?? NOT_FOUND;
  if (target instanceof PSTypeValue) return typeMember(target, name) ?? NOT_FOUND;
  if (target instanceof SecureString) return lower(name) === 'length' ? target.Length : NOT_FOUND;
  if (target instanceof ScriptBlockValue) return NOT_FOUND;
  if (typeof target === 'object') return plainProperty(target, name);
  return NOT_FOUND;
}

// ---------------------------------------------------------------------------------------------
// setMember

function propertyNotFound(name: string): never {
  raise(`The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`, 'PropertyNotFound');
}

/** `$x.Name = v`: PSObject settable properties, hashtable keys; PropertyNotFound otherwise. */
export function setMember(target: unknown, name: string, value: unknown): void {
  if (target instanceof PSHashtable) {
    target.set(name, value);
    return;
  }
  if (target instanceof PSObject) {
    const p = target.property(name);
    if (!p) propertyNotFound(name);
    if (!p.set) raise(`'${p.name}' is a ReadOnly property.`, 'PropertyAssignmentException');
    p.set(value);
    return;
  }
  if (target !== null && typeof target === 'object' && !Array.isArray(target) && !(target instanceof Date) && !(target instanceof Uint8Array)) {
    const l = lower(name);
    const key = Object.keys(target).find((k) => lower(k) === l);
    if (key) {
      (target as Record<string, unknown>)[key] = value;
      return;
    }
    let proto = Object.getPrototypeOf(target);
    while (proto && proto !== Object.prototype) {
      for (const k of Object.getOwnPropertyNames(proto)) {
        if (lower(k) !== l) continue;
        const d = Object.getOwnPropertyDescriptor(proto, k);
        if (d?.set) {
          (target as Record<string, unknown>)[k] = value;
          return;
        }
        if (d?.get) raise(`'${k}' is a ReadOnly property.`, 'PropertyAssignmentException');
      }
      proto = Object.getPrototypeOf(proto);
    }
  }
  propertyNotFound(name);
}

// ---------------------------------------------------------------------------------------------
// invokeMethod

function commonMethod(target: unknown, name: string, args: unknown[]): unknown {
  switch (lower(name)) {
    case 'gettype':
      return typeValueOf(target);
    case 'tostring':
      if (args.length === 0) return target instanceof Date ? dateToString(target) : toDisplayText(target);
      return formatValue(target, convertToString(args[0]));
    case 'equals':
      return valuesEqual(target, args[0], true);
    case 'gethashcode':
      return 0;
  }
  return NOT_FOUND;
}

/** Stack[T], Queue[T], HashSet[T], LinkedList[T]: a list in enumeration order (a stack's top first). */
function collectionMethod(list: unknown[], kind: ListKind, name: string, args: unknown[]): unknown {
  const item = (v: unknown) => elementArgument(kind, name, v);
  const one = () => {
    if (args.length !== 1) overloadError(name, args.length);
    return item(args[0]);
  };
  const notEmpty = (what: string) => {
    if (list.length === 0) throw methodException(name, args.length, `${what} empty.`, 'InvalidOperationException');
  };
  const l = lower(name);
  switch (kind.collection) {
    case 'Stack':
      if (l === 'push') return void list.unshift(one());
      if (l === 'pop' || l === 'peek') {
        notEmpty('Stack');
        return l === 'pop' ? list.shift() : list[0];
      }
      break;
    case 'Queue':
      if (l === 'enqueue') return void list.push(one());
      if (l === 'dequeue' || l === 'peek') {
        notEmpty('Queue');
        return l === 'dequeue' ? list.shift() : list[0];
      }
      break;
    case 'HashSet': {
      if (l === 'add') {
        const v = one();
        if (list.some((x) => valuesEqual(x, v, true))) return false;
        list.push(v);
        return true;
      }
      const others = () => (Array.isArray(args[0]) ? args[0] : [args[0]]).map(item);
      if (l === 'unionwith') {
        for (const v of others()) if (!list.some((x) => valuesEqual(x, v, true))) list.push(v);
        return undefined;
      }
      if (l === 'intersectwith' || l === 'exceptwith') {
        const o = others();
        const keep = list.filter((x) => o.some((v) => valuesEqual(x, v, true)) === (l === 'intersectwith'));
        list.splice(0, list.length, ...keep);
        return undefined;
      }
      break;
    }
    case 'LinkedList':
      if (l === 'addlast' || l === 'addfirst') {
        const v = one();
        if (l === 'addlast') list.push(v);
        else list.unshift(v);
        const node = new PSObject(['System.Collections.Generic.LinkedListNode`1', 'System.Object']);
        node.addNote('Value', v);
        return node;
      }
      if (l === 'removefirst' || l === 'removelast') {
        notEmpty('The LinkedList is');
        if (l === 'removefirst') list.shift();
        else list.pop();
        return undefined;
      }
      break;
  }
  // What a stack, queue, set or linked list shares with a list; the rest is not theirs.
  return ['clear', 'toarray', 'remove', 'tostring'].includes(l) ? growingListMethod(list, { ...kind, collection: undefined }, name, args) : NOT_FOUND;
}

/**
 * A method's argument that does not convert to its parameter's type: 5.1's
 * MethodArgumentConversionInvalidCastArgument, naming the parameter, the value and the inner failure.
 */
export function methodArgumentError(method: string, parameter: string, value: unknown, typeName: string, inner: string): TerminatingError {
  return runtimeError(
    `Cannot convert argument "${parameter}", with value: "${toDisplayText(value)}", for "${method}" to type "${typeName}": "${inner}"`,
    'MethodArgumentConversionInvalidCastArgument',
    'NotSpecified',
    'MethodException',
  );
}

/** A typed collection's element argument (`List[int].Add('x')`), converted or refused as a method argument. */
function elementArgument(kind: ListKind, method: string, value: unknown): unknown {
  if (!kind.elementType) return value;
  try {
    return convertTo(value, kind.elementType);
  } catch (e) {
    if (!(e instanceof TerminatingError)) throw e;
    throw methodArgumentError(method, 'item', value, dotnetTypeName(kind.elementType), e.record.message);
  }
}

/** The methods of a growing list (ArrayList, List[T], Collection[string]). */
function growingListMethod(list: unknown[], kind: ListKind, name: string, args: unknown[]): unknown {
  if (kind.collection) return collectionMethod(list, kind, name, args);
  const item = (v: unknown) => elementArgument(kind, name, v);
  switch (lower(name)) {
    case 'add':
      if (args.length !== 1) overloadError(name, args.length);
      list.push(item(args[0]));
      return kind.addReturnsIndex ? list.length - 1 : undefined;
    case 'addrange':
      for (const v of Array.isArray(args[0]) ? args[0] : [args[0]]) list.push(item(v));
      return undefined;
    case 'insert': {
      const i = Math.trunc(toNumber(args[0]));
      if (i < 0 || i > list.length) throw methodException('Insert', args.length, 'Index must be within the bounds of the List.\r\nParameter name: index', 'ArgumentOutOfRangeException');
      list.splice(i, 0, item(args[1]));
      return undefined;
    }
    case 'remove': {
      const i = list.findIndex((x) => valuesEqual(x, args[0], true));
      if (i >= 0) list.splice(i, 1);
      return kind.addReturnsIndex ? undefined : i >= 0;
    }
    case 'removeat': {
      const i = Math.trunc(toNumber(args[0]));
      if (i < 0 || i >= list.length) throw methodException('RemoveAt', args.length, 'Index was out of range. Must be non-negative and less than the size of the collection.\r\nParameter name: index', 'ArgumentOutOfRangeException');
      list.splice(i, 1);
      return undefined;
    }
    case 'clear':
      list.length = 0;
      return undefined;
    case 'toarray':
      return [...list];
    case 'reverse':
      list.reverse();
      return undefined;
    case 'sort':
      list.sort((a, b) => compareValues(a, b));
      return undefined;
    case 'clone':
      return markList([...list], kind);
    case 'tostring':
      return kind.typeName;
  }
  return NOT_FOUND;
}

function arrayMethod(arr: unknown[] | Uint8Array, name: string, args: unknown[]): unknown {
  const kind = listKindOf(arr);
  if (kind === MEMBER_LIST) return memberListMethod(arr as unknown[], name, args);
  if (kind) {
    const r = growingListMethod(arr as unknown[], kind, name, args);
    if (r !== NOT_FOUND) return r;
  }
  const list = Array.isArray(arr) ? arr : Array.from(arr);
  switch (lower(name)) {
    case 'contains':
      return list.some((x) => valuesEqual(x, args[0], true));
    case 'indexof':
      return list.findIndex((x) => valuesEqual(x, args[0], true));
    case 'lastindexof': {
      for (let i = list.length - 1; i >= 0; i--) if (valuesEqual(list[i], args[0], true)) return i;
      return -1;
    }
    case 'gettype':
      return typeValueOf(arr);
    case 'tostring':
      return typeNameOf(arr);
    case 'clone':
      return Array.isArray(arr) ? [...arr] : new Uint8Array(arr);
    case 'getenumerator':
      return list;
    case 'add':
      if (Array.isArray(arr)) {
        // ArrayList.Add; an [object[]] is fixed size in .NET
        throw methodException('Add', args.length, 'Collection was of a fixed size.', 'NotSupportedException');
      }
      break;
    case 'equals':
      return arr === args[0];
    case 'where':
    case 'foreach':
      break;
  }
  return NOT_FOUND;
}

function hashtableMethod(h: PSHashtable, name: string, args: unknown[]): unknown {
  switch (lower(name)) {
    case 'containskey':
    case 'contains':
      return h.has(args[0]);
    case 'containsvalue':
      return h.values().some((v) => valuesEqual(v, args[0], true));
    case 'add':
      if (args.length !== 2) overloadError(name, args.length);
      if (h.has(args[0])) {
        const existing = h.keys().find((k) => valuesEqual(k, args[0]));
        throw methodException('Add', 2, `Item has already been added. Key in dictionary: '${toDisplayText(existing)}'  Key being added: '${toDisplayText(args[0])}'`, 'ArgumentException');
      }
      h.set(args[0], args[1]);
      return undefined;
    case 'remove':
      h.delete(args[0]);
      return undefined;
    case 'clear':
      for (const k of h.keys()) h.delete(k);
      return undefined;
    case 'getenumerator':
      return dictionaryEntries(h);
    case 'clone': {
      const c = new PSHashtable();
      c.caseSensitive = h.caseSensitive;
      c.ordered = h.ordered;
      for (const [k, v] of h.entries()) c.set(k, v);
      return c;
    }
    case 'get_item':
      return h.get(args[0]);
    case 'set_item':
      h.set(args[0], args[1]);
      return undefined;
  }
  return NOT_FOUND;
}

function numberMethod(n: Numeric | PSChar, name: string, args: unknown[]): unknown {
  switch (lower(name)) {
    case 'tostring':
      return args.length && args[0] !== null && args[0] !== undefined && !(n instanceof PSChar) ? formatValue(n, convertToString(args[0])) : toDisplayText(n);
    case 'compareto':
      return compareValues(n, args[0]);
    case 'equals': {
      // .NET's Equals: same type and value (5 -eq 5L is True, (5).Equals(5L) is False).
      const other = args[0];
      if (n instanceof PSChar) return other instanceof PSChar && other.code === n.code;
      return isNumeric(other) && typeNamesOf(other)[0] === typeNamesOf(n)[0] && compareNumeric(n, other) === 0;
    }
    case 'gethashcode':
      return Number(n) | 0;
  }
  return NOT_FOUND;
}

/** System.Enum's methods: HasFlag, ToString with the G/D/X/F formats, CompareTo, GetTypeCode. */
function enumMethod(e: EnumValue, name: string, args: unknown[]): unknown {
  switch (lower(name)) {
    case 'hasflag': {
      if (args.length !== 1) overloadError('HasFlag', args.length);
      const flag = enumValue(e.typeName, args[0]).value;
      return (e.value & flag) === flag;
    }
    case 'tostring': {
      const f = args.length ? lower(convertToString(args[0])) : 'g';
      if (f === 'd') return String(e.value);
      if (f === 'x') return (e.value >>> 0).toString(16).toUpperCase().padStart(8, '0');
      return e.text;
    }
    case 'compareto':
      return compareValues(e, args[0]);
    case 'equals':
      return args[0] instanceof EnumValue && args[0].typeName === e.typeName && args[0].value === e.value;
    case 'gettypecode':
      return 'Int32';
    case 'gethashcode':
      return e.value;
  }
  return NOT_FOUND;
}

/** Types compiled by Add-Type: lower-case full name → their in-memory assembly's full name. */
const TYPE_ASSEMBLIES = new Map<string, string>();

/** Records the assembly Add-Type compiled a type into (what `[T].Assembly.FullName` gives). */
export function registerTypeAssembly(fullName: string, assemblyFullName: string): void {
  TYPE_ASSEMBLIES.set(fullName.toLowerCase(), assemblyFullName);
}

/**
 * The assembly a type comes from, as far as scripts use it: `[object].Assembly.GetType('System.Action``2')`
 * finds a type (open generic definitions included) by its full name, or gives $null.
 */
function assemblyOf(full: string): PSObject {
  const a = new PSObject(['System.Reflection.RuntimeAssembly', 'System.Reflection.Assembly', 'System.Object']);
  const name = TYPE_ASSEMBLIES.get(full.toLowerCase()) ?? (full.startsWith('System.Management.Automation.') ? 'System.Management.Automation, Version=3.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35' : 'mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089');
  a.addNote('FullName', name);
  a.addMethod({
    name: 'GetType',
    definition: 'type GetType(string name), type GetType(string name, bool throwOnError)',
    invoke: (args) => {
      const found = args.length ? resolveTypeName(convertToString(args[0])) : undefined;
      return found ? new PSTypeValue(found) : null;
    },
  });
  return a;
}

/** `[System.Action``2].MakeGenericType([int], [string])`: the closed type, in emsh's form. */
function makeGenericType(t: PSTypeValue, args: unknown[]): PSTypeValue {
  const open = /^(.*)`(\d+)$/.exec(t.fullName);
  const types = (args.length === 1 && Array.isArray(args[0]) ? args[0] : args).map((a) => (a instanceof PSTypeValue ? a.fullName : resolveTypeName(convertToString(a))));
  if (!open) throw methodException('MakeGenericType', args.length, `${t.fullName} is not a GenericTypeDefinition. MakeGenericType may only be called on a type for which Type.IsGenericTypeDefinition is true.`, 'InvalidOperationException');
  const closed = types.every((x) => x !== undefined) && Number(open[2]) === types.length ? resolveTypeName(`${open[1]}[${types.join(',')}]`) : undefined;
  if (!closed) throw methodException('MakeGenericType', args.length, 'The number of generic arguments provided doesn\'t equal the arity of the generic type definition.\r\nParameter name: instantiation', 'ArgumentException');
  return new PSTypeValue(closed);
}

function typeMethod(t: PSTypeValue, name: string, args: unknown[]): unknown {
  switch (lower(name)) {
    case 'makegenerictype':
      return makeGenericType(t, args);
    case 'tostring':
      return t.fullName;
    case 'gettype':
      return new PSTypeValue('System.RuntimeType');
    case 'equals':
      return args[0] instanceof PSTypeValue && args[0].fullName === t.fullName;
  }
  return NOT_FOUND;
}

/**
 * `$x.Name(args)`. Errors: InvokeMethodOnNull, MethodNotFound, MethodCountCouldNotFindBest,
 * and `Exception calling ...` for failures inside a method.
 */
export function invokeMethod(target: unknown, name: string, args: unknown[]): unknown {
  if (target === null || target === undefined) raise('You cannot call a method on a null-valued expression.', 'InvokeMethodOnNull');
  let r: unknown = NOT_FOUND;
  if (typeDataActive()) {
    const m = typeTableMember(target instanceof PSObject ? target.typeNames : typeNamesOf(target), name);
    if (m?.kind === 'ScriptMethod' && !(target instanceof PSObject && target.method(name))) return m.invoke(target, args);
  }
  if (target instanceof PSObject) {
    const m = target.method(name);
    if (m) return m.invoke(args);
    if (target.baseObject !== undefined) return invokeMethod(target.baseObject, name, args);
    const l = lower(name);
    if (l === 'tostring' && args.length === 0) return target.toString();
    if (l === 'gettype') return new PSTypeValue(target.typeNames[0] ?? 'System.Object');
    if (l === 'equals') return target === args[0];
    if (l === 'gethashcode') return 0;
    // Script properties of domain objects with a callable value.
    methodNotFound(target, name);
  }
  if (typeof target === 'object') {
    const m = instanceMembers(target)?.method(name);
    if (m) return m.invoke(args);
  }
  if (typeof target === 'string') r = stringMethod(target, name, args);
  else if (isNumeric(target) || target instanceof PSChar) r = numberMethod(target, name, args);
  else if (target instanceof Date) r = dateMethod(target, name, args);
  else if (target instanceof EnumValue) r = enumMethod(target, name, args);
  else if (Array.isArray(target) || target instanceof Uint8Array) {
    r = arrayMethod(target, name, args);
    if (r === NOT_FOUND && Array.isArray(target) && target.length > 0) {
      // Method enumeration (PowerShell 3+): call it on each element.
      const first = target.find((x) => x !== null && x !== undefined);
      if (first !== undefined && hasMethod(first, name)) {
        const out = target.filter((x) => x !== null && x !== undefined).map((x) => invokeMethod(x, name, args));
        return out.length === 1 ? out[0] : out;
      }
    }
  } else if (target instanceof PSHashtable) r = hashtableMethod(target, name, args);
  else if (target instanceof PSTypeValue) r = typeMethod(target, name, args);
  else if (target instanceof ErrorRecord) {
    if (lower(name) === 'tostring') return target.message;
  } else if (target instanceof SecureString) {
    const l = lower(name);
    if (l === 'dispose' || l === 'makereadonly') return undefined;
    if (l === 'copy') return new SecureString(target.reveal());
  } else if (target instanceof ScriptBlockValue) {
    if (lower(name) === 'tostring') return target.text;
  } else if (typeof target === 'object') {
    // Domain classes that are not PSObjects: their own JS methods, matched case-insensitively.
    const key = findMethodKey(target, name);
    if (key) return ((target as Record<string, unknown>)[key] as (...a: unknown[]) => unknown).apply(target, args);
  }
  if (r === NOT_FOUND) r = commonMethod(target, name, args);
  if (r === NOT_FOUND) methodNotFound(target, name);
  return r;
}

function findMethodKey(obj: object, name: string): string | undefined {
  const l = lower(name);
  let proto = Object.getPrototypeOf(obj);
  while (proto && proto !== Object.prototype) {
    for (const k of Object.getOwnPropertyNames(proto)) {
      if (k !== 'constructor' && lower(k) === l && typeof Object.getOwnPropertyDescriptor(proto, k)?.value === 'function') return k;
    }
    proto = Object.getPrototypeOf(proto);
  }
  return undefined;
}

function hasMethod(target: unknown, name: string): boolean {
  if (target instanceof PSObject) return !!target.method(name);
  const names = methodNamesOf(target);
  return names.some((m) => lower(m) === lower(name));
}

// ---------------------------------------------------------------------------------------------
// memberNames (Get-Member)

const STRING_METHODS = [
  'Clone', 'CompareTo', 'Contains', 'EndsWith', 'Equals', 'GetHashCode', 'GetType', 'IndexOf', 'IndexOfAny', 'Insert',
  'LastIndexOf', 'Normalize', 'PadLeft', 'PadRight', 'Remove', 'Replace', 'Split', 'StartsWith', 'Substring',
  'ToCharArray', 'ToLower', 'ToLowerInvariant', 'ToString', 'ToUpper', 'ToUpperInvariant', 'Trim', 'TrimEnd', 'TrimStart',
];
const DATE_METHODS = [
  'Add', 'AddDays', 'AddHours', 'AddMilliseconds', 'AddMinutes', 'AddMonths', 'AddSeconds', 'AddTicks', 'AddYears', 'CompareTo',
  'Equals', 'GetHashCode', 'GetType', 'Subtract', 'ToLocalTime', 'ToLongDateString', 'ToLongTimeString', 'ToShortDateString',
  'ToShortTimeString', 'ToString', 'ToUniversalTime',
];
const DATE_PROPS: [string, string][] = [
  ['Date', 'datetime'], ['Day', 'int'], ['DayOfWeek', 'System.DayOfWeek'], ['DayOfYear', 'int'], ['Hour', 'int'], ['Kind', 'System.DateTimeKind'],
  ['Millisecond', 'int'], ['Minute', 'int'], ['Month', 'int'], ['Second', 'int'], ['Ticks', 'long'], ['TimeOfDay', 'timespan'], ['Year', 'int'],
];
const HASHTABLE_METHODS = ['Add', 'Clear', 'Clone', 'Contains', 'ContainsKey', 'ContainsValue', 'Equals', 'GetEnumerator', 'GetHashCode', 'GetType', 'Remove', 'ToString'];
const NUMBER_METHODS = ['CompareTo', 'Equals', 'GetHashCode', 'GetType', 'ToString'];
const OBJECT_METHODS = ['Equals', 'GetHashCode', 'GetType', 'ToString'];
const ENUM_METHODS: [string, string][] = [
  ['CompareTo', 'int CompareTo(System.Object target), int IComparable.CompareTo(System.Object obj)'],
  ['Equals', 'bool Equals(System.Object obj)'],
  ['GetHashCode', 'int GetHashCode()'],
  ['GetType', 'type GetType()'],
  ['GetTypeCode', 'System.TypeCode GetTypeCode(), System.TypeCode IConvertible.GetTypeCode()'],
  ['HasFlag', 'bool HasFlag(System.Enum flag)'],
  ['ToString', 'string ToString(), string ToString(string format, System.IFormatProvider provider), string ToString(string format), string ToString(System.IFormatProvider provider), string IFormattable.ToString(string format, System.IFormatProvider provider), string IConvertible.ToString(System.IFormatProvider provider)'],
];

function methodNamesOf(target: unknown): string[] {
  if (typeof target === 'string') return STRING_METHODS;
  if (isNumeric(target) || target instanceof PSChar || typeof target === 'boolean') return NUMBER_METHODS;
  if (target instanceof Date) return DATE_METHODS;
  if (target instanceof PSHashtable) return HASHTABLE_METHODS;
  return OBJECT_METHODS;
}

/** The short type keyword Get-Member uses in definitions: `string`, `int`, `datetime`. */
export function definitionTypeName(v: unknown): string {
  const full = typeNameOf(v);
  const map: Record<string, string> = {
    'System.String': 'string', 'System.Int32': 'int', 'System.Int64': 'long', 'System.Double': 'double', 'System.Boolean': 'bool',
    'System.Decimal': 'decimal', 'System.Single': 'float', 'System.Byte': 'byte', 'System.SByte': 'sbyte', 'System.Int16': 'int16',
    'System.UInt16': 'uint16', 'System.UInt32': 'uint32', 'System.UInt64': 'uint64', 'System.Char': 'char',
    'System.DateTime': 'datetime', 'System.Object[]': 'Object[]', 'System.Byte[]': 'byte[]', 'System.Collections.Hashtable': 'hashtable',
  };
  return map[full] ?? full;
}

/** The type names Get-Member writes as PowerShell's keywords (`bool HasPrivateKey {get;}`). */
const TYPE_KEYWORDS: Record<string, string> = {
  'System.String': 'string', 'System.Int32': 'int', 'System.Int64': 'long', 'System.Int16': 'int16', 'System.Byte': 'byte',
  'System.SByte': 'sbyte', 'System.UInt16': 'uint16', 'System.UInt32': 'uint32', 'System.UInt64': 'uint64', 'System.Boolean': 'bool',
  'System.Double': 'double', 'System.Single': 'float', 'System.Decimal': 'decimal', 'System.DateTime': 'datetime', 'System.Char': 'char',
  'System.Guid': 'guid', 'System.TimeSpan': 'timespan', 'System.Collections.Hashtable': 'hashtable', 'System.Version': 'version',
  'System.Uri': 'uri', 'System.Type': 'type', 'System.Management.Automation.ScriptBlock': 'scriptblock',
  'System.Security.SecureString': 'securestring', 'System.Text.RegularExpressions.Regex': 'regex', 'System.Net.IPAddress': 'ipaddress',
};

/**
 * A .NET type name as Get-Member's definitions show it: keywords for the built-in types, arrays
 * and generics in PowerShell's syntax (`System.Nullable[bool]`, `...MultiValuedProperty[string]`).
 */
export function memberTypeName(full: string): string {
  if (full.endsWith('[]')) return memberTypeName(full.slice(0, -2)) + '[]';
  const g = /^([^`[]+)`\d+\[(.*)\]$/.exec(full);
  if (g) {
    const args = g[2]!.match(/\[[^\]]*\]|[^,\s]+/g) ?? [];
    return `${g[1]}[${args.map((a) => memberTypeName(a.replace(/^\[|\]$/g, '').split(',')[0]!.trim())).join(',')}]`;
  }
  return TYPE_KEYWORDS[full] ?? full;
}

/** Get-Member's rows: properties then methods, each alphabetical as PowerShell lists them. */
export function memberNames(target: unknown, includeHidden = false): MemberRow[] {
  const rows = objectMemberNames(target, includeHidden);
  if (!typeDataActive() || target === null || target === undefined) return rows;
  const extra = typeMembers(target instanceof PSObject ? target.typeNames : typeNamesOf(target));
  if (extra.length === 0) return rows;
  const names = new Set(rows.map((m) => lower(m.name)));
  return sortRows([...rows, ...extra.filter((m) => !names.has(lower(m.name))).map(typeMemberRow)]);
}

function typeMemberRow(m: TypeMember): MemberRow {
  switch (m.kind) {
    case 'NoteProperty':
      return { name: m.name, memberType: m.kind, definition: `${definitionTypeName(m.value)} ${m.name}=${toDisplayText(m.value)}` };
    case 'AliasProperty':
      return { name: m.name, memberType: m.kind, definition: `${m.name} = ${m.conversion ? `(${m.conversion})` : ''}${m.referenced}` };
    case 'ScriptProperty':
      return { name: m.name, memberType: m.kind, definition: `System.Object ${m.name} {get=${m.getterText ?? ''};${m.setterText !== undefined ? `set=${m.setterText};` : ''}}` };
    case 'ScriptMethod':
      return { name: m.name, memberType: m.kind, definition: `System.Object ${m.name}();` };
    case 'PropertySet':
      return { name: m.name, memberType: m.kind, definition: `${m.name} {${m.names.join(', ')}}` };
  }
}

function objectMemberNames(target: unknown, includeHidden: boolean): MemberRow[] {
  const bag = target instanceof PSObject ? undefined : target !== null && typeof target === 'object' ? instanceMembers(target) : undefined;
  if (target instanceof PSObject && target.baseObject !== undefined) {
    const own = ownMemberNames(target, includeHidden).filter((m) => m.memberType !== 'Method' || !OBJECT_METHODS.includes(m.name));
    const names = new Set(own.map((m) => lower(m.name)));
    return sortRows([...own, ...ownMemberNames(target.baseObject).filter((m) => !names.has(lower(m.name)))]);
  }
  if (bag) {
    const own = ownMemberNames(bag).filter((m) => m.memberType !== 'Method' || !OBJECT_METHODS.includes(m.name));
    const names = new Set(own.map((m) => lower(m.name)));
    return sortRows([...own, ...ownMemberNames(target).filter((m) => !names.has(lower(m.name)))]);
  }
  return ownMemberNames(target, includeHidden);
}

function ownMemberNames(target: unknown, includeHidden = false): MemberRow[] {
  const props: { name: string; memberType: string; definition: string }[] = [];
  const methods: { name: string; memberType: string; definition: string }[] = [];
  const method = (n: string, def?: string) => methods.push({ name: n, memberType: 'Method', definition: def ?? `${n}()` });
  if (target instanceof PSObject) {
    for (const p of target.properties(includeHidden)) {
      const t = p.typeName ? memberTypeName(p.typeName) : definitionTypeName(safeGet(p.get));
      if (p.memberType === 'NoteProperty') props.push({ name: p.name, memberType: 'NoteProperty', definition: `${t} ${p.name}=${toDisplayText(safeGet(p.get))}` });
      else props.push({ name: p.name, memberType: p.memberType, definition: p.definition ?? `${t} ${p.name} {get;${p.set ? 'set;' : ''}}` });
    }
    const own = new Set(target.methodList(true).map((m) => lower(m.name)));
    for (const m of target.methodList(includeHidden)) methods.push({ name: m.name, memberType: m.memberType ?? 'Method', definition: m.definition ?? `${m.name}()` });
    for (const n of OBJECT_METHODS) if (!own.has(lower(n))) method(n, defaultDefinition(n));
  } else if (typeof target === 'string') {
    props.push({ name: 'Length', memberType: 'Property', definition: 'int Length {get;}' });
    for (const n of STRING_METHODS) method(n, defaultDefinition(n));
  } else if (target instanceof Date) {
    for (const [n, t] of DATE_PROPS) props.push({ name: n, memberType: 'Property', definition: `${t} ${n} {get;}` });
    props.push({ name: 'DateTime', memberType: 'ScriptProperty', definition: 'System.Object DateTime {get=...}' });
    for (const n of DATE_METHODS) method(n, defaultDefinition(n));
  } else if (target instanceof PSHashtable) {
    props.push({ name: 'Count', memberType: 'Property', definition: 'int Count {get;}' });
    props.push({ name: 'Keys', memberType: 'Property', definition: 'System.Collections.ICollection Keys {get;}' });
    props.push({ name: 'Values', memberType: 'Property', definition: 'System.Collections.ICollection Values {get;}' });
    for (const n of HASHTABLE_METHODS) method(n, defaultDefinition(n));
  } else if (target instanceof EnumValue) {
    for (const [n, d] of ENUM_METHODS) method(n, d);
    props.push({ name: 'value__', memberType: 'Property', definition: 'int value__ {get;set;}' });
  } else if (target instanceof ErrorRecord) {
    for (const n of ['CategoryInfo', 'ErrorDetails', 'Exception', 'FullyQualifiedErrorId', 'InvocationInfo', 'PipelineIterationInfo', 'ScriptStackTrace', 'TargetObject']) {
      props.push({ name: n, memberType: 'Property', definition: `${n} {get;}` });
    }
    for (const n of OBJECT_METHODS) method(n, defaultDefinition(n));
  } else if (target !== null && target !== undefined) {
    for (const n of methodNamesOf(target)) method(n, defaultDefinition(n));
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en-US', { sensitivity: 'base' });
  return [...methods.sort(byName), ...props.sort(byName)];
}

type MemberRow = { name: string; memberType: string; definition: string };

/** Methods first, then the properties, each alphabetical (Get-Member's order). */
function sortRows(rows: MemberRow[]): MemberRow[] {
  const byName = (a: MemberRow, b: MemberRow) => a.name.localeCompare(b.name, 'en-US', { sensitivity: 'base' });
  const isMethod = (m: MemberRow) => /Method$/.test(m.memberType);
  return [...rows.filter(isMethod).sort(byName), ...rows.filter((m) => !isMethod(m)).sort(byName)];
}

// ---------------------------------------------------------------------------------------------
// `$x.psobject`: the PSObject view of any value (Properties, Methods, Members, TypeNames, BaseObject)

/** `.psobject.TypeNames` / `.pstypenames`: a Collection[string] (Insert, Add, Remove change the object). */
/**
 * `.Keys` / `.Values` of a hashtable: .NET's own collection types (Hashtable+KeyCollection,
 * OrderedDictionary's OrderedDictionaryKeyValueCollection), which scripts see in PSObject.TypeNames.
 */
function keyValueCollection(h: PSHashtable, items: unknown[], part: 'Key' | 'Value'): unknown[] {
  if (h.typeName === 'System.Collections.Hashtable') return markList(items, { typeName: `System.Collections.Hashtable+${part}Collection`, addReturnsIndex: false });
  if (h.typeName === 'System.Collections.Specialized.OrderedDictionary') return markList(items, ORDERED_KEY_VALUE_LIST);
  return items;
}

const ORDERED_KEY_VALUE_LIST: ListKind = { typeName: 'System.Collections.Specialized.OrderedDictionary+OrderedDictionaryKeyValueCollection', addReturnsIndex: false };

const TYPE_NAME_LIST: ListKind = {
  typeName: 'System.Collections.ObjectModel.Collection`1[[System.String, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089]]',
  addReturnsIndex: false,
  elementType: 'System.String',
};

/** `.psobject.Properties` / `.Methods` / `.Members`: a read-only view whose Item and Match find members by name. */
const MEMBER_LIST: ListKind = {
  typeName: 'System.Management.Automation.PSMemberInfoIntegratingCollection`1[[System.Management.Automation.PSMemberInfo, System.Management.Automation, Version=3.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35]]',
  addReturnsIndex: false,
};

function memberListMethod(list: unknown[], name: string, args: unknown[]): unknown {
  const nameOf = (m: unknown) => String(getMember(m, 'Name'));
  switch (lower(name)) {
    case 'item':
    case 'get_item': {
      const wanted = lower(toDisplayText(args[0]));
      return list.find((m) => lower(nameOf(m)) === wanted) ?? null;
    }
    case 'match': {
      const pattern = compileWildcard(toDisplayText(args[0]));
      return list.filter((m) => pattern.test(nameOf(m)));
    }
    case 'gettype':
      return typeValueOf(list);
    case 'tostring':
      return MEMBER_LIST.typeName;
    case 'getenumerator':
      return list;
  }
  return NOT_FOUND;
}

const MEMBER_TYPE_CLASS: Record<string, string> = {
  NoteProperty: 'PSNoteProperty',
  Property: 'PSProperty',
  ScriptProperty: 'PSScriptProperty',
  AliasProperty: 'PSAliasProperty',
  CodeProperty: 'PSCodeProperty',
  Method: 'PSMethod',
  ScriptMethod: 'PSScriptMethod',
};

function memberInfo(name: string, memberType: string, definition: string, get?: () => unknown, set?: (v: unknown) => void): PSObject {
  const cls = MEMBER_TYPE_CLASS[memberType] ?? 'PSMemberInfo';
  const isProperty = !/Method$/.test(memberType);
  const o = new PSObject([
    `System.Management.Automation.${cls}`,
    ...(isProperty ? ['System.Management.Automation.PSPropertyInfo'] : ['System.Management.Automation.PSMethodInfo']),
    'System.Management.Automation.PSMemberInfo',
    'System.Object',
  ]);
  if (isProperty && get) {
    o.addProperty({ name: 'Value', memberType: 'Property', typeName: 'System.Object', get, set: set ?? (() => raise(`'${name}' is a ReadOnly property.`, 'PropertyAssignmentException')) });
    o.addProperty({ name: 'TypeNameOfValue', memberType: 'Property', typeName: 'System.String', get: () => typeNameOf(safeGet(get)) });
    o.addProperty({ name: 'IsSettable', memberType: 'Property', typeName: 'System.Boolean', get: () => !!set });
    o.addProperty({ name: 'IsGettable', memberType: 'Property', typeName: 'System.Boolean', get: () => true });
  }
  o.addProperty({ name: 'MemberType', memberType: 'Property', typeName: 'System.Management.Automation.PSMemberTypes', get: () => memberType });
  o.addProperty({ name: 'IsInstance', memberType: 'Property', typeName: 'System.Boolean', get: () => memberType !== 'Property' && memberType !== 'Method' });
  o.addProperty({ name: 'Name', memberType: 'Property', typeName: 'System.String', get: () => name });
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => definition });
  return o;
}

function propertyInfoOf(p: PSPropertyInfo): PSObject {
  const t = p.typeName ?? definitionTypeName(safeGet(p.get));
  const def = p.memberType === 'NoteProperty' ? `${t} ${p.name}=${toDisplayText(safeGet(p.get))}` : `${t} ${p.name} {get;${p.set ? 'set;' : ''}}`;
  return memberInfo(p.name, p.memberType, def, () => p.get(), p.set ? (v) => p.set!(v) : undefined);
}

function psObjectView(target: unknown): PSObject {
  const view = new PSObject(['System.Management.Automation.PSObject', 'System.Object']);
  const properties = (): PSObject[] => {
    const rows = memberNames(target).filter((m) => !/Method$/.test(m.memberType));
    const own = target instanceof PSObject ? target : target !== null && typeof target === 'object' ? instanceMembers(target) : undefined;
    // PSObject order: declaration order for its own properties, then the base object's.
    const out: PSObject[] = [];
    const seen = new Set<string>();
    for (const p of own?.properties() ?? []) {
      seen.add(lower(p.name));
      out.push(propertyInfoOf(p));
    }
    for (const r of rows) {
      if (seen.has(lower(r.name))) continue;
      const base = target instanceof PSObject && target.baseObject !== undefined ? target.baseObject : target;
      out.push(memberInfo(r.name, r.memberType, r.definition, () => getMember(base, r.name)));
    }
    return out;
  };
  const methods = (): PSObject[] => memberNames(target).filter((m) => /Method$/.test(m.memberType)).map((m) => memberInfo(m.name, m.memberType, m.definition));
  view.addProperty({ name: 'Members', memberType: 'Property', typeName: 'System.Management.Automation.PSMemberInfoCollection', get: () => markList([...properties(), ...methods()], MEMBER_LIST) });
  view.addProperty({ name: 'Properties', memberType: 'Property', typeName: 'System.Management.Automation.PSMemberInfoCollection', get: () => markList(properties(), MEMBER_LIST) });
  view.addProperty({ name: 'Methods', memberType: 'Property', typeName: 'System.Management.Automation.PSMemberInfoCollection', get: () => markList(methods(), MEMBER_LIST) });
  const base = () => (target instanceof PSObject && target.baseObject !== undefined ? target.baseObject : target);
  view.addProperty({ name: 'ImmediateBaseObject', memberType: 'Property', typeName: 'System.Object', get: base });
  view.addProperty({ name: 'BaseObject', memberType: 'Property', typeName: 'System.Object', get: base });
  // A PSObject's own list, so `.psobject.TypeNames.Insert(0, 'X')` changes the object.
  view.addProperty({ name: 'TypeNames', memberType: 'Property', typeName: 'System.Collections.ObjectModel.Collection[string]', get: () => markList(target instanceof PSObject ? target.typeNames : [...typeNamesOf(target)], TYPE_NAME_LIST) });
  view.addMethod({ name: 'Copy', definition: 'psobject Copy()', invoke: () => copyObject(target) });
  view.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => toDisplayText(target) });
  return view;
}

/** `$o.psobject.Copy()`: a new PSObject with the same members (note values copied). */
function copyObject(target: unknown): unknown {
  if (!(target instanceof PSObject)) return target;
  const c = new PSObject([...target.typeNames]);
  c.baseObject = target.baseObject;
  for (const p of target.properties()) {
    if (p.memberType === 'NoteProperty') c.addNote(p.name, p.get());
    else c.addProperty(p);
  }
  for (const m of target.methodList()) c.addMethod(m);
  return c;
}

function safeGet(get: () => unknown): unknown {
  try {
    return get();
  } catch {
    return null;
  }
}

function defaultDefinition(n: string): string {
  switch (n) {
    case 'Equals':
      return 'bool Equals(System.Object obj)';
    case 'GetHashCode':
      return 'int GetHashCode()';
    case 'GetType':
      return 'type GetType()';
    case 'ToString':
      return 'string ToString()';
    case 'CompareTo':
      return 'int CompareTo(System.Object value)';
  }
  return `${n}()`;
}

/**
 * The static members Get-Member -Static lists for a type: every type's Equals and
 * ReferenceEquals, a number type's MaxValue / MinValue / Parse / TryParse, String's Empty and
 * its static methods, an enum's values.
 */
export function staticMemberNames(fullName: string): MemberRow[] {
  const short = memberTypeName(fullName);
  const rows: MemberRow[] = [
    { name: 'Equals', memberType: 'Method', definition: 'static bool Equals(System.Object objA, System.Object objB)' },
    { name: 'ReferenceEquals', memberType: 'Method', definition: 'static bool ReferenceEquals(System.Object objA, System.Object objB)' },
  ];
  const property = (name: string, type = short) => rows.push({ name, memberType: 'Property', definition: `static ${type} ${name} {get;}` });
  if (NUMERIC_LIMITS[fullName]) {
    property('MaxValue');
    property('MinValue');
    rows.push(
      { name: 'Parse', memberType: 'Method', definition: `static ${short} Parse(string s), static ${short} Parse(string s, System.Globalization.NumberStyles style), static ${short} Parse(string s, System.IFormatProvider provider), static ${short} Parse(string s, System.Globalization.NumberStyles style, System.IFormatProvider provider)` },
      { name: 'TryParse', memberType: 'Method', definition: `static bool TryParse(string s, [ref] ${short} result), static bool TryParse(string s, System.Globalization.NumberStyles style, System.IFormatProvider provider, [ref] ${short} result)` },
    );
  } else if (fullName === 'System.String') {
    property('Empty', 'string');
    for (const [name, definition] of [
      ['Compare', 'static int Compare(string strA, string strB), static int Compare(string strA, string strB, bool ignoreCase)'],
      ['Concat', 'static string Concat(System.Object arg0), static string Concat(System.Object arg0, System.Object arg1), static string Concat(Params string[] values)'],
      ['Format', 'static string Format(string format, System.Object arg0), static string Format(string format, Params System.Object[] args)'],
      ['IsNullOrEmpty', 'static bool IsNullOrEmpty(string value)'],
      ['IsNullOrWhiteSpace', 'static bool IsNullOrWhiteSpace(string value)'],
      ['Join', 'static string Join(string separator, Params string[] value), static string Join(string separator, Params System.Object[] values)'],
    ]) rows.push({ name: name!, memberType: 'Method', definition: definition! });
  }
  const en = enumInfo(fullName);
  if (en) for (const v of en.values) rows.push({ name: v, memberType: 'Property', definition: `static ${fullName} ${v} {get;}` });
  return sortRows(rows);
}

// How one value turns into text inside formatted output: table cells, list values, scalars
// printed by Out-Default. Also the property access the formatter uses (through members.ts, so
// strings' Length, dates' parts and error records' properties work like any other object).

import { standardMembers, typeDataActive, typeMembers } from '../protocol/type-data.js';
import { getMember, memberNames } from '../protocol/members.js';
import { ErrorRecord, TerminatingError } from '../protocol/errors.js';
import {
  EnumValue,
  PSHashtable,
  PSObject,
  PSTypeValue,
  ScriptBlockValue,
  SecureString,
  dateToString,
  numberToString,
  toDisplayText,
  typeNamesOf,
} from '../protocol/values.js';
import { PSChar, isNumeric, numericText } from '../protocol/numbers.js';

/** $FormatEnumerationLimit's default: collections in a cell show this many items, then `...`. */
export const FORMAT_ENUMERATION_LIMIT = 4;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * en-US ToLongDateString + ' ' + ToLongTimeString: what Out-Default prints for a bare DateTime. A date
 * from `Get-Date -DisplayHint Date|Time` shows only that part (5.1's DateTime view reads DisplayHint).
 */
export function dateLongText(d: Date): string {
  const h = d.getHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${DAYS[d.getDay()]}, ${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}`;
  const time = `${h12}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
  const hint = (d as Date & { DisplayHint?: string }).DisplayHint;
  return hint === 'Date' ? date : hint === 'Time' ? time : `${date} ${time}`;
}

/** Collections that Out-Default enumerates and cells show as `{a, b}` (not strings, not hashtables). */
export function isCollection(v: unknown): v is unknown[] | Uint8Array {
  return Array.isArray(v) || v instanceof Uint8Array;
}

/**
 * Values printed as their ToString() on one line, with no header and no blank lines
 * (PowerShell's scalar list, plus the values emsh has no property view for).
 */
export function isScalar(v: unknown): boolean {
  return (
    typeof v === 'string' ||
    typeof v === 'number' ||
    typeof v === 'boolean' ||
    isNumeric(v) ||
    v instanceof PSChar ||
    typeof v === 'bigint' ||
    v instanceof SecureString ||
    v instanceof ScriptBlockValue ||
    v instanceof EnumValue
  );
}

/** The ToString() of one value (no collection braces): what a nested object shows. */
export function valueToString(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (isNumeric(v)) return numericText(v);
  if (v instanceof Date) return dateToString(v);
  if (Array.isArray(v)) return 'System.Object[]';
  if (v instanceof Uint8Array) return 'System.Byte[]';
  if (v instanceof PSHashtable) return v.typeName;
  return toDisplayText(v);
}

/**
 * One element inside `{...}` (PSObjectHelper.GetObjectName): `$null` for null, a nested collection
 * as its PSObject text (the items joined by spaces), anything else its ToString().
 */
function elementName(v: unknown): string {
  if (v === null || v === undefined) return '$null';
  if (isCollection(v)) return Array.from(v, valueToString).join(' ');
  return valueToString(v);
}

/**
 * The text of a table cell or list value: `$null` empty, collections as `{a, b, c, d...}`
 * (at most $FormatEnumerationLimit items), dates in en-US, objects as their ToString().
 */
export function displayValue(v: unknown): string {
  if (isCollection(v)) {
    const items: string[] = [];
    const n = v.length;
    const shown = Math.min(n, FORMAT_ENUMERATION_LIMIT);
    for (let i = 0; i < shown; i++) items.push(elementName(v[i]));
    return '{' + items.join(', ') + (n > FORMAT_ENUMERATION_LIMIT ? '...' : '') + '}';
  }
  if (v instanceof PSHashtable && v.dotnetType) {
    // A generic Dictionary enumerates KeyValuePairs, whose ToString() is `[key, value]`.
    const entries = v.entries();
    const items = entries.slice(0, FORMAT_ENUMERATION_LIMIT).map(([k, val]) => `[${valueToString(k)}, ${valueToString(val)}]`);
    return '{' + items.join(', ') + (entries.length > FORMAT_ENUMERATION_LIMIT ? '...' : '') + '}';
  }
  return valueToString(v);
}

/** A property's value, `$null` when missing. */
export function propertyValue(obj: unknown, name: string): unknown {
  if (obj === null || obj === undefined) return null;
  if (obj instanceof PSObject) {
    const p = obj.property(name);
    if (p) {
      // A getter that throws shows as empty: 5.1 keeps formatting errors out of the output.
      try {
        return p.get() ?? null;
      } catch (e) {
        if (e instanceof TerminatingError) return null;
        throw e;
      }
    }
  }
  return getMember(obj, name) ?? null;
}

/** The property names of an object in order (what a generated table or list shows). */
export function propertyNames(obj: unknown): string[] {
  if (obj === null || obj === undefined) return [];
  if (obj instanceof PSObject) {
    const own = obj.properties().map((p) => p.name);
    return typeDataActive() ? withTypeProperties(own, obj.typeNames) : own;
  }
  // memberNames already holds the type table's members.
  return memberNames(obj)
    .filter((m) => /Property$/.test(m.memberType) && m.memberType !== 'ParameterizedProperty' && m.memberType !== 'PropertySet')
    .map((m) => m.name);
}

/** Own property names followed by the properties the type table adds (Update-TypeData). */
function withTypeProperties(own: string[], typeNames: readonly string[]): string[] {
  const seen = new Set(own.map((n) => n.toLowerCase()));
  const extra = typeMembers(typeNames).filter((m) => /^(Note|Alias|Script)Property$/.test(m.kind) && !seen.has(m.name.toLowerCase()));
  return extra.length === 0 ? own : [...own, ...extra.map((m) => m.name)];
}

/**
 * The properties shown when no view and no -Property says which: the type's
 * DefaultDisplayPropertySet (PSStandardMembers) when it has one, else all of them.
 */
export function defaultPropertyNames(obj: unknown): string[] {
  if (typeDataActive() && obj !== null && obj !== undefined) {
    const set = standardMembers(obj instanceof PSObject ? obj.typeNames : typeNamesOf(obj))?.DefaultDisplayPropertySet;
    if (set && set.length > 0) return set;
  }
  return propertyNames(obj);
}

/** Hashtables are shown as their entries (DictionaryEntry: Name, Key, Value). */
export function dictionaryEntry(key: unknown, value: unknown): PSObject {
  const e = new PSObject(['System.Collections.DictionaryEntry', 'System.ValueType', 'System.Object']);
  e.addProperty({ name: 'Name', memberType: 'AliasProperty', get: () => key });
  e.addProperty({ name: 'Key', memberType: 'Property', get: () => key });
  e.addProperty({ name: 'Value', memberType: 'Property', get: () => value });
  e.addMethod({ name: 'ToString', invoke: () => 'System.Collections.DictionaryEntry' });
  return e;
}

/** A generic Dictionary's entry (KeyValuePair: Key, Value; no view, so a table of both). */
function keyValuePair(key: unknown, value: unknown): PSObject {
  const e = new PSObject(['System.Collections.Generic.KeyValuePair`2', 'System.ValueType', 'System.Object']);
  e.addProperty({ name: 'Key', memberType: 'Property', get: () => key });
  e.addProperty({ name: 'Value', memberType: 'Property', get: () => value });
  e.addMethod({ name: 'ToString', invoke: () => `[${valueToString(key)}, ${valueToString(value)}]` });
  return e;
}

/**
 * What formatting walks: collections unrolled (recursively, as Out-Default's enumeration
 * expansion does), hashtables turned into their entries, $null dropped.
 */
export function* expandForFormat(v: unknown): Generator<unknown> {
  if (v === null || v === undefined) return;
  if (isCollection(v)) {
    for (const item of v) yield* expandForFormat(item);
    return;
  }
  if (v instanceof PSHashtable) {
    for (const [k, val] of v.entries()) yield v.dotnetType ? keyValuePair(k, val) : dictionaryEntry(k, val);
    return;
  }
  yield v;
}

/** Right alignment for numbers and booleans (the scalar list minus String), else left. */
export function defaultAlignment(v: unknown): 'Left' | 'Right' {
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || isNumeric(v) ? 'Right' : 'Left';
}

export function isErrorRecord(v: unknown): v is ErrorRecord {
  return v instanceof ErrorRecord;
}

export function isTypeValue(v: unknown): v is PSTypeValue {
  return v instanceof PSTypeValue;
}

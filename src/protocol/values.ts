// How PowerShell values are represented in emsh. Every layer speaks these.
//
//   $null            → null (undefined is treated as $null everywhere)
//   [bool]           → boolean
//   numbers          → a plain JS number in the common case, read by its value: an integer in
//                      Int32 range is Int32, a larger one up to 2^53 is Int64, anything else
//                      (fractions, NaN, beyond 2^53) is Double. The kinds a number cannot carry
//                      are boxed (numbers.ts): TypedNumber for Int64/UInt64 outside that reading
//                      (exact, over bigint), integral Doubles (`[double]2`, `1.0`), SByte, Byte,
//                      Int16, UInt16, UInt32, Single; PSDecimal (exact decimal); PSChar ([char]).
//                      Producers go through int64()/double() so each value has one form; the hot
//                      paths (Int32 counters, doubles) never allocate. Boxes' valueOf is the
//                      nearest double, so Number(x) works on any of them.
//   [string]         → string
//   [object[]]       → JS array (unrolled onto the pipeline); `[int[]]` & co are arrays tagged
//                      with their element type (typedArray / arrayElementType)
//   [byte[]]         → Uint8Array
//   [hashtable]      → PSHashtable (case-insensitive keys, insertion order kept)
//   [datetime]       → Date (shown in en-US format, local time of the process)
//   [scriptblock]    → ScriptBlockValue
//   [securestring]   → SecureString
//   [type]           → PSTypeValue
//   enum values      → EnumValue on domain objects' properties (a number with its enum's type and
//                      name, so `[int]`, `-band` and ToString all work); casts and binding to an enum
//                      type still give the canonical name string (convert.ts)
//   objects          → PSObject (type names + ordered properties), also domain objects

import { PSChar, PSDecimal, TypedNumber, numberKind, numberToString, numericText } from './numbers.js';

export { numberToString };

/** A property of a PSObject. `get` computes the value each time (domain objects stay live). */
export interface PSPropertyInfo {
  name: string;
  /** What Get-Member shows: NoteProperty for plain values, Property for domain properties. */
  memberType: 'NoteProperty' | 'Property' | 'ScriptProperty' | 'AliasProperty';
  /** .NET-ish type name shown by Get-Member, e.g. `System.String`. */
  typeName?: string;
  get(): unknown;
  /** Absent for read-only properties. */
  set?(value: unknown): void;
  /** Get-Member's definition when it is not the usual `type Name {get;set;}` (AliasProperty, ScriptProperty). */
  definition?: string;
  /** A class's `hidden` member: reachable by name, left out when the object's members are listed (Get-Member without -Force, display). */
  hidden?: boolean;
}

export interface PSMethodInfo {
  name: string;
  /** Get-Member's MemberType; absent: Method. */
  memberType?: 'ScriptMethod' | 'CodeMethod';
  /** Get-Member's definition text, e.g. `string ToString()`. */
  definition?: string;
  /** As PSPropertyInfo.hidden. */
  hidden?: boolean;
  invoke(args: unknown[]): unknown;
}

/**
 * A PowerShell object: an ordered, case-insensitive bag of properties with a list of type
 * names (most derived first), as PSObject is. Domain classes either extend this or build one.
 */
export class PSObject {
  readonly typeNames: string[];
  private readonly props = new Map<string, PSPropertyInfo>();
  private readonly methods = new Map<string, PSMethodInfo>();
  /** Whether a member is `hidden`: only then do the listings filter. */
  private hasHidden = false;

  /**
   * The value this PSObject wraps (Add-Member on a string or a number gives a wrapper whose
   * other members are the value's); undefined for a PSObject of its own.
   */
  baseObject: unknown = undefined;

  constructor(typeNames: string[] = ['System.Management.Automation.PSCustomObject', 'System.Object']) {
    this.typeNames = typeNames;
  }

  /** A wrapper of a value, with the value's type names, to carry instance members. */
  static wrap(value: unknown): PSObject {
    const o = new PSObject([...typeNamesOf(value)]);
    o.baseObject = value;
    return o;
  }

  /** A PSCustomObject from a plain record (`[pscustomobject]@{...}`). */
  static fromRecord(record: Record<string, unknown>, typeNames?: string[]): PSObject {
    const o = new PSObject(typeNames);
    for (const [k, v] of Object.entries(record)) o.addNote(k, v);
    return o;
  }

  addNote(name: string, value: unknown): this {
    let current = value;
    this.props.set(name.toLowerCase(), {
      name,
      memberType: 'NoteProperty',
      get: () => current,
      set: (v) => {
        current = v;
      },
    });
    return this;
  }

  addProperty(info: PSPropertyInfo): this {
    if (info.hidden) this.hasHidden = true;
    this.props.set(info.name.toLowerCase(), info);
    return this;
  }

  addMethod(info: PSMethodInfo): this {
    if (info.hidden) this.hasHidden = true;
    this.methods.set(info.name.toLowerCase(), info);
    return this;
  }

  property(name: string): PSPropertyInfo | undefined {
    return this.props.get(name.toLowerCase());
  }

  method(name: string): PSMethodInfo | undefined {
    return this.methods.get(name.toLowerCase());
  }

  get(name: string): unknown {
    return this.props.get(name.toLowerCase())?.get() ?? null;
  }

  has(name: string): boolean {
    return this.props.has(name.toLowerCase());
  }

  /** Properties in declaration order. */
  /** The properties in order; `hidden` ones only when asked (enumerating members skips them, as in .NET PowerShell). */
  properties(includeHidden = false): PSPropertyInfo[] {
    const all = [...this.props.values()];
    return this.hasHidden && !includeHidden ? all.filter((p) => !p.hidden) : all;
  }

  methodList(includeHidden = false): PSMethodInfo[] {
    const all = [...this.methods.values()];
    return this.hasHidden && !includeHidden ? all.filter((m) => !m.hidden) : all;
  }

  /** What `"$obj"` and ToString() give; PSCustomObject shows `@{a=1; b=2}`. */
  toString(): string {
    const custom = this.method('ToString');
    if (custom) return String(custom.invoke([]));
    if (this.baseObject !== undefined) return toDisplayText(this.baseObject);
    if (this.typeNames.includes('System.Management.Automation.PSCustomObject')) {
      return '@{' + this.properties().map((p) => `${p.name}=${shallowText(p.get())}`).join('; ') + '}';
    }
    return this.typeNames[0] ?? 'System.Object';
  }
}

/**
 * A property value inside a property bag's `@{a=...}` text: PowerShell does not recurse there, so
 * a nested property bag is empty (PSCustomObject.ToString()) and a collection is its type name.
 */
function shallowText(v: unknown): string {
  if (v instanceof PSObject && v.baseObject === undefined && !v.method('ToString') && v.typeNames.includes('System.Management.Automation.PSCustomObject')) return '';
  if (Array.isArray(v)) return typeNamesOf(v)[0] ?? 'System.Object[]';
  return toDisplayText(v);
}

/**
 * Members added to an object that is not a PSObject (Add-Member on a hashtable or a domain
 * object): PowerShell keeps them beside the object, and every reference to it sees them.
 */
const INSTANCE_MEMBERS = new WeakMap<object, PSObject>();

export function instanceMembers(obj: object, create: true): PSObject;
export function instanceMembers(obj: object, create?: boolean): PSObject | undefined;
export function instanceMembers(obj: object, create = false): PSObject | undefined {
  let bag = INSTANCE_MEMBERS.get(obj);
  if (!bag && create) {
    bag = new PSObject([]);
    INSTANCE_MEMBERS.set(obj, bag);
  }
  return bag;
}

/**
 * An element of a collection turned into text: PowerShell converts elements without unrolling
 * them further, so a nested collection gives its .NET ToString(), the type name
 * ("1 System.Object[] abc"), generic arguments without their assembly.
 */
export function elementText(value: unknown): string {
  if (!Array.isArray(value)) return toDisplayText(value);
  return (typeNamesOf(value)[0] ?? 'System.Object[]').replace(/\[([^[\],]+), [^[\]]*\]/g, '$1');
}

/**
 * Lists that grow (ArrayList, List[T], Collection[string]): JS arrays (the pipeline unrolls them
 * as it does these types) tagged with their .NET type, which gives them Add, Insert, Remove...
 */
export interface ListKind {
  typeName: string;
  /** ArrayList.Add returns the new index (scripts print it unless they discard it); List[T].Add returns nothing. */
  addReturnsIndex: boolean;
  /** The element type items are converted to (List[string]), if any. */
  elementType?: string;
  /** A generic collection that is not a list (its own methods: Push/Pop, Enqueue/Dequeue, AddLast ...). */
  collection?: 'Stack' | 'Queue' | 'HashSet' | 'LinkedList';
}

const LIST_KINDS = new WeakMap<unknown[], ListKind>();

export function markList<T extends unknown[]>(list: T, kind: ListKind): T {
  LIST_KINDS.set(list, kind);
  return list;
}

export function listKindOf(v: unknown): ListKind | undefined {
  return Array.isArray(v) ? LIST_KINDS.get(v) : undefined;
}

/** A hashtable: case-insensitive keys, insertion order, the original key spelling kept. */
export class PSHashtable {
  private readonly map = new Map<unknown, { key: unknown; value: unknown }>();
  /** `[ordered]@{}` keeps order too (all emsh hashtables do); only the type name differs. */
  ordered = false;
  /** The .NET dictionary type it stands for, when not a Hashtable (Get-Command's `Dictionary\`2` of ParameterMetadata). */
  dotnetType?: string;
  /** A typed dictionary (`Dictionary[string,int]`) converts each key and value it is given. */
  convertEntry?: (key: unknown, value: unknown) => [unknown, unknown];

  /**
   * A .NET Hashtable made without a comparer (`New-Object hashtable`, `[hashtable]::new()`, one
   * Import-Clixml reads) compares keys case-sensitively; PowerShell's `@{}` does not.
   */
  caseSensitive = false;

  private norm(key: unknown): unknown {
    if (typeof key === 'string') return this.caseSensitive ? key : key.toLowerCase();
    // Boxed numbers are keys by type and value, as .NET's Equals (5L and 5 are two keys).
    if (key instanceof TypedNumber) return `${key.kind}:${numericText(key)}`;
    if (key instanceof PSDecimal) return `Decimal:${key.trimmed().toString()}`;
    if (key instanceof PSChar) return `Char:${key.code}`;
    return key;
  }

  get(key: unknown): unknown {
    return this.map.get(this.norm(key))?.value ?? null;
  }

  set(key: unknown, value: unknown): void {
    if (this.convertEntry) [key, value] = this.convertEntry(key, value);
    const k = this.norm(key);
    const existing = this.map.get(k);
    if (existing) existing.value = value;
    else this.map.set(k, { key, value });
  }

  /**
   * Adds an entry beside any with the same key: a Hashtable keyed by reference equality, which
   * 5.1's CliXml reader falls back to when keys clash even case-sensitively.
   */
  addDistinct(key: unknown, value: unknown): void {
    this.map.set(Symbol('key'), { key, value });
  }

  /** `@{a=1; a=2}` is an error in PowerShell; the evaluator checks with this. */
  has(key: unknown): boolean {
    return this.map.has(this.norm(key));
  }

  delete(key: unknown): boolean {
    return this.map.delete(this.norm(key));
  }

  get size(): number {
    return this.map.size;
  }

  keys(): unknown[] {
    return [...this.map.values()].map((e) => e.key);
  }

  values(): unknown[] {
    return [...this.map.values()].map((e) => e.value);
  }

  entries(): [unknown, unknown][] {
    return [...this.map.values()].map((e) => [e.key, e.value]);
  }

  get typeName(): string {
    return this.dotnetType ?? (this.ordered ? 'System.Collections.Specialized.OrderedDictionary' : 'System.Collections.Hashtable');
  }

  toString(): string {
    return this.typeName;
  }
}

/** A script block value. The engine fills in `invoke`-ability; others only carry it around. */
export class ScriptBlockValue {
  constructor(
    /** The parsed block (grammar/ast ScriptBlockAst); typed loosely so protocol stays small. */
    readonly ast: unknown,
    /** Source text between the braces: what `"$sb"` shows. */
    readonly text: string,
    /** The scope the block closes over is the caller's at invocation (PowerShell's dynamic scoping). */
    readonly origin?: unknown,
  ) {}

  toString(): string {
    return this.text;
  }
}

/**
 * A delegate made from a script block (`[Func[int,int]]{ $args[0] + 1 }`, `{ ... } -as [Action]`):
 * Invoke and DynamicInvoke run the block; a delegate with a return type converts what it gives.
 */
export class DelegateValue {
  constructor(
    /** .NET's full name of the delegate type (`System.Func``2[[System.Int32, ...],[...]]`). */
    readonly typeName: string,
    readonly block: ScriptBlockValue,
    /** The return type's full name; undefined for a delegate that returns nothing (Action, EventHandler). */
    readonly returnType: string | undefined,
  ) {}

  get typeNames(): string[] {
    return [this.typeName, 'System.MulticastDelegate', 'System.Delegate', 'System.Object'];
  }

  toString(): string {
    return this.typeName;
  }
}

/**
 * `[ref]$x`: a reference to a variable (or, for any other value, to a holder of it) whose Value
 * reads and writes the variable.
 */
export class PSReference {
  constructor(
    private readonly read: () => unknown,
    private readonly write: (v: unknown) => void,
  ) {}

  static of(value: unknown): PSReference {
    let held = value;
    return new PSReference(
      () => held,
      (v) => (held = v),
    );
  }

  get Value(): unknown {
    return this.read();
  }

  set Value(v: unknown) {
    this.write(v);
  }

  get typeNames(): string[] {
    return ['System.Management.Automation.PSReference', 'System.Object'];
  }

  toString(): string {
    return 'System.Management.Automation.PSReference';
  }
}

/** A SecureString. The clear text never reaches output, logs, history or the state file. */
export class SecureString {
  readonly #text: string;
  constructor(text: string) {
    this.#text = text;
  }
  /** Only for code that must hand the password to a real API (PKCS#12). */
  reveal(): string {
    return this.#text;
  }
  get Length(): number {
    return this.#text.length;
  }
  toString(): string {
    return 'System.Security.SecureString';
  }
}

/** `[System.IO.File]` and friends as values. */
export class PSTypeValue {
  constructor(readonly fullName: string) {}
  toString(): string {
    return this.fullName;
  }
}

/**
 * A value of a .NET enum as a domain object's property holds it: the number, the enum's full type
 * name and its text (`IMAP, POP, IIS, SMTP` for a [Flags] combination), made by convert.ts
 * `enumValue`. Arithmetic and casts see the number, string contexts the name.
 */
export class EnumValue {
  constructor(
    readonly typeName: string,
    readonly value: number,
    readonly text: string,
  ) {}

  get typeNames(): string[] {
    return [this.typeName, 'System.Enum', 'System.ValueType', 'System.Object'];
  }

  toString(): string {
    return this.text;
  }
}

// ---------------------------------------------------------------------------------------------
// Typed arrays: `[int[]]$x` is a JS array tagged with its element type

const ARRAY_TYPES = new WeakMap<unknown[], string>();

/** Tags an array as `<elementType>[]` (full name, e.g. `System.Int32`). */
export function typedArray<T extends unknown[]>(items: T, elementType: string): T {
  ARRAY_TYPES.set(items, elementType);
  return items;
}

/** The element type of a typed array (`System.Int32`), undefined for object[]. */
export function arrayElementType(items: unknown[]): string | undefined {
  return ARRAY_TYPES.get(items);
}

// ---------------------------------------------------------------------------------------------
// Type names (for formatting, Get-Member, -is)

export function typeNamesOf(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (value instanceof PSObject) return value.typeNames;
  if (typeof value === 'string') return ['System.String', 'System.Object'];
  if (typeof value === 'boolean') return ['System.Boolean', 'System.ValueType', 'System.Object'];
  if (typeof value === 'number' || value instanceof TypedNumber || value instanceof PSDecimal) {
    return ['System.' + numberKind(value), 'System.ValueType', 'System.Object'];
  }
  if (value instanceof PSChar) return ['System.Char', 'System.ValueType', 'System.Object'];
  if (value instanceof Date) return ['System.DateTime', 'System.ValueType', 'System.Object'];
  if (value instanceof Uint8Array) return ['System.Byte[]', 'System.Array', 'System.Object'];
  if (Array.isArray(value)) {
    const list = LIST_KINDS.get(value);
    if (list) return [list.typeName, 'System.Object'];
    return [(ARRAY_TYPES.get(value) ?? 'System.Object') + '[]', 'System.Array', 'System.Object'];
  }
  if (value instanceof PSHashtable) return [value.typeName, 'System.Object'];
  if (value instanceof ScriptBlockValue) return ['System.Management.Automation.ScriptBlock', 'System.Object'];
  if (value instanceof SecureString) return ['System.Security.SecureString', 'System.Object'];
  if (value instanceof PSTypeValue) return ['System.RuntimeType', 'System.Type', 'System.Object'];
  const tagged = (value as { typeNames?: unknown }).typeNames;
  if (Array.isArray(tagged)) return tagged as string[];
  return ['System.Object'];
}

// ---------------------------------------------------------------------------------------------
// Conversions every layer needs

/** PowerShell truthiness (`if ($x)`): $null, 0, '', empty array, $false are false. */
export function isTruthy(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value.length > 0;
  if (value instanceof EnumValue) return value.value !== 0;
  if (value instanceof TypedNumber) return value.value !== 0;
  if (value instanceof PSDecimal) return !value.isZero();
  if (value instanceof PSChar) return value.code !== 0;
  if (Array.isArray(value)) {
    if (value.length === 0) return false;
    if (value.length === 1) return isTruthy(value[0]);
    return true;
  }
  return true;
}

/** The en-US `ToString()` of a DateTime: `11/26/2026 11:46:22 PM`. */
export function dateToString(d: Date): string {
  const h = d.getHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()} ${h12}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/**
 * The text a value turns into in string context (`"$x"`, -join, Write-Host, [string]):
 * arrays are joined with spaces ($OFS), $null is empty.
 */
export function toDisplayText(value: unknown): string {
  if (Array.isArray(value)) return value.map(elementText).join(' ');
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return numberToString(value);
  if (value instanceof TypedNumber || value instanceof PSDecimal) return numericText(value);
  if (value instanceof Date) return dateToString(value);
  if (value instanceof Uint8Array) return Array.from(value).join(' ');
  return String(value);
}

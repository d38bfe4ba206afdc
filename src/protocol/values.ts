// How PowerShell values are represented in emsh. Every layer speaks these.
//
//   $null            → null (undefined is treated as $null everywhere)
//   [bool]           → boolean
//   [int] [long] [double] → number (integers are Int32/Int64 by magnitude, others Double)
//   [string]         → string
//   [object[]]       → JS array (unrolled onto the pipeline)
//   [byte[]]         → Uint8Array
//   [hashtable]      → PSHashtable (case-insensitive keys, insertion order kept)
//   [datetime]       → Date (shown in en-US format, local time of the process)
//   [scriptblock]    → ScriptBlockValue
//   [securestring]   → SecureString
//   [type]           → PSTypeValue
//   objects          → PSObject (type names + ordered properties), also domain objects

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
}

export interface PSMethodInfo {
  name: string;
  /** Get-Member's definition text, e.g. `string ToString()`. */
  definition?: string;
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

  constructor(typeNames: string[] = ['System.Management.Automation.PSCustomObject', 'System.Object']) {
    this.typeNames = typeNames;
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
    this.props.set(info.name.toLowerCase(), info);
    return this;
  }

  addMethod(info: PSMethodInfo): this {
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
  properties(): PSPropertyInfo[] {
    return [...this.props.values()];
  }

  methodList(): PSMethodInfo[] {
    return [...this.methods.values()];
  }

  /** What `"$obj"` and ToString() give; PSCustomObject shows `@{a=1; b=2}`. */
  toString(): string {
    const custom = this.method('ToString');
    if (custom) return String(custom.invoke([]));
    if (this.typeNames[0] === 'System.Management.Automation.PSCustomObject') {
      return '@{' + this.properties().map((p) => `${p.name}=${toDisplayText(p.get())}`).join('; ') + '}';
    }
    return this.typeNames[0] ?? 'System.Object';
  }
}

/** A hashtable: case-insensitive keys, insertion order, the original key spelling kept. */
export class PSHashtable {
  private readonly map = new Map<unknown, { key: unknown; value: unknown }>();
  /** `[ordered]@{}` keeps order too (all emsh hashtables do); only the type name differs. */
  ordered = false;
  /** The .NET dictionary type it stands for, when not a Hashtable (Get-Command's `Dictionary\`2` of ParameterMetadata). */
  dotnetType?: string;

  private static norm(key: unknown): unknown {
    return typeof key === 'string' ? key.toLowerCase() : key;
  }

  get(key: unknown): unknown {
    return this.map.get(PSHashtable.norm(key))?.value ?? null;
  }

  set(key: unknown, value: unknown): void {
    const k = PSHashtable.norm(key);
    const existing = this.map.get(k);
    if (existing) existing.value = value;
    else this.map.set(k, { key, value });
  }

  /** `@{a=1; a=2}` is an error in PowerShell; the evaluator checks with this. */
  has(key: unknown): boolean {
    return this.map.has(PSHashtable.norm(key));
  }

  delete(key: unknown): boolean {
    return this.map.delete(PSHashtable.norm(key));
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

// ---------------------------------------------------------------------------------------------
// Type names (for formatting, Get-Member, -is)

export function typeNamesOf(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (value instanceof PSObject) return value.typeNames;
  if (typeof value === 'string') return ['System.String', 'System.Object'];
  if (typeof value === 'boolean') return ['System.Boolean', 'System.ValueType', 'System.Object'];
  if (typeof value === 'number') {
    const t = Number.isInteger(value)
      ? Math.abs(value) <= 2147483647 ? 'System.Int32' : 'System.Int64'
      : 'System.Double';
    return [t, 'System.ValueType', 'System.Object'];
  }
  if (value instanceof Date) return ['System.DateTime', 'System.ValueType', 'System.Object'];
  if (value instanceof Uint8Array) return ['System.Byte[]', 'System.Array', 'System.Object'];
  if (Array.isArray(value)) return ['System.Object[]', 'System.Array', 'System.Object'];
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

/** PowerShell's rendering of a double: up to 15 significant digits, `1E+20` style for big ones. */
export function numberToString(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = Number(n.toPrecision(15)).toString();
  // JS writes 1e+21; .NET writes 1E+21.
  return s.replace('e', 'E');
}

/**
 * The text a value turns into in string context (`"$x"`, -join, Write-Host, [string]):
 * arrays are joined with spaces ($OFS), $null is empty.
 */
export function toDisplayText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return numberToString(value);
  if (value instanceof Date) return dateToString(value);
  if (Array.isArray(value)) return value.map(toDisplayText).join(' ');
  if (value instanceof Uint8Array) return Array.from(value).join(' ');
  return String(value);
}

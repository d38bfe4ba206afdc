// Generic .NET type names: `List[int]`, `Dictionary[string, int]`, `Stack[[int]]`,
// `System.Func``2[int,int]`, nested (`Dictionary[Dictionary[List[int],string], Stack[double]]`)
// and assembly-qualified arguments (`List[[System.String, mscorlib, ...]]`). emsh writes a closed
// generic type as `Definition[Arg1,Arg2]` with full names (what `[List[int]]` resolves to); the
// .NET form (`List``1[[System.Int32, mscorlib, ...]]`) is what GetType().FullName shows.

const MSCORLIB = 'mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089';
const SYSTEM = 'System, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089';
const SYSTEM_CORE = 'System.Core, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089';

/** A generic type definition: its full name (without the arity) and how many arguments it takes. */
interface GenericDefinition {
  fullName: string;
  arities: readonly number[];
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const DEFINITIONS: readonly GenericDefinition[] = [
  { fullName: 'System.Collections.Generic.List', arities: [1] },
  { fullName: 'System.Collections.Generic.Dictionary', arities: [2] },
  { fullName: 'System.Collections.Generic.SortedDictionary', arities: [2] },
  { fullName: 'System.Collections.Generic.KeyValuePair', arities: [2] },
  { fullName: 'System.Collections.Generic.Stack', arities: [1] },
  { fullName: 'System.Collections.Generic.Queue', arities: [1] },
  { fullName: 'System.Collections.Generic.HashSet', arities: [1] },
  { fullName: 'System.Collections.Generic.LinkedList', arities: [1] },
  { fullName: 'System.Collections.Generic.IEnumerable', arities: [1] },
  { fullName: 'System.Collections.Generic.ICollection', arities: [1] },
  { fullName: 'System.Collections.Generic.IList', arities: [1] },
  { fullName: 'System.Collections.Generic.IDictionary', arities: [2] },
  { fullName: 'System.Collections.ObjectModel.Collection', arities: [1] },
  { fullName: 'System.Collections.ObjectModel.ReadOnlyCollection', arities: [1] },
  { fullName: 'System.Collections.ObjectModel.ObservableCollection', arities: [1] },
  { fullName: 'System.Nullable', arities: [1] },
  { fullName: 'System.Tuple', arities: range(1, 8) },
  { fullName: 'System.Func', arities: range(1, 17) },
  { fullName: 'System.Action', arities: range(1, 16) },
  { fullName: 'System.EventHandler', arities: [1] },
  { fullName: 'System.Predicate', arities: [1] },
  { fullName: 'System.Comparison', arities: [1] },
  { fullName: 'System.Converter', arities: [2] },
];

/** Where each definition lives (the assembly part of an assembly-qualified name). */
function assemblyOf(definition: string): string {
  if (/^System\.Collections\.(Generic\.(Stack|Queue|LinkedList|SortedDictionary)|ObjectModel\.ObservableCollection)$/.test(definition)) return SYSTEM;
  if (definition === 'System.Collections.Generic.HashSet') return SYSTEM_CORE;
  if (/^System\.(Func|Action)$/.test(definition)) return MSCORLIB;
  return MSCORLIB;
}

const BY_NAME = new Map<string, GenericDefinition>();
for (const d of DEFINITIONS) {
  BY_NAME.set(d.fullName.toLowerCase(), d);
  BY_NAME.set(d.fullName.slice('System.'.length).toLowerCase(), d);
  // The generic collections by their short names too (`[List[int]]`, as emsh has always taken
  // them; in PowerShell after `using namespace System.Collections.Generic`).
  if (d.fullName.startsWith('System.Collections.Generic.')) BY_NAME.set(d.fullName.slice('System.Collections.Generic.'.length).toLowerCase(), d);
}

/**
 * Splits `A, B[C,D], [E, asm]` at its top-level commas. An argument written `[T]` or
 * `[T, Assembly, Version=...]` is unwrapped to `T`.
 */
function splitArguments(text: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    if (depth < 0) return undefined;
    if (i === text.length || (c === ',' && depth === 0)) {
      let arg = text.slice(start, i).trim();
      if (arg.startsWith('[') && arg.endsWith(']')) {
        arg = arg.slice(1, -1);
        // `[System.String, mscorlib, ...]`: the type is what precedes the first top-level comma.
        const parts = splitArguments(arg);
        if (!parts) return undefined;
        arg = parts[0]!;
      }
      if (arg === '') return undefined;
      out.push(arg);
      start = i + 1;
    }
  }
  return depth === 0 ? out : undefined;
}

/** A generic name taken apart: `Dictionary[string,int]` → `Dictionary`, [`string`, `int`]. */
export function genericParts(name: string): { definition: string; args: string[] } | undefined {
  const n = name.trim();
  if (!n.endsWith(']')) return undefined;
  const open = n.indexOf('[');
  if (open <= 0) return undefined;
  const args = splitArguments(n.slice(open + 1, -1));
  if (!args) return undefined;
  // `System.Func``2[int,int]`: the arity is part of the name; it must agree with the arguments.
  const head = n.slice(0, open).trim();
  const tick = /^(.*)`(\d+)$/.exec(head);
  if (tick && Number(tick[2]) !== args.length) return undefined;
  return { definition: tick ? tick[1]! : head, args };
}

/**
 * A closed generic type in emsh's form (`System.Collections.Generic.Dictionary[System.String,System.Int32]`),
 * given a way to resolve each argument; undefined when the definition is unknown, the argument count
 * does not fit it, or an argument does not resolve.
 */
export function resolveGenericName(name: string, resolve: (arg: string) => string | undefined): string | undefined {
  const parts = genericParts(name);
  if (!parts) return undefined;
  // .NET's spelling names the arity (`Collection``1[System.Attribute]`): it must match the arguments.
  const arity = /`(\d+)$/.exec(parts.definition);
  if (arity && Number(arity[1]) !== parts.args.length) return undefined;
  const def = BY_NAME.get((arity ? parts.definition.slice(0, arity.index) : parts.definition).toLowerCase());
  if (!def || !def.arities.includes(parts.args.length)) return undefined;
  const args: string[] = [];
  for (const a of parts.args) {
    const r = resolve(a);
    if (!r) return undefined;
    args.push(r);
  }
  return `${def.fullName}[${args.join(',')}]`;
}

/** An open generic definition by its .NET name (`System.Action``3`), as Assembly.GetType finds it. */
export function openGenericName(name: string): string | undefined {
  const m = /^(.*)`(\d+)$/.exec(name.trim());
  if (!m) return undefined;
  const def = BY_NAME.get(m[1]!.toLowerCase());
  return def && def.arities.includes(Number(m[2])) ? `${def.fullName}\`${m[2]}` : undefined;
}

/** .NET's full name of a type in emsh's form: generics as `List``1[[System.Int32, mscorlib, ...]]`. */
export function dotnetTypeName(full: string): string {
  const array = full.endsWith('[]') ? '[]' : '';
  const base = array ? full.slice(0, -2) : full;
  // Already .NET's form (a dictionary a cmdlet made with its assembly-qualified arguments).
  if (/^[^[]*`\d+\[/.test(base)) return full;
  const parts = genericParts(base);
  if (!parts || !BY_NAME.has(parts.definition.toLowerCase())) return full;
  const args = parts.args.map((a) => {
    const inner = dotnetTypeName(a);
    return `[${inner}, ${assemblyOf(genericParts(a)?.definition ?? a)}]`;
  });
  return `${parts.definition}\`${parts.args.length}[${args.join(',')}]${array}`;
}

/** `Dictionary` of `System.Collections.Generic.Dictionary[System.String,System.Int32]` and its arguments, for emsh's form. */
export function closedGeneric(full: string): { definition: string; args: string[] } | undefined {
  const parts = genericParts(full);
  return parts && BY_NAME.has(parts.definition.toLowerCase()) ? parts : undefined;
}

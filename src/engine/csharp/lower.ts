// Lowering of Add-Type's C# to the shell's own class runtime (src/engine/classes.ts): each C#
// class or struct becomes the text of a PowerShell class (fields and auto-properties as typed
// properties, methods and constructors with PowerShell bodies, property accessors as the hidden
// get_X / set_X methods .NET has), each enum the facts of an enum. C# names are resolved here, as
// the C# compiler does (locals, then members of the type and its bases, then types through the
// namespaces and `using` directives), so an unknown name is a compile error, not a run-time one.
import { CompileError, type Diagnostic } from './lexer.js';
import type { Expr, Member, Param, Stmt, TypeDecl, TypeRef } from './syntax.js';

/** What the compiler knows of a compiled type's members (by their C# names, which are case-sensitive). */
export interface TypeShape {
  fullName: string;
  kind: TypeDecl['kind'];
  base?: string;
  members: Map<string, { kind: 'field' | 'property' | 'method'; isStatic: boolean; psName: string; type?: string }>;
}

export interface LoweredClass {
  kind: 'class';
  fullName: string;
  /** The short name the PowerShell text declares (renamed to fullName once parsed). */
  shortName: string;
  text: string;
  base?: string;
  isAbstract: boolean;
  isValueType: boolean;
  isInterface: boolean;
  /** Properties with accessor bodies: PowerShell name → the hidden methods behind them. */
  accessors: { name: string; type: string; get?: string; set?: string }[];
  /** Static fields that cannot be assigned (const, static readonly). */
  readonlyStatics: string[];
  /** The interfaces it implements (full names). */
  interfaces: string[];
  /** Static properties with accessor bodies: the hidden static get_X / set_X behind them. */
  staticAccessors: { name: string; type: string; get?: string; set?: string }[];
  shape: TypeShape;
}

export interface LoweredEnum {
  kind: 'enum';
  fullName: string;
  values: string[];
  numbers: number[];
  flags: boolean;
  underlying: string;
  shape: TypeShape;
}

export type Lowered = LoweredClass | LoweredEnum;

export interface LowerEnv {
  /** A .NET type the shell knows, by its full name (`System.Text.Encoding`, ``System.Collections.Generic.List`1``). */
  knownType(fullName: string): boolean;
  /** A type an earlier Add-Type compiled. */
  compiled(fullName: string): TypeShape | undefined;
}

const PS_TYPES: Record<string, string> = {
  bool: 'bool', byte: 'byte', sbyte: 'sbyte', char: 'char', decimal: 'decimal', double: 'double', float: 'single', int: 'int',
  uint: 'uint32', long: 'long', ulong: 'uint64', short: 'int16', ushort: 'uint16', object: 'object', string: 'string', void: 'void',
};
const FULL_PREDEFINED: Record<string, string> = {
  bool: 'System.Boolean', byte: 'System.Byte', sbyte: 'System.SByte', char: 'System.Char', decimal: 'System.Decimal', double: 'System.Double',
  float: 'System.Single', int: 'System.Int32', uint: 'System.UInt32', long: 'System.Int64', ulong: 'System.UInt64', short: 'System.Int16',
  ushort: 'System.UInt16', object: 'System.Object', string: 'System.String', void: 'System.Void',
};
const INTEGRAL = new Set(['int', 'uint', 'long', 'ulong', 'short', 'ushort', 'byte', 'sbyte', 'char']);
const FLOATING = new Set(['double', 'float', 'decimal']);
/** Interfaces of the base class library a class may name (the shell has no objects of its own for them). */
const KNOWN_INTERFACES = new Set([
  'System.IComparable', 'System.IComparable`1', 'System.IEquatable`1', 'System.IDisposable', 'System.ICloneable', 'System.IFormattable',
  'System.Collections.IEnumerable', 'System.Collections.IEnumerator', 'System.Collections.ICollection', 'System.Collections.IList',
  'System.Collections.IDictionary', 'System.Collections.IComparer', 'System.Collections.Generic.IEnumerable`1',
  'System.Collections.Generic.IEnumerator`1', 'System.Collections.Generic.ICollection`1', 'System.Collections.Generic.IList`1',
  'System.Collections.Generic.IDictionary`2', 'System.Collections.Generic.IComparer`1', 'System.Collections.Generic.IEqualityComparer`1',
  'System.Attribute', 'System.ValueType', 'System.Enum',
]);
/** Variables PowerShell gives a meaning of its own: C# locals of these names are renamed. */
const PS_RESERVED = new Set(['args', 'input', 'this', '_', 'true', 'false', 'null', 'host', 'pid', 'home', 'pshome', 'error', 'matches', 'psitem',
  'ofs', 'executioncontext', 'myinvocation', 'psboundparameters', 'pscmdlet', 'shellid', 'foreach', 'switch', 'lastexitcode', 'stacktrace',
  'event', 'sender', 'psscriptroot', 'pscommandpath', 'eventargs', 'eventsubscriber', 'nestedpromptlevel', 'profile', 'pwd', 'psculture',
  'psuiculture', 'psversiontable', 'psdebugcontext', 'consolefilename', 'psitem', 'sourceargs', 'sourceeventargs']);

function quote(s: string): string {
  return `'${s.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

type Typed = { t: string; type?: string };

/** A type's .NET full name: namespace, the types it is nested in (`+`), its name. */
function fullOf(d: TypeDecl): string {
  const local = d.container ? `${d.container}+${d.name}` : d.name;
  return d.namespace ? `${d.namespace}.${local}` : local;
}

export function lowerTypes(decls: TypeDecl[], env: LowerEnv, diagnostics: Diagnostic[]): Lowered[] {
  const shapes = new Map<string, TypeShape>();
  for (const d of decls) {
    const full = fullOf(d);
    if (shapes.has(full)) {
      diagnostics.push({ source: d.source, line: d.line, col: 1, code: 'CS0101', message: `The namespace '${d.namespace || '<global namespace>'}' already contains a definition for '${d.name}'` });
      continue;
    }
    shapes.set(full, shapeOf(d, full));
  }
  const ctx: Ctx = { env, shapes };
  const out: Lowered[] = [];
  for (const d of decls) {
    const shape = shapes.get(fullOf(d));
    if (!shape || out.some((o) => o.shape === shape)) continue;
    try {
      out.push(d.kind === 'enum' ? lowerEnum(d, shape, ctx, diagnostics) : new ClassLowerer(d, shape, ctx, diagnostics).lower());
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
      diagnostics.push({ ...e.diagnostic, source: d.source });
    }
  }
  return out;
}

interface Ctx {
  env: LowerEnv;
  shapes: Map<string, TypeShape>;
}

/** The members of a type by C# name; a non-public member whose name differs only in case from another gets a PowerShell name of its own. */
function shapeOf(d: TypeDecl, fullName: string): TypeShape {
  const members: TypeShape['members'] = new Map();
  const taken = new Set<string>();
  const add = (name: string, kind: 'field' | 'property' | 'method', isStatic: boolean, isPublic: boolean, type?: string): void => {
    if (members.has(name)) return;
    let psName = name;
    if (kind !== 'method' && taken.has(name.toLowerCase())) {
      if (isPublic) {
        // The public member keeps its name: rename the non-public one that took it.
        for (const [k, m] of members) if (m.psName.toLowerCase() === name.toLowerCase() && m.kind !== 'method') m.psName = uniqueName(`${k}_`, taken);
      } else psName = uniqueName(`${name}_`, taken);
    }
    taken.add(psName.toLowerCase());
    members.set(name, { kind, isStatic, psName, type });
  };
  // Public members first, so that they keep their names.
  const ordered = [...d.members].sort((a, b) => Number(!isPublicMember(a, d)) - Number(!isPublicMember(b, d)));
  for (const m of ordered) {
    const isStatic = m.modifiers.includes('static') || (m.k === 'field' && m.isConst);
    const pub = isPublicMember(m, d);
    if (m.k === 'field') for (const f of m.decls) add(f.name, 'field', isStatic, pub, m.type.name);
    else if (m.k === 'property') add(m.name, 'property', isStatic, pub, m.type.name);
    else if (m.k === 'method') add(m.name, 'method', isStatic, pub);
  }
  for (const e of d.enumMembers) members.set(e.name, { kind: 'field', isStatic: true, psName: e.name });
  return { fullName, kind: d.kind, members };
}

function uniqueName(base: string, taken: Set<string>): string {
  let n = base;
  while (taken.has(n.toLowerCase())) n += '_';
  return n;
}

function isPublicMember(m: Member, d: TypeDecl): boolean {
  return d.kind === 'interface' || m.modifiers.includes('public') || (m.k === 'method' && m.iface !== undefined);
}

// ---- type names -------------------------------------------------------------------------------

function resolveType(ref: TypeRef, d: TypeDecl, ctx: Ctx): string {
  const found = findType(ref.name, ref.args.length, d, ctx);
  if (!found) {
    throw new CompileError({ line: ref.line, col: 1, code: 'CS0246', message: `The type or namespace name '${ref.name}' could not be found (are you missing a using directive or an assembly reference?)` });
  }
  return found;
}

/** A type's full name as C# finds it from where `d` is declared (undefined when there is none). */
function findType(name: string, arity: number, d: TypeDecl, ctx: Ctx): string | undefined {
  if (arity === 0 && FULL_PREDEFINED[name]) return FULL_PREDEFINED[name];
  const alias = d.aliases.get(name.split('.')[0]!);
  if (alias) name = alias + name.slice(name.split('.')[0]!.length);
  const candidates: string[] = [];
  // Types nested in this type and in the types around it come first.
  const ns = d.namespace ? `${d.namespace}.` : '';
  const enclosing = [...(d.container ? d.container.split('+') : []), d.name];
  for (let i = enclosing.length; i > 0; i--) candidates.push(`${ns}${enclosing.slice(0, i).join('+')}+${name}`);
  const parts = d.namespace ? d.namespace.split('.') : [];
  for (let i = parts.length; i > 0; i--) candidates.push(`${parts.slice(0, i).join('.')}.${name}`);
  candidates.push(name);
  if (!name.includes('.')) for (const u of d.usings) candidates.push(`${u}.${name}`);
  for (const c of candidates) {
    const generic = arity ? `${c}\`${arity}` : c;
    if (ctx.shapes.has(generic) || ctx.env.compiled(generic) || KNOWN_INTERFACES.has(generic) || ctx.env.knownType(generic)) return generic;
  }
  return undefined;
}

/** A type as PowerShell writes it between brackets. */
function psType(ref: TypeRef, d: TypeDecl, ctx: Ctx): string {
  if (ref.nullable) return 'object';
  let text: string;
  if (ref.args.length === 0 && PS_TYPES[ref.name]) text = PS_TYPES[ref.name]!;
  else {
    const full = resolveType(ref, d, ctx);
    text = ref.args.length ? `${full.replace(/`\d+$/, '')}[${ref.args.map((a) => psType(a, d, ctx)).join(',')}]` : full;
  }
  for (const r of ref.ranks) text += `[${','.repeat(r - 1)}]`;
  return text;
}

/** The C# type as the lowering tracks it: a predefined keyword, a full name, or undefined when unknown. */
function staticTypeOf(ref: TypeRef, d: TypeDecl, ctx: Ctx): string | undefined {
  if (ref.ranks.length || ref.nullable) return undefined;
  if (PS_TYPES[ref.name] && !ref.args.length) return ref.name;
  return findType(ref.name, ref.args.length, d, ctx);
}

// ---- enums ------------------------------------------------------------------------------------

function lowerEnum(d: TypeDecl, shape: TypeShape, ctx: Ctx, _diagnostics: Diagnostic[]): LoweredEnum {
  const underlying = d.bases[0] ? d.bases[0].name : 'int';
  if (!INTEGRAL.has(underlying) || underlying === 'char') {
    throw new CompileError({ line: d.line, col: 1, code: 'CS1008', message: 'Type byte, sbyte, short, ushort, int, uint, long, or ulong expected' });
  }
  const values: string[] = [];
  const numbers: number[] = [];
  let next = 0;
  for (const m of d.enumMembers) {
    const n = m.value ? constantValue(m.value, values, numbers, d, ctx) : next;
    values.push(m.name);
    numbers.push(n);
    next = n + 1;
  }
  const flags = d.attributes.some((a) => /^(System\.)?Flags(Attribute)?$/.test(a));
  return { kind: 'enum', fullName: shape.fullName, values, numbers, flags, underlying: FULL_PREDEFINED[underlying]!, shape };
}

/** An enum member's value: numbers, earlier members, and | & ^ ~ + - << >> of them. */
function constantValue(e: Expr, names: string[], numbers: number[], d: TypeDecl, ctx: Ctx): number {
  const fail = (): never => {
    throw new CompileError({ line: e.line, col: 1, code: 'CS0133', message: 'The expression being assigned must be constant' });
  };
  switch (e.k) {
    case 'lit':
      if (e.type === 'char') return e.value.charCodeAt(0);
      if (!['int', 'uint', 'long', 'ulong'].includes(e.type)) fail();
      return Number(BigInt(e.value));
    case 'name': {
      const i = names.indexOf(e.name);
      return i >= 0 ? numbers[i]! : fail();
    }
    case 'member':
      if (e.target.k === 'name' && (e.target.name === d.name) && names.includes(e.name)) return numbers[names.indexOf(e.name)]!;
      return fail();
    case 'cast':
      return constantValue(e.operand, names, numbers, d, ctx);
    case 'unary': {
      const v = constantValue(e.operand, names, numbers, d, ctx);
      return e.op === '-' ? -v : e.op === '~' ? ~v : e.op === '+' ? v : fail();
    }
    case 'binary': {
      const a = constantValue(e.left, names, numbers, d, ctx);
      const b = constantValue(e.right, names, numbers, d, ctx);
      switch (e.op) {
        case '|': return Number(BigInt(a) | BigInt(b));
        case '&': return Number(BigInt(a) & BigInt(b));
        case '^': return Number(BigInt(a) ^ BigInt(b));
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '<<': return Number(BigInt(a) << BigInt(b));
        case '>>': return Number(BigInt(a) >> BigInt(b));
      }
      return fail();
    }
  }
  return fail();
}

// ---- classes ----------------------------------------------------------------------------------

class ClassLowerer {
  private readonly scopes: Map<string, string | undefined>[] = [];
  private isStatic = false;
  private readonly accessors: LoweredClass['accessors'] = [];
  private readonly staticAccessors: LoweredClass['staticAccessors'] = [];
  private readonly readonlyStatics: string[] = [];
  private temp = 0;

  constructor(
    private readonly d: TypeDecl,
    private readonly shape: TypeShape,
    private readonly ctx: Ctx,
    private readonly diagnostics: Diagnostic[],
  ) {}

  private fail(line: number, code: string, message: string): never {
    throw new CompileError({ line, col: 1, code, message });
  }

  lower(): LoweredClass {
    const d = this.d;
    let base: string | undefined;
    const lines: string[] = [];
    const baseNames: string[] = [];
    const interfaces: string[] = [];
    for (const b of d.bases) {
      const full = resolveType(b, d, this.ctx);
      const compiled = this.ctx.shapes.get(full) ?? this.ctx.env.compiled(full);
      if (compiled?.kind === 'interface' || KNOWN_INTERFACES.has(full)) interfaces.push(full);
      if (compiled && compiled.kind !== 'interface') {
        if (compiled.kind !== 'class') this.fail(b.line, 'CS0509', `'${d.name}': cannot derive from sealed type '${full}'`);
        base = full;
        this.shape.base = full;
        baseNames.unshift(full);
      }
    }
    const members: string[] = [];
    for (const m of d.members) {
      try {
        members.push(...this.member(m));
      } catch (e) {
        if (!(e instanceof CompileError)) throw e;
        this.diagnostics.push({ ...e.diagnostic, source: d.source });
      }
    }
    lines.push(`class ${d.name}${baseNames.length ? ' : ' + baseNames.join(', ') : ''} {`, ...members, '}');
    return {
      kind: 'class',
      fullName: this.shape.fullName,
      shortName: d.name,
      text: lines.join('\n'),
      base,
      isAbstract: d.modifiers.includes('abstract') || d.modifiers.includes('static') || d.kind === 'interface',
      isValueType: d.kind === 'struct',
      isInterface: d.kind === 'interface',
      accessors: this.accessors,
      readonlyStatics: this.readonlyStatics,
      staticAccessors: this.staticAccessors,
      interfaces,
      shape: this.shape,
    };
  }

  private member(m: Member): string[] {
    const d = this.d;
    const isStatic = m.modifiers.includes('static') || (m.k === 'field' && m.isConst);
    const hidden = isPublicMember(m, d) ? '' : 'hidden ';
    const stat = isStatic ? 'static ' : '';
    this.isStatic = isStatic;
    switch (m.k) {
      case 'field': {
        const type = psType(m.type, d, this.ctx);
        return m.decls.map((f) => {
          const psName = this.shape.members.get(f.name)!.psName;
          if (isStatic && (m.isConst || m.modifiers.includes('readonly'))) this.readonlyStatics.push(psName);
          const init = f.init ? ` = ${this.withScope([], () => this.expr(f.init!).t)}` : '';
          return `  ${hidden}${stat}[${type}] $${psName}${init}`;
        });
      }
      case 'property': {
        const type = psType(m.type, d, this.ctx);
        const psName = this.shape.members.get(m.name)!.psName;
        if (d.kind === 'interface' || m.modifiers.includes('abstract')) return [];
        if ((m.get && !m.get.body) || (m.set && !m.set.body)) return [`  ${hidden}${stat}[${type}] $${psName}`];
        const out: string[] = [];
        const entry: LoweredClass['accessors'][number] = { name: psName, type };
        if (m.get?.body) {
          entry.get = `get_${psName}`;
          out.push(`  hidden ${stat}[${type}] get_${psName}() {`, ...this.body(m.get.body, [], type === 'void', `${m.name}.get`, m.line), '  }');
        }
        if (m.set?.body) {
          entry.set = `set_${psName}`;
          out.push(`  hidden ${stat}[void] set_${psName}([${type}]$value) {`, ...this.body(m.set.body, [{ name: 'value', type: m.type }], true, `${m.name}.set`, m.line), '  }');
        }
        (isStatic ? this.staticAccessors : this.accessors).push(entry);
        return out;
      }
      case 'method': {
        if (d.kind === 'interface') return [];
        const ret = psType(m.ret, d, this.ctx);
        const params = this.params(m.params);
        const body = m.body ? this.body(m.body, m.params, ret === 'void', `${m.name}(${m.params.map((p) => p.type.name).join(', ')})`, m.line) : ['    throw [System.NotImplementedException]::new()'];
        return [`  ${hidden}${stat}[${ret}] ${m.name}(${params}) {`, ...body, '  }'];
      }
      case 'ctor': {
        if (isStatic) this.fail(m.line, 'CS0000', 'Static constructors are not supported by this compiler');
        if (m.init?.kind === 'this') this.fail(m.line, 'CS0000', 'Constructor chaining with this(...) is not supported by this compiler');
        const params = this.params(m.params);
        let head = `  ${hidden}${d.name}(${params})`;
        if (m.init) head += ` : base(${this.withScope(m.params, () => m.init!.args.map((a) => this.arg(a)).join(', '))})`;
        return [`${head} {`, ...this.body(m.body, m.params, true, d.name, m.line), '  }'];
      }
    }
  }

  private params(params: Param[]): string {
    return params.map((p) => {
      if (p.modifier === 'ref' || p.modifier === 'out') this.fail(p.type.line, 'CS0000', 'ref and out parameters are not supported by this compiler');
      return `[${psType(p.type, this.d, this.ctx)}]$${this.varName(p.name)}`;
    }).join(', ');
  }

  private varName(name: string): string {
    return PS_RESERVED.has(name.toLowerCase()) ? `cs_${name}` : name;
  }

  private withScope<T>(params: Param[] | { name: string; type: TypeRef }[], f: () => T): T {
    this.scopes.push(new Map(params.map((p) => [p.name, staticTypeOf(p.type, this.d, this.ctx)])));
    try {
      return f();
    } finally {
      this.scopes.pop();
    }
  }

  /** A body's statements; `member` names it in CS0161 (`Ns.Type.Method(int)`). */
  private body(stmts: Stmt[], params: Param[] | { name: string; type: TypeRef }[], isVoid: boolean, member: string, line: number): string[] {
    return this.withScope(params, () => {
      const out: string[] = [];
      for (const s of stmts) out.push(...this.stmt(s, 2));
      // A non-void method whose end is reachable is CS0161 in C#; the shell would return $null.
      if (!isVoid && !stmts.some((s) => endsFlow(s))) this.fail(line, 'CS0161', `'${this.shape.fullName}.${member}': not all code paths return a value`);
      return out;
    });
  }

  private local(name: string): { found: boolean; type?: string } {
    for (let i = this.scopes.length - 1; i >= 0; i--) if (this.scopes[i]!.has(name)) return { found: true, type: this.scopes[i]!.get(name) };
    return { found: false };
  }

  private stmt(s: Stmt, depth: number): string[] {
    const pad = '  '.repeat(depth);
    const block = (b: Stmt): string[] => {
      this.scopes.push(new Map());
      try {
        return (b.k === 'block' ? b.body : [b]).flatMap((x) => this.stmt(x, depth + 1));
      } finally {
        this.scopes.pop();
      }
    };
    switch (s.k) {
      case 'block':
        return block(s);
      case 'empty':
        return [];
      case 'local': {
        const type = s.type ? psType(s.type, this.d, this.ctx) : undefined;
        const out: string[] = [];
        for (const v of s.decls) {
          if (this.local(v.name).found) this.fail(s.line, 'CS0128', `A local variable named '${v.name}' is already defined in this scope`);
          const init = v.init ? this.expr(v.init) : undefined;
          if (!type && !init) this.fail(s.line, 'CS0818', 'Implicitly-typed variables must be initialized');
          this.scopes[this.scopes.length - 1]!.set(v.name, s.type ? staticTypeOf(s.type, this.d, this.ctx) : init!.type);
          const value = init ? init.t : defaultValue(type!);
          out.push(`${pad}${type ? `[${type}]` : ''}$${this.varName(v.name)} = ${value}`);
        }
        return out;
      }
      case 'expr':
        return [`${pad}${this.statementExpr(s.expr)}`];
      case 'if': {
        const out = [`${pad}if (${this.cond(s.test)}) {`, ...block(s.then)];
        if (s.else) out.push(`${pad}} else {`, ...block(s.else));
        out.push(`${pad}}`);
        return out;
      }
      case 'while':
        return [`${pad}while (${this.cond(s.test)}) {`, ...block(s.body), `${pad}}`];
      case 'do':
        return [`${pad}do {`, ...block(s.body), `${pad}} while (${this.cond(s.test)})`];
      case 'for': {
        this.scopes.push(new Map());
        try {
          const init = s.init.flatMap((x) => this.stmt(x, 0)).map((x) => x.trim());
          const test = s.test ? this.cond(s.test) : '$true';
          const iter = s.iter.map((e) => this.statementExpr(e));
          if (init.length > 1 || iter.length > 1) {
            return [...init.map((x) => pad + x), `${pad}for (; ${test}; ) {`, ...block(s.body), ...iter.map((x) => `${pad}  ${x}`), `${pad}}`];
          }
          return [`${pad}for (${init[0] ?? ''}; ${test}; ${iter[0] ?? ''}) {`, ...block(s.body), `${pad}}`];
        } finally {
          this.scopes.pop();
        }
      }
      case 'foreach': {
        const source = this.expr(s.source).t;
        this.scopes.push(new Map([[s.name, s.type ? staticTypeOf(s.type, this.d, this.ctx) : undefined]]));
        try {
          return [`${pad}foreach ($${this.varName(s.name)} in ${source}) {`, ...block(s.body), `${pad}}`];
        } finally {
          this.scopes.pop();
        }
      }
      case 'return':
        return [`${pad}return${s.value ? ' ' + this.expr(s.value).t : ''}`];
      case 'throw':
        return [`${pad}throw${s.value ? ' ' + this.expr(s.value).t : ''}`];
      case 'break':
      case 'continue':
        return [`${pad}${s.k}`];
      case 'try': {
        const out = [`${pad}try {`, ...block({ k: 'block', body: s.body, line: s.line }), `${pad}}`];
        for (const c of s.catches) {
          const type = c.type ? psType(c.type, this.d, this.ctx) : undefined;
          this.scopes.push(new Map(c.name ? [[c.name, undefined]] : []));
          try {
            out.push(`${pad}catch${type && type !== 'System.Exception' ? ` [${type}]` : ''} {`);
            if (c.name) out.push(`${pad}  $${this.varName(c.name)} = $_.Exception`);
            out.push(...block({ k: 'block', body: c.body, line: s.line }), `${pad}}`);
          } finally {
            this.scopes.pop();
          }
        }
        if (s.fin) out.push(`${pad}finally {`, ...block({ k: 'block', body: s.fin, line: s.line }), `${pad}}`);
        return out;
      }
      case 'switch': {
        // C# sections end in break (or return/throw): a PowerShell switch whose clauses break.
        const out = [`${pad}switch -casesensitive (${this.expr(s.value).t}) {`];
        for (const sec of s.sections) {
          const body = sec.body.filter((b, i) => !(b.k === 'break' && i === sec.body.length - 1));
          const lines = this.withScope([], () => body.flatMap((b) => this.stmt(b, depth + 2)));
          for (const label of sec.labels) {
            const test = label === 'default' ? 'default' : `{ $_ -ceq (${this.expr(label).t}) }`;
            out.push(`${pad}  ${test} {`, ...lines, `${pad}    break`, `${pad}  }`);
          }
        }
        out.push(`${pad}}`);
        return out;
      }
    }
  }

  /** An expression used as a statement: its value is dropped. */
  private statementExpr(e: Expr): string {
    if (e.k === 'assign') return this.assign(e);
    if ((e.k === 'postfix' || e.k === 'unary') && (e.op === '++' || e.op === '--')) {
      const target = this.expr(e.operand).t;
      // A local increments in place; a member (a static one above all) is assigned.
      return target.startsWith('$') && !target.includes('.') ? `${target}${e.op}` : `${target} ${e.op === '++' ? '+=' : '-='} 1`;
    }
    return `$null = ${this.expr(e).t}`;
  }

  private cond(e: Expr): string {
    return this.expr(e).t;
  }

  private arg(e: Expr): string {
    const t = this.expr(e).t;
    return /^[$[(']/.test(t) || /^-?\d/.test(t) ? t : `(${t})`;
  }

  private assign(e: Expr & { k: 'assign' }): string {
    const target = this.expr(e.target).t;
    const value = this.expr(e.value);
    const bitwise: Record<string, string> = { '&=': '-band', '|=': '-bor', '^=': '-bxor', '<<=': '-shl', '>>=': '-shr' };
    if (bitwise[e.op]) return `${target} = ${target} ${bitwise[e.op]} ${value.t}`;
    if (e.op === '/=') return `${target} = ${this.binary('/', this.expr(e.target), value).t}`;
    return `${target} ${e.op} ${value.t}`;
  }

  private expr(e: Expr): Typed {
    switch (e.k) {
      case 'lit':
        return literal(e.type, e.value);
      case 'this':
      case 'base':
        if (this.isStatic) this.fail(e.line, 'CS0026', `Keyword '${e.k}' is not valid in a static property, static method, or static field initializer`);
        return { t: '$this', type: this.shape.fullName };
      case 'name':
        return this.name(e.name, e.line);
      case 'member':
        return this.memberAccess(e);
      case 'call':
        return this.call(e);
      case 'index':
        return { t: `${this.expr(e.target).t}[${e.args.map((a) => this.expr(a).t).join(', ')}]` };
      case 'new': {
        const type = psType(e.type, this.d, this.ctx);
        const created = `[${type}]::new(${e.args.map((a) => this.arg(a)).join(', ')})`;
        if (!e.init?.length) return { t: created, type: staticTypeOf(e.type, this.d, this.ctx) };
        const temp = `$cs_new${++this.temp}`;
        const sets = e.init.map((i) => `${temp}.${i.name} = ${this.expr(i.value).t}`).join('; ');
        return { t: `$(${temp} = ${created}; ${sets}; ${temp})`, type: staticTypeOf(e.type, this.d, this.ctx) };
      }
      case 'newarray': {
        const type = psType(e.type, this.d, this.ctx);
        if (e.items) return { t: `[${type}[]]@(${e.items.map((i) => this.arg(i)).join(', ')})` };
        return { t: `[${type}[]]::new(${this.expr(e.size!).t})` };
      }
      case 'unary': {
        const v = this.expr(e.operand);
        switch (e.op) {
          case '-': return { t: `(-${wrap(v.t)})`, type: v.type };
          case '+': return v;
          case '!': return { t: `(-not ${wrap(v.t)})`, type: 'bool' };
          case '~': return { t: `(-bnot ${wrap(v.t)})`, type: v.type };
          default: return { t: `(${e.op}${v.t})`, type: v.type };
        }
      }
      case 'postfix': {
        const v = this.expr(e.operand);
        return { t: `(${v.t}${e.op})`, type: v.type };
      }
      case 'binary':
        return this.binary(e.op, this.expr(e.left), this.expr(e.right));
      case 'assign':
        return { t: `(${this.assign(e)})` };
      case 'cond': {
        const a = this.expr(e.then);
        return { t: `$(if (${this.cond(e.test)}) { ${a.t} } else { ${this.expr(e.else).t} })`, type: a.type };
      }
      case 'cast': {
        const type = psType(e.type, this.d, this.ctx);
        const v = this.expr(e.operand);
        const target = staticTypeOf(e.type, this.d, this.ctx);
        // C# truncates a floating value cast to an integral type; PowerShell would round it.
        const inner = target && INTEGRAL.has(target) && v.type && FLOATING.has(v.type) ? `[System.Math]::Truncate(${v.t})` : v.t;
        return { t: `([${type}]${wrap(inner)})`, type: target };
      }
      case 'is':
        return { t: `(${wrap(this.expr(e.operand).t)} -is [${psType(e.type, this.d, this.ctx)}])`, type: 'bool' };
      case 'as': {
        const v = this.expr(e.operand).t;
        const type = psType(e.type, this.d, this.ctx);
        // `as` never converts: the value when it is of the type, else null.
        return { t: `$(if (${wrap(v)} -is [${type}]) { ${v} } else { $null })`, type: staticTypeOf(e.type, this.d, this.ctx) };
      }
      case 'typeof':
        return { t: `[${psType(e.type, this.d, this.ctx)}]` };
      case 'default':
        return { t: defaultValue(psType(e.type, this.d, this.ctx)), type: staticTypeOf(e.type, this.d, this.ctx) };
    }
  }

  private binary(op: string, a: Typed, b: Typed): Typed {
    const num = (x: Typed): boolean => !!x.type && (INTEGRAL.has(x.type) || FLOATING.has(x.type));
    const wider = (): string | undefined => {
      if (!num(a) || !num(b)) return undefined;
      const order = ['decimal', 'double', 'float', 'ulong', 'long', 'uint', 'int'];
      return order.find((t) => t === a.type || t === b.type) ?? 'int';
    };
    switch (op) {
      case '+':
        if (a.type === 'string' || b.type === 'string' || a.type === 'System.String' || b.type === 'System.String') {
          return { t: `([string]${wrap(a.t)} + ${wrap(b.t)})`, type: 'string' };
        }
        return { t: `(${a.t} + ${b.t})`, type: wider() };
      case '/': {
        const w = wider();
        if (w && INTEGRAL.has(a.type!) && INTEGRAL.has(b.type!)) return { t: `([${PS_TYPES[w] ?? 'long'}][System.Math]::Truncate(${a.t} / ${b.t}))`, type: w };
        return { t: `(${a.t} / ${b.t})`, type: w };
      }
      case '-': case '*': case '%':
        return { t: `(${a.t} ${op} ${b.t})`, type: wider() };
      case '==': return { t: `(${a.t} -ceq ${b.t})`, type: 'bool' };
      case '!=': return { t: `(${a.t} -cne ${b.t})`, type: 'bool' };
      case '<': return { t: `(${a.t} -lt ${b.t})`, type: 'bool' };
      case '>': return { t: `(${a.t} -gt ${b.t})`, type: 'bool' };
      case '<=': return { t: `(${a.t} -le ${b.t})`, type: 'bool' };
      case '>=': return { t: `(${a.t} -ge ${b.t})`, type: 'bool' };
      case '&&': return { t: `(${a.t} -and ${b.t})`, type: 'bool' };
      case '||': return { t: `(${a.t} -or ${b.t})`, type: 'bool' };
      case '&': return a.type === 'bool' ? { t: `(${a.t} -and ${b.t})`, type: 'bool' } : { t: `(${a.t} -band ${b.t})`, type: a.type };
      case '|': return a.type === 'bool' ? { t: `(${a.t} -or ${b.t})`, type: 'bool' } : { t: `(${a.t} -bor ${b.t})`, type: a.type };
      case '^': return a.type === 'bool' ? { t: `(${a.t} -xor ${b.t})`, type: 'bool' } : { t: `(${a.t} -bxor ${b.t})`, type: a.type };
      case '<<': return { t: `(${a.t} -shl ${b.t})`, type: a.type };
      case '>>': return { t: `(${a.t} -shr ${b.t})`, type: a.type };
      case '??': return { t: `$(if ($null -ne ${a.t}) { ${a.t} } else { ${b.t} })`, type: a.type };
    }
    throw new CompileError({ line: 0, col: 1, code: 'CS0000', message: `Operator '${op}' is not supported by this compiler` });
  }

  /** A member of this type or its bases, by C# name. */
  private ownMember(name: string): (TypeShape['members'] extends Map<string, infer V> ? V : never) & { owner: string } | undefined {
    for (let s: TypeShape | undefined = this.shape; s; s = s.base ? this.ctx.shapes.get(s.base) ?? this.ctx.env.compiled(s.base) : undefined) {
      const m = s.members.get(name);
      if (m) return { ...m, owner: s.fullName };
    }
    return undefined;
  }

  private memberRef(m: NonNullable<ReturnType<ClassLowerer['ownMember']>>, line: number, name: string): Typed {
    if (m.isStatic) return { t: `[${m.owner}]::${m.psName}`, type: this.memberType(m.type) };
    if (this.isStatic) this.fail(line, 'CS0120', `An object reference is required for the non-static field, method, or property '${this.shape.fullName}.${name}'`);
    return { t: `$this.${m.psName}`, type: this.memberType(m.type) };
  }

  private memberType(name: string | undefined): string | undefined {
    if (!name) return undefined;
    return PS_TYPES[name] ? name : findType(name, 0, this.d, this.ctx);
  }

  private name(name: string, line: number): Typed {
    const local = this.local(name);
    if (local.found) return { t: `$${this.varName(name)}`, type: local.type };
    const m = this.ownMember(name);
    if (m && m.kind !== 'method') return this.memberRef(m, line, name);
    const type = findType(name, 0, this.d, this.ctx);
    if (type) return { t: `[${type}]`, type: `type:${type}` };
    return this.fail(line, 'CS0103', `The name '${name}' does not exist in the current context`);
  }

  /** `a.b.c`: a value's member, or a type's static member (the longest dotted prefix that names a type). */
  private memberAccess(e: Expr & { k: 'member' }): Typed {
    const chain = dottedChain(e);
    if (chain && !this.local(chain[0]!).found && !this.ownMember(chain[0]!)) {
      for (let n = chain.length - 1; n >= 1; n--) {
        const type = findType(chain.slice(0, n).join('.'), 0, this.d, this.ctx);
        if (!type) continue;
        let t = `[${type}]::${chain[n]}`;
        const shape = this.ctx.shapes.get(type) ?? this.ctx.env.compiled(type);
        const sm = shape?.members.get(chain[n]!);
        if (shape && !sm) this.fail(e.line, 'CS0117', `'${type}' does not contain a definition for '${chain[n]}'`);
        if (sm) t = `[${type}]::${sm.psName}`;
        for (const rest of chain.slice(n + 1)) t += `.${rest}`;
        return { t, type: n === chain.length - 1 && sm ? this.memberType(sm.type) : undefined };
      }
      if (!findType(chain[0]!, 0, this.d, this.ctx)) this.fail(e.line, 'CS0103', `The name '${chain[0]}' does not exist in the current context`);
    }
    const target = this.expr(e.target);
    if (target.type?.startsWith('type:')) return { t: `${target.t}::${e.name}` };
    if (target.t === '$this') {
      const m = this.ownMember(e.name);
      if (m && m.kind !== 'method') return this.memberRef(m, e.line, e.name);
    }
    return { t: `${wrap(target.t)}.${e.name}`, type: e.name === 'Length' || e.name === 'Count' ? 'int' : undefined };
  }

  private call(e: Expr & { k: 'call' }): Typed {
    const args = e.args.map((a) => this.arg(a)).join(', ');
    const t = e.target;
    if (t.k === 'name') {
      const m = this.ownMember(t.name);
      if (!m || m.kind !== 'method') this.fail(e.line, 'CS0103', `The name '${t.name}' does not exist in the current context`);
      if (m!.isStatic) return { t: `[${m!.owner}]::${t.name}(${args})` };
      if (this.isStatic) this.fail(e.line, 'CS0120', `An object reference is required for the non-static field, method, or property '${this.shape.fullName}.${t.name}'`);
      return { t: `$this.${t.name}(${args})` };
    }
    if (t.k === 'member') {
      const target = this.memberAccess(t);
      if (target.t.includes('::') && !target.t.includes('.', target.t.lastIndexOf('::'))) return { t: `${target.t}(${args})` };
      return { t: `${target.t}(${args})` };
    }
    return this.fail(e.line, 'CS0149', 'Method name expected');
  }
}

function dottedChain(e: Expr): string[] | undefined {
  if (e.k === 'name') return [e.name];
  if (e.k === 'member') {
    const inner = dottedChain(e.target);
    return inner ? [...inner, e.name] : undefined;
  }
  return undefined;
}

function wrap(t: string): string {
  return /^[$[(']/.test(t) || /^-?[\d.]+$/.test(t) ? t : `(${t})`;
}

/** Whether a statement never completes normally (return or throw, or an if whose branches both do). */
function endsFlow(s: Stmt): boolean {
  switch (s.k) {
    case 'return':
    case 'throw':
      return true;
    case 'block':
      return s.body.some(endsFlow);
    case 'if':
      return !!s.else && endsFlow(s.then) && endsFlow(s.else);
    case 'while':
      return s.test.k === 'lit' && s.test.value === 'true';
    case 'for':
      return !s.test;
    case 'try':
      return (s.body.some(endsFlow) && s.catches.every((c) => c.body.some(endsFlow))) || !!s.fin?.some(endsFlow);
    case 'switch':
      return s.sections.some((x) => x.labels.includes('default')) && s.sections.every((x) => x.body.some(endsFlow));
    default:
      return false;
  }
}

function defaultValue(psTypeText: string): string {
  switch (psTypeText) {
    case 'bool': return '$false';
    case 'char': return '[char]0';
    case 'int': case 'long': case 'double': case 'single': case 'decimal': case 'byte': case 'sbyte':
    case 'int16': case 'uint16': case 'uint32': case 'uint64':
      return `[${psTypeText}]0`;
    default:
      return '$null';
  }
}

function literal(type: string, value: string): Typed {
  switch (type) {
    case 'string': return { t: quote(value), type: 'string' };
    case 'char': return { t: `([char]${value.charCodeAt(0)})`, type: 'char' };
    case 'bool': return { t: `$${value}`, type: 'bool' };
    case 'null': return { t: '$null' };
    case 'double': return { t: `([double]${quote(value)})`, type };
    case 'float': return { t: `([single]${quote(value)})`, type };
    case 'decimal': return { t: `([decimal]${quote(value)})`, type };
  }
  const n = BigInt(value);
  let t = type;
  if (t === 'int' && n > 2147483647n) t = n <= 4294967295n ? 'uint' : n <= 9223372036854775807n ? 'long' : 'ulong';
  if (t === 'uint' && n > 4294967295n) t = 'ulong';
  if (t === 'long' && n > 9223372036854775807n) t = 'ulong';
  if (t === 'int') return { t: n.toString(), type: 'int' };
  return { t: `([${PS_TYPES[t]}]${quote(n.toString())})`, type: t };
}

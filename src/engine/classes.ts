// PowerShell 5 classes and enums: `class B : A { [int]$P = 1; B() {} [string] M() { ... } }`,
// `enum E { A; B = 5 }`. A class instance is a PSObject whose type names are the class and its
// bases; its properties convert what is assigned to their type, its methods run their bodies
// with `$this` (the interpreter runs them, asynchronously), its constructors are picked by
// argument count. The type names are registered with the conversions (convert.ts) so casts,
// `-is`, `[X]::new()`, New-Object and parameter types know them.
import type * as A from '../../grammar/ast.js';
import { convertTo, invalidCast, isInstanceOf, registerClassCast, registerClassInterfaces, registerEnum, resolveTypeName } from '../protocol/convert.js';
import { runtimeError, TerminatingError } from '../protocol/errors.js';
import { PSHashtable, PSObject, ScriptBlockValue, toDisplayText, type PSPropertyInfo } from '../protocol/values.js';
import type { Frame } from './runtime.js';
import { Scope } from './scope.js';
import type { MaybePromise } from './signals.js';

/** What the classes need from the interpreter. */
export interface ClassHost {
  /** Runs a block over a scope (`$this` set in it) with arguments; its output. */
  invoke(sb: ScriptBlockValue, f: Frame, args: unknown[]): MaybePromise<unknown[]>;
  /** The value of an expression or initializer statement. */
  value(st: A.StatementAst | A.ExpressionAst, f: Frame): Promise<unknown>;
  /** The same, when it can run synchronously (no command); NOT_SYNC otherwise. */
  valueSync(st: A.StatementAst | A.ExpressionAst, f: Frame): unknown;
  /** A method body run synchronously when it runs no command (casts construct synchronously); NOT_SYNC otherwise. */
  blockSync(body: A.StatementListAst, scope: Scope, f: Frame): unknown;
  /**
   * A class compiled from C# by another session of the process (types are the AppDomain's, as in
   * .NET): its definition for this session, by lower-case full name.
   */
  compiledType?(lowerName: string): { def: A.TypeDefinitionAst; frame: Frame; facts: CompiledTypeFacts } | undefined;
}

export const NOT_SYNC = Symbol('not synchronous');

/** What a type compiled from C# (Add-Type, src/engine/csharp/) has beyond a PowerShell class. */
export interface CompiledTypeFacts {
  /** Properties whose get / set run the hidden get_X / set_X methods (no set: read-only). */
  accessors: { name: string; type: string; get?: string; set?: string }[];
  /** Static fields that cannot be assigned (const, static readonly). */
  readonlyStatics: string[];
  /** The interfaces the class implements (full names): `-is` sees them. */
  interfaces: string[];
  /** Static properties whose get / set run the hidden static get_X / set_X methods. */
  staticAccessors: { name: string; type: string; get?: string; set?: string }[];
  /** Abstract and static classes and interfaces have no instances. */
  isAbstract: boolean;
  /** A struct: derives from System.ValueType. */
  isValueType: boolean;
}

interface StaticSlot {
  type?: string;
  value: unknown;
}

export class ClassInfo {
  readonly methods = new Map<string, A.FunctionMemberAst[]>();
  readonly staticMethods = new Map<string, A.FunctionMemberAst[]>();
  readonly ctors: A.FunctionMemberAst[] = [];
  readonly properties: A.PropertyMemberAst[] = [];
  readonly statics = new Map<string, StaticSlot>();

  constructor(
    readonly ast: A.TypeDefinitionAst,
    readonly base: ClassInfo | undefined,
    /** Where the class was defined: its methods' variables resolve from there. */
    readonly frame: Frame,
    /** Set for a type compiled from C#. */
    readonly compiled?: CompiledTypeFacts,
  ) {
    for (const m of ast.members) {
      if (m.kind === 'PropertyMember') {
        if (!m.isStatic) this.properties.push(m);
      } else if (m.isConstructor) this.ctors.push(m);
      else {
        const table = m.isStatic ? this.staticMethods : this.methods;
        const key = m.name.toLowerCase();
        table.set(key, [...(table.get(key) ?? []), m]);
      }
    }
  }

  get name(): string {
    return this.ast.name;
  }

  /** The class and its bases, most derived first. */
  lineage(): ClassInfo[] {
    const out: ClassInfo[] = [];
    for (let c: ClassInfo | undefined = this.base; c; c = c.base) out.push(c);
    return [this, ...out];
  }

  /** The class's type names, most derived first. */
  typeNames(): string[] {
    return [...this.lineage().map((c) => c.name), ...(this.compiled?.isValueType ? ['System.ValueType'] : []), 'System.Object'];
  }

  /** A method of the class or its bases (derived first), by name and arguments. */
  findMethod(name: string, args: unknown[], isStatic: boolean): A.FunctionMemberAst | undefined {
    for (const c of this.lineage()) {
      const m = pickOverload((isStatic ? c.staticMethods : c.methods).get(name.toLowerCase()) ?? [], args);
      if (m) return m;
    }
    return undefined;
  }

  hasMethod(name: string, isStatic: boolean): boolean {
    return this.lineage().some((c) => (isStatic ? c.staticMethods : c.methods).has(name.toLowerCase()));
  }

  staticSlot(name: string): StaticSlot | undefined {
    for (const c of this.lineage()) {
      const s = c.statics.get(name.toLowerCase());
      if (s) return s;
    }
    return undefined;
  }
}

/**
 * The overload for these arguments: the same count, then the one whose parameter types the
 * arguments already are (else can be converted to), as .NET's binder prefers.
 */
function pickOverload(list: A.FunctionMemberAst[], args: unknown[]): A.FunctionMemberAst | undefined {
  const same = list.filter((m) => m.parameters.length === args.length);
  if (same.length <= 1) return same[0];
  const fit = (m: A.FunctionMemberAst): number =>
    m.parameters.reduce((sum, p, i) => {
      if (!p.type) return sum + 1;
      if (isInstanceOf(args[i], p.type.name)) return sum + 2;
      try {
        convertTo(args[i], p.type.name);
        return sum + 1;
      } catch {
        return sum - 100;
      }
    }, 0);
  let best = same[0]!;
  let bestFit = fit(best);
  for (const m of same.slice(1)) {
    const f = fit(m);
    if (f > bestFit) [best, bestFit] = [m, f];
  }
  return best;
}

/** The default of a property's type: 0 for numbers, $false for bool, else $null. */
function typeDefault(type: string | undefined): unknown {
  switch (type?.toLowerCase()) {
    case 'int': case 'int32': case 'system.int32': case 'long': case 'int64': case 'system.int64':
    case 'double': case 'system.double': case 'byte': case 'short': case 'single': case 'float':
    case 'decimal': case 'uint32': case 'uint64': case 'uint16': case 'int16': case 'sbyte':
      return convertTo(0, type!);
    case 'bool': case 'boolean': case 'system.boolean': case 'switch':
      return false;
    default:
      return null;
  }
}

/** A hashtable's key that the class cannot take: 5.1's ObjectCreationError. */
function objectCreationError(cls: ClassInfo, why: string, value: unknown) {
  return invalidCast(`Cannot create object of type "${cls.name}". ${why}`, 'ObjectCreationError', value);
}

/** `[AbstractType]::new()`, New-Object of an abstract class, static class or interface. */
function abstractClass(cls: ClassInfo) {
  return runtimeError(`Cannot create an instance of the abstract class "${cls.name}".`, 'ConstructorInvokedThrowException', 'InvalidOperation', 'MethodInvocationException');
}

function noOverload(name: string, argc: number) {
  return runtimeError(`Cannot find an overload for "${name}" and the argument count: "${argc}".`, 'MethodCountCouldNotFindBest', 'NotSpecified', 'MethodException');
}

/** The classes and enums a session defined. */
export class ClassRegistry {
  private readonly classes = new Map<string, ClassInfo>();
  /** Names of every method a class defined: calls of them are not pure. */
  readonly methodNames = new Set<string>();
  /** The value `return` gave, per running method (keyed by its method scope): a method's other output is dropped. */
  private readonly returns = new WeakMap<Scope, { value: unknown }>();
  private readonly defined = new WeakSet<A.TypeDefinitionAst>();

  constructor(private readonly host: ClassHost) {}

  /** Whether this very statement has defined its type (a script's types are defined before it runs). */
  isDefined(def: A.TypeDefinitionAst): boolean {
    return this.defined.has(def);
  }

  find(typeName: string): ClassInfo | undefined {
    const lower = typeName.toLowerCase();
    const found = this.classes.get(lower);
    if (found || !this.host.compiledType) return found;
    const shared = this.host.compiledType(lower);
    if (!shared) return undefined;
    // Static initial values of compiled types are values (C# constants and expressions): computed synchronously.
    const info = this.register(shared.def, shared.frame, shared.facts);
    for (const m of shared.def.members) {
      if (m.kind !== 'PropertyMember' || !m.isStatic) continue;
      const type = m.type?.name;
      let raw = m.initial ? this.host.valueSync(m.initial, shared.frame) : typeDefault(type);
      if (raw === NOT_SYNC) raw = typeDefault(type);
      info.statics.set(m.name.toLowerCase(), { type, value: type ? convertTo(raw, type) : raw });
    }
    return info;
  }

  /** Runs a `class` or `enum` statement: the type exists from then on. */
  async define(def: A.TypeDefinitionAst, f: Frame, compiled?: CompiledTypeFacts): Promise<void> {
    this.defined.add(def);
    if (def.isEnum) return this.defineEnum(def, f);
    const info = this.register(def, f, compiled);
    for (const m of def.members) {
      if (m.kind !== 'PropertyMember' || !m.isStatic) continue;
      const type = m.type?.name;
      const raw = m.initial ? await this.host.value(m.initial, f) : typeDefault(type);
      info.statics.set(m.name.toLowerCase(), { type, value: type ? convertTo(raw, type) : raw });
    }
  }

  /** The class known by its name, its methods' names and its cast (its static values are set by the caller). */
  private register(def: A.TypeDefinitionAst, f: Frame, compiled?: CompiledTypeFacts): ClassInfo {
    const baseName = def.baseTypes[0];
    const base = baseName ? this.find(baseName) : undefined;
    const info = new ClassInfo(def, base, f, compiled);
    this.classes.set(def.name.toLowerCase(), info);
    for (const m of def.members) if (m.kind === 'FunctionMember' && !m.isConstructor) this.methodNames.add(m.name.toLowerCase());
    registerClassCast(def.name, (v) => this.castTo(info, v));
    if (compiled?.interfaces.length) registerClassInterfaces(def.name, compiled.interfaces);
    return info;
  }

  private async defineEnum(def: A.TypeDefinitionAst, f: Frame): Promise<void> {
    const values: string[] = [];
    const numbers: number[] = [];
    let next = 0;
    for (const m of def.enumMembers) {
      const n = m.value ? Number(convertTo(await this.host.value(m.value, f), 'long')) : next;
      values.push(m.name);
      numbers.push(n);
      next = n + 1;
    }
    const flags = def.attributes.some((a) => /^(system\.)?flags(attribute)?$/i.test(a.name));
    registerEnum({ typeName: def.name, values, numbers, flags });
  }

  /** A new instance: properties at their defaults, then the constructor for these arguments. */
  async construct(cls: ClassInfo, args: unknown[]): Promise<PSObject> {
    if (cls.compiled?.isAbstract) throw abstractClass(cls);
    const obj = this.shell(cls);
    for (const c of this.chain(cls)) await this.initialize(c, obj, false);
    await this.runConstructor(cls, obj, args);
    return obj;
  }

  /** Base classes first. */
  private chain(cls: ClassInfo): ClassInfo[] {
    const out: ClassInfo[] = [];
    for (let c: ClassInfo | undefined = cls; c; c = c.base) out.unshift(c);
    return out;
  }

  private async runConstructor(cls: ClassInfo, obj: PSObject, args: unknown[]): Promise<void> {
    const ctor = pickOverload(cls.ctors, args);
    if (!ctor) {
      if (args.length === 0 && cls.ctors.length === 0) {
        if (cls.base) await this.runConstructor(cls.base, obj, []);
        return;
      }
      throw noOverload('new', args.length);
    }
    if (cls.base) {
      let baseArgs: unknown[] = [];
      if (ctor.baseArguments) {
        // The base call's arguments see the constructor's parameters.
        const scope = this.methodScope(cls, obj);
        ctor.parameters.forEach((p, i) => scope.setOwn(p.name.toLowerCase(), p.type ? convertTo(args[i], p.type.name) : args[i]));
        const frame = { ...cls.frame, scope };
        baseArgs = [];
        for (const a of ctor.baseArguments) baseArgs.push(await this.host.value(a, frame));
      }
      await this.runConstructor(cls.base, obj, baseArgs);
    }
    await this.host.invoke(this.methodBlock(ctor, this.methodScope(cls, obj)), cls.frame, args);
  }

  private methodScope(cls: ClassInfo, self: unknown): Scope {
    const scope = new Scope(cls.frame.scope, 'function');
    scope.setOwn('this', self);
    return scope;
  }

  /** Where a `return` in a method body puts its value: the method's own scope is the child of its method scope. */
  returnSlot(scope: Scope): { value: unknown } | undefined {
    return scope.parent ? this.returns.get(scope.parent) : undefined;
  }

  /** A method's body as a script block over a scope with `$this`, its parameters as a param block. */
  private methodBlock(m: A.FunctionMemberAst, scope: Scope): ScriptBlockValue {
    const block: A.ScriptBlockAst = {
      ...m.body,
      params: { kind: 'ParamBlock', span: m.span, parameters: m.parameters },
    };
    return new ScriptBlockValue(block, m.text, scope);
  }

  /** Calls a method: its output (what `return` gives) converted to its return type; [void] gives nothing. */
  async callMethod(cls: ClassInfo, name: string, self: unknown, args: unknown[], isStatic: boolean): Promise<unknown> {
    const m = cls.findMethod(name, args, isStatic);
    if (!m) throw noOverload(name, args.length);
    const owner = this.ownerOf(cls, m);
    const scope = this.methodScope(owner, isStatic ? null : self);
    const slot = { value: null as unknown };
    this.returns.set(scope, slot);
    await this.host.invoke(this.methodBlock(m, scope), owner.frame, args);
    const ret = m.returnType?.name;
    if (ret && /^(system\.)?void$/i.test(ret)) return undefined;
    return ret ? convertTo(slot.value, ret) : slot.value;
  }

  /** A method without arguments run synchronously when its body runs no command; NOT_SYNC otherwise (undefined: [void]). */
  private callSync(cls: ClassInfo, name: string, self: unknown): unknown {
    const m = cls.findMethod(name, [], false);
    if (!m) return NOT_SYNC;
    const owner = this.ownerOf(cls, m);
    const v = this.host.blockSync(m.body.end!, this.methodScope(owner, self), owner.frame);
    if (v === NOT_SYNC) return NOT_SYNC;
    const ret = m.returnType?.name;
    if (ret && /^(system\.)?void$/i.test(ret)) return undefined;
    return ret ? convertTo(v === undefined ? null : v, ret) : v;
  }

  /**
   * A compiled property's get_X / set_X, run synchronously as reading or setting a property must
   * (their bodies compute values; they run no command).
   */
  private callAccessor(cls: ClassInfo, name: string, self: unknown, args: unknown[], isStatic = false): unknown {
    const m = cls.findMethod(name, args, isStatic);
    if (!m) throw noOverload(name, args.length);
    const owner = this.ownerOf(cls, m);
    const scope = this.methodScope(owner, self);
    m.parameters.forEach((p, i) => scope.setOwn(p.name.toLowerCase(), p.type ? convertTo(args[i], p.type.name) : args[i]));
    const v = this.host.blockSync(m.body.end!, scope, owner.frame);
    if (v === NOT_SYNC) throw runtimeError(`The property accessor '${name}' of type '${cls.name}' cannot run: its body runs a command.`, 'PropertyAccessorNotSynchronous', 'InvalidOperation', 'GetValueInvocationException');
    const ret = m.returnType?.name;
    if (ret && /^(system\.)?void$/i.test(ret)) return undefined;
    return ret ? convertTo(v === undefined ? null : v, ret) : v;
  }

  private ownerOf(cls: ClassInfo, m: A.FunctionMemberAst): ClassInfo {
    for (let c: ClassInfo | undefined = cls; c; c = c.base) if (c.ast.members.includes(m)) return c;
    return cls;
  }

  /** A compiled static property with accessor bodies, by name (the class's own first). */
  private staticAccessor(cls: ClassInfo, name: string): CompiledTypeFacts['staticAccessors'][number] | undefined {
    for (const c of cls.lineage()) {
      const a = c.compiled?.staticAccessors.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (a) return a;
    }
    return undefined;
  }

  getStatic(cls: ClassInfo, name: string): unknown {
    const accessor = this.staticAccessor(cls, name);
    if (accessor) return accessor.get ? this.callAccessor(cls, accessor.get, null, [], true) : null;
    const s = cls.staticSlot(name);
    return s ? s.value : null;
  }

  setStatic(cls: ClassInfo, name: string, value: unknown): boolean {
    const accessor = this.staticAccessor(cls, name);
    if (accessor) {
      if (!accessor.set) return false;
      this.callAccessor(cls, accessor.set, null, [value], true);
      return true;
    }
    const s = cls.staticSlot(name);
    if (!s || cls.lineage().some((c) => c.compiled?.readonlyStatics.some((r) => r.toLowerCase() === name.toLowerCase()))) return false;
    s.value = s.type ? convertTo(value, s.type) : value;
    return true;
  }

  /** An instance without its initial values: typed properties and the methods. */
  private shell(cls: ClassInfo): PSObject {
    const obj = new PSObject(cls.typeNames());
    // A compiled type lists its members as .NET reflection does: the type's own first, then its bases'.
    for (const c of cls.compiled ? cls.lineage() : this.chain(cls)) {
      for (const p of c.properties) {
        const type = p.type?.name;
        let current: unknown = typeDefault(type);
        const info: PSPropertyInfo = {
          name: p.name,
          memberType: 'Property',
          typeName: type ? resolveTypeName(type) ?? type : 'System.Object',
          hidden: p.isHidden,
          get: () => current,
          set: (v) => {
            current = type ? convertTo(v, type) : v;
          },
        };
        obj.addProperty(info);
      }
      for (const a of c.compiled?.accessors ?? []) {
        const { get: getter, set: setter } = a;
        obj.addProperty({
          name: a.name,
          memberType: 'Property',
          typeName: resolveTypeName(a.type) ?? a.type,
          get: () => (getter ? this.callAccessor(cls, getter, obj, []) : null),
          set: setter ? (v) => void this.callAccessor(cls, setter, obj, [v]) : undefined,
        });
      }
    }
    const seen = new Set<string>();
    for (let c: ClassInfo | undefined = cls; c; c = c.base) {
      for (const [key, list] of c.methods) {
        if (seen.has(key)) continue;
        seen.add(key);
        obj.addMethod({
          name: list[0]!.name,
          hidden: list.every((m) => m.isHidden),
          definition: list.map((m) => `${m.returnType?.name ?? 'void'} ${m.name}(${m.parameters.map((p) => `${p.type?.name ?? 'System.Object'} ${p.name}`).join(', ')})`).join(', '),
          // ToString also serves string conversion, which cannot wait: run it synchronously when it can.
          invoke: (args) => {
            const quick = key === 'tostring' && args.length === 0 ? this.callSync(cls, key, obj) : NOT_SYNC;
            return quick !== NOT_SYNC ? quick : this.callMethod(cls, key, obj, args, false);
          },
        });
      }
    }
    return obj;
  }

  /** Sets the properties' initial values (`= value`); synchronously when `sync` (NOT_SYNC if one runs a command). */
  private initialize(cls: ClassInfo, obj: PSObject, sync: true): typeof NOT_SYNC | undefined;
  private initialize(cls: ClassInfo, obj: PSObject, sync: false): Promise<void>;
  private initialize(cls: ClassInfo, obj: PSObject, sync: boolean): Promise<void> | typeof NOT_SYNC | undefined {
    const frame = { ...cls.frame, scope: this.methodScope(cls, obj) };
    if (sync) {
      for (const p of cls.properties) {
        if (!p.initial) continue;
        const v = this.host.valueSync(p.initial, frame);
        if (v === NOT_SYNC) return NOT_SYNC;
        obj.property(p.name)!.set!(v);
      }
      return undefined;
    }
    return (async () => {
      for (const p of cls.properties) if (p.initial) obj.property(p.name)!.set!(await this.host.value(p.initial, frame));
    })();
  }

  /**
   * A cast to the class (`[X]@{ P = 1 }`, a typed parameter or property): an instance as is; a
   * hashtable sets the properties of a new instance (made by the default constructor); another
   * value goes to a one-argument constructor. Casts are synchronous, so the constructor and the
   * initial values must run no command.
   */
  private castTo(cls: ClassInfo, value: unknown): unknown {
    if (value === null || value === undefined) return null;
    if (value instanceof PSObject && value.typeNames.some((n) => n.toLowerCase() === cls.name.toLowerCase())) return value;
    if (cls.compiled?.isAbstract) throw this.castFailed(value, cls, abstractClass(cls).record.message);
    // A deserialized instance of the class (Deserialized.<name>) sets the properties it carries.
    const deserialized = value instanceof PSObject && value.typeNames[0]?.toLowerCase() === `deserialized.${cls.name.toLowerCase()}`;
    // A hashtable sets the properties, unless a constructor takes the hashtable itself.
    const byCtor = !deserialized && (!(value instanceof PSHashtable) || cls.ctors.some((c) => c.parameters.length === 1 && c.parameters[0]!.type && isInstanceOf(value, c.parameters[0]!.type.name)));
    const props: [string, unknown][] | undefined = byCtor
      ? undefined
      : value instanceof PSHashtable
        ? [...value.entries()].map(([k, v]) => [toDisplayText(k), v])
        : (value as PSObject).properties().map((p) => [p.name, p.get()]);
    const creationError = (why: string) => (deserialized ? this.castFailed(value, cls, why) : objectCreationError(cls, why, value));
    const obj = this.shell(cls);
    for (const c of this.chain(cls)) if (this.initialize(c, obj, true) === NOT_SYNC) throw this.castFailed(value, cls, 'The initial value of a property runs a command.');
    const args = props ? [] : [value];
    this.constructSync(cls, obj, args, value);
    if (props) {
      for (const [key, v] of props) {
        const p = obj.property(key);
        if (!p?.set) {
          const settable = obj.properties().filter((x) => x.set);
          const available = settable.map((x) => `[${x.name} <${x.typeName ?? 'System.Object'}>]`).join(' , ');
          throw creationError(`The ${key} property was not found for the ${cls.name} object. The available property is: ${available}`);
        }
        try {
          p.set(v);
        } catch (e) {
          throw creationError(e instanceof TerminatingError ? e.record.message : String(e));
        }
      }
    }
    return obj;
  }

  private constructSync(cls: ClassInfo, obj: PSObject, args: unknown[], value: unknown): void {
    const ctor = pickOverload(cls.ctors, args);
    if (!ctor) {
      if (args.length === 0 && cls.ctors.length === 0) {
        if (cls.base) this.constructSync(cls.base, obj, [], value);
        return;
      }
      throw this.castFailed(value, cls, '', true);
    }
    if (cls.base) this.constructSync(cls.base, obj, [], value);
    const scope = this.methodScope(cls, obj);
    ctor.parameters.forEach((p, i) => scope.setOwn(p.name.toLowerCase(), p.type ? convertTo(args[i], p.type.name) : args[i]));
    if (this.host.blockSync(ctor.body.end!, scope, cls.frame) === NOT_SYNC) throw this.castFailed(value, cls, 'Its constructor runs a command.');
  }

  private castFailed(value: unknown, cls: ClassInfo, why: string, plain = false) {
    const shown = value instanceof PSHashtable ? 'System.Collections.Hashtable' : toDisplayText(value);
    const type = value instanceof PSHashtable ? 'System.Collections.Hashtable' : typeof value === 'string' ? 'System.String' : 'System.Object';
    const message = plain
      ? `Cannot convert the "${shown}" value of type "${type}" to type "${cls.name}".`
      : `Cannot convert value "${shown}" to type "${cls.name}". Error: "Cannot create object of type "${cls.name}". ${why}"`;
    return invalidCast(message, plain ? 'ConvertToFinalInvalidCastException' : 'InvalidCastConstructorException', value);
  }
}

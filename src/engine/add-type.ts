// Add-Type's engine side: compiles C# (src/engine/csharp/, loaded on first use) and defines the
// types in the session's class runtime, as 5.1 loads a compiled assembly into the AppDomain
// (whose types every runspace of the process sees): the same source again gives the types already
// there; a type name already taken by other source is TYPE_ALREADY_EXISTS. The cmdlet (src/cmdlets/core/Add-Type.ts) reaches it through
// its context and turns the outcome into its records.
import { parseScript } from '../../grammar/index.js';
import type * as A from '../../grammar/ast.js';
import type { AddTypeOutcome, AddTypeRequest } from '../protocol/cmdlet.js';
import { registerEnum, resolveTypeName } from '../protocol/convert.js';
import { registerTypeAssembly } from '../protocol/members.js';
import { PSTypeValue } from '../protocol/values.js';
import type { Lowered, TypeShape } from './csharp/index.js';
import type { CompiledTypeFacts } from './classes.js';
import type { Interpreter } from './evaluate.js';
import type { Frame, Streams } from './runtime.js';
import { Scope } from './scope.js';

type Compiler = typeof import('./csharp/index.js');
let loading: Promise<Compiler> | undefined;

function loadCompiler(): Promise<Compiler> {
  loading ??= import('./csharp/index.js');
  return loading;
}

interface Assembly {
  name: string;
  types: string[];
}

/**
 * What Add-Type compiled in this process: types belong to the AppDomain in .NET, so every
 * session (and runspace) of the process sees them; a session defines a compiled class in its own
 * class runtime when it first meets its name (ClassHost.compiledType).
 */
const COMPILED = {
  bySource: new Map<string, Assembly>(),
  shapes: new Map<string, TypeShape>(),
  /** Lower-case full name → the lowered class and its facts. */
  classes: new Map<string, { text: string; fullName: string; facts: CompiledTypeFacts }>(),
};

/** An assembly's simple name, as the C# compiler makes one for source compiled in memory: 8 letters and digits from the source. */
function assemblyName(source: string): string {
  let h = 2166136261;
  for (let i = 0; i < source.length; i++) h = Math.imul(h ^ source.charCodeAt(i), 16777619) >>> 0;
  let name = '';
  for (let i = 0; i < 8; i++) {
    name += 'abcdefghijklmnopqrstuvwxyz012345'[h & 31];
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
  }
  return `${name}, Version=0.0.0.0, Culture=neutral, PublicKeyToken=null`;
}

export async function addTypes(interp: Interpreter, frame: Frame, request: AddTypeRequest): Promise<AddTypeOutcome> {
  const key = request.sources.join('\u0000');
  const earlier = COMPILED.bySource.get(key);
  if (earlier) {
    // Loaded already (maybe by another session): this session gets its classes.
    for (const t of earlier.types) interp.classes.find(t);
    return { diagnostics: [], existing: [], types: earlier.types.map((t) => new PSTypeValue(t)), alreadyLoaded: true };
  }

  const { compileCSharp } = await loadCompiler();
  const result = compileCSharp(request.sources, {
    knownType: (name) => resolveTypeName(name)?.toLowerCase() === name.toLowerCase(),
    compiled: (name) => COMPILED.shapes.get(name),
  });
  const diagnostics = result.diagnostics.map((d) => ({ ...d, source: d.source ?? 0 }));
  const existing = result.types.filter((t) => COMPILED.shapes.has(t.fullName) || interp.classes.find(t.fullName)).map((t) => t.fullName);
  const failed = diagnostics.some((d) => !d.warning || !request.ignoreWarnings) || existing.length > 0;
  if (failed) return { diagnostics, existing, types: [] };

  const assembly: Assembly = { name: assemblyName(key), types: result.types.map((t) => t.fullName) };
  for (const t of ordered(result.types)) {
    await define(interp, frame, t);
    COMPILED.shapes.set(t.fullName, t.shape);
    registerTypeAssembly(t.fullName, assembly.name);
  }
  COMPILED.bySource.set(key, assembly);
  return { diagnostics, existing: [], types: assembly.types.map((t) => new PSTypeValue(t)) };
}

/** A class another session compiled, for this session's class runtime (parsed again, over this session's global scope). */
export function sharedCompiledClass(interp: Interpreter, lowerName: string): { def: A.TypeDefinitionAst; frame: Frame; facts: CompiledTypeFacts } | undefined {
  const c = COMPILED.classes.get(lowerName);
  if (!c) return undefined;
  const def = parseClass(c.text, c.fullName);
  return { def, frame: typeFrame(interp, c.text), facts: c.facts };
}

function parseClass(text: string, fullName: string): A.TypeDefinitionAst {
  const parsed = parseScript(text);
  const def = parsed.ast.end?.statements[0];
  if (parsed.errors.length || def?.kind !== 'TypeDefinition') {
    throw new Error(`Add-Type: the lowered class ${fullName} did not parse: ${parsed.errors[0]?.message ?? 'no class'}`);
  }
  return { ...def, name: fullName };
}

/** Side streams of a class defined on first use: compiled C# writes to none (its errors are exceptions). */
const NO_STREAMS: Streams = { error: () => undefined, warning: () => undefined, verbose: () => undefined, debug: () => undefined, information: () => undefined };

/** The class's methods see the global scope (a compiled type closes over no script's variables). */
function typeFrame(interp: Interpreter, text: string, streams: Streams = NO_STREAMS): Frame {
  return { scope: new Scope(interp.rt.global, 'function'), source: { text }, streams };
}

/** Base classes before the classes that derive from them. */
function ordered(types: Lowered[]): Lowered[] {
  const out: Lowered[] = [];
  const visit = (t: Lowered): void => {
    if (out.includes(t)) return;
    const base = t.kind === 'class' ? types.find((b) => b.fullName === t.base) : undefined;
    if (base) visit(base);
    out.push(t);
  };
  types.forEach(visit);
  return out;
}

async function define(interp: Interpreter, frame: Frame, t: Lowered): Promise<void> {
  if (t.kind === 'enum') {
    registerEnum({ typeName: t.fullName, values: t.values, numbers: t.numbers, flags: t.flags });
    return;
  }
  const facts: CompiledTypeFacts = { accessors: t.accessors, readonlyStatics: t.readonlyStatics, staticAccessors: t.staticAccessors, interfaces: t.interfaces, isAbstract: t.isAbstract, isValueType: t.isValueType };
  await interp.defineCompiledType(parseClass(t.text, t.fullName), typeFrame(interp, t.text, frame.streams), facts);
  COMPILED.classes.set(t.fullName.toLowerCase(), { text: t.text, fullName: t.fullName, facts });
}

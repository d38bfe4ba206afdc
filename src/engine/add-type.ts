// Add-Type's engine side: compiles C# (src/engine/csharp/, loaded on first use) and defines the
// types in the session's class runtime, as 5.1 loads a compiled assembly into the AppDomain:
// the same source again gives the types already there; a type name already taken by other
// source is TYPE_ALREADY_EXISTS. The cmdlet (src/cmdlets/core/Add-Type.ts) reaches it through
// its context and turns the outcome into its records.
import { parseScript } from '../../grammar/index.js';
import type * as A from '../../grammar/ast.js';
import type { AddTypeOutcome, AddTypeRequest } from '../protocol/cmdlet.js';
import { registerEnum, resolveTypeName } from '../protocol/convert.js';
import { registerTypeAssembly } from '../protocol/members.js';
import { PSTypeValue } from '../protocol/values.js';
import type { Lowered, TypeShape } from './csharp/index.js';
import type { Interpreter } from './evaluate.js';
import type { Frame } from './runtime.js';
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

/** What each session's Add-Type compiled: the assemblies by source, the types' shapes by full name. */
interface Compiled {
  bySource: Map<string, Assembly>;
  shapes: Map<string, { shape: TypeShape; assembly: Assembly }>;
}

const COMPILED = new WeakMap<Interpreter, Compiled>();

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
  let compiled = COMPILED.get(interp);
  if (!compiled) COMPILED.set(interp, (compiled = { bySource: new Map(), shapes: new Map() }));
  const key = request.sources.join('\u0000');
  const earlier = compiled.bySource.get(key);
  if (earlier) return { diagnostics: [], existing: [], types: earlier.types.map((t) => new PSTypeValue(t)), alreadyLoaded: true };

  const { compileCSharp } = await loadCompiler();
  const known = compiled;
  const result = compileCSharp(request.sources, {
    knownType: (name) => resolveTypeName(name)?.toLowerCase() === name.toLowerCase(),
    compiled: (name) => known.shapes.get(name)?.shape,
  });
  const diagnostics = result.diagnostics.map((d) => ({ ...d, source: d.source ?? 0 }));
  const existing = result.types.filter((t) => compiled.shapes.has(t.fullName) || interp.classes.find(t.fullName)).map((t) => t.fullName);
  const failed = diagnostics.some((d) => !d.warning || !request.ignoreWarnings) || existing.length > 0;
  if (failed) return { diagnostics, existing, types: [] };

  const assembly: Assembly = { name: assemblyName(key), types: result.types.map((t) => t.fullName) };
  for (const t of ordered(result.types)) {
    await define(interp, frame, t);
    compiled.shapes.set(t.fullName, { shape: t.shape, assembly });
    registerTypeAssembly(t.fullName, assembly.name);
  }
  compiled.bySource.set(key, assembly);
  return { diagnostics, existing: [], types: assembly.types.map((t) => new PSTypeValue(t)) };
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
  const parsed = parseScript(t.text);
  const def = parsed.ast.end?.statements[0];
  if (parsed.errors.length || def?.kind !== 'TypeDefinition') {
    throw new Error(`Add-Type: the lowered class ${t.fullName} did not parse: ${parsed.errors[0]?.message ?? 'no class'}`);
  }
  // The class's methods see the global scope (a compiled type closes over no script's variables).
  const scope = new Scope(interp.rt.global, 'function');
  const typeFrame: Frame = { scope, source: { text: t.text }, streams: frame.streams };
  const named: A.TypeDefinitionAst = { ...def, name: t.fullName };
  await interp.defineCompiledType(named, typeFrame, {
    accessors: t.accessors,
    readonlyStatics: t.readonlyStatics,
    isAbstract: t.isAbstract,
    isValueType: t.isValueType,
  });
}

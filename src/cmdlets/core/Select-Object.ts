// Select-Object: picks properties (names, wildcards, calculated @{n=;e=}) into new
// PSCustomObjects typed `Selected.<original type>`, expands one property, or picks objects by
// position (-First, -Last, -Skip, -Index) and uniqueness.

import { stateKey, madeInBegin, ALL_SETS, defineCmdlet, type CmdletContext, type BoundParameters, type ParameterDeclaration } from '../../protocol/cmdlet.js';
import { getMember } from '../../protocol/members.js';
import { valuesEqual } from '../../protocol/operators.js';
import { PSObject, ScriptBlockValue, typeNamesOf } from '../../protocol/values.js';
import { evaluateSpec, hasProperty, parseProperties, propertyNames, type PropertySpec } from './property-spec.js';
import { wildcards } from './patterns.js';
import type { Wildcard } from '../../protocol/wildcard.js';

const CUSTOM = ['System.Management.Automation.PSCustomObject', 'System.Object'];

interface State {
  specs: PropertySpec[];
  exclude: Wildcard[];
  /** Objects seen, for -Last / -Unique / -Index (only kept when needed). */
  buffer: unknown[];
  /** Input objects counted so far (for -Skip / -First / -Index). */
  seen: number;
  written: number;
  indexes?: Set<number>;
  /** -Unique: what was written so far. */
  unique: unknown[];
}

const STATE = stateKey<State>('Select-Object');

/** The Selected.* object with the chosen properties of one input object. */
async function select(obj: unknown, st: State, ctx: CmdletContext): Promise<PSObject> {
  const first = typeNamesOf(obj)[0];
  const out = new PSObject(first ? [`Selected.${first}`, ...CUSTOM] : [...CUSTOM]);
  const excluded = (name: string) => st.exclude.some((r) => r.test(name));
  for (const spec of st.specs) {
    // A script block with no name and no text (`-Property {}`) gives a property with no name.
    if (spec.label === '' && spec.source instanceof ScriptBlockValue) {
      ctx.fail(
        ctx.error({
          message: 'A property is an empty script block and does not provide a name.',
          errorId: 'EmptyScriptBlockAndNoName',
          category: 'InvalidArgument',
          exceptionType: 'PSArgumentException',
        }),
      );
    }
    if (spec.wildcard) {
      for (const name of propertyNames(obj)) {
        if (spec.wildcard.test(name) && !excluded(name) && !out.has(name)) out.addNote(name, getMember(obj, name));
      }
    } else if (!excluded(spec.label) && !out.has(spec.label)) {
      out.addNote(spec.label, await evaluateSpec(spec, obj, ctx));
    }
  }
  return out;
}

/** Select-Object -Unique compares the selected values, case-sensitively. */
function sameObject(a: unknown, b: unknown): boolean {
  if (a instanceof PSObject && b instanceof PSObject) {
    const pa = a.properties();
    const pb = b.properties();
    if (pa.length !== pb.length) return false;
    return pa.every((p, i) => p.name.toLowerCase() === pb[i].name.toLowerCase() && valuesEqual(p.get(), pb[i].get(), true));
  }
  if (a instanceof PSObject || b instanceof PSObject) return a === b;
  return valuesEqual(a, b, true);
}

async function emit(
  params: Params,
  obj: unknown,
  st: State,
  ctx: CmdletContext,
  write: (v: unknown) => void,
): Promise<void> {
  // `-ExpandProperty $null` binds null: nothing to expand, as when it is not given.
  const expand = params.ExpandProperty;
  if (expand !== undefined && expand !== null) {
    if (!hasProperty(obj, expand)) {
      ctx.writeError(
        ctx.error({
          message: `Property "${expand}" cannot be found.`,
          errorId: 'ExpandPropertyNotFound',
          category: 'InvalidArgument',
          exceptionType: 'PSArgumentException',
          targetObject: obj,
        }),
      );
      return;
    }
    const value = getMember(obj, expand);
    // With -Property too, the selected properties are added to each expanded object.
    const extra = st.specs.length ? await select(obj, st, ctx) : undefined;
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (extra && item instanceof PSObject) for (const p of extra.properties()) if (!item.has(p.name)) item.addNote(p.name, p.get());
      write(item);
    }
    return;
  }
  write(st.specs.length || st.exclude.length ? await select(obj, st, ctx) : obj);
}

const PARAMETERS = {
  InputObject: {
    type: 'PSObject',
    sets: { [ALL_SETS]: { fromPipeline: true } },
    help: 'Specifies the objects to select from. Usually piped in.',
  },
  Property: {
    type: 'Object[]',
    sets: { DefaultParameter: { position: 0 }, SkipLastParameter: { position: 0 } },
    help: 'Specifies the properties to select: names (wildcard characters are permitted) or calculated properties (hash tables with Name and Expression keys).',
  },
  ExcludeProperty: {
    type: 'String[]',
    sets: { DefaultParameter: {}, SkipLastParameter: {} },
    help: 'Specifies the properties to leave out (wildcard characters are permitted).',
  },
  ExpandProperty: {
    type: 'String',
    sets: { DefaultParameter: {}, SkipLastParameter: {} },
    help: 'Writes the value of this property instead of a selected object; collections are unrolled.',
  },
  Unique: { type: 'Switch', help: 'Keeps only the first of identical objects (case-sensitive).' },
  Last: { type: 'Int32', sets: { DefaultParameter: {} }, help: 'Selects this many objects from the end.' },
  First: { type: 'Int32', sets: { DefaultParameter: {} }, help: 'Selects this many objects from the start.' },
  Skip: { type: 'Int32', sets: { DefaultParameter: {} }, help: 'Skips this many objects from the start.' },
  SkipLast: { type: 'Int32', sets: { SkipLastParameter: {} }, help: 'Skips this many objects from the end.' },
  Wait: {
    type: 'Switch',
    sets: { DefaultParameter: {}, IndexParameter: {} },
    help: 'Lets the commands before this one run to the end, even when -First or -Index has already picked every object it needs.',
  },
  Index: {
    type: 'Int32[]',
    sets: { IndexParameter: {} },
    help: 'Selects objects by their 0-based position in the input.',
  },
} satisfies Record<string, ParameterDeclaration>;

/** The parameters as the cmdlet's blocks and helpers receive them. */
type Params = BoundParameters<typeof PARAMETERS>;

export default defineCmdlet({
  name: 'Select-Object',
  aliases: ['select'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Selects objects or object properties.',
  description:
    'The Select-Object cmdlet selects chosen properties of objects into new objects, or selects ' +
    'objects by position in the pipeline (-First, -Last, -Skip, -Index), or unique objects. ' +
    '-Property takes property names, wildcards, and calculated properties written as hash tables ' +
    "with Name (or Label) and Expression keys: @{n='Days'; e={ $_.Days }}. -ExpandProperty writes " +
    'the value of one property instead of an object.',
  defaultParameterSet: 'DefaultParameter',
  parameters: PARAMETERS,
  outputType: ['System.Management.Automation.PSObject'],
  examples: [
    {
      code: "'a','bb','ccc' | Select-Object Length",
      remarks: 'Makes objects with only the Length property of each string.',
      shows: 'Length\n------\n     1\n     2\n     3',
    },
    {
      code: '1..10 | Select-Object -First 2 -Skip 3',
      remarks: 'Skips three numbers, then takes two.',
      shows: '4\n5',
    },
    {
      code: "[pscustomobject]@{Name='EX01'; Roles='Mailbox'} | Select-Object -ExpandProperty Name",
      remarks: 'Writes the value of the Name property.',
      shows: 'EX01',
    },
  ],
  related: ['Where-Object', 'Sort-Object', 'Group-Object'],
  begin(params, ctx) {
    const exclude = wildcards(params.ExcludeProperty);
    let specs = parseProperties(params.Property, ctx);
    // -ExcludeProperty alone means "all properties but these".
    if (!specs.length && exclude.length && (params.ExpandProperty === undefined || params.ExpandProperty === null)) specs = parseProperties(['*'], ctx);
    const indexes = params.Index;
    ctx.runState(STATE, () => ({ specs, exclude, buffer: [], seen: 0, written: 0, indexes: indexes ? new Set(indexes) : undefined, unique: [] }));
  },
  async process(params, ctx) {
    if (!ctx.expectingInput && !ctx.bound.has('InputObject')) return;
    const obj = params.InputObject;
    // 5.1 (Select-Object's ProcessRecord) passes over $null input: it is neither counted nor selected.
    if (obj === null || obj === undefined) return;
    const st = ctx.runState(STATE, madeInBegin);
    const i = st.seen++;
    if (st.indexes) {
      if (st.indexes.has(i)) await emitUnique(params, obj, st, ctx);
      return;
    }
    if (params.SkipLast !== undefined) {
      // Held back until SkipLast more objects have come: the last SkipLast are never written.
      st.buffer.push(obj);
      if (st.buffer.length > params.SkipLast) await emitUnique(params, st.buffer.shift(), st, ctx);
      return;
    }
    const skip = params.Skip ?? 0;
    if (params.Last !== undefined) {
      // -Last needs the end of the input; -First with -Last keeps both ends (PowerShell does too).
      st.buffer.push(obj);
      return;
    }
    if (i < skip) return;
    const first = params.First;
    // Enough objects: the commands before this one stop, as in PowerShell 3+, unless -Wait.
    if (first !== undefined && st.written >= first) return params.Wait ? undefined : ctx.stopUpstream?.();
    st.written++;
    await emitUnique(params, obj, st, ctx);
    if (first !== undefined && st.written >= first && !params.Wait) ctx.stopUpstream?.();
  },
  async end(params, ctx) {
    const st = ctx.runState(STATE, madeInBegin);
    if (params.Last === undefined) return;
    const skip = params.Skip ?? 0;
    const items = st.buffer.slice(skip);
    const last = params.Last;
    const first = params.First;
    const picked = first !== undefined ? [...items.slice(0, first), ...items.slice(Math.max(first, items.length - last))] : items.slice(Math.max(0, items.length - last));
    for (const obj of picked) await emitUnique(params, obj, st, ctx);
  },
});

/** -Unique: remember what was written and drop duplicates. */
async function emitUnique(params: Params, obj: unknown, st: State, ctx: CmdletContext): Promise<void> {
  if (!params.Unique) return emit(params, obj, st, ctx, (v) => ctx.write(v));
  const known = st.unique;
  await emit(params, obj, st, ctx, (v) => {
    if (known.some((s) => sameObject(s, v))) return;
    known.push(v);
    ctx.write(v);
  });
}

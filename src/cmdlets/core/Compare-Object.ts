// Compare-Object (compare, diff): compares two sets of objects as 5.1's CompareObjectCommand does.
// Each difference object is compared with the reference object at the same position; what does not
// match waits in a backlog of -SyncWindow objects per side, where a later object of the other side
// may still match it. Objects found only in the difference set are written with SideIndicator
// `=>`, only in the reference set with `<=`, equal ones (-IncludeEqual) with `==`.

import { stateKey, madeInBegin, ALL_SETS, defineCmdlet, type CmdletContext, type BoundParameters, type ParameterDeclaration } from '../../protocol/cmdlet.js';
import { PSObject } from '../../protocol/values.js';
import { compareOrderKeys, orderKey, parseProperties, type PropertySpec } from './property-spec.js';

interface Entry {
  obj: unknown;
  keys: unknown[];
}

interface State {
  specs: PropertySpec[];
  reference?: Entry[];
  refIndex: number;
  refBacklog: Entry[];
  diffBacklog: Entry[];
}

const STATE = stateKey<State>('Compare-Object');

const listOf = (v: unknown): unknown[] => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]);

const PARAMETERS = {
  ReferenceObject: {
    type: 'PSObject[]',
    sets: { [ALL_SETS]: { position: 0, mandatory: true } },
    help: 'Specifies the objects used as the reference.',
  },
  DifferenceObject: {
    type: 'PSObject[]',
    sets: { [ALL_SETS]: { position: 1, mandatory: true, fromPipeline: true } },
    help: 'Specifies the objects compared with the reference objects.',
  },
  SyncWindow: {
    type: 'Int32',
    validateRange: [0, 2147483647],
    help: 'Specifies how many adjacent positions are searched for a match. Default: all of them.',
  },
  Property: { type: 'Object[]', help: 'Specifies the properties (names or calculated properties) to compare.' },
  ExcludeDifferent: { type: 'Switch', help: 'Leaves out the objects that differ; with -IncludeEqual only the equal ones are written, without it nothing is.' },
  IncludeEqual: { type: 'Switch', help: 'Also writes the objects that are equal, with SideIndicator ==.' },
  PassThru: { type: 'Switch', help: 'Writes the compared objects themselves, with a SideIndicator note property.' },
  Culture: { type: 'String', help: 'Specifies the culture for comparisons.' },
  CaseSensitive: { type: 'Switch', help: 'Compares strings case-sensitively.' },
} satisfies Record<string, ParameterDeclaration>;

/** The parameters as the cmdlet's blocks and helpers receive them. */
type Params = BoundParameters<typeof PARAMETERS>;

export default defineCmdlet({
  name: 'Compare-Object',
  aliases: ['compare', 'diff'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Compares two sets of objects.',
  description:
    'The Compare-Object cmdlet compares a reference set of objects with a difference set and writes ' +
    'the objects found in only one of them, with a SideIndicator property: => for the difference ' +
    'set, <= for the reference set. -IncludeEqual also writes the objects in both (==), ' +
    '-ExcludeDifferent leaves out the others. -Property compares those properties instead of the ' +
    'whole objects. Objects are matched within -SyncWindow positions of each other. String ' +
    'comparison is case-insensitive unless -CaseSensitive.',
  parameters: PARAMETERS,
  outputType: ['System.Management.Automation.PSCustomObject'],
  examples: [
    {
      code: "Compare-Object -ReferenceObject 'a', 'b', 'c' -DifferenceObject 'b', 'c', 'd'",
      remarks: 'd is only in the difference set, a only in the reference set.',
      shows: 'InputObject SideIndicator\n----------- -------------\nd           =>\na           <=',
    },
    {
      code: "(Compare-Object 1, 2 2, 1 -IncludeEqual).SideIndicator -join ' '",
      remarks: 'Order does not matter within the sync window: both objects are equal.',
      shows: '== ==',
    },
    {
      code: "Compare-Object ([pscustomobject]@{Name='ex01'; Site='A'}) ([pscustomobject]@{Name='ex01'; Site='B'}) -Property Site",
      remarks: 'Compares one property: the result has that property and the side.',
      shows: 'Site SideIndicator\n---- -------------\nB    =>\nA    <=',
    },
  ],
  related: ['Group-Object', 'Sort-Object', 'Select-Object'],
  begin(params, ctx) {
    const specs = parseProperties(params.Property ?? undefined, ctx, ['Expression']);
    ctx.runState(STATE, () => ({ specs, refIndex: 0, refBacklog: [], diffBacklog: [] }));
  },
  async process(params, ctx) {
    const st = ctx.runState(STATE, madeInBegin);
    const entries = (list: unknown[]) => Promise.all(list.map(async (obj) => ({ obj, keys: await keysOf(st, obj, ctx) })));
    const refs = listOf(params.ReferenceObject);
    const diffs = listOf(params.DifferenceObject);
    if (refs.length === 0) {
      for (const e of await entries(diffs)) emit(params, ctx, st, e, '=>');
      return;
    }
    st.reference ??= await entries(refs);
    if (diffs.length === 0) {
      step(params, ctx, st, undefined);
      return;
    }
    for (const e of await entries(diffs)) step(params, ctx, st, e);
  },
  end(params, ctx) {
    const st = ctx.runState(STATE, madeInBegin);
    if (st.reference) while (st.refIndex < st.reference.length) step(params, ctx, st, undefined);
    for (const e of st.diffBacklog.splice(0)) emit(params, ctx, st, e, '=>');
    for (const e of st.refBacklog.splice(0)) emit(params, ctx, st, e, '<=');
  },
});

async function keysOf(st: State, obj: unknown, ctx: CmdletContext): Promise<unknown[]> {
  if (st.specs.length === 0) return [obj];
  const keys: unknown[] = [];
  for (const s of st.specs) keys.push(await orderKey(s, obj, ctx));
  return keys;
}

function same(params: Params, a: Entry, b: Entry): boolean {
  for (let k = 0; k < a.keys.length; k++) if (compareOrderKeys(a.keys[k], b.keys[k], !!params.CaseSensitive) !== 0) return false;
  return true;
}

function takeMatch(params: Params, e: Entry | undefined, list: Entry[]): Entry | undefined {
  if (!e) return undefined;
  const i = list.findIndex((x) => same(params, e, x));
  return i < 0 ? undefined : list.splice(i, 1)[0];
}

/** One difference object (or none, to drain the reference side) against the next reference object. */
function step(params: Params, ctx: CmdletContext, st: State, diff: Entry | undefined): void {
  let ref = st.reference && st.refIndex < st.reference.length ? st.reference[st.refIndex++] : undefined;
  if (ref && diff && same(params, ref, diff)) return emit(params, ctx, st, ref, '==');
  const earlierRef = takeMatch(params, diff, st.refBacklog);
  if (earlierRef) {
    emit(params, ctx, st, earlierRef, '==');
    diff = undefined;
  }
  if (takeMatch(params, ref, st.diffBacklog)) {
    emit(params, ctx, st, ref!, '==');
    ref = undefined;
  }
  const window = params.SyncWindow ?? 2147483647;
  for (const [e, backlog, side] of [[diff, st.diffBacklog, '=>'], [ref, st.refBacklog, '<=']] as const) {
    if (!e) continue;
    if (window > 0) {
      while (backlog.length >= window) emit(params, ctx, st, backlog.shift()!, side);
      backlog.push(e);
    } else emit(params, ctx, st, e, side);
  }
}

function emit(params: Params, ctx: CmdletContext, st: State, e: Entry, side: '==' | '=>' | '<='): void {
  // As 5.1's BeginProcessing: -ExcludeDifferent does not turn -IncludeEqual on, so alone it writes nothing.
  if (side === '==' ? !params.IncludeEqual : params.ExcludeDifferent) return;
  let out: PSObject;
  if (params.PassThru && e.obj instanceof PSObject) out = e.obj;
  else if (params.PassThru) {
    // A value that cannot carry a note property is written as it is.
    ctx.write(e.obj);
    return;
  } else {
    out = new PSObject();
    if (st.specs.length === 0) out.addNote('InputObject', e.obj);
    else st.specs.forEach((s, k) => out.addNote(s.label, e.keys[k] === undefined || typeof e.keys[k] === 'symbol' ? null : e.keys[k]));
  }
  out.addNote('SideIndicator', side);
  ctx.write(out);
}

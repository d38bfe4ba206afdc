// Get-Random: a random number (Int32, Int64 or Double by the types of -Minimum/-Maximum, as
// 5.1's GetRandomCommand picks), or random items of the input. -SetSeed starts the session's
// generator again from a seed, so the same seed gives the same numbers (those Windows
// PowerShell gives: see dotnet-random.ts).

import { stateKey, madeInBegin, ALL_SETS, defineCmdlet, type CmdletContext, type ServiceRegistry } from '../../protocol/cmdlet.js';
import { convertTo } from '../../protocol/convert.js';
import { TerminatingError } from '../../protocol/errors.js';
import { bigOf, double, int64, isNumeric, numberKind, numericText, parseNumeric, type Numeric } from '../../protocol/numbers.js';
import { PSObject } from '../../protocol/values.js';
import { RandomNumberGenerator } from './dotnet-random.js';

/** One generator per session, as PowerShell keeps one per runspace. */
const generators = new WeakMap<ServiceRegistry, RandomNumberGenerator>();

function generator(ctx: CmdletContext, seed: number | undefined): RandomNumberGenerator {
  let g = generators.get(ctx.services);
  if (seed !== undefined || !g) {
    g = new RandomNumberGenerator(seed);
    generators.set(ctx.services, g);
  }
  return g;
}

type Operand = { kind: 'int' | 'long' | 'double'; value: number; big: bigint } | null;

const INT32_MAX = 2147483647;

/**
 * The operand's number type, as GetRandomCommand's ProcessOperand: a string is scanned as a
 * number literal (what it cannot scan converts as to Int32, raising that conversion's error);
 * an Int32 stays Int32, an Int64 Int64, anything else is read as a Double.
 */
function operand(v: unknown): Operand {
  if (v === undefined || v === null) return null;
  let base: unknown = v instanceof PSObject && v.baseObject !== undefined ? v.baseObject : v;
  if (typeof base === 'string') base = parseNumeric(base) ?? convertTo(base, 'System.Int32');
  if (isNumeric(base)) {
    const kind = numberKind(base);
    if (kind === 'Int32') return { kind: 'int', value: Number(base), big: 0n };
    if (kind === 'Int64') return { kind: 'long', value: Number(base), big: bigOf(base) };
  }
  return { kind: 'double', value: Number(convertTo(base, 'System.Double')), big: 0n };
}

export default defineCmdlet({
  name: 'Get-Random',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Gets a random number, or selects objects randomly from a collection.',
  description:
    'The Get-Random cmdlet gets a randomly selected number: an Int32 from 0 up to (not including) Int32.MaxValue ' +
    'by default, or from -Minimum up to (not including) -Maximum. When either bound is an Int64 the number is an ' +
    'Int64; when either is a Double, a Double. With -InputObject (or objects piped in) it selects -Count objects ' +
    'at random, each at most once. -SetSeed starts the generator from a seed so the results repeat.',
  defaultParameterSet: 'RandomNumberParameterSet',
  parameters: {
    Maximum: {
      type: 'Object',
      sets: { RandomNumberParameterSet: { position: 0 } },
      help: 'Specifies the upper bound (not included). The default is Int32.MaxValue.',
    },
    Minimum: {
      type: 'Object',
      sets: { RandomNumberParameterSet: {} },
      help: 'Specifies the lower bound (included). The default is 0.',
    },
    InputObject: {
      type: 'Object[]',
      allowNull: true,
      sets: { RandomListItemParameterSet: { position: 0, mandatory: true, fromPipeline: true } },
      help: 'Specifies the collection to select from.',
    },
    Count: {
      type: 'Int32',
      validateRange: [1, INT32_MAX],
      sets: { RandomListItemParameterSet: {} },
      help: 'Specifies how many objects to select (each at most once). The default is 1.',
    },
    SetSeed: {
      type: 'Int32',
      sets: { [ALL_SETS]: {} },
      help: 'Specifies a seed for the random number generator, so that the results repeat.',
    },
  },
  outputType: ['System.Int32', 'System.Int64', 'System.Double'],
  examples: [
    { code: 'Get-Random -Minimum 1 -Maximum 7 -SetSeed 42', remarks: 'A die roll; with the same seed it is always the same number.', shows: /^[1-6]$/m },
    { code: "'EX01','EX02','EX03' | Get-Random", remarks: 'Picks one of the servers at random.', shows: /^EX0[123]$/m },
    { code: '(1..10 | Get-Random -Count 3 | Sort-Object -Unique).Count', remarks: 'Three different numbers from 1 to 10.', shows: '3' },
    { code: '(Get-Random -Maximum 1.5).GetType().Name', remarks: 'A Double bound gives a Double.', shows: 'Double' },
  ],
  related: ['Get-Date'],
  begin(params, ctx) {
    const g = generator(ctx, params.SetSeed);
    const list = ctx.runState(LIST, () => (ctx.parameterSetName !== 'RandomNumberParameterSet' ? { chosen: [], seen: 0 } : null));
    if (list) return;
    let max: Operand;
    let min: Operand;
    try {
      max = operand(params.Maximum);
      min = operand(params.Minimum);
    } catch (e) {
      if (e instanceof TerminatingError) return ctx.fail(ctx.error({ ...e.record, category: e.record.category }));
      throw e;
    }
    const fail = (lo: Numeric, hi: Numeric) =>
      ctx.fail(
        ctx.error({
          message: `The Minimum value (${numericText(lo)}) cannot be greater than or equal to the Maximum value (${numericText(hi)}).`,
          errorId: 'MinGreaterThanOrEqualMax',
          category: 'InvalidArgument',
          exceptionType: 'ArgumentException',
        }),
      );
    const isInt = (o: Operand) => o === null || o.kind === 'int';
    const isLong = (o: Operand) => isInt(o) || o!.kind === 'long';
    if (isInt(max) && isInt(min)) {
      const lo = min?.value ?? 0;
      const hi = max?.value ?? INT32_MAX;
      if (lo >= hi) fail(lo, hi);
      ctx.write(g.nextInRange(lo, hi));
    } else if (isLong(max) && isLong(min)) {
      const lo = min?.kind === 'long' ? min.big : BigInt(min?.value ?? 0);
      const hi = max === null ? 9223372036854775807n : max.kind === 'long' ? max.big : BigInt(max.value);
      if (lo >= hi) fail(int64(lo), int64(hi));
      ctx.write(int64(g.nextInt64(lo, hi)));
    } else {
      const lo = min?.value ?? 0;
      const hi = max?.value ?? Number.MAX_VALUE;
      if (lo >= hi) fail(double(lo), double(hi));
      ctx.write(double(g.nextDoubleInRange(lo, hi)));
    }
  },
  process(params, ctx) {
    const list = ctx.runState(LIST, madeInBegin);
    if (!list) return;
    const g = generator(ctx, undefined);
    const count = params.Count ?? 1;
    const items = params.InputObject ?? [null];
    // Reservoir sampling, as GetRandomCommand does it: each item ends up chosen with probability Count/N.
    for (const item of items) {
      if (list.seen < count) list.chosen.push(item);
      else if (g.nextInRange(0, list.seen + 1) < count) list.chosen[g.nextInRange(0, list.chosen.length)] = item;
      list.seen++;
    }
  },
  end(_params, ctx) {
    const list = ctx.runState(LIST, madeInBegin);
    if (!list) return;
    const g = generator(ctx, undefined);
    const chosen = list.chosen;
    // Written in a random order (every permutation equally likely).
    for (let i = 0; i < chosen.length; i++) {
      const j = g.nextInRange(i, chosen.length);
      ctx.write(chosen[j]);
      if (i !== j) chosen[j] = chosen[i];
    }
  },
});

/** The items picked so far, with -InputObject (null for random numbers). */
const LIST = stateKey<{ chosen: unknown[]; seen: number } | null>('Get-Random picks');

// Property arguments shared by Select-Object, Sort-Object, Group-Object and Measure-Object:
// plain names (with wildcards), and calculated properties given as hashtables
// (`@{n='Days'; e={ ... }}`), whose keys may be any unique prefix of the full key name.

import { compareValues } from '../../protocol/operators.js';
import { isNumeric, numberKind } from '../../protocol/numbers.js';
import type { CmdletContext } from '../../protocol/cmdlet.js';
import { TerminatingError } from '../../protocol/errors.js';
import { calculatedPropertyKey } from '../../format/index.js';
import { getMember, memberNames } from '../../protocol/members.js';
import { PSHashtable, PSObject, ScriptBlockValue, toDisplayText } from '../../protocol/values.js';
import { compileWildcard, hasWildcard, type Wildcard } from '../../protocol/wildcard.js';

/** One resolved property: a label and how to read it from an object. */
export interface PropertySpec {
  label: string;
  /** A name (read with getMember) or a script block (run with $_ = the object). */
  source: string | ScriptBlockValue;
  /** Sort-Object's per-key direction, when the hashtable gave one. */
  descending?: boolean;
  /** Set for plain names containing wildcards: expanded per object against its property names. */
  wildcard?: Wildcard;
}

function illegalKey(ctx: CmdletContext, key: string): never {
  throw new TerminatingError(
    ctx.error({
      message: `Illegal key ${key}`,
      errorId: 'DictionaryKeyIllegal',
      category: 'InvalidArgument',
      exceptionType: 'ParameterBindingException',
    }),
  );
}

/**
 * Turns -Property arguments into specs. `allowed` lists the hashtable keys the cmdlet accepts,
 * e.g. ['Name', 'Label', 'Expression'] for Select-Object, ['Expression', 'Ascending', 'Descending']
 * for Sort-Object.
 */
export function parseProperties(
  args: unknown[] | undefined,
  ctx: CmdletContext,
  allowed: string[] = ['Name', 'Label', 'Expression'],
): PropertySpec[] {
  const specs: PropertySpec[] = [];
  for (const arg of args ?? []) {
    if (arg instanceof PSHashtable) {
      let label: string | undefined;
      let source: string | ScriptBlockValue | undefined;
      let descending: boolean | undefined;
      for (const [k, v] of arg.entries()) {
        const key = String(k);
        const which = calculatedPropertyKey(key, allowed) ?? illegalKey(ctx, key);
        if (which === 'Name' || which === 'Label') label = toDisplayText(v);
        else if (which === 'Expression') source = v instanceof ScriptBlockValue ? v : toDisplayText(v);
        else if (which === 'Ascending') descending = !v;
        else if (which === 'Descending') descending = !!v;
      }
      if (source === undefined) {
        if (!allowed.includes('Expression')) continue;
        throw new TerminatingError(
          ctx.error({
            message: 'Missing mandatory key Expression',
            errorId: 'DictionaryKeyMissingExpression',
            category: 'InvalidArgument',
            exceptionType: 'ParameterBindingException',
          }),
        );
      }
      specs.push({ label: label ?? (typeof source === 'string' ? source : source.text), source, descending });
    } else if (arg instanceof ScriptBlockValue) {
      specs.push({ label: arg.text, source: arg });
    } else {
      const name = toDisplayText(arg);
      specs.push({ label: name, source: name, wildcard: hasWildcard(name) ? compileWildcard(name) : undefined });
    }
  }
  return specs;
}

/** A script block's output as one value: nothing → $null, one → itself, more → an array. */
export function singleValue(out: unknown[]): unknown {
  if (out.length === 0) return null;
  if (out.length === 1) return out[0];
  return out;
}

/** The value of a spec for one object. */
export async function evaluateSpec(spec: PropertySpec, obj: unknown, ctx: CmdletContext): Promise<unknown> {
  if (typeof spec.source === 'string') return getMember(obj, spec.source);
  return singleValue(await ctx.invoke(spec.source, { dollarUnder: obj }));
}

/**
 * The key of an object that lacks the property (5.1's ObjectCommandComparer): it sorts after every
 * other key whichever the direction, and equals only another missing key.
 */
export const MISSING_KEY = Symbol('missing property');

/** A key of Sort-Object, Compare-Object ...: the spec's value, or MISSING_KEY when a named property is absent. */
export async function orderKey(spec: PropertySpec, obj: unknown, ctx: CmdletContext): Promise<unknown> {
  const v = await evaluateSpec(spec, obj, ctx);
  return (v === null || v === undefined) && typeof spec.source === 'string' && !hasProperty(obj, spec.source) ? MISSING_KEY : v;
}

/**
 * Where a value sorts against $null, as LanguagePrimitives.Compare puts it: a negative signed
 * number (SByte, Int16/32/64, Single, Double, Decimal) below, anything else above.
 */
function aboveNull(v: unknown): number {
  if (!isNumeric(v)) return 1;
  const kind = numberKind(v);
  const signed = kind === 'SByte' || kind === 'Int16' || kind === 'Int32' || kind === 'Int64' || kind === 'Single' || kind === 'Double' || kind === 'Decimal';
  return signed && Number(v) < 0 ? -1 : 1;
}

/** Compares two keys: missing keys last in both directions, the rest as PowerShell compares values. */
export function compareOrderKeys(a: unknown, b: unknown, caseSensitive: boolean, descending = false): number {
  if (a === MISSING_KEY || b === MISSING_KEY) return a === b ? 0 : a === MISSING_KEY ? 1 : -1;
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  const c = aNull !== bNull ? (aNull ? -aboveNull(b) : aboveNull(a)) : compareValues(a, b, caseSensitive);
  return descending ? -c : c;
}

/** The property names of a value, in order (what `Select-Object *` and wildcards match). */
export function propertyNames(obj: unknown): string[] {
  if (obj instanceof PSObject) return obj.properties().map((p) => p.name);
  if (obj === null || obj === undefined) return [];
  return memberNames(obj)
    .filter((m) => /Property$/.test(m.memberType))
    .map((m) => m.name);
}

/** Whether the object has a property of that name (case-insensitive). */
export function hasProperty(obj: unknown, name: string): boolean {
  if (obj instanceof PSObject) return obj.has(name);
  if (obj instanceof PSHashtable) return obj.has(name);
  const lower = name.toLowerCase();
  return propertyNames(obj).some((n) => n.toLowerCase() === lower);
}

// Measure-Object: counts, sums, averages, maxima and minima of objects or of their properties
// (GenericMeasureInfo), or lines, words and characters of text (TextMeasureInfo).
// Hot path: `1..200000 | ... | Measure-Object -Sum` does O(1) work per object, with no awaits.

import { stateKey, madeInBegin, ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { convertTo } from '../../protocol/convert.js';
import { getMember } from '../../protocol/members.js';
import { PSObject, toDisplayText } from '../../protocol/values.js';
import { hasProperty } from './property-spec.js';
import { isNumeric } from '../../protocol/numbers.js';

const GENERIC = 'Microsoft.PowerShell.Commands.GenericMeasureInfo';
const TEXT = 'Microsoft.PowerShell.Commands.TextMeasureInfo';
const BASE = ['Microsoft.PowerShell.Commands.MeasureInfo', 'System.Object'];

interface Stat {
  property: string | null;
  count: number;
  sum: number;
  min: number;
  max: number;
  lines: number;
  words: number;
  chars: number;
}

interface State {
  stats: Stat[];
  numeric: boolean;
  text: boolean;
}

const STATE = stateKey<State>('Measure-Object');

function newStat(property: string | null): Stat {
  return { property, count: 0, sum: 0, min: Infinity, max: -Infinity, lines: 0, words: 0, chars: 0 };
}

/** The value as a double, or undefined when it is not numeric (`Input object "x" is not numeric.`). */
function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (isNumeric(v)) return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === undefined) return 0;
  try {
    const n = convertTo(v, 'System.Double');
    return isNumeric(n) && !Number.isNaN(Number(n)) ? Number(n) : undefined;
  } catch {
    return undefined;
  }
}

function measureText(s: Stat, value: unknown, ignoreWhiteSpace: boolean): void {
  const text = toDisplayText(value);
  if (text.length === 0) return;
  s.lines += text.split(/\r?\n/).filter((l, i, all) => i < all.length - 1 || l.length > 0).length;
  s.words += text.split(/\s+/).filter(Boolean).length;
  s.chars += ignoreWhiteSpace ? text.replace(/\s/g, '').length : text.length;
}

function nullUnless(flag: unknown, v: number): number | null {
  return flag ? v : null;
}

export default defineCmdlet({
  name: 'Measure-Object',
  aliases: ['measure'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Calculates the numeric properties of objects, and the characters, words, and lines in string objects.',
  description:
    'The Measure-Object cmdlet counts objects and, on request, calculates the sum, average, ' +
    'maximum and minimum of numeric objects or of the numeric properties named by -Property. ' +
    'With -Line, -Word and -Character it counts the lines, words and characters of text.',
  defaultParameterSet: 'GenericMeasure',
  parameters: {
    InputObject: {
      type: 'PSObject',
      sets: { [ALL_SETS]: { fromPipeline: true } },
      help: 'Specifies the objects to measure. Usually piped in.',
    },
    Property: {
      type: 'String[]',
      sets: { [ALL_SETS]: { position: 0 } },
      help: 'Specifies the properties to measure; without it, the objects themselves are measured.',
    },
    Sum: { type: 'Switch', sets: { GenericMeasure: {} }, help: 'Adds up the values.' },
    Average: { type: 'Switch', sets: { GenericMeasure: {} }, help: 'Averages the values.' },
    Maximum: { type: 'Switch', sets: { GenericMeasure: {} }, help: 'Finds the largest value.' },
    Minimum: { type: 'Switch', sets: { GenericMeasure: {} }, help: 'Finds the smallest value.' },
    Line: { type: 'Switch', sets: { TextMeasure: {} }, help: 'Counts the lines of the text.' },
    Word: { type: 'Switch', sets: { TextMeasure: {} }, help: 'Counts the words of the text.' },
    Character: { type: 'Switch', sets: { TextMeasure: {} }, help: 'Counts the characters of the text.' },
    IgnoreWhiteSpace: { type: 'Switch', sets: { TextMeasure: {} }, help: 'Leaves white space out of the character count.' },
  },
  outputType: [GENERIC, TEXT],
  examples: [
    {
      code: '1..5 | Measure-Object -Sum',
      remarks: 'Counts the numbers from 1 to 5 and adds them up.',
      shows: 'Sum      : 15',
    },
    {
      code: "'one','three' | Measure-Object -Property Length -Average -Maximum -Minimum",
      remarks: 'Measures the Length property of the strings.',
      shows: 'Maximum  : 5',
    },
    {
      code: "'a b c', 'd e' | Measure-Object -Line -Word -Character",
      remarks: 'Counts lines, words and characters.',
      shows: /2\s+5\s+8/,
    },
  ],
  related: ['Group-Object', 'Sort-Object'],
  begin(params, ctx) {
    const props = params.Property;
    ctx.runState(STATE, () => ({
      stats: props?.length ? props.map((p) => newStat(p)) : [newStat(null)],
      numeric: !!(params.Sum || params.Average || params.Maximum || params.Minimum),
      text: ctx.parameterSetName === 'TextMeasure',
    }));
  },
  process(params, ctx) {
    if (!ctx.expectingInput && !ctx.bound.has('InputObject')) return;
    const st = ctx.runState(STATE, madeInBegin);
    const obj = params.InputObject;
    for (let i = 0; i < st.stats.length; i++) {
      const s = st.stats[i];
      let value: unknown = obj;
      if (s.property !== null) {
        if (obj === null || obj === undefined || !hasProperty(obj, s.property)) continue;
        value = getMember(obj, s.property);
      }
      s.count++;
      if (st.text) {
        measureText(s, value, !!params.IgnoreWhiteSpace);
        continue;
      }
      if (!st.numeric) continue;
      const n = asNumber(value);
      if (n === undefined) {
        s.count--;
        ctx.writeError(
          ctx.error({
            message: `Input object "${toDisplayText(value)}" is not numeric.`,
            errorId: 'NonNumericInputObject',
            category: 'InvalidType',
            exceptionType: 'PSInvalidOperationException',
            targetObject: value,
          }),
        );
        continue;
      }
      s.sum += n;
      if (n < s.min) s.min = n;
      if (n > s.max) s.max = n;
    }
  },
  end(params, ctx) {
    const st = ctx.runState(STATE, madeInBegin);
    for (const s of st.stats) {
      if (s.property !== null && s.count === 0) {
        ctx.writeError(
          ctx.error({
            message: `The property "${s.property}" cannot be found in the input for any objects.`,
            errorId: 'GenericMeasurePropertyNotFound',
            category: 'InvalidArgument',
            exceptionType: 'PSArgumentException',
            targetObject: s.property,
          }),
        );
        continue;
      }
      if (st.text) {
        const any = params.Line || params.Word || params.Character;
        ctx.write(
          PSObject.fromRecord(
            {
              Lines: any ? nullUnless(params.Line, s.lines) : s.lines,
              Words: any ? nullUnless(params.Word, s.words) : s.words,
              Characters: any ? nullUnless(params.Character, s.chars) : s.chars,
              Property: s.property,
            },
            [TEXT, ...BASE],
          ),
        );
        continue;
      }
      const has = s.count > 0;
      ctx.write(
        PSObject.fromRecord(
          {
            Count: s.count,
            Average: params.Average && has ? s.sum / s.count : null,
            Sum: params.Sum ? s.sum : null,
            Maximum: params.Maximum && has ? s.max : null,
            Minimum: params.Minimum && has ? s.min : null,
            Property: s.property,
          },
          [GENERIC, ...BASE],
        ),
      );
    }
  },
});

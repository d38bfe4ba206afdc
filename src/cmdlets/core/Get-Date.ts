// Get-Date: the lab clock's date and time (never the real clock), optionally changed field by
// field, or formatted with a .NET format (-Format) or a UNIX format (-UFormat).

import { ALL_SETS, defineCmdlet, type ParameterDeclaration } from '../../protocol/cmdlet.js';
import { formatDate } from '../../protocol/dotnet-format.js';
import { numberToString } from '../../protocol/values.js';

function dayOfYear(d: Date): number {
  // January 1st of the same year (years below 100 included: not through new Date(y, 0, 1)).
  const start = new Date(d.getTime());
  start.setMonth(0, 1);
  start.setHours(0, 0, 0, 0);
  return Math.floor((d.getTime() - start.getTime()) / 86400000 + (start.getTimezoneOffset() - d.getTimezoneOffset()) / 1440) + 1;
}

/**
 * -Format's named formats for file names (ISO 8601 basic, GetDateCommand.cs): the .NET format and
 * whether the date is first made universal time.
 */
const FILE_FORMATS = new Map<string, [string, boolean]>([
  ['filedate', ['yyyyMMdd', false]],
  ['filedateuniversal', ['yyyyMMddZ', true]],
  ['filedatetime', ['yyyyMMddTHHmmssffff', false]],
  ['filedatetimeuniversal', ['yyyyMMddTHHmmssffffZ', true]],
]);

/**
 * The `-UFormat` specifiers as Windows PowerShell 5.1 has them (GetDateCommand.UFormatDateString):
 * most are .NET custom formats; %j is the unpadded day of the year, %u and %w the .NET day of the
 * week (Sunday 0), %U, %W and %V count days of the year by seven (%V plus one), %G and %g are the
 * plain year, %s the seconds since 1970 of the date as it reads, and an unknown letter stands for
 * itself (`%%` is `%`). A leading `+` is dropped, as in `date +%Y`.
 */
export function uFormat(d: Date, format: string): string {
  const f = (spec: string) => formatDate(d, spec);
  const day = dayOfYear(d);
  let out = '';
  for (let i = format.startsWith('+') ? 1 : 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== '%' || i + 1 >= format.length) {
      out += c;
      continue;
    }
    const s = format[++i]!;
    switch (s) {
      case 'A': out += f('dddd'); break;
      case 'a': out += f('ddd'); break;
      case 'B': out += f('MMMM'); break;
      case 'b': case 'h': out += f('MMM'); break;
      case 'C': out += String(Math.floor(d.getFullYear() / 100)); break;
      case 'c': out += `${f('ddd')} ${f('MMM')} ${String(d.getDate()).padStart(2)} ${f('HH:mm:ss yyyy')}`; break;
      case 'D': case 'x': out += f('MM/dd/yy'); break;
      case 'd': out += f('dd'); break;
      case 'e': out += String(d.getDate()).padStart(2); break;
      case 'H': case 'k': out += f('HH'); break;
      case 'I': case 'l': out += f('hh'); break;
      case 'j': out += String(day); break;
      case 'M': out += f('mm'); break;
      case 'm': out += f('MM'); break;
      case 'n': out += '\n'; break;
      case 'p': out += f('tt'); break;
      case 'R': out += f('HH:mm'); break;
      case 'r': out += f('hh:mm:ss tt'); break;
      case 'S': out += f('ss'); break;
      case 's': out += numberToString((localTicks(d) - Date.UTC(1970, 0, 1)) / 1000); break;
      case 'T': case 'X': out += f('HH:mm:ss'); break;
      case 't': out += '\t'; break;
      case 'u': case 'w': out += String(d.getDay()); break;
      case 'U': case 'W': out += String(Math.floor(day / 7)); break;
      case 'V': out += String(Math.floor(day / 7) + 1); break;
      case 'G': case 'Y': out += f('yyyy'); break;
      case 'g': case 'y': out += f('yy'); break;
      case 'Z': out += f('zz'); break;
      default: out += s;
    }
  }
  return out;
}

/** The date's local fields read as if they were universal time (5.1's %s subtracts an unzoned 1970-01-01). */
function localTicks(d: Date): number {
  return d.getTime() - d.getTimezoneOffset() * 60000;
}

/** The parts -Year ... -Millisecond replace, with their ranges and how to read them from a date. */
type Field = 'Year' | 'Month' | 'Day' | 'Hour' | 'Minute' | 'Second' | 'Millisecond';
const FIELDS: [Field, (d: Date) => number, [number, number]][] = [
  ['Year', (d) => d.getFullYear(), [1, 9999]],
  ['Month', (d) => d.getMonth() + 1, [1, 12]],
  ['Day', (d) => d.getDate(), [1, 31]],
  ['Hour', (d) => d.getHours(), [0, 23]],
  ['Minute', (d) => d.getMinutes(), [0, 59]],
  ['Second', (d) => d.getSeconds(), [0, 59]],
  ['Millisecond', (d) => d.getMilliseconds(), [0, 999]],
];

/** -Year ... -Millisecond, one Int32 parameter per field. */
function fieldParameters(): Record<Field, ParameterDeclaration & { type: 'Int32' }> {
  const entries = FIELDS.map(([name, , range]) => [name, { type: 'Int32', validateRange: range, help: `Specifies the ${name.toLowerCase()} of the date.` }] as const);
  return Object.fromEntries(entries) as Record<Field, ParameterDeclaration & { type: 'Int32' }>;
}

export default defineCmdlet({
  name: 'Get-Date',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Gets the current date and time.',
  description:
    'The Get-Date cmdlet gets a DateTime object for the current date and time of the lab clock, ' +
    'or for the date given by -Date. -Year, -Month, -Day, -Hour, -Minute, -Second and ' +
    '-Millisecond replace those parts. -Format returns a string formatted with a .NET format ' +
    "(for example 'yyyy-MM-dd' or 'G'); -UFormat returns a string formatted with UNIX " +
    "specifiers (for example '%Y%m%d').",
  defaultParameterSet: 'net',
  parameters: {
    Date: {
      type: 'DateTime',
      aliases: ['LastWriteTime'],
      sets: { [ALL_SETS]: { position: 0, fromPipeline: true, fromPipelineByPropertyName: true } },
      help: 'Specifies a date and time. By default, the current date and time of the lab clock.',
    },
    ...fieldParameters(),
    DisplayHint: {
      type: 'Enum',
      enum: { typeName: 'Microsoft.PowerShell.Commands.DisplayHintType', values: ['Date', 'Time', 'DateTime'] },
      help: 'Chooses which parts of the date are displayed: Date, Time or DateTime.',
      default: 'DateTime',
    },
    Format: { type: 'String', sets: { net: {} }, help: 'Returns the date as a string in this .NET format.' },
    UFormat: { type: 'String', sets: { UFormat: { mandatory: true } }, help: 'Returns the date as a string in this UNIX format.' },
  },
  outputType: ['System.DateTime', 'System.String'],
  examples: [
    { code: "Get-Date -Date '2026-01-15 08:30' -Format 'yyyy-MM-dd HH:mm'", remarks: 'Formats a given date.', shows: '2026-01-15 08:30' },
    { code: "Get-Date -Date '2026-03-01' -UFormat '%Y/%m/%d'", remarks: 'Uses UNIX format specifiers.', shows: '2026/03/01' },
    { code: '(Get-Date -Year 2030 -Month 1 -Day 2).DayOfWeek', remarks: 'Tells the day of the week of a date.', shows: 'Wednesday' },
  ],
  related: ['Start-Sleep'],
  process(params, ctx) {
    const base = params.Date instanceof Date ? params.Date : ctx.now();
    // Build the date from all parts at once, so changing the month never overflows the day.
    const [y, mo, day, h, mi, s, ms] = FIELDS.map(([name, read]) => {
      const v = params[name];
      return typeof v === 'number' ? v : read(base);
    });
    const d = new Date(y, mo - 1, day, h, mi, s, ms);
    if (y < 100) d.setFullYear(y);
    if (typeof params.UFormat === 'string') return ctx.write(uFormat(d, params.UFormat));
    if (typeof params.Format === 'string') {
      let text: string;
      try {
        const [format, universal] = FILE_FORMATS.get(params.Format.toLowerCase()) ?? [params.Format, false];
        text = formatDate(universal ? new Date(d.getTime() + d.getTimezoneOffset() * 60000) : d, format);
      } catch (e) {
        // An invalid format string (`-Format 0`) is .NET's FormatException, as in 5.1.
        return ctx.fail(
          ctx.error({ message: e instanceof Error ? e.message : String(e), errorId: 'System.FormatException', category: 'NotSpecified', exceptionType: 'FormatException' }),
        );
      }
      return ctx.write(text);
    }
    if (params.DisplayHint && params.DisplayHint !== 'DateTime') {
      // Out-Default shows only the date or only the time part (format helper reads this).
      Object.defineProperty(d, 'DisplayHint', { value: params.DisplayHint, enumerable: false });
    }
    ctx.write(d);
  },
});

// Get-Date: the lab clock's date and time (never the real clock), optionally changed field by
// field, or formatted with a .NET format (-Format) or a UNIX format (-UFormat).

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { DAYS, MONTHS, formatDate } from '../../protocol/dotnet-format.js';

const pad = (n: number, w = 2, c = '0') => String(n).padStart(w, c);

function dayOfYear(d: Date): number {
  const start = new Date(d.getFullYear(), 0, 1);
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

/** The `-UFormat` specifiers of Windows PowerShell 5.1 (a UNIX `date +` subset). */
export function uFormat(d: Date, format: string): string {
  const h12 = d.getHours() % 12 === 0 ? 12 : d.getHours() % 12;
  const ampm = d.getHours() < 12 ? 'AM' : 'PM';
  const off = -d.getTimezoneOffset();
  return format.replace(/%(.)/g, (whole, c: string) => {
    switch (c) {
      case 'a': return DAYS[d.getDay()].slice(0, 3);
      case 'A': return DAYS[d.getDay()];
      case 'b': case 'h': return MONTHS[d.getMonth()].slice(0, 3);
      case 'B': return MONTHS[d.getMonth()];
      case 'c': return `${DAYS[d.getDay()].slice(0, 3)} ${MONTHS[d.getMonth()].slice(0, 3)} ${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${d.getFullYear()}`;
      case 'C': return pad(Math.floor(d.getFullYear() / 100));
      case 'd': return pad(d.getDate());
      case 'D': return `${pad(d.getMonth() + 1)}/${pad(d.getDate())}/${pad(d.getFullYear() % 100)}`;
      case 'e': return pad(d.getDate(), 2, ' ');
      case 'H': return pad(d.getHours());
      case 'I': return pad(h12);
      case 'j': return pad(dayOfYear(d), 3);
      case 'k': return pad(d.getHours(), 2, ' ');
      case 'l': return pad(h12, 2, ' ');
      case 'm': return pad(d.getMonth() + 1);
      case 'M': return pad(d.getMinutes());
      case 'n': return '\n';
      case 'p': return ampm;
      case 'r': return `${pad(h12)}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${ampm}`;
      case 'R': return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
      case 's': return String(Math.floor(d.getTime() / 1000));
      case 'S': return pad(d.getSeconds());
      case 't': return '\t';
      case 'T': case 'X': return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
      case 'u': return String(d.getDay() === 0 ? 7 : d.getDay());
      case 'w': return String(d.getDay());
      case 'x': return `${pad(d.getMonth() + 1)}/${pad(d.getDate())}/${pad(d.getFullYear() % 100)}`;
      case 'y': return pad(d.getFullYear() % 100);
      case 'Y': return String(d.getFullYear());
      case 'Z': return `${off >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(off) / 60))}`;
      case '%': return '%';
      default: return whole;
    }
  });
}

/** The parts -Year ... -Millisecond replace, with their ranges and how to read them from a date. */
const FIELDS: [string, (d: Date) => number, [number, number]][] = [
  ['Year', (d) => d.getFullYear(), [1, 9999]],
  ['Month', (d) => d.getMonth() + 1, [1, 12]],
  ['Day', (d) => d.getDate(), [1, 31]],
  ['Hour', (d) => d.getHours(), [0, 23]],
  ['Minute', (d) => d.getMinutes(), [0, 59]],
  ['Second', (d) => d.getSeconds(), [0, 59]],
  ['Millisecond', (d) => d.getMilliseconds(), [0, 999]],
];

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
    ...Object.fromEntries(
      FIELDS.map(([name, , range]) => [name, { type: 'Int32' as const, validateRange: range, help: `Specifies the ${name.toLowerCase()} of the date.` }]),
    ),
    DisplayHint: {
      type: 'Enum',
      enum: { typeName: 'Microsoft.PowerShell.Commands.DisplayHintType', values: ['Date', 'Time', 'DateTime'] },
      help: 'Chooses which parts of the date are displayed: Date, Time or DateTime.',
      defaultValue: 'DateTime',
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

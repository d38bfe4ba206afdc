// System.Globalization.CultureInfo and System.TimeZone as the lab machines have them: en-US
// (the culture of the Exchange 2007 servers emsh simulates) and the invariant culture.
import { timeSpan } from './operators.js';
import { PSObject } from './values.js';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface CultureData {
  name: string;
  lcid: number;
  displayName: string;
  twoLetter: string;
  threeLetter: string;
  shortDate: string;
  longDate: string;
  shortTime: string;
  longTime: string;
  currency: string;
}

const CULTURES: Record<string, CultureData> = {
  'en-us': {
    name: 'en-US', lcid: 1033, displayName: 'English (United States)', twoLetter: 'en', threeLetter: 'eng',
    shortDate: 'M/d/yyyy', longDate: 'dddd, MMMM d, yyyy', shortTime: 'h:mm tt', longTime: 'h:mm:ss tt', currency: '$',
  },
  '': {
    name: '', lcid: 127, displayName: 'Invariant Language (Invariant Country)', twoLetter: 'iv', threeLetter: 'ivl',
    shortDate: 'MM/dd/yyyy', longDate: 'dddd, dd MMMM yyyy', shortTime: 'HH:mm', longTime: 'HH:mm:ss', currency: '\u00a4',
  },
};

function ro(o: PSObject, name: string, typeName: string, value: unknown): void {
  o.addProperty({ name, memberType: 'Property', typeName, get: () => value });
}

function dateTimeFormat(c: CultureData): PSObject {
  const o = new PSObject(['System.Globalization.DateTimeFormatInfo', 'System.Object']);
  ro(o, 'AMDesignator', 'string', 'AM');
  ro(o, 'PMDesignator', 'string', 'PM');
  ro(o, 'DateSeparator', 'string', '/');
  ro(o, 'TimeSeparator', 'string', ':');
  ro(o, 'FirstDayOfWeek', 'System.DayOfWeek', 'Sunday');
  ro(o, 'ShortDatePattern', 'string', c.shortDate);
  ro(o, 'LongDatePattern', 'string', c.longDate);
  ro(o, 'ShortTimePattern', 'string', c.shortTime);
  ro(o, 'LongTimePattern', 'string', c.longTime);
  ro(o, 'FullDateTimePattern', 'string', `${c.longDate} ${c.longTime}`);
  ro(o, 'DayNames', 'string[]', [...DAYS]);
  ro(o, 'AbbreviatedDayNames', 'string[]', DAYS.map((d) => d.slice(0, 3)));
  ro(o, 'ShortestDayNames', 'string[]', DAYS.map((d) => d.slice(0, 2)));
  ro(o, 'MonthNames', 'string[]', [...MONTHS, '']);
  ro(o, 'AbbreviatedMonthNames', 'string[]', [...MONTHS.map((m) => m.slice(0, 3)), '']);
  return o;
}

function numberFormat(c: CultureData): PSObject {
  const o = new PSObject(['System.Globalization.NumberFormatInfo', 'System.Object']);
  ro(o, 'NumberDecimalSeparator', 'string', '.');
  ro(o, 'NumberGroupSeparator', 'string', ',');
  ro(o, 'CurrencySymbol', 'string', c.currency);
  ro(o, 'NegativeSign', 'string', '-');
  ro(o, 'PositiveSign', 'string', '+');
  return o;
}

/** The CultureInfo for a name (`en-US`, `''` for the invariant culture), or undefined when emsh has no such culture. */
export function cultureInfo(name: string): PSObject | undefined {
  const c = CULTURES[name.toLowerCase()];
  if (!c) return undefined;
  const o = new PSObject(['System.Globalization.CultureInfo', 'System.Object']);
  ro(o, 'Parent', 'System.Globalization.CultureInfo', null);
  ro(o, 'LCID', 'int', c.lcid);
  ro(o, 'KeyboardLayoutId', 'int', c.lcid);
  ro(o, 'Name', 'string', c.name);
  ro(o, 'IetfLanguageTag', 'string', c.name);
  ro(o, 'DisplayName', 'string', c.displayName);
  ro(o, 'NativeName', 'string', c.displayName);
  ro(o, 'EnglishName', 'string', c.displayName);
  ro(o, 'TwoLetterISOLanguageName', 'string', c.twoLetter);
  ro(o, 'ThreeLetterISOLanguageName', 'string', c.threeLetter);
  ro(o, 'ThreeLetterWindowsLanguageName', 'string', c.name ? 'ENU' : 'IVL');
  ro(o, 'IsNeutralCulture', 'bool', false);
  ro(o, 'UseUserOverride', 'bool', c.name !== '');
  ro(o, 'IsReadOnly', 'bool', true);
  ro(o, 'NumberFormat', 'System.Globalization.NumberFormatInfo', numberFormat(c));
  ro(o, 'DateTimeFormat', 'System.Globalization.DateTimeFormatInfo', dateTimeFormat(c));
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => c.name });
  return o;
}

/** The culture of the lab machines (CurrentCulture, CurrentUICulture, Get-Culture). */
export function currentCulture(): PSObject {
  return cultureInfo('en-US')!;
}

/** [TimeZone]::CurrentTimeZone: the local zone, whose GetUtcOffset(date) is that date's offset. */
export function currentTimeZone(): PSObject {
  const o = new PSObject(['System.CurrentSystemTimeZone', 'System.TimeZone', 'System.Object']);
  ro(o, 'StandardName', 'string', 'Coordinated Universal Time');
  ro(o, 'DaylightName', 'string', 'Coordinated Universal Time');
  o.addMethod({
    name: 'GetUtcOffset',
    definition: 'timespan GetUtcOffset(datetime time)',
    invoke: (a) => timeSpan(a[0] instanceof Date ? -a[0].getTimezoneOffset() * 60000 : 0),
  });
  return o;
}

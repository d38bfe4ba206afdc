// System.Globalization.CultureInfo and System.TimeZone as the lab machines have them: en-US
// (the culture of the Exchange 2007 servers emsh simulates) and the invariant culture.
import { serviceKey, type ServiceKey, type ServiceRegistry } from './cmdlet.js';
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

/** .NET's TextInfo.ToTitleCase: each word's first letter upper, the rest lower; all-capital words (acronyms) stay. */
function toTitleCase(text: string): string {
  return text.replace(/\p{L}[\p{L}\p{Mn}'\u2019]*/gu, (w) => (w === w.toUpperCase() ? w : w[0]!.toUpperCase() + w.slice(1).toLowerCase()));
}

/**
 * TextInfo. ListSeparator is writable, as on .NET Framework, and Export-/Import-/ConvertTo-/
 * ConvertFrom-Csv -UseCulture read it (listSeparator) from the session's current culture.
 */
function textInfo(c: CultureData): PSObject {
  const o = new PSObject(['System.Globalization.TextInfo', 'System.Object']);
  let separator = ',';
  ro(o, 'ANSICodePage', 'int', 1252);
  ro(o, 'OEMCodePage', 'int', 437);
  ro(o, 'MacCodePage', 'int', 10000);
  ro(o, 'EBCDICCodePage', 'int', 37);
  ro(o, 'LCID', 'int', c.lcid);
  ro(o, 'CultureName', 'string', c.name);
  ro(o, 'IsReadOnly', 'bool', false);
  o.addProperty({ name: 'ListSeparator', memberType: 'Property', typeName: 'string', get: () => separator, set: (v) => (separator = v === null || v === undefined ? '' : String(v)) });
  ro(o, 'IsRightToLeft', 'bool', false);
  o.addMethod({ name: 'ToUpper', definition: 'char ToUpper(char c), string ToUpper(string str)', invoke: (args) => String(args[0] ?? '').toUpperCase() });
  o.addMethod({ name: 'ToLower', definition: 'char ToLower(char c), string ToLower(string str)', invoke: (args) => String(args[0] ?? '').toLowerCase() });
  o.addMethod({ name: 'ToTitleCase', definition: 'string ToTitleCase(string str)', invoke: (args) => toTitleCase(String(args[0] ?? '')) });
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

/** LCIDs of the cultures besides en-US that scripts name most; others are LOCALE_CUSTOM_UNSPECIFIED as Windows gives them. */
const LCIDS: Record<string, number> = { en: 9, fr: 12, de: 7, 'en-gb': 2057, 'fr-fr': 1036, 'de-de': 1031, 'fr-ca': 3084, 'de-at': 3079, 'es-es': 3082, es: 10, 'ja-jp': 1041, ja: 17 };

/**
 * A culture emsh has no table for: one Windows 10 knows or synthesizes for any well-formed name
 * (a 2-3 letter language, an optional 2-letter or 3-digit region, as `no-NL`; a 4-letter script
 * only before a region, as `sr-Latn-RS`, or zh-Hans/zh-Hant); `none-none` and `xx-none` are not ones. Formats are en-US's: the lab formats in en-US.
 */
function derivedCulture(name: string): CultureData | undefined {
  const m = /^([a-z]{2,3})(?:-([a-z]{4})(?=-))?(?:-([a-z]{2}|\d{3}))?$/i.exec(name) ?? /^(zh)-(hans|hant)()$/i.exec(name);
  if (!m) return undefined;
  const canonical = [m[1]!.toLowerCase(), m[2] ? m[2][0]!.toUpperCase() + m[2].slice(1).toLowerCase() : '', m[3]?.toUpperCase() ?? ''].filter(Boolean).join('-');
  let displayName = canonical;
  try {
    displayName = new Intl.DisplayNames(['en'], { type: 'language' }).of(canonical) ?? canonical;
  } catch {
    // a name ICU cannot show keeps its tag, as Windows shows unknown locales
  }
  const en = CULTURES['en-us']!;
  const lang = m[1]!.toLowerCase();
  return { ...en, name: canonical, lcid: LCIDS[canonical.toLowerCase()] ?? 4096, displayName, twoLetter: lang, threeLetter: lang };
}

/** The name of a culture's parent: `en-US` → `en` → the invariant culture (whose parent is itself). */
function parentName(name: string): string {
  const cut = name.lastIndexOf('-');
  return cut > 0 ? name.slice(0, cut) : '';
}

/** The CultureInfo for a name (`en-US`, `''` for the invariant culture), or undefined when it names no culture. */
export function cultureInfo(name: string): PSObject | undefined {
  const c = CULTURES[name.toLowerCase()] ?? derivedCulture(name);
  if (!c) return undefined;
  const o = new PSObject(['System.Globalization.CultureInfo', 'System.Object']);
  o.addProperty({ name: 'Parent', memberType: 'Property', typeName: 'System.Globalization.CultureInfo', get: () => cultureInfo(parentName(c.name)) ?? null });
  ro(o, 'LCID', 'int', c.lcid);
  ro(o, 'KeyboardLayoutId', 'int', c.lcid);
  ro(o, 'Name', 'string', c.name);
  ro(o, 'IetfLanguageTag', 'string', c.name);
  ro(o, 'DisplayName', 'string', c.displayName);
  ro(o, 'NativeName', 'string', c.displayName);
  ro(o, 'EnglishName', 'string', c.displayName);
  ro(o, 'TwoLetterISOLanguageName', 'string', c.twoLetter);
  ro(o, 'ThreeLetterISOLanguageName', 'string', c.threeLetter);
  ro(o, 'ThreeLetterWindowsLanguageName', 'string', c === CULTURES['en-us'] ? 'ENU' : c.name ? c.threeLetter.toUpperCase() : 'IVL');
  ro(o, 'IsNeutralCulture', 'bool', c.name !== '' && !c.name.includes('-'));
  ro(o, 'UseUserOverride', 'bool', c.name !== '');
  ro(o, 'IsReadOnly', 'bool', true);
  ro(o, 'NumberFormat', 'System.Globalization.NumberFormatInfo', numberFormat(c));
  ro(o, 'DateTimeFormat', 'System.Globalization.DateTimeFormatInfo', dateTimeFormat(c));
  ro(o, 'TextInfo', 'System.Globalization.TextInfo', textInfo(c));
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => c.name });
  return o;
}

/**
 * The session's cultures (CurrentCulture and CurrentUICulture, en-US at start): one object each, so
 * what a script changes in them (TextInfo.ListSeparator, or the culture itself through
 * [CultureInfo]::CurrentCulture = ...) holds for the rest of the session. The session owns it
 * (SessionCulturesKey).
 */
export class SessionCultures {
  private chosen: { current?: PSObject; ui?: PSObject } = {};

  /** Made on first use: most sessions never ask. */
  get(which: 'current' | 'ui'): PSObject {
    return (this.chosen[which] ??= cultureInfo('en-US')!);
  }

  set(which: 'current' | 'ui', culture: PSObject): void {
    this.chosen[which] = culture;
  }
}

export const SessionCulturesKey: ServiceKey<SessionCultures> = serviceKey<SessionCultures>('sessionCultures');

/**
 * The culture of the lab machines (CurrentCulture, or with 'ui' CurrentUICulture; Get-Culture): the
 * session's, or en-US where no session is at hand.
 */
export function currentCulture(services?: ServiceRegistry, which: 'current' | 'ui' = 'current'): PSObject {
  return services?.tryGet(SessionCulturesKey)?.get(which) ?? cultureInfo('en-US')!;
}

/** `[CultureInfo]::CurrentCulture = 'en-US'` (or CurrentUICulture): the session's culture from now on. */
export function setCurrentCulture(services: ServiceRegistry, which: 'current' | 'ui', culture: PSObject): void {
  services.tryGet(SessionCulturesKey)?.set(which, culture);
}

/** The session's list separator, the delimiter of the CSV cmdlets' -UseCulture. */
export function listSeparator(services: ServiceRegistry): string {
  const info = currentCulture(services).get('TextInfo');
  const sep = info instanceof PSObject ? String(info.get('ListSeparator') ?? ',') : ',';
  return sep || ',';
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

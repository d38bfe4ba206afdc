// .NET number and date formatting (en-US), as `-f`, ToString('N2') and Get-Date -Format use it.
// Windows PowerShell 5.1 runs on .NET Framework, so rounding follows the Framework: the value is
// first taken to 15 significant digits, then rounded half away from zero.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export class FormatError extends Error {}

/** Digits and decimal exponent of |n| at 15 significant digits: 123.45 → { digits: '12345', exp: 3 }. */
function decimalDigits(n: number): { digits: string; exp: number } {
  const s = Math.abs(n).toExponential(14); // d.dddddddddddddde±x
  const [mant, e] = s.split('e');
  const digits = mant!.replace('.', '').replace(/0+$/, '') || '0';
  return { digits, exp: Number(e) + 1 };
}

/** |n| as a plain decimal string with exactly `decimals` fraction digits, half away from zero. */
export function toFixedAway(n: number, decimals: number): string {
  const abs = Math.abs(n);
  if (abs === 0) return decimals > 0 ? '0.' + '0'.repeat(decimals) : '0';
  const { digits, exp } = decimalDigits(abs);
  // Integer digits string with `decimals` fraction digits, as a digit array.
  const keep = exp + decimals; // how many digits of `digits` we keep
  let intPart: string;
  if (keep < 0) {
    intPart = '0';
  } else {
    const padded = digits.padEnd(keep + 1, '0');
    let kept = padded.slice(0, keep) || '0';
    const next = padded.charCodeAt(keep) - 48;
    if (next >= 5) kept = incrementDigits(kept);
    intPart = kept;
  }
  // intPart holds the value × 10^decimals.
  const whole = intPart.padStart(decimals + 1, '0');
  const head = whole.slice(0, whole.length - decimals).replace(/^0+(?=\d)/, '');
  const tail = whole.slice(whole.length - decimals);
  return decimals > 0 ? `${head}.${tail}` : head;
}

function incrementDigits(s: string): string {
  const a = s.split('');
  let i = a.length - 1;
  while (i >= 0) {
    if (a[i] === '9') {
      a[i] = '0';
      i--;
    } else {
      a[i] = String.fromCharCode(a[i]!.charCodeAt(0) + 1);
      return a.join('');
    }
  }
  return '1' + a.join('');
}

function group(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function isIntegral(n: number): boolean {
  return Number.isInteger(n);
}

/** A number formatted with a .NET standard or custom numeric format string (en-US). */
export function formatNumber(n: number, format: string): string {
  if (!format) return generalNumber(n);
  const m = /^([A-Za-z])(\d{0,2})$/.exec(format);
  if (m) return standardNumber(n, m[1]!, m[2] === '' ? undefined : Number(m[2]));
  return customNumber(n, format);
}

function generalNumber(n: number, precision?: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (precision === undefined && isIntegral(n) && Math.abs(n) < 1e15) return String(n);
  const p = precision ?? 15;
  const rounded = Number(n.toPrecision(p));
  if (rounded === 0) return '0';
  // .NET uses fixed-point only when -5 < exponent < precision.
  const exp = Math.floor(Math.log10(Math.abs(rounded)));
  if (exp <= -5 || exp >= p) {
    const [mant, e] = rounded.toExponential().split('e');
    const ev = Number(e);
    return `${mant}E${ev < 0 ? '-' : '+'}${String(Math.abs(ev)).padStart(2, '0')}`;
  }
  return rounded.toString();
}

function standardNumber(n: number, spec: string, prec: number | undefined): string {
  const neg = n < 0 || Object.is(n, -0);
  const sign = neg && n !== 0 ? '-' : '';
  switch (spec) {
    case 'N':
    case 'n': {
      const s = toFixedAway(n, prec ?? 2);
      const [i, f] = s.split('.');
      const out = group(i!) + (f !== undefined ? '.' + f : '');
      return isZeroText(out) ? out : sign + out;
    }
    case 'F':
    case 'f': {
      const out = toFixedAway(n, prec ?? 2);
      return isZeroText(out) ? out : sign + out;
    }
    case 'D':
    case 'd': {
      if (!isIntegral(n)) throw new FormatError('Format specifier was invalid.');
      return sign + String(Math.abs(n)).padStart(prec ?? 0, '0');
    }
    case 'X':
    case 'x': {
      if (!isIntegral(n)) throw new FormatError('Format specifier was invalid.');
      let v = n;
      if (v < 0) v = v >= -2147483648 ? v + 4294967296 : Number(BigInt.asUintN(64, BigInt(v)));
      const h = v.toString(16).padStart(prec ?? 0, '0');
      return spec === 'X' ? h.toUpperCase() : h;
    }
    case 'P':
    case 'p': {
      const s = toFixedAway(n * 100, prec ?? 2);
      const [i, f] = s.split('.');
      const out = group(i!) + (f !== undefined ? '.' + f : '');
      return (isZeroText(out) ? '' : sign) + out + ' %';
    }
    case 'C':
    case 'c': {
      const s = toFixedAway(n, prec ?? 2);
      const [i, f] = s.split('.');
      const out = '$' + group(i!) + (f !== undefined ? '.' + f : '');
      return sign && !isZeroText(s) ? `(${out})` : out;
    }
    case 'E':
    case 'e': {
      const p = prec ?? 6;
      if (n === 0) return '0' + (p > 0 ? '.' + '0'.repeat(p) : '') + spec + '+000';
      const s = Math.abs(n).toExponential(p); // JS rounding is close enough for E
      const [mant, e] = s.split('e');
      const ev = Number(e);
      return sign + mant + spec + (ev < 0 ? '-' : '+') + String(Math.abs(ev)).padStart(3, '0');
    }
    case 'G':
    case 'g':
      return generalNumber(n, prec === 0 ? undefined : prec);
    case 'R':
    case 'r':
      return generalNumber(n, 17).replace(/(\.\d*?)0+(E|$)/, '$1$2').replace(/\.(E|$)/, '$1');
    default:
      throw new FormatError('Format specifier was invalid.');
  }
}

function isZeroText(s: string): boolean {
  return !/[1-9]/.test(s);
}

/** Custom numeric formats: 0 # . , % and quoted literals, with `;` sections. */
function customNumber(n: number, format: string): string {
  const sections = splitSections(format);
  let fmt = sections[0]!;
  let value = n;
  if (n < 0 && sections.length > 1 && sections[1] !== '') {
    fmt = sections[1]!;
    value = -n;
  } else if (n === 0 && sections.length > 2 && sections[2] !== '') {
    fmt = sections[2]!;
  }
  // Tokenise: placeholders vs literal text.
  let intZeros = 0;
  let fracZeros = 0;
  let fracHashes = 0;
  let seenPoint = false;
  let grouping = false;
  let percent = 0;
  let scaleCommas = 0;
  const chars = [...fmt];
  // Determine grouping and scaling commas: a comma right before the point (or end of number) scales.
  let lastDigitIdx = -1;
  for (let i = 0; i < chars.length; i++) if (chars[i] === '0' || chars[i] === '#') lastDigitIdx = i;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = chars.indexOf(c, i + 1);
      i = end < 0 ? chars.length : end;
      continue;
    }
    if (c === '0') {
      if (seenPoint) fracZeros++;
      else intZeros++;
    } else if (c === '#') {
      // An integer `#` only marks where digits go: the value's own digits fill them.
      if (seenPoint) fracHashes++;
    } else if (c === '.') seenPoint = true;
    else if (c === ',' && !seenPoint) {
      const nextIsDigit = chars.slice(i + 1).findIndex((x) => x === '0' || x === '#' || x === '.');
      const next = nextIsDigit >= 0 ? chars[i + 1 + nextIsDigit] : undefined;
      if (next === '0' || next === '#') grouping = true;
      else if (i > lastDigitIdx || next === '.') scaleCommas++;
    } else if (c === '%') percent++;
  }
  value = value * 100 ** percent / 1000 ** scaleCommas;
  const decimals = fracZeros + fracHashes;
  const fixed = toFixedAway(value, decimals);
  const [wholeDigits, fracDigits = ''] = fixed.split('.');
  let intDigits = wholeDigits;
  // Trim optional fraction digits.
  let frac = fracDigits;
  while (frac.length > fracZeros && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (intDigits === '0' && intZeros === 0) intDigits = '';
  intDigits = intDigits!.padStart(intZeros, '0');
  if (grouping) intDigits = group(intDigits);
  const negative = value < 0 && !(isZeroText(intDigits) && isZeroText(frac)) && sections.length < 2 || (n < 0 && sections.length > 1 && sections[1] === '');
  // Emit: integer digits replace the run of integer placeholders, literals stay in place.
  let out = '';
  let intEmitted = false;
  let fracIdx = 0;
  seenPoint = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '\\') {
      out += chars[i + 1] ?? '';
      i++;
    } else if (c === "'" || c === '"') {
      const end = chars.indexOf(c, i + 1);
      out += chars.slice(i + 1, end < 0 ? chars.length : end).join('');
      i = end < 0 ? chars.length : end;
    } else if ((c === '0' || c === '#' || c === ',') && !seenPoint) {
      if (!intEmitted) {
        out += intDigits;
        intEmitted = true;
      }
    } else if (c === '.') {
      if (!intEmitted) {
        out += intDigits;
        intEmitted = true;
      }
      seenPoint = true;
      if (frac.length > 0) out += '.';
    } else if ((c === '0' || c === '#') && seenPoint) {
      if (fracIdx < frac.length) out += frac[fracIdx];
      fracIdx++;
    } else if (c === ',') {
      // scaling comma after the point: nothing
    } else {
      out += c;
    }
  }
  return (negative ? '-' : '') + out;
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (quote) {
      cur += c;
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') {
      quote = c;
      cur += c;
    } else if (c === '\\') {
      cur += c + (format[i + 1] ?? '');
      i++;
    } else if (c === ';') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dates

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Standard date patterns of en-US (.NET Framework). */
const STANDARD_DATE: Record<string, string> = {
  d: 'M/d/yyyy',
  D: 'dddd, MMMM d, yyyy',
  t: 'h:mm tt',
  T: 'h:mm:ss tt',
  f: 'dddd, MMMM d, yyyy h:mm tt',
  F: 'dddd, MMMM d, yyyy h:mm:ss tt',
  g: 'M/d/yyyy h:mm tt',
  G: 'M/d/yyyy h:mm:ss tt',
  M: 'MMMM d',
  m: 'MMMM d',
  Y: 'MMMM yyyy',
  y: 'MMMM yyyy',
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
  u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
};

/** A Date formatted with a .NET standard or custom date format string (en-US, local time). */
export function formatDate(d: Date, format: string): string {
  if (!format) format = 'G';
  if (format.length === 1) {
    if (format === 'o' || format === 'O') {
      const off = -d.getTimezoneOffset();
      const sign = off >= 0 ? '+' : '-';
      return `${customDate(d, "yyyy'-'MM'-'dd'T'HH':'mm':'ss")}.${pad(d.getMilliseconds(), 3)}0000${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
    }
    if (format === 'r' || format === 'R') return d.toUTCString().replace('GMT', 'GMT');
    if (format === 'u') {
      const u = new Date(d.getTime() + d.getTimezoneOffset() * 60000);
      return customDate(u, STANDARD_DATE.u!);
    }
    const std = STANDARD_DATE[format];
    if (!std) throw new FormatError('Input string was not in a correct format.');
    return customDate(d, std);
  }
  return customDate(d, format);
}

function customDate(d: Date, f: string): string {
  let out = '';
  for (let i = 0; i < f.length; ) {
    const c = f[i]!;
    let run = 1;
    while (f[i + run] === c) run++;
    switch (c) {
      case 'y':
        out += run === 1 ? String(d.getFullYear() % 100) : run === 2 ? pad(d.getFullYear() % 100) : pad(d.getFullYear(), run);
        break;
      case 'M':
        out += run === 1 ? String(d.getMonth() + 1) : run === 2 ? pad(d.getMonth() + 1) : run === 3 ? MONTHS[d.getMonth()]!.slice(0, 3) : MONTHS[d.getMonth()];
        break;
      case 'd':
        out += run === 1 ? String(d.getDate()) : run === 2 ? pad(d.getDate()) : run === 3 ? DAYS[d.getDay()]!.slice(0, 3) : DAYS[d.getDay()];
        break;
      case 'h': {
        const h = d.getHours() % 12 || 12;
        out += run === 1 ? String(h) : pad(h);
        break;
      }
      case 'H':
        out += run === 1 ? String(d.getHours()) : pad(d.getHours());
        break;
      case 'm':
        out += run === 1 ? String(d.getMinutes()) : pad(d.getMinutes());
        break;
      case 's':
        out += run === 1 ? String(d.getSeconds()) : pad(d.getSeconds());
        break;
      case 'f':
      case 'F': {
        let frac = pad(d.getMilliseconds(), 3).padEnd(7, '0').slice(0, run);
        if (c === 'F') frac = frac.replace(/0+$/, '');
        out += frac;
        break;
      }
      case 't': {
        const ampm = d.getHours() < 12 ? 'AM' : 'PM';
        out += run === 1 ? ampm[0] : ampm;
        break;
      }
      case 'z': {
        const off = -d.getTimezoneOffset();
        const sign = off >= 0 ? '+' : '-';
        const hh = Math.floor(Math.abs(off) / 60);
        out += sign + (run === 1 ? String(hh) : pad(hh)) + (run >= 3 ? ':' + pad(Math.abs(off) % 60) : '');
        break;
      }
      case 'K': {
        const off = -d.getTimezoneOffset();
        out += (off >= 0 ? '+' : '-') + pad(Math.floor(Math.abs(off) / 60)) + ':' + pad(Math.abs(off) % 60);
        break;
      }
      case "'":
      case '"': {
        const end = f.indexOf(c, i + 1);
        out += f.slice(i + 1, end < 0 ? f.length : end);
        i = end < 0 ? f.length : end + 1;
        continue;
      }
      case '\\':
        out += f[i + 1] ?? '';
        i += 2;
        continue;
      case '%':
        i += 1;
        continue;
      default:
        out += c.repeat(run);
    }
    i += run;
  }
  return out;
}

/** `Monday, January 1, 2024` (ToLongDateString). */
export function longDate(d: Date): string {
  return customDate(d, 'dddd, MMMM d, yyyy');
}

export { MONTHS, DAYS };

// .NET numbers as PowerShell 5.1 has them. The common case stays a plain JS number (see the
// representation rules in values.ts); the kinds JS cannot tell apart are boxed here:
//
//   TypedNumber  Int64/UInt64 (exact, over bigint) when they are not plain numbers, Double when
//                integral (`[double]2`, `1.0`), and SByte/Byte/Int16/UInt16/UInt32/Single.
//   PSDecimal    System.Decimal: a bigint mantissa and a scale (0..28), exact as .NET's.
//   PSChar       System.Char: a UTF-16 code unit.
//
// Arithmetic follows PowerShell's binder (NumericOps): the operand types rank Int32 < UInt32 <
// Int64 < UInt64 < Single/Double < Decimal, small integers compute as Int32, integer overflow
// widens to Double, integer division gives an integer only when exact.

import { raise } from './errors.js';

export type NumberKind = 'SByte' | 'Byte' | 'Int16' | 'UInt16' | 'Int32' | 'UInt32' | 'Int64' | 'UInt64' | 'Single' | 'Double' | 'Decimal';
type BoxKind = Exclude<NumberKind, 'Int32' | 'Decimal'>;

/** A number whose .NET type a plain JS number cannot carry. `valueOf` is the nearest double. */
export class TypedNumber {
  constructor(
    readonly kind: BoxKind,
    /** The value as a double (exact except for 64-bit integers beyond 2^53). */
    readonly value: number,
    /** The exact value of Int64/UInt64. */
    readonly big?: bigint,
  ) {}
  valueOf(): number {
    return this.value;
  }
  toString(): string {
    return numericText(this);
  }
}

/** System.Char. */
export class PSChar {
  constructor(readonly code: number) {}
  valueOf(): number {
    return this.code;
  }
  toString(): string {
    return String.fromCharCode(this.code);
  }
}

const MAX_MANTISSA = 2n ** 96n - 1n;
const TEN = 10n;
const pow10 = (n: number): bigint => TEN ** BigInt(n);

function overflow(type = 'Decimal'): never {
  raise(`Value was either too large or too small for a ${type}.`, 'RuntimeException', 'NotSpecified', 'OverflowException');
}

/** m / 10^k rounded half to even. */
function roundDivPow10(m: bigint, k: number): bigint {
  if (k <= 0) return m * pow10(-k);
  const d = pow10(k);
  let q = m / d;
  const r = m - q * d;
  const twice = (r < 0n ? -r : r) * 2n;
  const sign = m < 0n ? -1n : 1n;
  if (twice > d || (twice === d && q % 2n !== 0n)) q += sign;
  return q;
}

/** System.Decimal: mantissa × 10^-scale, |mantissa| < 2^96, scale 0..28 (trailing zeros kept, as .NET). */
export class PSDecimal {
  readonly mantissa: bigint;
  readonly scale: number;
  constructor(mantissa: bigint, scale: number) {
    let m = mantissa;
    let s = scale;
    while (s > 28 || m > MAX_MANTISSA || m < -MAX_MANTISSA) {
      if (s === 0) overflow();
      m = roundDivPow10(m, 1);
      s--;
    }
    this.mantissa = m;
    this.scale = s;
  }
  static readonly MaxValue = new PSDecimal(MAX_MANTISSA, 0);
  static readonly MinValue = new PSDecimal(-MAX_MANTISSA, 0);

  static fromBig(b: bigint): PSDecimal {
    return new PSDecimal(b, 0);
  }

  /** A double as .NET converts it: 15 significant digits, trailing zeros dropped. */
  static fromDouble(x: number): PSDecimal {
    if (!Number.isFinite(x) || Math.abs(x) >= 7.922816251426434e28) overflow();
    if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return new PSDecimal(BigInt(x), 0);
    const d = PSDecimal.parse(x.toPrecision(15))!;
    return d.trimmed();
  }

  /** `1.10`, `-3`, `2.5e3`; undefined when not a number. */
  static parse(text: string): PSDecimal | undefined {
    const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?\s*$/i.exec(text);
    if (!m || (m[2] === '' && !m[3])) return undefined;
    const frac = m[3] ?? '';
    let mant = BigInt((m[2] || '0') + frac);
    let scale = frac.length - (m[4] ? Number(m[4]) : 0);
    if (scale < 0) {
      mant *= pow10(-scale);
      scale = 0;
    }
    return new PSDecimal(m[1] === '-' ? -mant : mant, scale);
  }

  /** The same value without trailing fraction zeros. */
  trimmed(): PSDecimal {
    let m = this.mantissa;
    let s = this.scale;
    while (s > 0 && m % TEN === 0n) {
      m /= TEN;
      s--;
    }
    return s === this.scale ? this : new PSDecimal(m, s);
  }

  private static align(a: PSDecimal, b: PSDecimal): [bigint, bigint, number] {
    const s = Math.max(a.scale, b.scale);
    return [a.mantissa * pow10(s - a.scale), b.mantissa * pow10(s - b.scale), s];
  }

  add(o: PSDecimal): PSDecimal {
    const [x, y, s] = PSDecimal.align(this, o);
    return new PSDecimal(x + y, s);
  }
  sub(o: PSDecimal): PSDecimal {
    const [x, y, s] = PSDecimal.align(this, o);
    return new PSDecimal(x - y, s);
  }
  mul(o: PSDecimal): PSDecimal {
    return new PSDecimal(this.mantissa * o.mantissa, this.scale + o.scale);
  }
  /** The exact quotient at the smallest scale, else 28-29 significant digits rounded half to even. */
  div(o: PSDecimal): PSDecimal {
    const p = this.mantissa * pow10(o.scale);
    const q = o.mantissa * pow10(this.scale);
    for (let t = 0; t <= 28; t++) {
      const n = p * pow10(t);
      if (n % q === 0n) return new PSDecimal(n / q, t);
    }
    for (let t = 28; t >= 0; t--) {
      const n = p * pow10(t);
      let r = n / q;
      const rem = n - r * q;
      const twice = (rem < 0n ? -rem : rem) * 2n;
      const aq = q < 0n ? -q : q;
      const sign = (n < 0n) !== (q < 0n) ? -1n : 1n;
      if (twice > aq || (twice === aq && r % 2n !== 0n)) r += sign;
      if (r <= MAX_MANTISSA && r >= -MAX_MANTISSA) return new PSDecimal(r, t);
    }
    overflow();
  }
  mod(o: PSDecimal): PSDecimal {
    const [x, y, s] = PSDecimal.align(this, o);
    return new PSDecimal(x % y, s);
  }
  compare(o: PSDecimal): number {
    const [x, y] = PSDecimal.align(this, o);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  isZero(): boolean {
    return this.mantissa === 0n;
  }
  negate(): PSDecimal {
    return new PSDecimal(-this.mantissa, this.scale);
  }
  /** Rounded half to even to an integer (casts to integer types). */
  toBigInt(): bigint {
    return roundDivPow10(this.mantissa, this.scale);
  }
  truncated(): bigint {
    return this.mantissa / pow10(this.scale);
  }
  valueOf(): number {
    return Number(this.toString());
  }
  toString(): string {
    const neg = this.mantissa < 0n;
    let digits = (neg ? -this.mantissa : this.mantissa).toString();
    if (this.scale > 0) {
      digits = digits.padStart(this.scale + 1, '0');
      digits = digits.slice(0, digits.length - this.scale) + '.' + digits.slice(digits.length - this.scale);
    }
    return (neg ? '-' : '') + digits;
  }
}

/** Values of a numeric .NET type (Char and Boolean are not among them). */
export type Numeric = number | TypedNumber | PSDecimal;

export function isNumeric(v: unknown): v is Numeric {
  return typeof v === 'number' || v instanceof TypedNumber || v instanceof PSDecimal;
}

// ---------------------------------------------------------------------------------------------
// Kinds and canonical values

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const SAFE = Number.MAX_SAFE_INTEGER;

/** The .NET type of a numeric value. Plain numbers: Int32 when integral and in range, Int64 up to 2^53, else Double. */
export function numberKind(v: Numeric): NumberKind {
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return 'Double';
    if (v >= INT32_MIN && v <= INT32_MAX) return 'Int32';
    return Math.abs(v) <= SAFE ? 'Int64' : 'Double';
  }
  if (v instanceof PSDecimal) return 'Decimal';
  return v.kind;
}

/** An Int64 in its canonical form: a plain number when its magnitude says Int64, else boxed. */
export function int64(b: bigint): Numeric {
  const n = Number(b);
  if ((n < INT32_MIN || n > INT32_MAX) && Math.abs(n) <= SAFE) return n;
  return new TypedNumber('Int64', n, b);
}

export function uint64(b: bigint): TypedNumber {
  return new TypedNumber('UInt64', Number(b), b);
}

/** A Double in its canonical form: boxed only when a plain number would read as an integer type. */
export function double(x: number): Numeric {
  return Number.isInteger(x) && Math.abs(x) <= SAFE ? new TypedNumber('Double', x) : x;
}

/** The exact integer of an integral value (Int64/UInt64 boxes, or a plain integral number). */
export function bigOf(v: Numeric): bigint {
  if (v instanceof TypedNumber && v.big !== undefined) return v.big;
  if (v instanceof PSDecimal) return v.toBigInt();
  return BigInt(Number(v));
}

const RANK: Record<NumberKind, number> = {
  SByte: 5, Byte: 6, Int16: 7, UInt16: 8, Int32: 9, UInt32: 10, Int64: 11, UInt64: 12, Single: 13, Double: 14, Decimal: 15,
};

/** The wider of two values' types (Single and Double are one rank: Double). */
export function widerKind(a: Numeric, b: Numeric): NumberKind {
  const ka = numberKind(a);
  const kb = numberKind(b);
  const k = RANK[ka] >= RANK[kb] ? ka : kb;
  return k === 'Single' && (ka === 'Double' || kb === 'Double') ? 'Double' : k;
}

function isSigned(k: NumberKind): boolean {
  return k === 'SByte' || k === 'Int16' || k === 'Int32' || k === 'Int64';
}

export function toDecimal(v: Numeric): PSDecimal {
  if (v instanceof PSDecimal) return v;
  if (v instanceof TypedNumber && v.big !== undefined) return PSDecimal.fromBig(v.big);
  return PSDecimal.fromDouble(Number(v));
}

// ---------------------------------------------------------------------------------------------
// Text

/** PowerShell's rendering of a double: up to 15 significant digits, `1E+20` style for big ones. */
export function numberToString(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  // 15 significant digits as text: reading them back as a number would overflow near Double.MaxValue.
  const [digits, e] = n.toExponential(14).split('e');
  const exp = Number(e);
  // .NET's "G15": fixed point only when -5 < exponent < 15 (0.0001, but 1E-05).
  if (exp >= 15 || exp <= -5) {
    const mant = digits!.replace(/\.?0+$/, '');
    return `${mant}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(Number(n.toPrecision(15)));
}

/** .NET's "G<precision>" of a finite double: significant digits, trailing zeros dropped, E notation outside -5 < exponent < precision. */
function formatG(n: number, precision: number): string {
  if (n === 0) return '0';
  const [mant, e] = n.toExponential(precision - 1).split('e');
  const exp = Number(e);
  const negative = mant!.startsWith('-');
  const digits = mant!.replace(/^-/, '').replace('.', '').replace(/0+$/, '') || '0';
  const sign = negative ? '-' : '';
  if (exp >= precision || exp < -5) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return sign + whole + (frac ? `.${frac}` : '');
}

/**
 * .NET Framework's round-trip ("R") text of a Double (G15 when it reads back as the same
 * number, else G17) or, with `single`, of a Single (G7, else G9): what 5.1's ConvertTo-Json writes.
 */
export function roundTripText(n: number, single = false): string {
  if (!Number.isFinite(n)) return numberToString(n);
  const [short, long] = single ? [7, 9] : [15, 17];
  const s = formatG(n, short);
  const back = single ? Math.fround(Number(s)) : Number(s);
  return back === n ? s : formatG(n, long);
}

/** Single's ToString on .NET Framework: 7 significant digits. */
function singleToString(n: number): string {
  if (!Number.isFinite(n)) return numberToString(n);
  if (n === 0) return '0';
  const p = Number(n.toPrecision(7));
  const exp = Math.floor(Math.log10(Math.abs(p)));
  if (exp >= 7 || exp <= -5) {
    const [mant, e] = p.toExponential().split('e');
    const ev = Number(e);
    return `${mant}E${ev < 0 ? '-' : '+'}${String(Math.abs(ev)).padStart(2, '0')}`;
  }
  return String(p);
}

/** The ToString() of any numeric value. */
export function numericText(v: Numeric): string {
  if (typeof v === 'number') return numberToString(v);
  if (v instanceof PSDecimal) return v.toString();
  if (v.big !== undefined) return v.big.toString();
  if (v.kind === 'Single') return singleToString(v.value);
  return numberToString(v.value);
}

// ---------------------------------------------------------------------------------------------
// Conversions to a numeric type (casts); undefined when the value is out of the type's range

const INT_RANGES: Partial<Record<NumberKind, [bigint, bigint]>> = {
  SByte: [-128n, 127n],
  Byte: [0n, 255n],
  Int16: [-32768n, 32767n],
  UInt16: [0n, 65535n],
  Int32: [-2147483648n, 2147483647n],
  UInt32: [0n, 4294967295n],
  Int64: [-(2n ** 63n), 2n ** 63n - 1n],
  UInt64: [0n, 2n ** 64n - 1n],
};

/** .NET's Math.Round default: half to even. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  if (Math.abs(x % 1) === 0.5 && r % 2 !== 0) return r - 1;
  return r;
}

/** A numeric value converted to another numeric type (integers round half to even); undefined on overflow. */
export function convertNumeric(v: Numeric, kind: NumberKind): Numeric | undefined {
  if (kind === 'Double') return double(Number(v));
  if (kind === 'Single') return new TypedNumber('Single', Math.fround(Number(v)));
  if (kind === 'Decimal') {
    if (typeof v === 'number' || (v instanceof TypedNumber && v.big === undefined)) {
      const x = Number(v);
      if (!Number.isFinite(x) || Math.abs(x) >= 7.922816251426434e28) return undefined;
    }
    return toDecimal(v);
  }
  const [min, max] = INT_RANGES[kind]!;
  let b: bigint;
  if (v instanceof PSDecimal) b = v.toBigInt();
  else if (v instanceof TypedNumber && v.big !== undefined) b = v.big;
  else {
    const x = Number(v);
    if (!Number.isFinite(x)) return undefined;
    const r = roundHalfEven(x);
    // Quick range check before BigInt (which needs an integer anyway).
    if (r < -1.9e19 || r > 1.9e19) return undefined;
    b = BigInt(r);
  }
  if (b < min || b > max) return undefined;
  return integerOf(kind, b);
}

/** An integer of a kind from its exact value (in range). */
export function integerOf(kind: NumberKind, b: bigint): Numeric {
  if (kind === 'Int32') return Number(b);
  if (kind === 'Int64') return int64(b);
  if (kind === 'UInt64') return uint64(b);
  return new TypedNumber(kind as BoxKind, Number(b));
}

// ---------------------------------------------------------------------------------------------
// Parsing (string → number conversions and literals)

const MULTIPLIERS: Record<string, bigint> = { kb: 1024n, mb: 1024n ** 2n, gb: 1024n ** 3n, tb: 1024n ** 4n, pb: 1024n ** 5n };

/** An integer literal's value by size: Int32, else Int64, else Decimal, else Double. */
function sizedInteger(b: bigint): Numeric {
  if (b >= -2147483648n && b <= 2147483647n) return Number(b);
  if (b >= -(2n ** 63n) && b < 2n ** 63n) return int64(b);
  if (b <= MAX_MANTISSA && b >= -MAX_MANTISSA) return new PSDecimal(b, 0);
  return double(Number(b));
}

/**
 * A number as PowerShell reads one, in a literal or a string converted to a number: optional
 * sign, hex `0x1F` (Int32 up to 8 digits, wrapping as .NET: `0xFFFFFFFF` is -1), decimals and
 * exponents (Double), the `l`/`d` suffixes and `kb`..`pb` multipliers. Undefined when not a number.
 */
export function parseNumeric(text: string): Numeric | undefined {
  const s = text.trim();
  let m = /^([+-]?)0x([0-9a-f]+)(l)?(kb|mb|gb|tb|pb)?$/i.exec(s);
  if (m) {
    if (m[2]!.length > 16) return undefined;
    let b = BigInt('0x' + m[2]);
    const long = !!m[3] || m[2]!.replace(/^0+/, '').length > 8;
    if (!long) {
      if (b > 0x7fffffffn) b -= 0x100000000n;
    } else if (b > 0x7fffffffffffffffn) b -= 0x10000000000000000n;
    if (m[4]) b *= MULTIPLIERS[m[4].toLowerCase()]!;
    if (m[1] === '-') b = -b;
    if (long) return b >= -(2n ** 63n) && b < 2n ** 63n ? int64(b) : double(Number(b));
    return sizedInteger(b);
  }
  m = /^([+-]?)(\d+\.?\d*|\.\d+)(e[+-]?\d+)?(d|l)?(kb|mb|gb|tb|pb)?$/i.exec(s);
  if (!m) return undefined;
  const [, sign, digits, exp, suffix, mult] = m;
  const k = mult ? MULTIPLIERS[mult.toLowerCase()]! : 1n;
  const real = digits!.includes('.') || !!exp;
  const suf = suffix?.toLowerCase();
  if (suf === 'd') {
    const d = PSDecimal.parse(sign! + digits! + (exp ?? ''));
    if (!d) return undefined;
    return k === 1n ? d : d.mul(PSDecimal.fromBig(k));
  }
  if (real) {
    const x = Number(sign! + digits! + (exp ?? '')) * Number(k);
    if (!Number.isFinite(x)) return undefined;
    if (suf === 'l') {
      const r = roundHalfEven(x);
      return Math.abs(r) < 2 ** 63 ? int64(BigInt(r)) : undefined;
    }
    return double(x);
  }
  let b = BigInt(digits!) * k;
  if (sign === '-') b = -b;
  if (suf === 'l') return b >= -(2n ** 63n) && b < 2n ** 63n ? int64(b) : undefined;
  return sizedInteger(b);
}

// ---------------------------------------------------------------------------------------------
// Arithmetic (PowerShell's binder over NumericOps)

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';

function intResult(r: bigint, kind: 'Int32' | 'UInt32' | 'Int64' | 'UInt64'): Numeric {
  const [min, max] = INT_RANGES[kind]!;
  if (r < min || r > max) return double(Number(r));
  return integerOf(kind, r);
}

/** Integer op on exact values; `/` is an integer only when exact, else a Double. */
function integerOp(op: ArithmeticOp, a: bigint, b: bigint, kind: 'Int32' | 'UInt32' | 'Int64' | 'UInt64'): Numeric {
  switch (op) {
    case '+':
      return intResult(a + b, kind);
    case '-':
      return intResult(a - b, kind);
    case '*':
      return intResult(a * b, kind);
    case '/':
      if (a % b === 0n) return intResult(a / b, kind);
      return double(Number(a) / Number(b));
    case '%':
      return intResult(a % b, kind);
  }
}

/**
 * `a op b` for two numeric values (the caller has converted strings, booleans and $null, and
 * raised division by zero for integers and decimals).
 */
export function arithmetic(op: ArithmeticOp, a: Numeric, b: Numeric): Numeric {
  // The frequent case first: a Double with anything but a Decimal is Double arithmetic.
  if ((isFloating(a) && !(b instanceof PSDecimal)) || (isFloating(b) && !(a instanceof PSDecimal))) {
    const x = Number(a);
    const y = Number(b);
    return double(op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '/' ? x / y : x % y);
  }
  const ka = numberKind(a);
  const kb = numberKind(b);
  const rank = Math.max(RANK[ka], RANK[kb]);
  if (rank >= RANK.Decimal) {
    const x = toDecimal(a);
    const y = toDecimal(b);
    switch (op) {
      case '+':
        return x.add(y);
      case '-':
        return x.sub(y);
      case '*':
        return x.mul(y);
      case '/':
        return x.div(y);
      case '%':
        return x.mod(y);
    }
  }
  if (rank >= RANK.Single) {
    const x = Number(a);
    const y = Number(b);
    return double(op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '/' ? x / y : x % y);
  }
  if (rank <= RANK.Int32) {
    const x = Number(a);
    const y = Number(b);
    let r: number;
    switch (op) {
      case '+':
        r = x + y;
        break;
      case '-':
        r = x - y;
        break;
      case '*':
        r = x * y;
        if (!Number.isSafeInteger(r)) return double(r);
        break;
      case '/':
        r = x / y;
        return Number.isInteger(r) && r <= INT32_MAX ? r : double(r);
      case '%':
        return x % y === 0 ? 0 : x % y;
    }
    return r >= INT32_MIN && r <= INT32_MAX ? r : double(r);
  }
  const x = bigOf(a);
  const y = bigOf(b);
  // A signed negative operand with an unsigned type computes in the next wider signed type.
  const negSigned = (isSigned(ka) && x < 0n) || (isSigned(kb) && y < 0n);
  if (rank === RANK.UInt32) return integerOp(op, x, y, negSigned ? 'Int64' : 'UInt32');
  if (rank === RANK.Int64) return integerOp(op, x, y, 'Int64');
  if (negSigned) return arithmetic(op, toDecimal(a), toDecimal(b));
  return integerOp(op, x, y, 'UInt64');
}

/** Double or Single (a plain number that is not an integer, or a boxed Double/Single). */
function isFloating(v: Numeric): boolean {
  if (typeof v === 'number') return !Number.isInteger(v);
  return v instanceof TypedNumber && (v.kind === 'Double' || v.kind === 'Single');
}

/** Whether a numeric value is zero (for the division-by-zero check). */
export function isZero(v: Numeric): boolean {
  return v instanceof PSDecimal ? v.isZero() : Number(v) === 0;
}

/** Whether division by this zero raises (integers and decimals) rather than giving Infinity (doubles). */
export function divisionRaises(a: Numeric, b: Numeric): boolean {
  const r = Math.max(RANK[numberKind(a)], RANK[numberKind(b)]);
  return r < RANK.Single || r === RANK.Decimal;
}

/** Unary minus. */
export function negate(v: Numeric): Numeric {
  if (typeof v === 'number') {
    if (v === INT32_MIN) return double(-v);
    // A plain Int64 stays an Int64 even when its negation fits an Int32 (-2147483648L).
    if (Number.isInteger(v) && (v < INT32_MIN || v > INT32_MAX) && Math.abs(v) <= SAFE) return int64(BigInt(-v));
    return -v === 0 ? 0 : -v;
  }
  if (v instanceof PSDecimal) return v.negate();
  return arithmetic('-', 0, v);
}

/** Numeric ordering across kinds (exact for 64-bit integers and decimals). */
export function compareNumeric(a: Numeric, b: Numeric): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : a === b ? 0 : Number.isNaN(a) ? (Number.isNaN(b) ? 0 : -1) : 1;
  if (a instanceof PSDecimal || b instanceof PSDecimal) {
    const x = Number(a);
    const y = Number(b);
    if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) >= 7.9e28 || Math.abs(y) >= 7.9e28) return x < y ? -1 : x > y ? 1 : 0;
    return toDecimal(a).compare(toDecimal(b));
  }
  const ba = a instanceof TypedNumber ? a.big : undefined;
  const bb = b instanceof TypedNumber ? b.big : undefined;
  if ((ba !== undefined || bb !== undefined) && Number.isInteger(Number(a)) && Number.isInteger(Number(b))) {
    const x = ba ?? BigInt(Number(a));
    const y = bb ?? BigInt(Number(b));
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Bitwise operators: Int32 when both fit, else Int64 (as the binder does for the usual cases)

function integralForBits(v: Numeric): bigint {
  if (v instanceof TypedNumber && v.big !== undefined) return v.big;
  if (v instanceof PSDecimal) return v.toBigInt();
  const x = roundHalfEven(Number(v));
  if (!Number.isFinite(x) || Math.abs(x) >= 2 ** 64) raise(`Cannot convert value "${numericText(v)}" to type "System.Int64". Error: "Value was either too large or too small for an Int64."`, 'InvalidCastIConvertible', 'InvalidArgument');
  return BigInt(x);
}

function wide(v: Numeric): boolean {
  const k = numberKind(v);
  return k === 'Int64' || k === 'UInt64' || k === 'UInt32' || k === 'Decimal' || (typeof v !== 'number' || !Number.isInteger(v) ? Math.abs(Number(v)) > INT32_MAX : false);
}

export function bitwise(op: '&' | '|' | '^', a: Numeric, b: Numeric): Numeric {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return op === '&' ? a & b : op === '|' ? a | b : a ^ b;
  const x = integralForBits(a);
  const y = integralForBits(b);
  const r = op === '&' ? x & y : op === '|' ? x | y : x ^ y;
  if (!wide(a) && !wide(b) && r >= -2147483648n && r <= 2147483647n) return Number(r);
  if (numberKind(a) === 'UInt32' && numberKind(b) === 'UInt32') return new TypedNumber('UInt32', Number(BigInt.asUintN(32, r)));
  if (numberKind(a) === 'UInt64' || numberKind(b) === 'UInt64') return r >= 0n ? uint64(BigInt.asUintN(64, r)) : int64(BigInt.asIntN(64, r));
  return int64(BigInt.asIntN(64, r));
}

export function shift(op: '-shl' | '-shr', a: Numeric, n: number): Numeric {
  if (typeof a === 'number' && (a | 0) === a) return op === '-shl' ? a << (n & 31) : a >> (n & 31);
  const x = BigInt.asIntN(64, integralForBits(a));
  const s = BigInt(n & 63);
  return int64(BigInt.asIntN(64, op === '-shl' ? x << s : x >> s));
}

export function bnot(a: Numeric): Numeric {
  if (typeof a === 'number' && (a | 0) === a) return ~a;
  const x = integralForBits(a);
  if (x >= -2147483648n && x <= 2147483647n && !wide(a)) return ~Number(x);
  if (numberKind(a) === 'UInt32') return new TypedNumber('UInt32', Number(BigInt.asUintN(32, ~x)));
  return int64(BigInt.asIntN(64, ~x));
}

// ---------------------------------------------------------------------------------------------
// Literals: the parser keeps the text of every literal that is not an Int32

const LITERALS = new WeakMap<object, Numeric>();

/** The exact value of a number literal node (`5l`, `1.1d`, `2.0`), read once from its text. */
export function literalNumber(node: { value: number; exact?: string }): Numeric {
  if (node.exact === undefined) return node.value;
  let v = LITERALS.get(node);
  if (v === undefined) {
    v = parseNumeric(node.exact) ?? node.value;
    LITERALS.set(node, v);
  }
  return v;
}

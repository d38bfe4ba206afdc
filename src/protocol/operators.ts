// PowerShell operators on values: the left operand decides the conversion, collections on the
// left filter, comparisons are case-insensitive unless the `c` form is used.

import { VersionValue, versionOperand } from './version.js';
import type { BinaryOperator, UnaryOperator } from '../../grammar/ast.js';
import { convertAs, convertTo, convertToEnum, convertToString, enumValue, isOperator, parseDate, resolveTypeName, toNumber, toNumeric, valueText, valueTypeName, type EnumInfo } from './convert.js';
import { PSChar, TypedNumber, arithmetic, bitwise, bnot, compareNumeric, divisionRaises, double, isNumeric, isZero, negate, parseNumeric, shift, type Numeric } from './numbers.js';
import { FormatError, formatDate, formatNumber } from './dotnet-format.js';
import { raise, runtimeError, withInner } from './errors.js';
import { dotnetTypeName } from './generic-types.js';
import { EnumValue, PSHashtable, PSObject, PSTypeValue, isTruthy, toDisplayText, typeNamesOf } from './values.js';
import { compileWildcard } from './wildcard.js';
import { runRegex } from './regex-guard.js';
import { ensureHeadroom } from './memory-guard.js';

/** V8's longest string (2^29 - 24 characters on 64-bit). */
const MAX_STRING_LENGTH = 2 ** 29 - 24;

function typeNameOf(v: unknown): string {
  return typeNamesOf(v)[0] ?? 'System.Object';
}

function opMissing(left: unknown, method: string): never {
  raise(`Method invocation failed because [${typeNameOf(left)}] does not contain a method named '${method}'.`, 'MethodNotFound');
}

const isCollection = (v: unknown): v is unknown[] | Uint8Array => Array.isArray(v) || v instanceof Uint8Array;
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v instanceof Uint8Array ? Array.from(v) : [v]);

// ---------------------------------------------------------------------------------------------
// Regular expressions (.NET syntax → JS), cached

const regexCache = new Map<string, RegExp>();

const UNESCAPES: Record<string, string> = { a: '\x07', b: '\b', t: '\t', r: '\r', v: '\v', f: '\f', n: '\n', e: '\x1b' };

/** Regex.Unescape: `\n`, `\t`, `\x41`, `\u0041`, octal, `\cX`; any other escaped character stands for itself. */
export function regexUnescape(text: string): string {
  return text.replace(/\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|([0-7]{1,3})|c([A-Za-z])|([\s\S]))/g, (_w, x?: string, u?: string, o?: string, c?: string, other?: string) => {
    if (x) return String.fromCharCode(parseInt(x, 16));
    if (u) return String.fromCharCode(parseInt(u, 16));
    if (o) return String.fromCharCode(parseInt(o, 8) & 0xff);
    if (c) return String.fromCharCode(c.toUpperCase().charCodeAt(0) - 64);
    return UNESCAPES[other!] ?? other!;
  });
}

/** Converts .NET regex syntax to JS: inline options, `(?'name')`, `\A`, `\Z`. */
export function dotnetRegex(pattern: string, caseSensitive = false, global = false): RegExp {
  const key = `${caseSensitive ? 'c' : 'i'}${global ? 'g' : ''}:${pattern}`;
  let re = regexCache.get(key);
  if (re) return re;
  let src = pattern;
  let flags = (caseSensitive ? '' : 'i') + (global ? 'g' : '');
  const inline = /^\(\?([imsx]+)\)/.exec(src);
  if (inline) {
    src = src.slice(inline[0].length);
    if (inline[1]!.includes('i') && !flags.includes('i')) flags += 'i';
    if (inline[1]!.includes('m')) flags += 'm';
    if (inline[1]!.includes('s')) flags += 's';
  }
  src = src
    .replace(/\(\?'([A-Za-z_]\w*)'/g, '(?<$1>')
    .replace(/(^|[^\\])\\A/g, '$1^')
    .replace(/(^|[^\\])\\[Zz]/g, '$1$');
  try {
    re = new RegExp(src, flags + 'u');
  } catch {
    try {
      re = new RegExp(src, flags);
    } catch (e) {
      raise(
        `The regular expression pattern ${pattern} is not valid.`,
        'InvalidRegularExpression',
        'InvalidOperation',
      );
    }
  }
  if (regexCache.size > 500) regexCache.clear();
  regexCache.set(key, re);
  UNNAMED.set(re, unnamedGroups(src));
  return re;
}

/** JS group indexes of the unnamed capturing groups, in order (.NET numbers these first). */
const UNNAMED = new WeakMap<RegExp, number[]>();

function unnamedGroups(src: string): number[] {
  const out: number[] = [];
  let js = 0;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') {
      if (src[i + 1] !== '?') out.push(++js);
      else if (src[i + 2] === '<' && src[i + 3] !== '=' && src[i + 3] !== '!') js++;
    }
  }
  return out;
}

/** .NET group numbering for a JS match: number → JS index (unnamed first, then named). */
function dotnetGroupIndex(re: RegExp, m: RegExpExecArray, n: number): number | undefined {
  if (n === 0) return 0;
  const unnamed = UNNAMED.get(re) ?? [];
  if (n <= unnamed.length) return unnamed[n - 1];
  const names = Object.keys(m.groups ?? {});
  return n - unnamed.length <= names.length ? -1 : undefined;
}

// ---------------------------------------------------------------------------------------------
// Equality and ordering

// Made on first use: the first ICU collator of a process costs ~5 ms, paid by every start-up
// when made at module load.
let ciCollator: Intl.Collator | undefined;
let csCollator: Intl.Collator | undefined;

function stringEq(a: string, b: string, cs: boolean): boolean {
  if (cs) return a === b;
  return a === b || a.toLowerCase() === b.toLowerCase();
}

/** `-eq` on scalars: the right operand is converted to the left operand's type. */
export function valuesEqual(a: unknown, b: unknown, caseSensitive = false): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  // PowerShell compares base objects: a string Add-Member wrapped is still that string.
  if (a instanceof PSObject && a.baseObject !== undefined) a = a.baseObject;
  if (b instanceof PSObject && b.baseObject !== undefined) b = b.baseObject;
  if (a === null) return b === null;
  if (b === null) return false;
  if (a instanceof EnumValue) return enumOperand(a, b)?.value === a.value;
  if (a instanceof VersionValue) {
    const y = versionOperand(b);
    return y !== undefined && a.compare(y) === 0;
  }
  if (typeof a === 'string') return stringEq(a, b instanceof Date ? convertToString(b) : toDisplayText(b), caseSensitive);
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (isNumeric(a)) {
    if (isNumeric(b)) return compareNumeric(a, b) === 0;
    if (typeof b === 'boolean') return compareNumeric(a, b ? 1 : 0) === 0;
    if (b instanceof PSChar) return compareNumeric(a, b.code) === 0;
    if (typeof b === 'string') {
      if (b.trim() === '') return compareNumeric(a, 0) === 0;
      const n = parseNumeric(b);
      return n !== undefined && compareNumeric(a, n) === 0;
    }
    return false;
  }
  if (a instanceof PSChar) {
    if (isNumeric(b)) return compareNumeric(a.code, b) === 0;
    return stringEq(a.toString(), toDisplayText(b), caseSensitive);
  }
  if (typeof a === 'boolean') return a === isTruthy(b);
  if (a instanceof Date) {
    const d = b instanceof Date ? b : typeof b === 'string' ? parseDate(b) : undefined;
    return !!d && d.getTime() === a.getTime();
  }
  // Types are equal by .NET's full name (a type literal `[List[string]]` and GetType() spell generics differently).
  if (a instanceof PSTypeValue) return b instanceof PSTypeValue ? a.fullName === b.fullName || dotnetTypeName(a.fullName) === dotnetTypeName(b.fullName) : typeof b === 'string' && stringEq(a.fullName, resolveTypeName(b) ?? b, false);
  if (a instanceof PSObject && typeof b === 'string' && a.method('ToString')) return stringEq(a.toString(), b, caseSensitive);
  return a === b;
}

/**
 * Ordering for Sort-Object and `-lt`/`-gt`: $null first, numbers numerically, strings with the
 * culture-aware comparison (case-insensitive unless asked), dates by time.
 */
export function compareValues(a: unknown, b: unknown, caseSensitive = false): number {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a instanceof PSObject && a.baseObject !== undefined) a = a.baseObject;
  if (b instanceof PSObject && b.baseObject !== undefined) b = b.baseObject;
  if (a === null) return b === null ? 0 : -1;
  if (b === null) return 1;
  if (a instanceof EnumValue) {
    const y = enumOperand(a, b);
    if (y) return Math.sign(a.value - y.value);
  }
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof VersionValue) {
    const y = versionOperand(b);
    if (y) return a.compare(y);
  }
  if (isNumeric(a) || typeof a === 'boolean') {
    const x: Numeric = typeof a === 'boolean' ? (a ? 1 : 0) : a;
    let y: Numeric;
    if (isNumeric(b)) y = b;
    else if (typeof b === 'boolean') y = b ? 1 : 0;
    else if (b instanceof PSChar) y = b.code;
    else if (typeof b === 'string') {
      const n = b.trim() === '' ? 0 : parseNumeric(b);
      if (n === undefined) return compareStrings(toDisplayText(a), b, caseSensitive);
      y = n;
    } else return compareStrings(toDisplayText(a), toDisplayText(b), caseSensitive);
    return compareNumeric(x, y);
  }
  if (a instanceof PSChar && isNumeric(b)) return compareNumeric(a.code, b);
  if (a instanceof Date) {
    const d = b instanceof Date ? b : typeof b === 'string' ? parseDate(b) : undefined;
    if (d) return Math.sign(a.getTime() - d.getTime());
  }
  return compareStrings(a instanceof Date ? convertToString(a) : toDisplayText(a), b instanceof Date ? convertToString(b) : toDisplayText(b), caseSensitive);
}

/** The right operand as a value of the left enum's type (PowerShell converts it), undefined when it cannot be one. */
function enumOperand(a: EnumValue, b: unknown): EnumValue | undefined {
  try {
    return enumValue(a.typeName, b);
  } catch {
    return undefined;
  }
}

/** The bitwise operators on an enum keep its type (`$c.Services -band 16` is SMTP); others see the number. */
function enumBitwise(op: BinaryOperator, left: EnumValue, right: unknown): EnumValue | undefined {
  const sign = op === '-band' ? '&' : op === '-bor' ? '|' : op === '-bxor' ? '^' : undefined;
  if (!sign) return undefined;
  const r = typeof right === 'number' ? right : enumOperand(left, right)?.value ?? toIntOperand(right);
  return enumValue(left.typeName, bitwise(sign, left.value, r));
}

function compareStrings(a: string, b: string, cs: boolean): number {
  const collator = cs
    ? (csCollator ??= new Intl.Collator('en-US', { sensitivity: 'variant', caseFirst: 'lower' }))
    : (ciCollator ??= new Intl.Collator('en-US', { sensitivity: 'accent' }));
  return Math.sign(collator.compare(a, b));
}

/** `-lt` & co: like compareValues, but a right operand that cannot convert is an error. */
function compareForOperator(a: unknown, b: unknown, cs: boolean): number {
  if (isNumeric(a) && typeof b === 'string') {
    if (b.trim() !== '' && parseNumeric(b) === undefined) {
      raise(
        `Could not compare "${valueText(a)}" to "${b}". Error: "Cannot convert value "${b}" to type "${typeNameOf(a)}". Error: "Input string was not in a correct format.""`,
        'ComparisonFailure',
        'InvalidOperation',
      );
    }
  }
  if (a instanceof Date && b !== null && b !== undefined && !(b instanceof Date)) {
    if (typeof b !== 'string' || !parseDate(b)) {
      raise(`Could not compare "${valueText(a)}" to "${valueText(b)}". Error: "Cannot convert value "${valueText(b)}" to type "System.DateTime". Error: "String was not recognized as a valid DateTime.""`, 'ComparisonFailure');
    }
  }
  return compareValues(a, b, cs);
}

// ---------------------------------------------------------------------------------------------
// Binary operators

type Scalar = (l: unknown, r: unknown) => boolean;

function filterOrTest(left: unknown, right: unknown, test: Scalar): unknown {
  if (isCollection(left)) return asList(left).filter((x) => test(x, right));
  return test(left, right);
}

function add(left: unknown, right: unknown): unknown {
  if (left === null || left === undefined) {
    if (Array.isArray(right)) return [...right];
    return right ?? null;
  }
  if (typeof left === 'number' && typeof right === 'number') {
    const r = left + right;
    // Int32 + Int32 stays Int32 unless it overflows (then Double, as PowerShell widens).
    if ((left | 0) === left && (right | 0) === right) return (r | 0) === r ? r : double(r);
    return Number.isInteger(r) ? arithmetic('+', left, right) : r;
  }
  if (left instanceof TypedNumber && (typeof right === 'number' || right instanceof TypedNumber)) return arithmetic('+', left, right);
  if (isNumeric(left) || typeof left === 'boolean' || left instanceof PSChar) {
    if (isCollection(right)) opMissing(left, 'op_Addition');
    return arithmetic('+', toNumeric(left), numericRight(left, right, 'op_Addition'));
  }
  if (typeof left === 'string') return left + (right instanceof Date ? convertToString(right) : toDisplayText(right));
  if (isCollection(left)) {
    const out = asList(left).slice();
    if (isCollection(right)) out.push(...asList(right));
    else out.push(right);
    return out;
  }
  if (left instanceof PSHashtable) {
    if (!(right instanceof PSHashtable)) raise('A hash table can only be added to another hash table.', 'AddHashTableToNonHashTable');
    const out = new PSHashtable();
    out.ordered = left.ordered;
    for (const [k, v] of left.entries()) out.set(k, v);
    for (const [k, v] of right.entries()) {
      if (out.has(k)) {
        const existing = left.keys().find((x) => valuesEqual(x, k));
        raise(
          `Item has already been added. Key in dictionary: '${toDisplayText(existing)}'  Key being added: '${toDisplayText(k)}'`,
          'System.ArgumentException',
          'OperationStopped',
          'ArgumentException',
        );
      }
      out.set(k, v);
    }
    return out;
  }
  if (left instanceof Date) {
    if (right instanceof PSObject && right.typeNames.includes('System.TimeSpan')) return new Date(left.getTime() + Number(right.get('TotalMilliseconds')));
    opMissing(left, 'op_Addition');
  }
  opMissing(left, 'op_Addition');
}

function numericLeft(left: unknown, method: string): Numeric {
  if (left === null || left === undefined) return 0;
  if (isNumeric(left) || typeof left === 'boolean' || typeof left === 'string' || left instanceof PSChar) return toNumeric(left);
  opMissing(left, method);
}

function numericRight(left: unknown, right: unknown, method: string): Numeric {
  if (isCollection(right)) opMissing(left, method);
  return toNumeric(right);
}

/** `-`, `*`, `/`, `%` on numbers; plain Int32s and doubles take the short way. */
function numericOp(op: '-' | '*' | '/' | '%', left: unknown, right: unknown, method: string): Numeric {
  if (typeof left === 'number' && typeof right === 'number') {
    const a = left;
    const b = right;
    if ((a | 0) === a && (b | 0) === b) {
      // Int32 op Int32: Int32 unless it overflows (then Double); `/` an Int32 only when exact.
      if (op !== '-' && op !== '*' && b === 0) divideByZero();
      const r = op === '-' ? a - b : op === '*' ? a * b : op === '/' ? a / b : a % b;
      return (r | 0) === r ? r | 0 : double(r);
    }
    if (!Number.isInteger(a) || !Number.isInteger(b)) return double(op === '-' ? a - b : op === '*' ? a * b : op === '/' ? a / b : a % b);
  }
  const a = numericLeft(left, method);
  const b = numericRight(left, right, method);
  if ((op === '/' || op === '%') && isZero(b) && divisionRaises(a, b)) divideByZero();
  return arithmetic(op, a, b);
}

/** `$x++` and `$x += 1` on numbers: the value plus a delta, typed as `+` types it. */
export function addNumber(value: unknown, delta: number): unknown {
  if (typeof value === 'number' && (value | 0) === value) {
    const r = value + delta;
    return (r | 0) === r ? r : double(r);
  }
  return arithmetic('+', toNumeric(value), delta);
}

/** A RuntimeException around .NET's DivideByZeroException (`catch [DivideByZeroException]` takes it). */
function divideByZero(): never {
  const message = 'Attempted to divide by zero.';
  throw withInner(runtimeError(message, 'RuntimeException', 'NotSpecified', 'RuntimeException'), { type: 'DivideByZeroException', message });
}

function multiply(left: unknown, right: unknown): unknown {
  if (typeof left === 'string') {
    const n = toNumber(right);
    // The count is a UInt32: negative, NaN, infinite and too large counts fail its conversion.
    if (!(n >= 0 && n <= 4294967295)) {
      raise(`Cannot convert value "${valueText(n)}" to type "System.UInt32". Error: "Value was either too large or too small for a UInt32."`, 'InvalidCastIConvertible', 'InvalidArgument');
    }
    const length = left.length * Math.round(n);
    // Beyond V8's longest string the repeat throws, which is .NET's OutOfMemoryException; below
    // it, a string that would fill the heap is refused before it is built.
    if (length > 1_000_000 && length < MAX_STRING_LENGTH) ensureHeadroom(length * 2);
    return left.repeat(Math.round(n));
  }
  if (isCollection(left)) {
    const n = Math.round(toNumber(right));
    const list = asList(left);
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) out.push(...list);
    return out;
  }
  return numericOp('*', left, right, 'op_Multiply');
}

function toIntOperand(v: unknown): Numeric {
  return toNumeric(v);
}

const MAX_RANGE = 50_000_000;

function range(left: unknown, right: unknown): number[] {
  const a = convertTo(left, 'System.Int32') as number;
  const b = convertTo(right, 'System.Int32') as number;
  const count = Math.abs(b - a) + 1;
  if (count > MAX_RANGE) {
    raise('The range is too big: emsh supports ranges of up to 50,000,000 elements.', 'RangeTooBig', 'LimitsExceeded');
  }
  if (count > 100_000) ensureHeadroom(count * 8);
  const out = new Array<number>(count);
  const step = a <= b ? 1 : -1;
  for (let i = 0, v = a; i < count; i++, v += step) out[i] = v;
  return out;
}

function matchesTable(re: RegExp, m: RegExpExecArray): PSHashtable {
  const h = new PSHashtable();
  // .NET numbers unnamed groups first; named groups are keyed by name. Failed groups are left out.
  const unnamed = UNNAMED.get(re) ?? [];
  if (m.groups) {
    for (const [k, v] of Object.entries(m.groups).reverse()) if (v !== undefined) h.set(k, v);
  }
  for (let n = unnamed.length; n >= 1; n--) {
    const v = m[unnamed[n - 1]!];
    if (v !== undefined) h.set(n, v);
  }
  h.set(0, m[0]);
  return h;
}

function matchOp(left: unknown, right: unknown, cs: boolean, negate: boolean, setMatches?: (m: PSHashtable) => void): unknown {
  const re = dotnetRegex(convertToString(right), cs);
  const test = (text: string) => runRegex(re, text.length, () => re.test(text));
  if (isCollection(left)) return asList(left).filter((x) => test(convertToString(x)) !== negate);
  const text = convertToString(left);
  const m = runRegex(re, text.length, () => re.exec(text));
  if (m && setMatches) setMatches(matchesTable(re, m));
  return !!m !== negate;
}

/** .NET replacement syntax ($1, ${name}, $0, $$) to JS. */
function dotnetReplacement(rep: string): string {
  return rep.replace(/\$(\$|\{(\w+)\}|(\d+)|&|_|`|')/g, (all, _t, braced: string | undefined, num: string | undefined) => {
    if (all === '$$') return '$$';
    if (all === '$&') return '$&';
    const name = braced ?? num;
    if (name !== undefined) {
      if (/^\d+$/.test(name)) return name === '0' ? '$&' : `$${name}`;
      return `$<${name}>`;
    }
    if (all === '$_') return '$&'; // whole input in .NET; close enough for emsh
    return all;
  });
}

function substitute(rep: string, re: RegExp, m: RegExpExecArray): string {
  return rep.replace(/\$(\$|\{(\w+)\}|(\d+)|&)/g, (all, _t, braced: string | undefined, num: string | undefined) => {
    if (all === '$$') return '$';
    if (all === '$&') return m[0];
    const name = braced ?? num!;
    if (/^\d+$/.test(name)) {
      const i = dotnetGroupIndex(re, m, Number(name));
      if (i === undefined) return all;
      if (i === -1) {
        const names = Object.keys(m.groups ?? {});
        return m.groups?.[names[Number(name) - (UNNAMED.get(re)?.length ?? 0) - 1]!] ?? '';
      }
      return m[i] ?? '';
    }
    return m.groups && name in m.groups ? (m.groups[name] ?? '') : all;
  });
}

function replaceOp(left: unknown, right: unknown, cs: boolean): unknown {
  const parts = asList(right);
  if (parts.length > 2) raise(`The -replace operator allows only two elements to follow it, not ${parts.length}.`, 'BadReplaceArgument', 'InvalidOperation');
  const re = dotnetRegex(convertToString(parts[0]), cs, true);
  const repText = parts.length > 1 ? convertToString(parts[1]) : '';
  const hasNamed = /\(\?<[A-Za-z_]/.test(re.source);
  const rep = dotnetReplacement(repText);
  // With named groups, .NET's numbering differs from JS: substitute by hand.
  const replaceIn = hasNamed
    ? (text: string) =>
        text.replace(re, (...a: unknown[]) => {
          const groups = (typeof a[a.length - 1] === 'object' ? a[a.length - 1] : {}) as Record<string, string | undefined>;
          const m = Object.assign(a.slice(0, a.length - 3) as string[], { groups }) as unknown as RegExpExecArray;
          return substitute(repText, re, m);
        })
    : (text: string) => text.replace(re, rep);
  const one = (x: unknown) => {
    const text = convertToString(x);
    return runRegex(re, text.length, () => replaceIn(text));
  };
  return isCollection(left) ? asList(left).map(one) : one(left);
}

/** System.Management.Automation.SplitOptions, in flag order (SimpleMatch = 1 ... ExplicitCapture = 128). */
const SPLIT_OPTIONS: EnumInfo = {
  typeName: 'System.Management.Automation.SplitOptions',
  values: ['SimpleMatch', 'RegexMatch', 'CultureInvariant', 'IgnorePatternWhitespace', 'Multiline', 'Singleline', 'IgnoreCase', 'ExplicitCapture'],
  flags: true,
};

/** The options argument of -split as a set of lower-case names ('' and $null: none). */
function splitOptions(v: unknown): Set<string> {
  if (v === null || v === undefined || v === '') return new Set();
  if (typeof v === 'number' && Number.isInteger(v)) {
    return new Set(SPLIT_OPTIONS.values.filter((_, i) => (v & (1 << i)) !== 0).map((x) => x.toLowerCase()));
  }
  return new Set(convertToEnum(v, SPLIT_OPTIONS).split(', ').map((x) => x.toLowerCase()));
}

/** `-split` with a script block delimiter: the right operand's parts (the evaluator runs the block). */
export function splitPredicateArguments(right: unknown): { block: unknown; max: number } | undefined {
  const parts = asList(right);
  const first = parts[0];
  if (first === null || first === undefined || typeof first !== 'object' || !('ast' in first) || !('text' in first)) return undefined;
  if (parts.length > 2 && splitOptions(parts[2]).size > 0) {
    raise('Options are not allowed on the -split operator with a predicate.', 'InvalidSplitOptionWithPredicate', 'ParserError', 'ParseException');
  }
  return { block: first, max: parts.length > 1 ? Math.round(toNumber(parts[1])) : 0 };
}

/**
 * `-split` with a script block (SplitWithPredicate): each character for which `isDelimiter` is
 * true ends a piece and is dropped; after max - 1 pieces the rest is the last piece.
 */
export async function splitByPredicate(left: unknown, max: number, isDelimiter: (ch: string, text: string, index: number) => Promise<boolean>): Promise<string[]> {
  const out: string[] = [];
  for (const item of asList(left)) {
    const text = convertToString(item);
    if (max === 1) {
      out.push(text);
      continue;
    }
    const pieces: string[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      if (!(await isDelimiter(text[i]!, text, i))) continue;
      pieces.push(text.slice(start, i));
      start = i + 1;
      if (max > 0 && pieces.length + 1 === max) break;
    }
    pieces.push(text.slice(start));
    out.push(...pieces);
  }
  return out;
}

function splitOp(left: unknown, right: unknown, cs: boolean): string[] {
  const parts = asList(right);
  const pattern = convertToString(parts[0]);
  const max = parts.length > 1 ? Math.round(toNumber(parts[1])) : 0;
  const opts = parts.length > 2 ? splitOptions(parts[2]) : new Set<string>();
  const simple = opts.has('simplematch');
  if (simple && [...opts].some((o) => o !== 'simplematch' && o !== 'ignorecase')) {
    raise('The combination of options with the -split operator is not valid.', 'InvalidSplitOptionCombination', 'ParserError', 'ParseException');
  }
  const ignoreCase = opts.has('ignorecase');
  let source = simple ? escapeAll(pattern) : pattern;
  if (opts.has('ignorepatternwhitespace')) source = withoutPatternWhitespace(source);
  if (opts.has('explicitcapture')) source = source.replace(/(^|[^\\])\((?!\?)/g, '$1(?:');
  let re = simple ? new RegExp(source, (cs && !ignoreCase ? '' : 'i') + 'g') : dotnetRegex(source, cs && !ignoreCase, true);
  const extra = (opts.has('multiline') && !re.flags.includes('m') ? 'm' : '') + (opts.has('singleline') && !re.flags.includes('s') ? 's' : '');
  if (extra) re = new RegExp(re.source, re.flags + extra);
  const out: string[] = [];
  for (const item of asList(left)) {
    const text = convertToString(item);
    out.push(...runRegex(re, text.length, () => splitOne(text, re, max)));
  }
  return out;
}

/** RegexOptions.IgnorePatternWhitespace: unescaped white space and `#` comments outside classes go. */
function withoutPatternWhitespace(p: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\') {
      out += c + (p[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === '#') {
      while (i < p.length && p[i] !== '\n') i++;
    } else if (!/\s/.test(c)) out += c;
  }
  return out;
}

function escapeAll(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function splitOne(s: string, re: RegExp, max: number): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    if (max > 0 && out.length >= max - 1) break;
    if (m[0] === '') {
      // .NET's Regex.Split on an empty match splits between characters.
      if (m.index >= s.length) break;
      if (m.index === 0) {
        re.lastIndex++;
        continue;
      }
    }
    out.push(s.slice(last, m.index));
    for (let g = 1; g < m.length; g++) if (m[g] !== undefined) out.push(m[g]!);
    last = m.index + m[0].length;
    if (m[0] === '') re.lastIndex++;
  }
  out.push(s.slice(last));
  return out;
}

/**
 * The type on the right of -is / -as. A value that is not a type converts to one; when it does not,
 * the cast failure surfaces as a plain RuntimeException (what 5.1's ConvertTo<Type> rethrows).
 */
function typeArg(right: unknown): string {
  if (right instanceof PSTypeValue) return right.fullName;
  const name = convertToString(right);
  const full = resolveTypeName(name);
  if (!full) {
    const message = `Cannot convert the "${valueText(right)}" value of type "${valueTypeName(right)}" to type "System.Type".`;
    throw withInner(runtimeError(message, 'RuntimeException', 'NotSpecified'), { type: 'PSInvalidCastException', message });
  }
  return full;
}

function containsOp(collection: unknown, value: unknown, cs: boolean): boolean {
  for (const x of asList(collection)) if (valuesEqual(x, value, cs)) return true;
  return false;
}

/** Applies a binary operator. `-and`/`-or` are evaluated eagerly here; the engine short-circuits. */
export function binaryOperation(op: BinaryOperator, left: unknown, right: unknown, setMatches?: (m: PSHashtable) => void): unknown {
  if (left === undefined) left = null;
  if (right === undefined) right = null;
  if (left instanceof EnumValue) {
    const r = enumBitwise(op, left, right);
    if (r) return r;
  }
  switch (op) {
    case '+':
      return add(left, right);
    case '-':
      if (left instanceof Date && right instanceof Date) return timeSpan(left.getTime() - right.getTime());
      return numericOp('-', left, right, 'op_Subtraction');
    case '*':
      return multiply(left, right);
    case '/':
      return numericOp('/', left, right, 'op_Division');
    case '%':
      return numericOp('%', left, right, 'op_Modulus');
    case '..':
      return range(left, right);
    case '-f':
      return formatString(convertToString(left), isCollection(right) ? asList(right) : [right]);
    case '-and':
      return isTruthy(left) && isTruthy(right);
    case '-or':
      return isTruthy(left) || isTruthy(right);
    case '-xor':
      return isTruthy(left) !== isTruthy(right);
    case '-band':
      return bitwise('&', toIntOperand(left), toIntOperand(right));
    case '-bor':
      return bitwise('|', toIntOperand(left), toIntOperand(right));
    case '-bxor':
      return bitwise('^', toIntOperand(left), toIntOperand(right));
    case '-shl':
    case '-shr':
      return shift(op, toIntOperand(left), Number(toIntOperand(right)));
    case '-eq':
    case '-ceq':
      return filterOrTest(left, right, (l, r) => valuesEqual(l, r, op === '-ceq'));
    case '-ne':
    case '-cne':
      return filterOrTest(left, right, (l, r) => !valuesEqual(l, r, op === '-cne'));
    case '-gt':
    case '-cgt':
      return filterOrTest(left, right, (l, r) => compareForOperator(l, r, op === '-cgt') > 0);
    case '-ge':
    case '-cge':
      return filterOrTest(left, right, (l, r) => compareForOperator(l, r, op === '-cge') >= 0);
    case '-lt':
    case '-clt':
      return filterOrTest(left, right, (l, r) => compareForOperator(l, r, op === '-clt') < 0);
    case '-le':
    case '-cle':
      return filterOrTest(left, right, (l, r) => compareForOperator(l, r, op === '-cle') <= 0);
    case '-like':
    case '-clike':
    case '-notlike':
    case '-cnotlike': {
      const re = compileWildcard(convertToString(right), { caseSensitive: op === '-clike' || op === '-cnotlike' });
      const neg = op === '-notlike' || op === '-cnotlike';
      return filterOrTest(left, right, (l) => re.test(convertToString(l)) !== neg);
    }
    case '-match':
    case '-cmatch':
    case '-notmatch':
    case '-cnotmatch':
      return matchOp(left, right, op === '-cmatch' || op === '-cnotmatch', op === '-notmatch' || op === '-cnotmatch', setMatches);
    case '-contains':
    case '-ccontains':
      return containsOp(left, right, op === '-ccontains');
    case '-notcontains':
    case '-cnotcontains':
      return !containsOp(left, right, op === '-cnotcontains');
    case '-in':
    case '-cin':
      return containsOp(right, left, op === '-cin');
    case '-notin':
    case '-cnotin':
      return !containsOp(right, left, op === '-cnotin');
    case '-replace':
    case '-creplace':
      return replaceOp(left, right, op === '-creplace');
    case '-split':
    case '-csplit':
      return splitOp(left, right, op === '-csplit');
    case '-join':
      return asList(left).map(joinText).join(convertToString(right));
    case '-is':
      return isOperator(left, typeArg(right));
    case '-isnot':
      return !isOperator(left, typeArg(right));
    case '-as':
      return convertAs(left, typeArg(right));
  }
}

function joinText(v: unknown): string {
  return v instanceof Date ? convertToString(v) : toDisplayText(v);
}

/** Applies a unary operator. */
export function unaryOperation(op: UnaryOperator, operand: unknown): unknown {
  if (operand === undefined) operand = null;
  switch (op) {
    case '-not':
    case '!':
      return !isTruthy(operand);
    case '-bnot':
      return bnot(toIntOperand(operand));
    case '-':
      if (isCollection(operand)) opMissing(operand, 'op_UnaryNegation');
      return negate(toNumeric(operand));
    case '+':
      if (isCollection(operand)) return operand;
      return typeof operand === 'string' || operand instanceof PSChar ? toNumeric(operand) : operand === null ? 0 : operand;
    case ',':
      return [operand];
    case '-split': {
      const out: string[] = [];
      for (const x of asList(operand)) {
        const t = convertToString(x).trim();
        out.push(...(t === '' ? [''] : t.split(/\s+/)));
      }
      return out;
    }
    case '-join':
      return asList(operand).map(joinText).join('');
  }
}

// ---------------------------------------------------------------------------------------------
// TimeSpan (Date - Date): a PSObject with the usual properties

export function timeSpan(ms: number): PSObject {
  const o = new PSObject(['System.TimeSpan', 'System.ValueType', 'System.Object']);
  const abs = Math.abs(ms);
  const sign = ms < 0 ? -1 : 1;
  const days = Math.floor(abs / 86400000);
  const hours = Math.floor((abs % 86400000) / 3600000);
  const minutes = Math.floor((abs % 3600000) / 60000);
  const seconds = Math.floor((abs % 60000) / 1000);
  const millis = Math.floor(abs % 1000);
  const ro = (name: string, v: number) => o.addProperty({ name, memberType: 'Property', typeName: Number.isInteger(v) ? 'System.Int32' : 'System.Double', get: () => v });
  ro('Ticks', ms * 10000);
  ro('Days', sign * days);
  ro('Hours', sign * hours);
  ro('Milliseconds', sign * millis);
  ro('Minutes', sign * minutes);
  ro('Seconds', sign * seconds);
  ro('TotalDays', ms / 86400000);
  ro('TotalHours', ms / 3600000);
  ro('TotalMilliseconds', ms);
  ro('TotalMinutes', ms / 60000);
  ro('TotalSeconds', ms / 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  const text = `${ms < 0 ? '-' : ''}${days ? days + '.' : ''}${p(hours)}:${p(minutes)}:${p(seconds)}${millis ? '.' + String(millis).padStart(3, '0') + '0000' : ''}`;
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => text });
  return o;
}

// ---------------------------------------------------------------------------------------------
// -f: .NET composite formatting

function formatError(): never {
  raise(
    'Error formatting a string: Index (zero based) must be greater than or equal to zero and less than the size of the argument list..',
    'FormatError',
    'InvalidOperation',
  );
}

/** One argument with a format string: numbers and dates honour it, others use their text. */
export function formatValue(v: unknown, fmt: string): string {
  if (fmt && (isNumeric(v) || v instanceof PSChar)) {
    try {
      if (v instanceof TypedNumber && v.big !== undefined && /^[DdXxNnFf]\d*$/.test(fmt)) return formatBigInteger(v.big, fmt);
      return formatNumber(Number(v), fmt);
    } catch (e) {
      if (e instanceof FormatError) raise(`Error formatting a string: ${e.message}.`, 'FormatError');
      throw e;
    }
  }
  if (v instanceof Date) {
    try {
      return formatDate(v, fmt);
    } catch (e) {
      if (e instanceof FormatError) raise(`Error formatting a string: ${e.message}.`, 'FormatError');
      throw e;
    }
  }
  if (v instanceof PSObject && fmt) {
    const m = v.method('ToString');
    if (m) return String(m.invoke([fmt]));
  }
  return toDisplayText(v);
}

/** `D`, `X`, `N` and `F` on 64-bit integers, exact. */
function formatBigInteger(b: bigint, fmt: string): string {
  const width = Number(fmt.slice(1) || 0);
  if (fmt[0] === 'D' || fmt[0] === 'd') return (b < 0n ? '-' : '') + (b < 0n ? -b : b).toString().padStart(width, '0');
  if (/[NnFf]/.test(fmt[0]!)) {
    // N and F: the exact digits, grouped for N, with zero fraction digits (2 by default).
    const digits = (b < 0n ? -b : b).toString();
    const places = fmt.length > 1 ? width : 2;
    const int = fmt[0] === 'N' || fmt[0] === 'n' ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : digits;
    return (b < 0n ? '-' : '') + int + (places > 0 ? '.' + '0'.repeat(places) : '');
  }
  const h = BigInt.asUintN(64, b).toString(16).padStart(width, '0');
  return fmt[0] === 'X' ? h.toUpperCase() : h;
}

/** `"{0,-10}|{1:N2}" -f 'a', 3.14159`. `{{` and `}}` are literal braces. */
export function formatString(format: string, args: unknown[]): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === '{') {
      if (format[i + 1] === '{') {
        out += '{';
        i++;
        continue;
      }
      const end = format.indexOf('}', i);
      if (end < 0) raise('Error formatting a string: Input string was not in a correct format..', 'FormatError');
      const spec = format.slice(i + 1, end);
      const m = /^\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::(.*))?$/s.exec(spec);
      if (!m) raise('Error formatting a string: Input string was not in a correct format..', 'FormatError');
      const index = Number(m[1]);
      if (index >= args.length) formatError();
      let text = formatValue(args[index], m[3] ?? '');
      if (m[2]) {
        const w = Number(m[2]);
        text = w < 0 ? text.padEnd(-w) : text.padStart(w);
      }
      out += text;
      i = end;
    } else if (c === '}') {
      if (format[i + 1] === '}') i++;
      else raise('Error formatting a string: Input string was not in a correct format..', 'FormatError');
      out += '}';
    } else out += c;
  }
  return out;
}

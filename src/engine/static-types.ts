// Static members of the .NET types scripts reach for: [System.IO.File]::ReadAllBytes(),
// [System.Text.Encoding]::Unicode.GetBytes(), [Math]::Round(), [DateTime]::Now, [Convert]...
// Files go through the lab drive; the clock is the lab clock.

import { parseVersion, versionErrorType, versionParseError } from '../protocol/version.js';
import { TEMP_FOLDER, newTempFile, tempFolder } from '../protocol/temp-files.js';
import { randomUUID } from 'node:crypto';
import type { LabFileSystem, ResolvedPath, ServiceRegistry } from '../protocol/cmdlet.js';
import { constructObject, createScriptBlock, noConstructor } from './dotnet-objects.js';
import { PSPARSER_TYPE, psParserMethod } from './ps-parser.js';
import { LANGUAGE_PARSER_TYPE, parseToAst, unreadableScript } from './language-ast.js';
import { STOPWATCH_TYPE, stopwatchField, stopwatchStatic } from './stopwatch.js';
import {
  NUMERIC_LIMITS,
  NUMERIC_TYPES,
  convertTo,
  convertToString,
  enumInfo,
  enumValue,
  parseDate,
  registerTypeName,
  resolveTypeName,
  roundHalfEven,
  toNumber,
  toNumeric,
  typeNotFound,
} from '../protocol/convert.js';
import { PSDecimal, compareNumeric, int64, convertNumeric, double, negate, numberKind, parseNumeric, widerKind, type Numeric } from '../protocol/numbers.js';
import { TerminatingError, runtimeError, withInner } from '../protocol/errors.js';
import { methodException, methodNotFoundError, overloadError } from '../protocol/members.js';
import { compareValues, dotnetRegex, formatString, regexUnescape, timeSpan } from '../protocol/operators.js';
import { runRegex } from '../protocol/regex-guard.js';
import { CODECS as TEXT_CODECS, decodeText, encodeText, splitLines, type TextEncoding } from '../protocol/text-codec.js';
import { cultureInfo, currentCulture, currentTimeZone, setCurrentCulture } from '../protocol/culture.js';
import { guidObject } from '../protocol/guid.js';
import { LIST_CONTROL, TABLE_CONTROL, listControlBuilder, tableControlBuilder } from '../protocol/format-controls.js';
import { INVALID_IP_ADDRESS, IP_ADDRESS_TYPE, parseIPAddress } from '../protocol/ip-address.js';
import { PSObject, PSReference, PSTypeValue, isTruthy, toDisplayText } from '../protocol/values.js';
import { COMMON_PARAMETERS, SHOULD_PROCESS_PARAMETERS } from '../protocol/parameter-sets.js';
import { INITIAL_SESSION_STATE_TYPE, POWERSHELL_TYPE, RUNSPACE_FACTORY_TYPE, createPowerShell, initialSessionStateMethod, runspaceFactoryMethod, type RunspaceHost } from './powershell-api.js';
import { escapeWildcard, unescapeWildcard } from '../protocol/wildcard.js';
import { deserializeCliXml, serializeCliXml } from '../protocol/clixml.js';
import { XmlException } from '../protocol/xml-dom.js';

export interface StaticEnv {
  fs: LabFileSystem;
  location(): string;
  now(): Date;
  /** The lab's services (X509Certificate2.Verify asks for the machine's trusted roots). */
  services?: ServiceRegistry;
  /** The runspaces `[powershell]` and `[runspacefactory]` make (absent: those types cannot run anything). */
  runspaces?: () => RunspaceHost | undefined;
  /** The session's environment variables ([Environment]::MachineName, GetEnvironmentVariable). */
  environment?: (name: string) => string | null;
  /** Called when a script sets a thread culture: $PSCulture and $PSUICulture follow them. */
  cultureChanged?: () => void;
}

const NO_SERVICES: ServiceRegistry = {
  get: (key) => {
    throw new Error(`Service not available: ${key.name}`);
  },
  tryGet: () => undefined,
};

function methodNotFound(type: string, name: string): never {
  methodNotFoundError(type, name);
}

function overload(name: string, argc: number): never {
  overloadError(name, argc);
}

// ---------------------------------------------------------------------------------------------
// Encodings: PSObjects with GetBytes/GetString; the codec is kept beside the object.

const CODECS = new WeakMap<PSObject, TextEncoding>();
/** Encodings made without a byte order mark (`[Text.UTF8Encoding]::new($false)`). */
const NO_PREAMBLE = new WeakSet<PSObject>();

function encodingObject(typeName: string, encodingName: string, webName: string, codePage: number, encoding: TextEncoding, preamble = true): PSObject {
  const codec = TEXT_CODECS[encoding];
  const o = new PSObject([typeName, 'System.Text.Encoding', 'System.Object']);
  o.addNote('BodyName', webName);
  o.addNote('EncodingName', encodingName);
  o.addNote('HeaderName', webName);
  o.addNote('WebName', webName);
  o.addNote('CodePage', codePage);
  o.addMethod({
    name: 'GetBytes',
    definition: 'byte[] GetBytes(string s)',
    invoke: (args) => {
      if (args.length !== 1) overload('GetBytes', args.length);
      const a = args[0];
      if (a === null || a === undefined) throw methodException('GetBytes', 1, 'Value cannot be null.\r\nParameter name: s', 'ArgumentNullException');
      return codec.encode(Array.isArray(a) ? a.map(convertToString).join('') : convertToString(a));
    },
  });
  o.addMethod({
    name: 'GetString',
    definition: 'string GetString(byte[] bytes)',
    invoke: (args) => {
      if (args.length !== 1 && args.length !== 3) overload('GetString', args.length);
      if (args[0] === null || args[0] === undefined) throw methodException('GetString', args.length, 'Array cannot be null.\r\nParameter name: bytes', 'ArgumentNullException');
      let bytes = convertTo(args[0], 'byte[]') as Uint8Array;
      if (args.length === 3) bytes = bytes.subarray(toNumber(args[1]), toNumber(args[1]) + toNumber(args[2]));
      return codec.decode(bytes);
    },
  });
  o.addMethod({ name: 'GetPreamble', definition: 'byte[] GetPreamble()', invoke: () => (preamble ? codec.preamble.slice() : new Uint8Array(0)) });
  o.addMethod({ name: 'GetByteCount', definition: 'int GetByteCount(string s)', invoke: (args) => codec.encode(convertToString(args[0])).length });
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => typeName });
  CODECS.set(o, encoding);
  if (!preamble) NO_PREAMBLE.add(o);
  return o;
}

const ENCODINGS: Record<string, () => PSObject> = {
  unicode: () => encodingObject('System.Text.UnicodeEncoding', 'Unicode', 'utf-16', 1200, 'utf-16'),
  bigendianunicode: () => encodingObject('System.Text.UnicodeEncoding', 'Unicode (Big-Endian)', 'utf-16BE', 1201, 'utf-16BE'),
  utf8: () => encodingObject('System.Text.UTF8Encoding', 'Unicode (UTF-8)', 'utf-8', 65001, 'utf-8'),
  utf32: () => encodingObject('System.Text.UTF32Encoding', 'Unicode (UTF-32)', 'utf-32', 12000, 'utf-32'),
  ascii: () => encodingObject('System.Text.ASCIIEncoding', 'US-ASCII', 'us-ascii', 20127, 'us-ascii'),
  default: () => encodingObject('System.Text.SBCSCodePageEncoding', 'Western European (Windows)', 'Windows-1252', 1252, 'windows-1252'),
};

/**
 * `new` of the encodings scripts construct: UTF8Encoding(encoderShouldEmitUTF8Identifier = false)
 * and UnicodeEncoding(bigEndian = false, byteOrderMark = true).
 */
function newEncoding(full: string, args: unknown[]): PSObject | undefined {
  if (full === 'System.Text.UTF8Encoding') {
    if (args.length > 2) overload('new', args.length);
    return encodingObject(full, 'Unicode (UTF-8)', 'utf-8', 65001, 'utf-8', args.length > 0 && isTruthy(args[0]));
  }
  if (full === 'System.Text.UnicodeEncoding') {
    if (args.length > 3) overload('new', args.length);
    const bigEndian = args.length > 0 && isTruthy(args[0]);
    const bom = args.length < 2 || isTruthy(args[1]);
    return bigEndian
      ? encodingObject(full, 'Unicode (Big-Endian)', 'utf-16BE', 1201, 'utf-16BE', bom)
      : encodingObject(full, 'Unicode', 'utf-16', 1200, 'utf-16', bom);
  }
  return undefined;
}

function codecOf(v: unknown): TextEncoding | undefined {
  return v instanceof PSObject ? CODECS.get(v) : undefined;
}

// ---------------------------------------------------------------------------------------------
// [System.IO.File] and [System.IO.Path]

function pathArg(method: string, args: unknown[], env: StaticEnv): ResolvedPath {
  const raw = args[0];
  if (raw === null || raw === undefined || convertToString(raw) === '') {
    throw methodException(method, args.length, 'Empty path name is not legal.', 'ArgumentException');
  }
  try {
    return env.fs.resolve(convertToString(raw), env.location());
  } catch (e) {
    if (e instanceof TerminatingError) throw methodException(method, args.length, e.record.message, e.record.exceptionType);
    throw e;
  }
}

function parentExists(p: ResolvedPath, env: StaticEnv): boolean {
  const i = p.display.lastIndexOf('\\');
  if (i <= 2) return true; // drive root
  try {
    const parent = env.fs.resolve(p.display.slice(0, i), env.location());
    const st = env.fs.stat(parent);
    return !!st && st.isDirectory;
  } catch {
    return false;
  }
}

function readExisting(method: string, args: unknown[], env: StaticEnv): Uint8Array {
  const p = pathArg(method, args, env);
  const st = env.fs.stat(p);
  if (!st) {
    if (!parentExists(p, env)) throw methodException(method, args.length, `Could not find a part of the path '${p.display}'.`, 'DirectoryNotFoundException');
    throw methodException(method, args.length, `Could not find file '${p.display}'.`, 'FileNotFoundException');
  }
  if (st.isDirectory) throw methodException(method, args.length, `Access to the path '${p.display}' is denied.`, 'UnauthorizedAccessException');
  return env.fs.readBytes(p);
}

function writeFile(method: string, args: unknown[], env: StaticEnv, data: Uint8Array, append = false): void {
  const p = pathArg(method, args, env);
  if (!parentExists(p, env)) throw methodException(method, args.length, `Could not find a part of the path '${p.display}'.`, 'DirectoryNotFoundException');
  const st = env.fs.stat(p);
  if (st?.isDirectory) throw methodException(method, args.length, `Access to the path '${p.display}' is denied.`, 'UnauthorizedAccessException');
  env.fs.writeBytes(p, data, append);
}

/** File.WriteAllText's bytes: UTF-8 without a BOM unless an encoding is given (then with its preamble). */
function textBytes(text: string, enc: unknown): Uint8Array {
  const codec = codecOf(enc);
  return codec ? encodeText(text, codec, !NO_PREAMBLE.has(enc as PSObject)) : encodeText(text, 'utf-8', false);
}

function linesOf(v: unknown): string[] {
  return (Array.isArray(v) ? v : [v]).map(convertToString);
}

function fileMethod(name: string, args: unknown[], env: StaticEnv): unknown {
  const argc = args.length;
  switch (name.toLowerCase()) {
    case 'readallbytes':
      if (argc !== 1) overload(name, argc);
      return readExisting('ReadAllBytes', args, env);
    case 'readalltext':
      if (argc < 1 || argc > 2) overload(name, argc);
      return decodeText(readExisting('ReadAllText', args, env), codecOf(args[1]));
    case 'readalllines': {
      if (argc < 1 || argc > 2) overload(name, argc);
      return splitLines(decodeText(readExisting('ReadAllLines', args, env), codecOf(args[1])));
    }
    case 'writeallbytes':
      if (argc !== 2) overload(name, argc);
      // .NET checks the path for null or empty, then the bytes: a null array is ArgumentNullException.
      if (args[1] === null || args[1] === undefined) {
        if (args[0] === null || args[0] === undefined || convertToString(args[0]) === '') pathArg('WriteAllBytes', args, env);
        throw methodException('WriteAllBytes', argc, 'Value cannot be null.\r\nParameter name: bytes', 'ArgumentNullException');
      }
      writeFile('WriteAllBytes', args, env, convertTo(args[1], 'byte[]') as Uint8Array);
      return undefined;
    case 'writealltext':
    case 'appendalltext':
      if (argc < 2 || argc > 3) overload(name, argc);
      writeFile(name.toLowerCase() === 'writealltext' ? 'WriteAllText' : 'AppendAllText', args, env, textBytes(convertToString(args[1]), args[2]), name.toLowerCase() === 'appendalltext');
      return undefined;
    case 'writealllines':
    case 'appendalllines':
      if (argc < 2 || argc > 3) overload(name, argc);
      writeFile(name.toLowerCase() === 'writealllines' ? 'WriteAllLines' : 'AppendAllLines', args, env, textBytes(linesOf(args[1]).map((l) => l + '\r\n').join(''), args[2]), name.toLowerCase() === 'appendalllines');
      return undefined;
    case 'exists': {
      if (argc !== 1) overload(name, argc);
      if (args[0] === null || convertToString(args[0]) === '') return false;
      try {
        const st = env.fs.stat(env.fs.resolve(convertToString(args[0]), env.location()));
        return !!st && !st.isDirectory;
      } catch {
        return false;
      }
    }
    case 'delete': {
      if (argc !== 1) overload(name, argc);
      const p = pathArg('Delete', args, env);
      if (!parentExists(p, env)) throw methodException('Delete', 1, `Could not find a part of the path '${p.display}'.`, 'DirectoryNotFoundException');
      if (env.fs.stat(p)) env.fs.remove(p);
      return undefined;
    }
    case 'copy': {
      if (argc < 2 || argc > 3) overload(name, argc);
      const from = readExisting('Copy', args, env);
      const to = pathArg('Copy', [args[1]], env);
      if (env.fs.stat(to) && !isTruthy(args[2])) throw methodException('Copy', argc, `The file '${to.display}' already exists.`, 'IOException');
      writeFile('Copy', [args[1]], env, from);
      return undefined;
    }
  }
  methodNotFound('System.IO.File', name);
}

/** The System.IO.Path methods that take exactly one path. */
const ONE_PATH_METHODS = new Set(['getfilename', 'getextension', 'getfilenamewithoutextension', 'getdirectoryname', 'haschangedextension', 'ispathrooted', 'getpathroot', 'getfullpath', 'hasextension']);

function pathMethod(name: string, args: unknown[], env: StaticEnv): unknown {
  if (ONE_PATH_METHODS.has(name.toLowerCase()) && args.length !== 1) overload(name, args.length);
  const s = convertToString(args[0]);
  const base = s.slice(Math.max(s.lastIndexOf('\\'), s.lastIndexOf('/')) + 1);
  switch (name.toLowerCase()) {
    case 'getfilename':
      return base;
    case 'getextension': {
      const i = base.lastIndexOf('.');
      return i <= 0 && !base.startsWith('.') ? '' : i < 0 ? '' : base.slice(i);
    }
    case 'getfilenamewithoutextension': {
      const i = base.lastIndexOf('.');
      return i < 0 ? base : base.slice(0, i);
    }
    case 'getdirectoryname': {
      const i = Math.max(s.lastIndexOf('\\'), s.lastIndexOf('/'));
      if (i < 0) return '';
      const dir = s.slice(0, i);
      return /^[A-Za-z]:$/.test(dir) ? (s.length > 3 ? dir + '\\' : null) : dir;
    }
    case 'combine':
      return args.map(convertToString).reduce((acc, part) => {
        if (/^[A-Za-z]:|^\\/.test(part) || acc === '') return part;
        return acc.endsWith('\\') || acc.endsWith('/') ? acc + part : acc + '\\' + part;
      }, '');
    case 'gettempfilename':
      // As .NET does, the file is made (empty), not only named.
      return newTempFile(env.fs).display;
    case 'gettemppath':
      tempFolder(env.fs);
      return TEMP_FOLDER + '\\';
    case 'ispathrooted':
      return /^[A-Za-z]:\\|^\\\\/.test(s);
  }
  methodNotFound('System.IO.Path', name);
}

// ---------------------------------------------------------------------------------------------
// [Math], [Convert], [DateTime], [string], numbers, [guid], [regex], [Environment]

/** Math.Round(x, digits) with .NET's default half-to-even, or AwayFromZero. */
export function mathRound(x: number, digits = 0, mode = 'ToEven'): number {
  if (digits < 0 || digits > 15) throw methodException('Round', 2, 'Rounding digits must be between 0 and 15, inclusive.\r\nParameter name: digits', 'ArgumentOutOfRangeException');
  const f = 10 ** digits;
  // Same arithmetic as .NET: scale, round, unscale (so Round(2.675, 2) is 2.67 there too).
  const scaled = x * f;
  const r = mode.toLowerCase() === 'awayfromzero' ? Math.sign(scaled) * Math.round(Math.abs(scaled)) : roundHalfEven(scaled);
  return r / f;
}

function num(args: unknown[], i: number): number {
  return toNumber(args[i]);
}

/** A [Math] argument as a numeric value ($null 0, strings parsed). */
function numArg(args: unknown[], i: number): Numeric {
  return toNumeric(args[i]);
}

/** Math.Round / Floor / Ceiling / Truncate: the Decimal overload for decimals, else Double. */
function roundLike(v: Numeric, digits: number, mode: string, how: 'round' | 'floor' | 'ceiling' | 'truncate'): Numeric {
  if (v instanceof PSDecimal) {
    const scaled = v;
    if (how === 'truncate') return new PSDecimal(scaled.truncated(), 0);
    if (how === 'floor' || how === 'ceiling') {
      const t = scaled.truncated();
      const frac = scaled.sub(new PSDecimal(t, 0));
      if (frac.isZero()) return new PSDecimal(t, 0);
      const up = how === 'ceiling' ? !(frac.mantissa < 0n) : frac.mantissa < 0n;
      return new PSDecimal(how === 'ceiling' ? (up ? t + 1n : t) : up ? t - 1n : t, 0);
    }
    // Round(decimal, digits, mode): exact, at `digits` decimals.
    if (v.scale <= digits) return v;
    const m = v.mantissa;
    const d = 10n ** BigInt(v.scale - digits);
    let q = m / d;
    const r = m - q * d;
    const twice = (r < 0n ? -r : r) * 2n;
    const sign = m < 0n ? -1n : 1n;
    if (twice > d || (twice === d && (mode.toLowerCase() === 'awayfromzero' || q % 2n !== 0n))) q += sign;
    return new PSDecimal(q, digits);
  }
  const x = Number(v);
  switch (how) {
    case 'round':
      return double(mathRound(x, digits, mode));
    case 'floor':
      return double(Math.floor(x));
    case 'ceiling':
      return double(Math.ceil(x));
    case 'truncate':
      return double(Math.trunc(x));
  }
}

/** Math.Max/Min: the overload of the wider operand type. */
function maxMin(a: Numeric, b: Numeric, max: boolean): Numeric {
  const c = compareNumeric(a, b);
  const pick = (max ? c >= 0 : c <= 0) ? a : b;
  const kind = widerKind(a, b);
  return numberKind(pick) === kind ? pick : (convertNumeric(pick, kind) ?? pick);
}

function mathMethod(name: string, args: unknown[]): unknown {
  const argc = args.length;
  const dbl = (x: number) => double(x);
  switch (name.toLowerCase()) {
    case 'round': {
      if (argc < 1 || argc > 3) overload(name, argc);
      const digits = argc >= 2 && typeof args[1] === 'number' ? args[1] : 0;
      const modeArg = argc === 3 ? args[2] : argc === 2 && typeof args[1] !== 'number' ? args[1] : undefined;
      const mode = modeArg === undefined ? 'ToEven' : String(convertTo(modeArg, 'System.MidpointRounding'));
      const v = numArg(args, 0);
      if (v instanceof PSDecimal && (digits < 0 || digits > 28)) throw methodException('Round', argc, 'Rounding digits must be between 0 and 28, inclusive.\r\nParameter name: decimals', 'ArgumentOutOfRangeException');
      return roundLike(v, digits, mode, 'round');
    }
    case 'floor':
      return roundLike(numArg(args, 0), 0, 'ToEven', 'floor');
    case 'ceiling':
      return roundLike(numArg(args, 0), 0, 'ToEven', 'ceiling');
    case 'truncate':
      return roundLike(numArg(args, 0), 0, 'ToEven', 'truncate');
    case 'abs': {
      if (argc !== 1) overload(name, argc);
      const v = numArg(args, 0);
      if (compareNumeric(v, 0) >= 0 || Number.isNaN(Number(v))) return v;
      const k = numberKind(v);
      const min = NUMERIC_LIMITS['System.' + k]?.[0];
      if (min !== undefined && k !== 'Double' && k !== 'Single' && k !== 'Decimal' && compareNumeric(v, min) === 0) {
        throw methodException('Abs', 1, 'Negating the minimum value of a twos complement number is invalid.', 'OverflowException');
      }
      if (k === 'Int32' || k === 'Int64' || k === 'Decimal' || k === 'Double') return negate(v);
      return convertNumeric(negate(v), k) ?? negate(v);
    }
    case 'max':
      if (argc !== 2) overload(name, argc);
      return maxMin(numArg(args, 0), numArg(args, 1), true);
    case 'min':
      if (argc !== 2) overload(name, argc);
      return maxMin(numArg(args, 0), numArg(args, 1), false);
    case 'pow':
      if (argc !== 2) overload(name, argc);
      return dbl(num(args, 0) ** num(args, 1));
    case 'sqrt':
      return dbl(Math.sqrt(num(args, 0)));
    case 'log':
      return dbl(argc === 2 ? Math.log(num(args, 0)) / Math.log(num(args, 1)) : Math.log(num(args, 0)));
    case 'log10':
      return dbl(Math.log10(num(args, 0)));
    case 'exp':
      return dbl(Math.exp(num(args, 0)));
    case 'sign':
      return compareNumeric(numArg(args, 0), 0);
    case 'sin':
      return dbl(Math.sin(num(args, 0)));
    case 'cos':
      return dbl(Math.cos(num(args, 0)));
    case 'tan':
      return dbl(Math.tan(num(args, 0)));
    case 'atan':
      return dbl(Math.atan(num(args, 0)));
  }
  methodNotFound('System.Math', name);
}

function convertMethod(name: string, args: unknown[]): unknown {
  const argc = args.length;
  switch (name.toLowerCase()) {
    case 'tobase64string': {
      if (argc < 1) overload(name, argc);
      if (args[0] === null || args[0] === undefined) throw methodException('ToBase64String', argc, 'Value cannot be null.\r\nParameter name: inArray', 'ArgumentNullException');
      const bytes = convertTo(args[0], 'byte[]') as Uint8Array;
      return Buffer.from(bytes).toString('base64');
    }
    case 'frombase64string': {
      const s = convertToString(args[0]).replace(/\s/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) {
        throw methodException(
          'FromBase64String',
          argc,
          'The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters. ',
          'FormatException',
        );
      }
      return new Uint8Array(Buffer.from(s, 'base64'));
    }
    case 'toint32':
    case 'toint64': {
      if (argc === 2) {
        const n = parseInt(convertToString(args[0]), num(args, 1));
        if (Number.isNaN(n)) throw methodException(name, argc, 'Could not find any recognizable digits.', 'FormatException');
        return name.toLowerCase() === 'toint64' ? int64(BigInt(n)) : n;
      }
      return convertTo(args[0], name.toLowerCase() === 'toint32' ? 'int' : 'long');
    }
    case 'todouble':
      return convertTo(args[0], 'double');
    case 'toboolean':
      if (typeof args[0] === 'string') {
        const l = args[0].trim().toLowerCase();
        if (l === 'true') return true;
        if (l === 'false') return false;
        throw methodException('ToBoolean', argc, 'String was not recognized as a valid Boolean.', 'FormatException');
      }
      return isTruthy(args[0]);
    case 'tostring':
      if (argc === 2 && typeof args[1] === 'number') return Math.trunc(num(args, 0)).toString(args[1]);
      return convertToString(args[0]);
    case 'tobyte':
      return convertTo(args[0], 'byte');
    case 'todatetime':
      return convertTo(args[0], 'datetime');
  }
  methodNotFound('System.Convert', name);
}

/** `[TimeSpan]::FromDays(n)` and the like: milliseconds per unit. */
const TIMESPAN_UNITS: Record<string, number> = {
  fromdays: 86_400_000,
  fromhours: 3_600_000,
  fromminutes: 60_000,
  fromseconds: 1000,
  frommilliseconds: 1,
  fromticks: 1 / 10_000,
};

function dateTimeMethod(name: string, args: unknown[]): unknown {
  const argc = args.length;
  switch (name.toLowerCase()) {
    case 'parse': {
      if (argc < 1) overload(name, argc);
      const s = convertToString(args[0]);
      const d = parseDate(s);
      if (!d) throw methodException('Parse', argc, 'String was not recognized as a valid DateTime.', 'FormatException');
      return d;
    }
    case 'parseexact': {
      if (argc < 2) overload(name, argc);
      const s = convertToString(args[0]);
      const formats = Array.isArray(args[1]) ? args[1].map(convertToString) : [convertToString(args[1])];
      for (const f of formats) {
        const d = parseExact(s, f);
        if (d) return d;
      }
      throw methodException('ParseExact', argc, 'String was not recognized as a valid DateTime.', 'FormatException');
    }
    case 'daysinmonth':
      return new Date(num(args, 0), num(args, 1), 0).getDate();
    case 'isleapyear': {
      const y = num(args, 0);
      return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    }
    case 'fromfiletime':
      return new Date(num(args, 0) / 10000 - 11644473600000);
  }
  methodNotFound('System.DateTime', name);
}

/** DateTime.ParseExact for the common custom tokens: yyyy MM dd HH mm ss (and M d H h tt). */
function parseExact(s: string, format: string): Date | undefined {
  const fields: string[] = [];
  let re = '';
  for (let i = 0; i < format.length; ) {
    const c = format[i]!;
    let run = 1;
    while (format[i + run] === c) run++;
    const tok = c.repeat(run);
    if (/^(yyyy|yy|MM|M|dd|d|HH|H|hh|h|mm|m|ss|s|tt|fff|ff|f)$/.test(tok)) {
      fields.push(tok);
      re += tok === 'tt' ? '(AM|PM)' : tok.length === 1 ? '(\\d{1,2})' : `(\\d{${tok.length}})`;
    } else if (c === "'") {
      const end = format.indexOf("'", i + 1);
      re += format.slice(i + 1, end).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i = end + 1;
      continue;
    } else re += tok.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    i += run;
  }
  const m = new RegExp('^' + re + '$', 'i').exec(s.trim());
  if (!m) return undefined;
  let y = 1, mo = 1, d = 1, h = 0, mi = 0, se = 0, ms = 0;
  let pm: boolean | undefined;
  fields.forEach((f, i) => {
    const v = m[i + 1]!;
    if (f.startsWith('y')) y = f === 'yy' ? 2000 + Number(v) : Number(v);
    else if (f.startsWith('M')) mo = Number(v);
    else if (f.startsWith('d')) d = Number(v);
    else if (f.startsWith('H') || f.startsWith('h')) h = Number(v);
    else if (f.startsWith('m')) mi = Number(v);
    else if (f.startsWith('s')) se = Number(v);
    else if (f.startsWith('f')) ms = Number(v.padEnd(3, '0').slice(0, 3));
    else if (f === 'tt') pm = v.toUpperCase() === 'PM';
  });
  if (pm !== undefined) h = (h % 12) + (pm ? 12 : 0);
  const date = new Date(y, mo - 1, d, h, mi, se, ms);
  return date.getMonth() === mo - 1 && date.getDate() === d ? date : undefined;
}

function stringStatic(name: string, args: unknown[]): unknown {
  switch (name.toLowerCase()) {
    case 'isnullorempty':
      return args[0] === null || args[0] === undefined || convertToString(args[0]) === '';
    case 'isnullorwhitespace':
      return args[0] === null || args[0] === undefined || convertToString(args[0]).trim() === '';
    case 'join': {
      const sep = convertToString(args[0]);
      const items = args.length === 2 && Array.isArray(args[1]) ? args[1] : args.slice(1);
      return items.map((x) => toDisplayText(x)).join(sep);
    }
    case 'concat':
      return args.flatMap((a) => (Array.isArray(a) ? a : [a])).map((x) => toDisplayText(x)).join('');
    case 'format':
      return formatString(convertToString(args[0]), args.length === 2 && Array.isArray(args[1]) ? args[1] : args.slice(1));
    case 'compare': {
      const a = convertToString(args[0]);
      const b = convertToString(args[1]);
      const ic = args.length > 2 && isTruthy(args[2]);
      return Math.sign(new Intl.Collator('en-US', { sensitivity: ic ? 'accent' : 'variant', caseFirst: 'lower' }).compare(a, b));
    }
    case 'equals':
      return convertToString(args[0]) === convertToString(args[1]);
  }
  methodNotFound('System.String', name);
}

function regexStatic(name: string, args: unknown[]): unknown {
  switch (name.toLowerCase()) {
    case 'escape':
      return convertToString(args[0]).replace(/[\\*+?|{[()^$.#\s]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === ' ' ? '\\ ' : '\\' + c));
    case 'unescape':
      return regexUnescape(convertToString(args[0]));
    case 'ismatch': {
      const [text, re] = [convertToString(args[0]), dotnetRegex(convertToString(args[1]), true)];
      return runRegex(re, text.length, () => re.test(text));
    }
    case 'replace': {
      const [text, re] = [convertToString(args[0]), dotnetRegex(convertToString(args[1]), true, true)];
      return runRegex(re, text.length, () => text.replace(re, convertToString(args[2])));
    }
    case 'split': {
      const [text, re] = [convertToString(args[0]), dotnetRegex(convertToString(args[1]), true, true)];
      return runRegex(re, text.length, () => text.split(re));
    }
  }
  methodNotFound('System.Text.RegularExpressions.Regex', name);
}

const AUTOMATION_NULL = 'System.Management.Automation.Internal.AutomationNull';
registerTypeName(AUTOMATION_NULL);

/** [Enum]::GetNames / GetValues / Parse / IsDefined / ToObject over the enums emsh knows. */
function enumStatic(name: string, args: unknown[]): unknown {
  const l = name.toLowerCase();
  const typeOf = (v: unknown): string => {
    const full = v instanceof PSTypeValue ? v.fullName : resolveTypeName(convertToString(v));
    if (!full || !enumInfo(full)) throw methodException(name, args.length, 'Type provided must be an Enum.\r\nParameter name: enumType', 'ArgumentException');
    return full;
  };
  switch (l) {
    case 'getnames':
      if (args.length !== 1) overloadError(name, args.length);
      return [...enumInfo(typeOf(args[0]))!.values];
    case 'getvalues': {
      if (args.length !== 1) overloadError(name, args.length);
      const full = typeOf(args[0]);
      return enumInfo(full)!.values.map((v) => enumValue(full, v));
    }
    case 'parse': {
      if (args.length < 2 || args.length > 3) overloadError(name, args.length);
      const full = typeOf(args[0]);
      const text = convertToString(args[1]);
      const info = enumInfo(full)!;
      const caseSensitive = args.length === 3 && !isTruthy(args[2]);
      const known = (part: string) => /^\s*[+-]?\d+\s*$/.test(part) || info.values.some((v) => (caseSensitive ? v === part.trim() : v.toLowerCase() === part.trim().toLowerCase()));
      if (!text.split(',').every(known)) throw methodException(name, args.length, `Requested value '${text}' was not found.`, 'ArgumentException');
      return convertTo(text, full);
    }
    case 'isdefined': {
      if (args.length !== 2) overloadError(name, args.length);
      const info = enumInfo(typeOf(args[0]))!;
      const v = args[1];
      if (typeof v === 'string') return info.values.includes(v);
      const n = toNumber(v);
      return info.values.some((_, i) => (info.numbers ? info.numbers[i] : i) === n);
    }
    case 'toobject':
      if (args.length !== 2) overloadError(name, args.length);
      return enumValue(typeOf(args[0]), toNumber(args[1]));
  }
  return methodNotFound('System.Enum', name);
}

// ---------------------------------------------------------------------------------------------
// Entry points

function runspaceHost(env: StaticEnv, name: string, args: unknown[]): RunspaceHost {
  const host = env.runspaces?.();
  if (!host) throw methodException(name, args.length, 'This session cannot create runspaces.', 'PSNotSupportedException');
  return host;
}

function resolveOrFail(typeName: string): string {
  const full = resolveTypeName(typeName);
  if (!full) throw typeNotFound(typeName);
  return full;
}

/** `[Type]::Member`. Unknown types → TypeNotFound; unknown members → $null, as PowerShell. */
export function getStaticMember(typeName: string, name: string, env: StaticEnv): unknown {
  const full = resolveOrFail(typeName);
  const l = name.toLowerCase();
  const en = enumInfo(full);
  if (en) {
    const v = en.values.find((x) => x.toLowerCase() === l);
    return v ? enumValue(full, v) : null;
  }
  switch (full) {
    case 'System.Text.Encoding': {
      const make = ENCODINGS[l];
      return make ? make() : null;
    }
    case 'System.DateTime':
      if (l === 'now') return env.now();
      if (l === 'utcnow') return env.now();
      if (l === 'today') {
        const n = env.now();
        return new Date(n.getFullYear(), n.getMonth(), n.getDate());
      }
      if (l === 'minvalue') {
        // new Date(1, 0, 1) would mean 1901: two-digit years are taken as 19xx.
        const d = new Date(2000, 0, 1);
        d.setFullYear(1);
        return d;
      }
      if (l === 'maxvalue') return new Date(9999, 11, 31, 23, 59, 59, 999);
      return null;
    case 'System.Math':
      if (l === 'pi') return Math.PI;
      if (l === 'e') return Math.E;
      return null;
    case 'System.String':
      return l === 'empty' ? '' : null;
    case IP_ADDRESS_TYPE: {
      const fixed: Record<string, string> = { any: '0.0.0.0', loopback: '127.0.0.1', broadcast: '255.255.255.255', none: '255.255.255.255', ipv6any: '::', ipv6loopback: '::1', ipv6none: '::' };
      return fixed[l] === undefined ? null : parseIPAddress(fixed[l]);
    }
    case 'System.Guid':
      return l === 'empty' ? guidObject('00000000-0000-0000-0000-000000000000') : null;
    case 'System.Globalization.CultureInfo':
      if (l === 'currentculture' || l === 'defaultthreadcurrentculture') return currentCulture(env.services);
      if (l === 'currentuiculture') return currentCulture(env.services, 'ui');
      if (l === 'invariantculture') return cultureInfo('');
      return null;
    case 'System.TimeZone':
      return l === 'currenttimezone' ? currentTimeZone() : null;
    case STOPWATCH_TYPE:
      return stopwatchField(l);
    case 'System.TimeSpan':
      return l === 'zero' ? timeSpan(0) : null;
    case 'System.Threading.Thread':
      return l === 'currentthread' ? currentThread(env) : null;
    case AUTOMATION_NULL:
      // "Nothing" (what a command that outputs nothing gives): emsh's undefined, not $null.
      return l === 'value' ? undefined : null;
    case 'System.Environment':
      if (l === 'newline') return '\r\n';
      // The machine and the user are the lab session's (COMPUTERNAME follows the machine).
      if (l === 'machinename') return env.environment?.('COMPUTERNAME') ?? null;
      if (l === 'username') return env.environment?.('USERNAME') ?? null;
      if (l === 'userdomainname') return env.environment?.('USERDOMAIN') ?? null;
      return null;
    case 'System.Management.Automation.Cmdlet':
    case 'System.Management.Automation.PSCmdlet':
      // The names of the common parameters, and of the optional ones (-WhatIf, -Confirm, -UseTransaction).
      if (l === 'commonparameters') return Object.keys(COMMON_PARAMETERS);
      if (l === 'optionalcommonparameters') return [...Object.keys(SHOULD_PROCESS_PARAMETERS), 'UseTransaction'];
      return null;
    case 'System.IO.Path':
      if (l === 'directoryseparatorchar') return '\\';
      if (l === 'pathseparator') return ';';
      return null;
  }
  const limits = NUMERIC_LIMITS[full];
  if (limits) {
    if (l === 'maxvalue') return limits[1];
    if (l === 'minvalue') return limits[0];
    if (full === 'System.Double' || full === 'System.Single') {
      const special: Record<string, number> = { nan: NaN, positiveinfinity: Infinity, negativeinfinity: -Infinity, epsilon: full === 'System.Double' ? 5e-324 : 1.401298464324817e-45 };
      if (l in special) return convertTo(special[l], full);
    }
    if (full === 'System.Decimal') {
      const special: Record<string, string> = { zero: '0', one: '1', minusone: '-1' };
      if (l in special) return PSDecimal.parse(special[l]!);
    }
  }
  return null;
}

/** [PSSerializer]::Serialize(obj[, depth]) (depth 1 by default) and ::Deserialize(text): CliXml as remoting writes it. */
function serializerMethod(name: string, args: unknown[]): unknown {
  const l = name.toLowerCase();
  if (l === 'serialize') {
    if (args.length < 1 || args.length > 2) overload('Serialize', args.length);
    const depth = args.length === 2 ? Number(toNumber(args[1])) : 1;
    return serializeCliXml([args[0]], depth);
  }
  if (l === 'deserialize' || l === 'deserializeasList'.toLowerCase()) {
    if (args.length !== 1) overload(name, args.length);
    let objects: unknown[];
    try {
      objects = deserializeCliXml(convertToString(args[0]));
    } catch (e) {
      if (e instanceof XmlException) throw methodException(name, 1, e.message, 'XmlException');
      throw e;
    }
    if (l !== 'deserialize') return objects;
    return objects.length === 1 ? objects[0] : objects;
  }
  methodNotFound('System.Management.Automation.PSSerializer', name);
}

/**
 * [Thread]::CurrentThread: the pipeline's thread, whose CurrentCulture and CurrentUICulture are
 * the session's ([CultureInfo]::CurrentCulture), read and set through the same rule.
 */
function currentThread(env: StaticEnv): PSObject {
  const o = new PSObject(['System.Threading.Thread', 'System.Runtime.ConstrainedExecution.CriticalFinalizerObject', 'System.Object']);
  for (const [name, which] of [['CurrentCulture', 'current'], ['CurrentUICulture', 'ui']] as const) {
    o.addProperty({
      name,
      memberType: 'Property',
      typeName: 'System.Globalization.CultureInfo',
      get: () => currentCulture(env.services, which),
      set: (v) => setStaticMember('System.Globalization.CultureInfo', name, v, env),
    });
  }
  o.addProperty({ name: 'ManagedThreadId', memberType: 'Property', typeName: 'int', get: () => 1 });
  o.addProperty({ name: 'IsBackground', memberType: 'Property', typeName: 'bool', get: () => false });
  o.addProperty({ name: 'Name', memberType: 'Property', typeName: 'string', get: () => null });
  return o;
}

/**
 * `[Type]::Member = value`. The thread cultures are settable (a culture emsh has, by name or
 * CultureInfo); other static members are read-only here.
 */
export function setStaticMember(typeName: string, name: string, value: unknown, env: StaticEnv): void {
  const full = resolveOrFail(typeName);
  const l = name.toLowerCase();
  if (full === 'System.Globalization.CultureInfo' && (l === 'currentculture' || l === 'currentuiculture')) {
    const wanted = value instanceof PSObject && value.has('Name') ? convertToString(value.get('Name')) : convertToString(value);
    // A CultureInfo object is taken as it is (with what a script changed in it, such as TextInfo.ListSeparator).
    const culture = value instanceof PSObject && value.typeNames.includes('System.Globalization.CultureInfo') ? value : cultureInfo(wanted);
    if (!culture) {
      const message = `Exception setting "${name}": "Culture is not supported.\r\nParameter name: name\r\n${wanted} is an invalid culture identifier."`;
      throw withInner(runtimeError(message, 'ExceptionWhenSetting', 'NotSpecified', 'SetValueInvocationException'), { type: 'CultureNotFoundException', message: `Culture is not supported.\r\nParameter name: name\r\n${wanted} is an invalid culture identifier.` });
    }
    if (env.services) setCurrentCulture(env.services, l === 'currentculture' ? 'current' : 'ui', culture);
    env.cultureChanged?.();
    return;
  }
  throw runtimeError(`'${name}' is a ReadOnly property.`, 'PropertyAssignmentException', 'InvalidOperation');
}

/** `[Parser]::ParseInput(text, [fileName,] [ref]tokens, [ref]errors)`, `[Parser]::ParseFile(path, [ref]tokens, [ref]errors)`. */
function languageParserMethod(name: string, args: unknown[], env: StaticEnv): unknown {
  const l = name.toLowerCase();
  if (l === 'parseinput') {
    if (args.length !== 3 && args.length !== 4) overload(name, args.length);
    const text = args[0] === null || args[0] === undefined ? '' : convertToString(args[0]);
    const file = args.length === 4 && args[1] !== null && args[1] !== undefined ? convertToString(args[1]) : null;
    return parseToAst(text, file, args.slice(-2));
  }
  if (l === 'parsefile') {
    if (args.length !== 3) overload(name, args.length);
    const p = pathArg(name, args, env);
    let text: string;
    try {
      text = decodeText(readExisting(name, args, env));
    } catch (e) {
      // 5.1 reports an unreadable file as the parse's one error (FileReadError), with an empty tree.
      if (!(e instanceof TerminatingError)) throw e;
      return unreadableScript(e.record.innerException?.message ?? e.record.message, args.slice(1));
    }
    return parseToAst(text, p.display, args.slice(1));
  }
  methodNotFound(LANGUAGE_PARSER_TYPE, name);
}

/** `[Type]::Method(args)`. Unknown types → TypeNotFound; unknown methods → MethodNotFound. */
export function invokeStaticMethod(typeName: string, name: string, args: unknown[], env: StaticEnv): unknown {
  const full = resolveOrFail(typeName);
  if (name.toLowerCase() === 'new') {
    const encoding = newEncoding(full, args);
    if (encoding) return encoding;
    const made = constructObject(full, args, { ...env, services: env.services ?? NO_SERVICES });
    return made === undefined ? noConstructor(full) : made;
  }
  switch (full) {
    case 'System.Management.Automation.ScriptBlock':
      if (name.toLowerCase() === 'create') return createScriptBlock(args);
      break;
    case POWERSHELL_TYPE:
      if (name.toLowerCase() === 'create') return createPowerShell(runspaceHost(env, name, args), args);
      break;
    case LIST_CONTROL:
      if (name.toLowerCase() === 'create') return listControlBuilder();
      break;
    case TABLE_CONTROL:
      if (name.toLowerCase() === 'create') return tableControlBuilder();
      break;
    case INITIAL_SESSION_STATE_TYPE: {
      const made = initialSessionStateMethod(name, args);
      if (made !== undefined) return made;
      break;
    }
    case RUNSPACE_FACTORY_TYPE: {
      const made = runspaceFactoryMethod(runspaceHost(env, name, args), name, args);
      if (made !== undefined) return made;
      break;
    }
    case PSPARSER_TYPE: {
      const r = psParserMethod(name, args);
      if (r !== undefined) return r;
      break;
    }
    case LANGUAGE_PARSER_TYPE:
      return languageParserMethod(name, args, env);
    case 'System.Enum':
      return enumStatic(name, args);
    case 'System.TimeSpan': {
      const unit = TIMESPAN_UNITS[name.toLowerCase()];
      if (unit === undefined) break;
      if (args.length !== 1) overload(name, args.length);
      const ms = toNumber(args[0]) * unit;
      // .NET Framework rounds From* (all but FromTicks) to whole milliseconds.
      return timeSpan(unit < 1 ? ms : Math.sign(ms) * Math.floor(Math.abs(ms) + 0.5));
    }
    case STOPWATCH_TYPE: {
      const r = stopwatchStatic(name, args);
      if (r !== undefined) return r;
      break;
    }
    case 'System.Management.Automation.WildcardPattern':
      if (name.toLowerCase() === 'escape' && args.length === 1) return escapeWildcard(convertToString(args[0]));
      if (name.toLowerCase() === 'unescape' && args.length === 1) return unescapeWildcard(convertToString(args[0]));
      break;
    case 'System.IO.File':
      return fileMethod(name, args, env);
    case 'System.IO.Path':
      return pathMethod(name, args, env);
    case 'System.Math':
      return mathMethod(name, args);
    case 'System.Convert':
      return convertMethod(name, args);
    case 'System.DateTime':
      return dateTimeMethod(name, args);
    case 'System.String':
      return stringStatic(name, args);
    case 'System.Text.RegularExpressions.Regex':
      return regexStatic(name, args);
    case IP_ADDRESS_TYPE: {
      const l = name.toLowerCase();
      if (l === 'parse' && args.length === 1) {
        const ip = args[0] === null ? undefined : parseIPAddress(convertToString(args[0]));
        if (!ip) throw methodException('Parse', 1, args[0] === null ? 'Value cannot be null.\r\nParameter name: ipString' : INVALID_IP_ADDRESS, args[0] === null ? 'ArgumentNullException' : 'FormatException');
        return ip;
      }
      if (l === 'tryparse' && args.length === 2) {
        const ip = args[0] === null ? undefined : parseIPAddress(convertToString(args[0]));
        if (args[1] instanceof PSReference) args[1].Value = ip ?? null;
        return ip !== undefined;
      }
      break;
    }
    case 'System.Management.Automation.LanguagePrimitives': {
      // ConvertTo(value, type) is a cast; ConvertTo(value, type, provider) the same here (emsh's casts are culture-invariant).
      const l = name.toLowerCase();
      if (l === 'convertto') {
        if (args.length !== 2 && args.length !== 3) overloadError(name, args.length);
        const target = args[1] instanceof PSTypeValue ? args[1].fullName : convertToString(args[1]);
        return convertTo(args[0], target);
      }
      if (l === 'istrue') {
        if (args.length !== 1) overloadError(name, args.length);
        return isTruthy(args[0]);
      }
      if (l === 'compare') {
        if (args.length < 2 || args.length > 4) overloadError(name, args.length);
        return compareValues(args[0], args[1], args.length >= 3 ? !isTruthy(args[2]) : true);
      }
      break;
    }
    case 'System.Version': {
      const l = name.toLowerCase();
      if (l === 'parse') {
        if (args.length !== 1) overloadError(name, args.length);
        if (args[0] === null || args[0] === undefined) throw methodException(name, 1, 'Value cannot be null.\r\nParameter name: input', 'ArgumentNullException');
        const text = convertToString(args[0]);
        const why = versionParseError(text);
        if (why !== undefined) throw methodException(name, 1, why, versionErrorType(why));
        return parseVersion(text);
      }
      if (l === 'tryparse') {
        if (args.length !== 2) overloadError(name, args.length);
        const parsed = args[0] === null || args[0] === undefined ? undefined : parseVersion(convertToString(args[0]));
        if (args[1] instanceof PSReference) args[1].Value = parsed ?? null;
        return parsed !== undefined;
      }
      break;
    }
    case 'System.Guid':
      if (name.toLowerCase() === 'newguid') return guidObject(randomUUID());
      if (name.toLowerCase() === 'parse') return guidObject(convertToString(args[0]).toLowerCase());
      break;
    case 'System.Text.Encoding':
      if (name.toLowerCase() === 'getencoding') {
        const key = convertToString(args[0]).toLowerCase().replace(/[-_]/g, '');
        const alias: Record<string, string> = { utf8: 'utf8', utf16: 'unicode', unicode: 'unicode', utf16be: 'bigendianunicode', unicodefffe: 'bigendianunicode', utf32: 'utf32', ascii: 'ascii', usascii: 'ascii', '65001': 'utf8', '1200': 'unicode', '1201': 'bigendianunicode', '12000': 'utf32', '20127': 'ascii', '1252': 'default', windows1252: 'default' };
        const make = ENCODINGS[alias[key] ?? ''];
        if (make) return make();
        throw methodException('GetEncoding', 1, `'${convertToString(args[0])}' is not a supported encoding name.`, 'ArgumentException');
      }
      break;
    case 'System.Environment':
      // The process's environment is the session's (`$env:`).
      if (name.toLowerCase() === 'getenvironmentvariable') return args.length >= 1 && args[0] !== null ? (env.environment?.(convertToString(args[0])) ?? null) : null;
      break;
    case 'System.Management.Automation.PSSerializer':
      return serializerMethod(name, args);
    case 'System.Globalization.CultureInfo':
      if (name.toLowerCase() === 'getcultureinfo' && args.length === 1) {
        const found = cultureInfo(convertToString(args[0]));
        if (found) return found;
        throw methodException('GetCultureInfo', 1, `Culture is not supported.\r\nParameter name: name\r\n${convertToString(args[0])} is an invalid culture identifier.`, 'CultureNotFoundException');
      }
      break;
  }
  if (NUMERIC_TYPES[full]) {
    const l = name.toLowerCase();
    // Parse/TryParse take plain numbers (no hex, suffixes or multipliers); integers no fractions.
    const parse = (text: string): unknown => {
      const t = text.trim();
      const integral = !['System.Double', 'System.Single', 'System.Decimal'].includes(full);
      if (!(integral ? /^[+-]?\d+$/ : /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i).test(t)) return undefined;
      const n = full === 'System.Decimal' ? PSDecimal.parse(t) : parseNumeric(t);
      return n === undefined ? undefined : (convertNumeric(n, NUMERIC_TYPES[full]!) ?? null);
    };
    if (l === 'parse') {
      const r = parse(convertToString(args[0]));
      if (r === undefined) throw methodException('Parse', args.length, 'Input string was not in a correct format.', 'FormatException');
      if (r === null) throw methodException('Parse', args.length, `Value was either too large or too small for ${full === 'System.Int32' ? 'an Int32' : 'a ' + full.slice(7)}.`, 'OverflowException');
      return r;
    }
    if (l === 'tryparse') {
      const r = parse(convertToString(args[0]));
      return r !== undefined && r !== null;
    }
  }
  methodNotFound(full, name);
}


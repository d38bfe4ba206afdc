// Parameter binding in PowerShell's order (docs/ARCHITECTURE.md, Binding): named (prefix + aliases), positional
// within the candidate parameter sets, set resolution, mandatory check, then per pipeline object
// the four passes (by value / by property name, each without then with coercion).
//
// Everything that depends only on the declaration is computed once per declaration and cached,
// so binding each of many pipeline objects stays cheap.

import type { ExpressionAst, ParameterDeclAst, SourceText, Span } from '../../grammar/ast.js';
import {
  ALL_SETS,
  declaredDefaults,
  type CmdletDeclaration,
  type ParameterDeclaration,
  type ParameterSetMembership,
  type ParameterType,
} from '../protocol/cmdlet.js';
import {
  NUMERIC_TYPES,
  castError,
  convertTo,
  convertToEnum,
  convertToString,
  isInstanceOfName,
  enumInfo,
  isClassType,
  isInstanceOf,
  resolveTypeName,
  valueText,
} from '../protocol/convert.js';
import { ErrorRecord, TerminatingError, runtimeError } from '../protocol/errors.js';
import {
  commonParametersOf,
  NET_TYPES,
  mandatoryInSomeSet,
  matchParameterName,
  membershipIn,
  parameterSetsOf,
  parameterTypeName,
  takesPipelineInput,
} from '../protocol/parameter-sets.js';
import { EnumValue, PSHashtable, PSObject, ScriptBlockValue, SecureString, isTruthy, toDisplayText, typeNamesOf, typedArray } from '../protocol/values.js';
import { isNumeric, numberKind } from '../protocol/numbers.js';
import { dotnetRegex } from '../protocol/operators.js';
import { runRegex } from '../protocol/regex-guard.js';
import type { MaybePromise } from '../protocol/maybe-promise.js';
import { getMember, hasMember } from '../protocol/members.js';
import {
  VALIDATE_COUNT_NOT_ARRAY_TEXT,
  VALIDATE_LENGTH_NOT_STRING_TEXT,
  VALIDATE_NOT_NULL_COLLECTION_TEXT,
  VALIDATE_NOT_NULL_OR_EMPTY_COLLECTION_TEXT,
  VALIDATE_NOT_NULL_OR_EMPTY_TEXT,
  VALIDATE_NOT_NULL_TEXT,
  bindingError,
  matchList,
  missingList,
  validateCountText,
  validateLengthText,
  validatePatternText,
  validateRangeText,
  validateScriptText,
  validateSetText,
  type BindingErrorId,
  type BindingErrorSite,
} from './binding-errors.js';

export interface CommandArgument {
  kind: 'parameter' | 'value';
  /** Parameter name as typed, without '-' or ':'. */
  name?: string;
  /** Value argument, or the colon-form argument of a parameter. */
  value?: unknown;
  /** -Name:value / -Switch:$false. */
  hasColonArgument?: boolean;
  /** Parameter token / argument text, for error positions. */
  span: Span;
  /**
   * The source text of a number literal (`0271…`, `1e3`): PowerShell keeps it (PSObject.TokenText)
   * so a string parameter receives what was typed, not the number's text.
   */
  literalText?: string;
}

/** What a value argument gives a parameter: the typed text of a number literal for string parameters. */
function argumentValue(p: ParamMeta, a: CommandArgument): unknown {
  if (a.literalText !== undefined && (p.decl.type === 'String' || p.decl.type === 'String[]')) return a.literalText;
  return a.value;
}

type Pref = 'Stop' | 'Continue' | 'SilentlyContinue' | 'Ignore' | 'Inquire';

export interface CommonParameterValues {
  verbose?: boolean;
  debug?: boolean;
  errorAction?: Pref;
  warningAction?: Pref;
  informationAction?: Pref;
  errorVariable?: string;
  warningVariable?: string;
  informationVariable?: string;
  outVariable?: string;
  outBuffer?: number;
  pipelineVariable?: string;
  whatIf?: boolean;
  confirm?: boolean;
}

export interface BindContext {
  invocationName: string;
  source: SourceText;
  commandSpan: Span;
  commandFullName: string;
  /** Functions and scripts: a switch given $null is $false (for cmdlets it is $true). */
  isFunction?: boolean;
  /**
   * Simple functions (no [CmdletBinding()] / [Parameter()]): unknown named parameters and
   * left-over positional arguments go to `$args` (see unboundArguments()) instead of erroring.
   */
  allowUnboundArguments?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Per-declaration metadata (cached)

interface ParamMeta {
  name: string;
  decl: ParameterDeclaration;
  lower: string;
  /** Lower-case name and aliases (the property names ByPropertyName binding looks for). */
  names: string[];
  common: boolean;
  isSwitch: boolean;
  mandatoryInSomeSet: boolean;
  /** Full .NET type name for messages. */
  typeName: string;
  /** Whether the parameter takes pipeline input in some set. */
  pipeline: boolean;
}

interface Meta {
  params: ParamMeta[];
  declared: ParamMeta[];
  sets: string[];
  defaultSet: string;
  byName: Map<string, ParamMeta>;
  lookup: Map<string, ParamMeta[]>;
  /** Whether some parameter has a [ValidateScript] (computed on first use). */
  validationScripts?: boolean;
}

const META = new WeakMap<CmdletDeclaration, Meta>();

function makeParam(name: string, decl: ParameterDeclaration, common: boolean): ParamMeta {
  return {
    name,
    decl,
    lower: name.toLowerCase(),
    names: [name.toLowerCase(), ...(decl.aliases ?? []).map((a) => a.toLowerCase())],
    common,
    isSwitch: decl.type === 'Switch',
    mandatoryInSomeSet: mandatoryInSomeSet(decl),
    typeName: parameterTypeName(decl),
    pipeline: takesPipelineInput(decl),
  };
}

function metaOf(decl: CmdletDeclaration): Meta {
  let m = META.get(decl);
  if (m) return m;
  const declared = Object.entries(decl.parameters).map(([n, d]) => makeParam(n, d, false));
  const commons = Object.entries(commonParametersOf(decl)).map(([n, d]) => makeParam(n, d, true));
  // Default set first (src/protocol/parameter-sets.ts): every "try the default set first" rule
  // then becomes "in order".
  const { names: sets, defaultSet } = parameterSetsOf(decl);
  const params = [...declared, ...commons];
  m = { params, declared, sets, defaultSet, byName: new Map(params.map((p) => [p.name, p])), lookup: new Map() };
  META.set(decl, m);
  return m;
}

function membership(p: ParamMeta, set: string): ParameterSetMembership | undefined {
  return p.common ? COMMON_MEMBERSHIP : membershipIn(p.decl, set);
}
const COMMON_MEMBERSHIP: ParameterSetMembership = {};

/** Name resolution (src/protocol/parameter-sets.ts): exact name/alias, else unique prefix. */
function lookupParameter(meta: Meta, decl: CmdletDeclaration, typed: string): ParamMeta[] {
  const key = typed.toLowerCase();
  let found = meta.lookup.get(key);
  if (!found) meta.lookup.set(key, (found = matchParameterName(decl, typed).map((c) => meta.byName.get(c.name)!)));
  return found;
}

// ---------------------------------------------------------------------------------------------
// Value conversion

const NO: unique symbol = Symbol('no-binding');
type Maybe = unknown | typeof NO;

function isCredential(v: unknown): boolean {
  return v instanceof PSObject && v.typeNames.includes('System.Management.Automation.PSCredential');
}

/** The value when it already has the parameter's type (binding "without coercion"), else NO. */
function exact(p: ParamMeta, v: unknown): Maybe {
  const t = p.decl.type;
  switch (t) {
    case 'String':
      return typeof v === 'string' ? v : NO;
    case 'String[]':
      return typeof v === 'string' ? typedArray([v], 'System.String') : Array.isArray(v) && v.every((x) => typeof x === 'string') ? typedArray([...v], 'System.String') : NO;
    case 'Int32':
      return typeof v === 'number' && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647 ? v : NO;
    case 'Int32[]':
      return typeof v === 'number' && (v | 0) === v ? typedArray([v], 'System.Int32') : Array.isArray(v) && v.every((x) => typeof x === 'number' && (x | 0) === x) ? typedArray([...v], 'System.Int32') : NO;
    case 'Int64':
    case 'Double':
    case 'Decimal':
      // Only a value of that very type binds as is (a function's `[long]$x` given 5 gets an Int64).
      return isNumeric(v) && numberKind(v) === t ? v : NO;
    case 'Boolean':
    case 'Switch':
      return typeof v === 'boolean' ? v : NO;
    case 'Object':
    case 'PSObject':
      if (t === 'Object' && p.decl.netType && isClassType(p.decl.netType)) return isInstanceOf(v, p.decl.netType) ? v : NO;
      // A .NET-typed parameter takes a value of that very type as is (Write-Error's -ErrorRecord
      // and -Exception at position 0 win over -Message for a record or an exception).
      return t === 'Object' && p.decl.convertTo ? (isInstanceOfName(v, p.decl.convertTo) ? v : NO) : v;
    case 'Object[]':
    case 'PSObject[]':
      return Array.isArray(v) ? v : v === null || v === undefined ? NO : [v];
    case 'ScriptBlock':
      return v instanceof ScriptBlockValue ? v : NO;
    case 'ScriptBlock[]':
      return v instanceof ScriptBlockValue ? [v] : NO;
    case 'SecureString':
      return v instanceof SecureString ? v : NO;
    case 'PSCredential':
      return isCredential(v) ? v : NO;
    case 'Byte[]':
      return v instanceof Uint8Array ? v : NO;
    case 'Char':
      return typeof v === 'string' && v.length === 1 ? v : NO;
    case 'DateTime':
      return v instanceof Date ? v : NO;
    case 'TimeSpan':
      return typeNamesOf(v).includes('System.TimeSpan') ? v : NO;
    case 'Hashtable':
      return v instanceof PSHashtable ? v : NO;
    case 'Hashtable[]':
      return v instanceof PSHashtable ? [v] : NO;
    case 'Enum':
    case 'Enum[]': {
      // A value of the parameter's enum type binds as is (by its name), as does its canonical name.
      const name = v instanceof EnumValue && v.typeName === p.decl.enum?.typeName ? v.text : v;
      if (typeof name !== 'string' || !p.decl.enum?.values.includes(name)) return NO;
      return t === 'Enum' ? name : [name];
    }
  }
}

class BindFailure {
  constructor(readonly id: BindingErrorId, readonly args: Record<string, string>) {}
}

const BOOL_TEXT = 'Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.';

function innerMessage(e: unknown): string {
  if (e instanceof TerminatingError) return e.record.message;
  throw e;
}

function scalarOf(p: ParamMeta, v: unknown): unknown {
  if (Array.isArray(v)) {
    if (v.length === 1) return v[0];
    throw new BindFailure('CannotConvertArgument', { name: p.name, value: 'System.Object[]', type: p.typeName, detail: 'Specified method is not supported.' });
  }
  return v;
}

/**
 * Converts with coercion; throws BindFailure. An advanced function's `[bool[]]` takes only
 * Booleans and numbers, as its `[bool]` does (a simple function converts any value to bool).
 */
function coerce(p: ParamMeta, v: unknown, isFunction: boolean, advanced = false): unknown {
  if (v === undefined) v = null;
  const t = p.decl.type;
  const noMessage = (detail: string) => new BindFailure('CannotConvertArgumentNoMessage', { name: p.name, detail });
  const via = (value: unknown, target: string) => {
    try {
      return convertTo(value, target);
    } catch (e) {
      throw noMessage(innerMessage(e));
    }
  };
  switch (t) {
    case 'Switch':
    case 'Boolean': {
      if (v === null) {
        if (t === 'Switch') return !isFunction;
        throw noMessage(`Cannot convert value "" to type "${p.typeName}". ${BOOL_TEXT}`);
      }
      const s = Array.isArray(v) && v.length === 1 ? v[0] : v;
      if (typeof s === 'boolean') return s;
      if (isNumeric(s)) return Number(s) !== 0;
      throw noMessage(`Cannot convert value "${typeNamesOf(s)[0] ?? ''}" to type "${p.typeName}". ${BOOL_TEXT}`);
    }
    case 'Object':
    case 'PSObject':
      // A script parameter typed with a .NET type that has no ParameterType ([byte], [long[]]).
      if (t === 'Object' && p.decl.convertTo === 'System.Boolean[]' && advanced && v !== null) {
        const bad = (Array.isArray(v) ? v : [v]).find((x) => typeof x !== 'boolean' && !isNumeric(x));
        if (bad !== undefined) {
          throw new BindFailure('ParameterArgumentTransformationError', { name: p.name, detail: `Cannot convert value "${typeNamesOf(bad)[0] ?? ''}" to type "System.Boolean". ${BOOL_TEXT}` });
        }
      }
      if (t === 'Object' && p.decl.convertTo) return via(v, p.decl.convertTo);
      // A parameter typed with a class: its type constraint converts the argument (an argument transformation).
      if (t === 'Object' && p.decl.netType && isClassType(p.decl.netType)) {
        try {
          return convertTo(v, p.decl.netType);
        } catch (e) {
          throw new BindFailure('ParameterArgumentTransformationError', { name: p.name, detail: innerMessage(e) });
        }
      }
      return v;
    case 'Object[]':
    case 'PSObject[]':
      return v === null ? null : Array.isArray(v) ? v : v instanceof Uint8Array ? Array.from(v) : [v];
  }
  if (v === null) {
    // $null to a number is 0, as .NET's default value; a mandatory one is refused by validate() as null.
    const numeric = t === 'Int32' || t === 'Int64' || t === 'Double' || t === 'Decimal';
    if (numeric) return p.mandatoryInSomeSet && !p.decl.allowNull ? null : 0;
    // An enum has no null value: refused here, so the model never stores one (a mandatory
    // parameter refuses it as null, before any conversion, as 5.1's binder does).
    if ((t === 'Enum' || t === 'Enum[]') && !p.decl.allowNull && p.mandatoryInSomeSet) throw new BindFailure('ParameterArgumentValidationErrorNullNotAllowed', { name: p.name });
    // A cmdlet's [char] has no null value either (Import-Csv -Delimiter $null).
    if (t === 'Char' && !p.decl.allowNull && !isFunction) throw noMessage('Cannot convert null to type "System.Char".');
    // An enum has no null value: refused here, so the model never stores one. (An enum array is
    // null, as .NET converts it, when [ValidateNotNull] will refuse it with its own error.)
    if (t === 'Enum[]' && (p.decl.validateNotNull || p.decl.validateNotNullOrEmpty)) return null;
    if ((t === 'Enum' || t === 'Enum[]') && !p.decl.allowNull) throw noMessage(`Cannot convert null to type "${p.typeName.replace(/\[\]$/, '')}".`);
    return null;
  }
  switch (t) {
    case 'String':
      return convertToString(scalarOf(p, v));
    case 'String[]':
      return typedArray(
        (Array.isArray(v) ? v : v instanceof Uint8Array ? Array.from(v) : [v]).map((x) => (x === null || x === undefined ? null : convertToString(x))),
        'System.String',
      );
    case 'Int32':
    case 'Int64':
    case 'Double':
    case 'Decimal':
    case 'Char': {
      // Functions keep the .NET type (`[long]$x` is an Int64); cmdlets read plain JS values.
      const n = via(scalarOf(p, v), NET_TYPES[t]);
      if (isFunction) return n;
      return t === 'Char' ? String(n) : Number(n);
    }
    case 'DateTime':
      return via(scalarOf(p, v), NET_TYPES[t]);
    case 'TimeSpan': {
      const s = scalarOf(p, v);
      if (typeNamesOf(s).includes('System.TimeSpan')) return s;
      throw noMessage(castError(s, 'System.TimeSpan').message);
    }
    case 'Int32[]':
      return typedArray((Array.isArray(v) ? v : [v]).map((x) => via(x, 'System.Int32')), 'System.Int32');
    case 'Byte[]':
      return via(v, 'System.Byte[]');
    case 'ScriptBlock':
    case 'SecureString':
    case 'PSCredential':
    case 'Hashtable': {
      const s = scalarOf(p, v);
      const ok = t === 'ScriptBlock' ? s instanceof ScriptBlockValue : t === 'SecureString' ? s instanceof SecureString : t === 'PSCredential' ? isCredential(s) : s instanceof PSHashtable;
      if (ok) return s;
      throw noMessage(castError(s, p.typeName).message);
    }
    case 'ScriptBlock[]':
    case 'Hashtable[]': {
      const el = t === 'ScriptBlock[]' ? ScriptBlockValue : PSHashtable;
      const list = Array.isArray(v) ? v : [v];
      for (const x of list) if (!(x instanceof el)) throw noMessage(castError(x, p.typeName.slice(0, -2)).message);
      return list;
    }
    case 'Enum':
    case 'Enum[]': {
      const info = p.decl.enum;
      if (!info) return v;
      try {
        if (t === 'Enum') return convertToEnum(v, info);
        return (Array.isArray(v) ? v : [v]).map((x) => convertToEnum(x, info));
      } catch (e) {
        throw noMessage(innerMessage(e));
      }
    }
  }
  return v;
}

/** A validation failure: ParameterArgumentValidationError with the attribute's text. */
function invalid(p: ParamMeta, detail: string): BindFailure {
  return new BindFailure('ParameterArgumentValidationError', { name: p.name, detail });
}

/** The elements a per-element attribute (ValidateSet/Range/Length/Pattern/Script) checks; $null fails them all. */
function elementsOf(p: ParamMeta, v: unknown): unknown[] {
  if (v === null || v === undefined) throw invalid(p, VALIDATE_NOT_NULL_OR_EMPTY_COLLECTION_TEXT);
  return Array.isArray(v) ? v : v instanceof Uint8Array ? Array.from(v) : [v];
}

/**
 * The Validate* attributes, then (for a parameter mandatory in some set) the null / empty checks
 * the Allow* attributes relax, in PowerShell's order; throws BindFailure. [ValidateScript] runs
 * script blocks and is checked by the caller (CommandBinder.validateScripts).
 */
function validate(p: ParamMeta, v: unknown): void {
  const d = p.decl;
  if (d.validateCount) {
    if (!Array.isArray(v) && !(v instanceof Uint8Array)) throw invalid(p, VALIDATE_COUNT_NOT_ARRAY_TEXT);
    if (v.length < d.validateCount[0] || v.length > d.validateCount[1]) throw invalid(p, validateCountText(v.length, d.validateCount));
  }
  if (d.validateLength) {
    for (const x of elementsOf(p, v)) {
      if (typeof x !== 'string') throw invalid(p, VALIDATE_LENGTH_NOT_STRING_TEXT);
      if (x.length < d.validateLength[0] || x.length > d.validateLength[1]) throw invalid(p, validateLengthText(x.length, d.validateLength));
    }
  }
  if (d.validatePattern !== undefined) {
    const re = dotnetRegex(d.validatePattern);
    for (const x of elementsOf(p, v)) {
      if (x === null || x === undefined) throw invalid(p, VALIDATE_NOT_NULL_TEXT);
      const text = convertToString(x);
      if (!runRegex(re, text.length, () => re.test(text))) throw invalid(p, validatePatternText(text, d.validatePattern));
    }
  }
  if (d.validateNotNull) {
    if (v === null || v === undefined) throw invalid(p, VALIDATE_NOT_NULL_TEXT);
    if (Array.isArray(v) && v.some((x) => x === null || x === undefined)) throw invalid(p, VALIDATE_NOT_NULL_COLLECTION_TEXT);
  }
  if (d.validateNotNullOrEmpty) {
    if (v === null || v === undefined || v === '') throw invalid(p, VALIDATE_NOT_NULL_OR_EMPTY_TEXT);
    if (Array.isArray(v) || v instanceof Uint8Array) {
      if (v.length === 0) throw invalid(p, VALIDATE_NOT_NULL_OR_EMPTY_COLLECTION_TEXT);
      if (Array.isArray(v)) {
        if (v.some((x) => x === null || x === undefined)) throw invalid(p, VALIDATE_NOT_NULL_OR_EMPTY_COLLECTION_TEXT);
        if (v.some((x) => x === '')) throw invalid(p, VALIDATE_NOT_NULL_OR_EMPTY_TEXT);
      }
    }
  }
  if (d.validateSet) {
    const set = d.validateSet.map((s) => s.toLowerCase());
    for (const x of Array.isArray(v) ? v : [v]) {
      const text = toDisplayText(x);
      if (!set.includes(text.toLowerCase())) throw invalid(p, validateSetText(text, d.validateSet));
    }
  }
  if (d.validateRange) {
    for (const x of elementsOf(p, v)) {
      const n = Number(x);
      if (x === null || Number.isNaN(n) || n < d.validateRange[0] || n > d.validateRange[1]) {
        throw invalid(p, validateRangeText(toDisplayText(x), d.validateRange));
      }
    }
  }
  if (p.mandatoryInSomeSet && !d.allowNull) {
    if (v === null || v === undefined) throw new BindFailure('ParameterArgumentValidationErrorNullNotAllowed', { name: p.name });
    if (v === '' && !d.allowEmptyString && (d.type === 'String' || d.type === 'Char')) {
      throw new BindFailure('ParameterArgumentValidationErrorEmptyStringNotAllowed', { name: p.name });
    }
    // Only a parameter of a collection type is checked for an empty collection and null elements
    // (an [object] or [PSObject] one takes a collection as one value).
    if ((Array.isArray(v) || v instanceof Uint8Array) && d.type.endsWith('[]')) {
      if (v.length === 0 && !d.allowEmptyCollection) throw new BindFailure('ParameterArgumentValidationErrorEmptyArrayNotAllowed', { name: p.name });
      if (Array.isArray(v)) {
        for (const x of v) {
          if (x === null || x === undefined) throw new BindFailure('ParameterArgumentValidationErrorNullNotAllowed', { name: p.name });
          if (x === '' && d.type === 'String[]' && !d.allowEmptyString) throw new BindFailure('ParameterArgumentValidationErrorEmptyStringNotAllowed', { name: p.name });
        }
      }
    }
  }
}

/** Whether a declaration has any Validate* attribute. */
function hasValidation(d: ParameterDeclaration): boolean {
  return !!(d.validateNotNullOrEmpty || d.validateNotNull || d.validateSet || d.validateRange || d.validateCount || d.validateLength || d.validatePattern !== undefined || d.validateScript);
}

/** Text of an argument in messages: its ToString(). */
function argumentText(v: unknown): string {
  return valueText(v);
}

// ---------------------------------------------------------------------------------------------
// The binder

interface PipelinePlan {
  sets: string[];
  byValue: ParamMeta[];
  byProp: ParamMeta[];
  /** Per set: mandatory parameters not bound on the command line. */
  mandatory: Map<string, ParamMeta[]>;
  /**
   * The common ForEach-Object / Where-Object shape: one set, one by-value [object] parameter,
   * nothing by property name, nothing to validate. Every object binds to it directly.
   */
  fast?: ParamMeta;
}

export class CommandBinder {
  private readonly meta: Meta;
  private readonly site: BindingErrorSite;
  private readonly values: Record<string, unknown>;
  private readonly bound = new Set<string>();
  private readonly boundDeclared: ParamMeta[] = [];
  private readonly commonValues: CommonParameterValues = {};
  private readonly extra: unknown[] = [];
  /** Command-line order of the value arguments (remaining arguments keep it). */
  private readonly order = new Map<CommandArgument, number>();
  /** Where each parameter's argument is, for errors raised after binding ([ValidateScript]). */
  private readonly spans = new Map<string, Span>();
  /** Script blocks given to parameters that take pipeline input: bound per pipeline object. */
  private delayed: { p: ParamMeta; block: ScriptBlockValue; span: Span }[] | undefined;
  private validSets: string[];
  private chosen: string | undefined;
  private plan: PipelinePlan | undefined;
  /** A function with [CmdletBinding()] or [Parameter()]: its conversions are the stricter ones of cmdlets. */
  private readonly advancedFunction: boolean;

  constructor(
    readonly decl: CmdletDeclaration,
    private readonly ctx: BindContext,
  ) {
    this.meta = metaOf(decl);
    this.advancedFunction = !!ctx.isFunction && !ctx.allowUnboundArguments;
    this.validSets = this.meta.sets;
    // Declared defaults: what the cmdlet sees for a parameter not bound ($PSBoundParameters leaves them out).
    this.values = declaredDefaults(decl);
    this.site = {
      source: ctx.source,
      invocationName: ctx.invocationName,
      commandName: decl.name,
      commandFullName: ctx.commandFullName,
    };
  }

  private fail(id: BindingErrorId, args: Record<string, string>, span: Span): never {
    throw new TerminatingError(bindingError(id, args, this.site, span));
  }

  private failure(f: unknown, span: Span): never {
    if (f instanceof BindFailure) this.fail(f.id, f.args, span);
    throw f;
  }

  /** Resolves a typed name; throws AmbiguousParameter; undefined when nothing matches. */
  private resolve(name: string, span: Span): ParamMeta | undefined {
    const found = lookupParameter(this.meta, this.decl, name);
    if (found.length > 1) this.fail('AmbiguousParameter', { name, matches: matchList(found.map((p) => p.name)) }, span);
    return found[0];
  }

  /** Binds one converted value (named, positional or prompted). */
  private bindValue(p: ParamMeta, raw: unknown, span: Span, paramSpan: Span): void {
    if (this.bound.has(p.name)) this.fail('ParameterAlreadyBound', { name: p.name }, paramSpan);
    if (raw instanceof ScriptBlockValue && this.delaysBinding(p)) {
      // A delay-bind script block: evaluated for each pipeline object, its output is the value.
      this.store(p, raw, span);
      (this.delayed ??= []).push({ p, block: raw, span });
      return;
    }
    let value: unknown;
    try {
      value = coerce(p, raw, !!this.ctx.isFunction, this.advancedFunction);
      validate(p, value);
    } catch (f) {
      this.failure(f, span);
    }
    this.store(p, value, span);
  }

  private store(p: ParamMeta, value: unknown, span?: Span): void {
    this.bound.add(p.name);
    if (span) this.spans.set(p.name, span);
    if (p.common) {
      // Suspend is an ActionPreference only workflows take (5.1 refuses it on cmdlets and functions).
      if (/Action$/.test(p.name) && toDisplayText(value) === 'Suspend') {
        this.fail('ParameterBindingFailed', { name: p.name, reason: 'The action preference of "Suspend" is supported only for workflows.' }, span ?? this.ctx.commandSpan);
      }
      this.setCommon(p.name, value);
      return;
    }
    this.values[p.name] = value;
    this.boundDeclared.push(p);
    this.validSets = this.validSets.filter((s) => membership(p, s) !== undefined);
    this.chosen = undefined;
  }

  private setCommon(name: string, value: unknown): void {
    const c = this.commonValues as Record<string, unknown>;
    c[name[0]!.toLowerCase() + name.slice(1)] = value;
  }

  bindArguments(args: CommandArgument[]): void {
    const positional: CommandArgument[] = [];
    /** Unknown named arguments kept for a ValueFromRemainingArguments parameter, with their order. */
    const unknown: { order: number; arg: CommandArgument }[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a.kind === 'value') {
        this.order.set(a, i);
        positional.push(a);
        continue;
      }
      const name = a.name ?? '';
      const p = this.resolve(name, a.span);
      if (!p) {
        const text: CommandArgument = { kind: 'value', value: a.hasColonArgument ? `-${name}:` : `-${name}`, span: a.span };
        const colonValue: CommandArgument | undefined = a.hasColonArgument ? { kind: 'value', value: a.value, span: a.span } : undefined;
        if (this.ctx.allowUnboundArguments) {
          // Simple functions bind unknown dash words positionally, as PowerShell does.
          this.order.set(text, i);
          positional.push(text);
          if (colonValue) {
            this.order.set(colonValue, i);
            positional.push(colonValue);
          }
          continue;
        }
        // A command with a ValueFromRemainingArguments parameter takes them there (as `-Name` text).
        if (this.remainingParameter()) {
          unknown.push({ order: i, arg: text });
          if (colonValue) unknown.push({ order: i, arg: colonValue });
          continue;
        }
        this.fail('NamedParameterNotFound', { name }, a.span);
      }
      if (a.hasColonArgument) {
        this.bindValue(p, argumentValue(p, a), a.span, a.span);
        continue;
      }
      if (p.isSwitch) {
        if (this.bound.has(p.name)) this.fail('ParameterAlreadyBound', { name: p.name }, a.span);
        this.store(p, true);
        continue;
      }
      const next = args[i + 1];
      if (!next) this.fail('MissingArgument', { name: p.name, type: p.typeName }, a.span);
      if (next.kind === 'parameter') {
        // `-Name -Other`: a dash word that is not a parameter of this command is a value.
        if (next.hasColonArgument || lookupParameter(this.meta, this.decl, next.name ?? '').length > 0) {
          this.fail('MissingArgument', { name: p.name, type: p.typeName }, a.span);
        }
        i++;
        this.bindValue(p, `-${next.name}`, next.span, a.span);
        continue;
      }
      i++;
      this.bindValue(p, argumentValue(p, next), next.span, a.span);
    }
    if (this.validSets.length === 0) this.fail('AmbiguousParameterSet', {}, this.ctx.commandSpan);
    this.bindPositional(positional, unknown);
  }

  /** The unbound ValueFromRemainingArguments parameter of the sets still possible. */
  private remainingParameter(): ParamMeta | undefined {
    return this.meta.declared.find((p) => !this.bound.has(p.name) && this.validSets.some((s) => membership(p, s)?.fromRemainingArguments));
  }

  private bindPositional(positional: CommandArgument[], unknown: { order: number; arg: CommandArgument }[] = []): void {
    let next = 0;
    if (positional.length > 0) {
      // Unbound positional parameters of the still-valid sets, grouped by position.
      const byPos = new Map<number, ParamMeta[]>();
      for (const p of this.meta.declared) {
        if (this.bound.has(p.name)) continue;
        for (const s of this.validSets) {
          const m = membership(p, s);
          if (m?.position === undefined || m.fromRemainingArguments) continue;
          const list = byPos.get(m.position) ?? [];
          if (!list.includes(p)) list.push(p);
          byPos.set(m.position, list);
        }
      }
      const positions = [...byPos.keys()].sort((a, b) => a - b);
      for (const pos of positions) {
        if (next >= positional.length) break;
        const roomy = this.roomySets(positional.length - next);
        const candidates = byPos.get(pos)!.filter((p) => !this.bound.has(p.name) && roomy.some((s) => membership(p, s)?.position === pos));
        if (candidates.length === 0) continue;
        const arg = positional[next]!;
        // Default set first, then the others; without coercion before with coercion.
        const ordered = this.orderBySets(candidates, pos);
        let chosen: ParamMeta | undefined;
        let value: unknown;
        for (const p of ordered) {
          const raw = argumentValue(p, arg) ?? null;
          // A string is an enum's value only after conversion: a [string] parameter at the same
          // position takes it first (Add-Member a Method Any is a note named Method).
          if ((p.decl.type === 'Enum' || p.decl.type === 'Enum[]') && typeof raw === 'string') continue;
          const v = exact(p, raw);
          if (v !== NO) {
            chosen = p;
            value = v;
            break;
          }
        }
        if (!chosen) {
          let firstFailure: unknown;
          for (const p of ordered) {
            try {
              value = coerce(p, argumentValue(p, arg), !!this.ctx.isFunction, this.advancedFunction);
              chosen = p;
              break;
            } catch (f) {
              firstFailure ??= f;
            }
          }
          if (!chosen) this.failure(firstFailure, arg.span);
        }
        try {
          validate(chosen, value);
        } catch (f) {
          this.failure(f, arg.span);
        }
        this.store(chosen, value, arg.span);
        next++;
      }
    }
    if (next < positional.length || unknown.length) {
      // What is left, in command-line order: positional values and unknown `-Name` words.
      const rest = [
        ...positional.slice(next).map((arg) => ({ order: this.order.get(arg) ?? -1, arg })),
        ...unknown,
      ].sort((a, b) => a.order - b.order).map((x) => x.arg);
      const remaining = this.remainingParameter();
      if (remaining) {
        const values = rest.map((a) => a.value ?? null);
        // `f 1,2` gives the parameter the array itself, not an array holding it.
        const raw = values.length === 1 && Array.isArray(values[0]) ? values[0] : values;
        let value: unknown;
        try {
          value = coerce(remaining, raw, !!this.ctx.isFunction, this.advancedFunction);
          validate(remaining, value);
        } catch (f) {
          // `% { $_ } foo`: a word where a script block must go is a binding error at that word.
          this.failure(f, rest[0]!.span);
        }
        this.store(remaining, value, rest[0]!.span);
      } else if (unknown.length) {
        this.fail('NamedParameterNotFound', { name: String(unknown[0]!.arg.value).replace(/^-|:$/g, '') }, unknown[0]!.arg.span);
      } else if (this.ctx.allowUnboundArguments) {
        for (const a of rest) this.extra.push(a.value ?? null);
      } else {
        this.fail('PositionalParameterNotFound', { name: argumentText(rest[0]!.value) }, this.ctx.commandSpan);
      }
    }
    if (this.validSets.length === 0) this.fail('AmbiguousParameterSet', {}, this.ctx.commandSpan);
  }

  /**
   * The valid sets with room for `count` more positional arguments (unbound positional parameters,
   * or one taking the remaining arguments): `Add-Member NoteProperty Name Value` binds in the set
   * with three positions, not the one with two. None roomy: all of them (the error comes later).
   */
  private roomySets(count: number): string[] {
    if (this.validSets.length < 2) return this.validSets;
    const roomy = this.validSets.filter((s) => {
      let slots = 0;
      for (const p of this.meta.declared) {
        const m = membership(p, s);
        if (!m || this.bound.has(p.name)) continue;
        if (m.fromRemainingArguments) return true;
        if (m.position !== undefined) slots++;
      }
      return slots >= count;
    });
    return roomy.length ? roomy : this.validSets;
  }

  private orderBySets(candidates: ParamMeta[], pos: number): ParamMeta[] {
    if (candidates.length === 1) return candidates;
    const out: ParamMeta[] = [];
    for (const s of this.validSets) {
      for (const p of candidates) if (!out.includes(p) && membership(p, s)?.position === pos) out.push(p);
    }
    return out;
  }

  /** Sets still possible; with pipeline input, those that take no pipeline input are dropped. */
  private candidateSets(expectingInput: boolean): string[] {
    let sets = this.validSets;
    if (sets.length > 1 && expectingInput) {
      const withPipe = sets.filter((s) =>
        this.meta.declared.some((p) => {
          const m = membership(p, s);
          return !this.bound.has(p.name) && (m?.fromPipeline || m?.fromPipelineByPropertyName);
        }),
      );
      if (withPipe.length) sets = withPipe;
    }
    return sets;
  }

  private missingIn(set: string, expectingInput: boolean): ParamMeta[] {
    const out: ParamMeta[] = [];
    for (const p of this.meta.declared) {
      const m = membership(p, set);
      if (!m?.mandatory || this.bound.has(p.name)) continue;
      if (expectingInput && (m.fromPipeline || m.fromPipelineByPropertyName)) continue;
      out.push(p);
    }
    return out;
  }

  /** The parameter set for the arguments bound so far (default set when ambiguous). */
  private resolveSet(expectingInput: boolean): string {
    if (this.chosen) return this.chosen;
    const sets = this.candidateSets(expectingInput);
    if (sets.length === 0) this.fail('AmbiguousParameterSet', {}, this.ctx.commandSpan);
    if (sets.length === 1) return (this.chosen = sets[0]!);
    if (sets.includes(this.meta.defaultSet)) return (this.chosen = this.meta.defaultSet);
    const satisfied = sets.filter((s) => this.missingIn(s, expectingInput).length === 0);
    if (satisfied.length === 1) return (this.chosen = satisfied[0]!);
    // With pipeline input the objects may still decide; choose per object then.
    if (expectingInput) return sets[0]!;
    this.fail('AmbiguousParameterSet', {}, this.ctx.commandSpan);
  }

  missingMandatory(expectingInput: boolean): { name: string; decl: ParameterDeclaration; helpMessage?: string }[] {
    const set = this.resolveSet(expectingInput);
    return this.missingIn(set, expectingInput).map((p) => ({ name: p.name, decl: p.decl, helpMessage: membership(p, set)?.helpMessage }));
  }

  bindPrompted(values: Record<string, unknown>): void {
    for (const [name, v] of Object.entries(values)) {
      const p = this.meta.declared.find((x) => x.lower === name.toLowerCase());
      if (!p || this.bound.has(p.name)) continue;
      this.bindValue(p, v, this.ctx.commandSpan, this.ctx.commandSpan);
    }
  }

  /** Throws MissingMandatoryParameter if still missing (non-interactive). */
  /**
   * Whether a script block argument of `p` is a delay-bind script block: `p` takes pipeline input
   * in a set still possible, and a script block is not a value of its type.
   */
  private delaysBinding(p: ParamMeta): boolean {
    if (p.common || !p.pipeline || SCRIPT_BLOCK_BINDABLE.has(p.decl.type)) return false;
    return this.validSets.some((s) => {
      const m = membership(p, s);
      return m !== undefined && (m.fromPipeline || m.fromPipelineByPropertyName);
    });
  }

  /** Whether some parameter waits for pipeline objects to run its script block (bindDelayed). */
  hasDelayedBinding(): boolean {
    return this.delayed !== undefined;
  }

  /**
   * Runs the delay-bind script blocks with `$_` set to one pipeline object and binds their output
   * (one object as itself, several as a collection) to their parameters in `params`; a block that
   * fails or writes nothing is that object's binding error.
   */
  async bindDelayed(
    run: (block: ScriptBlockValue, input: unknown) => MaybePromise<unknown[]>,
    params: Record<string, unknown>,
    input: unknown,
  ): Promise<ErrorRecord | undefined> {
    for (const { p, block, span } of this.delayed ?? []) {
      let out: unknown[];
      try {
        out = await run(block, input);
      } catch (e) {
        if (!(e instanceof TerminatingError)) throw e;
        return bindingError('ScriptBlockArgumentInvocationFailed', { name: p.name, detail: e.record.message }, this.site, span, input);
      }
      if (out.length === 0) return bindingError('ScriptBlockArgumentNoOutput', { name: p.name }, this.site, span, input);
      try {
        const value = coerce(p, out.length === 1 ? out[0] : out, !!this.ctx.isFunction);
        validate(p, value);
        params[p.name] = value;
      } catch (f) {
        if (f instanceof BindFailure) return bindingError(f.id, f.args, this.site, span, input);
        throw f;
      }
    }
    return undefined;
  }

  checkMandatory(expectingInput: boolean): void {
    const first = this.delayed?.[0];
    if (first && !expectingInput) this.fail('ScriptBlockArgumentNoInput', { name: first.p.name }, first.span);
    const missing = this.missingMandatory(expectingInput);
    if (missing.length) this.fail('MissingMandatoryParameter', { list: missingList(missing.map((m) => m.name)) }, this.ctx.commandSpan);
  }

  private pipelinePlan(): PipelinePlan {
    if (this.plan) return this.plan;
    const sets = this.candidateSets(true);
    const ordered = this.chosen && sets.includes(this.chosen) ? [this.chosen, ...sets.filter((s) => s !== this.chosen)] : sets;
    const byValue: ParamMeta[] = [];
    const byProp: ParamMeta[] = [];
    for (const s of ordered) {
      for (const p of this.meta.declared) {
        if (this.bound.has(p.name) || !p.pipeline) continue;
        const m = membership(p, s);
        if (m?.fromPipeline && !byValue.includes(p)) byValue.push(p);
        if (m?.fromPipelineByPropertyName && !byProp.includes(p)) byProp.push(p);
      }
    }
    const mandatory = new Map<string, ParamMeta[]>();
    for (const s of ordered) mandatory.set(s, this.missingIn(s, false));
    const plan: PipelinePlan = { sets: ordered, byValue, byProp, mandatory };
    const only = byValue[0];
    if (
      ordered.length === 1 && byValue.length === 1 && byProp.length === 0 && only &&
      (only.decl.type === 'Object' || only.decl.type === 'PSObject') &&
      !only.mandatoryInSomeSet && !hasValidation(only.decl) &&
      mandatory.get(ordered[0]!)!.every((p) => p === only)
    ) {
      plan.fast = only;
    }
    return (this.plan = plan);
  }

  /**
   * Binds one pipeline object: by value, then by property name, each first without then with
   * coercion. Returns the parameters for this object, or a non-terminating ErrorRecord.
   */
  bindPipelineObject(input: unknown): { params: Record<string, unknown>; parameterSet: string } | ErrorRecord {
    const plan = this.pipelinePlan();
    if (plan.fast) {
      const params = copyValues(this.values);
      params[plan.fast.name] = input;
      return { params, parameterSet: plan.sets[0]! };
    }
    const got: ParamMeta[] = [];
    const vals: unknown[] = [];
    let sets = plan.sets;
    // A parameter takes the object only in a set still possible where it takes pipeline input that way.
    const fits = (p: ParamMeta, byName: boolean) =>
      !got.includes(p) &&
      sets.some((s) => {
        const m = membership(p, s);
        return m !== undefined && (byName ? m.fromPipelineByPropertyName : m.fromPipeline);
      });
    const take = (p: ParamMeta, v: unknown): ErrorRecord | undefined => {
      try {
        validate(p, v);
      } catch (f) {
        if (f instanceof BindFailure) return bindingError(f.id, f.args, this.site, this.ctx.commandSpan, input);
        throw f;
      }
      got.push(p);
      vals.push(v);
      if (sets.length > 1) sets = sets.filter((s) => membership(p, s) !== undefined);
      return undefined;
    };
    for (let stage = 0; stage < 4; stage++) {
      const byName = stage % 2 === 1;
      const list = byName ? plan.byProp : plan.byValue;
      for (const p of list) {
        if (!fits(p, byName)) continue;
        let source: unknown = input;
        if (byName) {
          source = propertyOf(input, p.names);
          if (source === NO) continue;
        }
        let v: Maybe;
        if (stage < 2) v = exact(p, source);
        else {
          try {
            v = coerce(p, source, !!this.ctx.isFunction, this.advancedFunction);
          } catch (f) {
            if (f instanceof BindFailure) continue;
            throw f;
          }
        }
        if (v === NO) continue;
        const err = take(p, v);
        if (err) return err;
      }
    }
    // A delay-bind script block takes the object even when no parameter binds from it.
    if (got.length === 0 && !this.delayed) {
      return bindingError('InputObjectNotBound', {}, this.site, this.ctx.commandSpan, input);
    }
    const set = sets[0]!;
    const missing = plan.mandatory.get(set)?.filter((p) => !got.includes(p)) ?? [];
    if (missing.length) {
      return bindingError('InputObjectMissingMandatory', { list: missingList(missing.map((p) => p.name)) }, this.site, this.ctx.commandSpan, input);
    }
    const params = copyValues(this.values);
    for (let i = 0; i < got.length; i++) params[got[i]!.name] = vals[i];
    return { params, parameterSet: set };
  }

  /**
   * [ValidateScript]: runs each block with `$_` set to each element of its parameter's value; a
   * result that is not true, or an error in the block, is ParameterArgumentValidationError.
   * Without `pipelineValues`, checks what the command line bound and throws; with them (one
   * pipeline object's parameters), checks those bound from the object and returns the error.
   */
  async validateScripts(
    run: (block: ScriptBlockValue, value: unknown) => MaybePromise<unknown[]>,
    pipelineValues?: Record<string, unknown>,
    input?: unknown,
  ): Promise<ErrorRecord | undefined> {
    const list = pipelineValues ? this.meta.declared.filter((p) => !this.bound.has(p.name) && p.name in pipelineValues) : this.boundDeclared;
    for (const p of list) {
      const block = p.decl.validateScript;
      if (!block) continue;
      const value = pipelineValues ? pipelineValues[p.name] : this.values[p.name];
      let failure: BindFailure | undefined;
      try {
        for (const x of elementsOf(p, value)) {
          if (x === null || x === undefined) throw invalid(p, VALIDATE_NOT_NULL_TEXT);
          const out = await run(block, x);
          if (!isTruthy(out.length === 1 ? out[0] : out)) throw invalid(p, validateScriptText(valueText(x), block.text));
        }
      } catch (e) {
        failure = e instanceof BindFailure ? e : invalid(p, innerMessage(e));
      }
      if (!failure) continue;
      const span = (!pipelineValues && this.spans.get(p.name)) || this.ctx.commandSpan;
      const record = bindingError(failure.id, failure.args, this.site, span, pipelineValues ? input : undefined);
      if (pipelineValues) return record;
      throw new TerminatingError(record);
    }
    return undefined;
  }

  /** Whether some parameter has a [ValidateScript] (callers skip validateScripts otherwise). */
  hasValidationScripts(): boolean {
    return (this.meta.validationScripts ??= this.meta.declared.some((p) => p.decl.validateScript !== undefined));
  }

  /** Command-line bound values by canonical name, over the declared defaults (switches not given are absent). */
  params(): Record<string, unknown> {
    return copyValues(this.values);
  }

  parameterSetName(): string {
    if (this.chosen) return this.chosen;
    try {
      return this.resolveSet(false);
    } catch {
      return this.validSets[0] ?? this.meta.defaultSet;
    }
  }

  common(): CommonParameterValues {
    return this.commonValues;
  }

  /** Canonical names of everything bound on the command line, common parameters included. */
  boundNames(): Set<string> {
    return this.bound;
  }

  /** For allowUnboundArguments: what goes to `$args`. */
  unboundArguments(): unknown[] {
    return this.extra;
  }
}

/** Parameter types a script block is a value of: no delay-binding for them. */
const SCRIPT_BLOCK_BINDABLE = new Set(['Object', 'Object[]', 'PSObject', 'PSObject[]', 'ScriptBlock', 'ScriptBlock[]']);

/**
 * A copy of bound values, one per pipeline object. A for-in copy, not `{ ...values }`: measured,
 * the spread took V8's slow clone path here and made the 200k-object pipeline five times slower.
 */
function copyValues(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in values) out[k] = values[k];
  return out;
}

/** A property of a pipeline object by one of the names (lower case), or NO. */
function propertyOf(input: unknown, names: string[]): Maybe {
  if (input instanceof PSObject) {
    for (const n of names) {
      const prop = input.property(n);
      if (prop) return prop.get();
    }
    return NO;
  }
  if (input !== null && typeof input === 'object' && !Array.isArray(input) && !(input instanceof PSHashtable) && !(input instanceof Date)) {
    const keys = Object.keys(input);
    for (const n of names) {
      const k = keys.find((key) => key.toLowerCase() === n);
      if (k) return (input as Record<string, unknown>)[k];
    }
    // Getters on the prototype (domain classes).
    let proto = Object.getPrototypeOf(input);
    while (proto && proto !== Object.prototype) {
      for (const k of Object.getOwnPropertyNames(proto)) {
        if (names.includes(k.toLowerCase()) && Object.getOwnPropertyDescriptor(proto, k)?.get) return (input as Record<string, unknown>)[k];
      }
      proto = Object.getPrototypeOf(proto);
    }
  }
  // A string's Length, a date's Year ...: the .NET properties of plain values.
  if (typeof input === 'string' || input instanceof Date) {
    for (const n of names) if (hasMember(input, n)) return getMember(input, n);
  }
  return NO;
}

// ---------------------------------------------------------------------------------------------
// Functions and scripts: param() blocks → declarations

const TYPE_MAP: Record<string, ParameterType> = {
  'System.String': 'String',
  'System.String[]': 'String[]',
  'System.Int32': 'Int32',
  'System.Int32[]': 'Int32[]',
  'System.Int64': 'Int64',
  'System.Double': 'Double',
  'System.Single': 'Double',
  'System.Decimal': 'Decimal',
  'System.Boolean': 'Boolean',
  'System.Management.Automation.SwitchParameter': 'Switch',
  'System.Object': 'Object',
  'System.Object[]': 'Object[]',
  'System.Management.Automation.PSObject': 'PSObject',
  'System.Management.Automation.PSObject[]': 'PSObject[]',
  'System.Management.Automation.ScriptBlock': 'ScriptBlock',
  'System.Management.Automation.ScriptBlock[]': 'ScriptBlock[]',
  'System.Security.SecureString': 'SecureString',
  'System.Management.Automation.PSCredential': 'PSCredential',
  'System.Byte[]': 'Byte[]',
  'System.Char': 'Char',
  'System.DateTime': 'DateTime',
  'System.TimeSpan': 'TimeSpan',
  'System.Collections.Hashtable': 'Hashtable',
  'System.Collections.Hashtable[]': 'Hashtable[]',
};

/** PowerShell keeps a command's parameter sets as the bits of a 32-bit mask: a 33rd named set cannot be. */
const MAX_PARAMETER_SETS = 32;

function checkParameterSetCount(parameters: Record<string, ParameterDeclaration>): void {
  const names = new Set<string>();
  for (const decl of Object.values(parameters)) for (const name of Object.keys(decl.sets ?? {})) if (name !== ALL_SETS) names.add(name);
  if (names.size > MAX_PARAMETER_SETS) {
    throw runtimeError('Cannot get or run the command. The maximum number of parameter sets for this command has been exceeded.', 'ParsingTooManyParameterSets', 'MetadataError', 'ParsingMetadataException');
  }
}

/**
 * A function's or script's param block as declarations. Without any explicit Position, the
 * non-switch parameters are positional in declaration order.
 */
export function declarationFromParamBlock(
  params: ParameterDeclAst[],
  evalConstant: (e: ExpressionAst) => unknown,
): Record<string, ParameterDeclaration> {
  const out: Record<string, ParameterDeclaration> = {};
  let anyPosition = false;
  const flat = (v: unknown): unknown[] => (Array.isArray(v) ? v.flatMap(flat) : [v]);
  for (const p of params) {
    const decl: ParameterDeclaration = { type: 'Object' };
    if (p.type) {
      const full = resolveTypeName(p.type.name);
      const en = full ? enumInfo(full.replace(/\[\]$/, '')) : undefined;
      if (en) {
        decl.type = full!.endsWith('[]') ? 'Enum[]' : 'Enum';
        decl.enum = en;
      } else {
        decl.type = (full && TYPE_MAP[full]) || 'Object';
        // Numeric types and typed arrays with no ParameterType of their own still convert.
        if (full && !TYPE_MAP[full] && (NUMERIC_TYPES[full.replace(/\[\]$/, '')] || full.endsWith('[]'))) decl.convertTo = full;
        else if (full && !TYPE_MAP[full]) decl.netType = full;
      }
    }
    const sets: Record<string, ParameterSetMembership> = {};
    for (const a of p.attributes) {
      const an = a.name.toLowerCase().replace(/^system\.management\.automation\./, '').replace(/attribute$/, '');
      const named = (n: string) => a.named.find((x) => x.name.toLowerCase() === n.toLowerCase());
      const flag = (n: string) => {
        const x = named(n);
        return x ? (x.value ? isTruthy(evalConstant(x.value)) : true) : undefined;
      };
      const positionals = () => a.positional.flatMap((e) => flat(evalConstant(e)));
      switch (an) {
        case 'parameter': {
          const setName = named('ParameterSetName');
          const key = setName?.value ? toDisplayText(evalConstant(setName.value)) : ALL_SETS;
          // A Position or a set name anywhere turns off the automatic positions (PowerShell's compiler).
          if (key !== ALL_SETS) anyPosition = true;
          const m: ParameterSetMembership = {};
          const pos = named('Position');
          if (pos?.value) {
            m.position = Number(evalConstant(pos.value));
            anyPosition = true;
          }
          if (flag('Mandatory')) m.mandatory = true;
          if (flag('ValueFromPipeline')) m.fromPipeline = true;
          if (flag('ValueFromPipelineByPropertyName')) m.fromPipelineByPropertyName = true;
          if (flag('ValueFromRemainingArguments')) m.fromRemainingArguments = true;
          const help = named('HelpMessage');
          if (help?.value) m.helpMessage = toDisplayText(evalConstant(help.value));
          sets[key] = m;
          break;
        }
        case 'alias':
          decl.aliases = positionals().map(toDisplayText);
          break;
        case 'validateset':
          decl.validateSet = positionals().map(toDisplayText);
          break;
        case 'validaterange': {
          const [min, max] = positionals().map(Number);
          decl.validateRange = [min ?? -Infinity, max ?? Infinity];
          break;
        }
        case 'validatenotnullorempty':
          decl.validateNotNullOrEmpty = true;
          break;
        case 'validatenotnull':
          decl.validateNotNull = true;
          break;
        case 'validatecount':
        case 'validatelength': {
          const [min, max] = positionals().map(Number);
          const range: [number, number] = [min ?? 0, max ?? Infinity];
          if (an === 'validatecount') decl.validateCount = range;
          else decl.validateLength = range;
          break;
        }
        case 'validatepattern': {
          const [pattern] = positionals();
          if (pattern !== undefined && pattern !== null) decl.validatePattern = toDisplayText(pattern);
          break;
        }
        case 'validatescript': {
          const [block] = positionals();
          if (block instanceof ScriptBlockValue) decl.validateScript = block;
          break;
        }
        case 'allownull':
          decl.allowNull = true;
          break;
        case 'allowemptystring':
          decl.allowEmptyString = true;
          break;
        case 'allowemptycollection':
          decl.allowEmptyCollection = true;
          break;
      }
    }
    if (Object.keys(sets).length) decl.sets = sets;
    out[p.name] = decl;
  }
  checkParameterSetCount(out);
  if (!anyPosition) {
    let pos = 0;
    for (const [, decl] of Object.entries(out)) {
      if (decl.type === 'Switch') continue;
      const s = (decl.sets ??= { [ALL_SETS]: {} });
      for (const m of Object.values(s)) m.position = pos;
      pos++;
    }
  }
  return out;
}

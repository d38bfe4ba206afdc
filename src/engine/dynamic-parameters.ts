// Dynamic parameters: the objects a `dynamicparam { }` block builds (ParameterAttribute,
// Collection[Attribute], RuntimeDefinedParameter, RuntimeDefinedParameterDictionary) and what
// binding makes of its result: parameter declarations in the AST form a param block has, so the
// one binder (binder.ts, declarationFromParamBlock) binds them, and the values put back.
import type * as A from '../../grammar/ast.js';
import { registerTypeName, resolveTypeName, toNumber } from '../protocol/convert.js';
import { overloadError } from '../protocol/members.js';
import { PSHashtable, PSObject, PSTypeValue, markList, toDisplayText, isTruthy } from '../protocol/values.js';

const SMA = 'System.Management.Automation.';
export const PARAMETER_ATTRIBUTE = SMA + 'ParameterAttribute';
export const RUNTIME_PARAMETER = SMA + 'RuntimeDefinedParameter';
export const RUNTIME_DICTIONARY = SMA + 'RuntimeDefinedParameterDictionary';
for (const t of [PARAMETER_ATTRIBUTE, RUNTIME_PARAMETER, RUNTIME_DICTIONARY, 'System.Attribute']) registerTypeName(t);

/** A settable property of a constructed object. */
function field(o: PSObject, name: string, typeName: string, initial: unknown): void {
  let current = initial;
  o.addProperty({ name, memberType: 'Property', typeName, get: () => current, set: (v) => (current = v) });
}

/** `[ParameterAttribute]::new()`: 5.1's defaults (every set, no position). */
function parameterAttribute(): PSObject {
  const o = new PSObject([PARAMETER_ATTRIBUTE, SMA + 'ParsingBaseAttribute', SMA + 'CmdletMetadataAttribute', 'System.Attribute', 'System.Object']);
  field(o, 'Position', 'System.Int32', -2147483648);
  field(o, 'ParameterSetName', 'System.String', '__AllParameterSets');
  field(o, 'Mandatory', 'System.Boolean', false);
  field(o, 'ValueFromPipeline', 'System.Boolean', false);
  field(o, 'ValueFromPipelineByPropertyName', 'System.Boolean', false);
  field(o, 'ValueFromRemainingArguments', 'System.Boolean', false);
  field(o, 'HelpMessage', 'System.String', null);
  field(o, 'DontShow', 'System.Boolean', false);
  return o;
}

/** `[RuntimeDefinedParameter]::new(name, type, attributes)`: setting Value sets IsSet. */
function runtimeParameter(args: unknown[]): PSObject {
  if (args.length !== 0 && args.length !== 3) overloadError('new', args.length);
  const o = new PSObject([RUNTIME_PARAMETER, 'System.Object']);
  field(o, 'Name', 'System.String', args.length ? toDisplayText(args[0]) : null);
  field(o, 'ParameterType', 'System.Type', args[1] ?? null);
  field(o, 'Attributes', 'System.Collections.ObjectModel.Collection[System.Attribute]', args[2] ?? markList([], { typeName: 'System.Collections.ObjectModel.Collection[System.Attribute]', addReturnsIndex: false }));
  field(o, 'IsSet', 'System.Boolean', false);
  let value: unknown = null;
  o.addProperty({
    name: 'Value',
    memberType: 'Property',
    typeName: 'System.Object',
    get: () => value,
    set: (v) => {
      value = v;
      o.property('IsSet')!.set!(true);
    },
  });
  return o;
}

/** The dynamic-parameter objects `[T]::new()` and New-Object make; undefined for other types. */
export function constructDynamicParameterObject(fullName: string, args: unknown[]): unknown {
  const lower = fullName.toLowerCase();
  if (lower.startsWith('system.collections.objectmodel.collection[')) {
    if (args.length > 1) overloadError('new', args.length);
    return markList(args.length === 1 && Array.isArray(args[0]) ? [...args[0]] : [], { typeName: fullName, addReturnsIndex: false });
  }
  switch (lower) {
    case PARAMETER_ATTRIBUTE.toLowerCase():
      if (args.length) overloadError('new', args.length);
      return parameterAttribute();
    case RUNTIME_PARAMETER.toLowerCase():
      return runtimeParameter(args);
    case RUNTIME_DICTIONARY.toLowerCase(): {
      const d = new PSHashtable();
      d.dotnetType = RUNTIME_DICTIONARY;
      return d;
    }
  }
  return undefined;
}

const AT = { start: 0, end: 0 };
const constant = (v: unknown): A.ExpressionAst =>
  typeof v === 'boolean'
    ? { kind: 'Variable', span: AT, name: v ? 'true' : 'false' }
    : typeof v === 'number'
      ? { kind: 'Constant', span: AT, value: v, numberType: 'Int32' }
      : { kind: 'StringConstant', span: AT, value: toDisplayText(v), quote: 'single' };

/** A ParameterAttribute object as the attribute a param block would have written. */
function attributeAst(a: PSObject): A.AttributeAst {
  const named: A.AttributeAst['named'] = [];
  const put = (name: string, v: unknown) => named.push({ name, value: constant(v), span: AT });
  const get = (n: string) => a.property(n)?.get();
  if (toDisplayText(get('ParameterSetName')) !== '__AllParameterSets') put('ParameterSetName', get('ParameterSetName'));
  const pos = toNumber(get('Position'));
  if (pos >= 0) put('Position', pos);
  for (const flag of ['Mandatory', 'ValueFromPipeline', 'ValueFromPipelineByPropertyName', 'ValueFromRemainingArguments']) if (isTruthy(get(flag))) put(flag, true);
  return { kind: 'Attribute', span: AT, name: 'Parameter', positional: [], named };
}

/** What a dynamicparam block returned, as parameters: a RuntimeDefinedParameterDictionary, or an object whose [Parameter] properties are the parameters (a class instance). */
export interface DynamicParameters {
  declarations: A.ParameterDeclAst[];
  /** Puts a bound value where the block's result keeps it. */
  assign(name: string, value: unknown): void;
}

export function dynamicParameters(result: unknown, classProperties: (o: PSObject) => A.PropertyMemberAst[] | undefined): DynamicParameters | undefined {
  if (result instanceof PSHashtable && result.dotnetType === RUNTIME_DICTIONARY) {
    const declarations: A.ParameterDeclAst[] = [];
    for (const p of result.values()) {
      if (!(p instanceof PSObject)) continue;
      const name = toDisplayText(p.property('Name')?.get());
      const type = p.property('ParameterType')?.get();
      const attrs = p.property('Attributes')?.get();
      const decl: A.ParameterDeclAst = {
        kind: 'ParameterDecl',
        span: AT,
        name,
        attributes: (Array.isArray(attrs) ? attrs : []).filter((a): a is PSObject => a instanceof PSObject && a.typeNames[0] === PARAMETER_ATTRIBUTE).map(attributeAst),
      };
      const typeName = type instanceof PSTypeValue ? type.fullName : type ? resolveTypeName(toDisplayText(type)) : undefined;
      if (typeName) decl.type = { kind: 'TypeName', span: AT, name: typeName };
      declarations.push(decl);
    }
    return {
      declarations,
      assign: (name, value) => {
        const p = result.get(name);
        if (p instanceof PSObject) p.property('Value')!.set!(value);
      },
    };
  }
  if (result instanceof PSObject) {
    const props = classProperties(result);
    if (!props) return undefined;
    const declarations: A.ParameterDeclAst[] = props
      .filter((p) => p.attributes.some((a) => /^(system\.management\.automation\.)?parameter(attribute)?$/i.test(a.name)))
      .map((p) => {
        const d: A.ParameterDeclAst = { kind: 'ParameterDecl', span: p.span, name: p.name, attributes: p.attributes };
        if (p.type) d.type = p.type;
        return d;
      });
    return { declarations, assign: (name, value) => result.property(name)?.set?.(value) };
  }
  return undefined;
}

// Get-Command's parameter metadata, built from the one declaration (a cmdlet's, or a function's
// param block) through src/protocol/parameter-sets.ts: `.Parameters` is a dictionary of
// ParameterMetadata by name, `.ParameterSets` a list of CommandParameterSetInfo (default set
// first), each with its CommandParameterInfo, as System.Management.Automation has them.

import { ALL_SETS, type CmdletDeclaration, type ParameterDeclaration, type ParameterSetMembership } from '../../protocol/cmdlet.js';
import { commonParametersOf, parameterTypeName } from '../../protocol/parameter-sets.js';
import { PSHashtable, PSObject, PSTypeValue } from '../../protocol/values.js';
import { parameterSets, syntaxLines } from './help-text.js';

const SMA = 'System.Management.Automation';
/** What .NET's Position is when a parameter has none (int.MinValue). */
const NO_POSITION = -2147483648;

/** A .NET property (Get-Member: Property, `type Name {get;}`), read-only. */
function prop(o: PSObject, name: string, typeName: string, value: unknown): void {
  o.addProperty({ name, memberType: 'Property', typeName, get: () => value });
}

function dictionary(valueType: string, entries: [string, unknown][]): PSHashtable {
  const h = new PSHashtable();
  h.dotnetType = `System.Collections.Generic.Dictionary\`2[[System.String, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089],[${valueType}, System.Management.Automation, Version=3.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35]]`;
  for (const [k, v] of entries) h.set(k, v);
  return h;
}

/** The parameter's memberships by set name (a parameter without sets is in every set). */
function membershipsBySet(p: ParameterDeclaration): [string, ParameterSetMembership][] {
  const sets = p.sets && Object.keys(p.sets).length ? Object.entries(p.sets) : [];
  return sets.length ? sets : [[ALL_SETS, {}]];
}

/** An attribute object; it shows as its type name, a [Parameter()] as its set name (as 5.1 lists them). */
function attribute(name: string, props: Record<string, [string, unknown]> = {}): PSObject {
  const full = `${SMA}.${name}Attribute`;
  const o = new PSObject([full, 'System.Attribute', 'System.Object']);
  for (const [k, [t, v]] of Object.entries(props)) prop(o, k, t, v);
  prop(o, 'TypeId', 'System.Object', new PSTypeValue(full));
  const text = name === 'Parameter' ? String(props.ParameterSetName?.[1]) : full;
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => text });
  return o;
}

/** The attributes PowerShell keeps for a parameter: one [Parameter()] per set, then [Alias()] and the Validate* / Allow* ones. */
function attributesOf(p: ParameterDeclaration): PSObject[] {
  const out = membershipsBySet(p).map(([set, m]) =>
    attribute('Parameter', {
      Position: ['int', m.position ?? NO_POSITION],
      ParameterSetName: ['string', set],
      Mandatory: ['bool', m.mandatory === true],
      ValueFromPipeline: ['bool', m.fromPipeline === true],
      ValueFromPipelineByPropertyName: ['bool', m.fromPipelineByPropertyName === true],
      ValueFromRemainingArguments: ['bool', m.fromRemainingArguments === true],
      HelpMessage: ['string', m.helpMessage ?? null],
      HelpMessageBaseName: ['string', null],
      HelpMessageResourceId: ['string', null],
      DontShow: ['bool', false],
    }),
  );
  if (p.aliases?.length) out.push(attribute('Alias', { AliasNames: ['System.Collections.Generic.IList[string]', p.aliases.slice()] }));
  if (p.allowNull) out.push(attribute('AllowNull'));
  if (p.allowEmptyString) out.push(attribute('AllowEmptyString'));
  if (p.allowEmptyCollection) out.push(attribute('AllowEmptyCollection'));
  if (p.validateNotNull) out.push(attribute('ValidateNotNull'));
  if (p.validateNotNullOrEmpty) out.push(attribute('ValidateNotNullOrEmpty'));
  if (p.validateCount) out.push(attribute('ValidateCount', { MinLength: ['int', p.validateCount[0]], MaxLength: ['int', p.validateCount[1]] }));
  if (p.validateLength) out.push(attribute('ValidateLength', { MinLength: ['int', p.validateLength[0]], MaxLength: ['int', p.validateLength[1]] }));
  if (p.validatePattern !== undefined) out.push(attribute('ValidatePattern', { RegexPattern: ['string', p.validatePattern], Options: ['System.Text.RegularExpressions.RegexOptions', 'IgnoreCase'] }));
  if (p.validateRange) out.push(attribute('ValidateRange', { MinRange: ['System.Object', p.validateRange[0]], MaxRange: ['System.Object', p.validateRange[1]] }));
  if (p.validateSet) out.push(attribute('ValidateSet', { ValidValues: ['System.Collections.Generic.IList[string]', p.validateSet.slice()], IgnoreCase: ['bool', true] }));
  if (p.validateScript) out.push(attribute('ValidateScript', { ScriptBlock: ['scriptblock', p.validateScript] }));
  return out;
}

function parameterSetMetadata(m: ParameterSetMembership): PSObject {
  const o = new PSObject([`${SMA}.ParameterSetMetadata`, 'System.Object']);
  prop(o, 'Position', 'int', m.position ?? NO_POSITION);
  prop(o, 'IsMandatory', 'bool', m.mandatory === true);
  prop(o, 'ValueFromPipeline', 'bool', m.fromPipeline === true);
  prop(o, 'ValueFromPipelineByPropertyName', 'bool', m.fromPipelineByPropertyName === true);
  prop(o, 'ValueFromRemainingArguments', 'bool', m.fromRemainingArguments === true);
  prop(o, 'HelpMessage', 'string', m.helpMessage ?? null);
  prop(o, 'HelpMessageBaseName', 'string', null);
  prop(o, 'HelpMessageResourceId', 'string', null);
  return o;
}

/** One ParameterMetadata (`(Get-Command X).Parameters['Identity']`). */
function parameterMetadata(name: string, p: ParameterDeclaration): PSObject {
  const o = new PSObject([`${SMA}.ParameterMetadata`, 'System.Object']);
  prop(o, 'Name', 'string', name);
  prop(o, 'ParameterType', 'type', new PSTypeValue(parameterTypeName(p)));
  prop(o, 'ParameterSets', `System.Collections.Generic.Dictionary[string,${SMA}.ParameterSetMetadata]`, dictionary(`${SMA}.ParameterSetMetadata`, membershipsBySet(p).map(([set, m]) => [set, parameterSetMetadata(m)])));
  prop(o, 'IsDynamic', 'bool', false);
  prop(o, 'Aliases', 'System.Collections.ObjectModel.Collection[string]', (p.aliases ?? []).slice());
  prop(o, 'Attributes', 'System.Collections.ObjectModel.Collection[System.Attribute]', attributesOf(p));
  prop(o, 'SwitchParameter', 'bool', p.type === 'Switch');
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => SMA + '.ParameterMetadata' });
  return o;
}

/** The declared parameters, then (for cmdlets and advanced functions) the common ones. */
function allParameters(decl: CmdletDeclaration, withCommon: boolean): [string, ParameterDeclaration][] {
  return [...Object.entries(decl.parameters), ...(withCommon ? Object.entries(commonParametersOf(decl)) : [])];
}

/** `.Parameters`: ParameterMetadata by name. */
export function parametersDictionary(decl: CmdletDeclaration, withCommon: boolean): PSHashtable {
  return dictionary(`${SMA}.ParameterMetadata`, allParameters(decl, withCommon).map(([n, p]) => [n, parameterMetadata(n, p)]));
}

function commandParameterInfo(name: string, p: ParameterDeclaration, m: ParameterSetMembership): PSObject {
  const o = new PSObject([`${SMA}.CommandParameterInfo`, 'System.Object']);
  prop(o, 'Name', 'string', name);
  prop(o, 'ParameterType', 'type', new PSTypeValue(parameterTypeName(p)));
  prop(o, 'IsMandatory', 'bool', m.mandatory === true);
  prop(o, 'IsDynamic', 'bool', false);
  prop(o, 'Position', 'int', m.position ?? NO_POSITION);
  prop(o, 'ValueFromPipeline', 'bool', m.fromPipeline === true);
  prop(o, 'ValueFromPipelineByPropertyName', 'bool', m.fromPipelineByPropertyName === true);
  prop(o, 'ValueFromRemainingArguments', 'bool', m.fromRemainingArguments === true);
  prop(o, 'HelpMessage', 'string', m.helpMessage ?? null);
  prop(o, 'Aliases', 'System.Collections.ObjectModel.ReadOnlyCollection[string]', (p.aliases ?? []).slice());
  prop(o, 'Attributes', 'System.Collections.ObjectModel.ReadOnlyCollection[System.Attribute]', attributesOf(p));
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => SMA + '.CommandParameterInfo' });
  return o;
}

/** `.ParameterSets`: CommandParameterSetInfo per set (the default first); ToString() is the set's syntax. */
export function parameterSetInfos(decl: CmdletDeclaration, withCommon: boolean): PSObject[] {
  const lines = syntaxLines(decl);
  const common = withCommon ? Object.entries(commonParametersOf(decl)) : [];
  return parameterSets(decl).map((set, i) => {
    const o = new PSObject([`${SMA}.CommandParameterSetInfo`, 'System.Object']);
    const params = [
      ...set.members.map((m) => commandParameterInfo(m.name, m.decl, m.membership)),
      ...common.map(([n, p]) => commandParameterInfo(n, p, {})),
    ];
    prop(o, 'Name', 'string', set.name);
    prop(o, 'IsDefault', 'bool', set.isDefault);
    prop(o, 'Parameters', `System.Collections.ObjectModel.ReadOnlyCollection[${SMA}.CommandParameterInfo]`, params);
    let text = (lines[i] ?? '').slice(decl.name.length + 1);
    if (!withCommon) text = text.replace(/ ?\[<CommonParameters>\]$/, '');
    o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => text });
    return o;
  });
}

/** `.OutputType`: PSTypeName objects. */
export function outputTypes(decl: CmdletDeclaration): PSObject[] {
  return (decl.outputType ?? []).map((name) => {
    const o = new PSObject([`${SMA}.PSTypeName`, 'System.Object']);
    prop(o, 'Name', 'string', name);
    prop(o, 'Type', 'type', new PSTypeValue(name));
    o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => name });
    return o;
  });
}

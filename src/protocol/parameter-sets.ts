// What a cmdlet declaration says about its parameter sets and parameter names, computed once
// for everyone who needs it: the binder (src/engine/binder.ts), Get-Help and Get-Command -Syntax
// (src/cmdlets/core/help-text.ts) and tab completion (src/ui/completion.ts). Also the one table
// of PowerShell's common parameters.
//
// The rules, as PowerShell builds a command's metadata:
// - The sets are the set names the parameters are declared in, plus the default set
//   (DefaultParameterSetName) even when no parameter names it; a declaration without any named
//   set has the one set `__AllParameterSets`.
// - The default set is the declared one; without one, a declaration with a single set has that
//   set as its default and one with several has none (`__AllParameterSets`: binding may then be
//   ambiguous). Lists of sets put the default first, then the others in the order they appear.
// - A parameter without `sets` (or with an empty `sets`) is in every set, named and optional;
//   `sets[ALL_SETS]` puts it in every set with those options; a set's own entry wins over it.
// - A parameter name typed on the command line is matched case-insensitively against names and
//   aliases: an exact match wins, else a unique prefix; when a prefix matches a declared
//   parameter and common ones, the declared one wins.

import { ACTION_PREFERENCE } from './convert.js';
import { ALL_SETS, type CmdletDeclaration, type ParameterDeclaration, type ParameterSetMembership, type ParameterType } from './cmdlet.js';

const actionPreference = { typeName: ACTION_PREFERENCE.typeName, values: ACTION_PREFERENCE.values };

/** The common parameters every cmdlet (and advanced function) has, with their aliases. */
export const COMMON_PARAMETERS: Readonly<Record<string, ParameterDeclaration>> = {
  Verbose: { type: 'Switch', aliases: ['vb'] },
  Debug: { type: 'Switch', aliases: ['db'] },
  ErrorAction: { type: 'Enum', enum: actionPreference, aliases: ['ea'] },
  WarningAction: { type: 'Enum', enum: actionPreference, aliases: ['wa'] },
  InformationAction: { type: 'Enum', enum: actionPreference, aliases: ['infa'] },
  ErrorVariable: { type: 'String', aliases: ['ev'] },
  WarningVariable: { type: 'String', aliases: ['wv'] },
  InformationVariable: { type: 'String', aliases: ['iv'] },
  OutVariable: { type: 'String', aliases: ['ov'] },
  OutBuffer: { type: 'Int32', aliases: ['ob'] },
  PipelineVariable: { type: 'String', aliases: ['pv'] },
};

/** -WhatIf / -Confirm, which a declaration has when it supportsShouldProcess. */
export const SHOULD_PROCESS_PARAMETERS: Readonly<Record<string, ParameterDeclaration>> = {
  WhatIf: { type: 'Switch', aliases: ['wi'] },
  Confirm: { type: 'Switch', aliases: ['cf'] },
};

/**
 * The common parameters of a declaration: the table, plus -WhatIf/-Confirm when it has them,
 * less any the declaration has itself (a simple function's `param($ErrorAction)` is its own).
 */
export function commonParametersOf(decl: CmdletDeclaration): Record<string, ParameterDeclaration> {
  const all = decl.supportsShouldProcess ? { ...COMMON_PARAMETERS, ...SHOULD_PROCESS_PARAMETERS } : { ...COMMON_PARAMETERS };
  for (const name of Object.keys(decl.parameters)) {
    const own = Object.keys(all).find((c) => c.toLowerCase() === name.toLowerCase());
    if (own) delete all[own];
  }
  return all;
}

/** A parameter's membership in a set; undefined when it is not in that set. */
export function membershipIn(p: ParameterDeclaration, set: string): ParameterSetMembership | undefined {
  const sets = p.sets;
  if (!sets || isEmpty(sets)) return ANY;
  return sets[set] ?? sets[ALL_SETS];
}
const ANY: ParameterSetMembership = Object.freeze({});

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/** All memberships a parameter has (one `{}` for "every set, named, optional"). */
export function membershipsOf(p: ParameterDeclaration): ParameterSetMembership[] {
  return p.sets && !isEmpty(p.sets) ? Object.values(p.sets) : [ANY];
}

export interface ParameterSets {
  /** The set names, the default first. */
  names: string[];
  /** The default set, or ALL_SETS when there is none. */
  defaultSet: string;
}

const SETS = new WeakMap<CmdletDeclaration, ParameterSets>();

/** The parameter sets of a declaration (cached per declaration object). */
export function parameterSetsOf(decl: CmdletDeclaration): ParameterSets {
  let r = SETS.get(decl);
  if (r) return r;
  const found: string[] = [];
  for (const p of Object.values(decl.parameters)) {
    for (const s of Object.keys(p.sets ?? {})) if (s !== ALL_SETS && !found.includes(s)) found.push(s);
  }
  const declared = decl.defaultParameterSet && decl.defaultParameterSet !== ALL_SETS ? decl.defaultParameterSet : undefined;
  if (declared && !found.includes(declared)) found.push(declared);
  const names = found.length ? found : [ALL_SETS];
  const defaultSet = declared ?? (names.length === 1 ? names[0]! : ALL_SETS);
  r = { names: [...names.filter((n) => n === defaultSet), ...names.filter((n) => n !== defaultSet)], defaultSet };
  SETS.set(decl, r);
  return r;
}

export interface SetMember {
  name: string;
  decl: ParameterDeclaration;
  membership: ParameterSetMembership;
}

/** The declared parameters of one set, in declaration order, with their membership there. */
export function membersOf(decl: CmdletDeclaration, set: string): SetMember[] {
  const out: SetMember[] = [];
  for (const [name, p] of Object.entries(decl.parameters)) {
    const membership = membershipIn(p, set);
    if (membership) out.push({ name, decl: p, membership });
  }
  return out;
}

/** Whether a parameter takes pipeline input (by value or by property name) in some set. */
export function takesPipelineInput(p: ParameterDeclaration, kind: 'value' | 'propertyName' | 'any' = 'any'): boolean {
  return membershipsOf(p).some((m) => (kind !== 'propertyName' && m.fromPipeline === true) || (kind !== 'value' && m.fromPipelineByPropertyName === true));
}

/** Whether a parameter is mandatory in some set. */
export function mandatoryInSomeSet(p: ParameterDeclaration): boolean {
  return membershipsOf(p).some((m) => m.mandatory === true);
}

/**
 * The parameters a typed name (without the dash) can mean, by PowerShell's rule (see the top):
 * `common` adds the common parameters to the declared ones. Several results: ambiguous.
 */
export function matchParameterName(decl: CmdletDeclaration, typed: string, common = true): { name: string; decl: ParameterDeclaration; common: boolean }[] {
  const key = typed.toLowerCase();
  const all = [
    ...Object.entries(decl.parameters).map(([name, p]) => ({ name, decl: p, common: false })),
    ...(common ? Object.entries(commonParametersOf(decl)).map(([name, p]) => ({ name, decl: p, common: true })) : []),
  ];
  const names = (c: (typeof all)[number]) => [c.name, ...(c.decl.aliases ?? [])].map((n) => n.toLowerCase());
  const exact = all.filter((c) => names(c).includes(key));
  if (exact.length) return exact;
  const found = all.filter((c) => names(c).some((n) => n.startsWith(key)));
  if (found.length > 1) {
    const declared = found.filter((c) => !c.common);
    if (declared.length === 1) return declared;
  }
  return found;
}

/** The .NET type of each declared parameter type (messages, Get-Command's ParameterType). */
export const NET_TYPES: Record<ParameterType, string> = {
  String: 'System.String',
  'String[]': 'System.String[]',
  Int32: 'System.Int32',
  'Int32[]': 'System.Int32[]',
  Int64: 'System.Int64',
  Double: 'System.Double',
  Decimal: 'System.Decimal',
  Boolean: 'System.Boolean',
  Switch: 'System.Management.Automation.SwitchParameter',
  Object: 'System.Object',
  'Object[]': 'System.Object[]',
  PSObject: 'System.Management.Automation.PSObject',
  'PSObject[]': 'System.Management.Automation.PSObject[]',
  ScriptBlock: 'System.Management.Automation.ScriptBlock',
  'ScriptBlock[]': 'System.Management.Automation.ScriptBlock[]',
  SecureString: 'System.Security.SecureString',
  PSCredential: 'System.Management.Automation.PSCredential',
  'Byte[]': 'System.Byte[]',
  Char: 'System.Char',
  DateTime: 'System.DateTime',
  TimeSpan: 'System.TimeSpan',
  Hashtable: 'System.Collections.Hashtable',
  'Hashtable[]': 'System.Collections.Hashtable[]',
  Enum: 'System.Enum',
  'Enum[]': 'System.Enum[]',
};

/** The .NET type name of a declared parameter (`System.String[]`, the enum's type name). */
export function parameterTypeName(decl: ParameterDeclaration): string {
  if (decl.type === 'Enum' && decl.enum) return decl.enum.typeName;
  if (decl.type === 'Enum[]' && decl.enum) return decl.enum.typeName + '[]';
  if (decl.netType) return decl.netType;
  return decl.convertTo ?? NET_TYPES[decl.type];
}

// Get-Member (gm): the properties and methods of the input objects, one group per type.

import { stateKey, ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { memberNames, staticMemberNames } from '../../protocol/members.js';
import { PSObject, PSTypeValue, typeNamesOf, toDisplayText } from '../../protocol/values.js';
import { INPUT_OBJECT } from './output-common.js';
import { wildcards } from './patterns.js';
import type { CmdletContext } from '../../protocol/cmdlet.js';

export const MEMBER_DEFINITION_TYPE = 'Microsoft.PowerShell.Commands.MemberDefinition';

const MEMBER_TYPES = [
  'AliasProperty', 'CodeProperty', 'Property', 'NoteProperty', 'ScriptProperty', 'Properties', 'PropertySet',
  'Method', 'CodeMethod', 'ScriptMethod', 'Methods', 'ParameterizedProperty', 'MemberSet', 'Event', 'Dynamic', 'All',
] as const;

/** -MemberType names that stand for several member types. */
const GROUPS: Record<string, string[]> = {
  properties: ['AliasProperty', 'CodeProperty', 'Property', 'NoteProperty', 'ScriptProperty'],
  methods: ['Method', 'CodeMethod', 'ScriptMethod'],
};

interface State {
  seen: Set<string>;
  firsts: { typeName: string; value: unknown }[];
}
const STATE = stateKey<State>('Get-Member');

function state(ctx: CmdletContext): State {
  return ctx.runState(STATE, () => ({ seen: new Set(), firsts: [] }));
}

/** -MemberType as a set of member type names (accepts arrays and `A, B` flag strings). */
function memberTypeFilter(value: unknown): Set<string> | undefined {
  if (value === undefined || value === null) return undefined;
  const names = (Array.isArray(value) ? value : [value]).flatMap((v) => toDisplayText(v).split(','));
  const out = new Set<string>();
  for (const raw of names) {
    const n = raw.trim().toLowerCase();
    if (n === 'all') return undefined;
    for (const t of GROUPS[n] ?? [raw.trim()]) out.add(t.toLowerCase());
  }
  return out;
}

function memberDefinition(typeName: string, m: { name: string; memberType: string; definition: string }): PSObject {
  return PSObject.fromRecord(
    { TypeName: typeName, Name: m.name, MemberType: m.memberType, Definition: m.definition },
    [MEMBER_DEFINITION_TYPE, 'System.Object'],
  );
}

export default defineCmdlet({
  name: 'Get-Member',
  aliases: ['gm'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Gets the properties and methods of objects.',
  description:
    'The Get-Member cmdlet gets the members, the properties and methods, of objects. Pipe objects to it or ' +
    'give them with -InputObject. It shows one table per type of the input, under a "TypeName:" header, ' +
    'with the name, member type and definition of each member. -MemberType and -Name narrow the list.',
  parameters: {
    Name: {
      type: 'String[]',
      sets: { [ALL_SETS]: { position: 0 } },
      help: 'Specifies the names of the members to get. Wildcards are allowed.',
    },
    MemberType: {
      type: 'Enum[]',
      enum: { typeName: 'System.Management.Automation.PSMemberTypes', values: MEMBER_TYPES, flags: true },
      aliases: ['Type'],
      help: 'Specifies the member types to get: Property, NoteProperty, ScriptProperty, AliasProperty, Properties, Method, ScriptMethod, Methods, Event, All...',
    },
    InputObject: INPUT_OBJECT,
    Static: { type: 'Switch', help: 'Gets the static members of the type (of the object, or the type itself when a type is the input) instead of its instance members.' },
    Force: { type: 'Switch', help: 'Adds the intrinsic members (psbase, psadapted, psextended, psobject, pstypenames) and the get_ / set_ accessor methods of the properties.' },
    View: {
      type: 'Enum[]',
      enum: { typeName: 'System.Management.Automation.PSMemberViewTypes', values: ['Extended', 'Adapted', 'Base', 'All'], flags: true, numbers: [1, 2, 4, 7] },
      defaultText: 'Adapted, Extended',
      help: 'Gets only the members of these views: Extended (members PowerShell adds), Adapted and Base (the members of the .NET object), All.',
    },
  },
  outputType: [MEMBER_DEFINITION_TYPE],
  examples: [
    {
      code: "'text' | Get-Member -Name Length",
      remarks: 'Shows the Length property of a string, under its type name.',
      shows: 'TypeName: System.String',
    },
    {
      code: "[pscustomobject]@{Thumbprint='AB12'} | gm -MemberType NoteProperty",
      remarks: 'Lists only the note properties of a custom object.',
      shows: 'Thumbprint',
    },
  ],
  related: ['Get-Command', 'Select-Object'],
  process(params, ctx) {
    if (!ctx.expectingInput && !ctx.bound.has('InputObject')) return;
    const value = params.InputObject;
    if (value === null || value === undefined) return;
    const typeName = typeNamesOf(value)[0] ?? 'System.Object';
    const s = state(ctx);
    if (s.seen.has(typeName)) return;
    s.seen.add(typeName);
    s.firsts.push({ typeName, value });
  },
  end(params, ctx) {
    const s = state(ctx);
    if (s.firsts.length === 0) {
      ctx.writeError(
        ctx.error({
          message: 'You must specify an object for the Get-Member cmdlet.',
          errorId: 'NoObjectInGetMember',
          category: 'CloseError',
          exceptionType: 'InvalidOperationException',
        }),
      );
      return;
    }
    const names = params.Name === undefined ? undefined : wildcards(params.Name);
    const types = memberTypeFilter(params.MemberType);
    const views = viewFilter(params.View);
    for (const { typeName: instanceType, value } of s.firsts) {
      const typeName = params.Static && value instanceof PSTypeValue ? value.fullName : instanceType;
      const all = params.Static ? staticMemberNames(typeName) : params.Force ? withHidden(memberNames(value, true)) : memberNames(value);
      const members = all
        .filter((m) => params.Static || views(m.memberType))
        .filter((m) => !types || types.has(m.memberType.toLowerCase()))
        .filter((m) => !names || names.some((re) => re.test(m.name)))
        // 5.1 sorts by member type name, then by name.
        .sort((a, b) => cmp(a.memberType, b.memberType) || cmp(a.name, b.name));
      for (const m of members) ctx.write(memberDefinition(typeName, m));
    }
  },
});

/** Members PowerShell adds to objects (the Extended view); the rest are the object's own (Adapted, Base). */
const EXTENDED = new Set(['noteproperty', 'scriptproperty', 'aliasproperty', 'codeproperty', 'scriptmethod', 'codemethod', 'propertyset', 'memberset']);

/** -View as a test of a member type (default: Adapted and Extended, that is every member). */
function viewFilter(views: readonly (string | null)[] | undefined): (memberType: string) => boolean {
  if (!views || views.includes('All')) return () => true;
  const extended = views.includes('Extended');
  const own = views.includes('Adapted') || views.includes('Base');
  return (t) => (EXTENDED.has(t.toLowerCase()) ? extended : own);
}

/** -Force: the intrinsic member sets and pstypenames, and each property's accessor methods. */
function withHidden(rows: { name: string; memberType: string; definition: string }[]): { name: string; memberType: string; definition: string }[] {
  const out = [...rows];
  for (const set of ['psadapted', 'psbase', 'psextended', 'psobject']) out.push({ name: set, memberType: 'MemberSet', definition: `${set} {}` });
  out.push({ name: 'pstypenames', memberType: 'CodeProperty', definition: 'System.Collections.ObjectModel.Collection`1[[System.String, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089]] pstypenames{get=PSTypeNames;}' });
  for (const r of rows) {
    const m = r.memberType === 'Property' ? /^(\S+) \S+ \{(get;)?(set;)?\}$/.exec(r.definition) : null;
    if (!m) continue;
    if (m[2]) out.push({ name: `get_${r.name}`, memberType: 'Method', definition: `${m[1]} get_${r.name}()` });
    if (m[3]) out.push({ name: `set_${r.name}`, memberType: 'Method', definition: `void set_${r.name}(${m[1]} value)` });
  }
  return out;
}

function cmp(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

// Get-Member (gm): the properties and methods of the input objects, one group per type.

import { stateKey, ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { memberNames } from '../../protocol/members.js';
import { PSObject, typeNamesOf, toDisplayText } from '../../protocol/values.js';
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
    for (const { typeName, value } of s.firsts) {
      const members = memberNames(value)
        .filter((m) => !types || types.has(m.memberType.toLowerCase()))
        .filter((m) => !names || names.some((re) => re.test(m.name)))
        // 5.1 sorts by member type name, then by name.
        .sort((a, b) => cmp(a.memberType, b.memberType) || cmp(a.name, b.name));
      for (const m of members) ctx.write(memberDefinition(typeName, m));
    }
  },
});

function cmp(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

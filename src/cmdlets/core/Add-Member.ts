// Add-Member: adds notes and alias properties to a PSObject (or a type name with -TypeName).
// Members are added to the object itself, so every variable holding it sees them; -PassThru
// writes it on. ScriptProperty is refused: script blocks cannot be run with $this here.

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import type { CmdletContext } from '../../protocol/cmdlet.js';
import { PSHashtable, PSObject, toDisplayText, typeNamesOf } from '../../protocol/values.js';

const MEMBER_TYPES = [
  'AliasProperty', 'CodeProperty', 'Property', 'NoteProperty', 'ScriptProperty', 'Properties', 'PropertySet', 'Method',
  'CodeMethod', 'ScriptMethod', 'Methods', 'ParameterizedProperty', 'MemberSet', 'Event', 'Dynamic', 'All',
] as const;

function exists(ctx: CmdletContext, obj: PSObject, name: string, force: boolean): boolean {
  if (force || !(obj.has(name) || obj.method(name))) return false;
  ctx.writeError(
    ctx.error({
      message:
        `Cannot add a member with the name "${name}" because a member with that name already exists. ` +
        'To overwrite the member anyway, add the Force parameter to your command.',
      errorId: 'MemberAlreadyExists',
      category: 'InvalidOperation',
      exceptionType: 'InvalidOperationException',
      targetObject: obj,
    }),
  );
  return true;
}

function refuse(ctx: CmdletContext, message: string, errorId: string, target?: unknown): never {
  return ctx.fail(ctx.error({ message, errorId, category: 'InvalidOperation', exceptionType: 'InvalidOperationException', targetObject: target }));
}

export default defineCmdlet({
  name: 'Add-Member',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Adds custom properties to an instance of a PowerShell object.',
  description:
    'The Add-Member cmdlet adds members to a PowerShell object: a NoteProperty (a name with a value) or an ' +
    'AliasProperty (another name for an existing property). -NotePropertyName/-NotePropertyValue and ' +
    '-NotePropertyMembers (a hashtable of names and values) add notes without -MemberType. -TypeName adds a ' +
    'type name. A member that already exists is an error unless -Force is given. Add-Member writes nothing ' +
    'unless -PassThru is given. ScriptProperty members are not supported by emsh.',
  defaultParameterSet: 'TypeNameSet',
  parameters: {
    InputObject: {
      type: 'PSObject',
      sets: { [ALL_SETS]: { mandatory: true, fromPipeline: true } },
      help: 'Specifies the object the members are added to.',
    },
    MemberType: {
      type: 'Enum',
      enum: { typeName: 'System.Management.Automation.PSMemberTypes', values: MEMBER_TYPES },
      aliases: ['Type'],
      sets: { MemberSet: { position: 0, mandatory: true } },
      help: 'Specifies the type of member to add: NoteProperty or AliasProperty.',
    },
    Name: {
      type: 'String',
      sets: { MemberSet: { position: 1, mandatory: true } },
      help: 'Specifies the name of the member to add.',
    },
    Value: {
      type: 'Object',
      allowNull: true,
      sets: { MemberSet: { position: 2 } },
      help: 'Specifies the value of a NoteProperty, or the name of the property an AliasProperty stands for.',
    },
    SecondValue: {
      type: 'Object',
      sets: { MemberSet: { position: 3 } },
      help: 'Not used by NoteProperty and AliasProperty members.',
    },
    NotePropertyName: {
      type: 'String',
      sets: { NotePropertySingleMemberSet: { position: 0, mandatory: true } },
      help: 'Specifies the name of the note property to add.',
    },
    NotePropertyValue: {
      type: 'Object',
      allowNull: true,
      sets: { NotePropertySingleMemberSet: { position: 1, mandatory: true } },
      help: 'Specifies the value of the note property.',
    },
    NotePropertyMembers: {
      type: 'Hashtable',
      sets: { NotePropertyMultiMemberSet: { position: 0, mandatory: true } },
      help: 'Specifies a hashtable of note property names and values, added in order.',
    },
    TypeName: {
      type: 'String',
      sets: { TypeNameSet: { mandatory: true }, MemberSet: {}, NotePropertySingleMemberSet: {}, NotePropertyMultiMemberSet: {} },
      help: 'Specifies a name to add at the front of the object\'s type names.',
    },
    Force: { type: 'Switch', help: 'Replaces a member that already has the name.' },
    PassThru: { type: 'Switch', help: 'Writes the object, with its new members, to the pipeline.' },
  },
  outputType: ['System.Object'],
  examples: [
    {
      code: "$s = [pscustomobject]@{Name='ex01'}; $s | Add-Member -MemberType NoteProperty -Name Site -Value 'Paris'; $s",
      remarks: 'Adds a note property to an object.',
      shows: 'Name Site\n---- ----\nex01 Paris',
    },
    {
      code: "[pscustomobject]@{Name='ex01'} | Add-Member -NotePropertyMembers @{Site='Paris'; Role='Mailbox'} -PassThru | Add-Member AliasProperty Server Name -PassThru | Format-List",
      remarks: 'Adds two notes from a hashtable and an alias, and shows the result.',
      shows: 'Name   : ex01\nSite   : Paris\nRole   : Mailbox\nServer : ex01',
    },
    {
      code: "$s = [pscustomobject]@{Name='ex01'}; $s | Add-Member -NotePropertyName Name -NotePropertyValue 'ex02' -Force; $s.Name",
      remarks: 'Replaces an existing member: without -Force, Add-Member refuses to.',
      shows: 'ex02',
    },
  ],
  related: ['Get-Member', 'Select-Object', 'New-Object'],
  process(params, ctx) {
    const obj = params.InputObject;
    if (!(obj instanceof PSObject)) {
      return refuse(
        ctx,
        `emsh cannot add members to a value of type ${typeNamesOf(obj)[0] ?? 'null'}; convert it to a PSCustomObject first ([pscustomobject]@{...}).`,
        'NotSupportedInEmsh',
        obj,
      );
    }
    const force = Boolean(params.Force);
    switch (ctx.parameterSetName) {
      case 'MemberSet': {
        const type = params.MemberType as string;
        const name = params.Name as string;
        if (type === 'NoteProperty') {
          if (!exists(ctx, obj, name, force)) obj.addNote(name, params.Value ?? null);
        } else if (type === 'AliasProperty') {
          const target = toDisplayText(params.Value);
          if (!target) return refuse(ctx, 'The Value parameter is required for an AliasProperty: the name of the property it stands for.', 'Value');
          const targetProp = obj.property(target);
          if (!targetProp) {
            return refuse(ctx, `Cannot add an alias property "${name}" because the property "${target}" it refers to does not exist.`, 'ReferencedMemberNotFound', obj);
          }
          if (!exists(ctx, obj, name, force)) {
            obj.addProperty({
              name,
              memberType: 'AliasProperty',
              typeName: targetProp.typeName,
              get: () => obj.get(target),
              set: targetProp.set ? (v) => obj.property(target)?.set?.(v) : undefined,
            });
          }
        } else if (type === 'ScriptProperty') {
          return refuse(ctx, 'emsh does not support ScriptProperty members ($this is not available to script blocks); add a NoteProperty with the computed value instead.', 'NotSupportedInEmsh');
        } else {
          return refuse(ctx, `Add-Member in emsh supports only the NoteProperty and AliasProperty member types, not ${type}.`, 'NotSupportedInEmsh');
        }
        break;
      }
      case 'NotePropertySingleMemberSet': {
        const name = params.NotePropertyName as string;
        if (!exists(ctx, obj, name, force)) obj.addNote(name, params.NotePropertyValue ?? null);
        break;
      }
      case 'NotePropertyMultiMemberSet': {
        const members = params.NotePropertyMembers as PSHashtable;
        for (const [k, v] of members.entries()) {
          const name = toDisplayText(k);
          if (!exists(ctx, obj, name, force)) obj.addNote(name, v);
        }
        break;
      }
    }
    if (params.TypeName) {
      const t = params.TypeName as string;
      if (obj.typeNames[0]?.toLowerCase() !== t.toLowerCase()) obj.typeNames.unshift(t);
    }
    if (params.PassThru) ctx.write(obj);
  },
});

// Add-Member: adds NoteProperty, AliasProperty, ScriptProperty and ScriptMethod members (or a
// type name with -TypeName) to any object. A PSObject gets them itself and every variable holding
// it sees them; other objects keep them beside themselves; a string or a number is wrapped, and
// -PassThru writes the wrapper. Script members run with $this while the member is used.

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import type { CmdletContext } from '../../protocol/cmdlet.js';
import { castError, convertTo } from '../../protocol/convert.js';
import { TerminatingError } from '../../protocol/errors.js';
import { getMember, hasMember, setMember } from '../../protocol/members.js';
import { PSObject, ScriptBlockValue, instanceMembers, toDisplayText } from '../../protocol/values.js';

const MEMBER_TYPES = [
  'AliasProperty', 'CodeProperty', 'Property', 'NoteProperty', 'ScriptProperty', 'Properties', 'PropertySet', 'Method',
  'CodeMethod', 'ScriptMethod', 'Methods', 'ParameterizedProperty', 'MemberSet', 'Event', 'Dynamic', 'All',
] as const;
/** PSMemberTypes' numbers, so `Add-Member a 8 np x` is a NoteProperty as in .NET. */
const MEMBER_TYPE_NUMBERS = [1, 2, 4, 8, 16, 31, 32, 64, 128, 256, 448, 512, 1024, 2048, 4096, 8191];

function exists(ctx: CmdletContext, obj: PSObject, name: string, force: boolean): boolean {
  if (force || !(obj.has(name) || obj.method(name) || (obj.baseObject !== undefined && hasMember(obj.baseObject, name)))) return false;
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

/** Member types Add-Member cannot add (5.1's CannotAddMemberType); combined flags are WrongMemberCount. */
const NOT_ADDABLE = new Set(['Property', 'Method', 'ParameterizedProperty', 'Event', 'Dynamic']);
const COMBINED = new Set(['Properties', 'Methods', 'All']);

/**
 * 5.1's checks of -Value and -SecondValue for a member type, in AddMemberCommand's order: which
 * must be given, which must not be null, which must not be given, and what each must convert to.
 */
function checkValues(ctx: CmdletContext, type: string, value: unknown, second: unknown): void {
  const has2 = ctx.bound.has('SecondValue');
  const fail = (id: string, text: string) => refuse(ctx, text.replace('{0}', type), id);
  const value1NotNull = () => {
    if (value === null || value === undefined) fail('Value1ShouldNotBeNull', 'The Value parameter should not be null for a member of type "{0}". Specify a non-null value for the Value parameter when adding members of this type.');
  };
  const noValue2 = () => {
    if (has2) fail('Value2ShouldNotBeSpecified', 'The SecondValue parameter is not necessary for a member of type "{0}", and should not be specified. Do not specify the SecondValue parameter when you add members of this type.');
  };
  const notBothNull = () => {
    if ((value === null || value === undefined) && (!has2 || second === null || second === undefined)) {
      fail('Value1AndValue2AreNotBothNull', 'Both Value and SecondValue parameters should not be null for a member of type "{0}". Specify a non-null value for one of the two parameters.');
    }
  };
  // What emsh has no .NET object for (MethodInfo, Collection[PSMemberInfo]) converts from nothing but itself.
  const mustBe = (v: unknown, target: string, ok: boolean) => {
    if (!ok) throw castError(v, target);
  };
  const isBlock = (v: unknown) => v === null || v === undefined || v instanceof ScriptBlockValue;
  switch (type) {
    case 'AliasProperty':
      value1NotNull();
      if (has2) {
        if (second === null || second === undefined) fail('Value2ShouldNotBeNull', 'The SecondValue parameter should not be null for a member of type "{0}". Specify a non-null value for the SecondValue parameter when adding members of this type.');
        convertTo(second, 'System.Type');
      }
      return;
    case 'CodeMethod':
      value1NotNull();
      noValue2();
      return mustBe(value, 'System.Reflection.MethodInfo', false);
    case 'CodeProperty':
      notBothNull();
      if (value !== null && value !== undefined) mustBe(value, 'System.Reflection.MethodInfo', false);
      if (has2 && second !== null && second !== undefined) mustBe(second, 'System.Reflection.MethodInfo', false);
      return;
    case 'MemberSet':
      noValue2();
      if (value !== null && value !== undefined) mustBe(value, 'System.Collections.ObjectModel.Collection`1[System.Management.Automation.PSMemberInfo]', false);
      return;
    case 'NoteProperty':
      return noValue2();
    case 'PropertySet':
      noValue2();
      return value1NotNull();
    case 'ScriptMethod':
      noValue2();
      value1NotNull();
      return mustBe(value, 'System.Management.Automation.ScriptBlock', isBlock(value));
    case 'ScriptProperty':
      notBothNull();
      mustBe(value, 'System.Management.Automation.ScriptBlock', isBlock(value));
      if (has2) mustBe(second, 'System.Management.Automation.ScriptBlock', isBlock(second));
      return;
  }
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
    'unless -PassThru is given. A ScriptProperty (-Value the getter, -SecondValue the setter) and a ScriptMethod run ' +
    'their script block with $this the object; emsh runs such blocks when they are made of expressions. On a string ' +
    'or a number, the members go on a new wrapper object: use -PassThru and keep what it writes.',
  defaultParameterSet: 'TypeNameSet',
  parameters: {
    InputObject: {
      type: 'PSObject',
      sets: { [ALL_SETS]: { mandatory: true, fromPipeline: true } },
      help: 'Specifies the object the members are added to.',
    },
    MemberType: {
      type: 'Enum',
      enum: { typeName: 'System.Management.Automation.PSMemberTypes', values: MEMBER_TYPES, numbers: MEMBER_TYPE_NUMBERS },
      aliases: ['Type'],
      sets: { MemberSet: { position: 0, mandatory: true } },
      help: 'Specifies the type of member to add: NoteProperty, AliasProperty, ScriptProperty or ScriptMethod.',
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
      help: 'The setter of a ScriptProperty, or the type an AliasProperty converts its value to.',
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
      code: "$s = [pscustomobject]@{Name='ex01'; Domain='contoso.com'}; $s | Add-Member ScriptProperty Fqdn { $this.Name + '.' + $this.Domain }; $s.Fqdn",
      remarks: 'Adds a ScriptProperty: its value is computed from the object ($this) each time it is read.',
      shows: 'ex01.contoso.com',
    },
    {
      code: "$t = 'CC06A5DB' | Add-Member -NotePropertyName Source -NotePropertyValue 'EX01' -PassThru; $t.Source; $t.Length",
      remarks: 'Adds a note to a string: the string is wrapped, so keep what -PassThru writes; the string members still work.',
      shows: 'EX01\n8',
    },
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
    const input = params.InputObject;
    if (input === null || input === undefined) {
      return ctx.fail(
        ctx.error({
          message: 'Cannot bind argument to parameter \'InputObject\' because it is null.',
          errorId: 'ParameterArgumentValidationErrorNullNotAllowed',
          category: 'InvalidData',
          exceptionType: 'ParameterBindingValidationException',
        }),
      );
    }
    // Members go on the object itself when it is a PSObject, beside it for other objects (every
    // reference sees them), and on a new wrapper for strings, numbers and Booleans (-PassThru
    // writes the wrapper, as PowerShell's PSObject.AsPSObject does).
    const written = input instanceof PSObject || typeof input === 'object' ? input : PSObject.wrap(input);
    const obj = written instanceof PSObject ? written : instanceMembers(written as object, true);
    const force = Boolean(params.Force);
    const scriptOf = (v: unknown, what: string): ((self: unknown, args: unknown[]) => unknown) => {
      if (!(v instanceof ScriptBlockValue)) return refuse(ctx, `The ${what} must be a script block.`, 'ScriptBlockArgumentExpected', v);
      const fn = ctx.scriptMember?.(v);
      if (!fn) {
        return refuse(ctx, 'emsh runs ScriptProperty and ScriptMethod blocks made of expressions only (no commands); compute the value into a NoteProperty instead.', 'NotSupportedInEmsh', v);
      }
      return fn;
    };
    switch (ctx.parameterSetName) {
      case 'MemberSet': {
        // Both are mandatory in this set.
        const type = params.MemberType ?? '';
        const name = params.Name ?? '';
        if (COMBINED.has(type)) refuse(ctx, `To add a member, only one member type can be specified. The member types specified are: "${type}"`, 'WrongMemberCount');
        if (NOT_ADDABLE.has(type)) refuse(ctx, `Cannot add a member with type "${type}". Specify a different type for the MemberTypes parameter.`, 'CannotAddMemberType');
        try {
          checkValues(ctx, type, params.Value, params.SecondValue);
        } catch (e) {
          if (e instanceof TerminatingError && !e.record.fullyQualifiedErrorId.includes(',')) return ctx.fail(ctx.error({ ...e.record }));
          throw e;
        }
        if (type === 'MemberSet' && (params.Value === null || params.Value === undefined)) {
          // An empty member set: a member holding no members of its own.
          if (!exists(ctx, obj, name, force)) obj.addNote(name, new PSObject(['System.Management.Automation.PSMemberSet', 'System.Management.Automation.PSMemberInfo', 'System.Object']));
        } else
        if (type === 'NoteProperty') {
          if (!exists(ctx, obj, name, force)) obj.addNote(name, params.Value ?? null);
        } else if (type === 'AliasProperty') {
          const target = toDisplayText(params.Value);
          if (!target) return refuse(ctx, 'The Value parameter is required for an AliasProperty: the name of the property it stands for.', 'Value');
          if (!hasMember(written, target)) {
            return refuse(ctx, `Cannot add an alias property "${name}" because the property "${target}" it refers to does not exist.`, 'ReferencedMemberNotFound', written);
          }
          if (!exists(ctx, obj, name, force)) {
            const conversion = params.SecondValue === undefined || params.SecondValue === null ? undefined : toDisplayText(params.SecondValue);
            obj.addProperty({
              name,
              memberType: 'AliasProperty',
              typeName: conversion ?? obj.property(target)?.typeName,
              definition: `${name} = ${conversion ? `(${conversion})` : ''}${target}`,
              get: () => {
                const v = getMember(written, target);
                return conversion ? convertTo(v, conversion) : v;
              },
              set: (v) => setMember(written, target, v),
            });
          }
        } else if (type === 'ScriptProperty') {
          const getter = scriptOf(params.Value, 'getter of a ScriptProperty');
          const setter = params.SecondValue === undefined || params.SecondValue === null ? undefined : scriptOf(params.SecondValue, 'setter of a ScriptProperty');
          if (!exists(ctx, obj, name, force)) {
            obj.addProperty({
              name,
              memberType: 'ScriptProperty',
              typeName: 'System.Object',
              definition: `System.Object ${name} {get=${blockText(params.Value)};${setter ? `set=${blockText(params.SecondValue)};` : ''}}`,
              get: () => getter(written, []),
              set: setter ? (v) => void setter(written, [v]) : undefined,
            });
          }
        } else if (type === 'ScriptMethod') {
          const body = scriptOf(params.Value, 'body of a ScriptMethod');
          if (!exists(ctx, obj, name, force)) {
            obj.addMethod({ name, memberType: 'ScriptMethod', definition: `System.Object ${name}();`, invoke: (args) => body(written, args) });
          }
        } else {
          return refuse(ctx, `Add-Member in emsh supports the NoteProperty, AliasProperty, ScriptProperty and ScriptMethod member types, not ${type}.`, 'NotSupportedInEmsh');
        }
        break;
      }
      case 'NotePropertySingleMemberSet': {
        const name = params.NotePropertyName ?? ''; // mandatory in this set
        if (!exists(ctx, obj, name, force)) obj.addNote(name, params.NotePropertyValue ?? null);
        break;
      }
      case 'NotePropertyMultiMemberSet': {
        const members = params.NotePropertyMembers;
        for (const [k, v] of members?.entries() ?? []) {
          const name = toDisplayText(k);
          if (!exists(ctx, obj, name, force)) obj.addNote(name, v);
        }
        break;
      }
    }
    if (params.TypeName) {
      const t = params.TypeName;
      const names = written instanceof PSObject ? written.typeNames : undefined;
      if (names && names[0]?.toLowerCase() !== t.toLowerCase()) names.unshift(t);
    }
    if (params.PassThru) ctx.write(written);
  },
});

/** The text of a script block argument (scriptOf has checked it is one). */
function blockText(v: unknown): string {
  return v instanceof ScriptBlockValue ? v.text : '';
}

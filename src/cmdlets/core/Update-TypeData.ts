// Update-TypeData: adds members and display/serialization settings to every object of a type,
// from types.ps1xml files (-AppendPath, -PrependPath) or from parameters (-TypeName with
// -MemberType/-MemberName/-Value, -DefaultDisplayPropertySet ...), or from TypeData objects.

import { ALL_SETS, defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import type { ErrorCategory } from '../../protocol/errors.js';
import { ScriptBlockValue, toDisplayText } from '../../protocol/values.js';
import { updateTypeData, type StandardMembers, type TypeMember, type TypeUpdate } from '../../protocol/type-data.js';
import { readPs1xmlFile } from './ps1xml-file.js';
import { fullTypeName, scriptBlockOf, scriptFunction, typeUpdateOf, typesFromXml } from './type-data.js';

const MEMBER_TYPES = ['NoteProperty', 'AliasProperty', 'ScriptProperty', 'CodeProperty', 'ScriptMethod', 'CodeMethod'] as const;

function bad(ctx: CmdletContext, errorId: string, message: string, category: ErrorCategory = 'InvalidOperation'): never {
  return ctx.fail(ctx.error({ message, errorId, category, exceptionType: 'PSInvalidOperationException' }));
}

/** Applies one update and reports each refused member as 5.1 does (TypesDynamicUpdateException). */
function apply(ctx: CmdletContext, update: TypeUpdate, force: boolean, errorId = 'TypesDynamicUpdateException'): void {
  for (const message of updateTypeData(update, force)) {
    ctx.writeError(ctx.error({ message, errorId, category: 'InvalidOperation', exceptionType: 'RuntimeException' }));
  }
}

function loadFile(ctx: CmdletContext, path: string, force: boolean): void {
  const file = readPs1xmlFile(ctx, path);
  if (!file) return;
  const fail = (message: string) =>
    ctx.writeError(ctx.error({ message: `Error in TypeData "${file.display}": ${message}`.replace(/^Error in TypeData "[^"]*": (Error in TypeData)/, '$1'), errorId: 'TypesXmlUpdateException', category: 'InvalidOperation', exceptionType: 'RuntimeException' }));
  if (typeof file.root === 'string') return fail(file.root);
  const types = typesFromXml(file.root, file.display, (text) => scriptFunction(ctx, scriptBlockOf(text)));
  if (typeof types === 'string') return fail(types);
  for (const t of types) apply(ctx, t, force, 'TypesXmlUpdateException');
}

export default defineCmdlet({
  name: 'Update-TypeData',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Updates the extended type data in the session.',
  description:
    'The Update-TypeData cmdlet adds members to every object of a type, as the extended type system does: ' +
    'NoteProperty, AliasProperty, ScriptProperty and ScriptMethod members given with -TypeName, ' +
    '-MemberType, -MemberName and -Value, the DefaultDisplayPropertySet that tables and lists show, ' +
    'and the serialization settings of PSStandardMembers. -AppendPath and -PrependPath load the same ' +
    'from *.ps1xml type files. A member the type already has is an error unless -Force replaces it.',
  defaultParameterSet: 'FileSet',
  supportsShouldProcess: true,
  parameters: {
    AppendPath: {
      type: 'String[]',
      aliases: ['PSPath', 'Path'],
      sets: { FileSet: { position: 0, fromPipelineByPropertyName: true } },
      help: 'Specifies *.ps1xml type files loaded after the type data already in the session.',
    },
    PrependPath: {
      type: 'String[]',
      sets: { FileSet: {} },
      help: 'Specifies *.ps1xml type files loaded before the type data already in the session.',
    },
    TypeName: {
      type: 'String',
      sets: { DynamicTypeSet: { mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the type to extend.',
    },
    MemberType: {
      type: 'Enum',
      enum: { typeName: 'System.Management.Automation.PSMemberTypes', values: MEMBER_TYPES },
      sets: { DynamicTypeSet: {} },
      help: 'Specifies the type of member to add: NoteProperty, AliasProperty, ScriptProperty or ScriptMethod.',
    },
    MemberName: { type: 'String', sets: { DynamicTypeSet: {} }, help: 'Specifies the name of the member.' },
    Value: {
      type: 'Object',
      allowNull: true,
      sets: { DynamicTypeSet: {} },
      help: 'The value of a NoteProperty, the property an AliasProperty stands for, the getter of a ScriptProperty or the body of a ScriptMethod.',
    },
    SecondValue: {
      type: 'Object',
      sets: { DynamicTypeSet: {} },
      help: 'The setter of a ScriptProperty, or the type an AliasProperty converts its value to.',
    },
    TypeConverter: { type: 'Object', netType: 'System.Type', sets: { DynamicTypeSet: {} }, help: 'Accepted for compatibility; emsh has no .NET type converters.' },
    TypeAdapter: { type: 'Object', netType: 'System.Type', sets: { DynamicTypeSet: {} }, help: 'Accepted for compatibility; emsh has no .NET type adapters.' },
    SerializationMethod: { type: 'String', sets: { DynamicTypeSet: {} }, help: 'Specifies how the type is serialized: String, SpecificProperties or AllPublicProperties.' },
    TargetTypeForDeserialization: { type: 'Object', netType: 'System.Type', sets: { DynamicTypeSet: {} }, help: 'Specifies the type objects of this type become when deserialized.' },
    SerializationDepth: { type: 'Int32', validateRange: [0, 2147483647], sets: { DynamicTypeSet: {} }, help: 'Specifies how many levels of objects of this type are serialized as strings.' },
    DefaultDisplayProperty: { type: 'String', sets: { DynamicTypeSet: {} }, help: 'Specifies the property shown when only one property is shown.' },
    InheritPropertySerializationSet: { type: 'Object', netType: 'System.Nullable`1[System.Boolean]', sets: { DynamicTypeSet: {} }, help: 'Specifies whether the PropertySerializationSet is inherited.' },
    StringSerializationSource: { type: 'String', sets: { DynamicTypeSet: {} }, help: 'Specifies the member whose value is the string an object is serialized as.' },
    DefaultDisplayPropertySet: {
      type: 'String[]',
      validateNotNullOrEmpty: true,
      sets: { DynamicTypeSet: {} },
      help: 'Specifies the properties Format-Table and Format-List show for the type when it has no view.',
    },
    DefaultKeyPropertySet: { type: 'String[]', validateNotNullOrEmpty: true, sets: { DynamicTypeSet: {} }, help: 'Specifies the properties that identify an object of the type.' },
    PropertySerializationSet: { type: 'String[]', validateNotNullOrEmpty: true, sets: { DynamicTypeSet: {} }, help: 'Specifies the properties serialized for the type.' },
    TypeData: {
      type: 'PSObject[]',
      netType: 'System.Management.Automation.Runspaces.TypeData[]',
      sets: { TypeDataSet: { position: 0, mandatory: true, fromPipeline: true } },
      help: 'Specifies TypeData objects (from Get-TypeData) to add to the session.',
    },
    Force: { type: 'Switch', sets: { [ALL_SETS]: {} }, help: 'Replaces members the type already has.' },
  },
  outputType: [],
  examples: [
    {
      code: "Update-TypeData -TypeName System.String -MemberType ScriptProperty -MemberName Shout -Value { $this.ToUpper() } -Force; 'hello'.Shout",
      remarks: 'Gives every string a ScriptProperty.',
      shows: 'HELLO',
    },
    {
      code: "Update-TypeData -TypeName Demo.Server -DefaultDisplayPropertySet Name -Force; $o = [pscustomobject]@{Name='ex01'; Build='8.3'}; $o.pstypenames.Insert(0, 'Demo.Server'); $o | Format-List",
      remarks: 'Sets the properties shown by default for objects of a type.',
      shows: 'Name : ex01',
    },
  ],
  related: ['Get-TypeData', 'Remove-TypeData', 'Add-Member', 'Update-FormatData'],
  async process(params, ctx) {
    const force = !!params.Force;
    if (ctx.parameterSetName === 'FileSet') {
      for (const path of [...(params.PrependPath ?? []), ...(params.AppendPath ?? [])]) {
        if (await ctx.shouldProcess(`FileName: ${path}`, 'Update TypeData')) loadFile(ctx, path, force);
      }
      return;
    }
    if (ctx.parameterSetName === 'TypeDataSet') {
      for (const t of params.TypeData ?? []) {
        const update = typeUpdateOf(t);
        if (!update) continue;
        if (await ctx.shouldProcess(`Type to update: ${update.typeName}`, 'Update TypeData')) apply(ctx, update, force);
      }
      return;
    }
    const typeName = fullTypeName(params.TypeName ?? '');
    if (typeName.trim() === '') bad(ctx, 'TargetTypeNameEmpty', 'The target type name should not be null, empty, or contain only white spaces.', 'InvalidArgument');
    const members: TypeMember[] = [];
    const memberType = params.MemberType;
    if (memberType === undefined) {
      if (params.MemberName !== undefined || ctx.bound.has('Value') || params.SecondValue !== undefined) {
        bad(ctx, 'MemberTypeIsMissing', 'The MemberName, Value, and SecondValue parameters cannot be specified without the MemberType parameter.', 'InvalidArgument');
      }
    } else {
      const name = params.MemberName ?? '';
      const required = (what: string) => `The ${what} parameter is required for the type "${memberType}". Please specify the ${what} parameter.`;
      if (name === '') bad(ctx, 'MemberNameShouldBeSpecified', required('MemberName'), 'InvalidOperation');
      if (!ctx.bound.has('Value')) bad(ctx, 'ValueShouldBeSpecified', required('Value'), 'InvalidOperation');
      const value = params.Value;
      const second = params.SecondValue;
      const script = (v: unknown) => {
        if (v === null || v === undefined) return undefined;
        const sb = v instanceof ScriptBlockValue ? v : scriptBlockOf(toDisplayText(v));
        const fn = scriptFunction(ctx, sb);
        if (typeof fn === 'string') bad(ctx, 'NotSupportedInEmsh', fn);
        return { fn, text: sb.text };
      };
      switch (memberType) {
        case 'NoteProperty':
          if (second !== undefined && second !== null) bad(ctx, 'SecondValueShouldNotBeSpecified', `The SecondValue parameter is not necessary for a member of type "${memberType}", and should not be specified. Do not specify the SecondValue parameter when updating this member type.`);
          members.push({ kind: 'NoteProperty', name, value: value ?? null });
          break;
        case 'AliasProperty':
          if (value === null || value === undefined || toDisplayText(value) === '') {
            bad(ctx, 'ValueShouldBeSpecified', `The Value parameter should not be null or an empty string for a member of type "${memberType}". Specify a non-null value for the Value parameter when updating this member type.`);
          }
          members.push({ kind: 'AliasProperty', name, referenced: toDisplayText(value), conversion: second === undefined || second === null ? undefined : toDisplayText(second) });
          break;
        case 'ScriptProperty': {
          if ((value === null || value === undefined) && (second === null || second === undefined)) {
            bad(ctx, 'ValueAndSecondValueAreNotBothNull', `The Value and SecondValue parameters should not both be null for a member of type "${memberType}". Specify a non-null value for one of the two parameters.`);
          }
          const get = script(value);
          const set = script(second);
          members.push({
            kind: 'ScriptProperty',
            name,
            getter: get && ((self) => get.fn(self, [])),
            setter: set && ((self, v) => void set.fn(self, [v])),
            getterText: get?.text,
            setterText: set?.text,
          });
          break;
        }
        case 'ScriptMethod': {
          if (second !== undefined && second !== null) bad(ctx, 'SecondValueShouldNotBeSpecified', `The SecondValue parameter is not necessary for a member of type "${memberType}", and should not be specified. Do not specify the SecondValue parameter when updating this member type.`);
          const body = script(value);
          if (!body) bad(ctx, 'ValueShouldBeSpecified', `The Value parameter should not be null or an empty string for a member of type "${memberType}". Specify a non-null value for the Value parameter when updating this member type.`);
          members.push({ kind: 'ScriptMethod', name, invoke: body.fn, text: body.text });
          break;
        }
        default:
          bad(ctx, 'CannotUpdateMemberType', `Cannot update a member with type "${memberType}". Specify a different type for the MemberType parameter.`, 'InvalidOperation');
      }
    }
    const standard: StandardMembers = {
      SerializationMethod: params.SerializationMethod ?? undefined,
      SerializationDepth: ctx.bound.has('SerializationDepth') ? (params.SerializationDepth ?? undefined) : undefined,
      StringSerializationSource: params.StringSerializationSource ?? undefined,
      TargetTypeForDeserialization: params.TargetTypeForDeserialization ?? undefined,
      InheritPropertySerializationSet: params.InheritPropertySerializationSet === undefined || params.InheritPropertySerializationSet === null ? undefined : !!params.InheritPropertySerializationSet,
      DefaultDisplayProperty: params.DefaultDisplayProperty ?? undefined,
      DefaultDisplayPropertySet: params.DefaultDisplayPropertySet ?? undefined,
      DefaultKeyPropertySet: params.DefaultKeyPropertySet ?? undefined,
      PropertySerializationSet: params.PropertySerializationSet ?? undefined,
    };
    const hasStandard = Object.values(standard).some((v) => v !== undefined);
    if (members.length === 0 && !hasStandard && params.TypeConverter == null && params.TypeAdapter == null) {
      ctx.writeError(ctx.error({ message: `No member is specified for the update on type "${typeName}".`, errorId: 'TypeDataEmpty', category: 'InvalidOperation', exceptionType: 'PSInvalidOperationException' }));
      return;
    }
    if (await ctx.shouldProcess(`Type to update: ${typeName}`, 'Update TypeData')) apply(ctx, { typeName, members, standard }, force);
  },
});

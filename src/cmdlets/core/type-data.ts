// What Update-TypeData, Get-TypeData and Remove-TypeData share: TypeData objects as
// Get-TypeData writes them, and the members of a types.ps1xml file.

import type { CmdletContext } from '../../protocol/cmdlet.js';
import { resolveTypeName } from '../../protocol/convert.js';
import { PSHashtable, PSObject, ScriptBlockValue } from '../../protocol/values.js';
import type { StandardMembers, TypeEntry, TypeMember, TypeUpdate } from '../../protocol/type-data.js';
import { parseScript } from '../../../grammar/index.js';
import { child, childText, type XmlElement } from '../../format/ps1xml.js';

export const TYPEDATA_TYPE = 'System.Management.Automation.Runspaces.TypeData';

/**
 * A -TypeName argument as 5.1's ArgumentToTypeNameTransformation takes it: a type accelerator or
 * any known type becomes its full name (`int` is System.Int32); other names stay as given.
 */
export function fullTypeName(name: string): string {
  return resolveTypeName(name) ?? name;
}

/** A script member's code as a function of `$this` (and `$args`), or a reason it cannot run. */
export function scriptFunction(ctx: CmdletContext, block: ScriptBlockValue): ((self: unknown, args: unknown[]) => unknown) | string {
  return ctx.scriptMember?.(block) ?? 'emsh runs ScriptProperty and ScriptMethod blocks made of expressions only (no commands).';
}

/** What each TypeData object stands for, so that Update-TypeData -TypeData can add it back. */
const SOURCES = new WeakMap<PSObject, TypeUpdate>();

export function typeUpdateOf(t: unknown): TypeUpdate | undefined {
  return t instanceof PSObject ? SOURCES.get(t) : undefined;
}

/** A TypeData object (TypeName, Members, the PSStandardMembers settings). */
export function typeDataObject(e: TypeEntry): PSObject {
  const o = new PSObject([TYPEDATA_TYPE, 'System.Object']);
  SOURCES.set(o, { typeName: e.typeName, members: [...e.members.values()], standard: { ...e.standard } });
  o.addNote('TypeName', e.typeName);
  const members = new PSHashtable();
  for (const m of e.members.values()) members.set(m.name, memberDataObject(m));
  o.addNote('Members', members);
  const s = e.standard;
  o.addNote('TypeConverter', null);
  o.addNote('TypeAdapter', null);
  o.addNote('IsOverride', false);
  o.addNote('SerializationMethod', s.SerializationMethod ?? null);
  o.addNote('TargetTypeForDeserialization', s.TargetTypeForDeserialization ?? null);
  o.addNote('SerializationDepth', s.SerializationDepth ?? 0);
  o.addNote('DefaultDisplayProperty', s.DefaultDisplayProperty ?? null);
  o.addNote('InheritPropertySerializationSet', s.InheritPropertySerializationSet ?? false);
  o.addNote('StringSerializationSource', s.StringSerializationSource ?? null);
  const set = (names?: string[]) => (names ? PSObject.fromRecord({ ReferencedProperties: [...names] }, ['System.Management.Automation.Runspaces.PropertySetData', 'System.Object']) : null);
  o.addNote('DefaultDisplayPropertySet', set(s.DefaultDisplayPropertySet));
  o.addNote('DefaultKeyPropertySet', set(s.DefaultKeyPropertySet));
  o.addNote('PropertySerializationSet', set(s.PropertySerializationSet));
  return o;
}

function memberDataObject(m: TypeMember): PSObject {
  const ns = 'System.Management.Automation.Runspaces.';
  switch (m.kind) {
    case 'NoteProperty':
      return PSObject.fromRecord({ Name: m.name, Value: m.value }, [`${ns}NotePropertyData`, `${ns}TypeMemberData`, 'System.Object']);
    case 'AliasProperty':
      return PSObject.fromRecord({ Name: m.name, ReferencedMemberName: m.referenced, MemberType: m.conversion ?? null }, [`${ns}AliasPropertyData`, `${ns}TypeMemberData`, 'System.Object']);
    case 'ScriptProperty':
      return PSObject.fromRecord({ Name: m.name, GetScriptBlock: m.getterText ?? null, SetScriptBlock: m.setterText ?? null }, [`${ns}ScriptPropertyData`, `${ns}TypeMemberData`, 'System.Object']);
    case 'ScriptMethod':
      return PSObject.fromRecord({ Name: m.name, Script: m.text }, [`${ns}ScriptMethodData`, `${ns}TypeMemberData`, 'System.Object']);
    case 'PropertySet':
      return PSObject.fromRecord({ Name: m.name, ReferencedProperties: [...m.names] }, [`${ns}PropertySetData`, `${ns}TypeMemberData`, 'System.Object']);
  }
}

function block(text: string): ScriptBlockValue {
  return new ScriptBlockValue(parseScript(text).ast, text);
}

const STANDARD_NOTES: Record<string, keyof StandardMembers> = {
  serializationmethod: 'SerializationMethod',
  serializationdepth: 'SerializationDepth',
  stringserializationsource: 'StringSerializationSource',
  targettypefordeserialization: 'TargetTypeForDeserialization',
  inheritpropertyserializationset: 'InheritPropertySerializationSet',
  defaultdisplayproperty: 'DefaultDisplayProperty',
};

/**
 * The types of a types.ps1xml document (`<Types><Type><Name/><Members>...`), or the first error
 * as 5.1 words it. Script members need the session to run, so `script` turns their text into code.
 */
export function typesFromXml(root: XmlElement, file: string, script: (text: string) => ((self: unknown, args: unknown[]) => unknown) | string): TypeUpdate[] | string {
  if (root.name !== 'Types') return `Error in TypeData "${file}": The node ${root.name} is not allowed. The following nodes are allowed: Types.`;
  const out: TypeUpdate[] = [];
  for (const t of root.children) {
    if (t.name !== 'Type') return `Error in TypeData "${file}": The node ${t.name} is not allowed. The following nodes are allowed: Type.`;
    const typeName = childText(t, 'Name');
    if (!typeName) return `Error in TypeData "${file}": The node Name must be present.`;
    const update: TypeUpdate = { typeName, members: [], standard: {}, file };
    for (const part of t.children) {
      if (part.name === 'Name') continue;
      if (part.name !== 'Members' && part.name !== 'TypeConverter' && part.name !== 'TypeAdapter') {
        return `Error in TypeData "${typeName}": The node ${part.name} is not allowed. The following nodes are allowed: Name, Members, TypeConverter, TypeAdapter.`;
      }
      if (part.name !== 'Members') continue;
      for (const m of part.children) {
        const name = childText(m, 'Name') ?? '';
        switch (m.name) {
          case 'NoteProperty':
            update.members.push({ kind: 'NoteProperty', name, value: childText(m, 'Value') ?? '' });
            break;
          case 'AliasProperty':
            update.members.push({ kind: 'AliasProperty', name, referenced: childText(m, 'ReferencedMemberName') ?? '', conversion: childText(m, 'TypeName') });
            break;
          case 'ScriptProperty': {
            const get = childText(m, 'GetScriptBlock');
            const set = childText(m, 'SetScriptBlock');
            const getter = get === undefined ? undefined : script(get);
            const setter = set === undefined ? undefined : script(set);
            if (typeof getter === 'string') return getter;
            if (typeof setter === 'string') return setter;
            update.members.push({
              kind: 'ScriptProperty',
              name,
              getter: getter && ((self) => getter(self, [])),
              setter: setter && ((self, v) => void setter(self, [v])),
              getterText: get,
              setterText: set,
            });
            break;
          }
          case 'ScriptMethod': {
            const text = childText(m, 'Script') ?? '';
            const fn = script(text);
            if (typeof fn === 'string') return fn;
            update.members.push({ kind: 'ScriptMethod', name, invoke: fn, text });
            break;
          }
          case 'PropertySet':
            update.members.push({ kind: 'PropertySet', name, names: (child(m, 'ReferencedProperties')?.children ?? []).map((c) => c.text.trim()) });
            break;
          case 'MemberSet':
            if (name.toLowerCase() !== 'psstandardmembers') break;
            for (const s of child(m, 'Members')?.children ?? []) {
              const sname = childText(s, 'Name') ?? '';
              if (s.name === 'PropertySet') {
                const names = (child(s, 'ReferencedProperties')?.children ?? []).map((c) => c.text.trim());
                if (/^(DefaultDisplayPropertySet|DefaultKeyPropertySet|PropertySerializationSet)$/i.test(sname)) {
                  const key = (['DefaultDisplayPropertySet', 'DefaultKeyPropertySet', 'PropertySerializationSet'] as const).find((k) => k.toLowerCase() === sname.toLowerCase())!;
                  update.standard[key] = names;
                }
              } else if (s.name === 'NoteProperty' || s.name === 'AliasProperty') {
                const key = STANDARD_NOTES[sname.toLowerCase()];
                const value = childText(s, s.name === 'NoteProperty' ? 'Value' : 'ReferencedMemberName') ?? '';
                if (key === 'SerializationDepth') update.standard.SerializationDepth = Number(value);
                else if (key === 'InheritPropertySerializationSet') update.standard.InheritPropertySerializationSet = /^true$/i.test(value);
                else if (key) (update.standard as Record<string, unknown>)[key] = value;
              }
            }
            break;
          case 'CodeProperty':
          case 'CodeMethod':
            break;
          default:
            return `Error in TypeData "${typeName}": The node ${m.name} is not allowed. The following nodes are allowed: NoteProperty, AliasProperty, ScriptProperty, CodeProperty, ScriptMethod, CodeMethod, PropertySet, MemberSet.`;
        }
      }
    }
    out.push(update);
  }
  return out;
}

export { block as scriptBlockOf };

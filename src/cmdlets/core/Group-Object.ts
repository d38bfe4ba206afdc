// Group-Object: groups objects with equal values of the given properties into GroupInfo objects
// (Count, Name, Group, Values), in order of first appearance as Windows PowerShell 5.1 does.

import { registerTypeName } from '../../protocol/convert.js';
import { stateKey, madeInBegin, ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { PSHashtable, PSObject, markList, toDisplayText, type ListKind } from '../../protocol/values.js';
import { evaluateSpec, parseProperties, type PropertySpec } from './property-spec.js';

// `-is [Microsoft.PowerShell.Commands.GroupInfo]` and Should -BeOfType know the type.
registerTypeName('Microsoft.PowerShell.Commands.GroupInfo');

const GROUP_INFO = 'Microsoft.PowerShell.Commands.GroupInfo';
const GROUP_INFO_NO_ELEMENT = 'Microsoft.PowerShell.Commands.GroupInfoNoElement';

interface Group {
  name: string;
  values: unknown[];
  items: unknown[];
}

interface State {
  groups: Map<string, Group>;
  specs: PropertySpec[];
}

const STATE = stateKey<State>('Group-Object');

/** A group's members: a Collection[PSObject], as GroupInfo.Group and -AsHashTable's values are in 5.1. */
const GROUP_COLLECTION: ListKind = {
  typeName: 'System.Collections.ObjectModel.Collection`1[[System.Management.Automation.PSObject, System.Management.Automation, Version=3.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35]]',
  addReturnsIndex: false,
};

function groupInfo(g: Group, noElement: boolean): PSObject {
  const o = new PSObject(noElement ? [GROUP_INFO_NO_ELEMENT, GROUP_INFO, 'System.Object'] : [GROUP_INFO, 'System.Object']);
  o.addProperty({ name: 'Count', memberType: 'Property', typeName: 'System.Int32', get: () => g.items.length });
  o.addProperty({ name: 'Name', memberType: 'Property', typeName: 'System.String', get: () => g.name });
  o.addProperty({
    name: 'Group',
    memberType: 'Property',
    typeName: 'System.Collections.ObjectModel.Collection`1[[System.Management.Automation.PSObject]]',
    get: () => markList(noElement ? [] : g.items, GROUP_COLLECTION),
  });
  o.addProperty({ name: 'Values', memberType: 'Property', typeName: 'System.Collections.ArrayList', get: () => g.values });
  return o;
}

export default defineCmdlet({
  name: 'Group-Object',
  aliases: ['group'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Groups objects that contain the same value for specified properties.',
  description:
    'The Group-Object cmdlet puts objects with equal values of the given properties into groups. ' +
    'It writes one GroupInfo object per group, with the number of members (Count), the value(s) ' +
    'the group is for (Name), and the members (Group). Groups come out in the order in which ' +
    'their first member arrived. String values are compared case-insensitively unless ' +
    '-CaseSensitive is used. -AsHashTable writes one hash table from group key to members.',
  parameters: {
    InputObject: {
      type: 'PSObject',
      sets: { [ALL_SETS]: { fromPipeline: true } },
      help: 'Specifies the objects to group. Usually piped in.',
    },
    Property: {
      type: 'Object[]',
      sets: { [ALL_SETS]: { position: 0 } },
      help: 'Specifies the properties to group by: names, script blocks, or hash tables with an Expression key.',
    },
    NoElement: { type: 'Switch', help: 'Leaves the members out of the GroupInfo objects.' },
    AsHashTable: { type: 'Switch', help: 'Writes a hash table whose keys are the group values and whose values are the members.' },
    AsString: { type: 'Switch', help: 'With -AsHashTable, makes the keys strings.' },
    CaseSensitive: { type: 'Switch', help: 'Compares strings case-sensitively.' },
    Culture: { type: 'String', help: 'Specifies the culture for string comparisons (the lab machines compare as en-US).' },
  },
  outputType: [GROUP_INFO, 'System.Collections.Hashtable'],
  examples: [
    {
      code: "'a','b','a','c','a' | Group-Object",
      remarks: 'Counts equal strings.',
      shows: /3 a\s+\{a, a, a\}/,
    },
    {
      code: "'one','two','three','four' | Group-Object Length -NoElement",
      remarks: 'Groups words by length, without the members.',
      shows: /2 3/,
    },
  ],
  related: ['Sort-Object', 'Measure-Object'],
  begin(params, ctx) {
    ctx.runState(STATE, () => ({ groups: new Map(), specs: parseProperties(params.Property, ctx, ['Expression']) }));
  },
  async process(params, ctx) {
    if (!ctx.expectingInput && !ctx.bound.has('InputObject')) return;
    const st = ctx.runState(STATE, madeInBegin);
    const obj = params.InputObject;
    const specs = st.specs;
    const values: unknown[] = [];
    if (specs.length === 0) values.push(obj);
    for (const s of specs) values.push(await evaluateSpec(s, obj, ctx));
    const name = values.map((v) => toDisplayText(v)).join(', ');
    const key = params.CaseSensitive ? name : name.toLowerCase();
    let g = st.groups.get(key);
    if (!g) st.groups.set(key, (g = { name, values, items: [] }));
    g.items.push(obj);
  },
  end(params, ctx) {
    const st = ctx.runState(STATE, madeInBegin);
    if (params.AsString && !params.AsHashTable) {
      return ctx.fail(
        ctx.error({
          message: 'The command cannot be run because the AsString parameter requires that you specify the AsHashtable parameter.',
          errorId: 'ArgumentException',
          category: 'InvalidArgument',
          exceptionType: 'ArgumentException',
          targetObject: true,
        }),
      );
    }
    if (params.AsHashTable) {
      const h = new PSHashtable();
      for (const g of st.groups.values()) {
        const k = params.AsString || g.values.length !== 1 ? g.name : g.values[0];
        h.set(k, markList(g.items, GROUP_COLLECTION));
      }
      ctx.write(h);
      return;
    }
    for (const g of st.groups.values()) ctx.write(groupInfo(g, !!params.NoElement));
  },
});

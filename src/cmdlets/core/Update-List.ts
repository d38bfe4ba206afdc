// Update-List: adds items to and removes items from a property of an object that is a list
// (ArrayList, List[T]), in place, and writes the object; without -InputObject it returns the
// hashtable of changes (@{Add=...; Remove=...}) that cmdlets with list parameters take
// (PowerShell's PSListModifier).

import { defineCmdlet, madeInBegin, stateKey } from '../../protocol/cmdlet.js';
import { getMember, hasMember } from '../../protocol/members.js';
import { valuesEqual } from '../../protocol/operators.js';
import { PSHashtable, PSObject, listKindOf } from '../../protocol/values.js';

const SAW_INPUT = stateKey<{ input: boolean }>('update-list.input');

const base = (v: unknown) => (v instanceof PSObject && v.baseObject !== undefined ? v.baseObject : v);

export default defineCmdlet({
  name: 'Update-List',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Adds items to and removes items from a property value that contains a collection of objects.',
  description:
    'The Update-List cmdlet changes a property of an object whose value is a list (such as an ArrayList): ' +
    '-Add adds items, -Remove removes them, -Replace replaces the whole content. It changes the list in ' +
    'place and writes the object. Without -InputObject and -Property it returns a hashtable of the changes ' +
    '(@{Add=...; Remove=...}) for cmdlets whose parameters take one.',
  defaultParameterSet: 'AddRemoveSet',
  parameters: {
    Add: { type: 'Object[]', sets: { AddRemoveSet: {} }, help: 'Specifies the items to add to the collection.' },
    Remove: { type: 'Object[]', sets: { AddRemoveSet: {} }, help: 'Specifies the items to remove from the collection.' },
    Replace: { type: 'Object[]', sets: { ReplaceSet: { mandatory: true } }, help: 'Specifies the items that replace the content of the collection.' },
    InputObject: { type: 'PSObject', sets: { __AllParameterSets: { fromPipeline: true } }, help: 'Specifies the object whose property is updated.' },
    Property: { type: 'String', sets: { __AllParameterSets: { position: 0 } }, help: 'Specifies the property whose value (a list) is updated.' },
  },
  outputType: ['System.Collections.Hashtable', 'System.Management.Automation.PSObject'],
  examples: [
    {
      code: "$o = [pscustomobject]@{ Servers = [System.Collections.ArrayList]::new(@('EX01','EX02')) }; $o | Update-List -Property Servers -Add EX03 -Remove EX01 | Out-Null; $o.Servers -join ','",
      remarks: 'Adds one item to a list property and removes another.',
      shows: 'EX02,EX03',
    },
  ],
  related: ['Select-Object', 'Add-Member'],
  begin(_params, ctx) {
    ctx.runState(SAW_INPUT, () => ({ input: false }));
  },
  process(params, ctx) {
    const input = params.InputObject;
    if (input !== undefined && input !== null) ctx.runState(SAW_INPUT, madeInBegin).input = true;
    if (params.Property === undefined || params.Property === null) return;
    const fail = (errorId: string, message: string, target: unknown = null) =>
      ctx.writeError(ctx.error({ message, errorId, category: 'InvalidOperation', exceptionType: 'InvalidOperationException', targetObject: target }));
    if (input === undefined || input === null) return fail('MissingInputObjectParameter', 'You must specify the InputObject parameter when the Property parameter is specified.');
    if (!hasMember(input, params.Property)) return fail('MemberDoesntExist', `The property '${params.Property}' cannot be found on this object`, input);
    const list = base(getMember(input, params.Property));
    if (!Array.isArray(list)) return fail('ApplyFailed', 'Cannot apply the update because the object is not a supported collection type.');
    if (!listKindOf(list)) return fail('ApplyFailed', 'Collection was of a fixed size.');
    if (params.Replace) list.splice(0, list.length, ...params.Replace.map(base));
    else {
      for (const item of params.Remove ?? []) {
        const i = list.findIndex((x) => valuesEqual(base(x), base(item), true));
        if (i >= 0) list.splice(i, 1);
      }
      for (const item of params.Add ?? []) list.push(base(item));
    }
    ctx.write(input);
  },
  end(params, ctx) {
    if (params.Property !== undefined && params.Property !== null) return;
    if (ctx.runState(SAW_INPUT, madeInBegin).input) {
      ctx.fail(ctx.error({ message: 'You must specify the Property parameter when the InputObject parameter is specified.', errorId: 'MissingPropertyParameter', category: 'InvalidOperation', exceptionType: 'InvalidOperationException' }));
    }
    const h = new PSHashtable();
    if (params.Add) h.set('Add', params.Add);
    if (params.Remove) h.set('Remove', params.Remove);
    if (params.Replace) h.set('Replace', params.Replace);
    ctx.write(h);
  },
});

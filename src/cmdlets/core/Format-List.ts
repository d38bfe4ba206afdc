// Format-List (fl): each input object as a list of `Name : Value` lines.

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { FormatOutput, consoleScreen, listItems, renderListItems } from '../../format/index.js';
import { FORMAT_COMMON, INPUT_OBJECT, checkView, collect, evaluateAll, expandedInput, properties } from './output-common.js';

export default defineCmdlet({
  name: 'Format-List',
  aliases: ['fl'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Formats the output as a list of properties in which each property appears on a new line.',
  description:
    'The Format-List cmdlet formats the output of a command as a list of properties, each on its own line: ' +
    'the name, padded to the longest name of the object, then " : " and the value. Without -Property it uses ' +
    'the list view of the object type, or all properties. Format-List * shows every property. Use it to see ' +
    'values that a table cuts off.',
  parameters: {
    Property: {
      type: 'Object[]',
      sets: { [ALL_SETS]: { position: 0 } },
      help: 'Specifies the properties to show, in order. Wildcards are allowed (* shows all properties). A hash table adds a calculated property: @{Name="Label"; Expression={ $_.Value }}.',
    },
    ...FORMAT_COMMON,
    InputObject: INPUT_OBJECT,
  },
  outputType: ['Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData'],
  examples: [
    {
      code: "[pscustomobject]@{Subject='CN=mail.contoso.com'; Services='IIS, SMTP'} | Format-List",
      remarks: 'Shows an object as a list; names are padded to the longest name.',
      shows: 'Subject  : CN=mail.contoso.com\nServices : IIS, SMTP',
    },
    {
      code: "'abc' | Format-List *",
      remarks: 'Shows every property of a string.',
      shows: 'Length : 3',
    },
    {
      code: "[pscustomobject]@{Name='ex01'} | fl Name, @{Label='Upper'; Expression={ $_.Name.ToUpper() }}",
      remarks: 'Adds a calculated property with the Label and Expression keys.',
      shows: 'Name  : ex01\nUpper : EX01',
    },
  ],
  related: ['Format-Table', 'Out-String', 'Select-Object'],
  process(params, ctx) {
    collect(params, ctx);
  },
  async end(params, ctx) {
    const objects = expandedInput(ctx);
    checkView(params, objects[0], 'List', ctx);
    if (objects.length === 0) return;
    const props = properties(params.Property, 'list', ctx);
    const evaluate = await evaluateAll(objects, props ?? [], ctx);
    const items = listItems(objects, props, evaluate, params.View ?? undefined);
    ctx.write(new FormatOutput((w) => renderListItems(items, w), consoleScreen(ctx.host.width)));
  },
});

// Format-Table (ft): the input objects as a table, laid out when printed.

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { FormatOutput, consoleScreen, renderTableData, tableData } from '../../format/index.js';
import { FORMAT_COMMON, INPUT_OBJECT, checkView, collect, evaluateAll, expandedInput, properties } from './output-common.js';

export default defineCmdlet({
  name: 'Format-Table',
  aliases: ['ft'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Formats the output as a table.',
  description:
    'The Format-Table cmdlet formats the output of a command as a table with the selected properties of the ' +
    'object in each column. Without -Property, the default view of the object type decides the columns, or ' +
    'all properties when the type has no view. A calculated property is a hash table with the keys ' +
    'Name (or Label), Expression, Width and Alignment. Column widths come from the view, else from the content; ' +
    'values too long for their column end with "...".',
  parameters: {
    Property: {
      type: 'Object[]',
      sets: { [ALL_SETS]: { position: 0 } },
      help: 'Specifies the properties to show and the order of the columns. Wildcards are allowed. A hash table adds a calculated property: @{Name="Label"; Expression={ $_.Value }; Width=10; Alignment="Right"}.',
    },
    AutoSize: { type: 'Switch', help: 'Sizes every column from its content, ignoring the widths of the view.' },
    Wrap: { type: 'Switch', help: 'Wraps text that is too long for its column onto the next lines instead of cutting it.' },
    HideTableHeaders: { type: 'Switch', help: 'Omits the column headings.' },
    RepeatHeader: { type: 'Switch', help: 'Repeats the table header after every screenful (a paging host only; Out-String writes it once).' },
    ...FORMAT_COMMON,
    InputObject: INPUT_OBJECT,
  },
  outputType: ['Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData'],
  examples: [
    {
      code: "'a','bb' | Format-Table Length",
      remarks: 'Shows the Length property of two strings in a table.',
      shows: 'Length\n------\n     1\n     2',
    },
    {
      code: "[pscustomobject]@{Name='web'; Port=443} | ft Name, @{n='Secure'; e={ $_.Port -eq 443 }} -AutoSize",
      remarks: 'Adds a calculated column with the Name and Expression keys (abbreviated n and e).',
      shows: 'Name Secure\n---- ------\nweb    True',
    },
    {
      code: "@{Thumbprint='A909502DD82AE41433E6F83886B00D4277A32A7B'} | Format-Table -HideTableHeaders",
      remarks: 'Shows a hash table as Name/Value rows without the header lines.',
      shows: 'Thumbprint                     A909502DD82AE41433E6F83886B00D4277A32A7B',
    },
  ],
  related: ['Format-List', 'Out-String', 'Select-Object'],
  process(params, ctx) {
    collect(params, ctx);
  },
  async end(params, ctx) {
    const objects = expandedInput(ctx);
    checkView(params, objects[0], 'Table', ctx);
    if (objects.length === 0) return;
    const props = properties(params.Property, 'table', ctx);
    const groupBy = properties(params.GroupBy, 'table', ctx)?.[0];
    const evaluate = await evaluateAll(objects, [...(props ?? []), ...(groupBy ? [groupBy] : [])], ctx);
    const data = tableData(
      objects,
      { properties: props, autoSize: params.AutoSize, wrap: params.Wrap, hideTableHeaders: params.HideTableHeaders, groupBy, view: params.View ?? undefined },
      evaluate,
    );
    ctx.write(new FormatOutput((w) => renderTableData(data, w), consoleScreen(ctx.host.width)));
  },
});

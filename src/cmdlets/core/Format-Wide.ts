// Format-Wide (fw): one property of each object, in columns across the screen.

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { FormatOutput, consoleScreen, displayValue, propertyNames, propertyValue, renderWide } from '../../format/index.js';
import { PSObject, ScriptBlockValue, typeNamesOf } from '../../protocol/values.js';
import { FORMAT_COMMON, INPUT_OBJECT, checkView, collect, expandedInput } from './output-common.js';
import { evaluateSpec, parseProperties } from './property-spec.js';

/** The value the wide view shows for an object without -Property (5.1's wide views and defaults). */
function wideText(o: unknown): string {
  if (!(o instanceof PSObject)) {
    if (o === null || o === undefined || typeof o !== 'object' || o instanceof Date || o instanceof ScriptBlockValue) return displayValue(o);
  }
  const type = typeNamesOf(o)[0];
  if (type === 'System.IO.DirectoryInfo') return `[${displayValue(propertyValue(o, 'Name'))}]`;
  if (type === 'System.IO.FileInfo' || type === 'System.Collections.DictionaryEntry') return displayValue(propertyValue(o, type === 'System.IO.FileInfo' ? 'Name' : 'Key'));
  const first = propertyNames(o)[0];
  return first === undefined ? displayValue(o) : displayValue(propertyValue(o, first));
}

export default defineCmdlet({
  name: 'Format-Wide',
  aliases: ['fw'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Formats objects as a wide table that displays only one property of each object.',
  description:
    'The Format-Wide cmdlet shows one property of each object, in columns across the screen: the ' +
    'property given by -Property, or the one the type is shown by (a file or folder name, folders in ' +
    'brackets; otherwise the first property). -Column sets the number of columns (2 by default); ' +
    '-AutoSize fits as many columns as the widest value allows.',
  parameters: {
    Property: {
      type: 'Object',
      sets: { [ALL_SETS]: { position: 0 } },
      help: 'Specifies the property to show: a name or a calculated property.',
    },
    AutoSize: { type: 'Switch', help: 'Fits as many columns as the widest value allows.' },
    Column: { type: 'Int32', validateRange: [1, 2147483647], help: 'Specifies the number of columns.' },
    ...FORMAT_COMMON,
    GroupBy: { type: 'Object', help: 'Formats the output in groups (accepted; emsh shows one group).' },
    InputObject: INPUT_OBJECT,
  },
  outputType: ['Microsoft.PowerShell.Commands.Internal.Format.FormatStartData'],
  examples: [
    { code: "'ex01', 'ex02', 'edge01' | Format-Wide -Column 3", remarks: 'Three names across the screen.', shows: 'ex01' },
    { code: 'Get-ChildItem C:\\ | Format-Wide', remarks: 'File names in two columns, folders in brackets.', shows: '[Windows]' },
  ],
  related: ['Format-Table', 'Format-List'],
  process(params, ctx) {
    collect(params, ctx);
  },
  async end(params, ctx) {
    const objects = expandedInput(ctx);
    checkView(params, objects[0], 'Wide', ctx);
    if (objects.length === 0) return;
    const spec = params.Property === undefined ? undefined : parseProperties([params.Property], ctx)[0];
    const values: string[] = [];
    for (const o of objects) values.push(spec ? displayValue(await evaluateSpec(spec, o, ctx)) : wideText(o));
    const columns = params.Column;
    ctx.write(new FormatOutput((w) => renderWide(values, w, columns, !!params.AutoSize), consoleScreen(ctx.host.width)));
  },
});

// Format-Custom (fc): each object in the generic custom view, `class Name { Property = value }`,
// with objects inside objects expanded to -Depth levels.

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { FormatOutput, consoleScreen } from '../../format/index.js';
import { customLines, type CustomProperty } from '../../format/custom.js';
import { propertyNames, propertyValue } from '../../format/display.js';
import { ScriptBlockValue } from '../../protocol/values.js';
import { FORMAT_COMMON, INPUT_OBJECT, checkView, collect, evaluateAll, expandedInput, properties } from './output-common.js';

export default defineCmdlet({
  name: 'Format-Custom',
  aliases: ['fc'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Uses a customized view to format the output.',
  description:
    'The Format-Custom cmdlet shows each object as `class TypeName` followed by its properties in braces, ' +
    'one `Name = value` per line. Objects held in properties are shown the same way, nested, down to ' +
    '-Depth levels (5 by default); collections in properties are listed between brackets. -Property ' +
    'picks the properties (wildcards and calculated properties allowed).',
  parameters: {
    Property: {
      type: 'Object[]',
      sets: { [ALL_SETS]: { position: 0 } },
      help: 'Specifies the properties to show. Wildcards are allowed; a hash table adds a calculated property.',
    },
    Depth: { type: 'Int32', validateRange: [1, 2147483647], help: 'Specifies how many levels of nested objects are expanded (5 by default).' },
    ...FORMAT_COMMON,
    InputObject: INPUT_OBJECT,
  },
  outputType: ['Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData'],
  examples: [
    {
      code: "[pscustomobject]@{Name='ex01'; Role='Mailbox'} | Format-Custom",
      remarks: 'Shows an object in the custom view.',
      shows: 'class PSCustomObject\n{\n  Name = ex01\n  Role = Mailbox\n}',
    },
  ],
  related: ['Format-List', 'Format-Table', 'Out-String'],
  process(params, ctx) {
    collect(params, ctx);
  },
  async end(params, ctx) {
    const objects = expandedInput(ctx);
    checkView(params, objects[0], 'Custom', ctx);
    if (objects.length === 0) return;
    const props = properties(params.Property, 'list', ctx);
    const evaluate = await evaluateAll(objects, props ?? [], ctx);
    const depth = params.Depth ?? 5;
    const blocks = objects.map((o) => {
      let shown: CustomProperty[] | undefined;
      if (props && props.length > 0) {
        shown = props.flatMap((p): CustomProperty[] => {
          const src = p.source;
          if (src instanceof ScriptBlockValue) return [{ label: p.label, read: (x) => evaluate(src, x) }];
          if (p.wildcard) {
            const re = p.wildcard;
            return propertyNames(o).filter((n) => re.test(n)).map((n) => ({ label: n, read: (x: unknown) => propertyValue(x, n) }));
          }
          return propertyNames(o).some((n) => n.toLowerCase() === src.toLowerCase()) ? [{ label: p.label, read: (x) => propertyValue(x, src) }] : [];
        });
      }
      return customLines(o, depth, shown);
    });
    ctx.write(new FormatOutput(() => ['', ...blocks.flatMap((b) => [...b, '']), ''], consoleScreen(ctx.host.width)));
  },
});

// ConvertFrom-StringData: `name=value` lines into a hashtable, as 5.1's command reads them: lines
// trimmed, blank and `#` lines skipped, the value trimmed and unescaped as Regex.Unescape does.

import { ALL_SETS, defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import { regexUnescape } from '../../protocol/operators.js';
import { PSHashtable } from '../../protocol/values.js';

function invalid(ctx: CmdletContext, message: string): never {
  return ctx.fail(ctx.error({ message, errorId: 'InvalidOperation', category: 'InvalidOperation', exceptionType: 'InvalidOperationException' }));
}

export default defineCmdlet({
  name: 'ConvertFrom-StringData',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Converts a string containing one or more key and value pairs to a hash table.',
  description:
    'The ConvertFrom-StringData cmdlet converts a string of name=value lines (a here-string, or the ' +
    'text of a .psd1 data section) into a hash table. Blank lines and lines that start with # are ' +
    'skipped; names and values are trimmed, and escape sequences in values (\\n, \\t, \\\\) are ' +
    'expanded. A line without = or a name given twice is an error.',
  parameters: {
    StringData: {
      type: 'String',
      allowEmptyString: true,
      sets: { [ALL_SETS]: { position: 0, mandatory: true, fromPipeline: true } },
      help: 'Specifies the string to convert: name=value lines.',
    },
  },
  outputType: ['System.Collections.Hashtable'],
  examples: [
    {
      code: "(ConvertFrom-StringData \"Server = ex01`nRole = Hub\").Role",
      remarks: 'Reads two name=value lines and returns the value of one.',
      shows: 'Hub',
    },
    {
      code: "ConvertFrom-StringData 'Path = C:\\\\Exchange\\\\Logs'",
      remarks: 'A backslash is written twice in a value: values are unescaped.',
      shows: 'Name                           Value\n----                           -----\nPath                           C:\\Exchange\\Logs',
    },
  ],
  related: ['ConvertFrom-Csv', 'ConvertFrom-Json'],
  process(params, ctx) {
    const result = new PSHashtable();
    const text = params.StringData ?? '';
    for (const line of text.split('\n')) {
      const s = line.trim();
      if (s === '' || s.startsWith('#')) continue;
      const eq = s.indexOf('=');
      if (eq <= 0) invalid(ctx, `Data line '${line}' is not in 'name=value' format. `);
      const name = s.slice(0, eq).trim();
      if (result.has(name)) invalid(ctx, `Data item '${name}' in line '${line}' is already defined. `);
      result.set(name, regexUnescape(s.slice(eq + 1).trim()));
    }
    ctx.write(result);
  },
});

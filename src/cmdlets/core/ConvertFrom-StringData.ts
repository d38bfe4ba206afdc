// ConvertFrom-StringData: `name = value` lines into a hashtable (blank lines and # comments
// skipped, escape sequences in values unescaped), as Windows PowerShell 5.1 reads them.
// (-Delimiter came with PowerShell 7.)

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { PSHashtable } from '../../protocol/values.js';

/** Regex.Unescape: \n, \t, \\, \uXXXX and the other .NET escapes. */
function unescape(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{1,3}|c[A-Za-z]|.)/g, (_m, e: string) => {
    switch (e[0]) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case 'a': return '\x07';
      case 'b': return '\b';
      case 'e': return '\x1b';
      case 'f': return '\f';
      case 'v': return '\v';
      case 'u': return String.fromCharCode(parseInt(e.slice(1), 16));
      case 'x': return String.fromCharCode(parseInt(e.slice(1), 16));
      case 'c': return String.fromCharCode(e.toUpperCase().charCodeAt(1) - 64);
      default: return /[0-7]/.test(e[0]!) ? String.fromCharCode(parseInt(e, 8)) : e;
    }
  });
}

export default defineCmdlet({
  name: 'ConvertFrom-StringData',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Converts a string containing one or more key and value pairs to a hash table.',
  description:
    'The ConvertFrom-StringData cmdlet converts a string that contains one or more key=value ' +
    'lines into a hash table. Blank lines and lines starting with # are ignored; escape ' +
    'sequences in the values (\\n, \\t...) are converted.',
  parameters: {
    StringData: { type: 'String', sets: { __AllParameterSets: { position: 0, mandatory: true, fromPipeline: true } }, allowEmptyString: true, help: 'Specifies the string to convert.' },
  },
  outputType: ['System.Collections.Hashtable'],
  examples: [{ code: "ConvertFrom-StringData -StringData 'a = 1'", remarks: 'One key and its value.', shows: 'a' }],
  related: ['ConvertFrom-Csv'],
  process(p, ctx) {
    const result = new PSHashtable();
    const data = String(p.StringData ?? '');
    for (const line of data.split('\n')) {
      const s = line.trim();
      if (s === '' || s.startsWith('#')) continue;
      const i = s.indexOf('=');
      const fail = (message: string) =>
        ctx.fail(ctx.error({ message, errorId: 'InvalidOperation', category: 'InvalidOperation', exceptionType: 'InvalidOperationException', targetObject: line }));
      if (i <= 0) return fail(`Data line '${line}' is not in 'name=value' format. `);
      const name = s.slice(0, i).trim();
      if (result.has(name)) return fail(`Data item '${name}' in line '${line}' is already defined. `);
      result.set(name, unescape(s.slice(i + 1).trim()));
    }
    ctx.write(result);
  },
});

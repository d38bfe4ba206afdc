// Out-String: the formatted text of the input, as one string or (-Stream) one string per line.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { outStringLines } from '../../format/index.js';
import { INPUT_OBJECT, buffer, collect } from './output-common.js';

export default defineCmdlet({
  name: 'Out-String',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Sends objects to the host as a series of strings.',
  description:
    'The Out-String cmdlet converts the input objects into the text the console would show for them: ' +
    'tables, lists and blank lines included. By default it writes one string that ends with a newline; ' +
    'with -Stream it writes each line as its own string. -Width sets the line width used for the layout.',
  parameters: {
    Stream: { type: 'Switch', help: 'Writes each line of the text as a separate string.' },
    Width: {
      type: 'Int32',
      validateRange: [2, 2147483647],
      help: 'Specifies the number of characters in each line of output. Default: the width of the host.',
    },
    InputObject: INPUT_OBJECT,
  },
  outputType: ['System.String'],
  examples: [
    {
      code: "[pscustomobject]@{A=1; B='two'} | Out-String -Stream",
      remarks: 'Turns a table into its lines, one string each.',
      shows: 'A B\n- -\n1 two',
    },
    {
      code: "(Get-Date -Year 2024 -Month 1 -Day 1 | Out-String).Length -gt 0",
      remarks: 'Out-String writes one string.',
      shows: 'True',
    },
  ],
  related: ['Out-File', 'Out-Host', 'Format-Table'],
  process(params, ctx) {
    collect(params, ctx);
  },
  end(params, ctx) {
    const lines = outStringLines(buffer(ctx), params.Width ?? ctx.host.width);
    if (params.Stream) {
      for (const l of lines) ctx.write(l);
      return;
    }
    // Windows line ends, as [Environment]::NewLine: 5.1 builds the text with the console's newline.
    ctx.write(lines.map((l) => l + '\r\n').join(''));
  },
});

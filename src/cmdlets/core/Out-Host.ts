// Out-Host: prints the input on the console now, formatted as Out-Default would.

import type { CmdletContext } from '../../protocol/cmdlet.js';
import { defineCmdlet } from '../../protocol/cmdlet.js';
import { OutDefaultStream, consoleScreen } from '../../format/index.js';
import { INPUT_OBJECT } from './output-common.js';

const streams = new WeakMap<CmdletContext, OutDefaultStream>();

function stream(ctx: CmdletContext): OutDefaultStream {
  let s = streams.get(ctx);
  if (!s) {
    s = new OutDefaultStream(consoleScreen(ctx.host.width), (line) => ctx.host.writeLine(line, 'output'));
    streams.set(ctx, s);
  }
  return s;
}

export default defineCmdlet({
  name: 'Out-Host',
  aliases: ['oh'],
  module: 'Microsoft.PowerShell.Core',
  synopsis: 'Sends output to the command line.',
  description:
    'The Out-Host cmdlet sends output to the console, formatted as the shell formats any output, and writes ' +
    'nothing to the pipeline. -Paging is accepted and ignored: emsh never pages.',
  parameters: {
    Paging: { type: 'Switch', help: 'Accepted for compatibility; emsh prints everything without paging.' },
    InputObject: INPUT_OBJECT,
  },
  outputType: [],
  examples: [
    {
      code: "'first','second' | Out-Host",
      remarks: 'Prints two strings on the console.',
      shows: 'first\nsecond',
    },
  ],
  related: ['Out-Default', 'Out-String'],
  begin(_params, ctx) {
    stream(ctx);
  },
  process(params, ctx) {
    if (!ctx.expectingInput && !ctx.bound.has('InputObject')) return;
    stream(ctx).write(params.InputObject);
  },
  end(_params, ctx) {
    stream(ctx).end();
  },
});

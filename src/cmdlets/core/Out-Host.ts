// Out-Host: prints the input on the console now, formatted as Out-Default would; -Paging shows a
// screenful at a time (the interactive shell; elsewhere it prints everything). `more` pages too.

import { stateKey, type CmdletContext } from '../../protocol/cmdlet.js';
import { defineCmdlet } from '../../protocol/cmdlet.js';
import { OutDefaultStream, consoleScreen } from '../../format/index.js';
import { INPUT_OBJECT } from './output-common.js';
import { Pager } from './pager.js';

interface HostStream {
  stream: OutDefaultStream;
  /** With paging: lines formatted but not yet shown. */
  pending?: string[];
  pager?: Pager;
}

const STREAM = stateKey<HostStream>('Out-Host stream');

function stream(ctx: CmdletContext, paging: boolean): HostStream {
  return ctx.runState(STREAM, () => {
    const pending: string[] = [];
    return paging
      ? { stream: new OutDefaultStream(consoleScreen(ctx.host.width), (line) => pending.push(line)), pending, pager: new Pager(ctx) }
      : { stream: new OutDefaultStream(consoleScreen(ctx.host.width), (line) => ctx.host.writeLine(line, 'output')) };
  });
}

/** Shows the lines formatted so far through the pager; after Q the rest of the input is dropped. */
async function drain(s: HostStream, ctx: CmdletContext): Promise<void> {
  if (!s.pager || !s.pending) return;
  const lines = s.pending.splice(0);
  if (!(await s.pager.lines(lines))) ctx.stopUpstream?.();
}

export default defineCmdlet({
  name: 'Out-Host',
  aliases: ['oh'],
  module: 'Microsoft.PowerShell.Core',
  synopsis: 'Sends output to the command line.',
  description:
    'The Out-Host cmdlet sends output to the console, formatted as the shell formats any output, and writes ' +
    'nothing to the pipeline. -Paging shows one screenful at a time and asks for a key: Space for the next ' +
    'page, Enter for the next line, Q to stop.',
  parameters: {
    Paging: { type: 'Switch', help: 'Shows one page of output at a time, waiting for a key between pages.' },
    InputObject: INPUT_OBJECT,
  },
  outputType: [],
  examples: [
    {
      code: "'first','second' | Out-Host",
      remarks: 'Prints two strings on the console.',
      shows: 'first\nsecond',
    },
    {
      code: 'Get-Command | Out-Host -Paging',
      remarks: 'Lists the commands a screenful at a time.',
      shows: 'Get-ExchangeCertificate',
    },
  ],
  related: ['Out-Default', 'Out-String'],
  begin(params, ctx) {
    stream(ctx, params.Paging === true);
  },
  async process(params, ctx) {
    if (!ctx.expectingInput && !ctx.bound.has('InputObject')) return;
    const s = stream(ctx, params.Paging === true);
    if (s.pager?.quit) return;
    s.stream.write(params.InputObject);
    await drain(s, ctx);
  },
  async end(params, ctx) {
    const s = stream(ctx, params.Paging === true);
    if (!s.pager?.quit) s.stream.end();
    await drain(s, ctx);
  },
});

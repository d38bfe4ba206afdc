// more: 5.1's function that pages its input (or files) one screenful at a time. emsh declares it
// as a command of its own (Get-Command shows it as a cmdlet, 5.1 as a function); it pages as
// Out-Host -Paging does.

import { stateKey, defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import { OutDefaultStream, consoleScreen } from '../../format/index.js';
import { Pager } from './pager.js';
import { INPUT_OBJECT } from './output-common.js';
import { decodeText, splitLines } from '../../protocol/text-codec.js';
import { stringsOf } from './patterns.js';

const STATE = stateKey<{ pager: Pager; pending: string[]; stream: OutDefaultStream }>('more');

function of(ctx: CmdletContext) {
  return ctx.runState(STATE, () => {
    const pending: string[] = [];
    return { pager: new Pager(ctx), pending, stream: new OutDefaultStream(consoleScreen(ctx.host.width), (l) => pending.push(l)) };
  });
}

export default defineCmdlet({
  name: 'more',
  module: 'Microsoft.PowerShell.Core',
  synopsis: 'Displays output one screen at a time.',
  description:
    'more shows its input, or the contents of the given files, one screenful at a time: Space shows the next ' +
    'page, Enter the next line, Q stops. Outside the interactive shell everything is printed.',
  parameters: {
    Path: { type: 'String[]', aliases: ['paths'], sets: { __AllParameterSets: { position: 0 } }, help: 'Files to show.' },
    InputObject: INPUT_OBJECT,
  },
  outputType: [],
  examples: [
    { code: 'Get-Help Get-ExchangeCertificate | more', remarks: 'Reads the help page by page.', shows: 'Get-ExchangeCertificate' },
    { code: "Set-Content C:\\notes.txt 'line 1','line 2'; more C:\\notes.txt", remarks: 'Shows a file page by page.', shows: 'line 1\nline 2' },
  ],
  related: ['Out-Host'],
  async process(params, ctx) {
    const s = of(ctx);
    if (s.pager.quit) return;
    for (const p of stringsOf(params.Path) ?? []) {
      if (ctx.expectingInput) break;
      // Read as Get-Content reads a file (src/protocol/text-codec.ts: BOMs, UTF-8, else windows-1252).
      const text = decodeText(ctx.fs.readBytes(ctx.fs.resolve(p, ctx.session.getLocation())));
      if (!(await s.pager.lines(splitLines(text)))) return;
    }
    if (!ctx.expectingInput && !ctx.bound.has('InputObject')) return;
    s.stream.write(params.InputObject);
    if (!(await s.pager.lines(s.pending.splice(0)))) ctx.stopUpstream?.();
  },
  async end(_params, ctx) {
    const s = of(ctx);
    if (s.pager.quit) return;
    s.stream.end();
    await s.pager.lines(s.pending.splice(0));
  },
});

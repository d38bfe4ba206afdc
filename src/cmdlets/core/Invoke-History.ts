// Invoke-History (r, ihy): runs a command from the session's history again, echoing it first as
// the console does.

import { parseScript } from '../../../grammar/index.js';
import { defineCmdlet, type HistoryEntry } from '../../protocol/cmdlet.js';
import { ScriptBlockValue } from '../../protocol/values.js';

export default defineCmdlet({
  name: 'Invoke-History',
  aliases: ['r', 'ihy'],
  module: 'Microsoft.PowerShell.Core',
  synopsis: 'Runs commands from the session history.',
  description:
    'The Invoke-History cmdlet runs a command from the session history again: the most recent one by ' +
    'default, the one with the given Id, or the most recent one that starts with the given text. The ' +
    'command line is shown before it runs.',
  parameters: {
    Id: { type: 'String', sets: { __AllParameterSets: { position: 0, fromPipelineByPropertyName: true } }, help: 'The Id of a history entry, or the start of its command line.' },
  },
  examples: [
    { code: "'again' | Out-Null; Invoke-History", remarks: 'Runs the most recent command again.', setup: "Write-Output 'again'" },
    { code: 'r 1', remarks: 'Runs the first command of the session again.', setup: "'first'", shows: 'first' },
  ],
  related: ['Get-History'],
  async process(params, ctx) {
    const isRerun = (h: HistoryEntry) => /^\s*(r|ihy|invoke-history)(\s|$)/i.test(h.commandLine);
    // The most recent entry is the most recent command that is not itself a rerun.
    const all = ctx.session.history();
    // `-Id $null` (the binder keeps a null) names no entry, as an empty -Id does: the most recent.
    const id = params.Id === null ? undefined : params.Id;
    let entry: HistoryEntry | undefined;
    if (id === undefined || id === '') entry = [...all].reverse().find((h) => !isRerun(h));
    else if (/^\d+$/.test(id.trim())) entry = all.find((h) => h.id === Number(id));
    else entry = [...all].reverse().find((h) => h.commandLine.toLowerCase().startsWith(id.toLowerCase()));
    if (!entry) {
      return ctx.fail(
        ctx.error({
          message: id === undefined ? 'Cannot locate the most recent history.' : /^\d+$/.test(id.trim()) ? `Cannot locate history for Id ${id}.` : `Cannot locate history for commandline ${id}.`,
          errorId: 'InvokeHistoryNoHistoryFound',
          category: 'ObjectNotFound',
          exceptionType: 'ArgumentException',
          targetObject: id ?? null,
        }),
      );
    }
    if (isRerun(entry)) {
      return ctx.fail(
        ctx.error({
          message: 'Invoke-History cannot run itself: the history entry is an Invoke-History command.',
          errorId: 'InvokeHistoryLoopDetected',
          category: 'InvalidOperation',
          exceptionType: 'InvalidOperationException',
          targetObject: entry.commandLine,
        }),
      );
    }
    ctx.host.writeLine(entry.commandLine);
    const parsed = parseScript(entry.commandLine);
    if (parsed.errors.length) return;
    for (const v of await ctx.invoke(new ScriptBlockValue(parsed.ast, entry.commandLine), { dotSource: true })) ctx.write(v);
  },
});

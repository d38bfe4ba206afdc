// Get-History (h, history, ghy): the commands entered in this session.

import { defineCmdlet, type HistoryEntry } from '../../protocol/cmdlet.js';
import { PSObject } from '../../protocol/values.js';

export const HISTORY_INFO = 'Microsoft.PowerShell.Commands.HistoryInfo';

export function historyObject(e: HistoryEntry): PSObject {
  const o = PSObject.fromRecord(
    {
      Id: e.id,
      CommandLine: e.commandLine,
      ExecutionStatus: e.executionStatus,
      StartExecutionTime: e.startExecutionTime,
      EndExecutionTime: e.endExecutionTime,
    },
    [HISTORY_INFO, 'System.Object'],
  );
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => e.commandLine });
  return o;
}

export default defineCmdlet({
  name: 'Get-History',
  aliases: ['h', 'history', 'ghy'],
  module: 'Microsoft.PowerShell.Core',
  synopsis: 'Gets a list of the commands entered during the current session.',
  description:
    'The Get-History cmdlet gets the commands entered in this session, each with its Id, its ' +
    'text, whether it completed, and when it started and ended. By default it gets the 32 most ' +
    'recent. -Id gets particular entries; -Count how many of the most recent ones.',
  parameters: {
    Id: {
      type: 'Int32[]',
      sets: { __AllParameterSets: { position: 0, fromPipeline: true } },
      help: 'Specifies the Ids of the entries to get.',
    },
    Count: {
      type: 'Int32',
      validateRange: [0, 32767],
      sets: { __AllParameterSets: { position: 1 } },
      help: 'Specifies how many of the most recent entries to get.',
      default: 32,
    },
  },
  outputType: [HISTORY_INFO],
  examples: [
    {
      code: 'Get-History -Count 5',
      remarks: 'Gets the five most recent commands.',
    },
  ],
  related: ['Get-Command'],
  process(params, ctx) {
    const all = ctx.session.history();
    const ids = params.Id;
    if (ids) {
      for (const id of ids) {
        const e = all.find((h) => h.id === id);
        if (e) ctx.write(historyObject(e));
        else
          ctx.writeError(
            ctx.error({
              message: `Cannot locate history for Id ${id}.`,
              errorId: 'GetHistoryItemNotFound',
              category: 'ObjectNotFound',
              exceptionType: 'ArgumentException',
              targetObject: id,
            }),
          );
      }
      return;
    }
    const count = params.Count;
    for (const e of all.slice(Math.max(0, all.length - count))) ctx.write(historyObject(e));
  },
});

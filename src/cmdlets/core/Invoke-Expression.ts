// Invoke-Expression (iex): runs a string as commands in the caller's scope (variables it sets
// stay set, as a dot-sourced block's do). A string that does not parse is a terminating
// ParseException with the parser's own error id.

import { parseScript } from '../../../grammar/index.js';
import { defineCmdlet } from '../../protocol/cmdlet.js';
import { ScriptBlockValue, toDisplayText } from '../../protocol/values.js';

export default defineCmdlet({
  name: 'Invoke-Expression',
  aliases: ['iex'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Runs commands or expressions on the local computer.',
  description:
    'The Invoke-Expression cmdlet evaluates a string as commands and writes their results. It runs in the ' +
    "caller's scope: variables the string sets remain set afterwards. Strings piped in run one after another.",
  defaultParameterSet: 'Default',
  parameters: {
    Command: {
      type: 'String',
      sets: { Default: { position: 0, mandatory: true, fromPipeline: true } },
      help: 'Specifies the command or expression to run, as a string.',
    },
  },
  outputType: ['System.Object'],
  examples: [
    { code: "$cmd = 'Get-Date -Year 2008 -Month 1 -Day 2 -Format yyyy-MM-dd'; Invoke-Expression $cmd", remarks: 'Runs a command held in a string.', shows: '2008-01-02' },
    { code: "iex '$port = 25 * 2'; $port", remarks: "Variables set by the string stay set in the caller's scope.", shows: '50' },
    { code: "'1 + 1', '2 * 3' | Invoke-Expression", remarks: 'Runs each string piped in.', shows: '2\n6' },
  ],
  related: ['Invoke-Command'],
  async process(params, ctx) {
    const text = toDisplayText(params.Command ?? '');
    const parsed = parseScript(text);
    const first = parsed.errors[0];
    if (first) {
      return ctx.fail(
        ctx.error({
          message: first.message,
          errorId: first.errorId,
          category: 'ParserError',
          exceptionType: 'ParseException',
          targetObject: text,
        }),
      );
    }
    for (const v of await ctx.invoke(new ScriptBlockValue(parsed.ast, text), { dotSource: true })) ctx.write(v);
  },
});

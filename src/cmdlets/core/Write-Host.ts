// Write-Host: writes text straight to the host (not the pipeline), in colour if asked.

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { CONSOLE_COLORS } from '../../protocol/host.js';
import { toDisplayText } from '../../protocol/values.js';

/** Collections are written element by element (recursively), joined by the separator. */
function hostText(value: unknown, separator: string): string {
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (const v of value) if (v !== null && v !== undefined) parts.push(hostText(v, separator));
    return parts.join(separator);
  }
  return toDisplayText(value);
}

const colorParam = (what: string) => ({
  type: 'Enum' as const,
  enum: { typeName: 'System.ConsoleColor', values: CONSOLE_COLORS },
  help: `Specifies the ${what} colour.`,
});

export default defineCmdlet({
  name: 'Write-Host',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Writes customized output to a host.',
  description:
    'The Write-Host cmdlet writes text to the host, the console window, not to the pipeline: ' +
    'nothing it writes can be piped or captured in a variable. -ForegroundColor and ' +
    '-BackgroundColor colour the text; -NoNewline leaves the cursor on the same line; the ' +
    'elements of a collection are separated by -Separator (a space by default).',
  parameters: {
    Object: {
      type: 'Object',
      aliases: ['Msg', 'Message'],
      sets: { [ALL_SETS]: { position: 0, fromPipeline: true, fromRemainingArguments: true } },
      help: 'Specifies the objects to write.',
    },
    NoNewline: { type: 'Switch', help: 'Does not end the output with a newline.' },
    Separator: { type: 'Object', help: 'Specifies the text written between the elements of a collection.', default: ' ' },
    ForegroundColor: colorParam('text'),
    BackgroundColor: colorParam('background'),
  },
  examples: [
    { code: "Write-Host 'Certificate imported.' -ForegroundColor Green", remarks: 'Writes green text.', shows: 'Certificate imported.' },
    { code: "Write-Host (1,2,3) -Separator ', '", remarks: 'Writes the numbers separated by a comma and a space.', shows: '1, 2, 3' },
  ],
  related: ['Write-Output', 'Clear-Host'],
  process(params, ctx) {
    const sep = toDisplayText(params.Separator);
    const text = params.Object === undefined ? '' : hostText(params.Object, sep);
    ctx.writeHost(text, {
      foreground: params.ForegroundColor,
      background: params.BackgroundColor,
      noNewline: !!params.NoNewline,
    });
  },
});

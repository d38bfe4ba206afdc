// Read-Host: reads one line from the host (masked, as a SecureString, with -AsSecureString).

import { ALL_SETS, defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import { PipelineStoppedError } from '../../protocol/errors.js';
import { toDisplayText } from '../../protocol/values.js';

/** The 5.1 error when a -NonInteractive host is asked to read or prompt. */
export function nonInteractiveError(ctx: CmdletContext): never {
  ctx.fail(
    ctx.error({
      message: 'Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
      errorId: 'InvalidOperation',
      category: 'InvalidOperation',
      exceptionType: 'PSInvalidOperationException',
    }),
  );
}

export default defineCmdlet({
  name: 'Read-Host',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Reads a line of input from the console.',
  description:
    'The Read-Host cmdlet reads a line typed at the console, after showing -Prompt followed by ' +
    'a colon. With -AsSecureString the typing is masked and a SecureString is returned, for ' +
    'passwords. In a non-interactive session it fails.',
  parameters: {
    Prompt: {
      type: 'Object',
      sets: { [ALL_SETS]: { position: 0, fromRemainingArguments: true } },
      help: 'Specifies the text of the prompt; a colon is added.',
    },
    AsSecureString: { type: 'Switch', help: 'Masks the typing and returns a SecureString.' },
  },
  outputType: ['System.String', 'System.Security.SecureString'],
  examples: [
    {
      code: "$pw = Read-Host 'PFX password' -AsSecureString",
      remarks: 'Asks for a password without showing it.',
      interactive: true,
    },
  ],
  related: ['Get-Credential', 'ConvertTo-SecureString'],
  async process(params, ctx) {
    if (!ctx.host.interactive) nonInteractiveError(ctx);
    const prompt = params.Prompt === undefined ? '' : `${toDisplayText(params.Prompt)}: `;
    const line = await ctx.host.readLine(prompt, !!params.AsSecureString);
    if (line === null) throw new PipelineStoppedError();
    ctx.write(line);
  },
});

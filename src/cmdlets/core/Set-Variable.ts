// Set-Variable (sv, set): sets a variable's value, creating it when needed.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { TerminatingError } from '../../protocol/errors.js';
import { variableObject } from './variables.js';

export default defineCmdlet({
  name: 'Set-Variable',
  aliases: ['sv', 'set'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Sets the value of a variable. Creates the variable if one with the requested name does not exist.',
  description:
    'The Set-Variable cmdlet assigns a value to a variable, creating it if needed; `Set-Variable -Name x -Value 1` ' +
    'is `$x = 1`. -Scope Global or Script sets the variable in that scope instead of the current one.',
  defaultParameterSet: 'Default',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    Name: {
      type: 'String[]',
      sets: { Default: { position: 0, mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the name of the variable, without the dollar sign ($).',
    },
    Value: {
      type: 'Object',
      sets: { Default: { position: 1, fromPipeline: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the value of the variable.',
    },
    Scope: {
      type: 'String',
      validateSet: ['Global', 'Script', 'Local'],
      help: 'Sets the variable in this scope: Global, Script or Local (the default).',
      default: 'Local',
    },
    PassThru: { type: 'Switch', help: 'Writes the variable (a PSVariable object) to the pipeline.' },
  },
  outputType: ['None', 'System.Management.Automation.PSVariable'],
  examples: [
    { code: 'Set-Variable -Name thumb -Value "CC06A5DB"; $thumb', remarks: 'Sets $thumb; the same as $thumb = "CC06A5DB".', shows: 'CC06A5DB' },
    { code: 'Set-Variable services "IIS,SMTP" -PassThru', remarks: 'Sets $services by position and shows the variable.', shows: 'services                       IIS,SMTP' },
  ],
  related: ['Get-Variable'],
  async process(params, ctx) {
    const value = params.Value === undefined ? null : params.Value;
    const scope = params.Scope?.toLowerCase();
    for (const name of (params.Name as (string | null)[]) ?? []) {
      const text = name ?? '';
      if (!(await ctx.shouldProcess(`Name: ${text} Value: ${String(value)}`, 'Set variable'))) continue;
      try {
        ctx.session.setVariable(scope && scope !== 'local' ? `${scope}:${text}` : text, value);
      } catch (e) {
        // A read-only or constant variable: a non-terminating error of this command.
        if (!(e instanceof TerminatingError)) throw e;
        ctx.writeError(e.record);
        continue;
      }
      if (params.PassThru) ctx.write(variableObject(text, value));
    }
  },
});

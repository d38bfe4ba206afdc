// New-Variable (nv): makes a variable in the local scope (or the one -Scope names), with its
// options (ReadOnly, Constant, Private, AllScope) and description; one that exists there
// already is an error unless -Force is given.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { OPTION_PARAMETER, SCOPE_PARAMETER, applyOptions, tableFor, variableObject, variableProtected } from './variables.js';

export default defineCmdlet({
  name: 'New-Variable',
  aliases: ['nv'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Creates a new variable.',
  description:
    'The New-Variable cmdlet creates a variable. Unlike an assignment, it can set the options of the variable ' +
    '(-Option ReadOnly, Constant, Private, AllScope) and its description, and it refuses to replace a variable ' +
    'that already exists in the scope unless -Force is given (a constant variable is never replaced).',
  defaultParameterSet: 'Default',
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  parameters: {
    Name: {
      type: 'String',
      sets: { Default: { position: 0, mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the name of the new variable, without the dollar sign ($).',
    },
    Value: {
      type: 'Object',
      allowNull: true,
      sets: { Default: { position: 1, fromPipeline: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the initial value of the variable.',
    },
    Description: { type: 'String', help: 'Specifies a description of the variable.' },
    Option: OPTION_PARAMETER,
    Visibility: {
      type: 'Enum',
      enum: { typeName: 'System.Management.Automation.SessionStateEntryVisibility', values: ['Public', 'Private'] },
      help: 'Public (the default) or Private; emsh keeps every variable public.',
    },
    Force: { type: 'Switch', help: 'Replaces a variable of the same name in the scope (not a constant one).' },
    PassThru: { type: 'Switch', help: 'Writes the new variable (a PSVariable object) to the pipeline.' },
    Scope: SCOPE_PARAMETER,
  },
  outputType: ['None', 'System.Management.Automation.PSVariable'],
  examples: [
    { code: 'New-Variable -Name days -Value 365; $days', remarks: 'Creates $days.', shows: '365' },
    {
      code: 'New-Variable ca "CN=Contoso Root" -Option Constant -Description "The lab root CA"; Get-Variable ca | Format-List Name, Description, Options',
      remarks: 'Creates a constant with a description: no later assignment can change it.',
      shows: 'Name        : ca\nDescription : The lab root CA\nOptions     : Constant',
    },
    { code: 'New-Variable days 1; New-Variable days 2 -ErrorAction SilentlyContinue; $days', remarks: 'A second New-Variable of the same name fails without -Force.', shows: '1' },
  ],
  related: ['Get-Variable', 'Set-Variable', 'Clear-Variable', 'Remove-Variable'],
  async process(params, ctx) {
    const name = String(params.Name ?? '');
    const table = tableFor(ctx, params.Scope ?? 'Local');
    const existing = table.get(name);
    if (existing && !params.Force) {
      ctx.writeError(
        ctx.error({
          message: `A variable with name '${name}' already exists.`,
          errorId: 'VariableAlreadyExists',
          category: 'ResourceExists',
          exceptionType: 'SessionStateException',
          targetObject: name,
          targetName: name,
          targetType: 'String',
        }),
      );
      return;
    }
    const value = params.Value === undefined ? null : params.Value;
    if (!(await ctx.shouldProcess(`Name: ${name} Value: ${String(value ?? '')}`, 'New variable'))) return;
    if (existing && (existing.constant || existing.readOnly)) {
      // -Force replaces a read-only variable, never a constant one (SessionStateScope.NewVariable).
      if (existing.constant) {
        variableProtected(ctx, existing.name, false);
        return;
      }
    }
    const v = table.define({ name, value, description: params.Description ?? '' });
    applyOptions(v, `${params.Option ?? ''}${String(params.Scope ?? '').toLowerCase() === 'private' ? ',Private' : ''}`);
    if (params.PassThru) ctx.write(variableObject(name, value, v));
  },
});

// Set-Variable (sv, set): sets a variable's value, options or description, creating it when it
// does not exist in the scope (the local one unless -Scope names another), as 5.1's
// SetVariableCommand does: pipeline input is gathered and set once at the end, a wildcard -Name
// only changes variables that exist, a read-only variable needs -Force, a constant never changes.

import { defineCmdlet, madeInBegin, stateKey, type CmdletContext, type SessionVariable, type BoundParameters, type ParameterDeclaration } from '../../protocol/cmdlet.js';
import { hasWildcard } from '../../protocol/wildcard.js';
import { stringsOf, wildcards } from './patterns.js';
import { OPTION_PARAMETER, SCOPE_PARAMETER, applyOptions, tableFor, variableObject, variableProtected, writable } from './variables.js';

/** No value given at all (AutomationNull): an existing variable keeps its value. */
const NO_VALUE = Symbol('no-value');

async function setVariables(params: Params, value: unknown, ctx: CmdletContext): Promise<void> {
  const table = tableFor(ctx, params.Scope ?? 'Local');
  const includes = wildcards(params.Include);
  const excludes = wildcards(params.Exclude);
  const keep = (n: string) => (!includes.length || includes.some((r) => r.test(n))) && !excludes.some((r) => r.test(n));
  const shown = value === NO_VALUE ? null : value;
  const force = Boolean(params.Force);
  for (const name of stringsOf(params.Name) ?? []) {
    const filtered = hasWildcard(name) || includes.length > 0 || excludes.length > 0;
    const pattern = hasWildcard(name) ? wildcards(name)[0]! : undefined;
    const matches = table.list().filter((v) => (pattern ? pattern.test(v.name) : v.name.toLowerCase() === name.toLowerCase()) && keep(v.name));
    if (matches.length === 0) {
      if (filtered) continue;
      if (!(await ctx.shouldProcess(`Name: ${name} Value: ${String(shown ?? '')}`, 'Set variable'))) continue;
      const created: SessionVariable = { name, value: shown, description: params.Description ?? '' };
      applyOptions(created, `${params.Option ?? ''}${params.Scope?.toLowerCase() === 'private' ? ',Private' : ''}`);
      const v = table.define(created);
      if (params.PassThru) ctx.write(variableObject(name, v.value, v));
      continue;
    }
    for (const v of matches) {
      if (!(await ctx.shouldProcess(`Name: ${v.name} Value: ${String(shown ?? '')}`, 'Set variable'))) continue;
      if (!writable(v, force)) {
        variableProtected(ctx, v.name, false);
        continue;
      }
      if (params.Option !== undefined && /constant/i.test(params.Option) && !v.constant) {
        ctx.writeError(
          ctx.error({
            message: `Existing variable ${v.name} cannot be made constant. Variables can be made constant only at creation time.`,
            errorId: 'VariableCannotBeMadeConstant',
            category: 'WriteError',
            exceptionType: 'SessionStateUnauthorizedAccessException',
            targetObject: v.name,
          }),
        );
        continue;
      }
      if (value !== NO_VALUE) v.value = value;
      if (params.Description !== undefined) v.description = params.Description ?? undefined;
      if (params.Option !== undefined) applyOptions(v, params.Option);
      if (params.PassThru) ctx.write(variableObject(v.name, v.value, v));
    }
  }
}

const PARAMETERS = {
  Name: {
    type: 'String[]',
    sets: { Default: { position: 0, mandatory: true, fromPipelineByPropertyName: true } },
    help: 'Specifies the name of the variable, without the dollar sign ($). Wildcards change only variables that exist.',
  },
  Value: {
    type: 'Object',
    allowNull: true,
    sets: { Default: { position: 1, fromPipeline: true, fromPipelineByPropertyName: true } },
    help: 'Specifies the value of the variable.',
  },
  Include: { type: 'String[]', help: 'Changes only the variables whose names match. Wildcard characters are permitted.' },
  Exclude: { type: 'String[]', help: 'Leaves out the variables whose names match. Wildcard characters are permitted.' },
  Description: { type: 'String', help: 'Specifies the description of the variable.' },
  Option: OPTION_PARAMETER,
  Force: { type: 'Switch', help: 'Overwrites a read-only variable.' },
  Visibility: {
    type: 'Enum',
    enum: { typeName: 'System.Management.Automation.SessionStateEntryVisibility', values: ['Public', 'Private'] },
    help: 'Public (the default) or Private; emsh keeps every variable public.',
  },
  PassThru: { type: 'Switch', help: 'Writes the variable (a PSVariable object) to the pipeline.' },
  Scope: SCOPE_PARAMETER,
} satisfies Record<string, ParameterDeclaration>;

/** The parameters as the cmdlet's blocks and helpers receive them. */
type Params = BoundParameters<typeof PARAMETERS>;

export default defineCmdlet({
  name: 'Set-Variable',
  aliases: ['sv', 'set'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Sets the value of a variable. Creates the variable if one with the requested name does not exist.',
  description:
    'The Set-Variable cmdlet assigns a value to a variable, creating it if needed; `Set-Variable -Name x -Value 1` ' +
    'is `$x = 1`. -Scope Global, Script, Local or a number (0 is the current scope, 1 its parent) picks the scope. ' +
    '-Option sets ReadOnly, Constant (only when the variable is created), Private or AllScope; -Force overwrites a ' +
    'read-only variable. Objects piped in become the value, as an array when there are several.',
  defaultParameterSet: 'Default',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: PARAMETERS,
  outputType: ['None', 'System.Management.Automation.PSVariable'],
  examples: [
    { code: 'Set-Variable -Name thumb -Value "CC06A5DB"; $thumb', remarks: 'Sets $thumb; the same as $thumb = "CC06A5DB".', shows: 'CC06A5DB' },
    { code: 'Set-Variable services "IIS,SMTP" -PassThru', remarks: 'Sets $services by position and shows the variable.', shows: 'services                       IIS,SMTP' },
    {
      code: 'Set-Variable org "Contoso" -Option ReadOnly; Set-Variable org "Fabrikam" -Force; $org',
      remarks: 'Makes a read-only variable; only -Force overwrites it.',
      shows: 'Fabrikam',
    },
    { code: "'EX01','EX02' | Set-Variable servers; $servers.Count", remarks: 'Piped objects become the value, as an array.', shows: '2' },
  ],
  related: ['Get-Variable', 'New-Variable', 'Clear-Variable', 'Remove-Variable'],
  begin(params, ctx) {
    ctx.runState(STATE, () => ({ values: [], piped: false, nameOnLine: params.Name !== undefined, valueOnLine: params.Value !== undefined }));
  },
  async process(params, ctx) {
    const s = ctx.runState(STATE, madeInBegin);
    if (ctx.expectingInput && s && s.nameOnLine && !s.valueOnLine) {
      // The name on the command line, the value from the pipeline: gathered until the end.
      s.piped = true;
      s.values.push(params.Value);
      return;
    }
    await setVariables(params, ctx.bound.has('Value') ? params.Value ?? null : NO_VALUE, ctx);
  },
  async end(params, ctx) {
    const s = ctx.runState(STATE, madeInBegin);
    if (!s?.piped) return;
    const v = s.values.length === 1 ? s.values[0] : s.values;
    await setVariables(params, v, ctx);
  },
});

/** Piped objects gathered until the end (SetVariableCommand's _valueList). */
const STATE = stateKey<{ values: unknown[]; piped: boolean; nameOnLine: boolean; valueOnLine: boolean }>('Set-Variable');

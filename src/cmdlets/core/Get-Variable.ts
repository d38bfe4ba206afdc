// Get-Variable (gv): the variables visible from where it runs, by name (wildcards allowed).

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { variableObject } from './variables.js';
import { stringsOf, wildcards } from './patterns.js';
import { hasWildcard, compileWildcard } from '../../protocol/wildcard.js';

export default defineCmdlet({
  name: 'Get-Variable',
  aliases: ['gv'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Gets the variables in the current console.',
  description:
    'The Get-Variable cmdlet gets the variables visible from where it runs: their names and values. ' +
    '-Name selects variables by name and accepts wildcard characters; -ValueOnly writes only the values.',
  defaultParameterSet: 'Default',
  parameters: {
    Name: {
      type: 'String[]',
      sets: { [ALL_SETS]: { position: 0, fromPipeline: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the variables to get. Wildcard characters are permitted.',
    },
    ValueOnly: { type: 'Switch', help: 'Gets only the values of the variables.' },
    Include: { type: 'String[]', help: 'Gets only the variables whose names match. Wildcard characters are permitted.' },
    Exclude: { type: 'String[]', help: 'Leaves out the variables whose names match. Wildcard characters are permitted.' },
  },
  outputType: ['System.Management.Automation.PSVariable'],
  examples: [
    { code: '$cert = "webmail"; Get-Variable cert', remarks: 'Gets the variable $cert: its name and value.', shows: 'cert                           webmail' },
    { code: 'Get-Variable -Name PS* -ValueOnly | Select-Object -First 1', remarks: 'Gets the values of the variables whose names begin with PS.' },
    { code: 'Get-Variable | Measure-Object | Select-Object -ExpandProperty Count', remarks: 'Counts the variables of the session.' },
  ],
  related: ['Set-Variable'],
  process(params, ctx) {
    const s = ctx.session;
    const all = (s.variableNames?.() ?? []).filter((n) => {
      // `$_` only exists inside a script block that has one.
      const l = n.toLowerCase();
      return (l !== '_' && l !== 'psitem') || s.getVariable(n) !== null;
    });
    const includes = wildcards(params.Include);
    const excludes = wildcards(params.Exclude);
    const keep = (n: string) => (!includes.length || includes.some((r) => r.test(n))) && !excludes.some((r) => r.test(n));
    const emit = (n: string) => ctx.write(params.ValueOnly ? s.getVariable(n) : variableObject(n, s.getVariable(n)));
    for (const text of stringsOf(params.Name) ?? ['*']) {
      if (!hasWildcard(text)) {
        const name = all.find((n) => n.toLowerCase() === text.toLowerCase()) ?? (s.hasVariable(text) ? text : undefined);
        if (name !== undefined && keep(name)) {
          emit(name);
        } else if (name === undefined) {
          ctx.writeError(
            ctx.error({
              message: `Cannot find a variable with the name '${text}'.`,
              errorId: 'VariableNotFound',
              category: 'ObjectNotFound',
              exceptionType: 'ItemNotFoundException',
              targetObject: text,
              targetName: text,
              targetType: 'String',
            }),
          );
        }
        continue;
      }
      const re = compileWildcard(text);
      for (const n of all) if (re.test(n) && keep(n)) emit(n);
    }
  },
});

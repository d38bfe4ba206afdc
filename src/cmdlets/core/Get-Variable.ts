// Get-Variable (gv): the variables visible from where it runs (or those of one scope with
// -Scope), by name (wildcards allowed), as PSVariable objects or, with -ValueOnly, their values.

import { ALL_SETS, defineCmdlet, type SessionVariable } from '../../protocol/cmdlet.js';
import { hasWildcard, compileWildcard } from '../../protocol/wildcard.js';
import { stringsOf, wildcards } from './patterns.js';
import { SCOPE_PARAMETER, tableFor, variableNotFound, variableObject } from './variables.js';

/** Automatic variables the engine answers itself (not stored in a scope). */
const COMPUTED = ['_', 'PSItem', '?', 'Error', 'PWD'];

export default defineCmdlet({
  name: 'Get-Variable',
  aliases: ['gv'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Gets the variables in the current console.',
  description:
    'The Get-Variable cmdlet gets the variables visible from where it runs: their names and values. ' +
    '-Name selects variables by name and accepts wildcard characters; -ValueOnly writes only the values. ' +
    '-Scope gets the variables of one scope: Global, Script, Local or a number (0 is the current scope, 1 its parent).',
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
    Scope: SCOPE_PARAMETER,
  },
  outputType: ['System.Management.Automation.PSVariable'],
  examples: [
    { code: '$cert = "webmail"; Get-Variable cert', remarks: 'Gets the variable $cert: its name and value.', shows: 'cert                           webmail' },
    { code: 'Get-Variable -Name PS* -ValueOnly | Select-Object -First 1', remarks: 'Gets the values of the variables whose names begin with PS.' },
    { code: 'Get-Variable | Measure-Object | Select-Object -ExpandProperty Count', remarks: 'Counts the variables of the session.' },
    {
      code: 'function Show-Parent { $site = "Paris"; & { Get-Variable site -Scope 1 -ValueOnly } }; Show-Parent',
      remarks: "Reads a variable of the caller's scope by number: 0 is the current scope, 1 its parent.",
      shows: 'Paris',
    },
    { code: 'New-Variable org Contoso -Option ReadOnly; (Get-Variable org).Options', remarks: "Shows a variable's options.", shows: 'ReadOnly' },
  ],
  related: ['Set-Variable', 'New-Variable', 'Clear-Variable', 'Remove-Variable'],
  process(params, ctx) {
    const s = ctx.session;
    const scoped = params.Scope !== undefined && params.Scope !== null;
    const table = tableFor(ctx, params.Scope);
    const stored = new Map<string, SessionVariable>();
    for (const v of table.list()) stored.set(v.name.toLowerCase(), v);
    const names = [...stored.values()].map((v) => v.name);
    if (!scoped) {
      // `$_` only exists inside a script block that has one.
      for (const n of COMPUTED) {
        const l = n.toLowerCase();
        if (!stored.has(l) && ((l !== '_' && l !== 'psitem') || s.getVariable(n) !== null)) names.push(n);
      }
    }
    names.sort((a, b) => a.localeCompare(b));
    const includes = wildcards(params.Include);
    const excludes = wildcards(params.Exclude);
    const keep = (n: string) => (!includes.length || includes.some((r) => r.test(n))) && !excludes.some((r) => r.test(n));
    const emit = (n: string) => {
      const v = stored.get(n.toLowerCase());
      const value = v ? v.value : s.getVariable(n);
      ctx.write(params.ValueOnly ? value : variableObject(n, value, v));
    };
    for (const text of stringsOf(params.Name) ?? ['*']) {
      if (!hasWildcard(text)) {
        const name = names.find((n) => n.toLowerCase() === text.toLowerCase());
        if (name === undefined) variableNotFound(ctx, text);
        else if (keep(name)) emit(name);
        continue;
      }
      const re = compileWildcard(text);
      for (const n of names) if (re.test(n) && keep(n)) emit(n);
    }
  },
});

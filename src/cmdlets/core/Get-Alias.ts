// Get-Alias (gal): the aliases of the session, by name or by the command they stand for.

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { aliasObject, aliasTableFor } from './aliases.js';
import { stringsOf, wildcards } from './patterns.js';
import { hasWildcard, compileWildcard } from '../../protocol/wildcard.js';
import { SCOPE_PARAMETER } from './variables.js';

export default defineCmdlet({
  name: 'Get-Alias',
  aliases: ['gal'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Gets the aliases for the current session.',
  description:
    'The Get-Alias cmdlet gets the aliases of the session: alternate names for cmdlets and ' +
    'functions, such as ? for Where-Object. -Name selects aliases by name, -Definition by the ' +
    'command they stand for; both accept wildcard characters. -Scope reads one scope only (Global, ' +
    'Script, Local, or a number counted up from the current scope).',
  defaultParameterSet: 'Default',
  parameters: {
    Name: {
      type: 'String[]',
      sets: { Default: { position: 0, fromPipeline: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the aliases to get. Wildcard characters are permitted.',
    },
    Definition: {
      type: 'String[]',
      sets: { Definition: {} },
      help: 'Gets the aliases of these commands. Wildcard characters are permitted.',
    },
    Exclude: {
      type: 'String[]',
      sets: { [ALL_SETS]: {} },
      help: 'Leaves out the aliases whose names match. Wildcard characters are permitted.',
    },
    Scope: { ...SCOPE_PARAMETER, sets: { [ALL_SETS]: {} } },
  },
  outputType: ['System.Management.Automation.AliasInfo'],
  examples: [
    { code: 'Get-Alias -Definition Where-Object', remarks: 'Gets the aliases of Where-Object.', shows: '? -> Where-Object' },
    { code: 'Get-Alias gcm', remarks: 'Tells what gcm stands for.', shows: 'gcm -> Get-Command' },
  ],
  related: ['Get-Command'],
  process(params, ctx) {
    const aliases = aliasTableFor(ctx, params.Scope)
      .list()
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
    const excludes = wildcards(params.Exclude);
    const keep = (name: string) => !excludes.some((r) => r.test(name));
    if (params.Definition) {
      const defs = wildcards(params.Definition);
      for (const a of aliases) if (defs.some((r) => r.test(a.definition)) && keep(a.name)) ctx.write(aliasObject(ctx, a));
      return;
    }
    for (const pattern of stringsOf(params.Name) ?? ['*']) {
      const re = compileWildcard(pattern);
      const hits = aliases.filter((a) => re.test(a.name) && keep(a.name));
      if (!hits.length && !hasWildcard(pattern)) {
        ctx.writeError(
          ctx.error({
            message: `This command cannot find a matching alias because an alias with the name '${pattern}' does not exist.`,
            errorId: 'ItemNotFoundException',
            category: 'ObjectNotFound',
            exceptionType: 'ItemNotFoundException',
            targetObject: pattern,
            targetName: pattern,
            targetType: 'String',
          }),
        );
      }
      for (const a of hits) ctx.write(aliasObject(ctx, a));
    }
  },
});

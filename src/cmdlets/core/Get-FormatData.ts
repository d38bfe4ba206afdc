// Get-FormatData: the session's views, one ExtendedTypeDefinition per type.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { compileWildcard } from '../../protocol/wildcard.js';
import { formatDefinitions } from '../../format/format-data.js';
import { typeDefinitions } from './format-data.js';
import { stringsOf } from './patterns.js';

export default defineCmdlet({
  name: 'Get-FormatData',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Gets the formatting data in the current session.',
  description:
    'The Get-FormatData cmdlet writes an ExtendedTypeDefinition for each type that has views: its ' +
    'TypeName and FormatViewDefinition (each view with its Name and Control). -TypeName picks types by ' +
    'name (wildcards allowed). Pipe the result to Export-FormatData to save the views as a format file.',
  parameters: {
    TypeName: {
      type: 'String[]',
      sets: { __AllParameterSets: { position: 0 } },
      help: 'Specifies the type names whose views are written (wildcards allowed). The default is all of them.',
    },
    PowerShellVersion: {
      type: 'Object',
      netType: 'System.Version',
      help: 'Specifies the PowerShell version the views are for; emsh has one set of views.',
    },
  },
  outputType: ['System.Management.Automation.ExtendedTypeDefinition'],
  examples: [
    {
      code: '(Get-FormatData System.Collections.DictionaryEntry).FormatViewDefinition.Name',
      remarks: 'Names the views of a type.',
      shows: 'System.Collections.DictionaryEntry',
    },
  ],
  related: ['Update-FormatData', 'Export-FormatData', 'Get-TypeData'],
  process(params, ctx) {
    const patterns = (stringsOf(params.TypeName) ?? ['*']).map((p) => compileWildcard(p));
    const defs = formatDefinitions().filter((d) => d.typeNames.some((t) => patterns.some((re) => re.test(t))));
    for (const o of typeDefinitions(defs)) {
      const name = String(o.get('TypeName'));
      if (patterns.some((re) => re.test(name))) ctx.write(o);
    }
  },
});

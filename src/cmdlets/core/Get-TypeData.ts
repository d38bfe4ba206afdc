// Get-TypeData: the extended type data of the session (what Update-TypeData and type files added).

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { allTypeEntries } from '../../protocol/type-data.js';
import { compileWildcard, hasWildcard } from '../../protocol/wildcard.js';
import { fullTypeName, typeDataObject } from './type-data.js';
import { stringsOf } from './patterns.js';

export default defineCmdlet({
  name: 'Get-TypeData',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Gets the extended type data in the current session.',
  description:
    'The Get-TypeData cmdlet writes a TypeData object for each type that has extended type data in the ' +
    'session: its members and PSStandardMembers settings. -TypeName picks types by name (wildcards allowed). ' +
    'Pass the objects to Remove-TypeData or Update-TypeData.',
  parameters: {
    TypeName: {
      type: 'String[]',
      sets: { __AllParameterSets: { position: 0, fromPipeline: true } },
      help: 'Specifies the type names to get (wildcards allowed). The default is all types.',
    },
  },
  outputType: ['System.Management.Automation.Runspaces.TypeData'],
  examples: [
    {
      code: "Update-TypeData -TypeName Demo.Server -MemberType NoteProperty -MemberName Site -Value Paris -Force; (Get-TypeData Demo.*).TypeName",
      remarks: 'Gets the type data of types whose names match a wildcard.',
      shows: 'Demo.Server',
    },
  ],
  related: ['Update-TypeData', 'Remove-TypeData'],
  process(params, ctx) {
    const patterns = (stringsOf(params.TypeName) ?? ['*']).map((p) => compileWildcard(hasWildcard(p) ? p : fullTypeName(p)));
    for (const e of allTypeEntries()) if (patterns.some((re) => re.test(e.typeName))) ctx.write(typeDataObject(e));
  },
});

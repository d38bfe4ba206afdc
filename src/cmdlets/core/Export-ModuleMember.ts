// Export-ModuleMember: says which of a module's functions, aliases and variables it exports.
// Once a module calls it, exactly what the calls name is exported (functions included).

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { moduleTable } from './module-files.js';
import { stringsOf } from './patterns.js';

export default defineCmdlet({
  name: 'Export-ModuleMember',
  module: 'Microsoft.PowerShell.Core',
  synopsis: 'Specifies the module members that are exported.',
  description:
    "The Export-ModuleMember cmdlet names the members of a script or dynamic module that its importers " +
    'get: functions, aliases and variables (wildcard characters are permitted). Without it, a module ' +
    'exports all its functions and no aliases or variables; with it, only what its calls name. It can ' +
    'only be called from inside a module.',
  defaultParameterSet: 'Default',
  parameters: {
    Function: { type: 'String[]', sets: { Default: { position: 0, fromPipeline: true, fromPipelineByPropertyName: true } }, help: 'Specifies the functions to export. Wildcard characters are permitted.' },
    Cmdlet: { type: 'String[]', help: 'Specifies the cmdlets to export. Wildcard characters are permitted.' },
    Variable: { type: 'String[]', help: 'Specifies the variables to export. Wildcard characters are permitted.' },
    Alias: { type: 'String[]', help: 'Specifies the aliases to export. Wildcard characters are permitted.' },
  },
  outputType: ['None'],
  examples: [
    {
      code: 'New-Module { function Get-Public { "public" }; function Get-Private { }; Export-ModuleMember -Function Get-Public } | Out-Null; Get-Public; [bool](Get-Command Get-Private -ErrorAction SilentlyContinue)',
      remarks: 'Exports one function of two.',
      shows: /public\s+False/,
    },
  ],
  related: ['Import-Module', 'New-Module'],
  process(params, ctx) {
    const exported = moduleTable(ctx).exportMembers({
      functions: stringsOf(params.Function) ?? [],
      aliases: stringsOf(params.Alias),
      variables: stringsOf(params.Variable),
      cmdlets: stringsOf(params.Cmdlet),
    });
    if (exported) return;
    ctx.fail(
      ctx.error({
        message: 'The Export-ModuleMember cmdlet can only be called from inside a module.',
        errorId: 'Modules_CanOnlyExecuteExportModuleMemberInsideAModule',
        category: 'PermissionDenied',
        exceptionType: 'InvalidOperationException',
      }),
    );
  },
});

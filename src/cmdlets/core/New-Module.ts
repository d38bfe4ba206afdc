// New-Module (nmo): a dynamic module from a script block. Its code runs once in a module scope of
// its own; the functions it exports join the global scope at once, but Get-Module lists it only
// after Import-Module takes it. -ReturnResult writes what the block wrote instead of the module.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { moduleTable } from './module-files.js';
import { stringsOf } from './patterns.js';

export default defineCmdlet({
  name: 'New-Module',
  aliases: ['nmo'],
  module: 'Microsoft.PowerShell.Core',
  synopsis: 'Creates a new dynamic module that exists only in memory.',
  description:
    'The New-Module cmdlet creates a dynamic module from a script block. The block runs once, in the ' +
    "module's own scope; the functions it exports (all of them unless it calls Export-ModuleMember, " +
    'or those -Function names) are available in the session at once. The module is not listed by ' +
    'Get-Module until it is piped to Import-Module.',
  defaultParameterSet: 'ScriptBlock',
  parameters: {
    Name: {
      type: 'String',
      sets: { Name: { position: 0, mandatory: true } },
      help: 'Specifies a name for the module (default: __DynamicModule_ and a GUID).',
    },
    ScriptBlock: {
      type: 'ScriptBlock',
      sets: { Name: { position: 1, mandatory: true }, ScriptBlock: { position: 0, mandatory: true } },
      help: "Specifies the module's code.",
    },
    Function: { type: 'String[]', help: 'Exports only these functions of the module. Wildcard characters are permitted.' },
    Cmdlet: { type: 'String[]', help: 'Exports only these cmdlets of the module. Wildcard characters are permitted.' },
    ReturnResult: { type: 'Switch', help: 'Writes what the script block wrote instead of the module object.' },
    ArgumentList: {
      type: 'Object[]',
      aliases: ['Args'],
      sets: { Name: { fromRemainingArguments: true }, ScriptBlock: { fromRemainingArguments: true } },
      help: 'Specifies arguments passed to the script block.',
    },
  },
  outputType: ['System.Management.Automation.PSModuleInfo'],
  examples: [
    {
      code: 'New-Module -Name Greeter -ScriptBlock { function Get-Greeting { "Hello, $args" } } | Out-Null; Get-Greeting admin',
      remarks: 'Makes a dynamic module and calls the function it exports.',
      shows: 'Hello, admin',
    },
  ],
  related: ['Import-Module', 'Get-Module', 'Export-ModuleMember'],
  async process(params, ctx) {
    // Mandatory in both parameter sets: the binder has made sure it is there.
    if (!params.ScriptBlock) return;
    const functions = stringsOf(params.Function);
    const { module, output } = await moduleTable(ctx).loadDynamic(params.Name ?? '', params.ScriptBlock, params.ArgumentList ?? [], functions ? { functions } : undefined);
    if (params.ReturnResult) for (const o of output) ctx.write(o);
    else ctx.write(module.info);
  },
});

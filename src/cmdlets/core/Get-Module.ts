// Get-Module (gmo): the modules imported into the session (the built-in cmdlets' modules and the
// script modules Import-Module loaded); -ListAvailable: the modules that could be imported.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { matchesWildcard } from '../../protocol/wildcard.js';
import { moduleTable, modulesNamed } from './module-files.js';
import { stringsOf } from './patterns.js';

export default defineCmdlet({
  name: 'Get-Module',
  aliases: ['gmo'],
  module: 'Microsoft.PowerShell.Core',
  synopsis: 'Gets the modules that have been imported or that can be imported into the current session.',
  description:
    'The Get-Module cmdlet gets the modules imported into the session: the modules the built-in ' +
    'cmdlets come from and the script modules Import-Module loaded. -Name selects modules by name ' +
    '(wildcard characters are permitted). A dynamic module made by New-Module is listed only once ' +
    'Import-Module has imported it. -ListAvailable gets the modules that can be imported.',
  defaultParameterSet: 'Loaded',
  parameters: {
    Name: {
      type: 'String[]',
      sets: { Loaded: { position: 0, fromPipeline: true }, Available: { position: 0, fromPipeline: true } },
      help: 'Specifies the modules to get. Wildcard characters are permitted.',
    },
    All: { type: 'Switch', help: 'Gets all modules, nested ones included.' },
    ListAvailable: { type: 'Switch', sets: { Available: { mandatory: true } }, help: 'Gets the modules that can be imported, not only the imported ones.' },
    Refresh: { type: 'Switch', sets: { Available: {} }, help: 'Reads the module folders again (-ListAvailable).' },
  },
  outputType: ['System.Management.Automation.PSModuleInfo'],
  examples: [
    { code: 'Get-Module Microsoft.PowerShell.Utility | Format-List Name, Version', remarks: 'Gets the module of the utility cmdlets.', shows: /Name\s+: Microsoft.PowerShell.Utility/ },
    {
      code: "Set-Content C:\\Tools\\Certs.psm1 'function Get-Expiring { }'; Import-Module C:\\Tools\\Certs.psm1; (Get-Module Certs).ExportedFunctions.Keys",
      setup: 'New-Item C:\\Tools -ItemType Directory -Force | Out-Null',
      remarks: 'Lists the functions a script module exports.',
      shows: 'Get-Expiring',
    },
  ],
  related: ['Import-Module', 'Remove-Module', 'New-Module'],
  process(params, ctx) {
    const table = moduleTable(ctx);
    const list = params.ListAvailable ? table.builtInModules() : table.list();
    for (const m of modulesNamed(list, stringsOf(params.Name), matchesWildcard)) ctx.write(m.info);
  },
});

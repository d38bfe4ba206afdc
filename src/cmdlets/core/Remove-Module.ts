// Remove-Module (rmo): takes script modules out of the session, with the functions, aliases and
// variables they imported. The built-in cmdlets' modules stay loaded (emsh cannot unload cmdlets).

import { defineCmdlet, stateKey, type CmdletContext } from '../../protocol/cmdlet.js';
import { PSModuleInfoObject, type SessionModule } from '../../protocol/modules.js';
import { matchesWildcard } from '../../protocol/wildcard.js';
import { moduleTable, modulesNamed } from './module-files.js';
import { stringsOf } from './patterns.js';

const REMOVED = stateKey<{ count: number }>('Remove-Module.removed');

function noneRemoved(ctx: CmdletContext): void {
  ctx.writeError(
    ctx.error({
      message: 'No modules were removed. Verify that the specification of modules to remove is correct and those modules exist in the runspace.',
      errorId: 'Modules_NoModulesRemoved',
      category: 'ResourceUnavailable',
      exceptionType: 'InvalidOperationException',
    }),
  );
}

export default defineCmdlet({
  name: 'Remove-Module',
  aliases: ['rmo'],
  module: 'Microsoft.PowerShell.Core',
  synopsis: 'Removes modules from the current session.',
  description:
    'The Remove-Module cmdlet removes modules from the session: the functions, aliases and variables ' +
    'a module imported go with it. Modules are named (wildcard characters are permitted) or piped ' +
    'from Get-Module. When nothing matches, it reports that no modules were removed.',
  defaultParameterSet: 'name',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    Name: {
      type: 'String[]',
      sets: { name: { position: 0, mandatory: true, fromPipeline: true } },
      help: 'Specifies the modules to remove. Wildcard characters are permitted.',
    },
    ModuleInfo: {
      type: 'Object[]',
      netType: 'System.Management.Automation.PSModuleInfo[]',
      sets: { ModuleInfo: { position: 0, mandatory: true, fromPipeline: true } },
      help: 'Specifies module objects to remove (from Get-Module).',
    },
    Force: { type: 'Switch', help: 'Removes read-only modules too.' },
  },
  outputType: ['None'],
  examples: [
    {
      code: "Set-Content C:\\Tools\\Certs.psm1 'function Get-Expiring { }'; Import-Module C:\\Tools\\Certs.psm1; Remove-Module Certs; [bool](Get-Command Get-Expiring -ErrorAction SilentlyContinue)",
      setup: 'New-Item C:\\Tools -ItemType Directory -Force | Out-Null',
      remarks: 'Removes a module and the function it exported.',
      shows: 'False',
    },
  ],
  related: ['Import-Module', 'Get-Module'],
  async process(params, ctx) {
    const table = moduleTable(ctx);
    const removed = ctx.runState(REMOVED, () => ({ count: 0 }));
    const targets: SessionModule[] = [];
    for (const info of params.ModuleInfo ?? []) if (info instanceof PSModuleInfoObject) targets.push(info.module);
    const names = stringsOf(params.Name);
    if (names) targets.push(...modulesNamed(table.list(), names, matchesWildcard));
    for (const m of targets) {
      if (!(await ctx.shouldProcess(m.name, 'Remove-Module'))) continue;
      table.remove(m);
      removed.count++;
    }
  },
  end(_params, ctx) {
    if (ctx.runState(REMOVED, () => ({ count: 0 })).count === 0 && !ctx.bound.has('WhatIf')) noneRemoved(ctx);
  },
});

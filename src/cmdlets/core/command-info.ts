// CommandInfo objects (CmdletInfo, AliasInfo, FunctionInfo) as Get-Command and Get-Alias write
// them. The 5.1 table view shows CommandType, Name (DisplayName for aliases: `? -> Where-Object`),
// Version and Source.

import type { CommandInfo } from '../../protocol/cmdlet.js';
import { PSObject } from '../../protocol/values.js';
import { functionSyntaxLine, parameterSets, syntaxLines } from './help-text.js';

const TYPE_NAMES: Record<CommandInfo['commandType'], string> = {
  Cmdlet: 'System.Management.Automation.CmdletInfo',
  Function: 'System.Management.Automation.FunctionInfo',
  Filter: 'System.Management.Automation.FilterInfo',
  Alias: 'System.Management.Automation.AliasInfo',
  ExternalScript: 'System.Management.Automation.ExternalScriptInfo',
};

/** `Get-Command -Syntax` text of a command (sets joined by a blank line). */
export function definitionText(info: CommandInfo): string {
  if (info.commandType === 'Alias') return info.definition;
  if (info.declaration) return '\n' + syntaxLines(info.declaration).join('\n\n') + '\n';
  if (info.commandType === 'Function' || info.commandType === 'Filter') return info.definition;
  return info.name;
}

export function commandObject(info: CommandInfo, resolve?: (name: string) => CommandInfo | undefined): PSObject {
  const o = new PSObject([TYPE_NAMES[info.commandType], 'System.Management.Automation.CommandInfo', 'System.Object']);
  const isAlias = info.commandType === 'Alias';
  const target = isAlias ? resolve?.(info.definition) : undefined;
  const source = isAlias ? (target?.module ?? '') : info.module;
  o.addNote('CommandType', info.commandType);
  o.addNote('Name', info.name);
  o.addNote('Version', '');
  o.addNote('Source', source);
  o.addNote('DisplayName', isAlias ? `${info.name} -> ${info.definition}` : info.name);
  o.addNote('ModuleName', source);
  o.addNote('Definition', definitionText(info));
  if (info.declaration) {
    const [verb, ...noun] = info.name.split('-');
    o.addNote('Verb', verb);
    o.addNote('Noun', noun.join('-'));
    o.addNote('DefaultParameterSet', info.declaration.defaultParameterSet ?? null);
    o.addNote('ParameterSets', parameterSets(info.declaration).map((s) => s.name));
    o.addNote('Parameters', Object.keys(info.declaration.parameters));
    o.addNote('OutputType', info.declaration.outputType ?? []);
  }
  if (isAlias) {
    o.addNote('ResolvedCommandName', info.definition);
    o.addNote('ReferencedCommand', info.definition);
  }
  if (info.functionParameters) o.addNote('Parameters', info.functionParameters);
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => info.name });
  return o;
}

/** The -Syntax line of a function (no declaration). */
export { functionSyntaxLine };

// CommandInfo objects (CmdletInfo, AliasInfo, FunctionInfo) as Get-Command and Get-Alias write
// them. The 5.1 table view shows CommandType, Name (DisplayName for aliases: `? -> Where-Object`),
// Version and Source.

import type { CommandInfo } from '../../protocol/cmdlet.js';
import { PSObject } from '../../protocol/values.js';
import { registerTypeName } from '../../protocol/convert.js';
import { functionSyntaxLine, syntaxLines } from './help-text.js';
import { outputTypes, parameterSetInfos, parametersDictionary } from './command-metadata.js';
import { optionsText } from './variables.js';

/** Windows PowerShell 5.1's snap-ins (no PSModuleInfo: `.Module` is $null); the others are modules. */
const SNAP_INS = new Set(['', 'Microsoft.PowerShell.Core', 'Microsoft.Exchange.Management.PowerShell.Admin']);

function moduleInfo(name: string): PSObject | null {
  if (SNAP_INS.has(name)) return null;
  const o = new PSObject(['System.Management.Automation.PSModuleInfo', 'System.Object']);
  o.addNote('Name', name);
  o.addNote('ModuleType', 'Manifest');
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => name });
  return o;
}

const TYPE_NAMES: Record<CommandInfo['commandType'], string> = {
  Cmdlet: 'System.Management.Automation.CmdletInfo',
  Function: 'System.Management.Automation.FunctionInfo',
  Filter: 'System.Management.Automation.FilterInfo',
  Alias: 'System.Management.Automation.AliasInfo',
  ExternalScript: 'System.Management.Automation.ExternalScriptInfo',
};
// `-is [System.Management.Automation.AliasInfo]`, `[...CommandInfo]` and the others resolve.
for (const name of [...Object.values(TYPE_NAMES), 'System.Management.Automation.CommandInfo']) registerTypeName(name);

/** `Get-Command -Syntax` text of a command (sets joined by a blank line). */
export function definitionText(info: CommandInfo): string {
  if (info.commandType === 'Alias') return info.definition;
  if (info.declaration) return '\n' + syntaxLines(info.declaration).join('\n\n') + '\n';
  if (info.commandType === 'Function' || info.commandType === 'Filter') return info.definition;
  return info.name;
}

const SMA = 'System.Management.Automation';

export function commandObject(info: CommandInfo, resolve?: (name: string) => CommandInfo | undefined): PSObject {
  const o = new PSObject([TYPE_NAMES[info.commandType], `${SMA}.CommandInfo`, 'System.Object']);
  // .NET properties (Get-Member: Property), read-only; `get` is called on each read.
  const prop = (name: string, typeName: string, get: () => unknown, set?: (x: unknown) => void) => o.addProperty({ name, memberType: 'Property', typeName, get, set });
  const isAlias = info.commandType === 'Alias';
  // An alias of an alias shows the command at the end of the chain (`tma -> Get-Command`).
  let target = isAlias ? resolve?.(info.definition) : undefined;
  for (let hops = 0; target?.commandType === 'Alias' && hops < 10; hops++) target = resolve?.(target.definition);
  const resolvedName = target?.name ?? info.definition;
  const source = isAlias ? (target?.module ?? '') : info.module;
  const definition = definitionText(info);
  prop('CommandType', `${SMA}.CommandTypes`, () => info.commandType);
  prop('Name', 'string', () => info.name);
  prop('Version', 'version', () => '');
  prop('Source', 'string', () => source);
  // DisplayName is the table view's Name column (`? -> Where-Object`), not a .NET property.
  o.addNote('DisplayName', isAlias ? `${info.name} -> ${resolvedName}` : info.name);
  prop('ModuleName', 'string', () => source);
  prop('Definition', 'string', () => definition);
  prop('Visibility', `${SMA}.SessionStateEntryVisibility`, () => 'Public');
  const metadata = info.declaration ? { declaration: info.declaration, advanced: true } : info.functionMetadata?.();
  if (info.commandType !== 'Alias' && info.commandType !== 'ExternalScript') {
    const dash = info.name.indexOf('-');
    prop('Verb', 'string', () => (dash > 0 ? info.name.slice(0, dash) : ''));
    prop('Noun', 'string', () => (dash > 0 ? info.name.slice(dash + 1) : ''));
  }
  if (metadata) {
    const { declaration, advanced } = metadata;
    let parameters: unknown;
    let sets: unknown;
    let outputs: unknown;
    const module = moduleInfo(source);
    prop('DefaultParameterSet', 'string', () => declaration.defaultParameterSet ?? null);
    prop('OutputType', `System.Collections.ObjectModel.ReadOnlyCollection[${SMA}.PSTypeName]`, () => (outputs ??= outputTypes(declaration)));
    // Built on first read: Get-Command * writes every command, and few are asked for their metadata.
    prop('Parameters', `System.Collections.Generic.Dictionary[string,${SMA}.ParameterMetadata]`, () => (parameters ??= parametersDictionary(declaration, advanced)));
    prop('ParameterSets', `System.Collections.ObjectModel.ReadOnlyCollection[${SMA}.CommandParameterSetInfo]`, () => (sets ??= parameterSetInfos(declaration, advanced)));
    prop('Module', 'psmoduleinfo', () => module);
    prop('HelpUri', 'string', () => '');
    if (info.functionMetadata) prop('CmdletBinding', 'bool', () => advanced);
  }
  if (isAlias) {
    const alias = info.alias;
    prop('ResolvedCommandName', 'string', () => (target ? resolvedName : null));
    prop('ReferencedCommand', `${SMA}.CommandInfo`, () => (target ? commandObject(target, resolve) : null));
    prop('ResolvedCommand', `${SMA}.CommandInfo`, () => (target ? commandObject(target, resolve) : null));
    prop('Description', 'string', () => alias?.description ?? '', alias ? (x) => (alias.description = x === null || x === undefined ? '' : String(x)) : undefined);
    prop('Options', `${SMA}.ScopedItemOptions`, () => (alias ? optionsText(alias) : 'None'));
  }
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => info.name });
  return o;
}

/** The -Syntax line of a function (no declaration). */
export { functionSyntaxLine };

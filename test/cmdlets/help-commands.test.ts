// Get-Command, Get-Alias, Get-History and Get-Help over a fake command table.
import { describe, expect, it } from 'vitest';
import GetAlias from '../../src/cmdlets/core/Get-Alias.js';
import GetCommand from '../../src/cmdlets/core/Get-Command.js';
import GetHelp from '../../src/cmdlets/core/Get-Help.js';
import GetHistory from '../../src/cmdlets/core/Get-History.js';
import SortObject from '../../src/cmdlets/core/Sort-Object.js';
import WriteOutput from '../../src/cmdlets/core/Write-Output.js';
import { helpTextOf } from '../../src/cmdlets/core/help-object.js';
import type { CommandInfo } from '../../src/protocol/cmdlet.js';
import type { PSObject } from '../../src/protocol/values.js';
import { commandsFor, runCmdlet } from './fake-context.js';

const fn: CommandInfo = { name: 'Test-Thing', commandType: 'Function', definition: 'param($a, $b) $a', functionParameters: ['a', 'b'], module: '' };
const commands: CommandInfo[] = [...commandsFor([GetCommand, GetHelp, SortObject, WriteOutput, GetAlias, GetHistory]), fn];
const names = (out: unknown[]) => out.map((o) => (o as PSObject).get('Name'));

describe('Get-Command', () => {
  it('lists everything: aliases, then functions, then cmdlets, by name', async () => {
    const r = await runCmdlet(GetCommand, { commands });
    expect(names(r.output)).toEqual([
      'echo', 'gal', 'gcm', 'ghy', 'h', 'help', 'history', 'man', 'sort', 'write',
      'Test-Thing',
      'Get-Alias', 'Get-Command', 'Get-Help', 'Get-History', 'Sort-Object', 'Write-Output',
    ]);
    const gcm = r.output.find((o) => (o as PSObject).get('Name') === 'Get-Command') as PSObject;
    expect(gcm.typeNames).toEqual(['System.Management.Automation.CmdletInfo', 'System.Management.Automation.CommandInfo', 'System.Object']);
    expect(['CommandType', 'Name', 'Version', 'Source'].map((p) => gcm.get(p))).toEqual(['Cmdlet', 'Get-Command', '', 'Microsoft.PowerShell.Core']);
    const sort = r.output.find((o) => (o as PSObject).get('Name') === 'sort') as PSObject;
    expect([sort.get('CommandType'), sort.get('DisplayName'), sort.get('Source')]).toEqual(['Alias', 'sort -> Sort-Object', 'Microsoft.PowerShell.Utility']);
  });

  it('filters by wildcard name, verb, noun, type, module', async () => {
    const run = async (params: Record<string, unknown>, parameterSet = 'AllCommandSet') => names((await runCmdlet(GetCommand, { commands, params, parameterSet })).output);
    expect(await run({ Name: ['*-Hist*'] })).toEqual(['Get-History']);
    expect(await run({ Verb: ['Get'], Noun: ['H*'] }, 'CmdletSet')).toEqual(['Get-Help', 'Get-History']);
    expect(await run({ Name: ['g*'], CommandType: ['Alias'] })).toEqual(['gal', 'gcm', 'ghy']);
    expect(await run({ Module: ['*Utility'] }, 'CmdletSet')).toEqual(['echo', 'gal', 'sort', 'write', 'Get-Alias', 'Sort-Object', 'Write-Output']);
  });

  it('an unknown exact name is a CommandNotFoundException', async () => {
    const r = await runCmdlet(GetCommand, { commands, params: { Name: ['nope'] }, parameterSet: 'AllCommandSet' });
    expect(r.output).toEqual([]);
    expect(r.errors[0].message).toBe(
      "The term 'nope' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
    );
    expect(r.errors[0].fullyQualifiedErrorId).toBe('CommandNotFoundException,Microsoft.PowerShell.Commands.GetCommandCommand');
  });

  it('-Syntax for a cmdlet, an alias and a function', async () => {
    const c = await runCmdlet(GetCommand, { commands, params: { Name: ['Sort-Object'], Syntax: true }, parameterSet: 'AllCommandSet' });
    expect(c.output).toEqual(['\nSort-Object [[-Property] <Object[]>] [-Descending] [-Unique] [-InputObject <psobject>] [-Culture <string>] [-CaseSensitive] [<CommonParameters>]\n']);
    const a = await runCmdlet(GetCommand, { commands, params: { Name: ['echo'], Syntax: true }, parameterSet: 'AllCommandSet' });
    expect(a.output).toEqual(['echo (alias) -> Write-Output\n\nWrite-Output [-InputObject] <psobject[]> [-NoEnumerate] [<CommonParameters>]\n']);
    const f = await runCmdlet(GetCommand, { commands, params: { Name: ['Test-Thing'], Syntax: true }, parameterSet: 'AllCommandSet' });
    expect(f.output).toEqual(['\nTest-Thing [[-a] <Object>] [[-b] <Object>]\n']);
  });
});

describe('Get-Alias', () => {
  it('by name (Name shows as alias -> target) and by definition', async () => {
    const r = await runCmdlet(GetAlias, { commands, params: { Name: ['h*'] } });
    expect(r.output.map((o) => (o as PSObject).get('DisplayName'))).toEqual(['h -> Get-History', 'help -> Get-Help', 'history -> Get-History']);
    const d = await runCmdlet(GetAlias, { commands, params: { Definition: ['Get-History'] }, parameterSet: 'Definition' });
    expect(names(d.output)).toEqual(['ghy', 'h', 'history']);
  });

  it('an unknown alias is an error', async () => {
    const r = await runCmdlet(GetAlias, { commands, params: { Name: ['zz'] } });
    expect(r.errors[0].message).toBe("This command cannot find a matching alias because an alias with the name 'zz' does not exist.");
    expect(r.errors[0].fullyQualifiedErrorId).toBe('ItemNotFoundException,Microsoft.PowerShell.Commands.GetAliasCommand');
  });
});

describe('Get-History', () => {
  const t = new Date(2026, 0, 1);
  const history = [1, 2, 3, 4].map((id) => ({ id, commandLine: `cmd ${id}`, executionStatus: 'Completed' as const, startExecutionTime: t, endExecutionTime: t }));
  it('gets the most recent entries, or by Id', async () => {
    const all = await runCmdlet(GetHistory, { history });
    expect(all.output.map((o) => (o as PSObject).get('CommandLine'))).toEqual(['cmd 1', 'cmd 2', 'cmd 3', 'cmd 4']);
    expect((all.output[0] as PSObject).typeNames[0]).toBe('Microsoft.PowerShell.Commands.HistoryInfo');
    const last = await runCmdlet(GetHistory, { history, params: { Count: 2 } });
    expect(last.output.map((o) => (o as PSObject).get('Id'))).toEqual([3, 4]);
    const byId = await runCmdlet(GetHistory, { history, params: { Id: [2, 9] } });
    expect(byId.output.map((o) => (o as PSObject).get('Id'))).toEqual([2]);
    expect(byId.errors[0].message).toBe('Cannot locate history for Id 9.');
  });
});

/** The text a help object shows at the console. */
function shownText(help: unknown): string {
  return (helpTextOf(help) ?? []).join('\n');
}

describe('Get-Help', () => {
  it('shows the help of a cmdlet, also through an alias', async () => {
    const r = await runCmdlet(GetHelp, { commands, params: { Name: 'sort' } });
    expect((r.output[0] as PSObject).get('Name')).toBe('Sort-Object');
    const text = shownText(r.output[0]);
    expect(text.startsWith('\nNAME\n    Sort-Object\n\nSYNOPSIS\n    Sorts objects by property values.\n\n\nSYNTAX\n    Sort-Object [[-Property] <Object[]>]')).toBe(true);
    expect(text).toContain('REMARKS\n    To see the examples, type: "get-help Sort-Object -examples".');
  });

  it('-Examples, -Parameter', async () => {
    const ex = shownText((await runCmdlet(GetHelp, { commands, params: { Name: 'Sort-Object', Examples: true }, parameterSet: 'Examples' })).output[0]);
    expect(ex).toContain('    -------------------------- EXAMPLE 1 --------------------------\n\n    PS C:\\>3,1,2 | Sort-Object\n');
    const p = (await runCmdlet(GetHelp, { commands, params: { Name: 'Sort-Object', Parameter: 'Desc*' }, parameterSet: 'Parameters' })).output[0] as string;
    expect(p).toBe(
      '\n    -Descending\n        Sorts in descending order.\n\n        Required?                    false\n        Position?                    named\n        Default value                False\n        Accept pipeline input?       False\n        Accept wildcard characters?  false\n',
    );
    const none = await runCmdlet(GetHelp, { commands, params: { Name: 'Sort-Object', Parameter: 'Zzz' }, parameterSet: 'Parameters' });
    expect(none.errors[0].message).toBe('No parameter matches criteria Zzz.');
  });

  it('a wildcard lists matches as Name/Category/Module/Synopsis', async () => {
    const r = await runCmdlet(GetHelp, { commands, params: { Name: 'Get-H*' } });
    expect(r.output.map((o) => (o as PSObject).properties().map((p) => p.get()))).toEqual([
      ['Get-Help', 'Cmdlet', 'Microsoft.PowerShell.Core', 'Displays information about Windows PowerShell commands and concepts.'],
      ['Get-History', 'Cmdlet', 'Microsoft.PowerShell.Core', 'Gets a list of the commands entered during the current session.'],
    ]);
  });

  it('an unknown topic is HelpNotFound', async () => {
    const r = await runCmdlet(GetHelp, { commands, params: { Name: 'about_Nothing' } });
    expect(r.errors[0].message).toBe(
      'Get-Help could not find about_Nothing in a help file in this session. To download updated help topics type: "Update-Help". To get help online, search for the help topic in the TechNet library at http://go.microsoft.com/fwlink/?LinkID=107116.',
    );
    expect(r.errors[0].category).toBe('ResourceUnavailable');
    expect(r.errors[0].fullyQualifiedErrorId).toBe('HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand');
  });

  it('a function shows its syntax; no name shows the overview', async () => {
    const f = shownText((await runCmdlet(GetHelp, { commands, params: { Name: 'Test-Thing' } })).output[0]);
    expect(f).toContain('SYNTAX\n    Test-Thing [[-a] <Object>] [[-b] <Object>]');
    const o = (await runCmdlet(GetHelp, { commands })).output[0] as string;
    expect(o).toContain('Get-Help <name> -Examples');
  });
});

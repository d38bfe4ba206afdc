// Get-Command's metadata as System.Management.Automation has it: `.Parameters` (a dictionary of
// ParameterMetadata), `.ParameterSets` (CommandParameterSetInfo), `.OutputType`, `.Verb`/`.Noun`,
// `.Module`/`.ModuleName`, for cmdlets and for functions, from the one declaration.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let sh: Captured;
beforeAll(async () => {
  sh = await capturedSession();
});
afterAll(async () => {
  await sh?.close();
});

const out = async (text: string) => (await sh.run(text)).out;
const lines = async (text: string) => (await out(text)).trimEnd().split('\n');

const COMMON = 'Verbose,Debug,ErrorAction,WarningAction,InformationAction,ErrorVariable,WarningVariable,InformationVariable,OutVariable,OutBuffer,PipelineVariable';

describe('cmdlets', () => {
  it('.Parameters: the declared parameters, then the common ones (and -WhatIf/-Confirm with ShouldProcess)', async () => {
    expect(await out('(Get-Command Get-ExchangeCertificate).Parameters.Keys -join ","')).toBe(`Thumbprint,DomainName,Instance,DomainController,${COMMON}\n`);
    expect(await out('(Get-Command Remove-ExchangeCertificate).Parameters.Keys -join ","')).toMatch(/,PipelineVariable,WhatIf,Confirm\n$/);
    expect(await out('(Get-Command Get-ExchangeCertificate).Parameters.GetType().FullName')).toMatch(
      /^System\.Collections\.Generic\.Dictionary`2\[\[System\.String, mscorlib.*\],\[System\.Management\.Automation\.ParameterMetadata, System\.Management\.Automation, /,
    );
  });

  it('ParameterMetadata: ParameterType, Aliases, IsDynamic, SwitchParameter, ParameterSets by set name, Attributes', async () => {
    expect(
      await lines(
        "$p = (Get-Command Get-ExchangeCertificate).Parameters['Thumbprint']; $p.Name; $p.ParameterType.FullName; $p.IsDynamic; $p.SwitchParameter; $p.ParameterSets.Keys -join ','; $s = $p.ParameterSets['Thumbprint']; $s.Position; $s.IsMandatory; $s.ValueFromPipeline; $p.Attributes[0].GetType().FullName; $p.Attributes[0].ParameterSetName",
      ),
    ).toEqual(['Thumbprint', 'System.String', 'False', 'False', 'Thumbprint', '0', 'False', 'True', 'System.Management.Automation.ParameterAttribute', 'Thumbprint']);
    expect(await lines("$p = (Get-Command Get-Command).Parameters; $p.Module.Aliases; $p.Syntax.SwitchParameter; $p.Syntax.ParameterType.FullName; $p.CommandType.ParameterType.FullName; $p.ErrorAction.Aliases")).toEqual([
      'PSSnapin',
      'True',
      'System.Management.Automation.SwitchParameter',
      'System.Management.Automation.CommandTypes[]',
      'ea',
    ]);
    // A parameter in every set, named: the one key __AllParameterSets, no position.
    expect(await lines("$s = (Get-Command Get-ExchangeCertificate).Parameters['DomainController'].ParameterSets; $s.Keys; $s['__AllParameterSets'].Position")).toEqual([
      '__AllParameterSets',
      '-2147483648',
    ]);
  });

  it('.ParameterSets: CommandParameterSetInfo, the default first, with their parameters; ToString() is the set syntax', async () => {
    expect(await lines('(Get-Command Get-ExchangeCertificate).ParameterSets | ForEach-Object { "$($_.Name) $($_.IsDefault)" }')).toEqual(['Thumbprint True', 'Instance False']);
    expect(await lines('$s = (Get-Command Get-ExchangeCertificate).ParameterSets[0]; $s.GetType().FullName; "$s"; ($s.Parameters | ForEach-Object Name) -join ","')).toEqual([
      'System.Management.Automation.CommandParameterSetInfo',
      '[[-Thumbprint] <string>] [-DomainName <string[]>] [-DomainController <string>] [<CommonParameters>]',
      `Thumbprint,DomainName,DomainController,${COMMON}`,
    ]);
    expect(await lines("$i = (Get-Command Get-ExchangeCertificate).ParameterSets[0].Parameters[0]; $i.Position; $i.IsMandatory; $i.ValueFromPipeline; $i.ValueFromPipelineByPropertyName; $i.ParameterType.Name")).toEqual([
      '0',
      'False',
      'True',
      'True',
      'String',
    ]);
  });

  it('Verb, Noun, CommandType, ModuleName, Module, OutputType, Definition', async () => {
    expect(
      await lines('$c = Get-Command Get-ExchangeCertificate; $c.Verb; $c.Noun; $c.CommandType; $null -eq $c.Module; $c.OutputType[0].Name; $c.Definition.Trim().StartsWith("Get-ExchangeCertificate [[-Thumbprint]")'),
    ).toEqual(['Get', 'ExchangeCertificate', 'Cmdlet', 'True', 'Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate', 'True']);
    expect(await lines('$c = Get-Command Sort-Object; $c.ModuleName; $c.Module.Name; $c.Module.GetType().FullName')).toEqual([
      'Microsoft.PowerShell.Utility',
      'Microsoft.PowerShell.Utility',
      'System.Management.Automation.PSModuleInfo',
    ]);
  });

  it('Get-Member shows .NET properties, as 5.1 does', async () => {
    const gm = await out('Get-Command Get-ExchangeCertificate | Get-Member -MemberType Property | Format-Table Name, Definition -AutoSize | Out-String -Width 300');
    expect(gm).toMatch(/Parameters\s+System\.Collections\.Generic\.Dictionary\[string,System\.Management\.Automation\.ParameterMetadata\] Parameters \{get;\}/);
    expect(gm).toMatch(/ParameterSets\s+System\.Collections\.ObjectModel\.ReadOnlyCollection\[System\.Management\.Automation\.CommandParameterSetInfo\] ParameterSets \{get;\}/);
    const pm = await out("(Get-Command Get-ExchangeCertificate).Parameters['Thumbprint'] | Get-Member -MemberType Property | ForEach-Object Name");
    expect(pm.trimEnd().split('\n')).toEqual(['Aliases', 'Attributes', 'IsDynamic', 'Name', 'ParameterSets', 'ParameterType', 'SwitchParameter']);
  });
});

describe('how they show', () => {
  it('the dictionary as Key/Value pairs; ParameterMetadata as 5.1 lists it', async () => {
    const table = await lines('(Get-Command Get-ExchangeCertificate).Parameters');
    expect(table.filter((l) => l.trim()).slice(0, 3).map((l) => l.trimEnd())).toEqual([
      'Key                 Value',
      '---                 -----',
      'Thumbprint          System.Management.Automation.ParameterMetadata',
    ]);
    expect((await lines('(Get-Command Get-Command).Parameters.Module | Format-List')).filter((l) => l.trim())).toEqual([
      'Name            : Module',
      'ParameterType   : System.String[]',
      'ParameterSets   : {[__AllParameterSets, System.Management.Automation.ParameterSetMetadata]}',
      'IsDynamic       : False',
      'Aliases         : {PSSnapin}',
      'Attributes      : {__AllParameterSets, System.Management.Automation.AliasAttribute}',
      'SwitchParameter : False',
    ]);
  });
});

describe('functions', () => {
  it('an advanced function: its sets, the default one, aliases, attributes, the common parameters', async () => {
    await sh.run(
      "function Get-Thing { [CmdletBinding(DefaultParameterSetName = 'ById')] [OutputType([string])] param([Parameter(Mandatory, ParameterSetName = 'ById', Position = 0)][Alias('Thumbprint')][string]$Identity, [Parameter(ParameterSetName = 'ByName', ValueFromPipelineByPropertyName)][ValidateSet('a', 'b')][string[]]$Name, [switch]$Force) }",
    );
    expect(await out('(Get-Command Get-Thing).Parameters.Keys -join ","')).toBe(`Identity,Name,Force,${COMMON}\n`);
    expect(
      await lines(
        "$c = Get-Command Get-Thing; $p = $c.Parameters['Identity']; $p.Aliases; $p.ParameterType.FullName; $p.ParameterSets['ById'].IsMandatory; $c.Parameters.Force.SwitchParameter; $c.Parameters.Name.Attributes | ForEach-Object { $_.GetType().Name }; $c.Parameters.Name.Attributes[1].ValidValues -join '|'",
      ),
    ).toEqual(['Thumbprint', 'System.String', 'True', 'True', 'ParameterAttribute', 'ValidateSetAttribute', 'a|b']);
    expect(await lines('(Get-Command Get-Thing).ParameterSets | ForEach-Object { "$($_.Name) $($_.IsDefault): $_" }')).toEqual([
      'ById True: [-Identity] <string> [-Force] [<CommonParameters>]',
      'ByName False: [-Name <string[]>] [-Force] [<CommonParameters>]',
    ]);
    expect(await lines('$c = Get-Command Get-Thing; $c.CommandType; $c.Verb; $c.Noun; $c.CmdletBinding; $c.OutputType.Name; $c.DefaultParameterSet')).toEqual([
      'Function',
      'Get',
      'Thing',
      'True',
      'System.String',
      'ById',
    ]);
  });

  it('-Syntax and Get-Help read the same declaration: typed, one line per set', async () => {
    expect(await out('Get-Command Get-Thing -Syntax')).toBe(
      '\nGet-Thing [-Identity] <string> [-Force] [<CommonParameters>]\n\nGet-Thing [-Name <string[]>] [-Force] [<CommonParameters>]\n\n',
    );
    await sh.run('function simple2($a, [int]$b) { }');
    expect(await out('Get-Command simple2 -Syntax')).toBe('\nsimple2 [[-a] <Object>] [[-b] <int>]\n\n');
    expect(await out('Get-Help simple2')).toContain('SYNTAX\n    simple2 [[-a] <Object>] [[-b] <int>]\n');
  });

  it('a parameter of a type the binder has no conversion for keeps its .NET type', async () => {
    await sh.run('function typed { param([System.IO.FileInfo]$F, [long]$L) }');
    expect(await lines('$p = (Get-Command typed).Parameters; $p.F.ParameterType.FullName; $p.L.ParameterType.FullName')).toEqual(['System.IO.FileInfo', 'System.Int64']);
  });

  it('a simple function: its parameters only, one set, positional in order', async () => {
    await sh.run('function simple($a, [int]$b) { }');
    expect(await lines('$c = Get-Command simple; $c.Parameters.Keys -join ","; $c.Parameters.b.ParameterType.FullName; $c.ParameterSets[0].Name; "$($c.ParameterSets[0])"; $c.CmdletBinding')).toEqual([
      'a,b',
      'System.Int32',
      '__AllParameterSets',
      '[[-a] <Object>] [[-b] <int>]',
      'False',
    ]);
  });
});

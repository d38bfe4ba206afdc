// Set-/New-/Get-/Export-/Import-Alias with scopes and options, and the Alias: drive (issue 11).
import { describe, expect, it } from 'vitest';
import { everydaySession } from './everyday-session.js';

describe('alias cmdlets', () => {
  it('Set-Alias makes an alias that runs; its AliasInfo has Description and Options', async () => {
    const { run } = everydaySession();
    expect(await run("Set-Alias gd Get-Date -Description 'the date'; (gd).GetType().Name; $a = Get-Alias gd; $a.Definition; $a.Description; $a.Options")).toBe(
      'DateTime\nGet-Date\nthe date\nNone\n',
    );
    expect(await run('Set-Alias tma gd; (Get-Alias tma).DisplayName')).toBe('tma -> Get-Date\n');
  });

  it('aliases live in scopes: -Scope names one, a function\'s alias ends with it', async () => {
    const { run } = everydaySession();
    expect(await run('Set-Alias ab one; function f { Set-Alias ab two; (Get-Alias ab).Definition; (Get-Alias ab -Scope 1).Definition; (Get-Alias ab -Scope Global).Definition }; f; (Get-Alias ab).Definition')).toBe(
      'two\none\none\none\n',
    );
    expect(await run('function g { Set-Alias fromg x -Scope Global }; g; (Get-Alias fromg).Definition')).toBe('x\n');
    expect(await run('try { Get-Alias ab -Scope bogus } catch { $_.FullyQualifiedErrorId }')).toBe('Argument,Microsoft.PowerShell.Commands.GetAliasCommand\n');
    expect(await run('try { Set-Alias ab x -Scope 99 } catch { $_.FullyQualifiedErrorId }')).toBe('ArgumentOutOfRange,Microsoft.PowerShell.Commands.SetAliasCommand\n');
  });

  it('ReadOnly needs -Force, Constant never changes, New-Alias refuses an existing name', async () => {
    const { run } = everydaySession();
    expect(await run('Set-Alias ro x -Option ReadOnly; Set-Alias ro y 2>&1 | % FullyQualifiedErrorId; Set-Alias ro z -Force; (Get-Alias ro).Definition; (Get-Alias ro).Options')).toBe(
      'AliasNotWritable,Microsoft.PowerShell.Commands.SetAliasCommand\nz\nNone\n',
    );
    expect(await run('New-Alias k x -Option Constant; New-Alias k y -Force 2>&1 | % FullyQualifiedErrorId; (Get-Alias k).Definition')).toBe(
      'AliasNotWritable,Microsoft.PowerShell.Commands.NewAliasCommand\nx\n',
    );
    expect(await run('New-Alias k y 2>&1 | % FullyQualifiedErrorId')).toBe('AliasAlreadyExists,Microsoft.PowerShell.Commands.NewAliasCommand\n');
  });

  it('Export-Alias writes CSV or Set-Alias lines; Import-Alias reads them back', async () => {
    const { run } = everydaySession();
    expect(await run("Set-Alias abcd01 efgh01; Export-Alias C:\\al.csv abcd01 -Description 'one\ntwo'; Get-Content C:\\al.csv | Select-Object -Skip 4")).toBe(
      '#\n# one\n# two\n"abcd01","efgh01","","None"\n',
    );
    expect(await run('Export-Alias C:\\al.ps1 abcd01 -As Script; (Get-Content C:\\al.ps1)[-1]')).toBe('set-alias -Name:"abcd01" -Value:"efgh01" -Description:"" -Option:"None"\n');
    expect(await run('Import-Alias C:\\al.csv 2>&1 | % FullyQualifiedErrorId')).toBe('AliasAlreadyExists,Microsoft.PowerShell.Commands.ImportAliasCommand\n');
    expect(await run("Set-Content C:\\in.csv '\"a,b\",\"Get-Date\",\"\",\"None\"'; Import-Alias C:\\in.csv; (Get-Alias 'a,b').Definition")).toBe('Get-Date\n');
    expect(await run("Set-Content C:\\bad.csv '\"v1\",\"v2\",\"v3\"'; try { Import-Alias C:\\bad.csv } catch { $_.FullyQualifiedErrorId }")).toBe(
      'ImportAliasFileFormatError,Microsoft.PowerShell.Commands.ImportAliasCommand\n',
    );
  });

  it('the Alias: drive lists, tests and removes aliases', async () => {
    const { run } = everydaySession();
    expect(await run('Set-Alias abcd01 x; Set-Alias abcd02 y; Test-Path alias:abcd01; (Get-ChildItem alias:abcd*).Name -join ","; (Get-Item Alias:\\abcd02).Definition')).toBe(
      'True\nabcd01,abcd02\ny\n',
    );
    expect(await run('Remove-Item alias:abcd*; Test-Path alias:abcd01; Remove-Item alias:nothere 2>&1 | % FullyQualifiedErrorId')).toBe(
      'False\nPathNotFound,Microsoft.PowerShell.Commands.RemoveItemCommand\n',
    );
  });
});

// New-/Get-/Set-/Clear-/Remove-Variable with their 5.1 parameters, Invoke-Expression, Get-Random
// and Set-StrictMode (issue 11, the everyday pieces).
import { describe, expect, it } from 'vitest';
import { everydaySession } from './everyday-session.js';

describe('variable cmdlets', () => {
  it('New-Variable makes options and descriptions; a second one needs -Force', async () => {
    const { run } = everydaySession();
    expect(await run('New-Variable ca Root -Option ReadOnly -Description "the root"; (Get-Variable ca).Options; (Get-Variable ca).Description')).toBe('ReadOnly\nthe root\n');
    const again = await run('New-Variable ca Other');
    expect(again).toContain('FullyQualifiedErrorId : VariableAlreadyExists,Microsoft.PowerShell.Commands.NewVariableCommand');
    expect(await run('$ca')).toBe('Root\n');
    expect(await run('New-Variable ca Forced -Force; $ca')).toBe('Forced\n');
    expect(await run('New-Variable k 1 -Option Constant; New-Variable k 2 -Force 2>&1 | % FullyQualifiedErrorId; $k')).toBe(
      'VariableNotWritable,Microsoft.PowerShell.Commands.NewVariableCommand\n1\n',
    );
  });

  it('ReadOnly needs -Force to change, Constant never changes', async () => {
    const { run } = everydaySession();
    const out = await run('New-Variable r 1 -Option ReadOnly; $r = 2');
    expect(out).toContain('FullyQualifiedErrorId : VariableNotWritable');
    expect(await run('Set-Variable r 3 -ErrorAction SilentlyContinue; $r; Set-Variable r 4 -Force; $r; (Get-Variable r).Options')).toBe('1\n4\nReadOnly\n');
    expect(await run('Set-Variable c 1 -Option Constant; Set-Variable c 2 -Force 2>&1 | % FullyQualifiedErrorId; $c')).toBe(
      'VariableNotWritable,Microsoft.PowerShell.Commands.SetVariableCommand\n1\n',
    );
    expect(await run('$plain = 1; Set-Variable plain -Option Constant 2>&1 | % FullyQualifiedErrorId')).toBe(
      'VariableCannotBeMadeConstant,Microsoft.PowerShell.Commands.SetVariableCommand\n',
    );
  });

  it('-Scope takes names and numbers; a number past the global scope is ArgumentOutOfRange', async () => {
    const { run } = everydaySession();
    expect(await run('function f { $site = "Paris"; & { Get-Variable site -Scope 1 -ValueOnly; Set-Variable site Lyon -Scope 1 }; $site }; f')).toBe('Paris\nLyon\n');
    expect(await run('function g { Set-Variable fromG 1 -Scope Global }; g; $fromG')).toBe('1\n');
    const bad = await run('Get-Variable x -Scope 99');
    expect(bad).toContain("The scope number '99' exceeds the number of active scopes.");
    expect(bad).toContain('FullyQualifiedErrorId : ArgumentOutOfRange,Microsoft.PowerShell.Commands.GetVariableCommand');
    expect(await run('try { Get-Variable x -Scope Nowhere } catch { $_.FullyQualifiedErrorId }')).toBe('Argument,Microsoft.PowerShell.Commands.GetVariableCommand\n');
  });

  it('AllScope variables are written, not shadowed, by child scopes', async () => {
    const { run } = everydaySession();
    expect(await run('New-Variable shared 1 -Option AllScope; function f { $shared = 2 }; f; $shared')).toBe('2\n');
    expect(await run('$local1 = 1; function f { $local1 = 2 }; f; $local1')).toBe('1\n');
  });

  it('Get-Variable -Include/-Exclude and -ValueOnly; Set-Variable gathers piped values', async () => {
    const { run } = everydaySession();
    expect(await run('$srv1 = "a"; $srv2 = "b"; $srvX = "c"; Get-Variable srv* -Exclude *X -ValueOnly')).toBe('a\nb\n');
    expect(await run('Get-Variable -Name srv* -Include *2 | % Name')).toBe('srv2\n');
    expect(await run("'EX01','EX02' | Set-Variable servers; $servers.Count; 'one' | Set-Variable single; $single")).toBe('2\none\n');
    expect(await run('Get-Variable nothingHere 2>&1 | % FullyQualifiedErrorId')).toBe('VariableNotFound,Microsoft.PowerShell.Commands.GetVariableCommand\n');
  });

  it('a PSVariable has 5.1\'s properties, in its order', async () => {
    const { run } = everydaySession();
    expect(await run('$v1 = 1; (Get-Variable v1).psobject.Properties.Name -join ","')).toBe('Name,Description,Value,Visibility,Module,ModuleName,Options,Attributes\n');
    expect(await run('(Get-Variable v1).Value = 7; $v1')).toBe('7\n');
  });

  it('Clear-Variable empties, Remove-Variable deletes (read-only ones with -Force)', async () => {
    const { run } = everydaySession();
    expect(await run('$t = 5; Clear-Variable t; $null -eq $t; (Get-Variable t).Name')).toBe('True\nt\n');
    expect(await run('Remove-Variable t; Get-Variable t -ErrorAction SilentlyContinue; $?')).toBe('False\n');
    expect(await run('New-Variable ro 1 -Option ReadOnly; Remove-Variable ro 2>&1 | % FullyQualifiedErrorId')).toBe(
      'VariableNotRemovable,Microsoft.PowerShell.Commands.RemoveVariableCommand\n',
    );
    expect(await run('Clear-Variable ro 2>&1 | % FullyQualifiedErrorId; Remove-Variable ro -Force; $null -eq $ro')).toBe(
      'VariableNotWritable,Microsoft.PowerShell.Commands.ClearVariableCommand\nTrue\n',
    );
    expect(await run('Remove-Variable neverWas 2>&1 | % FullyQualifiedErrorId')).toBe('VariableNotFound,Microsoft.PowerShell.Commands.RemoveVariableCommand\n');
  });
});

describe('Invoke-Expression', () => {
  it("runs in the caller's scope, strings piped in one after another", async () => {
    const { run } = everydaySession();
    expect(await run("iex '$port = 25 * 2'; $port")).toBe('50\n');
    expect(await run("'1 + 1', '2 * 3' | Invoke-Expression")).toBe('2\n6\n');
    expect(await run("function f { Invoke-Expression '$inF = 1' ; $inF }; f; $null -eq $inF")).toBe('1\nTrue\n');
  });

  it('a string that does not parse is a terminating ParseException with the parser id', async () => {
    const { run } = everydaySession();
    expect(await run("try { iex '1 +' } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }")).toBe(
      'ExpectedValueExpression,Microsoft.PowerShell.Commands.InvokeExpressionCommand\nParserError\n',
    );
  });
});

describe('Get-Random', () => {
  it('the same seed gives the same numbers; the type follows the bounds', async () => {
    const { run } = everydaySession();
    const a = await run('Get-Random -SetSeed 7 -Maximum 1000; Get-Random -Maximum 1000');
    const b = await run('Get-Random -SetSeed 7 -Maximum 1000; Get-Random -Maximum 1000');
    expect(a).toBe(b);
    expect(await run('(Get-Random).GetType().Name; (Get-Random -Maximum 10000000000).GetType().Name; (Get-Random -Minimum 0.5 -Maximum 1.5).GetType().Name')).toBe(
      'Int32\nInt64\nDouble\n',
    );
    expect(await run('$ok = $true; foreach ($i in 1..200) { $n = Get-Random -Minimum -3 -Maximum 3; if ($n -lt -3 -or $n -ge 3) { $ok = $false } }; $ok')).toBe('True\n');
  });

  it('selects distinct items; Min >= Max is MinGreaterThanOrEqualMax', async () => {
    const { run } = everydaySession();
    expect(await run('(1..10 | Get-Random -Count 10 | Sort-Object) -join ","')).toBe('1,2,3,4,5,6,7,8,9,10\n');
    expect(await run('(Get-Random -InputObject a,b,c -Count 2 | Sort-Object -Unique).Count')).toBe('2\n');
    expect(await run("try { Get-Random -Minimum 5 -Maximum 5 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }")).toBe(
      'MinGreaterThanOrEqualMax,Microsoft.PowerShell.Commands.GetRandomCommand\nThe Minimum value (5) cannot be greater than or equal to the Maximum value (5).\n',
    );
  });
});

describe('Set-StrictMode', () => {
  it('version 1: unset variables are errors outside strings', async () => {
    const { run } = everydaySession();
    expect(await run('Set-StrictMode -Version 1; "[$nope]"; try { $nope } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }')).toBe(
      "[]\nVariableIsUndefined\nThe variable '$nope' cannot be retrieved because it has not been set.\n",
    );
    expect(await run('$o = [pscustomobject]@{a=1}; $null -eq $o.missing')).toBe('True\n');
  });

  it('version 2: inside strings too, missing properties, and f(1,2)', async () => {
    const { run } = everydaySession();
    expect(await run('Set-StrictMode -Version 2; try { "[$nope]" } catch { $_.FullyQualifiedErrorId }')).toBe('VariableIsUndefined\n');
    expect(await run('$o = [pscustomobject]@{a=1}; try { $o.missing } catch { $_.FullyQualifiedErrorId }; $o.a; @{}.missing')).toBe('PropertyNotFoundStrict\n1\n');
    expect(await run('function f($a, $b) { "$a|$b" }; try { f(1,2) } catch { $_.FullyQualifiedErrorId }; f (1,2); f(1)')).toBe(
      'StrictModeFunctionCallWithParens\n1 2|\n1|\n',
    );
  });

  it('version 3 (Latest): an index past the end of an array is an error', async () => {
    const { run } = everydaySession();
    expect(await run('$a = @(1,2); $null -eq $a[5]; Set-StrictMode -Version 2; $null -eq $a[5]')).toBe('True\nTrue\n');
    expect(await run('Set-StrictMode -Version Latest; try { $a[5] } catch { $_.FullyQualifiedErrorId }; $a[-1]; ($a[0,9]).Count')).toBe(
      'System.IndexOutOfRangeException\n2\n1\n',
    );
  });

  it('is scoped: a function turning it on does not change its caller; -Off and Latest', async () => {
    const { run } = everydaySession();
    expect(await run('function f { Set-StrictMode -Version Latest; try { $u } catch { "inner" } }; f; $null -eq $u')).toBe('inner\nTrue\n');
    expect(await run('Set-StrictMode -Version Latest; Set-StrictMode -Off; $null -eq $u')).toBe('True\n');
    expect(await run('try { Set-StrictMode -Version 9 } catch { $_.FullyQualifiedErrorId }')).toBe('ParameterArgumentValidationError,Microsoft.PowerShell.Commands.SetStrictModeCommand\n');
  });
});

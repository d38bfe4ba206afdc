// The Utility object cmdlets as Windows PowerShell 5.1 has them (issue 11, "Fidelity"):
// number types, errors and edge cases that PowerShell's own tests check.
import { describe, expect, it } from 'vitest';
import { everydaySession } from './everyday-session.js';

describe('Get-Random operands', () => {
  it('keeps the bounds\' types: Int64 stays Int64, an integral Double or "+100.0" stays Double', async () => {
    const { run } = everydaySession();
    expect(await run('(Get-Random -Maximum ([int64]100)).GetType().Name')).toBe('Int64\n');
    expect(await run('(Get-Random -Maximum ([int64]0) -Minimum -100).GetType().Name')).toBe('Int64\n');
    expect(await run("(Get-Random -Maximum '+100.0').GetType().Name")).toBe('Double\n');
    expect(await run('$r = Get-Random -Minimum 1.0e+100; $r.GetType().Name; $r -gt 1e99')).toBe('Double\nTrue\n');
    expect(await run('$r = Get-Random -Maximum ([double]::MaxValue) -Minimum ([double]::MinValue); $r -lt [double]::MaxValue')).toBe('True\n');
  });

  it('reports Min >= Max with the numbers as 5.1 writes them, for every number type', async () => {
    const { run } = everydaySession();
    expect(await run('try { Get-Random -Minimum 20.0 -Maximum 10.0 } catch { $_.Exception.Message }')).toBe(
      'The Minimum value (20) cannot be greater than or equal to the Maximum value (10).\n',
    );
    expect(await run('try { Get-Random -Minimum ([int64]5) -Maximum ([int64]5) } catch { $_.FullyQualifiedErrorId }')).toBe(
      'MinGreaterThanOrEqualMax,Microsoft.PowerShell.Commands.GetRandomCommand\n',
    );
  });

  it('a hex string too long for a literal fails as the Int32 conversion does', async () => {
    const { run } = everydaySession();
    expect(await run('try { Get-Random 0x07FFFFFFFFFFFFFFFF } catch { $_.Exception.Message }')).toBe(
      'Cannot convert value "0x07FFFFFFFFFFFFFFFF" to type "System.Int32". Error: "Value was either too large or too small for a UInt32."\n',
    );
  });

  it('Double.MinValue and MaxValue print with 15 digits', async () => {
    const { run } = everydaySession();
    expect(await run('[double]::MinValue; [double]::MaxValue; 1.5e-7; 1e20')).toBe('-1.79769313486232E+308\n1.79769313486232E+308\n1.5E-07\n1E+20\n');
  });
});

describe('Select-Object 5.1 parameters', () => {
  it('-SkipLast leaves out the last objects; -Wait lets the commands before run to the end', async () => {
    const { run } = everydaySession();
    expect(await run("'1','2','3' | Select-Object -SkipLast 1")).toBe('1\n2\n');
    expect(await run("'1','2' | Select-Object -SkipLast 5 | Measure-Object | % Count")).toBe('0\n');
    expect(await run('$n = 0; 1..5 | % { $n++; $_ } | Select-Object -First 2 -Wait; $n')).toBe('1\n2\n5\n');
    expect(await run('try { 1 | Select-Object -Skip 1 -SkipLast 1 } catch { $_.FullyQualifiedErrorId }')).toBe(
      'AmbiguousParameterSet,Microsoft.PowerShell.Commands.SelectObjectCommand\n',
    );
  });

  it('an empty script block with no name is a terminating EmptyScriptBlockAndNoName', async () => {
    const { run } = everydaySession();
    expect(await run('try { "bar" | Select-Object -Property {} } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Reason }')).toBe(
      'EmptyScriptBlockAndNoName,Microsoft.PowerShell.Commands.SelectObjectCommand\nPSArgumentException\n',
    );
  });

  it('.psobject.Properties finds a member by name with Item and Match', async () => {
    const { run } = everydaySession();
    const r = "$r = [pscustomobject]@{Thing = 'thing1'; B = 2} | Select-Object -ExcludeProperty b; ";
    expect(await run(r + "$r.psobject.Properties.Item('THING').Value; $null -eq $r.psobject.Properties.Item('*'); $r.psobject.Properties.Match('t*').Name")).toBe(
      'thing1\nTrue\nThing\n',
    );
  });
});

describe('CSV as 5.1 reads and writes it', () => {
  it('-UseCulture uses the current culture\'s list separator, which a script may change', async () => {
    const { run } = everydaySession();
    expect(await run('(Get-Culture).TextInfo.ListSeparator; [pscustomobject]@{a=1;b=2} | ConvertTo-Csv -UseCulture -NoTypeInformation')).toBe(',\n"a","b"\n"1","2"\n');
    expect(await run('[cultureinfo]::CurrentCulture.TextInfo.ListSeparator = ";"; [pscustomobject]@{a=1;b=2} | ConvertTo-Csv -UseCulture -NoTypeInformation')).toBe('"a";"b"\n"1";"2"\n');
    expect(await run('("a;b","1;2" | ConvertFrom-Csv -UseCulture).b')).toBe('2\n');
    expect(await run('[pscustomobject]@{a=1;b=2} | Export-Csv C:\\u.csv -UseCulture; (Import-Csv C:\\u.csv -UseCulture).b')).toBe('2\n');
    expect(await run('([cultureinfo]::new("en-US")).TextInfo.ListSeparator; (Get-Culture).TextInfo.ToTitleCase("hello WORLD wide")')).toBe(',\nHello WORLD Wide\n');
  });

  it('fields: leading blanks skipped, quotes only open a field at its start, nameless columns are H1, H2 (with a warning)', async () => {
    const { run } = everydaySession();
    expect(await run(`('        a1,a2,a3', '        v1,"v2",v3' | ConvertFrom-Csv).psobject.Properties.Name -join ','`)).toBe('a1,a2,a3\n');
    expect(await run(`('a1"a2"a3', 'v1"v2"v3' | ConvertFrom-Csv -Delimiter '"').a2`)).toBe('v2\n');
    expect(await run(`('x,y', 'ab"c,  d  ' | ConvertFrom-Csv) | % { $_.x + '|' + $_.y }`)).toBe('ab"c|d \n');
    const unnamed = await run('$r = "a,,c","1,2,3" | ConvertFrom-Csv 3>&1; $r[0]; $r[1].H1');
    expect(unnamed).toBe('WARNING: One or more headers were not specified. Default names starting with "H" have been used in place of any missing headers.\n2\n');
    expect(await run('("#TYPE My.Custom.Object", "a", "1" | ConvertFrom-Csv).psobject.TypeNames -join ","')).toBe('My.Custom.Object,CSV:My.Custom.Object\n');
  });

  it('Import-Csv takes paths from the pipeline: strings by value, PSPath/LiteralPath by property name', async () => {
    const { run } = everydaySession();
    const setup = "Set-Content C:\\p.csv -Value 'a,b','1,2'; ";
    expect(await run(setup + "(Get-ChildItem C:\\p.csv | Import-Csv).b; ('C:\\p.csv' | Import-Csv).b; ([pscustomobject]@{ LiteralPath = 'C:\\p.csv' } | Import-Csv).b")).toBe('2\n2\n2\n');
  });

  it('Export-Csv -Append writes under the file\'s columns: a missing one fails without -Force, is empty with it', async () => {
    const { run } = everydaySession();
    const out = await run(
      "[pscustomobject]@{P1='first'} | Export-Csv C:\\m.csv; try { [pscustomobject]@{P2='x'} | Export-Csv C:\\m.csv -Append } catch { $_.FullyQualifiedErrorId }",
    );
    expect(out).toBe('CannotAppendCsvWithMismatchedPropertyNames,Microsoft.PowerShell.Commands.ExportCsvCommand\n');
    expect(await run("[pscustomobject]@{first=1; second=2} | Export-Csv C:\\f.csv; [pscustomobject]@{first=11; third=13} | Export-Csv C:\\f.csv -Append -Force; Get-Content C:\\f.csv")).toBe(
      '#TYPE System.Management.Automation.PSCustomObject\n"first","second"\n"1","2"\n"11",\n',
    );
  });
});

describe('Sort-Object as .NET sorts', () => {
  it('equal keys come out in List<T>.Sort order, which decides what -Unique keeps', async () => {
    const { run } = everydaySession();
    const people = "$e = [pscustomobject]@{F='john'; L='smith'}, [pscustomobject]@{F='joesph'; L='smith'}, [pscustomobject]@{F='john'; L='smyth'}; ";
    expect(await run(people + "($e | Sort-Object L -Descending -Unique | % F) -join ','")).toBe('john,joesph\n');
    expect(await run(people + "($e | Sort-Object L -Descending | % F) -join ','")).toBe('john,joesph,john\n');
  });

  it('$null sorts above negative numbers and below the rest', async () => {
    const { run } = everydaySession();
    const rows = "$a = [pscustomobject]@{N='Eight'; Y=8}, [pscustomobject]@{N='Null'; Y=$null}, [pscustomobject]@{N='Minus'; Y=-2}, [pscustomobject]@{N='One'; Y=1}; ";
    expect(await run(rows + "($a | Sort-Object Y | % N) -join ','")).toBe('Minus,Null,One,Eight\n');
    expect(await run("(([pscustomobject]@{N='s'; Y='x'}, [pscustomobject]@{N='n'; Y=$null}) | Sort-Object Y | % N) -join ','")).toBe('n,s\n');
  });

  it('many objects still sort fully', async () => {
    const { run } = everydaySession();
    const script = '$r = @(1..500 | % { ($_ * 7919) % 1000 } | Sort-Object); $bad = 0; for ($i = 1; $i -lt $r.Count; $i++) { if ($r[$i] -lt $r[$i - 1]) { $bad++ } }; $r.Count; $bad';
    expect(await run(script)).toBe('500\n0\n');
  });
});

describe('Add-Member checks its values as 5.1 does', () => {
  const fqid = (cmd: string) => `try { ${cmd} } catch { $_.FullyQualifiedErrorId }`;

  it('member types it cannot add, values a type must not have, values that must convert', async () => {
    const { run } = everydaySession();
    expect(await run(fqid('Add-Member -InputObject a -MemberType Method -Name N'))).toBe('CannotAddMemberType,Microsoft.PowerShell.Commands.AddMemberCommand\n');
    expect(await run(fqid('Add-Member -InputObject a -MemberType NoteProperty -Name N -Value v -SecondValue w'))).toBe(
      'Value2ShouldNotBeSpecified,Microsoft.PowerShell.Commands.AddMemberCommand\n',
    );
    expect(await run(fqid('Add-Member -InputObject a -MemberType ScriptProperty -Name N -Value $null -SecondValue $null'))).toBe(
      'Value1AndValue2AreNotBothNull,Microsoft.PowerShell.Commands.AddMemberCommand\n',
    );
    expect(await run(fqid('Add-Member -InputObject a -MemberType ScriptMethod -Name N -Value something'))).toBe(
      'ConvertToFinalInvalidCastException,Microsoft.PowerShell.Commands.AddMemberCommand\n',
    );
    expect(await run(fqid('Add-Member -InputObject a -MemberType AliasProperty -Name N -Value Length -SecondValue noSuchType'))).toBe(
      'InvalidCastFromStringToType,Microsoft.PowerShell.Commands.AddMemberCommand\n',
    );
  });

  it('an empty member set; a wrapped string still compares as the string', async () => {
    const { run } = everydaySession();
    expect(await run('$r = Add-Member -InputObject a -MemberType MemberSet -Name Set -Value $null -PassThru; $r.Length; $null -eq $r.Set.a')).toBe('1\nTrue\n');
    expect(await run("$r = Add-Member -InputObject 'abc' -MemberType ScriptMethod -Name Len -Value { $this.Length } -PassThru; $r -ceq 'abc'; $r -lt 'abd'; $r.Len()")).toBe(
      'True\nTrue\n3\n',
    );
  });
});

describe('Write-Error with its 5.1 parameters', () => {
  it('-CategoryActivity/-Reason/-TargetName/-TargetType fill CategoryInfo', async () => {
    const { run } = everydaySession();
    const e = '$e = Write-Error -Activity act -Reason why -TargetName tn -TargetType tt -Message m 2>&1; ';
    expect(await run(e + '$e.CategoryInfo.GetMessage(); $e.CategoryInfo.Reason')).toBe('NotSpecified: (tn:tt) [act], why\nwhy\n');
  });

  it('its exception is Microsoft.PowerShell.Commands.WriteErrorException; -Exception writes a given one', async () => {
    const { run } = everydaySession();
    expect(await run('$e = Write-Error text 2>&1; $e.Exception.GetType().FullName; $e.Exception -is [Microsoft.PowerShell.Commands.WriteErrorException]')).toBe(
      'Microsoft.PowerShell.Commands.WriteErrorException\nTrue\n',
    );
    expect(await run("try { [int]::Parse('foo') } catch { }; $e = Write-Error -Exception $Error[0].Exception.InnerException 2>&1; $e.Exception.GetType().FullName; $e.FullyQualifiedErrorId")).toBe(
      'System.FormatException\nSystem.FormatException\n',
    );
    expect(await run("try { Write-Error -Exception -Message 'x' } catch { $_.FullyQualifiedErrorId }")).toBe('MissingArgument,Microsoft.PowerShell.Commands.WriteErrorCommand\n');
  });
});

describe('Group-Object as 5.1', () => {
  it('a group is a Collection[PSObject]; -AsString needs -AsHashTable', async () => {
    const { run } = everydaySession();
    expect(await run('$g = Group-Object -InputObject "a","b"; $g.Group.GetType().Name; $g.Group.GetType().Namespace')).toBe('Collection`1\nSystem.Collections.ObjectModel\n');
    expect(await run('try { 1 | Group-Object -AsString } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }')).toBe(
      'ArgumentException,Microsoft.PowerShell.Commands.GroupObjectCommand\nThe command cannot be run because the AsString parameter requires that you specify the AsHashtable parameter.\n',
    );
    expect(await run('(New-Object System.Collections.Generic.List[string]).GetType().Name')).toBe('List`1\n');
  });
});

describe('ConvertTo-Json numbers as 5.1 writes them', () => {
  it('doubles and singles in .NET Framework round-trip text; [char]0 as null', async () => {
    const { run } = everydaySession();
    expect(await run('[double]::MaxValue | ConvertTo-Json; (0.1 + 0.2) | ConvertTo-Json; 1.5 | ConvertTo-Json; 1e-7 | ConvertTo-Json; 2.0 | ConvertTo-Json')).toBe(
      '1.7976931348623157E+308\n0.30000000000000004\n1.5\n1E-07\n2\n',
    );
    expect(await run('[single]::MaxValue | ConvertTo-Json; [char]0 | ConvertTo-Json; 42 | ConvertTo-Json')).toBe('3.40282347E+38\nnull\n42\n');
    expect(await run('([double]::MinValue | ConvertTo-Json | ConvertFrom-Json) -eq [double]::MinValue')).toBe('True\n');
  });
});

describe('Out-File 5.1 aliases', () => {
  it('-NoOverwrite is -NoClobber', async () => {
    const { run } = everydaySession();
    expect(await run("'a' | Out-File C:\\nc.txt; try { 'b' | Out-File C:\\nc.txt -NoOverwrite -ErrorAction Stop } catch { $_.Exception.Message }; Get-Content C:\\nc.txt")).toBe(
      "The file 'C:\\nc.txt' already exists.\na\n",
    );
  });
});

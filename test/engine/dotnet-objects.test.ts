// ::new() and New-Object for StringBuilder, ArrayList, List[string], PSObject -Property;
// [scriptblock]::Create and GetNewClosure; Add-Member on any object, .psobject, PSTypeName (issue 11).
import { describe, expect, it } from 'vitest';
import { everydaySession } from '../cmdlets/everyday-session.js';
import { testShell } from './helpers.js';

describe('.NET objects scripts create', () => {
  it('StringBuilder: chained appends, ToString, the Capacity/MaxCapacity/Length table', async () => {
    const { run } = everydaySession();
    expect(await run('$sb = New-Object System.Text.StringBuilder; [void]$sb.Append("a").Append(1).AppendLine("b"); [void]$sb.AppendFormat("{0}-{1}", "x", 2); $sb.ToString() -replace "`r`n", "|"')).toBe('a1b|x-2\n');
    expect(await run('$b = [System.Text.StringBuilder]::new("abc"); $b.Length; [void]$b.Insert(1, "-").Replace("c", "C"); "$($b.ToString())"; $b.GetType().FullName')).toBe('3\na-bC\nSystem.Text.StringBuilder\n');
    expect(await run('[System.Text.StringBuilder]::new("abcde")')).toBe('\nCapacity MaxCapacity Length\n-------- ----------- ------\n      16  2147483647      5\n\n\n');
  });

  it('Coordinates: ::new, New-Object -Property, a cast from a hashtable; a name it lacks is an error', async () => {
    const { run } = everydaySession();
    const T = 'System.Management.Automation.Host.Coordinates';
    expect(await run(`$c = [${T}]@{ X = 10; Y = 33 }; "$c"; ([${T}]::new(3, 4)).Y; (New-Object ${T} -Property @{ y = 5 }).ToString()`)).toBe('10,33\n4\n0,5\n');
    const inner = '$_.Exception.InnerException.ErrorRecord.FullyQualifiedErrorId';
    expect(await run(`try { [${T}]@{ blah = 10 } } catch { ${inner} }; try { [${T}]@{ X = 'foo' } } catch { ${inner} }`)).toBe('ObjectCreationError\nObjectCreationError\n');
    expect(await run(`try { New-Object ${T} -Property @{ xx = 10 } } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }`)).toBe(
      'InvalidOperationException,Microsoft.PowerShell.Commands.NewObjectCommand\nThe member "xx" was not found for the specified .NET object.\n',
    );
  });

  it('ArrayList: Add returns the index, Remove/Insert/RemoveAt change it in place; it unrolls in the pipeline', async () => {
    const { run } = everydaySession();
    expect(await run('$l = New-Object System.Collections.ArrayList; $l.Add("x"); [void]$l.Add("y"); $l.Insert(0, "w"); $l.Remove("x"); $l -join ","; $l.Count; $l.GetType().FullName')).toBe('0\nw,y\n2\nSystem.Collections.ArrayList\n');
    expect(await run('$l = [System.Collections.ArrayList]::new(); 1..3 | % { [void]$l.Add($_) }; $l.RemoveAt(0); ($l | Measure-Object -Sum).Sum')).toBe('5\n');
    expect(await run('$a = @(1); try { $a.Add(2) } catch { $_.Exception.Message }')).toContain('Collection was of a fixed size.');
  });

  it('List[string] converts what it is given; the generic type name is .NET\'s', async () => {
    const { run } = everydaySession();
    expect(await run('$g = New-Object "System.Collections.Generic.List[string]"; $g.Add(5); $g[0].GetType().Name; $g.Add("b"); $g.Count')).toBe('String\n2\n');
    expect(await run('[System.Collections.Generic.List[string]]::new().GetType().FullName')).toBe(
      'System.Collections.Generic.List`1[[System.String, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089]]\n',
    );
  });

  it('generic collections: Stack, Queue, HashSet, LinkedList, Dictionary[K,V]; [[T]] and nested argument forms', async () => {
    const { run } = everydaySession();
    expect(await run('$s = [System.Collections.Generic.Stack[[int]]]::new(); $s.Push(1); $s.Push("2"); $s.Count; $s.Peek(); ($s | % { $_ }) -join ","; $s.Pop(); $s.Count')).toBe('2\n2\n2,1\n2\n1\n');
    expect(await run('try { [System.Collections.Generic.Stack[int]]::new().Pop() } catch { $_.Exception.InnerException.Message }')).toBe('Stack empty.\n');
    expect(await run('$q = [System.Collections.Generic.Queue[string]]::new(); $q.Enqueue("a"); $q.Enqueue("b"); $q.Dequeue(); $q.Count')).toBe('a\n1\n');
    expect(await run('$h = [System.Collections.Generic.HashSet[int]]::new(); $h.Add(1); $h.Add("1"); $h.Count')).toBe('True\nFalse\n1\n');
    expect(await run('$l = [System.Collections.Generic.LinkedList[int]]::new(); $n = $l.AddLast(2); $n = $l.AddFirst(1); $l -join ","; $n.Value')).toBe('1,2\n1\n');
    expect(await run('$d = [System.Collections.Generic.Dictionary[string, int]]::new(); $d.foo = "42"; $d.foo.GetType().Name; $d -is [System.Collections.Generic.Dictionary[[string],[int]]]; $d -is [hashtable]')).toBe('Int32\nTrue\nFalse\n');
    expect(await run('[System.Collections.Generic.Dictionary[System.Collections.Generic.Dictionary[System.Collections.Generic.List[int],string], System.Collections.Generic.Stack[double]]]::new().GetType().FullName.Contains("Stack``1[[System.Double")')).toBe('True\n');
    expect(await run('$m = [System.Collections.Generic.List[int]]@(1, "2"); $m.GetType().Name; $m[1].GetType().Name; [System.Collections.Generic.List[int]].FullName.Contains("List``1[[System.Int32")')).toBe('List`1\nInt32\nTrue\n');
    expect(await run('try { [System.Collections.Generic.Dictionary[int]] } catch { $_.FullyQualifiedErrorId }')).toBe('TypeNotFound\n');
  });

  it('New-Object -Property sets properties; PSObject gets notes', async () => {
    const { run } = everydaySession();
    expect(await run('$o = New-Object PSObject -Property @{Server="EX01"}; $o.Server; $o.GetType().FullName')).toBe('EX01\nSystem.Management.Automation.PSCustomObject\n');
    expect(await run('$s = New-Object System.Text.StringBuilder -Property @{Length=2}; $s.Length')).toBe('2\n');
  });

  it('[scriptblock]::Create parses text; a parse error is a MethodInvocationException around ParseException', async () => {
    const { run } = everydaySession();
    expect(await run('$sb = [scriptblock]::Create("param(`$a) `$a * 2"); & $sb 21; $sb.GetType().FullName')).toBe('42\nSystem.Management.Automation.ScriptBlock\n');
    expect(await run('try { [scriptblock]::Create("1 +") } catch { $_.FullyQualifiedErrorId }')).toBe('ParseException\n');
  });

  it('GetNewClosure keeps the values the variables had', async () => {
    const { run } = everydaySession();
    expect(await run('$n = 5; $cl = { "n=$n" }.GetNewClosure(); $n = 6; & $cl; $cl.Invoke()')).toBe('n=5\nn=5\n');
    expect(await run('function New-Greeter($name) { { "hello $name" }.GetNewClosure() }; $g = New-Greeter ex01; $name = "other"; & $g')).toBe('hello ex01\n');
    expect(await run('$m = 1; $open = { "m=$m" }; $m = 2; & $open')).toBe('m=2\n');
  });
});

describe('Add-Member on any object, .psobject, PSTypeName', () => {
  it('ScriptProperty, ScriptMethod and AliasProperty run with $this', async () => {
    const { run } = everydaySession();
    expect(await run("$s = [pscustomobject]@{Name='ex01'; Domain='contoso.com'}; $s | Add-Member ScriptProperty Fqdn { $this.Name + '.' + $this.Domain }; $s.Fqdn; $s.Domain = 'fabrikam.com'; $s.Fqdn")).toBe(
      'ex01.contoso.com\nex01.fabrikam.com\n',
    );
    expect(await run("$s | Add-Member ScriptMethod Greet { 'hi ' + $this.Name + $args[0] }; $s.Greet('!')")).toBe('hi ex01!\n');
    expect(await run('$s | Add-Member AliasProperty Host Name -PassThru | % Host')).toBe('ex01\n');
    expect(await run('$s | Get-Member -MemberType AliasProperty, ScriptProperty | % Definition')).toBe("Host = Name\nSystem.Object Fqdn {get= $this.Name + '.' + $this.Domain ;}\n");
    expect(await run('try { $s | Add-Member ScriptProperty Slow { Get-Date } } catch { $_.FullyQualifiedErrorId }')).toBe('NotSupportedInEmsh,Microsoft.PowerShell.Commands.AddMemberCommand\n');
  });

  it('a string is wrapped: its members still work, -PassThru gives the wrapper', async () => {
    const { run } = everydaySession();
    expect(await run("$t = 'CC06A5DB' | Add-Member -NotePropertyName Source -NotePropertyValue EX01 -PassThru; $t.Source; $t.Length; $t.ToLower(); \"$t\"")).toBe('EX01\n8\ncc06a5db\nCC06A5DB\n');
    expect(await run("$t | Get-Member -MemberType NoteProperty | % Definition")).toBe('string Source=EX01\n');
  });

  it('a hashtable or another object keeps the members beside it, for every reference', async () => {
    const { run } = everydaySession();
    expect(await run('$h = @{a=1}; $same = $h; $h | Add-Member NoteProperty Extra 5; $same.Extra')).toBe('5\n');
    expect(await run('$h | Add-Member NoteProperty Extra 6 2>&1 | % FullyQualifiedErrorId')).toBe('MemberAlreadyExists,Microsoft.PowerShell.Commands.AddMemberCommand\n');
  });

  it('.psobject.Properties lists name, value, member type and value type, and can be filtered and set', async () => {
    const { run } = everydaySession();
    expect(await run("$o = [pscustomobject]@{Name='ex01'; Port=25}; $o.psobject.Properties | % { '{0}|{1}|{2}|{3}' -f $_.Name, $_.Value, $_.MemberType, $_.TypeNameOfValue }")).toBe(
      'Name|ex01|NoteProperty|System.String\nPort|25|NoteProperty|System.Int32\n',
    );
    expect(await run("($o.psobject.Properties | Where-Object { $_.Value -is [int] }).Name; ($o.psobject.Properties | ? Name -eq Port).Value = 587; $o.Port")).toBe('Port\n587\n');
    expect(await run("'abc'.psobject.Properties.Name; (Get-Date).psobject.TypeNames[0]")).toBe('Length\nSystem.DateTime\n');
  });

  it('PSTypeName names the type; .psobject.TypeNames.Insert changes the object', async () => {
    const { run } = everydaySession();
    expect(await run("$o = [pscustomobject]@{PSTypeName='Lab.Server'; Name='ex01'}; $o.psobject.TypeNames[0]; $o.PSObject.Properties.Name; $o -is [System.Management.Automation.PSCustomObject]")).toBe(
      'Lab.Server\nName\nTrue\n',
    );
    expect(await run("$p = [pscustomobject]@{a=1}; $p.psobject.TypeNames.Insert(0, 'My.Type'); $p.pstypenames[0]; \"$p\"")).toBe('My.Type\n@{a=1}\n');
  });
});

describe('exceptions and error records made with ::new', () => {
  it('[ArgumentException]::new() has .NET\'s default message; ErrorRecord::new keeps the exception, id, category and target', async () => {
    const r = await testShell().eval(
      "[System.ArgumentException]::new().Message; $r = [System.Management.Automation.ErrorRecord]::new([System.ArgumentException]::new('x', [System.IO.IOException]::new('in')), 'id', [System.Management.Automation.ErrorCategory]::InvalidArgument, 5); $r.FullyQualifiedErrorId; $r.Exception.GetType().FullName; $r.Exception.InnerException.Message; [string]$r.CategoryInfo.Category; $r.TargetObject",
    );
    expect(r.errors).toEqual([]);
    expect(r.output).toEqual(['Value does not fall within the expected range.', 'id', 'System.ArgumentException', 'in', 'InvalidArgument', 5]);
  });
});

describe('a typed collection refuses an element that does not convert', () => {
  it("as a method argument, with 5.1's MethodArgumentConversionInvalidCastArgument", async () => {
    const { run } = everydaySession();
    expect(await run('$l = [System.Collections.Generic.List[int]]::new(); try { $l.Add("x") } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }; $l.Add("5"); $l.Count')).toBe(
      'MethodArgumentConversionInvalidCastArgument\nCannot convert argument "item", with value: "x", for "Add" to type "System.Int32": "Cannot convert value "x" to type "System.Int32". Error: "Input string was not in a correct format.""\n1\n',
    );
  });
});

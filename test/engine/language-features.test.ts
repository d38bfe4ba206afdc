// The language constructs of issue 11 ("Fidelity") that kept PowerShell's own test files from
// parsing: member calls with a script-block argument, computed member names, the collection
// methods' modes, classes, enums, dynamic parameters.
import { describe, expect, it } from 'vitest';
import { objectCmdlets } from '../../src/cmdlets/core/objects.js';
import { outputCmdlets } from '../../src/cmdlets/core/output.js';
import { testShell } from './helpers.js';

async function value(text: string): Promise<unknown[]> {
  const sh = testShell({ cmdlets: [...objectCmdlets, ...outputCmdlets] });
  const r = await sh.eval(text);
  if (r.errors.length) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.output;
}

async function errorIds(text: string): Promise<string[]> {
  const r = await testShell().eval(text);
  return r.errors.map((e) => e.errorId);
}

describe('member access', () => {
  it('a script block glued to a member name is the call\'s one argument', async () => {
    expect(await value('(1, 2, 3).ForEach{ $_ * 10 }')).toEqual([10, 20, 30]);
    expect(await value("@('a', 'bb').Where{ $_.Length -gt 1 }")).toEqual(['bb']);
    expect(await value("(1..3).ForEach{ [string]$_ } -join '|'")).toEqual(['1|2|3']);
  });

  it('the name may stand apart from the dot in an expression, and may be computed', async () => {
    expect(await value("'abc'. Length")).toEqual([3]);
    expect(await value("$h = @{ a = 1 }; $n = 'a'; $h.$($n); $h.('a')")).toEqual([1, 1]);
  });
});

describe('.Where() and .ForEach()', () => {
  it('Where picks by WhereOperatorSelectionMode and numberToReturn', async () => {
    expect(await value("(1..10).Where({ $_ -gt 3 }, 'First', 2)")).toEqual([4, 5]);
    expect(await value("(1..10).Where({ $_ -gt 3 }, 'Last')")).toEqual([10]);
    expect(await value("(1..10).Where({ $_ -gt 7 }, 'SkipUntil')")).toEqual([8, 9, 10]);
    expect(await value("(1..10).Where({ $_ -gt 3 }, 'Until')")).toEqual([1, 2, 3]);
    expect(await value("$a, $b = (1..6).Where({ $_ % 2 }, 'Split'); $a.Count; $b -join ','")).toEqual([3, '2,4,6']);
  });

  it('a mode that is not one is a method-argument conversion error', async () => {
    expect(await errorIds("(1..3).Where({ $_ }, 'bogus')")).toEqual(['MethodArgumentConversionInvalidCastArgument']);
  });

  it('ForEach takes a type, a property name, or a method name with arguments', async () => {
    expect(await value("('a', 'bb').ForEach('Length')")).toEqual([1, 2]);
    expect(await value("(1, 2).ForEach([string])")).toEqual(['1', '2']);
    expect(await value("('a b').ForEach('Split', ' ')")).toEqual(['a', 'b']);
    expect(await value('(1..3).ForEach({ $_ + $args[0] }, 10)')).toEqual([11, 12, 13]);
  });
});

describe('classes', () => {
  const A = `class A {
    [int]$P = 1
    static [int] $S = 3
    [string] $Name
    A() {}
    A([int]$p) { $this.P = $p }
    [string] M() { return "M$($this.P)" }
    static [int] Twice([int]$x) { return $x * 2 }
  }
  class B : A {
    [string]$Extra = 'x'
    B([int]$p) : base($p) { $this.Extra = "b$p" }
    [string] M() { return 'B' + $this.P }
  }
  `;

  it('[X]::new() runs the constructor for the arguments; properties start at their initial values', async () => {
    expect(await value(A + '$a = [A]::new(); $a.P; $a.M(); [A]::new(5).P')).toEqual([1, 'M1', 5]);
  });

  it('a typed property converts what is assigned to it', async () => {
    expect(await value(A + "$a = [A]::new(); $a.P = '33'; $a.P + 1")).toEqual([34]);
  });

  it('static properties and methods; a static property can be set', async () => {
    expect(await value(A + '[A]::S; [A]::Twice(21); [A]::S = 7; [A]::S')).toEqual([3, 42, 7]);
  });

  it('a derived class calls its base constructor, overrides methods and is its base type', async () => {
    expect(await value(A + '$b = [B]::new(4); $b.P; $b.Extra; $b.M(); $b -is [A]; $b.GetType().Name')).toEqual([4, 'b4', 'B4', true, 'B']);
  });

  it('New-Object makes an instance; a hashtable cast sets the properties', async () => {
    expect(await value(A + '(New-Object A 9).P; $c = [A]@{ P = "12"; Name = "n" }; $c.P; $c.Name')).toEqual([9, 12, 'n']);
  });

  it('a cast picks the constructor that takes the value itself', async () => {
    const cls = 'class H { [int]$a; H([int]$x) { $this.a = $x }; H([hashtable]$h) { $this.a = 100 } }; ';
    expect(await value(cls + '([H]@{ a = 10 }).a; ([H]7).a')).toEqual([100, 7]);
  });

  it('a hashtable key the class lacks is an ObjectCreationError', async () => {
    expect(await errorIds('class P { [int]$x }; [P]@{ y = 1 }')).toEqual(['ObjectCreationError']);
  });

  it('a method called with an argument count it lacks is MethodCountCouldNotFindBest', async () => {
    expect(await errorIds(A + '[A]::new().M(1)')).toEqual(['MethodCountCouldNotFindBest']);
  });
});

describe('enums', () => {
  it('members number on from the last value; casts and [int] see the numbers', async () => {
    expect(await value("enum Color { Red; Green = 5; Blue }; [int][Color]::Blue; [string][Color]::Green; [int][Color]'Red'")).toEqual([6, 'Green', 0]);
  });

  it('[Flags()] enums combine names', async () => {
    expect(await value('[Flags()] enum Perm { None = 0; Read = 1; Write = 2 }\n[string][Perm]3')).toEqual(['Read, Write']);
  });
});

describe('dynamicparam', () => {
  const fn = `function Get-Dyn {
    [CmdletBinding()]
    param($Path)
    dynamicparam {
      if ($PSBoundParameters['Path'] -eq 'on') {
        $attr = [System.Management.Automation.ParameterAttribute]::new()
        $attr.Mandatory = $false
        $attrs = [System.Collections.ObjectModel.Collection[System.Attribute]]::new()
        $attrs.Add($attr)
        $p = [System.Management.Automation.RuntimeDefinedParameter]::new('Size', [int], $attrs)
        $dict = [System.Management.Automation.RuntimeDefinedParameterDictionary]::new()
        $dict.Add('Size', $p)
        return $dict
      }
    }
    end { if ($PSBoundParameters.ContainsKey('Size')) { $PSBoundParameters['Size'] + 1 } else { 'none' } }
  }
  `;

  it('the parameters the block returns bind, converted to their type', async () => {
    expect(await value(fn + "Get-Dyn -Path on -Size '41'; Get-Dyn -Path on")).toEqual([42, 'none']);
  });

  it('without them, the argument is NamedParameterNotFound', async () => {
    expect(await errorIds(fn + 'Get-Dyn -Path off -Size 1')).toEqual(['NamedParameterNotFound']);
  });

  it('an object whose [Parameter] properties are the parameters gets their values', async () => {
    const text = `class Opt { [Parameter()] [string] $Name }
    function Get-Opt { [CmdletBinding()] param() dynamicparam { $script:opt = [Opt]::new(); $script:opt } end { $script:opt.Name } }
    Get-Opt -Name abc`;
    expect(await value(text)).toEqual(['abc']);
  });
});

describe('restricted language', () => {
  it('CheckRestrictedLanguage passes what keeps to it: literals, operators, allowed variables and commands', async () => {
    expect(await value('{ 2 + 2 }.CheckRestrictedLanguage($null, $null, $false); "ok"')).toEqual(['ok']);
    expect(await value("{ $a + $PSCulture }.CheckRestrictedLanguage($null, [string[]]'a', $false); 'ok'")).toEqual(['ok']);
    expect(await value("{ Get-Thing | where x -eq $p }.CheckRestrictedLanguage([string[]]('Get-Thing', 'where'), [string[]]'p', $false); 'ok'")).toEqual(['ok']);
    expect(await value("{ $env:x + $b }.CheckRestrictedLanguage($null, [string[]]'*', $false); 'ok'")).toEqual(['ok']);
  });

  it('a variable, command, assignment or method call it does not allow is a ParseException', async () => {
    for (const text of ['{ 2 + $a }.CheckRestrictedLanguage($null, $null, $false)', '{ $env:foo }.CheckRestrictedLanguage($null, $null, $false)', '{ Get-Date }.CheckRestrictedLanguage($null, $null, $false)', '{ $x = 1 }.CheckRestrictedLanguage($null, [string[]]"x", $false)', "{ 'a'.ToUpper() }.CheckRestrictedLanguage($null, $null, $false)"]) {
      expect(await errorIds(text), text).toEqual(['ParseException']);
    }
  });
});

describe('data sections', () => {
  it('a named section sets its variable; an unnamed one writes its output', async () => {
    const sh = testShell({ cmdlets: [...objectCmdlets, ...outputCmdlets] });
    const r = await sh.eval('data d { 1; "two" }; $d.Count; data { $true }');
    expect(r.errors).toEqual([]);
    expect(r.output).toEqual([2, true]);
  });
});

describe('data sections as values', () => {
  it('a data section may be the value of an assignment', async () => {
    expect(await value('$d = data { 456 }; $d')).toEqual([456]);
  });
});

describe('failed conversions carry the PSInvalidCastException and its record', () => {
  const inner = (cast: string) => value(`try { ${cast} } catch { $_.FullyQualifiedErrorId; $_.Exception.InnerException.GetType().Name; $_.Exception.InnerException.ErrorRecord.FullyQualifiedErrorId }`);

  it('a class cast from a hashtable with a property the class lacks', async () => {
    expect(await inner('class P { [int]$x }; [P]@{ y = 1 }')).toEqual(['ObjectCreationError', 'PSInvalidCastException', 'ObjectCreationError']);
  });

  it('a PSCustomObject does not convert to a hashtable (an empty one does)', async () => {
    expect(await inner('[hashtable][pscustomobject]@{ one = 1 }')).toEqual(['InvalidCastConstructorException', 'PSInvalidCastException', 'InvalidCastConstructorException']);
    expect(await value('([hashtable][pscustomobject]@{}).Count')).toEqual([0]);
  });

  it('[int] of text that is no number', async () => {
    expect(await inner("[int]'x'")).toEqual(['InvalidCastFromStringToInteger', 'PSInvalidCastException', 'InvalidCastFromStringToInteger']);
  });
});

describe('hidden class members', () => {
  const cls = 'class H { [int]$Shown = 1; hidden [int]$Secret = 2; hidden [void] Hid() { } [int] Vis() { return 1 } }; $h = [H]::new(); ';

  it('Get-Member leaves them out unless -Force; they stay reachable by name', async () => {
    expect(await value(cls + '($h | Get-Member).Name -join ","')).toEqual(['Equals,GetHashCode,GetType,ToString,Vis,Shown']);
    expect(await value(cls + '($h | Get-Member -Force -Name Secret, Hid).Name -join ","; $h.Secret')).toEqual(['Hid,Secret', 2]);
  });

  it('listing the object\'s properties (display, Select-Object *, psobject.Properties) skips them', async () => {
    expect(await value(cls + '$h.psobject.Properties.Name; ($h | Select-Object *).psobject.Properties.Name')).toEqual(['Shown', 'Shown']);
  });
});

describe('a script\'s types are defined before it runs', () => {
  it('a class or enum may be used above its definition, a derived class above its base', async () => {
    expect(await value('[Q]::new().A; [string][Hue]::Green; class Q : QBase { $A = 5 }; enum Hue { Red; Green }; class QBase { }')).toEqual([5, 'Green']);
  });

  it('a function body\'s types are defined when it runs, before its first statement', async () => {
    expect(await value('function f { [Inner]::new().V; class Inner { [int]$V = 4 } }; f')).toEqual([4]);
  });
});

describe('class methods and string conversion', () => {
  it('a ToString() the class defines serves "$obj" and [string]; [void] methods give nothing', async () => {
    const cls = 'class T { [int]$P = 1; [string] ToString() { return "T($($this.P))" } [void] Go() { 1 } [int] Two() { $x = 1; return $x + 1 } }; $t = [T]::new(); ';
    expect(await value(cls + '"$t"; [string]$t; $t.Go(); $t.Two()')).toEqual(['T(1)', 'T(1)', 2]);
  });

  it('a method gives only what return gives, as is and converted; its other output is dropped', async () => {
    const cls = `class M {
      [int] Sum() { 1..3; 'noise'; return 6 }
      [void] Quiet() { 'leak'; 7 }
      [object] Empty() { return @() }
      [int[]] Two() { foreach ($i in 1..3) { $i }; return 4, 5 }
      [string] Inner() { 1..3 | ForEach-Object { return $_ }; return 'end' }
      static [int] Nine([int]$x) { "junk $x"; return $x + 8 }
    }; $m = [M]::new(); `;
    expect(await value(cls + '($m.Sum() | Measure-Object).Count; $m.Sum(); $m.Quiet(); $m.Empty().Count; $m.Empty().GetType().FullName')).toEqual([1, 6, 0, 'System.Object[]']);
    expect(await value(cls + "$m.Two() -join ','; $m.Inner(); [M]::Nine(1)")).toEqual(['4,5', 'end', 9]);
  });
});

import { PSChar } from '../../src/protocol/numbers.js';
import { describe, expect, it } from 'vitest';
import { PSHashtable, PSObject, ScriptBlockValue } from '../../src/protocol/values.js';
import { testShell } from './helpers.js';
import { everydaySession } from '../cmdlets/everyday-session.js';

async function value(text: string): Promise<unknown[]> {
  const sh = testShell();
  const r = await sh.eval(text);
  if (r.errors.length) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.output;
}

describe('expressions', () => {
  it('arithmetic, strings and operators via the operator table', async () => {
    expect(await value('1 + 2 * 3')).toEqual([7]);
    expect(await value("'a' + 1")).toEqual(['a1']);
    expect(await value('5 / 2')).toEqual([2.5]);
    expect(await value("'abc' -like 'A*'")).toEqual([true]);
  });

  it('-and / -or short-circuit', async () => {
    expect(await value('$false -and (1/0)')).toEqual([false]);
    expect(await value('$true -or (1/0)')).toEqual([true]);
  });

  it('arrays unroll when written; @() is always an array; (,) nests', async () => {
    expect(await value('1, 2, 3')).toEqual([1, 2, 3]);
    expect(await value('$a = @(); $a.Count')).toEqual([0]);
    expect(await value('$a = @(5); $a.Count')).toEqual([1]);
    expect(await value('$a = ,(1, 2); $a.Count')).toEqual([1]);
    expect(await value('@(1, 2).Count')).toEqual([2]);
  });

  it('$() and () give a pipeline value: nothing, one item or an array', async () => {
    expect(await value('$x = $(1; 2); $x.Count')).toEqual([2]);
    expect(await value('$x = $(7); $x')).toEqual([7]);
    expect(await value('$x = (Emit-Numbers 1); $x')).toEqual([1]);
    expect(await value('$x = (Emit-Numbers 3); $x.Count')).toEqual([3]);
    expect(await value('$x = (Emit-Numbers 0); $null -eq $x')).toEqual([true]);
  });

  it('expandable strings join arrays with spaces, or $OFS', async () => {
    expect(await value('$a = 1, 2, 3; "v: $a"')).toEqual(['v: 1 2 3']);
    expect(await value('$OFS = "-"; $a = 1, 2; "$a"')).toEqual(['1-2']);
    expect(await value('$n = 5; "n=$($n * 2)!"')).toEqual(['n=10!']);
  });

  it('hashtables: keys case-insensitive, duplicate keys rejected, [ordered]', async () => {
    const [h] = (await value('@{ Name = "x"; Count = 2 }')) as [PSHashtable];
    expect(h).toBeInstanceOf(PSHashtable);
    expect(h.get('name')).toBe('x');
    const sh = testShell();
    const r = await sh.eval('@{ a = 1; A = 2 }');
    expect(r.errors[0]?.message).toBe("Duplicate keys 'A' are not allowed in hash literals.");
    const [o] = (await value('[ordered]@{ b = 1; a = 2 }')) as [PSHashtable];
    expect(o.ordered).toBe(true);
    expect(o.keys()).toEqual(['b', 'a']);
  });

  it('[pscustomobject]@{} keeps key order', async () => {
    const [o] = (await value('[pscustomobject]@{ Z = 1; A = 2; M = 3 }')) as [PSObject];
    expect(o).toBeInstanceOf(PSObject);
    expect(o.properties().map((p) => p.name)).toEqual(['Z', 'A', 'M']);
  });

  it('casts and [void]', async () => {
    expect(await value("[int]'42' + 1")).toEqual([43]);
    expect(await value('[void](1 + 1)')).toEqual([]);
    expect(await value('$null = 5; 1')).toEqual([1]);
  });

  it('indexing: negative, ranges, lists, strings, hashtables, null', async () => {
    expect(await value('$a = 10, 20, 30, 40; $a[-1]')).toEqual([40]);
    expect(await value('$a = 10, 20, 30, 40; $a[1..2]')).toEqual([20, 30]);
    expect(await value('$a = 10, 20, 30, 40; $a[0, 3]')).toEqual([10, 40]);
    // A string's element is a [char] (195 is 'a' + 'b' as numbers, as 5.1 adds two chars).
    expect(await value("'hello'[1]; 'hello'[1].GetType().Name; 'ab'[0] + 'ab'[1]")).toEqual([new PSChar(101), 'Char', 195]);
    expect(await value("$h = @{ k = 'v' }; $h['K']")).toEqual(['v']);
    expect(await value('$a = 1, 2; $a[5]')).toEqual([null]);
    const sh = testShell();
    const r = await sh.eval('$nothing[0]');
    expect(r.errors[0]?.message).toBe('Cannot index into a null array.');
  });

  it('member access and methods through members.ts', async () => {
    expect(await value("'abc'.Length")).toEqual([3]);
    expect(await value("'abc'.ToUpper()")).toEqual(['ABC']);
    expect(await value('$o = [pscustomobject]@{ N = 1 }; $o.N = 5; $o.N')).toEqual([5]);
  });

  it('-match sets $Matches', async () => {
    expect(await value("if ('cert-2026' -match '(\\d+)') { $Matches[1] }")).toEqual(['2026']);
  });

  it('script block literals are ScriptBlockValues with their text', async () => {
    const [sb] = (await value('{ $_ * 2 }')) as [ScriptBlockValue];
    expect(sb).toBeInstanceOf(ScriptBlockValue);
    expect(sb.toString()).toBe(' $_ * 2 ');
  });

  it('assignment forms: +=, typed variables, index and member targets, multiple', async () => {
    expect(await value('$a = 1, 2; $a += 3; $a.Count')).toEqual([3]);
    expect(await value("$s = 'a'; $s += 'b'; $s")).toEqual(['ab']);
    expect(await value('$h = @{}; $h.x = 1; $h["y"] = 2; $h.Count')).toEqual([2]);
    expect(await value("[int]$n = '5'; $n = '7'; $n + 1")).toEqual([8]);
    expect(await value('$a, $b, $c = 1, 2, 3, 4; $c.Count')).toEqual([2]);
    expect(await value('$a = 1, 2, 3; $a[1] = 9; $a')).toEqual([1, 9, 3]);
  });

  it('increments: statements write nothing, expressions give values', async () => {
    expect(await value('$i = 1; $i++; $i')).toEqual([2]);
    expect(await value('$i = 1; ($i++)')).toEqual([1]);
    expect(await value('$i = 1; (++$i)')).toEqual([2]);
  });

  it('read-only variables', async () => {
    const sh = testShell();
    const r = await sh.eval('$true = 1');
    expect(r.errors[0]?.message).toBe('Cannot overwrite variable true because it is read-only or constant.');
  });

  it('static members via static-types.ts', async () => {
    expect(await value('[Math]::Max(3, 7)')).toEqual([7]);
  });

  it('collection .ForEach and .Where methods run script blocks', async () => {
    expect(await value('(1, 2, 3).ForEach({ $_ * 10 })')).toEqual([10, 20, 30]);
    expect(await value('(1, 2, 3).Where({ $_ -gt 1 })')).toEqual([2, 3]);
  });
});

describe('.ForEach(...) beyond a script block', () => {
  it('converts with a type, gets or sets a property by name, calls a method by name; a scalar is one item', async () => {
    const { run } = everydaySession();
    expect(await run('(1, 2).ForEach([string]).ForEach({ $_.GetType().Name }) -join ","; ("a", "bb").ForEach("Length") -join ","')).toBe('String,String\n1,2\n');
    expect(await run('$obj = [pscustomobject]@{ p = 1 }; $r = $obj.ForEach("p", 32); $r.Count; $obj.p')).toBe('0\n32\n');
    expect(await run('("a", "b").ForEach("ToUpper") -join ""; ("x-y").ForEach("Replace", "-", "+")')).toBe('AB\nx+y\n');
  });
});

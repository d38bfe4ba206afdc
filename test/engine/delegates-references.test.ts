// Script blocks as delegates (Action, Func, MatchEvaluator, MakeGenericType + -as), [ref] to
// variables, and $MyInvocation's line and column of the call.
import { describe, expect, it } from 'vitest';
import { everydaySession } from '../cmdlets/everyday-session.js';

describe('delegates from script blocks', () => {
  it('a cast makes a delegate; Invoke runs the block, a Func converts what it returns, an Action returns nothing', async () => {
    const { run } = everydaySession();
    expect(await run('$f = [Func[int,int]]{ param($x) $x + 1 }; $f.Invoke(3); $f.Invoke("4").GetType().Name; $f.GetType().Name')).toBe('4\nInt32\nFunc`2\n');
    expect(await run('([System.Func[string]]{ "hello" }).Invoke(); ([System.Func[Int32]]{ $args.Length }).Invoke()')).toBe('hello\n0\n');
    expect(await run('$a = [System.Action]{ $script:ran = $args.Length; "dropped" }; $r = $a.Invoke(); $null -eq $r; $ran')).toBe('True\n0\n');
    expect(await run('$d = [System.Action[int]]{ 1 }; $d -is [System.Delegate]; $d -is [System.MulticastDelegate]')).toBe('True\nTrue\n');
  });

  it('Assembly.GetType finds an open generic; MakeGenericType closes it; -as makes the delegate; DynamicInvoke takes object[]', async () => {
    const { run } = everydaySession();
    expect(await run('$gt = [object].Assembly.GetType("System.Action``2"); $gt.FullName; $gt.IsGenericTypeDefinition')).toBe('System.Action`2\nTrue\n');
    expect(await run('$ct = [object].Assembly.GetType("System.Action``2").MakeGenericType(@([int], [string])); $d = { $script:got = $args -join "|" } -as $ct; $d.DynamicInvoke(@(1, "a")); $got')).toBe('1|a\n');
    expect(await run('try { [object].Assembly.GetType("System.Action``2").MakeGenericType(@([int])) } catch { $_.Exception.InnerException.GetType().Name }')).toBe('ArgumentException\n');
    expect(await run('$null -eq [object].Assembly.GetType("No.Such.Type")')).toBe('True\n');
  });
});

describe('[ref]', () => {
  it('[ref]$x reads and writes the variable, wherever the reference goes', async () => {
    const { run } = everydaySession();
    expect(await run('$x = 5; $r = [ref]$x; $r.Value = 7; $x; $r.Value; $r.GetType().FullName')).toBe('7\n7\nSystem.Management.Automation.PSReference\n');
    expect(await run('function Add-To([ref]$list) { $list.Value += "b" }; $arr = @("a"); Add-To ([ref]$arr); $arr -join ","')).toBe('a,b\n');
    expect(await run('[int]$n = 1; $r = [ref]$n; $r.Value = "5"; $n.GetType().Name')).toBe('Int32\n');
  });

  it('[ref] of a value or $null holds the value itself', async () => {
    const { run } = everydaySession();
    expect(await run('$r = [ref]$null; $r.Value = 3; $r.Value; $null -eq $null; ([ref]5).Value')).toBe('3\nTrue\n5\n');
  });
});

describe('$MyInvocation of a function', () => {
  it('ScriptLineNumber and OffsetInLine are where the call is', async () => {
    const { run } = everydaySession();
    expect(await run('function lineno { $MyInvocation.ScriptLineNumber }\n\n  $a = lineno; $a\nfunction col { $MyInvocation.OffsetInLine }\n  col')).toBe('3\n3\n');
  });
});

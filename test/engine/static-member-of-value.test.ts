// `::` after a value that is a type (`$t = [Math]; $t::Round(2.5)`) reaches that type's static
// members; any other value stands for its own type, as .NET's static lookup does (a string is a
// System.String, not a type name); `$null::M()` is InvokeMethodOnNull.
import { describe, expect, it } from 'vitest';
import { everydaySession } from '../cmdlets/everyday-session.js';

describe('static members through a value', () => {
  it('calls methods and reads properties of the type a variable holds', async () => {
    const { run } = everydaySession();
    expect(await run('$t = [Math]; $t::Round(2.5); $t::Max(1, 2); [int]$t::PI')).toBe('2\n2\n3\n');
    expect(await run('$p = [System.Management.Automation.Language.Parser]; $p::ParseInput("1; 2", [ref]$null, [ref]$null).EndBlock.Statements.Count')).toBe('2\n');
    expect(await run('class K { static [int] $N = 7 }; $k = [K]; $k::N')).toBe('7\n');
  });

  it("takes another value's own type, and `$null` as null", async () => {
    const { run } = everydaySession();
    expect(await run('$i = 5; $i::MaxValue; $s = "System.Math"; $s::IsNullOrEmpty(""); $null -eq $s::PI')).toBe('2147483647\nTrue\nTrue\n');
    expect(await run('$n = $null; $null -eq $n::Foo; try { $n::Foo() } catch { $_.FullyQualifiedErrorId }')).toBe('True\nInvokeMethodOnNull\n');
  });
});

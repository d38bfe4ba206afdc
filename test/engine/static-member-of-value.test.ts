// `::` after a value that is a type (`$t = [Math]; $t::Round(2.5)`) or a type's name reaches the
// type's static members, as 5.1 does; a name that is no type is TypeNotFound.
import { describe, expect, it } from 'vitest';
import { everydaySession } from '../cmdlets/everyday-session.js';

describe('static members through a value', () => {
  it('calls methods and reads properties of the type a variable holds', async () => {
    const { run } = everydaySession();
    expect(await run('$t = [Math]; $t::Round(2.5); $t::Max(1, 2); [int]$t::PI')).toBe('2\n2\n3\n');
    expect(await run('$p = [System.Management.Automation.Language.Parser]; $p::ParseInput("1; 2", [ref]$null, [ref]$null).EndBlock.Statements.Count')).toBe('2\n');
    expect(await run('class K { static [int] $N = 7 }; $k = [K]; $k::N')).toBe('7\n');
  });

  it('takes a type name as text, and refuses a name that is no type', async () => {
    const { run } = everydaySession();
    expect(await run('"System.Math"::Max(1, 2); $x = "nope"; try { $x::Foo } catch { $_.FullyQualifiedErrorId }')).toBe('2\nTypeNotFound\n');
  });
});

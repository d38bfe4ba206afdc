// -split with a maximum, options (SimpleMatch, RegexMatch, IgnoreCase, Multiline, ...),
// script-block delimiters, -csplit/-isplit, and the option errors (issue 11).
import { describe, expect, it } from 'vitest';
import { everydaySession } from '../cmdlets/everyday-session.js';

describe('-split', () => {
  it('takes a maximum and options', async () => {
    const { run } = everydaySession();
    expect(await run('("a,b,c" -split ",", 2) -join "|"')).toBe('a|b,c\n');
    expect(await run('("a.b.c" -split ".", 0, "SimpleMatch") -join "|"')).toBe('a|b|c\n');
    expect(await run('("aXbxc" -split "x", 0, "RegexMatch,IgnoreCase") -join "|"')).toBe('a|b|c\n');
    expect(await run('("a`nb" -split "^", 0, "Multiline").Count')).toBe('2\n');
    expect(await run('("a b#c" -split " b \\# ", 0, "IgnorePatternWhitespace") -join "|"')).toBe('a |c\n');
    expect(await run('("a1b" -split "(\\d)", 0, "ExplicitCapture") -join "|"')).toBe('a|b\n');
    expect(await run('("a1b" -split "(\\d)") -join "|"')).toBe('a|1|b\n');
  });

  it('-csplit is case-sensitive, -isplit is not', async () => {
    const { run } = everydaySession();
    expect(await run('("aXbxc" -csplit "x") -join "|"; ("aXbxc" -isplit "x") -join "|"; ("aXbxc" -split "x") -join "|"')).toBe('aXb|c\na|b|c\na|b|c\n');
  });

  it('splits where a script block is true, with $_ the character and $args the string and index', async () => {
    const { run } = everydaySession();
    expect(await run('("a1b2c" -split {$_ -match "\\d"}) -join "|"')).toBe('a|b|c\n');
    expect(await run('("a1b2c3d" -split {$_ -match "\\d"}, 2) -join "|"')).toBe('a|b2c3d\n');
    expect(await run('("abcd" -split {$args[1] -eq 2}) -join "|"')).toBe('ab|d\n');
    expect(await run('$sb = {$_ -eq "-"}; ("x-y","p-q" -split $sb) -join "|"')).toBe('x|y|p|q\n');
  });

  it('refuses bad options as PowerShell does', async () => {
    const { run } = everydaySession();
    expect(await run('try { "x" -split ",", 0, "SimpleMatch,Multiline" } catch { $_.FullyQualifiedErrorId }')).toBe('InvalidSplitOptionCombination\n');
    expect(await run('try { "x" -split {$true}, 0, "IgnoreCase" } catch { $_.FullyQualifiedErrorId }')).toBe('InvalidSplitOptionWithPredicate\n');
    expect(await run('try { "x" -split ",", 0, "Bogus" } catch { $_.Exception.Message }')).toContain('System.Management.Automation.SplitOptions');
  });
});

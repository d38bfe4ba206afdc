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

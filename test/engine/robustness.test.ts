// Regressions found by the fuzz test (fuzz.test.ts) and its hand-written companions: each input
// once crashed with an internal error, leaked JS text, or blocked the event loop.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let sh: Captured;
beforeAll(async () => {
  sh = await capturedSession();
});
afterAll(async () => {
  await sh?.close();
});

/** The first line of what a run printed, and the FullyQualifiedErrorId line if any. */
async function firstLineAndId(text: string): Promise<[string, string | undefined]> {
  const { out } = await sh.run(text);
  const lines = out.split('\n');
  return [lines.find((l) => l.trim() !== '') ?? '', lines.find((l) => l.includes('FullyQualifiedErrorId'))?.replace(/^.*: /, '')];
}

describe('allocation limits', () => {
  it('@(1) * 1e9 fails at once with a clear error instead of blocking for seconds', async () => {
    expect(await firstLineAndId('@(1) * 1e9')).toEqual(['The array is too big: emsh supports arrays of up to 50,000,000 elements.', 'ArrayTooBig']);
    expect((await firstLineAndId('$x = 1,2,3; $x *= 2e7'))[1]).toBe('ArrayTooBig');
    expect((await sh.run('(@(1, 2) * 3).Count')).out).toBe('6\n');
  });

  it("a string too long for memory is .NET's OutOfMemoryException, not an internal error", async () => {
    expect(await firstLineAndId("'a' * 1e9")).toEqual(["Exception of type 'System.OutOfMemoryException' was thrown.", 'System.OutOfMemoryException']);
    expect(await firstLineAndId("'abc'.PadLeft(1e9)")).toEqual([
      `Exception calling "PadLeft" with "1" argument(s): "Exception of type 'System.OutOfMemoryException' was thrown."`,
      'MethodInvocationException',
    ]);
  });
});

describe('deep and long values', () => {
  it('multiplying a long array neither overflows the JS stack nor changes the result', async () => {
    expect((await sh.run('$big = 1..400000; $big *= 3; $big.Count; $big[400000]')).out).toBe('1200000\n1\n');
    expect((await sh.run("(1, 2) * 3 -join ','; (@(1) * -2).Count")).out).toBe('1,2,1,2,1,2\n0\n');
  });

  it('a value nested beyond the JS stack is InsufficientExecutionStackException, not an internal error', async () => {
    const [line, id] = await firstLineAndId('$x = @(); for ($i = 0; $i -lt 20000; $i++) { $x = ,$x }; "$x".Length');
    expect(line).toMatch(/^Insufficient stack to continue executing the program safely\./);
    expect(id).toBe('InsufficientExecutionStackException');
  });
});

describe('throw', () => {
  it("a value with no text says ScriptHalted, as throw $null does (never an empty message)", async () => {
    expect(await firstLineAndId("throw ''")).toEqual(['ScriptHalted', 'ScriptHalted']);
    expect((await sh.run('try { throw (0)[(1..11)] } catch { $_.Exception.Message }')).out).toBe('ScriptHalted\n');
  });
});

describe('.NET-like methods and conversions', () => {
  it('a DateTime out of range is an ArgumentOutOfRangeException, never "undefined, undefined NaN"', async () => {
    const [line, id] = await firstLineAndId('[DateTime]::Now.AddDays(1e10)');
    expect(line).toBe('Exception calling "AddDays" with "1" argument(s): "The added or subtracted value results in an un-representable DateTime."');
    expect(id).toBe('ArgumentOutOfRangeException');
    expect((await firstLineAndId('[datetime]::MaxValue.AddDays(1)'))[1]).toBe('ArgumentOutOfRangeException');
    expect((await firstLineAndId('(Get-Date).AddYears(1e6)'))[1]).toBe('ArgumentOutOfRangeException');
  });

  it('[datetime]::MinValue is the year 1, not 1901', async () => {
    expect((await sh.run('[datetime]::MinValue.Year; [datetime]::MinValue.AddDays(1).Day')).out).toBe('1\n2\n');
    expect((await firstLineAndId('[datetime]::MinValue.AddDays(-1)'))[1]).toBe('ArgumentOutOfRangeException');
  });

  it("[regex]'(' is a conversion error", async () => {
    expect(await firstLineAndId("[regex]'('")).toEqual([
      'Cannot convert value "(" to type "System.Text.RegularExpressions.Regex". Error: "parsing "(" - Unterminated group."',
      'InvalidCastConstructorException',
    ]);
  });

  it('the error can be caught like any other', async () => {
    expect((await sh.run("try { [regex]'(' } catch { 'caught' }")).out).toBe('caught\n');
  });
});

describe('core cmdlets given $null', () => {
  it('New-Item -ItemType $null makes a file, as without -ItemType', async () => {
    expect(await sh.run('(New-Item C:\\ni.txt -ItemType $null -Value v).Name; Get-Content C:\\ni.txt')).toEqual({ out: 'ni.txt\nv\n', ok: true, exitCode: undefined });
  });

  it('a $null element in a String[] parameter names nothing (it used to crash the wildcard matching)', async () => {
    await sh.run("$nullPat = 'x'");
    for (const text of [
      "Get-Alias -Name @('gcm', $null)",
      "Get-Alias -Definition @('Get-Command', $null)",
      "Get-Alias gcm -Exclude @('x', $null)",
      "Get-Command -Name @('Get-Date', $null)",
      "Get-Command -Verb @('Get', $null) -Noun @('Date', $null)",
      "Get-Variable -Name @('nullPat', $null) -Include @('null*', $null) -Exclude @('zz', $null)",
      "[pscustomobject]@{a=1; b=2} | Select-Object -Property * -ExcludeProperty @('b', $null)",
      "Get-ChildItem C:\\ -Include @('*', $null) -Exclude @('zz', $null)",
      "Import-Csv -Path @('C:\\nope.csv', $null)",
    ]) {
      const r = await sh.run(text);
      expect(r.out, text).not.toContain('EmshInternalError');
    }
    expect((await sh.run("Get-Alias -Name @('gcm', $null) | ForEach-Object Definition")).out).toBe('Get-Command\n');
    expect((await sh.run("(Get-Variable -Name @('nullPat', $null)).Value")).out).toBe('x\n');
  });

  it('ConvertFrom-Csv -Header with a $null element', async () => {
    expect((await sh.run("('1,2' | ConvertFrom-Csv -Header @('a', $null)).a")).out).toBe('1\n');
  });

  it("Get-Date -Format with an invalid .NET format string is 5.1's FormatException", async () => {
    expect(await firstLineAndId('Get-Date -Format 0')).toEqual([
      'Get-Date : Input string was not in a correct format.',
      'System.FormatException,Microsoft.PowerShell.Commands.GetDateCommand',
    ]);
  });

  it('Get-Help $null shows the overview as Get-Help alone does', async () => {
    const alone = (await sh.run('Get-Help')).out;
    const r = await sh.run('Get-Help $null');
    expect(r.ok).toBe(true);
    expect(r.out).toBe(alone);
  });
});

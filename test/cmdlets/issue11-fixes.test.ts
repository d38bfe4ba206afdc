// Issue 11, "other fixes found": each checked against what Windows PowerShell 5.1 does.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let c: Captured;
beforeEach(async () => {
  c = await capturedSession();
});
afterEach(async () => {
  await c.close();
});

describe('issue 11 fixes', () => {
  it('[IO.File]::WriteAllBytes with $null bytes throws ArgumentNullException in a MethodInvocationException, and writes nothing', async () => {
    const { out } = await c.run(
      'try { [IO.File]::WriteAllBytes("C:\\nb.bin", $null) } catch { $_.Exception.GetType().FullName; $_.Exception.Message -replace "`r`n", "|" }; Test-Path C:\\nb.bin',
    );
    expect(out).toBe(
      'System.Management.Automation.MethodInvocationException\n' +
        'Exception calling "WriteAllBytes" with "2" argument(s): "Value cannot be null.|Parameter name: bytes"\nFalse\n',
    );
  });

  it('Get-Date -Format has the file-name formats FileDate, FileDateTime and their Universal forms', async () => {
    const { out } = await c.run(
      "$d = Get-Date -Date '2026-01-15 08:30:05.123'; 'FileDate', 'filedatetime', 'FileDateUniversal', 'FileDateTimeUniversal' | % { Get-Date -Date $d -Format $_ }",
    );
    const utc = await c.run("(Get-Date -Date '2026-01-15 08:30:05.123').ToUniversalTime().ToString('yyyyMMddTHHmmssffff')");
    expect(out).toBe(`20260115\n20260115T0830051230\n${utc.out.slice(0, 8)}Z\n${utc.out.trim()}Z\n`);
  });

  it('Select-Object passes over $null input', async () => {
    expect((await c.run('@($null | Select-Object -Property a, b).Count; @(1, $null, 2 | Select-Object -First 2) -join ","')).out).toBe('0\n1,2\n');
  });

  it('Sort-Object leaves $null input out and puts objects without the property last, in both directions', async () => {
    expect((await c.run('(3, $null, 1 | Sort-Object) -join ","')).out).toBe('1,3\n');
    const objs = '$o = [pscustomobject]@{a=2}, [pscustomobject]@{b=9}, [pscustomobject]@{a=$null}, [pscustomobject]@{a=1}';
    expect((await c.run(`${objs}; ($o | Sort-Object a | % { "$($_.a)/$($_.b)" }) -join ","`)).out).toBe('/,1/,2/,/9\n');
    expect((await c.run(`${objs}; ($o | Sort-Object a -Descending | % { "$($_.a)/$($_.b)" }) -join ","`)).out).toBe('2/,1/,/,/9\n');
  });

  it('a UNC path keeps the machine and share as typed', async () => {
    expect((await c.run('(Get-ChildItem \\\\ex2007ee\\C$ | Select-Object -First 1).FullName')).out).toBe('\\\\ex2007ee\\C$\\Users\n');
  });
});

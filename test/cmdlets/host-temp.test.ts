// Get-Host, New-TemporaryFile and Update-List (issue 11).
import { describe, expect, it } from 'vitest';
import { everydaySession } from './everyday-session.js';

describe('Get-Host and New-TemporaryFile', () => {
  it('Get-Host returns $Host itself', async () => {
    const { run } = everydaySession();
    expect(await run('(Get-Host) -eq $Host; (Get-Host).PSObject.TypeNames[0]')).toBe('True\nSystem.Management.Automation.Internal.Host.InternalHost\n');
  });

  it('New-TemporaryFile makes an empty tmpXXXX.tmp in the temporary folder; -WhatIf makes none', async () => {
    const { run } = everydaySession();
    const out = await run('$t = New-TemporaryFile; $t.GetType().FullName; $t.FullName -like "$([System.IO.Path]::GetTempPath())tmp*.tmp"; $t.Length; Test-Path $t.FullName');
    expect(out).toBe('System.IO.FileInfo\nTrue\n0\nTrue\n');
    expect(await run('New-TemporaryFile -WhatIf')).toBe('What if: Performing the operation "New-TemporaryFile" on target "C:\\Users\\Administrator\\AppData\\Local\\Temp".\n');
    expect(await run('(Get-Command New-TemporaryFile).OutputType.Name')).toBe('System.IO.FileInfo\n');
  });
});

describe('[System.IO.Path]::GetTempFileName()', () => {
  it('makes the empty file it names in the same folder as New-TemporaryFile, as .NET does', async () => {
    const { run } = everydaySession();
    expect(await run('$n = [System.IO.Path]::GetTempFileName(); Test-Path $n; (Get-Item $n).Length; (Split-Path $n) -eq (New-TemporaryFile).DirectoryName')).toBe('True\n0\nTrue\n');
  });
});

describe('Update-List', () => {
  it('changes a list property in place and writes the object; without an object it returns the changes', async () => {
    const { run } = everydaySession();
    expect(await run('$o = [pscustomobject]@{ a = [System.Collections.ArrayList]::new(@(1,2,3)) }; ($o | Update-List -Property a -Remove 2 -Add 4).a -join ","; Update-List -InputObject $o -Property a -Replace 7,8 | Out-Null; $o.a -join ","')).toBe(
      '1,3,4\n7,8\n',
    );
    expect(await run('$h = Update-List -Add 1 -Remove 2; $h.GetType().Name; $h.Add; $h.Remove')).toBe('Hashtable\n1\n2\n');
    expect(await run('[pscustomobject]@{ a = 1,2 } | Update-List -Property a -Add 3 2>&1 | % FullyQualifiedErrorId')).toBe('ApplyFailed,Microsoft.PowerShell.Commands.UpdateListCommand\n');
    expect(await run('[pscustomobject]@{ a = 1 } | Update-List -Property b -Add 3 2>&1 | % FullyQualifiedErrorId')).toBe('MemberDoesntExist,Microsoft.PowerShell.Commands.UpdateListCommand\n');
  });
});

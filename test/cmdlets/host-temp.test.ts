// Get-Host and New-TemporaryFile (issue 11).
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

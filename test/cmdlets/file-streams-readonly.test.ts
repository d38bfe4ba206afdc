// Alternate data streams, the ReadOnly attribute, Set-ItemProperty, Unblock-File and Rename-Item
// on the lab drive (issue 11, fsc).
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { everydaySession } from './everyday-session.js';

const BLOCK = "Set-Content -Value \"[ZoneTransfer]`r`nZoneId=4\" -Path C:\\dl\\a.ps1 -Stream Zone.Identifier";

describe('alternate data streams', () => {
  it('Set-Content -Stream makes the file and the stream; Get-Content / Get-Item -Stream read them; listings do not show them', async () => {
    const { run } = everydaySession();
    await run('New-Item C:\\dl -ItemType Directory | Out-Null');
    expect(await run(`${BLOCK}; Get-ChildItem C:\\dl | % Name; (Get-Item C:\\dl\\a.ps1).Length`)).toBe('a.ps1\n0\n');
    expect(await run('Get-Content C:\\dl\\a.ps1 -Stream Zone.Identifier')).toBe('[ZoneTransfer]\nZoneId=4\n');
    expect(await run("Get-Item C:\\dl\\a.ps1 -Stream * | % { $_.Stream + ' ' + $_.Length }; (Get-Item C:\\dl\\a.ps1 -Stream zone.identifier).FileName")).toBe(
      ':$DATA 0\nZone.Identifier 26\nC:\\dl\\a.ps1\n',
    );
    expect(await run("Add-Content C:\\dl\\a.ps1 -Stream Zone.Identifier -Value 'x'; (Get-Content C:\\dl\\a.ps1 -Stream Zone.Identifier)[-1]")).toBe('x\n');
    // 5.1's FileSystemStream view: grouped by file, Stream and Length.
    expect(await run('Get-Item C:\\dl\\a.ps1 -Stream *')).toBe(
      '\n\n   FileName: C:\\dl\\a.ps1\n\nStream                   Length\n------                   ------\n:$DATA                        0\nZone.Identifier              29\n\n\n',
    );
  });

  it('a missing stream is GetContentReaderFileNotFoundError / AlternateDataStreamNotFound; Remove-Item -Stream removes only the stream', async () => {
    const { run } = everydaySession();
    await run("New-Item C:\\dl -ItemType Directory | Out-Null; Set-Content C:\\dl\\a.ps1 'body'");
    expect(await run('try { Get-Content C:\\dl\\a.ps1 -Stream Zone.Identifier -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }')).toBe(
      "GetContentReaderFileNotFoundError,Microsoft.PowerShell.Commands.GetContentCommand\nCould not open the alternate data stream 'Zone.Identifier' of the file 'C:\\dl\\a.ps1'.\n",
    );
    expect(await run('Get-Item C:\\dl\\a.ps1 -Stream nope 2>&1 | % FullyQualifiedErrorId')).toBe('AlternateDataStreamNotFound,Microsoft.PowerShell.Commands.GetItemCommand\n');
    expect(await run(`${BLOCK}; Remove-Item C:\\dl\\a.ps1 -Stream Zone.Identifier; (Get-Item C:\\dl\\a.ps1 -Stream *).Stream; Get-Content C:\\dl\\a.ps1`)).toBe(':$DATA\nbody\n');
  });

  it('streams go with their file: Copy-Item copies them, Rename-Item and Move-Item carry them, Remove-Item deletes them', async () => {
    const { run, home } = everydaySession();
    await run(`New-Item C:\\dl -ItemType Directory | Out-Null; ${BLOCK}`);
    expect(await run('Copy-Item C:\\dl\\a.ps1 C:\\dl\\c.ps1; Get-Content C:\\dl\\c.ps1 -Stream Zone.Identifier | Select-Object -Last 1')).toBe('ZoneId=4\n');
    expect(await run('Rename-Item C:\\dl\\c.ps1 d.ps1; (Get-Item C:\\dl\\d.ps1 -Stream Zone.Identifier).Length')).toBe('26\n');
    expect(await run('Move-Item C:\\dl\\d.ps1 C:\\e.ps1; (Get-Item C:\\e.ps1 -Stream Zone.Identifier).Length')).toBe('26\n');
    await run('Remove-Item C:\\dl\\a.ps1, C:\\e.ps1');
    const drive = `${home}/labs/default/machines/EX2007EE/C`;
    expect(readdirSync(`${drive}/dl`)).toEqual([]);
    expect(readdirSync(drive).filter((n) => n.includes(':'))).toEqual([]);
  });
});

describe('the ReadOnly attribute', () => {
  it('Set-ItemProperty IsReadOnly makes a file read-only (Mode, IsReadOnly, Attributes); writes and deletes are refused without -Force', async () => {
    const { run } = everydaySession();
    await run("Set-Content C:\\r.txt 'one'; Set-ItemProperty -Path C:\\r.txt -Name IsReadOnly -Value $true");
    expect(await run('$f = Get-ChildItem C:\\r.txt; $f.IsReadOnly; $f.Mode; $f.Attributes')).toBe('True\n-ar---\nReadOnly, Archive\n');
    expect(await run("Set-Content C:\\r.txt 'two' 2>&1 | % FullyQualifiedErrorId; Get-Content C:\\r.txt")).toBe(
      'UnauthorizedAccessError,Microsoft.PowerShell.Commands.SetContentCommand\none\n',
    );
    expect(await run('Remove-Item C:\\r.txt 2>&1 | % { $_.FullyQualifiedErrorId; $_.Exception.Message }; Test-Path C:\\r.txt')).toBe(
      'RemoveFileSystemItemUnAuthorizedAccess,Microsoft.PowerShell.Commands.RemoveItemCommand\nCannot remove item C:\\r.txt: You do not have sufficient access rights to perform this operation.\nTrue\n',
    );
  });

  it('-Force writes a read-only file and keeps it read-only (Set-Content, Add-Content, Out-File); Remove-Item -Force deletes it', async () => {
    const { run } = everydaySession();
    await run("Set-Content C:\\r.txt 'one'; (Get-Item C:\\r.txt).IsReadOnly = $true");
    expect(await run("Add-Content C:\\r.txt 'two' -Force; Get-Content C:\\r.txt; (Get-Item C:\\r.txt).IsReadOnly")).toBe('one\ntwo\nTrue\n');
    expect(await run("'three' | Out-File C:\\r.txt -Append -Force -Encoding ascii; (Get-Content C:\\r.txt)[-1]; (Get-Item C:\\r.txt).IsReadOnly")).toBe('three\nTrue\n');
    expect(await run("try { 'x' | Out-File C:\\r.txt } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }")).toBe(
      "FileOpenFailure,Microsoft.PowerShell.Commands.OutFileCommand\nAccess to the path 'C:\\r.txt' is denied.\n",
    );
    expect(await run("try { Export-Alias C:\\r.txt gci } catch { $_.FullyQualifiedErrorId }; Export-Alias C:\\r.txt gci -Force; (Get-Content C:\\r.txt)[-1]")).toBe(
      'FileOpenFailure,Microsoft.PowerShell.Commands.ExportAliasCommand\n"gci","Get-ChildItem","","AllScope"\n',
    );
    expect(await run('Remove-Item C:\\r.txt -Force; Test-Path C:\\r.txt')).toBe('False\n');
  });

  it('Set-ItemProperty: Attributes, -InputObject, -PassThru, -WhatIf and its errors', async () => {
    const { run } = everydaySession();
    await run("Set-Content C:\\p.txt 'x'");
    expect(await run("Set-ItemProperty C:\\p.txt Attributes 'ReadOnly, Archive'; (Get-Item C:\\p.txt).IsReadOnly; Set-ItemProperty C:\\p.txt -Name Attributes -Value Normal; (Get-Item C:\\p.txt).IsReadOnly")).toBe('True\nFalse\n');
    expect(await run("$o = Set-ItemProperty C:\\p.txt -InputObject ([pscustomobject]@{ IsReadOnly = $true }) -PassThru; $o.IsReadOnly; $o.PSChildName; (Get-Item C:\\p.txt).IsReadOnly")).toBe('True\np.txt\nTrue\n');
    expect(await run('Set-ItemProperty C:\\p.txt IsReadOnly $false -WhatIf; (Get-Item C:\\p.txt).IsReadOnly')).toBe(
      'What if: Performing the operation "Set Property File" on target "Item: C:\\p.txt Property: IsReadOnly Value: False".\nTrue\n',
    );
    expect(await run('Set-ItemProperty C:\\p.txt -Name Nope -Value 1 2>&1 | % { $_.FullyQualifiedErrorId; $_.Exception.Message }')).toBe(
      'SetPropertyError,Microsoft.PowerShell.Commands.SetItemPropertyCommand\nThe property Nope does not exist or was not found.\n',
    );
    expect(await run("Set-ItemProperty C:\\p.txt -Name Attributes -Value Compressed 2>&1 | % FullyQualifiedErrorId; Set-ItemProperty C:\\none.txt IsReadOnly $true 2>&1 | % FullyQualifiedErrorId")).toBe(
      'SetPropertyError,Microsoft.PowerShell.Commands.SetItemPropertyCommand\nPathNotFound,Microsoft.PowerShell.Commands.SetItemPropertyCommand\n',
    );
  });
});

describe('read-only files with Copy-Item and Move-Item', () => {
  it('Move-Item renames a read-only file (no copy left behind); Copy-Item keeps ReadOnly and needs -Force over a read-only target', async () => {
    const { run } = everydaySession();
    await run("Set-Content C:\\ro.txt 'a'; Set-ItemProperty C:\\ro.txt IsReadOnly $true; Set-Content C:\\x.txt 'b'");
    expect(await run('Copy-Item C:\\ro.txt C:\\ro2.txt; (Get-Item C:\\ro2.txt).IsReadOnly; Copy-Item C:\\x.txt C:\\ro2.txt 2>&1 | % FullyQualifiedErrorId')).toBe(
      'True\nUnauthorizedAccessError,Microsoft.PowerShell.Commands.CopyItemCommand\n',
    );
    expect(await run('Copy-Item C:\\x.txt C:\\ro2.txt -Force; Get-Content C:\\ro2.txt; (Get-Item C:\\ro2.txt).IsReadOnly')).toBe('b\nFalse\n');
    expect(await run('Move-Item C:\\ro.txt C:\\ro3.txt; Test-Path C:\\ro.txt; (Get-Item C:\\ro3.txt).IsReadOnly; Get-Content C:\\ro3.txt')).toBe('False\nTrue\na\n');
    expect(await run('Move-Item C:\\x.txt C:\\ro3.txt -Force; Get-Content C:\\ro3.txt; Test-Path C:\\x.txt')).toBe('b\nFalse\n');
  });
});

describe('Unblock-File', () => {
  it('removes Zone.Identifier; an unblocked file and a folder are no error; a missing file is FileNotFound', async () => {
    const { run } = everydaySession();
    await run(`New-Item C:\\dl -ItemType Directory | Out-Null; ${BLOCK}`);
    expect(await run('Unblock-File -Path C:\\dl\\a.ps1; (Get-Item C:\\dl\\a.ps1 -Stream *).Stream; Unblock-File -LiteralPath C:\\dl\\a.ps1, C:\\dl -ErrorAction Stop; "ok"')).toBe(':$DATA\nok\n');
    expect(await run('try { Unblock-File -Path C:\\dl\\none.ttt -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }')).toBe('FileNotFound,Microsoft.PowerShell.Commands.UnblockFileCommand\n');
    expect(await run('try { Unblock-File -LiteralPath C:\\dl\\none.ttt -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }')).toBe(
      'FileNotFound,Microsoft.PowerShell.Commands.UnblockFileCommand\nObjectNotFound\n',
    );
    expect(await run(`${BLOCK}; Get-ChildItem C:\\dl | Unblock-File; @(Get-Item C:\\dl\\a.ps1 -Stream Zone.Identifier -ErrorAction SilentlyContinue).Count`)).toBe('0\n');
  });

  it('a read-only file cannot be unblocked (RemoveItemUnableToAccessFile) and keeps its mark; -WhatIf changes nothing', async () => {
    const { run } = everydaySession();
    await run(`New-Item C:\\dl -ItemType Directory | Out-Null; ${BLOCK}`);
    expect(await run('Unblock-File C:\\dl\\a.ps1 -WhatIf; (Get-Item C:\\dl\\a.ps1 -Stream Zone.Identifier).Stream')).toBe(
      'What if: Performing the operation "Unblock-File" on target "C:\\dl\\a.ps1".\nZone.Identifier\n',
    );
    expect(await run('Set-ItemProperty C:\\dl\\a.ps1 IsReadOnly $true; try { Unblock-File -LiteralPath C:\\dl\\a.ps1 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }; (Get-Item C:\\dl\\a.ps1 -Stream Zone.Identifier).Stream')).toBe(
      'RemoveItemUnableToAccessFile,Microsoft.PowerShell.Commands.UnblockFileCommand\nZone.Identifier\n',
    );
  });
});

describe('Rename-Item', () => {
  it('renames in place, keeps ReadOnly, refuses a taken name, another folder and a missing item', async () => {
    const { run } = everydaySession();
    await run("Set-Content C:\\a.txt 'x'; Set-Content C:\\b.txt 'y'; New-Item C:\\sub -ItemType Directory | Out-Null");
    expect(await run('Rename-Item C:\\a.txt c.txt; Test-Path C:\\a.txt, C:\\c.txt')).toBe('False\nTrue\n');
    expect(await run('Rename-Item C:\\c.txt C:\\d.txt -PassThru | % Name')).toBe('d.txt\n');
    expect(await run('Rename-Item C:\\d.txt b.txt 2>&1 | % FullyQualifiedErrorId; Get-Content C:\\b.txt')).toBe('RenameFileItemIOError,Microsoft.PowerShell.Commands.RenameItemCommand\ny\n');
    expect(await run('Rename-Item C:\\d.txt C:\\sub\\d.txt 2>&1 | % FullyQualifiedErrorId')).toBe('Argument,Microsoft.PowerShell.Commands.RenameItemCommand\n');
    expect(await run('Rename-Item C:\\none.txt z.txt 2>&1 | % { $_.FullyQualifiedErrorId; $_.Exception.Message }')).toBe(
      "InvalidOperation,Microsoft.PowerShell.Commands.RenameItemCommand\nCannot rename because item at 'C:\\none.txt' does not exist.\n",
    );
    expect(await run('(Get-Item C:\\d.txt).IsReadOnly = $true; Rename-Item C:\\d.txt e.txt; (Get-Item C:\\e.txt).IsReadOnly; Rename-Item C:\\sub folder; Test-Path C:\\folder')).toBe('True\nTrue\n');
    expect(await run('Rename-Item C:\\e.txt E.TXT; Get-ChildItem C:\\ -Filter e.txt | % Name')).toBe('E.TXT\n');
  });
});

// Delay-bind script blocks: a script block given to a parameter that takes pipeline input (and is
// not of a type a script block is a value of) runs per pipeline object with $_ (issue 11, fsc).
import { describe, expect, it } from 'vitest';
import { everydaySession } from '../cmdlets/everyday-session.js';

describe('delay-bind script blocks', () => {
  it('Rename-Item -NewName { ... } and Copy-Item -Destination { ... } take each object', async () => {
    const { run } = everydaySession();
    await run("New-Item C:\\d -ItemType Directory | Out-Null; Set-Content C:\\d\\a.txt x; Set-Content C:\\d\\b.txt y");
    expect(await run("Get-ChildItem C:\\d | Rename-Item -NewName { $_.Name -replace 'txt$', 'log' }; Get-ChildItem C:\\d | % Name")).toBe('a.log\nb.log\n');
    expect(await run("Get-ChildItem C:\\d | Copy-Item -Destination { 'C:\\d\\' + $_.BaseName + '.bak' }; (Get-ChildItem C:\\d).Count")).toBe('4\n');
  });

  it('without pipeline input it is ScriptBlockArgumentNoInput; no output is ScriptBlockArgumentNoOutput, per object', async () => {
    const { run } = everydaySession();
    await run('Set-Content C:\\a.txt x');
    expect(await run("try { Rename-Item C:\\a.txt -NewName { 'b.txt' } } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }; Test-Path C:\\a.txt")).toBe(
      'ScriptBlockArgumentNoInput,Microsoft.PowerShell.Commands.RenameItemCommand\nMetadataError\nTrue\n',
    );
    expect(await run("Get-Item C:\\a.txt | Rename-Item -NewName { } 2>&1 | % { $_.FullyQualifiedErrorId; $_.Exception.Message }")).toBe(
      "ScriptBlockArgumentNoOutput,Microsoft.PowerShell.Commands.RenameItemCommand\nCannot evaluate parameter 'NewName' because its argument input did not produce any output.\n",
    );
    expect(await run("Get-Item C:\\a.txt | Rename-Item -NewName { throw 'bad' } 2>&1 | % FullyQualifiedErrorId; 'next'")).toBe(
      'ScriptBlockArgumentInvocationFailed,Microsoft.PowerShell.Commands.RenameItemCommand\nnext\n',
    );
  });

  it('advanced functions delay-bind too; Object and ScriptBlock parameters take the block itself', async () => {
    const { run } = everydaySession();
    expect(await run("function f { param([Parameter(ValueFromPipelineByPropertyName)][string]$Name) process { \"[$Name]\" } }; [pscustomobject]@{ X = 'q' }, [pscustomobject]@{ X = 'r' } | f -Name { $_.X.ToUpper() }")).toBe(
      '[Q]\n[R]\n',
    );
    expect(await run("function g { param([Parameter(ValueFromPipelineByPropertyName)][object]$Name) process { $Name.GetType().Name } }; g -Name { 1 }")).toBe('ScriptBlock\n');
    expect(await run("1, 2 | ForEach-Object -Process { $_ * 2 }")).toBe('2\n4\n');
  });
});

// System.Version, PSTypeName, Type.IsPublic/IsSerializable, and what New-Object makes of arrays,
// value types and -ComObject (issue 11).
import { describe, expect, it } from 'vitest';
import { everydaySession } from './everyday-session.js';

describe('System.Version', () => {
  it('converts from text, compares part by part, prints as 5.1 does', async () => {
    const { run } = everydaySession();
    expect(await run('$v = [version]"1.2.3.4"; $v.Major; $v.Revision; "$v"; $v.GetType().FullName; [version]"1.10" -gt [version]"1.9"; [version]"2.0" -eq "2.0"; ([version]"1.2").Build')).toBe(
      '1\n4\n1.2.3.4\nSystem.Version\nTrue\nTrue\n-1\n',
    );
    expect(await run('$PSVersionTable.PSVersion')).toBe('\nMajor  Minor  Build  Revision\n-----  -----  -----  --------\n5      1      14393  5582\n\n\n');
    expect(await run('@([version]"2.0", [version]"1.10", [version]"1.5") | Sort-Object | ForEach-Object ToString')).toBe('1.5\n1.10\n2.0\n');
  });

  it("New-Object, ::new, ::Parse and ::TryParse; bad text is .NET's error", async () => {
    const { run } = everydaySession();
    expect(await run('$o = New-Object -TypeName System.Version -ArgumentList "1.2.3.4"; $o.GetType() -eq [System.Version]; $o -ceq "1.2.3.4"; [version]::new(3, 1).ToString(); [version]::Parse("4.5.6").Build')).toBe(
      'True\nTrue\n3.1\n6\n',
    );
    expect(await run('$v = $null; [version]::TryParse("2.7", [ref]$v); $v.Minor; [version]::TryParse("x", [ref]$v)')).toBe('True\n7\nFalse\n');
    expect(await run('try { [version]"abc" } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }')).toBe(
      'InvalidCastParseTargetInvocation\nCannot convert value "abc" to type "System.Version". Error: "Version string portion was too short or too long."\n',
    );
  });
});

describe('New-Object and types', () => {
  it('makes arrays of a length and value types at their default', async () => {
    const { run } = everydaySession();
    expect(await run('$a = New-Object -TypeName int[] -Arg 10; $a.Count; $a.GetType().FullName; $a[9]; [int[]]::new(2) -join ","')).toBe('10\nSystem.Int32[]\n0\n0,0\n');
    expect(await run('$c = New-Object -TypeName char; $c.GetType().FullName; [int]$c')).toBe('System.Char\n0\n');
  });

  it('-ComObject exists and fails as on a machine with no COM class registered', async () => {
    const { run } = everydaySession();
    expect(await run('(Get-Command New-Object).Parameters.ContainsKey("ComObject"); try { New-Object -ComObject Shell.Application } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }')).toBe(
      'True\nNoCOMClassIdentified,Microsoft.PowerShell.Commands.NewObjectCommand\nResourceUnavailable\n',
    );
  });

  it('GetType() of a custom object: public, not serializable; PSTypeName finds types and script classes', async () => {
    const { run } = everydaySession();
    expect(await run('$t = (New-Object psobject).GetType(); $t.IsPublic; $t.IsSerializable; $t.Name; [int].IsSerializable')).toBe('True\nFalse\nPSCustomObject\nTrue\n');
    expect(await run('$null -eq ([System.Management.Automation.PSTypeName]"NoSuchType").Type; ([System.Management.Automation.PSTypeName]"int").Type.FullName; class Emp { }; ([System.Management.Automation.PSTypeName]"Emp").Type.Name')).toBe(
      'True\nSystem.Int32\nEmp\n',
    );
  });
});

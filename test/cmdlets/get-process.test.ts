// Get-Process on the lab machine (issue 11, fsc).
import { describe, expect, it } from 'vitest';
import { everydaySession } from './everyday-session.js';

describe('Get-Process', () => {
  it("lists the machine's processes in name order with 5.1's table; -Id $PID is the shell", async () => {
    const { run } = everydaySession();
    const table = await run('Get-Process');
    expect(table.split('\n').slice(1, 3)).toEqual(['Handles  NPM(K)    PM(K)      WS(K)     CPU(s)     Id  SI ProcessName', '-------  ------    -----      -----     ------     --  -- -----------']);
    expect(table).toContain('    531      30    51012      64948       1.53   4812   1 powershell\n');
    expect(await run('$p = Get-Process -Id $PID; $p.ProcessName; $p.Name; $p.Id -eq $PID; $p.GetType().FullName; "$p"; $p.Path')).toBe(
      'powershell\npowershell\nTrue\nSystem.Diagnostics.Process\nSystem.Diagnostics.Process (powershell)\nC:\\Windows\\system32\\WindowsPowerShell\\v1.0\\powershell.exe\n',
    );
    expect(await run("(Get-Process svchost, s*).Count; (Get-Process | Select-Object -First 2 | % Name) -join ','; (Get-Process store).Path")).toBe(
      '9\ncsrss,csrss\nC:\\Program Files\\Microsoft\\Exchange Server\\bin\\store.exe\n',
    );
  });

  it('a name or id that matches nothing is ProcessCommandException; a wildcard that matches nothing is silent', async () => {
    const { run } = everydaySession();
    expect(await run('Get-Process -Name nosuch 2>&1 | % { $_.FullyQualifiedErrorId; $_.CategoryInfo.Reason }')).toBe(
      'NoProcessFoundForGivenName,Microsoft.PowerShell.Commands.GetProcessCommand\nProcessCommandException\n',
    );
    expect(await run('Get-Process -Id 1 2>&1 | % FullyQualifiedErrorId; @(Get-Process nosuch*).Count; $c = $Error.Count; Get-Process nosuch -ErrorAction Ignore; $Error.Count -eq $c')).toBe(
      'NoProcessFoundForGivenId,Microsoft.PowerShell.Commands.GetProcessCommand\n0\nTrue\n',
    );
  });

  it("the shell's modules expand with Select-Object; processes export to CSV with their type", async () => {
    const { run } = everydaySession();
    expect(await run('$m = Get-Process -Id $PID | Select-Object -Property Process* -ExcludeProperty ProcessorAffinity -ExpandProperty Modules; $m[0].ModuleName; $m[0].ProcessName; $null -eq $m[0].psobject.Properties.Item("ProcessorAffinity")')).toBe(
      'powershell.exe\npowershell\nTrue\n',
    );
    expect(await run('(Get-Process)[0..1] | Export-Csv C:\\p.csv; $i = Import-Csv C:\\p.csv; $i.Count; $i[0].psobject.TypeNames -join "|"; $i[0].ProcessName')).toBe('2\nSystem.Diagnostics.Process|CSV:System.Diagnostics.Process\ncsrss\n');
  });
});

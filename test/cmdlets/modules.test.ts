// Script modules: Import-Module, Get-Module, Remove-Module, New-Module, Export-ModuleMember (issue 11).
import { describe, expect, it } from 'vitest';
import { everydaySession } from './everyday-session.js';

const MODULE = [
  "New-Item C:\\Mods\\Certs -ItemType Directory -Force | Out-Null",
  "Set-Content C:\\Mods\\Certs\\Certs.psm1 @'",
  '$count = 0',
  'function Get-Expiring { $script:count++; "expiring $count from $PSScriptRoot" }',
  "function Helper { 'helper' }",
  'function Use-Helper { Helper }',
  'Set-Alias gex Get-Expiring',
  'Export-ModuleMember -Function Get-Expiring, Use-Helper -Alias gex',
  "'@",
].join('\n');

describe('script modules', () => {
  it('a .psm1 runs in its own scope: exported functions see its variables and private functions, $PSScriptRoot is its folder', async () => {
    const { run } = everydaySession();
    await run(MODULE);
    expect(await run('Import-Module C:\\Mods\\Certs; Get-Expiring; gex; Use-Helper; [bool](Get-Command Helper -ErrorAction SilentlyContinue); $count -eq $null')).toBe(
      'expiring 1 from C:\\Mods\\Certs\nexpiring 2 from C:\\Mods\\Certs\nhelper\nFalse\nTrue\n',
    );
    expect(await run('$m = Get-Module Certs; $m.Name; $m.ModuleType; $m.ExportedFunctions.Keys -join ","; (Get-Command Get-Expiring).Source; (Get-Command -Module Certs).Name -join ","')).toBe(
      'Certs\nScript\nGet-Expiring,Use-Helper\nCerts\ngex,Get-Expiring,Use-Helper\n',
    );
    expect(await run('Get-Module Certs | Remove-Module; [bool](Get-Command Get-Expiring -ErrorAction SilentlyContinue); @(Get-Module Certs).Count')).toBe('False\n0\n');
  });

  it('without Export-ModuleMember every function is exported; -PassThru writes the module; a manifest narrows the exports', async () => {
    const { run } = everydaySession();
    await run("New-Item C:\\M2 -ItemType Directory -Force | Out-Null; Set-Content C:\\M2\\two.psm1 'function A-One { 1 }; function A-Two { 2 }'");
    expect(await run('(Import-Module C:\\M2\\two.psm1 -PassThru).ExportedFunctions.Count; A-Two')).toBe('2\n2\n');
    await run("Set-Content C:\\M2\\two.psd1 \"@{ ModuleVersion = '1.2'; RootModule = 'two.psm1'; FunctionsToExport = 'A-One' }\"");
    expect(await run('Remove-Module two; $m = Import-Module C:\\M2\\two.psd1 -PassThru; "$($m.Version)"; $m.ModuleType; $m.ExportedFunctions.Keys; [bool](Get-Command A-Two -ErrorAction SilentlyContinue)')).toBe(
      '1.2\nManifest\nA-One\nFalse\n',
    );
  });

  it('finds a module by name under $env:PSModulePath; the built-in modules are always loaded', async () => {
    const { run } = everydaySession();
    await run("$d = ($env:PSModulePath -split ';')[0]; New-Item \"$d\\Tools\" -ItemType Directory -Force | Out-Null; Set-Content \"$d\\Tools\\Tools.psm1\" 'function Get-Tool { \"tool\" }'");
    expect(await run('Import-Module Tools; Get-Tool')).toBe('tool\n');
    expect(await run('Import-Module Microsoft.PowerShell.Management; (Import-Module Microsoft.PowerShell.Utility -PassThru).Version.ToString()')).toBe('3.1.0.0\n');
  });

  it("errors are 5.1's: a missing module, Export-ModuleMember outside a module, nothing to remove", async () => {
    const { run } = everydaySession();
    expect(await run("Import-Module NoSuchModule 2>&1 | % FullyQualifiedErrorId; 'after'")).toBe('Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand\nafter\n');
    expect(await run('try { Export-ModuleMember -Function f } catch { $_.FullyQualifiedErrorId }')).toBe(
      'Modules_CanOnlyExecuteExportModuleMemberInsideAModule,Microsoft.PowerShell.Commands.ExportModuleMemberCommand\n',
    );
    expect(await run('Remove-Module NoSuchModule 2>&1 | % FullyQualifiedErrorId')).toBe('Modules_NoModulesRemoved,Microsoft.PowerShell.Commands.RemoveModuleCommand\n');
  });

  it('New-Module: a dynamic module whose functions are available at once, listed by Get-Module only after Import-Module', async () => {
    const { run } = everydaySession();
    expect(await run('$m = New-Module -Name Dyn { param($x) function Get-X { "x=$x" } } -ArgumentList 5; Get-X; @(Get-Module Dyn).Count; $m | Import-Module; (Get-Module Dyn).Name')).toBe(
      'x=5\n0\nDyn\n',
    );
    expect(await run("New-Module { 'out' } -ReturnResult")).toBe('out\n');
  });
});

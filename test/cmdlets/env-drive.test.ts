import { describe, expect, it } from 'vitest';
import { allCmdlets } from '../../src/cmdlets/index.js';
import { testShell as baseShell } from '../engine/helpers.js';

const testShell = () => baseShell({ cmdlets: allCmdlets });

describe('the Env: drive', () => {
  it('Get-Item Env: and Get-ChildItem Env: give the environment as DictionaryEntry items, by name or pattern', async () => {
    const sh = testShell();
    const r = await sh.eval(
      '(Get-Item Env:).Count -gt 10; $u = Get-Item Env:\\USERNAME; $u.GetType().FullName; $u.Name; $u.Value; ' +
        '(Get-ChildItem Env:USER* -Name) -join ","',
    );
    expect(r.output).toEqual([true, 'System.Collections.DictionaryEntry', 'USERNAME', 'Administrator', 'USERDNSDOMAIN,USERDOMAIN,USERNAME,USERPROFILE']);
  });

  it('a variable that is not there is PathNotFound', async () => {
    const sh = testShell();
    const r = await sh.eval('Get-Item Env:\\NoSuchVariable');
    expect(r.errors.map((e) => [e.fullyQualifiedErrorId, e.message])).toEqual([
      ['PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand', "Cannot find path 'Env:\\NoSuchVariable' because it does not exist."],
    ]);
  });
});

describe('[Environment]', () => {
  it("MachineName, UserName, UserDomainName and GetEnvironmentVariable are the session's", async () => {
    const sh = testShell();
    const r = await sh.eval("[Environment]::MachineName -eq $env:COMPUTERNAME; [Environment]::UserName; [Environment]::UserDomainName; [Environment]::GetEnvironmentVariable('USERNAME'); $null -eq [Environment]::GetEnvironmentVariable('NoSuch')");
    expect(r.output).toEqual([true, 'Administrator', 'PROEXCHANGE', 'Administrator', true]);
  });
});

// The format-data objects scripts build: ListControl::Create() / TableControl::Create() builders,
// FormatViewDefinition and ExtendedTypeDefinition constructors, written by Export-FormatData as
// the views they stand for and loaded back by Update-FormatData.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let c: Captured;
beforeEach(async () => {
  c = await capturedSession();
});
afterEach(async () => {
  await c.close();
});

describe('format controls', () => {
  it('builds a list and a table view, exports both and loads them back', async () => {
    const { out } = await c.run(
      [
        "$list = [System.Management.Automation.ListControl]::Create().StartEntry().AddItemProperty('A').AddItemProperty('B', 'Bee').EndEntry().EndList()",
        "$table = [System.Management.Automation.TableControl]::Create().AddHeader('Right', 6, 'Ay').StartRowDefinition().AddPropertyColumn('A').EndRowDefinition().EndTable()",
        '$views = New-Object System.Collections.Generic.List[System.Management.Automation.FormatViewDefinition]',
        "$views.Add([System.Management.Automation.FormatViewDefinition]::new('Listed', $list)); $views.Add([System.Management.Automation.FormatViewDefinition]::new('Tabled', $table))",
        "$etd = [System.Management.Automation.ExtendedTypeDefinition]::new('Fc.Thing', $views); \"$etd\"; ($etd.FormatViewDefinition | ForEach-Object { $_.Control.GetType().Name }) -join ','",
        '$etd | Export-FormatData -Path C:\\fc.format.ps1xml',
        '[xml]$x = Get-Content C:\\fc.format.ps1xml; @($x.Configuration.ViewDefinitions.View).Count; $x.Configuration.ViewDefinitions.View[1].TableControl.TableHeaders.TableColumnHeader.Width',
        'Update-FormatData -AppendPath C:\\fc.format.ps1xml',
        "$o = [pscustomobject]@{A=1; B=2}; $o.PSObject.TypeNames.Insert(0, 'Fc.Thing')",
        '($o | Format-List | Out-String).Trim()',
        "($o | Format-Table -View Tabled | Out-String).Trim()",
      ].join('; '),
    );
    expect(out).toBe('Fc.Thing\nListControl,TableControl\n2\n6\nA   : 1\nBee : 2\nAy\n    --\n     1\n');
  });
});

// Update-FormatData, Get-FormatData and Export-FormatData over *.format.ps1xml files. Loaded
// views belong to the session (each runspace has its own); each test uses type names of its own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let c: Captured;
beforeEach(async () => {
  c = await capturedSession();
});
afterEach(async () => {
  await c.close();
});

const view = (type: string, control: string) =>
  `<Configuration xmlns:foo="bar"><ViewDefinitions><View><Name>${type}View</Name><ViewSelectedBy><TypeName>${type}</TypeName></ViewSelectedBy>${control}</View></ViewDefinitions></Configuration>`;

describe('format data', () => {
  it('Update-FormatData -PrependPath loads a list view that the default output then uses; Get-FormatData describes it', async () => {
    const xml = view('F1.Server', '<ListControl><ListEntries><ListEntry><ListItems><ListItem><Label>Server</Label><PropertyName>Name</PropertyName></ListItem></ListItems></ListEntry></ListEntries></ListControl>');
    const { out } = await c.run(
      [
        `Set-Content C:\\f1.format.ps1xml '${xml}'`,
        'Update-FormatData -PrependPath C:\\f1.format.ps1xml',
        "$o = [pscustomobject]@{Name='ex01'; Build='8.3'}; $o.pstypenames.Insert(0, 'F1.Server'); ($o | Out-String).Trim()",
        '$fd = Get-FormatData F1.*; $fd.TypeName; $fd.FormatViewDefinition.Name; $fd.FormatViewDefinition.Control.GetType().Name',
      ].join('; '),
    );
    expect(out).toBe('Server : ex01\nF1.Server\nF1.ServerView\nListControl\n');
  });

  it('Export-FormatData writes the views back indented by two spaces; -NoClobber refuses an existing file', async () => {
    const xml = view('F2.Thing', '<TableControl><TableHeaders /><TableRowEntries><TableRowEntry><TableColumnItems><TableColumnItem><PropertyName>Guid</PropertyName></TableColumnItem></TableColumnItems></TableRowEntry></TableRowEntries></TableControl>');
    const { out } = await c.run(
      [
        `Set-Content C:\\f2.format.ps1xml '${xml}'`,
        'Update-FormatData -AppendPath C:\\f2.format.ps1xml',
        'Get-FormatData F2.Thing | Export-FormatData -Path C:\\f2-out.ps1xml',
        "(Get-Content C:\\f2-out.ps1xml) -join '|'",
        'try { Get-FormatData F2.Thing | Export-FormatData -Path C:\\f2-out.ps1xml -NoClobber } catch { $_.FullyQualifiedErrorId }',
      ].join('; '),
    );
    expect(out).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<Configuration>',
        '  <ViewDefinitions>',
        '    <View>',
        '      <Name>F2.ThingView</Name>',
        '      <ViewSelectedBy>',
        '        <TypeName>F2.Thing</TypeName>',
        '      </ViewSelectedBy>',
        '      <TableControl>',
        '        <TableHeaders />',
        '        <TableRowEntries>',
        '          <TableRowEntry>',
        '            <TableColumnItems>',
        '              <TableColumnItem>',
        '                <PropertyName>Guid</PropertyName>',
        '              </TableColumnItem>',
        '            </TableColumnItems>',
        '          </TableRowEntry>',
        '        </TableRowEntries>',
        '      </TableControl>',
        '    </View>',
        '  </ViewDefinitions>',
        '</Configuration>',
      ].join('|') + '\nNoClobber,Microsoft.PowerShell.Commands.ExportFormatDataCommand\n',
    );
  });

  it('a view without a control is FormatXmlUpdateException; -WhatIf loads nothing', async () => {
    const { out } = await c.run(
      [
        "'<Configuration><ViewDefinitions><View><Name>T2</Name><ViewSelectedBy><TypeName>F3.T</TypeName></ViewSelectedBy></View></ViewDefinitions></Configuration>' | Out-File C:\\invalid.format.ps1xml -Encoding ascii",
        'try { Update-FormatData -Path C:\\invalid.format.ps1xml -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }',
        `Set-Content C:\\f3.format.ps1xml '${view('F3.W', '<ListControl><ListEntries><ListEntry><ListItems><ListItem><PropertyName>A</PropertyName></ListItem></ListItems></ListEntry></ListEntries></ListControl>')}'`,
        'Update-FormatData -Append C:\\f3.format.ps1xml -WhatIf | Out-Null; @(Get-FormatData F3.W).Count',
      ].join('; '),
    );
    expect(out).toBe('FormatXmlUpdateException,Microsoft.PowerShell.Commands.UpdateFormatDataCommand\nWhat if: Performing the operation "Update FormatData" on target "FileName: C:\\f3.format.ps1xml".\n0\n');
  });
});

// Table views from *.format.ps1xml files as 5.1's TableWriter prints them: left / right / center
// alignment, labels wider than their column wrapped onto more header lines, several named views
// of one type (-View picks by name), an empty <Label/>, and each runspace with its own views.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let c: Captured;
beforeEach(async () => {
  c = await capturedSession();
});
afterEach(async () => {
  await c.close();
});

const header = (label: string, width?: number, alignment?: string) =>
  `<TableColumnHeader><Label>${label}</Label>${width ? `<Width>${width}</Width>` : ''}${alignment ? `<Alignment>${alignment}</Alignment>` : ''}</TableColumnHeader>`;
const tableView = (name: string, type: string, headers: string[], props: string[]) =>
  `<View><Name>${name}</Name><ViewSelectedBy><TypeName>${type}</TypeName></ViewSelectedBy><TableControl><TableHeaders>${headers.join('')}</TableHeaders>` +
  `<TableRowEntries><TableRowEntry><TableColumnItems>${props.map((p) => `<TableColumnItem><PropertyName>${p}</PropertyName></TableColumnItem>`).join('')}</TableColumnItems></TableRowEntry></TableRowEntries></TableControl></View>`;
const file = (...views: string[]) => `<Configuration><ViewDefinitions>${views.join('')}</ViewDefinitions></Configuration>`;

/** Loads the views into the session and shows `$o` (typed `type`) through `format`, spaces as dots. */
async function show(xml: string, type: string, object: string, format: string): Promise<string> {
  const { out } = await c.run(
    [
      `Set-Content C:\\v.format.ps1xml '${xml}'`,
      'Update-FormatData -AppendPath C:\\v.format.ps1xml',
      `$o = ${object}; $o.PSObject.TypeNames.Insert(0, '${type}')`,
      `($o | ${format} | Out-String).Replace(' ', '.')`,
    ].join('; '),
  );
  return out;
}

describe('table views', () => {
  it('aligns cells left, center (the odd blank on the right) and right', async () => {
    const xml = file(tableView('Aligned', 'T.Align', [header('Left', 0, 'left'), header('Center', 0, 'center'), header('Right', 0, 'right')], ['Left', 'Center', 'Right']));
    const out = await show(xml, 'T.Align', '[pscustomobject]@{Left=1;Center=2;Right=3}', 'Format-Table');
    expect(out).toBe('\nLeft.Center.Right\n----.------.-----\n1......2........3\n\n\n\n');
  });

  it('centers a calculated column with Alignment = center', async () => {
    const { out } = await c.run("([pscustomobject]@{one=1} | Format-Table @{l='one'; e='one'; width=10; alignment='center'} | Out-String).Replace(' ', '.')");
    expect(out).toBe('\n...one\n...---\n....1\n\n\n\n');
  });

  it('wraps a label wider than its column onto more header lines', async () => {
    const xml = file(tableView('Default', 'T.Span', [header('LongLongHeader', 4), header('Header2', 7), header('Header3', 4)], ['First', 'Second', 'Third']));
    const out = await show(xml, 'T.Span', '[pscustomobject]@{First=1;Second=2;Third=3}', 'Format-Table');
    expect(out).toBe('\nLong.Header2.Head\nLong.........er3\nHead\ner\n----.-------.----\n1....2.......3\n\n\n\n');
  });

  it('-View picks a view of the type by its name; an unknown name lists the table views there are', async () => {
    const xml = file(
      tableView('Wide', 'T.Views', [header('First'), header('Second')], ['First', 'Second']),
      tableView('One', 'T.Views', [header('Only')], ['First']),
    );
    const out = await show(xml, 'T.Views', '[pscustomobject]@{First=1;Second=2}', 'Format-Table -View One');
    expect(out).toBe('\nOnly\n----\n1\n\n\n\n');
    const { out: err } = await c.run("try { $o | Format-Table -View Nope } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }");
    expect(err).toBe('FormatViewNotFound,Microsoft.PowerShell.Commands.FormatTableCommand\nThe view name Nope cannot be found. Specify one of the following Table views and try again: Wide, One.\n');
  });

  it('an empty <Label/> heads the column with the property name', async () => {
    const xml = file(tableView('Empty', 'T.Empty', [header('', 4)], ['Prop']));
    const out = await show(xml, 'T.Empty', "[pscustomobject]@{Prop='123'}", 'Format-Table');
    expect(out).toBe('\nProp\n----\n123\n\n\n\n');
  });

  it('views loaded in one runspace are not seen by another, nor by the session that made it', async () => {
    const xml = file(tableView('Mine', 'T.Runspace', [header('Mine')], ['A']));
    const { out } = await c.run(
      [
        `Set-Content C:\\r.format.ps1xml '${xml}'`,
        "$o = [pscustomobject]@{A=1;B=2}; $o.PSObject.TypeNames.Insert(0, 'T.Runspace')",
        '$ps = [powershell]::Create(); $null = $ps.AddScript({ param($o) Update-FormatData -AppendPath C:\\r.format.ps1xml; ($o | Format-Table | Out-String).Trim() }).AddArgument($o)',
        '$ps.Invoke()',
        '$ps2 = [powershell]::Create(); $null = $ps2.AddScript({ param($o) ($o | Format-Table | Out-String).Trim() }).AddArgument($o)',
        "$ps2.Invoke() -replace '\\s+', ' '",
        "($o | Format-Table | Out-String).Trim() -replace '\\s+', ' '",
      ].join('; '),
    );
    expect(out).toBe('Mine\n----\n1\nA B - - 1 2\nA B - - 1 2\n');
  });
});

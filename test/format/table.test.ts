import { describe, expect, it } from 'vitest';
import { PSHashtable, PSObject } from '../../src/protocol/values.js';
import { formatTable, renderer } from '../../src/format/index.js';
import { columnWidths, fitCell, renderTable, wrapCell } from '../../src/format/table.js';

const obj = (r: Record<string, unknown>) => PSObject.fromRecord(r);
function ht(r: Record<string, unknown>): PSHashtable {
  const h = new PSHashtable();
  for (const [k, v] of Object.entries(r)) h.set(k, v);
  return h;
}

describe('table cells', () => {
  it('pads, truncates with ... and right-aligns', () => {
    expect(fitCell('abc', 5, 'Left')).toBe('abc  ');
    expect(fitCell('abc', 5, 'Right')).toBe('  abc');
    expect(fitCell('abcdefgh', 6, 'Left')).toBe('abc...');
    expect(fitCell('abcdefgh', 6, 'Right')).toBe('...fgh');
    expect(fitCell('abcdefgh', 3, 'Left')).toBe('abc');
  });
  it('wraps at spaces, cutting longer words', () => {
    expect(wrapCell('hello world this is long', 10)).toEqual(['hello', 'world this', 'is long']);
    expect(wrapCell('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
    expect(wrapCell('a\nb', 5)).toEqual(['a', 'b']);
  });
  it('shrinks the last column to fit, hiding it when nothing is left', () => {
    const cols = [
      { label: 'A', alignment: 'Left' as const },
      { label: 'B', alignment: 'Left' as const },
    ];
    expect(columnWidths(cols, [['aaaa', 'b'.repeat(50)]], 20)).toEqual([4, 15]);
    expect(columnWidths([{ label: 'A', width: 19, alignment: 'Left' }, cols[1]!], [['x', 'y']], 20)).toEqual([19, 0]);
  });
});

describe('Format-Table text', () => {
  it('a table of computed widths: blank line, labels, dashes, rows, two blank lines', () => {
    const lines = formatTable([obj({ Name: 'ex01', Port: 443 }), obj({ Name: 'mailbox02', Port: 25 })], {}, 119);
    expect(lines).toEqual(['', 'Name      Port', '----      ----', 'ex01       443', 'mailbox02   25', '', '']);
  });
  it('numbers and booleans are right-aligned, with their headers', () => {
    expect(formatTable([obj({ Enabled: true, Count: 3 })], {}, 119)).toEqual(['', 'Enabled Count', '------- -----', '   True     3', '', '']);
  });
  it('dashes are as long as the label even in a wide column', () => {
    const lines = formatTable([obj({ Id: 'a-long-value' })], {}, 119);
    expect(lines.slice(1, 4)).toEqual(['Id', '--', 'a-long-value']);
  });
  it('-Property picks and orders columns; calculated Width and Alignment', () => {
    const lines = formatTable(
      [obj({ A: 'x', B: 'yy' })],
      { properties: ['B', ht({ n: 'Lbl', e: 'A', Width: 6, Alignment: 'Right' })] },
      119,
    );
    expect(lines).toEqual(['', 'B     Lbl', '-     ---', 'yy      x', '', '']);
  });
  it('cuts a value too long for the screen with ...', () => {
    const lines = formatTable([obj({ Key: 'k', Text: 'x'.repeat(40) })], {}, 20);
    expect(lines[3]).toBe('k   xxxxxxxxxxxxx...');
    expect(lines[3]!.length).toBe(20);
  });
  it('-Wrap puts the rest on following lines', () => {
    const lines = formatTable([obj({ Key: 'k', Text: 'alpha beta gamma delta' })], { wrap: true }, 15);
    expect(lines).toEqual(['', 'Key Text', '--- ----', 'k   alpha beta', '    gamma delta', '', '']);
  });
  it('-HideTableHeaders drops the label and dash lines', () => {
    expect(formatTable([obj({ A: 1 })], { hideTableHeaders: true }, 119)).toEqual(['', '1', '', '']);
  });
  it('collections in cells: {a, b, c, d...}', () => {
    const lines = formatTable([obj({ Services: ['IIS', 'SMTP'], Many: [1, 2, 3, 4, 5], None: [] })], {}, 119);
    expect(lines[3]).toBe('{IIS, SMTP} {1, 2, 3, 4...} {}');
  });
  it('a string property read through members: Length', () => {
    expect(formatTable(['a', 'bb'], { properties: ['Length'] }, 119)).toEqual(['', 'Length', '------', '     1', '     2', '', '']);
  });
  it('scalars without -Property print as text', () => {
    expect(formatTable(['a', 1], {}, 119)).toEqual(['a', '1']);
  });
  it('group headers between blank lines, each group with its header', () => {
    const lines = renderTable(
      {
        columns: [{ label: 'N', alignment: 'Left' }],
        items: [
          { kind: 'group', header: ['   TypeName: A'] },
          { kind: 'row', cells: ['1'] },
          { kind: 'group', header: ['   TypeName: B'] },
          { kind: 'row', cells: ['2'] },
        ],
      },
      80,
    );
    expect(lines).toEqual(['', '', '   TypeName: A', '', 'N', '-', '1', '', '', '   TypeName: B', '', 'N', '-', '2', '', '']);
  });
  it('10,000 rows render as one table (the time: npm run bench)', () => {
    const rows = Array.from({ length: 10000 }, (_, i) => obj({ Id: i, Name: `name${i}`, Value: 'v'.repeat(i % 30) }));
    const out: string[] = [];
    const s = renderer.outDefault(120, (l) => out.push(l));
    for (const r of rows) s.write(r);
    s.end();
    expect(out.length).toBe(10000 + 5);
  });
});

describe('calculated FormatString', () => {
  it('formats the value as -f would', () => {
    const h = new PSHashtable();
    h.set('n', 'Size');
    h.set('e', 'Size');
    h.set('FormatString', 'N2');
    expect(formatTable([PSObject.fromRecord({ Size: 1234.5 })], { properties: [h] }, 119)).toEqual(['', 'Size', '----', '1,234.50', '', '']);
  });
});

describe('tables at PSReadLine grade (issue 12)', () => {
  it('counts wide characters and emoji as two cells when padding and cutting', () => {
    expect(fitCell('東京', 6, 'Left')).toBe('東京  ');
    expect(fitCell('東京タワー', 7, 'Left')).toBe('東京...');
    expect(fitCell('👍🏽ok', 5, 'Right')).toBe(' 👍🏽ok');
    const lines = formatTable([obj({ Name: '東京タワー', N: 1 }), obj({ Name: 'abc', N: 2 })], { autoSize: true }, 80);
    expect(lines).toContain('東京タワー 1');
    expect(lines).toContain('abc        2');
  });

  it('-AutoSize removes the columns that do not fit, whole, and says how many', () => {
    const lines = formatTable([obj({ A: 'a'.repeat(20), B: 'b'.repeat(15), C: 'c'.repeat(10), D: 'd' })], { autoSize: true }, 40);
    expect(lines[0]).toBe('WARNING: 2 columns do not fit into the display and were removed.');
    expect(lines).toContain('a'.repeat(20) + ' ' + 'b'.repeat(15));
    expect(lines.join('\n')).not.toContain('ccc');
  });
});

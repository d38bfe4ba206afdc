import { describe, expect, it } from 'vitest';
import { ErrorRecord } from '../../src/protocol/errors.js';
import { PSHashtable, PSObject } from '../../src/protocol/values.js';
import { FormatOutput, formatList, registerView, renderer } from '../../src/format/index.js';
import { listEntryLines } from '../../src/format/list.js';

const obj = (r: Record<string, unknown>) => PSObject.fromRecord(r);
function ht(r: Record<string, unknown>): PSHashtable {
  const h = new PSHashtable();
  for (const [k, v] of Object.entries(r)) h.set(k, v);
  return h;
}

/** What Out-Default prints for one statement's output on a console `width` wide. */
function show(values: unknown[], width = 80): string[] {
  const out: string[] = [];
  const s = renderer.outDefault(width, (l) => out.push(l));
  for (const v of values) s.write(v);
  s.end();
  return out;
}

describe('Out-Default shapes (5.1)', () => {
  it('scalars print as their text, no blank lines', () => {
    expect(show(['a', 42, 1.5, true, null, 'two\nlines'])).toEqual(['a', '42', '1.5', 'True', 'two', 'lines']);
  });
  it('arrays are unrolled', () => {
    expect(show([[1, [2, 3]]])).toEqual(['1', '2', '3']);
  });
  it('a DateTime prints its long form between blank lines', () => {
    const d = new Date(2026, 10, 26, 23, 46, 22);
    expect(show([d])).toEqual(['', 'Thursday, November 26, 2026 11:46:22 PM', '', '']);
  });
  it('up to 4 properties: a table', () => {
    expect(show([obj({ a: 1, b: 'x' })])).toEqual(['', 'a b', '- -', '1 x', '', '']);
  });
  it('more than 4 properties: a list with 2 blank lines before, 1 between, 3 after', () => {
    const o = obj({ Name: 'ex01', Role: 'Mailbox', Site: 'Default', Version: 8, Edition: 'Enterprise' });
    expect(show([o, o])).toEqual([
      '',
      '',
      'Name    : ex01',
      'Role    : Mailbox',
      'Site    : Default',
      'Version : 8',
      'Edition : Enterprise',
      '',
      'Name    : ex01',
      'Role    : Mailbox',
      'Site    : Default',
      'Version : 8',
      'Edition : Enterprise',
      '',
      '',
      '',
    ]);
  });
  it('a hashtable is a Name (30) / Value table, entries of several hashtables in one table', () => {
    expect(show([ht({ a: 1 }), ht({ bb: 'two' })])).toEqual([
      '',
      'Name                           Value',
      '----                           -----',
      'a                              1',
      'bb                             two',
      '',
      '',
    ]);
  });
  it('the first object fixes the columns; later objects of any type join with blanks', () => {
    expect(show([obj({ a: 1 }), obj({ b: 2 }), obj({ a: 333 })])).toEqual(['', '  a', '  -', '  1', '', '333', '', '']);
  });
  it('scalars in a table stream print in sequence, inside the block', () => {
    expect(show([obj({ a: 1 }), 'hello', obj({ a: 2 })])).toEqual(['', 'a', '-', '1', 'hello', '2', '', '']);
  });
  it('a registered view decides; objects the view does not apply to are printed out of band as lists', () => {
    registerView({
      typeName: 'Test.Cert',
      shape: 'table',
      table: { columns: [{ label: 'Thumbprint', property: 'Thumbprint', width: 12 }, { label: 'Subject', property: 'Subject' }] },
    });
    const cert = PSObject.fromRecord({ Thumbprint: 'AB12', Subject: 'CN=x', Extra: 1 }, ['Test.Cert', 'System.Object']);
    expect(show([cert, obj({ Other: 'y' })])).toEqual([
      '',
      'Thumbprint   Subject',
      '----------   -------',
      'AB12         CN=x',
      '',
      'Other : y',
      '',
      '',
      '',
    ]);
  });
  it('nested objects show their ToString(); PSCustomObject as @{...}', () => {
    expect(show([obj({ Inner: obj({ x: 1, y: 'z' }), H: ht({ k: 1 }) })])).toEqual([
      '',
      'Inner       H',
      '-----       -',
      '@{x=1; y=z} System.Collections.Hashtable',
      '',
      '',
    ]);
  });
  it('a date in a cell uses the short en-US form', () => {
    expect(show([obj({ NotAfter: new Date(2024, 0, 1, 10, 0, 0) })])[3]).toBe('1/1/2024 10:00:00 AM');
  });
  it('tables fit in the console width - 1', () => {
    const lines = show([obj({ K: 'k', Text: 'x'.repeat(100) })], 40);
    expect(lines[3]).toBe('k ' + 'x'.repeat(34) + '...');
    expect(lines[3]!.length).toBe(39);
  });
  it('FormatOutput lines print as they are, re-laid out for the console', () => {
    const f = new FormatOutput((w) => [`width ${w}`], 10);
    expect(show([f], 80)).toEqual(['width 79']);
  });
  it('an error record on the output prints its error view', () => {
    const r = new ErrorRecord({ message: 'boom', errorId: 'Boom', category: 'NotSpecified' });
    expect(show([r])).toEqual([
      'boom',
      '    + CategoryInfo          : NotSpecified: (:) [], RuntimeException',
      '    + FullyQualifiedErrorId : Boom',
      '',
    ]);
  });
});

describe('lists', () => {
  it('labels padded to the longest label of the entry, multi-line values indented', () => {
    expect(listEntryLines([['Name', 'a'], ['Description', 'line1\nline2']], 80)).toEqual([
      'Name        : a',
      'Description : line1',
      '              line2',
    ]);
  });
  it('long values wrap at the screen width under the value column', () => {
    expect(listEntryLines([['K', 'abcdefghij']], 8)).toEqual(['K : abcd', '    efgh', '    ij']);
  });
  it('Format-List * and selected properties', () => {
    expect(formatList([obj({ A: 1, Bbb: [1, 2] })], { properties: ['*'] }, 80)).toEqual(['', '', 'A   : 1', 'Bbb : {1, 2}', '', '', '']);
    expect(formatList(['abc'], { properties: ['Length'] }, 80)).toEqual(['', '', 'Length : 3', '', '', '']);
  });
});

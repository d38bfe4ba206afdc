import { describe, expect, it } from 'vitest';
import { PSHashtable, PSObject } from '../../src/protocol/values.js';
import { FormatOutput } from '../../src/format/index.js';
import formatTable from '../../src/cmdlets/core/Format-Table.js';
import formatList from '../../src/cmdlets/core/Format-List.js';
import outString from '../../src/cmdlets/core/Out-String.js';
import outHost from '../../src/cmdlets/core/Out-Host.js';
import outFile from '../../src/cmdlets/core/Out-File.js';
import getMember from '../../src/cmdlets/core/Get-Member.js';
import convertToJson from '../../src/cmdlets/core/ConvertTo-Json.js';
import convertToCsv from '../../src/cmdlets/core/ConvertTo-Csv.js';
import convertFromCsv from '../../src/cmdlets/core/ConvertFrom-Csv.js';
import exportCsv from '../../src/cmdlets/core/Export-Csv.js';
import importCsv from '../../src/cmdlets/core/Import-Csv.js';
import { outputCmdlets } from '../../src/cmdlets/core/output.js';
import { MemoryDrive, block, runCmdlet } from './output-fake-context.js';

const obj = (r: Record<string, unknown>) => PSObject.fromRecord(r);
function ht(r: Record<string, unknown>): PSHashtable {
  const h = new PSHashtable();
  for (const [k, v] of Object.entries(r)) h.set(k, v);
  return h;
}
const linesOf = (v: unknown) => (v as FormatOutput).lines;

describe('Format-Table / Format-List', () => {
  it('Format-Table writes one FormatOutput laid out at the console width', async () => {
    const r = await runCmdlet(formatTable, { Property: ['Length'] }, ['a', 'bb']);
    expect(r.output).toHaveLength(1);
    expect(linesOf(r.output[0])).toEqual(['', 'Length', '------', '     1', '     2', '', '']);
  });
  it('calculated properties run their script block with $_', async () => {
    const calc = ht({ n: 'Secure', e: block('$_.Port -eq 443', (o) => (o as PSObject).get('Port') === 443) });
    const r = await runCmdlet(formatTable, { Property: ['Name', calc], AutoSize: true }, [obj({ Name: 'web', Port: 443 })]);
    expect(linesOf(r.output[0])).toEqual(['', 'Name Secure', '---- ------', 'web    True', '', '']);
  });
  it('a bad calculated-property key is a terminating error', async () => {
    await expect(runCmdlet(formatTable, { Property: [ht({ Bogus: 1 })] }, [obj({ a: 1 })])).rejects.toThrow('The Bogus key is not valid.');
  });
  it('no input, no output', async () => {
    expect((await runCmdlet(formatTable, {}, [])).output).toEqual([]);
  });
  it('Format-List with calculated property', async () => {
    const calc = ht({ Label: 'Upper', Expression: block('$_.Name.ToUpper()', (o) => String((o as PSObject).get('Name')).toUpperCase()) });
    const r = await runCmdlet(formatList, { Property: ['Name', calc] }, [obj({ Name: 'ex01' })]);
    expect(linesOf(r.output[0])).toEqual(['', '', 'Name  : ex01', 'Upper : EX01', '', '', '']);
  });
  it('Format-Table -GroupBy starts a group per value', async () => {
    const r = await runCmdlet(formatTable, { Property: ['N'], GroupBy: 'G' }, [obj({ G: 'x', N: 1 }), obj({ G: 'y', N: 2 })]);
    expect(linesOf(r.output[0])).toEqual(['', '', '   G: x', '', 'N', '-', '1', '', '', '   G: y', '', 'N', '-', '2', '', '']);
  });
});

describe('Out-String / Out-Host / Out-File', () => {
  it('Out-String: one string with a Windows newline after every line; -Stream: one per line', async () => {
    const o = obj({ A: 1, B: 'two' });
    expect((await runCmdlet(outString, {}, [o])).output).toEqual(['\r\nA B\r\n- -\r\n1 two\r\n\r\n\r\n']);
    expect((await runCmdlet(outString, { Stream: true }, [o])).output).toEqual(['', 'A B', '- -', '1 two', '', '']);
  });
  it('Out-String -Width lays a Format-Table result out again', async () => {
    const ft = (await runCmdlet(formatTable, {}, [obj({ K: 'k', T: 'x'.repeat(50) })])).output;
    const r = await runCmdlet(outString, { Stream: true, Width: 20 }, ft);
    expect(r.output[3]).toBe('k xxxxxxxxxxxxxxx...');
  });
  it('Out-Host prints on the host and writes nothing', async () => {
    const r = await runCmdlet(outHost, {}, ['first', 'second']);
    expect(r.output).toEqual([]);
    expect(r.hostLines).toEqual(['first', 'second']);
  });
  it('Out-File writes UTF-16 LE with BOM by default; -Append adds without a second BOM', async () => {
    const fs = new MemoryDrive();
    await runCmdlet(outFile, { FilePath: 'C:\\o.txt' }, ['hi'], { fs });
    const bytes = fs.files.get('c:\\o.txt')!;
    expect(Array.from(bytes)).toEqual([0xff, 0xfe, 0x68, 0, 0x69, 0, 0x0d, 0, 0x0a, 0]);
    await runCmdlet(outFile, { FilePath: 'C:\\o.txt', Append: true }, ['x'], { fs });
    expect(fs.files.get('c:\\o.txt')!.length).toBe(10 + 6);
  });
  it('Out-File -Encoding ASCII, -NoClobber refuses an existing file', async () => {
    const fs = new MemoryDrive();
    await runCmdlet(outFile, { FilePath: 'C:\\a.txt', Encoding: 'ascii' }, ['é'], { fs });
    expect(Array.from(fs.files.get('c:\\a.txt')!)).toEqual([0x3f, 0x0d, 0x0a]);
    await expect(runCmdlet(outFile, { FilePath: 'C:\\a.txt', NoClobber: true }, ['x'], { fs })).rejects.toThrow("The file 'C:\\a.txt' already exists.");
  });
});

describe('Get-Member', () => {
  it('one group per type, sorted by member type then name', async () => {
    const r = await runCmdlet(getMember, { MemberType: ['NoteProperty'] }, [obj({ b: 1, a: 'x' }), obj({ c: 2 })]);
    const rows = r.output.map((o) => [(o as PSObject).get('TypeName'), (o as PSObject).get('Name'), (o as PSObject).get('MemberType')]);
    expect(rows).toEqual([
      ['System.Management.Automation.PSCustomObject', 'a', 'NoteProperty'],
      ['System.Management.Automation.PSCustomObject', 'b', 'NoteProperty'],
    ]);
  });
  it('prints under a TypeName header', async () => {
    const r = await runCmdlet(getMember, { Name: ['Len*'] }, ['text']);
    const out: string[] = [];
    const { renderer } = await import('../../src/format/index.js');
    const s = renderer.outDefault(120, (l) => out.push(l));
    for (const o of r.output) s.write(o);
    s.end();
    expect(out).toEqual(['', '', '   TypeName: System.String', '', 'Name   MemberType Definition', '----   ---------- ----------', 'Length Property   int Length {get;}', '', '']);
  });
  it('no input: NoObjectInGetMember', async () => {
    const r = await runCmdlet(getMember, {}, []);
    expect(r.errors[0]?.message).toBe('You must specify an object for the Get-Member cmdlet.');
    expect(r.errors[0]?.fullyQualifiedErrorId).toBe('NoObjectInGetMember,Microsoft.PowerShell.Commands.GetMemberCommand');
  });
});

describe('ConvertTo-Json (5.1 layout)', () => {
  it('objects, nested arrays indented under their key', async () => {
    const r = await runCmdlet(convertToJson, {}, [obj({ Name: 'ex01', Ports: [25, 443], Ok: true, None: null })]);
    expect(r.output[0]).toBe(
      '{\n    "Name":  "ex01",\n    "Ports":  [\n                  25,\n                  443\n              ],\n    "Ok":  true,\n    "None":  null\n}',
    );
  });
  it('several inputs make an array; nested objects', async () => {
    const r = await runCmdlet(convertToJson, {}, [ht({ a: 1 }), ht({ b: ht({ c: 'x' }) })]);
    expect(r.output[0]).toBe('[\n    {\n        "a":  1\n    },\n    {\n        "b":  {\n                  "c":  "x"\n              }\n    }\n]');
  });
  it('-Compress, escapes and dates', async () => {
    const r = await runCmdlet(convertToJson, { Compress: true }, [ht({ s: `it's <b> "q"\n`, d: new Date(Date.UTC(2012, 0, 13)) })]);
    expect(r.output[0]).toBe('{"s":"it\\u0027s \\u003cb\\u003e \\"q\\"\\n","d":"\\/Date(1326412800000)\\/"}');
  });
  it('-Depth: deeper objects become their ToString()', async () => {
    const deep = ht({ a: ht({ b: ht({ c: ht({ d: 1 }) }) }) });
    expect((await runCmdlet(convertToJson, { Compress: true }, [deep])).output[0]).toBe('{"a":{"b":{"c":"System.Collections.Hashtable"}}}');
    expect((await runCmdlet(convertToJson, { Compress: true, Depth: 5 }, [deep])).output[0]).toBe('{"a":{"b":{"c":{"d":1}}}}');
  });
});

describe('CSV', () => {
  it('ConvertTo-Csv: #TYPE, header, all values quoted, $null empty, quotes doubled', async () => {
    const r = await runCmdlet(convertToCsv, {}, [obj({ Name: 'a "b"', N: 1, X: null }), obj({ Name: 'c' })]);
    expect(r.output).toEqual(['#TYPE System.Management.Automation.PSCustomObject', '"Name","N","X"', '"a ""b""","1",', '"c",,']);
    const nti = await runCmdlet(convertToCsv, { NoTypeInformation: true, Delimiter: ';' }, [obj({ A: 1, B: 2 })]);
    expect(nti.output).toEqual(['"A";"B"', '"1";"2"']);
  });
  it('ConvertFrom-Csv round trip (values come back as strings)', async () => {
    const lines = (await runCmdlet(convertToCsv, {}, [obj({ Name: 'x,y', Days: 30 }), obj({ Name: 'multi\nline', Days: 5 })])).output;
    const back = (await runCmdlet(convertFromCsv, {}, lines)).output as PSObject[];
    expect(back.map((o) => [o.get('Name'), o.get('Days')])).toEqual([
      ['x,y', '30'],
      ['multi\nline', '5'],
    ]);
  });
  it('Export-Csv (ASCII, CRLF) and Import-Csv round trip; -Append writes no second header', async () => {
    const fs = new MemoryDrive();
    await runCmdlet(exportCsv, { Path: 'C:\\s.csv' }, [obj({ Name: 'ex01', Version: 8 })], { fs });
    expect(new TextDecoder().decode(fs.files.get('c:\\s.csv'))).toBe('#TYPE System.Management.Automation.PSCustomObject\r\n"Name","Version"\r\n"ex01","8"\r\n');
    await runCmdlet(exportCsv, { Path: 'C:\\s.csv', Append: true }, [obj({ Name: 'ex02', Version: 14 })], { fs });
    const back = (await runCmdlet(importCsv, { Path: ['C:\\s.csv'] }, undefined, { fs })).output as PSObject[];
    expect(back.map((o) => [o.get('Name'), o.get('Version')])).toEqual([
      ['ex01', '8'],
      ['ex02', '14'],
    ]);
  });
  it('Import-Csv -Header and -Delimiter', async () => {
    const fs = new MemoryDrive();
    fs.files.set('c:\\h.csv', new TextEncoder().encode('a;b\r\nc;d\r\n'));
    const r = (await runCmdlet(importCsv, { Path: ['C:\\h.csv'], Header: ['X', 'Y'], Delimiter: ';' }, undefined, { fs })).output as PSObject[];
    expect(r.map((o) => [o.get('X'), o.get('Y')])).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});

describe('declarations', () => {
  it('every output cmdlet has a synopsis, description, examples and parameter help', () => {
    expect(outputCmdlets.map((c) => c.name)).toEqual([
      'Format-Table', 'Format-List', 'Format-Wide', 'Format-Custom', 'Format-Hex', 'Out-String', 'Out-Host', 'Out-Null', 'Out-File', 'Get-Member',
      'ConvertTo-Json', 'Export-Csv', 'Import-Csv', 'ConvertTo-Csv', 'ConvertFrom-Csv', 'ConvertFrom-Json', 'ConvertFrom-StringData',
      'ConvertTo-Html', 'Select-Xml', 'ConvertTo-Xml', 'Export-Clixml', 'Import-Clixml',
      'Update-FormatData', 'Get-FormatData', 'Export-FormatData',
    ]);
    for (const c of outputCmdlets) {
      expect(c.synopsis && c.description && c.examples.length > 0, c.name).toBeTruthy();
      for (const [name, p] of Object.entries(c.parameters)) expect(p.help, `${c.name} -${name}`).toBeTruthy();
    }
  });
});

// Formatting and format/type-data cmdlets as Windows PowerShell 5.1 has them (issue 11).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let c: Captured;
beforeEach(async () => {
  c = await capturedSession();
});
afterEach(async () => {
  await c.close();
});

describe('Get-FileHash', () => {
  const setup = '[IO.File]::WriteAllText("C:\\h.txt", "Get-Module`n", [Text.UTF8Encoding]::new($false))';

  it('hashes the bytes with SHA256 by default and names the algorithm in any case', async () => {
    const { out } = await c.run(`${setup}; $r = Get-FileHash C:\\h.txt; $r.Algorithm; $r.Hash; $r.Path; (Get-FileHash -LiteralPath C:\\h.txt -Algorithm sHA1).Hash; $r.pstypenames[0]`);
    expect(out).toBe(
      'SHA256\n41620F6C9F3531722EFE90AED9ABBC1D1B31788AA9141982030D3DDE199F770C\nC:\\h.txt\n0C483659B1F2D5A8F116211DE8F58BF45893CFFB\nMicrosoft.Powershell.Utility.FileHash\n',
    );
  });

  it('MD5, SHA384, SHA512 and RIPEMD160; MACTripleDES gives 8 bytes', async () => {
    const { out } = await c.run(`${setup}; 'MD5','SHA384','SHA512','RIPEMD160','MACTripleDES' | % { (Get-FileHash C:\\h.txt -Algorithm $_).Hash.Length }; (Get-FileHash C:\\h.txt -Algorithm MD5).Hash`);
    expect(out).toBe('32\n96\n128\n40\n16\nF9D78BD059AB162BEA21EB02BADDE001\n');
  });

  it('skips folders, reports missing files and rejects unknown algorithms', async () => {
    const { out } = await c.run(`${setup}; @(Get-FileHash C:\\Windows, C:\\h.txt).Count; Get-FileHash C:\\nope.txt -ErrorAction SilentlyContinue -ErrorVariable e; $e[0].FullyQualifiedErrorId; try { Get-FileHash C:\\h.txt -Algorithm nope } catch { $_.FullyQualifiedErrorId }`);
    expect(out).toBe('1\nPathNotFound,Microsoft.PowerShell.Commands.GetFileHashCommand\nParameterArgumentValidationError,Microsoft.PowerShell.Commands.GetFileHashCommand\n');
  });
});

describe('encodings scripts construct', () => {
  it('[Text.UTF8Encoding]::new($false) writes no byte order mark; ::new($true) and UnicodeEncoding do', async () => {
    const { out } = await c.run(
      "[IO.File]::WriteAllText('C:\\a.txt', 'A', [Text.UTF8Encoding]::new($false)); [IO.File]::WriteAllText('C:\\b.txt', 'A', [Text.UTF8Encoding]::new($true)); [IO.File]::WriteAllText('C:\\c.txt', 'A', [Text.UnicodeEncoding]::new($true, $false)); 'a','b','c' | % { [IO.File]::ReadAllBytes(\"C:\\$_.txt\") -join ' ' }",
    );
    expect(out).toBe('65\n239 187 191 65\n0 65\n');
  });
});

describe('ConvertTo-Html', () => {
  const obj = '$o = [pscustomobject]@{Name = "John <Doe>"; Age = 42; Friends = "Jack", "Jill"}';

  it('writes a page with a header row from the first object and HTML-encoded values', async () => {
    const { out } = await c.run(`${obj}; $r = $o | ConvertTo-Html -CssUri page.css -PreContent pre -PostContent post; $r.GetType().Name; $r`);
    expect(out).toBe(
      [
        'Object[]',
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"  "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
        '<html xmlns="http://www.w3.org/1999/xhtml">',
        '<head>',
        '<title>HTML TABLE</title>',
        '<link rel="stylesheet" type="text/css" href="page.css" />',
        '</head><body>',
        'pre',
        '<table>',
        '<colgroup><col/><col/><col/></colgroup>',
        '<tr><th>Name</th><th>Age</th><th>Friends</th></tr>',
        '<tr><td>John &lt;Doe&gt;</td><td>42</td><td>System.Object[]</td></tr>',
        '</table>',
        'post',
        '</body></html>',
        '',
      ].join('\n'),
    );
  });

  it('-Fragment -As List, calculated properties with a string Width, and 5.1-only keys', async () => {
    const { out } = await c.run(`${obj}; $o, $o | ConvertTo-Html -Fragment -As List -Property Age, { $_.Age + 1 }`);
    expect(out).toBe('<table>\n<tr><td>Age:</td><td>42</td></tr>\n<tr><td> $_.Age + 1 :</td><td>43</td></tr>\n<tr><td><hr></td></tr>\n<tr><td>Age:</td><td>42</td></tr>\n<tr><td> $_.Age + 1 :</td><td>43</td></tr>\n</table>\n');
    expect((await c.run(`${obj}; ($o | ConvertTo-Html -Fragment @{ e = 'Age'; l = 'Years'; width = '10' })[1..2]`)).out).toBe('<colgroup><col width = "10"/></colgroup>\n<tr><th>Years</th></tr>\n');
    expect((await c.run(`${obj}; try { $o | ConvertTo-Html @{ name = 'x'; e = 'Age' } } catch { $_.FullyQualifiedErrorId }`)).out).toBe('DictionaryKeyIllegal,Microsoft.PowerShell.Commands.ConvertToHtmlCommand\n');
  });
});

describe('Format-Table and Format-List as 5.1 shapes them', () => {
  it('a list leaves out names the object lacks; a table keeps their columns', async () => {
    expect((await c.run("'hello' | Format-List -Force -Property foo, Length | Out-String")).out).toBe('\n\nLength : 5\n\n\n\n\n');
    expect((await c.run("('hello' | Format-Table -Property foo -Force | Out-String).Trim()")).out).toBe('foo\n---\n');
  });

  it('a hashtable entry lists as Name and Value', async () => {
    expect((await c.run('@{a = 1} | Format-List | Out-String')).out).toBe('\n\nName  : a\nValue : 1\n\n\n\n\n');
  });

  it('inside {...} a null element is $null and a nested collection its items joined by spaces', async () => {
    expect((await c.run("([pscustomobject]@{ a = @(('x', 0), $null, 2) } | Format-List | Out-String).Trim()")).out).toBe('a : {x 0, $null, 2}\n');
  });

  it('-View names a view of the type; an unknown one is FormatViewNotFound', async () => {
    const { out } = await c.run(
      'try { [pscustomobject]@{a = 1} | Format-Table -View bar } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Reason; $_.Exception.Message }; (@{a = 1} | Format-Table -View System.Collections.DictionaryEntry | Out-String -Stream).TrimEnd() -join "|"',
    );
    expect(out).toBe(
      'FormatViewNotFound,Microsoft.PowerShell.Commands.FormatTableCommand\nPipelineStoppedException\n' +
        'The view name bar cannot be found. There are no existing Table views for System.Management.Automation.PSCustomObject objects.\n' +
        '|Name                           Value|----                           -----|a                              1||\n',
    );
  });

  it('Format-List, Format-Table and Format-Wide take the 5.1 common parameters (-Force, -Expand, -ShowError, -DisplayError)', async () => {
    const { out } = await c.run("'Format-List', 'Format-Table', 'Format-Wide' | % { (Get-Command $_).Parameters.Keys -join ',' } | % { ($_ -split ',' | ? { $_ -in 'Force', 'Expand', 'ShowError', 'DisplayError', 'View', 'GroupBy' }).Count }");
    expect(out).toBe('6\n6\n6\n');
  });
});

describe('Format-Custom', () => {
  it('shows objects as class blocks, nested objects and collections indented, to -Depth levels', async () => {
    const { out } = await c.run(
      "([pscustomobject]@{Name='ex01'; Friends='Jack','Jill'; Sub=[pscustomobject]@{A=1}} | fc | Out-String -Stream) -join '|'; ([pscustomobject]@{Sub=[pscustomobject]@{A=1}} | Format-Custom -Depth 1 | Out-String).Trim()",
    );
    expect(out).toBe(
      '|class PSCustomObject|{|  Name = ex01|  Friends = |    [|      Jack|      Jill|    ]|    |  Sub = |    class PSCustomObject|    {|      A = 1|    }|}||\n' +
        'class PSCustomObject\n{\n  Sub = @{A=1}\n}\n',
    );
  });
});

describe('Format-Hex', () => {
  it('shows strings (ASCII), numbers (compact or -Raw) and files 16 bytes a line, as a ByteCollection', async () => {
    const { out } = await c.run(
      [
        "('Hello World' | Format-Hex | Out-String -Stream) -join '|'",
        '(1, 2, 3, 1000 | Format-Hex).ToString()',
        '(1, 2, 3, 1000 | Format-Hex -Raw).ToString()',
        "('é' | Format-Hex).Bytes -join ','",
        "Set-Content C:\\hex.txt ('a' * 17) -NoNewline; $h = Format-Hex C:\\hex.txt; $h.Path; $h.ToString(); $h.GetType().FullName",
      ].join('; '),
    );
    expect(out).toBe(
      '|           00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F||00000000   48 65 6C 6C 6F 20 57 6F 72 6C 64                 Hello World||\n' +
        '00000000   01 02 03 E8 03                                   ...è.\n' +
        '00000000   01 00 00 00 02 00 00 00 03 00 00 00 E8 03 00 00  ............è...\n' +
        '63\n' +
        'C:\\hex.txt\n00000000   61 61 61 61 61 61 61 61 61 61 61 61 61 61 61 61  aaaaaaaaaaaaaaaa\n00000010   61                                               a\n' +
        'Microsoft.PowerShell.Commands.ByteCollection\n',
    );
  });
});

// Tee-Object, Add-Member, ConvertFrom-Json and Select-String, run through a whole session.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let c: Captured;
beforeEach(async () => {
  c = await capturedSession();
});
afterEach(async () => {
  await c.close();
});

describe('Tee-Object', () => {
  it('passes input on and stores it in a variable (one object as itself)', async () => {
    expect((await c.run('1,2 | Tee-Object -Variable t | % { $_ * 10 }; $t')).out).toBe('10\n20\n1\n2\n');
    expect((await c.run("'x' | tee -Variable one | Out-Null; $one.GetType().Name")).out).toBe('String\n');
  });

  it('writes the console text to a UTF-16 LE file and appends without a second BOM', async () => {
    await c.run("'first', 'second' | Tee-Object C:\\tee.txt | Out-Null; 'third' | Tee-Object -FilePath C:\\tee.txt -Append | Out-Null");
    const { out } = await c.run('Get-Content C:\\tee.txt; (Get-Content C:\\tee.txt -Encoding Byte)[0..3] -join \',\'');
    expect(out).toBe('first\nsecond\nthird\n255,254,102,0\n');
    expect((await c.run("'only' | tee C:\\tee.txt; (Get-Content C:\\tee.txt).Count")).out).toBe('only\n1\n');
  });

  it('formats objects in the file as the console shows them', async () => {
    await c.run("[pscustomobject]@{Name='ex01'; Port=25} | Tee-Object C:\\obj.txt | Out-Null");
    expect((await c.run('Get-Content C:\\obj.txt')).out).toBe('\nName Port\n---- ----\nex01   25\n\n\n');
    expect((await c.run('(Get-Content C:\\obj.txt -Raw).Split("`r").Count')).out).toBe('7\n');
  });
});

describe('Add-Member', () => {
  it('adds notes with -MemberType, positionally, and with the 3.0 shorthands', async () => {
    const { out } = await c.run(
      "$o = [pscustomobject]@{Name='ex01'}; $o | Add-Member NoteProperty Site Paris; " +
        "Add-Member -InputObject $o -NotePropertyName Role -NotePropertyValue Mailbox; " +
        "$o | Add-Member -NotePropertyMembers @{A=1; B=2}; $o | Format-List",
    );
    expect(out).toBe('\n\nName : ex01\nSite : Paris\nRole : Mailbox\nA    : 1\nB    : 2\n\n\n\n');
  });

  it('writes nothing without -PassThru, the object with it', async () => {
    expect((await c.run("$o = [pscustomobject]@{a=1}; $o | Add-Member -NotePropertyName b -NotePropertyValue 2")).out).toBe('');
    expect((await c.run("($o | Add-Member -NotePropertyName c -NotePropertyValue 3 -PassThru).c")).out).toBe('3\n');
  });

  it('adds alias properties that read and write the target', async () => {
    const { out } = await c.run(
      "$o = [pscustomobject]@{Name='ex01'}; $o | Add-Member -MemberType AliasProperty -Name Server -Value Name; $o.Server; $o.Server = 'ex02'; $o.Name; ($o | Get-Member Server).MemberType",
    );
    expect(out).toBe('ex01\nex02\nAliasProperty\n');
  });

  it('refuses an existing member without -Force, with the 5.1 error', async () => {
    const { out } = await c.run("$o = [pscustomobject]@{Name='ex01'}; $o | Add-Member -NotePropertyName Name -NotePropertyValue x; $o.Name");
    expect(out).toContain(
      'Add-Member : Cannot add a member with the name "Name" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command.',
    );
    expect(out).toContain('FullyQualifiedErrorId : MemberAlreadyExists,Microsoft.PowerShell.Commands.AddMemberCommand');
    expect(out.trimEnd().endsWith('ex01')).toBe(true);
    expect((await c.run('$o | Add-Member -NotePropertyName Name -NotePropertyValue x -Force; $o.Name')).out).toBe('x\n');
  });

  it('adds a type name; runs a ScriptProperty of expressions, refuses one that runs commands clearly', async () => {
    expect((await c.run("$o = [pscustomobject]@{a=1} | Add-Member -TypeName My.Type -PassThru; $o.pstypenames[0]")).out).toBe('My.Type\n');
    expect((await c.run('$o | Add-Member ScriptProperty X { $this.a + 1 }; $o.X')).out).toBe('2\n');
    const { out } = await c.run('$o | Add-Member ScriptProperty Y { Get-Date }');
    expect(out).toContain('emsh runs ScriptProperty and ScriptMethod blocks made of expressions only');
  });
});

describe('ConvertFrom-Json', () => {
  it('makes PSCustomObjects with properties in document order, numeric keys included', async () => {
    const { out } = await c.run(`'{"b":1,"2":"two","a":{"x":[1,2.5,null]},"1":true}' | ConvertFrom-Json | % { $_ | ConvertTo-Json -Compress; $_.a.x[1]; $_.a.x.Count }`);
    expect(out).toBe('{"b":1,"2":"two","a":{"x":[1,2.5,null]},"1":true}\n2.5\n3\n');
  });

  it('types numbers like PowerShell and keeps ISO dates as strings', async () => {
    const { out } = await c.run(
      `$j = '{"i":5,"l":5000000000,"d":1.5,"t":"2026-11-26T10:00:00Z"}' | ConvertFrom-Json; $j.i.GetType().Name; $j.l.GetType().Name; $j.d.GetType().Name; $j.t.GetType().Name`,
    );
    // 5.1's JavaScriptSerializer tries Int32, Int64, then Decimal (fractions), then Double (exponents).
    expect(out).toBe('Int32\nInt64\nDecimal\nString\n');
    expect((await c.run(`('[1.10, 1e3, 9223372036854775807]' | ConvertFrom-Json) | % { "$_ " + $_.GetType().Name }`)).out).toBe(
      '1.10 Decimal\n1000 Double\n9223372036854775807 Int64\n',
    );
  });

  it('writes an array as one object (5.1) and joins piped lines', async () => {
    expect((await c.run("'[1,2,3]' | ConvertFrom-Json | Measure-Object | % Count")).out).toBe('1\n');
    expect((await c.run(`'{', '"a": 1', '}' | ConvertFrom-Json | % a`)).out).toBe('1\n');
    expect((await c.run(`'{"a":1}', '{"a":2}' | ConvertFrom-Json | % a`)).out).toBe('1\n2\n');
  });

  it('round-trips ConvertTo-Json output', async () => {
    const { out } = await c.run(
      "[pscustomobject]@{Name='ex01'; Ports=@(25,443); Tls=$true; Note=$null; Html='<a&b>'} | ConvertTo-Json | ConvertFrom-Json | ConvertTo-Json -Compress",
    );
    expect(out).toBe('{"Name":"ex01","Ports":[25,443],"Tls":true,"Note":null,"Html":"\\u003ca\\u0026b\\u003e"}\n');
  });

  it('fails on bad JSON with the JavaScriptSerializer messages', async () => {
    const bad = await c.run("'abc' | ConvertFrom-Json");
    expect(bad.out).toContain('ConvertFrom-Json : Invalid JSON primitive: abc.');
    expect(bad.out).toContain('NotSpecified: (:) [ConvertFrom-Json], ArgumentException');
    expect(bad.out).toContain('FullyQualifiedErrorId : System.ArgumentException,Microsoft.PowerShell.Commands.ConvertFromJsonCommand');
    expect((await c.run(`try { '{"a" 1}' | ConvertFrom-Json } catch { $_.Exception.Message }`)).out).toBe(
      `Invalid object passed in, ':' or '}' expected. (5): {"a" 1}\n`,
    );
  });
});

describe('Select-String', () => {
  beforeEach(async () => {
    await c.run("New-Item C:\\logs -ItemType Directory | Out-Null; Set-Content C:\\logs\\a.LOG 'start', 'ERROR one', 'ok', 'error two'; Set-Content C:\\logs\\b.log 'fine'");
  });

  it('prints file hits as path:line:text with the 5.1 custom-view blank lines', async () => {
    const { out } = await c.run('Select-String error C:\\logs\\*.LOG');
    expect(out).toBe('\nC:\\logs\\a.LOG:2:ERROR one\nC:\\logs\\a.LOG:4:error two\n\n\n');
  });

  it('shows paths relative to the current location', async () => {
    expect((await c.run('Set-Location C:\\logs; Select-String two a.log')).out).toBe('\na.LOG:4:error two\n\n\n');
  });

  it('prints piped lines alone, numbered across the input', async () => {
    const { out } = await c.run('Get-Content C:\\logs\\a.LOG | Select-String error');
    expect(out).toBe('\nERROR one\nerror two\n\n\n');
    expect((await c.run("(Get-Content C:\\logs\\a.LOG | Select-String two).LineNumber")).out).toBe('4\n');
  });

  it('has the MatchInfo properties', async () => {
    const { out } = await c.run("$m = Select-String 'ERROR (\\w+)' C:\\logs\\a.LOG -CaseSensitive; $m.Line; $m.LineNumber; $m.Path; $m.Filename; $m.Pattern; $m.Matches[0].Value; $m.Matches[0].Groups[1].Value; $m.IgnoreCase");
    expect(out).toBe('ERROR one\n2\nC:\\logs\\a.LOG\na.LOG\nERROR (\\w+)\nERROR one\none\nFalse\n');
  });

  it('supports -SimpleMatch, -NotMatch, -AllMatches, -List and -Quiet', async () => {
    expect((await c.run("'a.b', 'axb' | Select-String a.b -SimpleMatch")).out).toBe('\na.b\n\n\n');
    expect((await c.run("'a.b', 'axb' | Select-String a.b")).out).toBe('\na.b\naxb\n\n\n');
    expect((await c.run("'x1', 'y', 'x2' | Select-String x -NotMatch")).out).toBe('\ny\n\n\n');
    expect((await c.run("('a1 a2 a3' | Select-String 'a\\d' -AllMatches).Matches.Count")).out).toBe('3\n');
    expect((await c.run("(Select-String error C:\\logs\\*.log -List).LineNumber")).out).toBe('2\n');
    // 5.1: piped text without a hit gives nothing ($null); files searched in vain give False.
    expect((await c.run("'abc' | Select-String b -Quiet; $null -eq ('abc' | Select-String z -Quiet)")).out).toBe('True\nTrue\n');
    expect((await c.run("Set-Content C:\\q.txt 'abc'; Select-String z -Path C:\\q.txt -Quiet; Select-String b -Path C:\\q.txt -Quiet")).out).toBe('False\nTrue\n');
  });

  it('searches objects as their string form and files piped from Get-ChildItem', async () => {
    expect((await c.run("[pscustomobject]@{a='needle'} | Select-String needle")).out).toBe('\n@{a=needle}\n\n\n');
    expect((await c.run('Get-ChildItem C:\\logs | Select-String fine')).out).toBe('\nC:\\logs\\b.log:1:fine\n\n\n');
  });

  it('reports a missing file and an invalid pattern', async () => {
    expect((await c.run('Select-String x C:\\nope.txt')).out).toContain("Cannot find path 'C:\\nope.txt' because it does not exist.");
    const bad = await c.run("'a' | Select-String '['");
    expect(bad.out).toContain('Select-String : The string "[" is not a valid regular expression: parsing "[" - ');
    expect(bad.out).toContain('InvalidRegex,Microsoft.PowerShell.Commands.SelectStringCommand');
  });
});

describe('more', () => {
  it('reads a file as Get-Content does: UTF-16 with its BOM, windows-1252 without one', async () => {
    await c.run("Set-Content C:\\u.txt 'hé','two' -Encoding Unicode; Set-Content C:\\a.txt ([byte[]](0x63,0x61,0x66,0xE9)) -Encoding Byte");
    expect((await c.run('more C:\\u.txt')).out).toBe('hé\ntwo\n');
    expect((await c.run('more C:\\a.txt')).out).toBe('café\n');
  });
});

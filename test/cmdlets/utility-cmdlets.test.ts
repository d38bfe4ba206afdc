// Utility cmdlets added for issue 11's conformance work, checked against 5.1's behaviour.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let c: Captured;
beforeAll(async () => {
  c = await capturedSession();
});
afterAll(async () => {
  await c.close();
});
const out = async (script: string) => (await c.run(script)).out;

describe('Compare-Object', () => {
  it('writes difference-only objects first, then reference-only ones, with their side', async () => {
    expect(await out("(Compare-Object 'a','b','c' 'b','c','d' | % { $_.InputObject + $_.SideIndicator }) -join ' '")).toBe('d=> a<=\n');
  });
  it('matches within the sync window and shows equal objects with -IncludeEqual', async () => {
    expect(await out("(Compare-Object 1,2 2,1 -IncludeEqual).SideIndicator -join ' '")).toBe('== ==\n');
    expect(await out("(Compare-Object 1,2 2,1 -SyncWindow 0 | % { \"$($_.InputObject)$($_.SideIndicator)\" }) -join ' '")).toBe('2=> 1<= 1=> 2<=\n');
    expect(await out("(Compare-Object 1,2,3 1,2,4 -ExcludeDifferent -IncludeEqual | % InputObject) -join ','")).toBe('1,2\n');
    // 5.1: -ExcludeDifferent without -IncludeEqual (or with -IncludeEqual:$false) writes nothing.
    expect(await out("@(Compare-Object 1,2,3 1,2,4 -ExcludeDifferent).Count; @(Compare-Object 1,2,3 1,2,4 -ExcludeDifferent -IncludeEqual:$false).Count")).toBe('0\n0\n');
  });
  it('compares case-insensitively unless -CaseSensitive, and by -Property', async () => {
    expect(await out('@(Compare-Object a A).Count; @(Compare-Object a A -CaseSensitive).Count')).toBe('0\n2\n');
    expect(await out("$r = Compare-Object ([pscustomobject]@{N=1; S='x'}) ([pscustomobject]@{N=2; S='x'}) -Property S -IncludeEqual; $r.S + $r.SideIndicator")).toBe('x==\n');
  });
  it('takes the difference objects from the pipeline and passes the objects through with -PassThru', async () => {
    expect(await out("('x','y' | Compare-Object 'y','z' | % SideIndicator) -join ' '")).toBe('=> <=\n');
    expect(await out("$o = [pscustomobject]@{N=1}; (Compare-Object @([pscustomobject]@{N=2}) @($o) -Property N -PassThru).SideIndicator; $o.SideIndicator")).toBe('=>\n<=\n=>\n');
  });
});

describe('Get-Unique', () => {
  it('drops adjacent duplicates case-sensitively', async () => {
    expect(await out("('aa','aa','Aa','ba','BA','BA' | Get-Unique -AsString) -join ','")).toBe('aa,Aa,ba,BA\n');
    expect(await out("(1,2,2,3,3 | gu) -join ','; (1,2,'x','y' | Get-Unique -OnType) -join ','")).toBe('1,2,3\n1,x\n');
  });
  it('takes -InputObject as one object', async () => {
    expect(await out('(Get-Unique -InputObject (1,2,2)).Count')).toBe('3\n');
  });
});

describe('New-Guid', () => {
  it('writes a random System.Guid', async () => {
    expect(await out('$g = New-Guid; $g -is [guid]; $g.ToString() -match "^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$"; $g.ToString() -ne (New-Guid).ToString()')).toBe('True\nTrue\nTrue\n');
  });
});

describe('ConvertFrom-StringData', () => {
  it('reads name=value lines into a hashtable, skipping comments and unescaping values', async () => {
    expect(await out('$h = ConvertFrom-StringData "# c`n a = 1 `n b=x\\ty`n"; $h.GetType().Name; $h.a; $h.b -eq "x`ty"; $h.Count')).toBe('Hashtable\n1\nTrue\n2\n');
  });
  it('fails with InvalidOperation on a line without = or a name given twice', async () => {
    expect(await out("try { ConvertFrom-StringData 'ab' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }")).toBe(
      "InvalidOperation,Microsoft.PowerShell.Commands.ConvertFromStringDataCommand\nData line 'ab' is not in 'name=value' format. \n",
    );
    expect(await out("try { ConvertFrom-StringData \"a=1`na=2\" } catch { $_.Exception.Message }")).toBe("Data item 'a' in line 'a=2' is already defined. \n");
  });
});

describe('Get-Culture and CultureInfo', () => {
  it('gives the lab machine culture, en-US, with its formats', async () => {
    expect(await out('$c = Get-Culture; $c.Name; $c.LCID; $c -is [cultureinfo]; $c.DateTimeFormat.AbbreviatedMonthNames[3]; (Get-UICulture).DisplayName')).toBe('en-US\n1033\nTrue\nApr\nEnglish (United States)\n');
    expect(await out('[System.Globalization.CultureInfo]::InvariantCulture.LCID; [cultureinfo]::CurrentCulture.DateTimeFormat.ShortDatePattern')).toBe('127\nM/d/yyyy\n');
  });
});

describe('Get-Date -UFormat as 5.1', () => {
  it('has 5.1 specifiers: unpadded %j, %V as DayOfYear/7+1, %u with Sunday 0, unknown letters as themselves', async () => {
    expect(await out("Get-Date -Date '2030-04-05 01:02:03' -UFormat '%j|%V|%G|%g|%U|%u|%C|%F|%%|%c'")).toBe('95|14|2030|30|13|5|20|F|%|Fri Apr  5 01:02:03 2030\n');
    expect(await out("Get-Date -Date '2030-04-07' -UFormat '%u%w'; Get-Date -Date 1/1/0030 -UFormat '%Y%y'")).toBe('00\n003030\n');
  });
});

describe('New-TimeSpan and Measure-Command', () => {
  it('New-TimeSpan spans two dates (now by the lab clock by default) or days/hours/minutes/seconds', async () => {
    expect(await out("(New-TimeSpan -Days 1 -Hours 12 -Minutes 30 -Seconds 15).TotalSeconds; (New-TimeSpan -Start '2026-01-01' -End '2026-03-01').Days; (New-TimeSpan).Ticks")).toBe('131415\n59\n0\n');
    expect(await out('(Get-Item C:\\Windows | New-TimeSpan) -is [timespan]')).toBe('True\n');
  });
  it('Measure-Command runs the block, drops its output and writes a TimeSpan', async () => {
    expect(await out('$n = 0; $t = Measure-Command { $script:n++; "dropped" }; $t -is [timespan]; $t.TotalMilliseconds -ge 0')).toBe('True\nTrue\n');
    expect(await out("(1, 2, 3 | Measure-Command { $_ }).GetType().Name")).toBe('TimeSpan\n');
  });
});

describe('Get-Date -DisplayHint', () => {
  it('shows only the date or the time part, as 5.1 DateTime view does', async () => {
    expect(await out("(Get-Date -Date 'Jan 1, 2020 10:30' -DisplayHint Date | Out-String).Trim(); (Get-Date -Date 'Jan 1, 2020 10:30' -DisplayHint Time | Out-String).Trim()")).toBe(
      'Wednesday, January 1, 2020\n10:30:00 AM\n',
    );
  });
});

describe('Format-Wide', () => {
  it('lays one value per object out in columns, folders in brackets, and refuses -Property with -View', async () => {
    expect(await out("'ex01', 'ex02', 'edge01' | Format-Wide -Column 3 | Out-String -Stream | ? { $_ } | % { $_ -replace '\\s+', '|' }")).toBe('ex01|ex02|edge01\n');
    expect(await out("'a', 'bb', 'ccc', 'dddd' | Format-Wide -AutoSize | Out-String -Stream | ? { $_ }")).toBe('a    bb   ccc  dddd\n');
    expect(await out("(Get-ChildItem C:\\ | Format-Wide | Out-String) -match '\\[Windows\\]'")).toBe('True\n');
    expect(await out("try { Format-Wide -InputObject 1 -Property x -View y } catch { $_.FullyQualifiedErrorId }")).toBe('FormatCannotSpecifyViewAndProperty,Microsoft.PowerShell.Commands.FormatWideCommand\n');
  });
});

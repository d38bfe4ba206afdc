// [System.Diagnostics.Stopwatch], [TimeSpan]::new / ::From*, [DateTime]::new (issue 11, fsc).
import { describe, expect, it } from 'vitest';
import { everydaySession } from '../cmdlets/everyday-session.js';

describe('time types', () => {
  it('a Stopwatch measures elapsed time across Start-Sleep and stops', async () => {
    const { run } = everydaySession();
    expect(await run('$w = [System.Diagnostics.Stopwatch]::StartNew(); $w.IsRunning; Start-Sleep -Milliseconds 30; $w.Stop(); $w.IsRunning; $w.ElapsedMilliseconds -ge 30; $w.ElapsedMilliseconds.GetType().Name; $w.Elapsed.GetType().FullName')).toBe(
      'True\nFalse\nTrue\nInt64\nSystem.TimeSpan\n',
    );
    expect(await run('$a = $w.ElapsedTicks; $b = $w.ElapsedTicks; $a -eq $b; $w.Reset(); $w.ElapsedMilliseconds')).toBe('True\n0\n');
    expect(await run('$n = New-Object System.Diagnostics.Stopwatch; $n.IsRunning; [Diagnostics.Stopwatch]::Frequency; [Diagnostics.Stopwatch]::IsHighResolution')).toBe('False\n10000000\nTrue\n');
  });

  it('TimeSpan has its constructors and From* methods (rounded to milliseconds, as .NET Framework)', async () => {
    const { run } = everydaySession();
    expect(await run('[timespan]::new(0,0,30).TotalSeconds; [timespan]::new(1,2,3,4,5).ToString(); [timespan]::new(50000000).TotalSeconds; (New-Object TimeSpan 1,2,3).ToString(); [timespan]::new().Ticks')).toBe(
      '30\n1.02:03:04.0050000\n5\n01:02:03\n0\n',
    );
    expect(await run('[timespan]::FromSeconds(1.2345).TotalMilliseconds; [timespan]::FromMinutes(2).TotalSeconds; [timespan]::FromTicks(10000).TotalMilliseconds; [timespan]::Zero.Ticks')).toBe('1235\n120\n1\n0\n');
    expect(await run('([datetime]::Now + [timespan]::new(0,0,30)).GetType().Name')).toBe('DateTime\n');
  });

  it('DateTime has its constructors; an impossible date is ArgumentOutOfRangeException', async () => {
    const { run } = everydaySession();
    expect(await run("[datetime]::new(2020,1,2,3,4,5).ToString('yyyy-MM-dd HH:mm:ss'); [datetime]::new(30,1,2).Year; [datetime]::new(2020,2,29,1,2,3,400).Millisecond")).toBe('2020-01-02 03:04:05\n30\n400\n');
    expect(await run('$t = [datetime]::new(2021,5,6).Ticks; [datetime]::new($t).Day')).toBe('6\n');
    expect(await run('try { [datetime]::new(2019,2,29) } catch { $_.Exception.InnerException.GetType().Name; $_.Exception.InnerException.Message }')).toBe(
      'ArgumentOutOfRangeException\nYear, Month, and Day parameters describe an un-representable DateTime.\n',
    );
  });
});

describe('byte arrays in the pipeline', () => {
  it('a byte[] value is enumerated like any array: piped bytes, a function returning one gives Object[]', async () => {
    const { run } = everydaySession();
    expect(await run('$b = [byte[]](71, 101); ($b | Measure-Object).Count; ($b | ForEach-Object { $_ + 1 }) -join ","')).toBe('2\n72,102\n');
    expect(await run('function f { [byte[]](1, 2) }; (f).GetType().FullName; $w = [IO.File]::WriteAllText("C:\\h.txt", "Get-Module`n"); ([IO.File]::ReadAllBytes("C:\\h.txt") | Measure-Object).Count')).toBe('System.Object[]\n11\n');
  });
});

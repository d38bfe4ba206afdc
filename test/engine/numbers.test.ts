// Numbers as .NET has them (issue 11, bullet 1): each value's text and its .NET type, as
// Windows PowerShell 5.1 shows them.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PSDecimal, parseNumeric } from '../../src/protocol/numbers.js';
import { toDisplayText, typeNamesOf } from '../../src/protocol/values.js';
import { capturedSession, type Captured } from '../helpers/run.js';
import { testShell } from './helpers.js';

/** `text` evaluated: [ToString() of the value, its .NET type name]. */
async function shows(text: string): Promise<[string, string]> {
  const r = await testShell().eval(text);
  if (r.errors.length) throw new Error(r.errors.map((e) => e.message).join('\n'));
  expect(r.output).toHaveLength(1);
  return [toDisplayText(r.output[0]), typeNamesOf(r.output[0])[0]!];
}

async function error(text: string): Promise<string> {
  const r = await testShell().eval(text);
  expect(r.errors.length).toBeGreaterThan(0);
  return r.errors[0]!.message;
}

describe('widening in arithmetic', () => {
  it('Int32 arithmetic stays Int32 and overflows to Double, as the binder\'s IntOps', async () => {
    expect(await shows('2 + 3')).toEqual(['5', 'System.Int32']);
    expect(await shows('[int]::MaxValue + 1')).toEqual(['2147483648', 'System.Double']);
    expect(await shows('[int]::MaxValue * 2')).toEqual(['4294967294', 'System.Double']);
    expect(await shows('512mb * 512mb')).toEqual(['2.88230376151712E+17', 'System.Double']);
    expect(await shows('$i = [int]::MaxValue; $i++; $i')).toEqual(['2147483648', 'System.Double']);
  });

  it('Int64 is exact and overflows to Double', async () => {
    expect(await shows('[long]::MaxValue')).toEqual(['9223372036854775807', 'System.Int64']);
    expect(await shows('[long]::MaxValue - 1')).toEqual(['9223372036854775806', 'System.Int64']);
    expect(await shows('[long]::MaxValue + 1')).toEqual(['9.22337203685478E+18', 'System.Double']);
    expect(await shows('[long]::MinValue')).toEqual(['-9223372036854775808', 'System.Int64']);
    expect(await shows('5l + 1')).toEqual(['6', 'System.Int64']);
    expect(await shows('$x = [long]5; $x++; $x')).toEqual(['6', 'System.Int64']);
    expect(await shows('3000000000 + 1')).toEqual(['3000000001', 'System.Int64']);
  });

  it('Decimal is exact; Double prints at 15 digits', async () => {
    expect(await shows('1.1d + 2.2d')).toEqual(['3.3', 'System.Decimal']);
    expect(await shows('0.1 + 0.2')).toEqual(['0.3', 'System.Double']);
    expect(await shows('[decimal]::MaxValue')).toEqual(['79228162514264337593543950335', 'System.Decimal']);
    expect(await shows('1d / 3')).toEqual(['0.3333333333333333333333333333', 'System.Decimal']);
    expect(await shows('2d / 3')).toEqual(['0.6666666666666666666666666667', 'System.Decimal']);
    expect(await shows('1.10d * 2')).toEqual(['2.20', 'System.Decimal']);
    expect(await shows('0.5 + 1d')).toEqual(['1.5', 'System.Decimal']);
    expect(await error('[decimal]::MaxValue + 1')).toBe('Value was either too large or too small for a Decimal.');
  });

  it('division is an integer only when exact; % keeps the type', async () => {
    expect(await shows('10 / 2')).toEqual(['5', 'System.Int32']);
    expect(await shows('10 / 4')).toEqual(['2.5', 'System.Double']);
    expect(await shows('[double]1 / 3')).toEqual(['0.333333333333333', 'System.Double']);
    expect(await shows('10l / 5')).toEqual(['2', 'System.Int64']);
    expect(await shows('7 % 3')).toEqual(['1', 'System.Int32']);
    expect(await shows('-7 % 3')).toEqual(['-1', 'System.Int32']);
    expect(await shows('7.5 % 2')).toEqual(['1.5', 'System.Double']);
    expect(await shows('1.5 / 0')).toEqual(['Infinity', 'System.Double']);
    expect(await error('1 / 0')).toBe('Attempted to divide by zero.');
    expect(await error('1d % 0')).toBe('Attempted to divide by zero.');
  });

  it('small integer types compute as Int32; UInt32 stays unsigned', async () => {
    expect(await shows('[byte]200 + [byte]100')).toEqual(['300', 'System.Int32']);
    expect(await shows('[uint32]5 + 1')).toEqual(['6', 'System.UInt32']);
    // UIntOps.Sub: a result below zero is a Double.
    expect(await shows('[uint32]5 - 6')).toEqual(['-1', 'System.Double']);
    expect(await shows('[single]1 + 1')).toEqual(['2', 'System.Double']);
  });

  it('bitwise operators and shifts on Int32 and Int64', async () => {
    expect(await shows('0xF0 -band 0x3C')).toEqual(['48', 'System.Int32']);
    expect(await shows('[long]5 -band 3')).toEqual(['1', 'System.Int64']);
    expect(await shows('0x100000000 -bor 1')).toEqual(['4294967297', 'System.Int64']);
    expect(await shows('[long]1 -shl 40')).toEqual(['1099511627776', 'System.Int64']);
    expect(await shows('1 -shl 40')).toEqual(['256', 'System.Int32']);
    expect(await shows('-bnot 0')).toEqual(['-1', 'System.Int32']);
    expect(await shows('-bnot 0l')).toEqual(['-1', 'System.Int64']);
  });

  it('comparison across kinds, exact for 64-bit integers', async () => {
    expect(await shows('5l -eq 5')).toEqual(['True', 'System.Boolean']);
    expect(await shows('5 -eq 5.0')).toEqual(['True', 'System.Boolean']);
    expect(await shows('1.5d -gt 1.4')).toEqual(['True', 'System.Boolean']);
    expect(await shows('[long]::MaxValue -gt [long]::MaxValue - 1')).toEqual(['True', 'System.Boolean']);
    expect(await shows('[long]::MaxValue -eq [long]::MaxValue - 1')).toEqual(['False', 'System.Boolean']);
    expect(await shows('(5).Equals(5l)')).toEqual(['False', 'System.Boolean']);
  });
});

describe('literals', () => {
  it('suffixes, multipliers and sizes', async () => {
    expect(await shows('5l')).toEqual(['5', 'System.Int64']);
    expect(await shows('5d')).toEqual(['5', 'System.Decimal']);
    expect(await shows('1.50d')).toEqual(['1.50', 'System.Decimal']);
    expect(await shows('1kb')).toEqual(['1024', 'System.Int32']);
    expect(await shows('2gb')).toEqual(['2147483648', 'System.Int64']);
    expect(await shows('1lkb')).toEqual(['1024', 'System.Int64']);
    expect(await shows('1.5kb')).toEqual(['1536', 'System.Double']);
    expect(await shows('1dkb')).toEqual(['1024', 'System.Decimal']);
    expect(await shows('1.0')).toEqual(['1', 'System.Double']);
    expect(await shows('1e20')).toEqual(['1E+20', 'System.Double']);
    expect(await shows('1e16')).toEqual(['1E+16', 'System.Double']);
    expect(await shows('0.0001')).toEqual(['0.0001', 'System.Double']);
    expect(await shows('0.00001')).toEqual(['1E-05', 'System.Double']);
    expect(await shows('-2147483648l')).toEqual(['-2147483648', 'System.Int64']);
    expect(await shows('-(2147483648)')).toEqual(['-2147483648', 'System.Int64']);
    expect(await shows('9223372036854775807')).toEqual(['9223372036854775807', 'System.Int64']);
    expect(await shows('9223372036854775808')).toEqual(['9223372036854775808', 'System.Decimal']);
  });

  it('hex: Int32 up to 8 digits (wrapping as .NET), Int64 beyond', async () => {
    expect(await shows('0xFFFFFFFF')).toEqual(['-1', 'System.Int32']);
    expect(await shows('0x7FFFFFFF')).toEqual(['2147483647', 'System.Int32']);
    expect(await shows('0x100000000')).toEqual(['4294967296', 'System.Int64']);
    expect(await shows('0xFFFFFFFFl')).toEqual(['4294967295', 'System.Int64']);
    expect(await shows('0x7FFFFFFFFFFFFFFF')).toEqual(['9223372036854775807', 'System.Int64']);
    expect(await shows('0xFFFFFFFFFFFFFFFF')).toEqual(['-1', 'System.Int64']);
  });

  it('parseNumeric reads strings as literals are read', () => {
    expect(parseNumeric(' 42 ')).toBe(42);
    expect(parseNumeric('abc')).toBeUndefined();
    expect(String(parseNumeric('1.10d'))).toBe('1.10');
    expect(PSDecimal.parse('2.5e3')!.toString()).toBe('2500');
  });
});

describe('casts and -as', () => {
  it('each numeric type with banker\'s rounding', async () => {
    expect(await shows('[int]2.5')).toEqual(['2', 'System.Int32']);
    expect(await shows('[int]3.5')).toEqual(['4', 'System.Int32']);
    expect(await shows('[long]"9223372036854775807"')).toEqual(['9223372036854775807', 'System.Int64']);
    expect(await shows('[decimal]0.1')).toEqual(['0.1', 'System.Decimal']);
    expect(await shows('[decimal]"1.10"')).toEqual(['1.10', 'System.Decimal']);
    expect(await shows('[double]2')).toEqual(['2', 'System.Double']);
    expect(await shows('[single]0.1')).toEqual(['0.1', 'System.Single']);
    expect(await shows('[byte]255')).toEqual(['255', 'System.Byte']);
    expect(await shows('[sbyte]"-128"')).toEqual(['-128', 'System.SByte']);
    expect(await shows('[int16](-5)')).toEqual(['-5', 'System.Int16']);
    expect(await shows('[uint16]65535')).toEqual(['65535', 'System.UInt16']);
    expect(await shows('[uint32]4294967295')).toEqual(['4294967295', 'System.UInt32']);
    expect(await shows('[uint64]"18446744073709551615"')).toEqual(['18446744073709551615', 'System.UInt64']);
  });

  it('overflow errors with .NET\'s texts', async () => {
    expect(await error('[byte]300')).toBe('Cannot convert value "300" to type "System.Byte". Error: "Value was either too large or too small for an unsigned byte."');
    expect(await error('[sbyte]128')).toBe('Cannot convert value "128" to type "System.SByte". Error: "Value was either too large or too small for a signed byte."');
    expect(await error('[int16]32768')).toBe('Cannot convert value "32768" to type "System.Int16". Error: "Value was either too large or too small for an Int16."');
    expect(await error('[uint32](-1)')).toBe('Cannot convert value "-1" to type "System.UInt32". Error: "Value was either too large or too small for a UInt32."');
    expect(await error('[int]"abc"')).toBe('Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."');
  });

  it('-as gives the type or $null; -is tells the kinds apart', async () => {
    expect(await shows('5 -as [long]')).toEqual(['5', 'System.Int64']);
    expect(await shows('"1.5" -as [decimal]')).toEqual(['1.5', 'System.Decimal']);
    expect(await shows('2.5 -as [byte]')).toEqual(['2', 'System.Byte']);
    expect(await shows('$null -eq (300 -as [byte])')).toEqual(['True', 'System.Boolean']);
    expect(await shows('5 -is [long]')).toEqual(['False', 'System.Boolean']);
    expect(await shows('5l -is [long]')).toEqual(['True', 'System.Boolean']);
    expect(await shows('5l -is [ValueType]')).toEqual(['True', 'System.Boolean']);
    expect(await shows('1.0 -is [double]')).toEqual(['True', 'System.Boolean']);
  });

  it('GetType() names each kind', async () => {
    expect(await shows('(5).GetType().FullName')).toEqual(['System.Int32', 'System.String']);
    expect(await shows('(5l).GetType().Name')).toEqual(['Int64', 'System.String']);
    expect(await shows('(1.5d).GetType().Name')).toEqual(['Decimal', 'System.String']);
    expect(await shows('([byte]1).GetType().Name')).toEqual(['Byte', 'System.String']);
    expect(await shows('([char]97).GetType().Name')).toEqual(['Char', 'System.String']);
  });

  it('typed arrays convert each element and name their type', async () => {
    expect(await shows('([int[]]("1", "2")).GetType().FullName')).toEqual(['System.Int32[]', 'System.String']);
    expect(await shows('([long[]](1, 2))[1].GetType().Name')).toEqual(['Int64', 'System.String']);
    expect(await shows('([double[]](1, 2))[0].GetType().Name')).toEqual(['Double', 'System.String']);
    expect(await shows('([string[]](1, 2))[0].GetType().Name')).toEqual(['String', 'System.String']);
    expect(await shows('([byte[]](1, 2)).GetType().Name')).toEqual(['Byte[]', 'System.String']);
    expect(await error('[byte[]](1, 256)')).toContain('too small for an unsigned byte');
    // Storing into a typed array converts; += makes a new object[].
    expect(await shows('$a = [int[]](1, 2); $a[0] = "5"; $a[0]')).toEqual(['5', 'System.Int32']);
    expect(await shows('$a = [int[]](1, 2); $a += 3; $a.GetType().Name')).toEqual(['Object[]', 'System.String']);
  });

  it('stacked casts and a cast of a negative number', async () => {
    expect(await shows("[int][char]'a'")).toEqual(['97', 'System.Int32']);
    expect(await shows('[pscustomobject][ordered]@{a = 1}')).toEqual(['@{a=1}', 'System.Management.Automation.PSCustomObject']);
    expect(await shows('[sbyte]-128')).toEqual(['-128', 'System.SByte']);
    expect(await shows('[math]::Abs([long]-5)')).toEqual(['5', 'System.Int64']);
    expect(await shows('[int]::MaxValue-1')).toEqual(['2147483646', 'System.Int32']);
  });

  it('chars: [char]97, [char[]]"ab", [int] of a char', async () => {
    expect(await shows('[char]97')).toEqual(['a', 'System.Char']);
    expect(await shows('[int]([char]"a")')).toEqual(['97', 'System.Int32']);
    expect(await shows('([char[]]"ab").Count')).toEqual(['2', 'System.Int32']);
    expect(await shows('([char[]]"ab") -join "-"')).toEqual(['a-b', 'System.String']);
    expect(await shows('[char]"a" -eq "A"')).toEqual(['True', 'System.Boolean']);
    expect(await error('[char]"ab"')).toContain('String must be exactly one character long.');
  });
});

describe('formatting and [math]', () => {
  it('-f and ToString() with .NET formats', async () => {
    expect(await shows('"{0:N2}" -f 1234.5')).toEqual(['1,234.50', 'System.String']);
    expect(await shows('(255).ToString("X")')).toEqual(['FF', 'System.String']);
    expect(await shows('"{0:X}" -f [long]::MaxValue')).toEqual(['7FFFFFFFFFFFFFFF', 'System.String']);
    expect(await shows('[long]::MaxValue.ToString("N0")')).toEqual(['9,223,372,036,854,775,807', 'System.String']);
    expect(await shows('"{0:N2}" -f 2.5d')).toEqual(['2.50', 'System.String']);
  });

  it('[math] overloads keep .NET\'s result types', async () => {
    expect(await shows('[math]::Round(2.5)')).toEqual(['2', 'System.Double']);
    expect(await shows('[math]::Round(3.5)')).toEqual(['4', 'System.Double']);
    expect(await shows('[math]::Round(2.345d, 2)')).toEqual(['2.34', 'System.Decimal']);
    expect(await shows('[math]::Pow(2, 10)')).toEqual(['1024', 'System.Double']);
    expect(await shows('[math]::Truncate(-2.7)')).toEqual(['-2', 'System.Double']);
    expect(await shows('[math]::Abs([long]::MinValue + 1)')).toEqual(['9223372036854775807', 'System.Int64']);
    expect(await shows('[math]::Abs(-5)')).toEqual(['5', 'System.Int32']);
    expect(await shows('[math]::Max(1, 2l)')).toEqual(['2', 'System.Int64']);
    expect(await error('[math]::Abs([int]::MinValue)')).toContain('Negating the minimum value of a twos complement number is invalid.');
  });


  it('a function\'s [long] parameter gets an Int64', async () => {
    expect(await shows('function f([long]$x) { $x.GetType().Name }; f 5')).toEqual(['Int64', 'System.String']);
    expect(await shows('[long]$x = 5; $x = 7; $x.GetType().Name')).toEqual(['Int64', 'System.String']);
    expect(await shows('function f([byte]$b) { $b.GetType().Name }; f 5')).toEqual(['Byte', 'System.String']);
    expect(await shows('function f([long[]]$b) { $b.GetType().Name }; f 5')).toEqual(['Int64[]', 'System.String']);
    expect(await shows('function f([string[]]$b) { $b.GetType().Name }; f 5')).toEqual(['String[]', 'System.String']);
    expect(await error('function f([byte]$b) { $b }; f 300')).toBe(
      'Cannot bind parameter \'b\'. Cannot convert value "300" to type "System.Byte". Error: "Value was either too large or too small for an unsigned byte."',
    );
  });
});

describe('cmdlets read the boxed kinds', () => {
  let sh: Captured;
  beforeAll(async () => {
    sh = await capturedSession();
  });
  afterAll(async () => {
    await sh?.close();
  });
  const out = async (text: string) => (await sh.run(text)).out;

  it('ConvertTo-Json, Measure-Object, Sort-Object, Format-Table', async () => {
    expect(await out('[pscustomobject]@{a = 5l; b = 1.50d; c = [byte]3} | ConvertTo-Json -Compress')).toBe('{"a":5,"b":1.50,"c":3}\n');
    expect(await out('(1l, 2.5d, [byte]3 | Measure-Object -Sum).Sum')).toBe('6.5\n');
    expect(await out('(3l, 1, 2.5d, [byte]2 | Sort-Object) -join ","')).toBe('1,2,2.5,3\n');
    expect(await out('[long]::MaxValue, 1.5d')).toBe('9223372036854775807\n1.5\n');
    // Numbers align right in a table, whatever their kind.
    expect(await out('[pscustomobject]@{Name = "x"; Size = 12345678901l} | Format-Table -AutoSize')).toContain('x    12345678901');
  });
});

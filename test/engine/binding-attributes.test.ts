// Binding into functions: ValueFromRemainingArguments, by-property-name pipeline input with
// aliases, and the Validate* / Allow* attributes with Windows PowerShell 5.1's error texts and ids.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let sh: Captured;
beforeAll(async () => {
  sh = await capturedSession();
});
afterAll(async () => {
  await sh?.close();
});

const out = async (text: string) => (await sh.run(text)).out;

/** The message line and the FullyQualifiedErrorId of the first error printed. */
async function failure(text: string): Promise<{ message: string; id: string }> {
  const o = await out(text);
  const message = /^\S+ : (.*)$/m.exec(o)?.[1] ?? '';
  const id = /FullyQualifiedErrorId : (.*)$/m.exec(o)?.[1] ?? '';
  return { message, id };
}

describe('ValueFromRemainingArguments', () => {
  it('takes what positional binding leaves, in order, and $args stays empty', async () => {
    await sh.run('function ra1 { param([Parameter(ValueFromRemainingArguments=$true)]$Rest, $A) "A=$A"; "Rest=$($Rest -join \'|\')"; "args=$($args.Count)" }');
    expect(await out('ra1 1 2 3')).toBe('A=1\nRest=2|3\nargs=0\n');
  });

  it('keeps unknown -Name words as text (-Name: with a colon argument)', async () => {
    expect(await out('ra1 1 -Foo 2 -Bar:3')).toBe('A=1\nRest=-Foo|2|-Bar:|3\nargs=0\n');
  });

  it('one array argument is the value itself, not an array holding it', async () => {
    expect(await out('ra1 1 (4,5); function ra2 { param([Parameter(ValueFromRemainingArguments)][int[]]$R) $R.Count; $R[1].GetType().Name }; ra2 7,8')).toBe(
      'A=1\nRest=4|5\nargs=0\n2\nInt32\n',
    );
  });

  it('unbound when nothing is left; still an error for an unknown name without such a parameter', async () => {
    expect(await out('function ra3 { param([Parameter(ValueFromRemainingArguments)]$R) $null -eq $R }; ra3')).toBe('True\n');
    expect(await failure('function ra4 { [CmdletBinding()] param($A) $A }; ra4 -Nope 1')).toEqual({
      message: "A parameter cannot be found that matches parameter name 'Nope'.",
      id: 'NamedParameterNotFound,ra4',
    });
  });
});

describe('pipeline input by property name into functions', () => {
  it('binds a property by the parameter name or one of its aliases', async () => {
    await sh.run(
      "function bp1 { param([Parameter(ValueFromPipelineByPropertyName)][Alias('Thumbprint')][string]$Identity, [Parameter(ValueFromPipelineByPropertyName)][int]$Port = 25) process { \"$Identity on $Port\" } }",
    );
    expect(await out("[pscustomobject]@{ Thumbprint = 'AB12'; Port = '443' }, [pscustomobject]@{ Identity = 'CD34' } | bp1")).toBe('AB12 on 443\nCD34 on 25\n');
  });

  it('binds from the properties of Exchange objects (an ExchangeCertificate\'s Thumbprint by alias)', async () => {
    const o = await out("function bp2 { param([Parameter(ValueFromPipelineByPropertyName)][Alias('Thumbprint')][string]$Hash) process { $Hash } }; Get-ExchangeCertificate | Select-Object -First 1 | bp2");
    expect(o).toMatch(/^[0-9A-F]{40}\n$/);
  });

  it('what the previous object bound goes back to the default; typed parameters default to \'\', 0, $false', async () => {
    await sh.run('function bp3 { param([Parameter(Mandatory, ValueFromPipelineByPropertyName)][string]$Name, [Parameter(ValueFromPipelineByPropertyName)][int]$Port) process { "$Name $Port" } }');
    const o = await out('[pscustomobject]@{ Name = "a"; Port = 1 }, [pscustomobject]@{ Port = 2 }, [pscustomobject]@{ Name = "c" } | bp3');
    expect(o).toMatch(/^a 1\n/);
    expect(o).toContain('FullyQualifiedErrorId : InputObjectMissingMandatory,bp3');
    expect(o).toMatch(/\nc 0\n$/);
    expect(await out('function td([int]$i, [string]$s, [bool]$b, $o) { $i; "[$s]"; $b; $null -eq $o }; td')).toBe('0\n[]\nFalse\nTrue\n');
  });

  it('an object without the property is InputObjectNotBound', async () => {
    expect(await failure("[pscustomobject]@{ Other = 1 } | bp1")).toEqual({
      message:
        'The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.',
      id: 'InputObjectNotBound,bp1',
    });
  });
});

describe('Validate* attributes', () => {
  it('ValidateCount: too many and too few, as 5.1 words them', async () => {
    await sh.run('function vc { [CmdletBinding()] param([ValidateCount(1,3)][string[]]$N) $N.Count }');
    expect(await out('vc -N a,b')).toBe('2\n');
    expect(await failure('vc -N a,b,c,d')).toEqual({
      message:
        "Cannot validate argument on parameter 'N'. The number of provided arguments, (4), exceeds the maximum number of allowed arguments (3). Provide fewer than 3 arguments, and then try the command again.",
      id: 'ParameterArgumentValidationError,vc',
    });
    expect((await failure('vc -N @()')).message).toBe(
      "Cannot validate argument on parameter 'N'. The number of provided arguments (0) is fewer than the minimum number of allowed arguments (1). Provide more than 1 arguments, and then try the command again.",
    );
  });

  it('ValidateLength: each string, too long and too short', async () => {
    await sh.run('function vl { param([ValidateLength(2,5)][string[]]$N) $N -join "," }');
    expect(await out('vl ab,abcde')).toBe('ab,abcde\n');
    expect((await failure('vl ab,abcdefg')).message).toBe(
      "Cannot validate argument on parameter 'N'. The character length of the 7 argument is too long. Shorten the character length of the argument so it is fewer than or equal to \"5\" characters, and then try the command again.",
    );
    expect((await failure('vl a')).message).toBe(
      "Cannot validate argument on parameter 'N'. The character length (1) of the argument is too short. Specify an argument with a length that is greater than or equal to \"2\", and then try the command again.",
    );
  });

  it('ValidatePattern ignores case, as .NET with IgnoreCase', async () => {
    await sh.run("function vp { param([ValidatePattern('^ex\\d+$')][string]$N) $N }");
    expect(await out('vp EX2007')).toBe('EX2007\n');
    expect(await failure('vp mail01')).toEqual({
      message: `Cannot validate argument on parameter 'N'. The argument "mail01" does not match the "^ex\\d+$" pattern. Supply an argument that matches "^ex\\d+$" and try the command again.`,
      id: 'ParameterArgumentValidationError,vp',
    });
  });

  it('ValidateScript runs per element with $_, on the command line and for pipeline input', async () => {
    await sh.run('function vs { param([ValidateScript({$_ -gt 3})][int[]]$N) "vs $N" }');
    expect(await out('vs 5,6')).toBe('vs 5 6\n');
    expect(await failure('vs 5,2')).toEqual({
      message:
        'Cannot validate argument on parameter \'N\'. The "$_ -gt 3" validation script for the argument with value "2" did not return a result of True. Determine why the validation script failed, and then try the command again.',
      id: 'ParameterArgumentValidationError,vs',
    });
    // An error in the block is the validation error's text.
    expect((await failure('function vs3 { param([ValidateScript({ if ($_ -lt 5) { throw "too small: $_" }; $true })]$x) $x }; vs3 1')).message).toBe(
      "Cannot validate argument on parameter 'x'. too small: 1",
    );
    await sh.run('function vs2 { param([Parameter(ValueFromPipeline)][ValidateScript({ Test-Path "C:\\$_" })][string]$N) process { "ok $N" } }');
    const o = await out("'Windows', 'nowhere', 'Windows\\system32' | vs2");
    expect(o).toMatch(/^ok Windows\n/);
    expect(o).toContain('The " Test-Path "C:\\$_" " validation script for the argument with value "nowhere" did not return a result of True.');
    expect(o).toMatch(/ok Windows\\system32\n$/);
  });

  it('ValidateRange, ValidateNotNull and ValidateNotNullOrEmpty', async () => {
    expect((await failure('function vr { param([ValidateRange(1,3)][int]$N) $N }; vr 5')).message).toBe(
      "Cannot validate argument on parameter 'N'. The 5 argument is greater than the maximum allowed range of 3. Supply an argument that is less than or equal to 3 and then try the command again.",
    );
    expect((await failure('function vnn { param([ValidateNotNull()]$N) 1 }; vnn -N $null')).message).toBe(
      "Cannot validate argument on parameter 'N'. The argument is null. Provide a valid value for the argument, and then try running the command again.",
    );
    expect(await out("vnn -N ''")).toBe('1\n');
    expect((await failure("function vne { param([ValidateNotNullOrEmpty()][string[]]$N) 1 }; vne -N @()")).message).toBe(
      "Cannot validate argument on parameter 'N'. The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again.",
    );
    expect((await failure("vne -N ''")).message).toBe(
      "Cannot validate argument on parameter 'N'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.",
    );
  });
});

describe('Allow* attributes on mandatory parameters', () => {
  it('AllowEmptyCollection lets @() through; without it the empty array is refused', async () => {
    expect(await out('function ae { param([Parameter(Mandatory)][AllowEmptyCollection()][string[]]$N) "ok $($N.Count)" }; ae -N @()')).toBe('ok 0\n');
    expect(await failure('function ae2 { param([Parameter(Mandatory)][string[]]$N) 1 }; ae2 -N @()')).toEqual({
      message: "Cannot bind argument to parameter 'N' because it is an empty array.",
      id: 'ParameterArgumentValidationErrorEmptyArrayNotAllowed,ae2',
    });
  });

  it('AllowEmptyString and AllowNull', async () => {
    expect(await out("function aes { param([Parameter(Mandatory)][AllowEmptyString()][string]$N) \"[$N]\" }; aes ''")).toBe('[]\n');
    expect(await failure("function aes2 { param([Parameter(Mandatory)][string]$N) 1 }; aes2 ''")).toEqual({
      message: "Cannot bind argument to parameter 'N' because it is an empty string.",
      id: 'ParameterArgumentValidationErrorEmptyStringNotAllowed,aes2',
    });
    expect(await out('function an { param([Parameter(Mandatory)][AllowNull()]$N) $null -eq $N }; an -N $null')).toBe('True\n');
    expect((await failure('function an2 { param([Parameter(Mandatory)]$N) 1 }; an2 -N $null')).id).toBe('ParameterArgumentValidationErrorNullNotAllowed,an2');
  });
});

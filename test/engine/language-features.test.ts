// The language constructs of issue 11 ("Fidelity") that kept PowerShell's own test files from
// parsing: member calls with a script-block argument, computed member names, the collection
// methods' modes, classes, enums, dynamic parameters.
import { describe, expect, it } from 'vitest';
import { testShell } from './helpers.js';

async function value(text: string): Promise<unknown[]> {
  const sh = testShell();
  const r = await sh.eval(text);
  if (r.errors.length) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.output;
}

async function errorIds(text: string): Promise<string[]> {
  const r = await testShell().eval(text);
  return r.errors.map((e) => e.errorId);
}

describe('member access', () => {
  it('a script block glued to a member name is the call\'s one argument', async () => {
    expect(await value('(1, 2, 3).ForEach{ $_ * 10 }')).toEqual([10, 20, 30]);
    expect(await value("@('a', 'bb').Where{ $_.Length -gt 1 }")).toEqual(['bb']);
    expect(await value("(1..3).ForEach{ [string]$_ } -join '|'")).toEqual(['1|2|3']);
  });

  it('the name may stand apart from the dot in an expression, and may be computed', async () => {
    expect(await value("'abc'. Length")).toEqual([3]);
    expect(await value("$h = @{ a = 1 }; $n = 'a'; $h.$($n); $h.('a')")).toEqual([1, 1]);
  });
});

describe('.Where() and .ForEach()', () => {
  it('Where picks by WhereOperatorSelectionMode and numberToReturn', async () => {
    expect(await value("(1..10).Where({ $_ -gt 3 }, 'First', 2)")).toEqual([4, 5]);
    expect(await value("(1..10).Where({ $_ -gt 3 }, 'Last')")).toEqual([10]);
    expect(await value("(1..10).Where({ $_ -gt 7 }, 'SkipUntil')")).toEqual([8, 9, 10]);
    expect(await value("(1..10).Where({ $_ -gt 3 }, 'Until')")).toEqual([1, 2, 3]);
    expect(await value("$a, $b = (1..6).Where({ $_ % 2 }, 'Split'); $a.Count; $b -join ','")).toEqual([3, '2,4,6']);
  });

  it('a mode that is not one is a method-argument conversion error', async () => {
    expect(await errorIds("(1..3).Where({ $_ }, 'bogus')")).toEqual(['MethodArgumentConversionInvalidCastArgument']);
  });

  it('ForEach takes a type, a property name, or a method name with arguments', async () => {
    expect(await value("('a', 'bb').ForEach('Length')")).toEqual([1, 2]);
    expect(await value("(1, 2).ForEach([string])")).toEqual(['1', '2']);
    expect(await value("('a b').ForEach('Split', ' ')")).toEqual(['a', 'b']);
    expect(await value('(1..3).ForEach({ $_ + $args[0] }, 10)')).toEqual([11, 12, 13]);
  });
});

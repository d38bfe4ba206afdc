import { describe, expect, it } from 'vitest';
import { binaryOperation as op, compareValues, formatString, unaryOperation as un, valuesEqual } from '../../src/protocol/operators.js';
import { ErrorRecord, TerminatingError } from '../../src/protocol/errors.js';
import { PSHashtable, PSObject, PSTypeValue } from '../../src/protocol/values.js';

function err(f: () => unknown): ErrorRecord {
  try {
    f();
  } catch (e) {
    if (e instanceof TerminatingError) return e.record;
    throw e;
  }
  throw new Error('expected an error');
}

const ht = (...kv: [string, unknown][]) => {
  const h = new PSHashtable();
  for (const [k, v] of kv) h.set(k, v);
  return h;
};

describe('arithmetic: the left operand decides', () => {
  it('+', () => {
    expect(op('+', '1', 1)).toBe('11');
    expect(op('+', 1, '1')).toBe(2);
    expect(op('+', [1, 2], 3)).toEqual([1, 2, 3]);
    expect(op('+', [1], [2, 3])).toEqual([1, 2, 3]);
    expect(op('+', null, 5)).toBe(5);
    expect(op('+', 'a', null)).toBe('a');
    expect(op('+', 'a', [1, 2])).toBe('a1 2');
    expect(err(() => op('+', 1, 'x')).message).toBe('Cannot convert value "x" to type "System.Int32". Error: "Input string was not in a correct format."');
  });

  it('hashtable + hashtable merges; duplicate keys fail', () => {
    const m = op('+', ht(['a', 1]), ht(['b', 2])) as PSHashtable;
    expect(m.entries()).toEqual([['a', 1], ['b', 2]]);
    const r = err(() => op('+', ht(['c', 1]), ht(['C', 2])));
    expect(r.message).toBe("Item has already been added. Key in dictionary: 'c'  Key being added: 'C'");
    expect(r.exceptionType).toBe('ArgumentException');
    expect(err(() => op('+', ht(['a', 1]), 1)).message).toBe('A hash table can only be added to another hash table.');
  });

  it('* repeats strings and arrays', () => {
    expect(op('*', 'ab', 3)).toBe('ababab');
    expect(op('*', [1, 2], 2)).toEqual([1, 2, 1, 2]);
    expect(op('*', 3, '4')).toBe(12);
    expect(op('*', '3', 4)).toBe('3333');
  });

  it('- / % convert strings', () => {
    expect(op('-', '10', 2)).toBe(8);
    expect(op('/', 5, 2)).toBe(2.5);
    expect(op('/', '10', 2)).toBe(5);
    expect(op('%', 7, 3)).toBe(1);
    expect(op('%', -7, 3)).toBe(-1);
  });

  it('division by zero', () => {
    const r = err(() => op('/', 1, 0));
    expect(r.message).toBe('Attempted to divide by zero.');
    expect(r.category).toBe('NotSpecified');
    expect(err(() => op('%', 1, 0)).message).toBe('Attempted to divide by zero.');
  });

  it('op_ errors for arrays and objects', () => {
    expect(err(() => op('-', [1], 1)).message).toBe("Method invocation failed because [System.Object[]] does not contain a method named 'op_Subtraction'.");
    expect(err(() => op('+', new PSObject(), 1)).message).toBe(
      "Method invocation failed because [System.Management.Automation.PSCustomObject] does not contain a method named 'op_Addition'.",
    );
  });

  it('date - date is a TimeSpan', () => {
    const ts = op('-', new Date(2024, 0, 2), new Date(2024, 0, 1)) as PSObject;
    expect(ts.get('TotalHours')).toBe(24);
    expect(ts.toString()).toBe('1.00:00:00');
  });
});

describe('ranges', () => {
  it('up, down, from strings, rounding', () => {
    expect(op('..', 1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(op('..', 3, 1)).toEqual([3, 2, 1]);
    expect(op('..', '1', '3')).toEqual([1, 2, 3]);
    expect(op('..', 1, 2.5)).toEqual([1, 2]);
  });
  it('guards', () => {
    expect(err(() => op('..', 1, 3000000000)).message).toBe(
      'Cannot convert value "3000000000" to type "System.Int32". Error: "Value was either too large or too small for an Int32."',
    );
    expect(err(() => op('..', 1, 60_000_000)).errorId).toBe('RangeTooBig');
  });
});

describe('comparison', () => {
  it('case-insensitive by default, c forms sensitive', () => {
    expect(op('-eq', 'abc', 'ABC')).toBe(true);
    expect(op('-ceq', 'abc', 'ABC')).toBe(false);
    expect(op('-ne', 'a', 'b')).toBe(true);
    expect(op('-lt', 'a', 'B')).toBe(true);
    expect(op('-gt', 'b', 'A')).toBe(true);
  });

  it('right converts to the left type', () => {
    expect(op('-eq', 1, '1')).toBe(true);
    expect(op('-eq', '1', 1)).toBe(true);
    expect(op('-eq', 1, 'abc')).toBe(false);
    expect(op('-eq', '1.0', 1)).toBe(false);
    expect(op('-eq', 1, '1.0')).toBe(true);
    expect(op('-eq', true, 'false')).toBe(true);
    expect(op('-gt', 10, '9')).toBe(true);
    expect(op('-gt', '10', 9)).toBe(false); // string comparison
    expect(op('-eq', null, null)).toBe(true);
    expect(op('-eq', null, 0)).toBe(false);
  });

  it('number vs unconvertible string is an error for ordering', () => {
    expect(err(() => op('-lt', 1, 'abc')).message).toBe(
      'Could not compare "1" to "abc". Error: "Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format.""',
    );
  });

  it('arrays on the left filter', () => {
    expect(op('-gt', [1, 2, 3], 1)).toEqual([2, 3]);
    expect(op('-eq', [1, 2, 1], 1)).toEqual([1, 1]);
    expect(op('-eq', [1, 2], 5)).toEqual([]);
    expect(op('-ne', ['a', null, 'b'], null)).toEqual(['a', 'b']);
    expect(op('-like', ['apple', 'banana', 'avocado'], 'a*')).toEqual(['apple', 'avocado']);
    expect(op('-match', ['a1', 'b', 'c2'], '\\d')).toEqual(['a1', 'c2']);
  });

  it('dates compare with date strings', () => {
    expect(op('-lt', new Date(2024, 0, 1), '2/1/2024')).toBe(true);
  });
});

describe('-like and wildcards', () => {
  it('* ? [a-z] and escapes', () => {
    expect(op('-like', 'Exchange', 'ex*')).toBe(true);
    expect(op('-clike', 'Exchange', 'ex*')).toBe(false);
    expect(op('-like', 'abc', 'a?c')).toBe(true);
    expect(op('-like', 'abc', '[a-b]bc')).toBe(true);
    expect(op('-like', 'cbc', '[a-b]bc')).toBe(false);
    expect(op('-notlike', 'abc', '*z*')).toBe(true);
    expect(op('-like', 'a*c', 'a`*c')).toBe(true);
    expect(op('-like', 'abc', 'a`*c')).toBe(false);
    expect(op('-like', 'a.c', 'a.c')).toBe(true);
    expect(op('-like', 'abc', 'a.c')).toBe(false);
  });
});

describe('-match and $Matches', () => {
  it('sets numbered and named groups', () => {
    let m: PSHashtable | undefined;
    expect(op('-match', 'CN=mail.contoso.com', 'CN=(?<host>[^.]+)\\.(.*)', (x) => (m = x))).toBe(true);
    expect(m!.get(0)).toBe('CN=mail.contoso.com');
    expect(m!.get(1)).toBe('contoso.com');
    expect(m!.get('host')).toBe('mail');
  });
  it('case-insensitive by default; -cmatch; -notmatch', () => {
    expect(op('-match', 'ABC', 'b')).toBe(true);
    expect(op('-cmatch', 'ABC', 'b')).toBe(false);
    expect(op('-notmatch', 'ABC', 'z')).toBe(true);
  });
  it('.NET syntax: inline options, (?\'name\'), \\A \\z', () => {
    let m: PSHashtable | undefined;
    expect(op('-cmatch', 'ABC', '(?i)b')).toBe(true);
    expect(op('-match', 'x12', "(?'num'\\d+)\\z", (x) => (m = x))).toBe(true);
    expect(m!.get('num')).toBe('12');
    expect(op('-match', 'abc', '\\Aabc')).toBe(true);
  });
});

describe('-replace', () => {
  it('regex with $1 and ${name}', () => {
    expect(op('-replace', 'Hello World', ['(\\w+) (\\w+)', '$2 $1'])).toBe('World Hello');
    expect(op('-replace', 'a-b', ['(?<x>a)-(?<y>b)', '${y}+${x}'])).toBe('b+a');
    expect(op('-replace', 'aaa', 'a')).toBe('');
    expect(op('-replace', 'AbA', ['a', 'x'])).toBe('xbx');
    expect(op('-creplace', 'AbA', ['a', 'x'])).toBe('AbA');
    expect(op('-replace', 'abc', ['b', '$0$0'])).toBe('abbc');
    expect(op('-replace', 'a.b', ['\\.', '$$'])).toBe('a$b');
    expect(op('-replace', ['ab', 'cb'], ['b', 'x'])).toEqual(['ax', 'cx']);
    // .NET numbers unnamed groups before named ones
    expect(op('-replace', 'k=v', ['(?<key>\\w)=(\\w)', '$1:${key}:$2'])).toBe('v:k:k');
  });
});

describe('-split and -join', () => {
  it('binary -split is a regex, with max count', () => {
    expect(op('-split', 'a,b,,c', ',')).toEqual(['a', 'b', '', 'c']);
    expect(op('-split', 'a1b22c', '\\d+')).toEqual(['a', 'b', 'c']);
    expect(op('-split', 'a,b,c,d', [',', 2])).toEqual(['a', 'b,c,d']);
    expect(op('-split', 'A.B', ['.', 0, 'SimpleMatch'])).toEqual(['A', 'B']);
    expect(op('-split', 'aXbxc', 'x')).toEqual(['a', 'b', 'c']);
    expect(op('-csplit', 'aXbxc', 'x')).toEqual(['aXb', 'c']);
    expect(op('-split', 'a-b', '(-)')).toEqual(['a', '-', 'b']);
  });
  it('unary -split on whitespace, -join', () => {
    expect(un('-split', '  a  b\tc ')).toEqual(['a', 'b', 'c']);
    expect(op('-join', [1, 2, 3], ', ')).toBe('1, 2, 3');
    expect(un('-join', ['a', 'b'])).toBe('ab');
    expect(op('-join', 'x', '-')).toBe('x');
  });
});

describe('containment and type operators', () => {
  it('-contains / -in', () => {
    expect(op('-contains', [1, 2, 3], '2')).toBe(true);
    expect(op('-notcontains', [1, 2, 3], 4)).toBe(true);
    expect(op('-contains', ['IIS', 'SMTP'], 'smtp')).toBe(true);
    expect(op('-ccontains', ['IIS', 'SMTP'], 'smtp')).toBe(false);
    expect(op('-in', 'b', ['a', 'b'])).toBe(true);
    expect(op('-notin', 'z', ['a', 'b'])).toBe(true);
    expect(op('-contains', 'abc', 'b')).toBe(false);
  });
  it('-is / -isnot / -as with type values and names', () => {
    expect(op('-is', 1, new PSTypeValue('System.Int32'))).toBe(true);
    expect(op('-is', 'x', 'string')).toBe(true);
    expect(op('-isnot', 'x', 'int')).toBe(true);
    expect(op('-as', '12', 'int')).toBe(12);
    expect(op('-as', 'x', 'int')).toBeNull();
    // A name that is no type: the cast to Type fails, rethrown as a plain RuntimeException (5.1's ConvertTo<Type>).
    expect(err(() => op('-is', 1, 'NoSuchType')).message).toBe('Cannot convert the "NoSuchType" value of type "System.String" to type "System.Type".');
    expect(err(() => op('-is', 1, 'NoSuchType')).errorId).toBe('RuntimeException');
  });
});

describe('logical, bitwise, unary', () => {
  it('logical', () => {
    expect(op('-and', 1, 'x')).toBe(true);
    expect(op('-or', 0, '')).toBe(false);
    expect(op('-xor', true, false)).toBe(true);
    expect(un('-not', '')).toBe(true);
    expect(un('!', [0])).toBe(true);
  });
  it('bitwise and shifts', () => {
    expect(op('-band', 12, 10)).toBe(8);
    expect(op('-bor', 12, 10)).toBe(14);
    expect(op('-bxor', 12, 10)).toBe(6);
    expect(un('-bnot', 0)).toBe(-1);
    expect(op('-shl', 1, 4)).toBe(16);
    expect(op('-shr', -16, 2)).toBe(-4);
    expect(op('-bor', 0x100000000, 1)).toBe(0x100000001);
  });
  it('unary minus, plus and comma', () => {
    expect(un('-', '5')).toBe(-5);
    expect(un('+', '5')).toBe(5);
    expect(un(',', 1)).toEqual([1]);
    expect(un(',', [1, 2])).toEqual([[1, 2]]);
  });
});

describe('valuesEqual / compareValues', () => {
  it('sort order: nulls first, numbers numeric, strings culture', () => {
    const xs = ['b', null, 'A', 'a', 'C'];
    expect([...xs].sort((a, b) => compareValues(a, b))).toEqual([null, 'A', 'a', 'b', 'C']);
    expect([10, 9, 100].sort((a, b) => compareValues(a, b))).toEqual([9, 10, 100]);
    expect(compareValues(new Date(2024, 0, 1), new Date(2023, 0, 1))).toBe(1);
    expect(compareValues('a', 'A', true)).toBe(-1);
  });
  it('equality', () => {
    expect(valuesEqual('A', 'a')).toBe(true);
    expect(valuesEqual('A', 'a', true)).toBe(false);
    expect(valuesEqual(new Date(2024, 0, 1), new Date(2024, 0, 1))).toBe(true);
  });
});

describe('-f composite formatting', () => {
  it('indexes, alignment, escapes', () => {
    expect(op('-f', '{0} and {1}', ['a', 'b'])).toBe('a and b');
    expect(formatString('[{0,-6}]', ['ab'])).toBe('[ab    ]');
    expect(formatString('[{0,6}]', ['ab'])).toBe('[    ab]');
    expect(formatString('{{{0}}}', [1])).toBe('{1}');
    expect(op('-f', '{0}', 5)).toBe('5');
  });
  it('numbers', () => {
    expect(formatString('{0:N2}', [3.14159])).toBe('3.14');
    expect(formatString('{0:N0}', [1234567.5])).toBe('1,234,568');
    expect(formatString('{0:N2}', [-1234.5])).toBe('-1,234.50');
    expect(formatString('{0:D4}', [42])).toBe('0042');
    expect(formatString('{0:X}', [255])).toBe('FF');
    expect(formatString('{0:x4}', [255])).toBe('00ff');
    expect(formatString('{0:P}', [0.1234])).toBe('12.34 %');
    expect(formatString('{0:P0}', [0.5])).toBe('50 %');
    expect(formatString('{0:F3}', [2])).toBe('2.000');
    expect(formatString('{0:C}', [1234.5])).toBe('$1,234.50');
    expect(formatString('{0:E2}', [12345])).toBe('1.23E+004');
    expect(formatString('{0:0.00}', [1.005])).toBe('1.01');
    expect(formatString('{0:#,##0.0}', [1234.56])).toBe('1,234.6');
    expect(formatString('{0:00}', [7])).toBe('07');
    expect(formatString('{0:0.##}', [1.5])).toBe('1.5');
    expect(formatString('{0:0%}', [0.25])).toBe('25%');
    expect(formatString('{0:N2}', [2.345])).toBe('2.35');
  });
  it('dates', () => {
    const d = new Date(2024, 0, 5, 14, 3, 9);
    expect(formatString('{0:yyyy-MM-dd}', [d])).toBe('2024-01-05');
    expect(formatString('{0:yyyyMMdd-HHmmss}', [d])).toBe('20240105-140309');
    expect(formatString('{0:dddd, MMMM d}', [d])).toBe('Friday, January 5');
    expect(formatString('{0:hh:mm tt}', [d])).toBe('02:03 PM');
    expect(formatString('{0:d}', [d])).toBe('1/5/2024');
    expect(formatString('{0}', [d])).toBe('1/5/2024 2:03:09 PM');
  });
  it('errors', () => {
    const r = err(() => formatString('{1}', ['a']));
    expect(r.message).toBe('Error formatting a string: Index (zero based) must be greater than or equal to zero and less than the size of the argument list..');
    expect(r.errorId).toBe('FormatError');
  });
});

describe('custom and general number formats', () => {
  it('matches .NET Framework output', () => {
    expect(formatString('{0:0.00}', [-1.5])).toBe('-1.50');
    expect(formatString('{0:0.00}', [-0.001])).toBe('0.00');
    expect(formatString('{0:0;(0)}', [-3])).toBe('(3)');
    expect(formatString('{0:#,#}', [1234])).toBe('1,234');
    expect(formatString('{0:000.0}', [12])).toBe('012.0');
    expect(formatString('{0:G}', [0.000012345])).toBe('1.2345E-05');
    expect(formatString('{0:G}', [1e21])).toBe('1E+21');
    expect(formatString('{0:G}', [0.0001])).toBe('0.0001');
  });
});

describe('-is [psobject]', () => {
  it('is true only for PSObject-wrapped values, not for script literals', () => {
    expect(op('-is', 'hello', new PSTypeValue('System.Management.Automation.PSObject'))).toBe(false);
    expect(op('-is', 100, 'psobject')).toBe(false);
    expect(op('-isnot', [1, 2], 'psobject')).toBe(true);
    expect(op('-is', PSObject.fromRecord({ foo: 1 }), 'psobject')).toBe(true);
    expect(op('-is', 'hello', 'object')).toBe(true);
  });
});

describe('-eq on types', () => {
  it('a generic type literal equals the type GetType() gives, whatever the spelling', () => {
    const literal = new PSTypeValue('System.Collections.Generic.List[System.String]');
    const runtime = new PSTypeValue('System.Collections.Generic.List`1[[System.String, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089]]');
    expect(op('-eq', runtime, literal)).toBe(true);
    expect(op('-eq', runtime, new PSTypeValue('System.Collections.Generic.List[System.Int32]'))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { getMember, invokeMethod, memberNames, setMember } from '../../src/protocol/members.js';
import { ErrorRecord, TerminatingError } from '../../src/protocol/errors.js';
import { PSHashtable, PSObject, PSTypeValue, SecureString, listKindOf } from '../../src/protocol/values.js';

function err(f: () => unknown): ErrorRecord {
  try {
    f();
  } catch (e) {
    if (e instanceof TerminatingError) return e.record;
    throw e;
  }
  throw new Error('expected an error');
}

const obj = (r: Record<string, unknown>) => PSObject.fromRecord(r);

describe('getMember', () => {
  it('PSObject properties, case-insensitive; missing is null', () => {
    const o = obj({ Name: 'a', Count: 2 });
    expect(getMember(o, 'name')).toBe('a');
    expect(getMember(o, 'Nope')).toBeNull();
    expect(getMember(null, 'x')).toBeNull();
  });

  it('string, array, bytes, securestring lengths', () => {
    expect(getMember('abc', 'Length')).toBe(3);
    expect(getMember([1, 2], 'Count')).toBe(2);
    expect(getMember([1, 2], 'length')).toBe(2);
    expect(getMember(new Uint8Array(5), 'Length')).toBe(5);
    expect(getMember(new SecureString('pw!'), 'Length')).toBe(3);
  });

  it('member enumeration over arrays', () => {
    const xs = [obj({ Name: 'a' }), obj({ Name: 'b' }), obj({ Other: 1 })];
    expect(getMember(xs, 'Name')).toEqual(['a', 'b']);
    expect(getMember([obj({ Name: 'a' })], 'Name')).toBe('a');
    expect(getMember(['ab', 'cde'], 'Length')).toBe(2); // the array's own property wins
    expect(getMember([obj({ D: [1, 2] }), obj({ D: [3] })], 'D')).toEqual([1, 2, 3]);
  });

  it('hashtables: keys win over Keys/Count', () => {
    const h = new PSHashtable();
    h.set('a', 1);
    h.set('b', 2);
    expect(getMember(h, 'A')).toBe(1);
    expect(getMember(h, 'Keys')).toEqual(['a', 'b']);
    expect(getMember(h, 'Values')).toEqual([1, 2]);
    expect(getMember(h, 'Count')).toBe(2);
    h.set('Count', 99);
    expect(getMember(h, 'Count')).toBe(99);
  });

  it('hashtable Keys and Values are .NET key/value collections', () => {
    const h = new PSHashtable();
    h.set('a', 1);
    expect(listKindOf(getMember(h, 'Keys'))?.typeName).toBe('System.Collections.Hashtable+KeyCollection');
    expect(listKindOf(getMember(h, 'Values'))?.typeName).toBe('System.Collections.Hashtable+ValueCollection');
    h.ordered = true;
    expect(listKindOf(getMember(h, 'Keys'))?.typeName).toBe('System.Collections.Specialized.OrderedDictionary+OrderedDictionaryKeyValueCollection');
  });

  it('dates', () => {
    const d = new Date(2024, 1, 29, 13, 4, 5, 6);
    expect(getMember(d, 'Year')).toBe(2024);
    expect(getMember(d, 'Month')).toBe(2);
    expect(getMember(d, 'Day')).toBe(29);
    expect(getMember(d, 'Hour')).toBe(13);
    expect(getMember(d, 'DayOfWeek')).toBe('Thursday');
    expect(getMember(d, 'DayOfYear')).toBe(60);
    expect(getMember(d, 'Date')).toEqual(new Date(2024, 1, 29));
    expect(getMember(d, 'DateTime')).toBe('Thursday, February 29, 2024 1:04:05 PM');
  });

  it('error records', () => {
    const r = new ErrorRecord({
      message: "Cannot find path 'C:\\x' because it does not exist.",
      errorId: 'PathNotFound',
      category: 'ObjectNotFound',
      exceptionType: 'ItemNotFoundException',
      targetObject: 'C:\\x',
      commandFullName: 'Microsoft.PowerShell.Commands.GetItemCommand',
      invocation: { source: { text: 'Get-Item C:\\x' }, span: { start: 0, end: 13 }, invocationName: 'Get-Item', commandName: 'Get-Item' },
    });
    const ex = getMember(r, 'Exception');
    expect(getMember(ex, 'Message')).toBe("Cannot find path 'C:\\x' because it does not exist.");
    expect(getMember(invokeMethod(ex, 'GetType', []), 'FullName')).toBe('System.Management.Automation.ItemNotFoundException');
    expect(getMember(r, 'FullyQualifiedErrorId')).toBe('PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand');
    const ci = getMember(r, 'CategoryInfo');
    expect(getMember(ci, 'Category')).toBe('ObjectNotFound');
    expect(getMember(ci, 'Reason')).toBe('ItemNotFoundException');
    expect(getMember(ci, 'TargetName')).toBe('C:\\x');
    expect(invokeMethod(ci, 'ToString', [])).toBe('ObjectNotFound: (C:\\x:String) [Get-Item], ItemNotFoundException');
    expect(getMember(r, 'TargetObject')).toBe('C:\\x');
    const inv = getMember(r, 'InvocationInfo');
    expect(getMember(inv, 'ScriptLineNumber')).toBe(1);
    expect(getMember(inv, 'Line')).toBe('Get-Item C:\\x');
    expect(invokeMethod(r, 'ToString', [])).toBe(r.message);
  });

  it('GetType() gives a type with Name and FullName', () => {
    const t = invokeMethod('x', 'GetType', []);
    expect(t).toEqual(new PSTypeValue('System.String'));
    expect(getMember(t, 'Name')).toBe('String');
    expect(getMember(invokeMethod([1], 'GetType', []), 'Name')).toBe('Object[]');
    expect(getMember(invokeMethod(obj({}), 'GetType', []), 'FullName')).toBe('System.Management.Automation.PSCustomObject');
  });
});

describe('setMember', () => {
  it('note properties and hashtable keys', () => {
    const o = obj({ Name: 'a' });
    setMember(o, 'name', 'b');
    expect(o.get('Name')).toBe('b');
    const h = new PSHashtable();
    setMember(h, 'k', 1);
    expect(h.get('k')).toBe(1);
  });

  it('PropertyNotFound and read-only', () => {
    const r = err(() => setMember(obj({}), 'Foo', 1));
    expect(r.message).toBe("The property 'Foo' cannot be found on this object. Verify that the property exists and can be set.");
    expect(r.errorId).toBe('PropertyNotFound');
    const o = new PSObject(['X']);
    o.addProperty({ name: 'Thumbprint', memberType: 'Property', get: () => 'T' });
    expect(err(() => setMember(o, 'Thumbprint', 'x')).message).toBe("'Thumbprint' is a ReadOnly property.");
    expect(err(() => setMember(null, 'x', 1)).errorId).toBe('PropertyNotFound');
  });
});

describe('invokeMethod: strings', () => {
  it('common string methods', () => {
    expect(invokeMethod('Abc', 'ToUpper', [])).toBe('ABC');
    expect(invokeMethod('Abc', 'tolower', [])).toBe('abc');
    expect(invokeMethod('  a ', 'Trim', [])).toBe('a');
    expect(invokeMethod('xxaxx', 'Trim', ['x'])).toBe('a');
    expect(invokeMethod('xxa', 'TrimStart', ['x'])).toBe('a');
    expect(invokeMethod('a,b;c', 'Split', [',;'])).toEqual(['a', 'b', 'c']);
    expect(invokeMethod('a,b', 'Split', [','])).toEqual(['a', 'b']);
    expect(invokeMethod('abcdef', 'Substring', [2])).toBe('cdef');
    expect(invokeMethod('abcdef', 'Substring', [1, 3])).toBe('bcd');
    expect(invokeMethod('a.b.c', 'Replace', ['.', '-'])).toBe('a-b-c');
    expect(invokeMethod('abc', 'Contains', ['b'])).toBe(true);
    expect(invokeMethod('abc', 'Contains', ['B'])).toBe(false);
    expect(invokeMethod('abc', 'StartsWith', ['ab'])).toBe(true);
    expect(invokeMethod('abc', 'EndsWith', ['bc'])).toBe(true);
    expect(invokeMethod('abcb', 'IndexOf', ['b'])).toBe(1);
    expect(invokeMethod('abcb', 'LastIndexOf', ['b'])).toBe(3);
    expect(invokeMethod('7', 'PadLeft', [3, '0'])).toBe('007');
    expect(invokeMethod('a', 'PadRight', [3])).toBe('a  ');
    expect(invokeMethod('ac', 'Insert', [1, 'b'])).toBe('abc');
    expect(invokeMethod('abcd', 'Remove', [1, 2])).toBe('ad');
    expect(invokeMethod('ab', 'ToCharArray', [])).toEqual(['a', 'b']);
    expect(invokeMethod('a', 'Equals', ['a'])).toBe(true);
    expect(invokeMethod('a', 'CompareTo', ['b'])).toBe(-1);
    expect(invokeMethod('a', 'ToString', [])).toBe('a');
  });

  it('method errors', () => {
    expect(err(() => invokeMethod(null, 'Foo', [])).message).toBe('You cannot call a method on a null-valued expression.');
    expect(err(() => invokeMethod(null, 'Foo', [])).errorId).toBe('InvokeMethodOnNull');
    const r = err(() => invokeMethod('x', 'Foo', []));
    expect(r.message).toBe("Method invocation failed because [System.String] does not contain a method named 'Foo'.");
    expect(r.errorId).toBe('MethodNotFound');
    expect(err(() => invokeMethod('abc', 'Substring', [1, 2, 3])).message).toBe('Cannot find an overload for "Substring" and the argument count: "3".');
    const sub = err(() => invokeMethod('abc', 'Substring', [5]));
    expect(sub.message).toBe('Exception calling "Substring" with "1" argument(s): "startIndex cannot be larger than length of string.\r\nParameter name: startIndex"');
    expect(sub.exceptionType).toBe('MethodInvocationException');
  });
});

describe('invokeMethod: collections, dates, numbers, objects', () => {
  it('arrays and method enumeration', () => {
    expect(invokeMethod([1, 2], 'Contains', [2])).toBe(true);
    expect(invokeMethod(['a', 'b'], 'IndexOf', ['b'])).toBe(1);
    expect(invokeMethod(['a', 'b'], 'ToUpper', [])).toEqual(['A', 'B']);
  });

  it('hashtables', () => {
    const h = new PSHashtable();
    invokeMethod(h, 'Add', ['a', 1]);
    expect(invokeMethod(h, 'ContainsKey', ['A'])).toBe(true);
    expect(invokeMethod(h, 'ContainsValue', [1])).toBe(true);
    const r = err(() => invokeMethod(h, 'Add', ['A', 2]));
    expect(r.message).toBe('Exception calling "Add" with "2" argument(s): "Item has already been added. Key in dictionary: \'a\'  Key being added: \'A\'"');
    invokeMethod(h, 'Remove', ['a']);
    expect(h.size).toBe(0);
    h.set('x', 1);
    const e = invokeMethod(h, 'GetEnumerator', []) as PSObject[];
    expect(e[0]!.get('Key')).toBe('x');
    expect(e[0]!.get('Value')).toBe(1);
    invokeMethod(h, 'Clear', []);
    expect(h.size).toBe(0);
  });

  it('dates', () => {
    const d = new Date(2024, 0, 31, 10, 0, 0);
    expect(invokeMethod(d, 'AddDays', [1])).toEqual(new Date(2024, 1, 1, 10));
    expect(invokeMethod(d, 'AddMonths', [1])).toEqual(new Date(2024, 1, 29, 10));
    expect(invokeMethod(d, 'AddYears', [-1])).toEqual(new Date(2023, 0, 31, 10));
    expect(invokeMethod(d, 'AddHours', [2.5])).toEqual(new Date(2024, 0, 31, 12, 30));
    expect(invokeMethod(d, 'ToString', [])).toBe('1/31/2024 10:00:00 AM');
    expect(invokeMethod(d, 'ToString', ['yyyy-MM-dd'])).toBe('2024-01-31');
    expect(invokeMethod(d, 'ToShortDateString', [])).toBe('1/31/2024');
    expect(invokeMethod(d, 'ToLongDateString', [])).toBe('Wednesday, January 31, 2024');
    expect(getMember(invokeMethod(d, 'Subtract', [new Date(2024, 0, 30, 10)]), 'Days')).toBe(1);
    expect(invokeMethod(d, 'CompareTo', [new Date(2025, 0, 1)])).toBe(-1);
  });

  it('numbers', () => {
    expect(invokeMethod(3.14159, 'ToString', ['N2'])).toBe('3.14');
    expect(invokeMethod(255, 'ToString', ['X2'])).toBe('FF');
    expect(invokeMethod(5, 'ToString', [])).toBe('5');
    expect(invokeMethod(5, 'CompareTo', [6])).toBe(-1);
    expect(invokeMethod(5, 'Equals', [5])).toBe(true);
  });

  it('PSObject methods and defaults', () => {
    const o = new PSObject(['Demo.Thing', 'System.Object']);
    o.addMethod({ name: 'Double', invoke: (a) => Number(a[0]) * 2 });
    expect(invokeMethod(o, 'double', [4])).toBe(8);
    expect(invokeMethod(o, 'ToString', [])).toBe('Demo.Thing');
    expect(err(() => invokeMethod(o, 'Nope', [])).message).toBe("Method invocation failed because [Demo.Thing] does not contain a method named 'Nope'.");
  });

  it('domain classes that are plain JS objects', () => {
    class Cert {
      constructor(readonly thumb: string) {}
      get Thumbprint() {
        return this.thumb;
      }
      Describe(prefix: string) {
        return prefix + this.thumb;
      }
    }
    const c = new Cert('AB');
    expect(getMember(c, 'thumbprint')).toBe('AB');
    expect(invokeMethod(c, 'describe', ['T:'])).toBe('T:AB');
  });
});

describe('memberNames', () => {
  it('PSCustomObject: methods then note properties', () => {
    const rows = memberNames(obj({ Name: 'a', Size: 3 }));
    expect(rows.map((r) => `${r.name}|${r.memberType}|${r.definition}`)).toEqual([
      'Equals|Method|bool Equals(System.Object obj)',
      'GetHashCode|Method|int GetHashCode()',
      'GetType|Method|type GetType()',
      'ToString|Method|string ToString()',
      'Name|NoteProperty|string Name=a',
      'Size|NoteProperty|int Size=3',
    ]);
  });
  it('strings have Length', () => {
    const rows = memberNames('x');
    expect(rows.find((r) => r.name === 'Length')).toEqual({ name: 'Length', memberType: 'Property', definition: 'int Length {get;}' });
    expect(rows.some((r) => r.name === 'Substring')).toBe(true);
  });
});

describe('intrinsic Count and Length (PowerShell 3+)', () => {
  it('a scalar counts 1 and $null 0; real properties win', async () => {
    const { memberAccess } = await import('../../src/protocol/members.js');
    expect(memberAccess(5, 'Count')).toBe(1);
    expect(memberAccess(null, 'count')).toBe(0);
    expect(memberAccess(true, 'Length')).toBe(1);
    expect(memberAccess('abc', 'Length')).toBe(3);
    expect(memberAccess([1, 2], 'Count')).toBe(2);
    // Property lookups (Select-Object, table columns) see no intrinsic member.
    expect(getMember(5, 'Count')).toBe(null);
  });
});

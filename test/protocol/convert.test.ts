import { describe, expect, it } from 'vitest';
import { convertAs, convertTo, isInstanceOf, parseDate, resolveTypeName, toNumber } from '../../src/protocol/convert.js';
import { ErrorRecord, TerminatingError } from '../../src/protocol/errors.js';
import { PSHashtable, PSObject, PSTypeValue, SecureString, markList, typeNamesOf } from '../../src/protocol/values.js';

function err(f: () => unknown): ErrorRecord {
  try {
    f();
  } catch (e) {
    if (e instanceof TerminatingError) return e.record;
    throw e;
  }
  throw new Error('expected an error');
}

describe('resolveTypeName', () => {
  it('accelerators, arrays, System. prefix optional, case-insensitive', () => {
    expect(resolveTypeName('int')).toBe('System.Int32');
    expect(resolveTypeName('string[]')).toBe('System.String[]');
    expect(resolveTypeName('byte[]')).toBe('System.Byte[]');
    expect(resolveTypeName('pscustomobject')).toBe('System.Management.Automation.PSCustomObject');
    // [ordered] is no type in 5.1 (only before a hashtable literal; the accelerator came in 7.3).
    expect(resolveTypeName('ordered')).toBeUndefined();
    expect(resolveTypeName('System.IO.File')).toBe('System.IO.File');
    expect(resolveTypeName('io.file')).toBe('System.IO.File');
    expect(resolveTypeName('Text.Encoding')).toBe('System.Text.Encoding');
    expect(resolveTypeName('DateTime')).toBe('System.DateTime');
    expect(resolveTypeName('securestring')).toBe('System.Security.SecureString');
    expect(resolveTypeName('Nope.Type')).toBeUndefined();
  });
});

describe('convertTo numbers', () => {
  it('string to int: hex, multipliers, whitespace, empty, rounding half to even', () => {
    expect(convertTo('42', 'int')).toBe(42);
    expect(convertTo(' 0x1F ', 'int')).toBe(31);
    expect(convertTo('1kb', 'int')).toBe(1024);
    expect(convertTo('', 'int')).toBe(0);
    expect(convertTo('2.5', 'int')).toBe(2);
    expect(convertTo(3.5, 'int')).toBe(4);
    expect(convertTo(null, 'int')).toBe(0);
    expect(convertTo(true, 'int')).toBe(1);
    expect(String(convertTo('1e3', 'long'))).toBe('1000');
    expect(typeNamesOf(convertTo('1e3', 'long'))[0]).toBe('System.Int64');
    expect(convertTo('1.5', 'double')).toBe(1.5);
  });

  it('the 5.1 error texts', () => {
    let r = err(() => convertTo('abc', 'int'));
    expect(r.message).toBe('Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."');
    expect(r.errorId).toBe('InvalidCastFromStringToInteger');
    expect(r.category).toBe('InvalidArgument');
    expect(r.exceptionType).toBe('RuntimeException');
    r = err(() => convertTo('99999999999', 'int'));
    expect(r.message).toBe('Cannot convert value "99999999999" to type "System.Int32". Error: "Value was either too large or too small for an Int32."');
    r = err(() => convertTo('300', 'byte'));
    expect(r.message).toBe('Cannot convert value "300" to type "System.Byte". Error: "Value was either too large or too small for an unsigned byte."');
    r = err(() => convertTo('x', 'double'));
    expect(r.errorId).toBe('InvalidCastFromStringToDoubleOrSingle');
    r = err(() => convertTo(new PSHashtable(), 'int'));
    expect(r.message).toBe('Cannot convert the "System.Collections.Hashtable" value of type "System.Collections.Hashtable" to type "System.Int32".');
    expect(r.errorId).toBe('ConvertToFinalInvalidCastException');
  });

  it('unknown type', () => {
    expect(err(() => convertTo(1, 'Foo.Bar')).message).toBe('Unable to find type [Foo.Bar].');
  });
});

describe('convertTo other types', () => {
  it('bool follows PowerShell truthiness', () => {
    expect(convertTo('false', 'bool')).toBe(true);
    expect(convertTo('', 'bool')).toBe(false);
    expect(convertTo(0, 'bool')).toBe(false);
    expect(convertTo([], 'bool')).toBe(false);
    expect(convertTo([0], 'bool')).toBe(false);
  });

  it('string: arrays joined with spaces, null empty, dates invariant', () => {
    expect(convertTo([1, 2, 3], 'string')).toBe('1 2 3');
    expect(convertTo(null, 'string')).toBe('');
    expect(convertTo(1.5, 'string')).toBe('1.5');
    expect(convertTo(new Date(2024, 0, 31, 13, 5, 9), 'string')).toBe('01/31/2024 13:05:09');
  });

  it('arrays wrap scalars and convert elements', () => {
    expect(convertTo('a', 'string[]')).toEqual(['a']);
    expect(convertTo([1, '2'], 'int[]')).toEqual([1, 2]);
    expect(convertTo([1, 2, 255], 'byte[]')).toEqual(new Uint8Array([1, 2, 255]));
    const u = new Uint8Array([1]);
    expect(convertTo(u, 'byte[]')).toBe(u);
    expect(err(() => convertTo([1, 256], 'byte[]')).message).toContain('Value was either too large or too small for an unsigned byte.');
  });

  it('pscustomobject from a hashtable keeps order', () => {
    const h = new PSHashtable();
    h.set('b', 1);
    h.set('a', 2);
    const o = convertTo(h, 'pscustomobject') as PSObject;
    expect(o.properties().map((p) => p.name)).toEqual(['b', 'a']);
    expect(o.toString()).toBe('@{b=1; a=2}');
  });

  it('ordered is not a type name to convert to', () => {
    const h = new PSHashtable();
    h.set('x', 1);
    expect(() => convertTo(h, 'ordered')).toThrow('Unable to find type [ordered].');
  });

  it('datetime from strings', () => {
    const d = convertTo('1/31/2024 1:05:09 PM', 'datetime') as Date;
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()]).toEqual([2024, 0, 31, 13, 5, 9]);
    expect((convertTo('2024-02-29', 'datetime') as Date).getDate()).toBe(29);
    expect(err(() => convertTo('2023-02-29', 'datetime')).message).toBe(
      'Cannot convert value "2023-02-29" to type "System.DateTime". Error: "String was not recognized as a valid DateTime."',
    );
    expect(parseDate('January 5, 2024')!.getMonth()).toBe(0);
    expect(parseDate('5 Mar 2024')!.getMonth()).toBe(2);
    expect(parseDate('2024-01-31T10:00:00Z')!.getTime()).toBe(Date.UTC(2024, 0, 31, 10));
  });

  it('securestring and scriptblock are never converted from strings', () => {
    expect(err(() => convertTo('pw', 'securestring')).message).toBe(
      'Cannot convert the "pw" value of type "System.String" to type "System.Security.SecureString".',
    );
    const s = new SecureString('x');
    expect(convertTo(s, 'securestring')).toBe(s);
    expect(err(() => convertTo('1', 'scriptblock')).errorId).toBe('ConvertToFinalInvalidCastException');
  });

  it('enums: case-insensitive, canonical spelling', () => {
    expect(String(convertTo('stop', 'System.Management.Automation.ActionPreference'))).toBe('Stop');
    expect(String(convertTo('red', 'ConsoleColor'))).toBe('Red');
    expect(convertTo('red', 'ConsoleColor')).toMatchObject({ typeName: 'System.ConsoleColor', value: 12 });
    expect(err(() => convertTo('Sometimes', 'ActionPreference')).message).toBe(
      'Cannot convert value "Sometimes" to type "System.Management.Automation.ActionPreference". Error: "Unable to match the identifier name Sometimes to a valid enumerator name. Specify one of the following enumerator names and try again:\nSilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend"',
    );
  });

  it('type from string', () => {
    expect(convertTo('int', 'type')).toEqual(new PSTypeValue('System.Int32'));
  });

  it('-as gives null on failure', () => {
    expect(convertAs('abc', 'int')).toBeNull();
    expect(convertAs('12', 'int')).toBe(12);
  });
});

describe('isInstanceOf', () => {
  it('basic types', () => {
    expect(isInstanceOf(1, 'int')).toBe(true);
    expect(isInstanceOf(1, 'string')).toBe(false);
    expect(isInstanceOf('a', 'string')).toBe(true);
    expect(isInstanceOf('a', 'object')).toBe(true);
    expect(isInstanceOf(null, 'object')).toBe(false);
    expect(isInstanceOf([1], 'array')).toBe(true);
    expect(isInstanceOf([1], 'object[]')).toBe(true);
    expect(isInstanceOf(new Uint8Array(1), 'byte[]')).toBe(true);
    expect(isInstanceOf(new PSHashtable(), 'hashtable')).toBe(true);
    expect(isInstanceOf(new PSObject(), 'pscustomobject')).toBe(true);
    expect(isInstanceOf(new Date(), 'datetime')).toBe(true);
    expect(isInstanceOf(2.5, 'double')).toBe(true);
  });

  it('domain type names', () => {
    const cert = new PSObject(['Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate', 'System.Object']);
    expect(isInstanceOf(cert, 'Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate')).toBe(true);
  });

  it('error records match their exception chain (catch types)', () => {
    const r = new ErrorRecord({ message: 'x', errorId: 'NamedParameterNotFound', category: 'InvalidArgument', exceptionType: 'ParameterBindingException' });
    expect(isInstanceOf(r, 'System.Management.Automation.ParameterBindingException')).toBe(true);
    expect(isInstanceOf(r, 'System.Management.Automation.RuntimeException')).toBe(true);
    expect(isInstanceOf(r, 'System.Exception')).toBe(true);
    expect(isInstanceOf(r, 'System.IO.IOException')).toBe(false);
    expect(isInstanceOf(r, 'System.Management.Automation.ErrorRecord')).toBe(true);
    const io = new ErrorRecord({ message: 'x', errorId: 'x', category: 'ObjectNotFound', exceptionType: 'FileNotFoundException' });
    expect(isInstanceOf(io, 'System.IO.IOException')).toBe(true);
    expect(isInstanceOf(io, 'System.Management.Automation.RuntimeException')).toBe(false);
  });
});

describe('toNumber', () => {
  it('arithmetic operands', () => {
    expect(toNumber('10')).toBe(10);
    expect(toNumber(null)).toBe(0);
    expect(toNumber(true)).toBe(1);
    expect(err(() => toNumber('abc')).message).toBe('Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."');
  });
});

describe('collections to string', () => {
  it('elements are not unrolled further: a nested collection gives its type name', () => {
    expect(convertTo([1, 2.2, ['John', 'Smith', 10], 'abc'], 'string')).toBe('1 2.2 System.Object[] abc');
    expect(convertTo([1, null, 'a'], 'string')).toBe('1  a');
    const list = markList(['x'], { typeName: 'System.Collections.Generic.List`1[[System.String, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089]]', addReturnsIndex: false });
    expect(convertTo([list], 'string')).toBe('System.Collections.Generic.List`1[System.String]');
  });
});

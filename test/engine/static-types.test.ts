import { testShell } from './helpers.js';
import { describe, expect, it } from 'vitest';
import { everydaySession } from '../cmdlets/everyday-session.js';
import { getStaticMember, invokeStaticMethod, mathRound, type StaticEnv } from '../../src/engine/static-types.js';
import type { FileEntry, LabFileSystem, ResolvedPath } from '../../src/protocol/cmdlet.js';
import { ErrorRecord, TerminatingError } from '../../src/protocol/errors.js';
import { invokeMethod, getMember } from '../../src/protocol/members.js';
import { typeNamesOf } from '../../src/protocol/values.js';

/** An in-memory drive: keys are lower-case display paths. */
function memoryFs(): LabFileSystem & { files: Map<string, Uint8Array>; dirs: Set<string> } {
  const files = new Map<string, Uint8Array>();
  const dirs = new Set<string>(['c:', 'c:\\windows', 'c:\\windows\\system32', 'c:\\certs']);
  const rp = (display: string): ResolvedPath => ({ display, hostPath: display, machine: 'EX01' });
  const entry = (p: ResolvedPath): FileEntry | undefined => {
    const k = p.display.toLowerCase();
    if (files.has(k)) return { name: p.display, path: p, isDirectory: false, length: files.get(k)!.length, lastWriteTime: new Date(0) };
    if (dirs.has(k)) return { name: p.display, path: p, isDirectory: true, length: 0, lastWriteTime: new Date(0) };
    return undefined;
  };
  return {
    files,
    dirs,
    resolve(path, location) {
      const abs = /^[A-Za-z]:/.test(path) ? path : `${location}\\${path.replace(/^\.\\/, '')}`;
      return rp(abs.replace(/^c:/, 'C:'));
    },
    exists: (p) => !!entry(p),
    stat: entry,
    list: () => [],
    readBytes: (p) => files.get(p.display.toLowerCase())!,
    writeBytes: (p, data, append) => {
      const k = p.display.toLowerCase();
      const prev = append ? files.get(k) ?? new Uint8Array() : new Uint8Array();
      const out = new Uint8Array(prev.length + data.length);
      out.set(prev);
      out.set(data, prev.length);
      files.set(k, out);
    },
    mkdir: (p) => void dirs.add(p.display.toLowerCase()),
    remove: (p) => void files.delete(p.display.toLowerCase()),
    copy: () => undefined,
    move: () => undefined,
    setReadOnly: () => undefined,
    stream: (p, name) => rp(`${p.display}:${name}`),
    streams: () => [],
  };
}

const NOW = new Date(2024, 4, 6, 9, 30, 0);
function env() {
  const fs = memoryFs();
  const e: StaticEnv = { fs, location: () => 'C:\\Windows\\system32', now: () => NOW };
  return { fs, e };
}

function err(f: () => unknown): ErrorRecord {
  try {
    f();
  } catch (x) {
    if (x instanceof TerminatingError) return x.record;
    throw x;
  }
  throw new Error('expected an error');
}

describe('[System.IO.File]', () => {
  it('WriteAllBytes / ReadAllBytes through the lab drive, relative to the location', () => {
    const { fs, e } = env();
    invokeStaticMethod('System.IO.File', 'WriteAllBytes', ['c:\\certs\\a.bin', [1, 2, 3]], e);
    expect(invokeStaticMethod('IO.File', 'ReadAllBytes', ['C:\\certs\\a.bin'], e)).toEqual(new Uint8Array([1, 2, 3]));
    invokeStaticMethod('System.IO.File', 'WriteAllText', ['rel.txt', 'hi'], e);
    expect(fs.files.get('c:\\windows\\system32\\rel.txt')).toEqual(new Uint8Array([0x68, 0x69]));
    expect(invokeStaticMethod('System.IO.File', 'Exists', ['rel.txt'], e)).toBe(true);
    expect(invokeStaticMethod('System.IO.File', 'Exists', ['C:\\certs'], e)).toBe(false);
    expect(invokeStaticMethod('System.IO.File', 'Exists', [null], e)).toBe(false);
  });

  it('text with encodings, BOMs and lines', () => {
    const { fs, e } = env();
    const unicode = getStaticMember('System.Text.Encoding', 'Unicode', e);
    invokeStaticMethod('System.IO.File', 'WriteAllText', ['C:\\certs\\u.txt', 'hé', unicode], e);
    expect(fs.files.get('c:\\certs\\u.txt')).toEqual(new Uint8Array([0xff, 0xfe, 0x68, 0, 0xe9, 0]));
    expect(invokeStaticMethod('System.IO.File', 'ReadAllText', ['C:\\certs\\u.txt'], e)).toBe('hé');
    invokeStaticMethod('System.IO.File', 'WriteAllLines', ['C:\\certs\\l.txt', ['a', 'b']], e);
    expect(invokeStaticMethod('System.IO.File', 'ReadAllLines', ['C:\\certs\\l.txt'], e)).toEqual(['a', 'b']);
    invokeStaticMethod('System.IO.File', 'Delete', ['C:\\certs\\l.txt'], e);
    expect(fs.files.has('c:\\certs\\l.txt')).toBe(false);
  });

  it('.NET errors for missing files and folders', () => {
    const { e } = env();
    let r = err(() => invokeStaticMethod('System.IO.File', 'ReadAllBytes', ['C:\\certs\\none.pfx'], e));
    expect(r.message).toBe('Exception calling "ReadAllBytes" with "1" argument(s): "Could not find file \'C:\\certs\\none.pfx\'."');
    expect(r.errorId).toBe('FileNotFoundException');
    expect(r.exceptionType).toBe('MethodInvocationException');
    r = err(() => invokeStaticMethod('System.IO.File', 'WriteAllBytes', ['C:\\nodir\\x.bin', [1]], e));
    expect(r.message).toBe('Exception calling "WriteAllBytes" with "2" argument(s): "Could not find a part of the path \'C:\\nodir\\x.bin\'."');
    r = err(() => invokeStaticMethod('System.IO.File', 'Frobnicate', [], e));
    expect(r.message).toBe("Method invocation failed because [System.IO.File] does not contain a method named 'Frobnicate'.");
  });
});

describe('[System.Text.Encoding]', () => {
  it('GetBytes / GetString', () => {
    const { e } = env();
    const u = getStaticMember('Text.Encoding', 'unicode', e);
    expect(invokeMethod(u, 'GetBytes', ['AB'])).toEqual(new Uint8Array([0x41, 0, 0x42, 0]));
    expect(invokeMethod(u, 'GetString', [[0x41, 0]])).toBe('A');
    const utf8 = getStaticMember('System.Text.Encoding', 'UTF8', e);
    expect(invokeMethod(utf8, 'GetBytes', ['é'])).toEqual(new Uint8Array([0xc3, 0xa9]));
    const ascii = getStaticMember('System.Text.Encoding', 'ASCII', e);
    expect(invokeMethod(ascii, 'GetBytes', ['aé'])).toEqual(new Uint8Array([0x61, 0x3f]));
    expect(getMember(utf8, 'WebName')).toBe('utf-8');
  });
});

describe('[Math] and [Convert]', () => {
  it('banker\'s rounding like .NET', () => {
    expect(Number(invokeStaticMethod('Math', 'Round', [2.5], env().e))).toBe(2);
    expect(Number(invokeStaticMethod('Math', 'Round', [3.5], env().e))).toBe(4);
    expect(Number(invokeStaticMethod('Math', 'Round', [-2.5], env().e))).toBe(-2);
    expect(Number(invokeStaticMethod('Math', 'Round', [1.2345, 2], env().e))).toBe(1.23);
    expect(Number(invokeStaticMethod('Math', 'Round', [2.675, 2], env().e))).toBe(2.68); // 2.675*100 is 267.5 in IEEE doubles
    expect(Number(invokeStaticMethod('Math', 'Round', [0.125, 2], env().e))).toBe(0.12);
    expect(Number(invokeStaticMethod('Math', 'Round', [2.5, 'AwayFromZero'], env().e))).toBe(3);
    expect(mathRound(1.005, 2, 'AwayFromZero')).toBe(1);
    expect(mathRound(-2.5, 0, 'AwayFromZero')).toBe(-3);
  });

  it('other Math members', () => {
    const { e } = env();
    expect(getStaticMember('Math', 'PI', e)).toBe(Math.PI);
    expect(getStaticMember('System.Math', 'E', e)).toBe(Math.E);
    expect(Number(invokeStaticMethod('Math', 'Floor', [2.7], e))).toBe(2);
    expect(Number(invokeStaticMethod('Math', 'Ceiling', [2.1], e))).toBe(3);
    expect(Number(invokeStaticMethod('Math', 'Truncate', [-2.7], e))).toBe(-2);
    expect(invokeStaticMethod('Math', 'Abs', [-3], e)).toBe(3);
    expect(invokeStaticMethod('Math', 'Max', [3, '7'], e)).toBe(7);
    expect(invokeStaticMethod('Math', 'Min', [3, 7], e)).toBe(3);
    expect(Number(invokeStaticMethod('Math', 'Pow', [2, 10], e))).toBe(1024);
    expect(Number(invokeStaticMethod('Math', 'Sqrt', [16], e))).toBe(4);
    expect(Number(invokeStaticMethod('Math', 'Log', [8, 2], e))).toBe(3);
  });

  it('base64', () => {
    const { e } = env();
    expect(invokeStaticMethod('Convert', 'ToBase64String', [new Uint8Array([104, 105])], e)).toBe('aGk=');
    expect(invokeStaticMethod('System.Convert', 'FromBase64String', ['aGk='], e)).toEqual(new Uint8Array([104, 105]));
    expect(err(() => invokeStaticMethod('Convert', 'FromBase64String', ['***'], e)).errorId).toBe('FormatException');
  });
});

describe('[DateTime], [int], [string], [guid]', () => {
  it('lab clock', () => {
    const { e } = env();
    expect(getStaticMember('DateTime', 'Now', e)).toBe(NOW);
    expect(getStaticMember('System.DateTime', 'Today', e)).toEqual(new Date(2024, 4, 6));
  });

  it('Parse / ParseExact', () => {
    const { e } = env();
    expect(invokeStaticMethod('DateTime', 'Parse', ['5/6/2024 10:00 AM'], e)).toEqual(new Date(2024, 4, 6, 10));
    expect(invokeStaticMethod('DateTime', 'ParseExact', ['20240506', 'yyyyMMdd', null], e)).toEqual(new Date(2024, 4, 6));
    expect(err(() => invokeStaticMethod('DateTime', 'Parse', ['nope'], e)).message).toBe(
      'Exception calling "Parse" with "1" argument(s): "String was not recognized as a valid DateTime."',
    );
  });

  it('numeric limits and parse', () => {
    const { e } = env();
    expect(getStaticMember('int', 'MaxValue', e)).toBe(2147483647);
    expect(getStaticMember('System.Int32', 'MinValue', e)).toBe(-2147483648);
    expect(String(getStaticMember('byte', 'MaxValue', e))).toBe('255');
    expect(typeNamesOf(getStaticMember('byte', 'MaxValue', e))[0]).toBe('System.Byte');
    expect(String(getStaticMember('long', 'MaxValue', e))).toBe('9223372036854775807');
    expect(invokeStaticMethod('int', 'Parse', ['42'], e)).toBe(42);
  });

  it('string statics', () => {
    const { e } = env();
    expect(getStaticMember('string', 'Empty', e)).toBe('');
    expect(invokeStaticMethod('string', 'IsNullOrEmpty', [null], e)).toBe(true);
    expect(invokeStaticMethod('String', 'IsNullOrEmpty', ['x'], e)).toBe(false);
    expect(invokeStaticMethod('string', 'IsNullOrWhiteSpace', [' '], e)).toBe(true);
    expect(invokeStaticMethod('string', 'Join', [', ', ['a', 'b']], e)).toBe('a, b');
    expect(invokeStaticMethod('string', 'Format', ['{0}-{1}', 1, 2], e)).toBe('1-2');
  });

  it('guid', () => {
    const g = invokeStaticMethod('guid', 'NewGuid', [], env().e);
    expect(String(invokeMethod(g, 'ToString', []))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('enum members', () => {
    expect(String(getStaticMember('ConsoleColor', 'red', env().e))).toBe('Red');
    expect(getStaticMember('ConsoleColor', 'red', env().e)).toMatchObject({ typeName: 'System.ConsoleColor', value: 12 });
  });

  it('unknown type and method', () => {
    const { e } = env();
    expect(err(() => getStaticMember('Foo.Bar', 'X', e)).message).toBe('Unable to find type [Foo.Bar].');
    expect(err(() => invokeStaticMethod('Math', 'Nope', [], e)).message).toBe("Method invocation failed because [System.Math] does not contain a method named 'Nope'.");
    expect(getStaticMember('Math', 'Nope', e)).toBeNull();
  });
});

describe('[Enum] statics, more enums, [WildcardPattern]::Escape', () => {
  it('GetNames, GetValues, Parse, IsDefined, ToObject', async () => {
    const { run } = everydaySession();
    expect(await run('[Enum]::GetNames("System.Reflection.MemberTypes") -join ","; [Enum]::GetNames([System.DayOfWeek]).Count')).toBe('Constructor,Event,Field,Method,Property,TypeInfo,Custom,NestedType,All\n7\n');
    expect(await run('[Enum]::Parse([System.DayOfWeek], "monday").GetType().FullName; [System.Enum]::GetValues([ConsoleColor])[1]; [Enum]::IsDefined([System.DayOfWeek], 7); [Enum]::ToObject([System.DayOfWeek], 2)')).toBe('System.DayOfWeek\nDarkBlue\nFalse\nTuesday\n');
    expect(await run('try { [Enum]::Parse([System.DayOfWeek], "Someday") } catch { $_.Exception.InnerException.Message }')).toBe("Requested value 'Someday' was not found.\n");
  });

  it('flags enums with a byte and an int underlying type combine with -bor/-band/-bxor', async () => {
    const { run } = everydaySession();
    expect(await run('([System.Security.AccessControl.AceFlags]::ObjectInherit -bxor [System.Security.AccessControl.AceFlags]::ContainerInherit).ToString(); ([System.Security.AccessControl.AceFlags]::ObjectInherit -band [System.Security.AccessControl.AceFlags]::ContainerInherit).ToString()')).toBe('ObjectInherit, ContainerInherit\nNone\n');
    expect(await run('([System.Management.Automation.CommandTypes]::Alias -bor [System.Management.Automation.CommandTypes]::Application).ToString(); ([System.Management.Automation.CommandTypes]::Alias -band [System.Management.Automation.CommandTypes]::All).ToString()')).toBe('Alias, Application\nAlias\n');
  });

  it('WildcardPattern Escape and Unescape', async () => {
    const { run } = everydaySession();
    expect(await run("[WildcardPattern]::Escape('abc`d*[x]?'); [WildcardPattern]::Unescape('a``b`*')")).toBe('abc``d`*`[x`]`?\na`b*\n');
  });
});

describe('[AutomationNull]::Value', () => {
  it('is nothing in @() (an empty array), $null once cast to an array or stored in a variable', async () => {
    const { run } = everydaySession();
    expect(await run('@([System.Management.Automation.Internal.AutomationNull]::Value).Count; $b = @([object[]][System.Management.Automation.Internal.AutomationNull]::Value); $b.Count; $null -eq $b[0]')).toBe('0\n1\nTrue\n');
    expect(await run('$x = [System.Management.Automation.Internal.AutomationNull]::Value; $null -eq $x; @($x).Count')).toBe('True\n1\n');
  });
});

describe('[CultureInfo]::CurrentCulture / CurrentUICulture', () => {
  it('are settable to a culture emsh has, by name or object; $PSCulture / $PSUICulture follow', async () => {
    const { run } = everydaySession();
    expect(await run('[System.Globalization.CultureInfo]::CurrentUICulture = "en-US"; $PSUICulture; [cultureinfo]::CurrentCulture = [cultureinfo]::InvariantCulture; [cultureinfo]::CurrentCulture.Name.Length; $PSCulture.Length')).toBe('en-US\n0\n0\n');
  });

  it('[Thread]::CurrentThread has the session cultures, and $PSCulture / $PSUICulture follow either way of setting them', async () => {
    const { run } = everydaySession();
    expect(await run('$t = [System.Threading.Thread]::CurrentThread; $t.GetType().FullName')).toBe('System.Threading.Thread\n');
    expect(await run("[cultureinfo]::CurrentCulture = 'ru-RU'; $PSCulture; [System.Threading.Thread]::CurrentThread.CurrentCulture.Name")).toBe('ru-RU\nru-RU\n');
    expect(await run("[System.Threading.Thread]::CurrentThread.CurrentUICulture = 'fr-FR'; $PSUICulture; [cultureinfo]::CurrentUICulture.Name")).toBe('fr-FR\nfr-FR\n');
  });

  it('an unknown culture is refused (CultureNotFoundException); other statics are read-only', async () => {
    const { run } = everydaySession();
    expect(await run('try { [cultureinfo]::CurrentUICulture = "xx-none" } catch { $_.FullyQualifiedErrorId; $_.Exception.InnerException.GetType().Name }; $PSUICulture')).toBe('ExceptionWhenSetting\nCultureNotFoundException\nen-US\n');
    expect(await run('try { [math]::PI = 3 } catch { $_.Exception.Message }')).toBe("'PI' is a ReadOnly property.\n");
  });
});

describe('[System.Management.Automation.Cmdlet]', () => {
  it('CommonParameters and OptionalCommonParameters name the common parameters', async () => {
    const r = await testShell().eval('[System.Management.Automation.Cmdlet]::CommonParameters -join ","; [System.Management.Automation.PSCmdlet]::OptionalCommonParameters -join ","');
    expect(r.output).toEqual(['Verbose,Debug,ErrorAction,WarningAction,InformationAction,ErrorVariable,WarningVariable,InformationVariable,OutVariable,OutBuffer,PipelineVariable', 'WhatIf,Confirm,UseTransaction']);
  });
});

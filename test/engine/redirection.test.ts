import { describe, expect, it } from 'vitest';
import { ErrorRecord } from '../../src/protocol/errors.js';
import { testShell } from './helpers.js';

describe('redirection', () => {
  it('> writes the formatted output as UTF-16 LE with BOM and CRLF; >> appends', async () => {
    const sh = testShell();
    await sh.session.execute("'one', 'two' > C:\\temp\\out.txt");
    expect(sh.host.lines).toEqual([]);
    const bytes = sh.fs.readBytes(sh.fs.resolve('C:\\temp\\out.txt', 'C:\\'));
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    expect(sh.fs.readText('C:\\temp\\out.txt')).toBe('one\r\ntwo\r\n');
    await sh.session.execute("'three' >> C:\\temp\\out.txt");
    expect(sh.fs.readText('C:\\temp\\out.txt')).toBe('one\r\ntwo\r\nthree\r\n');
  });

  it('relative paths resolve against the location', async () => {
    const sh = testShell();
    sh.session.services.setLocation('C:\\temp');
    await sh.session.execute("Emit-Numbers 2 > nums.txt");
    expect(sh.fs.readText('C:\\temp\\nums.txt')).toBe('1\r\n2\r\n');
  });

  it('>$null and 2>$null discard; $Error still records', async () => {
    const sh = testShell();
    const r = await sh.eval('Emit-Numbers 3 > $null; Fail-Item x 2> $null; $Error.Count');
    expect(r.output).toEqual(['after x', 1]);
    expect(r.errors).toEqual([]);
  });

  it('2>&1 merges error records into the output', async () => {
    const sh = testShell();
    const r = await sh.eval('$all = Fail-Item x 2>&1; $all.Count; $all[0] -is [System.Management.Automation.ErrorRecord]');
    expect(r.errors).toEqual([]);
    expect(r.output).toEqual([2, true]);
    const r2 = await sh.eval('Fail-Item y 2>&1');
    expect(r2.output[0]).toBeInstanceOf(ErrorRecord);
  });

  it('*>$null silences every stream', async () => {
    const sh = testShell();
    await sh.session.execute('Write-Stuff *> $null');
    expect(sh.host.lines).toEqual([]);
  });
});

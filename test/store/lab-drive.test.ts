import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LabDrive } from '../../src/store/lab-drive.js';
import { emshHome, labPaths, machineDrive } from '../../src/store/lab-home.js';
import { TerminatingError } from '../../src/protocol/errors.js';
import { tempDir } from '../helpers/temp.js';

let home: string;
let drive: LabDrive;
const LOC = 'C:\\Windows\\system32';

function errorOf(fn: () => unknown): { message: string; errorId: string; category: string; exceptionType: string } {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(TerminatingError);
    return (err as TerminatingError).record;
  }
  throw new Error('expected an error');
}

beforeEach(() => {
  home = tempDir('emsh-drive-');
  drive = new LabDrive({ home, lab: 'lab1', machine: () => 'ex01', knownMachines: () => ['EX01', 'EDGE01'] });
});
afterEach(() => {
  fs.rmSync(home, { recursive: true, force: true });
});

describe('lab-home', () => {
  it('uses EMSH_HOME or ~/.emsh', () => {
    expect(emshHome({ EMSH_HOME: '/tmp/x' })).toBe('/tmp/x');
    expect(emshHome({})).toBe(path.join(os.homedir(), '.emsh'));
  });
  it('lays out a lab and upper-cases machine folders', () => {
    const p = labPaths('/h', 'lab-1.a');
    expect(p).toEqual({
      dir: '/h/labs/lab-1.a',
      state: '/h/labs/lab-1.a/lab.json',
      history: '/h/labs/lab-1.a/history.txt',
      machinesDir: '/h/labs/lab-1.a/machines',
    });
    expect(machineDrive('/h', 'lab1', 'ex01')).toBe('/h/labs/lab1/machines/EX01/C');
  });
  it('rejects lab names that could leave the home folder', () => {
    for (const bad of ['..', '../x', 'a/b', 'a\\b', '', '.hidden']) expect(() => labPaths('/h', bad)).toThrow(/Invalid lab name/);
    expect(() => machineDrive('/h', 'lab1', '../EX')).toThrow(/Invalid machine name/);
  });
});

describe('LabDrive.resolve', () => {
  it('creates the drive with the usual folders, dirs 0700', () => {
    const r = drive.resolve('.', LOC);
    expect(r.display).toBe('C:\\Windows\\system32');
    const root = machineDrive(home, 'lab1', 'EX01');
    expect(r.hostPath).toBe(path.join(fs.realpathSync(root), 'Windows', 'system32'));
    expect(fs.existsSync(path.join(root, 'Users', 'Administrator', 'Documents'))).toBe(true);
    expect(fs.statSync(root).mode & 0o777).toBe(0o700);
  });

  it('accepts the Windows spellings', () => {
    expect(drive.resolve('C:\\certs\\a.pfx', LOC).display).toBe('C:\\certs\\a.pfx');
    expect(drive.resolve('c:/certs/a.pfx', LOC).display).toBe('C:\\certs\\a.pfx');
    expect(drive.resolve('cert.pfx', LOC).display).toBe('C:\\Windows\\system32\\cert.pfx');
    expect(drive.resolve('.\\x', LOC).display).toBe('C:\\Windows\\system32\\x');
    expect(drive.resolve('..\\x', LOC).display).toBe('C:\\Windows\\x');
    expect(drive.resolve('\\x', LOC).display).toBe('C:\\x');
    expect(drive.resolve('Microsoft.PowerShell.Core\\FileSystem::C:\\x', LOC).display).toBe('C:\\x');
    expect(drive.resolve('FileSystem::C:\\x', LOC).display).toBe('C:\\x');
    expect(drive.resolve('C:\\', LOC).display).toBe('C:\\');
    expect(drive.resolve('~\\Documents', LOC).display).toBe('C:\\Users\\Administrator\\Documents');
    expect(drive.resolve('C:\\a\\.\\b\\', LOC).display).toBe('C:\\a\\b');
  });

  it('clamps .. at the root like Windows and stays in the drive', () => {
    const r = drive.resolve('C:\\..\\..\\..\\..\\etc\\passwd', LOC);
    expect(r.display).toBe('C:\\etc\\passwd');
    expect(r.hostPath.startsWith(fs.realpathSync(machineDrive(home, 'lab1', 'EX01')))).toBe(true);
    expect(drive.resolve('..\\..\\..\\..', LOC).display).toBe('C:\\');
  });

  it('treats host absolute paths as paths on the drive, never the host', () => {
    const r = drive.resolve('/etc/passwd', LOC);
    expect(r.display).toBe('C:\\etc\\passwd');
    expect(drive.exists(r)).toBe(false);
    expect(errorOf(() => drive.readBytes(r)).message).toBe("Cannot find path 'C:\\etc\\passwd' because it does not exist.");
  });

  it('has only drive C:', () => {
    const e = errorOf(() => drive.resolve('D:\\x', LOC));
    expect(e.message).toBe("Cannot find drive. A drive with the name 'D' does not exist.");
    expect(e.errorId).toBe('DriveNotFound');
    expect(e.category).toBe('ObjectNotFound');
    expect(e.exceptionType).toBe('DriveNotFoundException');
  });

  it('rejects illegal characters', () => {
    expect(errorOf(() => drive.resolve('C:\\a|b', LOC)).message).toBe('Illegal characters in path.');
    expect(errorOf(() => drive.resolve('C:\\a\u0000b', LOC)).message).toBe('Illegal characters in path.');
    expect(errorOf(() => drive.resolve('C:\\a:b', LOC)).message).toBe("The given path's format is not supported.");
  });

  it('matches names case-insensitively and shows the on-disk casing', () => {
    const f = drive.resolve('C:\\Certs\\Cert.pfx', LOC);
    drive.mkdir(drive.resolve('C:\\Certs', LOC));
    drive.writeBytes(f, new Uint8Array([1, 2, 3]));
    const r = drive.resolve('c:\\CERTS\\CERT.PFX', LOC);
    expect(r.display).toBe('C:\\Certs\\Cert.pfx');
    expect(Array.from(drive.readBytes(r))).toEqual([1, 2, 3]);
    expect(drive.resolve('c:\\certs\\new.txt', LOC).display).toBe('C:\\Certs\\new.txt');
  });

  it('reaches other machines through \\\\NAME\\c$', () => {
    const r = drive.resolve('\\\\edge01\\C$\\edge.xml', LOC);
    // The machine and share keep their typed spelling, as Windows shows them.
    expect(r.display).toBe('\\\\edge01\\C$\\edge.xml');
    expect(r.machine).toBe('EDGE01');
    expect(r.hostPath.startsWith(fs.realpathSync(machineDrive(home, 'lab1', 'EDGE01')))).toBe(true);
    // relative to a UNC location, and `\` is that share's root
    expect(drive.resolve('..\\x', '\\\\EDGE01\\c$\\a').display).toBe('\\\\EDGE01\\c$\\x');
    expect(drive.resolve('\\y', '\\\\EDGE01\\c$\\a').display).toBe('\\\\EDGE01\\c$\\y');
    expect(drive.resolve('\\\\EDGE01\\c$\\..\\..', LOC).display).toBe('\\\\EDGE01\\c$');
    expect(drive.resolve('\\\\localhost\\c$\\q', LOC).machine).toBe('EX01');
  });

  it('refuses unknown machines and other shares', () => {
    expect(errorOf(() => drive.resolve('\\\\MAIL99\\c$\\x', LOC)).message).toBe(
      "Cannot find path '\\\\MAIL99\\c$\\x' because it does not exist.",
    );
    expect(errorOf(() => drive.resolve('\\\\EDGE01\\d$\\x', LOC)).errorId).toBe('PathNotFound');
    expect(errorOf(() => drive.resolve('\\\\..\\c$\\x', LOC)).errorId).toBe('PathNotFound');
  });

  it('refuses symbolic links that point out of the drive', () => {
    const outside = tempDir('emsh-outside-');
    try {
      fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
      const root = drive.driveRoot('EX01');
      fs.symlinkSync(outside, path.join(root, 'escape'));
      fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'link.txt'));
      fs.symlinkSync(path.join(outside, 'nothing'), path.join(root, 'dangling'));
      for (const p of ['C:\\escape\\secret.txt', 'C:\\escape', 'C:\\link.txt', 'C:\\escape\\new.txt', 'C:\\dangling']) {
        const e = errorOf(() => drive.resolve(p, LOC));
        expect(e.message).toBe(`Access to the path '${p}' is denied.`);
        expect(e.category).toBe('PermissionDenied');
      }
      // and a listing of C:\ does not show them
      expect(drive.list(drive.resolve('C:\\', LOC)).map((e) => e.name)).toEqual(['Users', 'Windows']);
      // links that stay inside the drive work
      fs.symlinkSync(path.join(root, 'Windows'), path.join(root, 'win'));
      expect(drive.stat(drive.resolve('C:\\win', LOC))?.isDirectory).toBe(true);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('LabDrive file operations', () => {
  it('writes files 0600 and appends', () => {
    const f = drive.resolve('C:\\a.txt', LOC);
    drive.writeBytes(f, new TextEncoder().encode('one'));
    drive.writeBytes(f, new TextEncoder().encode('two'), true);
    expect(new TextDecoder().decode(drive.readBytes(f))).toBe('onetwo');
    expect(fs.statSync(f.hostPath).mode & 0o777).toBe(0o600);
    const st = drive.stat(f)!;
    expect(st).toMatchObject({ name: 'a.txt', isDirectory: false, length: 6 });
  });

  it('uses the lab clock for written files', () => {
    const when = new Date(2026, 10, 26, 23, 46, 0);
    const d = new LabDrive({ home, lab: 'lab1', machine: () => 'EX01', now: () => when });
    const f = d.resolve('C:\\t.txt', LOC);
    d.writeBytes(f, new Uint8Array([65]));
    expect(d.stat(f)!.lastWriteTime.getTime()).toBe(when.getTime());
  });

  it('gives PowerShell errors for missing parents, folders and files', () => {
    expect(errorOf(() => drive.writeBytes(drive.resolve('C:\\no\\x.txt', LOC), new Uint8Array())).message).toBe(
      "Could not find a part of the path 'C:\\no\\x.txt'.",
    );
    expect(errorOf(() => drive.readBytes(drive.resolve('C:\\Windows', LOC))).message).toBe(
      "Access to the path 'C:\\Windows' is denied.",
    );
    const e = errorOf(() => drive.readBytes(drive.resolve('C:\\x.txt', LOC)));
    expect(e).toMatchObject({
      message: "Cannot find path 'C:\\x.txt' because it does not exist.",
      errorId: 'PathNotFound',
      category: 'ObjectNotFound',
      exceptionType: 'ItemNotFoundException',
    });
  });

  it('lists, copies and removes', () => {
    drive.mkdir(drive.resolve('C:\\d\\sub', LOC));
    drive.writeBytes(drive.resolve('C:\\d\\b.txt', LOC), new Uint8Array([1]));
    drive.writeBytes(drive.resolve('C:\\d\\A.txt', LOC), new Uint8Array([1, 2]));
    expect(drive.list(drive.resolve('C:\\d', LOC)).map((e) => e.path.display)).toEqual([
      'C:\\d\\A.txt',
      'C:\\d\\b.txt',
      'C:\\d\\sub',
    ]);
    drive.copy(drive.resolve('C:\\d', LOC), drive.resolve('\\\\EDGE01\\c$\\d2', LOC));
    expect(drive.list(drive.resolve('\\\\EDGE01\\c$\\d2', LOC)).map((e) => e.name)).toEqual(['A.txt', 'b.txt', 'sub']);
    expect(fs.statSync(drive.resolve('\\\\EDGE01\\c$\\d2\\A.txt', LOC).hostPath).mode & 0o777).toBe(0o600);
    expect(errorOf(() => drive.copy(drive.resolve('C:\\d', LOC), drive.resolve('C:\\d\\sub\\x', LOC))).category).toBe('WriteError');
    expect(errorOf(() => drive.remove(drive.resolve('C:\\d', LOC))).message).toBe('The directory is not empty.');
    drive.remove(drive.resolve('C:\\d', LOC), true);
    expect(drive.exists(drive.resolve('C:\\d', LOC))).toBe(false);
    expect(errorOf(() => drive.remove(drive.resolve('C:\\', LOC), true)).category).toBe('PermissionDenied');
  });
});

describe('LabDrive: hard links, long paths, host failures (issue 10)', () => {
  it('never reads or changes a file through a second hard link; writing replaces this name only', () => {
    const outside = tempDir('emsh-outside-');
    try {
      const secret = path.join(outside, 'secret.txt');
      fs.writeFileSync(secret, 'secret');
      const root = drive.driveRoot('EX01');
      fs.linkSync(secret, path.join(root, 'hard.txt'));
      const p = drive.resolve('C:\\hard.txt', LOC);
      // Listed (so it can be removed), but not read, appended to, or copied.
      expect(drive.list(drive.resolve('C:\\', LOC)).map((e) => e.name)).toContain('hard.txt');
      for (const op of [
        () => drive.readBytes(p),
        () => drive.writeBytes(p, new Uint8Array([65]), true),
        () => drive.copy(p, drive.resolve('C:\\copy.txt', LOC)),
      ]) {
        expect(errorOf(op)).toMatchObject({ message: "Access to the path 'C:\\hard.txt' is denied.", category: 'PermissionDenied' });
      }
      // A folder copy leaves such a file out.
      drive.mkdir(drive.resolve('C:\\d', LOC));
      fs.linkSync(secret, path.join(root, 'd', 'inner.txt'));
      drive.copy(drive.resolve('C:\\d', LOC), drive.resolve('C:\\d2', LOC));
      expect(drive.list(drive.resolve('C:\\d2', LOC))).toEqual([]);
      // Overwriting, and copying onto it, give this name a new file; the outside file keeps its text.
      drive.writeBytes(p, new TextEncoder().encode('mine'));
      expect(fs.readFileSync(secret, 'utf8')).toBe('secret');
      expect(new TextDecoder().decode(drive.readBytes(p))).toBe('mine');
      fs.linkSync(secret, path.join(root, 'hard2.txt'));
      drive.copy(p, drive.resolve('C:\\hard2.txt', LOC));
      expect(fs.readFileSync(secret, 'utf8')).toBe('secret');
      expect(fs.statSync(secret).nlink).toBe(2); // d\inner.txt is the other name left
      // Removing a name removes only that name.
      drive.remove(drive.resolve('C:\\d\\inner.txt', LOC));
      expect(fs.readFileSync(secret, 'utf8')).toBe('secret');
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('paths of 260 characters or more are too long, as on Windows', () => {
    const long = 'C:\\' + 'x'.repeat(256);
    expect(long.length).toBe(259);
    expect(drive.resolve(long, LOC).display).toBe(long);
    const e = errorOf(() => drive.resolve(long + 'y', LOC));
    expect(e).toMatchObject({ errorId: 'PathTooLong', exceptionType: 'PathTooLongException' });
    expect(e.message).toMatch(/^The specified path, file name, or both are too long\./);
  });

  it('a host failure is an error about the lab path, without host paths', () => {
    // A name of 100 three-byte characters is 300 bytes on the host: more than its file system allows.
    const wide = drive.resolve('C:\\' + '\u4e00'.repeat(100), LOC);
    const e = errorOf(() => drive.writeBytes(wide, new Uint8Array([1])));
    expect(e.errorId).toBe('PathTooLong');
    expect(e.message).not.toContain(home);
    if (process.getuid?.() !== 0) {
      // A folder the host does not let us write into.
      const d = drive.resolve('C:\\locked', LOC);
      drive.mkdir(d);
      fs.chmodSync(d.hostPath, 0o500);
      try {
        const denied = errorOf(() => drive.writeBytes(drive.resolve('C:\\locked\\x.txt', LOC), new Uint8Array([1])));
        expect(denied.message).toBe("Access to the path 'C:\\locked\\x.txt' is denied.");
      } finally {
        fs.chmodSync(d.hostPath, 0o700);
      }
    }
  });
});

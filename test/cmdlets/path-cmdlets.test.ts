// Join-Path, Split-Path and Resolve-Path on the lab drive (issue 11, the everyday pieces).
import { describe, expect, it } from 'vitest';
import { isAbsolutePath, joinPath, leafName, parentPath, qualifierOf, relativePath, withoutQualifier } from '../../src/cmdlets/core/path-text.js';
import { everydaySession } from './everyday-session.js';

describe('path text', () => {
  it('joins with one separator', () => {
    expect(joinPath('C:\\a\\', '\\b')).toBe('C:\\a\\b');
    expect(joinPath('C:', 'b')).toBe('C:\\b');
    expect(joinPath('a/b', 'c')).toBe('a\\b\\c');
  });

  it('splits parents, leaves and qualifiers', () => {
    expect(parentPath('C:\\a\\b.txt')).toBe('C:\\a');
    expect(parentPath('C:\\a')).toBe('C:\\');
    expect(parentPath('C:\\a\\')).toBe('C:\\');
    expect(parentPath('C:\\')).toBe('');
    expect(parentPath('name')).toBe('');
    expect(parentPath('\\\\EDGE01\\c$\\edge.xml')).toBe('\\\\EDGE01\\c$\\');
    expect(leafName('C:\\a\\b.txt')).toBe('b.txt');
    expect(leafName('C:\\a\\b\\')).toBe('b');
    expect(qualifierOf('C:\\a')).toBe('C:');
    expect(qualifierOf('a\\b')).toBeUndefined();
    expect(withoutQualifier('C:\\a\\b')).toBe('\\a\\b');
    expect(isAbsolutePath('C:\\a')).toBe(true);
    expect(isAbsolutePath('\\a')).toBe(false);
    expect(isAbsolutePath('\\\\srv\\share')).toBe(true);
    expect(isAbsolutePath('.\\a')).toBe(false);
  });

  it('makes relative paths from the location', () => {
    expect(relativePath('C:\\Windows\\system32\\x.txt', 'C:\\Windows')).toBe('.\\system32\\x.txt');
    expect(relativePath('C:\\temp\\x.txt', 'C:\\Windows\\system32')).toBe('..\\..\\temp\\x.txt');
    expect(relativePath('\\\\EDGE01\\c$\\x', 'C:\\Windows')).toBe('\\\\EDGE01\\c$\\x');
  });
});

describe('Join-Path / Split-Path / Resolve-Path in a session', () => {
  it('Join-Path: every path gets the child; -Resolve expands and checks; an unknown drive is DriveNotFound', async () => {
    const { run } = everydaySession();
    expect(await run("Join-Path -Path 'C:\\Windows','C:\\inetpub' -ChildPath logs")).toBe('C:\\Windows\\logs\nC:\\inetpub\\logs\n');
    expect(await run("Join-Path C:\\Windows sys* -Resolve")).toBe('C:\\Windows\\system32\n');
    expect(await run("Join-Path C:\\ nope -Resolve 2>&1 | % FullyQualifiedErrorId")).toBe('PathNotFound,Microsoft.PowerShell.Commands.JoinPathCommand\n');
    expect(await run("Join-Path Q:\\ x 2>&1 | % FullyQualifiedErrorId")).toBe('DriveNotFound,Microsoft.PowerShell.Commands.JoinPathCommand\n');
  });

  it('Split-Path: parameter sets, pipeline input, -Resolve, the qualifier error', async () => {
    const { run } = everydaySession();
    expect(await run("'C:\\certs\\a.pfx','C:\\b.cer' | Split-Path -Leaf")).toBe('a.pfx\nb.cer\n');
    expect(await run("Split-Path 'C:\\certs\\a.pfx' -Parent; Split-Path 'C:\\certs\\a.pfx' -NoQualifier")).toBe('C:\\certs\n\\certs\\a.pfx\n');
    expect(await run("Split-Path C:\\Windows\\sys* -Leaf -Resolve")).toBe('system32\n');
    expect(await run("Split-Path a\\b -Qualifier 2>&1 | % FullyQualifiedErrorId")).toBe('ParsePathFormatError,Microsoft.PowerShell.Commands.SplitPathCommand\n');
    expect(await run("Split-Path C:\\x -Leaf -Qualifier 2>&1 | % FullyQualifiedErrorId")).toContain('AmbiguousParameterSet');
  });

  it('Resolve-Path: PathInfo objects, wildcards, -Relative, ItemNotFound', async () => {
    const { run } = everydaySession();
    expect(await run("(Resolve-Path C:\\Win*).GetType().FullName; (Resolve-Path C:\\Windows\\sys*).Path")).toBe(
      'System.Management.Automation.PathInfo\nC:\\Windows\\system32\n',
    );
    expect(await run('Set-Location C:\\Windows; Resolve-Path .\\system32 -Relative; Set-Location C:\\Windows\\system32; Resolve-Path C:\\Windows -Relative')).toBe('.\\system32\n..\n');
    const missing = await run('Resolve-Path C:\\NoSuch');
    expect(missing).toContain("Cannot find path 'C:\\NoSuch' because it does not exist.");
    expect(missing).toContain('ObjectNotFound: (C:\\NoSuch:String) [Resolve-Path], ItemNotFoundException');
    expect(await run('Resolve-Path C:\\NoSuch* 2>&1 | % FullyQualifiedErrorId')).toBe('PathNotFound,Microsoft.PowerShell.Commands.ResolvePathCommand\n');
  });
});

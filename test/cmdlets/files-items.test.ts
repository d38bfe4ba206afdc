import * as fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import CopyItem from '../../src/cmdlets/core/Copy-Item.js';
import { lastWriteColumn } from '../../src/cmdlets/core/file-common.js';
import GetChildItem from '../../src/cmdlets/core/Get-ChildItem.js';
import GetItem from '../../src/cmdlets/core/Get-Item.js';
import GetLocation from '../../src/cmdlets/core/Get-Location.js';
import MoveItem from '../../src/cmdlets/core/Move-Item.js';
import NewItem from '../../src/cmdlets/core/New-Item.js';
import RemoveItem from '../../src/cmdlets/core/Remove-Item.js';
import SetLocation from '../../src/cmdlets/core/Set-Location.js';
import TestPath from '../../src/cmdlets/core/Test-Path.js';
import { PSObject } from '../../src/protocol/values.js';
import { LAB_TIME, makeLab, put, readText, run, type FakeLab } from './files-fake-context.js';

let lab: FakeLab;
beforeEach(() => {
  lab = makeLab();
});
afterEach(() => lab.cleanup());

const names = (out: unknown[]) => out.map((o) => (o instanceof PSObject ? o.get('Name') : o));
const exists = (p: string) => lab.drive.exists(lab.drive.resolve(p, lab.location));

describe('Get-ChildItem', () => {
  beforeEach(() => {
    put(lab, 'C:\\certs\\b.pfx', 'bb');
    put(lab, 'C:\\certs\\A.cer', 'a');
    put(lab, 'C:\\certs\\old\\z.pfx', 'z');
  });

  it('lists folders first, then files, by name, as FileInfo/DirectoryInfo', async () => {
    const r = await run(lab, GetChildItem, { Path: ['C:\\certs'] });
    expect(names(r.output)).toEqual(['old', 'A.cer', 'b.pfx']);
    const [dir, file] = [r.output[0] as PSObject, r.output[2] as PSObject];
    expect(dir.typeNames[0]).toBe('System.IO.DirectoryInfo');
    expect(dir.get('Mode')).toBe('d-----');
    expect(dir.get('PSIsContainer')).toBe(true);
    expect(file.typeNames[0]).toBe('System.IO.FileInfo');
    expect(file.get('Mode')).toBe('-a----');
    expect(file.get('FullName')).toBe('C:\\certs\\b.pfx');
    expect(file.get('Length')).toBe(2);
    expect(file.get('Extension')).toBe('.pfx');
    expect(file.get('BaseName')).toBe('b');
    expect(file.get('DirectoryName')).toBe('C:\\certs');
    expect(file.get('PSPath')).toBe('Microsoft.PowerShell.Core\\FileSystem::C:\\certs\\b.pfx');
    expect(file.get('PSParentPath')).toBe('Microsoft.PowerShell.Core\\FileSystem::C:\\certs');
    expect((file.get('LastWriteTime') as Date).getTime()).toBe(LAB_TIME.getTime());
    expect((file.get('Directory') as PSObject).get('FullName')).toBe('C:\\certs');
    expect(String(file)).toBe('C:\\certs\\b.pfx');
  });

  it('lists the current location by default', async () => {
    lab.location = 'C:\\certs';
    expect(names((await run(lab, GetChildItem, {})).output)).toEqual(['old', 'A.cer', 'b.pfx']);
  });

  it('-Filter, -File, -Directory, -Name, -Exclude', async () => {
    expect(names((await run(lab, GetChildItem, { Path: ['C:\\certs'], Filter: '*.PFX' })).output)).toEqual(['b.pfx']);
    expect(names((await run(lab, GetChildItem, { Path: ['C:\\certs'], File: true })).output)).toEqual(['A.cer', 'b.pfx']);
    expect(names((await run(lab, GetChildItem, { Path: ['C:\\certs'], Directory: true })).output)).toEqual(['old']);
    expect((await run(lab, GetChildItem, { Path: ['C:\\certs'], Name: true })).output).toEqual(['old', 'A.cer', 'b.pfx']);
    expect(names((await run(lab, GetChildItem, { Path: ['C:\\certs'], Exclude: ['*.cer'] })).output)).toEqual(['old', 'b.pfx']);
  });

  it('-Recurse lists a folder, then its subfolders; -Name gives relative paths', async () => {
    const r = await run(lab, GetChildItem, { Path: ['C:\\certs'], Recurse: true, Name: true });
    expect(r.output).toEqual(['old', 'A.cer', 'b.pfx', 'old\\z.pfx']);
    const pfx = await run(lab, GetChildItem, { Path: ['C:\\certs\\*.pfx'], Recurse: true });
    expect(pfx.output.map((o) => (o as PSObject).get('FullName'))).toEqual(['C:\\certs\\b.pfx', 'C:\\certs\\old\\z.pfx']);
    const depth0 = await run(lab, GetChildItem, { Path: ['C:\\certs'], Depth: 0, Name: true });
    expect(depth0.output).toEqual(['old', 'A.cer', 'b.pfx']);
  });

  it('wildcard paths: files match, matching folders are listed', async () => {
    expect(names((await run(lab, GetChildItem, { Path: ['C:\\certs\\*.cer'] })).output)).toEqual(['A.cer']);
    expect(names((await run(lab, GetChildItem, { Path: ['C:\\cer*'] })).output)).toEqual(['old', 'A.cer', 'b.pfx']);
  });

  it('a missing folder is PathNotFound', async () => {
    const r = await run(lab, GetChildItem, { Path: ['C:\\nope'] });
    expect(r.errors[0]!.message).toBe("Cannot find path 'C:\\nope' because it does not exist.");
    expect(r.errors[0]!.fullyQualifiedErrorId).toBe('PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand');
  });

  it('formats LastWriteTime as the 5.1 view does', () => {
    expect(lastWriteColumn(new Date(2026, 10, 26, 23, 46))).toBe('11/26/2026  11:46 PM');
    expect(lastWriteColumn(new Date(2021, 0, 5, 9, 7))).toBe('  1/5/2021   9:07 AM');
  });
});

describe('Get-Item and Test-Path', () => {
  it('Get-Item gets items, wildcards, and reports missing ones', async () => {
    put(lab, 'C:\\a.txt', 'a');
    const r = await run(lab, GetItem, { Path: ['C:\\A.TXT', 'C:\\Windows', 'C:\\missing.txt', 'C:\\*.none'] });
    expect(r.output.map((o) => (o as PSObject).get('FullName'))).toEqual(['C:\\a.txt', 'C:\\Windows']);
    expect(r.errors.map((e) => e.message)).toEqual(["Cannot find path 'C:\\missing.txt' because it does not exist."]);
  });

  it('Test-Path writes booleans, never errors', async () => {
    put(lab, 'C:\\a.txt', 'a');
    const r = await run(lab, TestPath, {
      Path: ['C:\\a.txt', 'C:\\nope', 'D:\\x', '\\\\UNKNOWN\\c$\\x', '/etc/passwd', 'C:\\*.txt', 'C:\\*.none'],
    });
    expect(r.output).toEqual([true, false, false, false, false, true, false]);
    expect(r.errors).toEqual([]);
    expect((await run(lab, TestPath, { Path: ['C:\\Windows'], PathType: 'Leaf' })).output).toEqual([false]);
    expect((await run(lab, TestPath, { Path: ['C:\\Windows'], PathType: 'Container' })).output).toEqual([true]);
    expect((await run(lab, TestPath, { Path: ['C:\\a.txt'], PathType: 'Leaf' })).output).toEqual([true]);
    expect((await run(lab, TestPath, { Path: ['C:\\new\\*.txt', 'C:\\a|b'], IsValid: true })).output).toEqual([true, false]);
  });

  it('Test-Path is False for a link that leaves the drive', async () => {
    fs.symlinkSync('/etc', lab.drive.resolve('C:\\', lab.location).hostPath + '/etc');
    expect((await run(lab, TestPath, { Path: ['C:\\etc\\passwd', 'C:\\etc'] })).output).toEqual([false, false]);
  });
});

describe('Remove-Item', () => {
  it('removes files and honours -WhatIf', async () => {
    put(lab, 'C:\\a.txt', 'a');
    const w = await run(lab, RemoveItem, { Path: ['C:\\a.txt'] }, { whatIf: true });
    expect(w.whatIf).toEqual(['What if: Performing the operation "Remove File" on target "C:\\a.txt".']);
    expect(exists('C:\\a.txt')).toBe(true);
    await run(lab, RemoveItem, { Path: ['C:\\a.txt'] });
    expect(exists('C:\\a.txt')).toBe(false);
  });

  it('asks before removing a folder with children unless -Recurse', async () => {
    put(lab, 'C:\\d\\x.txt', 'x');
    const w = await run(lab, RemoveItem, { Path: ['C:\\d'] }, { whatIf: true });
    expect(w.whatIf).toEqual(['What if: Performing the operation "Remove Directory" on target "C:\\d".']);
    const no = await run(lab, RemoveItem, { Path: ['C:\\d'] }, { continueAnswer: false });
    expect(no.prompts).toEqual([
      'The item at C:\\d has children and the Recurse parameter was not specified. If you continue, all children will be removed with the item. Are you sure you want to continue?',
    ]);
    expect(exists('C:\\d\\x.txt')).toBe(true);
    await expect(run(lab, RemoveItem, { Path: ['C:\\d'] })).rejects.toThrow(/non-interactive/);
    const yes = await run(lab, RemoveItem, { Path: ['C:\\d'], Recurse: true });
    expect(yes.prompts).toEqual([]);
    expect(exists('C:\\d')).toBe(false);
  });

  it('wildcards, and missing paths', async () => {
    put(lab, 'C:\\e\\a.pfx', 'a');
    put(lab, 'C:\\e\\b.pfx', 'b');
    put(lab, 'C:\\e\\c.txt', 'c');
    await run(lab, RemoveItem, { Path: ['C:\\e\\*.pfx'] });
    expect(lab.drive.list(lab.drive.resolve('C:\\e', lab.location)).map((e) => e.name)).toEqual(['c.txt']);
    const r = await run(lab, RemoveItem, { Path: ['C:\\nothing.txt'] });
    expect(r.errors[0]!.fullyQualifiedErrorId).toBe('PathNotFound,Microsoft.PowerShell.Commands.RemoveItemCommand');
  });
});

describe('Copy-Item and Move-Item', () => {
  it('copies into a folder, to a new name, and to another machine', async () => {
    put(lab, 'C:\\a.txt', 'A');
    await run(lab, CopyItem, { Path: ['C:\\a.txt'], Destination: 'C:\\Users' });
    expect(readText(lab, 'C:\\Users\\a.txt')).toBe('A');
    const p = await run(lab, CopyItem, { Path: ['C:\\a.txt'], Destination: 'C:\\b.txt', PassThru: true });
    expect((p.output[0] as PSObject).get('FullName')).toBe('C:\\b.txt');
    await run(lab, CopyItem, { Path: ['C:\\a.txt'], Destination: '\\\\EDGE01\\c$\\a.txt' });
    expect(readText(lab, '\\\\EDGE01\\c$\\a.txt')).toBe('A');
    const w = await run(lab, CopyItem, { Path: ['C:\\a.txt'], Destination: 'C:\\c.txt' }, { whatIf: true });
    expect(w.whatIf).toEqual(['What if: Performing the operation "Copy File" on target "Item: C:\\a.txt Destination: C:\\c.txt".']);
  });

  it('copies a folder with its contents only with -Recurse', async () => {
    put(lab, 'C:\\src\\sub\\f.txt', 'f');
    await run(lab, CopyItem, { Path: ['C:\\src'], Destination: 'C:\\empty' });
    expect(lab.drive.list(lab.drive.resolve('C:\\empty', lab.location))).toEqual([]);
    await run(lab, CopyItem, { Path: ['C:\\src'], Destination: 'C:\\full', Recurse: true });
    expect(readText(lab, 'C:\\full\\sub\\f.txt')).toBe('f');
  });

  it('a missing destination folder is an error', async () => {
    put(lab, 'C:\\a.txt', 'A');
    const r = await run(lab, CopyItem, { Path: ['C:\\a.txt'], Destination: 'C:\\no\\a.txt' });
    expect(r.errors[0]!.message).toBe("Could not find a part of the path 'C:\\no\\a.txt'.");
  });

  it('Move-Item renames, refuses to overwrite without -Force', async () => {
    put(lab, 'C:\\a.txt', 'A');
    put(lab, 'C:\\b.txt', 'B');
    const r = await run(lab, MoveItem, { Path: ['C:\\a.txt'], Destination: 'C:\\b.txt' });
    expect(r.errors[0]!.message).toBe('Cannot create a file when that file already exists.');
    expect(readText(lab, 'C:\\b.txt')).toBe('B');
    await run(lab, MoveItem, { Path: ['C:\\a.txt'], Destination: 'C:\\b.txt', Force: true });
    expect(readText(lab, 'C:\\b.txt')).toBe('A');
    expect(exists('C:\\a.txt')).toBe(false);
    put(lab, 'C:\\m\\x.txt', 'x');
    await run(lab, MoveItem, { Path: ['C:\\m'], Destination: 'C:\\Users' });
    expect(readText(lab, 'C:\\Users\\m\\x.txt')).toBe('x');
    expect(exists('C:\\m')).toBe(false);
  });
});

describe('New-Item', () => {
  it('creates files (default) with -Value and folders', async () => {
    const f = await run(lab, NewItem, { Path: ['C:\\n.txt'], Value: 'hello' });
    expect((f.output[0] as PSObject).typeNames[0]).toBe('System.IO.FileInfo');
    expect(readText(lab, 'C:\\n.txt')).toBe('hello');
    const d = await run(lab, NewItem, { Path: ['C:\\x\\y'], ItemType: 'dir' });
    expect((d.output[0] as PSObject).get('FullName')).toBe('C:\\x\\y');
    const n = await run(lab, NewItem, { Path: ['C:\\x'], Name: 'z.txt' });
    expect((n.output[0] as PSObject).get('FullName')).toBe('C:\\x\\z.txt');
  });

  it('existing items are errors unless -Force', async () => {
    put(lab, 'C:\\n.txt', 'old');
    const f = await run(lab, NewItem, { Path: ['C:\\n.txt'] });
    expect(f.errors[0]!.message).toBe("The file 'C:\\n.txt' already exists.");
    expect(f.errors[0]!.fullyQualifiedErrorId).toBe('NewItemIOError,Microsoft.PowerShell.Commands.NewItemCommand');
    await run(lab, NewItem, { Path: ['C:\\n.txt'], Value: 'new', Force: true });
    expect(readText(lab, 'C:\\n.txt')).toBe('new');
    const d = await run(lab, NewItem, { Path: ['C:\\Windows'], ItemType: 'Directory' });
    expect(d.errors[0]!.message).toBe('An item with the specified name C:\\Windows already exists.');
    expect(d.errors[0]!.category).toBe('ResourceExists');
    expect((await run(lab, NewItem, { Path: ['C:\\Windows'], ItemType: 'Directory', Force: true })).output).toHaveLength(1);
  });

  it('missing parent folders: an error, or created with -Force', async () => {
    const r = await run(lab, NewItem, { Path: ['C:\\p\\q.txt'] });
    expect(r.errors[0]!.message).toBe("Could not find a part of the path 'C:\\p\\q.txt'.");
    await run(lab, NewItem, { Path: ['C:\\p\\q.txt'], Force: true });
    expect(exists('C:\\p\\q.txt')).toBe(true);
  });

  it('-WhatIf and unknown item types', async () => {
    const w = await run(lab, NewItem, { Path: ['C:\\w'], ItemType: 'Directory' }, { whatIf: true });
    expect(w.whatIf).toEqual(['What if: Performing the operation "Create Directory" on target "Destination: C:\\w".']);
    const bad = await run(lab, NewItem, { Path: ['C:\\w'], ItemType: 'Widget' });
    expect(bad.terminating?.exceptionType).toBe('ArgumentException');
  });
});

describe('Get-Location and Set-Location', () => {
  it('Get-Location writes a PathInfo', async () => {
    const r = await run(lab, GetLocation, {});
    const info = r.output[0] as PSObject;
    expect(info.typeNames[0]).toBe('System.Management.Automation.PathInfo');
    expect(info.get('Path')).toBe('C:\\Windows\\system32');
    expect(String(info)).toBe('C:\\Windows\\system32');
  });

  it('Set-Location resolves relative paths, casing and UNC paths', async () => {
    await run(lab, SetLocation, { Path: '..' });
    expect(lab.location).toBe('C:\\Windows');
    await run(lab, SetLocation, { Path: '\\users\\ADMINISTRATOR' });
    expect(lab.location).toBe('C:\\Users\\Administrator');
    await run(lab, SetLocation, { Path: '\\\\EDGE01\\c$\\Windows' });
    expect(lab.location).toBe('\\\\EDGE01\\c$\\Windows');
    const p = await run(lab, SetLocation, { Path: '\\', PassThru: true });
    expect((p.output[0] as PSObject).get('Path')).toBe('Microsoft.PowerShell.Core\\FileSystem::\\\\EDGE01\\c$');
  });

  it('Set-Location to a missing folder or a file is PathNotFound', async () => {
    put(lab, 'C:\\f.txt', 'f');
    for (const bad of ['C:\\nope', 'C:\\f.txt']) {
      const r = await run(lab, SetLocation, { Path: bad });
      expect(r.errors[0]!.message).toBe(`Cannot find path '${bad}' because it does not exist.`);
    }
    expect(lab.location).toBe('C:\\Windows\\system32');
  });
});

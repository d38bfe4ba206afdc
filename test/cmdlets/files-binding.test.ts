// The file cmdlets' declarations with the real binder: positions, sets, and pipeline input
// from FileInfo objects (PSPath → -LiteralPath).

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import CopyItem from '../../src/cmdlets/core/Copy-Item.js';
import { fileSystemInfo } from '../../src/cmdlets/core/file-common.js';
import GetChildItem from '../../src/cmdlets/core/Get-ChildItem.js';
import GetContent from '../../src/cmdlets/core/Get-Content.js';
import RemoveItem from '../../src/cmdlets/core/Remove-Item.js';
import SetContent from '../../src/cmdlets/core/Set-Content.js';
import { CommandBinder, type CommandArgument } from '../../src/engine/binder.js';
import type { CmdletDeclaration } from '../../src/protocol/cmdlet.js';
import { commandTypeName } from '../../src/protocol/errors.js';
import { makeLab, put, type FakeLab } from './files-fake-context.js';

let lab: FakeLab;
beforeEach(() => {
  lab = makeLab();
});
afterEach(() => lab.cleanup());

const span = { start: 0, end: 0 };
function binder(decl: CmdletDeclaration, ...words: (string | [string, unknown])[]): CommandBinder {
  const b = new CommandBinder(decl, {
    invocationName: decl.name,
    source: { text: '' },
    commandSpan: span,
    commandFullName: commandTypeName(decl.name),
  });
  const args: CommandArgument[] = words.map((w) =>
    Array.isArray(w) ? { kind: 'parameter', name: w[0], value: w[1], hasColonArgument: true, span } : w.startsWith('-') ? { kind: 'parameter', name: w.slice(1), span } : { kind: 'value', value: w, span },
  );
  b.bindArguments(args);
  return b;
}

describe('binding the file cmdlets', () => {
  it('positional Path and Filter / Destination / Value', () => {
    const gci = binder(GetChildItem, 'C:\\certs', '*.pfx', '-Recurse');
    expect(gci.params()).toMatchObject({ Path: ['C:\\certs'], Filter: '*.pfx', Recurse: true });
    const cp = binder(CopyItem, 'C:\\a.txt', 'C:\\b.txt');
    expect(cp.params()).toMatchObject({ Path: ['C:\\a.txt'], Destination: 'C:\\b.txt' });
    const sc = binder(SetContent, 'C:\\a.txt', 'hello');
    expect(sc.params()).toMatchObject({ Path: ['C:\\a.txt'], Value: ['hello'] });
  });

  it('aliases: -First for -TotalCount, -PSPath for -LiteralPath, -Encoding values', () => {
    const gc = binder(GetContent, ['PSPath', 'C:\\x'], ['First', 3], ['Encoding', 'byte'], ['ReadCount', 0]);
    expect(gc.params()).toMatchObject({ LiteralPath: ['C:\\x'], TotalCount: 3, Encoding: 'Byte', ReadCount: 0 });
    expect(gc.parameterSetName()).toBe('LiteralPath');
  });

  it('a FileInfo from the pipeline binds -LiteralPath through PSPath', () => {
    put(lab, 'C:\\a.txt', 'a');
    const file = fileSystemInfo(lab.drive, lab.drive.stat(lab.drive.resolve('C:\\a.txt', lab.location))!);
    for (const decl of [GetContent, RemoveItem]) {
      const b = binder(decl);
      const bound = b.bindPipelineObject(file);
      expect(bound).not.toBeInstanceOf(Error);
      expect((bound as { params: Record<string, unknown> }).params.LiteralPath).toEqual([
        'Microsoft.PowerShell.Core\\FileSystem::C:\\a.txt',
      ]);
    }
  });
});

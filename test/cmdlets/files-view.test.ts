import { afterEach, beforeEach, expect, it } from 'vitest';
import '../../src/cmdlets/core/file-views.js';
import GetChildItem from '../../src/cmdlets/core/Get-ChildItem.js';
import GetLocation from '../../src/cmdlets/core/Get-Location.js';
import { outStringLines } from '../../src/format/index.js';
import { makeLab, put, run, type FakeLab } from './files-fake-context.js';

let lab: FakeLab;
beforeEach(() => {
  lab = makeLab();
});
afterEach(() => lab.cleanup());

it('Get-ChildItem shows the 5.1 FileSystem table, one group per folder', async () => {
  put(lab, 'C:\\certs\\b.pfx', 'bb');
  put(lab, 'C:\\certs\\sub\\z.txt', 'z');
  const r = await run(lab, GetChildItem, { Path: ['C:\\certs'], Recurse: true });
  const text = outStringLines(r.output, 120).map((l) => l.trimEnd()).join('\n');
  expect(text).toContain(
    [
      '    Directory: C:\\certs',
      '',
      '',
      'Mode                LastWriteTime         Length Name',
      '----                -------------         ------ ----',
      'd-----       11/26/2026  11:46 PM                sub',
      '-a----       11/26/2026  11:46 PM              2 b.pfx',
    ].join('\n'),
  );
  expect(text).toContain('    Directory: C:\\certs\\sub');
  expect(text).toContain('-a----       11/26/2026  11:46 PM              1 z.txt');
});

it('Get-Location shows a one-column Path table', async () => {
  const r = await run(lab, GetLocation, {});
  expect(outStringLines(r.output, 120).map((l) => l.trimEnd())).toEqual(['', 'Path', '----', 'C:\\Windows\\system32', '', '']);
});

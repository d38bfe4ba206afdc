// Set-Item on the Function:, Variable: and Env: drives, and its error on the file system.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let sh: Captured;
beforeAll(async () => {
  sh = await capturedSession();
});
afterAll(async () => {
  await sh?.close();
});

describe('Set-Item', () => {
  it('defines functions from a script block or a text, and sets variables and environment variables', async () => {
    expect((await sh.run('Set-Item function:si1 -Value { param($x) $x * 2 }; si1 21')).out).toBe('42\n');
    expect((await sh.run("Set-Item Function:\\si2 'param($x) \"[$x]\"'; si2 a")).out).toBe('[a]\n');
    expect((await sh.run('Set-Item variable:siv 5; $siv')).out).toBe('5\n');
    expect((await sh.run('Set-Item env:SI_TEST 12; $env:SI_TEST')).out).toBe('12\n');
  });

  it('a file system path is NotSupported and changes nothing', async () => {
    const r = await sh.run('Set-Item C:\\si.txt 1 -ErrorVariable ev -ErrorAction SilentlyContinue; $ev[0].FullyQualifiedErrorId; Test-Path C:\\si.txt');
    expect(r.out).toBe('NotSupported,Microsoft.PowerShell.Commands.SetItemCommand\nFalse\n');
  });
});

// Get-Member -Static (a type's static members, for a type or an object of it), -Force (the
// intrinsic members and property accessors) and -View (Extended / Adapted).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let sh: Captured;
beforeAll(async () => {
  sh = await capturedSession();
});
afterAll(async () => {
  await sh?.close();
});

const names = async (cmd: string) => (await sh.run(`(${cmd}).Name -join ','`)).out.trim();

describe('Get-Member', () => {
  it('-Static lists the static members of the type of the input, or of a type given as input', async () => {
    expect(await names('1 | Get-Member -Static')).toBe('Equals,Parse,ReferenceEquals,TryParse,MaxValue,MinValue');
    expect(await names('[string] | Get-Member -Static -MemberType Property')).toBe('Empty');
    expect((await sh.run('([int] | Get-Member -Static MaxValue).Definition')).out).toBe('static int MaxValue {get;}\n');
  });

  it('-Force adds the intrinsic members and accessors; -View Extended keeps only added members', async () => {
    expect(await names("'abc' | Get-Member -Force -Name ps*,get_*")).toBe('pstypenames,psadapted,psbase,psextended,psobject,get_Length');
    expect(await names("[pscustomobject]@{a=1} | Get-Member -View Extended")).toBe('a');
    expect(await names("'abc' | Get-Member -View Extended")).toBe('');
  });
});

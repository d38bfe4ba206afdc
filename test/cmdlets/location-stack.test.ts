// Push-Location / Pop-Location: the default and named stacks; a bad path pushes nothing; an
// empty default stack is quietly left alone, an unknown named one is an error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let s: Captured;
beforeAll(async () => {
  s = await capturedSession();
});
afterAll(async () => {
  await s.close();
});

const lines = async (script: string) => (await s.run(script)).out.split('\n').filter((l) => l);

describe('location stacks', () => {
  it('pushes, changes and pops back, in order', async () => {
    expect(await lines('Set-Location C:\\; Push-Location C:\\Windows; Push-Location C:\\Users; (Get-Location).Path; Pop-Location; (Get-Location).Path; popd; (Get-Location).Path')).toEqual([
      'C:\\Users',
      'C:\\Windows',
      'C:\\',
    ]);
  });
  it('a path that is no folder is PathNotFound and pushes nothing; an empty default stack does nothing', async () => {
    const out = (await s.run('Set-Location C:\\; Push-Location C:\\nowhere; Pop-Location; (Get-Location).Path')).out;
    expect(out).toContain('PathNotFound,Microsoft.PowerShell.Commands.PushLocationCommand');
    expect(out.trim().split('\n').pop()).toBe('C:\\');
  });
  it('named stacks are separate; an unknown one is an error', async () => {
    const out = (await s.run('Set-Location C:\\; pushd C:\\Users -StackName work; Pop-Location; (Get-Location).Path; Pop-Location -StackName work -PassThru | ForEach-Object Path; Pop-Location -StackName none')).out;
    expect(out).toMatch(/^C:\\Users\s+C:\\\s/);
    expect(out).toContain("Cannot find location stack 'none'.");
  });
});

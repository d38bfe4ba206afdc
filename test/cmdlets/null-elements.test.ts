// A String[] parameter given only $null elements (`Get-PSDrive @($null, $null)`): the elements name
// nothing (patterns.ts stringsOf), never an internal error. Found by the torture suite's cmdlets run.
import { describe, expect, it } from 'vitest';
import { capturedSession } from '../helpers/run.js';

describe('String[] parameters given $null elements', () => {
  it('Get-PSDrive, Get-Runspace, Get-TypeData, Get-FormatData and more answer without an internal error', async () => {
    const sh = await capturedSession();
    try {
      for (const name of ['Get-PSDrive', 'Get-Runspace', 'Get-TypeData', 'Get-FormatData', 'more']) {
        const r = await sh.run(`${name} @($null, $null)`);
        expect(r.out, name).not.toContain('EmshInternalError');
      }
      expect((await sh.run('(Get-PSDrive C).Name')).out).toBe('C\n');
    } finally {
      await sh.close();
    }
  });
});

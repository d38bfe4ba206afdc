// The smaller ones of issue 12 that live outside the Ink UI: $Host's window and buffer sizes, and
// Invoke-History (r).
import { describe, expect, it } from 'vitest';
import { capturedSession } from '../helpers/run.js';

describe('console facts and history', () => {
  it('$Host.UI.RawUI.WindowSize and BufferSize are sizes (5.1 defaults without a terminal)', async () => {
    const s = await capturedSession();
    const r = await s.run('"$($Host.UI.RawUI.WindowSize) $($Host.UI.RawUI.BufferSize)"; $Host.UI.RawUI.BufferSize.Width; $Host.UI.RawUI.WindowSize.GetType().FullName');
    expect(r.out).toBe('120,50 120,3000\n120\nSystem.Management.Automation.Host.Size\n');
    await s.close();
  });

  it('r / Invoke-History runs an entry again (by Id, by prefix, the last), echoing it first', async () => {
    const s = await capturedSession();
    await s.run("'one'", { history: true });
    await s.run('2 + 3', { history: true });
    expect((await s.run('r 1', { history: true })).out).toBe("'one'\none\n");
    expect((await s.run('r 2', { history: true })).out).toBe('2 + 3\n5\n');
    expect((await s.run('r', { history: true })).out).toBe('2 + 3\n5\n');
    expect((await s.run('Invoke-History 42')).out).toContain('Cannot locate history for Id 42.');
    expect((await s.run('Invoke-History $null', { history: true })).out).toBe('2 + 3\n5\n');
    await s.close();
  });
});

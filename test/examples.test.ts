// Every example of every cmdlet declaration runs, and shows what it says it shows.
import { describe, expect, it } from 'vitest';
import { allCmdlets } from '../src/cmdlets/index.js';
import { capturedSession } from './helpers/run.js';

describe('cmdlet examples', () => {
  it('every cmdlet has a synopsis, a description and at least one example', () => {
    for (const c of allCmdlets) {
      expect(c.synopsis, c.name).toBeTruthy();
      expect(c.description, c.name).toBeTruthy();
      expect(c.examples.length, c.name).toBeGreaterThan(0);
    }
  });
  for (const c of allCmdlets) {
    c.examples.forEach((ex, i) => {
      if (ex.interactive) return;
      it(`${c.name} example ${i + 1}: ${ex.code}`, async () => {
        const s = await capturedSession();
        if (ex.setup) {
          // Typed at the prompt before the example, so it is in the session's history (Invoke-History).
          const setup = await s.run(ex.setup, { history: true });
          expect(setup.ok, `setup printed:\n${setup.out}`).toBe(true);
        }
        const r = await s.run(ex.code);
        expect(r.out, 'an example must not print an error').not.toMatch(/\+ FullyQualifiedErrorId/);
        await s.close();
        if (typeof ex.shows === 'string') expect(r.out).toContain(ex.shows);
        else if (ex.shows instanceof RegExp) expect(r.out).toMatch(ex.shows);
      });
    });
  }
});

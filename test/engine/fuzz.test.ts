// Property-based robustness test (issue 2, "Bad input"): random and mutated scripts go through
// the parser and through a real Session on a temporary lab home. Whatever the text, parsing
// never throws, execute() always resolves within a time bound (runaway loops are stopped with
// session.stop(), as Ctrl+C would), and what is printed carries no JavaScript leaks: no stack
// traces, no `undefined`, no `[object Object]`, no internal-error records.
//
// Runs are bounded so the file takes a few seconds. To explore more: EMSH_FUZZ_RUNS=2000
// EMSH_FUZZ_SEED=<n> npx vitest run test/engine/fuzz.test.ts (a failure prints its seed).

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScript } from '../../grammar/index.js';
import { cmdletCall, mutated, script, tokenSoup } from '../helpers/fuzz-inputs.js';
import { STOP_AFTER_MS, runChecked } from '../helpers/bounded-run.js';
import { leaks } from '../helpers/leaks.js';
import { capturedSession, tempHome, type Captured } from '../helpers/run.js';

const RUNS = Number(process.env.EMSH_FUZZ_RUNS ?? 0) || undefined;
const SEED = process.env.EMSH_FUZZ_SEED !== undefined ? Number(process.env.EMSH_FUZZ_SEED) : 20240601;

// ---------------------------------------------------------------------------------------------
// The property.

let sh: Captured;
beforeAll(async () => {
  // Nothing may touch the real ~/.emsh: the lab lives in a fresh temporary EMSH_HOME.
  process.env.EMSH_HOME = tempHome();
  sh = await capturedSession({ home: process.env.EMSH_HOME });
});
afterAll(async () => {
  await sh?.close();
});

/** Runs text in the shared session, bounded and checked (test/helpers/bounded-run.ts). */
async function runBounded(text: string): Promise<void> {
  const why = await runChecked(sh, text, [process.env.EMSH_HOME!]);
  if (why) throw new Error(`${JSON.stringify(text)} ${why}`);
}

const params = (numRuns: number) => ({ numRuns: RUNS ?? numRuns, seed: SEED, endOnFailure: true });

describe('fuzz: the parser', () => {
  it('never throws and reports errors inside the text', () => {
    const anyText = fc.oneof(tokenSoup, mutated, script, fc.string({ maxLength: 60, unit: 'grapheme' }), fc.string({ maxLength: 60, unit: 'binary' }));
    fc.assert(
      fc.property(anyText, (text) => {
        const r = parseScript(text);
        expect(r.ast.kind).toBe('ScriptBlock');
        for (const e of r.errors) {
          expect(e.message).toMatch(/\S/);
          expect(e.span.start).toBeGreaterThanOrEqual(0);
          expect(e.span.end).toBeLessThanOrEqual(text.length);
          expect(e.span.start).toBeLessThanOrEqual(e.span.end);
        }
      }),
      params(400),
    );
  });
});

describe('fuzz: the generators', () => {
  it('reach the evaluator: most random trees and many mutations parse', () => {
    const parses = (arb: fc.Arbitrary<string>) => {
      const xs = fc.sample(arb, { numRuns: 300, seed: SEED });
      return xs.filter((x) => parseScript(x).errors.length === 0).length / xs.length;
    };
    expect(parses(script)).toBeGreaterThan(0.8);
    expect(parses(mutated)).toBeGreaterThan(0.3);
    expect(parses(tokenSoup)).toBeGreaterThan(0.1);
  });
});

describe('fuzz: the session', () => {
  it('token soup: execute() resolves in time and prints no JavaScript leaks', async () => {
    await fc.assert(fc.asyncProperty(tokenSoup, runBounded), params(120));
  }, 60_000);

  it('mutated examples and transcripts: execute() resolves in time and prints no JavaScript leaks', async () => {
    await fc.assert(fc.asyncProperty(mutated, runBounded), params(120));
  }, 60_000);

  it('random syntax trees: execute() resolves in time and prints no JavaScript leaks', async () => {
    await fc.assert(fc.asyncProperty(script, runBounded), params(120));
  }, 60_000);

  it('cmdlet calls with awkward values: execute() resolves in time and prints no JavaScript leaks', async () => {
    await fc.assert(fc.asyncProperty(cmdletCall, runBounded), params(200));
  }, 60_000);

  it('-File runs: param() bound from random raw arguments; execute() resolves in time', async () => {
    const rawArg = fc.constantFrom('-a', '-b', '-c', '-c:$false', '-b:7', '-zz', 'x', '7', '', '$null', "'q'", '-', '--', '-a:', 'C:\\x');
    const fileRun = fc.tuple(script, fc.array(rawArg, { maxLength: 5 }));
    await fc.assert(
      fc.asyncProperty(fileRun, async ([body, args]) => {
        const text = `param($a, [int]$b, [switch]$c)\n${body}`;
        const timer = setTimeout(() => sh.session.stop(), STOP_AFTER_MS);
        const before = sh.text().length;
        try {
          const r = await sh.session.execute(text, { file: 'C:\\fuzz.ps1', args, history: true });
          expect(typeof r.ok).toBe('boolean');
        } finally {
          clearTimeout(timer);
        }
        expect(leaks(text, sh.text().slice(before))).toBeUndefined();
      }),
      params(60),
    );
  }, 60_000);

  it('evaluate() (output as objects) also resolves, with every failure an error record', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(script, mutated), async (text) => {
        const timer = setTimeout(() => sh.session.stop(), STOP_AFTER_MS);
        try {
          const r = await sh.session.evaluate(text);
          expect(r.output).not.toContain(undefined);
          for (const e of r.errors) {
            // Not necessarily visible text: `throw { }` throws the block's text, as in PowerShell.
            expect(e.message.length).toBeGreaterThan(0);
            expect(e.errorId).not.toBe('EmshInternalError');
          }
        } finally {
          clearTimeout(timer);
        }
      }),
      params(80),
    );
  }, 60_000);

  it('a runaway pipeline or loop is stopped by session.stop() and the session goes on', async () => {
    // Each would run for minutes or hours: ending at all (within the test's timeout) is the check.
    for (const text of ['while ($true) {}', '1..1e9 | % {}', '1..50000000 | ForEach-Object {}', 'for (;;) { $x++ }', 'do { } until ($false)', 'Start-Sleep 100']) {
      const running = sh.run(text);
      setTimeout(() => sh.session.stop(), 100);
      const r = await running;
      expect(r.ok).toBe(false);
    }
    expect((await sh.run('1 + 1')).out).toBe('2\n');
  }, 30_000);
});

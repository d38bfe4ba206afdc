// One evaluator, one fast path: expressions that run no command take the interpreter's
// synchronous fast path (evalSync). Generated expressions and assignments are run twice, in a
// session with the fast path and in one without it (every node through the general evaluator);
// the output and the errors must be the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testShell, type TestShell } from './helpers.js';

/** Sets the variables the expressions read, the same way in both sessions. */
const SETUP = "$a = 3; $b = -2; $s = 'Hello'; $arr = 1,2,3; $h = @{x=1; y='two'}; $n = $null; $d = 2.5";

const leaf = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.constantFrom('0', '1', '2147483647', '0x10', '1kb', '2.5', '1e3', '-0.5'),
  fc.constantFrom("'abc'", "'A,b,C'", '"x$a"', "''", '"$($a + 1)"', "'10'"),
  fc.constantFrom('$a', '$b', '$s', '$arr', '$h', '$n', '$d', '$true', '$false', '$null'),
);

const binaryOps = ['+', '-', '*', '/', '%', '-eq', '-ne', '-lt', '-gt', '-le', '-ge', '-like', '-match', '-and', '-or', '-band', '-bor', '-join', '-contains', '-in', '-replace', '-split', '-f', '-is', '-as', '..'];

const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { arbitrary: leaf, weight: 6 },
    { arbitrary: fc.tuple(tie('e'), fc.constantFrom(...binaryOps), tie('e')).map(([l, op, r]) => (op === '-is' || op === '-as' ? `(${l}) ${op} [int]` : `(${l}) ${op} (${r})`)), weight: 4 },
    { arbitrary: fc.tuple(fc.constantFrom('-not ', '-', '!', '[int]', '[string]', '[bool]', '[double]', '[char[]]', '-join ', '-split '), tie('e')).map(([op, x]) => `${op}(${x})`), weight: 2 },
    { arbitrary: fc.tuple(tie('e'), tie('e')).map(([x, y]) => `@(${x}; ${y})`), weight: 1 },
    { arbitrary: fc.tuple(tie('e'), tie('e')).map(([x, y]) => `${x}, ${y}`), weight: 1 },
    { arbitrary: tie('e').map((x) => `$(${x})`), weight: 1 },
    { arbitrary: fc.tuple(tie('e'), fc.constantFrom('.Length', '.Count', '.ToString()', '.GetType().Name', '[0]', '[-1]', '[1..2]', '.x', ".ToUpper()", '.Contains(1)')).map(([x, m]) => `(${x})${m}`), weight: 2 },
    { arbitrary: fc.tuple(tie('e'), tie('e')).map(([k, v]) => `@{k=${k}; v=(${v})}`), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom('$a', '$t', '$arr[0]', '$h.x', '$h["z"]'), fc.constantFrom('=', '+=', '-=', '*='), tie('e')).map(([t, op, v]) => `$(${t} ${op} (${v}); ${t})`), weight: 1 },
    { arbitrary: fc.constantFrom('$a++', '++$a', '$arr[1]--', '$h.x++'), weight: 1 },
  ),
})).e;

async function runBoth(fast: TestShell, slow: TestShell, text: string): Promise<[string, string]> {
  return [await fast.run(text), await slow.run(text)];
}

describe('the fast path gives what the general evaluator gives', () => {
  it('over generated expressions and assignments', async () => {
    await fc.assert(
      fc.asyncProperty(expr, async (text) => {
        // Fresh sessions per case: assignments inside one case must not leak into the next.
        const fast = testShell();
        const slow = testShell({ extra: { fastPath: false } });
        await runBoth(fast, slow, SETUP);
        const [a, b] = await runBoth(fast, slow, text);
        expect(b, text).toBe(a);
        // And the variables the assignments touched read back the same.
        const [va, vb] = await runBoth(fast, slow, '$a; $t; $arr; $h.x; $h.z');
        expect(vb, text).toBe(va);
      }),
      { numRuns: 400, seed: 20261206 },
    );
  });

  it('the switch does take the general path', async () => {
    const slow = testShell({ extra: { fastPath: false } });
    const fast = testShell();
    expect(await slow.run('1 + 2 * 3')).toBe('7');
    expect(await fast.run('1 + 2 * 3')).toBe('7');
  });
});

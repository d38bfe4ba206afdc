// `return` inside `$( )`, `@( )` or the statement on the right of `=`: what was gathered before it,
// and the returned value, still go to the function's output (the assignment never happens).
import { describe, expect, it } from 'vitest';
import { everydaySession } from '../cmdlets/everyday-session.js';

describe('return cutting an expression short', () => {
  it('writes the value of a return on the right of an assignment to the output, and leaves the variable alone', async () => {
    const { run } = everydaySession();
    expect(await run('$g = 1; function f { $script:g = if ($true) { "one" ; return "two" }; "never" }; f; $g')).toBe('one\ntwo\n1\n');
  });

  it('keeps the output a sub-expression gathered before the return, nested ones in order', async () => {
    const { run } = everydaySession();
    expect(await run('function f { $("1"; return "2") }; (f) -join ","')).toBe('1,2\n');
    expect(await run('function f { $x = @("a"; $("b"; return "c")); "never" }; (f) -join ","')).toBe('a,b,c\n');
  });
});

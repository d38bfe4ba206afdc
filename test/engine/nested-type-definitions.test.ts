// 5.1 defines a block's classes and enums when it compiles the block, nested statements included:
// a type defined inside an `if` or a loop body is usable above it. Nested script blocks and
// functions are compiled (and define their types) on their own.
import { describe, expect, it } from 'vitest';
import { everydaySession } from '../cmdlets/everyday-session.js';

describe('type definitions below the top level of a block', () => {
  it('are defined before the block runs', async () => {
    const { run } = everydaySession();
    expect(await run('[Inner]::new().x; if ($true) { class Inner { [int]$x = 6 } }; [E3]::B; foreach ($i in 1) { enum E3 { A; B } }')).toBe('6\nB\n');
    expect(await run('function f { [Inner4]::new().y; while ($false) { class Inner4 { $y = 4 } } }; f')).toBe('4\n');
  });

  it('but not those of a script block the block only holds', async () => {
    const { run } = everydaySession();
    expect(await run('$sb = { class Later { } }; try { [Later] } catch { $_.FullyQualifiedErrorId }')).toBe('TypeNotFound\n');
  });
});

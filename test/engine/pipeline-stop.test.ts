// Select-Object -First stops the commands before it; a range heading a pipeline is enumerated
// lazily; begin-block output waits for every begin (PowerShell's order).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let sh: Captured;
beforeAll(async () => {
  sh = await capturedSession();
});
afterAll(async () => {
  await sh?.close();
});

const out = async (text: string) => (await sh.run(text)).out;

describe('Select-Object -First stops upstream', () => {
  it('the commands before it process no more objects', async () => {
    expect(await out('$i = 0; 1..10 | ForEach-Object { $i++; $_ } | Select-Object -First 2; "i=$i"')).toBe('1\n2\ni=2\n');
  });

  it('a huge range is cut short at once (else this runs for hours)', async () => {
    expect(await out('1..2000000000 | Where-Object { $_ -gt 5 } | Select-Object -First 2')).toBe('6\n7\n');
  });

  it('upstream end blocks are skipped; its own and downstream end blocks run', async () => {
    await sh.run("function up { process { $_ } end { 'up-end' } }; function down { process { $_ } end { 'down-end' } }");
    expect(await out('1..4 | up | Select-Object -First 2 | down')).toBe('1\n2\ndown-end\n');
    expect(await out('1..4 | Select-Object -First 2 | down')).toBe('1\n2\ndown-end\n');
  });

  it('works when the objects come from an end block (Sort-Object) or from a function body', async () => {
    expect(await out('5, 3, 9 | Sort-Object | Select-Object -First 1')).toBe('3\n');
    expect(await out('function many { 1..1000000 }; many | Select-Object -First 1')).toBe('1\n');
  });

  it('is not caught by a try/catch in an upstream script block', async () => {
    expect(await out("1..10 | ForEach-Object { try { $_ } catch { 'caught' } } | Select-Object -First 1")).toBe('1\n');
  });

  it('only stops its own pipeline, not the enclosing one', async () => {
    expect(await out('1..3 | ForEach-Object { 1..100 | Select-Object -First 1 }')).toBe('1\n1\n1\n');
    expect(await out('$x = 1..1e9 | Select-Object -First 3; $x -join ","')).toBe('1,2,3\n');
  });

  it('-First 0 passes nothing; -Last and -Index still see the whole input', async () => {
    expect(await out('1..10 | Select-Object -First 0')).toBe('');
    expect(await out('1..10 | Select-Object -First 2 -Last 1')).toBe('1\n2\n10\n');
    expect(await out('1..10 | Select-Object -Index 3, 8')).toBe('4\n9\n');
    expect(await out('1,1,2,3 | Select-Object -Unique -First 2')).toBe('1\n');
  });
});

describe('a range heading a pipeline', () => {
  it('streams without the 50,000,000-element limit of a range value, in both directions', async () => {
    expect(await out('1..3000000000 | Select-Object -First 1')).toContain('Cannot convert value "3000000000" to type "System.Int32"');
    expect(await out('2147483640..2147483647 | Measure-Object | ForEach-Object Count')).toBe('8\n');
    expect(await out('3..1 | ForEach-Object { $_ * 2 }')).toBe('6\n4\n2\n');
    expect(await out('$null..1 | ForEach-Object { "<$_>" }')).toBe('<0>\n<1>\n');
  });

  it('a runaway one stops on session.stop() without first allocating the range', async () => {
    const running = sh.run('1..2000000000 | ForEach-Object { }');
    setTimeout(() => sh.session.stop(), 50);
    const r = await running;
    expect(r.ok).toBe(false);
  });
});

describe('a range as the collection of foreach', () => {
  it('is counted, not built: a huge range with break ends at once', async () => {
    expect(await out('foreach ($i in 1..1e9) { if ($i -gt 3) { break }; $i }')).toBe('1\n2\n3\n');
    expect(await out('foreach ($i in 3..1) { $i }; foreach ($i in $null..1) { "<$i>" }')).toBe('3\n2\n1\n<0>\n<1>\n');
    expect(await out("foreach ($i in 'a'..2) { $i }")).toContain('Cannot convert value "a" to type "System.Int32".');
  });
});

describe('begin blocks', () => {
  it("a begin block's output reaches the next command after that command's begin", async () => {
    await sh.run("function b1 { begin { 'b' } process { $_ } end { 'e' } }");
    expect(await out('1..2 | b1 | ForEach-Object { "<$_>" }')).toBe('<b>\n<1>\n<2>\n<e>\n');
    expect(await out('1..5 | b1 | Select-Object -First 2')).toBe('b\n1\n');
  });
});

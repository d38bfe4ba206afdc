// Select-String -Context, and an array given to -InputObject searched as one text (issue 11).
import { describe, expect, it } from 'vitest';
import { everydaySession } from './everyday-session.js';

describe('Select-String -Context', () => {
  it('keeps lines before and after each hit; ToString marks the hit with >', async () => {
    const { run } = everydaySession();
    await run('Set-Content C:\\t1.txt "a string","second line","third line","fourth line","No matches"; Set-Location C:\\');
    expect(await run('$m = Select-String third C:\\t1.txt -Context 1; $m.Context.PreContext; $m.Context.PostContext; $m.ToString()')).toBe(
      'second line\nfourth line\n  C:\\t1.txt:2:second line\n> C:\\t1.txt:3:third line\n  C:\\t1.txt:4:fourth line\n',
    );
    expect(await run('Select-String third C:\\t1.txt -Context 1')).toBe('\n  t1.txt:2:second line\n> t1.txt:3:third line\n  t1.txt:4:fourth line\n\n\n');
    // A hit's context stops at the next hit; -Context 0,1 takes only lines after.
    expect(await run('(Select-String "second|third" C:\\t1.txt -Context 1)[0].Context.PostContext.Count; (Select-String third C:\\t1.txt -Context 0,1).Context.PreContext.Count')).toBe('0\n0\n');
    expect(await run("('x', 'y', 'z' | Select-String y -Context 1).Context.PreContext")).toBe('x\n');
  });

  it('an array given to -InputObject is one object, searched as its elements joined by spaces', async () => {
    const { run } = everydaySession();
    expect(await run('(Select-String -InputObject "some stuff", "other stuff" -Pattern "other").Line')).toBe('some stuff other stuff\n');
  });
});

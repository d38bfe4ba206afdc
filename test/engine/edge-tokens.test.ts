// `$^` and `$$`: the first and last token of the previous command line (issue 11, DollarHook and
// Get-Variable). A line sees the line before it; they exist, empty, from the start.
import { describe, expect, it } from 'vitest';
import { edgeTokens } from '../../grammar/index.js';
import { allCmdlets } from '../../src/cmdlets/index.js';
import { testShell } from './helpers.js';

describe('$^ and $$', () => {
  it('hold the first and last token of the previous command line', async () => {
    const sh = testShell({ cmdlets: allCmdlets });
    const line = async (text: string) => {
      const start = sh.host.lines.length;
      await sh.session.execute(text, { history: true });
      return sh.host.lines.slice(start).map((l) => l.text);
    };
    expect(await line("(Get-Variable '^', '$').Count; $null -eq $^")).toEqual(['2', 'True']);
    await line("Write-Output a 'b c'");
    expect(await line('$^; $$')).toEqual(['Write-Output', "'b c'"]);
    expect(await line('$$')).toEqual(['$$']);
  });

  it('come from the tokens, new lines and comments left out', () => {
    expect(edgeTokens('\n  Get-Item C:\\ # a comment\n')).toEqual({ first: 'Get-Item', last: 'C:\\' });
    expect(edgeTokens('  \n')).toBeUndefined();
  });
});

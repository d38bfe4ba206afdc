// 5.1 has no [ordered] type accelerator: `[ordered]@{}` is the parser's, and `[ordered]` alone is a
// type name like any other (a class may take it). OrderedDictionary by its full name constructs.
import { describe, expect, it } from 'vitest';
import { everydaySession } from '../cmdlets/everyday-session.js';

describe('[ordered]', () => {
  it('is not a type of its own; [ordered]@{} is an OrderedDictionary', async () => {
    const { run } = everydaySession();
    expect(await run('$h = [ordered]@{ b = 1; a = 2 }; $h.GetType().FullName; $h.Keys -join ","; try { [ordered] } catch { $_.FullyQualifiedErrorId }')).toBe(
      'System.Collections.Specialized.OrderedDictionary\nb,a\nTypeNotFound\n',
    );
  });

  it('names a class called ordered', async () => {
    const { run } = everydaySession();
    expect(await run('class ordered { [hashtable]$Member; ordered([hashtable]$h) { $this.Member = $h } }; $r = @{ key = 2 } -as [ordered]; $r.GetType().FullName; $r -is [ordered]; $r.Member["key"]')).toBe('ordered\nTrue\n2\n');
  });

  it('OrderedDictionary constructs by its full name, keys in insertion order', async () => {
    const { run } = everydaySession();
    expect(await run('$o = [System.Collections.Specialized.OrderedDictionary]::new(); $o["b"] = 1; $o["a"] = 2; $o.Keys -join ","; (New-Object System.Collections.Specialized.OrderedDictionary).GetType().Name')).toBe('b,a\nOrderedDictionary\n');
  });
});

// .NET's spelling of a generic type in a type literal: the backtick is escaped (``List``1``) and the
// arity must match the type arguments.
import { describe, expect, it } from 'vitest';
import { everydaySession } from '../cmdlets/everyday-session.js';

describe('generic type names with their arity', () => {
  it('resolve in type literals and New-Object; a wrong arity is TypeNotFound', async () => {
    const { run } = everydaySession();
    expect(await run('$c = [System.Collections.ObjectModel.Collection``1[System.Attribute]]::new(); $c.GetType().Name; (New-Object "System.Collections.Generic.List``1[string]").GetType().Name')).toBe('Collection`1\nList`1\n');
    expect(await run('try { [System.Collections.Generic.List``2[int]] } catch { $_.FullyQualifiedErrorId }')).toBe('TypeNotFound\n');
  });
});

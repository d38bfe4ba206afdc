import { describe, expect, it } from 'vitest';
import { compileWildcard } from '../../src/protocol/wildcard-match.js';

const like = (text: string, pattern: string, dialect = {}) => compileWildcard(pattern, dialect).test(text);

describe('wildcard matching without regular expressions (issue 10)', () => {
  it('matches as -like does', () => {
    expect(like('Get-ExchangeCertificate', 'get-*cert*')).toBe(true);
    expect(like('abc', 'a?c')).toBe(true);
    expect(like('abc', 'a?')).toBe(false);
    expect(like('b', '[a-c]')).toBe(true);
    expect(like('d', '[a-c]')).toBe(false);
    expect(like('d', '[!a-c]', { negation: true })).toBe(true);
    expect(like('*', '`*')).toBe(true);
    expect(like('x', '`*')).toBe(false);
    expect(like('[x', '[x')).toBe(true); // an unclosed bracket is literal
    expect(like('', '*')).toBe(true);
    expect(like('', '')).toBe(true);
    expect(like('a', '')).toBe(false);
    expect(like('ABC', 'abc')).toBe(true);
    expect(like('ABC', 'abc', { caseSensitive: true })).toBe(false);
    expect(like('line1\nline2', 'line1*2')).toBe(true);
    expect(like('mississippi', '*sip*')).toBe(true);
    expect(like('mississippi', '*iss*ppi')).toBe(true);
    expect(like('mississippi', '*iss*ppx')).toBe(false);
  });

  it('the Exchange identity dialect knows only *', () => {
    expect(like('a?b', 'a?b', { starOnly: true })).toBe(true);
    expect(like('axb', 'a?b', { starOnly: true })).toBe(false);
    expect(like('[x]', '[x]*', { starOnly: true })).toBe(true);
  });

  it('answers patterns that make a backtracking RegExp hang, and patterns too large for one', () => {
    const t0 = performance.now();
    expect(like('a'.repeat(5000), '*a*a*a*a*a*a*a*a*b')).toBe(false);
    expect(like('x'.repeat(100000), 'x'.repeat(100000))).toBe(true);
    expect(like('x', 'x'.repeat(100000))).toBe(false);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

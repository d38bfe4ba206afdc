import { describe, expect, it } from 'vitest';
import { TerminatingError } from '../../src/protocol/errors.js';
import { mayRunLong, regexShape, runRegex } from '../../src/protocol/regex-guard.js';

describe('regex shapes (issue 10): which patterns may backtrack for long', () => {
  it('nested repetition, alternation under repetition and back-references are exponential', () => {
    for (const p of ['^(a+)+$', '(a|aa)*b', '(x*)*', '(\\w+\\s?)+$', '(a)\\1', '(?<n>a)\\k<n>', '((ab)*c)*', '(?:a+){2,}']) {
      expect(regexShape(p).exponential, p).toBe(true);
    }
  });

  it('counts the other quantifiers; classes, escapes and fixed counts are atoms', () => {
    expect(regexShape('x')).toEqual({ exponential: false, quantifiers: 0 });
    expect(regexShape('^\\d{3}-[a-z*+?]{2}$')).toEqual({ exponential: false, quantifiers: 0 });
    expect(regexShape('a.*b')).toEqual({ exponential: false, quantifiers: 1 });
    expect(regexShape('^(?:foo|bar)\\s+(\\d+)?$')).toEqual({ exponential: false, quantifiers: 3 });
    expect(regexShape('(a+){2}')).toEqual({ exponential: false, quantifiers: 1 });
    expect(regexShape('a+?b*?')).toEqual({ exponential: false, quantifiers: 2 });
    expect(regexShape('\\(a+\\)+')).toEqual({ exponential: false, quantifiers: 2 });
  });

  it('guards by pattern and text length', () => {
    expect(mayRunLong(/x/i, 1e6)).toBe(false);
    expect(mayRunLong(/^\d+$/, 20)).toBe(false);
    expect(mayRunLong(/a.*b/, 1000)).toBe(false);
    expect(mayRunLong(/a.*b/, 100000)).toBe(true);
    expect(mayRunLong(/^(a+)+$/, 3)).toBe(true);
  });
});

describe('runRegex', () => {
  it('stops a catastrophic match after the time limit with RegexMatchTimeoutException', () => {
    const re = /^(a+)+b$/;
    const text = 'a'.repeat(40); // unguarded, hours of backtracking
    let err: unknown;
    try {
      runRegex(re, text.length, () => re.test(text));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TerminatingError);
    const r = (err as TerminatingError).record;
    expect(r.errorId).toBe('RegexMatchTimeoutException');
    expect(r.message).toMatch(/^The RegEx engine has timed out while trying to match a pattern to an input string\./);
    // The same expression still works afterwards.
    expect(runRegex(re, 3, () => re.test('aab'))).toBe(true);
  });

  it('a pattern too large for the engine is an error record', () => {
    const re = new RegExp('^' + 'x'.repeat(100000) + '$', 'i');
    expect(() => runRegex(re, 1, () => re.test('x'))).toThrow(TerminatingError);
  });
});

// One wildcard rule (src/protocol/wildcard.ts), and the places that used to have their own copy:
// -like, switch -Wildcard, file names on the lab drive, member and property names, command
// names, Format-Table columns, tab completion and Exchange identities. Each case runs through
// every site, so a site that drifts from the rule fails here.
import { describe, expect, it } from 'vitest';
import { allCmdlets } from '../../src/cmdlets/index.js';
import { matchByNames } from '../../src/exchange/identity.js';
import { binaryOperation } from '../../src/protocol/operators.js';
import { TerminatingError } from '../../src/protocol/errors.js';
import { escapeWildcard, hasWildcard, matchesWildcard, unescapeWildcard, compileWildcard } from '../../src/protocol/wildcard.js';
import { complete, type CompletionSource } from '../../src/ui/completion.js';
import { testShell } from '../engine/helpers.js';

/** [pattern, text, matches] — PowerShell 5.1's answers for `text -like pattern`. */
const CASES: [string, string, boolean][] = [
  ['*', '', true],
  ['*', 'anything', true],
  ['a*', 'ABC', true], // case-insensitive
  ['a?c', 'abc', true],
  ['a?c', 'ac', false],
  ['a?c', 'abbc', false],
  ['[a-c]x', 'Bx', true],
  ['[a-c]x', 'dx', false],
  ['[abc]x', 'cx', true],
  ['[abc]x', 'dx', false],
  ['[!a]x', '!x', true], // no negation: `!` is an ordinary character
  ['[!a]x', 'bx', false],
  ['[]a]', ']', true], // a `]` right after `[` is literal
  ['[a-]', '-', true], // a trailing `-` is literal
  ['a`*c', 'a*c', true], // backtick escapes
  ['a`*c', 'abc', false],
  ['a`?c', 'abc', false],
  ['``x', '`x', true],
  ['x`', 'x`', true], // a trailing backtick is itself
  ['[a`]]x', ']x', true], // escapes inside brackets
  ['a.c', 'a.c', true], // regex characters are literal
  ['a.c', 'abc', false],
  ['(x)+', '(x)+', true],
  ['ab', 'abc', false], // the whole string
  ['bc', 'abc', false],
  ['a*c', 'a\nc', true], // `*` and `?` match a newline (.NET Singleline)
  ['a?c', 'a\nc', true],
];

/** Texts that can be file and property names (no newline, no backtick edge cases on disk). */
const nameCases = CASES.filter(([, text]) => /^[A-Za-z.()+*![\]-]+$/.test(text) && !/[*]/.test(text) && text !== '');

describe('the wildcard rule', () => {
  it.each(CASES)('%j -like %j', (pattern, text, expected) => {
    expect(matchesWildcard(text, pattern)).toBe(expected);
  });

  it('case-sensitive on request (-clike)', () => {
    expect(matchesWildcard('ABC', 'a*', { caseSensitive: true })).toBe(false);
    expect(matchesWildcard('abc', 'a*', { caseSensitive: true })).toBe(true);
  });

  it('an unclosed bracket or a reversed range is PowerShell\'s invalid-pattern error', () => {
    for (const bad of ['[', 'a[bc', '[]', '[z-a]']) {
      let err: unknown;
      try {
        compileWildcard(bad);
      } catch (e) {
        err = e;
      }
      expect(err, bad).toBeInstanceOf(TerminatingError);
      expect((err as TerminatingError).record.message).toBe(`The specified wildcard character pattern is not valid: ${bad}`);
      expect((err as TerminatingError).record.errorId).toBe('WildcardPattern_Invalid');
    }
  });

  it('"`" alone is the empty pattern', () => {
    expect(matchesWildcard('', '`')).toBe(true);
    expect(matchesWildcard('`', '`')).toBe(false);
  });

  it('hasWildcard, unescape and escape follow WildcardPattern', () => {
    expect(['a*', 'a?', 'a[b]', 'a]'].map((p) => hasWildcard(p))).toEqual([true, true, true, true]);
    expect(['a`*', 'plain', 'a`[b`]'].map((p) => hasWildcard(p))).toEqual([false, false, false]);
    expect(unescapeWildcard('a`[1`].txt')).toBe('a[1].txt');
    expect(escapeWildcard('a[1]*.txt')).toBe('a`[1`]`*.txt');
    expect(matchesWildcard('a[1]*.txt', escapeWildcard('a[1]*.txt'))).toBe(true);
  });

  it('the Exchange identity dialect knows only `*`', () => {
    const items = ['Ex2007EE', 'Ex2007SE', 'EDGE01', 'a?c', '[x]'];
    const find = (id: string) => matchByNames(items, id, (s) => [s]);
    expect(find('ex2007*')).toEqual(['Ex2007EE', 'Ex2007SE']);
    expect(find('*01')).toEqual(['EDGE01']);
    expect(find('a?c')).toEqual(['a?c']); // literal, not "any character"
    expect(find('[x]')).toEqual(['[x]']);
    expect(find('[*')).toEqual(['[x]']); // never an invalid pattern
  });
});

describe('matching without regular expressions (issue 10)', () => {
  const like = (text: string, pattern: string, options = {}) => matchesWildcard(text, pattern, options);

  it('matches as -like does', () => {
    expect(like('Get-ExchangeCertificate', 'get-*cert*')).toBe(true);
    expect(like('abc', 'a?c')).toBe(true);
    expect(like('abc', 'a?')).toBe(false);
    expect(like('b', '[a-c]')).toBe(true);
    expect(like('d', '[a-c]')).toBe(false);
    expect(like('d', '[!a-c]')).toBe(false); // no negation in 5.1: `!` is one of the set
    expect(like('!', '[!a-c]')).toBe(true);
    expect(like('*', '`*')).toBe(true);
    expect(like('x', '`*')).toBe(false);
    expect(like('', '*')).toBe(true);
    expect(like('', '')).toBe(true);
    expect(like('a', '')).toBe(false);
    expect(like('ABC', 'abc')).toBe(true);
    expect(like('ABC', 'abc', { caseSensitive: true })).toBe(false);
    expect(like('B', '[a-c]', { caseSensitive: true })).toBe(false);
    expect(like('line1\nline2', 'line1*2')).toBe(true);
    expect(like('mississippi', '*sip*')).toBe(true);
    expect(like('mississippi', '*iss*ppi')).toBe(true);
    expect(like('mississippi', '*iss*ppx')).toBe(false);
    expect(like('ab', 'a**b')).toBe(true);
    expect(like('a\u{1F600}b', 'a??b')).toBe(true); // one `?` per UTF-16 char, as .NET counts
  });

  it('the Exchange identity dialect knows only *', () => {
    expect(like('a?b', 'a?b', { starOnly: true })).toBe(true);
    expect(like('axb', 'a?b', { starOnly: true })).toBe(false);
    expect(like('[x]', '[x]*', { starOnly: true })).toBe(true);
  });

  it('answers patterns that make a backtracking RegExp hang, and patterns too large for one', () => {
    // With a RegExp the first took minutes and the second threw "Regular expression too large";
    // how long these take is measured by npm run bench (core-bench), not asserted here.
    expect(like('a'.repeat(5000), '*a*a*a*a*a*a*a*a*b')).toBe(false);
    expect(binaryOperation('-like', 'a'.repeat(200), '*a*a*a*a*b')).toBe(false);
    expect(like('x'.repeat(100000), 'x'.repeat(100000))).toBe(true);
    expect(like('x', 'x'.repeat(100000))).toBe(false);
    expect(like('x'.repeat(100000), '*' + 'x'.repeat(99999))).toBe(true);
  });
});

describe('every wildcard site applies the same rule', () => {
  it.each(CASES)('-like and -notlike: %j on %j', (pattern, text, expected) => {
    expect(binaryOperation('-like', text, pattern)).toBe(expected);
    expect(binaryOperation('-notlike', text, pattern)).toBe(!expected);
  });

  it('switch -Wildcard', async () => {
    const sh = testShell({ cmdlets: allCmdlets });
    for (const [pattern, text, expected] of CASES) {
      const r = await sh.eval(`switch -Wildcard ($t) { $p { 'yes' } default { 'no' } }`.replace('$t', psString(text)).replace('$p', psString(pattern)));
      expect(r.output, `${pattern} / ${JSON.stringify(text)}`).toEqual([expected ? 'yes' : 'no']);
    }
  });

  it('Get-ChildItem -Filter and -Path on the lab drive', async () => {
    for (const [pattern, text, expected] of nameCases) {
      const sh = testShell({ cmdlets: allCmdlets });
      sh.fs.mkdir(sh.fs.resolve('C:\\w', 'C:\\'));
      sh.fs.writeText(`C:\\w\\${text}`, 'x');
      const byFilter = await sh.eval(`Get-ChildItem -LiteralPath C:\\w -Filter ${psString(pattern)} -Name`);
      expect(byFilter.output, `-Filter ${pattern} / ${text}`).toEqual(expected ? [text] : []);
      const byPath = await sh.eval(`Get-ChildItem -Path ${psString('C:\\w\\' + pattern)} -Name`);
      expect(byPath.output, `-Path ${pattern} / ${text}`).toEqual(expected ? [text] : []);
    }
  });

  it('Select-Object -Property, Get-Member -Name and Format-Table column names', async () => {
    const sh = testShell({ cmdlets: allCmdlets });
    for (const [pattern, text, expected] of nameCases) {
      const obj = `[pscustomobject]@{ ${psString(text)} = 1 }`;
      const selected = await sh.eval(`${obj} | Select-Object -Property ${psString(pattern)} | ConvertTo-Json -Compress`);
      expect(String(selected.output[0]).includes(JSON.stringify(text)), `Select-Object ${pattern} / ${text}`).toBe(expected);
      const members = await sh.eval(`${obj} | Get-Member -Name ${psString(pattern)} -MemberType NoteProperty | ForEach-Object Name`);
      expect(members.output, `Get-Member ${pattern} / ${text}`).toEqual(expected ? [text] : []);
    }
    const table = await sh.eval(`[pscustomobject]@{ 'a.c' = 1; abc = 2 } | Format-Table -Property 'a.c' | Out-String`);
    expect(String(table.output[0])).toMatch(/^a\.c\s*$/m);
    expect(String(table.output[0])).not.toMatch(/abc/);
  });

  it('Get-Command and Get-Help name patterns', async () => {
    const sh = testShell({ cmdlets: allCmdlets });
    const names = (await sh.eval(`Get-Command -Name 'Get-[a-c]*' -CommandType Cmdlet | ForEach-Object Name`)).output as string[];
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toMatch(/^Get-[a-c]/i);
    const bad = await sh.eval(`Get-Command -Name 'Get-['`);
    expect(bad.errors.map((e) => e.errorId)).toContain('WildcardPattern_Invalid');
  });

  it('tab completion', () => {
    const variables = nameCases.map(([, text]) => text).filter((t) => /^[\w.]+$/.test(t));
    const src: CompletionSource = { commands: () => [], variables: () => variables, thumbprints: () => [], machines: () => [], paths: () => [] };
    for (const [pattern, text, expected] of nameCases) {
      if (!variables.includes(text) || !hasWildcard(pattern) || /[\s(){}=,;|]/.test(pattern)) continue;
      const line = '$' + pattern;
      const got = complete(line, line.length, src).candidates.map((c) => c.text);
      expect(got.includes('$' + text), `${pattern} / ${text}`).toBe(expected);
    }
    // A bracket still being typed matches nothing rather than failing.
    expect(complete('$[a', 3, src).candidates).toEqual([]);
  });
});

function psString(s: string): string {
  return "'" + s.replace(/'/g, "''") + "'";
}

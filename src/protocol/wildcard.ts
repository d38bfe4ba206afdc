// Wildcard patterns, as PowerShell's System.Management.Automation.WildcardPattern matches them.
// Every wildcard in emsh goes through here: -like / -notlike, switch -Wildcard, cmdlet name and
// property filters (Get-Command, Get-Member, Select-Object, Format-Table ...), file names on the
// lab drive, Exchange identities and tab completion.
//
// The rules (PowerShell's WildcardPatternParser):
// - `*` matches any run of characters, `?` exactly one; both match a newline too (the pattern
//   is matched as a whole string, .NET's RegexOptions.Singleline);
// - `[abc]` one of the characters, `[a-z]` a range; nothing else is special inside brackets
//   (no `!` or `^` negation, no classes); a `]` right after the `[` is literal; a range whose
//   ends are out of order, and a `[` never closed, make the pattern invalid;
// - a backtick escapes the next character (also inside brackets); a trailing backtick is a
//   literal backtick, except that the pattern "`" alone means the empty pattern;
// - case-insensitive unless asked otherwise; the whole string must match.
//
// Exchange identities (`Get-Mailbox -Identity al*`) know only `*`: with `starOnly`, `?`, `[`
// and the backtick are ordinary characters.
//
// Matching uses no regular expression. A pattern compiled to a RegExp (`*` → `.*`) backtracks:
// `('a' * 200) -like '*a*a*a*a*b'` took 30 s with the event loop blocked (Ctrl+C could not stop
// it), and a 100,000-character pattern made V8 give up ("Regular expression too large"). The
// matcher below is the classic greedy one: on a mismatch only the last `*` seen takes one more
// character and what follows it is retried, so the worst case is |pattern| × |text| steps and no
// pattern is too large. Text is compared per UTF-16 code unit, as .NET compares chars.

import { runtimeError, type TerminatingError } from './errors.js';

export interface WildcardOptions {
  /** -clike, switch -CaseSensitive -Wildcard. */
  caseSensitive?: boolean;
  /** Exchange identity dialect: only `*` is special. */
  starOnly?: boolean;
}

/** The error PowerShell raises for a pattern it cannot parse (`'a' -like '['`). */
export function invalidWildcardPattern(pattern: string): TerminatingError {
  return runtimeError(`The specified wildcard character pattern is not valid: ${pattern}`, 'WildcardPattern_Invalid', 'InvalidArgument', 'WildcardPatternException');
}

const SPECIAL = new Set(['*', '?', '[', ']']);

/** WildcardPattern.ContainsWildcardCharacters: an unescaped `*`, `?`, `[` or `]`. */
export function hasWildcard(pattern: string, options?: WildcardOptions): boolean {
  if (options?.starOnly) return pattern.includes('*');
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (SPECIAL.has(c)) return true;
    if (c === '`') i++;
  }
  return false;
}

/** WildcardPattern.Unescape: the text a pattern without wildcards stands for. */
export function unescapeWildcard(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '`' && i + 1 < pattern.length) out += pattern[++i];
    else out += c;
  }
  return out;
}

/** WildcardPattern.Escape: backticks before the special characters (and before backticks). */
export function escapeWildcard(text: string): string {
  return text.replace(/[*?[\]`]/g, '`$&');
}

/** One element of a compiled pattern. */
type Token =
  | { kind: 'star' }
  | { kind: 'one' }
  /** A literal character, lower-cased unless the match is case-sensitive. */
  | { kind: 'char'; c: string }
  /** `[...]`: single characters and inclusive ranges, as written. */
  | { kind: 'set'; chars: string; ranges: [string, string][] };

/** The pattern's tokens, or throws the invalid-pattern error. */
function tokenize(pattern: string, starOnly: boolean, caseSensitive: boolean): Token[] {
  const fold = (c: string) => (caseSensitive ? c : c.toLowerCase());
  const out: Token[] = [];
  const star = () => {
    if (out[out.length - 1]?.kind !== 'star') out.push({ kind: 'star' }); // `**` is `*`
  };
  if (starOnly) {
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i]!;
      if (c === '*') star();
      else out.push({ kind: 'char', c: fold(c) });
    }
    return out;
  }
  let escaped = false; // the previous character was an escaping backtick
  let inBracket = false;
  let justOpened = false; // the previous character opened the bracket: a `]` here is literal
  let chars: BracketChar[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (inBracket) {
      if (c === ']' && !justOpened && !escaped) {
        inBracket = false;
        out.push(bracketToken(chars, pattern));
      } else if (c !== '`' || escaped) chars.push({ c, dash: c === '-' && !escaped });
      justOpened = false;
    } else if (c === '*' && !escaped) star();
    else if (c === '?' && !escaped) out.push({ kind: 'one' });
    else if (c === '[' && !escaped) {
      inBracket = true;
      justOpened = true;
      chars = [];
    } else if (c !== '`' || escaped) out.push({ kind: 'char', c: fold(c) });
    escaped = c === '`' && !escaped;
  }
  if (inBracket) throw invalidWildcardPattern(pattern);
  // A trailing backtick is literal, except in the pattern "`" alone (the empty pattern, as in 5.1).
  if (escaped && pattern !== '`') out.push({ kind: 'char', c: '`' });
  return out;
}

interface BracketChar {
  c: string;
  /** An unescaped `-`: a range operator between its neighbours. */
  dash: boolean;
}

/** A bracket's body: literal characters and `x-y` ranges (a reversed range is invalid). */
function bracketToken(body: BracketChar[], pattern: string): Token {
  let chars = '';
  const ranges: [string, string][] = [];
  for (let k = 0; k < body.length; ) {
    if (k + 2 < body.length && body[k + 1]!.dash) {
      const lo = body[k]!.c;
      const hi = body[k + 2]!.c;
      if (lo > hi) throw invalidWildcardPattern(pattern);
      ranges.push([lo, hi]);
      k += 3;
    } else {
      chars += body[k]!.c;
      k++;
    }
  }
  return { kind: 'set', chars, ranges };
}

function inSet(t: { chars: string; ranges: [string, string][] }, ch: string): boolean {
  return t.chars.includes(ch) || t.ranges.some(([lo, hi]) => lo <= ch && ch <= hi);
}

/** Whether one character of the text matches one non-star token. */
function matchesOne(t: Token, ch: string, caseSensitive: boolean): boolean {
  switch (t.kind) {
    case 'one':
      return true;
    case 'char':
      return t.c === ch || (!caseSensitive && t.c === ch.toLowerCase());
    case 'set':
      // Case-insensitive: the character, or its other case, is in the set (as [a-c] takes B).
      return inSet(t, ch) || (!caseSensitive && (inSet(t, ch.toLowerCase()) || inSet(t, ch.toUpperCase())));
    case 'star':
      return false;
  }
}

/** The whole text against the tokens: greedy, retrying only from the last `*`. */
function matchTokens(tokens: Token[], text: string, caseSensitive: boolean): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const tok = tokens[p];
    if (tok?.kind === 'star') {
      starP = p++;
      starT = t;
    } else if (tok && matchesOne(tok, text[t]!, caseSensitive)) {
      p++;
      t++;
    } else if (starP >= 0) {
      // Let the last `*` take one more character and retry what follows it.
      p = starP + 1;
      t = ++starT;
    } else return false;
  }
  while (tokens[p]?.kind === 'star') p++;
  return p === tokens.length;
}

/** A compiled pattern: `test` says whether a whole text matches. */
export interface Wildcard {
  test(text: string): boolean;
}

const cache = new Map<string, Wildcard>();
const CACHE_LIMIT = 500;

/**
 * The pattern compiled for matching (cached). Throws the PowerShell error record
 * (WildcardPattern_Invalid) for a pattern that cannot be parsed.
 */
export function compileWildcard(pattern: string, options?: WildcardOptions): Wildcard {
  const cs = options?.caseSensitive === true;
  const star = options?.starOnly === true;
  const key = (cs ? 'c' : 'i') + (star ? 's' : 'w') + pattern;
  let compiled = cache.get(key);
  if (compiled) return compiled;
  const tokens = tokenize(pattern, star, cs);
  compiled = { test: (text: string) => matchTokens(tokens, text, cs) };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, compiled);
  return compiled;
}

/** Whether `text` matches the wildcard `pattern` as a whole. */
export function matchesWildcard(text: string, pattern: string, options?: WildcardOptions): boolean {
  return compileWildcard(pattern, options).test(text);
}

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

function escapeRegExp(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? '\\' + c : c;
}

/** The regular expression source of a pattern (anchored), or throws the invalid-pattern error. */
function compile(pattern: string, starOnly: boolean): string {
  if (starOnly) return '^' + pattern.split('*').map((p) => [...p].map(escapeRegExp).join('')).join('.*') + '$';
  let src = '^';
  let escaped = false; // the previous character was an escaping backtick
  let inBracket = false;
  let justOpened = false; // the previous character opened the bracket: a `]` here is literal
  let chars: BracketChar[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (inBracket) {
      if (c === ']' && !justOpened && !escaped) {
        inBracket = false;
        src += '[' + bracketSource(chars, pattern) + ']';
      } else if (c !== '`' || escaped) chars.push({ c, dash: c === '-' && !escaped });
      justOpened = false;
    } else if (c === '*' && !escaped) src += '.*';
    else if (c === '?' && !escaped) src += '.';
    else if (c === '[' && !escaped) {
      inBracket = true;
      justOpened = true;
      chars = [];
    } else if (c !== '`' || escaped) src += escapeRegExp(c);
    escaped = c === '`' && !escaped;
  }
  if (inBracket) throw invalidWildcardPattern(pattern);
  // A trailing backtick is literal, except in the pattern "`" alone (the empty pattern, as in 5.1).
  if (escaped && pattern !== '`') src += '`';
  return src + '$';
}

interface BracketChar {
  c: string;
  /** An unescaped `-`: a range operator between its neighbours. */
  dash: boolean;
}

/** A bracket's body as a regex class body: literal characters and `x-y` ranges. */
function bracketSource(chars: BracketChar[], pattern: string): string {
  let out = '';
  for (let k = 0; k < chars.length; ) {
    if (k + 2 < chars.length && chars[k + 1]!.dash) {
      const lo = chars[k]!.c;
      const hi = chars[k + 2]!.c;
      if (lo > hi) throw invalidWildcardPattern(pattern);
      out += classChar(lo) + '-' + classChar(hi);
      k += 3;
    } else {
      out += classChar(chars[k]!.c);
      k++;
    }
  }
  return out;
}

function classChar(c: string): string {
  return /[\\\]^[-]/.test(c) ? '\\' + c : c;
}

const cache = new Map<string, RegExp>();
const CACHE_LIMIT = 500;

/**
 * The pattern as an anchored regular expression (cached). Throws the PowerShell error record
 * (WildcardPattern_Invalid) for a pattern that cannot be parsed.
 */
export function wildcardRegExp(pattern: string, options?: WildcardOptions): RegExp {
  const cs = options?.caseSensitive === true;
  const star = options?.starOnly === true;
  const key = (cs ? 'c' : 'i') + (star ? 's' : 'w') + pattern;
  let re = cache.get(key);
  if (re) return re;
  re = new RegExp(compile(pattern, star), cs ? 's' : 'is');
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, re);
  return re;
}

/** Whether `text` matches the wildcard `pattern` as a whole. */
export function matchesWildcard(text: string, pattern: string, options?: WildcardOptions): boolean {
  return wildcardRegExp(pattern, options).test(text);
}

// Wildcard matching without regular expressions, in time proportional to pattern × text.
//
// A wildcard compiled to a JavaScript RegExp (`*` → `.*`) backtracks: `'a' * 200 -like
// '*a*a*a*a*b'` took 30 s, blocking the event loop (Ctrl+C could not stop it), and a pattern
// of 100,000 characters made V8 give up ("Regular expression too large"). PowerShell's
// WildcardPattern answers both at once. This matcher walks the text once per `*` it has to
// retry from (the classic greedy algorithm: only the last `*` is ever retried), so the worst
// case is |pattern| × |text| steps and no pattern is too large.

export interface WildcardTester {
  test(text: string): boolean;
}

type Token =
  | { kind: 'star' }
  | { kind: 'one' }
  | { kind: 'char'; c: string }
  | { kind: 'set'; negated: boolean; items: (string | [string, string])[] };

export interface WildcardDialect {
  caseSensitive?: boolean;
  /** `[!abc]` negates the set (the `-like` operator's dialect here); otherwise `!` is literal. */
  negation?: boolean;
  /** Exchange identities: only `*` is special (`?`, `[` and the backtick are characters). */
  starOnly?: boolean;
}

/** Parses the pattern: `*`, `?`, `[abc]` / `[a-z]`, backtick escapes; an unclosed `[` is literal. */
function tokenize(pattern: string, dialect: WildcardDialect): Token[] {
  const fold = (c: string) => (dialect.caseSensitive ? c : c.toLowerCase());
  const out: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (dialect.starOnly && c !== '*') out.push({ kind: 'char', c: fold(c) });
    else if (c === '`' && i + 1 < pattern.length) out.push({ kind: 'char', c: fold(pattern[++i]!) });
    else if (c === '*') {
      if (out[out.length - 1]?.kind !== 'star') out.push({ kind: 'star' });
    } else if (c === '?') out.push({ kind: 'one' });
    else if (c === '[' && pattern.indexOf(']', i + 1) > i) {
      const end = pattern.indexOf(']', i + 1);
      let body = [...pattern.slice(i + 1, end)].map(fold);
      const negated = dialect.negation === true && body[0] === '!';
      if (negated) body = body.slice(1);
      const items: (string | [string, string])[] = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && k + 2 < body.length) {
          items.push([body[k]!, body[k + 2]!]);
          k += 2;
        } else items.push(body[k]!);
      }
      out.push({ kind: 'set', negated, items });
      i = end;
    } else out.push({ kind: 'char', c: fold(c) });
  }
  return out;
}

function matchesOne(t: Token, ch: string): boolean {
  switch (t.kind) {
    case 'one':
      return true;
    case 'char':
      return t.c === ch;
    case 'set': {
      const hit = t.items.some((it) => (typeof it === 'string' ? it === ch : it[0] <= ch && ch <= it[1]));
      return hit !== t.negated;
    }
    case 'star':
      return false;
  }
}

/** The whole text against the tokens. */
function matchTokens(tokens: Token[], text: string[]): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const tok = tokens[p];
    if (tok && tok.kind === 'star') {
      starP = p++;
      starT = t;
    } else if (tok && matchesOne(tok, text[t]!)) {
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

/** A compiled wildcard pattern whose `test` matches a whole text. */
export function compileWildcard(pattern: string, dialect: WildcardDialect = {}): WildcardTester {
  const tokens = tokenize(pattern, dialect);
  const cs = dialect.caseSensitive === true;
  return {
    test(text: string): boolean {
      return matchTokens(tokens, [...(cs ? text : text.toLowerCase())]);
    },
  };
}

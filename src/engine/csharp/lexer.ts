// The C# scanner of Add-Type's compiler: identifiers, keywords, literals, operators and the
// `#warning` / `#error` directives, each token with its line (1-based) for the compiler's messages.

export type TokenKind = 'id' | 'kw' | 'int' | 'real' | 'string' | 'char' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  /** A literal's value (strings and chars unescaped; numbers as written, suffix apart). */
  value?: string;
  /** A number's suffix (L, U, UL, F, D, M), upper-cased. */
  suffix?: string;
  line: number;
  col: number;
}

export interface Diagnostic {
  line: number;
  col: number;
  code: string;
  message: string;
  warning?: boolean;
  /** Which of the compiled sources (index) it is about. */
  source?: number;
}

export class CompileError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

const KEYWORDS = new Set(
  ('abstract as base bool break byte case catch char checked class const continue decimal default delegate do double else enum event ' +
    'explicit extern false finally fixed float for foreach goto if implicit in int interface internal is lock long namespace new null object ' +
    'operator out override params private protected public readonly ref return sbyte sealed short sizeof stackalloc static string struct switch ' +
    'this throw true try typeof uint ulong unchecked unsafe ushort using virtual void volatile while').split(' '),
);

// Longest first, so that `>>=` wins over `>>` and `>`.
const OPERATORS = ['<<=', '>>=', '...', '??', '::', '++', '--', '&&', '||', '->', '==', '!=', '<=', '>=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<', '=>',
  '{', '}', '[', ']', '(', ')', '.', ',', ':', ';', '+', '-', '*', '/', '%', '&', '|', '^', '!', '~', '=', '<', '>', '?'];

const ESCAPES: Record<string, string> = { "'": "'", '"': '"', '\\': '\\', '0': '\0', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

export function scan(text: string, warnings: Diagnostic[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const fail = (message: string, code = 'CS1056'): never => {
    throw new CompileError({ line, col: i - lineStart + 1, code, message });
  };
  const escape = (): string => {
    const c = text[i + 1] ?? '';
    if (c === 'u' || c === 'x') {
      const m = /^[0-9a-fA-F]{1,4}/.exec(text.slice(i + 2, i + 6));
      if (!m || (c === 'u' && m[0].length !== 4)) fail('Unrecognized escape sequence', 'CS1009');
      i += 2 + m![0].length;
      return String.fromCharCode(parseInt(m![0], 16));
    }
    const e = ESCAPES[c];
    if (e === undefined) fail('Unrecognized escape sequence', 'CS1009');
    i += 2;
    return e!;
  };
  while (i < text.length) {
    const c = text[i]!;
    const col = i - lineStart + 1;
    const push = (kind: TokenKind, t: string, extra: Partial<Token> = {}): void => {
      tokens.push({ kind, text: t, line, col, ...extra });
    };
    if (c === '\n') {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) fail('End-of-file found, \'*/\' expected', 'CS1035');
      for (let k = i; k < end; k++) if (text[k] === '\n') [line, lineStart] = [line + 1, k + 1];
      i = end + 2;
      continue;
    }
    if (c === '#' && /^\s*$/.test(text.slice(lineStart, i))) {
      // A preprocessor directive: the whole line.
      let end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
      const directive = text.slice(i + 1, end).trim();
      const [word = '', ...rest] = directive.split(/\s+/);
      const message = rest.join(' ');
      if (word === 'warning') warnings.push({ line, col, code: 'CS1030', message: `#warning: '${message}'`, warning: true });
      else if (word === 'error') throw new CompileError({ line, col, code: 'CS1029', message: `#error: '${message}'` });
      else if (!['region', 'endregion', 'pragma', 'nullable'].includes(word)) fail(`Preprocessor directive #${word} is not supported`, 'CS1024');
      i = end;
      continue;
    }
    if (/[A-Za-z_@]/.test(c) && !(c === '@' && text[i + 1] === '"')) {
      const m = /^@?[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
      if (!m) fail('Unexpected character \'@\'');
      const word = m![0];
      i += word.length;
      if (word.startsWith('@')) push('id', word.slice(1));
      else push(KEYWORDS.has(word) ? 'kw' : 'id', word);
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^(0[xX][0-9a-fA-F]+|[0-9]*\.[0-9]+(?:[eE][+-]?[0-9]+)?|[0-9]+(?:[eE][+-]?[0-9]+)?)([uU][lL]?|[lL][uU]?|[fFdDmM])?/.exec(text.slice(i))!;
      const body = m[1]!;
      const suffix = m[2]?.toUpperCase();
      const real = /[.eE]/.test(body) && !/^0x/i.test(body);
      i += m[0].length;
      push(real || (suffix && 'FDM'.includes(suffix)) ? 'real' : 'int', m[0], { value: body, suffix });
      continue;
    }
    if (c === '"' || (c === '@' && text[i + 1] === '"')) {
      const verbatim = c === '@';
      i += verbatim ? 2 : 1;
      let value = '';
      for (;;) {
        const d = text[i];
        if (d === undefined || (!verbatim && d === '\n')) fail('Newline in constant', 'CS1010');
        if (d === '"') {
          if (verbatim && text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (!verbatim && d === '\\') {
          value += escape();
          continue;
        }
        if (d === '\n') [line, lineStart] = [line + 1, i + 1];
        value += d;
        i++;
      }
      push('string', '"', { value });
      continue;
    }
    if (c === "'") {
      i++;
      let value: string;
      if (text[i] === '\\') value = escape();
      else value = text[i++] ?? '';
      if (text[i] !== "'" || value === '' || value === '\n') fail('Too many characters in character literal', 'CS1012');
      i++;
      push('char', "'", { value });
      continue;
    }
    if (c === '$' && text[i + 1] === '"') fail("Feature 'interpolated strings' is not available in C# 5. Please use language version 6 or greater.", 'CS8026');
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op) fail(`Unexpected character '${c}'`);
    i += op!.length;
    push('op', op!);
  }
  tokens.push({ kind: 'eof', text: '', line, col: i - lineStart + 1 });
  return tokens;
}

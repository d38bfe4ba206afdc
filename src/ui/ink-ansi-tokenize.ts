// What Ink composes its frames with: @alcalzone/ansi-tokenize, with faster `tokenize`,
// `styledCharsFromTokens` and `styledCharsToString` that give the same results. The build (scripts/build.mjs) gives Ink this
// module in place of that package.
// Why: Ink lays every frame out cell by cell: it tokenizes the ANSI text of each row into styled
// characters, then turns each row back into text. That was most of a keystroke's time when the
// editor holds a pasted 10 KB request:
// - the package's tokenize walks the text with an Intl.Segmenter, ~1 µs a character. Printable
//   ASCII with SGR colour codes (nearly all of a shell's frames) needs no segmenter: each such
//   character is a grapheme of its own, one cell wide. Any other text (wide characters, emoji,
//   other escape sequences) goes to the package's tokenize;
// - styledCharsFromTokens gives each character a copy of its styles: characters of one style
//   share one list here (Ink only reads them);
// - styledCharsToString computes the codes between each two characters (three Sets a character);
//   between two characters of the same style there are none.
import { ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, tokenize as tokenizeGraphemes, type AnsiCode, type StyledChar, type Token } from '@alcalzone/ansi-tokenize';

export * from '@alcalzone/ansi-tokenize';

/** Printable ASCII and complete SGR sequences (ESC [ digits and semicolons m), nothing else. */
const ASCII_WITH_SGR = /^(?:[\x20-\x7e]|\x1b\[[0-9;]*m)*$/;

export function tokenize(str: string, endChar = Number.POSITIVE_INFINITY): Token[] {
  if (!ASCII_WITH_SGR.test(str)) return tokenizeGraphemes(str, endChar);
  const tokens: Token[] = [];
  let visible = 0;
  for (let i = 0; i < str.length; ) {
    if (str.charCodeAt(i) === 0x1b) {
      // The package splits compound codes (1;31) into one token each: it tokenizes the code.
      const end = str.indexOf('m', i) + 1;
      for (const t of tokenizeGraphemes(str.slice(i, end))) tokens.push(t);
      i = end;
      continue;
    }
    tokens.push({ type: 'char', value: str[i]!, fullWidth: false });
    i++;
    if (++visible >= endChar) break;
  }
  return tokens;
}

export function styledCharsFromTokens(tokens: Token[]): StyledChar[] {
  let styles: AnsiCode[] = [];
  const chars: StyledChar[] = [];
  for (const t of tokens) {
    // A new list for each change of style: a list once given to characters never changes.
    if (t.type === 'ansi') styles = reduceAnsiCodesIncremental(styles, [t]);
    else chars.push({ type: 'char', value: t.value, fullWidth: t.fullWidth, styles });
  }
  return chars;
}

function sameStyles(a: AnsiCode[], b: AnsiCode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.code !== b[i]!.code || a[i]!.endCode !== b[i]!.endCode) return false;
  return true;
}

export function styledCharsToString(chars: StyledChar[]): string {
  let text = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (i === 0) text += ansiCodesToString(char.styles);
    else if (!sameStyles(chars[i - 1]!.styles, char.styles)) text += ansiCodesToString(diffAnsiCodes(chars[i - 1]!.styles, char.styles));
    text += char.value;
    // The styles still open are closed at the end.
    if (i === chars.length - 1) text += ansiCodesToString(diffAnsiCodes(char.styles, []));
  }
  return text;
}

// Syntax colouring of the prompt line by token kind, in the colours of Set-PSReadLineOption -Colors
// (PSReadLine's default palette unless changed).

import { classifyTokens, type TokenSpan } from '../../grammar/index.js';
import { DEFAULT_COLORS } from '../protocol/readline.js';

/** Ink colour names of the console colours (ConsoleColor → the 16 ANSI colours). */
export const INK_COLOR: Record<string, string> = {
  Black: 'black', DarkBlue: 'blue', DarkGreen: 'green', DarkCyan: 'cyan', DarkRed: 'red', DarkMagenta: 'magenta',
  DarkYellow: 'yellow', Gray: 'white', DarkGray: 'gray', Blue: 'blueBright', Green: 'greenBright', Cyan: 'cyanBright',
  Red: 'redBright', Magenta: 'magentaBright', Yellow: 'yellowBright', White: 'whiteBright',
};

/** The -Colors token each kind of token is painted with. */
const TOKEN_OF: Record<TokenSpan['kind'], string> = {
  command: 'Command', parameter: 'Parameter', string: 'String', variable: 'Variable', keyword: 'Keyword',
  number: 'Number', comment: 'Comment', operator: 'Operator', type: 'Type', member: 'Member', default: 'Default',
};

export interface ColoredRun {
  text: string;
  color: string;
}

/** The Ink colour of a token kind under the given -Colors table ('' = the terminal's own). */
export function colorOf(kind: TokenSpan['kind'], colors: Record<string, string> = DEFAULT_COLORS): string {
  const c = colors[TOKEN_OF[kind] ?? 'Default'] ?? '';
  return INK_COLOR[c] ?? '';
}

/** Splits `text` into coloured runs; text between tokens keeps the default colour. */
export function colorize(text: string, colors: Record<string, string> = DEFAULT_COLORS): ColoredRun[] {
  if (text === '') return []; // the empty first prompt needs no lexer
  let spans: TokenSpan[];
  try {
    spans = classifyTokens(text);
  } catch {
    return [{ text, color: colorOf('default', colors) }];
  }
  const runs: ColoredRun[] = [];
  let pos = 0;
  const dflt = colorOf('default', colors);
  for (const s of spans) {
    if (s.start < pos || s.end <= s.start) continue;
    if (s.start > pos) runs.push({ text: text.slice(pos, s.start), color: dflt });
    runs.push({ text: text.slice(s.start, s.end), color: colorOf(s.kind, colors) });
    pos = s.end;
  }
  if (pos < text.length) runs.push({ text: text.slice(pos), color: dflt });
  return runs;
}

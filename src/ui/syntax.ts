// Syntax colouring of the prompt line by token kind, in PSReadLine's default palette.

import { classifyTokens, type TokenSpan } from '../../grammar/index.js';

/** Ink colour names for each token kind (PSReadLine: command yellow, parameter dark grey, ...); '' = none. */
export const PALETTE: Record<TokenSpan['kind'], string> = {
  command: 'yellow',
  parameter: 'gray',
  string: 'cyan',
  variable: 'green',
  keyword: 'green',
  number: 'white',
  comment: 'green',
  operator: 'gray',
  type: 'gray',
  member: 'white',
  // Text between tokens keeps the terminal's own foreground (PSReadLine's DefaultTokenColor).
  default: '',
};

export interface ColoredRun {
  text: string;
  color: string;
}

/** Splits `text` into coloured runs; text between tokens is default-coloured. */
export function colorize(text: string): ColoredRun[] {
  if (text === '') return []; // the empty first prompt needs no lexer
  let spans: TokenSpan[];
  try {
    spans = classifyTokens(text);
  } catch {
    return [{ text, color: PALETTE.default }];
  }
  const runs: ColoredRun[] = [];
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos || s.end <= s.start) continue;
    if (s.start > pos) runs.push({ text: text.slice(pos, s.start), color: PALETTE.default });
    runs.push({ text: text.slice(s.start, s.end), color: PALETTE[s.kind] ?? PALETTE.default });
    pos = s.end;
  }
  if (pos < text.length) runs.push({ text: text.slice(pos), color: PALETTE.default });
  return runs;
}

// What Ink measures text with. The build (scripts/build.mjs) gives Ink and the libraries it
// wraps and truncates with (wrap-ansi, cli-truncate, widest-line) this module in place of their
// `string-width`, with the same call: `stringWidth(text, options)` → the cells the text takes.
// Why: one width rule for the whole UI (src/protocol/text-width.ts), so the frames Ink lays out
// and the line editor and tables never disagree about a character; and string-width builds an
// ICU segmenter and Unicode-property regexes (\p{RGI_Emoji}) when it loads, ~15 ms of every
// interactive start-up, where text-width makes its segmenter on the first text that needs it.
import { stripVTControlCharacters } from 'node:util';
import { displayWidth } from '../protocol/text-width.js';

/** string-width's options; the ambiguous-width choice has no counterpart (narrow, its default). */
export interface StringWidthOptions {
  ambiguousIsNarrow?: boolean;
  countAnsiEscapeCodes?: boolean;
}

export default function stringWidth(text: string, options?: StringWidthOptions): number {
  if (typeof text !== 'string' || text.length === 0) return 0;
  // Escape sequences (colours, hyperlinks) take no cells.
  const plain = options?.countAnsiEscapeCodes || !/[\x1b\x9b]/.test(text) ? text : stripVTControlCharacters(text);
  return displayWidth(plain);
}

import { describe, expect, it } from 'vitest';
import stringWidth from '../../src/ui/ink-text-width.js';
import { displayWidth } from '../../src/protocol/text-width.js';

// The width Ink lays frames out with (the build gives it this module as its `string-width`).
describe("Ink's text width", () => {
  it('counts plain ASCII by its length and empty or non-string input as nothing', () => {
    expect(stringWidth('[PS] C:\\Windows\\system32>')).toBe(25);
    expect(stringWidth('')).toBe(0);
    expect(stringWidth(undefined as unknown as string)).toBe(0);
  });

  it('gives escape sequences (colours, hyperlinks) no cells, unless asked to count them', () => {
    const red = '\x1b[31mError\x1b[39m';
    expect(stringWidth(red)).toBe(5);
    expect(stringWidth('\x1b]8;;https://example.org\x07link\x1b]8;;\x07')).toBe(4);
    expect(stringWidth(red, { countAnsiEscapeCodes: true })).toBe(red.length - 2); // the two ESC are controls
  });

  it('agrees with the line editor and tables on wide characters, emoji and combining marks', () => {
    for (const text of ['証明書', 'caf\u0065\u0301', '👍🏽 ok', '🇫🇷', 'e\u0301\u0301', 'Ex2007EE 証明書 👍']) {
      expect(stringWidth(text)).toBe(displayWidth(text));
      expect(stringWidth(`\x1b[1m${text}\x1b[22m`)).toBe(displayWidth(text));
    }
    expect(stringWidth('証明書')).toBe(6);
    expect(stringWidth('👍🏽')).toBe(2);
    expect(stringWidth('cafe\u0301')).toBe(4);
  });
});

import { describe, expect, it } from 'vitest';
import { tokenize as original, styledCharsFromTokens as originalChars, styledCharsToString as originalToString } from '@alcalzone/ansi-tokenize';
import { styledCharsFromTokens, styledCharsToString, tokenize } from '../../src/ui/ink-ansi-tokenize.js';

// Ink's frame tokenizer (the build gives Ink this module in place of @alcalzone/ansi-tokenize):
// the same tokens as the package for every text, faster for printable ASCII with colours.
describe("Ink's ANSI tokenizer", () => {
  const samples = [
    '',
    '[PS] C:\\Windows\\system32> Get-ExchangeCertificate | fl',
    '\x1b[33mGet-ExchangeCertificate\x1b[39m \x1b[90m|\x1b[39m fl',
    '\x1b[1;31mError\x1b[22;39m and \x1b[38;5;208morange\x1b[39m and \x1b[38;2;1;2;3mtrue colour\x1b[39m \x1b[48;2;10;20;30mbg\x1b[49m',
    '\x1b[mreset\x1b[0m',
    'a\x1b[', // an incomplete code
    'a\x1b[12', // idem
    '\x1b[3xnot SGR',
    '\x1b]8;;https://example.org\x07link\x1b]8;;\x07',
    '証明書 \x1b[36m👍🏽\x1b[39m cafe\u0301',
    'tab\there\r\n',
    '\x9b31mC1 CSI\x9b39m',
  ];

  it('makes the tokens the package makes', () => {
    for (const s of samples) expect(tokenize(s)).toEqual(original(s));
    // Random printable ASCII with colour codes between the characters.
    const codes = ['\x1b[31m', '\x1b[39m', '\x1b[1;4m', '\x1b[0m', '\x1b[38;5;12m', '\x1b[m'];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    for (let k = 0; k < 200; k++) {
      let s = '';
      for (let i = rand(60); i > 0; i--) s += rand(5) === 0 ? codes[rand(codes.length)]! : String.fromCharCode(0x20 + rand(95));
      expect(tokenize(s)).toEqual(original(s));
    }
  });

  it('stops after `endChar` visible characters, as the package does', () => {
    for (const s of samples) for (const n of [0, 1, 3, 10]) expect(tokenize(s, n)).toEqual(original(s, n));
  });

  it('makes the styled characters, and turns them back into the text, as the package does', () => {
    const codes = ['\x1b[31m', '\x1b[39m', '\x1b[1m', '\x1b[2m', '\x1b[22m', '\x1b[4;7m', '\x1b[0m', '\x1b[38;5;12m', '\x1b[42m', '\x1b[49m', '\x1b[m'];
    let seed = 11;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const texts = [...samples];
    for (let k = 0; k < 200; k++) {
      let s = '';
      for (let i = rand(60); i > 0; i--) s += rand(4) === 0 ? codes[rand(codes.length)]! : String.fromCharCode(0x20 + rand(95));
      texts.push(s);
    }
    for (const s of texts) {
      const chars = originalChars(original(s));
      expect(styledCharsFromTokens(original(s))).toEqual(chars);
      expect(styledCharsToString(chars)).toBe(originalToString(chars));
      expect(styledCharsToString(styledCharsFromTokens(tokenize(s)))).toBe(originalToString(chars));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createKeyDecoder, decodeInput } from '../../src/ui/keys.js';

const keys = (...chords: string[]) => chords.map((chord) => ({ kind: 'key', chord }));

describe('key decoding', () => {
  it('decodes arrows, Ctrl+arrows, Home/End, F8, Shift+Tab and Ctrl keys to PSReadLine chords', () => {
    expect(decodeInput('\x1b[A\x1b[1;5D\x1b[H\x1b[F\x1b[19~\x1b[Z\x12\x03\x0c\x1a')).toEqual(
      keys('UpArrow', 'Ctrl+LeftArrow', 'Home', 'End', 'F8', 'Shift+Tab', 'Ctrl+r', 'Ctrl+c', 'Ctrl+l', 'Ctrl+z'),
    );
    expect(decodeInput('\x1b[1;2D\x1b[1;6C\x1b[1;5H\x1b[1;5F\x1b[19;2~\x1b[3;5~\x1b[2;2~\x1b[3;2~')).toEqual(
      keys('Shift+LeftArrow', 'Ctrl+Shift+RightArrow', 'Ctrl+Home', 'Ctrl+End', 'Shift+F8', 'Ctrl+Delete', 'Shift+Insert', 'Shift+Delete'),
    );
  });

  it('F1-F12 in every encoding are chords, never text (F1-F4 used to type P, Q, R, S)', () => {
    expect(decodeInput('\x1bOP\x1bOQ\x1bOR\x1bOS\x1b[11~\x1b[15~\x1b[24~\x1b[1;2P')).toEqual(keys('F1', 'F2', 'F3', 'F4', 'F1', 'F5', 'F12', 'Shift+F1'));
  });

  it('Alt+key, Ctrl+Space, Ctrl+], Alt+. and Ctrl+Backspace', () => {
    expect(decodeInput('\x1b.\x00\x1d\x1bb\x1bf\x1b\x7f\x08\x1b?')).toEqual(keys('Alt+.', 'Ctrl+Spacebar', 'Ctrl+]', 'Alt+b', 'Alt+f', 'Alt+Backspace', 'Ctrl+Backspace', 'Alt+?'));
  });

  it('keeps typed text together and splits at keys', () => {
    expect(decodeInput('dir\t')).toEqual([{ kind: 'text', text: 'dir' }, { kind: 'key', chord: 'Tab' }]);
    expect(decodeInput('\x7f')).toEqual(keys('Backspace'));
  });

  it('treats a bracketed paste as one text, even when its markers arrive in separate chunks', () => {
    expect(decodeInput('\x1b[200~a\r\nb\x1b[201~')).toEqual([{ kind: 'text', text: 'a\nb' }]);
    const d = createKeyDecoder();
    expect(d.push('\x1b[200~')).toEqual([]);
    expect(d.inPaste).toBe(true);
    expect(d.push('if ($x) {\r  1\r}\x1b[20')).toEqual([]);
    expect(d.push('1~')).toEqual([{ kind: 'text', text: 'if ($x) {\n  1\n}' }]);
    expect(d.push('\r')).toEqual(keys('Enter'));
    // The line break a copied block ends with is not kept: the user presses Enter.
    expect(decodeInput('\x1b[200~Get-Date\r\n\x1b[201~')).toEqual([{ kind: 'text', text: 'Get-Date' }]);
  });

  it('an escape sequence split over two reads is one key', () => {
    const d = createKeyDecoder();
    expect(d.push('ab\x1b[1;')).toEqual([{ kind: 'text', text: 'ab' }]);
    expect(d.push('5C')).toEqual(keys('Ctrl+RightArrow'));
  });

  it('outside a bracketed paste each newline is an Enter key (typeahead runs line by line)', () => {
    expect(decodeInput('line1\nline2\r\n')).toEqual([{ kind: 'text', text: 'line1' }, ...keys('Enter'), { kind: 'text', text: 'line2' }, ...keys('Enter')]);
  });

  it('a lone ESC is Escape; unknown sequences vanish without typing their bytes', () => {
    expect(decodeInput('\x1b')).toEqual(keys('Escape'));
    expect(decodeInput('\x1b[99;9~x\x1b[?1;2cy\x1bO5z')).toEqual([{ kind: 'text', text: 'x' }, { kind: 'text', text: 'y' }, { kind: 'text', text: 'z' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { createKeyDecoder, decodeInput } from '../../src/ui/keys.js';

describe('key decoding', () => {
  it('decodes arrows, Ctrl+arrows, Home/End, F8, Shift+Tab, Ctrl keys', () => {
    expect(decodeInput('\x1b[A\x1b[1;5D\x1b[H\x1b[F\x1b[19~\x1b[Z\x12\x03\x0c\x1a')).toEqual(
      ['up', 'ctrl-left', 'home', 'end', 'f8', 'shift-tab', 'ctrl-r', 'ctrl-c', 'ctrl-l', 'ctrl-z'].map((name) => ({ kind: 'key', name })),
    );
  });

  it('keeps typed text together and splits at keys', () => {
    expect(decodeInput('dir\t')).toEqual([{ kind: 'text', text: 'dir' }, { kind: 'key', name: 'tab' }]);
    expect(decodeInput('\x7f')).toEqual([{ kind: 'key', name: 'backspace' }]);
  });

  it('treats a bracketed paste as one text, even when its markers arrive in separate chunks', () => {
    expect(decodeInput('\x1b[200~a\r\nb\x1b[201~')).toEqual([{ kind: 'text', text: 'a\nb' }]);
    const d = createKeyDecoder();
    expect(d.push('\x1b[200~')).toEqual([]);
    expect(d.inPaste).toBe(true);
    expect(d.push('if ($x) {\r  1\r}')).toEqual([]);
    expect(d.push('\x1b[201~')).toEqual([{ kind: 'text', text: 'if ($x) {\n  1\n}' }]);
    expect(d.push('\r')).toEqual([{ kind: 'key', name: 'enter' }]);
    // The line break a copied block ends with is not kept: the user presses Enter.
    expect(decodeInput('\x1b[200~Get-Date\r\n\x1b[201~')).toEqual([{ kind: 'text', text: 'Get-Date' }]);
  });

  it('outside a bracketed paste each newline is an Enter key (typeahead runs line by line)', () => {
    const enter = { kind: 'key', name: 'enter' };
    expect(decodeInput('line1\nline2\r\n')).toEqual([{ kind: 'text', text: 'line1' }, enter, { kind: 'text', text: 'line2' }, enter]);
  });

  it('drops Alt+<key> pairs it does not bind, but keeps Alt+b/f as word moves', () => {
    expect(decodeInput('\x1bxab')).toEqual([{ kind: 'text', text: 'ab' }]);
    expect(decodeInput('\x1bb')).toEqual([{ kind: 'key', name: 'ctrl-left' }]);
    expect(decodeInput('\x1b')).toEqual([{ kind: 'key', name: 'escape' }]);
  });

  it('text followed by Enter in one chunk is text, then Enter', () => {
    expect(decodeInput('Get-Date\r')).toEqual([{ kind: 'text', text: 'Get-Date' }, { kind: 'key', name: 'enter' }]);
  });

  it('skips unknown escape sequences instead of typing them', () => {
    expect(decodeInput('\x1b[99;9~x')).toEqual([{ kind: 'text', text: 'x' }]);
  });
});

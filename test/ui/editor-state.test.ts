import { describe, expect, it } from 'vitest';
import { editorReducer, emptyEditor, type EditorAction, type EditorState } from '../../src/ui/editor-state.js';

const run = (actions: EditorAction[], from: EditorState = emptyEditor) => actions.reduce(editorReducer, from);

describe('line editor', () => {
  it('inserts at the cursor and moves it', () => {
    const s = run([{ type: 'insert', text: 'Get-Item' }, { type: 'home' }, { type: 'insert', text: '$x = ' }]);
    expect(s.text).toBe('$x = Get-Item');
    expect(s.cursor).toBe(5);
  });

  it('backspace and delete remove around the cursor, and stop at the edges', () => {
    let s = run([{ type: 'insert', text: 'abc' }, { type: 'left' }, { type: 'backspace' }]);
    expect([s.text, s.cursor]).toEqual(['ac', 1]);
    s = run([{ type: 'delete' }, { type: 'delete' }], s);
    expect([s.text, s.cursor]).toEqual(['a', 1]);
    s = run([{ type: 'home' }, { type: 'backspace' }], s);
    expect([s.text, s.cursor]).toEqual(['a', 0]);
  });

  it('moves and deletes by words (Ctrl+arrows, Ctrl+Backspace)', () => {
    const base = run([{ type: 'insert', text: 'Get-ExchangeCertificate -Thumbprint ABC' }]);
    const left = run([{ type: 'wordLeft' }], base);
    expect(left.cursor).toBe('Get-ExchangeCertificate -Thumbprint '.length);
    const left2 = run([{ type: 'wordLeft' }], left);
    expect(left2.cursor).toBe('Get-ExchangeCertificate '.length);
    const del = run([{ type: 'deleteWordBack' }], base);
    expect(del.text).toBe('Get-ExchangeCertificate -Thumbprint ');
    const right = run([{ type: 'home' }, { type: 'wordRight' }], base);
    expect(right.cursor).toBe('Get-ExchangeCertificate'.length);
  });

  it('Escape clears the line and Ctrl+Z brings it back', () => {
    const s = run([{ type: 'insert', text: 'dir' }, { type: 'revert' }]);
    expect(s.text).toBe('');
    const u = run([{ type: 'undo' }], s);
    expect(u.text).toBe('dir');
    const r = run([{ type: 'redo' }], u);
    expect(r.text).toBe('');
  });

  it('a multi-line paste keeps its lines; Home/End work within the current line', () => {
    const s = run([{ type: 'insert', text: "if ($x) {\r\n  'y'\r\n}" }]);
    expect(s.text).toBe("if ($x) {\n  'y'\n}");
    const home = run([{ type: 'left' }, { type: 'left' }, { type: 'home' }], s);
    expect(home.cursor).toBe(s.text.lastIndexOf('\n') - "  'y'".length);
  });

  it('replaceRange puts a completion in place', () => {
    const s = run([{ type: 'insert', text: 'Get-Ch -Pa' }, { type: 'replaceRange', start: 0, end: 6, text: 'Get-ChildItem' }]);
    expect(s.text).toBe('Get-ChildItem -Pa');
    expect(s.cursor).toBe(13);
  });
});

import { describe, expect, it } from 'vitest';
import { EDITOR_FUNCTIONS, editorReducer, emptyEditor, matchingBrace, selection, type EditorAction, type EditorState } from '../../src/ui/editor-state.js';

const run = (actions: EditorAction[], from: EditorState = emptyEditor) => actions.reduce(editorReducer, from);
const fn = (s: EditorState, ...names: string[]) => names.reduce((x, n) => EDITOR_FUNCTIONS[n]!(x), s);
const at = (text: string, cursor = text.length): EditorState => ({ ...emptyEditor, text, cursor });

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

  it('Ctrl+Left/Right stop as Windows mode does: `-` and other delimiters split words', () => {
    const base = at('Get-ExchangeCertificate -Thumbprint ABC');
    const stops: number[] = [];
    let s = { ...base, cursor: 0 };
    for (let i = 0; i < 5; i++) {
      s = fn(s, 'NextWord');
      stops.push(s.cursor);
    }
    expect(stops).toEqual([4, 25, 36, 39, 39]);
    const back: number[] = [];
    s = base;
    for (let i = 0; i < 5; i++) {
      s = fn(s, 'BackwardWord');
      back.push(s.cursor);
    }
    expect(back).toEqual([36, 25, 4, 0, 0]);
    expect(fn(base, 'BackwardKillWord').text).toBe('Get-ExchangeCertificate -Thumbprint ');
    expect(fn({ ...base, cursor: 0 }, 'ForwardWord').cursor).toBe(3);
  });

  it('Escape clears the line and Ctrl+Z brings it back', () => {
    const s = run([{ type: 'insert', text: 'dir' }, { type: 'revert' }]);
    expect(s.text).toBe('');
    const u = run([{ type: 'undo' }], s);
    expect(u.text).toBe('dir');
    expect(run([{ type: 'redo' }], u).text).toBe('');
  });

  it('a multi-line paste keeps its lines; Home/End work within the current line', () => {
    const s = run([{ type: 'insert', text: "if ($x) {\r\n  'y'\r\n}" }]);
    expect(s.text).toBe("if ($x) {\n  'y'\n}");
    const home = run([{ type: 'left' }, { type: 'left' }, { type: 'home' }], s);
    expect(home.cursor).toBe(s.text.lastIndexOf('\n') - "  'y'".length);
  });

  it('Shift+arrows select; typing replaces the selection; Ctrl+a selects all', () => {
    let s = fn(at('Get-Date -Format o'), 'SelectBackwardChar', 'SelectBackwardWord');
    expect(selection(s)).toEqual([17, 18].map((n, i) => (i === 0 ? 10 : n)));
    s = editorReducer(s, { type: 'insert', text: 'yyyy' });
    expect(s.text).toBe('Get-Date -yyyy');
    s = fn(s, 'SelectAll');
    expect(selection(s)).toEqual([0, 14]);
    s = fn(s, 'BackwardDeleteChar');
    expect(s.text).toBe('');
    expect(fn(at('abc', 1), 'SelectLine').anchor).toBe(1);
  });

  it('Ctrl+] goes to the matching brace; Ctrl+Home/End delete to the start/end of the input', () => {
    const text = 'if ($a) { @(1, (2)) }';
    expect(matchingBrace(text, 8)).toBe(text.length - 1);
    expect(fn(at(text, text.length - 1), 'GotoBrace').cursor).toBe(8);
    expect(fn(at(text, 3), 'GotoBrace').cursor).toBe(6);
    expect(fn(at('abc def', 4), 'BackwardDeleteInput').text).toBe('def');
    expect(fn(at('abc def', 4), 'ForwardDeleteInput').text).toBe('abc ');
  });

  it('an emoji or a letter with its accents moves and deletes as one', () => {
    const text = 'a👍🏽é\u0301b';
    let s = at(text, 1);
    s = editorReducer(s, { type: 'right' });
    expect(s.cursor).toBe(1 + '👍🏽'.length);
    s = editorReducer(s, { type: 'right' });
    expect(s.cursor).toBe(1 + '👍🏽é\u0301'.length);
    s = editorReducer(s, { type: 'backspace' });
    expect(s.text).toBe('a👍🏽b');
    s = editorReducer(s, { type: 'backspace' });
    expect(s.text).toBe('ab');
  });

  it('replaceRange puts a completion in place', () => {
    const s = run([{ type: 'insert', text: 'Get-Ch -Pa' }, { type: 'replaceRange', start: 0, end: 6, text: 'Get-ChildItem' }]);
    expect(s.text).toBe('Get-ChildItem -Pa');
    expect(s.cursor).toBe(13);
  });
});

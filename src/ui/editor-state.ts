// The prompt's line editor as pure state transitions (PSReadLine's Windows-mode basics), so the
// editing rules are testable without rendering anything.

export interface EditorState {
  text: string;
  cursor: number;
  /** Earlier states for Ctrl+Z; the newest last. */
  undo: { text: string; cursor: number }[];
  redo: { text: string; cursor: number }[];
}

export const emptyEditor: EditorState = { text: '', cursor: 0, undo: [], redo: [] };

export type EditorAction =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'wordLeft' }
  | { type: 'wordRight' }
  | { type: 'lineUp' }
  | { type: 'lineDown' }
  | { type: 'deleteWordBack' }
  | { type: 'deleteWordForward' }
  | { type: 'revert' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'set'; text: string; cursor?: number }
  | { type: 'replaceRange'; start: number; end: number; text: string };

const UNDO_LIMIT = 200;

function withUndo(s: EditorState, text: string, cursor: number): EditorState {
  if (text === s.text) return { ...s, cursor };
  const undo = [...s.undo, { text: s.text, cursor: s.cursor }];
  if (undo.length > UNDO_LIMIT) undo.shift();
  return { text, cursor, undo, redo: [] };
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\w$-]/.test(ch);
}

/** Start of the word before `pos` (PowerShell's word delimiters are blanks and punctuation). */
export function wordStartBefore(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && !isWordChar(text[i - 1])) i--;
  while (i > 0 && isWordChar(text[i - 1])) i--;
  return i;
}

export function wordEndAfter(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && !isWordChar(text[i])) i++;
  while (i < text.length && isWordChar(text[i])) i++;
  return i;
}

export function editorReducer(s: EditorState, a: EditorAction): EditorState {
  const { text, cursor } = s;
  switch (a.type) {
    case 'insert': {
      // Pasted text arrives with \r line ends from terminals; keep \n.
      const ins = a.text.replace(/\r\n?/g, '\n');
      return withUndo(s, text.slice(0, cursor) + ins + text.slice(cursor), cursor + ins.length);
    }
    case 'backspace':
      if (cursor === 0) return s;
      return withUndo(s, text.slice(0, cursor - 1) + text.slice(cursor), cursor - 1);
    case 'delete':
      if (cursor >= text.length) return s;
      return withUndo(s, text.slice(0, cursor) + text.slice(cursor + 1), cursor);
    case 'left':
      return { ...s, cursor: Math.max(0, cursor - 1) };
    case 'right':
      return { ...s, cursor: Math.min(text.length, cursor + 1) };
    case 'home': {
      // On a multi-line input, Home goes to the start of the current line.
      const lineStart = text.lastIndexOf('\n', cursor - 1) + 1;
      return { ...s, cursor: lineStart };
    }
    case 'end': {
      const nl = text.indexOf('\n', cursor);
      return { ...s, cursor: nl < 0 ? text.length : nl };
    }
    case 'lineUp':
    case 'lineDown': {
      // Multi-line input: keep the column, clamped to the target line's length.
      const lineStart = text.lastIndexOf('\n', cursor - 1) + 1;
      const col = cursor - lineStart;
      if (a.type === 'lineUp') {
        if (lineStart === 0) return s;
        const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
        return { ...s, cursor: Math.min(prevStart + col, lineStart - 1) };
      }
      const nl = text.indexOf('\n', cursor);
      if (nl < 0) return s;
      const nextEnd = text.indexOf('\n', nl + 1);
      return { ...s, cursor: Math.min(nl + 1 + col, nextEnd < 0 ? text.length : nextEnd) };
    }
    case 'wordLeft':
      return { ...s, cursor: wordStartBefore(text, cursor) };
    case 'wordRight':
      return { ...s, cursor: wordEndAfter(text, cursor) };
    case 'deleteWordBack': {
      const start = wordStartBefore(text, cursor);
      return withUndo(s, text.slice(0, start) + text.slice(cursor), start);
    }
    case 'deleteWordForward': {
      const end = wordEndAfter(text, cursor);
      return withUndo(s, text.slice(0, cursor) + text.slice(end), cursor);
    }
    case 'revert':
      return withUndo(s, '', 0);
    case 'undo': {
      const prev = s.undo[s.undo.length - 1];
      if (!prev) return s;
      return { text: prev.text, cursor: prev.cursor, undo: s.undo.slice(0, -1), redo: [...s.redo, { text, cursor }] };
    }
    case 'redo': {
      const next = s.redo[s.redo.length - 1];
      if (!next) return s;
      return { text: next.text, cursor: next.cursor, undo: [...s.undo, { text, cursor }], redo: s.redo.slice(0, -1) };
    }
    case 'set':
      return withUndo(s, a.text, a.cursor ?? a.text.length);
    case 'replaceRange': {
      const t = text.slice(0, a.start) + a.text + text.slice(a.end);
      return withUndo(s, t, a.start + a.text.length);
    }
  }
}

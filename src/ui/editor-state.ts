// The prompt's line editor as pure state transitions, so the editing rules are testable without
// rendering anything. EDITOR_FUNCTIONS holds the PSReadLine functions that need nothing but the
// buffer (moves, deletes, selection, case, braces); the key router (key-router.ts) runs the others
// (history, completion, clipboard, accepting the line) and uses editorReducer for the edits.

import { nextBoundary, previousBoundary } from '../protocol/text-width.js';

export interface EditorState {
  text: string;
  cursor: number;
  /** The other end of the selection (Shift+arrows, Ctrl+a); undefined when nothing is selected. */
  anchor?: number;
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
  | { type: 'replaceRange'; start: number; end: number; text: string }
  | { type: 'fn'; name: string };

const UNDO_LIMIT = 200;

/** PSReadLine's default WordDelimiters: `-` splits `Get-Date` into two words, as in the console. */
export const WORD_DELIMITERS = ";:,.[]{}()/\\|!?^&*-=+'\"\u2013\u2014\u2015";

function inWord(ch: string | undefined): boolean {
  return ch !== undefined && !/\s/.test(ch) && !WORD_DELIMITERS.includes(ch);
}

function withUndo(s: EditorState, text: string, cursor: number): EditorState {
  if (text === s.text) return { ...s, cursor, anchor: undefined };
  const undo = [...s.undo, { text: s.text, cursor: s.cursor }];
  if (undo.length > UNDO_LIMIT) undo.shift();
  return { text, cursor, undo, redo: [] };
}

/** The selected range [start, end), or undefined. */
export function selection(s: EditorState): [number, number] | undefined {
  if (s.anchor === undefined || s.anchor === s.cursor) return undefined;
  return [Math.min(s.anchor, s.cursor), Math.max(s.anchor, s.cursor)];
}

/** Start of the current or previous word (PSReadLine's BackwardWord). */
export function wordStartBefore(text: string, pos: number): number {
  let i = pos - 1;
  if (i < 0) return 0;
  if (!inWord(text[i])) while (i > 0 && !inWord(text[i])) i--;
  while (i > 0) {
    if (!inWord(text[i])) return i + 1;
    i--;
  }
  return i;
}

/** Start of the next word (Windows mode's NextWord, Ctrl+RightArrow). */
export function nextWordStart(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && inWord(text[i])) i++;
  while (i < text.length && !inWord(text[i])) i++;
  return i;
}

/** End of the current or next word (Emacs mode's ForwardWord, and KillWord). */
export function wordEndAfter(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && !inWord(text[i])) i++;
  while (i < text.length && inWord(text[i])) i++;
  return i;
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

function lineEnd(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl;
}

const OPEN = '([{';
const CLOSE = ')]}';

/** The offset of the brace matching the one at (or just before) `pos`, if any. */
export function matchingBrace(text: string, pos: number): number | undefined {
  let at = pos;
  if (!OPEN.includes(text[at] ?? 'x') && !CLOSE.includes(text[at] ?? 'x')) at = pos - 1;
  const ch = text[at];
  if (ch === undefined) return undefined;
  const open = OPEN.indexOf(ch);
  const close = CLOSE.indexOf(ch);
  if (open < 0 && close < 0) return undefined;
  const dir = open >= 0 ? 1 : -1;
  const me = ch;
  const other = open >= 0 ? CLOSE[open]! : OPEN[close]!;
  let depth = 0;
  for (let i = at; i >= 0 && i < text.length; i += dir) {
    if (text[i] === me) depth++;
    else if (text[i] === other && --depth === 0) return i;
  }
  return undefined;
}

/** Deletes [start, end) (the selection when there is one) and puts the cursor there. */
function deleteRange(s: EditorState, start: number, end: number): EditorState {
  if (end <= start) return { ...s, anchor: undefined };
  return withUndo(s, s.text.slice(0, start) + s.text.slice(end), start);
}

/** A move that drops the selection (plain arrows) or extends it (the Select… functions). */
function move(s: EditorState, cursor: number, select = false): EditorState {
  if (select) return { ...s, cursor, anchor: s.anchor ?? s.cursor };
  return { ...s, cursor, anchor: undefined };
}

function recase(s: EditorState, how: 'upper' | 'lower' | 'capital'): EditorState {
  const start = s.cursor;
  let i = start;
  while (i < s.text.length && !inWord(s.text[i])) i++;
  const end = wordEndAfter(s.text, start);
  const word = s.text.slice(i, end);
  const done = how === 'upper' ? word.toUpperCase() : how === 'lower' ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
  return withUndo(s, s.text.slice(0, i) + done + s.text.slice(end), end);
}

/** The PSReadLine functions that act on the buffer alone, by name. */
export const EDITOR_FUNCTIONS: Record<string, (s: EditorState) => EditorState> = {
  BackwardChar: (s) => {
    const sel = selection(s);
    return move(s, sel ? sel[0] : previousBoundary(s.text, s.cursor));
  },
  ForwardChar: (s) => {
    const sel = selection(s);
    return move(s, sel ? sel[1] : nextBoundary(s.text, s.cursor));
  },
  BackwardWord: (s) => move(s, wordStartBefore(s.text, s.cursor)),
  NextWord: (s) => move(s, nextWordStart(s.text, s.cursor)),
  ForwardWord: (s) => move(s, wordEndAfter(s.text, s.cursor)),
  BeginningOfLine: (s) => {
    // On a multi-line input, the start of the current line; pressed there, the start of the input.
    const ls = lineStart(s.text, s.cursor);
    return move(s, ls === s.cursor ? 0 : ls);
  },
  EndOfLine: (s) => {
    const le = lineEnd(s.text, s.cursor);
    return move(s, le === s.cursor ? s.text.length : le);
  },
  GotoBrace: (s) => {
    const m = matchingBrace(s.text, s.cursor);
    return m === undefined ? s : move(s, m);
  },
  BackwardDeleteChar: (s) => {
    const sel = selection(s);
    if (sel) return deleteRange(s, sel[0], sel[1]);
    return deleteRange(s, previousBoundary(s.text, s.cursor), s.cursor);
  },
  DeleteChar: (s) => {
    const sel = selection(s);
    if (sel) return deleteRange(s, sel[0], sel[1]);
    return deleteRange(s, s.cursor, nextBoundary(s.text, s.cursor));
  },
  BackwardKillWord: (s) => deleteRange(s, wordStartBefore(s.text, s.cursor), s.cursor),
  KillWord: (s) => deleteRange(s, s.cursor, wordEndAfter(s.text, s.cursor)),
  UnixWordRubout: (s) => {
    let i = s.cursor;
    while (i > 0 && /\s/.test(s.text[i - 1]!)) i--;
    while (i > 0 && !/\s/.test(s.text[i - 1]!)) i--;
    return deleteRange(s, i, s.cursor);
  },
  BackwardDeleteInput: (s) => deleteRange(s, 0, s.cursor),
  BackwardKillInput: (s) => deleteRange(s, 0, s.cursor),
  ForwardDeleteInput: (s) => deleteRange(s, s.cursor, s.text.length),
  KillLine: (s) => deleteRange(s, s.cursor, s.text.length),
  RevertLine: (s) => withUndo(s, '', 0),
  Undo: (s) => {
    const prev = s.undo[s.undo.length - 1];
    if (!prev) return s;
    return { text: prev.text, cursor: prev.cursor, undo: s.undo.slice(0, -1), redo: [...s.redo, { text: s.text, cursor: s.cursor }] };
  },
  Redo: (s) => {
    const next = s.redo[s.redo.length - 1];
    if (!next) return s;
    return { text: next.text, cursor: next.cursor, undo: [...s.undo, { text: s.text, cursor: s.cursor }], redo: s.redo.slice(0, -1) };
  },
  SwapCharacters: (s) => {
    if (s.cursor === 0 || s.text.length < 2) return s;
    const at = s.cursor >= s.text.length ? s.text.length - 1 : s.cursor;
    const t = s.text.slice(0, at - 1) + s.text[at] + s.text[at - 1] + s.text.slice(at + 1);
    return withUndo(s, t, at + 1);
  },
  UpcaseWord: (s) => recase(s, 'upper'),
  DowncaseWord: (s) => recase(s, 'lower'),
  CapitalizeWord: (s) => recase(s, 'capital'),
  InsertLineAbove: (s) => {
    const ls = lineStart(s.text, s.cursor);
    return withUndo(s, s.text.slice(0, ls) + '\n' + s.text.slice(ls), ls);
  },
  InsertLineBelow: (s) => {
    const le = lineEnd(s.text, s.cursor);
    return withUndo(s, s.text.slice(0, le) + '\n' + s.text.slice(le), le + 1);
  },
  SelectAll: (s) => ({ ...s, anchor: 0, cursor: s.text.length }),
  SelectBackwardChar: (s) => move(s, previousBoundary(s.text, s.cursor), true),
  SelectForwardChar: (s) => move(s, nextBoundary(s.text, s.cursor), true),
  SelectBackwardWord: (s) => move(s, wordStartBefore(s.text, s.cursor), true),
  SelectNextWord: (s) => move(s, nextWordStart(s.text, s.cursor), true),
  SelectForwardWord: (s) => move(s, wordEndAfter(s.text, s.cursor), true),
  SelectBackwardsLine: (s) => move(s, lineStart(s.text, s.cursor), true),
  SelectLine: (s) => move(s, lineEnd(s.text, s.cursor), true),
};

export function editorReducer(s: EditorState, a: EditorAction): EditorState {
  const { text, cursor } = s;
  switch (a.type) {
    case 'insert': {
      // Pasted text arrives with \r line ends from terminals; keep \n. Typing replaces a selection.
      const ins = a.text.replace(/\r\n?/g, '\n');
      const [from, to] = selection(s) ?? [cursor, cursor];
      return withUndo(s, text.slice(0, from) + ins + text.slice(to), from + ins.length);
    }
    case 'backspace':
      return EDITOR_FUNCTIONS.BackwardDeleteChar!(s);
    case 'delete':
      return EDITOR_FUNCTIONS.DeleteChar!(s);
    case 'left':
      return move(s, previousBoundary(text, cursor));
    case 'right':
      return move(s, nextBoundary(text, cursor));
    case 'home':
      return move(s, lineStart(text, cursor));
    case 'end':
      return move(s, lineEnd(text, cursor));
    case 'lineUp':
    case 'lineDown': {
      // Multi-line input: keep the column, clamped to the target line's length.
      const ls = lineStart(text, cursor);
      const col = cursor - ls;
      if (a.type === 'lineUp') {
        if (ls === 0) return s;
        const prevStart = lineStart(text, ls - 1);
        return move(s, Math.min(prevStart + col, ls - 1));
      }
      const nl = text.indexOf('\n', cursor);
      if (nl < 0) return s;
      return move(s, Math.min(nl + 1 + col, lineEnd(text, nl + 1)));
    }
    case 'wordLeft':
      return EDITOR_FUNCTIONS.BackwardWord!(s);
    case 'wordRight':
      return EDITOR_FUNCTIONS.NextWord!(s);
    case 'deleteWordBack':
      return EDITOR_FUNCTIONS.BackwardKillWord!(s);
    case 'deleteWordForward':
      return EDITOR_FUNCTIONS.KillWord!(s);
    case 'revert':
      return EDITOR_FUNCTIONS.RevertLine!(s);
    case 'undo':
      return EDITOR_FUNCTIONS.Undo!(s);
    case 'redo':
      return EDITOR_FUNCTIONS.Redo!(s);
    case 'set':
      return withUndo(s, a.text, a.cursor ?? a.text.length);
    case 'replaceRange': {
      const t = text.slice(0, a.start) + a.text + text.slice(a.end);
      return withUndo(s, t, a.start + a.text.length);
    }
    case 'fn': {
      const f = EDITOR_FUNCTIONS[a.name];
      return f ? f(s) : s;
    }
  }
}

// The live area under the scrollback — progress, the prompt and its input (or the running
// command's spinner, or the question the host is asking), menus, the search line and the status
// line — laid out as rows of at most `width` cells, never more than `height - 1` rows in all.
// Pure: the App renders these rows and nothing else, so a frame can never grow past the screen
// (Ink would then redraw the whole session) and the row widths are known for a resize.

import { clusterWidth, displayWidth, graphemes, truncateToWidth } from '../protocol/text-width.js';
import { progressPaneLines, type ProgressNode } from './progress.js';
import { selection, type EditorState } from './editor-state.js';
import type { ColoredRun } from './syntax.js';

export interface Run {
  text: string;
  color?: string;
  background?: string;
  inverse?: boolean;
  dim?: boolean;
}

export type Row = Run[];

export interface MenuView {
  items: { display: string; tooltip?: string }[];
  index: number;
  filter: string;
}

export interface FrameInput {
  width: number;
  height: number;
  color: boolean;
  prompt: string;
  /** The prompt turns red while the input does not parse. */
  promptError: boolean;
  editor: EditorState;
  /** The input's coloured runs (covering editor.text); plain text when absent. */
  runs?: ColoredRun[];
  suggestion?: string;
  suggestionColor?: string;
  /** An incremental history search in progress. */
  search?: { query: string; failed: boolean; forward: boolean };
  menu?: MenuView;
  /** A one-line message under the input (WhatIsKey, CharacterSearch, Complete's list). */
  message?: string[];
  /** The host asks a question: the label and the answer being typed (masked if secure). */
  field?: { label: string; editor: EditorState; secure: boolean };
  running?: { spinner: string; activity?: string };
  progress?: readonly ProgressNode[];
  /** The exercise's progress bar, one line under the input (training labs). */
  labBar?: LabBar;
  status: string;
}

export interface LabBar {
  exercise: string;
  done: number;
  total: number;
  hints: number;
}

/** `Exercise renew-self-signed [##--] 2/4 tasks · 1 hint · F1 shows the tasks`, cut to the width (the key hint first). */
export function labBarRow(bar: LabBar, width: number, color: boolean): Row {
  const total = Math.max(0, bar.total);
  const done = Math.max(0, Math.min(total, bar.done));
  const counts = ` ${done}/${total} tasks · ${bar.hints} hint${bar.hints === 1 ? '' : 's'}`;
  const runs: Run[] = [
    { text: `Exercise ${bar.exercise} [`, dim: true },
    { text: '#'.repeat(done), color: color ? 'green' : undefined },
    { text: '-'.repeat(total - done), dim: true },
    { text: `]${counts}${done === total && total > 0 ? ' · done' : ''}`, dim: true },
    { text: ' · F1 shows the tasks', dim: true },
  ];
  if (rowWidth(runs) > width) runs.pop();
  if (rowWidth(runs) <= width) return runs;
  return plainRow(`${bar.exercise} ${done}/${total}`, width, { dim: true });
}

const MENU_ROWS = 10;

/**
 * The most rows the input shows at once; a taller input scrolls within them. Ink redraws every
 * cell of the live area on each frame, so a keystroke costs in proportion to its height: a third
 * of the screen keeps typing in a pasted 10 KB request within the keystroke budget.
 */
export function inputWindowRows(height: number): number {
  return Math.max(6, Math.floor(height / 3));
}

/** Rows of one text, hard-wrapped at `width` cells as a console wraps it (whole clusters only). */
function wrapRuns(runs: Run[], width: number): Row[] {
  const rows: Row[] = [[]];
  let used = 0;
  const put = (run: Run, text: string) => {
    const row = rows[rows.length - 1]!;
    const last = row[row.length - 1];
    if (last && last.text !== '' && sameStyle(last, run)) last.text += text;
    else row.push({ ...run, text });
  };
  for (const run of runs) {
    if (/^[\x20-\x7e]*$/.test(run.text)) {
      let rest = run.text;
      while (rest.length > 0) {
        if (used >= width) {
          rows.push([]);
          used = 0;
        }
        const take = Math.min(width - used, rest.length);
        put(run, rest.slice(0, take));
        used += take;
        rest = rest.slice(take);
      }
      continue;
    }
    for (const g of graphemes(run.text)) {
      const w = clusterWidth(g);
      if (used + w > width && used > 0) {
        rows.push([]);
        used = 0;
      }
      put(run, g);
      used += w;
    }
  }
  return rows;
}

function sameStyle(a: Run, b: Run): boolean {
  return a.color === b.color && a.background === b.background && a.inverse === b.inverse && a.dim === b.dim;
}

export function rowWidth(row: Row): number {
  return row.reduce((n, r) => n + displayWidth(r.text), 0);
}

/** Splits runs at offsets (of the concatenated text) so the cursor and selection can be styled. */
function splitRuns(runs: ColoredRun[], cuts: number[]): ColoredRun[] {
  const out: ColoredRun[] = [];
  let pos = 0;
  const sorted = [...new Set(cuts)].sort((a, b) => a - b);
  let ci = 0;
  for (const r of runs) {
    let text = r.text;
    let start = pos;
    while (ci < sorted.length && sorted[ci]! <= start) ci++;
    while (ci < sorted.length && sorted[ci]! < start + text.length) {
      const at = sorted[ci]! - start;
      out.push({ text: text.slice(0, at), color: r.color });
      text = text.slice(at);
      start += at;
      ci++;
    }
    if (text) out.push({ text, color: r.color });
    pos += r.text.length;
  }
  return out.filter((r) => r.text !== '');
}

/**
 * The input's rows: prompt (or `>> `) plus each line, wrapped at the width; the cursor is an
 * inverse cell, the selection inverse, the suggestion grey after the cursor. Returns the rows and
 * the row the cursor is on.
 */
export function inputRows(p: {
  prompt: string;
  promptColor?: string;
  editor: EditorState;
  runs?: ColoredRun[];
  suggestion?: string;
  suggestionColor?: string;
  width: number;
  color: boolean;
  masked?: boolean;
}): { rows: Row[]; cursorRow: number } {
  const { text, cursor } = p.editor;
  const shown = p.masked ? '*'.repeat(graphemes(text).length) : text;
  // With a mask, offsets map one cluster to one star.
  const toShown = (off: number) => (p.masked ? graphemes(text.slice(0, off)).length : off);
  const cur = toShown(cursor);
  const sel = selection(p.editor);
  const selShown = sel ? [toShown(sel[0]), toShown(sel[1])] : undefined;
  const base: ColoredRun[] = p.masked || !p.runs ? [{ text: shown, color: '' }] : p.runs;
  const atCursorEnd = cur >= shown.length ? cur : cur + (graphemes(shown.slice(cur, cur + 8))[0]?.length ?? 1);
  const pieces = splitRuns(base, [cur, atCursorEnd, ...(selShown ?? [])]);
  const logical: Run[][] = [[]];
  const prefix = (i: number): Run => (i === 0 ? { text: p.prompt + ' ', color: p.promptColor } : { text: '>> ' });
  logical[0]!.push(prefix(0));
  let pos = 0;
  let cursorLine = 0;
  for (const piece of pieces) {
    const isCursor = pos === cur && cur < shown.length;
    const selected = selShown !== undefined && pos >= selShown[0]! && pos < selShown[1]!;
    const parts = piece.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) {
        logical.push([prefix(logical.length)]);
      }
      if (isCursor && i === 0 && piece.text.startsWith('\n')) {
        // The cursor on a line break: a block at the end of that line.
        logical[logical.length - 1]!.push({ text: ' ', inverse: true });
        cursorLine = logical.length - 1;
      }
      if (part) {
        logical[logical.length - 1]!.push({ text: part, color: p.color ? piece.color || undefined : undefined, inverse: (isCursor && i === 0) || selected });
        if (isCursor && i === 0) cursorLine = logical.length - 1;
      }
    });
    pos += piece.text.length;
  }
  if (cur >= shown.length) {
    cursorLine = logical.length - 1;
    const line = logical[cursorLine]!;
    if (p.suggestion) {
      const [first, ...rest] = graphemes(p.suggestion);
      line.push({ text: first!, inverse: true });
      // Grey, or dim without colours (NO_COLOR): never mistaken for typed text.
      if (rest.length) line.push({ text: rest.join(''), color: p.color ? (p.suggestionColor ?? 'gray') : undefined, dim: !p.color });
    } else line.push({ text: ' ', inverse: true });
  }
  const rows: Row[] = [];
  let cursorRow = 0;
  logical.forEach((runs, i) => {
    const wrapped = wrapRuns(runs, Math.max(1, p.width));
    if (i === cursorLine) {
      // The row holding the inverse (cursor) cell.
      const within = wrapped.findIndex((r) => r.some((x) => x.inverse && !selShown));
      cursorRow = rows.length + Math.max(0, within < 0 ? wrapped.length - 1 : within);
      if (selShown) cursorRow = rows.length + wrapped.length - 1;
    }
    rows.push(...wrapped);
  });
  return { rows, cursorRow };
}

/** A window of `max` rows around `focus` (PSReadLine scrolls within a tall input the same way). */
export function windowAround<T>(rows: T[], focus: number, max: number): T[] {
  if (rows.length <= max) return rows;
  const start = Math.max(0, Math.min(focus - Math.floor(max / 2), rows.length - max));
  return rows.slice(start, start + max);
}

function plainRow(text: string, width: number, style: Omit<Run, 'text'> = {}): Row {
  return [{ ...style, text: truncateToWidth(text, width) }];
}

/** The progress pane: 5.1's console host colours (ProgressForegroundColor Yellow on ProgressBackgroundColor DarkCyan). */
function progressRows(nodes: readonly ProgressNode[], width: number, color: boolean): Row[] {
  const style: Omit<Run, 'text'> = color ? { color: 'yellowBright', background: 'cyan' } : { inverse: true };
  return progressPaneLines(nodes, width).map((text) => [{ ...style, text }]);
}

/** Lays out the whole live area: at most `height - 1` rows, each at most `width` cells. */
export function layoutFrame(f: FrameInput): Row[] {
  const width = Math.max(1, f.width);
  const budget = Math.max(1, f.height - 1);
  const status = plainRow(f.status, width, { dim: true });
  const below: Row[] = [];
  if (f.labBar) below.push(labBarRow(f.labBar, width, f.color));
  if (f.search) {
    const label = `${f.search.failed ? 'failed-' : ''}${f.search.forward ? 'fwd' : 'bck'}-i-search: ${f.search.query}`;
    below.push([{ text: truncateToWidth(label, width - 1) }, { text: ' ', inverse: true }]);
  }
  for (const m of f.message ?? []) below.push(plainRow(m, width));
  if (f.menu && f.menu.items.length) {
    const size = Math.max(1, Math.min(MENU_ROWS, budget - 3 - below.length));
    const { items, index } = f.menu;
    const start = Math.max(0, Math.min(index - Math.floor(size / 2), items.length - size));
    items.slice(start, start + size).forEach((it, i) => {
      below.push(plainRow(it.display, width, start + i === index ? { inverse: true } : {}));
    });
    const tip = items[index]?.tooltip;
    const filter = f.menu.filter ? ` · filter: ${f.menu.filter}` : '';
    below.push(plainRow(`${index + 1} of ${items.length}${filter}${tip ? ' · ' + tip : ''}`, width, { dim: true }));
  } else if (f.menu) {
    below.push(plainRow(`no match · filter: ${f.menu.filter}`, width, { dim: true }));
  }
  const top = f.progress ? progressRows(f.progress, width, f.color) : [];
  // What is left for the input (at least one row), then trim the extras if the screen is tiny.
  let room = budget - 1 - below.length - top.length;
  let topRows = top;
  let belowRows = below;
  if (room < 1) {
    topRows = [];
    room = budget - 1 - below.length;
    if (room < 1) {
      belowRows = below.slice(0, Math.max(0, budget - 2));
      room = budget - 1 - belowRows.length;
    }
  }
  let body: Row[];
  if (f.field) {
    const { rows, cursorRow } = inputRows({ prompt: f.field.label.replace(/ $/, ''), editor: f.field.editor, width, color: f.color, masked: f.field.secure });
    // The label is the prompt: inputRows adds the space back after it.
    body = windowAround(rows, cursorRow, Math.max(1, room));
  } else if (f.running) {
    body = [[{ text: truncateToWidth(`${f.running.spinner} ${f.running.activity ?? 'Running…'} `, width), color: f.color ? 'cyan' : undefined }, ...(width > 40 ? [{ text: '(Ctrl+C stops)', dim: true }] : [])]];
    if (rowWidth(body[0]!) > width) body = [plainRow(`${f.running.spinner} ${f.running.activity ?? 'Running…'}`, width)];
  } else {
    const { rows, cursorRow } = inputRows({
      prompt: f.prompt,
      promptColor: f.promptError && f.color ? 'red' : undefined,
      editor: f.editor,
      runs: f.runs,
      suggestion: f.suggestion,
      suggestionColor: f.suggestionColor,
      width,
      color: f.color,
    });
    body = windowAround(rows, cursorRow, Math.max(1, Math.min(room, inputWindowRows(f.height))));
  }
  const all = [...topRows, ...body, ...belowRows, status];
  return all.slice(Math.max(0, all.length - budget));
}

/** Cells of a string that may hold wide characters (exported for tests of the layout). */
export function cells(text: string): number {
  return graphemes(text).reduce((n, g) => n + clusterWidth(g), 0);
}

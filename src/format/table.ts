// Table layout as Windows PowerShell 5.1 prints it: column widths (fixed from a view, else
// max(label, longest cell)), shrinking the last column to fit the screen, labels over dash
// lines of min(label, width) dashes (a label wider than its column wraps onto more lines, as
// TableWriter writes headers multi-line), left / right / center alignment, `...` truncation,
// -Wrap, one space between columns.
// Lines carry no trailing spaces (5.1 pads the last column; emsh trims, the look is the same).

import type { MessageStream } from '../protocol/stream-records.js';
import { clusterWidth, displayWidth, graphemes, truncateToWidth } from '../protocol/text-width.js';

export type Alignment = 'Left' | 'Right' | 'Center';

export interface TableColumn {
  label: string;
  /** Fixed width (from a view or a calculated property's Width); absent: computed. */
  width?: number;
  alignment: Alignment;
}

/** What a table block holds, in order. Cells are display text already. */
export type TableItem =
  | { kind: 'row'; cells: string[] }
  /** Starts a group: its header lines (`   TypeName: System.String`), or null for none. */
  | { kind: 'group'; header: string[] | null }
  | { kind: 'groupEnd' }
  /** Lines printed in sequence inside the block (out-of-band objects). */
  | { kind: 'lines'; lines: string[]; stream?: MessageStream };

export interface TableOptions {
  wrap?: boolean;
  hideHeaders?: boolean;
  /** Format-Table -AutoSize: columns that do not fit are removed whole (with a warning), not cut. */
  autoSize?: boolean;
}

export interface TableData extends TableOptions {
  columns: TableColumn[];
  items: TableItem[];
}

const ELLIPSIS = '...';
const SEPARATOR = ' ';
/** TableWriter gives up below this many screen columns. */
const MIN_SCREEN = 5;

/** The last `width` cells of a text (whole clusters). */
function tailToWidth(text: string, width: number): string {
  const g = graphemes(text);
  let used = 0;
  let i = g.length;
  while (i > 0 && used + clusterWidth(g[i - 1]!) <= width) used += clusterWidth(g[--i]!);
  return g.slice(i).join('');
}

/**
 * Cuts or pads one line of text to a column, `abc...` / `...xyz` when too long. Widths are
 * terminal cells: a CJK character or an emoji counts two, as the console shows it.
 */
export function fitCell(text: string, width: number, alignment: Alignment): string {
  const w = displayWidth(text);
  if (w > width) {
    if (width > ELLIPSIS.length) {
      const keep = width - ELLIPSIS.length;
      const cut = alignment === 'Right' ? ELLIPSIS + tailToWidth(text, keep) : truncateToWidth(text, keep) + ELLIPSIS;
      return fitCell(cut, width, alignment);
    }
    const cut = alignment === 'Right' ? tailToWidth(text, width) : truncateToWidth(text, width);
    return cut + ' '.repeat(width - displayWidth(cut));
  }
  const pad = ' '.repeat(width - w);
  if (alignment === 'Center') {
    // TableWriter puts the odd blank on the right.
    const left = (width - w) >> 1;
    return pad.slice(0, left) + text + pad.slice(left);
  }
  return alignment === 'Right' ? pad + text : text + pad;
}

/** Word-wraps one cell for -Wrap: at spaces where possible, hard cuts for longer words. */
export function wrapCell(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    if (displayWidth(para) <= width) {
      out.push(para);
      continue;
    }
    let line = '';
    for (let word of para.split(' ')) {
      const candidate = line.length === 0 ? word : line + ' ' + word;
      if (candidate.length <= width) {
        line = candidate;
        continue;
      }
      if (line.length > 0) out.push(line);
      while (word.length > width) {
        out.push(word.slice(0, width));
        word = word.slice(width);
      }
      line = word;
    }
    out.push(line);
  }
  return out;
}

function firstLine(text: string): string {
  const i = text.search(/\r?\n/);
  return i < 0 ? text : text.slice(0, i);
}

function longestLine(text: string): number {
  if (!/\n/.test(text)) return displayWidth(text);
  let max = 0;
  for (const l of text.split(/\r?\n/)) max = Math.max(max, displayWidth(l));
  return max;
}

/**
 * Column widths for the screen: fixed ones as given, the others from the content; then, while
 * too wide, the last visible column shrinks, or is hidden (width 0) when it cannot keep 1 char.
 */
export function columnWidths(columns: TableColumn[], rows: string[][], screen: number, wrap = false, autoSize = false): number[] {
  const widths = columns.map((c) => c.width ?? c.label.length);
  columns.forEach((c, k) => {
    if (c.width !== undefined) return;
    let w = widths[k]!;
    for (const r of rows) {
      const cell = r[k] ?? '';
      const len = wrap ? longestLine(cell) : displayWidth(firstLine(cell));
      if (len > w) w = len;
    }
    widths[k] = w;
  });
  for (let k = 0; k < widths.length; k++) if (widths[k]! < 1) widths[k] = 1;
  if (autoSize) {
    // -AutoSize keeps whole columns: those past the screen's width are removed (width 0).
    let used = 0;
    let full = false;
    widths.forEach((w, k) => {
      const need = (used > 0 ? SEPARATOR.length : 0) + w;
      if (k > 0 && (full || used + need > screen)) {
        widths[k] = 0;
        full = true;
      } else used += need;
    });
  }
  for (;;) {
    const visible = widths.map((w, k) => (w > 0 ? k : -1)).filter((k) => k >= 0);
    if (visible.length === 0) break;
    const total = visible.reduce((s, k) => s + widths[k]!, 0) + (visible.length - 1) * SEPARATOR.length;
    if (total <= screen) break;
    const last = visible[visible.length - 1]!;
    const shrunk = widths[last]! - (total - screen);
    widths[last] = shrunk >= 1 ? shrunk : 0;
  }
  return widths;
}

/** A table's fixed geometry: turns a header or a row into screen lines. */
export class TableLayout {
  readonly disabled: boolean;

  constructor(
    readonly columns: TableColumn[],
    readonly widths: number[],
    readonly opts: TableOptions,
    screen: number,
  ) {
    this.disabled = screen < MIN_SCREEN || widths.every((w) => w <= 0);
  }

  static forRows(columns: TableColumn[], rows: string[][], screen: number, opts: TableOptions): TableLayout {
    return new TableLayout(columns, columnWidths(columns, rows, screen, opts.wrap, opts.autoSize), opts, screen);
  }

  /** How many columns -AutoSize removed because they do not fit. */
  get removed(): number {
    return this.opts.autoSize ? this.widths.filter((w) => w <= 0).length : 0;
  }

  /** True when every column has a fixed width, so rows can stream without buffering. */
  static allFixed(columns: TableColumn[]): boolean {
    return columns.every((c) => c.width !== undefined);
  }

  headerLines(): string[] {
    if (this.disabled || this.opts.hideHeaders) return [];
    const dashes: string[] = [];
    this.columns.forEach((c, k) => {
      const w = this.widths[k]!;
      if (w > 0) dashes.push(fitCell('-'.repeat(Math.min(displayWidth(c.label), w)), w, c.alignment));
    });
    return [...this.stackedLines(this.columns.map((c) => c.label)), dashes.join(SEPARATOR).trimEnd()];
  }

  rowLines(cells: string[]): string[] {
    if (this.disabled) return [];
    if (!this.opts.wrap) {
      const parts: string[] = [];
      this.columns.forEach((c, k) => {
        const w = this.widths[k]!;
        if (w > 0) parts.push(fitCell(firstLine(cells[k] ?? ''), w, c.alignment));
      });
      return [parts.join(SEPARATOR).trimEnd()];
    }
    return this.stackedLines(cells);
  }

  /** One screen line per line of the tallest cell: each cell wrapped to its column. */
  private stackedLines(cells: string[]): string[] {
    const stacks: { lines: string[]; w: number; align: Alignment }[] = [];
    this.columns.forEach((c, k) => {
      const w = this.widths[k]!;
      if (w > 0) stacks.push({ lines: wrapCell(cells[k] ?? '', w), w, align: c.alignment });
    });
    const height = Math.max(1, ...stacks.map((s) => s.lines.length));
    const out: string[] = [];
    for (let i = 0; i < height; i++) {
      out.push(stacks.map((s) => fitCell(s.lines[i] ?? '', s.w, s.align)).join(SEPARATOR).trimEnd());
    }
    return out;
  }
}

/**
 * Writes one table block with 5.1's blank lines: an empty line before (format start), group
 * headers between blank lines, the label and dash lines at each group start, an empty line at
 * each group end and one at the end of the block.
 */
export class TableBlockWriter {
  private inGroup = false;

  constructor(
    private readonly layout: TableLayout,
    private readonly emit: (line: string, stream?: MessageStream) => void,
  ) {}

  start(): void {
    this.emit('');
  }

  item(it: TableItem): void {
    switch (it.kind) {
      case 'group':
        if (this.inGroup) this.emit('');
        // A group whose header has no lines (a value with no group) prints as a plain table.
        if (it.header?.length) {
          this.emit('');
          for (const l of it.header) this.emit(l);
          this.emit('');
        }
        for (const l of this.layout.headerLines()) this.emit(l);
        this.inGroup = true;
        break;
      case 'groupEnd':
        if (this.inGroup) this.emit('');
        this.inGroup = false;
        break;
      case 'row':
        if (!this.inGroup) this.item({ kind: 'group', header: null });
        for (const l of this.layout.rowLines(it.cells)) this.emit(l);
        break;
      case 'lines':
        for (const l of it.lines) this.emit(l, it.stream);
        break;
    }
  }

  end(): void {
    if (this.inGroup) this.emit('');
    this.inGroup = false;
    this.emit('');
  }
}

/** A whole table block as lines, widths computed from all its rows. */
export function renderTable(data: TableData, screen: number): string[] {
  const rows: string[][] = [];
  for (const it of data.items) if (it.kind === 'row') rows.push(it.cells);
  const layout = TableLayout.forRows(data.columns, rows, screen, data);
  const out: string[] = [];
  // 5.1 says so before the table, in its own words (plural and all).
  if (layout.removed > 0 && !layout.disabled) out.push(`WARNING: ${layout.removed} columns do not fit into the display and were removed.`);
  const w = new TableBlockWriter(layout, (l) => out.push(l));
  w.start();
  for (const it of data.items) w.item(it);
  w.end();
  return out;
}

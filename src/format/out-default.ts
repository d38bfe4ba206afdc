// Out-Default as Windows PowerShell 5.1 does it, streaming one statement's output:
//
// * scalars (strings, numbers, booleans...) print as their text, no header, no blank lines;
// * the first non-scalar object picks the shape: its registered view, else a table when it has
//   at most 4 properties, else a list; a bare DateTime prints its long form;
// * later objects the block accepts join it (a generated table accepts every object, with the
//   first object's columns; a view's block accepts objects of the view's type); the others are
//   printed "out of band" in sequence: scalars as text, objects as a list entry;
// * tables whose widths come from the content are buffered until the end of the statement
//   (5.1 buffers 300 ms; emsh buffers the whole statement so output is deterministic).

import { ErrorRecord } from '../protocol/errors.js';
import { InformationRecord, InformationalRecord, isStreamRecord, type MessageStream } from '../protocol/stream-records.js';
import {
  dateLongText,
  defaultAlignment,
  displayValue,
  expandForFormat,
  isScalar,
  defaultPropertyNames,
  propertyValue,
  valueToString,
} from './display.js';
import { errorLines } from './error-view.js';
import { FormatOutput } from './format-output.js';
import { ListBlockWriter, listEntryLines } from './list.js';
import { TableBlockWriter, TableLayout, type Alignment, type TableColumn, type TableItem } from './table.js';
import { findView, groupHeaderLines, viewApplies, type ColumnSpec, type GroupBySpec, type ViewSpec } from './views.js';

/** A column (or list property) with the way to read it. */
export interface ColumnSource {
  label: string;
  width?: number;
  alignment?: Alignment;
  read: (obj: unknown) => unknown;
}

/** A generated table built from all properties keeps at most 10 columns. */
const MAX_GENERATED_COLUMNS = 10;
/** PowerShell's PropertyCountForTable: up to 4 properties make a table, more a list. */
const TABLE_PROPERTY_LIMIT = 4;

export function columnsFromSpecs(specs: ColumnSpec[]): ColumnSource[] {
  return specs.map((s) => {
    const name = s.property ?? s.label;
    return { label: s.label, width: s.width, alignment: s.alignment ?? 'Left', read: s.value ?? ((o: unknown) => propertyValue(o, name)) };
  });
}

export function columnsFromNames(names: string[]): ColumnSource[] {
  return names.map((n) => ({ label: n, read: (o: unknown) => propertyValue(o, n) }));
}

/** Column geometry, alignment taken from the first object's values where not given. */
export function tableColumns(cols: ColumnSource[], first: unknown): TableColumn[] {
  return cols.map((c) => ({ label: c.label, width: c.width, alignment: c.alignment ?? defaultAlignment(c.read(first)) }));
}

export function cellsOf(cols: ColumnSource[], obj: unknown): string[] {
  return cols.map((c) => displayValue(c.read(obj)));
}

export function pairsOf(cols: ColumnSource[], obj: unknown): [string, string][] {
  return cols.map((c) => [c.label, displayValue(c.read(obj))]);
}

/** The list a value shows when printed as a list: its view's list, else all its properties. */
export function defaultListColumns(obj: unknown, viewName?: string): ColumnSource[] {
  const view = findView(obj, { name: viewName, fits: (v) => v.list !== undefined });
  if (view?.list) return columnsFromSpecs(view.list.properties);
  return columnsFromNames(defaultPropertyNames(obj));
}

/** Objects never taken into a table or list block: they print on their own. */
function standsAlone(v: unknown): boolean {
  return isScalar(v) || v instanceof Date || v instanceof ErrorRecord || v instanceof FormatOutput || isStreamRecord(v);
}

/** The stream a record merged into the output (`3>&1`) is shown as at the console. */
function writeStreamOf(v: unknown): MessageStream | undefined {
  return v instanceof InformationalRecord ? v.writeStream : undefined;
}

/**
 * Where Out-Default's lines go; `stream` marks the lines of a warning, verbose or debug record
 * merged into the output, which the console writes as that stream's lines (`WARNING: ...`) and
 * Out-String / Out-File as the bare message.
 */
export type LineSink = (line: string, stream?: MessageStream) => void;

function textLines(text: string): string[] {
  return text.split(/\r?\n/);
}

type Block =
  | {
      kind: 'table';
      view?: ViewSpec;
      cols: ColumnSource[];
      columns: TableColumn[];
      group?: GroupBySpec;
      currentGroup?: string;
      /** Set when every width is fixed: rows stream. */
      writer?: TableBlockWriter;
      buffered: TableItem[];
    }
  | { kind: 'list'; view?: ViewSpec; cols?: ColumnSource[]; writer: ListBlockWriter }
  | { kind: 'date' }
  | { kind: 'custom'; view: ViewSpec };

/** One Out-Default stream at a screen width (the console passes its width - 1). */
export class OutDefaultStream {
  private block: Block | null = null;

  constructor(
    private readonly screen: number,
    private readonly emit: LineSink,
  ) {}

  write(value: unknown): void {
    if (value instanceof FormatOutput) {
      this.close();
      for (const l of value.renderAt(this.screen)) this.emit(l);
      return;
    }
    for (const v of expandForFormat(value)) this.one(v);
  }

  end(): void {
    this.close();
  }

  private one(v: unknown): void {
    if (v instanceof FormatOutput) {
      this.write(v);
      return;
    }
    if (this.block) {
      if (this.accepts(this.block, v)) this.add(this.block, v);
      else this.outOfBand(this.block, this.standaloneLines(v, true), writeStreamOf(v));
      return;
    }
    if (v instanceof Date) {
      this.block = { kind: 'date' };
      this.emit('');
      this.emit(dateLongText(v));
      return;
    }
    if (standsAlone(v)) {
      const stream = writeStreamOf(v);
      for (const l of this.standaloneLines(v, false)) this.emit(l, stream);
      return;
    }
    const view = findView(v);
    if (view) {
      if (view.shape === 'custom' && view.custom) {
        this.block = { kind: 'custom', view };
        this.emit('');
        this.add(this.block, v);
      } else if (view.shape === 'table' && view.table) {
        this.startTable(columnsFromSpecs(view.table.columns), v, view, view.table.groupBy);
      } else {
        this.startList(v, view, view.list ? columnsFromSpecs(view.list.properties) : undefined);
      }
      return;
    }
    const names = defaultPropertyNames(v);
    if (names.length === 0) {
      this.emit(valueToString(v));
      return;
    }
    if (names.length <= TABLE_PROPERTY_LIMIT) {
      this.startTable(columnsFromNames(names.slice(0, MAX_GENERATED_COLUMNS)), v);
    } else {
      this.startList(v);
    }
  }

  /** Lines of a value printed on its own (`inBlock`: objects become a list entry). */
  private standaloneLines(v: unknown, inBlock: boolean): string[] {
    if (v instanceof ErrorRecord) return [...errorLines(v, this.screen), ''];
    if (v instanceof InformationalRecord) return textLines(v.message);
    if (v instanceof InformationRecord) return textLines(v.text());
    if (v instanceof Date) return [dateLongText(v)];
    if (isScalar(v)) return textLines(valueToString(v));
    if (v instanceof FormatOutput) return v.renderAt(this.screen);
    const cols = defaultListColumns(v);
    if (cols.length === 0) return textLines(valueToString(v));
    const entry = listEntryLines(pairsOf(cols, v), this.screen);
    return inBlock ? ['', ...entry, ''] : entry;
  }

  private accepts(b: Block, v: unknown): boolean {
    if (b.kind === 'date') return v instanceof Date;
    if (standsAlone(v)) return false;
    return b.view ? viewApplies(b.view, v) : true;
  }

  private startTable(cols: ColumnSource[], first: unknown, view?: ViewSpec, group?: GroupBySpec): void {
    const columns = tableColumns(cols, first);
    const b: Block = { kind: 'table', view, cols, columns, group, buffered: [] };
    if (TableLayout.allFixed(columns)) {
      b.writer = new TableBlockWriter(new TableLayout(columns, columns.map((c) => c.width!), {}, this.screen), this.emit);
      b.writer.start();
    }
    this.block = b;
    this.add(b, first);
  }

  private startList(first: unknown, view?: ViewSpec, cols?: ColumnSource[]): void {
    const writer = new ListBlockWriter(this.screen, this.emit);
    writer.start();
    this.block = { kind: 'list', view, cols, writer };
    this.add(this.block, first);
  }

  private tableItem(b: Extract<Block, { kind: 'table' }>, it: TableItem): void {
    if (b.writer) b.writer.item(it);
    else b.buffered.push(it);
  }

  private add(b: Block, v: unknown): void {
    switch (b.kind) {
      case 'date':
        this.emit(dateLongText(v as Date));
        return;
      case 'custom':
        for (const l of b.view.custom!(v)) this.emit(l);
        return;
      case 'list':
        b.writer.item({ kind: 'entry', pairs: pairsOf(b.cols ?? columnsFromNames(defaultPropertyNames(v)), v) });
        return;
      case 'table':
        if (b.group) {
          const g = b.group.value(v);
          if (g !== b.currentGroup) {
            b.currentGroup = g;
            this.tableItem(b, { kind: 'group', header: groupHeaderLines(b.group, g) });
          }
        }
        this.tableItem(b, { kind: 'row', cells: cellsOf(b.cols, v) });
        return;
    }
  }

  private outOfBand(b: Block, lines: string[], stream?: MessageStream): void {
    if (b.kind === 'table') this.tableItem(b, { kind: 'lines', lines, stream });
    else if (b.kind === 'list') b.writer.item({ kind: 'lines', lines, stream });
    else for (const l of lines) this.emit(l, stream);
  }

  private close(): void {
    const b = this.block;
    this.block = null;
    if (!b) return;
    switch (b.kind) {
      case 'date':
      case 'custom':
        this.emit('');
        this.emit('');
        return;
      case 'list':
        b.writer.end();
        return;
      case 'table': {
        if (b.writer) {
          b.writer.end();
          return;
        }
        const rows = b.buffered.flatMap((it) => (it.kind === 'row' ? [it.cells] : []));
        const w = new TableBlockWriter(TableLayout.forRows(b.columns, rows, this.screen, {}), this.emit);
        w.start();
        for (const it of b.buffered) w.item(it);
        w.end();
        return;
      }
    }
  }
}

/** All the lines Out-Default would print for these values at a screen width. */
export function outDefaultLines(values: unknown[], screen: number): string[] {
  const out: string[] = [];
  const s = new OutDefaultStream(screen, (l) => out.push(l));
  for (const v of values) s.write(v);
  s.end();
  return out;
}

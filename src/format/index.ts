// src/format: turns objects and error records into the lines Windows PowerShell 5.1 prints.
// The engine gets `renderer` from the composition root; the output cmdlets use the rest.

import type { OutputRenderer } from '../protocol/host.js';
import type { ErrorRecord } from '../protocol/errors.js';
import { errorLines } from './error-view.js';
import { listItems, parsePropertyArgs, tableData, type FormatProperty, type TableRequest } from './format-commands.js';
import { renderList, type ListItem } from './list.js';
import { OutDefaultStream, outDefaultLines } from './out-default.js';
import { renderTable, type TableData } from './table.js';
import { PSHashtable, ScriptBlockValue } from '../protocol/values.js';
import { newSessionViews, sessionViewsOf, useSessionViews } from './views.js';

export { FormatOutput } from './format-output.js';
export { renderWide } from './wide.js';
export { registerView, findView, type ViewSpec, type ColumnSpec, type GroupBySpec } from './views.js';
export { displayValue, dateLongText, propertyNames, propertyValue, FORMAT_ENUMERATION_LIMIT } from './display.js';
export { errorLines, positionLines, parseErrorsText, categoryInfoText } from './error-view.js';
export { OutDefaultStream } from './out-default.js';
export { calculatedPropertyKey, parsePropertyArgs, PropertyArgError, scriptBlocksOf, tableData, listItems } from './format-commands.js';
export type { FormatProperty, Evaluate, TableRequest } from './format-commands.js';

/** The console leaves its last column unused (5.1's ConsoleLineOutput), so tables fit in width - 1. */
export function consoleScreen(width: number): number {
  return Math.max(1, width - 1);
}

export const renderer: OutputRenderer = {
  outDefault(width, emit) {
    const s = new OutDefaultStream(consoleScreen(width), emit);
    return { write: (v) => s.write(v), end: () => s.end() };
  },
  errorLines(record: ErrorRecord, width: number) {
    return errorLines(record, width);
  },
  newFormatTable: newSessionViews,
  useFormatTable(table) {
    return useSessionViews(sessionViewsOf(table));
  },
};

/** A table's lines; a "table" of scalars only is just their text. */
export function renderTableData(data: TableData, screen: number): string[] {
  if (data.columns.length === 0) return data.items.flatMap((it) => (it.kind === 'lines' ? it.lines : []));
  return renderTable(data, screen);
}

/** A list's lines; scalars only are just their text. */
export function renderListItems(items: ListItem[], screen: number): string[] {
  if (!items.some((it) => it.kind === 'entry')) return items.flatMap((it) => (it.kind === 'lines' ? it.lines : []));
  return renderList(items, screen);
}

/**
 * Format-Table's lines at a screen width. Calculated expressions that are script blocks need
 * `invoke` (synchronous; cmdlets evaluate them beforehand through ctx.invoke).
 */
export function formatTable(
  objects: unknown[],
  opts: { properties?: (string | PSHashtable)[]; autoSize?: boolean; wrap?: boolean; hideTableHeaders?: boolean },
  width: number,
  invoke?: (block: ScriptBlockValue, obj: unknown) => unknown,
): string[] {
  const req: TableRequest = {
    properties: parsePropertyArgs(opts.properties, 'table'),
    autoSize: opts.autoSize,
    wrap: opts.wrap,
    hideTableHeaders: opts.hideTableHeaders,
  };
  return renderTableData(tableData(objects, req, invoke), width);
}

/** Format-List's lines at a screen width. */
export function formatList(
  objects: unknown[],
  opts: { properties?: (string | PSHashtable)[] },
  width: number,
  invoke?: (block: ScriptBlockValue, obj: unknown) => unknown,
): string[] {
  const props: FormatProperty[] = parsePropertyArgs(opts.properties, 'list');
  return renderListItems(listItems(objects, props, invoke), width);
}

/** What Out-String / Out-File / Out-Host produce for these values at a width. */
export function outStringLines(values: unknown[], width: number): string[] {
  return outDefaultLines(values, width);
}

/** Out-Host and Out-Default on the console: lines at the console's usable width. */
export function consoleLines(values: unknown[], width: number): string[] {
  return outDefaultLines(values, consoleScreen(width));
}

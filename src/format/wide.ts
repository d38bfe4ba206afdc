// Format-Wide's layout: one value per object in columns across the screen (5.1's wide view).
import { fitCell } from './table.js';
import { displayWidth } from '../protocol/text-width.js';

/**
 * The lines of a wide view: `columns` equal columns across the screen (2 by default), or with
 * `autoSize` as many columns of the widest value as fit. Values too long for their column end in
 * `...`. A blank line before, two after, as tables have.
 */
export function renderWide(values: string[], screen: number, columns?: number, autoSize = false): string[] {
  if (values.length === 0) return [];
  let count = columns ?? 2;
  let colWidth: number;
  if (autoSize && columns === undefined) {
    // Columns as wide as the widest value, as many as fit.
    colWidth = Math.min(screen, Math.max(...values.map(displayWidth)));
    count = Math.max(1, Math.floor((screen + 1) / (colWidth + 1)));
  } else {
    colWidth = Math.max(1, Math.floor((screen + 1) / count) - 1);
  }
  count = Math.max(1, Math.min(count, values.length));
  const lines = [''];
  for (let i = 0; i < values.length; i += count) {
    const row = values.slice(i, i + count).map((v) => fitCell(v, colWidth, 'Left'));
    lines.push(row.join(' ').trimEnd());
  }
  lines.push('', '');
  return lines;
}

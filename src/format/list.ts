// List layout as Windows PowerShell 5.1 prints it: `Label : Value`, labels padded to the longest
// label of the entry, values wrapped at the screen width and continued under the value column.

import type { MessageStream } from '../protocol/stream-records.js';

export type ListItem =
  | { kind: 'entry'; pairs: [label: string, value: string][] }
  /** Lines printed in sequence inside the block (out-of-band objects). */
  | { kind: 'lines'; lines: string[]; stream?: MessageStream };

const SEPARATOR = ' : ';

/** Cuts a line into pieces of at most `width` characters (lists wrap without word breaking). */
function chunk(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const out: string[] = [];
  for (let i = 0; i < line.length; i += width) out.push(line.slice(i, i + width));
  return out;
}

/** The lines of one list entry. */
export function listEntryLines(pairs: [string, string][], screen: number): string[] {
  let labelWidth = 0;
  for (const [label] of pairs) if (label.length > labelWidth) labelWidth = label.length;
  // Labels longer than (screen - 4) are cut.
  labelWidth = Math.max(1, Math.min(labelWidth, screen - 4));
  const valueWidth = Math.max(1, screen - labelWidth - SEPARATOR.length);
  const indent = ' '.repeat(labelWidth + SEPARATOR.length);
  const out: string[] = [];
  for (const [label, value] of pairs) {
    const head = label.length > labelWidth ? label.slice(0, labelWidth) : label.padEnd(labelWidth);
    const pieces: string[] = [];
    for (const l of value.split(/\r?\n/)) pieces.push(...chunk(l, valueWidth));
    pieces.forEach((p, i) => out.push(((i === 0 ? head + SEPARATOR : indent) + p).trimEnd()));
  }
  return out;
}

/**
 * Writes one list block with 5.1's blank lines: two empty lines before the first entry
 * (format start and group start), one after each entry, and two more at the end.
 */
export class ListBlockWriter {
  constructor(
    private readonly screen: number,
    private readonly emit: (line: string, stream?: MessageStream) => void,
  ) {}

  start(): void {
    this.emit('');
    this.emit('');
  }

  item(it: ListItem): void {
    if (it.kind === 'lines') {
      for (const l of it.lines) this.emit(l, it.stream);
      return;
    }
    for (const l of listEntryLines(it.pairs, this.screen)) this.emit(l);
    this.emit('');
  }

  end(): void {
    this.emit('');
    this.emit('');
  }
}

export function renderList(items: ListItem[], screen: number): string[] {
  const out: string[] = [];
  const w = new ListBlockWriter(screen, (l) => out.push(l));
  w.start();
  for (const it of items) w.item(it);
  w.end();
  return out;
}

// CSV as Windows PowerShell 5.1 writes and reads it: `#TYPE <type name>` first (unless
// -NoTypeInformation), a header of the first object's property names, every value in double
// quotes ($null as nothing), `"` doubled inside values.

import { stateKey, type CmdletContext } from '../../protocol/cmdlet.js';
import { listSeparator } from '../../protocol/culture.js';
import { PSObject, typeNamesOf } from '../../protocol/values.js';
import { propertyNames, propertyValue } from '../../format/index.js';
import { valueToString } from '../../format/display.js';

/** The delimiter: -UseCulture's is the first character of the current culture's list separator. */
export function csvDelimiter(params: { Delimiter?: string | null; UseCulture?: boolean }, ctx: CmdletContext): string {
  if (params.UseCulture) return listSeparator(ctx.services)[0]!;
  return params.Delimiter ?? ',';
}

function quote(v: unknown): string {
  if (v === null || v === undefined) return '';
  return '"' + valueToString(v).replace(/"/g, '""') + '"';
}

/** CSV lines for objects: the type line, the header (from the first object), one line per object. */
export function toCsvLines(objects: unknown[], opts: { delimiter?: string; noTypeInformation?: boolean; noHeader?: boolean; names?: string[] }): string[] {
  const objs = objects.filter((o) => o !== null && o !== undefined);
  if (objs.length === 0) return [];
  const d = opts.delimiter ?? ',';
  const names = opts.names ?? propertyNames(objs[0]);
  const lines: string[] = [];
  if (!opts.noHeader) {
    if (!opts.noTypeInformation) lines.push(`#TYPE ${typeNamesOf(objs[0])[0] ?? 'System.Object'}`);
    lines.push(names.map(quote).join(d));
  }
  for (const o of objs) lines.push(names.map((n) => quote(propertyValue(o, n))).join(d));
  return lines;
}

/**
 * Reads CSV records as 5.1's ImportCsvHelper does: blanks before a field are skipped, a quote
 * opens a quoted field only at its start (elsewhere it is kept with the rest of the field), after
 * a closing quote the text up to the next delimiter is kept (trimmed when it is only blanks).
 */
class CsvReader {
  private pos = 0;
  constructor(
    private readonly text: string,
    private readonly delimiter: string,
  ) {}

  get eof(): boolean {
    return this.pos >= this.text.length;
  }

  /** The rest of the line (its line break read too). */
  readLine(): string {
    const m = /\r\n|\r|\n/g;
    m.lastIndex = this.pos;
    const hit = m.exec(this.text);
    const line = this.text.slice(this.pos, hit ? hit.index : this.text.length);
    this.pos = hit ? hit.index + hit[0].length : this.text.length;
    return line;
  }

  peek(ch: string): boolean {
    return this.text[this.pos] === ch;
  }

  /** A line break at ch (`\r\n` read whole), or undefined. */
  private newLine(ch: string): string | undefined {
    if (ch === '\r') {
      if (this.peek('\n')) {
        this.pos++;
        return '\r\n';
      }
      return '\r';
    }
    return ch === '\n' ? '\n' : undefined;
  }

  /** The text up to the next delimiter or line break; true when the record ended. */
  private tillDelimiter(trimBlanks: boolean): { text: string; end: boolean } {
    let t = '';
    let nonBlank = false;
    while (true) {
      if (this.eof) return { text: trimBlanks && !nonBlank ? t.trim() : t, end: true };
      const ch = this.text[this.pos++]!;
      if (ch === this.delimiter) break;
      if (this.newLine(ch) !== undefined) return { text: trimBlanks && !nonBlank ? t.trim() : t, end: true };
      t += ch;
      if (ch !== ' ' && ch !== '\t') nonBlank = true;
    }
    return { text: trimBlanks && !nonBlank ? t.trim() : t, end: false };
  }

  /** The next record's fields; none at the end of the text. */
  record(): string[] {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    while (!this.eof) {
      const ch = this.text[this.pos++]!;
      if (ch === this.delimiter) {
        if (quoted) cur += ch;
        else {
          out.push(cur);
          cur = '';
        }
      } else if (ch === '"') {
        if (quoted) {
          if (this.peek('"')) {
            this.pos++;
            cur += '"';
          } else {
            quoted = false;
            const rest = this.tillDelimiter(true);
            out.push(cur + rest.text);
            cur = '';
            if (rest.end) return out;
          }
        } else if (cur.length === 0) quoted = true;
        else {
          const rest = this.tillDelimiter(false);
          out.push(cur + ch + rest.text);
          cur = '';
          if (rest.end) return out;
        }
      } else if (ch === ' ' || ch === '\t') {
        if (quoted) cur += ch;
        else if (cur.length > 0) {
          const rest = this.tillDelimiter(true);
          out.push(cur + ch + rest.text);
          cur = '';
          if (rest.end) return out;
        }
      } else {
        const nl = this.newLine(ch);
        if (nl === undefined) cur += ch;
        else if (quoted) cur += nl;
        else {
          out.push(cur);
          return out;
        }
      }
    }
    if (cur.length) out.push(cur);
    return out;
  }
}

/** Splits CSV text into records of fields, as Import-Csv reads them. */
export function parseCsvRecords(text: string, delimiter = ','): string[][] {
  const reader = new CsvReader(text, delimiter);
  const records: string[][] = [];
  while (!reader.eof) {
    const r = reader.record();
    if (r.length) records.push(r);
  }
  return records;
}

/** The type of a first line starting with `#` (which is read whatever it says). */
function readTypeLine(reader: CsvReader): string | undefined {
  if (!reader.peek('#')) return undefined;
  const line = reader.readLine();
  return /^#type/i.test(line) ? line.slice(5).trim() || undefined : undefined;
}

/** The first record not starting with `#` (or a `#Fields: ` one), trailing empty names dropped. */
function readHeader(reader: CsvReader): string[] | undefined {
  while (!reader.eof) {
    const values = reader.record();
    while (values.length > 1 && values[values.length - 1] === '') values.pop();
    if (values.length && values[0]!.startsWith('#Fields: ')) {
      values[0] = values[0]!.slice(9);
      return values;
    }
    if (!(values.length && values[0]!.startsWith('#'))) return values;
  }
  return undefined;
}

/** The column names of existing CSV text (what Export-Csv -Append writes under). */
export function csvHeader(text: string, delimiter: string): string[] | undefined {
  const reader = new CsvReader(text, delimiter);
  readTypeLine(reader);
  return readHeader(reader);
}

/** `One or more headers were not specified...`: written once per command when a column had no name. */
export const UNNAMED_HEADER_WARNING = 'One or more headers were not specified. Default names starting with "H" have been used in place of any missing headers.';

const WARNED = stateKey<{ done: boolean }>('CSV unnamed-header warning');

/** The `unnamed` option of fromCsv for a command: the warning, written once per command. */
export function warnUnnamedOnce(ctx: CmdletContext): () => void {
  return () => {
    const w = ctx.runState(WARNED, () => ({ done: false }));
    if (w.done) return;
    w.done = true;
    ctx.writeWarning(UNNAMED_HEADER_WARNING);
  };
}

/**
 * Objects from CSV text as 5.1's Import-Csv makes them: a first line starting with `#` is read
 * as the type line (`#TYPE X` types the objects `X` and `CSV:X`); then the first record that does
 * not start with `#` names the properties (trailing empty names dropped; a `#Fields: ` line, W3C
 * log style, names them too), unless `header` is given. Blank lines are skipped; a column without
 * a name is `H1`, `H2`... (`unnamed` is told), or left out when the delimiter is a double quote.
 */
export function fromCsv(text: string, opts: { delimiter?: string; header?: (string | null)[] | null; unnamed?: () => void }): PSObject[] {
  const delimiter = opts.delimiter ?? ',';
  const reader = new CsvReader(text, delimiter);
  const type = readTypeLine(reader);
  const header = opts.header ? opts.header.map((h) => h ?? '') : readHeader(reader);
  const out: PSObject[] = [];
  if (!header) return out;
  while (!reader.eof) {
    const values = reader.record();
    if (values.length === 0) break;
    if (values.length === 1 && values[0] === '') continue;
    const o = type ? new PSObject([type, `CSV:${type}`]) : new PSObject();
    let unnamed = 0;
    header.forEach((h, i) => {
      if (h === '' && delimiter === '"') return;
      o.addNote(h === '' ? `H${++unnamed}` : h, i < values.length ? values[i]! : null);
    });
    if (unnamed) opts.unnamed?.();
    out.push(o);
  }
  return out;
}

// CSV as Windows PowerShell 5.1 writes and reads it: `#TYPE <type name>` first (unless
// -NoTypeInformation), a header of the first object's property names, every value in double
// quotes ($null as nothing), `"` doubled inside values.

import { PSObject, typeNamesOf } from '../../protocol/values.js';
import { propertyNames, propertyValue } from '../../format/index.js';
import { valueToString } from '../../format/display.js';

function quote(v: unknown): string {
  if (v === null || v === undefined) return '';
  return '"' + valueToString(v).replace(/"/g, '""') + '"';
}

/** CSV lines for objects: the type line, the header (from the first object), one line per object. */
export function toCsvLines(objects: unknown[], opts: { delimiter?: string; noTypeInformation?: boolean; noHeader?: boolean }): string[] {
  const objs = objects.filter((o) => o !== null && o !== undefined);
  if (objs.length === 0) return [];
  const d = opts.delimiter ?? ',';
  const names = propertyNames(objs[0]);
  const lines: string[] = [];
  if (!opts.noHeader) {
    if (!opts.noTypeInformation) lines.push(`#TYPE ${typeNamesOf(objs[0])[0] ?? 'System.Object'}`);
    lines.push(names.map(quote).join(d));
  }
  for (const o of objs) lines.push(names.map((n) => quote(propertyValue(o, n))).join(d));
  return lines;
}

/** Splits CSV text into records of fields (quoted fields may hold the delimiter, "" and newlines). */
export function parseCsvRecords(text: string, delimiter = ','): string[][] {
  const records: string[][] = [];
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let sawAny = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"') {
      quoted = true;
      sawAny = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      sawAny = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (sawAny || field.length > 0) {
        fields.push(field);
        records.push(fields);
      }
      fields = [];
      field = '';
      sawAny = false;
    } else {
      field += ch;
      sawAny = true;
    }
  }
  if (sawAny || field.length > 0) {
    fields.push(field);
    records.push(fields);
  }
  return records;
}

/** Objects from CSV text: `#TYPE` skipped, the first record (or `header`) names the properties. */
export function fromCsv(text: string, opts: { delimiter?: string; header?: (string | null)[] | null }): PSObject[] {
  let body = text;
  const first = body.match(/^[^\r\n]*/)![0];
  if (/^#TYPE/i.test(first)) body = body.slice(first.length).replace(/^\r?\n/, '');
  const records = parseCsvRecords(body, opts.delimiter ?? ',');
  const header = opts.header ?? records.shift() ?? [];
  return records.map((r) => {
    const o = new PSObject();
    // A $null in -Header (`-Header @('a', $null)`) names a property with an empty name.
    header.forEach((h, i) => o.addNote(h ?? '', i < r.length ? r[i]! : null));
    return o;
  });
}

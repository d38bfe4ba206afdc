// Format-Custom's generic view (5.1's complex view for types without a custom view): each object
// as `class TypeName { Property = value }`, objects inside objects nested to -Depth levels and
// collections inside objects as `[ ... ]`, two spaces per level.

import { ErrorRecord } from '../protocol/errors.js';
import { PSHashtable, typeNamesOf } from '../protocol/values.js';
import { dictionaryEntry, isCollection, isScalar, propertyValue, valueToString } from './display.js';
import { defaultPropertyNames } from './display.js';

/** A property to show: a name, or a label with a reader (calculated property). */
export interface CustomProperty {
  label: string;
  read: (obj: unknown) => unknown;
}

function shortTypeName(v: unknown): string {
  const full = typeNamesOf(v)[0] ?? 'System.Object';
  const plain = full.replace(/^Deserialized\./, '');
  return plain.slice(plain.lastIndexOf('.') + 1);
}

function isLeaf(v: unknown): boolean {
  return v === null || v === undefined || isScalar(v) || v instanceof Date || v instanceof ErrorRecord;
}

function itemsOf(v: unknown): unknown[] | undefined {
  if (v instanceof PSHashtable) return v.entries().map(([k, val]) => dictionaryEntry(k, val));
  if (isCollection(v)) return Array.from(v);
  return undefined;
}

function objectLines(obj: unknown, indent: string, depth: number, props: CustomProperty[] | undefined, out: string[]): void {
  out.push(`${indent}class ${shortTypeName(obj)}`, `${indent}{`);
  const inner = indent + '  ';
  const shown = props ?? defaultPropertyNames(obj).map((n) => ({ label: n, read: (o: unknown) => propertyValue(o, n) }));
  for (const p of shown) {
    const v = p.read(obj);
    const items = itemsOf(v);
    if (isLeaf(v) || (depth <= 1 && !items)) {
      out.push(`${inner}${p.label} = ${valueToString(v)}`);
    } else if (items) {
      out.push(`${inner}${p.label} = `, `${inner}  [`);
      for (const item of items) valueLines(item, inner + '    ', depth - 1, out);
      out.push(`${inner}  ]`, `${inner}  `);
    } else {
      out.push(`${inner}${p.label} = `);
      objectLines(v, inner + '  ', depth - 1, undefined, out);
    }
  }
  out.push(`${indent}}`);
}

function valueLines(v: unknown, indent: string, depth: number, out: string[]): void {
  if (isLeaf(v) || depth <= 0) out.push(`${indent}${valueToString(v)}`);
  else objectLines(v, indent, depth, undefined, out);
}

/** The lines of one top-level object (without the blank lines around the block). */
export function customLines(obj: unknown, depth: number, props?: CustomProperty[]): string[] {
  if (isLeaf(obj)) return [valueToString(obj)];
  const out: string[] = [];
  objectLines(obj, '', depth, props, out);
  return out;
}

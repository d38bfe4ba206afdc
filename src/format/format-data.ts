// Format data as *.format.ps1xml files hold it: Update-FormatData loads a file's table and list
// views into the view database, Get-FormatData describes the views as XML elements (the built-in
// ones too), and Export-FormatData writes those elements back out as a file.

import { child, childText, type XmlElement } from './ps1xml.js';
import { allViews, sessionViews, type ColumnSpec, type FormatDefinition, type ViewSpec } from './views.js';

export type { FormatDefinition } from './views.js';

const CONTROLS = ['TableControl', 'ListControl', 'WideControl', 'CustomControl'];

function el(name: string, children: XmlElement[] = [], text = ''): XmlElement {
  return { name, children, text };
}

/** Runs a view's <ScriptBlock> for a value; undefined when the block cannot run synchronously. */
export type ScriptCompiler = (text: string) => ((self: unknown) => unknown) | undefined;

function columnItem(item: XmlElement | undefined, compile: ScriptCompiler): { property?: string; value?: (o: unknown) => unknown } {
  if (!item) return {};
  const property = childText(item, 'PropertyName');
  if (property !== undefined) return { property };
  const script = childText(item, 'ScriptBlock');
  if (script !== undefined) {
    const fn = compile(script);
    return { value: fn ? (o) => fn(o) : () => null };
  }
  return {};
}

const ALIGNMENTS: Record<string, ColumnSpec['alignment']> = { left: 'Left', right: 'Right', center: 'Center' };

function tableColumns(control: XmlElement, compile: ScriptCompiler): ColumnSpec[] {
  const headers = child(control, 'TableHeaders')?.children ?? [];
  const entry = child(control, 'TableRowEntries')?.children[0];
  const items = entry ? (child(entry, 'TableColumnItems')?.children ?? []) : [];
  return items.map((item, i) => {
    const h = headers[i];
    const read = columnItem(item, compile);
    // An empty <Label/> is no label: the header is the property's name.
    const label = (h && childText(h, 'Label')) || read.property || '';
    const width = h ? Number(childText(h, 'Width') ?? '') : NaN;
    const align = (h && childText(h, 'Alignment'))?.toLowerCase() ?? childText(item, 'Alignment')?.toLowerCase();
    return { label, ...read, width: width > 0 ? width : undefined, alignment: ALIGNMENTS[align ?? ''] };
  });
}

function listProperties(control: XmlElement, compile: ScriptCompiler): ColumnSpec[] {
  const entry = child(control, 'ListEntries')?.children[0];
  return (entry ? (child(entry, 'ListItems')?.children ?? []) : []).map((item) => {
    const read = columnItem(item, compile);
    return { label: childText(item, 'Label') ?? read.property ?? '', ...read };
  });
}

/**
 * Reads a <Configuration> document: its views (or the first error, worded as 5.1's format loader
 * does). Attributes anywhere are ignored.
 */
export function readFormatXml(root: XmlElement, file: string): FormatDefinition[] | string {
  const where = `Error in file "${file}"`;
  if (root.name !== 'Configuration') return `${where}: The node ${root.name} is not allowed. The following nodes are allowed: Configuration.`;
  const out: FormatDefinition[] = [];
  for (const view of child(root, 'ViewDefinitions')?.children ?? []) {
    const name = childText(view, 'Name');
    if (!name) return `${where}: A View node must have a Name.`;
    const selected = child(view, 'ViewSelectedBy');
    const typeNames = (selected?.children ?? []).filter((c) => c.name === 'TypeName' || c.name === 'SelectionSetName').map((c) => c.text.trim());
    if (typeNames.length === 0) return `${where}: View Name = ${name}: The ViewSelectedBy node is missing or has no TypeName.`;
    if (!view.children.some((c) => CONTROLS.includes(c.name))) {
      return `${where}: View Name = ${name}: The view has no control: there must be one of TableControl, ListControl, WideControl, CustomControl.`;
    }
    out.push({ typeNames, name, element: view });
  }
  return out;
}

/**
 * Puts loaded definitions into the session's views (`prepend`: before the views already there),
 * one view per <View> and type name, under the view's own name (-View finds it by that name).
 */
export function installFormatDefinitions(defs: FormatDefinition[], prepend: boolean, compile: ScriptCompiler): void {
  const specs: ViewSpec[] = [];
  for (const d of defs) {
    const table = child(d.element, 'TableControl');
    const list = child(d.element, 'ListControl');
    if (!table && !list) continue;
    const columns = table && tableColumns(table, compile);
    const properties = list && listProperties(list, compile);
    for (const typeName of d.typeNames) {
      specs.push({
        typeName,
        name: d.name,
        shape: table ? 'table' : 'list',
        ...(columns ? { table: { columns } } : {}),
        ...(properties ? { list: { properties } } : {}),
      });
    }
  }
  const session = sessionViews();
  if (prepend) {
    session.before.unshift(...specs);
    session.loaded.unshift(...defs);
  } else {
    session.after.push(...specs);
    session.loaded.push(...defs);
  }
}

/** A built-in view as the <View> elements a format file would hold (one per control). */
function viewElements(v: ViewSpec): XmlElement[] {
  const text = (name: string, value: string) => el(name, [], value);
  const item = (c: ColumnSpec) => (c.property || !c.value ? text('PropertyName', c.property ?? c.label) : text('ScriptBlock', '$_'));
  const controls: XmlElement[] = [];
  if (v.table) {
    const headers = v.table.columns.map((c) =>
      el('TableColumnHeader', [text('Label', c.label), ...(c.width ? [text('Width', String(c.width))] : []), ...(c.alignment ? [text('Alignment', c.alignment)] : [])]),
    );
    const items = v.table.columns.map((c) => el('TableColumnItem', [item(c)]));
    controls.push(el('TableControl', [el('TableHeaders', headers), el('TableRowEntries', [el('TableRowEntry', [el('TableColumnItems', items)])])]));
  }
  if (v.list) {
    const items = v.list.properties.map((c) => el('ListItem', [...(c.property && c.property !== c.label ? [text('Label', c.label)] : []), item(c)]));
    controls.push(el('ListControl', [el('ListEntries', [el('ListEntry', [el('ListItems', items)])])]));
  }
  if (controls.length === 0) controls.push(el('CustomControl', [el('CustomEntries')]));
  return controls.map((c) => el('View', [text('Name', v.name ?? v.typeName), el('ViewSelectedBy', [text('TypeName', v.typeName)]), c]));
}

/** Every view definition the session has: loaded files' first, then the built-in views. */
export function formatDefinitions(): FormatDefinition[] {
  const loadedDefs = sessionViews().loaded;
  const names = new Set(loadedDefs.flatMap((d) => d.typeNames.map((t) => `${t.toLowerCase()}|${d.name.toLowerCase()}`)));
  const builtIn = allViews()
    .filter((v) => !names.has(`${v.typeName.toLowerCase()}|${(v.name ?? v.typeName).toLowerCase()}`))
    .flatMap((v) => viewElements(v).map((element) => ({ typeNames: [v.typeName], name: v.name ?? v.typeName, element })));
  return [...loadedDefs, ...builtIn];
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function elementLines(e: XmlElement, indent: string, out: string[]): void {
  if (e.children.length === 0) {
    const t = e.text.trim();
    out.push(t === '' ? `${indent}<${e.name} />` : `${indent}<${e.name}>${escape(t)}</${e.name}>`);
    return;
  }
  out.push(`${indent}<${e.name}>`);
  for (const c of e.children) elementLines(c, indent + '  ', out);
  out.push(`${indent}</${e.name}>`);
}

/** A format file of these views, indented by two spaces as Export-FormatData writes it. */
export function formatFileText(views: XmlElement[]): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  elementLines(el('Configuration', [el('ViewDefinitions', views)]), '', out);
  return out.join('\r\n');
}

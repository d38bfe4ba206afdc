// The format database: per type name, the default shape and columns (PowerShell's
// *.format.ps1xml views). Domain modules register their views at load time.

import { typeNamesOf } from '../protocol/values.js';

export interface ColumnSpec {
  label: string;
  /** Property read with getMember; `value` wins when both are given. */
  property?: string;
  value?: (obj: unknown) => unknown;
  /** Fixed width; absent: computed from the content (max of label and cells). */
  width?: number;
  /** Absent: left, as in a format.ps1xml view (generated columns right-align numbers). */
  alignment?: 'Left' | 'Right';
}

export interface GroupBySpec {
  label: string;
  value: (obj: unknown) => string;
  /**
   * The group header lines for a value. Default: `   {label}: {value}` (PowerShell's generic
   * group label). FileSystem-style views use `['    Directory: C:\x', '']`.
   */
  lines?: (value: string) => string[];
}

export interface ViewSpec {
  /** Matched against typeNamesOf(obj) in order; first registered match wins. */
  typeName: string;
  /** The view's name (-View, Get-FormatData); absent: the type name. */
  name?: string;
  /** What Out-Default uses. */
  shape: 'table' | 'list' | 'custom';
  table?: { columns: ColumnSpec[]; groupBy?: GroupBySpec };
  list?: { properties: ColumnSpec[] };
  /**
   * shape 'custom' (a format.ps1xml CustomControl, e.g. MatchInfo): the lines of one object.
   * The block prints a blank line before the first object and two after the last, as 5.1 does.
   */
  custom?: (obj: unknown) => string[];
}

const views = new Map<string, ViewSpec>();

/**
 * Registers a view; a later registration for the same type name does not replace the first,
 * unless `replace` (Update-FormatData -PrependPath puts a file's views before the built-in ones).
 */
export function registerView(spec: ViewSpec, replace = false): void {
  const key = spec.typeName.toLowerCase();
  if (replace || !views.has(key)) views.set(key, spec);
}

/** Every registered view (Get-FormatData). */
export function allViews(): ViewSpec[] {
  return [...views.values()];
}

/** The view for a value: the first of its type names (most derived first) that has one. */
export function findView(value: unknown): ViewSpec | undefined {
  for (const t of typeNamesOf(value)) {
    const v = views.get(t.toLowerCase());
    if (v) return v;
  }
  return undefined;
}

/** The view registered for one type name (case-insensitive), without walking a value's type names. */
export function viewForTypeName(typeName: string): ViewSpec | undefined {
  return views.get(typeName.toLowerCase());
}

/** True when the view applies to the value (one of its type names is the view's). */
export function viewApplies(view: ViewSpec, value: unknown): boolean {
  const key = view.typeName.toLowerCase();
  return typeNamesOf(value).some((t) => t.toLowerCase() === key);
}

export function groupHeaderLines(g: GroupBySpec, value: string): string[] {
  return g.lines ? g.lines(value) : [`   ${g.label}: ${value}`];
}

// Views PowerShell itself ships that emsh's core values need.
registerView({
  typeName: 'System.Collections.DictionaryEntry',
  shape: 'table',
  table: { columns: [{ label: 'Name', property: 'Name', width: 30 }, { label: 'Value', property: 'Value' }] },
  list: { properties: [{ label: 'Name', property: 'Name' }, { label: 'Value', property: 'Value' }] },
});

// Get-Member's output: one autosized table per type under a `   TypeName: X` header.
registerView({
  typeName: 'Microsoft.PowerShell.Commands.MemberDefinition',
  shape: 'table',
  table: {
    columns: [
      { label: 'Name', property: 'Name', alignment: 'Left' },
      { label: 'MemberType', property: 'MemberType', alignment: 'Left' },
      { label: 'Definition', property: 'Definition', alignment: 'Left' },
    ],
    groupBy: {
      label: 'TypeName',
      value: (o) => String((o as { get?(n: string): unknown }).get?.('TypeName') ?? ''),
    },
  },
});

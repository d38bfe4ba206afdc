// The format database: per type name, the default shape and columns (PowerShell's
// *.format.ps1xml views). Domain modules register their views at load time.

import { typeNamesOf } from '../protocol/values.js';
import type { XmlElement } from './ps1xml.js';
import type { FormatTable } from '../protocol/host.js';

export interface ColumnSpec {
  label: string;
  /** Property read with getMember; `value` wins when both are given. */
  property?: string;
  value?: (obj: unknown) => unknown;
  /** Fixed width; absent: computed from the content (max of label and cells). */
  width?: number;
  /** Absent: left, as in a format.ps1xml view (generated columns right-align numbers). */
  alignment?: 'Left' | 'Right' | 'Center';
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

/** The views PowerShell itself ships (registered by the modules at load time): one per type. */
const views = new Map<string, ViewSpec>();

/**
 * The views one session (runspace) loaded with Update-FormatData, in load order: `before` the
 * built-in ones (-PrependPath), `after` them (-AppendPath). Each runspace has its own, as each
 * has its own format table in PowerShell; `loaded` is what Get-FormatData describes of them.
 */
export interface SessionViews extends FormatTable {
  /** False in a runspace whose InitialSessionState's Formats were cleared. */
  builtIn: boolean;
  before: ViewSpec[];
  after: ViewSpec[];
  loaded: FormatDefinition[];
}

/** One view definition of a format file: the types it is for and its <View> element. */
export interface FormatDefinition {
  typeNames: string[];
  name: string;
  element: XmlElement;
}

export function newSessionViews(builtIn = true): SessionViews {
  return { kind: 'FormatTable', builtIn, before: [], after: [], loaded: [] };
}

let session: SessionViews = newSessionViews();

/** The views behind a FormatTable the engine holds (only newSessionViews makes them). */
export function sessionViewsOf(table: FormatTable): SessionViews {
  if (!('before' in table)) throw new Error('a FormatTable that src/format did not make');
  return table as SessionViews;
}

/** Makes a session's views the ones formatting sees; returns the ones it replaces (to restore). */
export function useSessionViews(v: SessionViews): SessionViews {
  const previous = session;
  session = v;
  return previous;
}

export function sessionViews(): SessionViews {
  return session;
}

/**
 * Registers a view; a later registration for the same type name does not replace the first,
 * unless `replace`.
 */
export function registerView(spec: ViewSpec, replace = false): void {
  const key = spec.typeName.toLowerCase();
  if (replace || !views.has(key)) views.set(key, spec);
}

/** Every built-in view the session has (Get-FormatData). */
export function allViews(): ViewSpec[] {
  return session.builtIn ? [...views.values()] : [];
}

/** Which view: by name (-View), and one that has the control the command needs. */
export interface ViewQuery {
  name?: string;
  fits?: (v: ViewSpec) => boolean;
}

/** A type's views in the order PowerShell tries them: prepended files, built-in, appended files. */
function viewsOfType(key: string): ViewSpec[] {
  const builtIn = session.builtIn ? views.get(key) : undefined;
  if (session.before.length === 0 && session.after.length === 0) return builtIn ? [builtIn] : [];
  const of = (list: ViewSpec[]) => list.filter((v) => v.typeName.toLowerCase() === key);
  return [...of(session.before), ...(builtIn ? [builtIn] : []), ...of(session.after)];
}

function viewName(v: ViewSpec): string {
  return v.name ?? v.typeName;
}

/**
 * The view for a value: for the first of its type names (most derived first) that has one that
 * matches the query, the first such view.
 */
export function findView(value: unknown, query?: ViewQuery): ViewSpec | undefined {
  const name = query?.name?.toLowerCase();
  for (const t of typeNamesOf(value)) {
    for (const v of viewsOfType(t.toLowerCase())) {
      if (name !== undefined && viewName(v).toLowerCase() !== name) continue;
      if (query?.fits && !query.fits(v)) continue;
      return v;
    }
  }
  return undefined;
}

/** Every view of a value's types that matches the query (FormatViewNotFound lists their names). */
export function viewsFor(value: unknown, query: ViewQuery = {}): ViewSpec[] {
  return typeNamesOf(value).flatMap((t) => viewsOfType(t.toLowerCase()).filter((v) => !query.fits || query.fits(v)));
}

/** The view registered for one type name (case-insensitive), without walking a value's type names. */
export function viewForTypeName(typeName: string): ViewSpec | undefined {
  return viewsOfType(typeName.toLowerCase())[0];
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

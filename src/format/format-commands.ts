// The data behind Format-Table and Format-List: which columns (view, -Property names with
// wildcards, calculated properties) and the cell text of every object. Script-block expressions
// are evaluated by the caller (cmdlets run them through ctx.invoke) and handed in as `evaluate`.

import { PSHashtable, ScriptBlockValue, toDisplayText } from '../protocol/values.js';
import { defaultPropertyNames, displayValue, expandForFormat, isScalar, propertyNames, propertyValue, valueToString } from './display.js';
import { columnsFromNames, columnsFromSpecs, defaultListColumns, tableColumns, type ColumnSource } from './out-default.js';
import { errorLines } from './error-view.js';
import { ErrorRecord } from '../protocol/errors.js';
import { formatString } from '../protocol/operators.js';
import { compileWildcard, hasWildcard, type Wildcard } from '../protocol/wildcard.js';
import type { ListItem } from './list.js';
import type { Alignment, TableData, TableItem } from './table.js';
import { findView, groupHeaderLines, type GroupBySpec } from './views.js';

/** One -Property argument after parsing. */
export interface FormatProperty {
  label: string;
  /** A property name (may hold wildcards) or a script block run with $_ = the object. */
  source: string | ScriptBlockValue;
  width?: number;
  alignment?: Alignment;
  /** .NET format applied to the value (`N2`, `yyyy-MM-dd`), as `-f '{0:N2}'` would. */
  formatString?: string;
  /** Set by the caller for names holding wildcards. */
  wildcard?: Wildcard;
}

/** A bad calculated-property hashtable; cmdlets turn it into an error record. */
export class PropertyArgError extends Error {
  constructor(
    message: string,
    readonly errorId: string,
  ) {
    super(message);
  }
}

export type Evaluate = (block: ScriptBlockValue, obj: unknown) => unknown;

const TABLE_KEYS = ['Name', 'Label', 'Expression', 'FormatString', 'Width', 'Alignment'];
const LIST_KEYS = ['Name', 'Label', 'Expression', 'FormatString'];

/**
 * The key of a calculated-property hashtable a typed key means: any unique prefix (any case) of
 * one of the keys the cmdlet allows (`n`, `e`, `exp` ...); undefined when none or several match.
 */
export function calculatedPropertyKey(typed: string, allowed: readonly string[]): string | undefined {
  const key = typed.toLowerCase();
  const matches = key === '' ? [] : allowed.filter((a) => a.toLowerCase().startsWith(key));
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * Parses -Property arguments: names (wildcards allowed), script blocks, and hashtables whose
 * keys may be any unique prefix of Name/Label/Expression/FormatString/Width/Alignment.
 */
export function parsePropertyArgs(args: unknown[] | undefined, kind: 'table' | 'list'): FormatProperty[] {
  const allowed = kind === 'table' ? TABLE_KEYS : LIST_KEYS;
  const out: FormatProperty[] = [];
  for (const arg of args ?? []) {
    if (arg instanceof PSHashtable) {
      const p: Partial<FormatProperty> = {};
      for (const [k, v] of arg.entries()) {
        // 'Name' and 'Label' mean the same thing; any other ambiguity or unknown key is illegal.
        const key = calculatedPropertyKey(String(k), allowed);
        if (!key) throw new PropertyArgError(`The ${String(k)} key is not valid.`, 'DictionaryKeyIllegal');
        switch (key) {
          case 'Name':
          case 'Label':
            p.label = toDisplayText(v);
            break;
          case 'Expression':
            p.source = v instanceof ScriptBlockValue ? v : toDisplayText(v);
            break;
          case 'Width': {
            const n = Number(v);
            if (!Number.isInteger(n) || n < 1) throw new PropertyArgError(`The Width key has a value that is not valid.`, 'FormatTableWidthKeyValueNotValid');
            p.width = n;
            break;
          }
          case 'Alignment': {
            const a = toDisplayText(v).toLowerCase();
            if (!['left', 'right', 'center'].includes(a)) throw new PropertyArgError(`The Alignment key has a value that is not valid.`, 'FormatTableAlignmentKeyValueNotValid');
            p.alignment = a === 'right' ? 'Right' : a === 'center' ? 'Center' : 'Left';
            break;
          }
          case 'FormatString':
            p.formatString = toDisplayText(v);
            break;
        }
      }
      if (p.source === undefined) throw new PropertyArgError('Missing mandatory key Expression', 'DictionaryKeyMissingExpression');
      out.push({ ...p, label: p.label ?? (typeof p.source === 'string' ? p.source : p.source.text.trim()), source: p.source });
    } else if (arg instanceof ScriptBlockValue) {
      out.push({ label: arg.text.trim(), source: arg });
    } else {
      const name = toDisplayText(arg);
      out.push({ label: name, source: name, wildcard: hasWildcard(name) ? compileWildcard(name) : undefined });
    }
  }
  return out;
}

/** Script blocks of these properties, for callers that evaluate them ahead of formatting. */
export function scriptBlocksOf(props: FormatProperty[]): ScriptBlockValue[] {
  return props.flatMap((p) => (p.source instanceof ScriptBlockValue ? [p.source] : []));
}

/** Properties → columns against an object (wildcards expanded against its property names). */
function resolveColumns(props: FormatProperty[], obj: unknown, evaluate: Evaluate | undefined, kind: 'table' | 'list' = 'table'): ColumnSource[] {
  const cols: ColumnSource[] = [];
  let names: string[] | undefined;
  for (const p of props) {
    if (p.wildcard) {
      const re = p.wildcard;
      const names = propertyNames(obj).filter((n) => re.test(n));
      cols.push(...columnsFromNames(names));
      continue;
    }
    const src = p.source;
    // A list leaves out a name the object does not have; a table keeps its column, empty.
    if (kind === 'list' && typeof src === 'string' && !(names ??= propertyNames(obj).map((n) => n.toLowerCase())).includes(src.toLowerCase())) continue;
    const raw =
      typeof src === 'string'
        ? (o: unknown) => propertyValue(o, src)
        : (o: unknown) => (evaluate ? evaluate(src, o) : null);
    const fmt = p.formatString;
    const read = fmt ? (o: unknown) => applyFormat(raw(o), fmt) : raw;
    cols.push({ label: p.label, width: p.width, alignment: p.alignment, read });
  }
  return cols;
}

function applyFormat(v: unknown, fmt: string): unknown {
  if (v === null || v === undefined) return v;
  try {
    return formatString(`{0:${fmt}}`, [v]);
  } catch {
    return v;
  }
}

function oobLines(v: unknown): string[] {
  if (v instanceof ErrorRecord) return [...errorLines(v), ''];
  return valueToString(v).split(/\r?\n/);
}

export interface TableRequest {
  properties?: FormatProperty[];
  autoSize?: boolean;
  wrap?: boolean;
  hideTableHeaders?: boolean;
  /** -View: the name of the table view to use (checked beforehand by the cmdlet). */
  view?: string;
  /** -GroupBy: a property name or script block; groups print `   Label: value` headers. */
  groupBy?: FormatProperty;
}

/**
 * What Format-Table shows for these objects. Scalars (without -Property) print as their text;
 * returns columns [] when no object gives a table.
 */
export function tableData(objects: unknown[], req: TableRequest, evaluate?: Evaluate): TableData {
  const items: TableItem[] = [];
  let cols: ColumnSource[] | undefined;
  let columns: TableData['columns'] = [];
  let group: GroupBySpec | undefined;
  let current: string | undefined;
  const explicit = req.properties && req.properties.length > 0;
  for (const obj of objects.flatMap((o) => [...expandForFormat(o)])) {
    if (!explicit && (isScalar(obj) || obj instanceof ErrorRecord)) {
      items.push({ kind: 'lines', lines: oobLines(obj) });
      continue;
    }
    if (!cols) {
      const view = explicit ? undefined : findView(obj, { name: req.view, fits: (v) => v.table !== undefined });
      if (explicit) cols = resolveColumns(req.properties!, obj, evaluate);
      else if (view?.table) {
        cols = columnsFromSpecs(view.table.columns);
        group = view.table.groupBy;
      } else cols = columnsFromNames(defaultPropertyNames(obj).slice(0, 10));
      // -AutoSize sizes view columns from the content too; a calculated Width still holds.
      columns = tableColumns(req.autoSize && !explicit ? cols.map((c) => ({ ...c, width: undefined })) : cols, obj);
      if (req.groupBy) {
        const g = req.groupBy;
        const read = resolveColumns([g], obj, evaluate)[0]!.read;
        group = { label: g.label, value: (o) => displayValue(read(o)) };
      }
    }
    if (group) {
      const g = group.value(obj);
      if (g !== current) {
        current = g;
        items.push({ kind: 'group', header: groupHeaderLines(group, g) });
      }
    }
    items.push({ kind: 'row', cells: cols.map((c) => displayValue(c.read(obj))) });
  }
  return { columns, items, wrap: req.wrap, hideHeaders: req.hideTableHeaders, autoSize: req.autoSize };
}

/** What Format-List shows: one entry per object (its list view, or the given / all properties). */
export function listItems(objects: unknown[], properties: FormatProperty[] | undefined, evaluate?: Evaluate, view?: string): ListItem[] {
  const items: ListItem[] = [];
  const explicit = properties && properties.length > 0;
  for (const obj of objects.flatMap((o) => [...expandForFormat(o)])) {
    if (!explicit && (isScalar(obj) || obj instanceof ErrorRecord)) {
      items.push({ kind: 'lines', lines: oobLines(obj) });
      continue;
    }
    const cols = explicit ? resolveColumns(properties!, obj, evaluate, 'list') : defaultListColumns(obj, view);
    items.push({ kind: 'entry', pairs: cols.map((c) => [c.label, displayValue(c.read(obj))]) });
  }
  return items;
}

// The format-data objects of System.Management.Automation as scripts and Get-FormatData make them:
// ExtendedTypeDefinition (a type's views), FormatViewDefinition (a named view), the controls
// (TableControl, ListControl...) and the builders of ListControl::Create() / TableControl::Create().
// Each object stands for format-file elements (<View>, <TableControl>...), which Export-FormatData
// writes; the element shape is the one src/format/ps1xml.ts reads files into.

import { convertToString } from './convert.js';
import { PSObject } from './values.js';

const SMA = 'System.Management.Automation';

/** A format-file element: its name, child elements and text. */
export interface FormatElement {
  name: string;
  children: FormatElement[];
  text: string;
}

export const EXTENDED_TYPE_DEFINITION = `${SMA}.ExtendedTypeDefinition`;
export const FORMAT_VIEW_DEFINITION = `${SMA}.FormatViewDefinition`;
export const LIST_CONTROL = `${SMA}.ListControl`;
export const TABLE_CONTROL = `${SMA}.TableControl`;

/** The type names scripts may use ([T]::new(), List[T], [T]::Create()). */
export const FORMAT_OBJECT_TYPES = [EXTENDED_TYPE_DEFINITION, FORMAT_VIEW_DEFINITION, LIST_CONTROL, TABLE_CONTROL, `${SMA}.PSControl`, `${SMA}.WideControl`, `${SMA}.CustomControl`];

function el(name: string, children: FormatElement[] = [], text = ''): FormatElement {
  return { name, children, text };
}

/** The <XControl> element a control object stands for. */
const CONTROLS = new WeakMap<PSObject, FormatElement>();
/** The <View> elements an ExtendedTypeDefinition stands for. */
const VIEWS = new WeakMap<PSObject, FormatElement[]>();
/** The <View> element of a FormatViewDefinition (for a type name given later). */
const VIEW_PARTS = new WeakMap<PSObject, { name: string; control: FormatElement }>();

/** A control object (TableControl, ListControl...) for its element. */
export function controlObject(control: FormatElement): PSObject {
  const o = new PSObject([`${SMA}.${control.name}`, `${SMA}.PSControl`, 'System.Object']);
  CONTROLS.set(o, control);
  return o;
}

/** A FormatViewDefinition: its Name and Control. */
export function formatViewDefinition(name: string, control: PSObject): PSObject {
  const o = new PSObject([FORMAT_VIEW_DEFINITION, 'System.Object']);
  o.addNote('Name', name);
  o.addNote('Control', control);
  const element = CONTROLS.get(control);
  if (element) VIEW_PARTS.set(o, { name, control: element });
  return o;
}

/**
 * An ExtendedTypeDefinition for a type and its views: `views` as FormatViewDefinitions (the
 * constructor's list), or as <View> elements already (Get-FormatData, from the view database).
 */
export function extendedTypeDefinition(typeName: string, views: { definitions: PSObject[]; elements?: FormatElement[] }): PSObject {
  const o = new PSObject([EXTENDED_TYPE_DEFINITION, 'System.Object']);
  o.addNote('TypeName', typeName);
  o.addNote('TypeNames', [typeName]);
  o.addNote('FormatViewDefinition', views.definitions);
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => typeName });
  VIEWS.set(
    o,
    views.elements ??
      views.definitions.flatMap((d) => {
        const part = VIEW_PARTS.get(d);
        return part ? [el('View', [el('Name', [], part.name), el('ViewSelectedBy', [el('TypeName', [], typeName)]), part.control])] : [];
      }),
  );
  return o;
}

/** The <View> elements an ExtendedTypeDefinition stands for (Export-FormatData). */
export function viewElementsOf(o: unknown): FormatElement[] | undefined {
  return o instanceof PSObject ? VIEWS.get(o) : undefined;
}

/** A builder object whose methods return builders (chained calls). */
function builder(typeName: string, methods: Record<string, (args: unknown[]) => unknown>): PSObject {
  const o = new PSObject([`${SMA}.${typeName}`, 'System.Object']);
  for (const [name, invoke] of Object.entries(methods)) o.addMethod({ name, invoke });
  return o;
}

/** `[ListControl]::Create()`: StartEntry().AddItemProperty('x')...EndEntry().EndList(). */
export function listControlBuilder(): PSObject {
  const entries: FormatElement[] = [];
  const control: PSObject = builder('ListControlBuilder', {
    StartEntry: () => {
      const items: FormatElement[] = [];
      const entry: PSObject = builder('ListEntryBuilder', {
        AddItemProperty: (a) => {
          const label = a.length > 1 && a[1] !== null && a[1] !== undefined ? [el('Label', [], convertToString(a[1]))] : [];
          items.push(el('ListItem', [...label, el('PropertyName', [], convertToString(a[0]))]));
          return entry;
        },
        AddItemScriptBlock: (a) => {
          const label = a.length > 1 && a[1] !== null && a[1] !== undefined ? [el('Label', [], convertToString(a[1]))] : [];
          items.push(el('ListItem', [...label, el('ScriptBlock', [], convertToString(a[0]))]));
          return entry;
        },
        EndEntry: () => {
          entries.push(el('ListEntry', [el('ListItems', items)]));
          return control;
        },
      });
      return entry;
    },
    EndList: () => controlObject(el('ListControl', [el('ListEntries', entries)])),
  });
  return control;
}

/** `[TableControl]::Create()`: AddHeader(...), StartRowDefinition().AddPropertyColumn('x')...EndRowDefinition().EndTable(). */
export function tableControlBuilder(): PSObject {
  const headers: FormatElement[] = [];
  const rows: FormatElement[] = [];
  const control: PSObject = builder('TableControlBuilder', {
    AddHeader: (a) => {
      const [alignment, width, label] = a;
      const parts = [
        ...(label !== undefined && label !== null ? [el('Label', [], convertToString(label))] : []),
        ...(width !== undefined && width !== null && Number(width) > 0 ? [el('Width', [], convertToString(width))] : []),
        ...(alignment !== undefined && alignment !== null && convertToString(alignment) !== 'Undefined' ? [el('Alignment', [], convertToString(alignment))] : []),
      ];
      headers.push(el('TableColumnHeader', parts));
      return control;
    },
    StartRowDefinition: () => {
      const items: FormatElement[] = [];
      const row: PSObject = builder('TableRowDefinitionBuilder', {
        AddPropertyColumn: (a) => {
          items.push(el('TableColumnItem', [el('PropertyName', [], convertToString(a[0]))]));
          return row;
        },
        AddScriptBlockColumn: (a) => {
          items.push(el('TableColumnItem', [el('ScriptBlock', [], convertToString(a[0]))]));
          return row;
        },
        EndRowDefinition: () => {
          rows.push(el('TableRowEntry', [el('TableColumnItems', items)]));
          return control;
        },
      });
      return row;
    },
    EndTable: () => controlObject(el('TableControl', [el('TableHeaders', headers), el('TableRowEntries', rows)])),
  });
  return control;
}

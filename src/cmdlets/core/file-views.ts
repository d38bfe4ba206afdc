// The 5.1 FileSystem views: children grouped by folder with Mode, LastWriteTime, Length, Name;
// PathInfo (Get-Location) as a one-column table; a file's streams (Get-Item -Stream) grouped by
// file with Stream and Length.

import { registerView, type ColumnSpec } from '../../format/views.js';
import { PSObject } from '../../protocol/values.js';
import { FILE_TYPES, lastWriteColumn, PATHINFO_TYPES, PROVIDER } from './file-common.js';

const prop = (o: unknown, name: string): unknown => (o instanceof PSObject ? o.get(name) : null);

/** The folder of an item as the group header shows it (PSParentPath without the provider). */
function parentFolder(o: unknown): string {
  const parent = String(prop(o, 'PSParentPath') ?? '');
  return parent.startsWith(`${PROVIDER}::`) ? parent.slice(PROVIDER.length + 2) : parent;
}

const columns: ColumnSpec[] = [
  { label: 'Mode', property: 'Mode', width: 7, alignment: 'Left' },
  {
    label: 'LastWriteTime',
    width: 25,
    alignment: 'Right',
    value: (o) => {
      const d = prop(o, 'LastWriteTime');
      return d instanceof Date ? lastWriteColumn(d) : '';
    },
  },
  // Folders have no Length: read the object's own property, not the intrinsic Length (1) of any value.
  { label: 'Length', width: 14, alignment: 'Right', value: (o) => prop(o, 'Length') },
  { label: 'Name', property: 'Name', alignment: 'Left' },
];

const groupBy = {
  label: 'Directory',
  value: parentFolder,
  lines: (folder: string) => [`    Directory: ${folder}`, ''],
};

const list: ColumnSpec[] = [
  { label: 'Name', property: 'Name' },
  { label: 'Length', value: (o) => prop(o, 'Length') },
  { label: 'CreationTime', property: 'CreationTime' },
  { label: 'LastWriteTime', property: 'LastWriteTime' },
  { label: 'LastAccessTime', property: 'LastAccessTime' },
  { label: 'Mode', property: 'Mode' },
];

// One view for both (5.1's FileSystemTypes selection set), so a listing of folders and files
// stays one table: registered on the base type both objects carry.
registerView({ typeName: FILE_TYPES[1]!, shape: 'table', table: { columns, groupBy }, list: { properties: list } });

registerView({
  typeName: PATHINFO_TYPES[0]!,
  shape: 'table',
  table: { columns: [{ label: 'Path', property: 'Path', alignment: 'Left' }] },
});

registerView({
  typeName: 'Microsoft.PowerShell.Commands.AlternateStreamData',
  name: 'FileSystemStream',
  shape: 'table',
  table: {
    columns: [
      { label: 'Stream', property: 'Stream', width: 20, alignment: 'Left' },
      { label: 'Length', property: 'Length', width: 10, alignment: 'Right' },
    ],
    groupBy: { label: 'FileName', value: (o) => String(prop(o, 'FileName') ?? '') },
  },
});

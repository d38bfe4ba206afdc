// The 5.1 format views of the objects this group of cmdlets writes (PowerShell's
// DotNetTypes.format.ps1xml / PowerShellCore.format.ps1xml), registered at load time.

import { registerView } from '../../format/views.js';
import { getMember } from '../../protocol/members.js';
import { PSHashtable } from '../../protocol/values.js';

registerView({
  typeName: 'System.Management.Automation.CommandInfo',
  shape: 'table',
  table: {
    columns: [
      { label: 'CommandType', property: 'CommandType', width: 15 },
      // Aliases show as `? -> Where-Object`.
      {
        label: 'Name',
        width: 50,
        value: (o) => (getMember(o, 'CommandType') === 'Alias' ? getMember(o, 'DisplayName') : getMember(o, 'Name')),
      },
      { label: 'Version', property: 'Version', width: 10 },
      { label: 'Source', property: 'Source' },
    ],
  },
});

registerView({
  typeName: 'System.Version',
  shape: 'table',
  table: {
    columns: [
      { label: 'Major', property: 'Major', width: 6 },
      { label: 'Minor', property: 'Minor', width: 6 },
      { label: 'Build', property: 'Build', width: 6 },
      { label: 'Revision', property: 'Revision', width: 8 },
    ],
  },
});

registerView({
  typeName: 'System.Management.Automation.PSModuleInfo',
  shape: 'table',
  table: {
    columns: [
      { label: 'ModuleType', property: 'ModuleType', width: 10 },
      { label: 'Version', property: 'Version', width: 10 },
      { label: 'Name', property: 'Name', width: 35 },
      // The keys of the ExportedCommands dictionary, as `{Get-A, Get-B}`.
      { label: 'ExportedCommands', value: (o) => { const d = getMember(o, 'ExportedCommands'); return d instanceof PSHashtable ? d.keys() : d; } },
    ],
  },
});

registerView({
  typeName: 'Microsoft.PowerShell.Commands.GroupInfoNoElement',
  shape: 'table',
  table: {
    columns: [
      { label: 'Count', property: 'Count', width: 5, alignment: 'Right' },
      { label: 'Name', property: 'Name' },
    ],
  },
});

registerView({
  typeName: 'Microsoft.PowerShell.Commands.GroupInfo',
  shape: 'table',
  table: {
    columns: [
      { label: 'Count', property: 'Count', width: 5, alignment: 'Right' },
      { label: 'Name', property: 'Name', width: 25 },
      { label: 'Group', property: 'Group' },
    ],
  },
});

registerView({
  typeName: 'Microsoft.PowerShell.Commands.HistoryInfo',
  shape: 'table',
  table: {
    columns: [
      { label: 'Id', property: 'Id', width: 4, alignment: 'Right' },
      { label: 'CommandLine', property: 'CommandLine' },
    ],
  },
});

registerView({
  typeName: 'Microsoft.PowerShell.Commands.GenericMeasureInfo',
  shape: 'list',
  list: {
    properties: ['Count', 'Average', 'Sum', 'Maximum', 'Minimum', 'Property'].map((p) => ({ label: p, property: p })),
  },
});

// CultureInfo (Get-Culture): LCID, Name and DisplayName in columns of 16 and 16.
registerView({
  typeName: 'System.Globalization.CultureInfo',
  shape: 'table',
  table: {
    columns: [
      { label: 'LCID', property: 'LCID', width: 16, alignment: 'Left' },
      { label: 'Name', property: 'Name', width: 16 },
      { label: 'DisplayName', property: 'DisplayName' },
    ],
  },
});

// What Get-Variable and Set-Variable write: PSVariable objects, shown as 5.1 shows them
// (a Name / Value table).

import { registerView } from '../../format/views.js';
import { PSObject } from '../../protocol/values.js';

export const PSVARIABLE = 'System.Management.Automation.PSVariable';

export function variableObject(name: string, value: unknown): PSObject {
  const v = new PSObject([PSVARIABLE, 'System.Object']);
  v.addNote('Name', name);
  v.addNote('Value', value);
  v.addNote('Description', '');
  v.addNote('Options', 'None');
  v.addNote('Visibility', 'Public');
  v.addMethod({ name: 'ToString', invoke: () => name });
  return v;
}

registerView({
  typeName: PSVARIABLE,
  shape: 'table',
  table: { columns: [{ label: 'Name', property: 'Name', width: 30 }, { label: 'Value', property: 'Value' }] },
});

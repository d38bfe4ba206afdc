// System.Guid values, as [guid]::NewGuid(), [guid]::Parse and New-Guid make them.
import { convertToString } from './convert.js';
import { PSObject } from './values.js';

/** A Guid object for its canonical text (lower-case, with hyphens); ToString('N') drops the hyphens. */
export function guidObject(text: string): PSObject {
  const o = new PSObject(['System.Guid', 'System.ValueType', 'System.Object']);
  o.addProperty({ name: 'Guid', memberType: 'Property', typeName: 'System.String', get: () => text });
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: (a) => (a.length && /^n$/i.test(convertToString(a[0])) ? text.replace(/-/g, '') : text) });
  return o;
}

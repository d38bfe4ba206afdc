// New-Guid: a new random System.Guid (Windows PowerShell 5.1 has no parameters; -Empty and
// -InputObject came in PowerShell 7).

import { randomUUID } from 'node:crypto';
import { defineCmdlet } from '../../protocol/cmdlet.js';
import { guidObject } from '../../protocol/guid.js';

export default defineCmdlet({
  name: 'New-Guid',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Creates a GUID.',
  description: 'The New-Guid cmdlet creates a random globally unique identifier (GUID), a System.Guid object.',
  parameters: {},
  outputType: ['System.Guid'],
  examples: [
    { code: '(New-Guid).ToString().Length', remarks: 'A GUID as text has 36 characters: 32 hexadecimal digits and four hyphens.', shows: '36' },
    { code: '(New-Guid).GetType().FullName', remarks: 'New-Guid writes a System.Guid.', shows: 'System.Guid' },
  ],
  related: ['New-Object'],
  end(_params, ctx) {
    ctx.write(guidObject(randomUUID()));
  },
});

// New-Guid: a random System.Guid (version 4). (-Empty and -InputObject came with PowerShell 7.)

import { randomUUID } from 'node:crypto';
import { defineCmdlet } from '../../protocol/cmdlet.js';
import { guidValue } from '../../protocol/guid.js';

export default defineCmdlet({
  name: 'New-Guid',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Creates a GUID.',
  description: 'The New-Guid cmdlet creates a random globally unique identifier (GUID), a System.Guid object.',
  parameters: {},
  outputType: ['System.Guid'],
  examples: [{ code: '(New-Guid).Guid', remarks: 'A new GUID as text.', shows: '-' }],
  process(_p, ctx) {
    ctx.write(guidValue(randomUUID()));
  },
});

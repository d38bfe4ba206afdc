// Copy-Item: copies files and folders on the lab drive (and to other machines' drives
// through \\NAME\c$).

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { copyOrMove } from './copy-move.js';
import { pathParameters } from './file-common.js';

export default defineCmdlet({
  name: 'Copy-Item',
  aliases: ['copy', 'cp', 'cpi'],
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Copies an item from one location to another.',
  description:
    'The Copy-Item cmdlet copies files and folders on the lab drive. When the destination is an ' +
    'existing folder the item is copied into it; otherwise the copy gets the destination name. ' +
    'A folder is copied with its contents only with -Recurse. \\\\NAME\\c$ paths reach the drive ' +
    'of another lab machine, for example to move a certificate export to an Edge server.',
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    ...pathParameters({ mandatory: true, fromPipeline: true, pathHelp: 'Specifies the items to copy.' }),
    Destination: {
      type: 'String',
      sets: { [ALL_SETS]: { position: 1, fromPipelineByPropertyName: true } },
      help: 'Specifies the path to copy to. The default is the current location.',
      defaultText: 'Current directory',
    },
    Recurse: { type: 'Switch', help: 'Copies the contents of folders too.' },
    Force: { type: 'Switch', help: 'Accepted for compatibility; existing files are overwritten.' },
    PassThru: { type: 'Switch', help: 'Writes the copied item to the pipeline.' },
    Container: { type: 'Switch', help: 'Accepted for compatibility; folder structure is always preserved.' },
  },
  outputType: ['System.IO.FileInfo', 'System.IO.DirectoryInfo'],
  examples: [
    {
      setup: "Set-Content C:\\cert.req 'request'",
      code: 'Copy-Item C:\\cert.req C:\\Users\\Administrator\\Documents; Get-Content C:\\Users\\Administrator\\Documents\\cert.req',
      remarks: 'Copies a file into a folder.',
      shows: 'request',
    },
    {
      setup: "Set-Content C:\\cert.req 'request'",
      code: 'Copy-Item C:\\cert.req C:\\cert-copy.req -PassThru | Select-Object -ExpandProperty Name',
      remarks: 'Copies a file to a new name and shows the copy.',
      shows: 'cert-copy.req',
    },
  ],
  related: ['Move-Item', 'Remove-Item', 'Get-ChildItem'],
  async process(params, ctx) {
    await copyOrMove(params, ctx, false);
  },
});

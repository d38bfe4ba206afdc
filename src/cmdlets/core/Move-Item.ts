// Move-Item: moves (or renames) files and folders on the lab drive.

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { copyOrMove } from './copy-move.js';
import { pathParameters } from './file-common.js';

export default defineCmdlet({
  name: 'Move-Item',
  aliases: ['move', 'mv', 'mi'],
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Moves an item from one location to another.',
  description:
    'The Move-Item cmdlet moves files and folders on the lab drive, with their contents. When the ' +
    'destination is an existing folder the item moves into it; otherwise it gets the destination ' +
    'name. An existing file at the destination is an error unless -Force is used.',
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    ...pathParameters({ mandatory: true, fromPipeline: true, pathHelp: 'Specifies the items to move.' }),
    Destination: {
      type: 'String',
      sets: { [ALL_SETS]: { position: 1, fromPipelineByPropertyName: true } },
      help: 'Specifies the path to move to. The default is the current location.',
      defaultText: 'Current directory',
    },
    Force: { type: 'Switch', help: 'Overwrites an existing file at the destination.' },
    PassThru: { type: 'Switch', help: 'Writes the moved item to the pipeline.' },
  },
  outputType: ['System.IO.FileInfo', 'System.IO.DirectoryInfo'],
  examples: [
    {
      setup: "Set-Content C:\\a.txt 'x'",
      code: 'Move-Item C:\\a.txt C:\\b.txt; Test-Path C:\\a.txt, C:\\b.txt',
      remarks: 'Renames a file by moving it.',
      shows: 'False\nTrue',
    },
  ],
  related: ['Copy-Item', 'Remove-Item'],
  async process(params, ctx) {
    await copyOrMove({ ...params, Recurse: true }, ctx, true);
  },
});

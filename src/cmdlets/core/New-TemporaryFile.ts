// New-TemporaryFile: makes an empty file with a unique name (tmpXXXX.tmp) in the user's temporary
// folder on the lab drive ([System.IO.Path]::GetTempPath()), as Path.GetTempFileName does, and
// returns its FileInfo. The folder is made when the lab's machine does not have it yet.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { TEMP_FOLDER, newTempFile } from '../../protocol/temp-files.js';
import { commandError, fileSystemInfo } from './file-common.js';

export default defineCmdlet({
  name: 'New-TemporaryFile',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Creates a temporary file.',
  description:
    'The New-TemporaryFile cmdlet creates an empty file with a unique name (tmpXXXX.tmp) in the user\'s ' +
    'temporary folder and returns it as a FileInfo object.',
  supportsShouldProcess: true,
  parameters: {},
  outputType: ['System.IO.FileInfo'],
  examples: [{ code: '(New-TemporaryFile).Extension', remarks: 'Creates a temporary file.', shows: '.tmp' }],
  related: ['New-Item'],
  async process(_params, ctx) {
    if (!(await ctx.shouldProcess(TEMP_FOLDER, 'New-TemporaryFile'))) return;
    try {
      const file = newTempFile(ctx.fs);
      ctx.write(fileSystemInfo(ctx.fs, ctx.fs.stat(file)!));
    } catch (err) {
      ctx.fail(commandError(ctx, err));
    }
  },
});

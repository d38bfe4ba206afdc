// Rename-Item (ren, rni): gives a file or folder on the lab drive a new name in the same folder.
// The new name is a name, not a path (a full path is accepted when it names the same folder).

import { defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import { attempt, fileSystemInfo, parentOf } from './file-common.js';

function renameError(ctx: CmdletContext, message: string, errorId: string, category: 'InvalidOperation' | 'InvalidArgument' | 'WriteError', exceptionType: string, target: string): void {
  ctx.writeError(ctx.error({ message, errorId, category, exceptionType, targetObject: target }));
}

export default defineCmdlet({
  name: 'Rename-Item',
  aliases: ['ren', 'rni'],
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Renames an item in a PowerShell provider namespace.',
  description:
    'The Rename-Item cmdlet changes the name of a file or folder on the lab drive; the item stays in ' +
    'its folder (use Move-Item to move it). The content, alternate data streams and the ReadOnly ' +
    'attribute go with it. A name that is already taken is an error.',
  defaultParameterSet: 'ByPath',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    Path: {
      type: 'String',
      sets: { ByPath: { position: 0, mandatory: true, fromPipeline: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the path of the item to rename.',
    },
    LiteralPath: {
      type: 'String',
      aliases: ['PSPath'],
      sets: { ByLiteralPath: { mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the path of the item, used exactly as typed.',
    },
    NewName: {
      type: 'String',
      sets: { __AllParameterSets: { position: 1, mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the new name of the item: a name only (a path must name the same folder).',
    },
    Force: { type: 'Switch', help: 'Accepted for compatibility.' },
    PassThru: { type: 'Switch', help: 'Writes the renamed item to the pipeline.' },
  },
  outputType: ['System.IO.FileInfo', 'System.IO.DirectoryInfo'],
  examples: [
    {
      setup: "Set-Content C:\\draft.txt 'x'",
      code: 'Rename-Item C:\\draft.txt final.txt; Test-Path C:\\draft.txt, C:\\final.txt',
      remarks: 'Renames a file.',
      shows: 'False\nTrue',
    },
    {
      setup: "Set-Content C:\\a.log 'x'",
      code: '(Rename-Item C:\\a.log b.log -PassThru).FullName',
      remarks: 'Renames a file and writes the renamed item.',
      shows: 'C:\\b.log',
    },
  ],
  related: ['Move-Item', 'Copy-Item', 'Remove-Item'],
  async process(params, ctx) {
    const path = params.LiteralPath ?? params.Path ?? '';
    const newName = params.NewName ?? '';
    const location = ctx.session.getLocation();
    const source = attempt(ctx, () => ctx.fs.resolve(path, location));
    if (!source) return;
    const entry = ctx.fs.stat(source);
    if (!entry) {
      renameError(ctx, `Cannot rename because item at '${path}' does not exist.`, 'InvalidOperation', 'InvalidOperation', 'PSInvalidOperationException', path);
      return;
    }
    const folder = parentOf(ctx.fs, source);
    const target = attempt(ctx, () => ctx.fs.resolve(newName, folder?.display ?? source.display));
    if (!target) return;
    if (!folder || parentOf(ctx.fs, target)?.display.toLowerCase() !== folder.display.toLowerCase()) {
      renameError(ctx, 'Cannot rename the specified target, because it represents a path or device name.', 'Argument', 'InvalidArgument', 'PSArgumentException', path);
      return;
    }
    const kind = entry.isDirectory ? 'Directory' : 'File';
    if (!(await ctx.shouldProcess(`Item: ${source.display} Destination: ${target.display}`, `Rename ${kind}`))) return;
    if (target.display.toLowerCase() !== source.display.toLowerCase() && ctx.fs.exists(target)) {
      renameError(ctx, 'Cannot create a file when that file already exists.', `Rename${kind}ItemIOError`, 'WriteError', 'IOException', source.display);
      return;
    }
    const moved = attempt(ctx, () => {
      if (target.display.toLowerCase() !== source.display.toLowerCase()) {
        ctx.fs.move(source, target);
      } else {
        // Only the case changes: resolving finds the item's own spelling, so it goes through a
        // name that does not exist for a moment and then gets the new spelling as typed.
        let between = ctx.fs.resolve(`${entry.name}~rename`, folder.display);
        for (let i = 1; ctx.fs.exists(between); i++) between = ctx.fs.resolve(`${entry.name}~rename${i}`, folder.display);
        ctx.fs.move(source, between);
        ctx.fs.move(between, ctx.fs.resolve(newName, folder.display));
      }
      return true;
    });
    if (!moved || !params.PassThru) return;
    const renamed = ctx.fs.stat(ctx.fs.resolve(target.display, location));
    if (renamed) ctx.write(fileSystemInfo(ctx.fs, renamed));
  },
});

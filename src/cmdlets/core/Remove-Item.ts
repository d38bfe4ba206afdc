// Remove-Item: deletes files and folders. A folder with items asks first unless -Recurse
// (5.1's "has children" query; in a non-interactive host that prompt is an error).

import { defineCmdlet, type CmdletContext, type FileEntry } from '../../protocol/cmdlet.js';
import { aliasDrivePath, aliasItems, removeAlias } from './alias-drive.js';
import { envDrivePath, envItems, removeEnv } from './env-drive.js';
import { attempt, existingItems, matchingStreams, pathParameters, requestedPaths, writeForced } from './file-common.js';

export default defineCmdlet({
  name: 'Remove-Item',
  aliases: ['rm', 'del', 'ri', 'erase', 'rd', 'rmdir'],
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Deletes the specified items.',
  description:
    'The Remove-Item cmdlet deletes files and folders on the lab drive, and aliases (Alias:\\name). Wildcards select several ' +
    'items. Deleting a folder that has items asks for confirmation unless -Recurse is used. ' +
    '-WhatIf shows what would be deleted without deleting it.',
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    ...pathParameters({ mandatory: true, fromPipeline: true, pathHelp: 'Specifies the items to delete.' }),
    Recurse: { type: 'Switch', help: 'Deletes the items in the specified folders and in all their subfolders.' },
    Force: { type: 'Switch', help: 'Removes read-only files and read-only aliases (Alias:\\name).' },
    Stream: {
      type: 'String[]',
      help: "Deletes the file's alternate data streams with these names (wildcards), such as Zone.Identifier, instead of the file.",
    },
  },
  outputType: [],
  examples: [
    {
      setup: "Set-Content C:\\old.txt 'x'",
      code: 'Remove-Item C:\\old.txt; Test-Path C:\\old.txt',
      remarks: 'Deletes a file.',
      shows: 'False',
    },
    {
      setup: "Set-Content C:\\old.txt 'x'",
      code: 'Remove-Item C:\\old.txt -WhatIf',
      remarks: 'Shows what would be deleted.',
      shows: 'What if: Performing the operation "Remove File" on target "C:\\old.txt".',
    },
    {
      setup: "New-Item C:\\tmpcerts -ItemType Directory | Out-Null; Set-Content C:\\tmpcerts\\a.pfx 'x'",
      code: 'Remove-Item C:\\tmpcerts -Recurse; Test-Path C:\\tmpcerts',
      remarks: 'Deletes a folder and everything in it.',
      shows: 'False',
    },
  ],
  related: ['Get-ChildItem', 'New-Item'],
  async process(params, ctx) {
    const { items, literal } = requestedPaths(params);
    const files: string[] = [];
    for (const item of items) {
      const name = aliasDrivePath(item);
      const variable = envDrivePath(item);
      if (name !== undefined) {
        for (const a of aliasItems(ctx, name, literal)) if (await ctx.shouldProcess(`Item: ${a.name}`, 'Remove Alias')) removeAlias(ctx, a, Boolean(params.Force));
      } else if (variable !== undefined) {
        for (const v of envItems(ctx, variable, literal)) if (await ctx.shouldProcess(`Item: ${String(v.get('Key'))}`, 'Remove Item')) removeEnv(ctx, v);
      } else {
        files.push(item);
      }
    }
    if (!files.length) return;
    for (const entry of existingItems(ctx, literal ? { LiteralPath: files } : { Path: files })) {
      const p = entry.path;
      if (!ctx.fs.exists(p)) continue; // already gone with a folder removed earlier
      if (params.Stream) {
        if (!entry.isDirectory) await removeStreams(ctx, entry, params.Stream, Boolean(params.Force));
        continue;
      }
      const action = entry.isDirectory ? 'Remove Directory' : 'Remove File';
      if (!(await ctx.shouldProcess(p.display, action))) continue;
      if (entry.isDirectory && !params.Recurse) {
        const children = attempt(ctx, () => ctx.fs.list(p));
        if (children === undefined) continue;
        if (children.length > 0) {
          const query =
            `The item at ${p.display} has children and the Recurse parameter was not specified. ` +
            'If you continue, all children will be removed with the item. Are you sure you want to continue?';
          if (!(await ctx.shouldContinue(query, 'Confirm'))) continue;
        }
      }
      if (entry.readOnly && !params.Force) {
        ctx.writeError(readOnlyError(ctx, p.display));
        continue;
      }
      attempt(ctx, () => {
        if (entry.readOnly) ctx.fs.setReadOnly(p, false);
        ctx.fs.remove(p, true);
      });
    }
  },
});

/** 5.1's refusal to delete a read-only file without -Force. */
function readOnlyError(ctx: CmdletContext, display: string) {
  return ctx.error({
    message: `Cannot remove item ${display}: You do not have sufficient access rights to perform this operation.`,
    errorId: 'RemoveFileSystemItemUnAuthorizedAccess',
    category: 'PermissionDenied',
    exceptionType: 'IOException',
    targetObject: display,
  });
}

async function removeStreams(ctx: CmdletContext, entry: FileEntry, patterns: readonly (string | null)[], force: boolean): Promise<void> {
  for (const s of matchingStreams(ctx, entry, patterns)) {
    // The content is the file itself: Remove-Item -Stream removes only alternate streams.
    if (s.name === ':$DATA') continue;
    const stream = ctx.fs.stream(entry.path, s.name);
    if (!(await ctx.shouldProcess(`Item: ${stream.display}`, 'Remove Alternate Data Stream'))) continue;
    if (entry.readOnly && !force) {
      ctx.writeError(readOnlyError(ctx, stream.display));
      continue;
    }
    attempt(ctx, () => writeForced(ctx.fs, entry.path, force, () => ctx.fs.remove(stream)));
  }
}

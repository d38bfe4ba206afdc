// Get-Item: the FileInfo / DirectoryInfo of the items at the given paths (wildcards allowed).

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { aliasDrivePath, aliasItems } from './alias-drive.js';
import { aliasObject } from './aliases.js';
import { envDrivePath, envItems } from './env-drive.js';
import { alternateStreamData, existingItems, fileSystemInfo, matchingStreams, pathParameters, requestedPaths } from './file-common.js';

export default defineCmdlet({
  name: 'Get-Item',
  aliases: ['gi'],
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Gets the item at the specified location.',
  description:
    'The Get-Item cmdlet gets the file or folder at each path on the lab drive, as a FileInfo or ' +
    'DirectoryInfo object. It does not list a folder\'s contents (use Get-ChildItem). A wildcard ' +
    'path gets every matching item; a path that does not exist is an error.',
  defaultParameterSet: 'Path',
  parameters: {
    ...pathParameters({ mandatory: true, fromPipeline: true, pathHelp: 'Specifies the path to an item.' }),
    Force: { type: 'Switch', help: 'Accepted for compatibility; the lab drive has no hidden items.' },
    Stream: {
      type: 'String[]',
      help: "Gets the file's alternate data streams with these names (wildcards; * lists them all, :$DATA being the content) instead of the file.",
    },
  },
  outputType: ['System.IO.FileInfo', 'System.IO.DirectoryInfo'],
  examples: [
    {
      setup: "Set-Content C:\\demo.txt 'hello'",
      code: '(Get-Item C:\\demo.txt).Length',
      remarks: 'Gets a file and reads its size in bytes (the text plus CR LF).',
      shows: '7',
    },
    {
      code: 'Get-Item C:\\Windows | Select-Object -ExpandProperty FullName',
      remarks: 'Gets a folder.',
      shows: 'C:\\Windows',
    },
  ],
  related: ['Get-ChildItem', 'Test-Path'],
  process(params, ctx) {
    const { items, literal } = requestedPaths(params);
    const files = items.filter((item) => {
      const name = aliasDrivePath(item);
      if (name !== undefined) for (const a of aliasItems(ctx, name, literal)) ctx.write(aliasObject(ctx, a));
      const variable = envDrivePath(item);
      if (variable !== undefined) ctx.write(envItems(ctx, variable, literal), true);
      return name === undefined && variable === undefined;
    });
    if (!files.length) return;
    const streams = params.Stream;
    for (const entry of existingItems(ctx, literal ? { LiteralPath: files } : { Path: files })) {
      if (!streams) ctx.write(fileSystemInfo(ctx.fs, entry));
      // Folders have no streams to list.
      else if (!entry.isDirectory) for (const s of matchingStreams(ctx, entry, streams)) ctx.write(alternateStreamData(ctx.fs, entry, s));
    }
  },
});

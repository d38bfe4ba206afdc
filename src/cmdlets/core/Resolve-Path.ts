// Resolve-Path (rvpa): the items a path names on the lab drive, wildcards expanded, as PathInfo
// objects, or with -Relative as paths relative to the current location. A path that names
// nothing is the ItemNotFound error (PathNotFound).

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { attempt, expandPath, pathInfo, pathNotFound, requestedPaths } from './file-common.js';
import { relativePath } from './path-text.js';

export default defineCmdlet({
  name: 'Resolve-Path',
  aliases: ['rvpa'],
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Resolves the wildcard characters in a path, and displays the path contents.',
  description:
    'The Resolve-Path cmdlet writes the full paths of the items a path names on the lab drive, wildcards ' +
    'expanded, as PathInfo objects; -Relative writes them relative to the current location. A path that ' +
    'names no item is an error.',
  defaultParameterSet: 'Path',
  parameters: {
    Path: {
      type: 'String[]',
      sets: { Path: { position: 0, mandatory: true, fromPipeline: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the paths to resolve. Wildcards are permitted.',
    },
    LiteralPath: {
      type: 'String[]',
      aliases: ['PSPath'],
      sets: { LiteralPath: { mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies paths used exactly as typed: no character is interpreted as a wildcard.',
    },
    Relative: { type: 'Switch', help: 'Writes each path relative to the current location.' },
    Credential: { type: 'PSCredential', help: 'Not used by the FileSystem provider.' },
  },
  outputType: ['System.Management.Automation.PathInfo', 'System.String'],
  examples: [
    { code: "(Resolve-Path 'C:\\Windows\\sys*').Path", remarks: 'Expands a wildcard into the paths that exist.', shows: 'C:\\Windows\\system32' },
    { code: "Set-Location C:\\Windows; Resolve-Path .\\system32 -Relative", remarks: 'A path relative to the current location.', shows: '.\\system32' },
    {
      code: "Resolve-Path C:\\NoSuchFolder -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId",
      remarks: 'A path that does not exist is an error.',
      shows: 'PathNotFound,Microsoft.PowerShell.Commands.ResolvePathCommand',
    },
  ],
  related: ['Join-Path', 'Split-Path', 'Test-Path', 'Get-Item'],
  process(params, ctx) {
    const { items, literal } = requestedPaths(params);
    const location = ctx.session.getLocation();
    for (const item of items) {
      const found = attempt(ctx, () => (literal ? [ctx.fs.resolve(item, location)] : expandPath(ctx.fs, item, location)).filter((r) => ctx.fs.exists(r)));
      if (found === undefined) continue;
      if (found.length === 0) {
        const shown = literal || /[*?[]/.test(item) ? item : attempt(ctx, () => ctx.fs.resolve(item, location).display) ?? item;
        ctx.writeError(pathNotFound(ctx, shown));
        continue;
      }
      for (const r of found) ctx.write(params.Relative ? relativePath(r.display, location) : pathInfo(r.display));
    }
  },
});

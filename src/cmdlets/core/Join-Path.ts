// Join-Path: a path and a child path combined into one, with a single separator between them.
// Nothing needs to exist, except with -Resolve (then wildcards are expanded too).

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { hasWildcard } from '../../protocol/wildcard.js';
import { attempt, expandPath, pathNotFound } from './file-common.js';
import { joinPath, qualifierOf } from './path-text.js';

export default defineCmdlet({
  name: 'Join-Path',
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Combines a path and a child path into a single path.',
  description:
    'The Join-Path cmdlet combines a path and a child path into a single path, one separator between them. ' +
    'The path need not exist. With -Resolve the joined path is resolved on the lab drive: wildcards are ' +
    'expanded and a path that does not exist is an error.',
  defaultParameterSet: 'Default',
  parameters: {
    Path: {
      type: 'String[]',
      aliases: ['PSPath'],
      sets: { Default: { position: 0, mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the main paths to which the child path is appended.',
    },
    ChildPath: {
      type: 'String',
      allowEmptyString: true,
      sets: { Default: { position: 1, mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the element to append to the value of the Path parameter.',
    },
    Resolve: { type: 'Switch', help: 'Writes the resolved paths: wildcards expanded; a path that does not exist is an error.' },
    Credential: { type: 'PSCredential', help: 'Not used by the FileSystem provider.' },
  },
  outputType: ['System.String'],
  examples: [
    { code: "Join-Path 'C:\\certs\\' '\\export.pfx'", remarks: 'Joins two parts; the separators are merged into one.', shows: 'C:\\certs\\export.pfx' },
    { code: "Join-Path -Path 'C:\\Windows', 'C:\\inetpub' -ChildPath 'logs'", remarks: 'Appends the child to each path.', shows: 'C:\\Windows\\logs\nC:\\inetpub\\logs' },
    { code: "Join-Path 'C:\\Windows' 'sys*' -Resolve", remarks: 'Resolves the joined path: the wildcard gives the items that exist.', shows: 'C:\\Windows\\system32' },
  ],
  related: ['Split-Path', 'Resolve-Path', 'Test-Path'],
  process(params, ctx) {
    const child = String(params.ChildPath ?? '');
    for (const p of params.Path ?? []) {
      const joined = joinPath(p ?? '', child);
      if (!params.Resolve) {
        // The path is not resolved, but its drive must exist (as the provider checks it).
        if (qualifierOf(joined)?.endsWith(':') && attempt(ctx, () => ctx.fs.resolve(joined, ctx.session.getLocation())) === undefined) continue;
        ctx.write(joined);
        continue;
      }
      const found = attempt(ctx, () => expandPath(ctx.fs, joined, ctx.session.getLocation()).filter((r) => ctx.fs.exists(r)));
      if (found === undefined) continue;
      if (found.length === 0) {
        ctx.writeError(pathNotFound(ctx, hasWildcard(joined) ? joined : attempt(ctx, () => ctx.fs.resolve(joined, ctx.session.getLocation()).display) ?? joined));
        continue;
      }
      for (const r of found) ctx.write(r.display);
    }
  },
});

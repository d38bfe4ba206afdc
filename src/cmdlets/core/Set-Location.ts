// Set-Location: changes the current location to a folder on the lab drive (or another
// machine's drive through \\NAME\c$).

import { defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import { attempt, expandPath, pathInfo, pathNotFound, requestedPaths } from './file-common.js';
import { hasWildcard } from '../../protocol/wildcard.js';

/**
 * Makes the folder `item` names the current location (wildcards allowed when not literal); a path
 * that is no folder is PathNotFound. Returns the new location, or undefined when it did not change.
 */
export function changeLocation(ctx: CmdletContext, item: string, literal: boolean): string | undefined {
  const location = ctx.session.getLocation();
  let moved: string | undefined;
  attempt(ctx, () => {
    const candidates = literal || !hasWildcard(item) ? [ctx.fs.resolve(item, location)] : expandPath(ctx.fs, item, location);
    const folder = candidates.find((p) => ctx.fs.stat(p)?.isDirectory);
    if (!folder) {
      const shown = candidates[0]?.display ?? item;
      return ctx.writeError(pathNotFound(ctx, shown));
    }
    ctx.session.setLocation(folder.display);
    moved = folder.display;
  });
  return moved;
}

export default defineCmdlet({
  name: 'Set-Location',
  aliases: ['cd', 'sl', 'chdir'],
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Sets the current working location to a specified location.',
  description:
    'The Set-Location cmdlet makes a folder of the lab drive the current location. Relative paths ' +
    '(.., .\\certs) are resolved against the current location; \\ is the root of the current drive; ' +
    '\\\\NAME\\c$ is the drive of another lab machine. A path that is not an existing folder is an error.',
  defaultParameterSet: 'Path',
  parameters: {
    Path: {
      type: 'String',
      sets: { Path: { position: 0, fromPipeline: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the new location. Wildcards are permitted when they match one folder.',
    },
    LiteralPath: {
      type: 'String',
      aliases: ['PSPath'],
      sets: { LiteralPath: { mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the new location, used exactly as typed.',
    },
    PassThru: { type: 'Switch', help: 'Writes a PathInfo object for the new location.' },
  },
  outputType: ['System.Management.Automation.PathInfo'],
  examples: [
    {
      code: 'Set-Location C:\\Users\\Administrator; (Get-Location).Path',
      remarks: 'Changes to a folder.',
      shows: 'C:\\Users\\Administrator',
    },
    {
      code: 'cd C:\\Windows\\system32; cd ..; (Get-Location).Path',
      remarks: 'Goes up one folder.',
      shows: 'C:\\Windows',
    },
  ],
  related: ['Get-Location'],
  process(params, ctx) {
    const { items, literal } = requestedPaths(params);
    const item = items[0];
    // 5.1: Set-Location with no path stays where it is.
    if (item === undefined) return;
    const moved = changeLocation(ctx, item, literal);
    if (moved !== undefined && params.PassThru) ctx.write(pathInfo(moved));
  },
});

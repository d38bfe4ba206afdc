// Unblock-File: removes the Zone.Identifier alternate data stream that marks a file as
// downloaded from the internet. Folders are passed over (they carry no such mark); a file that
// is not blocked is left as it is, without an error.

import { defineCmdlet, type CmdletContext, type ResolvedPath } from '../../protocol/cmdlet.js';
import { hasWildcard } from '../../protocol/wildcard.js';
import { attempt, expandPath, pathNotFound } from './file-common.js';

const ZONE_IDENTIFIER = 'Zone.Identifier';

function fileNotFound(ctx: CmdletContext, message: string, exceptionType: string, target: string): void {
  ctx.writeError(ctx.error({ message, errorId: 'FileNotFound', category: 'ObjectNotFound', exceptionType, targetObject: target }));
}

/** The files a path names: folders are skipped, a missing file is FileNotFound. */
function filesOf(ctx: CmdletContext, path: string, literal: boolean): ResolvedPath[] {
  const location = ctx.session.getLocation();
  const paths = attempt(ctx, () => (literal ? [ctx.fs.resolve(path, location)] : expandPath(ctx.fs, path, location)));
  if (!paths) return [];
  if (!literal && paths.length === 0 && !hasWildcard(path)) {
    const record = pathNotFound(ctx, path);
    fileNotFound(ctx, record.message, 'ItemNotFoundException', path);
  }
  const out: ResolvedPath[] = [];
  for (const p of paths) {
    const st = ctx.fs.stat(p);
    if (st?.isDirectory) continue;
    // .NET's FileNotFoundException(path): the path is the whole message.
    if (!st) fileNotFound(ctx, p.display, 'FileNotFoundException', p.display);
    else out.push(p);
  }
  return out;
}

export default defineCmdlet({
  name: 'Unblock-File',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Unblocks files that were downloaded from the internet.',
  description:
    'The Unblock-File cmdlet removes the Zone.Identifier alternate data stream of files on the lab ' +
    'drive: the mark Windows puts on a file downloaded from the internet, which makes the RemoteSigned ' +
    'execution policy refuse an unsigned script. Folders are passed over, and a file that is not ' +
    'blocked stays as it is. A read-only file cannot be unblocked.',
  defaultParameterSet: 'ByPath',
  supportsShouldProcess: true,
  parameters: {
    Path: {
      type: 'String[]',
      sets: { ByPath: { position: 0, mandatory: true } },
      help: 'Specifies the files to unblock. Wildcards are permitted.',
    },
    LiteralPath: {
      type: 'String[]',
      aliases: ['PSPath', 'LP'],
      sets: { ByLiteralPath: { mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the files to unblock, used exactly as typed. Files from Get-ChildItem and Get-Item bind here through their PSPath property.',
    },
  },
  outputType: [],
  examples: [
    {
      setup: "Set-Content C:\\setup.ps1 'Get-Date'; Set-Content C:\\setup.ps1 -Stream Zone.Identifier -Value '[ZoneTransfer]','ZoneId=3'",
      code: 'Unblock-File C:\\setup.ps1; (Get-Item C:\\setup.ps1 -Stream *).Stream',
      remarks: 'Unblocks a downloaded script: its Zone.Identifier stream is gone, only the content (:$DATA) is left.',
      shows: ':$DATA',
    },
    {
      setup: "Set-Content C:\\dl.txt 'x' -Stream Zone.Identifier",
      code: 'Get-ChildItem C:\\dl.txt | Unblock-File; Get-Item C:\\dl.txt -Stream Zone.Identifier -ErrorAction SilentlyContinue | Measure-Object | Select-Object -ExpandProperty Count',
      remarks: 'Unblocks the files Get-ChildItem found.',
      shows: '0',
    },
  ],
  related: ['Get-Item', 'Remove-Item', 'Get-Content'],
  async process(params, ctx) {
    const literal = params.LiteralPath !== undefined;
    for (const path of params.LiteralPath ?? params.Path ?? []) {
      if (path === null) continue;
      for (const file of filesOf(ctx, path, literal)) {
        if (!(await ctx.shouldProcess(file.display))) continue;
        const zone = ctx.fs.stream(file, ZONE_IDENTIFIER);
        if (!ctx.fs.exists(zone)) continue;
        if (ctx.fs.stat(file)?.readOnly) {
          ctx.writeError(
            ctx.error({
              message: 'Access is denied',
              errorId: 'RemoveItemUnableToAccessFile',
              category: 'ResourceUnavailable',
              exceptionType: 'Win32Exception',
              targetObject: file.display,
            }),
          );
          continue;
        }
        attempt(ctx, () => ctx.fs.remove(zone));
      }
    }
  },
});

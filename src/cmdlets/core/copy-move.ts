// What Copy-Item and Move-Item share: where an item goes (into an existing folder, or to the
// new name), the ShouldProcess text `Item: <from> Destination: <to>`, and -PassThru.

import type { CmdletContext, FileEntry, ResolvedPath } from '../../protocol/cmdlet.js';
import { attempt, existingItems, fileSystemInfo } from './file-common.js';

export interface CopyMoveParams {
  Path?: (string | null)[] | null;
  LiteralPath?: (string | null)[] | null;
  Destination?: string | null;
  Recurse?: boolean;
  Force?: boolean;
  PassThru?: boolean;
}

export async function copyOrMove(params: CopyMoveParams, ctx: CmdletContext, move: boolean): Promise<void> {
  const location = ctx.session.getLocation();
  for (const source of existingItems(ctx, params)) {
    const target = attempt(ctx, () => targetOf(ctx, source, params.Destination ?? '.', location));
    if (!target) continue;
    const kind = source.isDirectory ? 'Directory' : 'File';
    const action = `${move ? 'Move' : 'Copy'} ${kind}`;
    if (!(await ctx.shouldProcess(`Item: ${source.path.display} Destination: ${target.display}`, action))) continue;
    const done = attempt(ctx, () => {
      if (move) moveItem(ctx, source, target, Boolean(params.Force));
      else if (source.isDirectory && !params.Recurse) ctx.fs.mkdir(target);
      else {
        // -Force copies over a read-only file (the copy takes the source's attributes).
        if (params.Force && ctx.fs.stat(target)?.readOnly) ctx.fs.setReadOnly(target, false);
        ctx.fs.copy(source.path, target);
      }
      return true;
    });
    if (done && params.PassThru) {
      const st = ctx.fs.stat(target);
      if (st) ctx.write(fileSystemInfo(ctx.fs, st));
    }
  }
}

/** An existing folder as destination receives the item under its own name. */
function targetOf(ctx: CmdletContext, source: FileEntry, destination: string, location: string): ResolvedPath {
  const dest = ctx.fs.resolve(destination, location);
  const st = ctx.fs.stat(dest);
  if (st?.isDirectory && dest.hostPath !== source.path.hostPath) return ctx.fs.resolve(source.name, dest.display);
  return dest;
}

function moveItem(ctx: CmdletContext, source: FileEntry, target: ResolvedPath, force: boolean): void {
  const existing = ctx.fs.stat(target);
  if (existing && target.hostPath !== source.path.hostPath) {
    if (!force || existing.isDirectory || source.isDirectory) {
      ctx.fail(
        ctx.error({
          message: 'Cannot create a file when that file already exists.',
          errorId: source.isDirectory ? 'MoveDirectoryItemIOError' : 'MoveFileInfoItemIOError',
          category: 'WriteError',
          exceptionType: 'IOException',
          targetObject: source.path.display,
        }),
      );
    }
    if (existing.readOnly) ctx.fs.setReadOnly(target, false);
    ctx.fs.remove(target, true);
  }
  // A rename on the drive: the item keeps its streams and attributes (a read-only file moves too).
  ctx.fs.move(source.path, target);
}

// A *.ps1xml file named on Update-TypeData's or Update-FormatData's command line: resolved on the
// lab drive, checked as 5.1 checks it (PathNotFound, WrongExtension, written as non-terminating
// errors) and parsed. Each cmdlet then reports what is wrong inside the file its own way.

import type { CmdletContext, ResolvedPath } from '../../protocol/cmdlet.js';
import type { ErrorCategory } from '../../protocol/errors.js';
import { parseXml, type XmlElement } from '../../format/ps1xml.js';
import { decodeText } from './file-common.js';

export interface Ps1xmlFile {
  display: string;
  /** The root element, or the parser's message when the text is not XML. */
  root: XmlElement | string;
}

/**
 * The file a path names, or undefined after writing why not: a missing file as `missing` says
 * (Update-*Data: PathNotFound; Remove-TypeData: TypePathException), another extension as WrongExtension.
 */
export function resolvePs1xmlPath(ctx: CmdletContext, path: string, missing: { errorId: string; category: ErrorCategory } = PATH_NOT_FOUND): ResolvedPath | undefined {
  let resolved;
  try {
    resolved = ctx.fs.resolve(path, ctx.session.getLocation());
  } catch {
    resolved = undefined;
  }
  const st = resolved && ctx.fs.stat(resolved);
  if (!resolved || !st || st.isDirectory) {
    const shown = missing === PATH_NOT_FOUND ? path : (resolved?.display ?? path);
    ctx.writeError(ctx.error({ message: `Cannot find path '${shown}' because it does not exist.`, ...missing, exceptionType: 'ItemNotFoundException', targetObject: path }));
    return undefined;
  }
  if (!/\.ps1xml$/i.test(resolved.display)) {
    ctx.writeError(
      ctx.error({
        message: `Cannot read the file "${resolved.display}"  because it does not have the file name extension ".ps1xml".`,
        errorId: 'WrongExtension',
        category: 'InvalidArgument',
        exceptionType: 'PSArgumentException',
        targetObject: resolved.display,
      }),
    );
    return undefined;
  }
  return resolved;
}

const PATH_NOT_FOUND = { errorId: 'PathNotFound', category: 'ObjectNotFound' } as const;

export function readPs1xmlFile(ctx: CmdletContext, path: string): Ps1xmlFile | undefined {
  const resolved = resolvePs1xmlPath(ctx, path);
  return resolved && { display: resolved.display, root: parseXml(decodeText(ctx.fs.readBytes(resolved))) };
}

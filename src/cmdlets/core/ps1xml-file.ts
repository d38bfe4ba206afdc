// A *.ps1xml file named on Update-TypeData's or Update-FormatData's command line: resolved on the
// lab drive, checked as 5.1 checks it (PathNotFound, WrongExtension, written as non-terminating
// errors) and parsed. Each cmdlet then reports what is wrong inside the file its own way.

import type { CmdletContext } from '../../protocol/cmdlet.js';
import { parseXml, type XmlElement } from '../../format/ps1xml.js';
import { decodeText } from './file-common.js';

export interface Ps1xmlFile {
  display: string;
  /** The root element, or the parser's message when the text is not XML. */
  root: XmlElement | string;
}

export function readPs1xmlFile(ctx: CmdletContext, path: string): Ps1xmlFile | undefined {
  let resolved;
  try {
    resolved = ctx.fs.resolve(path, ctx.session.getLocation());
  } catch {
    resolved = undefined;
  }
  const st = resolved && ctx.fs.stat(resolved);
  if (!resolved || !st || st.isDirectory) {
    ctx.writeError(ctx.error({ message: `Cannot find path '${path}' because it does not exist.`, errorId: 'PathNotFound', category: 'ObjectNotFound', exceptionType: 'ItemNotFoundException', targetObject: path }));
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
  return { display: resolved.display, root: parseXml(decodeText(ctx.fs.readBytes(resolved))) };
}

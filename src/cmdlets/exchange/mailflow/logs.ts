// Writes protocol-log rows to the log folder on the server's own drive (\\SERVER\c$\...), one
// file per kind and UTC day, the header only when the file is new.

import type { CmdletContext } from '../../../protocol/cmdlet.js';
import { TerminatingError } from '../../../protocol/errors.js';
import { logFileName, logHeader, type LogBatch } from '../../../exchange/transport/protocol-log.js';

/** `C:\Program Files\...` on SERVER -> `\\SERVER\c$\Program Files\...`; other drives keep their letter. */
export function uncPath(server: string, windowsPath: string): string {
  const m = /^([A-Za-z]):\\?(.*)$/.exec(windowsPath);
  return m ? `\\\\${server}\\${m[1]!.toLowerCase()}$\\${m[2]}` : windowsPath;
}

/** Appends the batches; returns the files written. A folder that cannot be made is a warning. */
export function writeLogBatches(ctx: CmdletContext, batches: LogBatch[], when: Date): string[] {
  const written: string[] = [];
  const here = ctx.session.getLocation();
  for (const b of batches) {
    if (!b.rows.length) continue;
    try {
      const folder = ctx.fs.resolve(uncPath(b.server, b.folder), here);
      ctx.fs.mkdir(folder);
      const file = ctx.fs.resolve(`${folder.display}\\${logFileName(b.kind, when)}`, here);
      const head = ctx.fs.exists(file) ? '' : logHeader(b.kind, b.version, when);
      ctx.fs.writeBytes(file, new Uint8Array(Buffer.from(`${head}${b.rows.join('\r\n')}\r\n`, 'latin1')), true);
      if (!written.includes(file.display)) written.push(file.display);
    } catch (e) {
      if (!(e instanceof TerminatingError)) throw e;
      ctx.writeWarning(`The ${b.kind} protocol log of ${b.server} could not be written to '${b.folder}': ${e.record.message}`);
    }
  }
  return written;
}

// A session with the core cmdlets on a temporary lab drive, for the everyday-pieces tests
// (issue 11): returns a runner that gives the text each command line prints.
import { Writable } from 'node:stream';
import { fileCmdlets } from '../../src/cmdlets/core/files.js';
import { objectCmdlets } from '../../src/cmdlets/core/objects.js';
import { outputCmdlets } from '../../src/cmdlets/core/output.js';
import { sessionStateCmdlets } from '../../src/cmdlets/core/session-state.js';
import { Session } from '../../src/engine/session.js';
import { renderer } from '../../src/format/index.js';
import { PlainHost } from '../../src/host/plain-host.js';
import { LabDrive } from '../../src/store/lab-drive.js';
import { tempDir } from '../helpers/temp.js';

export function everydaySession(): { run: (text: string) => Promise<string>; home: string } {
  let buf = '';
  const out = new Writable({
    write(c, _e, cb) {
      buf += c.toString();
      cb();
    },
  });
  const host = new PlainHost({ out, interactive: false, color: false, width: 120 });
  const home = tempDir('emsh-everyday-');
  const fs = new LabDrive({ home, lab: 'default', machine: () => 'EX2007EE', knownMachines: () => ['EX2007EE'] });
  const s = new Session({ cmdlets: [...objectCmdlets, ...fileCmdlets, ...outputCmdlets, ...sessionStateCmdlets], host, renderer, fs, machine: 'EX2007EE', promptPrefix: '[PS] ' });
  return {
    home,
    run: async (text: string) => {
      const start = buf.length;
      await s.execute(text);
      return buf.slice(start);
    },
  };
}

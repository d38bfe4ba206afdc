// Composition: the one place that knows every floor. Builds a Session on a lab for a host.

import { Session } from './engine/session.js';
import { renderer } from './format/index.js';
import { allCmdlets } from './cmdlets/index.js';
import { LabDrive } from './store/lab-drive.js';
import type { Host } from './protocol/host.js';

/** The machine the shell starts on in the built-in lab (EMS on the first Exchange server). */
export const START_MACHINE = 'EX2007EE';

export interface ComposeOptions {
  host: Host;
  home: string;
  lab: string;
  /** Lab clock; defaults to the real clock. */
  now?: () => Date;
}

export function composeSession(opts: ComposeOptions): Session {
  // The drive follows the machine the session is on (Enter-LabServer moves it).
  let session: Session | undefined;
  const machine = () => session?.services.machine ?? START_MACHINE;
  const fs = new LabDrive({ home: opts.home, lab: opts.lab, machine, knownMachines: () => [START_MACHINE] });
  session = new Session({
    cmdlets: allCmdlets,
    host: opts.host,
    renderer,
    fs,
    machine: START_MACHINE,
    now: opts.now,
    promptPrefix: '[PS] ',
  });
  return session;
}

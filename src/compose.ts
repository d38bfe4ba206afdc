// Composition: the one place that knows every floor. Builds a Session on a lab for a host.

import { Session } from './engine/session.js';
import { renderer } from './format/index.js';
import { allCmdlets } from './cmdlets/index.js';
import { LabDrive } from './store/lab-drive.js';
import type { Host } from './protocol/host.js';
import type { SessionServices } from './protocol/cmdlet.js';
import type { CompletionSource } from './ui/completion.js';

/** The machine the shell starts on in the built-in lab (EMS on the first Exchange server). */
export const START_MACHINE = 'EX2007EE';

const drives = new WeakMap<Session, LabDrive>();

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
  drives.set(session, fs);
  return session;
}

/** What tab completion may ask a session: its commands, variables, drive and machines. */
export function completionSourceFor(session: Session): CompletionSource {
  const services = session.services as SessionServices & { variableNames?: () => string[] };
  return {
    commands: () => services.commands(),
    variables: () => services.variableNames?.() ?? ['true', 'false', 'null', 'Error', 'ErrorActionPreference', 'PWD', 'HOME'],
    thumbprints: () => [],
    machines: () => [START_MACHINE],
    paths: (prefix) => {
      const fs = drives.get(session);
      if (!fs) return [];
      const dir = fs.resolve(prefix === '' ? '.' : prefix, services.getLocation());
      return fs.list(dir).map((e) => ({ name: e.name, isDirectory: e.isDirectory }));
    },
  };
}

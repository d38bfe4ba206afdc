// Where labs live on the host: <EMSH_HOME>/labs/<lab>/{lab.json, history.txt, machines/<MACHINE>/C}.
//
// Lab and machine names become folder names, so they are validated here: a name can never
// carry a path separator or `..` and escape the home folder.

import * as os from 'node:os';
import * as path from 'node:path';

/** EMSH_HOME, or ~/.emsh. A relative EMSH_HOME is taken from the process's working folder. */
export function emshHome(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.EMSH_HOME;
  if (fromEnv && fromEnv.trim() !== '') return path.resolve(fromEnv);
  return path.join(os.homedir(), '.emsh');
}

const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** Throws when a lab name is not letters, digits, `-`, `_`, `.` (not starting with a dot). */
export function validateLabName(lab: string): string {
  if (!NAME.test(lab) || lab.length > 64) {
    throw new Error(
      `Invalid lab name '${lab}': use letters, digits, '-', '_' and '.', starting with a letter, digit or '_'.`,
    );
  }
  return lab;
}

/** Machine names (NetBIOS-like): letters, digits, `-`, `_`; stored upper-case. */
export function validateMachineName(machine: string): string {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_-]*$/.test(machine) || machine.length > 63) {
    throw new Error(`Invalid machine name '${machine}': use letters, digits, '-' and '_'.`);
  }
  return machine.toUpperCase();
}

export interface LabPaths {
  /** <home>/labs/<lab> */
  dir: string;
  /** lab.json */
  state: string;
  /** history.txt */
  history: string;
  /** <dir>/machines */
  machinesDir: string;
}

export function labPaths(home: string, lab: string): LabPaths {
  const dir = path.join(home, 'labs', validateLabName(lab));
  return {
    dir,
    state: path.join(dir, 'lab.json'),
    history: path.join(dir, 'history.txt'),
    machinesDir: path.join(dir, 'machines'),
  };
}

/** The host folder that is drive C: of a machine: <home>/labs/<lab>/machines/<MACHINE>/C */
export function machineDrive(home: string, lab: string, machine: string): string {
  return path.join(labPaths(home, lab).machinesDir, validateMachineName(machine), 'C');
}

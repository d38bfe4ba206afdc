// What a trainee did, and when: <lab folder>/activity.log, one line per command run in an
// exercise's lab, `{"lab":"<lab time>","real":"<real time>","ok":true}`. Kept out of lab.json
// on purpose: recording it there would make every command a change of the lab (a writer lock and a
// journal record each). A line is one small O_APPEND write, which needs no lock even with several
// emsh on the lab. The command's text is not kept (it may hold a password).

import { closeSync, openSync, readFileSync, writeSync, constants } from 'node:fs';
import { join } from 'node:path';
import type { Moment } from './progress.js';

export const ACTIVITY_FILE = 'activity.log';

export interface Activity {
  commands: number;
  /** Commands that ended with an error. */
  failed: number;
  first?: Moment;
  last?: Moment;
}

/** Appends one command's line; a failure to write never disturbs the shell. */
export function appendActivity(labDir: string, at: Moment, ok: boolean): void {
  try {
    const fd = openSync(join(labDir, ACTIVITY_FILE), constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o600);
    try {
      writeSync(fd, `${JSON.stringify({ lab: at.lab, real: at.real, ok })}\n`);
    } finally {
      closeSync(fd);
    }
  } catch {
    // The log is for the trainer's report; the trainee's work goes on without it.
  }
}

/** The summary of a lab's activity log (no log: no commands). Unreadable lines are skipped. */
export function readActivity(labDir: string): Activity {
  let text: string;
  try {
    text = readFileSync(join(labDir, ACTIVITY_FILE), 'utf8');
  } catch {
    return { commands: 0, failed: 0 };
  }
  const a: Activity = { commands: 0, failed: 0 };
  for (const line of text.split('\n')) {
    if (!line) continue;
    let e: { lab?: unknown; real?: unknown; ok?: unknown };
    try {
      e = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof e.lab !== 'string' || typeof e.real !== 'string') continue;
    a.commands++;
    if (e.ok === false) a.failed++;
    a.first ??= { lab: e.lab, real: e.real };
    a.last = { lab: e.lab, real: e.real };
  }
  return a;
}

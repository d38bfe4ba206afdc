// How a console host asks its questions, whichever host it is (the plain host on a terminal or
// the Ink UI): the choice prompt's line and answers, and the field-by-field prompt for mandatory
// parameters and credentials, as Windows PowerShell's console host words them. A host supplies
// only how to ask one line and how to print one.

import type { HostChoice, HostField } from './host.js';
import { SecureString } from './values.js';

/** Asks one line; null when input ended (Ctrl+C, end of input). */
export type AskLine = (prompt: string, secure: boolean) => Promise<string | null>;

/** The hot key of a choice label: the character after `&` (else the first), upper-cased. */
export function hotKey(label: string): string {
  const i = label.indexOf('&');
  return (i >= 0 && i + 1 < label.length ? label[i + 1]! : label[0]!).toUpperCase();
}

/** `[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): ` */
export function choiceLine(choices: HostChoice[], defaultChoice: number): string {
  const hot = choices.map((c) => hotKey(c.label));
  return choices.map((c, i) => `[${hot[i]}] ${c.label.replace('&', '')}`).join('  ') + `  [?] Help (default is "${hot[defaultChoice] ?? hot[0]}"): `;
}

/**
 * The choice prompt's loop: Enter takes the default, `?` prints each choice's help and asks
 * again, a hot key (any case) picks its choice, anything else asks again. -1 when input ended.
 */
export async function askChoice(choices: HostChoice[], defaultChoice: number, ask: AskLine, say: (line: string) => void): Promise<number> {
  const hot = choices.map((c) => hotKey(c.label));
  for (;;) {
    const answer = await ask(choiceLine(choices, defaultChoice), false);
    if (answer === null) return -1;
    const a = answer.trim();
    if (a === '') return defaultChoice;
    if (a === '?') {
      choices.forEach((c, i) => say(`${hot[i]} - ${c.help}`));
      continue;
    }
    const idx = hot.indexOf(a.toUpperCase());
    if (idx >= 0) return idx;
  }
}

/**
 * Asks each field in turn (`Name: `); an array field asks `Name[0]: `, `Name[1]: ` ... until an
 * empty line; a secure one gives a SecureString. Null when input ended.
 */
export async function askFields(fields: HostField[], ask: AskLine): Promise<Record<string, unknown> | null> {
  const result: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.array) {
      const values: string[] = [];
      for (let i = 0; ; i++) {
        const v = await ask(`${f.name}[${i}]: `, false);
        if (v === null) return null;
        if (v === '') break;
        values.push(v);
      }
      result[f.name] = values;
    } else {
      const v = await ask(`${f.name}: `, f.secure === true);
      if (v === null) return null;
      result[f.name] = f.secure ? new SecureString(v) : v;
    }
  }
  return result;
}

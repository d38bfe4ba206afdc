// The console host's questions, one implementation for the plain host and the Ink UI
// (src/protocol/host-prompts.ts).
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PlainHost } from '../../src/host/plain-host.js';
import { askChoice, askFields, choiceLine, hotKey } from '../../src/protocol/host-prompts.js';
import { SecureString } from '../../src/protocol/values.js';
import { CONFIRM_CHOICES } from '../../src/engine/context.js';

/** An AskLine that answers from a list and records the prompts. */
function scripted(answers: (string | null)[]) {
  const asked: string[] = [];
  return { asked, ask: async (prompt: string) => (asked.push(prompt), answers.length ? answers.shift()! : null) };
}

describe('host prompts', () => {
  it('words the choice line as 5.1 does', () => {
    expect(hotKey('Yes to &All')).toBe('A');
    expect(hotKey('plain')).toBe('P');
    expect(choiceLine(CONFIRM_CHOICES, 0)).toBe('[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): ');
  });

  it('choice: ? lists the help, unknown answers ask again, a hot key in any case picks, Enter is the default', async () => {
    const said: string[] = [];
    const s = scripted(['?', 'x', 'l']);
    expect(await askChoice(CONFIRM_CHOICES, 0, s.ask, (l) => said.push(l))).toBe(3);
    expect(s.asked.length).toBe(3);
    expect(said[0]).toBe('Y - Continue with only the next step of the operation.');
    expect(await askChoice(CONFIRM_CHOICES, 2, scripted(['']).ask, () => undefined)).toBe(2);
    expect(await askChoice(CONFIRM_CHOICES, 0, scripted([null]).ask, () => undefined)).toBe(-1);
  });

  it('fields: arrays until an empty line, secure ones as SecureString, null when input ends', async () => {
    const s = scripted(['a', 'b', '', 'pw']);
    const r = await askFields([{ name: 'Names', array: true }, { name: 'Password', secure: true }], s.ask);
    expect(s.asked).toEqual(['Names[0]: ', 'Names[1]: ', 'Names[2]: ', 'Password: ']);
    expect(r?.Names).toEqual(['a', 'b']);
    expect(r?.Password).toBeInstanceOf(SecureString);
    expect(await askFields([{ name: 'X' }], scripted([null]).ask)).toBeNull();
  });

  it('the plain host asks through them', async () => {
    let text = '';
    const out = new Writable({ write: (c, _e, cb) => ((text += c.toString()), cb()) });
    const input = new PassThrough();
    const host = new PlainHost({ out, interactive: true, color: false, width: 80, input });
    const answer = host.promptForChoice('Confirm', 'Sure?', CONFIRM_CHOICES, 0);
    input.write('n\n');
    expect(await answer).toBe(2);
    expect(text).toContain(choiceLine(CONFIRM_CHOICES, 0));
  });
});

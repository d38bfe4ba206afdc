// The README's key-binding list is generated from the one table (npm run docs:keys), and every
// function the table names has an implementation the key router runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BINDINGS, keyBindingsMarkdown, normalizeChord, READLINE_FUNCTIONS, ReadLineSettings } from '../../src/protocol/readline.js';
import { EDITOR_FUNCTIONS } from '../../src/ui/editor-state.js';
import { KeyRouter } from '../../src/ui/key-router.js';
import { History } from '../../src/ui/history.js';
import { UiStore } from '../../src/ui/ui-store.js';
import { emptyCompletion } from './harness.js';

describe('the key-binding table', () => {
  it('README lists exactly the bindings of the table (run `npm run docs:keys` after changing it)', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const block = /<!-- key-bindings:start -->\n([\s\S]*?)<!-- key-bindings:end -->/.exec(readme)?.[1];
    expect(block).toBe(keyBindingsMarkdown());
  });

  it('every chord is spelled canonically and every bound function is implemented', () => {
    const router = new KeyRouter({
      store: new UiStore({ machine: 'X', lab: 'l' }),
      session: { execute: async () => ({ ok: true }), stop: () => {}, promptText: () => 'PS>', services: { machine: 'X' } },
      history: new History(),
      completion: emptyCompletion,
      settings: new ReadLineSettings(),
      onExit: () => {},
    });
    const special = (router as unknown as { functions: Record<string, unknown> }).functions;
    for (const fn of Object.keys(READLINE_FUNCTIONS)) expect(fn in special || fn in EDITOR_FUNCTIONS, fn).toBe(true);
    for (const mode of ['Windows', 'Emacs'] as const) {
      for (const [chord, fn] of DEFAULT_BINDINGS[mode]) {
        expect(normalizeChord(chord), chord).toBe(chord);
        expect(READLINE_FUNCTIONS[fn], fn).toBeDefined();
      }
    }
  });

  it('normalizes chords as PSReadLine spells them', () => {
    expect(normalizeChord('ctrl+shift+leftarrow')).toBe('Ctrl+Shift+LeftArrow');
    expect(normalizeChord('Shift+Ctrl+c')).toBe('Ctrl+C');
    expect(normalizeChord('alt+.')).toBe('Alt+.');
    expect(normalizeChord('f8')).toBe('F8');
    expect(normalizeChord('Ctrl+Space')).toBe('Ctrl+Spacebar');
    expect(normalizeChord('Hyper+x')).toBeUndefined();
    expect(normalizeChord('Banana')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { UiStore } from '../../src/ui/ui-store.js';

describe('scrollback lines', () => {
  it('a line longer than the terminal breaks at the last column, as a console wraps', () => {
    const store = new UiStore({ machine: 'EX2007EE', lab: 'default', columns: () => 20 });
    store.write('    + FullyQualifiedErrorId : NamedParameterNotFound\n', 'error');
    store.write('short\n', 'output');
    store.flush();
    expect(store.getState().lines.map((l) => l.segments.map((s) => s.text).join(''))).toEqual([
      '    + FullyQualified',
      'ErrorId : NamedParam',
      'eterNotFound',
      'short',
    ]);
    expect(store.getState().lines[0]!.segments[0]!.kind).toBe('error');
  });

  it('keeps segments (colours) across the break', () => {
    const store = new UiStore({ machine: 'EX2007EE', lab: 'default', columns: () => 20 });
    store.write('0123456789', 'output', { foreground: 'Green' });
    store.write('abcdefghijKLMNO\n', 'output', { foreground: 'Red' });
    store.flush();
    const [a, b] = store.getState().lines;
    expect(a!.segments.map((s) => [s.text, s.style?.foreground])).toEqual([['0123456789', 'Green'], ['abcdefghij', 'Red']]);
    expect(b!.segments.map((s) => [s.text, s.style?.foreground])).toEqual([['KLMNO', 'Red']]);
  });
});

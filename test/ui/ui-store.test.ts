import { describe, expect, it } from 'vitest';
import { UiStore } from '../../src/ui/ui-store.js';

describe('the output stream of the UI', () => {
  it('hands finished lines to the terminal unbroken, in batches, and keeps nothing after', async () => {
    const store = new UiStore({ machine: 'EX2007EE', lab: 'default' });
    const chunks: string[] = [];
    store.attachTerminal((t) => chunks.push(t), false);
    store.write('    + FullyQualifiedErrorId : NamedParameterNotFound,Microsoft.Exchange.Management\n', 'error');
    store.write('partial', 'output');
    store.write(' line\nshort\n', 'output');
    expect(chunks).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(chunks).toEqual(['    + FullyQualifiedErrorId : NamedParameterNotFound,Microsoft.Exchange.Management\npartial line\nshort\n']);
  });

  it('streams a long statement while it runs: a big batch goes out at once', () => {
    const store = new UiStore({ machine: 'EX2007EE', lab: 'default' });
    const chunks: string[] = [];
    store.attachTerminal((t) => chunks.push(t), false);
    for (let i = 0; i < 10_000; i++) store.write(`line ${i}\n`, 'output');
    // No turn of the event loop has passed: the output did not wait for the statement's end.
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.join('').startsWith('line 0\nline 1\n')).toBe(true);
  });

  it('paints lines in 5.1 colours: errors red on black, warnings and verbose yellow on black, Write-Host colours', () => {
    const store = new UiStore({ machine: 'EX2007EE', lab: 'default' });
    let out = '';
    store.attachTerminal((t) => (out += t), true);
    store.write('bad\n', 'error');
    store.write('VERBOSE: v\n', 'verbose');
    store.write('green', 'host', { foreground: 'Green' });
    store.write(' plain\n', 'output');
    store.flush();
    expect(out).toBe('\x1b[91;40mbad\x1b[0m\n\x1b[93;40mVERBOSE: v\x1b[0m\n\x1b[92mgreen\x1b[0m plain\n');
  });

  it('keeps what was written before a terminal is attached (the banner) and hands it over then', () => {
    const store = new UiStore({ machine: 'EX2007EE', lab: 'default' });
    store.write('banner\n', 'output');
    let out = '';
    store.attachTerminal((t) => (out += t), false);
    expect(out).toBe('banner\n');
  });
});

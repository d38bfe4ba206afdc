// The plain host's prompts on input that runs out: the answers there are, then "no answer"
// (null) for every later prompt, never a wait that cannot end.
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PlainHost } from '../../src/host/plain-host.js';

describe('plain host prompts on input that ends', () => {
  it('answers from the input, then null once it has ended', async () => {
    const out = new Writable({ write: (_c, _e, cb) => cb() });
    const host = new PlainHost({ out, input: Readable.from(['first\n']), interactive: true, color: false, width: 80 });
    expect(await host.readLine('one: ')).toBe('first');
    expect(await host.readLine('two: ')).toBeNull();
    expect(await host.readLine('three: ', true)).toBeNull();
  });
});

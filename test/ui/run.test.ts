// runInteractive with fake terminal streams: it mounts the UI, runs lines, and on `exit` gives
// the terminal back (raw mode off, bracketed paste off, cursor shown) with the exit code.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { runInteractive } from '../../src/ui/run.js';
import type { ShellSession } from '../../src/ui/App.js';
import type { Host } from '../../src/protocol/host.js';

class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 100;
  rows = 30;
  written = '';
  write = (s: string) => {
    this.written += s;
    return true;
  };
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  rawModes: boolean[] = [];
  private data: string | null = null;
  type(s: string) {
    this.data = s;
    this.emit('readable');
  }
  // As a Node stream does: read() hands the chunk out and emits it as 'data'.
  read = () => {
    const d = this.data;
    this.data = null;
    if (d !== null) this.emit('data', d);
    return d;
  };
  setRawMode(on: boolean) {
    this.rawModes.push(on);
  }
  setEncoding() {}
  ref() {}
  unref() {}
  resume() {}
  pause() {}
}

/** Resolves once `test` holds, checking after each turn of the event loop; fails after 5 s. */
async function until(test: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}

describe('runInteractive', () => {
  it('runs lines on a fake terminal and restores it on exit with the code', async () => {
    const stdout = new FakeStdout();
    const stdin = new FakeStdin();
    const ran: string[] = [];
    let host!: Host;
    const done = runInteractive({
      lab: 'default',
      machine: () => 'Ex2007EE',
      color: false,
      noLogo: false,
      stdin: stdin as unknown as NodeJS.ReadStream,
      stdout: stdout as unknown as NodeJS.WriteStream,
      createSession: (h): ShellSession => {
        host = h;
        return {
          execute: async (text) => {
            ran.push(text);
            if (text.startsWith('exit')) return { ok: true, exitCode: Number(text.slice(5)) };
            host.writeLine(`ran ${text}`);
            return { ok: true };
          },
          stop: () => {},
          promptText: () => '[PS] C:\\Windows\\system32>',
          services: { machine: 'Ex2007EE' },
        };
      },
      completionSource: () => ({ commands: () => [], variables: () => [], thumbprints: () => [], machines: () => [], paths: () => [] }),
    });
    await until(() => stdout.written.includes('system32>') && stdin.listenerCount('data') > 0, 'the first prompt');
    expect(stdout.written).toContain('\x1b[?2004h');
    expect(stdout.written).toContain('Welcome to the Exchange Management Shell!');
    expect(stdin.rawModes).toContain(true);
    stdin.type('Get-Date\r');
    await until(() => stdout.written.includes('ran Get-Date'), 'the output');
    expect(stdout.written).toContain('ran Get-Date');
    stdin.type('exit 4\r');
    expect(await done).toBe(4);
    expect(ran).toEqual(['Get-Date', 'exit 4']);
    expect(stdin.rawModes.at(-1)).toBe(false);
    expect(stdout.written.endsWith('\x1b[?2004l\x1b[?25h')).toBe(true);
  });
});

// Fake terminal streams for rendering the Ink UI in process (UI tests and the UI benchmark).
import { EventEmitter } from 'node:events';

/** A terminal's output: its size, and every write handed to `onWrite`. */
export class FakeStdout extends EventEmitter {
  isTTY = true;
  constructor(
    public columns: number,
    public rows: number,
    private readonly onWrite: (s: string) => void = () => {},
  ) {
    super();
  }
  write = (s: string) => {
    this.onWrite(s);
    return true;
  };
}

/** A terminal's input in raw mode: `send` delivers a chunk as a Node stream does ('readable', then read() with 'data'). */
export class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  send(s: string) {
    this.data = s;
    this.emit('readable');
    // Nobody read it on 'readable' (no raw-mode reader): deliver it as a flowing stream would.
    if (this.data !== null) this.read();
  }
  read = () => {
    const d = this.data;
    this.data = null;
    if (d !== null) this.emit('data', d);
    return d;
  };
  setEncoding() {}
  setRawMode() {}
  ref() {}
  unref() {}
  resume() {}
  pause() {}
}

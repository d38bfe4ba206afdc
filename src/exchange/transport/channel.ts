// CRLF line I/O over a socket that can be upgraded to TLS mid-conversation (STARTTLS): the plain
// socket's listeners come off before the TLS socket takes the stream over.

import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';

export class LineChannel {
  private buffer = '';
  private lines: string[] = [];
  private waiting: ((line: string | null) => void) | undefined;
  private closed = false;
  private detachers: (() => void)[] = [];

  constructor(public socket: Socket | TLSSocket) {
    this.attach(socket);
  }

  private attach(sock: Socket | TLSSocket): void {
    const onData = (chunk: Buffer) => {
      this.buffer += chunk.toString('latin1');
      let i: number;
      while ((i = this.buffer.indexOf('\r\n')) >= 0) {
        this.push(this.buffer.slice(0, i));
        this.buffer = this.buffer.slice(i + 2);
      }
    };
    const onEnd = () => {
      this.closed = true;
      this.push(null);
    };
    sock.on('data', onData);
    sock.on('end', onEnd);
    sock.on('close', onEnd);
    sock.on('error', onEnd);
    this.detachers = [
      () => sock.off('data', onData),
      () => sock.off('end', onEnd),
      () => sock.off('close', onEnd),
      () => sock.off('error', onEnd),
    ];
  }

  private push(line: string | null): void {
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w(line);
    } else if (line !== null) this.lines.push(line);
  }

  readLine(): Promise<string | null> {
    const l = this.lines.shift();
    if (l !== undefined) return Promise.resolve(l);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** A whole SMTP reply (`250-a`, `250-b`, `250 c`): its lines and code. */
  async readReply(): Promise<{ code: number; lines: string[] } | null> {
    const lines: string[] = [];
    for (;;) {
      const l = await this.readLine();
      if (l === null) return null;
      lines.push(l);
      if (!/^\d{3}-/.test(l)) return { code: Number(l.slice(0, 3)), lines };
    }
  }

  write(line: string): void {
    if (!this.socket.destroyed) this.socket.write(`${line}\r\n`);
  }

  /** Hands the stream to a TLS socket built by `wrap` (which gets the plain socket). */
  upgrade(wrap: (plain: Socket) => TLSSocket): TLSSocket {
    for (const d of this.detachers) d();
    const plain = this.socket as Socket;
    plain.on('error', () => undefined); // the TLS socket reports failures; never an unhandled 'error'
    const t = wrap(plain);
    this.socket = t;
    this.buffer = '';
    this.lines = [];
    this.closed = false;
    this.attach(t);
    return t;
  }

  destroy(): void {
    this.socket.destroy();
  }
}

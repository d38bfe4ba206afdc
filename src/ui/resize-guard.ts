// Shrinking a terminal that reflows its lines (tmux, VTE, iTerm2, Windows Terminal) makes each
// row of the live area wider than the screen take several rows. Ink then erases only as many rows
// as it drew, and the rest stay behind as copies of the prompt. This guard runs before Ink's own
// resize handler: it erases the reflowed rows itself and leaves the cursor where Ink expects the
// bottom of its frame, so Ink's erase then clears only blank rows and the new frame lands in place.
// (A terminal that truncates instead of reflowing, such as xterm, loses as many scrollback rows as
// the reflow would have added. Resizes faster than the frames — dragging a window edge — can still
// leave a row behind: a frame written for a width the terminal has already left wraps as it lands.)

export interface ResizeGuard {
  /** The widths (cells) of the rows of the frame just rendered (on the screen once Ink writes). */
  frame(widths: number[]): void;
  /** The terminal as Ink should get it: the same stream, with writes noted (a frame is then on the screen). */
  readonly stdout: NodeJS.WriteStream;
  dispose(): void;
}

export function installResizeGuard(stdout: NodeJS.WriteStream): ResizeGuard {
  // Ink throttles its writes: a rendered frame reaches the screen a little later. The frame on the
  // screen is the last one rendered before Ink's latest write.
  let widths: number[] = [];
  let rendered: number[] = [];
  const write = (...args: unknown[]) => {
    widths = rendered;
    return (stdout.write as (...a: unknown[]) => boolean)(...args);
  };
  const proxied = new Proxy(stdout, {
    get(target, prop) {
      if (prop === 'write') return write;
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  let columns = stdout.columns || 80;
  const onResize = () => {
    const now = stdout.columns || columns;
    if (now < columns && widths.length) {
      // Rows the frame takes after reflow; the row under it (where the cursor waits) is one more.
      const reflowed = widths.reduce((n, w) => n + Math.max(1, Math.ceil(w / now)), 0);
      const extra = reflowed - widths.length;
      if (extra > 0) {
        // Up to the frame's first row, erasing every row on the way, then back down to where Ink
        // believes its frame ends.
        let seq = '\x1b[2K';
        for (let i = 0; i < reflowed; i++) seq += '\x1b[1A\x1b[2K';
        seq += `\x1b[${widths.length}B\x1b[G`;
        stdout.write(seq);
      }
    }
    columns = now;
    // Ink redraws the frame it has at once, each row cut to the new width (until the App renders
    // its rows for that width): that is what the screen holds after its write.
    rendered = rendered.map((w) => Math.min(w, now));
    widths = widths.map((w) => Math.min(w, now));
  };
  stdout.on('resize', onResize);
  return {
    frame: (w) => {
      rendered = w;
    },
    stdout: proxied,
    dispose: () => stdout.off('resize', onResize),
  };
}


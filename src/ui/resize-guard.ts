// Shrinking a terminal that reflows its lines (tmux, VTE, iTerm2, Windows Terminal) makes each
// row of the live area wider than the screen take several rows; so does a frame laid out for the
// old width and written before the resize was noticed. Ink erases only as many rows as it drew,
// and the rest would stay behind as copies of the prompt. This guard keeps one invariant: before
// Ink erases its frame (on a resize, or at the start of a write), the frame occupies exactly the
// rows Ink counts. When the screen's width makes it taller, the guard erases the extra rows itself
// and leaves the cursor where Ink expects the bottom of its frame, so Ink's erase clears only
// blank rows and the new frame lands in place.
// (A terminal that truncates instead of reflowing, such as xterm, would lose as many scrollback
// rows as the reflow would have added.)

export interface ResizeGuard {
  /** The widths (cells) of the rows of the frame just rendered (on the screen once Ink writes). */
  frame(widths: number[]): void;
  /** The terminal as Ink should get it: the same stream, its writes watched. */
  readonly stdout: NodeJS.WriteStream;
  dispose(): void;
}

/** The terminal's size as Node last learnt it (on its SIGWINCH), with defaults for fake terminals. */
export function terminalSize(stdout: NodeJS.WriteStream): { columns: number; rows: number } {
  return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}

/** ESC[2K: how every erase of Ink's begins (eraseLines). */
const ERASE_LINE = '\x1b[2K';

export function installResizeGuard(stdout: NodeJS.WriteStream): ResizeGuard {
  // The frame on the screen (its rows' widths) and the last one rendered, which Ink writes a
  // little later (its writes are throttled).
  let onScreen: number[] = [];
  let rendered: number[] = [];
  const width = () => terminalSize(stdout).columns;
  const restore = () => {
    const now = width();
    const rows = onScreen.reduce((n, w) => n + Math.max(1, Math.ceil(w / now)), 0);
    const extra = rows - onScreen.length;
    if (extra <= 0) return;
    // Up to the frame's first row, erasing every row on the way (the cursor waits on the row under
    // the frame), then down to where Ink believes its frame ends.
    let seq = ERASE_LINE;
    for (let i = 0; i < rows; i++) seq += `\x1b[1A${ERASE_LINE}`;
    seq += `\x1b[${onScreen.length}B\x1b[G`;
    stdout.write(seq);
    // What is left is as many blank rows as Ink counts.
    onScreen = onScreen.map(() => 0);
  };
  const write = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith(ERASE_LINE)) restore();
    onScreen = rendered;
    return (stdout.write as (...a: unknown[]) => boolean)(...args);
  };
  const onResize = () => {
    restore();
    // Ink redraws the frame it has at once, each row cut to the width it lays out for (Node's
    // idea of the terminal's width, which may already be behind the terminal's) until the App
    // renders its rows for that width.
    const inkWidth = stdout.columns || width();
    rendered = rendered.map((w) => Math.min(w, inkWidth));
  };
  const proxied = new Proxy(stdout, {
    get(target, prop) {
      if (prop === 'write') return write;
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  stdout.on('resize', onResize);
  return {
    frame: (w) => {
      rendered = w;
    },
    stdout: proxied,
    dispose: () => stdout.off('resize', onResize),
  };
}

// Shrinking a terminal that reflows its lines (tmux, VTE, iTerm2, Windows Terminal) makes each
// row of the live area wider than the screen take several rows. Ink then erases only as many rows
// as it drew, and the rest stay behind as copies of the prompt. This guard runs before Ink's own
// resize handler: it erases the reflowed rows itself and leaves the cursor where Ink expects the
// bottom of its frame, so Ink's erase then clears only blank rows and the new frame lands in place.
// (A terminal that truncates instead of reflowing, such as xterm, loses as many scrollback rows as
// the reflow would have added; the rows of the frame are the widths the App reported.)

export interface ResizeGuard {
  /** The widths (cells) of the rows of the frame on the screen now. */
  frame(widths: number[]): void;
  dispose(): void;
}

export function installResizeGuard(stdout: NodeJS.WriteStream): ResizeGuard {
  let widths: number[] = [];
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
  };
  stdout.on('resize', onResize);
  return {
    frame: (w) => {
      widths = w;
    },
    dispose: () => stdout.off('resize', onResize),
  };
}

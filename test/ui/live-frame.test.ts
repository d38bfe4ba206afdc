// The live area's layout: never taller than the screen less one row, rows never wider than it,
// wide characters counted as two cells.
import { describe, expect, it } from 'vitest';
import { emptyEditor, type EditorState } from '../../src/ui/editor-state.js';
import { layoutFrame, rowWidth, type FrameInput } from '../../src/ui/live-frame.js';

const editor = (text: string, cursor = text.length): EditorState => ({ ...emptyEditor, text, cursor });
const base = (over: Partial<FrameInput>): FrameInput => ({
  width: 40,
  height: 10,
  color: false,
  prompt: 'PS>',
  promptError: false,
  editor: emptyEditor,
  status: 'Machine EX2007EE · lab default · Tab completes',
  ...over,
});
const text = (rows: ReturnType<typeof layoutFrame>) => rows.map((r) => r.map((x) => x.text).join(''));

describe('the live frame', () => {
  it('stays within height - 1 rows and the width, whatever the input, menu or screen size', () => {
    for (const [width, height] of [[40, 10], [20, 4], [120, 40], [10, 2]] as const) {
      const items = Array.from({ length: 50 }, (_, i) => ({ display: `Candidate-${i}` }));
      const rows = layoutFrame(base({ width, height, editor: editor('x'.repeat(5000)), menu: { items, index: 7, filter: '' }, search: undefined }));
      expect(rows.length).toBeLessThanOrEqual(Math.max(1, height - 1));
      for (const r of rows) expect(rowWidth(r)).toBeLessThanOrEqual(width);
    }
  });

  it('wraps the input by cells: a CJK character never straddles the edge', () => {
    const rows = text(layoutFrame(base({ width: 10, height: 20, prompt: 'PS', editor: editor('東京タワーです') })));
    // `PS ` + 東京タ (6 cells) = 9 cells; ワ would not fit in the last cell, so it starts the next row.
    expect(rows[0]).toBe('PS 東京タ');
    expect(rows[1]!.startsWith('ワーです')).toBe(true);
  });

  it('shows the rows around the cursor when the input is taller than its window', () => {
    const long = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n');
    const atEnd = text(layoutFrame(base({ height: 20, editor: editor(long) })));
    expect(atEnd.some((r) => r.includes('line 29'))).toBe(true);
    expect(atEnd.some((r) => r.includes('line 0'))).toBe(false);
    const atStart = text(layoutFrame(base({ height: 20, editor: editor(long, 0) })));
    expect(atStart[0]).toBe('PS> line 0');
  });

  it('puts the progress block above the prompt and drops it before the prompt when the screen is tiny', () => {
    const record = { activityId: 0, parentActivityId: -1, activity: 'Copying', statusDescription: 'file 1 of 2', percentComplete: 50, secondsRemaining: -1, completed: false };
    const progress = [{ sourceId: 0, record, children: [] }];
    const rows = text(layoutFrame(base({ progress })));
    expect(rows[0]).toBe(' '.repeat(40));
    expect(rows[1]!.trimEnd()).toBe(' Copying');
    expect(rows.some((r) => r.includes('[ooo'))).toBe(true);
    const tiny = text(layoutFrame(base({ height: 3, progress })));
    expect(tiny).toHaveLength(2);
    expect(tiny[0]).toContain('PS>');
  });
});

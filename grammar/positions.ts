// Lines and columns of offsets in a source text (1-based, as PowerShell's extents count them):
// for one offset (an error's position), or for many through a line index built once.

export interface Position {
  line: number;
  column: number;
}

/** 1-based line and column of an offset, and the text of that line (without its newline). */
export function lineAndColumn(text: string, offset: number): Position & { lineText: string } {
  const at = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  return { line, column: at - start + 1, lineText: text.slice(start, end) };
}

/** The position of any offset of `text`, by binary search over its line starts (for many lookups). */
export function lineIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

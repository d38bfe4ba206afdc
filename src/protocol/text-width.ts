// How much of a terminal row text takes: grapheme clusters (an emoji with its modifiers, a letter
// with its accents) are one unit for the cursor, and East Asian wide characters and emoji take two
// cells. Used by the line editor (move, delete, wrap) and by tables (padding, truncation).

// Made on first use: building ICU's grapheme segmenter costs ~15 ms, which every start-up paid
// when it was made at module load (a scripted run with ASCII output never needs it).
let graphemeSegmenter: Intl.Segmenter | undefined;
function segmenter(): Intl.Segmenter {
  return (graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));
}

// East Asian Wide and Fullwidth ranges (Unicode EastAsianWidth W/F), the common blocks.
const WIDE: [number, number][] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
  [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1],
  [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea],
  [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
  [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55],
  [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4], [0x17000, 0x18cff], [0x1b000, 0x1b2ff], [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a], [0x1f200, 0x1f251], [0x1f300, 0x1f64f], [0x1f680, 0x1f6ff], [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff], [0x1fa70, 0x1faff], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

function isWide(cp: number): boolean {
  if (cp < 0x1100) return false;
  let lo = 0;
  let hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = WIDE[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u200b]$/u;

/** Cells one grapheme cluster takes (0 for controls and lone combining marks). */
export function clusterWidth(cluster: string): number {
  const cp = cluster.codePointAt(0)!;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cluster.length === 1 && cp < 0x300) return 1;
  if (ZERO_WIDTH.test(String.fromCodePoint(cp)) && cluster.length <= 2) return 0;
  // Emoji presentation (VS16) and flags take two cells whatever their first code point.
  if (cluster.includes('\ufe0f') || (cp >= 0x1f1e6 && cp <= 0x1f1ff)) return 2;
  return isWide(cp) ? 2 : 1;
}

/** True when the text needs the grapheme-aware paths (anything beyond plain ASCII). */
function simple(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/** Cells the text takes on one row. */
export function displayWidth(text: string): number {
  if (simple(text)) return text.length;
  let w = 0;
  for (const { segment } of segmenter().segment(text)) w += clusterWidth(segment);
  return w;
}

/** The grapheme clusters of a text. */
export function graphemes(text: string): string[] {
  if (simple(text)) return text.split('');
  return Array.from(segmenter().segment(text), (s) => s.segment);
}

/** The offset of the grapheme boundary after `pos` (text.length at the end). */
export function nextBoundary(text: string, pos: number): number {
  if (pos >= text.length) return text.length;
  const c = text.charCodeAt(pos);
  const n = text.charCodeAt(pos + 1);
  // ASCII followed by ASCII (or the end) cannot start a longer cluster.
  if (c < 0x7f && c !== 13 && (Number.isNaN(n) || n < 0x300)) return pos + 1;
  const seg = segmenter().segment(text).containing(pos);
  return seg ? seg.index + seg.segment.length : pos + 1;
}

/** The offset of the grapheme boundary before `pos` (0 at the start). */
export function previousBoundary(text: string, pos: number): number {
  if (pos <= 0) return 0;
  const c = text.charCodeAt(pos - 1);
  if (c < 0x7f && c !== 10 && (pos < 2 || text.charCodeAt(pos - 2) < 0x7f)) return pos - 1;
  const seg = segmenter().segment(text).containing(pos - 1);
  return seg ? seg.index : pos - 1;
}

/**
 * Cuts text into pieces of at most `width` cells, never splitting a cluster (a wide character that
 * does not fit moves to the next piece, as a console does).
 */
export function cutToWidth(text: string, width: number): string[] {
  if (simple(text)) {
    const out: string[] = [];
    for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
    return out.length ? out : [''];
  }
  const out: string[] = [];
  let row = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const w = clusterWidth(g);
    if (used + w > width && row !== '') {
      out.push(row);
      row = '';
      used = 0;
    }
    row += g;
    used += w;
  }
  out.push(row);
  return out;
}

/** The text cut to at most `width` cells (whole clusters only). */
export function truncateToWidth(text: string, width: number): string {
  if (simple(text)) return text.slice(0, Math.max(0, width));
  let out = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const w = clusterWidth(g);
    if (used + w > width) break;
    out += g;
    used += w;
  }
  return out;
}

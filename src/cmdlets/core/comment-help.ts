// Comment-based help: which comments of a function or script are its help, and what their
// keywords (.SYNOPSIS, .PARAMETER x, .EXAMPLE, ...) say. The rules are Windows PowerShell 5.1's:
// for a function, a help block ending at most one blank line before `function`, else the first
// comment blocks at the start of its body, else the comments just before its closing brace; for a
// script, the first help block of the file unless it sits on the script's first function, else
// the comments at its end. A comment block is comments on consecutive lines (a blank line ends
// it); it is help when every `.KEYWORD` line in it is one of help's keywords.

import { lineIndex } from '../../../grammar/positions.js';
import type { ParameterDeclAst, SourceText } from '../../../grammar/ast.js';
import { scan } from '../../../grammar/lexer.js';
import { NewLine } from '../../../grammar/tokens.js';
import type { HelpSource } from '../../protocol/cmdlet.js';

/** What a help comment says, section by section (CommentHelpInfo). */
export interface CommentHelp {
  synopsis?: string;
  description?: string;
  notes?: string;
  examples: string[];
  inputs: string[];
  outputs: string[];
  links: string[];
  component?: string;
  role?: string;
  functionality?: string;
  /** `.PARAMETER name` sections by upper-case name. */
  parameters: Map<string, string>;
  forwardHelpTargetName?: string;
  forwardHelpCategory?: string;
  remoteHelpRunspace?: string;
  externalHelp?: string;
}

/** A token or comment with the lines it starts and ends on (1-based). */
interface Item {
  start: number;
  end: number;
  comment: boolean;
  newline: boolean;
  startLine: number;
  endLine: number;
}

const DIRECTIVE = /^\s*\.(\w+)(\s+(\S.*))?\s*$/;
const BLANK = /^\s*$/;
/** A help block may end this many lines above the function (one blank line between). */
const PROXIMITY = 2;

const itemCache = new WeakMap<SourceText, Item[]>();

/** The tokens and comments of a source text in order, with line numbers; a last item marks the end. */
function itemsOf(source: SourceText): Item[] {
  const cached = itemCache.get(source);
  if (cached) return cached;
  const text = source.text;
  const position = lineIndex(text);
  const lineOf = (offset: number): number => position(offset).line;
  const { tokens, comments } = scan(text);
  const items: Item[] = [];
  for (const t of tokens) {
    if (t.end <= t.startOffset && t.tokenType !== NewLine) continue;
    const newline = t.tokenType === NewLine;
    items.push({ start: t.startOffset, end: t.end, comment: false, newline, startLine: lineOf(t.startOffset), endLine: lineOf(Math.max(t.startOffset, t.end - 1)) });
  }
  for (const c of comments) items.push({ start: c.start, end: c.end, comment: true, newline: false, startLine: lineOf(c.start), endLine: lineOf(Math.max(c.start, c.end - 1)) });
  items.sort((a, b) => a.start - b.start);
  const endLine = lineOf(text.length);
  items.push({ start: text.length, end: text.length, comment: false, newline: false, startLine: endLine, endLine });
  itemCache.set(source, items);
  return items;
}

/** The first item not wholly before the offset. */
function firstAtOrAfter(items: Item[], offset: number, from = 0): number {
  let i = from;
  while (i < items.length - 1 && items[i]!.end <= offset && !(items[i]!.start === offset)) i++;
  return i;
}

/** The last item that starts before the offset, searching from `from`. */
function lastBefore(items: Item[], offset: number, from: number): number {
  let i = from;
  while (i < items.length - 1 && items[i]!.start < offset) i++;
  return i - 1;
}

/** The comments just above item `index`, the last ending within `proximity` lines of it. */
function precedingBlock(items: Item[], index: number, proximity: number): Item[] {
  const out: Item[] = [];
  let minEndLine = items[index]!.startLine - proximity;
  for (let i = index - 1; i >= 0; i--) {
    const it = items[i]!;
    if (it.endLine < minEndLine) break;
    if (it.comment) {
      out.push(it);
      minEndLine = it.startLine - 1;
    } else if (!it.newline) break;
  }
  return out.reverse();
}

/** The comments from item `from` on, up to a blank line or code; `next` is where it stopped. */
function followingBlock(items: Item[], from: number): { block: Item[]; next: number } {
  const block: Item[] = [];
  let maxStartLine = Infinity;
  let i = from;
  for (; i < items.length; i++) {
    const it = items[i]!;
    if (it.startLine > maxStartLine) break;
    if (it.comment) {
      block.push(it);
      maxStartLine = it.endLine + 1;
    } else if (!it.newline) break;
  }
  return { block, next: i };
}

/** The lines of comments: `#` lines without their leading `#`s, `<# #>` blocks split at line ends. */
function commentLines(text: string, block: Item[]): string[] {
  const lines: string[] = [];
  for (const c of block) {
    const t = text.slice(c.start, c.end);
    if (t.startsWith('<#')) lines.push(...t.slice(2, t.length - 2).split(/\r\n|\r|\n/));
    else lines.push(t.replace(/^#+/, ''));
  }
  return lines;
}

/**
 * The text of a section: its lines up to the next keyword, leading blank lines skipped and the
 * first line's indentation taken off every line. `at` is the keyword's line; returns the line
 * the section ends on.
 */
function section(lines: string[], at: number): { text: string; last: number } {
  let text = '';
  let capturing = false;
  let indent = 0;
  let i = at + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (!capturing && BLANK.test(line)) continue;
    if (DIRECTIVE.test(line)) break;
    if (!capturing) indent = /^[ \t\u00a0]*/.exec(line)![0].length;
    capturing = true;
    let s = 0;
    while (s < line.length && s < indent && /[ \t\u00a0]/.test(line[s]!)) s++;
    text += line.slice(s) + '\n';
  }
  return { text, last: i - 1 };
}

/** Help with no section written. */
export function emptyCommentHelp(): CommentHelp {
  return { examples: [], inputs: [], outputs: [], links: [], parameters: new Map() };
}

/** Reads the sections of a comment block; undefined when it is not help (no keyword, or one help does not know). */
export function analyzeHelp(lines: string[]): CommentHelp | undefined {
  const help = emptyCommentHelp();
  let found = false;
  for (let i = 0; i < lines.length; i++) {
    const m = DIRECTIVE.exec(lines[i]!);
    if (!m) continue;
    found = true;
    const keyword = m[1]!.toUpperCase();
    if (m[3] !== undefined) {
      const arg = m[3].trim();
      if (keyword === 'PARAMETER') {
        const s = section(lines, i);
        i = s.last;
        if (!help.parameters.has(arg.toUpperCase())) help.parameters.set(arg.toUpperCase(), s.text);
      } else if (keyword === 'FORWARDHELPTARGETNAME') help.forwardHelpTargetName = arg;
      else if (keyword === 'FORWARDHELPCATEGORY') help.forwardHelpCategory = arg;
      else if (keyword === 'REMOTEHELPRUNSPACE') help.remoteHelpRunspace = arg;
      else if (keyword === 'EXTERNALHELP') help.externalHelp = arg;
      else return undefined;
      continue;
    }
    const s = section(lines, i);
    switch (keyword) {
      case 'SYNOPSIS':
        help.synopsis = s.text;
        break;
      case 'DESCRIPTION':
        help.description = s.text;
        break;
      case 'NOTES':
        help.notes = s.text;
        break;
      case 'LINK':
        help.links.push(s.text.trim());
        break;
      case 'EXAMPLE':
        help.examples.push(s.text);
        break;
      case 'INPUTS':
        help.inputs.push(s.text);
        break;
      case 'OUTPUTS':
        help.outputs.push(s.text);
        break;
      case 'COMPONENT':
        help.component = s.text.trim();
        break;
      case 'ROLE':
        help.role = s.text.trim();
        break;
      case 'FUNCTIONALITY':
        help.functionality = s.text.trim();
        break;
      default:
        return undefined;
    }
    i = s.last;
  }
  return found ? help : undefined;
}

/** A parameter's description written as comments at it: above it, inside it, or just after it. */
function parameterComment(source: SourceText, items: Item[], p: ParameterDeclAst, from: number): string {
  const first = firstAtOrAfter(items, p.span.start, from);
  const lines = commentLines(source.text, precedingBlock(items, first, PROXIMITY));
  const last = lastBefore(items, p.span.end, first);
  lines.push(...commentLines(source.text, items.slice(first, last).filter((it) => it.comment)));
  lines.push(...commentLines(source.text, followingBlock(items, last + 1).block));
  return section(lines, -1).text;
}

export interface FoundHelp {
  help: CommentHelp;
  /** The descriptions written at the parameters, in declaration order. */
  parameterComments: string[];
}

/** The comment-based help of a function or script, when it has one. */
export function findCommentHelp(hs: HelpSource): FoundHelp | undefined {
  const { source, block } = hs;
  const items = itemsOf(source);
  const asHelp = (b: Item[]) => (b.length ? analyzeHelp(commentLines(source.text, b)) : undefined);
  const found = (help: CommentHelp, from: number): FoundHelp => ({
    help,
    parameterComments: (block.params?.parameters ?? []).map((p) => parameterComment(source, items, p, from)),
  });
  let start: number;
  let last: number;
  let from: number;
  if (hs.definition) {
    const at = firstAtOrAfter(items, hs.definition.start);
    const before = asHelp(precedingBlock(items, at, PROXIMITY));
    if (before) return found(before, at);
    from = at;
    start = firstAtOrAfter(items, block.span.start, at) + 1;
    last = lastBefore(items, hs.definition.end, start);
  } else if (hs.isScript) {
    start = from = 0;
    last = items.length - 1;
  } else {
    from = firstAtOrAfter(items, block.span.start);
    start = from + 1;
    last = lastBefore(items, block.span.end, start);
  }
  for (;;) {
    const { block: comments, next } = followingBlock(items, start);
    start = next;
    if (!comments.length) break;
    const help = asHelp(comments);
    if (!help) continue;
    // A script's first help block belongs to its first function when that follows closely.
    const first = block.end?.statements[0];
    if (hs.isScript && !block.begin && !block.process && first?.kind === 'FunctionDefinition') {
      const functionLine = items[firstAtOrAfter(items, first.span.start)]!.startLine;
      if (functionLine - comments[comments.length - 1]!.endLine > PROXIMITY) return found(help, from);
      break;
    }
    return found(help, from);
  }
  const end = asHelp(precedingBlock(items, last, Infinity));
  return end ? found(end, from) : undefined;
}

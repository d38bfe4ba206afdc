// Partial input, as the prompt holds it while a command is typed: parsed with Chevrotain's error
// recovery on (getRecoveringParser), so an unclosed `(`, a missing argument or a dangling `|`
// still leaves the commands before and around the cursor recognised. Tab completion asks which
// command the cursor is in and what was typed of it; nothing here throws.

import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { ParseError, Span } from './ast.js';
import { scan } from './lexer.js';
import { makeError } from './messages.js';
import { getRecoveringParser } from './parser.js';
import * as T from './tokens.js';

export interface CommandElementSyntax {
  kind: 'parameter' | 'argument' | 'redirection';
  /** The text as typed (`-Path`, `-Path:`, `C:\certs`, `'a b'`). */
  text: string;
  span: Span;
}

export interface CommandSyntax {
  /** The command name as typed (`gci`, `Get-ExchangeCertificate`); `&` / `.` invocations give the invoked text. */
  name: string;
  nameSpan: Span;
  /** From the name to the end of the last element. */
  span: Span;
  elements: CommandElementSyntax[];
}

export interface PartialParse {
  /** Every command recognised, in source order (nested ones, in script blocks, too). */
  commands: CommandSyntax[];
  /** The PowerShell parse errors met (the parse went on after each). */
  errors: ParseError[];
}

const ELEMENT_KIND: Record<string, CommandElementSyntax['kind']> = {
  Parameter: 'parameter',
  ParameterColon: 'parameter',
  colonArg: 'argument',
  argument: 'argument',
  redirection: 'redirection',
};

function isToken(e: CstElement): e is IToken {
  return (e as IToken).tokenType !== undefined;
}

/** The real tokens under a CST element (tokens Chevrotain inserted while recovering have no text). */
function tokensOf(e: CstElement, out: IToken[] = []): IToken[] {
  if (isToken(e)) {
    if (!e.isInsertedInRecovery && !Number.isNaN(e.startOffset)) out.push(e);
    return out;
  }
  for (const list of Object.values(e.children)) for (const c of list) tokensOf(c, out);
  return out;
}

function spanOf(tokens: IToken[]): Span | undefined {
  if (!tokens.length) return undefined;
  let start = Infinity;
  let end = -Infinity;
  for (const t of tokens) {
    start = Math.min(start, t.startOffset);
    end = Math.max(end, (t as T.PsToken).end);
  }
  return { start, end };
}

function commandOf(node: CstNode, text: string): CommandSyntax | undefined {
  const head: IToken[] = [];
  const elements: CommandElementSyntax[] = [];
  for (const [key, list] of Object.entries(node.children)) {
    if (key === 'Ampersand' || key === 'DotSource') continue;
    for (const c of list) {
      const kind = ELEMENT_KIND[key] ?? (isToken(c) && (c.tokenType === T.Parameter || c.tokenType === T.ParameterColon) ? 'parameter' : undefined);
      const span = spanOf(tokensOf(c));
      if (!span) continue;
      if (kind) elements.push({ kind, text: text.slice(span.start, span.end), span });
      else head.push(...tokensOf(c));
    }
  }
  const nameSpan = spanOf(head);
  if (!nameSpan) return undefined;
  elements.sort((a, b) => a.span.start - b.span.start);
  const end = Math.max(nameSpan.end, ...elements.map((e) => e.span.end));
  return { name: text.slice(nameSpan.start, nameSpan.end), nameSpan, span: { start: nameSpan.start, end }, elements };
}

function collectCommands(node: CstNode, text: string, out: CommandSyntax[]): void {
  if (node.name === 'command') {
    const c = commandOf(node, text);
    if (c) out.push(c);
  }
  for (const list of Object.values(node.children)) for (const c of list) if (!isToken(c)) collectCommands(c, text, out);
}

/** Parses partial input with error recovery: the commands recognised and the errors met. */
export function parsePartial(text: string): PartialParse {
  try {
    const scanned = scan(text);
    const errors: ParseError[] = scanned.errors.map((e) => makeError(e.id, e.span, e.args, e.incomplete));
    const parser = getRecoveringParser();
    parser.begin(scanned.tokens);
    const cst = parser.scriptBody();
    for (const e of parser.recoveredErrors) errors.push(makeError(e.errorId, e.span, e.args, e.incompleteHint === true));
    const commands: CommandSyntax[] = [];
    if (cst) collectCommands(cst, text, commands);
    commands.sort((a, b) => a.span.start - b.span.start);
    return { commands, errors };
  } catch {
    // Partial input must never take the prompt down: no commands known.
    return { commands: [], errors: [] };
  }
}

/**
 * The command the cursor is in: the innermost one whose name starts before the cursor and that
 * reaches the cursor, or ends before it with only blanks between (`Get-Item -Pa|`, `Get-Item |`).
 */
export function commandAt(text: string, cursor: number): CommandSyntax | undefined {
  let best: CommandSyntax | undefined;
  for (const c of parsePartial(text.slice(0, cursor)).commands) {
    if (c.nameSpan.start >= cursor) continue;
    if (c.span.end < cursor && text.slice(c.span.end, cursor).trim() !== '') continue;
    if (!best || c.nameSpan.start >= best.nameSpan.start) best = c;
  }
  return best;
}

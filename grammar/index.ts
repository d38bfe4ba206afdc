// The grammar's public API: parseScript (text → AST + PowerShell parse errors) and
// classifyTokens (for syntax colouring). Neither throws.
import { EOF, type IRecognitionException, type IToken } from 'chevrotain';
import type { ParseError, ParseResult, ScriptBlockAst, SourceText, Span } from './ast.js';
import { scan } from './lexer.js';
import { makeError, PsSyntaxError } from './messages.js';
import { getParser } from './parser.js';
import { semanticChecks } from './semantic-checks.js';
import { AstBuilder } from './to-ast.js';
import * as T from './tokens.js';
import type { PsToken } from './tokens.js';
import { readRequirements } from './requires.js';

export type { ParseError, ParseResult } from './ast.js';

/** Builds the parser now (it is otherwise built by the first parse); never throws. */
export function prepareParser(): void {
  try {
    getParser();
  } catch {
    // The first parse reports it.
  }
}

export function parseScript(text: string, file?: string): ParseResult {
  const source: SourceText = file === undefined ? { text } : { text, file };
  const whole = { start: 0, end: text.length };
  const empty = (): ScriptBlockAst => ({ kind: 'ScriptBlock', span: whole, end: { kind: 'StatementList', span: whole, statements: [] } });
  try {
    const scanned = scan(text);
    const errors: ParseError[] = scanned.errors.map((e) => makeError(e.id, e.span, e.args, e.incomplete));
    const parser = getParser();
    parser.input = scanned.tokens;
    let failure: PsSyntaxError | undefined;
    let cst;
    try {
      cst = parser.scriptBody();
      if (parser.errors.length) failure = fromChevrotain(parser.errors[0]!, text, true);
    } catch (e) {
      if (!(e instanceof PsSyntaxError)) throw e;
      failure = e;
    }
    let ast = empty();
    if (failure) {
      errors.push(makeError(failure.errorId, failure.span, failure.args, failure.incompleteHint === true));
    } else if (cst) {
      const treeErrors: PsSyntaxError[] = [];
      const builder = new AstBuilder({
        text,
        errors: treeErrors,
        parseNested(tokens: PsToken[]) {
          parser.input = tokens;
          try {
            const sub = parser.subExpr();
            if (parser.errors.length) return fromChevrotain(parser.errors[0]!, text, false);
            return sub;
          } catch (e) {
            if (e instanceof PsSyntaxError) return new PsSyntaxError(e.errorId, e.span, e.args, false);
            throw e;
          }
        },
      });
      ast = builder.scriptBody(cst, whole);
      treeErrors.push(...semanticChecks(ast));
      for (const e of treeErrors) errors.push(makeError(e.errorId, e.span, e.args, e.incompleteHint === true));
    }
    const requires = readRequirements(text, scanned.comments);
    errors.push(...requires.errors);
    errors.sort((a, b) => a.span.start - b.span.start);
    return requires.requirements ? { ast, errors, source, requirements: requires.requirements } : { ast, errors, source };
  } catch (e) {
    // Nesting deeper than the JS stack allows: PowerShell's parser gives up the same way.
    if (isStackOverflow(e)) return { ast: empty(), errors: [makeError('ScriptTooComplicated', deepestNesting(text), [], false)], source };
    // A bug here must not take the shell down: report it as a parse error.
    const message = e instanceof Error ? e.message : String(e);
    return { ast: empty(), errors: [{ message: `Internal parser error: ${message}`, errorId: 'InternalParserError', span: { start: 0, end: 0 }, incomplete: false }], source };
  }
}

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /Maximum call stack size exceeded/.test(e.message);
}

/**
 * Where the text nests deepest: the first bracket that opens the deepest level (counted over the
 * raw text, strings included: this only places the error). PowerShell reports the point its
 * tokenizer had reached when the parser ran out of stack, which is there.
 */
function deepestNesting(text: string): Span {
  let depth = 0;
  let best = -1;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '{' || c === '[') {
      if (++depth > best) {
        best = depth;
        at = i;
      }
    } else if ((c === ')' || c === '}' || c === ']') && depth > 0) depth--;
  }
  return { start: at, end: Math.min(at + 1, text.length) };
}

/** Maps Chevrotain's own recognition errors to PowerShell's wording. */
function fromChevrotain(e: IRecognitionException, text: string, top: boolean): PsSyntaxError {
  const t = e.token as IToken & Partial<PsToken>;
  if (!t || t.tokenType === EOF || Number.isNaN(t.startOffset)) {
    return new PsSyntaxError('MissingExpression', { start: text.length, end: text.length }, [''], top);
  }
  const span = { start: t.startOffset, end: t.end ?? t.startOffset + t.image.length };
  if (t.tokenType === T.Pipe) return new PsSyntaxError('EmptyPipeElement', span, [], false);
  return new PsSyntaxError('UnexpectedToken', span, [t.image], false);
}

export interface TokenSpan {
  kind: 'command' | 'parameter' | 'string' | 'variable' | 'number' | 'operator' | 'keyword' | 'comment' | 'type' | 'member' | 'default';
  start: number;
  end: number;
}

const KIND = new Map<unknown, TokenSpan['kind']>();
for (const t of [T.CommandName]) KIND.set(t, 'command');
for (const t of [T.Parameter, T.ParameterColon]) KIND.set(t, 'parameter');
KIND.set(T.StringLit, 'string');
for (const t of [T.Variable, T.SplatVariable]) KIND.set(t, 'variable');
KIND.set(T.NumberLit, 'number');
for (const t of [T.AssignOp, T.BinOp, T.Plus, T.Minus, T.SplitJoin, T.UnaryOp, T.PlusPlus, T.MinusMinus, T.Pipe, T.RedirFile, T.RedirMerge, T.Ampersand, T.DotSource, T.DoubleColon, T.Comma]) KIND.set(t, 'operator');
for (const t of [T.If, T.ElseIf, T.Else, T.Foreach, T.For, T.While, T.Do, T.Until, T.Switch, T.Default, T.FunctionKw, T.Return, T.Break, T.Continue, T.Throw, T.Exit, T.Try, T.Catch, T.Finally, T.Trap, T.Param, T.Begin, T.Process, T.End, T.In, T.Label]) KIND.set(t, 'keyword');
for (const t of [T.TypeLiteral, T.AttributeStart, T.AttributeEnd]) KIND.set(t, 'type');
KIND.set(T.MemberName, 'member');

export function classifyTokens(text: string): TokenSpan[] {
  try {
    const { tokens, comments } = scan(text);
    const out: TokenSpan[] = [];
    for (const t of tokens) {
      if (t.tokenType === T.NewLine) continue;
      out.push({ kind: KIND.get(t.tokenType) ?? 'default', start: t.startOffset, end: t.end });
    }
    for (const c of comments) out.push({ kind: 'comment', start: c.start, end: c.end });
    out.sort((a, b) => a.start - b.start);
    return out;
  } catch {
    return [];
  }
}

/**
 * The text of a command line's first and last tokens, new lines left out: what `$^` and `$$` hold
 * once the next line runs. Undefined for a line with no tokens.
 */
export function edgeTokens(text: string): { first: string; last: string } | undefined {
  const tokens = scan(text).tokens.filter((t) => t.tokenType !== T.NewLine);
  if (!tokens.length) return undefined;
  const raw = (t: PsToken) => text.slice(t.startOffset, (t.endOffset ?? t.startOffset) + 1);
  return { first: raw(tokens[0]!), last: raw(tokens[tokens.length - 1]!) };
}

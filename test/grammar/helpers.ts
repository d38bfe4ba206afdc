import { parseScript } from '../../grammar/index.js';
import type * as A from '../../grammar/ast.js';

/** Parses and asserts no errors; returns the top-level statements. */
export function stmts(text: string): A.StatementAst[] {
  const r = parseScript(text);
  if (r.errors.length) throw new Error(`unexpected errors for ${JSON.stringify(text)}: ${JSON.stringify(r.errors)}`);
  return r.ast.end!.statements;
}

/** The single expression of a one-statement script. */
export function expr(text: string): A.ExpressionAst {
  const s = stmts(text);
  const p = s[0] as A.PipelineAst;
  if (p.kind !== 'Pipeline' || p.elements[0]!.kind !== 'CommandExpression') throw new Error('not an expression: ' + text);
  return p.elements[0].expression;
}

/** The single command of a one-statement script. */
export function cmd(text: string, i = 0): A.CommandAst {
  const p = stmts(text)[0] as A.PipelineAst;
  const c = p.elements[i]!;
  if (c.kind !== 'Command') throw new Error('not a command: ' + text);
  return c;
}

/** Removes spans so shapes can be compared. */
export function shape<T>(v: T): T {
  return JSON.parse(JSON.stringify(v, (k, x) => (k === 'span' || k === 'operatorSpan' ? undefined : x)));
}

export const str = (value: string, quote: A.StringConstantAst['quote'] = 'bare') => ({ kind: 'StringConstant', value, quote });
export const num = (value: number, numberType = 'Int32') => ({ kind: 'Constant', value, numberType });
export const v = (name: string, scope?: string) => (scope ? { kind: 'Variable', name, scope } : { kind: 'Variable', name });

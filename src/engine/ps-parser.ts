// [System.Management.Automation.PSParser]::Tokenize(text, [ref]errors): the version 2 tokenizer
// API scripts use to check syntax. Tokens are PSToken objects over the scanner's tokens; the parse
// errors go to the [ref] as PSParseError objects (Token, Message).

import { lineIndex, type Position } from '../../grammar/positions.js';
import { classifyTokens, parseScript, type TokenSpan } from '../../grammar/index.js';
import { convertToString, enumValue, registerEnum, registerTypeName } from '../protocol/convert.js';
import { overloadError } from '../protocol/members.js';
import { PSObject, PSReference } from '../protocol/values.js';

const PSPARSER = 'System.Management.Automation.PSParser';
const TOKEN_TYPE = 'System.Management.Automation.PSTokenType';
registerTypeName(PSPARSER);
registerTypeName('System.Management.Automation.PSToken');
registerTypeName('System.Management.Automation.PSParseError');
registerEnum({
  typeName: TOKEN_TYPE,
  values: ['Unknown', 'Command', 'CommandParameter', 'CommandArgument', 'Number', 'String', 'Variable', 'Member', 'LoopLabel', 'Attribute', 'Type', 'Operator', 'GroupStart', 'GroupEnd', 'Keyword', 'Comment', 'StatementSeparator', 'NewLine', 'LineContinuation', 'Position'],
});

const KIND_TYPES: Record<TokenSpan['kind'], string> = {
  command: 'Command',
  parameter: 'CommandParameter',
  string: 'String',
  variable: 'Variable',
  number: 'Number',
  operator: 'Operator',
  keyword: 'Keyword',
  comment: 'Comment',
  type: 'Type',
  member: 'Member',
  default: 'CommandArgument',
};

function tokenType(kind: TokenSpan['kind'], content: string): string {
  if (kind !== 'default') return KIND_TYPES[kind];
  if (/^[@$]?[({[]$/.test(content)) return 'GroupStart';
  if (/^[)}\]]$/.test(content)) return 'GroupEnd';
  if (content === ';') return 'StatementSeparator';
  if (content === '.' || content === '::') return 'Operator';
  return 'CommandArgument';
}

function psToken(text: string, position: (offset: number) => Position, type: string, start: number, end: number): PSObject {
  const t = new PSObject(['System.Management.Automation.PSToken', 'System.Object']);
  const content = text.slice(start, end);
  const { line: startLine, column: startColumn } = position(start);
  const { line: endLine, column: endColumn } = position(end);
  // A string's content is its text inside the quotes; a variable's its name without `$`.
  const inner = type === 'String' && /^(['"]).*\1$/s.test(content) ? content.slice(1, -1) : type === 'Variable' ? content.replace(/^[$@]\{?|\}$/g, '') : content;
  t.addNote('Content', inner);
  t.addNote('Type', enumValue(TOKEN_TYPE, type));
  t.addNote('Start', start);
  t.addNote('Length', end - start);
  t.addNote('StartLine', startLine);
  t.addNote('StartColumn', startColumn);
  t.addNote('EndLine', endLine);
  t.addNote('EndColumn', endColumn);
  return t;
}

/** `[PSParser]::Tokenize(script, [ref]errors)`: the tokens; the errors (an empty list when none) into the reference. */
export function psParserMethod(name: string, args: unknown[]): unknown {
  if (name.toLowerCase() !== 'tokenize') return undefined;
  if (args.length !== 2) overloadError(name, args.length);
  const text = Array.isArray(args[0]) ? args[0].map(convertToString).join('\n') : convertToString(args[0]);
  const position = lineIndex(text);
  const tokens = classifyTokens(text).map((t) => psToken(text, position, tokenType(t.kind, text.slice(t.start, t.end)), t.start, t.end));
  const errors = parseScript(text).errors.map((e) => {
    const o = new PSObject(['System.Management.Automation.PSParseError', 'System.Object']);
    o.addNote('Token', psToken(text, position, 'Position', e.span.start, e.span.end));
    o.addNote('Message', e.message);
    return o;
  });
  if (args[1] instanceof PSReference) args[1].Value = errors;
  return tokens;
}

export { PSPARSER as PSPARSER_TYPE };

// Token types of the PowerShell subset. The scanner (lexer.ts) is hand-written because the
// tokenizer mode (expression vs argument) depends on grammar context; it emits Chevrotain
// IToken objects of these types. No patterns: Chevrotain's Lexer is not used.
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import type { ExpressionAst, StatementListAst } from './ast.js';

const NA = Lexer.NA;
const t = (name: string): TokenType => createToken({ name, pattern: NA });

// Separators and brackets
export const NewLine = t('NewLine');
export const Semi = t('Semi');
export const Pipe = t('Pipe');
export const Comma = t('Comma');
export const LParen = t('LParen');
/** `(` glued to a member name: a method call. */
export const CallOpen = t('CallOpen');
/** `{` glued to a member name: a method call whose one argument is a script block (`.ForEach{}`). */
export const CallBlock = t('CallBlock');
export const RParen = t('RParen');
export const LCurly = t('LCurly');
export const RCurly = t('RCurly');
export const AtParen = t('AtParen');
export const DollarParen = t('DollarParen');
export const AtCurly = t('AtCurly');
/** `[` glued to an operand: indexing. */
export const IndexOpen = t('IndexOpen');
export const RBracket = t('RBracket');
/** A whole type literal `[int[]]` (payload: the name). */
export const TypeLiteral = t('TypeLiteral');
/** `[Name(` opening an attribute (payload: the name); closed by `)` and AttributeEnd. */
export const AttributeStart = t('AttributeStart');
export const AttributeEnd = t('AttributeEnd');
export const Dot = t('Dot');
export const DoubleColon = t('DoubleColon');

// Operands
export const Variable = t('Variable');
export const SplatVariable = t('SplatVariable');
export const NumberLit = t('NumberLit');
export const StringLit = t('StringLit');
/** A generic token in command position. */
export const CommandName = t('CommandName');
/** A generic token in argument position (also function names, labels, hash keys). */
export const BareWord = t('BareWord');
/** A member name after `.` or `::`. */
export const MemberName = t('MemberName');
/** A named argument of an attribute: `Mandatory` in `[Parameter(Mandatory=$true)]`. */
export const Identifier = t('Identifier');
export const Parameter = t('Parameter');
/** `-Name:` — the next argument belongs to it. */
export const ParameterColon = t('ParameterColon');
export const RedirFile = t('RedirFile');
export const RedirMerge = t('RedirMerge');
export const Ampersand = t('Ampersand');
export const DotSource = t('DotSource');
export const Label = t('Label');

// Operators. Binary precedence is resolved in to-ast.ts from the image; these types only
// separate what can also be unary.
export const AssignOp = t('AssignOp');
export const BinOp = t('BinOp');
export const Plus = t('Plus');
export const Minus = t('Minus');
/** `-split` / `-join` (binary and unary). */
export const SplitJoin = t('SplitJoin');
/** `-not`, `!`, `-bnot`. */
export const UnaryOp = t('UnaryOp');
export const PlusPlus = t('PlusPlus');
export const MinusMinus = t('MinusMinus');

// Keywords (recognised by the scanner at statement start only)
export const If = t('If');
export const ElseIf = t('ElseIf');
export const Else = t('Else');
export const Foreach = t('Foreach');
export const For = t('For');
export const While = t('While');
export const Do = t('Do');
export const Until = t('Until');
export const Switch = t('Switch');
export const Default = t('Default');
export const FunctionKw = t('Function');
export const Return = t('Return');
export const Break = t('Break');
export const Continue = t('Continue');
export const Throw = t('Throw');
export const Exit = t('Exit');
export const Try = t('Try');
export const Catch = t('Catch');
export const Finally = t('Finally');
export const Trap = t('Trap');
export const Param = t('Param');
export const Begin = t('Begin');
export const Process = t('Process');
export const End = t('End');
export const In = t('In');
export const DynamicParam = t('DynamicParam');
/** `class` / `enum` opening a type definition (PowerShell 5). */
export const ClassKw = t('Class');
export const EnumKw = t('Enum');
/** `data` opening a Data section. */
export const DataKw = t('Data');
/** `static` / `hidden` before a class member. */
export const MemberModifier = t('MemberModifier');
/** `:` of `class B : A` and of a constructor's `: base(...)`. */
export const Colon = t('Colon');

export const allTokens: TokenType[] = [
  NewLine, Semi, Pipe, Comma, LParen, CallOpen, CallBlock, RParen, LCurly, RCurly, AtParen, DollarParen, AtCurly,
  IndexOpen, RBracket, TypeLiteral, AttributeStart, AttributeEnd, Dot, DoubleColon,
  Variable, SplatVariable, NumberLit, StringLit, CommandName, BareWord, MemberName, Identifier,
  Parameter, ParameterColon, RedirFile, RedirMerge, Ampersand, DotSource, Label,
  AssignOp, BinOp, Plus, Minus, SplitJoin, UnaryOp, PlusPlus, MinusMinus,
  If, ElseIf, Else, Foreach, For, While, Do, Until, Switch, Default, FunctionKw, Return, Break,
  Continue, Throw, Exit, Try, Catch, Finally, Trap, Param, Begin, Process, End, In,
  DynamicParam, ClassKw, EnumKw, DataKw, MemberModifier, Colon,
];

export const keywordTokens: Record<string, TokenType> = {
  if: If, elseif: ElseIf, else: Else, foreach: Foreach, for: For, while: While, do: Do, until: Until,
  switch: Switch, function: FunctionKw, filter: FunctionKw, return: Return, break: Break,
  continue: Continue, throw: Throw, exit: Exit, try: Try, catch: Catch, finally: Finally, trap: Trap,
};

// ---------------------------------------------------------------------------------------------
// Payloads the scanner attaches

/** A `$(...)` inside an expandable string or bare word: its tokens, parsed by to-ast. */
export interface NestedPart {
  kind: 'sub';
  start: number;
  end: number;
  tokens: PsToken[];
}
export type StringPart = string | ExpressionAst | NestedPart;

export interface StringPayload {
  quote: 'bare' | 'single' | 'double' | 'hereSingle' | 'hereDouble';
  /** Literal text with `$` expansions; a single string when nothing expands. */
  parts: StringPart[];
}

export interface NumberPayload {
  /** The nearest double. */
  value: number;
  numberType: 'Int32' | 'Int64' | 'Double' | 'Decimal';
  /** The literal's text when it is not an Int32 (`5l`, `1.1d`, `2.0`): its exact value is read from it. */
  exact?: string;
}

export interface VariablePayload {
  name: string;
  scope?: string;
}

export interface PsToken extends IToken {
  /** Exclusive end offset (Chevrotain's endOffset is inclusive). */
  end: number;
}

/** Token types that end an operand, so a glued `.`, `::` or `[` is member access or indexing. */
export const operandEnders = new Set<TokenType>([
  Variable, NumberLit, StringLit, RParen, RBracket, RCurly, TypeLiteral, MemberName,
]);

export type { ExpressionAst, StatementListAst };

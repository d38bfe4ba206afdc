// The AST emsh evaluates. Every node carries the span of the source text it came from, so
// errors can point at the culprit ("At line:N char:M" and the ~~~ marker).
//
// The parser (parser.ts + to-ast.ts) builds these; the engine walks them. Nothing here
// depends on Chevrotain.

/** Offsets into the source text: [start, end). Line/column are derived from the text when needed. */
export interface Span {
  start: number;
  end: number;
}

/** The text a script came from. Shared by all spans of one parse. */
export interface SourceText {
  text: string;
  /** Script path for `-File` runs; undefined for typed or `-Command` input. */
  file?: string;
}

// ---------------------------------------------------------------------------------------------
// Script blocks and statements

export interface ScriptBlockAst {
  kind: 'ScriptBlock';
  span: Span;
  /** `param(...)` at the top of the block, if any. */
  params?: ParamBlockAst;
  /** `[CmdletBinding()]` seen before `param`. */
  cmdletBinding?: boolean;
  /**
   * Named blocks. A block written without `begin/process/end` is the `end` block
   * (for a `filter`, the parser puts it in `process`).
   */
  begin?: StatementListAst;
  process?: StatementListAst;
  end?: StatementListAst;
  /** `dynamicparam { }`: returns the RuntimeDefinedParameterDictionary of parameters added at binding. */
  dynamicParam?: StatementListAst;
}

export interface StatementListAst {
  kind: 'StatementList';
  span: Span;
  statements: StatementAst[];
}

export interface ParamBlockAst {
  kind: 'ParamBlock';
  span: Span;
  parameters: ParameterDeclAst[];
  /** The attributes before `param` (`[CmdletBinding(...)]`, `[OutputType(...)]`). */
  attributes?: AttributeAst[];
}

/** One `[attr()] [type] $name = default` of a param() block or function(...) list. */
export interface ParameterDeclAst {
  kind: 'ParameterDecl';
  span: Span;
  name: string;
  /** The `$name` token. */
  nameSpan?: Span;
  /** Type constraint such as `[string]`, `[int[]]`, `[switch]`. */
  type?: TypeNameAst;
  /** Every type literal written before the name when there are several (`[ref][int]$x`). */
  types?: TypeNameAst[];
  attributes: AttributeAst[];
  default?: ExpressionAst;
}

/** `[Parameter(Mandatory=$true, Position=0)]`, `[ValidateSet('a','b')]`, `[Alias('x')]`. */
export interface AttributeAst {
  kind: 'Attribute';
  span: Span;
  name: string;
  /** Positional arguments, e.g. ValidateSet's values. */
  positional: ExpressionAst[];
  /** Named arguments; `Mandatory` alone (no `=`) has value undefined, meaning $true. */
  named: { name: string; value?: ExpressionAst; span: Span }[];
}

export interface TypeNameAst {
  kind: 'TypeName';
  span: Span;
  /** As written, without brackets: `int`, `string[]`, `System.IO.File`, `byte[]`. */
  name: string;
}

export type StatementAst =
  | PipelineAst
  | AssignmentAst
  | IfAst
  | ForeachAst
  | ForAst
  | WhileAst
  | DoLoopAst
  | SwitchAst
  | FunctionDefinitionAst
  | ReturnAst
  | BreakAst
  | ContinueAst
  | ThrowAst
  | ExitAst
  | TryAst
  | TrapAst
  | TypeDefinitionAst
  | DataSectionAst;

/** `data [name] [-SupportedCommand a, b] { ... }`: restricted language; its output goes to `$name` when named. */
export interface DataSectionAst {
  kind: 'DataSection';
  span: Span;
  variable?: string;
  /** Commands allowed besides ConvertFrom-StringData. */
  commands: string[];
  body: StatementListAst;
}

/** `a | b | c`. The first element may be an expression; the rest are commands. */
export interface PipelineAst {
  kind: 'Pipeline';
  span: Span;
  elements: PipelineElementAst[];
}

export type PipelineElementAst = CommandAst | CommandExpressionAst;

export interface CommandAst {
  kind: 'Command';
  span: Span;
  /** `&` or `.` before the name, or none. */
  invocation?: '&' | '.';
  /**
   * The command name: a bare word becomes a StringConstant with bareWord true;
   * `& $sb`, `& 'C:\x.ps1'` give the expression.
   */
  name: ExpressionAst;
  /** Parameters and arguments in the order written. */
  elements: CommandElementAst[];
  redirections: RedirectionAst[];
}

/** An expression used as the first pipeline element: `$x`, `1..10`, `(Get-X).Name`. */
export interface CommandExpressionAst {
  kind: 'CommandExpression';
  span: Span;
  expression: ExpressionAst;
  redirections: RedirectionAst[];
}

export type CommandElementAst = CommandParameterAst | ExpressionAst;

/**
 * `-Name`, `-Name:value`, `-Switch:$false`. `argument` is only set for the colon form;
 * `-Name value` gives a parameter without argument followed by an expression element
 * (the binder pairs them, as PowerShell does).
 */
export interface CommandParameterAst {
  kind: 'CommandParameter';
  span: Span;
  /** The name as typed, without the dash or colon. */
  name: string;
  argument?: ExpressionAst;
}

/** `> file`, `>> file`, `2> file`, `2>&1`, `*>&1`, `>$null`. */
export interface RedirectionAst {
  kind: 'Redirection';
  span: Span;
  /** Stream redirected: 1 output, 2 error, 3 warning, 4 verbose, 5 debug, 6 information, '*' all. */
  from: 1 | 2 | 3 | 4 | 5 | 6 | '*';
  /** Merging redirection (`2>&1`) targets stream 1; file redirection has `target`. */
  toOutput?: boolean;
  append?: boolean;
  target?: ExpressionAst;
}

export interface AssignmentAst {
  kind: 'Assignment';
  span: Span;
  /** Variable, member (`$a.b`), index (`$a[0]`), or a cast of a variable (`[int]$x`). */
  target: ExpressionAst;
  operator: '=' | '+=' | '-=' | '*=' | '/=' | '%=';
  value: StatementAst;
}

export interface IfAst {
  kind: 'If';
  span: Span;
  clauses: { condition: PipelineAst | AssignmentAst; body: StatementListAst }[];
  else?: StatementListAst;
}

export interface ForeachAst {
  kind: 'Foreach';
  span: Span;
  label?: string;
  /** `-parallel` and `-throttlelimit <n>`: workflow forms, refused by the semantic checks. */
  parallel?: boolean;
  throttleLimit?: ExpressionAst;
  variable: VariableAst;
  collection: PipelineAst | AssignmentAst;
  body: StatementListAst;
}

export interface ForAst {
  kind: 'For';
  span: Span;
  label?: string;
  init?: PipelineAst | AssignmentAst;
  condition?: PipelineAst | AssignmentAst;
  iterator?: PipelineAst | AssignmentAst;
  body: StatementListAst;
}

export interface WhileAst {
  kind: 'While';
  span: Span;
  label?: string;
  condition: PipelineAst | AssignmentAst;
  body: StatementListAst;
}

/** `do { } while (...)` and `do { } until (...)`. */
export interface DoLoopAst {
  kind: 'DoLoop';
  span: Span;
  label?: string;
  until: boolean;
  condition: PipelineAst | AssignmentAst;
  body: StatementListAst;
}

export interface SwitchAst {
  kind: 'Switch';
  span: Span;
  label?: string;
  /** `-parallel` is a workflow form, refused by the semantic checks. */
  flags: { regex?: boolean; wildcard?: boolean; exact?: boolean; caseSensitive?: boolean; parallel?: boolean };
  subject: PipelineAst | AssignmentAst;
  clauses: { condition: ExpressionAst; body: StatementListAst }[];
  default?: StatementListAst;
}

export interface FunctionDefinitionAst {
  kind: 'FunctionDefinition';
  span: Span;
  isFilter: boolean;
  name: string;
  /** `function f($a, $b) {}` parameters, when written that way (else body.params). */
  parameters?: ParameterDeclAst[];
  body: ScriptBlockAst;
}

export interface ReturnAst {
  kind: 'Return';
  span: Span;
  value?: PipelineAst | AssignmentAst;
}

export interface BreakAst {
  kind: 'Break';
  span: Span;
  label?: string;
}

export interface ContinueAst {
  kind: 'Continue';
  span: Span;
  label?: string;
}

export interface ThrowAst {
  kind: 'Throw';
  span: Span;
  value?: PipelineAst | AssignmentAst;
}

export interface ExitAst {
  kind: 'Exit';
  span: Span;
  value?: PipelineAst | AssignmentAst;
}

/** `trap [Type] { }`: the handler of its script block, function or script (wherever it stands in it). */
export interface TrapAst {
  kind: 'Trap';
  span: Span;
  type?: TypeNameAst;
  body: StatementListAst;
}

/** `class Name : Base { members }` or `enum Name { A; B = 5 }` (PowerShell 5). */
export interface TypeDefinitionAst {
  kind: 'TypeDefinition';
  span: Span;
  isEnum: boolean;
  name: string;
  /** `: Base, IInterface` as written (for an enum, its underlying type). */
  baseTypes: string[];
  attributes: AttributeAst[];
  /** Class members, in the order written. */
  members: (PropertyMemberAst | FunctionMemberAst)[];
  /** Enum members, in the order written. */
  enumMembers: { name: string; span: Span; value?: ExpressionAst }[];
}

/** `[attr()] [type] static hidden $Name = value` in a class. */
export interface PropertyMemberAst {
  kind: 'PropertyMember';
  span: Span;
  name: string;
  type?: TypeNameAst;
  isStatic: boolean;
  isHidden: boolean;
  attributes: AttributeAst[];
  initial?: StatementAst;
}

/** `[type] static Name(params) { }`, or a constructor `Name(params) : base(args) { }`. */
export interface FunctionMemberAst {
  kind: 'FunctionMember';
  span: Span;
  name: string;
  returnType?: TypeNameAst;
  isStatic: boolean;
  isHidden: boolean;
  isConstructor: boolean;
  parameters: ParameterDeclAst[];
  /** A constructor's `: base(...)` arguments (undefined when it has none). */
  baseArguments?: ExpressionAst[];
  /** The body as a script block (its statements in `end`), and its text between the braces. */
  body: ScriptBlockAst;
  text: string;
}

export interface TryAst {
  kind: 'Try';
  span: Span;
  body: StatementListAst;
  /** `types` empty means a catch-all clause. Type names as written (`System.Exception`). */
  catches: { types: TypeNameAst[]; body: StatementListAst; span: Span }[];
  finally?: StatementListAst;
}

// ---------------------------------------------------------------------------------------------
// Expressions

export type ExpressionAst =
  | ConstantAst
  | StringConstantAst
  | ExpandableStringAst
  | VariableAst
  | BinaryAst
  | UnaryAst
  | ConvertAst
  | TypeExpressionAst
  | MemberAst
  | InvokeMemberAst
  | IndexAst
  | ArrayLiteralAst
  | ArrayExpressionAst
  | SubExpressionAst
  | ParenAst
  | HashtableAst
  | ScriptBlockExpressionAst
  | IncrementAst;

/** Numbers (already converted: `0x1F` → 31, `1kb` → 1024) and typed literal values. */
export interface ConstantAst {
  kind: 'Constant';
  span: Span;
  value: number;
  /** `Int32` for ints that fit, `Int64`, `Double`, `Decimal` (written `1d`). */
  numberType: 'Int32' | 'Int64' | 'Double' | 'Decimal';
  /** The literal's text when it is not an Int32; the runtime takes the exact value and type from it. */
  exact?: string;
}

/** Single-quoted strings, here-strings @' '@, and bare words in argument mode. */
export interface StringConstantAst {
  kind: 'StringConstant';
  span: Span;
  value: string;
  /** Quote style, which matters for command names and display. */
  quote: 'bare' | 'single' | 'double' | 'hereSingle' | 'hereDouble';
}

/**
 * A double-quoted string or bare word containing `$var` or `$( )`. `parts` alternate
 * literal text (escapes already processed) and expressions (VariableAst or SubExpressionAst).
 */
export interface ExpandableStringAst {
  kind: 'ExpandableString';
  span: Span;
  parts: (string | ExpressionAst)[];
  quote: 'bare' | 'double' | 'hereDouble';
}

export interface VariableAst {
  kind: 'Variable';
  span: Span;
  /** Name without `$`, scope prefix or braces: `_`, `true`, `ErrorActionPreference`, `env:PATH` → name `PATH`. */
  name: string;
  /** `global`, `script`, `local`, `private`, `env`, `variable` or undefined. */
  scope?: string;
  /** `@name` splatting in argument position. */
  splat?: boolean;
}

export type BinaryOperator =
  // arithmetic
  | '+' | '-' | '*' | '/' | '%'
  // range, format
  | '..' | '-f'
  // logical
  | '-and' | '-or' | '-xor'
  // bitwise
  | '-band' | '-bor' | '-bxor' | '-shl' | '-shr'
  // comparison (the `i` forms are normalised to the plain form; `c` forms kept)
  | '-eq' | '-ne' | '-gt' | '-ge' | '-lt' | '-le'
  | '-ceq' | '-cne' | '-cgt' | '-cge' | '-clt' | '-cle'
  | '-like' | '-notlike' | '-clike' | '-cnotlike'
  | '-match' | '-notmatch' | '-cmatch' | '-cnotmatch'
  | '-contains' | '-notcontains' | '-ccontains' | '-cnotcontains'
  | '-in' | '-notin' | '-cin' | '-cnotin'
  | '-replace' | '-creplace'
  | '-split' | '-csplit'
  | '-join'
  | '-is' | '-isnot' | '-as';

export interface BinaryAst {
  kind: 'Binary';
  span: Span;
  operator: BinaryOperator;
  /** Span of the operator token itself, for errors. */
  operatorSpan: Span;
  left: ExpressionAst;
  right: ExpressionAst;
}

export type UnaryOperator = '-not' | '!' | '-bnot' | '-' | '+' | ',' | '-split' | '-join';

export interface UnaryAst {
  kind: 'Unary';
  span: Span;
  operator: UnaryOperator;
  operand: ExpressionAst;
}

/** `++$i`, `$i++`, `--$i`, `$i--`. */
export interface IncrementAst {
  kind: 'Increment';
  span: Span;
  operator: '++' | '--';
  prefix: boolean;
  operand: ExpressionAst;
}

/** A cast: `[int]$x`, `[byte[]]$data`, `[pscustomobject]@{...}`. */
export interface ConvertAst {
  kind: 'Convert';
  span: Span;
  type: TypeNameAst;
  operand: ExpressionAst;
}

/** A type literal used as a value: `[System.IO.File]`, the left side of `::`, the right of `-is`. */
export interface TypeExpressionAst {
  kind: 'TypeExpression';
  span: Span;
  type: TypeNameAst;
}

/** `$a.Name`, `$a.$prop`, `[Math]::PI`. */
export interface MemberAst {
  kind: 'Member';
  span: Span;
  target: ExpressionAst;
  /** A plain name becomes a StringConstant (quote 'bare'); `$a.$b` gives the expression. */
  member: ExpressionAst;
  static: boolean;
}

/** `$a.ToString()`, `[System.IO.File]::ReadAllBytes('x')`. */
export interface InvokeMemberAst {
  kind: 'InvokeMember';
  span: Span;
  target: ExpressionAst;
  member: ExpressionAst;
  static: boolean;
  arguments: ExpressionAst[];
}

/** `$a[0]`, `$h['key']`, `$a[1..3]`, `$a[-1]`. */
export interface IndexAst {
  kind: 'Index';
  span: Span;
  target: ExpressionAst;
  index: ExpressionAst;
}

/** `1, 2, 3` (also unary `,1` uses UnaryAst). */
export interface ArrayLiteralAst {
  kind: 'ArrayLiteral';
  span: Span;
  elements: ExpressionAst[];
}

/** `@( ... )`. */
export interface ArrayExpressionAst {
  kind: 'ArrayExpression';
  span: Span;
  statements: StatementListAst;
}

/** `$( ... )`. */
export interface SubExpressionAst {
  kind: 'SubExpression';
  span: Span;
  statements: StatementListAst;
}

/** `( pipeline )`. */
export interface ParenAst {
  kind: 'Paren';
  span: Span;
  pipeline: PipelineAst | AssignmentAst;
}

/** `@{ Name = 'x'; Expression = { ... } }`. Keys are expressions (bare words become StringConstant). */
export interface HashtableAst {
  kind: 'Hashtable';
  span: Span;
  entries: { key: ExpressionAst; value: StatementAst }[];
  /** `[ordered]@{}` is a ConvertAst around this; nothing special here. */
}

/** `{ ... }` as a value. `text` is the source between the braces, for ToString(). */
export interface ScriptBlockExpressionAst {
  kind: 'ScriptBlockExpression';
  span: Span;
  block: ScriptBlockAst;
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Parse results

export interface ParseError {
  /** PowerShell's message text, e.g. `Missing closing '}' in statement block or type definition.` */
  message: string;
  /** PowerShell's error id, e.g. `MissingEndCurlyBrace`. */
  errorId: string;
  /** Where the error points (an empty span at the end of input for a missing token). */
  span: Span;
  /**
   * True when more input could complete the text (an unclosed brace, a trailing pipe,
   * an unterminated string): the interactive shell then asks for a continuation line.
   */
  incomplete: boolean;
}

export interface ParseResult {
  ast: ScriptBlockAst;
  errors: ParseError[];
  source: SourceText;
  /** What the script's `#requires` lines ask for (grammar/requires.ts); absent when it has none. */
  requirements?: ScriptRequirements;
}

/** A script's `#requires` statements. */
export interface ScriptRequirements {
  /** `-Version`, as major.minor[.build[.revision]]. */
  version?: string;
  /** `-PSEdition` values (Desktop, Core). */
  editions?: string[];
  /** `-Modules` names (a ModuleSpecification's ModuleName). */
  modules?: string[];
  /** `-RunAsAdministrator`. */
  elevation?: boolean;
  shellId?: string;
  snapins?: string[];
}

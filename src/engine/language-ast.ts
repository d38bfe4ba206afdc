// [System.Management.Automation.Language.Parser]::ParseInput / ParseFile: emsh's own parse of a
// script, shown as PowerShell's AST objects (ScriptBlockAst, NamedBlockAst, PipelineAst, ...) with
// the members scripts read: EndBlock.Statements, a statement's Flags, Extent (text, lines,
// columns, offsets), Parent, and the parse errors (ParseError: ErrorId, Message, Extent) through
// [ref]. Nodes are wrapped on first read, so a parse costs what the parse costs.
import type * as A from '../../grammar/ast.js';
import { lineIndex, type Position } from '../../grammar/positions.js';
import { classifyTokens, parseScript } from '../../grammar/index.js';
import { enumValue, registerEnum, registerTypeName } from '../protocol/convert.js';
import { PSObject, PSReference } from '../protocol/values.js';

const NS = 'System.Management.Automation.Language.';
export const LANGUAGE_PARSER_TYPE = `${NS}Parser`;
const TOKEN_KIND = `${NS}TokenKind`;
const FOREACH_FLAGS = `${NS}ForEachFlags`;
const SWITCH_FLAGS = `${NS}SwitchFlags`;

// The base types of each AST type (most derived first), for `-is` and Get-Member.
const STATEMENT = ['StatementAst', 'Ast'];
const LABELED = ['LabeledStatementAst', ...STATEMENT];
const LOOP = ['LoopStatementAst', ...LABELED];
const EXPRESSION = ['ExpressionAst', 'CommandElementAst', 'Ast'];
const BASES: Record<string, string[]> = {
  ScriptBlockAst: ['Ast'],
  NamedBlockAst: ['Ast'],
  StatementBlockAst: ['Ast'],
  ParamBlockAst: ['Ast'],
  ParameterAst: ['Ast'],
  AttributeAst: ['AttributeBaseAst', 'Ast'],
  TypeConstraintAst: ['AttributeBaseAst', 'Ast'],
  NamedAttributeArgumentAst: ['Ast'],
  CatchClauseAst: ['Ast'],
  FileRedirectionAst: ['RedirectionAst', 'Ast'],
  MergingRedirectionAst: ['RedirectionAst', 'Ast'],
  PipelineAst: ['PipelineBaseAst', ...STATEMENT],
  AssignmentStatementAst: ['PipelineBaseAst', ...STATEMENT],
  CommandAst: ['CommandBaseAst', ...STATEMENT],
  CommandExpressionAst: ['CommandBaseAst', ...STATEMENT],
  CommandParameterAst: ['CommandElementAst', 'Ast'],
  IfStatementAst: STATEMENT,
  ForEachStatementAst: LOOP,
  ForStatementAst: LOOP,
  WhileStatementAst: LOOP,
  DoWhileStatementAst: LOOP,
  DoUntilStatementAst: LOOP,
  SwitchStatementAst: LABELED,
  FunctionDefinitionAst: STATEMENT,
  ReturnStatementAst: STATEMENT,
  BreakStatementAst: STATEMENT,
  ContinueStatementAst: STATEMENT,
  ThrowStatementAst: STATEMENT,
  ExitStatementAst: STATEMENT,
  TryStatementAst: STATEMENT,
  TrapStatementAst: STATEMENT,
  TypeDefinitionAst: STATEMENT,
  DataStatementAst: STATEMENT,
  ConstantExpressionAst: EXPRESSION,
  StringConstantExpressionAst: ['ConstantExpressionAst', ...EXPRESSION],
  ExpandableStringExpressionAst: EXPRESSION,
  VariableExpressionAst: EXPRESSION,
  BinaryExpressionAst: EXPRESSION,
  UnaryExpressionAst: EXPRESSION,
  ConvertExpressionAst: ['AttributedExpressionAst', ...EXPRESSION],
  TypeExpressionAst: EXPRESSION,
  MemberExpressionAst: EXPRESSION,
  InvokeMemberExpressionAst: ['MemberExpressionAst', ...EXPRESSION],
  IndexExpressionAst: EXPRESSION,
  ArrayLiteralAst: EXPRESSION,
  ArrayExpressionAst: EXPRESSION,
  SubExpressionAst: EXPRESSION,
  ParenExpressionAst: EXPRESSION,
  HashtableAst: EXPRESSION,
  ScriptBlockExpressionAst: EXPRESSION,
};

// TokenKind as .NET numbers it (the operators, keywords and block kinds the AST reports).
const TOKEN_KINDS: [string, number][] = Object.entries({
  Unknown: 0, DotDot: 33, Exclaim: 36, Multiply: 37, Divide: 38, Rem: 39, Plus: 40, Minus: 41, Equals: 42, PlusEquals: 43,
  MinusEquals: 44, MultiplyEquals: 45, DivideEquals: 46, RemainderEquals: 47, Format: 50, Not: 51, Bnot: 52, And: 53,
  Or: 54, Xor: 55, Band: 56, Bor: 57, Bxor: 58, Join: 59, Ieq: 60, Ine: 61, Ige: 62, Igt: 63, Ilt: 64, Ile: 65, Ilike: 66,
  Inotlike: 67, Imatch: 68, Inotmatch: 69, Ireplace: 70, Icontains: 71, Inotcontains: 72, Iin: 73, Inotin: 74, Isplit: 75,
  Ceq: 76, Cne: 77, Cge: 78, Cgt: 79, Clt: 80, Cle: 81, Clike: 82, Cnotlike: 83, Cmatch: 84, Cnotmatch: 85, Creplace: 86,
  Ccontains: 87, Cnotcontains: 88, Cin: 89, Cnotin: 90, Csplit: 91, Is: 92, IsNot: 93, As: 94, PostfixPlusPlus: 95,
  PostfixMinusMinus: 96, Shl: 97, Shr: 98, Comma: 30, MinusMinus: 31, PlusPlus: 32, Ampersand: 28, Dot: 35,
  Begin: 119, Dynamicparam: 127, End: 130, Process: 141,
});

// The type names resolve from the start, as .NET's do (a few map entries).
registerTypeName(LANGUAGE_PARSER_TYPE);
for (const name of new Set(Object.entries(BASES).flat(2))) registerTypeName(NS + name);
for (const name of ['ParseError', 'Token', 'IScriptExtent']) registerTypeName(NS + name);
registerEnum({ typeName: TOKEN_KIND, values: TOKEN_KINDS.map((k) => k[0]), numbers: TOKEN_KINDS.map((k) => k[1]) });
registerEnum({ typeName: FOREACH_FLAGS, values: ['None', 'Parallel'], flags: true });
registerEnum({ typeName: SWITCH_FLAGS, values: ['None', 'File', 'Regex', 'Wildcard', 'Exact', 'CaseSensitive', 'Parallel'], numbers: [0, 1, 2, 4, 8, 16, 32], flags: true });

const BINARY_KINDS: Record<string, string> = {
  '+': 'Plus', '-': 'Minus', '*': 'Multiply', '/': 'Divide', '%': 'Rem', '..': 'DotDot', '-f': 'Format', '-and': 'And',
  '-or': 'Or', '-xor': 'Xor', '-band': 'Band', '-bor': 'Bor', '-bxor': 'Bxor', '-shl': 'Shl', '-shr': 'Shr', '-join': 'Join',
  '-is': 'Is', '-isnot': 'IsNot', '-as': 'As',
};
/** A binary operator's TokenKind: the comparison operators are Ixxx (as written or with `i`) or Cxxx. */
function binaryKind(op: string): string {
  const named = BINARY_KINDS[op];
  if (named) return named;
  const bare = op.slice(1);
  return bare.startsWith('c') && TOKEN_KINDS.some((k) => k[0] === `C${bare.slice(1)}`) ? `C${bare.slice(1)}` : `I${bare}`;
}
const UNARY_KINDS: Record<string, string> = { '-not': 'Not', '!': 'Exclaim', '-bnot': 'Bnot', '-': 'Minus', '+': 'Plus', ',': 'Comma', '-split': 'Isplit', '-join': 'Join' };
const ASSIGN_KINDS: Record<string, string> = { '=': 'Equals', '+=': 'PlusEquals', '-=': 'MinusEquals', '*=': 'MultiplyEquals', '/=': 'DivideEquals', '%=': 'RemainderEquals' };
const STRING_KINDS: Record<string, string> = { bare: 'BareWord', single: 'SingleQuoted', double: 'DoubleQuoted', hereSingle: 'SingleQuotedHereString', hereDouble: 'DoubleQuotedHereString' };

/** One parse's objects: the text (for extents) and the wrapper of each node, made once. */
class AstView {
  private readonly position: (offset: number) => Position;
  private readonly made = new Map<object, PSObject>();

  constructor(
    private readonly text: string,
    private readonly file: string | null,
  ) {
    this.position = lineIndex(text);
  }

  extent(span: A.Span): PSObject {
    const start = this.position(span.start);
    const end = this.position(span.end);
    const o = new PSObject([`${NS}InternalScriptExtent`, `${NS}IScriptExtent`, 'System.Object']);
    const text = this.text.slice(span.start, span.end);
    o.addNote('File', this.file);
    o.addNote('StartLineNumber', start.line);
    o.addNote('StartColumnNumber', start.column);
    o.addNote('EndLineNumber', end.line);
    o.addNote('EndColumnNumber', end.column);
    o.addNote('Text', text);
    o.addNote('StartOffset', span.start);
    o.addNote('EndOffset', span.end);
    o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => text });
    return o;
  }

  /** A node as the .NET type `type`, with its properties (read when asked for). */
  private node(key: object, span: A.Span, type: string, parent: PSObject | null, props: (self: PSObject) => Record<string, () => unknown>): PSObject {
    const known = this.made.get(key);
    if (known) return known;
    const o = new PSObject([NS + type, ...(BASES[type] ?? ['Ast']).map((b) => NS + b), 'System.Object']);
    this.made.set(key, o);
    const text = this.text.slice(span.start, span.end);
    o.addProperty({ name: 'Extent', memberType: 'Property', typeName: `${NS}IScriptExtent`, get: () => this.extent(span) });
    o.addProperty({ name: 'Parent', memberType: 'Property', typeName: `${NS}Ast`, get: () => parent });
    for (const [name, get] of Object.entries(props(o))) o.addProperty({ name, memberType: 'Property', get });
    o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => text });
    return o;
  }

  scriptBlock(sb: A.ScriptBlockAst, parent: PSObject | null): PSObject {
    return this.node(sb, sb.span, 'ScriptBlockAst', parent, (self) => ({
      ParamBlock: () => (sb.params ? this.paramBlock(sb.params, self) : null),
      BeginBlock: () => (sb.begin ? this.namedBlock(sb.begin, 'Begin', false, self) : null),
      ProcessBlock: () => (sb.process ? this.namedBlock(sb.process, 'Process', false, self) : null),
      EndBlock: () => (sb.end ? this.namedBlock(sb.end, 'End', !sb.begin && !sb.process && !sb.dynamicParam && !this.namedEnd(sb.end), self) : null),
      DynamicParamBlock: () => (sb.dynamicParam ? this.namedBlock(sb.dynamicParam, 'Dynamicparam', false, self) : null),
      UsingStatements: () => [],
    }));
  }

  /** Whether an end block was written as `end { }` (else it is the block's unnamed body). */
  private namedEnd(list: A.StatementListAst): boolean {
    return /\bend\s*\{?\s*$/i.test(this.text.slice(Math.max(0, list.span.start - 16), list.span.start + 1));
  }

  /** A statement block's extent with its braces (the tree's list spans what is between them). */
  private braced(span: A.Span): A.Span {
    return this.text[span.start - 1] === '{' && this.text[span.end] === '}' ? { start: span.start - 1, end: span.end + 1 } : span;
  }

  private namedBlock(list: A.StatementListAst, kind: string, unnamed: boolean, parent: PSObject): PSObject {
    let span = list.span;
    if (!unnamed) {
      // `end { ... }`: the keyword and the braces.
      span = this.braced(span);
      const keyword = /\w+\s*$/.exec(this.text.slice(Math.max(0, span.start - 40), span.start));
      if (keyword) span = { start: span.start - keyword[0].length, end: span.end };
    }
    return this.node(list, span, 'NamedBlockAst', parent, (self) => ({
      BlockKind: () => enumValue(TOKEN_KIND, kind),
      Unnamed: () => unnamed,
      Statements: () => this.statements(list, self),
      Traps: () => this.traps(list, self),
    }));
  }

  private block(list: A.StatementListAst | undefined, parent: PSObject): PSObject | null {
    if (!list) return null;
    return this.node(list, this.braced(list.span), 'StatementBlockAst', parent, (self) => ({
      Statements: () => this.statements(list, self),
      Traps: () => this.traps(list, self),
    }));
  }

  private statements(list: A.StatementListAst, parent: PSObject): PSObject[] {
    return list.statements.filter((s) => s.kind !== 'Trap').map((s) => this.statement(s, parent));
  }

  private traps(list: A.StatementListAst, parent: PSObject): PSObject[] | null {
    const traps = list.statements.filter((s) => s.kind === 'Trap');
    return traps.length ? traps.map((s) => this.statement(s, parent)) : null;
  }

  private paramBlock(p: A.ParamBlockAst, parent: PSObject): PSObject {
    return this.node(p, p.span, 'ParamBlockAst', parent, (self) => ({
      Attributes: () => (p.attributes ?? []).map((a) => this.attribute(a, self)),
      Parameters: () => p.parameters.map((d) => this.parameter(d, self)),
    }));
  }

  private parameter(d: A.ParameterDeclAst, parent: PSObject): PSObject {
    return this.node(d, d.span, 'ParameterAst', parent, (self) => ({
      Name: () => this.expression({ kind: 'Variable', span: d.nameSpan ?? d.span, name: d.name }, self),
      Attributes: () => [...d.attributes.map((a) => this.attribute(a, self)), ...(d.types ?? (d.type ? [d.type] : [])).map((t) => this.typeConstraint(t, self))],
      DefaultValue: () => (d.default ? this.expression(d.default, self) : null),
    }));
  }

  private attribute(a: A.AttributeAst, parent: PSObject): PSObject {
    return this.node(a, a.span, 'AttributeAst', parent, (self) => ({
      TypeName: () => this.typeName(a.name),
      PositionalArguments: () => a.positional.map((e) => this.expression(e, self)),
      NamedArguments: () =>
        a.named.map((n) =>
          this.node(n, n.span, 'NamedAttributeArgumentAst', self, (arg) => ({
            ArgumentName: () => n.name,
            Argument: () => (n.value ? this.expression(n.value, arg) : null),
            ExpressionOmitted: () => n.value === undefined,
          })),
        ),
    }));
  }

  private typeConstraint(t: A.TypeNameAst, parent: PSObject): PSObject {
    return this.node(t, t.span, 'TypeConstraintAst', parent, () => ({ TypeName: () => this.typeName(t.name) }));
  }

  private typeName(name: string): PSObject {
    const o = new PSObject([`${NS}TypeName`, 'System.Object']);
    o.addNote('Name', name);
    o.addNote('FullName', name);
    o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => name });
    return o;
  }

  private statement(s: A.StatementAst, parent: PSObject): PSObject {
    const opt = (p: A.PipelineAst | A.AssignmentAst | undefined, self: PSObject) => (p ? this.statement(p, self) : null);
    switch (s.kind) {
      case 'Pipeline':
        return this.node(s, s.span, 'PipelineAst', parent, (self) => ({ PipelineElements: () => s.elements.map((e) => this.element(e, self)) }));
      case 'Assignment':
        return this.node(s, s.span, 'AssignmentStatementAst', parent, (self) => ({
          Left: () => this.expression(s.target, self),
          Operator: () => enumValue(TOKEN_KIND, ASSIGN_KINDS[s.operator]!),
          Right: () => this.statement(s.value, self),
        }));
      case 'If':
        return this.node(s, s.span, 'IfStatementAst', parent, (self) => ({
          Clauses: () => s.clauses.map((c) => tuple(this.statement(c.condition, self), this.block(c.body, self))),
          ElseClause: () => this.block(s.else, self),
        }));
      case 'Foreach':
        return this.node(s, s.span, 'ForEachStatementAst', parent, (self) => ({
          Label: () => s.label ?? null,
          Flags: () => enumValue(FOREACH_FLAGS, s.parallel ? 1 : 0),
          ThrottleLimit: () => (s.throttleLimit ? this.expression(s.throttleLimit, self) : null),
          Variable: () => this.expression(s.variable, self),
          Condition: () => this.statement(s.collection, self),
          Body: () => this.block(s.body, self),
        }));
      case 'For':
        return this.node(s, s.span, 'ForStatementAst', parent, (self) => ({
          Label: () => s.label ?? null,
          Initializer: () => opt(s.init, self),
          Condition: () => opt(s.condition, self),
          Iterator: () => opt(s.iterator, self),
          Body: () => this.block(s.body, self),
        }));
      case 'While':
      case 'DoLoop':
        return this.node(s, s.span, s.kind === 'While' ? 'WhileStatementAst' : s.until ? 'DoUntilStatementAst' : 'DoWhileStatementAst', parent, (self) => ({
          Label: () => s.label ?? null,
          Condition: () => this.statement(s.condition, self),
          Body: () => this.block(s.body, self),
        }));
      case 'Switch': {
        const f = s.flags;
        const flags = (f.regex ? 2 : 0) | (f.wildcard ? 4 : 0) | (f.exact ? 8 : 0) | (f.caseSensitive ? 16 : 0) | (f.parallel ? 32 : 0);
        return this.node(s, s.span, 'SwitchStatementAst', parent, (self) => ({
          Label: () => s.label ?? null,
          Flags: () => enumValue(SWITCH_FLAGS, flags),
          Condition: () => this.statement(s.subject, self),
          Clauses: () => s.clauses.map((c) => tuple(this.expression(c.condition, self), this.block(c.body, self))),
          Default: () => this.block(s.default, self),
        }));
      }
      case 'FunctionDefinition':
        return this.node(s, s.span, 'FunctionDefinitionAst', parent, (self) => ({
          Name: () => s.name,
          IsFilter: () => s.isFilter,
          IsWorkflow: () => false,
          Parameters: () => (s.parameters ? s.parameters.map((d) => this.parameter(d, self)) : null),
          Body: () => this.scriptBlock(s.body, self),
        }));
      case 'Return':
      case 'Throw':
      case 'Exit':
        return this.node(s, s.span, `${s.kind}StatementAst`, parent, (self) => ({ Pipeline: () => opt(s.value, self) }));
      case 'Break':
      case 'Continue':
        return this.node(s, s.span, `${s.kind}StatementAst`, parent, (self) => ({
          Label: () => (s.label === undefined ? null : this.expression({ kind: 'StringConstant', span: s.span, value: s.label, quote: 'bare' }, self)),
        }));
      case 'Try':
        return this.node(s, s.span, 'TryStatementAst', parent, (self) => ({
          Body: () => this.block(s.body, self),
          CatchClauses: () =>
            s.catches.map((c) =>
              this.node(c, c.span, 'CatchClauseAst', self, (clause) => ({
                CatchTypes: () => c.types.map((t) => this.typeConstraint(t, clause)),
                IsCatchAll: () => c.types.length === 0,
                Body: () => this.block(c.body, clause),
              })),
            ),
          Finally: () => this.block(s.finally, self),
        }));
      case 'Trap':
        return this.node(s, s.span, 'TrapStatementAst', parent, (self) => ({
          TrapType: () => (s.type ? this.typeConstraint(s.type, self) : null),
          Body: () => this.block(s.body, self),
        }));
      case 'TypeDefinition':
        return this.node(s, s.span, 'TypeDefinitionAst', parent, (self) => ({
          Name: () => s.name,
          IsEnum: () => s.isEnum,
          IsClass: () => !s.isEnum,
          IsInterface: () => false,
          BaseTypes: () => s.baseTypes.map((b) => this.typeName(b)),
          Attributes: () => s.attributes.map((a) => this.attribute(a, self)),
        }));
      case 'DataSection':
        return this.node(s, s.span, 'DataStatementAst', parent, (self) => ({
          Variable: () => s.variable ?? null,
          Body: () => this.block(s.body, self),
        }));
    }
  }

  private element(e: A.PipelineElementAst, parent: PSObject): PSObject {
    const redirections = (list: A.RedirectionAst[], self: PSObject) =>
      list.map((r) =>
        this.node(r, r.span, r.toOutput ? 'MergingRedirectionAst' : 'FileRedirectionAst', self, (red): Record<string, () => unknown> =>
          r.toOutput ? {} : { Location: () => (r.target ? this.expression(r.target, red) : null), Append: () => !!r.append },
        ),
      );
    if (e.kind === 'CommandExpression') {
      return this.node(e, e.span, 'CommandExpressionAst', parent, (self) => ({ Expression: () => this.expression(e.expression, self), Redirections: () => redirections(e.redirections, self) }));
    }
    return this.node(e, e.span, 'CommandAst', parent, (self) => {
      self.addMethod({ name: 'GetCommandName', definition: 'string GetCommandName()', invoke: () => (e.name.kind === 'StringConstant' ? e.name.value : null) });
      return {
        CommandElements: () => [this.expression(e.name, self), ...e.elements.map((x) => this.expression(x, self))],
        InvocationOperator: () => enumValue(TOKEN_KIND, e.invocation === '&' ? 'Ampersand' : e.invocation === '.' ? 'Dot' : 'Unknown'),
        Redirections: () => redirections(e.redirections, self),
      };
    });
  }

  private expression(e: A.ExpressionAst | A.CommandParameterAst, parent: PSObject): PSObject {
    const x = (child: A.ExpressionAst, self: PSObject) => this.expression(child, self);
    const sub = (list: A.StatementListAst, self: PSObject) => this.block(list, self);
    switch (e.kind) {
      case 'CommandParameter':
        return this.node(e, e.span, 'CommandParameterAst', parent, (self) => ({ ParameterName: () => e.name, Argument: () => (e.argument ? x(e.argument, self) : null) }));
      case 'Constant':
        return this.node(e, e.span, 'ConstantExpressionAst', parent, () => ({ Value: () => e.value }));
      case 'StringConstant':
        return this.node(e, e.span, 'StringConstantExpressionAst', parent, () => ({ Value: () => e.value, StringConstantType: () => STRING_KINDS[e.quote] }));
      case 'ExpandableString':
        return this.node(e, e.span, 'ExpandableStringExpressionAst', parent, (self) => ({
          Value: () => this.text.slice(e.span.start, e.span.end).replace(/^@?"|"@?$/g, ''),
          StringConstantType: () => STRING_KINDS[e.quote],
          NestedExpressions: () => e.parts.filter((p): p is A.ExpressionAst => typeof p !== 'string').map((p) => x(p, self)),
        }));
      case 'Variable':
        return this.node(e, e.span, 'VariableExpressionAst', parent, () => ({ VariablePath: () => variablePath(e), Splatted: () => !!e.splat }));
      case 'Binary':
        return this.node(e, e.span, 'BinaryExpressionAst', parent, (self) => ({
          Left: () => x(e.left, self),
          Operator: () => enumValue(TOKEN_KIND, binaryKind(e.operator)),
          Right: () => x(e.right, self),
          ErrorPosition: () => this.extent(e.operatorSpan),
        }));
      case 'Unary':
        return this.node(e, e.span, 'UnaryExpressionAst', parent, (self) => ({ TokenKind: () => enumValue(TOKEN_KIND, UNARY_KINDS[e.operator]!), Child: () => x(e.operand, self) }));
      case 'Increment': {
        const kind = e.prefix ? (e.operator === '++' ? 'PlusPlus' : 'MinusMinus') : e.operator === '++' ? 'PostfixPlusPlus' : 'PostfixMinusMinus';
        return this.node(e, e.span, 'UnaryExpressionAst', parent, (self) => ({ TokenKind: () => enumValue(TOKEN_KIND, kind), Child: () => x(e.operand, self) }));
      }
      case 'Convert':
        return this.node(e, e.span, 'ConvertExpressionAst', parent, (self) => ({ Type: () => this.typeConstraint(e.type, self), Child: () => x(e.operand, self) }));
      case 'TypeExpression':
        return this.node(e, e.span, 'TypeExpressionAst', parent, () => ({ TypeName: () => this.typeName(e.type.name) }));
      case 'Member':
        return this.node(e, e.span, 'MemberExpressionAst', parent, (self) => ({ Expression: () => x(e.target, self), Member: () => x(e.member, self), Static: () => e.static }));
      case 'InvokeMember':
        return this.node(e, e.span, 'InvokeMemberExpressionAst', parent, (self) => ({
          Expression: () => x(e.target, self),
          Member: () => x(e.member, self),
          Static: () => e.static,
          Arguments: () => (e.arguments.length ? e.arguments.map((a) => x(a, self)) : null),
        }));
      case 'Index':
        return this.node(e, e.span, 'IndexExpressionAst', parent, (self) => ({ Target: () => x(e.target, self), Index: () => x(e.index, self) }));
      case 'ArrayLiteral':
        return this.node(e, e.span, 'ArrayLiteralAst', parent, (self) => ({ Elements: () => e.elements.map((a) => x(a, self)) }));
      case 'ArrayExpression':
      case 'SubExpression':
        return this.node(e, e.span, e.kind === 'ArrayExpression' ? 'ArrayExpressionAst' : 'SubExpressionAst', parent, (self) => ({ SubExpression: () => sub(e.statements, self) }));
      case 'Paren':
        return this.node(e, e.span, 'ParenExpressionAst', parent, (self) => ({ Pipeline: () => this.statement(e.pipeline, self) }));
      case 'Hashtable':
        return this.node(e, e.span, 'HashtableAst', parent, (self) => ({ KeyValuePairs: () => e.entries.map((kv) => tuple(x(kv.key, self), this.statement(kv.value, self))) }));
      case 'ScriptBlockExpression':
        return this.node(e, e.span, 'ScriptBlockExpressionAst', parent, (self) => ({ ScriptBlock: () => this.scriptBlock(e.block, self) }));
    }
  }

  /** The tokens, as the Token objects of the [ref] (text, extent; the kind is not kept). */
  tokens(): PSObject[] {
    return classifyTokens(this.text).map((t) => {
      const o = new PSObject([`${NS}Token`, 'System.Object']);
      const text = this.text.slice(t.start, t.end);
      o.addNote('Text', text);
      o.addProperty({ name: 'Extent', memberType: 'Property', get: () => this.extent(t) });
      o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => text });
      return o;
    });
  }

  error(e: A.ParseError): PSObject {
    const o = new PSObject([`${NS}ParseError`, 'System.Object']);
    o.addProperty({ name: 'Extent', memberType: 'Property', typeName: `${NS}IScriptExtent`, get: () => this.extent(e.span) });
    o.addNote('ErrorId', e.errorId);
    o.addNote('Message', e.message);
    o.addNote('IncompleteInput', e.incomplete);
    return o;
  }
}

function tuple(item1: unknown, item2: unknown): PSObject {
  const o = new PSObject(['System.Tuple`2', 'System.Object']);
  o.addNote('Item1', item1);
  o.addNote('Item2', item2);
  return o;
}

function variablePath(v: A.VariableAst): PSObject {
  const scope = v.scope?.toLowerCase();
  const userPath = v.scope ? `${v.scope}:${v.name}` : v.name;
  const o = new PSObject(['System.Management.Automation.VariablePath', 'System.Object']);
  o.addNote('UserPath', userPath);
  o.addNote('IsGlobal', scope === 'global');
  o.addNote('IsScript', scope === 'script');
  o.addNote('IsLocal', scope === 'local');
  o.addNote('IsPrivate', scope === 'private');
  o.addNote('IsVariable', scope !== 'env' && scope !== 'function' && scope !== 'alias');
  o.addNote('DriveName', scope && !['global', 'script', 'local', 'private'].includes(scope) ? v.scope : null);
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => userPath });
  return o;
}

/**
 * `Parser.ParseInput(text, [fileName,] [ref]tokens, [ref]errors)` (ParseFile reads the file first
 * and names it): the ScriptBlockAst; `refs` are the two [ref] arguments.
 */
export function parseToAst(text: string, file: string | null, refs: unknown[]): PSObject {
  const parsed = parseScript(text, file ?? undefined);
  const view = new AstView(text, file);
  if (refs[0] instanceof PSReference) refs[0].Value = view.tokens();
  if (refs[1] instanceof PSReference) refs[1].Value = parsed.errors.map((e) => view.error(e));
  return view.scriptBlock(parsed.ast, null);
}

/** ParseFile of a file it cannot read: an empty tree, and FileReadError as the one parse error. */
export function unreadableScript(reason: string, refs: unknown[]): PSObject {
  const view = new AstView('', null);
  const none = { start: 0, end: 0 };
  if (refs[0] instanceof PSReference) refs[0].Value = [];
  if (refs[1] instanceof PSReference) refs[1].Value = [view.error({ errorId: 'FileReadError', message: `The file could not be read: ${reason}.`, span: none, incomplete: false })];
  return view.scriptBlock({ kind: 'ScriptBlock', span: none, end: { kind: 'StatementList', span: none, statements: [] } }, null);
}

// The PowerShell subset as a Chevrotain CstParser (no embedded actions: the AST is built by
// to-ast.ts). ACTION blocks only check for the token PowerShell requires next and raise its
// own error (PsSyntaxError) so Chevrotain's generic messages never reach the user.
import {
  CstParser,
  EOF,
  getLookaheadPaths,
  LLkLookaheadStrategy,
  tokenMatcher,
  type CstNode,
  type ILookaheadStrategy,
  type IOrAlt,
  type IToken,
  type LookaheadProductionType,
  type TokenType,
} from 'chevrotain';
import * as T from './tokens.js';
import { PsSyntaxError, type ParserErrorId } from './messages.js';

const primaryStart = [T.Variable, T.NumberLit, T.StringLit, T.TypeLiteral, T.LParen, T.DollarParen, T.AtParen, T.AtCurly, T.LCurly];
const unaryStart = new Set<TokenType>([...primaryStart, T.UnaryOp, T.Minus, T.Plus, T.Comma, T.SplitJoin, T.PlusPlus, T.MinusMinus]);
const argStart = new Set<TokenType>([...primaryStart, T.BareWord, T.SplatVariable]);
const pipelineStart = new Set<TokenType>([...unaryStart, T.CommandName, T.Ampersand, T.DotSource]);
const statementStart = new Set<TokenType>([
  ...pipelineStart, T.If, T.Foreach, T.For, T.While, T.Do, T.Switch, T.FunctionKw, T.Return, T.Throw,
  T.Exit, T.Break, T.Continue, T.Try, T.Trap, T.Label, T.DataKw,
]);
/** What may follow `.` or `::`: a name, `$name`, a quoted name, `(expr)`, `$(expr)`. */
const memberNameStart = new Set<TokenType>([T.MemberName, T.Variable, T.StringLit, T.LParen, T.DollarParen]);
/** What may end a script body or a script block after its named blocks. */
const namedBlockEnd = new Set<TokenType>([T.RCurly, EOF]);
/** The switch statement's options (a unique prefix is enough, as PowerShell matches them). */
const SWITCH_FLAGS = ['regex', 'wildcard', 'exact', 'casesensitive', 'file', 'parallel'];
/** The foreach statement's flags (workflow only), matched by prefix as the switch's. */
const FOREACH_FLAGS = ['parallel', 'throttlelimit'];
function foreachFlag(image: string | undefined): string | undefined {
  const name = (image ?? '').slice(1).toLowerCase();
  return name ? FOREACH_FLAGS.find((f) => f.startsWith(name)) : undefined;
}
// Token sets the `need` checks take, built once (a rule body runs for every match).
const FOR_SEPARATORS = new Set<TokenType>([T.Semi, T.NewLine]);
const DO_LOOP_KEYWORDS = new Set<TokenType>([T.While, T.Until]);
const CATCH_OR_FINALLY = new Set<TokenType>([T.Catch, T.Finally]);
/** What may directly follow a type literal for it to be a cast. */
const castOperandStart = new Set<TokenType>([...primaryStart, T.UnaryOp, T.PlusPlus, T.MinusMinus]);

// OR alternative arrays are cached per rule (Chevrotain performance guide): no allocation per call.
type Alts<R = unknown> = IOrAlt<R>[];

type AltsLookahead = ReturnType<ILookaheadStrategy['buildLookaheadForAlternation']>;
type OptionalLookahead = ReturnType<ILookaheadStrategy['buildLookaheadForOptional']>;
type AltsOptions = Parameters<ILookaheadStrategy['buildLookaheadForAlternation']>[0];
type OptionalOptions = Parameters<ILookaheadStrategy['buildLookaheadForOptional']>[0];

const MAX_LOOKAHEAD = 2;

// -------------------------------------------------------------------------------------------
// Lookahead: lazy, and precomputed by the build (start-up)
//
// Chevrotain asks its lookahead strategy (the public, pluggable ILookaheadStrategy) for one
// function per decision (an OR, OPTION, MANY ...) during performSelfAnalysis. Its own LL(k)
// strategy computes every decision's lookahead paths there, ~20 ms for this grammar, though a
// one-line command meets a few dozen decisions. This strategy hands out functions that are built
// on their first call: from the paths the build computed with Chevrotain's public
// getLookaheadPaths (scripts/build.mjs bundles them as __EMSH_GRAMMAR__, see precomputeGrammar),
// or, without them (tests and tools running the sources), by Chevrotain's LL(k) strategy itself.
// Decisions are keyed by what Chevrotain tells the strategy: rule name, production type and
// occurrence. Only the public parser API is used: the grammar is recorded by
// performSelfAnalysis as usual.

/** A decision: a DSL call that needs a lookahead function, as Chevrotain names it. */
interface Decision {
  rule: string;
  /** Chevrotain's production type: 'Alternation', 'Option', 'Repetition', ... */
  prodType: string;
  occurrence: number;
  maxLookahead: number;
  hasPredicates: boolean;
}

function decisionKey(d: Pick<Decision, 'rule' | 'prodType' | 'occurrence'>): string {
  return `${d.rule}/${d.prodType}/${d.occurrence}`;
}

/** A decision's lookahead paths, precomputed: alternatives → paths → token names. */
interface PrecomputedDecision extends Decision {
  /** An OPTION/MANY/AT_LEAST_ONE has one "alternative": the paths that enter it. */
  paths: string[][][];
}

/** What the build precomputes. */
export interface PrecomputedGrammar {
  decisions: PrecomputedDecision[];
}

/** The build's precomputed analysis, as JSON (replaced by esbuild's `define`). */
declare const __EMSH_GRAMMAR__: string;

function bundledGrammar(): PrecomputedGrammar | undefined {
  try {
    return JSON.parse(__EMSH_GRAMMAR__) as PrecomputedGrammar;
  } catch {
    // ReferenceError: the sources run without the build (tests, tools).
    return undefined;
  }
}

const tokenByName = new Map<string, TokenType>();
function tokenNamed(name: string): TokenType {
  if (!tokenByName.size) for (const t of T.allTokens) tokenByName.set(t.name, t);
  const t = tokenByName.get(name);
  if (!t) throw new Error(`precomputed grammar: unknown token ${name}`);
  return t;
}

type LaParser = { LA(i: number): IToken };

/** Whether the next tokens match a path (token categories included, as Chevrotain matches). */
function matchesPath(parser: LaParser, path: TokenType[]): boolean {
  for (let i = 0; i < path.length; i++) if (!tokenMatcher(parser.LA(i + 1), path[i]!)) return false;
  return true;
}

/** Token type indices a single-token path accepts (itself and the types in its category). */
function acceptedIndices(t: TokenType): number[] {
  return [t.tokenTypeIdx!, ...(t.categoryMatches ?? [])];
}

/**
 * The lookahead function of an OR from its paths, with Chevrotain's semantics: the first
 * alternative whose GATE (if any) passes and one of whose paths matches the next tokens.
 */
function alternativesLookahead(alts: TokenType[][][], hasPredicates: boolean): AltsLookahead {
  if (!hasPredicates && alts.every((paths) => paths.every((p) => p.length === 1))) {
    // The common case: one token decides. A table from token type index to alternative.
    const table: number[] = [];
    alts.forEach((paths, alt) => {
      for (const path of paths) for (const idx of acceptedIndices(path[0]!)) table[idx] ??= alt;
    });
    return function (this: LaParser) {
      return table[this.LA(1).tokenTypeIdx!];
    };
  }
  return function (this: LaParser, orAlts) {
    for (let alt = 0; alt < alts.length; alt++) {
      const gate = hasPredicates ? orAlts?.[alt]?.GATE : undefined;
      if (gate !== undefined && gate.call(this) === false) continue;
      for (const path of alts[alt]!) if (matchesPath(this, path)) return alt;
    }
    return undefined;
  };
}

/** The lookahead function of an OPTION/MANY/AT_LEAST_ONE: whether its paths match. */
function optionalLookahead(paths: TokenType[][]): OptionalLookahead {
  if (paths.every((p) => p.length === 1)) {
    const accepted: boolean[] = [];
    for (const path of paths) for (const idx of acceptedIndices(path[0]!)) accepted[idx] = true;
    return function (this: LaParser) {
      return accepted[this.LA(1).tokenTypeIdx!] === true;
    };
  }
  return function (this: LaParser) {
    for (const path of paths) if (matchesPath(this, path)) return true;
    return false;
  };
}

/**
 * Chevrotain's LL(k) lookahead, each function built on its first call (from the precomputed paths
 * when there are some). `decisions` records every decision Chevrotain asked for (for the build).
 */
class LazyLookaheadStrategy extends LLkLookaheadStrategy {
  readonly decisions: Decision[] = [];
  private readonly precomputed: Map<string, PrecomputedDecision>;

  constructor(precomputed: PrecomputedGrammar | undefined) {
    super({ maxLookahead: MAX_LOOKAHEAD });
    this.precomputed = new Map((precomputed?.decisions ?? []).map((d) => [decisionKey(d), d]));
  }

  /** The precomputed paths of a decision, as token types (undefined: not precomputed). */
  private paths(d: Decision): TokenType[][][] | undefined {
    const pre = this.precomputed.get(decisionKey(d));
    if (!pre) return undefined;
    if (pre.maxLookahead !== d.maxLookahead || pre.hasPredicates !== d.hasPredicates) throw new Error(`precomputed grammar: decision ${decisionKey(d)} changed (stale build?)`);
    return pre.paths.map((alt) => alt.map((path) => path.map(tokenNamed)));
  }

  override buildLookaheadForAlternation(options: AltsOptions): AltsLookahead {
    const d: Decision = { rule: options.rule.name, prodType: 'Alternation', occurrence: options.prodOccurrence, maxLookahead: options.maxLookahead, hasPredicates: options.hasPredicates };
    this.decisions.push(d);
    let built: AltsLookahead | undefined;
    const build = (): AltsLookahead => {
      const paths = this.paths(d);
      return paths ? alternativesLookahead(paths, d.hasPredicates) : super.buildLookaheadForAlternation(options);
    };
    return function (this: unknown, alts) {
      return (built ??= build()).call(this, alts);
    } as AltsLookahead;
  }

  override buildLookaheadForOptional(options: OptionalOptions): OptionalLookahead {
    const d: Decision = { rule: options.rule.name, prodType: String(options.prodType), occurrence: options.prodOccurrence, maxLookahead: options.maxLookahead, hasPredicates: false };
    this.decisions.push(d);
    let built: OptionalLookahead | undefined;
    const build = (): OptionalLookahead => {
      const paths = this.paths(d);
      return paths ? optionalLookahead(paths[0]!) : super.buildLookaheadForOptional(options);
    };
    return function (this: unknown) {
      return (built ??= build()).call(this);
    };
  }
}

export interface PsParserOptions {
  /**
   * Chevrotain's error recovery (single-token insertion and deletion, re-sync in repetitions):
   * the parse goes on after an error and the CST holds what could be recognised. For partial
   * input (completion, colouring); the PowerShell errors are collected in `recoveredErrors`.
   */
  recovery?: boolean;
}

export class PsParser extends CstParser {
  /** With recovery on: the PowerShell parse errors met, in order (the parse went on). */
  readonly recoveredErrors: PsSyntaxError[] = [];
  private readonly recovering: boolean;

  constructor(
    precomputed?: PrecomputedGrammar,
    options: PsParserOptions = {},
    readonly lookahead = new LazyLookaheadStrategy(precomputed),
  ) {
    // Grammar validations run in the tests (test/grammar); skipping them at run time saves start-up.
    super(T.allTokens, {
      maxLookahead: MAX_LOOKAHEAD,
      recoveryEnabled: options.recovery === true,
      nodeLocationTracking: 'none',
      skipValidations: process.env.EMSH_VALIDATE_GRAMMAR !== '1',
      lookaheadStrategy: lookahead,
    });
    this.recovering = options.recovery === true;
    this.performSelfAnalysis();
  }

  /** Starts a parse of new input (clears the recovered errors). */
  begin(tokens: IToken[]): void {
    this.input = tokens;
    this.recoveredErrors.length = 0;
  }

  // -------------------------------------------------------------------------------------------
  // Helpers used inside ACTION blocks

  /** End offset of the last consumed token (or 0). */
  private prevEnd(): number {
    const t = this.LA(0) as T.PsToken;
    return t && t.tokenType !== EOF && typeof t.end === 'number' ? t.end : 0;
  }

  private atEnd(): boolean {
    return this.LA(1).tokenType === EOF;
  }

  /**
   * Raises PowerShell's parse error. A recovering parser records it and goes on: Chevrotain then
   * recovers at the token it cannot match.
   */
  private fail(id: ParserErrorId, pos: number, args: string[] = [], end = pos, incomplete = this.atEnd()): void {
    const e = new PsSyntaxError(id, { start: pos, end }, args, incomplete);
    if (!this.recovering) throw e;
    this.recoveredErrors.push(e);
  }

  /** Requires the next token to be one of `types`, else raises `id` at `pos()`. */
  private need(types: TokenType | Set<TokenType>, id: ParserErrorId, args: string[] = [], pos?: () => number): void {
    this.ACTION(() => {
      const tt = this.LA(1).tokenType;
      const ok = types instanceof Set ? types.has(tt) : tt === types;
      if (!ok) this.fail(id, pos ? pos() : this.atEnd() ? this.prevEnd() : this.LA(1).startOffset, args);
    });
  }

  /** The closing token for an opener; the error points at `at` (the opener or just after it). */
  private close(idx: number, type: TokenType, id: ParserErrorId, at: () => number): IToken {
    this.need(type, id, [], () => (this.atEnd() ? at() : this.LA(1).startOffset));
    return this.consume(idx, type);
  }

  // -------------------------------------------------------------------------------------------
  // Script blocks and statement lists

  public scriptBody = this.RULE('scriptBody', () => {
    this.MANY(() => this.OR([{ ALT: () => this.CONSUME(T.NewLine) }, { ALT: () => this.CONSUME(T.Semi) }]));
    this.OPTION({ GATE: () => this.paramBlockAhead(), DEF: () => this.SUBRULE(this.paramBlock) });
    this.MANY3(() => this.OR4([{ ALT: () => this.CONSUME3(T.NewLine) }, { ALT: () => this.CONSUME3(T.Semi) }]));
    this.OR2([
      {
        ALT: () => {
          this.SUBRULE(this.namedBlock);
          this.MANY2(() =>
            this.OR3([
              { ALT: () => this.CONSUME2(T.NewLine) },
              { ALT: () => this.CONSUME2(T.Semi) },
              { ALT: () => this.SUBRULE2(this.namedBlock) },
            ]),
          );
          // Once a body has named blocks, nothing but named blocks may follow.
          this.ACTION(() => {
            const t = this.LA(1);
            if (namedBlockEnd.has(t.tokenType)) return;
            // `begin` without its `{` scans as a command name.
            const word = t.image.toLowerCase();
            if (t.tokenType === T.CommandName && (word === 'begin' || word === 'process' || word === 'end')) this.fail('MissingNamedStatementBlock', (t as T.PsToken).end, [word]);
            else this.fail('MissingNamedBlocks', t.startOffset, [t.image], (t as T.PsToken).end, false);
          });
        },
      },
      { ALT: () => this.SUBRULE(this.statementList) },
    ]);
  });

  /**
   * Whether attributes at a body's start belong to a `param(...)` (not to a `[Flags()] enum`):
   * the first token after them is `param`.
   */
  private paramBlockAhead(): boolean {
    let depth = 0;
    for (let i = 1; ; i++) {
      const tt = this.LA(i).tokenType;
      if (tt === EOF) return false;
      if (tt === T.AttributeStart) depth++;
      else if (tt === T.AttributeEnd) depth--;
      else if (depth === 0 && tt !== T.NewLine) return tt === T.Param;
    }
  }

  public namedBlock = this.RULE('namedBlock', () => {
    const kw = this.OR([
      { ALT: () => this.CONSUME(T.Begin) },
      { ALT: () => this.CONSUME(T.Process) },
      { ALT: () => this.CONSUME(T.End) },
      { ALT: () => this.CONSUME(T.DynamicParam) },
    ]);
    this.ACTION(() => {
      if (this.LA(1).tokenType !== T.LCurly) this.fail('MissingNamedStatementBlock', (kw as T.PsToken).end, [kw.image.toLowerCase()]);
    });
    this.SUBRULE(this.statementBlock);
  });

  public paramBlock = this.RULE('paramBlock', () => {
    this.MANY(() => {
      this.SUBRULE(this.attribute);
      this.MANY2(() => this.CONSUME(T.NewLine));
    });
    this.CONSUME(T.Param);
    const open = this.CONSUME(T.LParen);
    this.SUBRULE(this.paramList);
    this.close(1, T.RParen, 'MissingEndParenthesisInFunctionParameterList', () => open.startOffset + 1);
  });

  public paramList = this.RULE('paramList', () => {
    this.MANY(() =>
      this.OR([
        {
          ALT: () => {
            const comma = this.CONSUME(T.Comma);
            // `($a, )`: a parameter must follow the comma.
            this.ACTION(() => {
              if (this.LA(1).tokenType === T.RParen) this.fail('MissingExpressionAfterToken', (comma as T.PsToken).end, [',']);
            });
          },
        },
        { ALT: () => this.SUBRULE(this.paramDecl) },
      ]),
    );
  });

  public paramDecl = this.RULE('paramDecl', () => {
    this.MANY(() => this.OR([{ ALT: () => this.SUBRULE(this.attribute) }, { ALT: () => this.CONSUME(T.TypeLiteral) }]));
    this.need(T.Variable, 'InvalidFunctionParameter', [], () => this.prevEnd());
    this.CONSUME(T.Variable);
    this.OPTION(() => {
      const eq = this.CONSUME(T.AssignOp);
      this.need(unaryStart, 'MissingExpressionAfterToken', [eq.image], () => (eq as T.PsToken).end);
      this.SUBRULE(this.binaryExpr, { ARGS: [true] });
    });
  });

  public attribute = this.RULE('attribute', () => {
    const open = this.CONSUME(T.AttributeStart);
    this.OPTION2(() => {
      this.SUBRULE(this.attributeArg);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.attributeArg);
      });
    });
    this.close(1, T.RParen, 'EndSquareBracketExpectedAtEndOfAttribute', () => (open as T.PsToken).end);
    this.OPTION(() => this.CONSUME(T.AttributeEnd));
  });

  public attributeArg = this.RULE('attributeArg', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Identifier);
          this.OPTION(() => {
            const eq = this.CONSUME(T.AssignOp);
            this.need(unaryStart, 'ExpectedValueExpression', [eq.image], () => (eq as T.PsToken).end);
            this.SUBRULE(this.binaryExpr, { ARGS: [true] });
          });
        },
      },
      { ALT: () => this.SUBRULE2(this.binaryExpr, { ARGS: [true] }) },
    ]);
  });

  public statementList = this.RULE('statementList', () => {
    this.MANY(() =>
      this.OR((this.cStmtList ??= [
        { ALT: () => this.CONSUME(T.NewLine) },
        { ALT: () => this.CONSUME(T.Semi) },
        { ALT: () => this.SUBRULE(this.statement) },
      ])),
    );
  });

  public statementBlock = this.RULE('statementBlock', () => {
    const open = this.CONSUME(T.LCurly);
    this.SUBRULE(this.statementList);
    this.close(1, T.RCurly, 'MissingEndCurlyBrace', () => open.startOffset);
  });

  // -------------------------------------------------------------------------------------------
  // Statements

  public statement = this.RULE('statement', () => {
    this.OR((this.cStmt ??= [
      { ALT: () => this.SUBRULE(this.ifStatement) },
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(T.Label));
          this.OR2([
            { ALT: () => this.SUBRULE(this.foreachStatement) },
            { ALT: () => this.SUBRULE(this.forStatement) },
            { ALT: () => this.SUBRULE(this.whileStatement) },
            { ALT: () => this.SUBRULE(this.doStatement) },
            { ALT: () => this.SUBRULE(this.switchStatement) },
          ]);
        },
      },
      { ALT: () => this.SUBRULE(this.functionStatement) },
      { ALT: () => this.SUBRULE(this.flowStatement) },
      { ALT: () => this.SUBRULE(this.tryStatement) },
      { ALT: () => this.SUBRULE(this.trapStatement) },
      { ALT: () => this.SUBRULE(this.typeDefinition) },
      { ALT: () => this.SUBRULE(this.dataStatement) },
      { ALT: () => this.SUBRULE(this.pipeline) },
    ]));
  });

  /** `data [name] [-SupportedCommand a, b] { restricted language }`. */
  public dataStatement = this.RULE('dataStatement', () => {
    this.CONSUME(T.DataKw);
    this.OPTION(() => this.CONSUME(T.BareWord, { LABEL: 'name' }));
    this.OPTION2(() => {
      const p = this.CONSUME(T.Parameter);
      this.ACTION(() => {
        const n = p.image.slice(1).toLowerCase();
        if (!n || !'supportedcommand'.startsWith(n)) this.fail('InvalidParameterForDataSectionStatement', p.startOffset, [p.image.slice(1)], (p as T.PsToken).end, false);
      });
      this.need(T.BareWord, 'MissingValueForSupportedCommandInDataSectionStatement', [], () => (p as T.PsToken).end);
      this.CONSUME2(T.BareWord, { LABEL: 'command' });
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.CONSUME3(T.BareWord, { LABEL: 'command' });
      });
    });
    this.need(T.LCurly, 'MissingStatementBlockForDataSection', [], () => this.prevEnd());
    this.SUBRULE(this.statementBlock);
  });

  // -------------------------------------------------------------------------------------------
  // Type definitions (PowerShell 5 classes and enums)

  public typeDefinition = this.RULE('typeDefinition', () => {
    this.MANY(() => {
      this.SUBRULE(this.attribute);
      this.MANY2(() => this.CONSUME(T.NewLine));
    });
    this.OR([{ ALT: () => this.SUBRULE(this.classDefinition) }, { ALT: () => this.SUBRULE(this.enumDefinition) }]);
  });

  /** `Name : Base, IFace {` after class/enum, up to the body's `{`. */
  private typeHead(keyword: string) {
    this.need(T.BareWord, 'MissingNameAfterKeyword', [keyword], () => this.prevEnd());
    this.CONSUME7(T.BareWord, { LABEL: 'name' });
    // Base types are a class's; an enum's underlying type (`enum E : long`) is PowerShell 6.2 syntax,
    // so in 5.1 its `{` is missing after the name.
    this.OPTION9({
      GATE: () => keyword === 'class',
      DEF: () => {
        this.CONSUME9(T.Colon);
        this.CONSUME8(T.BareWord, { LABEL: 'base' });
        this.MANY9(() => {
          this.CONSUME9(T.Comma);
          this.CONSUME9(T.BareWord, { LABEL: 'base' });
        });
      },
    });
    this.need(T.LCurly, 'MissingTypeBody', [keyword], () => this.prevEnd());
    return this.CONSUME9(T.LCurly);
  }

  public classDefinition = this.RULE('classDefinition', () => {
    this.CONSUME(T.ClassKw);
    const open = this.typeHead('class');
    this.MANY(() =>
      this.OR([
        { ALT: () => this.CONSUME(T.NewLine) },
        { ALT: () => this.CONSUME(T.Semi) },
        { ALT: () => this.SUBRULE(this.classMember) },
      ]),
    );
    this.close(1, T.RCurly, 'MissingEndCurlyBrace', () => open.startOffset);
  });

  public classMember = this.RULE('classMember', () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.attribute) },
        { ALT: () => this.CONSUME(T.TypeLiteral) },
        { ALT: () => this.CONSUME(T.MemberModifier) },
      ]),
    );
    this.OR2([
      {
        ALT: () => {
          this.CONSUME(T.Variable);
          this.OPTION(() => {
            const eq = this.CONSUME(T.AssignOp);
            this.need(statementStart, 'ExpectedValueExpression', [eq.image], () => (eq as T.PsToken).end);
            this.SUBRULE(this.statement);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.MemberName, { LABEL: 'name' });
          const open = this.CONSUME(T.LParen);
          this.SUBRULE(this.paramList);
          this.close(1, T.RParen, 'MissingEndParenthesisInFunctionParameterList', () => (open as T.PsToken).end);
          this.OPTION2(() => {
            const colon = this.CONSUME(T.Colon);
            this.need(T.MemberName, 'MissingBaseCtorCall', [], () => (colon as T.PsToken).end);
            this.CONSUME2(T.MemberName, { LABEL: 'base' });
            const call = this.CONSUME(T.CallOpen);
            this.OPTION3(() => {
              this.SUBRULE(this.binaryExpr, { ARGS: [true] });
              this.MANY2(() => {
                this.CONSUME(T.Comma);
                this.SUBRULE2(this.binaryExpr, { ARGS: [true] });
              });
            });
            this.close(2, T.RParen, 'MissingEndParenthesisInMethodCall', () => (call as T.PsToken).end);
          });
          this.need(T.LCurly, 'MissingFunctionBody', [], () => this.prevEnd());
          this.SUBRULE(this.statementBlock);
        },
      },
    ]);
  });

  public enumDefinition = this.RULE('enumDefinition', () => {
    this.CONSUME(T.EnumKw);
    const open = this.typeHead('enum');
    this.MANY(() =>
      this.OR([
        { ALT: () => this.CONSUME(T.NewLine) },
        { ALT: () => this.CONSUME(T.Semi) },
        {
          ALT: () => {
            this.CONSUME(T.BareWord, { LABEL: 'member' });
            this.OPTION(() => {
              const eq = this.CONSUME(T.AssignOp);
              this.need(unaryStart, 'ExpectedValueExpression', [eq.image], () => (eq as T.PsToken).end);
              this.SUBRULE(this.binaryExpr, { ARGS: [true], LABEL: 'value' });
            });
          },
        },
      ]),
    );
    this.close(1, T.RCurly, 'MissingEndCurlyBrace', () => open.startOffset);
  });

  /** `(` pipeline `)` of if/while/foreach/switch/do, with that statement's errors. */
  private condition(idx: number, keyword: string, missingOpen: ParserErrorId) {
    this.need(T.LParen, missingOpen, [keyword], () => this.prevEnd());
    this.consume(idx, T.LParen);
    const empty: [ParserErrorId, string[]] =
      keyword === 'if' || keyword === 'elseif' ? ['IfStatementMissingCondition', [keyword]]
        : keyword === 'switch' ? ['PipelineValueRequired', []]
          : ['MissingExpressionAfterKeyword', [keyword]];
    this.need(pipelineStart, empty[0], empty[1], () => this.prevEnd());
    this.subrule(idx, this.pipeline);
    this.need(T.RParen, keyword === 'switch' ? 'MissingEndParenthesisInSwitchStatement' : 'MissingEndParenthesisAfterStatement', [keyword]);
    this.consume(idx + 10, T.RParen);
  }

  public ifStatement = this.RULE('ifStatement', () => {
    this.CONSUME(T.If);
    this.condition(1, 'if', 'MissingOpenParenthesisInIfStatement');
    this.need(T.LCurly, 'MissingStatementBlock', ['if'], () => this.prevEnd());
    this.SUBRULE(this.statementBlock);
    this.MANY(() => {
      this.CONSUME(T.ElseIf);
      this.condition(2, 'elseif', 'MissingOpenParenthesisInIfStatement');
      this.need(T.LCurly, 'MissingStatementBlock', ['elseif'], () => this.prevEnd());
      this.SUBRULE2(this.statementBlock);
    });
    this.OPTION(() => {
      this.CONSUME(T.Else);
      this.need(T.LCurly, 'MissingStatementBlockAfterElse', [], () => this.prevEnd());
      this.SUBRULE3(this.statementBlock);
    });
  });

  public foreachStatement = this.RULE('foreachStatement', () => {
    const kw = this.CONSUME(T.Foreach);
    // Workflow flags (5.1 parses them everywhere; semantic-checks.ts refuses them outside a workflow).
    this.MANY(() => {
      const p = this.CONSUME(T.Parameter);
      const flag = foreachFlag(p.image);
      this.ACTION(() => {
        if (!flag) this.fail('InvalidForeachFlag', p.startOffset, [p.image.slice(1)], (p as T.PsToken).end, false);
        else if (flag === 'throttlelimit' && this.LA(1).tokenType !== T.BareWord) this.fail('MissingThrottleLimit', (p as T.PsToken).end, [], (p as T.PsToken).end, true);
      });
      this.OPTION({ GATE: () => flag === 'throttlelimit', DEF: () => this.CONSUME(T.BareWord) });
    });
    this.need(T.LParen, 'MissingOpenParenthesisAfterKeyword', ['foreach'], () => (kw as T.PsToken).end);
    this.CONSUME(T.LParen);
    this.need(T.Variable, 'MissingVariableNameAfterForeach', [], () => this.prevEnd());
    this.CONSUME(T.Variable);
    this.need(T.In, 'MissingInInForeach', [], () => this.prevEnd());
    this.CONSUME(T.In);
    this.need(pipelineStart, 'MissingForeachExpression', [], () => this.prevEnd());
    this.SUBRULE(this.pipeline);
    this.need(T.RParen, 'MissingEndParenthesisAfterForeach');
    this.CONSUME(T.RParen);
    this.need(T.LCurly, 'MissingForeachStatement', [], () => this.prevEnd());
    this.SUBRULE(this.statementBlock);
  });

  private forSeparator(idx: number) {
    this.need(FOR_SEPARATORS, 'MissingEndParenthesisAfterStatement', ['for']);
    this.or(idx, [{ ALT: () => this.consume(idx, T.Semi) }, { ALT: () => this.consume(idx, T.NewLine) }]);
    this.many(idx, () => this.consume(idx + 10, T.NewLine));
  }

  public forStatement = this.RULE('forStatement', () => {
    this.CONSUME(T.For);
    this.need(T.LParen, 'MissingOpenParenthesisAfterKeyword', ['for'], () => this.prevEnd());
    this.CONSUME(T.LParen);
    this.MANY(() => this.CONSUME(T.NewLine));
    this.OPTION(() => this.SUBRULE(this.pipeline, { LABEL: 'init' }));
    this.OPTION4(() => {
      this.forSeparator(1);
      this.OPTION2(() => this.SUBRULE2(this.pipeline, { LABEL: 'cond' }));
      this.OPTION5(() => {
        this.forSeparator(2);
        this.OPTION3(() => this.SUBRULE3(this.pipeline, { LABEL: 'iter' }));
      });
    });
    this.MANY3(() => this.CONSUME3(T.NewLine));
    this.need(T.RParen, 'MissingEndParenthesisAfterStatement', ['for']);
    this.CONSUME(T.RParen);
    this.need(T.LCurly, 'MissingLoopStatement', ['for'], () => this.prevEnd());
    this.SUBRULE(this.statementBlock);
  });

  public whileStatement = this.RULE('whileStatement', () => {
    this.CONSUME(T.While);
    this.condition(1, 'while', 'MissingOpenParenthesisAfterKeyword');
    this.need(T.LCurly, 'MissingLoopStatement', ['while'], () => this.prevEnd());
    this.SUBRULE(this.statementBlock);
  });

  public doStatement = this.RULE('doStatement', () => {
    this.CONSUME(T.Do);
    this.need(T.LCurly, 'MissingLoopStatement', ['do'], () => this.prevEnd());
    this.SUBRULE(this.statementBlock);
    this.need(DO_LOOP_KEYWORDS, 'MissingWhileOrUntilInDoWhile', [], () => this.prevEnd());
    this.OR([
      { ALT: () => { this.CONSUME(T.While); this.condition(1, 'while', 'MissingOpenParenthesisAfterKeyword'); } },
      { ALT: () => { this.CONSUME(T.Until); this.condition(2, 'until', 'MissingOpenParenthesisAfterKeyword'); } },
    ]);
  });

  public switchStatement = this.RULE('switchStatement', () => {
    this.CONSUME(T.Switch);
    this.MANY(() => {
      const p = this.CONSUME(T.Parameter);
      this.ACTION(() => {
        const name = p.image.slice(1).toLowerCase();
        const flag = name ? SWITCH_FLAGS.find((f) => f.startsWith(name)) : undefined;
        if (!flag) this.fail('InvalidSwitchFlag', p.startOffset, [p.image.slice(1)], (p as T.PsToken).end, false);
        // `-file` takes a file name, which emsh does not read: only its absence is reported as 5.1 does.
        else if (flag === 'file' && this.atEnd()) this.fail('MissingFilenameOption', (p as T.PsToken).end);
      });
    });
    this.condition(1, 'switch', 'PipelineValueRequired');
    this.need(T.LCurly, 'MissingCurlyBraceInSwitchStatement', [], () => this.prevEnd());
    const open = this.CONSUME(T.LCurly);
    this.MANY2(() => this.SUBRULE(this.switchClause));
    // The input ends where the next clause's condition should be.
    this.ACTION(() => {
      if (this.atEnd()) this.fail('MissingSwitchConditionExpression', this.prevEnd());
    });
    this.close(1, T.RCurly, 'MissingEndCurlyBrace', () => open.startOffset);
  });

  public switchClause = this.RULE('switchClause', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Default) }, { ALT: () => this.SUBRULE(this.argItem) }]);
    this.need(T.LCurly, 'MissingSwitchStatementClause', [], () => this.prevEnd());
    this.SUBRULE(this.statementBlock);
  });

  public functionStatement = this.RULE('functionStatement', () => {
    const kw = this.CONSUME(T.FunctionKw);
    this.need(T.BareWord, 'MissingNameAfterKeyword', [kw.image.toLowerCase()], () => this.prevEnd());
    this.CONSUME(T.BareWord);
    this.OPTION(() => {
      const open = this.CONSUME(T.LParen);
      this.SUBRULE(this.paramList);
      this.close(1, T.RParen, 'MissingEndParenthesisInFunctionParameterList', () => (open as T.PsToken).end);
    });
    this.need(T.LCurly, 'MissingFunctionBody', [], () => this.prevEnd());
    const open = this.CONSUME(T.LCurly);
    this.SUBRULE(this.scriptBody);
    this.close(2, T.RCurly, 'MissingEndCurlyBrace', () => open.startOffset);
  });

  public flowStatement = this.RULE('flowStatement', () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Return) }, { ALT: () => this.CONSUME(T.Throw) }, { ALT: () => this.CONSUME(T.Exit) }]);
          this.OPTION(() => this.SUBRULE(this.pipeline));
        },
      },
      {
        ALT: () => {
          this.OR3([{ ALT: () => this.CONSUME(T.Break) }, { ALT: () => this.CONSUME(T.Continue) }]);
          this.OPTION2(() => this.CONSUME(T.BareWord));
        },
      },
    ]);
  });

  public tryStatement = this.RULE('tryStatement', () => {
    this.CONSUME(T.Try);
    this.need(T.LCurly, 'MissingTryStatementBlock', [], () => this.prevEnd());
    this.SUBRULE(this.statementBlock);
    this.need(CATCH_OR_FINALLY, 'MissingCatchOrFinally', [], () => this.prevEnd());
    this.MANY(() => this.SUBRULE(this.catchClause));
    this.OPTION(() => {
      this.CONSUME(T.Finally);
      this.need(T.LCurly, 'MissingFinallyStatementBlock', [], () => this.prevEnd());
      this.SUBRULE2(this.statementBlock);
    });
  });

  public trapStatement = this.RULE('trapStatement', () => {
    this.CONSUME(T.Trap);
    this.OPTION(() => this.CONSUME(T.TypeLiteral));
    this.need(T.LCurly, 'MissingTrapStatement', [], () => this.prevEnd());
    this.SUBRULE(this.statementBlock);
  });

  public catchClause = this.RULE('catchClause', () => {
    this.CONSUME(T.Catch);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.CONSUME(T.TypeLiteral) },
        {
          ALT: () => {
            const comma = this.CONSUME(T.Comma);
            this.need(T.TypeLiteral, 'MissingTypeLiteralToken', [], () => (comma as T.PsToken).end);
          },
        },
      ]),
    );
    this.need(T.LCurly, 'MissingCatchHandlerBlock', [], () => this.prevEnd());
    this.SUBRULE(this.statementBlock);
  });

  // -------------------------------------------------------------------------------------------
  // Pipelines and commands

  public pipeline = this.RULE('pipeline', () => {
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.binaryExpr, { ARGS: [false] });
          this.OR2([
            {
              ALT: () => {
                const op = this.CONSUME(T.AssignOp);
                this.need(statementStart, 'ExpectedValueExpression', [op.image], () => (op as T.PsToken).end);
                this.SUBRULE(this.statement);
              },
            },
            {
              ALT: () => {
                this.MANY(() => this.SUBRULE(this.redirection));
                this.MANY2(() => this.pipeTail(1));
              },
            },
          ]);
        },
      },
      {
        ALT: () => {
          this.SUBRULE(this.command);
          this.MANY3(() => this.pipeTail(2));
        },
      },
    ]);
  });

  private pipeTail(idx: number) {
    const pipe = this.consume(idx, T.Pipe);
    this.need(pipelineStart, 'EmptyPipeElement', [], () => (pipe as T.PsToken).end);
    this.subrule(idx, this.pipeElement);
  }

  public pipeElement = this.RULE('pipeElement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.command) },
      {
        ALT: () => {
          this.SUBRULE(this.binaryExpr, { ARGS: [false] });
          this.MANY(() => this.SUBRULE(this.redirection));
        },
      },
    ]);
  });

  public command = this.RULE('command', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.CommandName) },
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Ampersand) }, { ALT: () => this.CONSUME(T.DotSource) }]);
          this.need(argStart, 'MissingExpressionAfterToken', [this.LA(0).image], () => this.prevEnd());
          this.SUBRULE(this.argItem);
        },
      },
    ]);
    // Elements are inlined (no node per element); to-ast orders them by offset.
    this.MANY(() => this.commandElement());
  });

  private commandElement() {
    this.OR3((this.cCmdEl ??= [
      { ALT: () => this.CONSUME(T.Parameter) },
      {
        ALT: () => {
          const p = this.CONSUME(T.ParameterColon);
          this.need(argStart, 'ParameterRequiresArgument', [p.image.slice(0, -1)], () => (p as T.PsToken).end);
          this.SUBRULE(this.argument, { LABEL: 'colonArg' });
        },
      },
      { ALT: () => this.SUBRULE2(this.argument) },
      { ALT: () => this.SUBRULE(this.redirection) },
      {
        // A comma where an argument should start.
        ALT: () => {
          const c = this.CONSUME(T.Comma);
          this.ACTION(() => this.fail('MissingArgument', c.startOffset, [], (c as T.PsToken).end, false));
        },
      },
    ]));
  }

  /** One argument: an item or a comma list of items (→ array). */
  public argument = this.RULE('argument', () => {
    this.argItemAlts(1);
    this.MANY(() => {
      const c = this.CONSUME(T.Comma);
      this.need(argStart, 'MissingExpression', [','], () => (c as T.PsToken).end);
      this.argItemAlts(2);
    });
  });

  private cArgAlts1?: Alts;
  private cArgAlts2?: Alts;

  /** An argument item inlined into `argument` (one CST node less per argument). */
  private argItemAlts(idx: 1 | 2) {
    const alts = idx === 1 ? (this.cArgAlts1 ??= this.makeArgAlts(1)) : (this.cArgAlts2 ??= this.makeArgAlts(2));
    this.or(idx, alts);
  }

  private makeArgAlts(idx: number): Alts {
    return [
      { ALT: () => this.consume(idx, T.BareWord) },
      { ALT: () => this.consume(idx, T.SplatVariable) },
      { ALT: () => this.subrule(idx, this.postfixExpr) },
    ];
  }

  public argItem = this.RULE('argItem', () => {
    this.OR((this.cArgItem ??= [
      { ALT: () => this.CONSUME(T.BareWord) },
      { ALT: () => this.CONSUME(T.SplatVariable) },
      { ALT: () => this.SUBRULE(this.postfixExpr) },
    ]));
  });

  public redirection = this.RULE('redirection', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.RedirMerge) },
      {
        ALT: () => {
          const r = this.CONSUME(T.RedirFile);
          this.need(argStart, 'MissingFileSpecification', [], () => (r as T.PsToken).end);
          this.SUBRULE(this.argItem);
        },
      },
    ]);
  });

  // -------------------------------------------------------------------------------------------
  // Expressions. All binary levels are one flat rule; precedence is resolved in to-ast.ts
  // (fewer CST nodes per operand: parsing speed).

  public binaryExpr = this.RULE('binaryExpr', (noComma?: boolean) => {
    this.SUBRULE(this.unaryExpr);
    this.MANY({
      GATE: () => !noComma || this.LA(1).tokenType !== T.Comma,
      DEF: () => {
        const op = this.OR((this.cBinOps ??= [
          { ALT: () => this.CONSUME(T.BinOp, { LABEL: 'op' }) },
          { ALT: () => this.CONSUME(T.Plus, { LABEL: 'op' }) },
          { ALT: () => this.CONSUME(T.Minus, { LABEL: 'op' }) },
          { ALT: () => this.CONSUME(T.SplitJoin, { LABEL: 'op' }) },
          { ALT: () => this.CONSUME(T.Comma, { LABEL: 'op' }) },
        ]));
        this.need(unaryStart, 'ExpectedValueExpression', [op?.image ?? ''], () => (op as T.PsToken).end);
        this.SUBRULE2(this.unaryExpr);
      },
    });
  });

  public unaryExpr = this.RULE('unaryExpr', () => {
    this.OR((this.cUnary ??= [
      {
        ALT: () => {
          const op = this.OR2((this.cPrefix ??= [
            { ALT: () => this.CONSUME(T.UnaryOp, { LABEL: 'prefix' }) },
            { ALT: () => this.CONSUME(T.Minus, { LABEL: 'prefix' }) },
            { ALT: () => this.CONSUME(T.Plus, { LABEL: 'prefix' }) },
            { ALT: () => this.CONSUME(T.Comma, { LABEL: 'prefix' }) },
            { ALT: () => this.CONSUME(T.SplitJoin, { LABEL: 'prefix' }) },
            { ALT: () => this.CONSUME(T.PlusPlus, { LABEL: 'prefix' }) },
            { ALT: () => this.CONSUME(T.MinusMinus, { LABEL: 'prefix' }) },
          ]));
          this.need(unaryStart, 'MissingExpressionAfterOperator', [op?.image ?? ''], () => (op as T.PsToken).end);
          this.SUBRULE(this.unaryExpr);
        },
      },
      {
        GATE: () => castOperandStart.has(this.LA(2).tokenType),
        IGNORE_AMBIGUITIES: true,
        ALT: () => {
          this.CONSUME(T.TypeLiteral, { LABEL: 'cast' });
          this.SUBRULE2(this.unaryExpr);
        },
      },
      {
        // The operand itself, inlined (one CST node less per operand).
        ALT: () => {
          this.primaryAlts();
          this.MANY(() => this.SUBRULE3(this.postfixOp));
        },
      },
    ]));
  });

  public postfixExpr = this.RULE('postfixExpr', () => {
    this.primaryAlts();
    this.MANY(() => this.SUBRULE(this.postfixOp));
  });

  public postfixOp = this.RULE('postfixOp', () => {
    this.OR((this.cPostfix ??= [
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Dot) }, { ALT: () => this.CONSUME(T.DoubleColon) }]);
          this.need(memberNameStart, 'MissingPropertyName', [], () => this.prevEnd());
          this.OR3([
            { ALT: () => this.CONSUME(T.MemberName) },
            { ALT: () => this.CONSUME(T.Variable) },
            { ALT: () => this.CONSUME(T.StringLit) },
            { ALT: () => this.SUBRULE(this.parenExpr) },
            { ALT: () => this.SUBRULE(this.subExpr) },
          ]);
          this.OPTION(() =>
            this.OR4([
              {
                ALT: () => {
                  const open = this.CONSUME(T.CallOpen);
                  this.OPTION2(() => {
                    this.SUBRULE(this.binaryExpr, { ARGS: [true] });
                    this.MANY(() => {
                      const c = this.CONSUME(T.Comma);
                      this.need(unaryStart, 'MissingExpressionAfterToken', [','], () => (c as T.PsToken).end);
                      this.SUBRULE3(this.binaryExpr, { ARGS: [true] });
                    });
                  });
                  this.close(1, T.RParen, 'MissingEndParenthesisInMethodCall', () => (open as T.PsToken).end);
                },
              },
              {
                ALT: () => {
                  const open = this.CONSUME(T.CallBlock);
                  this.SUBRULE(this.scriptBody);
                  this.close(3, T.RCurly, 'MissingEndCurlyBrace', () => open.startOffset);
                },
              },
            ]),
          );
        },
      },
      {
        ALT: () => {
          const open = this.CONSUME(T.IndexOpen);
          this.need(unaryStart, 'MissingArrayIndexExpression', [], () => (open as T.PsToken).end);
          this.SUBRULE2(this.binaryExpr, { ARGS: [false] });
          this.close(2, T.RBracket, 'MissingEndSquareBracket', () => this.prevEnd());
        },
      },
      { ALT: () => this.CONSUME(T.PlusPlus) },
      { ALT: () => this.CONSUME(T.MinusMinus) },
    ]));
  });

  private primaryCache?: Alts;
  private cStmtList?: Alts;
  private cStmt?: Alts;
  private cCmdEl?: Alts;
  private cBinOps?: Alts<IToken>;
  private cUnary?: Alts;
  private cPrefix?: Alts<IToken>;
  private cArgItem?: Alts;
  private cPostfix?: Alts;

  /** The primary-expression alternatives, shared by unaryExpr and postfixExpr (cached: OR with many alternatives). */
  private primaryAlts() {
    this.or(
      5,
      (this.primaryCache ??= [
        { ALT: () => this.consume(5, T.Variable) },
        { ALT: () => this.consume(5, T.NumberLit) },
        { ALT: () => this.consume(5, T.StringLit) },
        { ALT: () => this.consume(5, T.TypeLiteral) },
        { ALT: () => this.subrule(5, this.parenExpr) },
        { ALT: () => this.subrule(5, this.subExpr) },
        { ALT: () => this.subrule(5, this.hashLiteral) },
        { ALT: () => this.subrule(5, this.scriptBlockExpr) },
      ]),
    );
  }

  public parenExpr = this.RULE('parenExpr', () => {
    const open = this.CONSUME(T.LParen);
    this.MANY(() => this.CONSUME(T.NewLine));
    this.need(pipelineStart, 'ExpectedExpression', [], () => (this.atEnd() ? this.prevEnd() : this.LA(1).startOffset));
    this.SUBRULE(this.pipeline);
    this.MANY2(() => this.CONSUME2(T.NewLine));
    this.close(1, T.RParen, 'MissingEndParenthesisInExpression', () => this.prevEnd());
    void open;
  });

  /** `$( ... )` and `@( ... )`. */
  public subExpr = this.RULE('subExpr', () => {
    this.OR([{ ALT: () => this.CONSUME(T.DollarParen) }, { ALT: () => this.CONSUME(T.AtParen) }]);
    this.SUBRULE(this.statementList);
    this.close(1, T.RParen, 'MissingEndParenthesisInSubexpression', () => this.prevEnd());
  });

  public hashLiteral = this.RULE('hashLiteral', () => {
    const open = this.CONSUME(T.AtCurly);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.CONSUME(T.NewLine) },
        { ALT: () => this.CONSUME(T.Semi) },
        { ALT: () => this.SUBRULE(this.hashEntry) },
      ]),
    );
    this.close(1, T.RCurly, 'MissingEndCurlyBrace', () => (open as T.PsToken).end);
  });

  public hashEntry = this.RULE('hashEntry', () => {
    this.OR([{ ALT: () => this.CONSUME(T.BareWord) }, { ALT: () => this.SUBRULE(this.unaryExpr) }]);
    this.need(T.AssignOp, 'MissingEqualsInHashLiteral');
    const eq = this.CONSUME(T.AssignOp);
    this.need(statementStart, 'MissingStatementInHashLiteral', [], () => (eq as T.PsToken).end);
    this.SUBRULE(this.statement);
  });

  public scriptBlockExpr = this.RULE('scriptBlockExpr', () => {
    const open = this.CONSUME(T.LCurly);
    this.SUBRULE(this.scriptBody);
    this.close(1, T.RCurly, 'MissingEndCurlyBrace', () => open.startOffset);
  });
}

let instance: PsParser | undefined;
let recovering: PsParser | undefined;

/** The one parser instance (built on first use: self-analysis costs milliseconds). */
export function getParser(): PsParser {
  return (instance ??= new PsParser(bundledGrammar()));
}

/** The parser with Chevrotain's error recovery on, for partial input (built on first use). */
export function getRecoveringParser(): PsParser {
  return (recovering ??= new PsParser(bundledGrammar(), { recovery: true }));
}

/**
 * For the build: every decision Chevrotain asks the lookahead strategy for, with its paths from
 * Chevrotain's public getLookaheadPaths over the recorded grammar (getGAstProductions).
 */
export function precomputeGrammar(): PrecomputedGrammar {
  const parser = new PsParser();
  const gast = parser.getGAstProductions();
  const decisions = parser.lookahead.decisions.map((d): PrecomputedDecision => {
    const paths = getLookaheadPaths({ occurrence: d.occurrence, rule: gast[d.rule]!, prodType: d.prodType as LookaheadProductionType, maxLookahead: d.maxLookahead });
    // An optional production's paths are [inside, after]: its lookahead function uses the first.
    const used = d.prodType === 'Alternation' ? paths : [paths[0]!];
    return { ...d, paths: used.map((alt) => alt.map((path) => path.map((t) => t.name))) };
  });
  if (new Set(decisions.map(decisionKey)).size !== decisions.length) throw new Error('precomputed grammar: two decisions share a key');
  return { decisions };
}

export type { CstNode };

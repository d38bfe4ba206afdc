// CST → AST. Walks the Chevrotain CST of parser.ts and builds the node types of ast.ts with
// exact spans. Also resolves binary precedence (the parser keeps all binary levels in one
// flat rule) and reports the few errors that are easier to see on the tree
// (ExpressionsMustBeFirstInPipeline, a missing statement separator); semantic-checks.ts the rest.
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type * as A from './ast.js';
import { PsSyntaxError, type ParserErrorId } from './messages.js';
import { restrictedLanguageErrors } from './restricted-language.js';
import type { NumberPayload, PsToken, StringPart, StringPayload, VariablePayload } from './tokens.js';
import * as T from './tokens.js';

type Children = Record<string, CstElement[] | undefined>;

export interface AstContext {
  text: string;
  errors: PsSyntaxError[];
  /** Parses the tokens of a `$( )` inside a string or bare word. */
  parseNested(tokens: PsToken[]): CstNode | PsSyntaxError;
}

const tokEnd = (t: IToken) => (t as PsToken).end;
const kids = (n: CstNode) => n.children as Children;
const node = (c: Children, k: string, i = 0) => c[k]?.[i] as CstNode | undefined;
const tok = (c: Children, k: string, i = 0) => c[k]?.[i] as PsToken | undefined;
const nodes = (c: Children, k: string) => (c[k] ?? []) as CstNode[];
const toks = (c: Children, k: string) => (c[k] ?? []) as PsToken[];

// Binary precedence (token.cs values; the comma array operator binds tighter than all).
const PREC: Record<string, number> = {
  ',': 14, '..': 13, '-f': 12, '*': 10, '/': 10, '%': 10, '+': 9, '-': 9,
  '-band': 2, '-bor': 2, '-bxor': 2, '-and': 1, '-or': 1, '-xor': 1,
};
const precOf = (op: string) => PREC[op] ?? 5;

export class AstBuilder {
  constructor(private readonly ctx: AstContext) {}

  private err(id: ParserErrorId, span: A.Span, args: string[] = []): void {
    this.ctx.errors.push(new PsSyntaxError(id, span, args, false));
  }

  // -------------------------------------------------------------------------------------------
  // Script blocks

  scriptBody(n: CstNode | undefined, span: A.Span, isFilter = false): A.ScriptBlockAst {
    const sb: A.ScriptBlockAst = { kind: 'ScriptBlock', span };
    if (!n) {
      sb.end = { kind: 'StatementList', span, statements: [] };
      return sb;
    }
    const c = kids(n);
    const pb = node(c, 'paramBlock');
    if (pb) {
      const pc = kids(pb);
      const attrs = nodes(pc, 'attribute').map((a) => this.attribute(a));
      if (attrs.some((a) => a.name.toLowerCase() === 'cmdletbinding')) sb.cmdletBinding = true;
      const first = attrs[0]?.span.start ?? tok(pc, 'Param')!.startOffset;
      const close = tok(pc, 'RParen');
      sb.params = {
        kind: 'ParamBlock',
        span: { start: first, end: close ? tokEnd(close) : this.lastEnd(pb) },
        parameters: this.paramList(node(pc, 'paramList')),
      };
      if (attrs.length) sb.params.attributes = attrs;
    }
    const named = nodes(c, 'namedBlock');
    if (named.length) {
      for (const nb of named) {
        const nc = kids(nb);
        const which = nc.Begin ? 'begin' : nc.Process ? 'process' : nc.DynamicParam ? 'dynamicParam' : 'end';
        const b = this.statementBlock(node(nc, 'statementBlock')!);
        const kw = (nc.Begin ?? nc.Process ?? nc.DynamicParam ?? nc.End)![0] as PsToken;
        if (sb[which]) this.err('DuplicateScriptCommandClause', { start: kw.startOffset, end: b.end }, [which]);
        else sb[which] = b.list;
      }
    } else {
      const list = this.statementList(node(c, 'statementList'), span);
      if (isFilter) sb.process = list;
      else sb.end = list;
    }
    return sb;
  }

  paramList(n: CstNode | undefined): A.ParameterDeclAst[] {
    if (!n) return [];
    return nodes(kids(n), 'paramDecl').map((d) => {
      const c = kids(d);
      const v = tok(c, 'Variable')!;
      const attributes = nodes(c, 'attribute').map((a) => this.attribute(a));
      const types = toks(c, 'TypeLiteral');
      const p: A.ParameterDeclAst = {
        kind: 'ParameterDecl',
        span: { start: Math.min(v.startOffset, attributes[0]?.span.start ?? Infinity, types[0]?.startOffset ?? Infinity), end: tokEnd(v) },
        name: (v.payload as VariablePayload).name,
        nameSpan: { start: v.startOffset, end: tokEnd(v) },
        attributes,
      };
      const ty = types[types.length - 1];
      if (ty) p.type = this.typeName(ty);
      if (types.length > 1) p.types = types.map((t) => this.typeName(t));
      const def = node(c, 'binaryExpr');
      if (def) {
        p.default = this.binaryExpr(def);
        p.span.end = p.default.span.end;
      }
      return p;
    });
  }

  attribute(n: CstNode): A.AttributeAst {
    const c = kids(n);
    const start = tok(c, 'AttributeStart')!;
    const a: A.AttributeAst = {
      kind: 'Attribute',
      span: { start: start.startOffset, end: this.lastEnd(n) },
      name: start.payload as string,
      positional: [],
      named: [],
    };
    for (const arg of nodes(c, 'attributeArg')) {
      const ac = kids(arg);
      const id = tok(ac, 'Identifier');
      const e = node(ac, 'binaryExpr');
      if (id) {
        const entry: A.AttributeAst['named'][number] = { name: id.image, span: { start: id.startOffset, end: tokEnd(id) } };
        if (e) {
          entry.value = this.binaryExpr(e);
          entry.span.end = entry.value.span.end;
        }
        a.named.push(entry);
      } else if (e) a.positional.push(this.binaryExpr(e));
    }
    return a;
  }

  typeName(t: PsToken): A.TypeNameAst {
    return { kind: 'TypeName', span: { start: t.startOffset, end: t.end }, name: t.payload as string };
  }

  statementList(n: CstNode | undefined, span: A.Span): A.StatementListAst {
    const list: A.StatementListAst = { kind: 'StatementList', span, statements: [] };
    if (!n) return list;
    const c = kids(n);
    const stmts = nodes(c, 'statement');
    if (stmts.length === 0) return list;
    // Separator offsets (sorted), to find two statements on one line with nothing between them.
    let seps: number[] | undefined;
    let si = 0;
    let prev: A.StatementAst | undefined;
    for (const s of stmts) {
      const st = this.statement(s);
      if (prev && needsSeparator(prev)) {
        seps ??= [...toks(c, 'NewLine'), ...toks(c, 'Semi')].map((t) => t.startOffset).sort((x, y) => x - y);
        const a = prev.span.end;
        const b = st.span.start;
        while (si < seps.length && seps[si]! < a) si++;
        if (!(si < seps.length && seps[si]! < b)) {
          const first = firstToken(s);
          this.err('UnexpectedToken', { start: b, end: first ? tokEnd(first) : b }, [first?.image ?? '']);
        }
      }
      list.statements.push(st);
      prev = st;
    }
    return list;
  }

  /** `{ statements }` → the list (span inside the braces) and the end of the `}`. */
  statementBlock(n: CstNode): { list: A.StatementListAst; start: number; end: number } {
    const c = kids(n);
    const open = tok(c, 'LCurly')!;
    const close = tok(c, 'RCurly');
    const inner = { start: tokEnd(open), end: close ? close.startOffset : this.lastEnd(n) };
    return { list: this.statementList(node(c, 'statementList'), inner), start: open.startOffset, end: close ? tokEnd(close) : inner.end };
  }

  // -------------------------------------------------------------------------------------------
  // Statements

  statement(n: CstNode): A.StatementAst {
    const c = kids(n);
    const label = tok(c, 'Label');
    for (const key in c) {
      const child = c[key]![0] as CstNode;
      switch (key) {
        case 'pipeline': return this.pipeline(child);
        case 'ifStatement': return this.ifStatement(child);
        case 'foreachStatement': return this.withLabel(this.foreachStatement(child), label);
        case 'forStatement': return this.withLabel(this.forStatement(child), label);
        case 'whileStatement': return this.withLabel(this.whileStatement(child), label);
        case 'doStatement': return this.withLabel(this.doStatement(child), label);
        case 'switchStatement': return this.withLabel(this.switchStatement(child), label);
        case 'functionStatement': return this.functionStatement(child);
        case 'flowStatement': return this.flowStatement(child);
        case 'tryStatement': return this.tryStatement(child);
        case 'trapStatement': return this.trapStatement(child);
        case 'typeDefinition': return this.typeDefinition(child);
        case 'dataStatement': return this.dataStatement(child);
      }
    }
    throw new Error('unknown statement');
  }

  dataStatement(n: CstNode): A.DataSectionAst {
    const c = kids(n);
    const b = this.statementBlock(node(c, 'statementBlock')!);
    const d: A.DataSectionAst = {
      kind: 'DataSection',
      span: { start: tok(c, 'DataKw')?.startOffset ?? tok(c, 'Data')!.startOffset, end: b.end },
      commands: toks(c, 'command').map((t) => this.stringToken(t)).map((s) => (s.kind === 'StringConstant' ? s.value : '')),
      body: b.list,
    };
    const name = tok(c, 'name');
    if (name) d.variable = name.image;
    // Only the restricted language, with ConvertFrom-StringData and the supported commands.
    const block: A.ScriptBlockAst = { kind: 'ScriptBlock', span: d.span, end: d.body };
    for (const e of restrictedLanguageErrors(block, ['ConvertFrom-StringData', ...d.commands], [], false)) this.err(e.id, e.span, e.args);
    return d;
  }

  typeDefinition(n: CstNode): A.TypeDefinitionAst {
    const c = kids(n);
    const attributes = nodes(c, 'attribute').map((a) => this.attribute(a));
    const cls = node(c, 'classDefinition');
    const def = cls ?? node(c, 'enumDefinition')!;
    const dc = kids(def);
    const kw = (tok(dc, 'ClassKw') ?? tok(dc, 'EnumKw') ?? tok(dc, 'Class') ?? tok(dc, 'Enum'))!;
    const close = tok(dc, 'RCurly');
    const t: A.TypeDefinitionAst = {
      kind: 'TypeDefinition',
      span: { start: attributes[0]?.span.start ?? kw.startOffset, end: close ? close.end : this.lastEnd(def) },
      isEnum: !cls,
      name: tok(dc, 'name')?.image ?? '',
      baseTypes: toks(dc, 'base').map((b) => b.image),
      attributes,
      members: nodes(dc, 'classMember').map((m) => this.classMember(m)),
      enumMembers: [],
    };
    for (const m of t.members) if (m.kind === 'FunctionMember') m.isConstructor = m.name.toLowerCase() === t.name.toLowerCase();
    const values = nodes(dc, 'value');
    const eqs = toks(dc, 'AssignOp');
    for (const m of toks(dc, 'member')) {
      const entry: A.TypeDefinitionAst['enumMembers'][number] = { name: m.image, span: { start: m.startOffset, end: m.end } };
      // The value that follows this member's `=` (members without one take the next number).
      const eqIndex = eqs.findIndex((e) => e.startOffset > m.startOffset);
      const next = toks(dc, 'member').find((o) => o.startOffset > m.startOffset);
      if (eqIndex >= 0 && (!next || eqs[eqIndex]!.startOffset < next.startOffset)) {
        const v = values.find((x) => this.firstStart(x) > eqs[eqIndex]!.startOffset);
        if (v) entry.value = this.binaryExpr(v);
      }
      t.enumMembers.push(entry);
    }
    return t;
  }

  /** The start offset of a node's first token. */
  private firstStart(n: CstNode): number {
    let best = Infinity;
    for (const list of Object.values(n.children)) {
      for (const el of list ?? []) {
        const s = 'image' in el ? (el as IToken).startOffset : this.firstStart(el as CstNode);
        if (s < best) best = s;
      }
    }
    return best;
  }

  classMember(n: CstNode): A.PropertyMemberAst | A.FunctionMemberAst {
    const c = kids(n);
    const attributes = nodes(c, 'attribute').map((a) => this.attribute(a));
    const types = toks(c, 'TypeLiteral');
    const modifiers = toks(c, 'MemberModifier').map((m) => m.image.toLowerCase());
    const start = this.firstStart(n);
    const type = types.length ? this.typeName(types[types.length - 1]!) : undefined;
    const v = tok(c, 'Variable');
    if (v) {
      const p: A.PropertyMemberAst = {
        kind: 'PropertyMember',
        span: { start, end: this.lastEnd(n) },
        name: (v.payload as VariablePayload).name,
        isStatic: modifiers.includes('static'),
        isHidden: modifiers.includes('hidden'),
        attributes,
      };
      if (type) p.type = type;
      const init = node(c, 'statement');
      if (init) p.initial = this.statement(init);
      return p;
    }
    const name = tok(c, 'name')!;
    const block = node(c, 'statementBlock')!;
    const b = this.statementBlock(block);
    const bc = kids(block);
    const open = tok(bc, 'LCurly')!;
    const close = tok(bc, 'RCurly');
    const f: A.FunctionMemberAst = {
      kind: 'FunctionMember',
      span: { start, end: b.end },
      name: name.image,
      isStatic: modifiers.includes('static'),
      isHidden: modifiers.includes('hidden'),
      isConstructor: false,
      parameters: this.paramList(node(c, 'paramList')),
      body: { kind: 'ScriptBlock', span: { start: b.start, end: b.end }, end: b.list },
      text: this.ctx.text.slice(open.end, close ? close.startOffset : b.end),
    };
    if (type) f.returnType = type;
    if (tok(c, 'base')) f.baseArguments = nodes(c, 'binaryExpr').map((a) => this.binaryExpr(a));
    return f;
  }

  private withLabel<S extends A.ForeachAst | A.ForAst | A.WhileAst | A.DoLoopAst | A.SwitchAst>(s: S, label: PsToken | undefined): S {
    if (label) {
      s.label = label.image.slice(1);
      s.span.start = label.startOffset;
    }
    return s;
  }

  private cond(n: CstNode | undefined): A.PipelineAst | A.AssignmentAst {
    return this.pipeline(n!);
  }

  ifStatement(n: CstNode): A.IfAst {
    const c = kids(n);
    const pipes = nodes(c, 'pipeline');
    const blocks = nodes(c, 'statementBlock').map((b) => this.statementBlock(b));
    const s: A.IfAst = { kind: 'If', span: { start: tok(c, 'If')!.startOffset, end: blocks[blocks.length - 1]!.end }, clauses: [] };
    pipes.forEach((p, i) => s.clauses.push({ condition: this.cond(p), body: blocks[i]!.list }));
    if (c.Else) s.else = blocks[blocks.length - 1]!.list;
    return s;
  }

  foreachStatement(n: CstNode): A.ForeachAst {
    const c = kids(n);
    const v = tok(c, 'Variable')!;
    const b = this.statementBlock(node(c, 'statementBlock')!);
    const s: A.ForeachAst = {
      kind: 'Foreach',
      span: { start: tok(c, 'Foreach')!.startOffset, end: b.end },
      variable: this.variable(v),
      collection: this.cond(node(c, 'pipeline')),
      body: b.list,
    };
    // The parser let only `-parallel` and `-throttlelimit <value>` through.
    for (const p of toks(c, 'Parameter')) if ('parallel'.startsWith(p.image.slice(1).toLowerCase())) s.parallel = true;
    const limit = tok(c, 'BareWord');
    if (limit) s.throttleLimit = this.stringToken(limit);
    return s;
  }

  forStatement(n: CstNode): A.ForAst {
    const c = kids(n);
    const b = this.statementBlock(node(c, 'statementBlock')!);
    const s: A.ForAst = { kind: 'For', span: { start: tok(c, 'For')!.startOffset, end: b.end }, body: b.list };
    const init = node(c, 'init'), cond = node(c, 'cond'), iter = node(c, 'iter');
    if (init) s.init = this.pipeline(init);
    if (cond) s.condition = this.pipeline(cond);
    if (iter) s.iterator = this.pipeline(iter);
    return s;
  }

  whileStatement(n: CstNode): A.WhileAst {
    const c = kids(n);
    const b = this.statementBlock(node(c, 'statementBlock')!);
    return { kind: 'While', span: { start: tok(c, 'While')!.startOffset, end: b.end }, condition: this.cond(node(c, 'pipeline')), body: b.list };
  }

  doStatement(n: CstNode): A.DoLoopAst {
    const c = kids(n);
    const b = this.statementBlock(node(c, 'statementBlock')!);
    const close = toks(c, 'RParen')[0];
    return {
      kind: 'DoLoop',
      span: { start: tok(c, 'Do')!.startOffset, end: close ? close.end : this.lastEnd(n) },
      until: !!c.Until,
      condition: this.cond(node(c, 'pipeline')),
      body: b.list,
    };
  }

  switchStatement(n: CstNode): A.SwitchAst {
    const c = kids(n);
    const flags: A.SwitchAst['flags'] = {};
    for (const p of toks(c, 'Parameter')) {
      const name = p.image.slice(1).toLowerCase();
      if (name && 'regex'.startsWith(name)) flags.regex = true;
      else if (name && 'wildcard'.startsWith(name)) flags.wildcard = true;
      else if (name && 'exact'.startsWith(name)) flags.exact = true;
      else if (name && 'casesensitive'.startsWith(name)) flags.caseSensitive = true;
      else if (name && 'parallel'.startsWith(name)) flags.parallel = true;
    }
    const close = tok(c, 'RCurly');
    const s: A.SwitchAst = {
      kind: 'Switch',
      span: { start: tok(c, 'Switch')!.startOffset, end: close ? close.end : this.lastEnd(n) },
      flags,
      subject: this.cond(node(c, 'pipeline')),
      clauses: [],
    };
    for (const cl of nodes(c, 'switchClause')) {
      const cc = kids(cl);
      const body = this.statementBlock(node(cc, 'statementBlock')!).list;
      if (cc.Default && s.default) {
        const d = tok(cc, 'Default')!;
        this.err('MultipleSwitchDefaultClauses', { start: d.startOffset, end: d.end });
      } else if (cc.Default) s.default = body;
      else s.clauses.push({ condition: this.argItem(node(cc, 'argItem')!), body });
    }
    return s;
  }

  functionStatement(n: CstNode): A.FunctionDefinitionAst {
    const c = kids(n);
    const kw = tok(c, 'Function')!;
    const name = tok(c, 'BareWord')!;
    const isFilter = kw.image.toLowerCase() === 'filter';
    const curlies = toks(c, 'LCurly');
    const open = curlies[0]!;
    const close = tok(c, 'RCurly');
    const bodySpan = { start: open.startOffset, end: close ? close.end : this.lastEnd(n) };
    const f: A.FunctionDefinitionAst = {
      kind: 'FunctionDefinition',
      span: { start: kw.startOffset, end: bodySpan.end },
      isFilter,
      name: stringValue(name.payload as StringPayload),
      body: this.scriptBody(node(c, 'scriptBody'), bodySpan, isFilter),
    };
    if (c.LParen) f.parameters = this.paramList(node(c, 'paramList'));
    return f;
  }

  flowStatement(n: CstNode): A.StatementAst {
    const c = kids(n);
    const kw = (c.Return ?? c.Throw ?? c.Exit ?? c.Break ?? c.Continue)![0] as PsToken;
    const span = { start: kw.startOffset, end: kw.end };
    if (c.Break || c.Continue) {
      const s: A.BreakAst | A.ContinueAst = { kind: c.Break ? 'Break' : 'Continue', span } as A.BreakAst | A.ContinueAst;
      const label = tok(c, 'BareWord');
      if (label) {
        s.label = stringValue(label.payload as StringPayload);
        span.end = label.end;
      }
      return s;
    }
    const s = { kind: c.Return ? 'Return' : c.Throw ? 'Throw' : 'Exit', span } as A.ReturnAst | A.ThrowAst | A.ExitAst;
    const p = node(c, 'pipeline');
    if (p) {
      s.value = this.pipeline(p);
      span.end = s.value.span.end;
    }
    return s;
  }

  trapStatement(n: CstNode): A.TrapAst {
    const c = kids(n);
    const b = this.statementBlock(node(c, 'statementBlock')!);
    const ty = tok(c, 'TypeLiteral');
    const s: A.TrapAst = { kind: 'Trap', span: { start: tok(c, 'Trap')!.startOffset, end: b.end }, body: b.list };
    if (ty) s.type = this.typeName(ty);
    return s;
  }

  tryStatement(n: CstNode): A.TryAst {
    const c = kids(n);
    const blocks = nodes(c, 'statementBlock');
    const body = this.statementBlock(blocks[0]!);
    const s: A.TryAst = { kind: 'Try', span: { start: tok(c, 'Try')!.startOffset, end: body.end }, body: body.list, catches: [] };
    for (const cl of nodes(c, 'catchClause')) {
      const cc = kids(cl);
      const b = this.statementBlock(node(cc, 'statementBlock')!);
      s.catches.push({
        types: toks(cc, 'TypeLiteral').map((t) => this.typeName(t)),
        body: b.list,
        span: { start: tok(cc, 'Catch')!.startOffset, end: b.end },
      });
      s.span.end = b.end;
    }
    if (blocks[1]) {
      const f = this.statementBlock(blocks[1]);
      s.finally = f.list;
      s.span.end = f.end;
    }
    return s;
  }

  // -------------------------------------------------------------------------------------------
  // Pipelines and commands

  pipeline(n: CstNode): A.PipelineAst | A.AssignmentAst {
    const c = kids(n);
    const expr = node(c, 'binaryExpr');
    const assign = tok(c, 'AssignOp');
    if (expr && assign) {
      const target = this.binaryExpr(expr);
      const value = this.statement(node(c, 'statement')!);
      return {
        kind: 'Assignment',
        span: { start: target.span.start, end: value.span.end },
        target,
        operator: ((assign.payload as string | undefined) ?? '=') as A.AssignmentAst['operator'],
        value,
      };
    }
    const elements: A.PipelineElementAst[] = [];
    if (expr) {
      const e = this.binaryExpr(expr);
      const redirections = nodes(c, 'redirection').map((r) => this.redirection(r));
      elements.push({ kind: 'CommandExpression', span: { start: e.span.start, end: endOf(e.span.end, redirections) }, expression: e, redirections });
    } else elements.push(this.command(node(c, 'command')!));
    for (const pe of nodes(c, 'pipeElement')) {
      const pc = kids(pe);
      const cmd = node(pc, 'command');
      if (cmd) elements.push(this.command(cmd));
      else {
        const e = this.binaryExpr(node(pc, 'binaryExpr')!);
        this.err('ExpressionsMustBeFirstInPipeline', { start: e.span.start, end: e.span.end });
        const redirections = nodes(pc, 'redirection').map((r) => this.redirection(r));
        elements.push({ kind: 'CommandExpression', span: { start: e.span.start, end: endOf(e.span.end, redirections) }, expression: e, redirections });
      }
    }
    return { kind: 'Pipeline', span: { start: elements[0]!.span.start, end: elements[elements.length - 1]!.span.end }, elements };
  }

  command(n: CstNode): A.CommandAst {
    const c = kids(n);
    const cn = tok(c, 'CommandName');
    const inv = tok(c, 'Ampersand') ?? tok(c, 'DotSource');
    let name: A.ExpressionAst;
    if (cn) name = this.stringToken(cn);
    else name = this.argItem(node(c, 'argItem')!);
    const cmd: A.CommandAst = {
      kind: 'Command',
      span: { start: (cn ?? inv)!.startOffset, end: cn ? cn.end : name.span.end },
      name,
      elements: [],
      redirections: [],
    };
    if (inv) cmd.invocation = inv.image as '&' | '.';
    // Parameters and arguments are siblings in the CST; their order is their offset order.
    const items: { start: number; el: A.CommandElementAst }[] = [];
    for (const p of toks(c, 'Parameter')) {
      items.push({ start: p.startOffset, el: { kind: 'CommandParameter', span: { start: p.startOffset, end: p.end }, name: p.image.slice(1) } });
    }
    const colonArgs = nodes(c, 'colonArg');
    toks(c, 'ParameterColon').forEach((p, i) => {
      const param: A.CommandParameterAst = { kind: 'CommandParameter', span: { start: p.startOffset, end: p.end }, name: p.image.slice(1, -1) };
      const arg = colonArgs[i];
      if (arg) {
        param.argument = this.argument(arg);
        param.span.end = param.argument.span.end;
      }
      items.push({ start: p.startOffset, el: param });
    });
    for (const a of nodes(c, 'argument')) {
      const e = this.argument(a);
      items.push({ start: e.span.start, el: e });
    }
    sortByStart(items, (x) => x.start);
    for (const it of items) {
      cmd.elements.push(it.el);
      cmd.span.end = Math.max(cmd.span.end, it.el.span.end);
    }
    for (const r of nodes(c, 'redirection')) {
      const red = this.redirection(r);
      cmd.redirections.push(red);
      cmd.span.end = Math.max(cmd.span.end, red.span.end);
    }
    return cmd;
  }

  argument(n: CstNode): A.ExpressionAst {
    const items = this.argItems(kids(n));
    if (items.length === 1) return items[0]!;
    for (const it of items) {
      if (it.kind === 'Variable' && it.splat) this.err('SplattingNotPermittedInArgumentList', it.span, [it.name]);
    }
    return { kind: 'ArrayLiteral', span: { start: items[0]!.span.start, end: items[items.length - 1]!.span.end }, elements: items };
  }

  /** The items of an argument (bare words, splats, expressions), in source order. */
  private argItems(c: Children): A.ExpressionAst[] {
    const items: A.ExpressionAst[] = [];
    for (const t of toks(c, 'BareWord')) items.push(this.stringToken(t));
    for (const t of toks(c, 'SplatVariable')) items.push(this.splat(t));
    for (const p of nodes(c, 'postfixExpr')) items.push(this.postfixExpr(p));
    sortByStart(items, (x) => x.span.start);
    return items;
  }

  private splat(sv: PsToken): A.VariableAst {
    return { kind: 'Variable', span: { start: sv.startOffset, end: sv.end }, name: (sv.payload as VariablePayload).name, splat: true };
  }

  argItem(n: CstNode): A.ExpressionAst {
    const c = kids(n);
    const bw = tok(c, 'BareWord');
    if (bw) return this.stringToken(bw);
    const sv = tok(c, 'SplatVariable');
    if (sv) return this.splat(sv);
    return this.postfixExpr(node(c, 'postfixExpr')!);
  }

  redirection(n: CstNode): A.RedirectionAst {
    const c = kids(n);
    const t = (tok(c, 'RedirMerge') ?? tok(c, 'RedirFile'))!;
    const img = t.image;
    const first = img[0]!;
    const from = (first === '*' ? '*' : /[1-6]/.test(first) ? Number(first) : 1) as A.RedirectionAst['from'];
    const r: A.RedirectionAst = { kind: 'Redirection', span: { start: t.startOffset, end: t.end }, from };
    if (t.tokenType === T.RedirMerge) {
      r.toOutput = img.endsWith('&1');
      return r;
    }
    if (img.endsWith('>>')) r.append = true;
    const target = node(c, 'argItem');
    if (target) {
      r.target = this.argItem(target);
      r.span.end = r.target.span.end;
    }
    return r;
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  binaryExpr(n: CstNode): A.ExpressionAst {
    const c = kids(n);
    const operands = nodes(c, 'unaryExpr');
    const ops = toks(c, 'op');
    const first = this.unaryExpr(operands[0]!);
    if (ops.length === 0) return first;
    // Precedence climbing over the flat operand/operator lists; left-associative.
    const vals: A.ExpressionAst[] = [first];
    const opStack: PsToken[] = [];
    const arrays = new Set<A.ArrayLiteralAst>();
    const reduce = () => {
      const op = opStack.pop()!;
      const right = vals.pop()!;
      const left = vals.pop()!;
      vals.push(this.combine(op, left, right, arrays));
    };
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      const p = precOf(opName(op));
      while (opStack.length && precOf(opName(opStack[opStack.length - 1]!)) >= p) reduce();
      opStack.push(op);
      vals.push(this.unaryExpr(operands[i + 1]!));
    }
    while (opStack.length) reduce();
    return vals[0]!;
  }

  private combine(op: PsToken, left: A.ExpressionAst, right: A.ExpressionAst, arrays: Set<A.ArrayLiteralAst>): A.ExpressionAst {
    const span = { start: left.span.start, end: right.span.end };
    const name = opName(op);
    if (name === ',') {
      if (left.kind === 'ArrayLiteral' && arrays.has(left)) {
        left.elements.push(right);
        left.span.end = right.span.end;
        return left;
      }
      const arr: A.ArrayLiteralAst = { kind: 'ArrayLiteral', span, elements: [left, right] };
      arrays.add(arr);
      return arr;
    }
    return { kind: 'Binary', span, operator: name as A.BinaryOperator, operatorSpan: { start: op.startOffset, end: op.end }, left, right };
  }

  unaryExpr(n: CstNode): A.ExpressionAst {
    const c = kids(n);
    const prefix = tok(c, 'prefix');
    if (prefix) {
      const operand = this.unaryExpr(node(c, 'unaryExpr')!);
      const span = { start: prefix.startOffset, end: operand.span.end };
      if (prefix.tokenType === T.PlusPlus || prefix.tokenType === T.MinusMinus) {
        return { kind: 'Increment', span, operator: prefix.tokenType === T.PlusPlus ? '++' : '--', prefix: true, operand };
      }
      let op = opName(prefix);
      if (op === '-csplit') op = '-split';
      return { kind: 'Unary', span, operator: op as A.UnaryOperator, operand };
    }
    const cast = tok(c, 'cast');
    if (cast) {
      const operand = this.unaryExpr(node(c, 'unaryExpr')!);
      return { kind: 'Convert', span: { start: cast.startOffset, end: operand.span.end }, type: this.typeName(cast), operand };
    }
    return this.postfixExpr(n);
  }

  /** A postfixExpr node, or the operand branch of a unaryExpr node (same children). */
  postfixExpr(n: CstNode): A.ExpressionAst {
    const c = kids(n);
    let e = this.primary(c);
    for (const p of nodes(c, 'postfixOp')) {
      const pc = kids(p);
      const dot = tok(pc, 'Dot') ?? tok(pc, 'DoubleColon');
      if (dot) {
        const isStatic = dot.tokenType === T.DoubleColon;
        const mn = tok(pc, 'MemberName');
        const mv = tok(pc, 'Variable');
        const ms = tok(pc, 'StringLit');
        const mp = node(pc, 'parenExpr');
        const sub = node(pc, 'subExpr');
        const member: A.ExpressionAst = mn
          ? { kind: 'StringConstant', span: { start: mn.startOffset, end: mn.end }, value: mn.image, quote: 'bare' }
          : mv ? this.variable(mv) : ms ? this.stringToken(ms) : mp ? this.parenExpr(mp) : this.subExpr(sub!);
        const open = tok(pc, 'CallOpen');
        const block = tok(pc, 'CallBlock');
        if (block) {
          const close = tok(pc, 'RCurly');
          const end = close ? close.end : this.lastEnd(p);
          const arg: A.ScriptBlockExpressionAst = {
            kind: 'ScriptBlockExpression',
            span: { start: block.startOffset, end },
            block: this.scriptBody(node(pc, 'scriptBody'), { start: block.startOffset, end }),
            text: this.ctx.text.slice(block.end, close ? close.startOffset : end),
          };
          e = { kind: 'InvokeMember', span: { start: e.span.start, end }, target: e, member, static: isStatic, arguments: [arg] };
        } else if (open) {
          const close = tok(pc, 'RParen');
          e = {
            kind: 'InvokeMember',
            span: { start: e.span.start, end: close ? close.end : this.lastEnd(p) },
            target: e,
            member,
            static: isStatic,
            arguments: nodes(pc, 'binaryExpr').map((a) => this.binaryExpr(a)),
          };
        } else {
          e = { kind: 'Member', span: { start: e.span.start, end: member.span.end }, target: e, member, static: isStatic };
        }
        continue;
      }
      if (pc.IndexOpen) {
        const close = tok(pc, 'RBracket');
        const index = this.binaryExpr(node(pc, 'binaryExpr')!);
        e = { kind: 'Index', span: { start: e.span.start, end: close ? close.end : index.span.end }, target: e, index };
        continue;
      }
      const inc = (tok(pc, 'PlusPlus') ?? tok(pc, 'MinusMinus'))!;
      e = { kind: 'Increment', span: { start: e.span.start, end: inc.end }, operator: inc.tokenType === T.PlusPlus ? '++' : '--', prefix: false, operand: e };
    }
    return e;
  }

  primary(c: Children): A.ExpressionAst {
    for (const key in c) {
      const el = c[key]![0]!;
      switch (key) {
        case 'Variable': return this.variable(el as PsToken);
        case 'NumberLit': {
          const t = el as PsToken;
          const p = t.payload as NumberPayload;
          return { kind: 'Constant', span: { start: t.startOffset, end: t.end }, value: p.value, numberType: p.numberType, exact: p.exact };
        }
        case 'StringLit': return this.stringToken(el as PsToken);
        case 'TypeLiteral': {
          const t = el as PsToken;
          return { kind: 'TypeExpression', span: { start: t.startOffset, end: t.end }, type: this.typeName(t) };
        }
        case 'parenExpr': return this.parenExpr(el as CstNode);
        case 'subExpr': return this.subExpr(el as CstNode);
        case 'hashLiteral': return this.hashLiteral(el as CstNode);
        case 'scriptBlockExpr': return this.scriptBlockExpr(el as CstNode);
        default: continue;
      }
    }
    throw new Error('unknown primary');
  }

  parenExpr(n: CstNode): A.ParenAst {
    const c = kids(n);
    const open = tok(c, 'LParen')!;
    const close = tok(c, 'RParen');
    const pipeline = this.pipeline(node(c, 'pipeline')!);
    return { kind: 'Paren', span: { start: open.startOffset, end: close ? close.end : pipeline.span.end }, pipeline };
  }

  subExpr(n: CstNode): A.SubExpressionAst | A.ArrayExpressionAst {
    const c = kids(n);
    const open = (tok(c, 'DollarParen') ?? tok(c, 'AtParen'))!;
    const close = tok(c, 'RParen');
    const inner = { start: open.end, end: close ? close.startOffset : this.lastEnd(n) };
    const statements = this.statementList(node(c, 'statementList'), inner);
    const span = { start: open.startOffset, end: close ? close.end : inner.end };
    return open.tokenType === T.DollarParen
      ? { kind: 'SubExpression', span, statements }
      : { kind: 'ArrayExpression', span, statements };
  }

  hashLiteral(n: CstNode): A.HashtableAst {
    const c = kids(n);
    const open = tok(c, 'AtCurly')!;
    const close = tok(c, 'RCurly');
    const h: A.HashtableAst = { kind: 'Hashtable', span: { start: open.startOffset, end: close ? close.end : this.lastEnd(n) }, entries: [] };
    for (const en of nodes(c, 'hashEntry')) {
      const ec = kids(en);
      const bw = tok(ec, 'BareWord');
      const key = bw ? this.stringToken(bw) : this.unaryExpr(node(ec, 'unaryExpr')!);
      h.entries.push({ key, value: this.statement(node(ec, 'statement')!) });
    }
    return h;
  }

  scriptBlockExpr(n: CstNode): A.ScriptBlockExpressionAst {
    const c = kids(n);
    const open = tok(c, 'LCurly')!;
    const close = tok(c, 'RCurly');
    const end = close ? close.end : this.lastEnd(n);
    const span = { start: open.startOffset, end };
    return {
      kind: 'ScriptBlockExpression',
      span,
      block: this.scriptBody(node(c, 'scriptBody'), { start: open.startOffset, end }),
      text: this.ctx.text.slice(open.end, close ? close.startOffset : end),
    };
  }

  variable(t: PsToken): A.VariableAst {
    const p = t.payload as VariablePayload;
    const v: A.VariableAst = { kind: 'Variable', span: { start: t.startOffset, end: t.end }, name: p.name };
    if (p.scope) v.scope = p.scope;
    return v;
  }

  /** A string or bare-word token: constant, or expandable when it has `$` parts. */
  stringToken(t: PsToken): A.StringConstantAst | A.ExpandableStringAst {
    const p = t.payload as StringPayload;
    const span = { start: t.startOffset, end: t.end };
    if (p.parts.length === 1 && typeof p.parts[0] === 'string') {
      return { kind: 'StringConstant', span, value: p.parts[0], quote: p.quote };
    }
    const parts: (string | A.ExpressionAst)[] = p.parts.map((part) => this.stringPart(part));
    return { kind: 'ExpandableString', span, parts, quote: p.quote as A.ExpandableStringAst['quote'] };
  }

  private stringPart(part: StringPart): string | A.ExpressionAst {
    if (typeof part === 'string' || part.kind !== 'sub') return part as string | A.ExpressionAst;
    const r = this.ctx.parseNested(part.tokens);
    const span = { start: part.start, end: part.end };
    if (r instanceof PsSyntaxError) {
      this.ctx.errors.push(r);
      return { kind: 'SubExpression', span, statements: { kind: 'StatementList', span, statements: [] } };
    }
    return this.subExpr(r);
  }

  private lastEnd(n: CstNode): number {
    const t = lastToken(n);
    return t ? tokEnd(t) : 0;
  }
}

function opName(t: PsToken): string {
  return typeof t.payload === 'string' ? t.payload : t.image;
}

function endOf(end: number, redirections: A.RedirectionAst[]): number {
  const r = redirections[redirections.length - 1];
  return r ? Math.max(end, r.span.end) : end;
}

function stringValue(p: StringPayload): string {
  return p.parts.map((x) => (typeof x === 'string' ? x : '')).join('');
}

/** Statements that must be followed by `;` or a newline before the next one. */
function needsSeparator(s: A.StatementAst): boolean {
  switch (s.kind) {
    case 'Pipeline': case 'Assignment': case 'Return': case 'Throw': case 'Exit': case 'Break': case 'Continue': case 'DoLoop':
      return true;
    default:
      return false;
  }
}

function isToken(e: CstElement): e is IToken {
  return (e as IToken).tokenType !== undefined;
}

export function firstToken(n: CstNode): IToken | undefined {
  let best: IToken | undefined;
  for (const k in n.children) {
    const e = n.children[k]![0]!;
    const t = isToken(e) ? e : firstToken(e);
    if (t && (!best || t.startOffset < best.startOffset)) best = t;
  }
  return best;
}

export function lastToken(n: CstNode): IToken | undefined {
  let best: IToken | undefined;
  for (const k in n.children) {
    const arr = n.children[k]!;
    const e = arr[arr.length - 1]!;
    const t = isToken(e) ? e : lastToken(e);
    if (t && (!best || t.startOffset > best.startOffset)) best = t;
  }
  return best;
}

/**
 * Puts a command's few elements in source order, in place: an insertion sort, as the lists are
 * short and mostly in order (Array.prototype.sort allocates on every call; commands are many).
 */
function sortByStart<X>(items: X[], start: (x: X) => number): void {
  for (let i = 1; i < items.length; i++) {
    const x = items[i]!;
    const k = start(x);
    let j = i - 1;
    while (j >= 0 && start(items[j]!) > k) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = x;
  }
}

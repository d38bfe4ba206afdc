// A recursive-descent parser for the C# that Add-Type compiles: namespaces and `using`
// directives, classes, structs, interfaces and enums with their attributes; fields, constants,
// properties, constructors and methods; the statements and expressions of C# 5 that method bodies
// use. Windows PowerShell 5.1 compiles with the .NET Framework's C# 5 compiler, so later syntax
// (expression-bodied members, getter-only auto-properties, `$"..."`, `?.`) is a compile error here too.
import { CompileError, scan, type Diagnostic, type Token } from './lexer.js';
import type { Accessor, Expr, Member, Param, Stmt, TypeDecl, TypeRef } from './syntax.js';

const MODIFIERS = new Set(['public', 'private', 'protected', 'internal', 'static', 'readonly', 'const', 'abstract', 'sealed', 'virtual', 'override', 'new', 'extern', 'unsafe', 'volatile', 'partial']);
const PREDEFINED = new Set(['bool', 'byte', 'sbyte', 'char', 'decimal', 'double', 'float', 'int', 'uint', 'long', 'ulong', 'short', 'ushort', 'object', 'string', 'void']);
const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=']);
const BINARY: [string[], number][] = [
  [['??'], 1],
  [['||'], 2],
  [['&&'], 3],
  [['|'], 4],
  [['^'], 5],
  [['&'], 6],
  [['==', '!='], 7],
  [['<', '>', '<=', '>=', 'is', 'as'], 8],
  [['<<', '>>'], 9],
  [['+', '-'], 10],
  [['*', '/', '%'], 11],
];
const PRECEDENCE = new Map(BINARY.flatMap(([ops, p]) => ops.map((o) => [o, p] as const)));

function csharp6(feature: string): string {
  return `Feature '${feature}' is not available in C# 5. Please use language version 6 or greater.`;
}

export function parseCompilationUnit(text: string, warnings: Diagnostic[]): TypeDecl[] {
  return new Parser(scan(text, warnings)).unit();
}

class Parser {
  private i = 0;
  /** Nested type declarations, listed after the compilation unit's types. */
  private readonly nested: TypeDecl[] = [];
  constructor(private readonly t: Token[]) {}

  private get tok(): Token {
    return this.t[this.i]!;
  }
  /** The current token, not narrowed by earlier checks. */
  private cur(): Token {
    return this.t[this.i]!;
  }
  private word(): string {
    return this.cur().text;
  }
  private peek(n = 1): Token {
    return this.t[Math.min(this.i + n, this.t.length - 1)]!;
  }
  private is(text: string): boolean {
    const k = this.tok.kind;
    return (k === 'op' || k === 'kw') && this.tok.text === text;
  }
  private eat(text: string): boolean {
    if (!this.is(text)) return false;
    this.i++;
    return true;
  }
  private fail(message: string, code = 'CS1525', tok = this.tok): never {
    throw new CompileError({ line: tok.line, col: tok.col, code, message });
  }
  private expect(text: string): Token {
    if (!this.is(text)) this.fail(`${text} expected`, text === ';' ? 'CS1002' : 'CS1003');
    return this.t[this.i++]!;
  }
  private ident(): string {
    if (this.tok.kind !== 'id') this.fail('Identifier expected', 'CS1001');
    return this.t[this.i++]!.text;
  }
  private dotted(): string {
    let name = this.ident();
    while (this.is('.') && this.peek().kind === 'id') {
      this.i++;
      name += '.' + this.ident();
    }
    return name;
  }

  // ---- declarations ------------------------------------------------------------------------

  unit(): TypeDecl[] {
    const out: TypeDecl[] = [];
    this.namespaceBody('', [], new Map(), out, true);
    if (this.tok.kind !== 'eof') this.fail('Type or namespace definition, or end-of-file expected', 'CS1022');
    return [...out, ...this.nested];
  }

  private namespaceBody(ns: string, outerUsings: string[], outerAliases: Map<string, string>, out: TypeDecl[], top: boolean): void {
    const usings = [...outerUsings];
    const aliases = new Map(outerAliases);
    while (this.is('using')) {
      this.i++;
      if (this.tok.kind === 'id' && this.peek().text === '=') {
        const alias = this.ident();
        this.i++;
        aliases.set(alias, this.dotted());
      } else {
        if (this.is('static')) this.fail(csharp6('using static'), 'CS8026');
        usings.push(this.dotted());
      }
      this.expect(';');
    }
    while (this.tok.kind !== 'eof' && !this.is('}')) {
      if (this.is('namespace')) {
        const nsTok = this.tok;
        this.i++;
        const name = this.dotted();
        if (this.is(';')) this.fail('{ expected', 'CS1514', nsTok);
        this.expect('{');
        this.namespaceBody(ns ? `${ns}.${name}` : name, usings, aliases, out, false);
        this.expect('}');
        this.eat(';');
        continue;
      }
      const attributes = this.attributes();
      const line = this.tok.line;
      const modifiers = this.modifiers();
      if (!['class', 'struct', 'interface', 'enum'].some((k) => this.is(k))) {
        if (top && ns === '') this.fail('A namespace cannot directly contain members such as fields or methods', 'CS0116');
        this.fail('Type or namespace definition, or end-of-file expected', 'CS1022');
      }
      out.push(this.typeDecl(ns, usings, aliases, attributes, modifiers, line));
    }
  }

  private attributes(): string[] {
    const out: string[] = [];
    while (this.is('[')) {
      this.i++;
      if (this.tok.kind === 'id' && this.peek().text === ':') this.i += 2; // [assembly: ...]
      do {
        out.push(this.dotted());
        if (this.is('(')) this.skipBalanced('(', ')');
      } while (this.eat(','));
      this.expect(']');
    }
    return out;
  }

  private skipBalanced(open: string, close: string): void {
    let depth = 0;
    do {
      if (this.tok.kind === 'eof') this.fail(`${close} expected`, 'CS1026');
      if (this.is(open)) depth++;
      else if (this.is(close)) depth--;
      this.i++;
    } while (depth > 0);
  }

  private modifiers(): string[] {
    const out: string[] = [];
    while ((this.tok.kind === 'kw' || this.tok.text === 'partial') && MODIFIERS.has(this.tok.text)) {
      if (this.tok.text === 'partial' && !['class', 'struct', 'interface'].includes(this.peek().text)) break;
      out.push(this.t[this.i++]!.text);
    }
    return out;
  }

  private typeDecl(ns: string, usings: string[], aliases: Map<string, string>, attributes: string[], modifiers: string[], line: number): TypeDecl {
    const kind = this.t[this.i++]!.text as TypeDecl['kind'];
    const name = this.ident();
    if (this.is('<')) this.fail('Generic type definitions are not supported by this compiler', 'CS0000');
    const decl: TypeDecl = { kind, name, namespace: ns, usings, aliases, modifiers, attributes, bases: [], members: [], enumMembers: [], line };
    if (this.eat(':')) {
      do decl.bases.push(this.type());
      while (this.eat(','));
    }
    if (this.tok.text === 'where') this.fail('Generic constraints are not supported by this compiler', 'CS0000');
    this.expect('{');
    if (kind === 'enum') {
      while (!this.is('}')) {
        this.attributes();
        const member: { name: string; value?: Expr } = { name: this.ident() };
        if (this.eat('=')) member.value = this.expr();
        decl.enumMembers.push(member);
        if (!this.eat(',')) break;
      }
    } else {
      while (!this.is('}')) {
        if (this.tok.kind === 'eof') this.fail('} expected', 'CS1513');
        const m = this.member(decl);
        if (m) decl.members.push(m);
      }
    }
    this.expect('}');
    this.eat(';');
    return decl;
  }

  /** A member of a type; undefined for a nested type (kept in `nested`). */
  private member(decl: TypeDecl): Member | undefined {
    const attributes = this.attributes();
    const line = this.tok.line;
    const modifiers = this.modifiers();
    if (['class', 'struct', 'interface', 'enum'].some((k) => this.is(k))) {
      const inner = this.typeDecl(decl.namespace, decl.usings, decl.aliases, attributes, modifiers, line);
      inner.container = decl.container ? `${decl.container}+${decl.name}` : decl.name;
      this.nested.push(inner);
      return undefined;
    }
    if (['delegate', 'event'].some((k) => this.is(k)) || this.is('~')) {
      this.fail(`Nested ${this.tok.text === '~' ? 'destructors' : this.tok.text + ' declarations'} are not supported by this compiler`, 'CS0000');
    }
    // A constructor: the type's name and `(`.
    if (this.tok.kind === 'id' && this.tok.text === decl.name && this.peek().text === '(') {
      this.i++;
      const params = this.params();
      let init: { kind: 'base' | 'this'; args: Expr[] } | undefined;
      if (this.eat(':')) {
        const kind = this.is('base') ? 'base' : this.is('this') ? 'this' : this.fail('Keyword \'this\' or \'base\' expected', 'CS1018');
        this.i++;
        init = { kind, args: this.args() };
      }
      if (this.is('=>')) this.fail(csharp6('expression-bodied members'), 'CS8026');
      return { k: 'ctor', modifiers, params, init, body: this.block(), line };
    }
    const isConst = modifiers.includes('const');
    if (this.is('implicit') || this.is('explicit')) this.fail('Conversion operators are not supported by this compiler', 'CS0000');
    const type = this.type();
    if (this.is('operator')) this.fail('Operator overloads are not supported by this compiler', 'CS0000');
    if (this.is('this')) this.fail('Indexers are not supported by this compiler', 'CS0000');
    let name = this.ident();
    let iface: string | undefined;
    while (this.is('.') && this.peek().kind === 'id') {
      this.i++;
      iface = iface ? `${iface}.${name}` : name;
      name = this.ident();
    }
    if (this.is('<')) this.fail('Generic methods are not supported by this compiler', 'CS0000');
    if (this.is('(')) {
      const params = this.params();
      if (this.is('=>')) this.fail(csharp6('expression-bodied members'), 'CS8026');
      let body: Stmt[] | undefined;
      if (!this.eat(';')) body = this.block();
      return { k: 'method', modifiers, ret: type, name, iface, params, body, line };
    }
    if (this.is('=>')) this.fail(csharp6('expression-bodied members'), 'CS8026');
    if (this.is('{')) {
      this.i++;
      const prop: Member & { k: 'property' } = { k: 'property', modifiers, type, name, iface, line };
      while (!this.is('}')) {
        this.attributes();
        const accMods = this.modifiers();
        const which = this.tok.text;
        if (which !== 'get' && which !== 'set') this.fail('A get or set accessor expected', 'CS1014');
        this.i++;
        const acc: Accessor = { modifiers: accMods };
        if (!this.eat(';')) {
          if (this.is('=>')) this.fail(csharp6('expression-bodied members'), 'CS8026');
          acc.body = this.block();
        }
        prop[which] = acc;
      }
      this.expect('}');
      if (this.is('=')) this.fail(csharp6('auto property initializer'), 'CS8026');
      const auto = (prop.get && !prop.get.body) || (prop.set && !prop.set.body);
      if (auto && !modifiers.includes('abstract') && !modifiers.includes('extern') && decl.kind !== 'interface') {
        if (!prop.set) this.fail(csharp6('readonly automatically implemented properties'), 'CS8026');
        if (!prop.get) this.fail(`'${decl.name}.${name}.set' must declare a body because it is not marked abstract or extern. Automatically implemented properties must define both get and set accessors.`, 'CS0840');
      }
      return prop;
    }
    const decls: { name: string; init?: Expr; line: number }[] = [];
    for (;;) {
      const d: { name: string; init?: Expr; line: number } = { name, line: this.tok.line };
      if (this.eat('=')) d.init = this.is('{') ? this.arrayInit(type) : this.expr();
      else if (isConst) this.fail('A const field requires a value to be provided', 'CS0145');
      decls.push(d);
      if (!this.eat(',')) break;
      name = this.ident();
    }
    this.expect(';');
    return { k: 'field', modifiers, type, decls, isConst, line };
  }

  private params(): Param[] {
    this.expect('(');
    const out: Param[] = [];
    if (!this.is(')')) {
      do {
        this.attributes();
        const modifier = ['ref', 'out', 'params', 'this'].includes(this.tok.text) ? this.t[this.i++]!.text : undefined;
        const p: Param = { type: this.type(), name: this.ident(), modifier };
        if (this.eat('=')) p.default = this.expr();
        out.push(p);
      } while (this.eat(','));
    }
    this.expect(')');
    return out;
  }

  /** A type: `int`, `System.Text.Encoding`, `List<string>`, `int[]`, `int?`. Undefined (position kept) if there is none. */
  private tryType(): TypeRef | undefined {
    const start = this.i;
    const line = this.tok.line;
    let name: string;
    if (this.tok.kind === 'kw' && PREDEFINED.has(this.tok.text)) name = this.t[this.i++]!.text;
    else if (this.tok.kind === 'id') {
      name = this.ident();
      if (this.is('::')) {
        this.i++;
        name = this.ident(); // global::X
      }
    } else return undefined;
    const args: TypeRef[] = [];
    for (;;) {
      if (this.is('<')) {
        const save = this.i;
        this.i++;
        const list: TypeRef[] = [];
        let ok = true;
        do {
          const a = this.tryType();
          if (!a) {
            ok = false;
            break;
          }
          list.push(a);
        } while (this.eat(','));
        if (!ok || !this.is('>')) {
          this.i = save;
          break;
        }
        this.i++;
        args.push(...list);
      }
      if (this.is('.') && this.peek().kind === 'id') {
        this.i++;
        name += '.' + this.ident();
        continue;
      }
      break;
    }
    const ref: TypeRef = { name, args, ranks: [], line };
    if (this.is('?')) {
      // `int? x` but not `a ? b : c`: a nullable type is followed by a name, `>`, `,`, `)` or `[`.
      const next = this.peek();
      if (next.kind === 'id' || ['>', ',', ')', '[', ';'].includes(next.text)) {
        this.i++;
        ref.nullable = true;
      }
    }
    while (this.is('[') && (this.peek().text === ']' || this.peek().text === ',')) {
      this.i++;
      let rank = 1;
      while (this.eat(',')) rank++;
      this.expect(']');
      ref.ranks.push(rank);
    }
    if (this.i === start) return undefined;
    return ref;
  }

  private type(): TypeRef {
    return this.tryType() ?? this.fail('Type expected', 'CS1031');
  }

  // ---- statements --------------------------------------------------------------------------

  private block(): Stmt[] {
    this.expect('{');
    const out: Stmt[] = [];
    while (!this.is('}')) {
      if (this.tok.kind === 'eof') this.fail('} expected', 'CS1513');
      out.push(this.statement());
    }
    this.i++;
    return out;
  }

  private statement(): Stmt {
    const line = this.tok.line;
    if (this.is('{')) return { k: 'block', body: this.block(), line };
    if (this.eat(';')) return { k: 'empty', line };
    if (this.tok.kind === 'kw') {
      switch (this.tok.text) {
        case 'if': {
          this.i++;
          this.expect('(');
          const test = this.expr();
          this.expect(')');
          const then = this.statement();
          return this.eat('else') ? { k: 'if', test, then, else: this.statement(), line } : { k: 'if', test, then, line };
        }
        case 'while': {
          this.i++;
          this.expect('(');
          const test = this.expr();
          this.expect(')');
          return { k: 'while', test, body: this.statement(), line };
        }
        case 'do': {
          this.i++;
          const body = this.statement();
          this.expect('while');
          this.expect('(');
          const test = this.expr();
          this.expect(')');
          this.expect(';');
          return { k: 'do', test, body, line };
        }
        case 'for': {
          this.i++;
          this.expect('(');
          const init: Stmt[] = [];
          if (!this.is(';')) {
            const decl = this.tryLocal();
            if (decl) init.push(decl);
            else do init.push({ k: 'expr', expr: this.expr(), line });
            while (this.eat(','));
          }
          this.expect(';');
          const test = this.is(';') ? undefined : this.expr();
          this.expect(';');
          const iter: Expr[] = [];
          if (!this.is(')')) do iter.push(this.expr());
          while (this.eat(','));
          this.expect(')');
          return { k: 'for', init, test, iter, body: this.statement(), line };
        }
        case 'foreach': {
          this.i++;
          this.expect('(');
          const type = this.word() === 'var' ? (this.i++, undefined) : this.type();
          const name = this.ident();
          this.expect('in');
          const source = this.expr();
          this.expect(')');
          return { k: 'foreach', type, name, source, body: this.statement(), line };
        }
        case 'return':
        case 'throw': {
          const k = this.t[this.i++]!.text as 'return' | 'throw';
          const value = this.is(';') ? undefined : this.expr();
          this.expect(';');
          return { k, value, line };
        }
        case 'break':
        case 'continue': {
          const k = this.t[this.i++]!.text as 'break' | 'continue';
          this.expect(';');
          return { k, line };
        }
        case 'try': {
          this.i++;
          const body = this.block();
          const catches: { type?: TypeRef; name?: string; body: Stmt[] }[] = [];
          while (this.eat('catch')) {
            const c: { type?: TypeRef; name?: string; body: Stmt[] } = { body: [] };
            if (this.eat('(')) {
              c.type = this.type();
              if (this.cur().kind === 'id') c.name = this.ident();
              this.expect(')');
            }
            if (this.word() === 'when') this.fail(csharp6('exception filter'), 'CS8026');
            c.body = this.block();
            catches.push(c);
          }
          const fin = this.eat('finally') ? this.block() : undefined;
          if (!catches.length && !fin) this.fail('Expected catch or finally', 'CS1524');
          return { k: 'try', body, catches, fin, line };
        }
        case 'switch': {
          this.i++;
          this.expect('(');
          const value = this.expr();
          this.expect(')');
          this.expect('{');
          const sections: { labels: (Expr | 'default')[]; body: Stmt[] }[] = [];
          while (!this.is('}')) {
            const labels: (Expr | 'default')[] = [];
            while (this.is('case') || this.is('default')) {
              if (this.eat('default')) labels.push('default');
              else {
                this.i++;
                labels.push(this.expr());
              }
              this.expect(':');
            }
            if (!labels.length) this.fail('Expected case or default', 'CS1525');
            const body: Stmt[] = [];
            while (!this.is('case') && !this.is('default') && !this.is('}')) body.push(this.statement());
            sections.push({ labels, body });
          }
          this.i++;
          return { k: 'switch', value, sections, line };
        }
        case 'const':
          this.i++;
          break;
        case 'using':
        case 'lock':
        case 'goto':
        case 'checked':
        case 'unchecked':
        case 'unsafe':
        case 'fixed':
          this.fail(`The '${this.tok.text}' statement is not supported by this compiler`, 'CS0000');
      }
    }
    const decl = this.tryLocal();
    if (decl) {
      this.expect(';');
      return decl;
    }
    const expr = this.expr();
    if (!['assign', 'call', 'new', 'unary', 'postfix'].includes(expr.k) || (expr.k === 'unary' && !['++', '--'].includes(expr.op))) {
      this.fail('Only assignment, call, increment, decrement, and new object expressions can be used as a statement', 'CS0201');
    }
    this.expect(';');
    return { k: 'expr', expr, line };
  }

  /** `Type name [= init], ...` (or `var name = init`); undefined (position kept) when the statement is not one. */
  private tryLocal(): Stmt | undefined {
    const start = this.i;
    const line = this.tok.line;
    const isVar = this.tok.kind === 'id' && this.tok.text === 'var' && this.peek().kind === 'id';
    const type = isVar ? (this.i++, undefined) : this.tryType();
    if ((!type && !isVar) || this.tok.kind !== 'id' || !['=', ';', ',', 'in'].includes(this.peek().text)) {
      this.i = start;
      return undefined;
    }
    const decls: { name: string; init?: Expr }[] = [];
    do {
      const name = this.ident();
      decls.push(this.eat('=') ? { name, init: this.is('{') && type ? this.arrayInit(type) : this.expr() } : { name });
    } while (this.eat(','));
    return { k: 'local', type, decls, line };
  }

  private arrayInit(type: TypeRef): Expr {
    const line = this.tok.line;
    const items = this.braceItems();
    const element: TypeRef = { ...type, ranks: type.ranks.slice(1) };
    return { k: 'newarray', type: element, items, line };
  }

  private braceItems(): Expr[] {
    this.expect('{');
    const items: Expr[] = [];
    while (!this.is('}')) {
      items.push(this.expr());
      if (!this.eat(',')) break;
    }
    this.expect('}');
    return items;
  }

  // ---- expressions -------------------------------------------------------------------------

  expr(): Expr {
    const line = this.tok.line;
    const left = this.conditional();
    if (this.tok.kind === 'op' && ASSIGN_OPS.has(this.tok.text)) {
      const op = this.t[this.i++]!.text;
      if (!['name', 'member', 'index'].includes(left.k)) this.fail('The left-hand side of an assignment must be a variable, property or indexer', 'CS0131');
      return { k: 'assign', op, target: left, value: this.expr(), line };
    }
    return left;
  }

  private conditional(): Expr {
    const line = this.tok.line;
    const test = this.binary(1);
    if (!this.eat('?')) return test;
    const then = this.expr();
    this.expect(':');
    return { k: 'cond', test, then, else: this.expr(), line };
  }

  private binary(min: number): Expr {
    let left = this.unary();
    for (;;) {
      const op = this.tok.text;
      const p = (this.tok.kind === 'op' || this.tok.kind === 'kw') ? PRECEDENCE.get(op) : undefined;
      if (p === undefined || p < min) return left;
      const line = this.tok.line;
      this.i++;
      if (op === 'is' || op === 'as') {
        left = { k: op, operand: left, type: this.type(), line };
        if (op === 'is' && this.tok.kind === 'id') this.fail(csharp6('pattern matching'), 'CS8026');
        continue;
      }
      // `??` is right-associative; the others left.
      const right = op === '??' ? this.binary(p) : this.binary(p + 1);
      left = { k: 'binary', op, left, right, line };
    }
  }

  private unary(): Expr {
    const line = this.tok.line;
    if (this.tok.kind === 'op' && ['-', '+', '!', '~', '++', '--'].includes(this.tok.text)) {
      const op = this.t[this.i++]!.text;
      return { k: 'unary', op, operand: this.unary(), line };
    }
    if (this.is('(')) {
      const cast = this.tryCast();
      if (cast) return cast;
    }
    return this.postfix(this.primary());
  }

  /** `(Type)operand`, when what follows the parenthesis can only be a cast's operand. */
  private tryCast(): Expr | undefined {
    const start = this.i;
    const line = this.tok.line;
    this.i++;
    const type = this.tryType();
    if (!type || !this.is(')')) {
      this.i = start;
      return undefined;
    }
    this.i++;
    const next = this.tok;
    const predefined = PREDEFINED.has(type.name) || type.ranks.length > 0;
    const operandStart = next.kind === 'id' || next.kind === 'int' || next.kind === 'real' || next.kind === 'string' || next.kind === 'char' ||
      (next.kind === 'kw' && ['this', 'base', 'new', 'typeof', 'default', 'null', 'true', 'false', 'checked', 'unchecked'].includes(next.text)) ||
      (next.kind === 'op' && ['(', '!', '~'].includes(next.text)) ||
      (predefined && next.kind === 'op' && ['-', '+', '++', '--'].includes(next.text));
    if (!operandStart || (next.kind === 'kw' && PREDEFINED.has(next.text))) {
      this.i = start;
      return undefined;
    }
    return { k: 'cast', type, operand: this.unary(), line };
  }

  private primary(): Expr {
    const tok = this.tok;
    const line = tok.line;
    switch (tok.kind) {
      case 'int':
      case 'real': {
        this.i++;
        const suffix = tok.suffix ?? '';
        const type = suffix.includes('M') ? 'decimal' : suffix.includes('F') ? 'float' : suffix.includes('D') || tok.kind === 'real' ? 'double'
          : suffix === 'L' ? 'long' : suffix === 'U' ? 'uint' : suffix.length === 2 ? 'ulong' : 'int';
        return { k: 'lit', type, value: tok.value!, line };
      }
      case 'string':
        this.i++;
        return { k: 'lit', type: 'string', value: tok.value!, line };
      case 'char':
        this.i++;
        return { k: 'lit', type: 'char', value: tok.value!, line };
      case 'id':
        this.i++;
        if (tok.text === 'nameof' && this.is('(')) this.fail(csharp6('nameof operator'), 'CS8026');
        return { k: 'name', name: tok.text, line };
      case 'kw':
        if (PREDEFINED.has(tok.text)) {
          // `int.Parse(...)`, `string.Empty`.
          this.i++;
          return { k: 'name', name: tok.text, line };
        }
        switch (tok.text) {
          case 'true':
          case 'false':
            this.i++;
            return { k: 'lit', type: 'bool', value: tok.text, line };
          case 'null':
            this.i++;
            return { k: 'lit', type: 'null', value: 'null', line };
          case 'this':
          case 'base':
            this.i++;
            return { k: tok.text, line };
          case 'typeof':
          case 'default': {
            this.i++;
            this.expect('(');
            const type = this.type();
            this.expect(')');
            return { k: tok.text, type, line };
          }
          case 'new':
            return this.newExpr();
          case 'checked':
          case 'unchecked': {
            this.i++;
            this.expect('(');
            const inner = this.expr();
            this.expect(')');
            return inner;
          }
          case 'delegate':
            this.fail('Anonymous methods are not supported by this compiler', 'CS0000');
        }
        break;
      case 'op':
        if (tok.text === '(') {
          this.i++;
          const inner = this.expr();
          this.expect(')');
          if (this.is('=>')) this.fail('Lambda expressions are not supported by this compiler', 'CS0000');
          return inner;
        }
    }
    return this.fail(`Invalid expression term '${tok.text || 'end of file'}'`, 'CS1525');
  }

  private newExpr(): Expr {
    const line = this.tok.line;
    this.i++;
    if (this.is('[')) {
      // new[] { a, b }
      this.i++;
      this.expect(']');
      return { k: 'newarray', type: { name: 'object', args: [], ranks: [], line }, items: this.braceItems(), line };
    }
    if (this.is('{')) this.fail('Anonymous types are not supported by this compiler', 'CS0000');
    const start = this.i;
    const type = this.type();
    if (type.ranks.length) return { k: 'newarray', type: { ...type, ranks: type.ranks.slice(1) }, items: this.braceItems(), line };
    if (this.is('[')) {
      this.i++;
      const size = this.expr();
      this.expect(']');
      const element: TypeRef = { ...type, ranks: [] };
      while (this.is('[')) {
        this.i = start;
        this.fail('Multi-dimensional and jagged array creation is not supported by this compiler', 'CS0000');
      }
      return this.is('{') ? { k: 'newarray', type: element, items: this.braceItems(), line } : { k: 'newarray', type: element, size, line };
    }
    const args = this.is('(') ? this.args() : [];
    let init: { name: string; value: Expr }[] | undefined;
    if (this.is('{')) {
      this.i++;
      init = [];
      while (!this.is('}')) {
        const name = this.ident();
        this.expect('=');
        init.push({ name, value: this.expr() });
        if (!this.eat(',')) break;
      }
      this.expect('}');
    }
    return { k: 'new', type, args, init, line };
  }

  private args(): Expr[] {
    this.expect('(');
    const out: Expr[] = [];
    if (!this.is(')')) {
      do {
        if (this.is('ref') || this.is('out')) this.fail('ref and out arguments are not supported by this compiler', 'CS0000');
        if (this.tok.kind === 'id' && this.peek().text === ':') this.fail('Named arguments are not supported by this compiler', 'CS0000');
        out.push(this.expr());
      } while (this.eat(','));
    }
    this.expect(')');
    return out;
  }

  private postfix(e: Expr): Expr {
    for (;;) {
      const line = this.tok.line;
      if (this.is('.')) {
        this.i++;
        e = { k: 'member', target: e, name: this.ident(), line };
      } else if (this.is('(')) {
        e = { k: 'call', target: e, args: this.args(), line };
      } else if (this.is('[')) {
        this.i++;
        const args: Expr[] = [];
        do args.push(this.expr());
        while (this.eat(','));
        this.expect(']');
        e = { k: 'index', target: e, args, line };
      } else if (this.is('++') || this.is('--')) {
        e = { k: 'postfix', op: this.t[this.i++]!.text, operand: e, line };
      } else if (this.is('?') && this.peek().text === '.') {
        this.fail(csharp6('null propagating operator'), 'CS8026');
      } else if (this.is('->')) {
        this.fail('Pointers are not supported by this compiler', 'CS0000');
      } else return e;
    }
  }
}

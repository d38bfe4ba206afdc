// XPath 1.0 over the DOM of xml-dom.ts, for SelectNodes / SelectSingleNode and Select-Xml:
// location paths with every axis but namespace, name and node-type tests with prefixes
// resolved by the caller's namespace table, predicates, unions, the operators and the core
// function library. Errors are .NET's XPathException texts.

import type { NamespaceResolver, XmlNode } from './xml-dom.js';

export class XPathException extends Error {}

type Value = XmlNode[] | string | number | boolean;

type Expr =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'var'; name: string }
  | { t: 'fn'; name: string; args: Expr[] }
  | { t: 'bin'; op: string; l: Expr; r: Expr }
  | { t: 'neg'; e: Expr }
  | { t: 'path'; absolute: boolean; start?: Expr; filters?: Expr[]; steps: Step[] };

interface Step {
  axis: string;
  test: { kind: 'name'; prefix: string; local: string } | { kind: 'type'; type: string; literal?: string };
  predicates: Expr[];
}

const AXES = new Set([
  'ancestor', 'ancestor-or-self', 'attribute', 'child', 'descendant', 'descendant-or-self', 'following', 'following-sibling',
  'namespace', 'parent', 'preceding', 'preceding-sibling', 'self',
]);
const NODE_TYPES = new Set(['node', 'text', 'comment', 'processing-instruction']);
const REVERSE = new Set(['ancestor', 'ancestor-or-self', 'preceding', 'preceding-sibling']);

// ---------------------------------------------------------------------------------------------
// Tokens

type Tok = { k: 'op' | 'name' | 'str' | 'num' | 'var' | 'end'; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const bad = (): never => {
    throw new XPathException(`'${src}' has an invalid token.`);
  };
  while (i < src.length) {
    const c = src[i]!;
    if (' \t\r\n'.includes(c)) {
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['//', '..', '::', '!=', '<=', '>='].includes(two)) {
      out.push({ k: 'op', v: two });
      i += 2;
      continue;
    }
    if (c === '.' && /[0-9]/.test(src[i + 1] ?? '')) {
      const m = /^\.[0-9]+/.exec(src.slice(i))!;
      out.push({ k: 'num', v: m[0] });
      i += m[0].length;
      continue;
    }
    if ('/()[].@,|+-=<>*'.includes(c)) {
      out.push({ k: 'op', v: c });
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const close = src.indexOf(c, i + 1);
      if (close < 0) throw new XPathException(`'${src}' has an invalid token.`);
      out.push({ k: 'str', v: src.slice(i + 1, close) });
      i = close + 1;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]*)?/.exec(src.slice(i))!;
      out.push({ k: 'num', v: m[0] });
      i += m[0].length;
      continue;
    }
    const nm = /^[A-Za-z_\u00C0-\uFFFD][\w.\-\u00B7\u00C0-\uFFFD]*(:(\*|[A-Za-z_\u00C0-\uFFFD][\w.\-\u00B7\u00C0-\uFFFD]*))?/.exec(src.slice(i));
    if (c === '$') {
      const v = /^\$([A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?)/.exec(src.slice(i));
      if (!v) bad();
      out.push({ k: 'var', v: v![1]! });
      i += v![0].length;
      continue;
    }
    if (!nm) bad();
    let name = nm![0];
    // `axis::` and `prefix:*` share the colon: an axis name is followed by `::`, not one colon.
    if (nm![1] === undefined || src.slice(i + name.length).startsWith(':')) {
      const plain = /^[^:]+/.exec(name)![0];
      name = plain;
    }
    out.push({ k: 'name', v: name });
    i += name.length;
  }
  out.push({ k: 'end', v: '' });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parser

class Parser {
  i = 0;
  constructor(
    readonly toks: Tok[],
    readonly src: string,
  ) {}

  peek(o = 0): Tok {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)]!;
  }
  next(): Tok {
    return this.toks[this.i++]!;
  }
  isOp(v: string, o = 0): boolean {
    const t = this.peek(o);
    return t.k === 'op' && t.v === v;
  }
  expect(v: string): void {
    if (!this.isOp(v)) this.invalid();
    this.i++;
  }
  invalid(): never {
    throw new XPathException(`'${this.src}' has an invalid token.`);
  }

  /** An operator name (and, or, div, mod) only where an operator may stand. */
  isOperatorName(v: string): boolean {
    const t = this.peek();
    return t.k === 'name' && t.v === v;
  }

  expr(): Expr {
    return this.or();
  }
  or(): Expr {
    let l = this.and();
    while (this.isOperatorName('or')) {
      this.i++;
      l = { t: 'bin', op: 'or', l, r: this.and() };
    }
    return l;
  }
  and(): Expr {
    let l = this.eq();
    while (this.isOperatorName('and')) {
      this.i++;
      l = { t: 'bin', op: 'and', l, r: this.eq() };
    }
    return l;
  }
  eq(): Expr {
    let l = this.rel();
    while (this.isOp('=') || this.isOp('!=')) {
      const op = this.next().v;
      l = { t: 'bin', op, l, r: this.rel() };
    }
    return l;
  }
  rel(): Expr {
    let l = this.add();
    while (this.isOp('<') || this.isOp('>') || this.isOp('<=') || this.isOp('>=')) {
      const op = this.next().v;
      l = { t: 'bin', op, l, r: this.add() };
    }
    return l;
  }
  add(): Expr {
    let l = this.mul();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().v;
      l = { t: 'bin', op, l, r: this.mul() };
    }
    return l;
  }
  mul(): Expr {
    let l = this.unary();
    for (;;) {
      if (this.isOp('*')) {
        this.i++;
        l = { t: 'bin', op: '*', l, r: this.unary() };
      } else if (this.isOperatorName('div') || this.isOperatorName('mod')) {
        const op = this.next().v;
        l = { t: 'bin', op, l, r: this.unary() };
      } else return l;
    }
  }
  unary(): Expr {
    if (this.isOp('-')) {
      this.i++;
      return { t: 'neg', e: this.unary() };
    }
    return this.union();
  }
  union(): Expr {
    let l = this.pathExpr();
    while (this.isOp('|')) {
      this.i++;
      l = { t: 'bin', op: '|', l, r: this.pathExpr() };
    }
    return l;
  }

  pathExpr(): Expr {
    const t = this.peek();
    const isFilterStart =
      t.k === 'str' || t.k === 'num' || t.k === 'var' || (t.k === 'op' && t.v === '(') ||
      (t.k === 'name' && this.isOp('(', 1) && !NODE_TYPES.has(t.v));
    if (isFilterStart) {
      const start = this.primary();
      const filters: Expr[] = [];
      while (this.isOp('[')) filters.push(this.predicate());
      if (this.isOp('/') || this.isOp('//')) {
        const steps: Step[] = [];
        if (this.next().v === '//') steps.push(descendantOrSelf());
        steps.push(...this.relative());
        return { t: 'path', absolute: false, start, filters, steps };
      }
      return filters.length ? { t: 'path', absolute: false, start, filters, steps: [] } : start;
    }
    if (this.isOp('/')) {
      this.i++;
      const p = this.peek();
      const more = p.k === 'name' || (p.k === 'op' && ['.', '..', '@', '*'].includes(p.v));
      return { t: 'path', absolute: true, steps: more ? this.relative() : [] };
    }
    if (this.isOp('//')) {
      this.i++;
      return { t: 'path', absolute: true, steps: [descendantOrSelf(), ...this.relative()] };
    }
    return { t: 'path', absolute: false, steps: this.relative() };
  }

  relative(): Step[] {
    const steps = [this.step()];
    while (this.isOp('/') || this.isOp('//')) {
      if (this.next().v === '//') steps.push(descendantOrSelf());
      steps.push(this.step());
    }
    return steps;
  }

  step(): Step {
    if (this.isOp('.')) {
      this.i++;
      return { axis: 'self', test: { kind: 'type', type: 'node' }, predicates: [] };
    }
    if (this.isOp('..')) {
      this.i++;
      return { axis: 'parent', test: { kind: 'type', type: 'node' }, predicates: [] };
    }
    let axis = 'child';
    if (this.isOp('@')) {
      this.i++;
      axis = 'attribute';
    } else if (this.peek().k === 'name' && this.isOp('::', 1)) {
      axis = this.next().v;
      if (!AXES.has(axis)) this.invalid();
      this.i++;
    }
    const t = this.next();
    let test: Step['test'];
    if (t.k === 'op' && t.v === '*') test = { kind: 'name', prefix: '', local: '*' };
    else if (t.k === 'name') {
      if (NODE_TYPES.has(t.v) && this.isOp('(')) {
        this.i++;
        let literal: string | undefined;
        if (this.peek().k === 'str') literal = this.next().v;
        this.expect(')');
        test = { kind: 'type', type: t.v, literal };
      } else {
        const colon = t.v.indexOf(':');
        test = colon < 0 ? { kind: 'name', prefix: '', local: t.v } : { kind: 'name', prefix: t.v.slice(0, colon), local: t.v.slice(colon + 1) };
      }
    } else this.invalid();
    const predicates: Expr[] = [];
    while (this.isOp('[')) predicates.push(this.predicate());
    return { axis, test, predicates };
  }

  predicate(): Expr {
    this.expect('[');
    const e = this.expr();
    this.expect(']');
    return e;
  }

  primary(): Expr {
    const t = this.next();
    if (t.k === 'str') return { t: 'str', v: t.v };
    if (t.k === 'num') return { t: 'num', v: Number(t.v) };
    if (t.k === 'var') return { t: 'var', name: t.v };
    if (t.k === 'op' && t.v === '(') {
      const e = this.expr();
      this.expect(')');
      return e;
    }
    if (t.k === 'name') {
      this.expect('(');
      const args: Expr[] = [];
      if (!this.isOp(')')) {
        args.push(this.expr());
        while (this.isOp(',')) {
          this.i++;
          args.push(this.expr());
        }
      }
      this.expect(')');
      return { t: 'fn', name: t.v, args };
    }
    this.invalid();
  }
}

function descendantOrSelf(): Step {
  return { axis: 'descendant-or-self', test: { kind: 'type', type: 'node' }, predicates: [] };
}

const CACHE = new Map<string, Expr>();

export function compileXPath(src: string): Expr {
  const hit = CACHE.get(src);
  if (hit) return hit;
  if (src.trim() === '') throw new XPathException('Expression must evaluate to a node-set.');
  const p = new Parser(tokenize(src), src);
  const e = p.expr();
  if (p.peek().k !== 'end') p.invalid();
  if (CACHE.size > 500) CACHE.clear();
  CACHE.set(src, e);
  return e;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

interface Ctx {
  node: XmlNode;
  pos: number;
  size: number;
  ns: NamespaceResolver | undefined;
  src: string;
  order: () => Map<XmlNode, number>;
}

function rootOf(n: XmlNode): XmlNode {
  let r = n;
  while (r.parent) r = r.parent;
  return r;
}

function documentOrder(root: XmlNode): Map<XmlNode, number> {
  const m = new Map<XmlNode, number>();
  let i = 0;
  const walk = (n: XmlNode) => {
    m.set(n, i++);
    for (const a of n.attrs) m.set(a, i++);
    for (const c of n.children) walk(c);
  };
  walk(root);
  return m;
}

function sorted(nodes: XmlNode[], ctx: Ctx): XmlNode[] {
  const unique = [...new Set(nodes)];
  if (unique.length < 2) return unique;
  const order = ctx.order();
  return unique.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

function stringValue(n: XmlNode): string {
  return n.kind === 'Element' || n.kind === 'Document' || n.kind === 'DocumentFragment' ? n.innerText : (n.value ?? '');
}

function toStr(v: Value): string {
  if (Array.isArray(v)) return v.length ? stringValue(v[0]!) : '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  return Number.isInteger(v) ? String(v) : String(v);
}

function toNum(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const s = toStr(v).trim();
  return /^-?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/.test(s) ? Number(s) : NaN;
}

function toBool(v: Value): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  return v;
}

function axisNodes(n: XmlNode, axis: string): XmlNode[] {
  const out: XmlNode[] = [];
  const descend = (x: XmlNode) => {
    for (const c of x.children) {
      out.push(c);
      descend(c);
    }
  };
  switch (axis) {
    case 'child':
      return n.kind === 'Attribute' ? [] : [...n.children];
    case 'attribute':
      return n.attrs.filter((a) => a.namespaceURI !== 'http://www.w3.org/2000/xmlns/');
    case 'self':
      return [n];
    case 'parent':
      return n.parent ? [n.parent] : [];
    case 'descendant':
      if (n.kind !== 'Attribute') descend(n);
      return out;
    case 'descendant-or-self':
      out.push(n);
      if (n.kind !== 'Attribute') descend(n);
      return out;
    case 'ancestor':
    case 'ancestor-or-self': {
      if (axis === 'ancestor-or-self') out.push(n);
      for (let p = n.parent; p; p = p.parent) out.push(p);
      return out;
    }
    case 'following-sibling':
    case 'preceding-sibling': {
      if (!n.parent || n.kind === 'Attribute') return [];
      const sibs = n.parent.children;
      const i = sibs.indexOf(n);
      return axis === 'following-sibling' ? sibs.slice(i + 1) : sibs.slice(0, i).reverse();
    }
    case 'following': {
      for (let x: XmlNode | null = n.kind === 'Attribute' ? n.parent : n; x && x.parent; x = x.parent) {
        const sibs = x.parent.children;
        for (const s of sibs.slice(sibs.indexOf(x) + 1)) {
          out.push(s);
          descend(s);
        }
      }
      return sortedPlain(out, rootOf(n));
    }
    case 'preceding': {
      const all: XmlNode[] = [];
      const ancestors = new Set<XmlNode>();
      for (let p = n.parent; p; p = p.parent) ancestors.add(p);
      const walk = (x: XmlNode): boolean => {
        if (x === n) return true;
        if (!ancestors.has(x) && x !== rootOf(n)) all.push(x);
        for (const c of x.children) if (walk(c)) return true;
        return false;
      };
      walk(rootOf(n));
      return all.reverse();
    }
  }
  return [];
}

function sortedPlain(nodes: XmlNode[], root: XmlNode): XmlNode[] {
  const order = documentOrder(root);
  return nodes.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

function matches(n: XmlNode, step: Step, ctx: Ctx): boolean {
  const test = step.test;
  if (test.kind === 'type') {
    switch (test.type) {
      case 'node':
        return true;
      case 'text':
        return n.isCharacterData();
      case 'comment':
        return n.kind === 'Comment';
      case 'processing-instruction':
        return n.kind === 'ProcessingInstruction' && (test.literal === undefined || n.qname === test.literal);
    }
    return false;
  }
  const principal = step.axis === 'attribute' ? 'Attribute' : 'Element';
  if (n.kind !== principal) return false;
  if (test.prefix) {
    const uri = ctx.ns?.lookup(test.prefix);
    if (uri === undefined) throw new XPathException('Namespace Manager or XsltContext needed. This query has a prefix, variable, or user-defined function.');
    if (n.namespaceURI !== uri) return false;
    return test.local === '*' || n.localName === test.local;
  }
  if (test.local === '*') return true;
  return n.localName === test.local && n.namespaceURI === '';
}

function applyPredicates(nodes: XmlNode[], predicates: Expr[], ctx: Ctx): XmlNode[] {
  let current = nodes;
  for (const p of predicates) {
    const size = current.length;
    current = current.filter((node, i) => {
      const v = evaluate(p, { ...ctx, node, pos: i + 1, size });
      return typeof v === 'number' ? v === i + 1 : toBool(v);
    });
  }
  return current;
}

function runSteps(start: XmlNode[], steps: Step[], ctx: Ctx): XmlNode[] {
  let current = start;
  for (const step of steps) {
    const next: XmlNode[] = [];
    for (const node of current) {
      const candidates = axisNodes(node, step.axis).filter((c) => matches(c, step, ctx));
      next.push(...applyPredicates(candidates, step.predicates, ctx));
    }
    current = current.length > 1 || REVERSE.has(step.axis) ? sorted(next, ctx) : next;
  }
  return current;
}

function compare(op: string, l: Value, r: Value): boolean {
  if (Array.isArray(l) || Array.isArray(r)) {
    const ls = Array.isArray(l) ? l.map(stringValue) : [l];
    const rs = Array.isArray(r) ? r.map(stringValue) : [r];
    return ls.some((a) => rs.some((b) => compare(op, a, b)));
  }
  if (op === '=' || op === '!=') {
    let eq: boolean;
    if (typeof l === 'boolean' || typeof r === 'boolean') eq = toBool(l) === toBool(r);
    else if (typeof l === 'number' || typeof r === 'number') eq = toNum(l) === toNum(r);
    else eq = l === r;
    return op === '=' ? eq : !eq;
  }
  const a = toNum(l);
  const b = toNum(r);
  switch (op) {
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    default:
      return a >= b;
  }
}

function evaluate(e: Expr, ctx: Ctx): Value {
  switch (e.t) {
    case 'num':
      return e.v;
    case 'str':
      return e.v;
    case 'var':
      throw new XPathException('Namespace Manager or XsltContext needed. This query has a prefix, variable, or user-defined function.');
    case 'neg':
      return -toNum(evaluate(e.e, ctx));
    case 'path': {
      let start: XmlNode[];
      if (e.start) {
        const v = evaluate(e.start, ctx);
        if (!Array.isArray(v)) {
          if (e.steps.length || e.filters?.length) throw new XPathException('Expression must evaluate to a node-set.');
          return v;
        }
        start = applyPredicates(v, e.filters ?? [], ctx);
      } else start = [e.absolute ? rootOf(ctx.node) : ctx.node];
      return runSteps(start, e.steps, ctx);
    }
    case 'bin': {
      if (e.op === 'or') return toBool(evaluate(e.l, ctx)) || toBool(evaluate(e.r, ctx));
      if (e.op === 'and') return toBool(evaluate(e.l, ctx)) && toBool(evaluate(e.r, ctx));
      const l = evaluate(e.l, ctx);
      const r = evaluate(e.r, ctx);
      switch (e.op) {
        case '|':
          if (!Array.isArray(l) || !Array.isArray(r)) throw new XPathException('Expression must evaluate to a node-set.');
          return sorted([...l, ...r], ctx);
        case '+':
          return toNum(l) + toNum(r);
        case '-':
          return toNum(l) - toNum(r);
        case '*':
          return toNum(l) * toNum(r);
        case 'div':
          return toNum(l) / toNum(r);
        case 'mod':
          return toNum(l) % toNum(r);
      }
      return compare(e.op, l, r);
    }
    case 'fn':
      return callFunction(e.name, e.args, ctx);
  }
}

function callFunction(name: string, args: Expr[], ctx: Ctx): Value {
  const arg = (i: number) => evaluate(args[i]!, ctx);
  const str = (i: number) => (args.length > i ? toStr(arg(i)) : stringValue(ctx.node));
  const nodeArg = (): XmlNode | undefined => {
    if (!args.length) return ctx.node;
    const v = arg(0);
    if (!Array.isArray(v)) throw new XPathException('Expression must evaluate to a node-set.');
    return v[0];
  };
  switch (name) {
    case 'last':
      return ctx.size;
    case 'position':
      return ctx.pos;
    case 'count': {
      const v = arg(0);
      if (!Array.isArray(v)) throw new XPathException('Expression must evaluate to a node-set.');
      return v.length;
    }
    case 'local-name': {
      const n = nodeArg();
      return n && (n.kind === 'Element' || n.kind === 'Attribute' || n.kind === 'ProcessingInstruction') ? n.localName : '';
    }
    case 'name': {
      const n = nodeArg();
      return n && (n.kind === 'Element' || n.kind === 'Attribute' || n.kind === 'ProcessingInstruction') ? n.qname : '';
    }
    case 'namespace-uri':
      return nodeArg()?.namespaceURI ?? '';
    case 'string':
      return str(0);
    case 'concat':
      return args.map((_, i) => toStr(arg(i))).join('');
    case 'starts-with':
      return str(0).startsWith(str(1));
    case 'ends-with':
      break;
    case 'contains':
      return str(0).includes(str(1));
    case 'substring-before': {
      const s = str(0);
      const i = s.indexOf(str(1));
      return i < 0 ? '' : s.slice(0, i);
    }
    case 'substring-after': {
      const s = str(0);
      const t = str(1);
      const i = s.indexOf(t);
      return i < 0 ? '' : s.slice(i + t.length);
    }
    case 'substring': {
      const s = str(0);
      const start = Math.round(toNum(arg(1)));
      const end = args.length > 2 ? start + Math.round(toNum(arg(2))) : Infinity;
      return [...s].filter((_, i) => i + 1 >= start && i + 1 < end).join('');
    }
    case 'string-length':
      return [...str(0)].length;
    case 'normalize-space':
      return str(0).trim().replace(/[ \t\r\n]+/g, ' ');
    case 'translate': {
      const from = str(1);
      const to = str(2);
      return [...str(0)].map((ch) => {
        const i = from.indexOf(ch);
        return i < 0 ? ch : (to[i] ?? '');
      }).join('');
    }
    case 'not':
      return !toBool(arg(0));
    case 'true':
      return true;
    case 'false':
      return false;
    case 'boolean':
      return toBool(arg(0));
    case 'number':
      return args.length ? toNum(arg(0)) : toNum(stringValue(ctx.node));
    case 'sum': {
      const v = arg(0);
      if (!Array.isArray(v)) throw new XPathException('Expression must evaluate to a node-set.');
      return v.reduce((s, n) => s + toNum(stringValue(n)), 0);
    }
    case 'floor':
      return Math.floor(toNum(arg(0)));
    case 'ceiling':
      return Math.ceil(toNum(arg(0)));
    case 'round':
      return Math.round(toNum(arg(0)));
    case 'lang':
      return false;
  }
  throw new XPathException('Namespace Manager or XsltContext needed. This query has a prefix, variable, or user-defined function.');
}

/** The nodes an XPath selects from a context node (SelectNodes). */
export function selectNodes(context: XmlNode, src: string, ns?: NamespaceResolver): XmlNode[] {
  const e = compileXPath(src);
  let order: Map<XmlNode, number> | undefined;
  const ctx: Ctx = { node: context, pos: 1, size: 1, ns, src, order: () => (order ??= documentOrder(rootOf(context))) };
  const v = evaluate(e, ctx);
  if (!Array.isArray(v)) throw new XPathException('Expression must evaluate to a node-set.');
  return v;
}


// A PowerShell-style scanner that tracks the tokenizer mode itself (expression or argument mode:
// docs/ARCHITECTURE.md, The flow of a command).
//
// PowerShell's parser switches its tokenizer between expression and command (argument) mode.
// Chevrotain parsers cannot drive a lexer, so this scanner keeps a stack of bracket frames,
// each with a small state: statement start, pipeline-element start, command arguments,
// expression operand/operator position, and the heads of the statements whose shape decides
// the mode (`foreach (`, `switch -Regex (`, `function name(`, `catch [T]`, ...). It emits
// Chevrotain IToken objects of the types in tokens.ts and never throws.
import type { TokenType } from 'chevrotain';
import type { Span, VariableAst } from './ast.js';
import type { ParserErrorId } from './messages.js';
import * as T from './tokens.js';
import type { NestedPart, NumberPayload, PsToken, StringPart, StringPayload } from './tokens.js';

export interface ScanError {
  id: ParserErrorId;
  span: Span;
  args: string[];
  incomplete: boolean;
}

export interface ScanResult {
  tokens: PsToken[];
  errors: ScanError[];
  comments: Span[];
}

// Scanner states (per frame)
const S_STMT = 0; // statement start: keywords recognised
const S_ELEM = 1; // pipeline element start after `|` (newlines continue)
const S_RETVAL = 2; // after return/throw/exit: element start, newline ends
const S_ASSIGNVAL = 3; // after `=`: statement start, newlines continue
const S_CMDARGS = 4; // command arguments
const S_OPERAND = 5; // expression, operand expected
const S_OPERATOR = 6; // expression, operator expected
const S_EXPECT_PAREN = 7; // after if/while/for/foreach/elseif
const S_EXPECT_BLOCK = 8; // after a condition, else, try, do, function name...
const S_SWITCHHEAD = 9;
const S_CATCHHEAD = 10;
const S_LABEL = 11; // after break/continue
const S_FUNCNAME = 12;
const S_HASHKEY = 13;
const S_CASECOND = 14;
const S_CASEBODY = 15;
const S_AFTERTYPE = 16; // after a type literal: a cast operand may follow, a newline ends
const S_TYPEHEAD = 17; // after class/enum: the name, `: base, interface`, then `{`
const S_MEMBER = 18; // a class member's start (attributes, types, static/hidden, $name, Name( )
const S_CTORTAIL = 19; // after a method's parameter list: `: base(...)`, then `{`
const S_ENUMMEMBER = 20; // an enum member's name

// Frame kinds
const F_ROOT = 0;
const F_BLOCK = 1;
const F_PAREN = 2;
const F_SUB = 3;
const F_HASH = 4;
const F_INDEX = 5;
const F_CALL = 6;
const F_ATTR = 7;
const F_PARAMS = 8;
const F_SWITCH = 9;
const F_CLASS = 10;
const F_ENUM = 11;

type Expect = 'block' | 'switch' | 'do' | 'func';

interface Frame {
  kind: number;
  state: number;
  /** State after `;` or a newline. */
  restart: number;
  /** State the parent frame takes when this frame closes. */
  onClose: number;
  /** For S_EXPECT_BLOCK: what the `{` opens. */
  expect: Expect;
  /** For paren frames: the head of foreach (`in` is a keyword) / what the parent expects after. */
  foreachHead: boolean;
  parentExpect: Expect;
  /** This block is a do-loop body: `while`/`until` may follow on a later line. */
  doBody: boolean;
}

const CH_TAB = 9, CH_LF = 10, CH_VT = 11, CH_FF = 12, CH_CR = 13, CH_SP = 32;

function isWs(c: number): boolean {
  return c === CH_SP || c === CH_TAB || c === CH_VT || c === CH_FF || c === 0xa0 || c === 0xfeff || c === 0x85;
}
function isNl(c: number): boolean {
  return c === CH_LF || c === CH_CR;
}
function isDash(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014 || c === 0x2015;
}
function isSingleQuote(c: number): boolean {
  return c === 39 || c === 0x2018 || c === 0x2019 || c === 0x201a || c === 0x201b;
}
function isDoubleQuote(c: number): boolean {
  return c === 34 || c === 0x201c || c === 0x201d || c === 0x201e;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && /\p{L}/u.test(String.fromCharCode(c)));
}
/** PowerShell variable-name characters: letters, digits, `_`, `?`. */
function isVarChar(c: number): boolean {
  return isDigit(c) || c === 95 || c === 63 || isLetter(c);
}
function isMemberStart(c: number): boolean {
  return isLetter(c) || c === 95 || isDigit(c);
}
/** Characters that end a generic (bare-word) token: ForceStartNewToken. */
function isCmdTerminator(c: number): boolean {
  // NaN (end of input) compares false everywhere; callers check the bound.
  return isWs(c) || isNl(c) || c === 0 || c === 38 /* & */ || c === 40 || c === 41 || c === 44 || c === 59 ||
    c === 123 || c === 125 || c === 124;
}
/** Characters that may follow a number in expression mode. */
function endsNumberInExpr(c: number): boolean {
  return isCmdTerminator(c) || c === 33 || c === 35 || c === 37 || c === 42 || c === 43 || isDash(c) ||
    c === 46 || c === 47 || c === 60 || c === 61 || c === 62 || c === 93 || c === 58 || c === 91;
}

const ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

// Operators written with a dash, keyed by lower-case name.
const DASH_OPS: Record<string, [TokenType, string]> = {};
{
  const cmp = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'notlike', 'match', 'notmatch', 'contains', 'notcontains',
    'in', 'notin', 'replace'];
  for (const o of cmp) {
    DASH_OPS[o] = [T.BinOp, '-' + o];
    DASH_OPS['i' + o] = [T.BinOp, '-' + o];
    DASH_OPS['c' + o] = [T.BinOp, '-c' + o];
  }
  for (const o of ['split', 'isplit']) DASH_OPS[o] = [T.SplitJoin, '-split'];
  DASH_OPS.csplit = [T.SplitJoin, '-csplit'];
  DASH_OPS.join = [T.SplitJoin, '-join'];
  for (const o of ['is', 'isnot', 'as', 'shl', 'shr', 'f', 'band', 'bor', 'bxor', 'and', 'or', 'xor']) {
    DASH_OPS[o] = [T.BinOp, '-' + o];
  }
  DASH_OPS.not = [T.UnaryOp, '-not'];
  DASH_OPS.bnot = [T.UnaryOp, '-bnot'];
}

const NUMBER_RE = /(?:0[xX]([0-9a-fA-F]+)|((?:\d+(?:\.(?!\.)\d*)?|\.\d+)(?:[eE][+-]?\d+)?))([lLdD])?(?:([kKmMgGtTpP])[bB])?/y;
const MULTIPLIERS: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

function numberType(v: number): NumberPayload['numberType'] {
  if (Number.isInteger(v) && v >= -2147483648 && v <= 2147483647) return 'Int32';
  if (Number.isInteger(v) && Math.abs(v) <= 2 ** 63) return 'Int64'; // Int64.MaxValue, as the nearest double
  return 'Decimal';
}

/** Converts a numeric literal's parts to its value and .NET type. */
export function numberValue(hex: string | undefined, dec: string | undefined, suffix: string | undefined, mult: string | undefined): NumberPayload | null {
  const m = mult ? MULTIPLIERS[mult.toLowerCase()]! : 1;
  const s = suffix?.toLowerCase();
  if (hex !== undefined) {
    if (hex.length > 16) return null;
    let big = BigInt('0x' + hex);
    // Hex literals wrap like .NET: 0xFFFFFFFF is the Int32 -1.
    if (big <= 0xffffffffn && s !== 'l') {
      if (big > 0x7fffffffn) big -= 0x100000000n;
    } else if (big > 0x7fffffffffffffffn) big -= 0x10000000000000000n;
    const v = Number(big) * m;
    if (s === 'd') return { value: v, numberType: 'Decimal' };
    // More than 8 significant hex digits is an Int64 (0xFFFFFFFFFFFFFFFF is the Int64 -1).
    if (s === 'l' || hex.replace(/^0+/, '').length > 8) return { value: v, numberType: 'Int64' };
    return { value: v, numberType: numberType(v) === 'Int32' ? 'Int32' : 'Int64' };
  }
  const isReal = /[.eE]/.test(dec!);
  let v = Number(dec) * m;
  // Beyond System.Double (`1e400`): 5.1's Double.TryParse fails (.NET Framework has no Infinity
  // from parsing), so the literal is not a number.
  if (!Number.isFinite(v)) return null;
  if (s === 'd') return { value: v, numberType: 'Decimal' };
  if (s === 'l') {
    v = Math.round(v);
    return { value: v, numberType: 'Int64' };
  }
  if (isReal) return { value: v, numberType: 'Double' };
  const t = numberType(v);
  return { value: v, numberType: t === 'Decimal' && v > 7.9e28 ? 'Double' : t };
}

export class Scanner {
  private text = '';
  private len = 0;
  private pos = 0;
  private out: PsToken[] = [];
  private errors: ScanError[] = [];
  private comments: Span[] = [];
  private frames: Frame[] = [];
  private top!: Frame;
  private pendingNl: PsToken | null = null;
  private lastDoClose: PsToken | null = null;
  private dashDash = false;

  scan(text: string): ScanResult {
    this.text = text;
    this.len = text.length;
    this.pos = 0;
    this.out = [];
    this.errors = [];
    this.comments = [];
    this.pendingNl = null;
    this.lastDoClose = null;
    this.frames = [];
    this.push(F_ROOT, S_STMT, S_STMT, S_STMT);
    this.loop(0);
    return { tokens: this.out, errors: this.errors, comments: this.comments };
  }

  // -------------------------------------------------------------------------------------------
  // Infrastructure

  private push(kind: number, state: number, restart: number, onClose: number): Frame {
    const f: Frame = { kind, state, restart, onClose, expect: 'block', foreachHead: false, parentExpect: 'block', doBody: false };
    this.frames.push(f);
    this.top = f;
    return f;
  }

  private pop(): Frame {
    const f = this.frames.pop()!;
    this.top = this.frames[this.frames.length - 1]!;
    this.top.state = f.onClose;
    if (f.onClose === S_EXPECT_BLOCK) this.top.expect = f.parentExpect;
    return f;
  }

  private emit(type: TokenType, start: number, end: number, payload?: unknown): PsToken {
    const tok: PsToken = {
      image: this.text.slice(start, end),
      startOffset: start,
      endOffset: end - 1,
      end,
      tokenType: type,
      tokenTypeIdx: type.tokenTypeIdx!,
      payload,
    };
    this.out.push(tok);
    return tok;
  }

  private error(id: ParserErrorId, start: number, end: number, args: string[] = [], incomplete = false): void {
    this.errors.push({ id, span: { start, end }, args, incomplete });
  }

  private code(i: number): number {
    return i < this.len ? this.text.charCodeAt(i) : NaN;
  }

  private last(): PsToken | undefined {
    return this.out[this.out.length - 1];
  }

  /** True when a `.`, `::` or `[` at pos is glued to the operand just emitted. */
  private glued(): boolean {
    const l = this.last();
    return l !== undefined && l.end === this.pos && T.operandEnders.has(l.tokenType);
  }

  private loop(depth: number): void {
    let guardPos = -1;
    let guardCount = 0;
    while (this.frames.length > depth && this.pos < this.len) {
      // Never hang: a step that neither moves nor changes frames too often is forced on.
      if (this.pos === guardPos) {
        if (++guardCount > 8) {
          this.error('UnrecognizedToken', this.pos, this.pos + 1);
          this.pos++;
          guardCount = 0;
          continue;
        }
      } else {
        guardPos = this.pos;
        guardCount = 0;
      }
      this.step();
    }
  }

  // -------------------------------------------------------------------------------------------
  // The step: one token (or separator) from pos

  private step(): void {
    const c = this.text.charCodeAt(this.pos);
    if (isWs(c)) {
      // A run of blanks in one step (indentation is most of a script's characters).
      let i = this.pos + 1;
      while (i < this.len && isWs(this.text.charCodeAt(i))) i++;
      this.pos = i;
      return;
    }
    if (isNl(c)) {
      this.newline();
      return;
    }
    if (c === 96 /* ` */) {
      const n = this.code(this.pos + 1);
      if (isNl(n)) {
        this.pos += n === CH_CR && this.code(this.pos + 2) === CH_LF ? 3 : 2;
        return;
      }
      if (this.pos + 1 >= this.len) {
        this.error('IncompleteString', this.pos, this.pos + 1, [], true);
        this.pos++;
        return;
      }
      if (isWs(n)) {
        this.pos++;
        return;
      }
    }
    if (c === 35 /* # */) {
      let i = this.pos;
      while (i < this.len && !isNl(this.text.charCodeAt(i))) i++;
      this.comments.push({ start: this.pos, end: i });
      this.pos = i;
      return;
    }
    if (c === 60 /* < */ && this.code(this.pos + 1) === 35) {
      const close = this.text.indexOf('#>', this.pos + 2);
      const end = close < 0 ? this.len : close + 2;
      this.comments.push({ start: this.pos, end });
      this.pos = end;
      return;
    }
    const f = this.top;
    if (f.state === S_EXPECT_BLOCK) {
      if (c === 123 /* { */ || (c === 40 && f.expect === 'func')) {
        this.pendingNl = null;
      } else {
        this.flushPending();
        if (f.state === S_EXPECT_BLOCK) f.state = f.restart;
        return;
      }
    }
    // Closers are mode-independent.
    if (c === 41 /* ) */) return this.closeParen();
    if (c === 125 /* } */) return this.closeCurly();
    if (c === 93 /* ] */ && f.kind === F_INDEX) {
      this.emit(T.RBracket, this.pos, this.pos + 1);
      this.pos++;
      this.pop();
      return;
    }
    if (c === 59 /* ; */) {
      if (f.kind === F_SWITCH || f.kind === F_PARAMS) {
        this.pos++;
        return;
      }
      this.emit(T.Semi, this.pos, this.pos + 1);
      this.pos++;
      f.state = f.restart;
      this.dashDash = false;
      return;
    }
    if (c === 124 /* | */) {
      if (this.code(this.pos + 1) === 124) {
        this.error('InvalidEndOfLine', this.pos, this.pos + 2, ['||']);
        this.pos += 2;
        f.state = S_ELEM;
        return;
      }
      this.emit(T.Pipe, this.pos, this.pos + 1);
      this.pos++;
      f.state = S_ELEM;
      this.dashDash = false;
      return;
    }
    if (c === 38 /* & */ && this.code(this.pos + 1) === 38) {
      this.error('InvalidEndOfLine', this.pos, this.pos + 2, ['&&']);
      this.pos += 2;
      f.state = S_ELEM;
      return;
    }
    switch (f.state) {
      case S_STMT:
      case S_ELEM:
      case S_RETVAL:
      case S_ASSIGNVAL:
        return this.elementStart(c, f);
      case S_CMDARGS:
        return this.commandArg(c, f);
      case S_OPERAND:
        return this.operand(c, f);
      case S_OPERATOR:
        return this.operator(c, f);
      case S_EXPECT_BLOCK:
        return this.openBlockAfterHead(c, f);
      case S_EXPECT_PAREN:
        if (c === 40) {
          this.emit(T.LParen, this.pos, this.pos + 1);
          this.pos++;
          const head = this.pendingHead;
          this.pendingHead = '';
          const p = this.push(F_PAREN, head === 'foreach' ? S_OPERAND : S_STMT, S_STMT, head === 'dowhile' ? S_OPERATOR : S_EXPECT_BLOCK);
          p.foreachHead = head === 'foreach';
          return;
        }
        if (this.pendingHead === 'foreach') {
          // Workflow flags before the `(`: `-parallel`, `-throttlelimit <n>` (errors outside a workflow).
          if (isDash(c) && isLetter(this.code(this.pos + 1))) return this.keywordFlag();
          if (this.last()?.tokenType === T.Parameter && !isCmdTerminator(c)) {
            const g = this.generic(this.pos);
            this.emit(T.BareWord, this.pos, g.end, g.payload);
            this.pos = g.end;
            return;
          }
        }
        f.state = S_STMT;
        return;
      case S_AFTERTYPE:
        return this.operand(c, f);
      case S_SWITCHHEAD:
        if (isDash(c) && isLetter(this.code(this.pos + 1))) return this.keywordFlag();
        if (c === 40) {
          this.emit(T.LParen, this.pos, this.pos + 1);
          this.pos++;
          const p = this.push(F_PAREN, S_STMT, S_STMT, S_EXPECT_BLOCK);
          p.parentExpect = 'switch';
          return;
        }
        f.state = S_STMT;
        return;
      case S_CATCHHEAD:
        if (c === 91) return this.typeLiteral();
        if (c === 44) {
          this.emit(T.Comma, this.pos, this.pos + 1);
          this.pos++;
          return;
        }
        f.state = S_EXPECT_BLOCK;
        f.expect = 'block';
        return;
      case S_LABEL:
        if (!isCmdTerminator(c)) {
          const g = this.generic(this.pos);
          this.emit(T.BareWord, this.pos, g.end, g.payload);
          this.pos = g.end;
        }
        f.state = S_OPERATOR;
        return;
      case S_FUNCNAME: {
        f.state = S_EXPECT_BLOCK;
        f.expect = 'func';
        if (c === 123 || c === 40) return;
        const g = this.generic(this.pos);
        this.emit(T.BareWord, this.pos, g.end, g.payload);
        this.pos = g.end;
        return;
      }
      case S_HASHKEY:
        if (isLetter(c) || c === 95) {
          let i = this.pos;
          while (i < this.len) {
            const d = this.text.charCodeAt(i);
            if (isCmdTerminator(d) || d === 61 /* = */) break;
            i++;
          }
          this.emit(T.BareWord, this.pos, i, { quote: 'bare', parts: [this.text.slice(this.pos, i)] } satisfies StringPayload);
          this.pos = i;
          f.state = S_OPERATOR;
          return;
        }
        f.state = S_OPERAND;
        return;
      case S_CASECOND:
        if (c === 123) {
          this.openCurlyBlock(S_CASEBODY);
          return;
        }
        if (this.wordAt(this.pos, 'default')) {
          this.emit(T.Default, this.pos, this.pos + 7);
          this.pos += 7;
          f.state = S_CASEBODY;
          return;
        }
        f.state = S_CMDARGS;
        return;
      case S_CASEBODY:
        if (c === 123) {
          this.openCurlyBlock(S_CASECOND);
          return;
        }
        f.state = S_CASECOND;
        return;
      case S_TYPEHEAD:
        return this.typeHead(c, f);
      case S_MEMBER:
        return this.classMember(c, f);
      case S_CTORTAIL:
        return this.constructorTail(c, f);
      case S_ENUMMEMBER:
        if (isLetter(c) || c === 95) {
          this.emit(T.BareWord, this.pos, this.nameEnd(this.pos));
          this.pos = this.nameEnd(this.pos);
          f.state = S_OPERATOR;
          return;
        }
        f.state = S_OPERAND;
        return;
    }
  }

  /** The end of a simple name (letters, digits, `_`) at i. */
  private nameEnd(i: number): number {
    while (i < this.len && isMemberStart(this.text.charCodeAt(i))) i++;
    return i;
  }

  // -------------------------------------------------------------------------------------------
  // Type definitions (class and enum)

  /** `class Name : Base, IFace {` / `enum Name : long {` before the body. */
  private typeHead(c: number, f: Frame): void {
    if (c === 58 /* : */) {
      this.emit(T.Colon, this.pos, this.pos + 1);
      this.pos++;
      return;
    }
    if (c === 44) {
      this.emit(T.Comma, this.pos, this.pos + 1);
      this.pos++;
      return;
    }
    if (c === 123 && this.pendingHead === 'data') {
      this.pendingHead = '';
      this.openCurlyBlock(S_STMT);
      return;
    }
    if (this.pendingHead === 'data' && isDash(c) && isLetter(this.code(this.pos + 1))) {
      let i = this.pos + 1;
      while (i < this.len && isLetter(this.text.charCodeAt(i))) i++;
      this.emit(T.Parameter, this.pos, i);
      this.pos = i;
      return;
    }
    if (this.pendingHead === 'data' && !isCmdTerminator(c)) {
      // A Data section's variable name or a supported command's name.
      const g = this.generic(this.pos);
      this.emit(T.BareWord, this.pos, g.end, g.payload);
      this.pos = g.end;
      return;
    }
    if (c === 123) {
      this.emit(T.LCurly, this.pos, this.pos + 1);
      this.pos++;
      const isEnum = this.pendingHead === 'enum';
      this.pendingHead = '';
      this.push(isEnum ? F_ENUM : F_CLASS, isEnum ? S_ENUMMEMBER : S_MEMBER, isEnum ? S_ENUMMEMBER : S_MEMBER, S_STMT);
      return;
    }
    if (isLetter(c) || c === 95) {
      let i = this.pos;
      while (i < this.len && (isMemberStart(this.text.charCodeAt(i)) || this.text.charCodeAt(i) === 46)) i++;
      this.emit(T.BareWord, this.pos, i, { quote: 'bare', parts: [this.text.slice(this.pos, i)] } satisfies StringPayload);
      this.pos = i;
      return;
    }
    // Anything else: the statement goes on as usual and the parser reports what is missing.
    f.state = S_STMT;
  }

  /** A class member: `[attr()] [type] static hidden $name = value` or `[type] Name(params) { }`. */
  private classMember(c: number, f: Frame): void {
    if (c === 91 /* [ */) {
      this.typeLiteral();
      // An attribute's argument list returns here, not to an operand.
      if (this.top !== f) this.top.onClose = S_MEMBER;
      return;
    }
    if (c === 36 /* $ */) {
      this.variable(false);
      f.state = S_OPERATOR; // `=` and the initial value, or the end of the member
      return;
    }
    if (isLetter(c) || c === 95) {
      const end = this.nameEnd(this.pos);
      const word = this.text.slice(this.pos, end).toLowerCase();
      if ((word === 'static' || word === 'hidden') && !this.wordFollowedByParen(end)) {
        this.emit(T.MemberModifier, this.pos, end);
        this.pos = end;
        return;
      }
      this.emit(T.MemberName, this.pos, end);
      this.pos = end;
      if (this.nextNonWs(end, false) === 40) {
        while (this.code(this.pos) !== 40) this.pos++;
        this.emit(T.LParen, this.pos, this.pos + 1);
        this.pos++;
        this.push(F_PARAMS, S_OPERAND, S_OPERAND, S_CTORTAIL);
      }
      return;
    }
    // Not a member: scanned as a statement so the parser reports it.
    f.state = S_STMT;
  }

  /** Whether `class` or `enum` comes next (after spaces and newlines). */
  private typeKeywordAt(i: number): boolean {
    while (i < this.len && (isWs(this.text.charCodeAt(i)) || isNl(this.text.charCodeAt(i)))) i++;
    return this.wordAt(i, 'class') || this.wordAt(i, 'enum');
  }

  private wordFollowedByParen(end: number): boolean {
    return this.nextNonWs(end, false) === 40;
  }

  /** After a method's parameters: a constructor's `: base(args)`, then the body. */
  private constructorTail(c: number, f: Frame): void {
    if (c === 58 /* : */) {
      this.emit(T.Colon, this.pos, this.pos + 1);
      this.pos++;
      return;
    }
    if (isLetter(c)) {
      const end = this.nameEnd(this.pos);
      this.emit(T.MemberName, this.pos, end);
      this.pos = end;
      if (this.nextNonWs(end, false) === 40) {
        while (this.code(this.pos) !== 40) this.pos++;
        this.emit(T.CallOpen, this.pos, this.pos + 1);
        this.pos++;
        this.push(F_CALL, S_OPERAND, S_OPERAND, S_CTORTAIL);
      }
      return;
    }
    if (c === 123) {
      this.openCurlyBlock(S_MEMBER);
      return;
    }
    f.state = S_MEMBER;
  }

  private pendingHead = '';

  private wordAt(i: number, word: string): boolean {
    if (this.text.substr(i, word.length).toLowerCase() !== word) return false;
    const n = this.code(i + word.length);
    return Number.isNaN(n) || isCmdTerminator(n);
  }

  private flushPending(): void {
    if (this.pendingNl) {
      this.out.push(this.pendingNl);
      this.pendingNl = null;
    }
  }

  private newline(): void {
    const start = this.pos;
    this.pos += this.text.charCodeAt(start) === CH_CR && this.code(start + 1) === CH_LF ? 2 : 1;
    const f = this.top;
    switch (f.state) {
      case S_ELEM:
      case S_OPERAND:
      case S_ASSIGNVAL:
      case S_EXPECT_PAREN:
      case S_SWITCHHEAD:
      case S_FUNCNAME:
      case S_CATCHHEAD:
      case S_CASECOND:
      case S_CASEBODY:
      case S_TYPEHEAD:
      case S_CTORTAIL:
        return;
      case S_EXPECT_BLOCK:
        if (!this.pendingNl) this.pendingNl = this.makeTok(T.NewLine, start, this.pos);
        return;
    }
    if (f.kind === F_INDEX || f.kind === F_CALL || f.kind === F_ATTR || f.kind === F_PARAMS || f.kind === F_SWITCH) return;
    // A class member's attributes and type may stand on lines of their own.
    if (f.state === S_MEMBER && this.last() !== undefined && (this.last()!.tokenType === T.AttributeEnd || this.last()!.tokenType === T.TypeLiteral || this.last()!.tokenType === T.MemberModifier)) return;
    if (f.state === S_CMDARGS && this.last()?.tokenType === T.Comma) return;
    const l = this.last();
    if (f.state === S_HASHKEY || f.state === S_STMT || f.state === S_MEMBER || f.state === S_ENUMMEMBER) {
      // Runs of newlines collapse into one token (fewer tokens for the parser).
      if (l && l.tokenType === T.NewLine) return;
    }
    this.emit(T.NewLine, start, this.pos);
    f.state = f.restart;
    this.dashDash = false;
  }

  private makeTok(type: TokenType, start: number, end: number, payload?: unknown): PsToken {
    return {
      image: this.text.slice(start, end), startOffset: start, endOffset: end - 1, end,
      tokenType: type, tokenTypeIdx: type.tokenTypeIdx!, payload,
    };
  }

  private closeParen(): void {
    const f = this.top;
    const start = this.pos;
    this.emit(T.RParen, start, start + 1);
    this.pos++;
    if (f.kind === F_PAREN || f.kind === F_SUB || f.kind === F_CALL || f.kind === F_PARAMS || f.kind === F_ATTR) {
      this.pop();
      if (f.kind === F_ATTR) {
        let i = this.pos;
        while (i < this.len && isWs(this.text.charCodeAt(i))) i++;
        if (this.code(i) === 93) {
          this.emit(T.AttributeEnd, i, i + 1);
          this.pos = i + 1;
          // `[Flags()] enum E {`: an attribute of a type definition, which starts a statement.
          const t = this.top;
          if ((t.kind === F_ROOT || t.kind === F_BLOCK) && t.state === S_OPERAND && this.typeKeywordAt(this.pos)) t.state = S_STMT;
        } else {
          this.error('EndSquareBracketExpectedAtEndOfAttribute', this.pos, this.pos, [], this.pos >= this.len);
        }
      }
    }
  }

  private closeCurly(): void {
    const f = this.top;
    const tok = this.emit(T.RCurly, this.pos, this.pos + 1);
    this.pos++;
    if (f.kind === F_BLOCK || f.kind === F_HASH || f.kind === F_SWITCH || f.kind === F_CLASS || f.kind === F_ENUM) {
      this.pop();
      if (f.doBody) this.lastDoClose = tok;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Statement and pipeline-element start

  private startsExpression(c: number): boolean {
    const n = this.code(this.pos + 1);
    if (c === 36 /* $ */ || isSingleQuote(c) || isDoubleQuote(c) || c === 40 || c === 123 || c === 91 || c === 33 || c === 44 || c === 43) return true;
    if (c === 64 /* @ */) return n === 40 || n === 123 || isSingleQuote(n) || isDoubleQuote(n) || isVarChar(n);
    if (isDigit(c) || (c === 46 && isDigit(n))) return this.numberAt(this.pos, false) !== null;
    if (isDash(c)) {
      if (isDigit(n) || (n === 46 && isDigit(this.code(this.pos + 2))) || isDash(n) || n === 36 || n === 40) return true;
      if (isLetter(n)) {
        let i = this.pos + 1;
        while (i < this.len && isLetter(this.text.charCodeAt(i))) i++;
        const op = DASH_OPS[this.text.slice(this.pos + 1, i).toLowerCase()];
        return op !== undefined && (op[0] === T.UnaryOp || op[0] === T.SplitJoin);
      }
      return false;
    }
    return false;
  }

  private elementStart(c: number, f: Frame): void {
    const state = f.state;
    if (state === S_STMT && c === 58 /* : */ && isVarChar(this.code(this.pos + 1))) {
      let i = this.pos + 1;
      while (i < this.len && isVarChar(this.text.charCodeAt(i))) i++;
      this.emit(T.Label, this.pos, i);
      this.pos = i;
      return;
    }
    if (this.startsExpression(c)) {
      f.state = S_OPERAND;
      return this.operand(c, f);
    }
    if (c === 38 /* & */) {
      this.emit(T.Ampersand, this.pos, this.pos + 1);
      this.pos++;
      f.state = S_CMDARGS;
      return;
    }
    if (c === 46 /* . */ && (isWs(this.code(this.pos + 1)) || this.code(this.pos + 1) === 36 || this.code(this.pos + 1) === 123 || isSingleQuote(this.code(this.pos + 1)) || isDoubleQuote(this.code(this.pos + 1)))) {
      this.emit(T.DotSource, this.pos, this.pos + 1);
      this.pos++;
      f.state = S_CMDARGS;
      return;
    }
    if (c === 62 || c === 60 || (c === 42 && this.code(this.pos + 1) === 62)) {
      if (this.redirection()) {
        f.state = S_CMDARGS;
        return;
      }
    }
    // A generic token: keyword (at statement start) or command name.
    const g = this.generic(this.pos);
    const start = this.pos;
    const raw = this.text.slice(start, g.end);
    if ((state === S_STMT || state === S_ASSIGNVAL) && /^[a-z]+$/i.test(raw)) {
      if (this.keyword(raw.toLowerCase(), start, g.end, f)) return;
    }
    this.emit(T.CommandName, start, g.end, g.payload);
    this.pos = g.end;
    f.state = S_CMDARGS;
    this.dashDash = false;
  }

  /** Emits a keyword token if `word` is one here; returns false to treat it as a command. */
  private keyword(word: string, start: number, end: number, f: Frame): boolean {
    let type = T.keywordTokens[word];
    const inBlock = f.kind === F_ROOT || f.kind === F_BLOCK;
    if (!type) {
      if (word === 'param' && this.nextNonWs(end, false) === 40) type = T.Param;
      else if ((word === 'class' || word === 'enum') && isLetter(this.nextNonWs(end, false))) type = word === 'class' ? T.ClassKw : T.EnumKw;
      else if (word === 'data' && (this.nextNonWs(end, false) === 123 || isDash(this.nextNonWs(end, false)) || isLetter(this.nextNonWs(end, false)))) type = T.DataKw;
      else if (inBlock && word === 'dynamicparam' && this.nextNonWs(end, true) === 123) type = T.DynamicParam;
      // A named block: before its `{`, or first in a script (`begin` alone is then a missing block).
      else if (inBlock && (word === 'begin' || word === 'process' || word === 'end') && (this.nextNonWs(end, true) === 123 || (f.kind === F_ROOT && this.prevNonNl() === undefined))) {
        type = word === 'begin' ? T.Begin : word === 'process' ? T.Process : T.End;
      } else return false;
    }
    const prev = this.prevNonNl();
    if (type === T.Until || type === T.While) {
      if (prev !== undefined && prev === this.lastDoClose) {
        this.retractNewlines();
        this.emit(type, start, end);
        this.pos = end;
        f.state = S_EXPECT_PAREN;
        this.pendingHead = 'dowhile';
        return true;
      }
      if (type === T.Until) return false;
    }
    if ((type === T.Else || type === T.ElseIf || type === T.Catch || type === T.Finally) && prev?.tokenType === T.RCurly) {
      this.retractNewlines();
    }
    this.emit(type, start, end);
    this.pos = end;
    switch (type) {
      case T.If: case T.ElseIf: case T.While: case T.For:
        f.state = S_EXPECT_PAREN;
        this.pendingHead = '';
        break;
      case T.Foreach:
        f.state = S_EXPECT_PAREN;
        this.pendingHead = 'foreach';
        break;
      case T.Switch:
        f.state = S_SWITCHHEAD;
        break;
      case T.FunctionKw:
        f.state = S_FUNCNAME;
        break;
      case T.Return: case T.Throw: case T.Exit:
        f.state = S_RETVAL;
        break;
      case T.Break: case T.Continue:
        f.state = S_LABEL;
        break;
      case T.Catch:
      case T.Trap: // `trap [Type] {`, as catch's head
        f.state = S_CATCHHEAD;
        break;
      case T.Param:
        f.state = S_OPERAND; // `(` follows; opened as a parameter list in operand()
        break;
      case T.ClassKw:
      case T.EnumKw:
      case T.DataKw:
        f.state = S_TYPEHEAD;
        this.pendingHead = word;
        break;
      case T.Do:
        f.state = S_EXPECT_BLOCK;
        f.expect = 'do';
        break;
      default: // else, try, finally, begin, process, end
        f.state = S_EXPECT_BLOCK;
        f.expect = 'block';
    }
    return true;
  }

  private nextNonWs(i: number, newlines: boolean): number {
    while (i < this.len) {
      const c = this.text.charCodeAt(i);
      if (isWs(c) || (newlines && isNl(c))) i++;
      else return c;
    }
    return NaN;
  }

  private prevNonNl(): PsToken | undefined {
    for (let i = this.out.length - 1; i >= 0; i--) {
      if (this.out[i]!.tokenType !== T.NewLine) return this.out[i];
    }
    return undefined;
  }

  private retractNewlines(): void {
    while (this.out.length && this.last()!.tokenType === T.NewLine) this.out.pop();
  }

  private openBlockAfterHead(c: number, f: Frame): void {
    if (c === 40 && f.expect === 'func') {
      this.emit(T.LParen, this.pos, this.pos + 1);
      this.pos++;
      const p = this.push(F_PARAMS, S_OPERAND, S_OPERAND, S_EXPECT_BLOCK);
      p.parentExpect = 'block';
      return;
    }
    // c === '{'
    const expect = f.expect;
    if (expect === 'switch') {
      this.emit(T.LCurly, this.pos, this.pos + 1);
      this.pos++;
      this.push(F_SWITCH, S_CASECOND, S_CASECOND, S_STMT);
      return;
    }
    const b = this.openCurlyBlock(S_STMT);
    b.doBody = expect === 'do';
  }

  private openCurlyBlock(onClose: number): Frame {
    this.emit(T.LCurly, this.pos, this.pos + 1);
    this.pos++;
    return this.push(F_BLOCK, S_STMT, S_STMT, onClose);
  }

  // -------------------------------------------------------------------------------------------
  // Expression mode

  /** The state an enclosing frame takes after an operand was scanned in `state`. */
  private afterOperand(state: number): number {
    return state === S_CMDARGS ? S_CMDARGS : state === S_CASECOND ? S_CASEBODY : S_OPERATOR;
  }

  private postfix(c: number, f: Frame): boolean {
    if (!this.glued()) return false;
    const n = this.code(this.pos + 1);
    if (c === 46 /* . */ && n !== 46) {
      if (f.state === S_CMDARGS && !(isMemberStart(n) || n === 36 || isSingleQuote(n) || isDoubleQuote(n))) return false;
      this.emit(T.Dot, this.pos, this.pos + 1);
      this.pos++;
      this.memberName(f);
      return true;
    }
    if (c === 58 && n === 58) {
      this.emit(T.DoubleColon, this.pos, this.pos + 2);
      this.pos += 2;
      this.memberName(f);
      return true;
    }
    if (c === 91 /* [ */) {
      this.emit(T.IndexOpen, this.pos, this.pos + 1);
      this.pos++;
      const after = this.afterOperand(f.state === S_OPERAND ? S_OPERATOR : f.state);
      this.push(F_INDEX, S_OPERAND, S_OPERAND, after);
      return true;
    }
    return false;
  }

  private memberName(f: Frame): void {
    // In an expression the name may stand apart from the dot (`$a. Count`), as PowerShell's
    // tokenizer skips spaces before any token; in argument mode a space ends the argument.
    if (f.state !== S_CMDARGS) while (this.pos < this.len && isWs(this.text.charCodeAt(this.pos))) this.pos++;
    const c = this.code(this.pos);
    // After `[math]::PI` (a member of a type literal) an operator follows, as after any operand.
    if (f.state === S_OPERAND || f.state === S_AFTERTYPE) f.state = S_OPERATOR;
    if (isMemberStart(c)) {
      let i = this.pos;
      while (i < this.len && isMemberStart(this.text.charCodeAt(i))) i++;
      this.emit(T.MemberName, this.pos, i);
      this.pos = i;
      if (this.code(i) === 40) {
        this.emit(T.CallOpen, i, i + 1);
        this.pos++;
        this.push(F_CALL, S_OPERAND, S_OPERAND, this.afterOperand(f.state));
      } else if (this.code(i) === 123) {
        // `.ForEach{ }`: a script block glued to the name is the call's one argument.
        this.emit(T.CallBlock, i, i + 1);
        this.pos++;
        this.push(F_BLOCK, S_STMT, S_STMT, this.afterOperand(f.state));
      }
    } else if (c === 36) {
      if (this.code(this.pos + 1) === 40) {
        // `$a.$(expr)`: the member's name is computed.
        this.emit(T.DollarParen, this.pos, this.pos + 2);
        this.pos += 2;
        this.push(F_SUB, S_STMT, S_STMT, this.afterOperand(f.state));
      } else this.variable(f.state === S_CMDARGS);
    } else if (c === 40) {
      // `$a.(expr)`: the member's name is computed.
      this.emit(T.LParen, this.pos, this.pos + 1);
      this.pos++;
      this.push(F_PAREN, S_STMT, S_STMT, this.afterOperand(f.state));
    } else if (isSingleQuote(c) || isDoubleQuote(c)) {
      this.quoted(c);
    }
  }

  private operand(c: number, f: Frame): void {
    const after = this.afterOperand(f.state);
    const n = this.code(this.pos + 1);
    // `[int][char]'a'`: a type literal right after a type literal is another cast, not an index.
    if (!(c === 91 && f.state === S_AFTERTYPE) && this.postfix(c, f)) return;
    switch (c) {
      case 36: // $
        if (n === 40) {
          this.emit(T.DollarParen, this.pos, this.pos + 2);
          this.pos += 2;
          this.push(F_SUB, S_STMT, S_STMT, after);
          return;
        }
        this.variable(false);
        f.state = after;
        return;
      case 64: // @
        if (n === 40) {
          this.emit(T.AtParen, this.pos, this.pos + 2);
          this.pos += 2;
          this.push(F_SUB, S_STMT, S_STMT, after);
          return;
        }
        if (n === 123) {
          this.emit(T.AtCurly, this.pos, this.pos + 2);
          this.pos += 2;
          this.push(F_HASH, S_HASHKEY, S_HASHKEY, after);
          return;
        }
        if (isSingleQuote(n) || isDoubleQuote(n)) {
          this.hereString(isDoubleQuote(n));
          f.state = after;
          return;
        }
        if (isVarChar(n)) {
          let i = this.pos + 1;
          while (i < this.len && isVarChar(this.text.charCodeAt(i))) i++;
          const name = this.text.slice(this.pos + 1, i);
          // In an expression a splat is an error; a plain variable token lets parsing go on.
          const splat = f.state === S_CMDARGS;
          if (!splat) this.error('SplattingNotPermitted', this.pos, i, [name]);
          this.emit(splat ? T.SplatVariable : T.Variable, this.pos, i, { name } satisfies T.VariablePayload);
          this.pos = i;
          f.state = after;
          return;
        }
        break;
      case 40: // (
        this.emit(T.LParen, this.pos, this.pos + 1);
        this.pos++;
        if (this.out.length > 1 && this.out[this.out.length - 2]!.tokenType === T.Param) {
          this.push(F_PARAMS, S_OPERAND, S_OPERAND, S_STMT);
          return;
        }
        this.push(F_PAREN, S_STMT, S_STMT, after);
        return;
      case 123: // {
        this.openCurlyBlock(after);
        return;
      case 91: // [
        this.typeLiteral();
        if (this.top === f && this.last()?.tokenType === T.TypeLiteral) f.state = S_AFTERTYPE;
        return;
      case 44: // ,
        this.emit(T.Comma, this.pos, this.pos + 1);
        this.pos++;
        return;
      case 33: // !
        this.emit(T.UnaryOp, this.pos, this.pos + 1, '!');
        this.pos++;
        return;
      case 43: // +
        if (n === 43) {
          this.emit(T.PlusPlus, this.pos, this.pos + 2);
          this.pos += 2;
        } else {
          this.emit(T.Plus, this.pos, this.pos + 1);
          this.pos++;
        }
        return;
    }
    if (isSingleQuote(c) || isDoubleQuote(c)) {
      this.quoted(c);
      f.state = after;
      return;
    }
    if (isDigit(c) || (c === 46 && isDigit(n))) {
      if (this.takeNumber(f, after)) return;
      // Number syntax whose value does not exist (`1e400`): in an expression, PowerShell's error.
      const bad = this.badNumberEnd(this.pos);
      if (bad !== undefined) {
        this.error('BadNumericConstant', this.pos, bad, [this.text.slice(this.pos, bad)]);
        this.emit(T.NumberLit, this.pos, bad, { value: 0, numberType: 'Int32' });
        this.pos = bad;
        f.state = after;
        return;
      }
    }
    // `[sbyte]-128`: right after a cast, a dash glued to digits is a negative number, the cast's operand.
    if (isDash(c) && f.state === S_AFTERTYPE && (isDigit(n) || (n === 46 && isDigit(this.code(this.pos + 2))))) {
      if (this.takeNumber(f, after)) return;
    }
    if (isDash(c)) {
      this.dashInExpression(f, true);
      return;
    }
    if (isLetter(c) && this.wordAt(this.pos, 'param') && this.nextNonWs(this.pos + 5, false) === 40) {
      this.emit(T.Param, this.pos, this.pos + 5);
      this.pos += 5;
      return;
    }
    if (c === 62 || c === 60) {
      if (this.redirection()) return;
    }
    // Anything else in operand position is not valid; keep it as one token for the error.
    const g = this.generic(this.pos);
    this.emit(T.BareWord, this.pos, g.end, g.payload);
    this.pos = g.end;
    f.state = after;
  }

  private dashInExpression(f: Frame, operandPos: boolean): void {
    const start = this.pos;
    const n = this.code(start + 1);
    if (isLetter(n)) {
      let i = start + 1;
      while (i < this.len && isLetter(this.text.charCodeAt(i))) i++;
      const op = DASH_OPS[this.text.slice(start + 1, i).toLowerCase()];
      if (op) {
        this.emit(op[0], start, i, op[1]);
        this.pos = i;
        f.state = S_OPERAND;
        return;
      }
      while (i < this.len && !isCmdTerminator(this.text.charCodeAt(i)) && this.text.charCodeAt(i) !== 46) i++;
      this.emit(T.Parameter, start, i);
      this.pos = i;
      return;
    }
    if (isDash(n)) {
      this.emit(T.MinusMinus, start, start + 2, '--');
      this.pos += 2;
      return;
    }
    if (n === 61 && !operandPos) {
      this.emit(T.AssignOp, start, start + 2, '-=');
      this.pos += 2;
      f.state = S_ASSIGNVAL;
      return;
    }
    this.emit(T.Minus, start, start + 1, '-');
    this.pos++;
    f.state = S_OPERAND;
  }

  private operator(c: number, f: Frame): void {
    if (this.postfix(c, f)) return;
    const n = this.code(this.pos + 1);
    const start = this.pos;
    const op = (type: TokenType, len: number, next: number, payload?: string) => {
      this.emit(type, start, start + len, payload);
      this.pos = start + len;
      f.state = next;
    };
    if (isDash(c)) return this.dashInExpression(f, false);
    switch (c) {
      case 43: // +
        if (n === 43) return op(T.PlusPlus, 2, S_OPERATOR);
        if (n === 61) return op(T.AssignOp, 2, S_ASSIGNVAL, '+=');
        return op(T.Plus, 1, S_OPERAND);
      case 42: // *
        if (n === 62) {
          if (this.redirection()) return;
        }
        if (n === 61) return op(T.AssignOp, 2, S_ASSIGNVAL, '*=');
        return op(T.BinOp, 1, S_OPERAND, '*');
      case 47: // /
        if (n === 61) return op(T.AssignOp, 2, S_ASSIGNVAL, '/=');
        return op(T.BinOp, 1, S_OPERAND, '/');
      case 37: // %
        if (n === 61) return op(T.AssignOp, 2, S_ASSIGNVAL, '%=');
        return op(T.BinOp, 1, S_OPERAND, '%');
      case 61: // =
        return op(T.AssignOp, 1, f.kind === F_ATTR || f.kind === F_PARAMS ? S_OPERAND : S_ASSIGNVAL, '=');
      case 46: // .
        if (n === 46) return op(T.BinOp, 2, S_OPERAND, '..');
        break;
      case 44: // ,
        op(T.Comma, 1, S_OPERAND);
        if (f.kind === F_ATTR) this.attrItem();
        return;
      case 33: // !
        return op(T.UnaryOp, 1, S_OPERAND, '!');
      case 62: case 60: // > <
        if (this.redirection()) return;
        break;
      case 123: // { (e.g. `switch` clause value followed by its body is handled elsewhere)
        this.openCurlyBlock(S_OPERATOR);
        return;
      case 40: // (
        this.emit(T.LParen, start, start + 1);
        this.pos++;
        this.push(F_PAREN, S_STMT, S_STMT, S_OPERATOR);
        return;
      case 91:
        f.state = S_OPERAND;
        return this.typeLiteral();
    }
    if (isDigit(c) && this.code(this.pos + 1) === 62) {
      if (this.redirection()) return;
    }
    if (f.foreachHead && this.wordAt(start, 'in')) {
      this.emit(T.In, start, start + 2);
      this.pos += 2;
      f.state = S_ELEM;
      return;
    }
    // A stray token in operator position: the parser reports it.
    const g = this.generic(start);
    this.emit(isLetter(c) ? T.BareWord : T.BareWord, start, g.end, g.payload);
    this.pos = g.end;
  }

  /** `[type]`, `[type[]]`, `[Generic[T]]`, or `[Attribute(` (expression operand position). */
  private typeLiteral(): void {
    const start = this.pos;
    let i = start + 1;
    let depth = 0;
    while (i < this.len) {
      const c = this.text.charCodeAt(i);
      if (c === 91) depth++;
      else if (c === 93) {
        if (depth === 0) break;
        depth--;
      } else if (!(isVarChar(c) || c === 46 || c === 96 || c === 43 || (depth > 0 && (c === 44 || isWs(c))))) break;
      i++;
    }
    const written = this.text.slice(start + 1, i);
    // A backtick escapes the next character, as in a bare word: ``List``1`` names List`1.
    const name = written.includes('`') ? written.replace(/`(.)/g, '$1') : written;
    if (name.length === 0 || !isLetter(name.charCodeAt(0)) && name.charCodeAt(0) !== 95) {
      this.error('MissingTypename', start + 1, start + 1, [], start + 1 >= this.len);
      this.pos = start + 1;
      this.emit(T.TypeLiteral, start, start + 1, '');
      return;
    }
    const c = this.code(i);
    if (c === 93) {
      this.emit(T.TypeLiteral, start, i + 1, name);
      this.pos = i + 1;
      return;
    }
    if (c === 40) {
      this.emit(T.AttributeStart, start, i + 1, name);
      this.pos = i + 1;
      this.push(F_ATTR, S_OPERAND, S_OPERAND, S_OPERAND);
      this.attrItem();
      return;
    }
    this.error('EndSquareBracketExpectedAtEndOfAttribute', i, i, [], i >= this.len);
    this.emit(T.TypeLiteral, start, i, name);
    this.pos = i;
  }

  /** In an attribute's argument list, `Name =` or a bare `Name` is a named argument. */
  private attrItem(): void {
    let i = this.pos;
    while (i < this.len && (isWs(this.text.charCodeAt(i)) || isNl(this.text.charCodeAt(i)))) i++;
    if (!isLetter(this.code(i))) return;
    let j = i;
    while (j < this.len && isVarChar(this.text.charCodeAt(j))) j++;
    const k = this.nextNonWs(j, true);
    if (k === 61 || k === 44 || k === 41) {
      this.emit(T.Identifier, i, j);
      this.pos = j;
      this.top.state = S_OPERATOR;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Command (argument) mode

  private commandArg(c: number, f: Frame): void {
    if (this.postfix(c, f)) return;
    const n = this.code(this.pos + 1);
    const start = this.pos;
    if (f.kind === F_SWITCH && c === 123) {
      this.openCurlyBlock(S_CASECOND);
      return;
    }
    if (c === 44) {
      this.emit(T.Comma, start, start + 1);
      this.pos++;
      return;
    }
    if (c === 38) {
      this.emit(T.Ampersand, start, start + 1);
      this.pos++;
      return;
    }
    if (isDash(c) && !this.dashDash) {
      if (isLetter(n) || n === 95 || n === 63) return this.parameter();
      if (isDash(n) && (start + 2 >= this.len || isCmdTerminator(this.code(start + 2)))) {
        // `--`: the rest are arguments even when they look like parameters.
        this.dashDash = true;
        this.pos += 2;
        return;
      }
    }
    if ((c >= 49 && c <= 54) || c === 42) {
      if (n === 62 && this.redirection()) return;
    }
    if (c === 62 || c === 60) {
      if (this.redirection()) return;
    }
    if (isDigit(c) || ((c === 46 || isDash(c)) && (isDigit(n) || n === 46))) {
      const num = this.numberAt(start, true);
      if (num) {
        this.emit(T.NumberLit, start, num.end, num.payload);
        this.pos = num.end;
        return;
      }
    }
    if (c === 36 /* $ */ && n !== 40) {
      // `$a` stays a variable when a terminator or member access follows; `$a+2` is one word.
      const v = this.readVariable(start, false);
      if (v) {
        const d = this.code(v.end);
        const m = this.code(v.end + 1);
        if (v.end >= this.len || isCmdTerminator(d) || d === 91 || (d === 46 && (isMemberStart(m) || m === 36)) || (d === 58 && m === 58)) {
          this.variable(true);
          return;
        }
      }
      return this.bareWord(start);
    }
    if (isSingleQuote(c) || isDoubleQuote(c)) {
      const save = this.out.length;
      const errs = this.errors.length;
      const end = this.quoted(c);
      const d = this.code(end);
      if (end < this.len && !isCmdTerminator(d) && !(d === 46 && isMemberStart(this.code(end + 1))) && d !== 91) {
        this.out.length = save;
        this.errors.length = errs;
        return this.bareWord(start);
      }
      return;
    }
    if (c === 36 || c === 64 || c === 40 || c === 123) return this.operand(c, f);
    this.bareWord(start);
  }

  private bareWord(start: number): void {
    const g = this.generic(start);
    this.emit(T.BareWord, start, g.end, g.payload);
    this.pos = g.end;
  }

  private parameter(): void {
    const start = this.pos;
    let i = start + 1;
    while (i < this.len) {
      const c = this.text.charCodeAt(i);
      if (isCmdTerminator(c) || c === 46 || c === 91 || c === 58) break;
      if (isSingleQuote(c) || isDoubleQuote(c)) return this.bareWord(start);
      i++;
    }
    if (this.code(i) === 58) {
      this.emit(T.ParameterColon, start, i + 1, this.text.slice(start + 1, i));
      this.pos = i + 1;
    } else {
      this.emit(T.Parameter, start, i, this.text.slice(start + 1, i));
      this.pos = i;
    }
  }

  /** Redirection operators; returns false when the text at pos is not one. */
  private redirection(): boolean {
    const start = this.pos;
    let i = start;
    const c = this.text.charCodeAt(i);
    if (c === 60 /* < */) {
      this.error('RedirectionNotSupported', start, start + 1, ['<']);
      this.pos++;
      return true;
    }
    if ((c >= 49 && c <= 54) || c === 42) i++;
    if (this.code(i) !== 62) return false;
    i++;
    if (this.code(i) === 62) {
      this.emit(T.RedirFile, start, i + 1);
      this.pos = i + 1;
    } else if (this.code(i) === 38 && (this.code(i + 1) === 49 || this.code(i + 1) === 50)) {
      this.emit(T.RedirMerge, start, i + 2);
      this.pos = i + 2;
      return true;
    } else {
      this.emit(T.RedirFile, start, i);
      this.pos = i;
    }
    // The target is read in argument mode.
    if (this.top.state !== S_CMDARGS) this.top.state = S_CMDARGS;
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Operands shared by both modes

  /** The end of a number-shaped literal at `start` whose value is out of range, if it is one. */
  private badNumberEnd(start: number): number | undefined {
    NUMBER_RE.lastIndex = start;
    const m = NUMBER_RE.exec(this.text);
    if (!m || m[0].length === 0) return undefined;
    const end = start + m[0].length;
    if (end < this.len && !endsNumberInExpr(this.code(end))) return undefined;
    return numberValue(m[1], m[2], m[3], m[4]) === null ? end : undefined;
  }

  /** A number literal at the cursor, in expression mode: emitted, the state set to `after`; false when there is none. */
  private takeNumber(f: Frame, after: number): boolean {
    const num = this.numberAt(this.pos, false);
    if (!num) return false;
    this.emit(T.NumberLit, this.pos, num.end, num.payload);
    this.pos = num.end;
    f.state = after;
    return true;
  }

  private numberAt(start: number, cmdMode: boolean): { end: number; payload: NumberPayload } | null {
    let i = start;
    let neg = false;
    if (isDash(this.text.charCodeAt(i))) {
      neg = true;
      i++;
    }
    NUMBER_RE.lastIndex = i;
    const m = NUMBER_RE.exec(this.text);
    if (!m || m[0].length === 0) return null;
    const end = i + m[0].length;
    const d = this.code(end);
    if (end < this.len && !(cmdMode ? isCmdTerminator(d) : endsNumberInExpr(d))) return null;
    const p = numberValue(m[1], m[2], m[3], m[4]);
    if (!p) return null;
    if (neg) p.value = -p.value;
    // Int64, Decimal and integral Double literals keep their text: the runtime reads their exact
    // value and type from it (a JS number cannot tell 5l from 5 or hold [long]::MaxValue).
    const v = Math.abs(p.value);
    const plain = p.numberType === 'Int32' || (p.numberType === 'Double' && !Number.isInteger(v)) || (p.numberType === 'Int64' && v > 2147483647 && v <= Number.MAX_SAFE_INTEGER);
    if (!plain) p.exact = (neg ? '-' : '') + m[0];
    return { end, payload: p };
  }

  private readVariable(start: number, report = true): { end: number; name: string; scope?: string } | null {
    const i = start + 1;
    const c = this.code(i);
    if (c === 123 /* { */) {
      let j = i + 1;
      let name = '';
      while (j < this.len && this.text.charCodeAt(j) !== 125) {
        if (this.text.charCodeAt(j) === 96 && j + 1 < this.len) j++;
        name += this.text[j];
        j++;
      }
      if (j >= this.len) return { end: this.len, name };
      const colon = name.indexOf(':');
      if (colon > 0 && !name.startsWith('\\')) {
        const scope = name.slice(0, colon);
        if (/^[a-z]+$/i.test(scope)) return { end: j + 1, name: name.slice(colon + 1), scope: scope.toLowerCase() };
      }
      return { end: j + 1, name };
    }
    if (c === 36 || c === 94 || (c === 63 && !isVarChar(this.code(i + 1)))) return { end: i + 1, name: this.text[i]! };
    if (!isVarChar(c)) return null;
    let j = i;
    while (j < this.len && isVarChar(this.text.charCodeAt(j))) j++;
    if (this.code(j) === 58 && this.code(j + 1) !== 58) {
      const scope = this.text.slice(i, j).toLowerCase();
      let k = j + 1;
      if (this.code(k) === 123) {
        const inner = this.readVariable(j, report);
        if (inner) return { end: inner.end, name: inner.name, scope };
      }
      if (!isVarChar(this.code(k))) {
        if (report) this.error('InvalidVariableReferenceWithDrive', start, j + 1);
        return { end: j, name: this.text.slice(i, j) };
      }
      while (k < this.len && isVarChar(this.text.charCodeAt(k))) k++;
      return { end: k, name: this.text.slice(j + 1, k), scope };
    }
    return { end: j, name: this.text.slice(i, j) };
  }

  private variable(cmdMode: boolean): void {
    const start = this.pos;
    const v = this.readVariable(start);
    if (!v) {
      if (cmdMode) return this.bareWord(start);
      this.error('InvalidVariableReference', start, start + 1);
      this.emit(T.BareWord, start, start + 1, { quote: 'bare', parts: ['$'] } satisfies StringPayload);
      this.pos = start + 1;
      return;
    }
    this.emit(T.Variable, start, v.end, { name: v.name, scope: v.scope } satisfies T.VariablePayload);
    this.pos = v.end;
  }

  /** Expands `$...` at i into parts; returns the index after it. */
  private dollar(i: number, parts: StringPart[]): number {
    const n = this.code(i + 1);
    if (n === 40) {
      const nested = this.nested(i);
      parts.push(nested);
      return nested.end;
    }
    const v = this.readVariable(i);
    if (!v) {
      pushText(parts, '$');
      return i + 1;
    }
    const ast: VariableAst = { kind: 'Variable', span: { start: i, end: v.end }, name: v.name };
    if (v.scope) ast.scope = v.scope;
    parts.push(ast);
    return v.end;
  }

  /** Scans `$( ... )` at i with the full scanner; its tokens are parsed later by to-ast. */
  private nested(i: number): NestedPart {
    const saveOut = this.out;
    const savePending = this.pendingNl;
    const saveDash = this.dashDash;
    this.out = [];
    this.pendingNl = null;
    this.emit(T.DollarParen, i, i + 2);
    this.pos = i + 2;
    const depth = this.frames.length;
    this.push(F_SUB, S_STMT, S_STMT, this.top.state);
    this.loop(depth);
    // Unclosed at end of input: drop the frame so the outer scan sees a consistent stack.
    while (this.frames.length > depth) this.frames.pop();
    this.top = this.frames[this.frames.length - 1]!;
    const tokens = this.out;
    this.out = saveOut;
    this.pendingNl = savePending;
    this.dashDash = saveDash;
    return { kind: 'sub', start: i, end: this.pos, tokens };
  }

  /** A quoted string at pos (in either mode); returns its end. */
  private quoted(c: number): number {
    const start = this.pos;
    if (isSingleQuote(c)) {
      let i = start + 1;
      let value = '';
      for (;;) {
        if (i >= this.len) {
          this.error('TerminatorExpectedAtEndOfString', start, this.len, ["'"], true);
          break;
        }
        const d = this.text.charCodeAt(i);
        if (isSingleQuote(d)) {
          if (isSingleQuote(this.code(i + 1))) {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += this.text[i];
        i++;
      }
      this.emit(T.StringLit, start, i, { quote: 'single', parts: [value] } satisfies StringPayload);
      this.pos = i;
      return i;
    }
    const parts: StringPart[] = [];
    let i = start + 1;
    for (;;) {
      if (i >= this.len) {
        this.error('TerminatorExpectedAtEndOfString', start, this.len, ['"'], true);
        break;
      }
      const d = this.text.charCodeAt(i);
      if (isDoubleQuote(d)) {
        if (isDoubleQuote(this.code(i + 1))) {
          pushText(parts, '"');
          i += 2;
          continue;
        }
        i++;
        break;
      }
      if (d === 96 && i + 1 < this.len) {
        const e = this.text[i + 1]!;
        pushText(parts, ESCAPES[e] ?? e);
        i += 2;
        continue;
      }
      if (d === 36) {
        i = this.dollar(i, parts);
        continue;
      }
      // A run of plain characters as one slice (not a string built a character at a time).
      let j = i + 1;
      while (j < this.len) {
        const e = this.text.charCodeAt(j);
        if (isDoubleQuote(e) || e === 96 || e === 36) break;
        j++;
      }
      pushText(parts, this.text.slice(i, j));
      i = j;
    }
    if (parts.length === 0) parts.push('');
    this.emit(T.StringLit, start, i, { quote: 'double', parts } satisfies StringPayload);
    this.pos = i;
    return i;
  }

  private hereString(dbl: boolean): void {
    const start = this.pos;
    const closer = dbl ? '"@' : "'@";
    let i = start + 2;
    while (i < this.len && isWs(this.text.charCodeAt(i))) i++;
    if (i < this.len && !isNl(this.text.charCodeAt(i))) {
      this.error('UnexpectedCharactersAfterHereStringHeader', i, i);
    }
    while (i < this.len && !isNl(this.text.charCodeAt(i))) i++;
    if (this.code(i) === CH_CR && this.code(i + 1) === CH_LF) i += 2;
    else i++;
    const bodyStart = Math.min(i, this.len);
    // The closer must start a line.
    let bodyEnd = -1;
    let end = this.len;
    if (this.text.startsWith(closer, bodyStart)) {
      bodyEnd = bodyStart;
      end = bodyStart + 2;
    } else {
      // A line ends at LF, CRLF or a lone CR (a file saved with old Mac line endings).
      for (let k = this.text.indexOf(closer, bodyStart); k >= 0; k = this.text.indexOf(closer, k + 1)) {
        const nl = k - 1;
        if (!isNl(this.text.charCodeAt(nl))) continue;
        bodyEnd = nl > bodyStart && this.text.charCodeAt(nl) === CH_LF && this.text.charCodeAt(nl - 1) === CH_CR ? nl - 1 : nl;
        end = k + 2;
        break;
      }
    }
    if (bodyEnd < 0) {
      this.error('TerminatorExpectedAtEndOfString', start, this.len, [closer], true);
      bodyEnd = this.len;
      end = this.len;
    }
    const parts: StringPart[] = [];
    if (!dbl) parts.push(this.text.slice(bodyStart, bodyEnd));
    else {
      let j = bodyStart;
      while (j < bodyEnd) {
        const d = this.text.charCodeAt(j);
        if (d === 96 && j + 1 < bodyEnd) {
          const e = this.text[j + 1]!;
          pushText(parts, ESCAPES[e] ?? e);
          j += 2;
        } else if (d === 36) {
          j = this.dollar(j, parts);
        } else {
          let k = j + 1;
          while (k < bodyEnd) {
            const e = this.text.charCodeAt(k);
            if (e === 96 || e === 36) break;
            k++;
          }
          pushText(parts, this.text.slice(j, k));
          j = k;
        }
      }
      if (parts.length === 0) parts.push('');
    }
    this.emit(T.StringLit, start, end, { quote: dbl ? 'hereDouble' : 'hereSingle', parts } satisfies StringPayload);
    this.pos = end;
  }

  /** A keyword's flag (`switch -regex`, `foreach -parallel`): `-` and letters, one Parameter token. */
  private keywordFlag(): void {
    let i = this.pos + 1;
    while (i < this.len && isLetter(this.text.charCodeAt(i))) i++;
    this.emit(T.Parameter, this.pos, i);
    this.pos = i;
  }

  /** A generic (bare-word) token from start: quotes are joined in, `$` expands, backticks escape. */
  private generic(start: number): { end: number; payload: StringPayload } {
    const parts: StringPart[] = [];
    let i = start;
    while (i < this.len) {
      const c = this.text.charCodeAt(i);
      if (isCmdTerminator(c)) break;
      if (c === 96) {
        const n = this.code(i + 1);
        if (i + 1 >= this.len || isNl(n)) break;
        const e = this.text[i + 1]!;
        pushText(parts, ESCAPES[e] ?? e);
        i += 2;
        continue;
      }
      if (isSingleQuote(c)) {
        const close = this.findSingleClose(i);
        pushText(parts, this.text.slice(i + 1, close < 0 ? this.len : close).replace(/''/g, "'"));
        if (close < 0) {
          this.error('TerminatorExpectedAtEndOfString', i, this.len, ["'"], true);
          i = this.len;
        } else i = close + 1;
        continue;
      }
      if (isDoubleQuote(c)) {
        const savePos = this.pos;
        const saveOut = this.out.length;
        this.pos = i;
        this.quoted(c);
        const tok = this.out[this.out.length - 1]!;
        this.out.length = saveOut;
        for (const p of (tok.payload as StringPayload).parts) {
          if (typeof p === 'string') pushText(parts, p);
          else parts.push(p);
        }
        i = this.pos;
        this.pos = savePos;
        continue;
      }
      if (c === 36 && i + 1 < this.len) {
        i = this.dollar(i, parts);
        continue;
      }
      let j = i + 1;
      while (j < this.len) {
        const d = this.text.charCodeAt(j);
        if (isCmdTerminator(d) || d === 96 || d === 36 || isSingleQuote(d) || isDoubleQuote(d)) break;
        j++;
      }
      pushText(parts, this.text.slice(i, j));
      i = j;
    }
    if (parts.length === 0) parts.push('');
    return { end: i, payload: { quote: 'bare', parts } };
  }

  private findSingleClose(i: number): number {
    let j = i + 1;
    while (j < this.len) {
      if (isSingleQuote(this.text.charCodeAt(j))) {
        if (isSingleQuote(this.code(j + 1))) {
          j += 2;
          continue;
        }
        return j;
      }
      j++;
    }
    return -1;
  }
}

function pushText(parts: StringPart[], s: string): void {
  const n = parts.length;
  if (n > 0 && typeof parts[n - 1] === 'string') parts[n - 1] = (parts[n - 1] as string) + s;
  else parts.push(s);
}

const shared = new Scanner();

/** Scans text into tokens (never throws). */
export function scan(text: string): ScanResult {
  return shared.scan(text);
}

// Which parts of a command line are secrets, judged on the parsed command, not on its text:
// the history file leaves out lines that carry one, and transcripts show them masked.
//
// A value is secret when it is
//  - the argument of a parameter that binds to a SecureString or PSCredential, or whose name
//    says password (PASSWORD_LIKE below), however the name is typed: any unique abbreviation or
//    alias, resolved against the command's declaration by the binder's own rule — by name
//    (`-Pass 'x'`, `-Password:$p`) or by position;
//  - the string ConvertTo-SecureString converts with -AsPlainText (`-AsPlain`, `-asp`, ...);
//  - assigned to a variable, a property or a hashtable key whose name suggests a secret
//    (SECRET_NAME below: `$pw = '...'`, `$cred.Password = ...`, `@{ Password = ... }` for
//    splatting), or passed to a parameter of an unknown command named like one.
// Text that does not parse is judged by words (FALLBACK_WORDS), conservatively.
//
// Each finding says where its literal text is (strings, numbers, bare words inside the value):
// that is what a transcript masks. The history leaves out a line with any finding, even one
// that names the secret only through a variable (`-Password $p`): it is cheap to retype and the
// rule stays simple to state.

import type * as A from '../../grammar/ast.js';
import { classifyTokens, parseScript } from '../../grammar/index.js';
import type { CmdletDeclaration, ParameterDeclaration } from '../protocol/cmdlet.js';
import { matchParameterName } from '../protocol/parameter-sets.js';
import { declarationFromParamBlock } from './binder.js';

/**
 * Parameter names that carry a password whatever their type. (Credentials are known by their
 * type, PSCredential: Get-Credential's -Credential takes a user name.)
 */
const PASSWORD_LIKE = /password|passphrase|passwd|pwd|secret|token|apikey|^(pass|key)$/i;

/**
 * Variable, property and hashtable-key names that suggest a secret: `$pw`, `$pin`, `$key`; any
 * name containing pass (`$pass`, `$password`, `$passphrase`), pwd, secret, token, cred
 * (`$cred`, `$creds`, `$credential`) or apikey; and camel-case names ending in Key (`$apiKey`,
 * `$sharedKey`, `$privateKey`) or `_key`.
 */
const SECRET_NAME = /^(?:pw|pin|key)$|pass|pwd|secret|token|cred|apikey|_key$/i;
const CAMEL_KEY = /[a-z0-9]Key$/;

/** For text that does not parse: words that may come with a secret. */
const FALLBACK_WORDS = /pass|pwd|secret|token|cred|apikey|key|-asp|\$pw\b|\$pin\b/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) || CAMEL_KEY.test(name);
}

function isSecretParameter(name: string, decl: ParameterDeclaration): boolean {
  return decl.type === 'SecureString' || decl.type === 'PSCredential' || PASSWORD_LIKE.test(name) || (decl.aliases ?? []).some((a) => PASSWORD_LIKE.test(a));
}

/** A command's declaration by name (cmdlet, alias or function), as the session resolves it. */
export type CommandLookup = (name: string) => CmdletDeclaration | undefined;

export interface SecretScan {
  /** False when the text did not parse: the findings are then a conservative guess. */
  parsed: boolean;
  /** Whether the text carries a secret (or, unparsed, might). */
  any: boolean;
  /** Where literal secret text is (strings, numbers, words), to be masked. */
  spans: A.Span[];
  /** The literal secret values (unquoted), for masking them wherever they show up. */
  values: string[];
}

const MASK = '********';

/** `text` with the secret spans masked. */
export function maskSecrets(text: string, scan: SecretScan): string {
  if (scan.spans.length === 0) return text;
  const spans = [...scan.spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.end <= at) continue;
    out += text.slice(at, Math.max(at, s.start)) + MASK;
    at = s.end;
  }
  return out + text.slice(at);
}

export function scanSecrets(text: string, lookup: CommandLookup): SecretScan {
  const parsed = parseScript(text);
  if (parsed.errors.length > 0) return tokenScan(text, lookup);
  const finder = new Finder(lookup);
  finder.collectFunctions(parsed.ast);
  finder.visit(parsed.ast);
  // A value can be secret twice over (`$pw = ConvertTo-SecureString 'x' -AsPlainText`).
  const spans = [...new Map(finder.spans.map((sp) => [`${sp.start}:${sp.end}`, sp])).values()];
  return { parsed: true, any: finder.found, spans, values: [...new Set(finder.values)] };
}

// ---------------------------------------------------------------------------------------------

type Node = { kind: string; span: A.Span };

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && typeof (v as { kind?: unknown }).kind === 'string';
}

/** The child nodes of a node, whatever its kind (a new kind of node needs no change here). */
export function* children(node: Node): Generator<Node> {
  for (const [k, v] of Object.entries(node)) {
    if (k === 'span') continue;
    if (isNode(v)) yield v;
    else if (Array.isArray(v)) {
      for (const x of v) {
        if (isNode(x)) yield x;
        else if (typeof x === 'object' && x !== null) for (const y of Object.values(x)) if (isNode(y)) yield y;
      }
    } else if (typeof v === 'object' && v !== null) {
      for (const y of Object.values(v)) if (isNode(y)) yield y;
    }
  }
}

/** Evaluates attribute arguments of a param() block that are plain constants. */
function constantOf(e: A.ExpressionAst): unknown {
  if (e.kind === 'StringConstant' || e.kind === 'Constant') return e.value;
  if (e.kind === 'Variable' && /^(true|false)$/i.test(e.name)) return e.name.toLowerCase() === 'true';
  if (e.kind === 'ArrayLiteral') return e.elements.map(constantOf);
  return undefined;
}

/** A function's parameters as a declaration the scan can resolve names against. */
export function functionDeclaration(name: string, params: A.ParameterDeclAst[], declared?: Record<string, ParameterDeclaration>): CmdletDeclaration {
  return { name, synopsis: '', description: '', examples: [], parameters: declared ?? declarationFromParamBlock(params, constantOf) };
}

/**
 * `text` with every occurrence of the secret values masked, longest first (a transcript line
 * printed by a command that echoed a secret: an error message quoting it, the source line of an
 * error view).
 */
export function maskValues(text: string, values: Iterable<string>): string {
  const list = [...new Set(values)].filter((v) => v !== '').sort((a, b) => b.length - a.length);
  let out = text;
  for (const v of list) if (out.includes(v)) out = out.split(v).join(MASK);
  return out;
}

class Finder {
  found = false;
  readonly spans: A.Span[] = [];
  readonly values: string[] = [];
  private readonly local = new Map<string, CmdletDeclaration>();

  constructor(private readonly lookup: CommandLookup) {}

  /** Functions the text itself defines: `function f([SecureString]$p) {}; f 'x'`. */
  collectFunctions(root: Node): void {
    const walk = (n: Node) => {
      if (n.kind === 'FunctionDefinition') {
        const f = n as A.FunctionDefinitionAst;
        this.local.set(f.name.toLowerCase(), functionDeclaration(f.name, f.parameters ?? f.body.params?.parameters ?? []));
      }
      for (const c of children(n)) walk(c);
    };
    walk(root);
  }

  visit(n: Node): void {
    switch (n.kind) {
      case 'Pipeline': {
        // `'P@ss' | ConvertTo-SecureString -AsPlainText -Force`: what is piped in is the plain text.
        const els = (n as A.PipelineAst).elements;
        els.forEach((el, i) => {
          if (i > 0 && el.kind === 'Command' && this.takesPlainText(el)) for (const before of els.slice(0, i)) this.secret(before);
        });
        break;
      }
      case 'Command':
        this.command(n as A.CommandAst);
        break;
      case 'Assignment': {
        const a = n as A.AssignmentAst;
        if (this.targetIsSecret(a.target)) this.secret(a.value);
        break;
      }
      case 'Hashtable':
        for (const e of (n as A.HashtableAst).entries) {
          if (e.key.kind === 'StringConstant' && (isSecretName(e.key.value) || PASSWORD_LIKE.test(e.key.value))) this.secret(e.value);
        }
        break;
      case 'InvokeMember': {
        // `[NetworkCredential]::new('u', 'plain')`, `[PSCredential]::new(...)`.
        const m = n as A.InvokeMemberAst;
        if (m.static && m.target.kind === 'TypeExpression' && /credential|securestring/i.test(m.target.type.name)) for (const a of m.arguments) this.secret(a);
        break;
      }
    }
    for (const c of children(n)) this.visit(c);
  }

  private targetIsSecret(t: A.ExpressionAst): boolean {
    if (t.kind === 'Variable') return isSecretName(t.name);
    if (t.kind === 'Convert') return this.targetIsSecret(t.operand);
    if (t.kind === 'Member') return t.member.kind === 'StringConstant' ? isSecretName(t.member.value) || PASSWORD_LIKE.test(t.member.value) : false;
    if (t.kind === 'Index') return this.targetIsSecret(t.target);
    if (t.kind === 'ArrayLiteral') return t.elements.some((e) => this.targetIsSecret(e));
    return false;
  }

  private declarationOf(c: A.CommandAst): CmdletDeclaration | undefined {
    if (c.name.kind !== 'StringConstant') return undefined;
    const name = c.name.value;
    return this.local.get(name.toLowerCase()) ?? this.lookup(name);
  }

  /** ConvertTo-SecureString -AsPlainText (by any unique abbreviation). */
  private takesPlainText(c: A.CommandAst): boolean {
    const decl = this.declarationOf(c);
    if (decl?.name !== 'ConvertTo-SecureString') return false;
    return c.elements.some((el) => el.kind === 'CommandParameter' && matchParameterName(decl, el.name).length === 1 && matchParameterName(decl, el.name)[0]!.name === 'AsPlainText');
  }

  private command(c: A.CommandAst): void {
    const decl = this.declarationOf(c);
    const positional: A.ExpressionAst[] = [];
    const named = new Set<string>();
    // With -AsPlainText, ConvertTo-SecureString's -String (named, piped or positional) is the secret.
    const plainText = this.takesPlainText(c);
    if (plainText) this.found = true;
    const secretArgs: A.ExpressionAst[] = [];
    for (let i = 0; i < c.elements.length; i++) {
      const el = c.elements[i]!;
      if (el.kind !== 'CommandParameter') {
        positional.push(el);
        continue;
      }
      const matches = decl ? matchParameterName(decl, el.name) : [];
      // Unknown command, or a name the binder would reject: judged by the typed name.
      const p = matches.length === 1 ? matches[0]! : undefined;
      const isSwitch = p ? p.decl.type === 'Switch' : false;
      const secretHere = p
        ? isSecretParameter(p.name, p.decl) || (plainText && p.name === 'String')
        : matches.some((m) => isSecretParameter(m.name, m.decl)) || (!decl && PASSWORD_LIKE.test(el.name));
      if (p) named.add(p.name);
      let value: A.ExpressionAst | undefined = el.argument;
      if (!value && !isSwitch) {
        const next = c.elements[i + 1];
        if (next && next.kind !== 'CommandParameter') {
          value = next;
          i++;
        }
      }
      if (secretHere && value) secretArgs.push(value);
      else if (secretHere) this.found = true;
    }
    if (decl) {
      // Positional values that bind to a secret parameter (in some set), if not given by name.
      const positions = new Set<number>();
      for (const [name, pd] of Object.entries(decl.parameters)) {
        if (named.has(name)) continue;
        const secret = isSecretParameter(name, pd) || (plainText && name === 'String');
        for (const m of Object.values(pd.sets ?? {})) if (m.position !== undefined && secret) positions.add(m.position);
      }
      positional.forEach((v, i) => positions.has(i) && secretArgs.push(v));
    }
    for (const v of secretArgs) this.secret(v);
  }

  /** A secret value: found; its literal parts are masked. */
  private secret(v: Node): void {
    this.found = true;
    const walk = (n: Node) => {
      switch (n.kind) {
        case 'StringConstant':
        case 'Constant':
          this.spans.push(n.span);
          this.values.push(String((n as A.StringConstantAst | A.ConstantAst).value));
          return;
        case 'ExpandableString': {
          this.spans.push(n.span);
          for (const p of (n as A.ExpandableStringAst).parts) if (typeof p === 'string' && p !== '') this.values.push(p);
          return;
        }
        case 'ScriptBlockExpression':
          // Code, not a value: its own secrets are found by the main walk.
          return;
        case 'Command':
          // The arguments, not the command's name (`$pw = ConvertTo-SecureString 'x' ...`).
          for (const el of (n as A.CommandAst).elements) walk(el);
          return;
      }
      for (const c of children(n)) walk(c);
    };
    walk(v);
  }
}

/**
 * Text that does not parse, judged token by token with the same rules: a parameter token is
 * resolved against the command before it (so `-Pas` and `-A` still count), a secret-named
 * variable, property or key before `=` makes what follows secret, and ConvertTo-SecureString
 * with -AsPlainText makes every string of the line secret. Conservatively, a command that has a
 * positional secret parameter makes its strings secret too, and a telling word anywhere
 * (FALLBACK_WORDS) marks the line and all its strings and numbers.
 */
function tokenScan(text: string, lookup: CommandLookup): SecretScan {
  const tokens = classifyTokens(text);
  const spans: A.Span[] = [];
  let any = false;
  let all = false; // every string and number of the line is secret
  let decl: CmdletDeclaration | undefined;
  let secretNext = false; // the next value token is a secret
  let namedSecret = false; // a secret-named variable, property or key: secret after its `=`
  const isValue = (kind: string) => kind === 'string' || kind === 'number' || kind === 'default' || kind === 'variable';
  for (const t of tokens) {
    const word = text.slice(t.start, t.end);
    if (secretNext && isValue(t.kind)) {
      any = true;
      if (t.kind !== 'variable') spans.push({ start: t.start, end: t.end });
      secretNext = false;
      continue;
    }
    if (t.kind === 'command') {
      decl = lookup(word);
      if (decl && Object.entries(decl.parameters).some(([n, p]) => isSecretParameter(n, p) && Object.values(p.sets ?? {}).some((m) => m.position !== undefined))) all = true;
      if (decl?.name === 'ConvertTo-SecureString') all = false; // only with -AsPlainText, below
      secretNext = namedSecret = false;
      continue;
    }
    if (t.kind === 'parameter') {
      const name = word.replace(/^[-\u2013\u2014\u2015]/, '').replace(/:$/, '');
      const matches = decl ? matchParameterName(decl, name) : [];
      if (decl?.name === 'ConvertTo-SecureString' && matches.length === 1 && matches[0]!.name === 'AsPlainText') {
        any = all = true;
        continue;
      }
      secretNext = matches.some((m) => isSecretParameter(m.name, m.decl)) || (!decl && PASSWORD_LIKE.test(name));
      if (secretNext) any = true;
      continue;
    }
    if (t.kind === 'variable' || t.kind === 'member' || t.kind === 'default') {
      namedSecret = isSecretName(word.replace(/^[$@]\{?|\}$/g, '').replace(/^[a-z]+:/i, '')) || PASSWORD_LIKE.test(word);
      continue;
    }
    if (t.kind === 'operator' && word === '=' && namedSecret) {
      secretNext = true;
      any = true;
      namedSecret = false;
      continue;
    }
    if (t.kind === 'operator' && word === '|') decl = undefined;
  }
  if (FALLBACK_WORDS.test(text)) any = all = true;
  if (any && all) for (const t of tokens) if (t.kind === 'string' || t.kind === 'number') spans.push({ start: t.start, end: t.end });
  const unique = [...new Map(spans.map((sp) => [`${sp.start}:${sp.end}`, sp])).values()];
  const values = unique.map((sp) => text.slice(sp.start, sp.end).replace(/^(@?['"])|(['"]@?)$/g, ''));
  return { parsed: false, any, spans: unique, values: [...new Set(values)] };
}

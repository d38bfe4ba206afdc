// Tab completion, derived from the cmdlet declarations: command names and aliases, parameter
// names, enum / ValidateSet values, thumbprints, machine names, variables, members of variables
// and expressions, $env: names, type names and lab-drive paths.
// Pure: everything it needs about the session comes through a CompletionSource.

import { commandAt } from '../../grammar/partial.js';
import type { CmdletDeclaration, CommandInfo, ParameterDeclaration } from '../protocol/cmdlet.js';
import { commonParametersOf, matchParameterName, membershipsOf } from '../protocol/parameter-sets.js';
import { hasWildcard, matchesWildcard } from '../protocol/wildcard.js';

export interface CompletionSource {
  commands(): CommandInfo[];
  variables(): string[];
  thumbprints(): string[];
  machines(): string[];
  /** Children of a directory on the lab drive, for a typed path prefix (`C:\ce`, `.\`). */
  paths(prefix: string): { name: string; isDirectory: boolean }[];
  /**
   * The property names of what a command (its canonical name, aliases resolved) writes, from its
   * declared output type; undefined when unknown. Drives `Get-X | Format-List Sta<Tab>`.
   */
  propertiesOf?(commandName: string): string[] | undefined;
  /** A variable's value (`$c.Th<Tab>` lists its members); undefined when it is not set. */
  valueOf?(name: string): unknown;
  /** The members of a value (properties and methods), as Get-Member lists them. */
  membersOf?(value: unknown): Member[];
  /** The members of a type by name (`(Get-Date).<Tab>` from the command's declared output type). */
  membersOfType?(typeName: string): Member[] | undefined;
  /** The names of the environment variables (`$env:Pa<Tab>`). */
  environment?(): string[];
  /** The .NET type names the shell knows (`[System.Str<Tab>`). */
  typeNames?(): string[];
  /** Training labs: the exercise ids of the catalogue, or the current lab's checkpoint names. */
  labNames?(kind: 'exercise' | 'checkpoint'): string[];
}

export interface Member {
  name: string;
  memberType: string;
}

export interface Candidate {
  /** What replaces the word. */
  text: string;
  /** What the menu shows. */
  display: string;
  /** One line of help (the synopsis, the parameter type...). */
  tooltip?: string;
}

export interface Completion {
  start: number;
  end: number;
  candidates: Candidate[];
}

const WORD_BREAK = /[\s|;(){}=,]/;

interface Word {
  start: number;
  end: number;
  text: string;
}

/** The word ending at the cursor, respecting quotes. */
function wordAt(line: string, cursor: number): Word {
  let start = cursor;
  let inQuote: string | undefined;
  // Find an unclosed quote start first.
  for (let i = 0; i < cursor; i++) {
    const ch = line[i]!;
    if (inQuote) {
      if (ch === inQuote) inQuote = undefined;
    } else if (ch === '"' || ch === "'") {
      inQuote = ch;
      start = i;
    } else if (WORD_BREAK.test(ch)) {
      start = i + 1;
    }
  }
  if (!inQuote) {
    start = cursor;
    while (start > 0 && !WORD_BREAK.test(line[start - 1]!)) start--;
  }
  return { start, end: cursor, text: line.slice(start, cursor) };
}

/**
 * Scans back from `pos` over balanced brackets and quotes to the unmatched `(` or `{` before it,
 * or, with `separators`, to a `|`, `;` or newline outside brackets if one comes first. That
 * character's offset; -1 when the scan reaches the line's start.
 */
function scanBack(line: string, pos: number, separators: boolean): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = pos - 1; i >= 0; i--) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ')' || ch === '}') depth++;
    else if (ch === '(' || ch === '{') {
      if (depth === 0) return i;
      depth--;
    } else if (separators && depth === 0 && (ch === '|' || ch === ';' || ch === '\n')) return i;
  }
  return -1;
}

/**
 * Where the pipeline element holding `pos` starts: after the `|`, `;`, newline or unmatched
 * `(` / `{` before it. `stop` is that character's offset (-1: line start).
 */
function elementStart(line: string, pos: number): { start: number; stop: number } {
  const stop = scanBack(line, pos, true);
  return { start: stop + 1, stop };
}

/** The command element the cursor is in: its name and the words typed before the cursor. */
function currentCommand(line: string, cursor: number): { name: string; words: string[]; nameStart: number; stop: number } {
  const { start: i, stop } = elementStart(line, cursor);
  const segment = line.slice(i, cursor);
  const words = segment.match(/"[^"]*"?|'[^']*'?|[^\s]+/g) ?? [];
  const lead = segment.length - segment.trimStart().length;
  return { name: words[0] ?? '', words, nameStart: i + lead, stop };
}

function matches(candidate: string, typed: string): boolean {
  if (hasWildcard(typed)) {
    try {
      return matchesWildcard(candidate, typed);
    } catch {
      return false; // a pattern still being typed (`[a`): nothing matches yet
    }
  }
  return candidate.toLowerCase().startsWith(typed.toLowerCase());
}

function quoteIfNeeded(s: string): string {
  return /[\s'"$`(){};,|&]/.test(s) ? `'${s.replace(/'/g, "''")}'` : s;
}

/** The command a name (or alias) runs, resolved through aliases; undefined when unknown. */
function commandOf(commands: CommandInfo[], name: string): CommandInfo | undefined {
  const lower = name.toLowerCase();
  const hit = commands.find((c) => c.name.toLowerCase() === lower);
  if (hit?.commandType === 'Alias') return commandOf(commands.filter((c) => c.commandType !== 'Alias'), hit.definition);
  return hit;
}

function declarationOf(commands: CommandInfo[], name: string): CmdletDeclaration | undefined {
  return commandOf(commands, name)?.declaration;
}

/** The parameter (declared or common) a typed name means, if exactly one (src/protocol/parameter-sets.ts). */
function parameterByTyped(decl: CmdletDeclaration, typed: string): [string, ParameterDeclaration] | undefined {
  const hits = matchParameterName(decl, typed);
  return hits.length === 1 ? [hits[0]!.name, hits[0]!.decl] : undefined;
}

function typeLabel(p: ParameterDeclaration): string {
  if (p.enum) return p.enum.typeName.split('.').pop()!;
  return p.type;
}

function resolveName(commands: CommandInfo[], name: string): string | undefined {
  return commandOf(commands, name)?.name;
}

/** Commands whose -Property (or first positional argument) names properties of their input. */
const PROPERTY_COMMANDS = new Set(['format-list', 'format-table', 'format-wide', 'select-object', 'sort-object', 'where-object', 'group-object', 'foreach-object', 'measure-object']);
/** Commands that write their input objects unchanged: the type comes from further up. */
const PASS_THROUGH = new Set(['where-object', 'sort-object']);
const PROPERTY_PARAMS = ['Property', 'ExpandProperty', 'MemberName'];

/**
 * The property names of what flows into the element whose start `stop` points at (its `|`): the
 * declared output of the command before the pipe, looking through Where-Object / Sort-Object.
 */
function upstreamProperties(line: string, stop: number, commands: CommandInfo[], src: CompletionSource): string[] | undefined {
  for (let hops = 0; hops < 16 && stop >= 0 && line[stop] === '|'; hops++) {
    const prev = currentCommand(line, stop);
    const name = resolveName(commands, prev.name);
    if (!name) return undefined;
    if (name.toLowerCase() === 'select-object') {
      const chosen = selectedProperties(line.slice(prev.nameStart + prev.name.length, stop));
      if (chosen) return chosen;
      stop = prev.stop;
      continue;
    }
    if (!PASS_THROUGH.has(name.toLowerCase())) return src.propertiesOf?.(name);
    stop = prev.stop;
  }
  return undefined;
}

/**
 * For `$_.X` inside a script block: the nearest enclosing element run by a property command
 * (`Where-Object { ... }`, `Select-Object @{e={ ... }}`), walking out through blocks and statements.
 */
function enclosingPropertyCommand(line: string, pos: number, commands: CommandInfo[]): { stop: number } | undefined {
  for (let hops = 0; hops < 32; hops++) {
    const el = currentCommand(line, pos);
    const name = resolveName(commands, el.name);
    if (name && PROPERTY_COMMANDS.has(name.toLowerCase())) return el;
    if (el.stop < 0 || line[el.stop] === '|') return undefined;
    pos = el.stop;
  }
  return undefined;
}


/** Reads a property without running anything (completion never invokes methods or commands). */
function readProperty(value: unknown, name: string, src: CompletionSource): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.length ? readProperty(value[0], name, src) : undefined;
  const m = src.membersOf?.(value).find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!m || /method/i.test(m.memberType)) return undefined;
  try {
    // PSObject-style values expose get(); plain objects their own property.
    const v = value as { get?: (n: string) => unknown } & Record<string, unknown>;
    return typeof v.get === 'function' ? v.get(m.name) : v[m.name];
  } catch {
    return undefined;
  }
}

/** Member candidates: properties, then methods (completed with `(`), each alphabetical. */
function memberCandidates(members: Member[], typed: string, prefix: string): Candidate[] {
  const seen = new Set<string>();
  const pick = (method: boolean) =>
    members
      .filter((m) => /method/i.test(m.memberType) === method && matches(m.name, typed) && !seen.has(m.name.toLowerCase()) && seen.add(m.name.toLowerCase()))
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }))
      .map((m) => ({ text: prefix + m.name + (method ? '(' : ''), display: m.name + (method ? '(' : ''), tooltip: m.memberType }));
  return [...pick(false), ...pick(true)];
}

/** The members of a value, looking through a collection to its elements (member enumeration). */
function membersOfValue(value: unknown, src: CompletionSource): Member[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.length ? membersOfValue(value[0], src) : [];
  return src.membersOf?.(value) ?? [];
}

/** The offset of the `(` matching the `)` at `close`, or -1. */
function openParen(line: string, close: number): number {
  const open = scanBack(line, close, false);
  return open >= 0 && line[open] === '(' ? open : -1;
}

/** The members of what an expression yields, known without running it: a variable chain, a literal, a command's output type. */
function membersOfExpression(expr: string, commands: CommandInfo[], src: CompletionSource): Member[] | undefined {
  const e = expr.trim();
  const chain = /^\$(\w+)((?:\.\w+)*)$/.exec(e);
  if (chain) {
    let v = src.valueOf?.(chain[1]!);
    for (const p of chain[2]!.split('.').filter(Boolean)) v = readProperty(v, p, src);
    return v === undefined ? undefined : membersOfValue(v, src);
  }
  if (/^(['"]).*\1$/s.test(e)) return src.membersOf?.('');
  if (/^-?\d+$/.test(e)) return src.membersOf?.(0);
  if (e.startsWith('(') && e.endsWith(')')) return membersOfExpression(e.slice(1, -1), commands, src);
  // A pipeline: the type the last command declares (through Where-Object / Sort-Object).
  const last = e.length;
  const el = currentCommand(e, last);
  let name = resolveName(commands, el.name);
  let stop = el.stop;
  for (let hops = 0; name && PASS_THROUGH.has(name.toLowerCase()) && stop >= 0 && hops < 16; hops++) {
    const prev = currentCommand(e, stop);
    name = resolveName(commands, prev.name);
    stop = prev.stop;
  }
  if (!name) return undefined;
  const decl = declarationOf(commands, name);
  const types = decl?.outputType ?? [];
  const out = types.flatMap((t) => src.membersOfType?.(t) ?? []);
  return out.length ? out : undefined;
}

/**
 * The property names Select-Object writes: its -Property list (or first positional argument),
 * plain names and the Name/Label of calculated properties. Undefined when they cannot be known.
 */
function selectedProperties(args: string): string[] | undefined {
  if (/-(ExpandProperty|Exp|ExcludeProperty)\b/i.test(args)) return undefined;
  const text = args.replace(/-(First|Last|Skip|Index)\s+\S+/gi, '').replace(/-(Property|Prop|P)\b:?/i, '').replace(/-Unique\b/i, '');
  const out: string[] = [];
  let depth = 0;
  let item = '';
  const flush = () => {
    const t = item.trim();
    item = '';
    if (!t) return;
    if (t.startsWith('@{')) {
      const n = /(?:^|[;{\s])(?:n|name|l|label)\s*=\s*(?:'([^']*)'|"([^"]*)"|([\w-]+))/i.exec(t);
      if (n) out.push(n[1] ?? n[2] ?? n[3]!);
    } else if (/^['"]?[\w]+['"]?$/.test(t)) out.push(t.replace(/['"]/g, ''));
  };
  for (const ch of text) {
    if (ch === '{' || ch === '(') depth++;
    if (ch === '}' || ch === ')') depth--;
    if (depth === 0 && (ch === ',' || /\s/.test(ch)) && !item.trim().startsWith('@{')) {
      flush();
      continue;
    }
    item += ch;
    if (depth === 0 && ch === '}' && item.trim().startsWith('@{')) flush();
  }
  flush();
  return out.length ? out : undefined;
}

/** Property candidates, alphabetical and without duplicates, as PowerShell lists members. */
function propertyCandidates(props: string[], typed: string, prefix = ''): Candidate[] {
  const seen = new Set<string>();
  return props
    .filter((p) => matches(p, typed) && !seen.has(p.toLowerCase()) && seen.add(p.toLowerCase()))
    .sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }))
    .map((p) => ({ text: prefix + (prefix ? p : quoteIfNeeded(p)), display: p, tooltip: 'Property' }));
}

/** How many positional arguments precede the word (switches known from the declaration). */
function positionalIndex(text: string, decl: CmdletDeclaration | undefined): number {
  const tokens = text.replace(/(?:[^\s,]+\s*,\s*)*$/, '').match(/"[^"]*"?|'[^']*'?|[^\s]+/g) ?? [];
  let n = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (/^-[A-Za-z]/.test(t)) {
      if (t.includes(':') || !decl) continue;
      const p = parameterByTyped(decl, t.slice(1));
      if (p && p[1].type !== 'Switch') i++;
    } else n++;
  }
  return n;
}

export function complete(line: string, cursor: number, src: CompletionSource): Completion {
  let word = wordAt(line, cursor);
  // `-Services:IIS,SM`: complete the value after the colon.
  const colon = /^-[A-Za-z]\w*:/.exec(word.text);
  if (colon) {
    const rest = word.text.slice(colon[0].length);
    const lastComma = rest.lastIndexOf(',');
    const start = word.start + colon[0].length + lastComma + 1;
    word = { start, end: word.end, text: line.slice(start, word.end) };
  }
  const cmd = currentCommand(line, cursor);
  // Which command the cursor is in, as the parser sees the partial line (error recovery on):
  // it knows where a command starts (`$x = Get-Ite`), which scanning for separators does not.
  const parsed = commandAt(line, cursor);
  if (parsed) Object.assign(cmd, { name: parsed.name, nameStart: parsed.nameSpan.start });
  const commands = src.commands();
  const none: Completion = { start: word.start, end: word.end, candidates: [] };

  // `$_.Sta` in a script block of Where-Object, ForEach-Object...: the piped objects' properties.
  const member = /^\$(?:_|PSItem)\.(\w*)$/i.exec(word.text);
  if (member) {
    const owner = enclosingPropertyCommand(line, cursor, commands);
    const props = owner && upstreamProperties(line, owner.stop, commands, src);
    if (props) return { ...none, candidates: propertyCandidates(props, member[1]!, word.text.slice(0, word.text.length - member[1]!.length)) };
  }

  // `$env:Pa`: environment variable names.
  const env = /^\$env:(\w*)$/i.exec(word.text);
  if (env && src.environment) {
    const prefix = word.text.slice(0, word.text.length - env[1]!.length);
    return { ...none, candidates: src.environment().filter((n) => matches(n, env[1]!)).sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })).map((n) => ({ text: prefix + n, display: n })) };
  }

  // `$c.Th`, `$c.NotAfter.Ad`: members of a variable's value (read, never run).
  const access = /^(\$\w+(?:\.\w+)*)\.(\w*)$/.exec(word.text);
  if (access && !/^\$(?:_|PSItem)$/i.test(access[1]!)) {
    const members = membersOfExpression(access[1]!, commands, src);
    if (members) return { ...none, candidates: memberCandidates(members, access[2]!, word.text.slice(0, word.text.length - access[2]!.length)) };
  }

  // `(Get-Date).Add`, `'text'.To`: members of what the expression before the dot yields.
  const dot = /^\.(\w*)$/.exec(word.text);
  if (dot && line[word.start - 1] === ')') {
    const open = openParen(line, word.start - 1);
    const members = open >= 0 ? membersOfExpression(line.slice(open + 1, word.start - 1), commands, src) : undefined;
    if (members) return { ...none, candidates: memberCandidates(members, dot[1]!, '.') };
  }
  const literal = /^('[^']*'|"[^"]*"|\d+)\.(\w*)$/.exec(word.text);
  if (literal) {
    const members = membersOfExpression(literal[1]!, commands, src);
    if (members) return { ...none, candidates: memberCandidates(members, literal[2]!, word.text.slice(0, word.text.length - literal[2]!.length)) };
  }

  // `[System.Str`: type names.
  const type = /^\[([\w.]*)$/.exec(word.text);
  if (type && src.typeNames) {
    const t = type[1]!.toLowerCase();
    const names = src.typeNames().filter((n) => n.toLowerCase().startsWith(t) || (n.toLowerCase().startsWith('system.') && n.toLowerCase().slice(7).startsWith(t)));
    return { ...none, candidates: names.map((n) => ({ text: `[${n}]`, display: n })) };
  }

  // Variables.
  if (word.text.startsWith('$')) {
    const typed = word.text.slice(1);
    return {
      ...none,
      candidates: src
        .variables()
        .filter((v) => matches(v, typed))
        .sort((a, b) => a.localeCompare(b))
        .map((v) => ({ text: '$' + v, display: '$' + v })),
    };
  }

  // The command name itself (an empty word there completes files, as at an empty PowerShell prompt).
  if (word.start <= cmd.nameStart && word.text !== '') {
    const seen = new Set<string>();
    const out: Candidate[] = [];
    for (const c of commands) {
      if (!matches(c.name, word.text) || seen.has(c.name.toLowerCase())) continue;
      // Aliases only on an exact-length prefix match, so `g<Tab>` isn't flooded by `gc gi gl`.
      if (c.commandType === 'Alias' && c.name.length > word.text.length + 2 && !word.text.includes('*')) continue;
      seen.add(c.name.toLowerCase());
      out.push({ text: c.name, display: c.name, tooltip: c.declaration?.synopsis ?? c.definition });
    }
    out.sort((a, b) => a.text.localeCompare(b.text, 'en', { sensitivity: 'base' }));
    if (out.length || !/[\\/:.]/.test(word.text)) return { ...none, candidates: out };
  }

  const decl = declarationOf(commands, cmd.name);

  // Parameter names.
  if (word.text.startsWith('-') && decl) {
    const typed = word.text.slice(1).replace(/:$/, '');
    const names = [...Object.keys(decl.parameters), ...Object.keys(commonParametersOf(decl))];
    return {
      ...none,
      candidates: names
        .filter((n) => matches(n, typed))
        .map((n) => {
          const p = decl.parameters[n];
          return { text: '-' + n, display: '-' + n, tooltip: p ? `[${typeLabel(p)}] ${p.help ?? ''}`.trim() : undefined };
        }),
    };
  }

  // A parameter's value: the word follows `-Name` (or `-Name:`), possibly after a comma list.
  const before = line.slice(0, word.start);
  // `(?<=\s)`: a parameter starts a word, so the `-List` of `Format-List ` is not one.
  const paramMatch = /(?<=\s)-([A-Za-z][\w]*)(?::|\s+)((?:[^\s,]+\s*,\s*)*)$/.exec(before) ?? /(?<=\s)-([A-Za-z][\w]*):((?:[^\s,]+,)*)$/.exec(before);

  // Property names after a pipe: `Get-ExchangeCertificate | Format-List Sta`, `| Sort-Object -Property Not`.
  const cmdName = resolveName(commands, cmd.name);
  if (cmdName && PROPERTY_COMMANDS.has(cmdName.toLowerCase()) && !/^[-$@]/.test(word.text)) {
    const named = paramMatch
      ? decl
        ? PROPERTY_PARAMS.includes(parameterByTyped(decl, paramMatch[1]!)?.[0] ?? '')
        : PROPERTY_PARAMS.some((n) => n.toLowerCase().startsWith(paramMatch[1]!.toLowerCase()))
      : false;
    const argsText = line.slice(cmd.nameStart + cmd.name.length, word.start);
    // After a value-taking parameter (`-First `) the word is its value, not a property.
    const valueTaking = !!paramMatch && !named && !(decl && parameterByTyped(decl, paramMatch[1]!)?.[1].type === 'Switch');
    if (named || (!valueTaking && positionalIndex(argsText, decl) === 0)) {
      const props = upstreamProperties(line, cmd.stop, commands, src);
      const candidates = props ? propertyCandidates(props, word.text.replace(/^['"]/, '')) : [];
      if (candidates.length) return { ...none, candidates };
    }
  }

  let valueParam: ParameterDeclaration | undefined;
  let valueParamName = '';
  if (paramMatch && decl) {
    const hit = parameterByTyped(decl, paramMatch[1]!);
    if (hit && hit[1].type !== 'Switch') [valueParamName, valueParam] = hit;
  }
  if (valueParam) {
    const values = valueParam.enum?.values ?? valueParam.validateSet;
    if (values) {
      return { ...none, candidates: values.filter((v) => matches(v, word.text)).map((v) => ({ text: quoteIfNeeded(v), display: v })) };
    }
    if (valueParam.complete === 'thumbprint' || /thumbprint/i.test(valueParamName)) {
      return { ...none, candidates: src.thumbprints().filter((t) => matches(t, word.text)).map((t) => ({ text: t, display: t })) };
    }
    if (valueParam.complete === 'machine') {
      return { ...none, candidates: src.machines().filter((m) => matches(m, word.text)).map((m) => ({ text: m, display: m })) };
    }
    if (valueParam.complete === 'command') {
      return { ...none, candidates: commands.filter((c) => matches(c.name, word.text)).map((c) => ({ text: c.name, display: c.name })) };
    }
    if (valueParam.complete === 'exercise' || valueParam.complete === 'checkpoint') {
      return { ...none, candidates: (src.labNames?.(valueParam.complete) ?? []).filter((n) => matches(n, word.text)).map((n) => ({ text: n, display: n })) };
    }
  }

  // Positional value of a thumbprint-first cmdlet (Enable-ExchangeCertificate <Tab>).
  if (decl && !valueParam && !word.text.startsWith('-')) {
    const pos0 = Object.entries(decl.parameters).find(([, p]) => membershipsOf(p).some((m) => m.position === 0));
    if (pos0 && cmd.words.length <= 2 && (pos0[1].complete === 'thumbprint' || /^thumbprint$/i.test(pos0[0]))) {
      const thumbs = src.thumbprints().filter((t) => matches(t, word.text));
      if (thumbs.length) return { ...none, candidates: thumbs.map((t) => ({ text: t, display: t })) };
    }
    if (pos0 && cmd.words.length <= 2 && pos0[1].complete === 'machine') {
      return { ...none, candidates: src.machines().filter((m) => matches(m, word.text)).map((m) => ({ text: m, display: m })) };
    }
    const kind = pos0?.[1].complete;
    if (pos0 && cmd.words.length <= 2 && (kind === 'exercise' || kind === 'checkpoint')) {
      return { ...none, candidates: (src.labNames?.(kind) ?? []).filter((n) => matches(n, word.text)).map((n) => ({ text: n, display: n })) };
    }
  }

  // Paths on the lab drive; an opening quote the user typed is kept (and closed).
  const quote = /^['"]/.exec(word.text)?.[0];
  const raw = word.text.replace(/^['"]/, '');
  const sep = Math.max(raw.lastIndexOf('\\'), raw.lastIndexOf('/'));
  const dir = sep >= 0 ? raw.slice(0, sep + 1) : '';
  const leaf = sep >= 0 ? raw.slice(sep + 1) : raw;
  let entries: { name: string; isDirectory: boolean }[] = [];
  try {
    entries = src.paths(dir);
  } catch {
    entries = [];
  }
  return {
    ...none,
    candidates: entries
      .filter((e) => matches(e.name, leaf))
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }))
      .map((e) => {
        const full = dir + e.name + (e.isDirectory ? '\\' : '');
        const text = quote ? `${quote}${quote === "'" ? full.replace(/'/g, "''") : full}${quote}` : quoteIfNeeded(full);
        return { text, display: e.name + (e.isDirectory ? '\\' : '') };
      }),
  };
}

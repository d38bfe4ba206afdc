// Select-String: finds text in files or piped strings, like grep. Each hit is a MatchInfo;
// its 5.1 view (a custom control) prints `path:line:text` for files, the path relative to
// the current location, and the line alone for piped input (Path is "InputStream").

import { convertToString, registerTypeName } from '../../protocol/convert.js';
import { stateKey, madeInBegin, ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import type { CmdletContext } from '../../protocol/cmdlet.js';
import { runRegex } from '../../protocol/regex-guard.js';
import { PSObject, typeNamesOf } from '../../protocol/values.js';
import { registerView } from '../../format/views.js';
import { propertyValue, valueToString } from '../../format/display.js';
import { splitLines } from '../../protocol/text-codec.js';
import { attempt, decodeText, existingItems } from './file-common.js';
import { stringsOf } from './patterns.js';

// `-is [Microsoft.PowerShell.Commands.MatchInfo]` and Should -BeOfType know the type.
registerTypeName('Microsoft.PowerShell.Commands.MatchInfo');

const INPUT_STREAM = 'InputStream';
const MATCH_INFO = 'Microsoft.PowerShell.Commands.MatchInfo';
const MATCH_TYPES = [
  'System.Text.RegularExpressions.Match',
  'System.Text.RegularExpressions.Group',
  'System.Text.RegularExpressions.Capture',
  'System.Object',
];
const GROUP_TYPES = MATCH_TYPES.slice(1);

/** MatchInfo.RelativePath: the path without the directory prefix when it is under it. */
export function relativePath(path: string, directory: string): string {
  if (path === INPUT_STREAM || !path.toLowerCase().startsWith(directory.toLowerCase())) return path;
  const offset = directory.length;
  if (offset === 0 || offset >= path.length) return path;
  if (directory[offset - 1] === '\\' || directory[offset - 1] === '/') return path.slice(offset);
  if (path[offset] === '\\' || path[offset] === '/') return path.slice(offset + 1);
  return path;
}

/** MatchInfo.ToString(directory): the line alone for piped input, else `path:number:line`. */
export function matchInfoText(m: unknown, directory: string): string {
  const path = String(propertyValue(m, 'Path') ?? '');
  const line = String(propertyValue(m, 'Line') ?? '');
  if (path === INPUT_STREAM) return line;
  return `${relativePath(path, directory)}:${String(propertyValue(m, 'LineNumber'))}:${line}`;
}

registerView({
  typeName: MATCH_INFO,
  shape: 'custom',
  custom: (m) => {
    const info = m instanceof PSObject ? (m as PSObject & { location?: string; display?: (directory: string) => string }) : undefined;
    const dir = info?.location ?? '';
    return info?.display ? info.display(dir).split('\r\n') : [matchInfoText(m, dir)];
  },
});

function groupObject(value: string | undefined, index: number, typeNames: string[]): PSObject {
  const g = new PSObject(typeNames);
  const text = value ?? '';
  g.addProperty({ name: 'Success', memberType: 'Property', typeName: 'System.Boolean', get: () => value !== undefined });
  g.addProperty({ name: 'Index', memberType: 'Property', typeName: 'System.Int32', get: () => index });
  g.addProperty({ name: 'Length', memberType: 'Property', typeName: 'System.Int32', get: () => text.length });
  g.addProperty({ name: 'Value', memberType: 'Property', typeName: 'System.String', get: () => text });
  g.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => text });
  return g;
}

/** A regex Match as PowerShell shows it: Groups (0 = the whole match), Success, Index, Length, Value. */
function matchObject(m: RegExpExecArray): PSObject {
  // The `d` flag gives each group's start.
  const groups = Array.from(m, (v, i) => groupObject(v, m.indices?.[i]?.[0] ?? 0, GROUP_TYPES));
  const o = new PSObject([...MATCH_TYPES]);
  o.addProperty({ name: 'Groups', memberType: 'Property', typeName: 'System.Text.RegularExpressions.GroupCollection', get: () => groups });
  for (const p of groups[0]!.properties()) o.addProperty(p);
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => m[0] });
  return o;
}

interface Searcher {
  patterns: { text: string; re?: RegExp }[];
  simple: boolean;
  caseSensitive: boolean;
}

function searcher(params: Record<string, unknown>, ctx: CmdletContext): Searcher {
  const texts = stringsOf(params.Pattern) ?? [];
  const simple = Boolean(params.SimpleMatch);
  const caseSensitive = Boolean(params.CaseSensitive);
  const patterns = texts.map((text) => {
    if (simple) return { text };
    try {
      return { text, re: new RegExp(text, caseSensitive ? 'gd' : 'gid') };
    } catch (err) {
      return ctx.fail(
        ctx.error({
          // .NET words it `parsing "<pattern>" - <reason>`; the reason here is JavaScript's.
          message: `The string "${text}" is not a valid regular expression: parsing "${text}" - ${(err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')}.`,
          errorId: 'InvalidRegex',
          category: 'InvalidArgument',
          exceptionType: 'ArgumentException',
          targetObject: text,
        }),
      );
    }
  });
  return { patterns, simple, caseSensitive };
}

/** The pattern that matches the line first, and its matches (5.1 keeps none for -SimpleMatch). */
function search(s: Searcher, line: string, all: boolean): { pattern: string; matches: PSObject[] } | undefined {
  for (const p of s.patterns) {
    if (!p.re) {
      const hit = s.caseSensitive ? line.includes(p.text) : line.toLowerCase().includes(p.text.toLowerCase());
      if (hit) return { pattern: p.text, matches: [] };
      continue;
    }
    const re = p.re;
    const found = runRegex(re, line.length, () => {
      re.lastIndex = 0;
      const first = re.exec(line);
      if (!first) return undefined;
      const ms = [first];
      if (all) {
        let m: RegExpExecArray | null;
        if (first[0] === '') re.lastIndex++;
        while ((m = re.exec(line))) {
          ms.push(m);
          if (m[0] === '') re.lastIndex++;
        }
      }
      return ms;
    });
    if (!found) continue;
    return { pattern: p.text, matches: found.map(matchObject) };
  }
  return undefined;
}

interface State {
  searcher: Searcher;
  /** Line number of the next piped input object (they count as one stream). */
  inputLine: number;
  found: boolean;
  /** -List: the piped stream already gave its hit. */
  inputDone: boolean;
  /** A file was searched: -Quiet then answers False when nothing matched (piped text answers nothing). */
  searchedFile: boolean;
  /** With -Context, piped lines are searched together at the end (a hit's context follows it). */
  piped: string[];
}

const STATE = stateKey<State>('Select-String');

/** -Context's lines around a hit: before it (up to the previous hit) and after it (up to the next). */
interface LineContext {
  pre: string[];
  post: string[];
}

/** MatchInfoContext: PreContext / PostContext and the Display* lists the view prints. */
function contextObject(c: LineContext): PSObject {
  const o = new PSObject([MATCH_INFO + 'Context', 'System.Object']);
  const list = (name: string, lines: string[]) => o.addProperty({ name, memberType: 'Property', typeName: 'string[]', get: () => lines.slice() });
  list('PreContext', c.pre);
  list('PostContext', c.post);
  list('DisplayPreContext', c.pre);
  list('DisplayPostContext', c.post);
  return o;
}

/** The lines MatchInfo.ToString gives with a context: `  ` before context lines, `> ` before the hit. */
function contextText(path: string, directory: string, lineNumber: number, line: string, c: LineContext): string {
  const shown = path === INPUT_STREAM ? undefined : relativePath(path, directory);
  const format = (prefix: string, n: number, text: string) => prefix + (shown === undefined ? text : `${shown}:${n}:${text}`);
  const first = lineNumber - c.pre.length;
  return [
    ...c.pre.map((t, i) => format('  ', first + i, t)),
    format('> ', lineNumber, line),
    ...c.post.map((t, i) => format('  ', lineNumber + 1 + i, t)),
  ].join('\r\n');
}

function matchInfo(ctx: CmdletContext, s: Searcher, line: string, lineNumber: number, path: string, hit: { pattern: string; matches: PSObject[] }, context?: LineContext): PSObject {
  const o = new PSObject([MATCH_INFO, 'System.Object']) as PSObject & { location?: string };
  o.location = ctx.session.getLocation();
  const filename = path === INPUT_STREAM ? INPUT_STREAM : path.slice(path.lastIndexOf('\\') + 1);
  o.addProperty({ name: 'IgnoreCase', memberType: 'Property', typeName: 'System.Boolean', get: () => !s.caseSensitive });
  o.addProperty({ name: 'LineNumber', memberType: 'Property', typeName: 'System.Int32', get: () => lineNumber });
  o.addProperty({ name: 'Line', memberType: 'Property', typeName: 'System.String', get: () => line });
  o.addProperty({ name: 'Filename', memberType: 'Property', typeName: 'System.String', get: () => filename });
  o.addProperty({ name: 'Path', memberType: 'Property', typeName: 'System.String', get: () => path });
  o.addProperty({ name: 'Pattern', memberType: 'Property', typeName: 'System.String', get: () => hit.pattern });
  const contextValue = context ? contextObject(context) : null;
  o.addProperty({ name: 'Context', memberType: 'Property', typeName: 'Microsoft.PowerShell.Commands.MatchInfoContext', get: () => contextValue });
  o.addProperty({ name: 'Matches', memberType: 'Property', typeName: 'System.Text.RegularExpressions.Match[]', get: () => hit.matches });
  const text = (directory: string) => (context ? contextText(path, directory, lineNumber, line, context) : matchInfoText(o, directory));
  o.addMethod({ name: 'ToString', definition: 'string ToString(), string ToString(string directory)', invoke: (args) => text(args.length ? String(args[0]) : '') });
  o.addMethod({ name: 'RelativePath', definition: 'string RelativePath(string directory)', invoke: (args) => relativePath(path, String(args[0] ?? '')) });
  if (context) (o as PSObject & { display?: (directory: string) => string }).display = text;
  return o;
}

/** Tests one line; writes its MatchInfo (unless -Quiet). Returns true when it counted as a hit. */
function consider(ctx: CmdletContext, params: Record<string, unknown>, st: State, line: string, lineNumber: number, path: string): boolean {
  const hit = search(st.searcher, line, Boolean(params.AllMatches));
  const selected = params.NotMatch ? (hit ? undefined : { pattern: st.searcher.patterns[0]?.text ?? '', matches: [] }) : hit;
  if (!selected) return false;
  st.found = true;
  if (!params.Quiet) ctx.write(matchInfo(ctx, st.searcher, line, lineNumber, path, selected));
  return true;
}

/** -Context N or N,M: lines before and after each hit. */
function contextSize(params: Record<string, unknown>): [number, number] | undefined {
  const c = params.Context;
  if (!Array.isArray(c) || c.length === 0) return undefined;
  const before = Number(c[0]);
  return [before, c.length > 1 ? Number(c[1]) : before];
}

/**
 * Searches lines with -Context: each hit carries the lines before it (not reaching back past the
 * previous hit) and after it (not reaching into the next hit).
 */
function searchWithContext(ctx: CmdletContext, params: Record<string, unknown>, st: State, lines: string[], firstNumber: number, path: string, size: [number, number]): void {
  const hits: { i: number; hit: { pattern: string; matches: PSObject[] } }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const found = search(st.searcher, lines[i]!, Boolean(params.AllMatches));
    const selected = params.NotMatch ? (found ? undefined : { pattern: st.searcher.patterns[0]?.text ?? '', matches: [] }) : found;
    if (!selected) continue;
    hits.push({ i, hit: selected });
    if (params.List) break;
  }
  hits.forEach(({ i, hit }, k) => {
    st.found = true;
    if (params.Quiet) return;
    const from = Math.max(0, i - size[0], k > 0 ? hits[k - 1]!.i + 1 : 0);
    const to = Math.min(lines.length, i + 1 + size[1], k + 1 < hits.length ? hits[k + 1]!.i : lines.length);
    ctx.write(matchInfo(ctx, st.searcher, lines[i]!, firstNumber + i, path, hit, { pre: lines.slice(from, i), post: lines.slice(i + 1, to) }));
  });
}

function searchFile(ctx: CmdletContext, params: Record<string, unknown>, st: State, display: string): void {
  const bytes = attempt(ctx, () => ctx.fs.readBytes(ctx.fs.resolve(display, ctx.session.getLocation())));
  if (!bytes) return;
  const lines = splitLines(decodeText(bytes));
  const size = contextSize(params);
  if (size) return searchWithContext(ctx, params, st, lines, 1, display, size);
  for (let i = 0; i < lines.length; i++) {
    if (consider(ctx, params, st, lines[i]!, i + 1, display) && params.List) return;
  }
}

export default defineCmdlet({
  name: 'Select-String',
  aliases: ['sls'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Finds text in strings and files.',
  description:
    'The Select-String cmdlet searches for text patterns (regular expressions by default, or plain text ' +
    'with -SimpleMatch) in the lines of files or in piped strings, case-insensitively unless -CaseSensitive. ' +
    'Each matching line is written as a MatchInfo object (Line, LineNumber, Path, Filename, Pattern, ' +
    'Matches); the console shows `path:line number:line` for files, with the path relative to the current ' +
    'location, and just the line for piped strings. -NotMatch selects the lines that do not match, ' +
    '-AllMatches keeps every match of a line, -List stops at the first hit of each file and -Quiet returns ' +
    'True or False. -Context N (or N,M) keeps the lines before and after each match.',
  defaultParameterSet: 'File',
  parameters: {
    Pattern: {
      type: 'String[]',
      sets: { [ALL_SETS]: { position: 0, mandatory: true } },
      help: 'Specifies the text to find: a regular expression, or plain text with -SimpleMatch.',
    },
    Path: {
      type: 'String[]',
      sets: { File: { position: 1, mandatory: true } },
      help: 'Specifies the files to search. Wildcards are permitted.',
    },
    LiteralPath: {
      type: 'String[]',
      aliases: ['PSPath'],
      sets: { LiteralFile: { mandatory: true } },
      help: 'Specifies the files to search, used exactly as typed.',
    },
    InputObject: {
      type: 'PSObject',
      allowNull: true,
      allowEmptyString: true,
      sets: { Object: { mandatory: true, fromPipeline: true } },
      help: 'Specifies the text to search: strings, or objects searched as their string form. Files from Get-ChildItem are searched line by line.',
    },
    SimpleMatch: { type: 'Switch', help: 'Searches for the pattern as plain text, not as a regular expression.' },
    CaseSensitive: { type: 'Switch', help: 'Makes the matches case-sensitive.' },
    NotMatch: { type: 'Switch', help: 'Selects the lines that do not match the pattern.' },
    AllMatches: { type: 'Switch', help: 'Keeps every match in each line, not only the first.' },
    List: { type: 'Switch', help: 'Writes only the first matching line of each file (or of the piped input).' },
    Context: {
      type: 'Int32[]',
      validateCount: [1, 2],
      validateRange: [0, 2147483647],
      help: 'Captures the given number of lines before and after each match (one number: both; two: before, after). The lines are in the MatchInfo Context property and shown with the match, which is marked with >.',
    },
    Quiet: { type: 'Switch', help: 'Returns True when any line matches instead of MatchInfo objects; False when no line of the files matches, nothing when no piped text matches.' },
  },
  outputType: ['Microsoft.PowerShell.Commands.MatchInfo', 'System.Boolean'],
  examples: [
    {
      code: "'Mailbox ex01', 'Edge edge01', 'Mailbox ex02' | Select-String mailbox",
      remarks: 'Selects the piped strings that contain "mailbox" (case-insensitive); the lines are shown alone.',
      shows: '\nMailbox ex01\nMailbox ex02\n',
    },
    {
      setup: "Set-Content C:\\sls.log 'start', 'error: disk full', 'stop'; Set-Location C:\\Windows",
      code: 'Select-String -Pattern error C:\\*.log',
      remarks: 'Searches log files: each hit shows the file, the line number and the line.',
      shows: 'C:\\sls.log:2:error: disk full',
    },
    {
      code: "('port=25' | Select-String 'port=(\\d+)').Matches[0].Groups[1].Value",
      remarks: 'Reads a capture group of the first match.',
      shows: '25',
    },
  ],
  related: ['Get-Content', 'Where-Object', 'Out-String'],
  begin(params, ctx) {
    ctx.runState(STATE, () => ({ searcher: searcher(params, ctx), inputLine: 0, found: false, inputDone: false, searchedFile: false, piped: [] }));
  },
  process(params, ctx) {
    const st = ctx.runState(STATE, madeInBegin);
    if (ctx.parameterSetName !== 'Object') {
      for (const entry of existingItems(ctx, params)) {
        if (!entry.isDirectory) searchFile(ctx, params, st, entry.path.display);
      }
      st.searchedFile = true;
      return;
    }
    const input = params.InputObject;
    if (input === null || input === undefined) return;
    if (typeNamesOf(input)[0] === 'System.IO.FileInfo') {
      searchFile(ctx, params, st, String(propertyValue(input, 'FullName')));
      st.searchedFile = true;
      return;
    }
    st.inputLine++;
    if (st.inputDone) return;
    // An array given to -InputObject is one object: its text is its elements joined by spaces.
    const text = typeof input === 'string' ? input : Array.isArray(input) ? convertToString(input) : valueToString(input);
    if (contextSize(params)) {
      st.piped.push(text);
      return;
    }
    if (consider(ctx, params, st, text, st.inputLine, INPUT_STREAM) && params.List) st.inputDone = true;
  },
  end(params, ctx) {
    // 5.1 (MatchString.cs): True on a hit; False when files were searched in vain; for piped text
    // without a hit, nothing ($null).
    const st = ctx.runState(STATE, madeInBegin);
    const size = contextSize(params);
    if (size && st.piped.length) searchWithContext(ctx, params, st, st.piped, 1, INPUT_STREAM, size);
    if (params.Quiet && (st.found || st.searchedFile)) ctx.write(st.found);
  },
});

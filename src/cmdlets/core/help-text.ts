// Help text derived from a cmdlet declaration: the syntax notation Get-Command -Syntax and
// Get-Help share, and the NAME / SYNOPSIS / SYNTAX / ... layout of Windows PowerShell 5.1's help.

import type { CmdletDeclaration, CommandInfo, ParameterDeclaration } from '../../protocol/cmdlet.js';
import {
  mandatoryInSomeSet,
  membersOf,
  membershipsOf,
  parameterSetsOf,
  takesPipelineInput,
  type SetMember,
} from '../../protocol/parameter-sets.js';

/** PowerShell's short spelling of a parameter type in syntax lines (`<string[]>`, `<int>`). */
const SHORT_TYPES: Record<string, string> = {
  String: 'string',
  'String[]': 'string[]',
  Int32: 'int',
  'Int32[]': 'int[]',
  Int64: 'long',
  Double: 'double',
  Decimal: 'decimal',
  Boolean: 'bool',
  Object: 'Object',
  'Object[]': 'Object[]',
  PSObject: 'psobject',
  'PSObject[]': 'psobject[]',
  ScriptBlock: 'scriptblock',
  'ScriptBlock[]': 'scriptblock[]',
  SecureString: 'securestring',
  PSCredential: 'pscredential',
  'Byte[]': 'byte[]',
  Char: 'char',
  DateTime: 'datetime',
  TimeSpan: 'timespan',
  Hashtable: 'hashtable',
  'Hashtable[]': 'hashtable[]',
};

/** The type as shown in `<...>`; undefined for switches (they show no type). */
export function shortTypeName(p: ParameterDeclaration): string | undefined {
  if (p.type === 'Switch') return undefined;
  // A declared .NET type shows without namespaces and generic arguments (`Unlimited`, `MultiValuedProperty`), as Exchange's help does.
  if (p.netType) return p.netType.replace(/`\d+\[.*$/, '').replace(/^.*\./, '');
  if (p.type === 'Enum' || p.type === 'Enum[]') {
    const full = p.enum?.typeName ?? 'Enum';
    const last = full.slice(full.lastIndexOf('.') + 1);
    return p.type === 'Enum[]' ? `${last}[]` : last;
  }
  return SHORT_TYPES[p.type] ?? p.type;
}

export interface ParameterSetView {
  name: string;
  isDefault: boolean;
  members: SetMember[];
}

/** The parameter sets of a declaration, default set first, each with its parameters (src/protocol/parameter-sets.ts). */
export function parameterSets(decl: CmdletDeclaration): ParameterSetView[] {
  const { names, defaultSet } = parameterSetsOf(decl);
  return names.map((set) => ({ name: set, isDefault: set === defaultSet, members: membersOf(decl, set) }));
}

function syntaxPiece(m: SetMember): string {
  const type = shortTypeName(m.decl);
  const typed = type ? ` <${type}>` : '';
  const { position, mandatory } = m.membership;
  if (position !== undefined) {
    const name = `[-${m.name}]`;
    return mandatory ? `${name}${typed}` : `[${name}${typed}]`;
  }
  return mandatory ? `-${m.name}${typed}` : `[-${m.name}${typed}]`;
}

/** Positional parameters by position, then mandatory named ones, then the optional named ones. */
function displayOrder(members: SetMember[]): SetMember[] {
  const positional = members
    .filter((m) => m.membership.position !== undefined)
    .sort((a, b) => (a.membership.position ?? 0) - (b.membership.position ?? 0));
  const named = members.filter((m) => m.membership.position === undefined);
  return [...positional, ...named.filter((m) => m.membership.mandatory), ...named.filter((m) => !m.membership.mandatory)];
}

/**
 * One syntax line per parameter set, as Get-Command -Syntax prints them:
 * `Name [-P1] <string> [[-P2] <int>] -M <string> [-S] [-WhatIf] [-Confirm] [<CommonParameters>]`.
 */
export function syntaxLines(decl: CmdletDeclaration): string[] {
  return parameterSets(decl).map((set) => {
    const parts = [decl.name, ...displayOrder(set.members).map(syntaxPiece)];
    if (decl.supportsShouldProcess) parts.push('[-WhatIf]', '[-Confirm]');
    parts.push('[<CommonParameters>]');
    return parts.join(' ');
  });
}

/**
 * A function's syntax, one line per set: from its param block's declaration when the session
 * gives it (typed, with its sets; `[<CommonParameters>]` only for an advanced function), else
 * from its parameter names (positional in declaration order, untyped).
 */
export function functionSyntaxLines(info: CommandInfo): string[] {
  const meta = info.functionMetadata?.();
  if (!meta) return [[info.name, ...(info.functionParameters ?? []).map((p) => `[[-${p}] <Object>]`)].join(' ')];
  const lines = syntaxLines({ ...meta.declaration, name: info.name });
  return meta.advanced ? lines : lines.map((l) => l.replace(/ ?\[<CommonParameters>\]$/, ''));
}

/** The first of them (Get-Help's SYNTAX of a function). */
export function functionSyntaxLine(info: CommandInfo): string {
  return functionSyntaxLines(info)[0]!;
}

// ---------------------------------------------------------------------------------------------
// Get-Help layout

export type HelpView = 'default' | 'detailed' | 'full' | 'examples';

const COMMON_PARAMETERS_TEXT =
  'This cmdlet supports the common parameters: Verbose, Debug, ErrorAction, ErrorVariable, ' +
  'WarningAction, WarningVariable, OutBuffer, PipelineVariable, and OutVariable. For more ' +
  'information, see about_CommonParameters (http://go.microsoft.com/fwlink/?LinkID=113216).';

/** Word-wraps a paragraph to `width` columns with `indent` spaces; keeps explicit line breaks. */
export function wrapText(text: string, indent: number, width: number): string[] {
  const pad = ' '.repeat(indent);
  const max = Math.max(20, width - indent - 1);
  const out: string[] = [];
  for (const para of text.split('\n')) {
    if (para.trim() === '') {
      out.push('');
      continue;
    }
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > max) {
        out.push(pad + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) out.push(pad + line);
  }
  return out;
}

/** A declared default as help prints it: `False`, `2`, `Local`, `a, b`. */
function defaultText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return value.map(defaultText).join(', ');
  const text = String(value);
  return text.trim() === '' ? `'${text}'` : text;
}

/** What a parameter shows in its -Full block, merged over the sets it belongs to. */
export function parameterFacts(decl: CmdletDeclaration, name: string): {
  required: boolean;
  position: string;
  defaultValue: string;
  pipeline: string;
  wildcards: boolean;
} {
  const p = decl.parameters[name];
  const pos = membershipsOf(p).find((m) => m.position !== undefined)?.position;
  const kinds = [takesPipelineInput(p, 'value') ? 'ByValue' : '', takesPipelineInput(p, 'propertyName') ? 'ByPropertyName' : ''].filter(Boolean);
  return {
    required: mandatoryInSomeSet(p),
    position: pos === undefined ? 'named' : String(pos),
    defaultValue: p.defaultText ?? (p.default !== undefined ? defaultText(p.default) : p.type === 'Switch' ? 'False' : 'None'),
    pipeline: kinds.length ? `True (${kinds.join(', ')})` : 'False',
    wildcards: /wildcard/i.test(p.help ?? ''),
  };
}

/** The `-Name <type>` block of one parameter; `full` adds the Required?/Position?... table. */
export function parameterBlock(decl: CmdletDeclaration, name: string, full: boolean, width: number): string[] {
  const p = decl.parameters[name];
  const type = shortTypeName(p);
  const lines = [`    -${name}${type ? ` <${type}>` : ''}`];
  if (p.help) lines.push(...wrapText(p.help, 8, width));
  if (p.validateSet) lines.push(...wrapText(`Valid values: ${p.validateSet.join(', ')}`, 8, width));
  else if (p.enum) lines.push(...wrapText(`Valid values: ${p.enum.values.join(', ')}`, 8, width));
  if (full) {
    const f = parameterFacts(decl, name);
    lines.push(
      '',
      `        Required?                    ${f.required}`,
      `        Position?                    ${f.position}`,
      `        Default value                ${f.defaultValue}`,
      `        Accept pipeline input?       ${f.pipeline}`,
      `        Accept wildcard characters?  ${f.wildcards}`,
    );
    if (p.aliases?.length) lines.push(`        Aliases                      ${p.aliases.join(', ')}`);
  }
  lines.push('');
  return lines;
}

function exampleLines(decl: CmdletDeclaration, width: number): string[] {
  const lines: string[] = [];
  decl.examples.forEach((ex, i) => {
    lines.push(`    -------------------------- EXAMPLE ${i + 1} --------------------------`, '');
    ex.code.split('\n').forEach((l, j) => lines.push(j === 0 ? `    PS C:\\>${l}` : `    ${l}`));
    lines.push('');
    // A multi-line `shows` is a real piece of output; a one-line one is usually a fragment the
    // examples test looks for (`Thumbprint`), which would read as if it were the whole output.
    if (typeof ex.shows === 'string' && ex.shows.includes('\n')) {
      for (const l of ex.shows.split('\n')) lines.push(l ? `    ${l}` : '');
      lines.push('');
    }
    if (ex.remarks) lines.push(...wrapText(ex.remarks, 4, width), '');
    lines.push('');
  });
  return lines;
}

/** The REMARKS pointers of the default and -Detailed views (-Full and -Examples have none). */
function remarks(name: string): string[] {
  return [
    'REMARKS',
    `    To see the examples, type: "get-help ${name} -examples".`,
    `    For more information, type: "get-help ${name} -detailed".`,
    `    For technical information, type: "get-help ${name} -full".`,
  ];
}

/** The whole help text of a cmdlet in one of Get-Help's views, as lines. */
export function helpLines(decl: CmdletDeclaration, view: HelpView, width = 120): string[] {
  const lines: string[] = ['', 'NAME', `    ${decl.name}`, '', 'SYNOPSIS', ...wrapText(decl.synopsis, 4, width), ''];
  if (view === 'examples') {
    lines.push('', ...exampleLines(decl, width));
    return lines;
  }
  lines.push('', 'SYNTAX');
  for (const s of syntaxLines(decl)) lines.push(...wrapText(s, 4, width), '');
  lines.push('', 'DESCRIPTION', ...wrapText(decl.description, 4, width), '', '');
  if (view === 'detailed' || view === 'full') {
    lines.push('PARAMETERS');
    for (const name of Object.keys(decl.parameters)) lines.push(...parameterBlock(decl, name, view === 'full', width));
    lines.push('    <CommonParameters>', ...wrapText(COMMON_PARAMETERS_TEXT, 8, width), '');
    if (view === 'full') {
      const inputs = Object.entries(decl.parameters)
        .filter(([, p]) => takesPipelineInput(p, 'value'))
        .map(([, p]) => shortTypeName(p) ?? 'switch');
      lines.push('INPUTS', ...(inputs.length ? inputs : ['None']).map((t) => `    ${t}`), '', '');
      lines.push('OUTPUTS', ...(decl.outputType?.length ? decl.outputType : ['None']).map((t) => `    ${t}`), '', '');
    }
    lines.push(...exampleLines(decl, width));
  }
  if (decl.related?.length) {
    lines.push('RELATED LINKS', ...decl.related.map((r) => `    ${r}`), '');
  }
  if (view === 'default' || view === 'detailed') lines.push(...remarks(decl.name), '', '');
  return lines;
}

/** Get-Help -Parameter: the -Full blocks of the matching parameters. */
export function parameterHelpLines(decl: CmdletDeclaration, names: string[], width = 120): string[] {
  const lines: string[] = [''];
  for (const n of names) lines.push(...parameterBlock(decl, n, true, width));
  return lines;
}

/** Help for a function or filter: only what its definition tells (5.1's partial help). */
export function functionHelpLines(info: CommandInfo): string[] {
  return [
    '',
    'NAME',
    `    ${info.name}`,
    '',
    'SYNTAX',
    ...functionSyntaxLines(info).flatMap((l) => [`    ${l}`, '']),
    '',
    'ALIASES',
    '    None',
    '',
    '',
    'REMARKS',
    '    None',
    '',
    '',
  ];
}

/** The MAML-style facts help shows of one parameter (help-object.ts). */
export interface HelpParameterText {
  name: string;
  typeName: string;
  enumValues?: readonly string[];
  required: boolean;
  position: string;
  pipelineInput: string;
  globbing: boolean;
  description: string;
  defaultValue: string;
}

/** What help-object.ts knows of a function's or script's comment-based help, for the text views. */
export interface HelpTextData {
  name: string;
  synopsis: string;
  description: string;
  syntaxLines: string[];
  commonParameters: boolean;
  parameters: HelpParameterText[];
  examples: { prompt: string; code: string; remarks: string }[];
  notes: string;
  inputs: string[];
  outputs: string[];
  links: string[];
}

/** Indents every line of a text (keeping its own indentation and blank lines). */
function indented(text: string, indent: number): string[] {
  return text.split('\n').map((l) => (l.trim() ? ' '.repeat(indent) + l : ''));
}

/** One parameter's block in the -Detailed view, with its Required?/Position?... table in -Full (and Get-Help -Parameter). */
export function commentParameterLines(p: HelpParameterText, full: boolean): string[] {
  const value = p.enumValues ? '' : p.typeName === 'SwitchParameter' ? ' [<SwitchParameter>]' : ` <${p.typeName}>`;
  const lines = [`    -${p.name}${value}`, ...(p.description ? indented(p.description, 8) : []), ''];
  if (full) {
    lines.push(
      `        Required?                    ${p.required}`,
      `        Position?                    ${p.position}`,
      `        Default value                ${p.defaultValue}`,
      `        Accept pipeline input?       ${p.pipelineInput}`,
      `        Accept wildcard characters?  ${p.globbing}`,
      '',
    );
  }
  return lines;
}

/** The help text of a function or script with comment-based help, in one of Get-Help's views. */
export function commentHelpLines(data: HelpTextData, view: HelpView, width = 120): string[] {
  const lines: string[] = ['NAME', `    ${data.name}`, '', 'SYNOPSIS', ...indented(data.synopsis, 4), ''];
  const examples = (): string[] =>
    data.examples.flatMap((ex, i) => [
      `    -------------------------- EXAMPLE ${i + 1} --------------------------`,
      '',
      ...indented(`${ex.prompt}${ex.code}`, 4),
      '',
      ...(ex.remarks ? [...indented(ex.remarks, 4), ''] : []),
      '',
    ]);
  if (view === 'examples') return [...lines, '', ...examples()];
  lines.push('', 'SYNTAX');
  for (const s of data.syntaxLines) lines.push(...wrapText(s, 4, width), '');
  lines.push('', 'DESCRIPTION', ...indented(data.description, 4), '', '');
  if (view === 'detailed' || view === 'full') {
    lines.push('PARAMETERS');
    for (const p of data.parameters) lines.push(...commentParameterLines(p, view === 'full'));
    if (data.commonParameters) lines.push('    <CommonParameters>', ...wrapText(COMMON_PARAMETERS_TEXT, 8, width), '');
    lines.push('');
    if (view === 'full') {
      lines.push('INPUTS', ...data.inputs.flatMap((t) => [...indented(t, 4), '']), '');
      lines.push('OUTPUTS', ...data.outputs.flatMap((t) => [...indented(t, 4), '']), '');
      if (data.notes) lines.push('NOTES', '', ...indented(data.notes, 4), '', '');
    }
    lines.push(...examples());
  }
  lines.push('RELATED LINKS', ...data.links.map((l) => `    ${l}`), '');
  if (view === 'default' || view === 'detailed') lines.push(...remarks(data.name));
  return lines;
}

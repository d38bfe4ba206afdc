// The objects Get-Help returns, shaped as Windows PowerShell 5.1's MamlCommandHelpInfo: the
// command's MAML (details, syntax.syntaxItem, parameters.parameter, examples.example, alertSet,
// inputTypes, returnValues, relatedLinks) as nested objects, plus Name, Category, Synopsis,
// Component, Role and Functionality. A function's or script's help is built from its
// comment-based help (comment-help.ts) and its param block; what the console shows is the
// help text of the view asked for (help-text.ts), through the views registered here.

import type { CmdletDeclaration, ParameterDeclaration } from '../../protocol/cmdlet.js';
import type { ParameterDeclAst, ExpressionAst, SourceText } from '../../../grammar/ast.js';
import { enumInfo, resolveTypeName, shortTypeName } from '../../protocol/convert.js';
import { membershipIn, membershipsOf, parameterTypeName } from '../../protocol/parameter-sets.js';
import { PSObject } from '../../protocol/values.js';
import { registerView } from '../../format/views.js';
import { commentParameterLines, parameterSets, type HelpParameterText, type HelpTextData, type HelpView } from './help-text.js';
import type { CommentHelp } from './comment-help.js';

/** One parameter as help describes it. */
export type HelpParameter = HelpParameterText;

export type HelpExample = HelpTextData['examples'][number];

/** Everything help says about a command, before it becomes the MAML-shaped object. */
export interface CommandHelpData {
  name: string;
  category: string;
  synopsis: string;
  description: string;
  /** Per parameter set, its parameters in declaration order. */
  syntax: HelpParameter[][];
  commonParameters: boolean;
  parameters: HelpParameter[];
  examples: HelpExample[];
  notes: string;
  inputs: string[];
  outputs: string[];
  links: string[];
  component?: string;
  role?: string;
  functionality?: string;
  moduleName: string;
}

const PARA_TYPE = ['MamlParaTextItem', 'System.Management.Automation.PSCustomObject', 'System.Object'];

function node(typeName: string, record: Record<string, unknown>): PSObject {
  return PSObject.fromRecord(record, [typeName, 'System.Management.Automation.PSCustomObject', 'System.Object']);
}

/** maml:para elements: objects with a Text property. */
function paras(...texts: string[]): PSObject[] {
  return texts.map((t) => PSObject.fromRecord({ Text: t }, [...PARA_TYPE]));
}

/** One child is the object itself, several an array (as MAML's loader makes them). */
function oneOrMany<T>(items: T[]): T | T[] {
  return items.length === 1 ? items[0]! : items;
}

/** A text with XML attributes: the string, carrying them as properties. */
function attributed(text: string, attributes: Record<string, string>): PSObject {
  const o = PSObject.wrap(text);
  for (const [k, v] of Object.entries(attributes)) o.addNote(k, v);
  return o;
}

const renderers = new WeakMap<PSObject, () => string[]>();

function parameterNode(p: HelpParameter, forSyntax: boolean): PSObject {
  const record: Record<string, unknown> = { name: p.name };
  if (p.description) record.description = paras(p.description);
  if (p.enumValues) {
    record.parameterValueGroup = node('MamlCommandHelpInfo#parameterValueGroup', {
      parameterValue: p.enumValues.map((v) => attributed(v, { required: 'false', variableLength: 'false' })),
    });
  } else if (!forSyntax || p.typeName !== 'SwitchParameter') {
    record.parameterValue = attributed(p.typeName, { required: p.typeName === 'SwitchParameter' ? 'false' : 'true', variableLength: 'false' });
  }
  if (!forSyntax) {
    record.type = node('MamlCommandHelpInfo#type', { name: p.typeName });
    record.defaultValue = p.defaultValue;
  }
  Object.assign(record, { required: String(p.required), variableLength: 'true', globbing: String(p.globbing), pipelineInput: p.pipelineInput, position: p.position });
  const o = node('MamlCommandHelpInfo#parameter', record);
  if (!forSyntax) renderers.set(o, () => commentParameterLines(p, true).slice(0, -1));
  return o;
}

/** The MAML-shaped object of one command's help; `render` gives the text of the view asked for. */
export function helpObject(data: CommandHelpData, view: HelpView, render: () => string[], typeName = 'MamlCommandHelpInfo'): PSObject {
  const viewName = { default: '', detailed: 'DetailedView', full: 'FullView', examples: 'ExamplesView' }[view];
  const typeNames = [typeName, 'System.Management.Automation.PSCustomObject', 'System.Object'];
  if (viewName) typeNames.unshift(`${typeName}#${viewName}`);
  const record: Record<string, unknown> = {
    details: node('MamlCommandHelpInfo#details', { name: data.name, description: paras(data.synopsis) }),
    description: data.description ? paras(data.description) : null,
    parameters: node('MamlCommandHelpInfo#parameters', { parameter: oneOrMany(data.parameters.map((p) => parameterNode(p, false))) }),
    syntax: syntaxObject(data),
  };
  if (data.examples.length) {
    record.examples = node('MamlCommandHelpInfo#examples', {
      example: oneOrMany(
        data.examples.map((e, i) =>
          node('MamlCommandHelpInfo#example', {
            title: `-------------------------- EXAMPLE ${i + 1} --------------------------`,
            introduction: paras(e.prompt),
            code: e.code,
            remarks: paras(e.remarks, '', '', '', ''),
          }),
        ),
      ),
    });
  }
  if (data.notes) record.alertSet = node('MamlCommandHelpInfo#alertSet', { alert: paras(data.notes) });
  if (data.inputs.length) {
    record.inputTypes = node('MamlCommandHelpInfo#inputTypes', {
      inputType: oneOrMany(data.inputs.map((t) => node('MamlCommandHelpInfo#inputType', { type: node('MamlCommandHelpInfo#type', { name: t }) }))),
    });
  }
  if (data.outputs.length) {
    record.returnValues = node('MamlCommandHelpInfo#returnValues', {
      returnValue: oneOrMany(data.outputs.map((t) => node('MamlCommandHelpInfo#returnValue', { type: node('MamlCommandHelpInfo#type', { name: t }) }))),
    });
  }
  if (data.links.length) {
    record.relatedLinks = node('MamlCommandHelpInfo#relatedLinks', {
      navigationLink: oneOrMany(data.links.map((l) => node('MamlCommandHelpInfo#navigationLink', isAbsoluteUri(l) ? { uri: l } : { linkText: l }))),
    });
  }
  Object.assign(record, {
    Name: data.name,
    Category: data.category,
    Synopsis: data.synopsis,
    Component: data.component ?? null,
    Role: data.role ?? null,
    Functionality: data.functionality ?? null,
    ModuleName: data.moduleName,
  });
  const o = PSObject.fromRecord(record, typeNames);
  renderers.set(o, render);
  return o;
}

function syntaxObject(data: CommandHelpData): PSObject {
  const items = data.syntax.map((set) => node('MamlCommandHelpInfo#syntaxItem', { name: data.name, parameter: oneOrMany(set.map((p) => parameterNode(p, true))) }));
  const o = node('MamlCommandHelpInfo#syntax', { syntaxItem: oneOrMany(items) });
  renderers.set(o, () => syntaxText(data));
  return o;
}

function isAbsoluteUri(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^\s/]+\S*$/i.test(text);
}

/** How a parameter reads in a syntax line: `[-Name] <String>`, `[[-P] <Object>]`, `[-S]`, `[-E] {A | B}`. */
function syntaxPiece(p: HelpParameter): string {
  const value = p.enumValues ? ` {${p.enumValues.join(' | ')}}` : p.typeName === 'SwitchParameter' ? '' : ` <${p.typeName}>`;
  const positional = p.position !== 'named';
  const name = positional ? `[-${p.name}]` : `-${p.name}`;
  return p.required ? `${name}${value}` : `[${name}${value}]`;
}

/** The syntax lines of MAML help, one per parameter set. */
export function syntaxText(data: CommandHelpData): string[] {
  return data.syntax.map((set) => [data.name, ...set.map(syntaxPiece), ...(data.commonParameters ? ['[<CommonParameters>]'] : [])].join(' '));
}

// The console shows help objects as their help text.
for (const typeName of ['MamlCommandHelpInfo', 'MamlCommandHelpInfo#syntax', 'MamlCommandHelpInfo#parameter', 'ExtendedCmdletHelpInfo']) {
  registerView({
    typeName,
    shape: 'custom',
    custom: (obj) => (obj instanceof PSObject ? (renderers.get(obj)?.() ?? []) : []),
  });
}

// ---------------------------------------------------------------------------------------------
// Help of a function or script, from its param block and its comment-based help

function sectionText(text: string | undefined): string {
  return (text ?? '').replace(/^\s*\n/, '').replace(/\s+$/, '');
}

/** The prompt (up to the first `>` of the first line), the code and the remarks (after a blank line) of an example. */
export function exampleParts(content: string): HelpExample {
  const prompt = /^.*?>/.exec(content);
  const rest = prompt ? content.slice(prompt[0].length) : content;
  const m = /^(.*?)\r?\n\r?\n(.*)$/s.exec(rest);
  return { prompt: prompt ? prompt[0] : 'PS > ', code: (m ? m[1]! : rest).trim(), remarks: m ? m[2]!.trim() : '' };
}

/** A parameter's .NET type name as help shows it, from its type constraint (`Object` without one). */
function typeOf(ast: ParameterDeclAst | undefined, decl: ParameterDeclaration): { typeName: string; enumValues?: readonly string[] } {
  const written = ast?.type?.name;
  const full = written ? (resolveTypeName(written) ?? written) : parameterTypeName(decl);
  const isArray = full.endsWith('[]');
  const info = enumInfo(isArray ? full.slice(0, -2) : full);
  return { typeName: shortTypeName(full), enumValues: info?.values };
}

function attributeNamed(ast: ParameterDeclAst | undefined, name: string) {
  return ast?.attributes.find((a) => a.name.toLowerCase() === name || a.name.toLowerCase() === `${name}attribute`);
}

/** A parameter's default as help shows it: [PSDefaultValue(Help=...)], else the default's source text. */
function defaultOf(ast: ParameterDeclAst | undefined, source: SourceText): string {
  const attr = attributeNamed(ast, 'psdefaultvalue');
  const help = attr?.named.find((n) => n.name.toLowerCase() === 'help')?.value;
  if (help) return literalText(help, source);
  const value = attr?.named.find((n) => n.name.toLowerCase() === 'value')?.value ?? ast?.default;
  return value ? literalText(value, source) : '';
}

function literalText(e: ExpressionAst, source: SourceText): string {
  const text = source.text.slice(e.span.start, e.span.end);
  const quoted = /^'((?:[^']|'')*)'$/s.exec(text) ?? /^"([^"`$]*)"$/s.exec(text);
  return quoted ? quoted[1]!.replace(/''/g, "'") : text;
}

function pipelineText(byValue: boolean, byName: boolean): string {
  if (byValue && byName) return 'true (ByValue, ByPropertyName)';
  if (byValue) return 'true (ByValue)';
  if (byName) return 'true (ByPropertyName)';
  return 'false';
}

export interface ScriptHelpInput {
  name: string;
  category: string;
  declaration: CmdletDeclaration;
  advanced: boolean;
  paramAsts: ParameterDeclAst[];
  source: SourceText;
  help: CommentHelp;
  parameterComments: string[];
  outputTypes: string[];
}

/** The help data of a function or script with comment-based help. */
export function scriptHelpData(input: ScriptHelpInput): CommandHelpData {
  const { declaration: decl, help } = input;
  const astOf = (name: string) => input.paramAsts.find((p) => p.name.toLowerCase() === name.toLowerCase());
  const names = Object.keys(decl.parameters);
  const description = (name: string, i: number): string => sectionText(help.parameters.get(name.toUpperCase()) ?? input.parameterComments[i]);
  const base = (name: string, i: number) => {
    const ast = astOf(name);
    const p = decl.parameters[name]!;
    return { name, ...typeOf(ast, p), description: description(name, i), globbing: !!attributeNamed(ast, 'supportswildcards'), defaultValue: defaultOf(ast, input.source) };
  };
  const parameters: HelpParameter[] = names.map((name, i) => {
    const p = decl.parameters[name]!;
    const m = membershipsOf(p)[0] ?? {};
    return {
      ...base(name, i),
      required: m.mandatory === true,
      position: m.position === undefined ? 'named' : String(m.position + 1),
      pipelineInput: pipelineText(m.fromPipeline === true, m.fromPipelineByPropertyName === true),
    };
  });
  const syntax = parameterSets(decl).map((set) =>
    set.members.map((member) => {
      const m = membershipIn(member.decl, set.name) ?? {};
      return {
        ...base(member.name, names.indexOf(member.name)),
        required: m.mandatory === true,
        position: m.position === undefined ? 'named' : String(m.position + 1),
        pipelineInput: pipelineText(m.fromPipeline === true, m.fromPipelineByPropertyName === true),
      };
    }),
  );
  return {
    name: input.name,
    category: input.category,
    synopsis: sectionText(help.synopsis),
    description: sectionText(help.description),
    syntax,
    commonParameters: input.advanced,
    parameters,
    examples: help.examples.map(exampleParts),
    notes: sectionText(help.notes),
    inputs: help.inputs.map(sectionText),
    outputs: help.outputs.length ? help.outputs.map(sectionText) : input.outputTypes,
    links: help.links,
    component: help.component,
    role: help.role,
    functionality: help.functionality,
    moduleName: '',
  };
}

/** The lines a help object shows (what `help` pages); undefined for anything else. */
export function helpTextOf(value: unknown): string[] | undefined {
  const render = value instanceof PSObject ? renderers.get(value) : undefined;
  return render && ['', ...render(), ''];
}

/** The help of a command with no help written for it: its syntax is its synopsis (5.1's default help). */
export function defaultHelpObject(name: string, category: string, synopsis: string, render: () => string[]): PSObject {
  const o = PSObject.fromRecord(
    { Name: name, Category: category, Synopsis: synopsis, Component: null, Role: null, Functionality: null, ModuleName: '' },
    ['ExtendedCmdletHelpInfo', 'HelpInfo', 'System.Management.Automation.PSCustomObject', 'System.Object'],
  );
  renderers.set(o, render);
  return o;
}

/** A cmdlet's help data, from its declaration. */
export function cmdletHelpData(decl: CmdletDeclaration): CommandHelpData {
  const toHelp = (name: string, m: { position?: number; mandatory?: boolean; fromPipeline?: boolean; fromPipelineByPropertyName?: boolean }): HelpParameter => {
    const p = decl.parameters[name]!;
    const full = parameterTypeName(p);
    return {
      name,
      typeName: p.type === 'Switch' ? 'SwitchParameter' : shortTypeName(full ?? 'System.Object'),
      enumValues: p.enum?.values,
      required: m.mandatory === true,
      position: m.position === undefined ? 'named' : String(m.position + 1),
      pipelineInput: pipelineText(m.fromPipeline === true, m.fromPipelineByPropertyName === true),
      globbing: /wildcard/i.test(p.help ?? ''),
      description: p.help ?? '',
      defaultValue: p.defaultText ?? (p.default !== undefined ? String(p.default) : ''),
    };
  };
  return {
    name: decl.name,
    category: 'Cmdlet',
    synopsis: decl.synopsis,
    description: decl.description,
    syntax: parameterSets(decl).map((set) => set.members.map((m) => toHelp(m.name, m.membership))),
    commonParameters: true,
    parameters: Object.keys(decl.parameters).map((n) => toHelp(n, membershipsOf(decl.parameters[n]!)[0] ?? {})),
    examples: decl.examples.map((e) => ({ prompt: 'PS C:\\>', code: e.code, remarks: e.remarks })),
    notes: '',
    inputs: [],
    outputs: decl.outputType ?? [],
    links: decl.related ?? [],
    moduleName: decl.module ?? '',
  };
}

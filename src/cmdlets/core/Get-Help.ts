// Get-Help (help): help derived from the declarations — NAME, SYNOPSIS, SYNTAX, DESCRIPTION,
// PARAMETERS, EXAMPLES, REMARKS — in the views of Windows PowerShell 5.1 (-Detailed, -Full,
// -Examples, -Parameter). Wildcards list the matching commands.

import { Pager } from './pager.js';
import { defineCmdlet, type CmdletContext, type CmdletDeclaration, type CommandInfo, type BoundParameters, type ParameterDeclaration } from '../../protocol/cmdlet.js';
import { PSObject } from '../../protocol/values.js';
import { commentHelpLines, functionHelpLines, functionSyntaxLines, helpLines, parameterHelpLines, type HelpView } from './help-text.js';
import { emptyCommentHelp, findCommentHelp } from './comment-help.js';
import { externalHelp } from './external-help.js';
import { cmdletHelpData, defaultHelpObject, helpTextOf, helpObject, scriptHelpData, syntaxText } from './help-object.js';
import { hasWildcard, compileWildcard } from '../../protocol/wildcard.js';

const OVERVIEW = `
TOPIC
    emsh Help System

SHORT DESCRIPTION
    Displays help about the cmdlets, functions and aliases of emsh, the Exchange
    Management Shell emulator.

LONG DESCRIPTION
    The help of every command comes with the shell; there is nothing to download
    and no online help.

    Get-Help <name>                  Displays the help of a command or alias.
    Get-Help <name> -Examples        Displays only the examples.
    Get-Help <name> -Detailed        Adds the parameter descriptions and examples.
    Get-Help <name> -Full            Displays everything, including the technical
                                     details of each parameter.
    Get-Help <name> -Parameter <p>   Displays one parameter (wildcards permitted).
    Get-Help *cert*                  Lists the commands whose names match.
    Get-Command <name> -Syntax       Displays only the syntax.

    Examples:
        Get-Help Get-ExchangeCertificate -Examples
        Get-Help Enable-ExchangeCertificate -Parameter Services
        help *Certificate*
`;

function notFound(ctx: CmdletContext, name: string): void {
  ctx.writeError(
    ctx.error({
      message: `Get-Help could not find ${name} in a help file in this session. To download updated help topics type: "Update-Help". To get help online, search for the help topic in the TechNet library at http://go.microsoft.com/fwlink/?LinkID=107116.`,
      errorId: 'HelpNotFound',
      category: 'ResourceUnavailable',
      exceptionType: 'HelpNotFoundException',
      targetObject: name,
      targetName: name,
      targetType: 'String',
    }),
  );
}

function categoryOf(c: CommandInfo): string {
  return c.commandType === 'ExternalScript' ? 'ExternalScript' : c.commandType;
}

function shortEntry(c: CommandInfo): PSObject {
  return PSObject.fromRecord(
    {
      Name: c.name,
      Category: categoryOf(c),
      Module: c.module,
      Synopsis: c.declaration?.synopsis ?? (c.commandType === 'Alias' ? c.definition : c.name),
    },
    ['HelpInfoShort', 'System.Object'],
  );
}

function helpText(lines: string[]): string {
  return lines.join('\n');
}

/** The help lines of a view, without the blank lines the help view puts around every object. */
function shown(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a] === '') a++;
  while (b > a && lines[b - 1] === '') b--;
  return lines.slice(a, b);
}

/** What -Component, -Role and -Functionality ask of the help (wildcards; any one pattern will do). */
function passesFilters(params: Params, help: { component?: string; role?: string; functionality?: string }): boolean {
  const ok = (patterns: readonly (string | null)[] | null | undefined, value: string | undefined) =>
    !patterns || patterns.some((p) => p !== null && value !== undefined && compileWildcard(p).test(value));
  return ok(params.Component, help.component) && ok(params.Role, help.role) && ok(params.Functionality, help.functionality);
}

function noParameter(ctx: CmdletContext, wanted: string): void {
  ctx.writeError(
    ctx.error({
      message: `No parameter matches criteria ${wanted}.`,
      errorId: 'NoParmsFound',
      category: 'ObjectNotFound',
      exceptionType: 'PSArgumentException',
      targetObject: wanted,
    }),
  );
}

function categoryName(c: CommandInfo): string {
  return c.commandType === 'Alias' ? 'Alias' : c.commandType;
}

/** A cmdlet's help object: its declaration in MAML's shape, shown as the declaration's help text. */
function cmdletHelp(decl: CmdletDeclaration, view: HelpView, width: number): PSObject {
  const lines = helpLines(decl, view, width);
  return helpObject(cmdletHelpData(decl), view, () => shown(lines));
}

/** A function's or script's help object: from its comment-based help, else what its definition tells. */
function scriptHelp(c: CommandInfo, view: HelpView, params: Params, ctx: CmdletContext): PSObject | 'forwarded' | undefined {
  const width = ctx.host.width || 120;
  const hs = c.helpSource?.();
  const found = hs && findCommentHelp(hs);
  const meta = c.functionMetadata?.();
  const written = found?.help;
  // `.EXTERNALHELP file`: the file's help for the command, when it is there (else the comment's own).
  const external = written?.externalHelp ? externalHelp(ctx, hs?.source.file, written.externalHelp, c.name) : undefined;
  const comment = external ?? written;
  if (comment && (comment.forwardHelpTargetName || comment.forwardHelpCategory)) {
    const target = ctx.session.resolveCommand(comment.forwardHelpTargetName ?? c.name);
    if (target && target !== c && (!comment.forwardHelpCategory || categoryName(target).toLowerCase() === comment.forwardHelpCategory.toLowerCase())) {
      writeHelp(target, view, params, ctx);
      return 'forwarded';
    }
  }
  // A block that only names an external help file emsh cannot read leaves the default help.
  const onlyExternal = comment && comment.externalHelp && !comment.synopsis && !comment.description && !comment.examples.length;
  if (!meta || !hs) {
    if (!passesFilters(params, {})) return undefined;
    return defaultHelpObject(c.name, categoryName(c), `\n${functionSyntaxLines(c).join('\n')}\n`, () => shown(functionHelpLines(c)));
  }
  const useComment = comment && !onlyExternal;
  const data = scriptHelpData({
    name: c.commandType === 'ExternalScript' ? c.definition : c.name,
    category: categoryName(c),
    declaration: meta.declaration,
    advanced: meta.advanced,
    paramAsts: hs.block.params?.parameters ?? [],
    source: hs.source,
    help: useComment ? comment : emptyCommentHelp(),
    parameterComments: useComment && !external && found ? found.parameterComments : [],
    outputTypes: [],
  });
  if (!passesFilters(params, data)) return undefined;
  if (!useComment) {
    // No help written: the syntax is the synopsis, and the text only what the definition tells (5.1's default help).
    data.synopsis = `\n${functionSyntaxLines(c).join('\n')}\n`;
    return helpObject(data, view, () => shown(functionHelpLines(c)), 'ExtendedCmdletHelpInfo');
  }
  const text = { ...data, syntaxLines: syntaxText(data) };
  return helpObject(data, view, () => shown(commentHelpLines(text, view, width)));
}

function writeHelp(c: CommandInfo, view: HelpView, params: Params, ctx: CmdletContext): void {
  const width = ctx.host.width || 120;
  const target = c.commandType === 'Alias' ? ctx.session.resolveCommand(c.definition) : c;
  if (!target) return notFound(ctx, c.name);
  const decl = target.declaration;
  const wanted = params.Parameter;
  if (!decl) {
    const help = scriptHelp(target, view, params, ctx);
    if (help === undefined) return notFound(ctx, c.name);
    if (help === 'forwarded') return;
    if (wanted === undefined) return ctx.write(help);
    // -Parameter: the matching parameter objects of the help (each shows as its -Full block).
    const re = compileWildcard(wanted);
    const parameters = help.get('parameters');
    const list = parameters instanceof PSObject ? parameters.get('parameter') : null;
    const hits = (Array.isArray(list) ? list : list ? [list] : []).filter((p) => p instanceof PSObject && re.test(String(p.get('name'))));
    if (!hits.length) return noParameter(ctx, wanted);
    for (const p of hits) ctx.write(p);
    return;
  }
  if (wanted !== undefined) {
    const re = compileWildcard(wanted);
    const names = Object.keys(decl.parameters).filter(
      (n) => re.test(n) || (decl.parameters[n].aliases ?? []).some((a) => re.test(a)),
    );
    if (!names.length) return noParameter(ctx, wanted);
    ctx.write(helpText(parameterHelpLines(decl, names, width)));
    return;
  }
  if (!passesFilters(params, {})) return notFound(ctx, c.name);
  ctx.write(cmdletHelp(decl, view, width));
}

const PARAMETERS = {
  Name: {
    type: 'String',
    sets: { __AllParameterSets: { position: 0, fromPipelineByPropertyName: true } },
    help: 'Specifies the command or alias to show help for. Wildcard characters are permitted.',
  },
  Full: { type: 'Switch', sets: { AllUsersView: {} }, help: 'Displays the entire help, with the technical details of each parameter.' },
  Detailed: { type: 'Switch', sets: { DetailedView: { mandatory: true } }, help: 'Adds the parameter descriptions and the examples.' },
  Examples: { type: 'Switch', sets: { Examples: { mandatory: true } }, help: 'Displays only the name, synopsis and examples.' },
  Parameter: { type: 'String', sets: { Parameters: { mandatory: true } }, help: 'Displays only the detailed descriptions of these parameters. Wildcard characters are permitted.' },
  Online: { type: 'Switch', sets: { Online: { mandatory: true } }, help: 'Would open the online help; emsh has none.' },
  ShowWindow: { type: 'Switch', sets: { ShowWindow: { mandatory: true } }, help: 'Would open the help in a window; emsh shows the full help in the console instead.' },
  Component: { type: 'String[]', help: 'Gets only the help of commands whose component (.COMPONENT) matches. Wildcard characters are permitted.' },
  Role: { type: 'String[]', help: 'Gets only the help of commands written for a user role (.ROLE) that matches. Wildcard characters are permitted.' },
  Functionality: { type: 'String[]', help: 'Gets only the help of commands whose functionality (.FUNCTIONALITY) matches. Wildcard characters are permitted.' },
} satisfies Record<string, ParameterDeclaration>;

/** The parameters as the cmdlet's blocks and helpers receive them. */
type Params = BoundParameters<typeof PARAMETERS>;

export default defineCmdlet({
  name: 'Get-Help',
  aliases: ['help', 'man'],
  module: 'Microsoft.PowerShell.Core',
  synopsis: 'Displays information about Windows PowerShell commands and concepts.',
  description:
    'The Get-Help cmdlet displays the help of a cmdlet, function or alias: its synopsis, ' +
    'syntax and description; -Detailed adds the parameter descriptions and the examples, -Full ' +
    'adds the technical details of each parameter, -Examples shows only the examples and ' +
    '-Parameter only the named parameters. A name with wildcard characters lists the matching ' +
    'commands. All help comes with emsh: there is no online help.',
  defaultParameterSet: 'AllUsersView',
  parameters: PARAMETERS,
  outputType: ['MamlCommandHelpInfo', 'System.String', 'HelpInfoShort'],
  examples: [
    { code: 'Get-Help Measure-Object', remarks: 'Displays the help of Measure-Object.', shows: 'SYNOPSIS\n    Calculates the numeric properties of objects' },
    { code: 'Get-Help Select-Object -Parameter First', remarks: 'Displays the help of one parameter.', shows: '    -First <int>' },
    { code: 'help *-Object', remarks: 'Lists the commands whose names end in -Object.', shows: 'Where-Object' },
  ],
  related: ['Get-Command'],
  async process(params, ctx) {
    // `help` and `man` page their text (5.1's help function pipes Get-Help into more).
    if (!/^(help|man)$/i.test(ctx.invocationName) || !ctx.host.readKey) return showHelp(params, ctx);
    const texts: string[] = [];
    const capture: CmdletContext = Object.create(ctx, {
      write: { value: (v: unknown) => (typeof v === 'string' ? texts.push(v) : helpTextOf(v) ? texts.push(helpTextOf(v)!.join('\n')) : ctx.write(v)) },
    });
    showHelp(params, capture);
    await new Pager(ctx).lines(texts.join('\n').split('\n'));
  },
});

function showHelp(params: Params, ctx: CmdletContext): void {
  {
    const name = params.Name;
    // `Get-Help $null` binds null: the overview, as for no name at all.
    if (name === undefined || name === null || name === '') {
      ctx.write(OVERVIEW);
      return;
    }
    if (params.Online) {
      ctx.writeError(
        ctx.error({
          message:
            'The online version of this Help topic cannot be displayed because the Internet address (URI) of the Help topic is not specified in the command code or in the help file for the command.',
          errorId: 'InvalidOperation',
          category: 'InvalidOperation',
          exceptionType: 'PSInvalidOperationException',
          targetObject: name,
        }),
      );
      return;
    }
    let view: HelpView = 'default';
    if (params.Full) view = 'full';
    else if (params.Detailed) view = 'detailed';
    else if (params.Examples) view = 'examples';
    if (params.ShowWindow) {
      ctx.writeWarning('emsh has no help window; the full help is shown here instead.');
      view = 'full';
    }
    const all = ctx.session.commands();
    if (!hasWildcard(name)) {
      const c = ctx.session.resolveCommand(name) ?? all.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!c) return notFound(ctx, name);
      return writeHelp(c, view, params, ctx);
    }
    const re = compileWildcard(name);
    const hits = all.filter((c) => re.test(c.name)).sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
    if (hits.length === 0) return notFound(ctx, name);
    if (hits.length === 1) return writeHelp(hits[0], view, params, ctx);
    for (const c of hits) ctx.write(shortEntry(c));
  }
}

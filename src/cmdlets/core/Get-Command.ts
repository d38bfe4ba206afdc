// Get-Command (gcm): lists the cmdlets, functions and aliases of the session, filtered by name
// (wildcards), verb, noun, command type or module; -Syntax prints the syntax instead.

import { defineCmdlet, type CommandInfo } from '../../protocol/cmdlet.js';
import { commandObject, definitionText } from './command-info.js';
import { functionSyntaxLines } from './help-text.js';
import { stringsOf } from './patterns.js';
import { hasWildcard, compileWildcard } from '../../protocol/wildcard.js';
import { registerEnum } from '../../protocol/convert.js';

const COMMAND_TYPES = ['Alias', 'Function', 'Filter', 'Cmdlet', 'ExternalScript', 'Application', 'Script', 'Workflow', 'Configuration', 'All'];
// [System.Management.Automation.CommandTypes] as a type scripts can name (a parameter's type, a cast).
registerEnum({ typeName: 'System.Management.Automation.CommandTypes', values: COMMAND_TYPES, flags: true, numbers: [1, 2, 4, 8, 16, 32, 64, 128, 256, 511] });

/** 5.1 lists aliases, then functions, then cmdlets, each by name. */
const TYPE_ORDER: Record<string, number> = { Alias: 0, Function: 1, Filter: 1, Cmdlet: 2, ExternalScript: 3 };

function matchesAny(value: string, patterns: string[] | undefined): boolean {
  if (!patterns?.length) return true;
  return patterns.some((p) => compileWildcard(p).test(value));
}

export default defineCmdlet({
  name: 'Get-Command',
  aliases: ['gcm'],
  module: 'Microsoft.PowerShell.Core',
  synopsis: 'Gets all commands.',
  description:
    'The Get-Command cmdlet gets the commands of the session: cmdlets (the Exchange cmdlets ' +
    'included), functions and aliases. Filter them by name (wildcard characters are permitted), ' +
    'by verb and noun, by command type or by module. -Syntax shows the syntax of a command, ' +
    'one line per parameter set.',
  defaultParameterSet: 'CmdletSet',
  parameters: {
    Name: {
      type: 'String[]',
      sets: { AllCommandSet: { position: 0, fromPipelineByPropertyName: true } },
      validateNotNullOrEmpty: true,
      help: 'Specifies the names of the commands to get. Wildcard characters are permitted.',
    },
    Verb: {
      type: 'String[]',
      sets: { CmdletSet: { fromPipelineByPropertyName: true } },
      help: 'Gets the commands whose verb matches. Wildcard characters are permitted.',
    },
    Noun: {
      type: 'String[]',
      sets: { CmdletSet: { fromPipelineByPropertyName: true } },
      help: 'Gets the commands whose noun matches. Wildcard characters are permitted.',
    },
    Module: {
      type: 'String[]',
      aliases: ['PSSnapin'],
      help: 'Gets the commands of the modules or snap-ins whose name matches. Wildcard characters are permitted.',
    },
    CommandType: {
      type: 'Enum[]',
      aliases: ['Type'],
      enum: { typeName: 'System.Management.Automation.CommandTypes', values: COMMAND_TYPES, flags: true },
      sets: { AllCommandSet: { fromPipelineByPropertyName: true } },
      help: 'Gets only commands of these types.',
    },
    TotalCount: { type: 'Int32', help: 'Gets at most this many commands.' },
    Syntax: { type: 'Switch', help: 'Writes the syntax of each command instead of its information object.' },
  },
  outputType: ['System.Management.Automation.CommandInfo'],
  examples: [
    {
      code: 'Get-Command -Verb Measure',
      remarks: 'Gets the commands whose verb is Measure.',
      shows: 'Measure-Object',
    },
    {
      code: 'Get-Command Sort-Object -Syntax',
      remarks: 'Shows the syntax of Sort-Object.',
      shows: 'Sort-Object [[-Property] <Object[]>] [-Descending] [-Unique] [-InputObject <psobject>] [-Culture <string>] [-CaseSensitive] [<CommonParameters>]',
    },
    {
      code: 'gcm where -Syntax',
      remarks: 'For an alias, shows what it stands for and the syntax of that command.',
      shows: 'where (alias) -> Where-Object',
    },
  ],
  related: ['Get-Help', 'Get-Alias'],
  process(params, ctx) {
    const all = ctx.session.commands();
    const names = stringsOf(params.Name);
    const verbs = stringsOf(params.Verb);
    const nouns = stringsOf(params.Noun);
    const modules = stringsOf(params.Module);
    let types = params.CommandType;
    if (types?.includes('All')) types = undefined;
    const resolve = (n: string) => ctx.session.resolveCommand(n);

    const found: CommandInfo[] = [];
    for (const pattern of names ?? ['*']) {
      if (!hasWildcard(pattern)) {
        const lower = pattern.toLowerCase();
        const hits = all.filter((c) => c.name.toLowerCase() === lower);
        if (!hits.length) {
          ctx.writeError(
            ctx.error({
              message: `The term '${pattern}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
              errorId: 'CommandNotFoundException',
              category: 'ObjectNotFound',
              exceptionType: 'CommandNotFoundException',
              targetObject: pattern,
              targetName: pattern,
              targetType: 'String',
            }),
          );
        }
        found.push(...hits);
        continue;
      }
      const re = compileWildcard(pattern);
      const hits = all.filter((c) => re.test(c.name)).sort((a, b) => (TYPE_ORDER[a.commandType] ?? 9) - (TYPE_ORDER[b.commandType] ?? 9) || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
      found.push(...hits);
    }
    let list = found.filter((c) => {
      if (types && !types.includes(c.commandType)) return false;
      if (!matchesAny(c.commandType === 'Alias' ? (resolve(c.definition)?.module ?? '') : c.module, modules)) return false;
      if (verbs || nouns) {
        // -Verb / -Noun apply to Verb-Noun commands only (not aliases).
        if (c.commandType === 'Alias' || !c.name.includes('-')) return false;
        const [verb, ...rest] = c.name.split('-');
        if (!matchesAny(verb, verbs) || !matchesAny(rest.join('-'), nouns)) return false;
      }
      return true;
    });
    if (typeof params.TotalCount === 'number' && params.TotalCount >= 0) list = list.slice(0, params.TotalCount);

    for (const c of list) {
      if (!params.Syntax) {
        ctx.write(commandObject(c, resolve));
        continue;
      }
      if (c.commandType === 'Alias') {
        const target = resolve(c.definition);
        const body = target ? syntaxOf(target) : '';
        // An alias of a script names the script's full path (a TestDrive:\ value resolved).
        const shown = target?.commandType === 'ExternalScript' ? target.definition : c.definition;
        ctx.write(`${c.name} (alias) -> ${shown}\n${body}`);
      } else {
        ctx.write(syntaxOf(c));
      }
    }
  },
});

function syntaxOf(c: CommandInfo): string {
  if (c.declaration) return definitionText(c);
  if (c.commandType === 'Function' || c.commandType === 'Filter') return `\n${functionSyntaxLines(c).join('\n\n')}\n`;
  return c.name;
}

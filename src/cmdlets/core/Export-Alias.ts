// Export-Alias (epal): writes the session's aliases to a file, as comma-separated values (the
// default) or as Set-Alias commands, under a commented header, in UTF-16 LE as 5.1 does.

import { defineCmdlet, madeInBegin, stateKey, type SessionAlias } from '../../protocol/cmdlet.js';
import { formatDate } from '../../protocol/dotnet-format.js';
import { hasWildcard } from '../../protocol/wildcard.js';
import { aliasObject, aliasTableFor } from './aliases.js';
import { commandError, encodeText, expandPath } from './file-common.js';
import { refuseClobber, resolveTarget, writeOutputFile } from './output-common.js';
import { stringsOf, wildcards } from './patterns.js';
import { SCOPE_PARAMETER, optionsText } from './variables.js';

const MATCHED = stateKey<SessionAlias[]>('export-alias.matched');

export default defineCmdlet({
  name: 'Export-Alias',
  aliases: ['epal'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Exports information about currently defined aliases to a file.',
  description:
    'The Export-Alias cmdlet exports the aliases of the session to a file: one line per alias with its ' +
    'name, definition, description and options, as comma-separated values (-As Csv, the default) or as ' +
    'Set-Alias commands (-As Script), after a header of comments. -Name picks the aliases (wildcards ' +
    'permitted); an existing file is replaced unless -Append or -NoClobber is given.',
  defaultParameterSet: 'ByPath',
  supportsShouldProcess: true,
  parameters: {
    Path: { type: 'String', sets: { ByPath: { position: 0, mandatory: true } }, help: 'Specifies the path of the output file. Wildcards are permitted but must resolve to one file.' },
    LiteralPath: { type: 'String', aliases: ['PSPath'], sets: { ByLiteralPath: { mandatory: true } }, help: 'Specifies the path of the output file, used exactly as typed.' },
    Name: { type: 'String[]', sets: { ByPath: { position: 1, fromPipelineByPropertyName: true }, ByLiteralPath: { position: 1, fromPipelineByPropertyName: true } }, help: 'Specifies the names of the aliases to export (wildcards permitted; default: all).' },
    PassThru: { type: 'Switch', help: 'Returns the exported aliases.' },
    As: { type: 'Enum', enum: { typeName: 'Microsoft.PowerShell.Commands.ExportAliasFormat', values: ['Csv', 'Script'] }, default: 'Csv', help: 'Csv (the default) or Script (Set-Alias commands).' },
    Append: { type: 'Switch', help: 'Adds the aliases to the end of the file.' },
    Force: { type: 'Switch', help: 'Overwrites a read-only file.' },
    NoClobber: { type: 'Switch', help: 'Does not overwrite an existing file.' },
    Description: { type: 'String', help: 'Adds a description to the header of the file (each line as a comment).' },
    Scope: SCOPE_PARAMETER,
  },
  outputType: ['System.Management.Automation.AliasInfo'],
  examples: [
    {
      code: "Export-Alias -Path C:\\alias.csv -Name gcm; (Get-Content C:\\alias.csv)[-1]",
      remarks: 'Exports one alias and shows its line.',
      shows: '"gcm","Get-Command","","AllScope"',
    },
    {
      code: "Export-Alias -Path C:\\alias.ps1 -Name gcm -As Script; (Get-Content C:\\alias.ps1)[-1]",
      remarks: 'Exports an alias as a Set-Alias command.',
      shows: 'set-alias -Name:"gcm" -Value:"Get-Command" -Description:"" -Option:"AllScope"',
    },
  ],
  related: ['Import-Alias', 'Get-Alias', 'Set-Alias'],
  begin(params, ctx) {
    ctx.runState(MATCHED, () => []);
    aliasTableFor(ctx, params.Scope);
  },
  process(params, ctx) {
    const matched = ctx.runState(MATCHED, madeInBegin);
    const aliases = aliasTableFor(ctx, params.Scope).list().sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
    for (const name of stringsOf(params.Name) ?? ['*']) {
      const re = wildcards(name)[0]!;
      const hits = aliases.filter((a) => re.test(a.name));
      if (!hits.length && !hasWildcard(name)) {
        ctx.writeError(
          ctx.error({
            message: `This command cannot find a matching alias because an alias with the name '${name}' does not exist.`,
            errorId: 'ItemNotFoundException',
            category: 'ObjectNotFound',
            exceptionType: 'ItemNotFoundException',
            targetObject: name,
          }),
        );
      }
      matched.push(...hits);
    }
  },
  async end(params, ctx) {
    const matched = ctx.runState(MATCHED, madeInBegin);
    const location = ctx.session.getLocation();
    let target;
    if (params.LiteralPath !== undefined) target = resolveTarget(ctx, params.LiteralPath);
    else {
      const text = params.Path ?? '';
      let found;
      try {
        found = expandPath(ctx.fs, text, location);
      } catch (err) {
        return ctx.fail(commandError(ctx, err));
      }
      if (found.length > 1) {
        ctx.fail(
          ctx.error({
            message: 'Cannot perform operation because the path resolved to more than one file. This command cannot operate on multiple files.',
            errorId: 'ReadWriteMultipleFilesNotSupported',
            category: 'InvalidArgument',
            exceptionType: 'PSArgumentException',
            targetObject: text,
          }),
        );
      }
      target = found[0] ?? resolveTarget(ctx, text);
    }
    refuseClobber(ctx, target, params);
    if (!(await ctx.shouldProcess(target.display, 'Export-Alias'))) return;
    const user = String(ctx.session.getVariable('env:USERNAME') ?? '');
    const lines = ['# Alias File', `# Exported by : ${user}`, `# Date/Time : ${formatDate(ctx.now(), 'F')}`, `# Computer : ${ctx.session.machine}`];
    if (params.Description !== undefined && params.Description !== null) lines.push('#', `# ${params.Description.replace(/\n/g, '\n# ')}`);
    for (const a of matched) {
      const fields = [a.name, a.definition, a.description ?? '', optionsText(a)];
      lines.push(params.As === 'Script' ? `set-alias -Name:"${fields[0]}" -Value:"${fields[1]}" -Description:"${fields[2]}" -Option:"${fields[3]}"` : fields.map((f) => `"${f}"`).join(','));
    }
    const append = Boolean(params.Append) && ctx.fs.exists(target);
    const preamble = !(append && (ctx.fs.stat(target)?.length ?? 0) > 0);
    writeOutputFile(ctx, target, encodeText(lines.map((l) => l + '\r\n').join(''), 'Unicode', preamble), append, params.Force);
    if (params.PassThru) for (const a of matched) ctx.write(aliasObject(ctx, a));
  },
});

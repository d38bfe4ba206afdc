// Import-Alias (ipal): makes the aliases a file of comma-separated values lists (Export-Alias's
// format: name, definition, description, options; `#` lines are comments). An alias that exists
// already, or a name that is a command, is an error unless -Force is given (5.1's ImportAliasCommand).

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { aliasExists, aliasObject, aliasTableFor, writeAlias } from './aliases.js';
import { parseCsvRecords } from './csv.js';
import { commandError, decodeText, expandPath, pathNotFound } from './file-common.js';
import { resolveTarget } from './output-common.js';
import { SCOPED_ITEM_OPTIONS, SCOPE_PARAMETER } from './variables.js';

export default defineCmdlet({
  name: 'Import-Alias',
  aliases: ['ipal'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Imports an alias list from a file.',
  description:
    'The Import-Alias cmdlet imports the aliases of a file that Export-Alias wrote (comma-separated ' +
    'values: name, definition, description, options). Aliases that already exist, and names of ' +
    'existing commands, are errors unless -Force is given.',
  defaultParameterSet: 'ByPath',
  supportsShouldProcess: true,
  parameters: {
    Path: { type: 'String', sets: { ByPath: { position: 0, mandatory: true, fromPipeline: true, fromPipelineByPropertyName: true } }, help: 'Specifies the path of the alias file.' },
    LiteralPath: { type: 'String', aliases: ['PSPath'], sets: { ByLiteralPath: { mandatory: true, fromPipelineByPropertyName: true } }, help: 'Specifies the path of the alias file, used exactly as typed.' },
    Scope: SCOPE_PARAMETER,
    PassThru: { type: 'Switch', help: 'Returns the imported aliases.' },
    Force: { type: 'Switch', help: 'Replaces aliases that exist already (except read-only and constant ones).' },
  },
  outputType: ['None', 'System.Management.Automation.AliasInfo'],
  examples: [
    {
      code: "Set-Content C:\\al.csv '\"lsd\",\"Get-ChildItem\",\"\",\"None\"'; Import-Alias C:\\al.csv; (Get-Alias lsd).Definition",
      remarks: 'Imports an alias from a file.',
      shows: 'Get-ChildItem',
    },
  ],
  related: ['Export-Alias', 'Get-Alias', 'Set-Alias'],
  async process(params, ctx) {
    aliasTableFor(ctx, params.Scope);
    const location = ctx.session.getLocation();
    const text = params.LiteralPath ?? params.Path ?? '';
    let file;
    if (params.LiteralPath !== undefined) file = resolveTarget(ctx, text);
    else {
      let found;
      try {
        found = expandPath(ctx.fs, text, location);
      } catch (err) {
        return ctx.fail(commandError(ctx, err));
      }
      if (found.length > 1) {
        ctx.fail(
          ctx.error({
            message: `Cannot import alias because path '${text}' contains wildcard characters that resolve to multiple paths. Aliases can be imported from only one file. Change the value of the Path parameter to a path that resolves to a single file.`,
            errorId: 'NotSupported',
            category: 'NotSpecified',
            exceptionType: 'NotSupportedException',
          }),
        );
      }
      file = found[0];
    }
    const st = file && ctx.fs.stat(file);
    if (!file || !st || st.isDirectory) ctx.fail(pathNotFound(ctx, file?.display ?? text));
    const lines = decodeText(ctx.fs.readBytes(file)).split(/\r?\n/);
    const imported = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (!line.trim() || line.startsWith('#')) continue;
      const values = parseCsvRecords(line)[0] ?? [];
      if (values.length !== 4) {
        ctx.fail(
          ctx.error({
            message: `Cannot import an alias. Line number ${i + 1} in the file '${file.display}' is not a properly-formatted, comma-separated values (CSV) line for aliases. Change the line to contain four values separated by commas. If the value text itself contains a comma, then the value must be contained in quotation marks.`,
            errorId: 'ImportAliasFileFormatError',
            category: 'ReadError',
            exceptionType: 'FormatException',
            targetObject: file.display,
          }),
        );
      }
      const [name, definition, description, options] = values as [string, string, string, string];
      const known = options.split(',').every((o) => SCOPED_ITEM_OPTIONS.some((k) => k.toLowerCase() === o.trim().toLowerCase()));
      if (!known) {
        ctx.writeError(
          ctx.error({
            message: `Cannot import the alias because line number ${i + 1} in the file '${file.display}' contains an option that is not recognized for aliases. Change the file to contain valid options.`,
            errorId: 'ImportAliasOptionsError',
            category: 'ReadError',
            exceptionType: 'ArgumentException',
            targetObject: file.display,
          }),
        );
        continue;
      }
      imported.push({ name, definition, description, options });
    }
    const table = aliasTableFor(ctx, params.Scope);
    for (const a of imported) {
      if (!(await ctx.shouldProcess(`Name: ${a.name} Value: ${a.definition}`, 'Import Alias'))) continue;
      if (!params.Force) {
        const command = table.get(a.name) ? undefined : ctx.session.resolveCommand(a.name);
        if (table.get(a.name) || (command && command.commandType !== 'Alias')) {
          ctx.writeError(aliasExists(ctx, a.name));
          continue;
        }
      }
      const inScope = aliasTableFor(ctx, params.Scope ?? 'Local').get(a.name);
      const made = writeAlias(ctx, table, { name: a.name, definition: a.definition, description: a.description, option: a.options, scope: params.Scope, force: Boolean(params.Force) }, inScope);
      if (made && params.PassThru) ctx.write(aliasObject(ctx, made));
    }
  },
});

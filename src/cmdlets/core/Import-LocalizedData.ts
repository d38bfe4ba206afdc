// Import-LocalizedData: a script's text for the user's UI culture. It finds
// <BaseDirectory>\<culture>\<FileName>.psd1, walking up the culture's parents (en-US → en), then
// <BaseDirectory>\<FileName>.psd1; the file runs in the restricted language (a data section: only
// ConvertFrom-StringData and the -SupportedCommand commands), and its value goes to the binding
// variable (the caller's local scope unless the name has a scope) or to the pipeline.

import { parseScript } from '../../../grammar/index.js';
import { formatMessage } from '../../../grammar/messages.js';
import { restrictedLanguageErrors } from '../../../grammar/restricted-language.js';
import type { ScriptBlockAst } from '../../../grammar/ast.js';
import { ALL_SETS, defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import { cultureInfo, currentCulture } from '../../protocol/culture.js';
import type { ErrorCategory, ErrorRecord } from '../../protocol/errors.js';
import { PSObject, ScriptBlockValue, toDisplayText } from '../../protocol/values.js';
import { decodeText } from './file-common.js';
import { joinDir, localizedCandidates } from './localized-files.js';

// The cmdlet's class has no `Command` suffix in 5.1, so its errors' FQIDs end in this.
const CLASS_NAME = 'Microsoft.PowerShell.Commands.ImportLocalizedData';

function record(ctx: CmdletContext, message: string, errorId: string, category: ErrorCategory, exceptionType: string, targetObject?: unknown): ErrorRecord {
  const r = ctx.error({ message, errorId, category, exceptionType, targetObject });
  r.commandFullName = CLASS_NAME;
  return r;
}

/** A PSInvalidOperationException the cmdlet throws (errors that stop it whatever -ErrorAction says). */
function invalidOperation(ctx: CmdletContext, message: string): never {
  return ctx.fail(record(ctx, message, 'InvalidOperation', 'InvalidOperation', 'PSInvalidOperationException'));
}

export default defineCmdlet({
  name: 'Import-LocalizedData',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Imports language-specific data into scripts and functions based on the UI culture that is selected for the operating system.',
  description:
    'The Import-LocalizedData cmdlet reads the .psd1 data file for the current UI culture (or -UICulture): ' +
    '<BaseDirectory>\\<culture>\\<FileName>.psd1, trying the parent cultures (en-US, then en) and then ' +
    '<BaseDirectory>\\<FileName>.psd1. BaseDirectory defaults to the folder of the calling script and ' +
    'FileName to its base name. The file is a data section: it may run only ConvertFrom-StringData and ' +
    'the commands -SupportedCommand names. Its value is written, or assigned to -BindingVariable in the ' +
    "caller's scope (a scope prefix such as Script: picks another).",
  parameters: {
    BindingVariable: {
      type: 'String',
      aliases: ['Variable'],
      validateNotNullOrEmpty: true,
      sets: { [ALL_SETS]: { position: 0 } },
      help: 'Specifies a variable into which the text strings are imported.',
    },
    UICulture: {
      type: 'String',
      sets: { [ALL_SETS]: { position: 1 } },
      help: 'Specifies an alternate UI culture, such as de-DE; the default is the current UI culture.',
    },
    BaseDirectory: {
      type: 'String',
      help: 'Specifies the base directory where the .psd1 files are located; the default is the directory of the calling script.',
    },
    FileName: {
      type: 'String',
      help: 'Specifies the name of the data file (.psd1) to import, without a path; the default is the base name of the calling script.',
    },
    SupportedCommand: {
      type: 'String[]',
      help: 'Specifies cmdlets and functions the data file may run besides ConvertFrom-StringData.',
    },
  },
  outputType: ['System.Collections.Hashtable'],
  examples: [
    {
      setup:
        "New-Item C:\\Loc\\de-DE -ItemType Directory -Force | Out-Null; Set-Content C:\\Loc\\de-DE\\Messages.psd1 \"ConvertFrom-StringData 'Done = Fertig'\"; " +
        "Set-Content C:\\Loc\\Messages.psd1 \"ConvertFrom-StringData 'Done = Finished'\"",
      code: '(Import-LocalizedData -BaseDirectory C:\\Loc -FileName Messages -UICulture de-DE).Done',
      remarks: 'Reads the German strings: C:\\Loc\\de-DE\\Messages.psd1.',
      shows: 'Fertig',
    },
    {
      setup: "New-Item C:\\Loc -ItemType Directory -Force | Out-Null; Set-Content C:\\Loc\\Messages.psd1 \"ConvertFrom-StringData 'Done = Finished'\"",
      code: 'Import-LocalizedData -BindingVariable Text -BaseDirectory C:\\Loc -FileName Messages -UICulture fr-FR; $Text.Done',
      remarks: 'No fr-FR or fr folder: the file in the base directory is used, and the strings go to $Text.',
      shows: 'Finished',
    },
  ],
  related: ['ConvertFrom-StringData'],
  async process(params, ctx) {
    const scriptPath = toDisplayText(ctx.session.getVariable('PSCommandPath') ?? '');
    const given = params.FileName;
    if (!given && !scriptPath) {
      invalidOperation(ctx, 'The FileName parameter was not specified. The FileName parameter is required when Import-LocalizedData is not called from a script file.');
    }
    if (given && /[\\/]/.test(given)) invalidOperation(ctx, 'The argument for the FileName parameter should not contain a path.');
    const location = ctx.session.getLocation();
    const scriptDir = scriptPath.includes('\\') ? scriptPath.slice(0, scriptPath.lastIndexOf('\\')) : '';
    const dir = params.BaseDirectory || scriptDir || location;
    const leaf = (given || scriptPath.slice(scriptPath.lastIndexOf('\\') + 1)).replace(/\.[^.]*$/, '');
    const fullFileName = `${leaf}.psd1`;

    let culture: PSObject;
    if (params.UICulture === undefined) culture = currentCulture(ctx.services, 'ui');
    else {
      const found = cultureInfo(params.UICulture);
      if (!found) {
        const message = 'Cannot process argument because the value of argument "Culture" is not valid. Change the value of the "Culture" argument and run the operation again.';
        return ctx.fail(record(ctx, message, 'Argument', 'InvalidArgument', 'PSArgumentException'));
      }
      culture = found;
    }
    const cultureName = toDisplayText(culture.get('Name'));
    const candidates = localizedCandidates(dir, fullFileName, culture, params.UICulture === undefined);
    const path = candidates.map((c) => ctx.fs.resolve(c, location)).find((p) => ctx.fs.stat(p)?.isDirectory === false);
    if (!path) {
      const where = joinDir(dir, cultureName);
      const message = `Cannot find the PowerShell data file '${fullFileName}' in directory '${where}', or in any parent culture directories.`;
      ctx.writeError(record(ctx, message, 'ImportLocalizedData', 'ObjectNotFound', 'PSInvalidOperationException', joinDir(where, fullFileName)));
      return;
    }

    const text = decodeText(ctx.fs.readBytes(path));
    const loadingError = (reason: string) =>
      invalidOperation(ctx, `The following error occurred while PowerShell was loading the '${path.display}' script data file:\n${reason}.`);
    const parsed = parseScript(text);
    if (parsed.errors[0]) loadingError(parsed.errors[0].message);
    const allowed = ['ConvertFrom-StringData', ...(params.SupportedCommand ?? []).map((c) => c ?? '')];
    const violation = restrictedLanguageErrors(parsed.ast as ScriptBlockAst, allowed, [], false)[0];
    if (violation) loadingError(formatMessage(violation.id, violation.args));
    const items = await ctx.invoke(new ScriptBlockValue(parsed.ast, text));
    const result = items.length === 0 ? null : items.length === 1 ? items[0] : items;

    if (params.BindingVariable === undefined) {
      ctx.write(result, false);
      return;
    }
    const variable = params.BindingVariable;
    const scoped = /^(global|script|local|private):(.*)$/is.exec(variable);
    if (scoped ? !scoped[2] : variable.endsWith(':')) {
      ctx.writeError(record(ctx, `The BindingVariable name '${variable}' is invalid.`, 'ImportLocalizedData', 'InvalidArgument', 'PSInvalidOperationException', variable));
      return;
    }
    ctx.session.setVariable(variable, result);
  },
});

// Export-Csv: objects to a CSV file on the lab drive (5.1: `#TYPE` line, ASCII by default).

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { decodeText, encodeText } from './file-common.js';
import { csvDelimiter, csvHeader, toCsvLines } from './csv.js';
import { propertyNames } from '../../format/index.js';
import { buffer, collect, refuseClobber, resolveTarget, writeOutputFile } from './output-common.js';

export default defineCmdlet({
  name: 'Export-Csv',
  aliases: ['epcsv'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Converts objects into a series of comma-separated value (CSV) strings and saves the strings to a file.',
  description:
    'The Export-Csv cmdlet writes the input objects to a CSV file: in Windows PowerShell 5.1 a "#TYPE <type ' +
    'name>" line first (omitted with -NoTypeInformation), a header with the property names of the first ' +
    'object, then one line per object with every value in double quotes. The default encoding is ASCII. ' +
    '-Append adds lines to an existing file without a second header.',
  defaultParameterSet: 'Delimiter',
  supportsShouldProcess: true,
  parameters: {
    Path: { type: 'String', sets: { [ALL_SETS]: { position: 0 } }, help: 'Specifies the path of the CSV file.' },
    LiteralPath: { type: 'String', aliases: ['PSPath'], help: 'Specifies the path of the CSV file, used exactly as typed.' },
    InputObject: {
      type: 'PSObject',
      sets: { [ALL_SETS]: { mandatory: true, fromPipeline: true } },
      help: 'Specifies the objects to export.',
    },
    Delimiter: { type: 'Char', sets: { Delimiter: { position: 1 } }, help: 'Specifies the character between values. Default: comma.' },
    UseCulture: { type: 'Switch', sets: { UseCulture: {} }, help: "Uses the current culture's list separator ((Get-Culture).TextInfo.ListSeparator) as the delimiter." },
    NoTypeInformation: { type: 'Switch', aliases: ['NTI'], help: 'Omits the #TYPE line.' },
    Append: { type: 'Switch', help: 'Adds the lines to the end of an existing file, without a header.' },
    Force: { type: 'Switch', help: 'Overwrites a read-only file.' },
    NoClobber: { type: 'Switch', aliases: ['NoOverwrite'], help: 'Does not overwrite an existing file: the command fails instead.' },
    Encoding: {
      type: 'String',
      validateSet: ['Unicode', 'UTF7', 'UTF8', 'ASCII', 'UTF32', 'BigEndianUnicode', 'Default', 'OEM'],
      default: 'ASCII',
      help: 'Specifies the encoding of the file. Default: ASCII.',
    },
  },
  outputType: [],
  examples: [
    {
      code: "[pscustomobject]@{Name='ex01'; Version=8} | Export-Csv C:\\servers.csv; Get-Content C:\\servers.csv",
      remarks: 'Exports an object; the file starts with the #TYPE line.',
      shows: '#TYPE System.Management.Automation.PSCustomObject\n"Name","Version"\n"ex01","8"',
    },
    {
      code: "[pscustomobject]@{Name='ex01'} | Export-Csv C:\\n.csv -NoTypeInformation; Import-Csv C:\\n.csv",
      remarks: 'Exports without the type line and imports the file again.',
      shows: 'Name\n----\nex01',
    },
  ],
  related: ['Import-Csv', 'ConvertTo-Csv'],
  process(params, ctx) {
    collect(params, ctx);
  },
  async end(params, ctx) {
    const path = params.LiteralPath ?? params.Path;
    if (path === undefined || path === null) {
      return ctx.fail(
        ctx.error({
          message: 'Cannot perform operation because the path resolved to more than one file. This command cannot operate on multiple files.',
          errorId: 'CannotSpecifyPathAndLiteralPath',
          category: 'InvalidData',
          exceptionType: 'InvalidOperationException',
        }),
      );
    }
    const target = resolveTarget(ctx, path);
    const exists = ctx.fs.exists(target);
    refuseClobber(ctx, target, params);
    if (!(await ctx.shouldProcess(target.display))) return;
    const encoding = params.Encoding ?? 'ASCII';
    const existing = exists && params.Append ? decodeText(ctx.fs.readBytes(target)) : '';
    const hasContent = existing.trim().length > 0;
    const delimiter = csvDelimiter(params, ctx);
    const objects = buffer(ctx).filter((o) => o !== null && o !== undefined);
    // Appending writes under the file's columns: one the objects lack stops the command (5.1's
    // CannotAppendCsvWithMismatchedPropertyNames) unless -Force, which writes it empty.
    const names = hasContent ? csvHeader(existing, delimiter) : undefined;
    if (names && objects.length) {
      const have = new Set(propertyNames(objects[0]).map((n) => n.toLowerCase()));
      const missing = names.find((n) => !have.has(n.toLowerCase()));
      if (missing !== undefined && !params.Force) {
        return ctx.fail(
          ctx.error({
            message: `Cannot append CSV content to the following file: ${path}. The appended object does not have a property that corresponds to the following column: ${missing}. To continue with mismatched properties, add the -Force parameter, and then retry the command.`,
            errorId: 'CannotAppendCsvWithMismatchedPropertyNames',
            category: 'InvalidData',
            exceptionType: 'InvalidOperationException',
            targetObject: missing,
          }),
        );
      }
    }
    const lines = toCsvLines(objects, { delimiter, noTypeInformation: params.NoTypeInformation, noHeader: hasContent, names });
    const text = lines.map((l) => l + '\r\n').join('');
    writeOutputFile(ctx, target, encodeText(text, encoding, !hasContent), Boolean(params.Append) && exists, params.Force);
  },
});

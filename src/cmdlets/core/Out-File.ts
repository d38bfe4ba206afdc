// Out-File: the formatted text of the input (as the console shows it) written to a file on the
// lab drive. Windows PowerShell 5.1 writes UTF-16 LE with a byte order mark by default.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { outStringLines } from '../../format/index.js';
import { encodeText } from './file-common.js';
import { INPUT_OBJECT, buffer, collect, refuseClobber, resolveTarget, writeOutputFile } from './output-common.js';

export const OUT_FILE_ENCODINGS = ['unknown', 'string', 'unicode', 'bigendianunicode', 'utf8', 'utf7', 'utf32', 'ascii', 'default', 'oem'] as const;

export default defineCmdlet({
  name: 'Out-File',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Sends output to a file.',
  description:
    'The Out-File cmdlet sends output to a file: the same text the console would show, tables and lists ' +
    'included, with lines as wide as -Width (default: the console width). The default encoding is Unicode ' +
    '(UTF-16 little endian with a byte order mark), as in Windows PowerShell 5.1. -Append adds to the end of ' +
    'an existing file; -NoClobber refuses to overwrite one.',
  defaultParameterSet: 'ByPath',
  supportsShouldProcess: true,
  parameters: {
    FilePath: {
      type: 'String',
      aliases: ['Path'],
      sets: { ByPath: { position: 0, mandatory: true } },
      help: 'Specifies the path of the output file.',
    },
    LiteralPath: {
      type: 'String',
      aliases: ['PSPath'],
      sets: { ByLiteralPath: { mandatory: true } },
      help: 'Specifies the path of the output file, used exactly as typed.',
    },
    Encoding: {
      type: 'String',
      sets: { ByPath: { position: 1 }, ByLiteralPath: { position: 1 } },
      validateSet: OUT_FILE_ENCODINGS,
      default: 'Unicode',
      help: 'Specifies the character encoding: Unicode (default), UTF8 (with a byte order mark), ASCII, UTF32, BigEndianUnicode, Default, OEM, UTF7, String.',
    },
    Append: { type: 'Switch', help: 'Adds the output to the end of an existing file.' },
    Force: { type: 'Switch', help: 'Overwrites a read-only file.' },
    NoClobber: { type: 'Switch', aliases: ['NoOverwrite'], help: 'Does not overwrite an existing file: the command fails instead.' },
    Width: { type: 'Int32', validateRange: [2, 2147483647], help: 'Specifies the number of characters in each line of output.' },
    NoNewline: { type: 'Switch', help: 'Writes the lines without newlines between or after them.' },
    InputObject: INPUT_OBJECT,
  },
  outputType: [],
  examples: [
    {
      code: "'line one' | Out-File C:\\out-example.txt; Get-Content C:\\out-example.txt",
      remarks: 'Writes a string to a file (UTF-16 LE with BOM) and reads it back.',
      shows: 'line one',
    },
    {
      code: "'a' | Out-File C:\\append.txt -Encoding ASCII; 'b' | Out-File C:\\append.txt -Append -Encoding ASCII; Get-Content C:\\append.txt",
      remarks: 'Appends a second line to an ASCII file.',
      shows: 'a\nb',
    },
  ],
  related: ['Out-String', 'Set-Content', 'Get-Content'],
  process(params, ctx) {
    collect(params, ctx);
  },
  async end(params, ctx) {
    // Each parameter set has one of the two as a mandatory parameter.
    const path = params.LiteralPath ?? params.FilePath ?? '';
    const target = resolveTarget(ctx, path);
    const exists = ctx.fs.exists(target);
    refuseClobber(ctx, target, params);
    if (!(await ctx.shouldProcess(target.display, 'Output to File'))) return;
    const lines = outStringLines(buffer(ctx), params.Width ?? ctx.host.width);
    const text = params.NoNewline ? lines.join('') : lines.map((l) => l + '\r\n').join('');
    const encoding = !params.Encoding || /^(unknown|string)$/i.test(params.Encoding) ? 'Unicode' : params.Encoding;
    // Appending to a file that has content writes no second byte order mark (.NET StreamWriter).
    const append = Boolean(params.Append) && exists;
    const preamble = !(append && (ctx.fs.stat(target)?.length ?? 0) > 0);
    writeOutputFile(ctx, target, encodeText(text, encoding, preamble), append, params.Force);
  },
});

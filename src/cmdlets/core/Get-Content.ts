// Get-Content: a file's lines as strings, or its bytes with -Encoding Byte. With
// `-Encoding Byte -ReadCount 0` it writes ONE byte array, which is how admins feed
// Import-ExchangeCertificate -FileData.

import { ALL_SETS, defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import { splitLines } from '../../protocol/text-codec.js';
import { TerminatingError } from '../../protocol/errors.js';
import { attempt, decodeText, ENCODING_PARAMETER, existingItems, pathParameters } from './file-common.js';

export default defineCmdlet({
  name: 'Get-Content',
  aliases: ['gc', 'cat', 'type'],
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Gets the content of the item at the specified location.',
  description:
    'The Get-Content cmdlet reads a file on the lab drive and writes one string per line. ' +
    '-Raw writes the whole text as one string. -TotalCount and -Tail pick the first or last lines. ' +
    '-ReadCount sends lines in blocks (0 sends everything as one array). -Encoding Byte reads ' +
    'raw bytes: with -ReadCount 0 the result is a single byte array, the form ' +
    'Import-ExchangeCertificate -FileData expects. Byte order marks (UTF-8, UTF-16) are honoured.',
  defaultParameterSet: 'Path',
  parameters: {
    ...pathParameters({ mandatory: true, pathHelp: 'Specifies the path to one or more files.' }),
    ReadCount: {
      type: 'Int64',
      sets: { [ALL_SETS]: { fromPipelineByPropertyName: true } },
      help: 'Specifies how many lines (or bytes) are sent through the pipeline at a time. 0 sends all of them at once.',
      default: 1,
    },
    TotalCount: {
      type: 'Int64',
      aliases: ['First', 'Head'],
      sets: { [ALL_SETS]: { fromPipelineByPropertyName: true } },
      help: 'Specifies the number of lines (or bytes) from the beginning of the file.',
      default: -1,
    },
    Tail: {
      type: 'Int32',
      aliases: ['Last'],
      help: 'Specifies the number of lines (or bytes) from the end of the file.',
    },
    Raw: { type: 'Switch', help: 'Ignores newline characters and returns the entire contents of a file in one string.' },
    Encoding: ENCODING_PARAMETER,
    Force: { type: 'Switch', help: 'Accepted for compatibility; the lab drive has no hidden files.' },
    Stream: { type: 'String', help: 'Reads the given alternate data stream of the file (NTFS), such as Zone.Identifier, instead of its content.' },
  },
  outputType: ['System.String', 'System.Byte'],
  examples: [
    {
      setup: "Set-Content C:\\demo.txt 'hello'",
      code: 'Get-Content C:\\demo.txt',
      remarks: 'Reads a text file line by line.',
      shows: 'hello',
    },
    {
      setup: "Set-Content C:\\lines.txt 'one','two','three'",
      code: 'Get-Content C:\\lines.txt -Tail 2',
      remarks: 'Shows the last two lines of a file.',
      shows: 'two\nthree',
    },
    {
      setup: "Set-Content C:\\demo.bin -Value 1,2,3 -Encoding Byte",
      code: '$bytes = Get-Content C:\\demo.bin -Encoding Byte -ReadCount 0; $bytes.Length',
      remarks: 'Reads a whole file as one byte array, as for Import-ExchangeCertificate -FileData.',
      shows: '3',
    },
  ],
  related: ['Set-Content', 'Add-Content', 'Get-ChildItem'],
  process(params, ctx) {
    for (const entry of existingItems(ctx, params)) {
      if (entry.isDirectory) {
        ctx.writeError(
          ctx.error({
            message: `Access to the path '${entry.path.display}' is denied.`,
            errorId: 'GetContentReaderUnauthorizedAccessError',
            category: 'PermissionDenied',
            exceptionType: 'UnauthorizedAccessException',
            targetObject: entry.path.display,
          }),
        );
        continue;
      }
      const stream = params.Stream ?? undefined;
      const bytes = attempt(ctx, () => {
        if (stream === undefined) return ctx.fs.readBytes(entry.path);
        try {
          return ctx.fs.readBytes(ctx.fs.stream(entry.path, stream));
        } catch (err) {
          // A file without the stream: the provider's content reader finds no file to open.
          if (!(err instanceof TerminatingError) || err.record.exceptionType !== 'FileNotFoundException') throw err;
          ctx.writeError(ctx.error({ message: err.record.message, errorId: 'GetContentReaderFileNotFoundError', category: 'ObjectNotFound', exceptionType: 'FileNotFoundException', targetObject: entry.path.display }));
          return undefined;
        }
      });
      if (bytes) writeContent(bytes, params, ctx);
    }
  },
});

interface ContentOptions {
  ReadCount: number;
  TotalCount: number;
  Tail?: number;
  Raw?: boolean;
  Encoding?: string;
}

function writeContent(bytes: Uint8Array, params: ContentOptions, ctx: CmdletContext): void {
  const isByte = params.Encoding?.toLowerCase() === 'byte';
  if (isByte) {
    const picked = pick(Array.from(bytes), params);
    if (params.Raw) return ctx.write(Uint8Array.from(picked));
    const readCount = params.ReadCount;
    if (readCount === 1 || picked.length === 0) return ctx.write(picked, true);
    // ReadCount 0 (or > 1): blocks of bytes, each a byte[] — one for the whole file with 0.
    const size = readCount <= 0 ? picked.length : readCount;
    for (let i = 0; i < picked.length; i += size) ctx.write(Uint8Array.from(picked.slice(i, i + size)));
    return;
  }
  const text = decodeText(bytes, params.Encoding);
  if (params.Raw) {
    if (text !== '') ctx.write(text);
    return;
  }
  const lines = pick(splitLines(text), params);
  const readCount = params.ReadCount;
  if (readCount === 1 || lines.length === 0) return ctx.write(lines, true);
  const size = readCount <= 0 ? lines.length : readCount;
  for (let i = 0; i < lines.length; i += size) ctx.write(lines.slice(i, i + size));
}

/** -TotalCount then -Tail, as the provider applies them. */
function pick<T>(items: T[], params: ContentOptions): T[] {
  let out = items;
  if (params.TotalCount !== undefined && params.TotalCount >= 0) out = out.slice(0, params.TotalCount);
  if (params.Tail !== undefined && params.Tail >= 0) out = params.Tail === 0 ? [] : out.slice(-params.Tail);
  return out;
}

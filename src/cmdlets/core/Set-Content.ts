// Set-Content: replaces a file's content with the given values, one line each (CRLF).

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { beginContent, writeContent } from './content-writer.js';
import { ENCODING_PARAMETER, pathParameters } from './file-common.js';

export default defineCmdlet({
  name: 'Set-Content',
  aliases: ['sc'],
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Writes new content or replaces existing content in a file.',
  description:
    'The Set-Content cmdlet writes the given values to a file on the lab drive, replacing what was ' +
    'there, one value per line (Windows line endings). Objects piped in are written one after the ' +
    'other. -Encoding Byte writes byte arrays or numbers as raw bytes. In Windows PowerShell 5.1 ' +
    'the default encoding is the ANSI code page; emsh writes UTF-8 without a byte order mark.',
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    ...pathParameters({ mandatory: true, pathHelp: 'Specifies the path of the file to write.' }),
    Value: {
      type: 'Object[]',
      allowNull: true,
      allowEmptyString: true,
      sets: { [ALL_SETS]: { position: 1, mandatory: true, fromPipeline: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the new content.',
    },
    Encoding: ENCODING_PARAMETER,
    NoNewline: { type: 'Switch', help: 'Writes the values without newlines or separators between them.' },
    PassThru: { type: 'Switch', help: 'Writes the content that was written to the pipeline.' },
    Force: { type: 'Switch', help: 'Writes a read-only file too (its ReadOnly attribute stays set).' },
    Stream: { type: 'String', help: 'Writes the given alternate data stream of the file (NTFS), such as Zone.Identifier, instead of its content; the file is made when there is none.' },
  },
  outputType: ['System.Object'],
  examples: [
    {
      code: "Set-Content C:\\demo.txt 'hello'; Get-Content C:\\demo.txt",
      remarks: 'Writes one line to a file and reads it back.',
      shows: 'hello',
    },
    {
      code: "'a','b' | Set-Content C:\\list.txt; (Get-Content C:\\list.txt).Count",
      remarks: 'Writes piped strings, one per line.',
      shows: '2',
    },
  ],
  related: ['Get-Content', 'Add-Content', 'Out-File'],
  begin(_params, ctx) {
    beginContent(ctx);
  },
  async process(params, ctx) {
    await writeContent(params, ctx, { append: false, action: 'Set Content' });
  },
});

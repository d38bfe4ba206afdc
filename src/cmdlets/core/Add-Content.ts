// Add-Content: appends values to a file, one line each (CRLF); creates the file if needed.

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { beginContent, writeContent } from './content-writer.js';
import { ENCODING_PARAMETER, pathParameters } from './file-common.js';

export default defineCmdlet({
  name: 'Add-Content',
  aliases: ['ac'],
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Adds content to the specified items, such as adding words to a file.',
  description:
    'The Add-Content cmdlet appends the given values to a file on the lab drive, one value per line ' +
    '(Windows line endings), creating the file when it does not exist. -Encoding Byte appends raw ' +
    'bytes. The default encoding is UTF-8 without a byte order mark (5.1 uses the ANSI code page).',
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    ...pathParameters({ mandatory: true, pathHelp: 'Specifies the path of the file to add to.' }),
    Value: {
      type: 'Object[]',
      allowNull: true,
      allowEmptyString: true,
      sets: { [ALL_SETS]: { position: 1, mandatory: true, fromPipeline: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the content to add.',
    },
    Encoding: ENCODING_PARAMETER,
    NoNewline: { type: 'Switch', help: 'Adds the values without newlines or separators between them.' },
    PassThru: { type: 'Switch', help: 'Writes the added content to the pipeline.' },
    Force: { type: 'Switch', help: 'Writes a read-only file too (its ReadOnly attribute stays set).' },
    Stream: { type: 'String', help: 'Adds to the given alternate data stream of the file (NTFS), such as Zone.Identifier, instead of its content; the file is made when there is none.' },
  },
  outputType: ['System.Object'],
  examples: [
    {
      setup: "Set-Content C:\\log.txt 'first'",
      code: "Add-Content C:\\log.txt 'second'; Get-Content C:\\log.txt",
      remarks: 'Appends a line to a file.',
      shows: 'first\nsecond',
    },
  ],
  related: ['Set-Content', 'Get-Content'],
  begin(_params, ctx) {
    beginContent(ctx);
  },
  async process(params, ctx) {
    await writeContent(params, ctx, { append: true, action: 'Add Content' });
  },
});

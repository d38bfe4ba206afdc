// Import-Csv: a CSV file on the lab drive to objects whose property values are strings.

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { attempt, decodeText } from './file-common.js';
import { csvDelimiter, fromCsv, warnUnnamedOnce } from './csv.js';
import { stringsOf } from './patterns.js';

export default defineCmdlet({
  name: 'Import-Csv',
  aliases: ['ipcsv'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Creates table-like custom objects from the items in a CSV file.',
  description:
    'The Import-Csv cmdlet reads a CSV file and writes one object per line after the header: the header (or ' +
    '-Header) gives the property names and every value is a string. A "#TYPE" first line, as Export-Csv ' +
    'writes in Windows PowerShell 5.1, is skipped.',
  defaultParameterSet: 'Delimiter',
  parameters: {
    Path: { type: 'String[]', sets: { [ALL_SETS]: { position: 0, fromPipeline: true } }, help: 'Specifies the path of the CSV file.' },
    LiteralPath: {
      type: 'String[]',
      aliases: ['PSPath'],
      sets: { [ALL_SETS]: { fromPipelineByPropertyName: true } },
      help: 'Specifies the path of the CSV file, used exactly as typed.',
    },
    Delimiter: { type: 'Char', sets: { Delimiter: { position: 1 } }, help: 'Specifies the character between values. Default: comma.' },
    UseCulture: { type: 'Switch', sets: { UseCulture: { mandatory: true } }, help: "Uses the current culture's list separator ((Get-Culture).TextInfo.ListSeparator) as the delimiter." },
    Header: { type: 'String[]', help: 'Specifies the property names; the first line of the file is then data too.' },
    Encoding: {
      type: 'String',
      validateSet: ['Unicode', 'UTF7', 'UTF8', 'ASCII', 'UTF32', 'BigEndianUnicode', 'Default', 'OEM'],
      help: 'Specifies the encoding of the file when it has no byte order mark.',
    },
  },
  outputType: ['System.Management.Automation.PSCustomObject'],
  examples: [
    {
      code: "Set-Content C:\\certs.csv 'Name,Days','web,30'; Import-Csv C:\\certs.csv",
      remarks: 'Reads a CSV file into objects.',
      shows: 'Name Days\n---- ----\nweb  30',
    },
  ],
  related: ['Export-Csv', 'ConvertFrom-Csv'],
  process(params, ctx) {
    const paths = stringsOf(params.LiteralPath ?? params.Path) ?? [];
    for (const p of paths) {
      const text = attempt(ctx, () => decodeText(ctx.fs.readBytes(ctx.fs.resolve(p, ctx.session.getLocation())), params.Encoding ?? undefined));
      if (text === undefined) continue;
      for (const o of fromCsv(text, { delimiter: csvDelimiter(params, ctx), header: params.Header, unnamed: warnUnnamedOnce(ctx) })) ctx.write(o);
    }
  },
});

// ConvertTo-Csv: objects to CSV strings (the text Export-Csv would write), one string per line.

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { csvDelimiter, toCsvLines } from './csv.js';
import { buffer, collect } from './output-common.js';

export default defineCmdlet({
  name: 'ConvertTo-Csv',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Converts objects into a series of comma-separated value (CSV) strings.',
  description:
    'The ConvertTo-Csv cmdlet returns the CSV text of the input objects, one string per line: in Windows ' +
    'PowerShell 5.1 a "#TYPE <type name>" line first (omitted with -NoTypeInformation), then a header with ' +
    'the property names of the first object, then one line per object with every value in double quotes.',
  defaultParameterSet: 'Delimiter',
  parameters: {
    InputObject: {
      type: 'PSObject',
      sets: { [ALL_SETS]: { position: 0, mandatory: true, fromPipeline: true } },
      help: 'Specifies the objects to convert.',
    },
    Delimiter: { type: 'Char', sets: { Delimiter: { position: 1 } }, help: 'Specifies the character between values. Default: comma.' },
    UseCulture: { type: 'Switch', sets: { UseCulture: {} }, help: "Uses the current culture's list separator ((Get-Culture).TextInfo.ListSeparator) as the delimiter." },
    NoTypeInformation: { type: 'Switch', aliases: ['NTI'], help: 'Omits the #TYPE line.' },
  },
  outputType: ['System.String'],
  examples: [
    {
      code: "[pscustomobject]@{Name='ex01'; Role='Mailbox'} | ConvertTo-Csv -NoTypeInformation",
      remarks: 'Converts an object to a header line and a data line.',
      shows: '"Name","Role"\n"ex01","Mailbox"',
    },
    {
      code: "[pscustomobject]@{A=1} | ConvertTo-Csv",
      remarks: 'Windows PowerShell 5.1 starts with the type line.',
      shows: '#TYPE System.Management.Automation.PSCustomObject',
    },
  ],
  related: ['ConvertFrom-Csv', 'Export-Csv', 'Import-Csv'],
  process(params, ctx) {
    collect(params, ctx);
  },
  end(params, ctx) {
    const lines = toCsvLines(buffer(ctx), { delimiter: csvDelimiter(params, ctx), noTypeInformation: params.NoTypeInformation });
    for (const l of lines) ctx.write(l);
  },
});

// ConvertFrom-Csv: CSV strings to objects whose properties are the header's names (all strings).

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { toDisplayText } from '../../protocol/values.js';
import { csvDelimiter, fromCsv, warnUnnamedOnce } from './csv.js';
import { buffer } from './output-common.js';

export default defineCmdlet({
  name: 'ConvertFrom-Csv',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Converts object properties in comma-separated value (CSV) format into CSV versions of the original objects.',
  description:
    'The ConvertFrom-Csv cmdlet turns CSV lines into objects: the first line (or -Header) gives the property ' +
    'names, each further line one object whose property values are strings. A "#TYPE" first line is skipped.',
  defaultParameterSet: 'Delimiter',
  parameters: {
    InputObject: {
      type: 'String[]',
      sets: { [ALL_SETS]: { position: 0, mandatory: true, fromPipeline: true } },
      help: 'Specifies the CSV strings to convert.',
    },
    Delimiter: { type: 'Char', sets: { Delimiter: { position: 1 } }, help: 'Specifies the character between values. Default: comma.' },
    UseCulture: { type: 'Switch', sets: { UseCulture: { mandatory: true } }, help: "Uses the current culture's list separator ((Get-Culture).TextInfo.ListSeparator) as the delimiter." },
    Header: { type: 'String[]', help: 'Specifies the property names; the first line is then data too.' },
  },
  outputType: ['System.Management.Automation.PSCustomObject'],
  examples: [
    {
      code: "'Name,Port','smtp,25' | ConvertFrom-Csv",
      remarks: 'Turns two CSV lines into one object.',
      shows: 'Name Port\n---- ----\nsmtp 25',
    },
  ],
  related: ['ConvertTo-Csv', 'Import-Csv'],
  process(params, ctx) {
    const v = params.InputObject;
    for (const s of Array.isArray(v) ? v : [v]) buffer(ctx).push(toDisplayText(s));
  },
  end(params, ctx) {
    const text = (buffer(ctx) as string[]).join('\n');
    for (const o of fromCsv(text, { delimiter: csvDelimiter(params, ctx), header: params.Header, unnamed: warnUnnamedOnce(ctx) })) ctx.write(o);
  },
});

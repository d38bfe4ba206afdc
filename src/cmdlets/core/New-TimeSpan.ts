// New-TimeSpan: a System.TimeSpan from two dates (-Start, -End; both default to now by the lab
// clock) or from days, hours, minutes and seconds (5.1 has no -Milliseconds).

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { timeSpan } from '../../protocol/operators.js';

export default defineCmdlet({
  name: 'New-TimeSpan',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Creates a TimeSpan object.',
  description:
    'The New-TimeSpan cmdlet creates a TimeSpan object: the time from -Start to -End (each defaults to ' +
    'the current date and time of the lab clock), or a span of -Days, -Hours, -Minutes and -Seconds.',
  defaultParameterSet: 'Date',
  parameters: {
    Start: {
      type: 'DateTime',
      aliases: ['LastWriteTime'],
      sets: { Date: { position: 0, fromPipelineByPropertyName: true } },
      help: 'Specifies the start of the span. Default: now.',
    },
    End: { type: 'DateTime', sets: { Date: { position: 1 } }, help: 'Specifies the end of the span. Default: now.' },
    Days: { type: 'Int32', sets: { Time: {} }, help: 'Specifies the days of the span.' },
    Hours: { type: 'Int32', sets: { Time: {} }, help: 'Specifies the hours of the span.' },
    Minutes: { type: 'Int32', sets: { Time: {} }, help: 'Specifies the minutes of the span.' },
    Seconds: { type: 'Int32', sets: { Time: {} }, help: 'Specifies the seconds of the span.' },
  },
  outputType: ['System.TimeSpan'],
  examples: [
    { code: '(New-TimeSpan -Days 1 -Hours 12).TotalHours', remarks: 'A span of a day and a half.', shows: '36' },
    { code: "(New-TimeSpan -Start '2026-01-01' -End '2026-03-01').Days", remarks: 'The days between two dates.', shows: '59' },
  ],
  related: ['Get-Date'],
  process(params, ctx) {
    if (ctx.parameterSetName === 'Time') {
      const { Days = 0, Hours = 0, Minutes = 0, Seconds = 0 } = params;
      ctx.write(timeSpan(((Days * 24 + Hours) * 60 + Minutes) * 60000 + Seconds * 1000));
      return;
    }
    const now = ctx.now();
    const start = params.Start instanceof Date ? params.Start : now;
    const end = params.End instanceof Date ? params.End : now;
    ctx.write(timeSpan(end.getTime() - start.getTime()));
  },
});

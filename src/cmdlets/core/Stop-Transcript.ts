// Stop-Transcript: stops the transcript Start-Transcript started.

import { defineCmdlet } from '../../protocol/cmdlet.js';

export default defineCmdlet({
  name: 'Stop-Transcript',
  module: 'Microsoft.PowerShell.Host',
  synopsis: 'Stops a transcript.',
  description: 'The Stop-Transcript cmdlet stops the transcript started by Start-Transcript and tells which file holds it.',
  parameters: {},
  outputType: ['System.String'],
  examples: [
    {
      code: 'Start-Transcript -Path C:\\session.txt; Stop-Transcript',
      remarks: 'Records a session and stops.',
      shows: 'Transcript stopped, output file is C:\\session.txt',
    },
  ],
  related: ['Start-Transcript'],
  process(_params, ctx) {
    const path = ctx.session.stopTranscript();
    if (!path) {
      return ctx.fail(
        ctx.error({
          message: 'An error occurred stopping transcription: The host is not currently transcribing.',
          errorId: 'InvalidOperation',
          category: 'InvalidOperation',
          exceptionType: 'PSInvalidOperationException',
        }),
      );
    }
    ctx.write(`Transcript stopped, output file is ${path.display}`);
  },
});

// Write-Information: writes a message to the information stream (stream 6, PowerShell 5.0+).
// The record (an InformationRecord holding the object and the tags) is always written
// (redirection, -InformationVariable and [powershell]'s Streams.Information see it);
// the host shows it only when $InformationPreference or -InformationAction is Continue.

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';

export default defineCmdlet({
  name: 'Write-Information',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Specifies how PowerShell handles information stream data for a command.',
  description:
    'The Write-Information cmdlet writes a message to the information stream. By default ($InformationPreference SilentlyContinue) the message is not shown; ' +
    'it is shown when $InformationPreference or -InformationAction is Continue, and it can be redirected with 6> or 6>&1.',
  parameters: {
    MessageData: {
      type: 'Object',
      aliases: ['Msg', 'Message'],
      allowNull: true,
      sets: { [ALL_SETS]: { position: 0, mandatory: true, fromPipeline: true } },
      help: 'Specifies the message to write to the information stream.',
    },
    Tags: { type: 'String[]', sets: { [ALL_SETS]: { position: 1 } }, help: 'Specifies tags that identify the message, for filtering.' },
  },
  examples: [
    {
      code: "Write-Information 'Certificate store read.' -InformationAction Continue",
      remarks: 'Writes an information message and shows it because of -InformationAction Continue.',
      shows: 'Certificate store read.',
    },
  ],
  related: ['Write-Host', 'Write-Verbose', 'Write-Warning'],
  process(params, ctx) {
    ctx.writeInformation(params.MessageData, params.Tags ?? []);
  },
});

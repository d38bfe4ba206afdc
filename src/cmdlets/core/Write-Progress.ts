// Write-Progress: reports an activity's progress to the host. The interactive shell draws it as
// 5.1's console host does (a progress pane at the top of the live region, src/ui/progress.ts);
// scripts (-Command, -File, piped input) have no progress display, so there it shows nothing.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { toDisplayText } from '../../protocol/values.js';

const INT_MAX = 2147483647;

export default defineCmdlet({
  name: 'Write-Progress',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Displays a progress bar within a PowerShell command window.',
  description:
    'The Write-Progress cmdlet displays a progress bar that shows the status of a running command or script: ' +
    'the activity, its status, a bar filled to -PercentComplete, the time remaining and the current operation. ' +
    'Activities are told apart by -Id; -ParentId nests one under another; -Completed removes one. ' +
    'The bar is shown while the command line runs and only in the interactive shell, and only while ' +
    '$ProgressPreference is Continue.',
  parameters: {
    Activity: {
      type: 'String',
      sets: { __AllParameterSets: { position: 0, mandatory: true } },
      help: 'Specifies the first line of text in the heading above the status bar: the activity whose progress is reported.',
    },
    Status: {
      type: 'String',
      validateNotNullOrEmpty: true,
      sets: { __AllParameterSets: { position: 1 } },
      default: 'Processing',
      help: 'Specifies the second line of text: the current state of the activity.',
    },
    Id: {
      type: 'Int32',
      validateRange: [0, INT_MAX],
      sets: { __AllParameterSets: { position: 2 } },
      default: 0,
      help: 'Specifies an ID that distinguishes each progress bar from the others.',
    },
    PercentComplete: { type: 'Int32', validateRange: [-1, 100], default: -1, help: 'Specifies the percentage of the activity that is completed (-1: unknown, no bar).' },
    SecondsRemaining: { type: 'Int32', default: -1, help: 'Specifies the projected number of seconds remaining until the activity is completed.' },
    CurrentOperation: { type: 'String', help: 'Specifies the line of text below the progress bar: the operation that is currently taking place.' },
    ParentId: { type: 'Int32', validateRange: [-1, INT_MAX], default: -1, help: 'Specifies the parent activity of the current activity (-1: none).' },
    Completed: { type: 'Switch', help: 'Indicates that the activity is done: its progress bar is removed.' },
    SourceId: { type: 'Int32', default: 0, help: 'Specifies the source of the record.' },
  },
  examples: [
    {
      code: "foreach ($i in 1..4) { Write-Progress -Activity 'Checking certificates' -Status \"Server $i of 4\" -PercentComplete ($i * 25) }; 'done'",
      remarks: 'Reports the progress of a loop. In the interactive shell the bar fills as the loop runs; in a script nothing is shown.',
      shows: 'done',
    },
    {
      code: "Write-Progress -Id 1 -Activity 'Renewing' -Status 'EX01'; Write-Progress -Id 2 -ParentId 1 -Activity 'Importing' -CurrentOperation 'C:\\certs\\ex01.pfx' -SecondsRemaining 30; Write-Progress -Id 1 -Activity 'Renewing' -Completed",
      remarks: 'An activity nested under another, with the current operation and the time remaining; -Completed removes the parent bar.',
    },
  ],
  related: ['Write-Verbose', 'Write-Host'],
  process(params, ctx) {
    const preference = toDisplayText(ctx.session.getVariable('ProgressPreference'));
    if (/^(SilentlyContinue|Ignore)$/i.test(preference) || !ctx.host.writeProgress) return;
    ctx.host.writeProgress(params.SourceId, {
      activityId: params.Id,
      parentActivityId: params.ParentId,
      activity: toDisplayText(params.Activity),
      statusDescription: params.Status ?? 'Processing', // $null is refused (ValidateNotNullOrEmpty)
      currentOperation: params.CurrentOperation ?? undefined,
      percentComplete: params.PercentComplete,
      secondsRemaining: params.SecondsRemaining,
      completed: params.Completed === true,
    });
  },
});

// Get-Verb: the approved verbs of Windows PowerShell 5.1 with their groups (the Verbs* classes of
// System.Management.Automation, each group's verbs by name). As 5.1's Get-Verb does, every -Verb
// pattern lists its matches, so overlapping patterns list a verb more than once.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { PSObject } from '../../protocol/values.js';
import { compileWildcard } from '../../protocol/wildcard.js';

/** The groups in the order 5.1 lists them, each with its verbs. */
const VERBS: [string, string[]][] = [
  ['Common', ['Add', 'Clear', 'Close', 'Copy', 'Enter', 'Exit', 'Find', 'Format', 'Get', 'Hide', 'Join', 'Lock', 'Move', 'New', 'Open', 'Optimize', 'Pop', 'Push', 'Redo', 'Remove', 'Rename', 'Reset', 'Resize', 'Search', 'Select', 'Set', 'Show', 'Skip', 'Split', 'Step', 'Switch', 'Undo', 'Unlock', 'Watch']],
  ['Data', ['Backup', 'Checkpoint', 'Compare', 'Compress', 'Convert', 'ConvertFrom', 'ConvertTo', 'Dismount', 'Edit', 'Expand', 'Export', 'Group', 'Import', 'Initialize', 'Limit', 'Merge', 'Mount', 'Out', 'Publish', 'Restore', 'Save', 'Sync', 'Unpublish', 'Update']],
  ['Lifecycle', ['Approve', 'Assert', 'Complete', 'Confirm', 'Deny', 'Disable', 'Enable', 'Install', 'Invoke', 'Register', 'Request', 'Restart', 'Resume', 'Start', 'Stop', 'Submit', 'Suspend', 'Uninstall', 'Unregister', 'Wait']],
  ['Diagnostic', ['Debug', 'Measure', 'Ping', 'Repair', 'Resolve', 'Test', 'Trace']],
  ['Communications', ['Connect', 'Disconnect', 'Read', 'Receive', 'Send', 'Write']],
  ['Security', ['Block', 'Grant', 'Protect', 'Revoke', 'Unblock', 'Unprotect']],
  ['Other', ['Use']],
];

const TYPE_NAMES = ['Selected.Microsoft.PowerShell.Commands.MemberDefinition', 'System.Management.Automation.PSCustomObject', 'System.Object'];

export default defineCmdlet({
  name: 'Get-Verb',
  module: 'Microsoft.PowerShell.Core',
  synopsis: 'Gets approved PowerShell verbs.',
  description:
    'The Get-Verb cmdlet gets the verbs approved for PowerShell command names, each with its group ' +
    '(Common, Data, Lifecycle, Diagnostic, Communications, Security, Other). -Verb takes names or ' +
    'wildcard patterns; every pattern lists its matches.',
  parameters: {
    Verb: {
      type: 'String[]',
      sets: { __AllParameterSets: { position: 0, fromPipeline: true } },
      default: ['*'],
      help: 'Gets only the specified verbs. Enter the name of a verb or a name pattern. Wildcard characters are permitted.',
    },
  },
  outputType: ['Selected.Microsoft.PowerShell.Commands.MemberDefinition'],
  examples: [
    { code: 'Get-Verb un*', remarks: 'Gets the approved verbs that begin with "un".', shows: /Unpublish +Data/ },
    { code: '(Get-Verb | Where-Object Group -EQ Security).Verb -join ","', remarks: 'Gets the verbs of the Security group.', shows: 'Block,Grant,Protect,Revoke,Unblock,Unprotect' },
  ],
  related: ['Get-Command'],
  process(params, ctx) {
    // `Get-Verb $null`: 5.1's function loops over no pattern and lists nothing.
    for (const pattern of params.Verb ?? []) {
      const re = compileWildcard(pattern ?? '');
      for (const [group, verbs] of VERBS) {
        for (const verb of verbs) if (re.test(verb)) ctx.write(PSObject.fromRecord({ Verb: verb, Group: group }, [...TYPE_NAMES]));
      }
    }
  },
});

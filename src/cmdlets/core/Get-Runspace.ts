// Get-Runspace: the runspaces of this emsh (its own, and those [runspacefactory] and
// [powershell] made that are not disposed yet).

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { convertToString } from '../../protocol/convert.js';
import { PSObject, toDisplayText } from '../../protocol/values.js';
import { matchesWildcard } from '../../protocol/wildcard.js';
import { stringsOf } from './patterns.js';

const RUNSPACE = 'System.Management.Automation.Runspaces.Runspace';

export default defineCmdlet({
  name: 'Get-Runspace',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Gets active runspaces within a PowerShell host process.',
  description:
    'The Get-Runspace cmdlet gets the runspaces of this shell: its own, and those that scripts ' +
    'made with [runspacefactory]::CreateRunspace() or [powershell]::Create() and have not ' +
    'disposed. -Name (wildcards allowed), -Id and -InstanceId pick some of them.',
  defaultParameterSet: 'NameParameterSet',
  parameters: {
    Name: {
      type: 'String[]',
      supportsWildcards: true,
      sets: { NameParameterSet: { position: 0 } },
      help: 'Specifies the names of the runspaces to get (wildcards are permitted).',
    },
    Id: {
      type: 'Int32[]',
      sets: { IdParameterSet: { position: 0, mandatory: true } },
      help: 'Specifies the Ids of the runspaces to get.',
    },
    InstanceId: {
      type: 'String[]',
      sets: { InstanceIdParameterSet: { position: 0, mandatory: true } },
      help: 'Specifies the instance ids (GUIDs) of the runspaces to get.',
    },
  },
  outputType: [RUNSPACE],
  examples: [
    {
      code: 'Get-Runspace -Id 1 | Select-Object -ExpandProperty Name',
      remarks: "Gets the shell's own runspace, the first one.",
      shows: 'Runspace1',
    },
  ],
  related: ['Get-Variable'],
  end(params, ctx) {
    const all = (ctx.session.runspaces?.() ?? []).filter((r): r is PSObject => r instanceof PSObject);
    const { Id: ids, InstanceId: instanceIds } = params;
    const names = stringsOf(params.Name);
    for (const rs of all) {
      if (names && !names.some((n) => matchesWildcard(toDisplayText(rs.get('Name')), n))) continue;
      if (ids && !ids.includes(Number(rs.get('Id')))) continue;
      if (instanceIds && !instanceIds.some((g) => g.toLowerCase() === convertToString(rs.get('InstanceId')).toLowerCase())) continue;
      ctx.write(rs);
    }
  },
});

// Get-Process: the processes of the lab's server, as System.Diagnostics.Process objects. The lab
// simulates the processes an Exchange 2007 server runs (the system's, IIS's, Exchange's services)
// and the shell itself, whose Id is $PID. -Name takes wildcards; a plain name or an Id that
// matches no process is 5.1's ProcessCommandException (NoProcessFoundForGivenName / ...Id).

import { defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import { registerView } from '../../format/views.js';
import { PSObject } from '../../protocol/values.js';
import { compileWildcard, hasWildcard } from '../../protocol/wildcard.js';

interface SimulatedProcess {
  name: string;
  id: number;
  path: string | null;
  handles: number;
  /** Non-paged, paged and working-set memory, in KB; CPU seconds. */
  npm: number;
  pm: number;
  ws: number;
  cpu: number;
  session: number;
  description: string | null;
  company: string | null;
}

const SYSTEM32 = 'C:\\Windows\\system32';
const EXCHANGE_BIN = 'C:\\Program Files\\Microsoft\\Exchange Server\\bin';
const MICROSOFT = 'Microsoft Corporation';

const p = (name: string, id: number, path: string | null, handles: number, npm: number, pm: number, ws: number, cpu: number, session: number, description: string | null): SimulatedProcess => ({
  name, id, path, handles, npm, pm, ws, cpu, session, description, company: path ? MICROSOFT : null,
});

/** The server's processes (the shell's own Id is 4812, $PID). */
const PROCESSES: readonly SimulatedProcess[] = [
  p('Idle', 0, null, 0, 0, 0, 24, 0, 0, null),
  p('System', 4, null, 512, 0, 112, 1188, 95.2, 0, null),
  p('smss', 296, `${SYSTEM32}\\smss.exe`, 30, 1, 336, 1012, 0.05, 0, 'Windows Session Manager'),
  p('csrss', 388, `${SYSTEM32}\\csrss.exe`, 402, 9, 1836, 4260, 1.3, 0, 'Client Server Runtime Process'),
  p('wininit', 452, `${SYSTEM32}\\wininit.exe`, 77, 8, 1312, 4372, 0.08, 0, 'Windows Start-Up Application'),
  p('services', 516, `${SYSTEM32}\\services.exe`, 218, 9, 4512, 8140, 2.8, 0, 'Services and Controller app'),
  p('lsass', 528, `${SYSTEM32}\\lsass.exe`, 1024, 24, 6420, 14388, 12.4, 0, 'Local Security Authority Process'),
  p('svchost', 640, `${SYSTEM32}\\svchost.exe`, 352, 12, 3676, 9388, 3.1, 0, 'Host Process for Windows Services'),
  p('svchost', 712, `${SYSTEM32}\\svchost.exe`, 604, 18, 12232, 20104, 6.6, 0, 'Host Process for Windows Services'),
  p('MSExchangeADTopologyService', 1620, `${EXCHANGE_BIN}\\MSExchangeADTopologyService.exe`, 412, 27, 32780, 41200, 15.6, 0, 'Microsoft Exchange Active Directory Topology Service'),
  p('Microsoft.Exchange.ServiceHost', 1704, `${EXCHANGE_BIN}\\Microsoft.Exchange.ServiceHost.exe`, 538, 31, 48212, 56320, 22.3, 0, 'Microsoft Exchange Service Host'),
  p('MSExchangeTransport', 1788, `${EXCHANGE_BIN}\\MSExchangeTransport.exe`, 1210, 48, 96540, 102388, 64.9, 0, 'Microsoft Exchange Transport'),
  p('store', 1872, `${EXCHANGE_BIN}\\store.exe`, 2215, 72, 412660, 398112, 181.5, 0, 'Microsoft Exchange Information Store'),
  p('w3wp', 2904, `${SYSTEM32}\\inetsrv\\w3wp.exe`, 890, 44, 88104, 97652, 31.7, 0, 'IIS Worker Process'),
  p('explorer', 3356, 'C:\\Windows\\explorer.exe', 702, 34, 25364, 52208, 8.4, 1, 'Windows Explorer'),
  p('powershell', 4812, 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 448, 27, 42380, 58232, 1.2, 1, 'Windows PowerShell'),
];

function processObject(s: SimulatedProcess, startTime: Date): PSObject {
  const o = new PSObject(['System.Diagnostics.Process', 'System.ComponentModel.Component', 'System.MarshalByRefObject', 'System.Object']);
  const prop = (name: string, typeName: string, value: unknown) => o.addProperty({ name, memberType: 'Property', typeName, get: () => value });
  const alias = (name: string, target: string) => o.addProperty({ name, memberType: 'AliasProperty', definition: `${name} = ${target}`, get: () => o.get(target) });
  prop('Id', 'System.Int32', s.id);
  prop('ProcessName', 'System.String', s.name);
  alias('Name', 'ProcessName');
  prop('Path', 'System.String', s.path);
  prop('HandleCount', 'System.Int32', s.handles);
  alias('Handles', 'HandleCount');
  prop('NonpagedSystemMemorySize64', 'System.Int64', s.npm * 1024);
  alias('NPM', 'NonpagedSystemMemorySize64');
  prop('PagedMemorySize64', 'System.Int64', s.pm * 1024);
  alias('PM', 'PagedMemorySize64');
  prop('WorkingSet64', 'System.Int64', s.ws * 1024);
  alias('WS', 'WorkingSet64');
  prop('VirtualMemorySize64', 'System.Int64', (s.pm + s.ws) * 4096);
  alias('VM', 'VirtualMemorySize64');
  prop('CPU', 'System.Double', s.cpu);
  prop('SessionId', 'System.Int32', s.session);
  alias('SI', 'SessionId');
  prop('StartTime', 'System.DateTime', s.id === 0 ? null : startTime);
  prop('Description', 'System.String', s.description);
  prop('Company', 'System.String', s.company);
  prop('MainWindowTitle', 'System.String', s.name === 'powershell' ? 'Windows PowerShell' : '');
  prop('Responding', 'System.Boolean', true);
  prop('HasExited', 'System.Boolean', false);
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => `System.Diagnostics.Process (${s.name})` });
  return o;
}

registerView({
  typeName: 'System.Diagnostics.Process',
  shape: 'table',
  table: {
    columns: [
      { label: 'Handles', width: 7, alignment: 'Right', value: (o) => (o as PSObject).get('HandleCount') },
      { label: 'NPM(K)', width: 7, alignment: 'Right', value: (o) => Math.trunc(Number((o as PSObject).get('NonpagedSystemMemorySize64')) / 1024) },
      { label: 'PM(K)', width: 8, alignment: 'Right', value: (o) => Math.trunc(Number((o as PSObject).get('PagedMemorySize64')) / 1024) },
      { label: 'WS(K)', width: 10, alignment: 'Right', value: (o) => Math.trunc(Number((o as PSObject).get('WorkingSet64')) / 1024) },
      { label: 'CPU(s)', width: 10, alignment: 'Right', value: (o) => ((o as PSObject).get('CPU') === null ? '' : Number((o as PSObject).get('CPU')).toFixed(2)) },
      { label: 'Id', width: 6, alignment: 'Right', property: 'Id' },
      { label: 'SI', width: 3, alignment: 'Right', property: 'SessionId' },
      { label: 'ProcessName', property: 'ProcessName' },
    ],
  },
});

/** The shell has run since the lab's clock started the day: processes started at midnight, lab time. */
function bootTime(ctx: CmdletContext): Date {
  const now = ctx.now();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

const byName = (a: SimulatedProcess, b: SimulatedProcess) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id - b.id;

export default defineCmdlet({
  name: 'Get-Process',
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Gets the processes that are running on the local computer.',
  description:
    'The Get-Process cmdlet gets the processes of the lab server (the system, IIS and Exchange services, and this shell, whose Id is $PID), ' +
    'sorted by name. -Name takes names or wildcard patterns; -Id takes process identifiers. A name without wildcards or an Id that matches no process is an error.',
  defaultParameterSet: 'Name',
  parameters: {
    Name: {
      type: 'String[]',
      aliases: ['ProcessName'],
      sets: { Name: { position: 0, fromPipelineByPropertyName: true } },
      help: 'Specifies one or more processes by process name. Wildcard characters are permitted.',
    },
    Id: {
      type: 'Int32[]',
      aliases: ['PID'],
      sets: { Id: { mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies one or more processes by process ID (PID).',
    },
  },
  outputType: ['System.Diagnostics.Process'],
  examples: [
    { code: 'Get-Process -Id $PID | Select-Object -ExpandProperty ProcessName', remarks: 'Gets the process of this shell.', shows: 'powershell' },
    { code: 'Get-Process -Name store', remarks: 'Gets the Exchange Information Store process.', shows: /store$/m },
  ],
  related: ['Get-Service'],
  process(params, ctx) {
    const start = bootTime(ctx);
    const found: SimulatedProcess[] = [];
    const add = (s: SimulatedProcess) => {
      if (!found.includes(s)) found.push(s);
    };
    if (params.Id !== undefined) {
      for (const id of params.Id) {
        const s = PROCESSES.find((x) => x.id === id);
        if (s) add(s);
        else {
          ctx.writeError(
            ctx.error({
              message: `Cannot find a process with the process identifier ${id}.`,
              errorId: 'NoProcessFoundForGivenId',
              category: 'ObjectNotFound',
              exceptionType: 'ProcessCommandException',
              targetObject: id,
            }),
          );
        }
      }
    } else {
      for (const name of params.Name ?? ['*']) {
        const text = name ?? '';
        const match = compileWildcard(text);
        const hits = PROCESSES.filter((x) => match.test(x.name));
        hits.forEach(add);
        if (hits.length === 0 && !hasWildcard(text)) {
          ctx.writeError(
            ctx.error({
              message: `Cannot find a process with the name "${text}". Verify the process name and call the cmdlet again.`,
              errorId: 'NoProcessFoundForGivenName',
              category: 'ObjectNotFound',
              exceptionType: 'ProcessCommandException',
              targetObject: text,
            }),
          );
        }
      }
    }
    for (const s of found.sort(byName)) ctx.write(processObject(s, start));
  },
});

// Get-Process (gps, ps): the processes of the lab machine the shell is on — Windows Server's own
// and Exchange 2007's services (the store, transport, IIS's worker), and this shell (powershell, Id $PID) — as System.Diagnostics.Process objects with 5.1's alias
// and script properties (Name, Handles, NPM, PM, WS, VM, CPU, SI, Path) and its table view.

import { defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import { registerView } from '../../format/views.js';
import { int64 } from '../../protocol/numbers.js';
import { timeSpan } from '../../protocol/operators.js';
import { PSObject } from '../../protocol/values.js';
import { compileWildcard, hasWildcard } from '../../protocol/wildcard.js';

export const PROCESS_TYPES = ['System.Diagnostics.Process', 'System.ComponentModel.Component', 'System.MarshalByRefObject', 'System.Object'];

/** Stands for the shell's own process id in the table: the session's $PID. */
const SHELL_ID = -1;
const SYSTEM32 = 'C:\\Windows\\system32';
const MICROSOFT = 'Microsoft Corporation';
const EXCHANGE_BIN = 'C:\\Program Files\\Microsoft\\Exchange Server\\bin';

/** name, Id, handles, non-paged KB, paged KB, working set KB, CPU seconds, session, image */
type ProcessRow = [string, number, number, number, number, number, number, number, string | null];

const PROCESSES: ProcessRow[] = [
  ['Idle', 0, 0, 0, 0, 24, 0, 0, null],
  ['System', 4, 612, 0, 112, 2096, 41.2, 0, null],
  ['smss', 264, 31, 2, 348, 1012, 0.05, 0, `${SYSTEM32}\\smss.exe`],
  ['csrss', 356, 421, 11, 1704, 4980, 0.9, 0, `${SYSTEM32}\\csrss.exe`],
  ['wininit', 404, 77, 9, 1324, 4264, 0.11, 0, `${SYSTEM32}\\wininit.exe`],
  ['csrss', 416, 208, 12, 1812, 6012, 0.4, 1, `${SYSTEM32}\\csrss.exe`],
  ['winlogon', 448, 116, 9, 2104, 5456, 0.12, 1, `${SYSTEM32}\\winlogon.exe`],
  ['services', 504, 226, 12, 4096, 7808, 1.7, 0, `${SYSTEM32}\\services.exe`],
  ['lsass', 520, 812, 29, 5632, 13312, 3.1, 0, `${SYSTEM32}\\lsass.exe`],
  ['lsm', 528, 148, 10, 2532, 4464, 0.2, 0, `${SYSTEM32}\\lsm.exe`],
  ['svchost', 636, 362, 14, 3448, 8432, 0.8, 0, `${SYSTEM32}\\svchost.exe`],
  ['svchost', 712, 298, 15, 4012, 7740, 0.6, 0, `${SYSTEM32}\\svchost.exe`],
  ['svchost', 788, 1204, 41, 18340, 31200, 6.4, 0, `${SYSTEM32}\\svchost.exe`],
  ['svchost', 840, 486, 22, 10212, 14760, 1.1, 0, `${SYSTEM32}\\svchost.exe`],
  ['spoolsv', 1132, 301, 18, 5520, 10348, 0.3, 0, `${SYSTEM32}\\spoolsv.exe`],
  ['MSExchangeADTopologyService', 1620, 412, 27, 32780, 41200, 15.6, 0, `${EXCHANGE_BIN}\\MSExchangeADTopologyService.exe`],
  ['Microsoft.Exchange.ServiceHost', 1704, 538, 31, 48212, 56320, 22.3, 0, `${EXCHANGE_BIN}\\Microsoft.Exchange.ServiceHost.exe`],
  ['MSExchangeTransport', 1788, 1210, 48, 96540, 102388, 64.9, 0, `${EXCHANGE_BIN}\\MSExchangeTransport.exe`],
  ['store', 1872, 2215, 72, 412660, 398112, 181.5, 0, `${EXCHANGE_BIN}\\store.exe`],
  ['w3wp', 2904, 890, 44, 88104, 97652, 31.7, 0, `${SYSTEM32}\\inetsrv\\w3wp.exe`],
  ['explorer', 2260, 583, 31, 21488, 38360, 2.6, 1, 'C:\\Windows\\explorer.exe'],
  ['powershell', SHELL_ID, 531, 30, 51012, 64948, 1.53, 1, `${SYSTEM32}\\WindowsPowerShell\\v1.0\\powershell.exe`],
];

/** The modules of the shell's process (others are not readable from a non-elevated shell). */
const SHELL_MODULES: [string, string, number][] = [
  ['powershell.exe', `${SYSTEM32}\\WindowsPowerShell\\v1.0\\powershell.exe`, 460],
  ['ntdll.dll', `${SYSTEM32}\\ntdll.dll`, 1700],
  ['KERNEL32.DLL', `${SYSTEM32}\\KERNEL32.DLL`, 1156],
  ['System.Management.Automation.ni.dll', 'C:\\Windows\\assembly\\NativeImages_v4.0.30319_64\\System.Manaa57fc8cc#\\System.Management.Automation.ni.dll', 22164],
];

function processModule(name: string, file: string, kb: number): PSObject {
  const o = new PSObject(['System.Diagnostics.ProcessModule', 'System.ComponentModel.Component', 'System.MarshalByRefObject', 'System.Object']);
  o.addProperty({ name: 'ModuleName', memberType: 'Property', typeName: 'string', get: () => name });
  o.addProperty({ name: 'FileName', memberType: 'Property', typeName: 'string', get: () => file });
  o.addProperty({ name: 'ModuleMemorySize', memberType: 'Property', typeName: 'int', get: () => kb * 1024 });
  o.addProperty({ name: 'Size', memberType: 'ScriptProperty', typeName: 'System.Object', get: () => kb });
  o.addProperty({ name: 'Company', memberType: 'ScriptProperty', typeName: 'System.Object', get: () => MICROSOFT });
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => `System.Diagnostics.ProcessModule (${name})` });
  return o;
}

function processObject(row: ProcessRow, machineStart: Date, shellId: number): PSObject {
  const [name, rowId, handles, npm, pm, ws, cpu, session, image] = row;
  const id = rowId === SHELL_ID ? shellId : rowId;
  const o = new PSObject([...PROCESS_TYPES]);
  const prop = (n: string, typeName: string, get: () => unknown) => o.addProperty({ name: n, memberType: 'Property', typeName, get });
  const alias = (n: string, target: string) => o.addProperty({ name: n, memberType: 'AliasProperty', typeName: 'System.Object', get: () => o.get(target) });
  const script = (n: string, get: () => unknown) => o.addProperty({ name: n, memberType: 'ScriptProperty', typeName: 'System.Object', get });
  const bytes = (kb: number) => int64(BigInt(kb * 1024));
  alias('Name', 'ProcessName');
  alias('SI', 'SessionId');
  alias('Handles', 'HandleCount');
  alias('VM', 'VirtualMemorySize64');
  alias('WS', 'WorkingSet64');
  alias('PM', 'PagedMemorySize64');
  alias('NPM', 'NonpagedSystemMemorySize64');
  script('Path', () => image);
  script('Company', () => (image ? MICROSOFT : null));
  script('CPU', () => (id === 0 ? null : cpu));
  script('Description', () => (image ? name : null));
  o.addNote('__NounName', 'Process');
  prop('BasePriority', 'int', () => (id === 0 ? 0 : 8));
  prop('HasExited', 'bool', () => false);
  prop('HandleCount', 'int', () => handles);
  prop('Id', 'int', () => id);
  prop('MachineName', 'string', () => '.');
  prop('MainWindowTitle', 'string', () => '');
  prop('Modules', 'System.Diagnostics.ProcessModuleCollection', () => (rowId === SHELL_ID ? SHELL_MODULES.map(([n, f, kb]) => processModule(n, f, kb)) : []));
  prop('NonpagedSystemMemorySize64', 'long', () => bytes(npm));
  prop('PagedMemorySize64', 'long', () => bytes(pm));
  prop('PriorityClass', 'System.Diagnostics.ProcessPriorityClass', () => (id === 0 ? null : 'Normal'));
  prop('PrivateMemorySize64', 'long', () => bytes(pm));
  prop('ProcessName', 'string', () => name);
  prop('ProcessorAffinity', 'System.IntPtr', () => (id === 0 ? null : 3));
  prop('Responding', 'bool', () => true);
  prop('SessionId', 'int', () => session);
  prop('StartTime', 'datetime', () => (id === 0 ? null : machineStart));
  prop('TotalProcessorTime', 'timespan', () => timeSpan(cpu * 1000));
  prop('VirtualMemorySize64', 'long', () => bytes(pm * 4 + 65536));
  prop('WorkingSet64', 'long', () => bytes(ws));
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => `System.Diagnostics.Process (${name})` });
  return o;
}

/** The machine's processes in Get-Process order (by name, then Id). */
function processes(ctx: CmdletContext): PSObject[] {
  const now = ctx.now();
  // The machine started at the beginning of the lab day: a start time that stays put while the shell runs.
  const machineStart = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const shellId = Number(ctx.session.getVariable('PID'));
  return PROCESSES.map((row) => processObject(row, machineStart, shellId)).sort((a, b) => {
    const [x, y] = [String(a.get('ProcessName')).toLowerCase(), String(b.get('ProcessName')).toLowerCase()];
    return x < y ? -1 : x > y ? 1 : Number(a.get('Id')) - Number(b.get('Id'));
  });
}

function notFound(ctx: CmdletContext, message: string, errorId: string, target: unknown): void {
  ctx.writeError(ctx.error({ message, errorId, category: 'ObjectNotFound', exceptionType: 'ProcessCommandException', targetObject: target }));
}

const KB = (property: string) => (o: unknown) => (o instanceof PSObject ? Math.floor(Number(o.get(property)) / 1024) : '');

registerView({
  typeName: PROCESS_TYPES[0]!,
  shape: 'table',
  table: {
    columns: [
      { label: 'Handles', property: 'HandleCount', width: 7, alignment: 'Right' },
      { label: 'NPM(K)', value: KB('NonpagedSystemMemorySize64'), width: 7, alignment: 'Right' },
      { label: 'PM(K)', value: KB('PagedMemorySize64'), width: 8, alignment: 'Right' },
      { label: 'WS(K)', value: KB('WorkingSet64'), width: 10, alignment: 'Right' },
      {
        label: 'CPU(s)',
        value: (o) => {
          const cpu = o instanceof PSObject ? o.get('CPU') : null;
          return typeof cpu === 'number' ? cpu.toFixed(2) : '';
        },
        width: 10,
        alignment: 'Right',
      },
      { label: 'Id', property: 'Id', width: 6, alignment: 'Right' },
      { label: 'SI', property: 'SessionId', width: 3, alignment: 'Right' },
      { label: 'ProcessName', property: 'ProcessName', alignment: 'Left' },
    ],
  },
});

export default defineCmdlet({
  name: 'Get-Process',
  aliases: ['gps', 'ps'],
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Gets the processes that are running on the local computer.',
  description:
    'The Get-Process cmdlet gets the processes of the lab machine the shell is on: the Windows ' +
    "server's own and this shell (powershell, Id $PID), as System.Diagnostics.Process objects. " +
    '-Name takes names with wildcards (a name that matches nothing is an error unless it has a ' +
    'wildcard); -Id takes process ids.',
  defaultParameterSet: 'Name',
  parameters: {
    Name: {
      type: 'String[]',
      aliases: ['ProcessName'],
      sets: { Name: { position: 0, fromPipelineByPropertyName: true } },
      help: 'Specifies process names. Wildcards are permitted.',
    },
    Id: {
      type: 'Int32[]',
      aliases: ['PID'],
      sets: { Id: { mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies process ids ($PID is this shell).',
    },
  },
  outputType: ['System.Diagnostics.Process'],
  examples: [
    { code: '(Get-Process -Id $PID).ProcessName', remarks: "Gets the shell's own process.", shows: 'powershell' },
    { code: 'Get-Process svc* | Measure-Object | Select-Object -ExpandProperty Count', remarks: 'Counts the service host processes.', shows: '4' },
  ],
  related: ['Get-Service'],
  process(params, ctx) {
    const all = processes(ctx);
    const found: PSObject[] = [];
    const add = (p: PSObject) => {
      if (!found.includes(p)) found.push(p);
    };
    if (params.Id) {
      for (const id of params.Id) {
        const p = all.find((x) => x.get('Id') === id);
        if (p) add(p);
        else notFound(ctx, `Cannot find a process with the process identifier ${id}.`, 'NoProcessFoundForGivenId', id);
      }
    } else if (params.Name) {
      for (const name of params.Name) {
        if (name === null) continue;
        const re = compileWildcard(name);
        const matches = all.filter((x) => re.test(String(x.get('ProcessName'))));
        matches.forEach(add);
        if (!matches.length && !hasWildcard(name)) {
          notFound(ctx, `Cannot find a process with the name "${name}". Verify the process name and call the cmdlet again.`, 'NoProcessFoundForGivenName', name);
        }
      }
    } else {
      all.forEach(add);
    }
    // Get-Process writes what it found in name order, whatever order the names were given in.
    ctx.write(all.filter((p) => found.includes(p)), true);
  },
});

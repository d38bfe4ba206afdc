// The session-state cmdlets of Microsoft.PowerShell.Utility that work on the session itself:
// aliases, events, breakpoints, the host and temporary files; and the processes of the machine
// the shell runs on (Get-Process, Microsoft.PowerShell.Management).

import type { CmdletDeclaration } from '../../protocol/cmdlet.js';
import NewEvent from './New-Event.js';
import GetEvent from './Get-Event.js';
import RemoveEvent from './Remove-Event.js';
import WaitEvent from './Wait-Event.js';
import RegisterEngineEvent from './Register-EngineEvent.js';
import RegisterObjectEvent from './Register-ObjectEvent.js';
import GetEventSubscriber from './Get-EventSubscriber.js';
import UnregisterEvent from './Unregister-Event.js';
import GetHost from './Get-Host.js';
import GetProcess from './Get-Process.js';
import NewTemporaryFile from './New-TemporaryFile.js';
import UpdateList from './Update-List.js';
import DisablePSBreakpoint from './Disable-PSBreakpoint.js';
import EnablePSBreakpoint from './Enable-PSBreakpoint.js';
import ExportAlias from './Export-Alias.js';
import GetPSBreakpoint from './Get-PSBreakpoint.js';
import ImportAlias from './Import-Alias.js';
import NewAlias from './New-Alias.js';
import RemovePSBreakpoint from './Remove-PSBreakpoint.js';
import SetAlias from './Set-Alias.js';
import SetPSBreakpoint from './Set-PSBreakpoint.js';
import GetTraceSource from './Get-TraceSource.js';
import GetPSCallStack from './Get-PSCallStack.js';
import DebugRunspace from './Debug-Runspace.js';
import { DisableRunspaceDebug, EnableRunspaceDebug, GetRunspaceDebug } from './RunspaceDebug.js';

export const sessionStateCmdlets: CmdletDeclaration[] = [
  SetAlias,
  NewAlias,
  ExportAlias,
  ImportAlias,
  SetPSBreakpoint,
  GetPSBreakpoint,
  EnablePSBreakpoint,
  DisablePSBreakpoint,
  RemovePSBreakpoint,
  GetHost,
  GetProcess,
  NewTemporaryFile,
  UpdateList,
  NewEvent,
  GetEvent,
  RemoveEvent,
  WaitEvent,
  RegisterEngineEvent,
  RegisterObjectEvent,
  GetEventSubscriber,
  UnregisterEvent,
  GetTraceSource,
  GetPSCallStack,
  GetRunspaceDebug,
  EnableRunspaceDebug,
  DisableRunspaceDebug,
  DebugRunspace,
] as CmdletDeclaration[];

// The session-state cmdlets of Microsoft.PowerShell.Utility that work on the session itself:
// aliases, events, breakpoints and tracing.

import type { CmdletDeclaration } from '../../protocol/cmdlet.js';
import DisablePSBreakpoint from './Disable-PSBreakpoint.js';
import EnablePSBreakpoint from './Enable-PSBreakpoint.js';
import ExportAlias from './Export-Alias.js';
import GetPSBreakpoint from './Get-PSBreakpoint.js';
import ImportAlias from './Import-Alias.js';
import NewAlias from './New-Alias.js';
import RemovePSBreakpoint from './Remove-PSBreakpoint.js';
import SetAlias from './Set-Alias.js';
import SetPSBreakpoint from './Set-PSBreakpoint.js';

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
] as CmdletDeclaration[];

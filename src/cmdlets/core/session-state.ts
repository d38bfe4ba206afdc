// The session-state cmdlets of Microsoft.PowerShell.Utility that work on the session itself:
// aliases, events, breakpoints and tracing.

import type { CmdletDeclaration } from '../../protocol/cmdlet.js';
import ExportAlias from './Export-Alias.js';
import ImportAlias from './Import-Alias.js';
import NewAlias from './New-Alias.js';
import SetAlias from './Set-Alias.js';

export const sessionStateCmdlets: CmdletDeclaration[] = [SetAlias, NewAlias, ExportAlias, ImportAlias] as CmdletDeclaration[];

// The registry: every cmdlet emsh has, by explicit import (no directory scanning at start-up).

import type { CmdletDeclaration } from '../protocol/cmdlet.js';
import { objectCmdlets } from './core/objects.js';
import { fileCmdlets } from './core/files.js';
import { outputCmdlets } from './core/output.js';
import { sessionStateCmdlets } from './core/session-state.js';
import { exchangeCmdlets, labCmdlets } from './exchange/index.js';
import { securityCmdlets } from './security/index.js';
import { readLineCmdlets } from './core/PSReadLine.js';
import invokeHistory from './core/Invoke-History.js';
import more from './core/more.js';

export const allCmdlets: CmdletDeclaration[] = [...objectCmdlets, ...fileCmdlets, ...outputCmdlets, ...sessionStateCmdlets, ...securityCmdlets, ...exchangeCmdlets, ...labCmdlets, ...(readLineCmdlets as CmdletDeclaration[]), invokeHistory as CmdletDeclaration, more as CmdletDeclaration];

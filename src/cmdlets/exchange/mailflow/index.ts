// The mail-flow cmdlets: Exchange's EdgeSync cmdlets and the lab's message and UM tests.
import type { CmdletDeclaration } from '../../../protocol/cmdlet.js';
import SendLabMessage from './Send-LabMessage.js';
import TestLabUMConnectivity from './Test-LabUMConnectivity.js';
import NewEdgeSubscription from './New-EdgeSubscription.js';
import GetEdgeSubscription from './Get-EdgeSubscription.js';
import { startEdgeSynchronization, testEdgeSynchronization } from './EdgeSynchronization.js';

export const mailflowCmdlets: CmdletDeclaration[] = [NewEdgeSubscription, GetEdgeSubscription, startEdgeSynchronization, testEdgeSynchronization] as CmdletDeclaration[];

export const mailflowLabCmdlets: CmdletDeclaration[] = [SendLabMessage, TestLabUMConnectivity] as CmdletDeclaration[];

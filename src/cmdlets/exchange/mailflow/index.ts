// The mail-flow cmdlets: Exchange's EdgeSync, connector, queue and tracking cmdlets, and the lab's message and UM tests.
import type { CmdletDeclaration } from '../../../protocol/cmdlet.js';
import SendLabMessage from './Send-LabMessage.js';
import TestLabUMConnectivity from './Test-LabUMConnectivity.js';
import NewEdgeSubscription from './New-EdgeSubscription.js';
import GetEdgeSubscription from './Get-EdgeSubscription.js';
import ImportLabTrustedRoot from './Import-LabTrustedRoot.js';
import { startEdgeSynchronization, testEdgeSynchronization } from './EdgeSynchronization.js';
import { newSendConnector } from './New-SendConnector.js';
import { getQueue, retryQueue } from './Queue.js';
import { getMessageTrackingLog } from './MessageTracking.js';

export const mailflowCmdlets: CmdletDeclaration[] = [NewEdgeSubscription, GetEdgeSubscription, startEdgeSynchronization, testEdgeSynchronization, newSendConnector, getQueue, retryQueue, getMessageTrackingLog] as CmdletDeclaration[];

export const mailflowLabCmdlets: CmdletDeclaration[] = [SendLabMessage, TestLabUMConnectivity, ImportLabTrustedRoot] as CmdletDeclaration[];

// Exchange 2007's test cmdlets for clients' services (issue 8).
import type { CmdletDeclaration } from '../../../protocol/cmdlet.js';
import TestOutlookWebServices from './Test-OutlookWebServices.js';
import { testActiveSyncConnectivity, testImapConnectivity, testOwaConnectivity, testPopConnectivity } from './CasConnectivity.js';

export const testingCmdlets: CmdletDeclaration[] = [TestOutlookWebServices, testActiveSyncConnectivity, testOwaConnectivity, testPopConnectivity, testImapConnectivity] as CmdletDeclaration[];

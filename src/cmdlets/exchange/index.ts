// The Exchange certificate cmdlets and the lab's own cmdlets.
import type { CmdletDeclaration } from '../../protocol/cmdlet.js';
import GetExchangeCertificate from './Get-ExchangeCertificate.js';
import NewExchangeCertificate from './New-ExchangeCertificate.js';
import EnableExchangeCertificate from './Enable-ExchangeCertificate.js';
import ImportExchangeCertificate from './Import-ExchangeCertificate.js';
import ExportExchangeCertificate from './Export-ExchangeCertificate.js';
import RemoveExchangeCertificate from './Remove-ExchangeCertificate.js';
import GetExchangeServer from './Get-ExchangeServer.js';
import SetExchangeServer from './Set-ExchangeServer.js';
import GetMailbox from './Get-Mailbox.js';
import GetAcceptedDomain from './Get-AcceptedDomain.js';
import { getTransportServer, setTransportServer } from './TransportServer.js';
import { getReceiveConnector, newReceiveConnector, setReceiveConnector } from './ReceiveConnector.js';
import { getSendConnector, setSendConnector } from './SendConnector.js';
import { getTransportConfig, setTransportConfig } from './TransportConfig.js';
import { virtualDirectoryCmdlets } from './VirtualDirectory.js';
import { enableOutlookAnywhere, getOutlookAnywhere, setOutlookAnywhere } from './OutlookAnywhere.js';
import { getClientAccessServer, setClientAccessServer } from './ClientAccessServer.js';
import { protocolSettingsCmdlets } from './ProtocolSettings.js';
import { getUMDialPlan, getUMServer, newUMDialPlan, setUMDialPlan, setUMServer } from './UnifiedMessaging.js';
import SubmitLabCertificateRequest from '../lab/Submit-LabCertificateRequest.js';
import EnterLabServer from '../lab/Enter-LabServer.js';
import InstallLabServer, { setupCom } from '../lab/Install-LabServer.js';
import { mailflowCmdlets, mailflowLabCmdlets } from './mailflow/index.js';
import { testingCmdlets } from './testing/index.js';
import GetUMIPGateway from './Get-UMIPGateway.js';
import { getLabDate, setLabDate } from '../lab/LabDate.js';
import { getLabClient, testLabClient } from '../lab/Test-LabClient.js';
import RequestLabUserCertificate from '../lab/Request-LabUserCertificate.js';
import { getLabEndpoint, startLabEndpoint, stopLabEndpoint } from '../lab/LabEndpoint.js';
import { exerciseCmdlets } from '../lab/Exercise.js';
import { checkpointCmdlets } from '../lab/Checkpoint.js';

export const exchangeCmdlets: CmdletDeclaration[] = [
  GetExchangeCertificate,
  NewExchangeCertificate,
  EnableExchangeCertificate,
  ImportExchangeCertificate,
  ExportExchangeCertificate,
  RemoveExchangeCertificate,
  // The servers at work (issue 5): organization, transport, client access, POP/IMAP, UM.
  GetExchangeServer,
  SetExchangeServer,
  GetMailbox,
  GetAcceptedDomain,
  getTransportServer,
  setTransportServer,
  getReceiveConnector,
  setReceiveConnector,
  newReceiveConnector,
  getSendConnector,
  setSendConnector,
  getTransportConfig,
  setTransportConfig,
  ...virtualDirectoryCmdlets,
  getOutlookAnywhere,
  setOutlookAnywhere,
  enableOutlookAnywhere,
  getClientAccessServer,
  setClientAccessServer,
  ...protocolSettingsCmdlets,
  getUMServer,
  setUMServer,
  getUMDialPlan,
  newUMDialPlan,
  setUMDialPlan,
  GetUMIPGateway,
  ...mailflowCmdlets,
  ...testingCmdlets,
] as CmdletDeclaration[];

export const labCmdlets: CmdletDeclaration[] = [SubmitLabCertificateRequest, EnterLabServer, InstallLabServer, setupCom, ...mailflowLabCmdlets, getLabDate, setLabDate, getLabClient, testLabClient, RequestLabUserCertificate, startLabEndpoint, getLabEndpoint, stopLabEndpoint, ...exerciseCmdlets, ...checkpointCmdlets] as CmdletDeclaration[];

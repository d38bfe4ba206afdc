// The Exchange certificate cmdlets and the lab's own cmdlets.
import type { CmdletDeclaration } from '../../protocol/cmdlet.js';
import GetExchangeCertificate from './Get-ExchangeCertificate.js';
import NewExchangeCertificate from './New-ExchangeCertificate.js';
import EnableExchangeCertificate from './Enable-ExchangeCertificate.js';
import ImportExchangeCertificate from './Import-ExchangeCertificate.js';
import ExportExchangeCertificate from './Export-ExchangeCertificate.js';
import RemoveExchangeCertificate from './Remove-ExchangeCertificate.js';
import GetExchangeServer from './Get-ExchangeServer.js';
import GetMailbox from './Get-Mailbox.js';
import GetAcceptedDomain from './Get-AcceptedDomain.js';
import { getTransportServer, setTransportServer } from './TransportServer.js';
import { getReceiveConnector, setReceiveConnector } from './ReceiveConnector.js';
import { getSendConnector, setSendConnector } from './SendConnector.js';
import { getTransportConfig, setTransportConfig } from './TransportConfig.js';
import SubmitLabCertificateRequest from '../lab/Submit-LabCertificateRequest.js';
import EnterLabServer from '../lab/Enter-LabServer.js';
import { mailflowCmdlets, mailflowLabCmdlets } from './mailflow/index.js';

export const exchangeCmdlets: CmdletDeclaration[] = [
  GetExchangeCertificate,
  NewExchangeCertificate,
  EnableExchangeCertificate,
  ImportExchangeCertificate,
  ExportExchangeCertificate,
  RemoveExchangeCertificate,
  // The servers at work (issue 5): organization, transport, client access, POP/IMAP, UM.
  GetExchangeServer,
  GetMailbox,
  GetAcceptedDomain,
  getTransportServer,
  setTransportServer,
  getReceiveConnector,
  setReceiveConnector,
  getSendConnector,
  setSendConnector,
  getTransportConfig,
  setTransportConfig,
  ...mailflowCmdlets,
] as CmdletDeclaration[];

export const labCmdlets: CmdletDeclaration[] = [SubmitLabCertificateRequest, EnterLabServer, ...mailflowLabCmdlets] as CmdletDeclaration[];

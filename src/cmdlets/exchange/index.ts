// The Exchange certificate cmdlets and the lab's own cmdlets.
import type { CmdletDeclaration } from '../../protocol/cmdlet.js';
import GetExchangeCertificate from './Get-ExchangeCertificate.js';
import NewExchangeCertificate from './New-ExchangeCertificate.js';
import EnableExchangeCertificate from './Enable-ExchangeCertificate.js';
import ImportExchangeCertificate from './Import-ExchangeCertificate.js';
import ExportExchangeCertificate from './Export-ExchangeCertificate.js';
import RemoveExchangeCertificate from './Remove-ExchangeCertificate.js';
import SubmitLabCertificateRequest from '../lab/Submit-LabCertificateRequest.js';
import EnterLabServer from '../lab/Enter-LabServer.js';

export const exchangeCmdlets: CmdletDeclaration[] = [
  GetExchangeCertificate,
  NewExchangeCertificate,
  EnableExchangeCertificate,
  ImportExchangeCertificate,
  ExportExchangeCertificate,
  RemoveExchangeCertificate,
] as CmdletDeclaration[];

export const labCmdlets: CmdletDeclaration[] = [SubmitLabCertificateRequest, EnterLabServer] as CmdletDeclaration[];

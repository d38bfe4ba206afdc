// The certificate cmdlets of Windows (PKI module) the lab's machines have, and the Cert: drive.
import type { CmdletDeclaration } from '../../protocol/cmdlet.js';
import ImportCertificate from './Import-Certificate.js';
import ExportCertificate from './Export-Certificate.js';

export const securityCmdlets: CmdletDeclaration[] = [ImportCertificate, ExportCertificate] as CmdletDeclaration[];

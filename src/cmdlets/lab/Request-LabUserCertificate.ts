// Request-LabUserCertificate (issue 8): a user enrolls for a certificate at the enterprise CA and
// installs it on a lab client, as a 2007 admin arranged for ActiveSync certificate-based
// authentication (web enrollment, then the certificate on the device). The CA issues a client
// authentication certificate for the mailbox's user; the client then presents it when a server
// asks for one (Set-ActiveSyncVirtualDirectory -ClientCertAuth Required).

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { loadPki } from '../../pki/load.js';
import { org } from '../exchange/common.js';
import { x509Object } from '../security/cert-provider.js';
import { describePem } from '../../exchange/cert-stores.js';
import { findLabClient } from './Test-LabClient.js';

const DAY = 86_400_000;

export default defineCmdlet({
  name: 'Request-LabUserCertificate',
  module: 'emsh.Lab',
  typeNamespace: 'Emsh.Lab.Commands',
  synopsis: "Has the enterprise CA issue a user certificate and installs it in a lab client's personal store.",
  description:
    'Request-LabUserCertificate plays a user enrolling at ProExchange Root CA (certificate web enrollment) and installing the issued certificate on a device: the CA issues a client authentication certificate for the mailbox user (-User, an SMTP address of the organization), valid one year from the lab clock, and it goes with its new private key into the personal store of -Client (Cert:\\CurrentUser\\My there). ' +
    'PHONE01 presents it when the ActiveSync directory asks for a client certificate (Set-ActiveSyncVirtualDirectory -ClientCertAuth Required); IIS accepts it because it chains to the enterprise CA the server trusts.',
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  parameters: {
    Client: { type: 'String', complete: 'machine', help: 'The lab client that receives the certificate (for example PHONE01).', sets: { __AllParameterSets: { position: 0, mandatory: true } } },
    User: { type: 'String', help: 'The mailbox user, by SMTP address (alice@proexchange.global).', sets: { __AllParameterSets: { position: 1, mandatory: true } } },
  },
  outputType: ['System.Security.Cryptography.X509Certificates.X509Certificate2'],
  examples: [
    { code: 'Request-LabUserCertificate -Client PHONE01 -User alice@proexchange.global', remarks: "Alice's phone gets a user certificate from the enterprise CA.", shows: 'CN=Alice' },
  ],
  related: ['Test-LabClient', 'Set-ActiveSyncVirtualDirectory'],
  async process(p, ctx) {
    const o = org(ctx);
    const client = findLabClient(ctx, String(p.Client));
    if (!client) return;
    const address = String(p.User).trim().toLowerCase();
    const mailbox = (o.state.mailboxes ?? []).find((m) => m.primarySmtpAddress.toLowerCase() === address);
    if (!mailbox) {
      return ctx.fail(
        ctx.error({
          message: `The operation could not be performed because object '${String(p.User)}' could not be found on domain controller 'DC01.${o.state.adDomain}'.`,
          errorId: 'ManagementObjectNotFound',
          category: 'ObjectNotFound',
          exceptionType: 'ManagementObjectNotFoundException',
          targetObject: p.User,
        }),
      );
    }
    if (!(await ctx.shouldProcess(`${client.name}: user certificate for ${mailbox.primarySmtpAddress}`, 'Request certificate'))) return;
    const pki = await loadPki();
    const keyPem = (await pki.generateRsaKey(2048)).privatePem;
    const req = pki.createRequest({ subject: `CN=${mailbox.name}, E=${mailbox.primarySmtpAddress}`, privateKeyPem: keyPem });
    const from = new Date(Math.floor(ctx.now().getTime() / 1000) * 1000 - 10 * 60 * 1000);
    const cert = pki.signRequest(req, o.state.ca.certPem, o.state.ca.keyPem, { notBefore: from, notAfter: new Date(from.getTime() + 365 * DAY), extendedKeyUsage: ['clientAuth'] });
    client.personal.push({ thumbprint: cert.thumbprint, subject: cert.subject, certPem: cert.pem, keyPem });
    o.touch();
    ctx.write(x509Object({ ...describePem(cert.pem), hasPrivateKey: true, friendlyName: '' }, { location: 'CurrentUser', store: 'My' }));
  },
});

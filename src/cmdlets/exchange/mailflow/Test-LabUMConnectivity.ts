// Test-LabUMConnectivity: the TLS side of Unified Messaging in the lab - an Office Communications
// Server peer (TLS only, trusts only the enterprise CA) calls the UM server, and the UM server
// submits a voice mail to a Hub Transport server over SMTP with TLS.

import { defineCmdlet } from '../../../protocol/cmdlet.js';
import { PSObject } from '../../../protocol/values.js';
import { submitVoiceMail } from '../../../exchange/transport/routing.js';
import { ocsPeerCheck, OCS_FQDN } from '../../../exchange/transport/um.js';
import { exchangeError, org } from '../common.js';
import { UM_TEST_TYPE } from './views.js';

export default defineCmdlet({
  name: 'Test-LabUMConnectivity',
  module: 'emsh.Lab',
  typeNamespace: 'Emsh.Lab.Commands',
  synopsis: 'Tests the TLS paths of a Unified Messaging server: an OCS peer calling it, and voice mail to a Hub.',
  description:
    'Test-LabUMConnectivity checks two real TLS connections of a UM server over loopback. ' +
    'First, the Office Communications Server peer (ocs01) calls the UM server: it speaks SIP over TLS only (port 5061), so the UM server must run in SIPSecured or Secured mode (the VoIPSecurity of its dial plans), and it accepts only certificates whose issuer it trusts (the enterprise CA): the UM service presents the certificate enabled for UM (CA-issued before self-signed, then the newest), so the self-signed certificate from setup fails and a certificate issued by the lab CA succeeds. ' +
    'Second, the UM server submits a voice mail to a Hub Transport server of its site over SMTP, with TLS as between any Exchange servers. ' +
    'Each row shows the result, the thumbprint of the certificate the peer saw, and why.',
  parameters: {
    Server: { type: 'String', complete: 'machine', help: 'The UM server (default: the first UM server of the organization).', sets: { __AllParameterSets: { position: 0 } } },
    Recipient: { type: 'String', help: 'The mailbox the test voice mail is for (default: the first mailbox).' },
  },
  outputType: [UM_TEST_TYPE],
  examples: [
    {
      code: 'Test-LabUMConnectivity',
      remarks: 'With the built-in lab (dial plan Unsecured, self-signed certificate) the OCS peer cannot connect; the voice mail reaches the Hub over STARTTLS.',
      shows: 'Failed',
    },
    {
      setup:
        "Set-UMDialPlan 'ProExchange DP' -VoIPSecurity SIPSecured; $req = New-ExchangeCertificate -GenerateRequest -SubjectName 'cn=Ex2007EE.proexchange.local' -DomainName Ex2007EE.proexchange.local -Path c:\\um.req; Submit-LabCertificateRequest -Path c:\\um.req -OutFile c:\\um.cer; $c = Import-ExchangeCertificate -Path c:\\um.cer; Enable-ExchangeCertificate $c.Thumbprint -Services UM -Force",
      code: 'Test-LabUMConnectivity | Format-List Peer,Result,Detail',
      remarks: 'SIP-secured mode with a certificate from the lab CA enabled for UM: OCS trusts the issuer and the call set-up succeeds.',
      shows: 'Success',
    },
  ],
  async process(p, ctx) {
    const o = org(ctx);
    const um = p.Server === undefined ? o.allServers().find((s) => s.state.roles.includes('UnifiedMessaging')) : o.server(String(p.Server));
    if (!um || !um.state.roles.includes('UnifiedMessaging')) {
      ctx.writeError(exchangeError(ctx, 'ErrorUMServerNotFound', `The Unified Messaging server "${p.Server === undefined ? '' : String(p.Server)}" was not found.`, 'ObjectNotFound', p.Server, 'ManagementObjectNotFoundException'));
      return;
    }
    const now = ctx.now();
    const ocs = await ocsPeerCheck(o.state, um.state, now);
    ctx.write(
      PSObject.fromRecord(
        { Peer: `${OCS_FQDN}.${o.state.adDomain} (OCS)`, Mode: ocs.mode === 'Unsecured' ? 'TCP' : `TLS (${ocs.mode})`, Result: ocs.ok ? 'Success' : 'Failed', Thumbprint: ocs.thumbprint ?? null, Validation: ocs.judgement?.verdict ?? null, Detail: ocs.detail },
        [UM_TEST_TYPE, 'System.Object'],
      ),
    );
    const to = p.Recipient === undefined ? (o.state.mailboxes?.[0]?.primarySmtpAddress ?? `administrator@${o.state.externalDomain}`) : String(p.Recipient);
    const hop = await submitVoiceMail(o, um.name, to, () => ctx.now());
    if (typeof hop === 'string') {
      ctx.write(PSObject.fromRecord({ Peer: 'Hub Transport (voice mail)', Mode: 'SMTP', Result: 'Failed', Thumbprint: null, Validation: null, Detail: hop }, [UM_TEST_TYPE, 'System.Object']));
      return;
    }
    ctx.write(
      PSObject.fromRecord(
        {
          Peer: `${hop.target} (Hub Transport, voice mail)`,
          Mode: `SMTP ${hop.tls}`,
          Result: hop.ok ? 'Success' : 'Failed',
          Thumbprint: hop.certificateThumbprint ?? null,
          Validation: hop.validation ?? null,
          Detail: hop.response,
        },
        [UM_TEST_TYPE, 'System.Object'],
      ),
    );
  },
});

// Remove-ExchangeCertificate: deletes a certificate or pending request from the local store.
// ConfirmImpact High: it always asks unless -Confirm:$false. The internal transport certificate
// cannot be removed.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import {
  EXCHANGE_MODULE,
  EXCHANGE_NAMESPACE,
  domainControllerParameter,
  exchangeError,
  findOrReport,
  messages,
  org,
  shouldProcess,
  thumbprintParameter,
} from './common.js';

export default defineCmdlet({
  name: 'Remove-ExchangeCertificate',
  module: EXCHANGE_MODULE,
  typeNamespace: EXCHANGE_NAMESPACE,
  synopsis: 'Removes a certificate or a pending certificate request from the local server.',
  description:
    'Remove-ExchangeCertificate deletes a certificate, or a pending request, from the local computer\'s store. It always asks for confirmation (its impact is High) unless you add -Confirm:$false. The internal transport (default SMTP) certificate is refused: create and enable a new one first. Thumbprints can be piped in, e.g. from Get-ExchangeCertificate filtered with Where-Object.',
  supportsShouldProcess: true,
  confirmImpact: 'High',
  parameters: {
    Thumbprint: thumbprintParameter,
    DomainController: domainControllerParameter,
  },
  examples: [
    {
      setup: "$c = New-ExchangeCertificate -SubjectName 'cn=old.proexchange.global' -DomainName old.proexchange.global -Services None",
      code: 'Remove-ExchangeCertificate -Thumbprint $c.Thumbprint -Confirm:$false',
      remarks: 'Removes a certificate without asking.',
    },
    {
      setup: 'New-ExchangeCertificate -GenerateRequest -SubjectName "cn=pending.proexchange.global" | Out-Null',
      code: 'Get-ExchangeCertificate | Where-Object { $_.Status -eq "PendingRequest" } | Remove-ExchangeCertificate -Confirm:$false',
      remarks: 'Removes every pending request; the thumbprints bind from the piped objects.',
    },
  ],
  async process(p, ctx) {
    const server = org(ctx).current;
    const facts = findOrReport(ctx, server, p.Thumbprint);
    if (!facts) return;
    if (facts.kind === 'certificate' && server.state.internalTransportThumbprint === facts.thumbprint) {
      ctx.writeError(exchangeError(ctx, 'ErrorCannotRemoveInternalTransportCertificate', messages.removeInternalTransport, 'InvalidOperation', facts.thumbprint));
      return;
    }
    if (!(await shouldProcess(ctx, messages.removeConfirm(facts.thumbprint)))) return;
    server.remove(facts.thumbprint);
  },
});

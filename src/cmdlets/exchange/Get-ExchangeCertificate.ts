// Get-ExchangeCertificate: the local server's certificates and pending requests (Exchange 2007
// has no -Server: it reads the machine the shell is on).

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { getMember } from '../../protocol/members.js';
import type { CertificateFacts } from '../../exchange/certificate.js';
import { EXCHANGE_MODULE, EXCHANGE_NAMESPACE, domainControllerParameter, findOrReport, org } from './common.js';
import './views.js';

export default defineCmdlet({
  name: 'Get-ExchangeCertificate',
  module: EXCHANGE_MODULE,
  typeNamespace: EXCHANGE_NAMESPACE,
  synopsis: 'Lists the Exchange certificates and pending certificate requests of the local server.',
  description:
    'Get-ExchangeCertificate lists the certificates in the local computer\'s personal store that Exchange can use, newest first, and the pending certificate requests (Status PendingRequest). The table shows each certificate\'s thumbprint, the services it is enabled for (I IMAP, P POP, U UM, W IIS, S SMTP) and its subject; pipe to Format-List for the details. With -DomainName it returns the certificates whose names match, best match first: the first one is the certificate Exchange would choose for that name.',
  defaultParameterSet: 'Thumbprint',
  parameters: {
    Thumbprint: {
      type: 'String',
      complete: 'thumbprint',
      help: 'The thumbprint of the certificate to show.',
      sets: { Thumbprint: { position: 0, fromPipeline: true, fromPipelineByPropertyName: true } },
    },
    DomainName: {
      type: 'String[]',
      help: 'One or more FQDNs: shows the certificates whose subject or subject alternative names match, best match first.',
    },
    Instance: {
      type: 'Object',
      help: 'A certificate object to show as an Exchange certificate.',
      sets: { Instance: { fromPipeline: true } },
    },
    DomainController: domainControllerParameter,
  },
  outputType: ['Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate'],
  examples: [
    { code: 'Get-ExchangeCertificate', remarks: 'Lists the certificates of the local server.', shows: 'Thumbprint' },
    {
      code: 'Get-ExchangeCertificate | Format-List',
      remarks: 'Shows the details of every certificate: names, dates, services, status.',
      shows: 'CertificateDomains',
    },
    {
      code: 'Get-ExchangeCertificate -DomainName Ex2007EE.proexchange.local',
      remarks: 'Shows the certificates that match the server FQDN; the first is the one Exchange picks for TLS with that name.',
      shows: 'CN=Ex2007EE',
    },
  ],
  process(p, ctx) {
    const server = org(ctx).current;
    // -Thumbprint $null names nothing, as an absent parameter.
    let thumbprint = (p.Thumbprint ?? undefined) as string | undefined;
    if (p.Instance !== undefined && p.Instance !== null) thumbprint = String(getMember(p.Instance, 'Thumbprint') ?? '');
    let list: CertificateFacts[];
    if (thumbprint !== undefined) {
      const f = findOrReport(ctx, server, thumbprint);
      if (!f) return;
      list = [f];
    } else {
      list = server.list();
    }
    const names = p.DomainName?.filter((n): n is string => typeof n === 'string' && n !== '');
    if (names && names.length) {
      const matched: CertificateFacts[] = [];
      const seen = new Set<string>(); // a Set: thousands of matches must not be compared pairwise
      for (const n of names) {
        for (const f of server.matchDomain(n)) {
          if (!seen.has(f.thumbprint)) matched.push(f);
          seen.add(f.thumbprint);
        }
      }
      list = list.length === 1 && thumbprint !== undefined ? matched.filter((m) => m.thumbprint === list[0]!.thumbprint) : matched;
    }
    for (const f of list) ctx.write(server.object(f));
  },
});

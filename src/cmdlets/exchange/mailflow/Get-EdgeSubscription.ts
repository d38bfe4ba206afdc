// Get-EdgeSubscription: the Edge Subscriptions of the organization (Name, Site, Domain).

import { ADObjectId } from '../../../exchange/ad-object-id.js';
import { defineCmdlet } from '../../../protocol/cmdlet.js';
import { PSObject } from '../../../protocol/values.js';
import { registerView } from '../../../format/views.js';
import { EXCHANGE_MODULE, domainControllerParameter, exchangeError, org } from '../common.js';

const EDGE_SUBSCRIPTION_TYPE = 'Microsoft.Exchange.Data.Directory.SystemConfiguration.EdgeSubscription';

registerView({
  typeName: EDGE_SUBSCRIPTION_TYPE,
  shape: 'table',
  table: {
    columns: [
      { label: 'Name', property: 'Name' },
      { label: 'Site', property: 'Site' },
      { label: 'Domain', property: 'Domain' },
    ],
  },
});

export default defineCmdlet({
  name: 'Get-EdgeSubscription',
  module: EXCHANGE_MODULE,
  typeNamespace: 'Microsoft.Exchange.Management.SystemConfigurationTasks',
  synopsis: 'Lists the Edge Subscriptions of the organization.',
  description:
    'Get-EdgeSubscription lists the Edge Transport servers subscribed to Active Directory sites: the Edge\'s name, the site, its domain, and the thumbprint of the certificate published for it (DirectTrustCertificateThumbprint), which is the only certificate the Hub Transport servers accept from that Edge.',
  parameters: {
    Identity: { type: 'String', help: 'The Edge server name.', sets: { __AllParameterSets: { position: 0 } } },
    DomainController: domainControllerParameter,
  },
  outputType: [EDGE_SUBSCRIPTION_TYPE],
  examples: [
    {
      setup: 'Enter-LabServer EDGE01; New-EdgeSubscription -FileName c:\\edge.xml -Force; Enter-LabServer Ex2007EE; New-EdgeSubscription -FileName \\\\EDGE01\\c$\\edge.xml -Site Site-A',
      code: 'Get-EdgeSubscription | Format-List Name,Site,DirectTrustCertificateThumbprint',
      remarks: 'Shows the subscription and the thumbprint published for direct trust.',
      shows: 'DirectTrustCertificateThumbprint',
    },
  ],
  process(p, ctx) {
    const o = org(ctx);
    const id = p.Identity === undefined ? undefined : String(p.Identity).toLowerCase();
    const subs = (o.state.edgeSubscriptions ?? []).filter((s) => !id || s.edge.toLowerCase() === id || o.server(s.edge)?.fqdn.toLowerCase() === id);
    if (id && !subs.length) {
      ctx.writeError(exchangeError(ctx, 'ErrorEdgeSubscriptionNotFound', `The operation couldn't be performed because object '${String(p.Identity)}' couldn't be found on '${`DC01.${o.state.adDomain}`}'.`, 'ObjectNotFound', p.Identity, 'ManagementObjectNotFoundException'));
      return;
    }
    for (const s of subs) {
      const fqdn = o.server(s.edge)?.fqdn ?? s.edge;
      ctx.write(
        PSObject.fromRecord(
          {
            Name: s.edge,
            Site: ADObjectId.ofCanonical(`${o.state.adDomain}/Configuration/Sites/${s.site}`),
            Domain: fqdn.split('.').slice(1).join('.'),
            DirectTrustCertificateThumbprint: s.edgeCertificateThumbprint,
            WhenCreated: new Date(s.createdAt),
            LastSynchronized: s.lastSync ? new Date(s.lastSync) : null,
          },
          [EDGE_SUBSCRIPTION_TYPE, 'System.Object'],
        ),
      );
    }
  },
});

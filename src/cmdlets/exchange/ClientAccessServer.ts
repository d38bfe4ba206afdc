// Get-ClientAccessServer / Set-ClientAccessServer: the Client Access server objects, here the
// Autodiscover service connection point URL (AutoDiscoverServiceInternalUri) domain-joined
// Outlook 2007 reads from Active Directory; its host name must be on the IIS certificate.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import type { ExchangeServer, Organization } from '../../exchange/organization.js';
import { isClientAccess } from '../../exchange/defaults.js';
import { EXCHANGE_MODULE, domainControllerParameter } from './common.js';
import {
  SYSCONFIG_NAMESPACE,
  adTail,
  checkUri,
  configDn,
  configObject,
  confirmSet,
  findServers,
  getServersByIdentity,
  identityParameter,
  multiValued,
  org,
  refuse,
  setIdentityParameters,
  targetIdentity,
  warnIfUnencrypted,
} from './config-common.js';
import { CLIENT_ACCESS_SERVER_TYPE } from './config-views.js';

const casOnly = (s: ExchangeServer) => isClientAccess(s.state);

function clientAccessServerObject(o: Organization, s: ExchangeServer) {
  const ca = () => s.state.clientAccess!;
  const id = () => s.name;
  return configObject([CLIENT_ACCESS_SERVER_TYPE], id, [
    ['Name', 'System.String', id],
    ['Fqdn', 'System.String', () => s.fqdn],
    ['OutlookAnywhereEnabled', 'System.Boolean', () => ca().outlookAnywhere.enabled],
    ['AutoDiscoverServiceCN', 'System.String', () => s.name],
    ['AutoDiscoverServiceClassName', 'System.String', () => 'ms-Exchange-AutoDiscover-Service'],
    ['AutoDiscoverServiceInternalUri', 'System.Uri', () => ca().autoDiscoverServiceInternalUri],
    ['AutoDiscoverServiceGuid', 'System.Nullable`1[[System.Guid]]', () => '77378f46-2c66-4aa9-a6a6-3e7a48b19596'],
    ['AutoDiscoverSiteScope', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]', () => [...(ca().autoDiscoverSiteScope ?? (s.state.site ? [s.state.site] : []))]],
    ...adTail(o, id, () => configDn(o, [`CN=${s.name}`, 'CN=Servers']), () => new Date(s.state.installedAt), ['top', 'server', 'msExchExchangeServer']).filter(([n]) => n !== 'Name'),
  ]);
}

export const getClientAccessServer = defineCmdlet({
  name: 'Get-ClientAccessServer',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Shows the Client Access servers and their Autodiscover service connection point.',
  description:
    'Get-ClientAccessServer returns the Client Access servers: whether Outlook Anywhere is enabled and the AutoDiscoverServiceInternalUri that domain-joined Outlook 2007 clients find in Active Directory. Its host name must be on the certificate enabled for IIS, or Outlook shows a certificate warning.',
  parameters: {
    Identity: identityParameter('The Client Access server (name or FQDN); * wildcards allowed.', false),
    DomainController: domainControllerParameter,
  },
  outputType: [CLIENT_ACCESS_SERVER_TYPE],
  examples: [{ code: 'Get-ClientAccessServer', remarks: 'Lists the Client Access servers with their Autodiscover URL.', shows: 'https://Ex2007EE.proexchange.local/autodiscover/autodiscover.xml' }],
  process(p, ctx) {
    const o = org(ctx);
    const list = getServersByIdentity(ctx, p.Identity, o.allServers().filter(casOnly), casOnly);
    if (!list) return;
    for (const s of list) warnIfUnencrypted(ctx, s);
    for (const s of list) ctx.write(clientAccessServerObject(o, s));
  },
});

export const setClientAccessServer = defineCmdlet({
  name: 'Set-ClientAccessServer',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Changes a Client Access server (its Autodiscover service connection point URL).',
  description:
    'Set-ClientAccessServer -AutoDiscoverServiceInternalUri sets the Autodiscover URL published in Active Directory for domain-joined Outlook clients. Use a host name the IIS certificate carries (the KB940726 fix). The URL must be an absolute https or http URL; nothing changes otherwise.',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  defaultParameterSet: 'Identity',
  parameters: {
    ...setIdentityParameters('The Client Access server (name or FQDN).', CLIENT_ACCESS_SERVER_TYPE, 'ClientAccessServerIdParameter'),
    AutoDiscoverServiceInternalUri: { type: 'String', allowNull: true, help: 'The Autodiscover URL for domain-joined clients (System.Uri).' },
    AutoDiscoverSiteScope: { type: 'Object', help: 'The Active Directory sites whose clients this Autodiscover SCP serves; a list replaces them, @{Add=...; Remove=...} edits them.' },
    DomainController: domainControllerParameter,
  },
  examples: [
    {
      code: 'Set-ClientAccessServer -Identity Ex2007EE -AutoDiscoverServiceInternalUri https://mail.proexchange.global/autodiscover/autodiscover.xml; Get-ClientAccessServer Ex2007EE | Format-List AutoDiscoverServiceInternalUri',
      remarks: 'Points Outlook at a name that is on the certificate.',
      shows: 'https://mail.proexchange.global/autodiscover/autodiscover.xml',
    },
  ],
  async process(p, ctx) {
    const o = org(ctx);
    const s = findServers(ctx, targetIdentity(p), { single: true, accept: casOnly })![0]!;
    const ca = s.state.clientAccess!;
    let uri = ca.autoDiscoverServiceInternalUri;
    if (ctx.bound.has('AutoDiscoverServiceInternalUri')) {
      const v = checkUri(ctx, 'AutoDiscoverServiceInternalUri', p.AutoDiscoverServiceInternalUri);
      if (v === null) refuse(ctx, 'ErrorAutoDiscoverUriRequired', 'AutoDiscoverServiceInternalUri cannot be empty: domain-joined Outlook clients need it to find Autodiscover.', s.name);
      uri = v;
    }
    let scope = ca.autoDiscoverSiteScope;
    if (ctx.bound.has('AutoDiscoverSiteScope')) {
      scope = multiValued(p.AutoDiscoverSiteScope, ca.autoDiscoverSiteScope ?? (s.state.site ? [s.state.site] : []));
      const unknown = scope.find((x) => !o.state.sites.some((site) => site.toLowerCase() === x.toLowerCase()));
      if (unknown !== undefined) refuse(ctx, 'ErrorSiteNotFound', `The Active Directory site "${unknown}" was not found.`, unknown);
      scope = scope.map((x) => o.state.sites.find((site) => site.toLowerCase() === x.toLowerCase())!);
    }
    if (!(await confirmSet(ctx, 'Client Access server', s.name))) return;
    ca.autoDiscoverServiceInternalUri = uri;
    if (scope) ca.autoDiscoverSiteScope = scope;
    o.touch();
  },
});

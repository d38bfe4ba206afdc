// Get-ExchangeServer: the organization's Exchange servers, in the 2007 table and list forms.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import type { ExchangeServer, Organization } from '../../exchange/organization.js';
import { EXCHANGE_INSTALL_PATH } from '../../exchange/defaults.js';
import { visibleServers } from '../../exchange/identity.js';
import { EXCHANGE_MODULE, domainControllerParameter } from './common.js';
import { SYSCONFIG_NAMESPACE, configDn, configObject, findServers, guidOf, identityParameter, identityText, org } from './config-common.js';
import { EXCHANGE_SERVER_TYPE } from './config-views.js';
import { serverRoleValue } from '../../exchange/services.js';
import { EXCHANGE_SERVER_SETTINGS } from '../../exchange/settings-2007.js';
import { settingProperty } from './settings-params.js';
import { serverSettingContext } from './TransportServer.js';


/** `proexchange.local/Configuration/Sites/Site-A`, as an ADObjectId shows. */
export function siteText(o: Organization, site: string | undefined): string | null {
  return site ? `${o.state.adDomain}/Configuration/Sites/${site}` : null;
}

export function exchangeServerObject(o: Organization, s: ExchangeServer) {
  const st = s.state;
  const has = (r: string) => st.roles.includes(r as never);
  const n = () => st.name;
  const dn = () => configDn(o, [`CN=${st.name}`, 'CN=Servers']);
  return configObject([EXCHANGE_SERVER_TYPE], n, [
    ['Name', 'System.String', n],
    ['DataPath', 'Microsoft.Exchange.Data.LocalLongFullPath', () => `${EXCHANGE_INSTALL_PATH}\\Mailbox`],
    ['Domain', 'System.String', () => st.fqdn.split('.').slice(1).join('.')],
    ['Edition', 'Microsoft.Exchange.Data.ServerEditionType', () => st.edition],
    ['ExchangeLegacyDN', 'System.String', () => `/o=${o.state.organizationName}/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn=${st.name}`],
    ['Fqdn', 'System.String', () => st.fqdn],
    ['IsHubTransportServer', 'System.Boolean', () => has('HubTransport')],
    ['IsClientAccessServer', 'System.Boolean', () => has('ClientAccess')],
    ['IsExchange2007OrLater', 'System.Boolean', () => true],
    ['IsEdgeServer', 'System.Boolean', () => has('Edge')],
    ['IsMailboxServer', 'System.Boolean', () => has('Mailbox')],
    ['IsMemberOfCluster', 'System.String', () => 'No'],
    ['IsProvisionedServer', 'System.Boolean', () => false],
    ['IsUnifiedMessagingServer', 'System.Boolean', () => has('UnifiedMessaging')],
    ['NetworkAddress', 'Microsoft.Exchange.Data.NetworkAddressCollection', () => [`ncacn_vns_spp:${st.name}`, `netbios:${st.name}`, `ncacn_np:${st.name}`, `ncacn_spx:${st.name}`, `ncacn_ip_tcp:${st.fqdn}`, `ncalrpc:${st.name}`]],
    ['OrganizationalUnit', 'System.String', () => `${o.state.adDomain}/${st.name}`],
    ['AdminDisplayVersion', 'Microsoft.Exchange.Data.ServerVersion', () => st.adminDisplayVersion],
    ['Site', 'Microsoft.Exchange.Data.Directory.ADObjectId', () => siteText(o, st.site)],
    ['ServerRole', 'Microsoft.Exchange.Data.Directory.SystemConfiguration.ServerRole', () => serverRoleValue(st.roles)],
    ...EXCHANGE_SERVER_SETTINGS.map((spec) => settingProperty(spec, () => st.settings, () => serverSettingContext(s))),
    ['CurrentDomainControllers', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]', () => []],
    ['CurrentGlobalCatalogs', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]', () => []],
    ['CurrentConfigDomainController', 'System.String', () => null],
    ['ProductID', 'System.String', () => null],
    ['IsExchange2007TrialEdition', 'System.Boolean', () => false],
    ['IsExpiredExchange2007TrialEdition', 'System.Boolean', () => false],
    ['RemainingTrialPeriod', 'System.TimeSpan', () => '00:00:00'],
    ['IsValid', 'System.Boolean', () => true],
    ['OriginatingServer', 'System.String', () => `DC01.${o.state.adDomain}`],
    ['ExchangeVersion', 'Microsoft.Exchange.Data.ExchangeObjectVersion', () => '0.1 (8.0.535.0)'],
    ['DistinguishedName', 'System.String', dn],
    ['Identity', 'Microsoft.Exchange.Data.ObjectId', n],
    ['Guid', 'System.Guid', () => guidOf(dn())],
    ['ObjectCategory', 'Microsoft.Exchange.Data.Directory.ADObjectId', () => `${o.state.adDomain}/Configuration/Schema/ms-Exch-Exchange-Server`],
    ['ObjectClass', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]', () => ['top', 'server', 'msExchExchangeServer']],
    ['WhenChanged', 'System.Nullable`1[[System.DateTime]]', () => new Date(st.installedAt)],
    ['WhenCreated', 'System.Nullable`1[[System.DateTime]]', () => new Date(st.installedAt)],
  ]);
}

export default defineCmdlet({
  name: 'Get-ExchangeServer',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Lists the Exchange servers of the organization.',
  description:
    'Get-ExchangeServer returns the Exchange servers of the organization with their site, roles, edition and version (AdminDisplayVersion). Without -Identity it lists every server; -Identity takes a name or FQDN and may use * wildcards. Pipe to Format-List for the whole server object (FQDN, ServerRole, NetworkAddress, ExchangeLegacyDN ...).',
  defaultParameterSet: 'Identity',
  parameters: {
    Identity: identityParameter('The server: name or FQDN, * wildcards allowed.', false, 'Identity'),
    Domain: { type: 'String', help: 'Lists the servers whose FQDN is in this domain.', sets: { Domain: { mandatory: true } } },
    Status: { type: 'Switch', help: 'Also reads the servers\' current domain controllers (accepted; the lab has none to report).' },
    DomainController: domainControllerParameter,
  },
  outputType: [EXCHANGE_SERVER_TYPE],
  examples: [
    { code: 'Get-ExchangeServer', remarks: 'Lists every Exchange server with site, roles, edition and version.', shows: 'AdminDisplayVersion' },
    { code: 'Get-ExchangeServer Ex2007EE | Format-List', remarks: 'Shows every property of one server, in the order Exchange 2007 lists them.', shows: 'Mailbox, ClientAccess, UnifiedMessaging, HubTransport' },
    { code: "Get-ExchangeServer | Where-Object { $_.IsHubTransportServer } | Select-Object Name,Fqdn", remarks: 'The Hub Transport servers and their FQDNs.', shows: 'Ex2007SE.proexchange.local' },
  ],
  process(p, ctx) {
    const o = org(ctx);
    let servers = visibleServers(o);
    if (ctx.parameterSetName === 'Domain') {
      const d = String(p.Domain).toLowerCase();
      servers = servers.filter((s) => s.fqdn.toLowerCase().endsWith(`.${d}`));
    } else if (p.Identity !== undefined && p.Identity !== null) {
      const id = identityText(p.Identity);
      const found = findServers(ctx, id, { single: false });
      if (!found) return;
      servers = found;
    }
    for (const s of servers) ctx.write(exchangeServerObject(o, s));
  },
});

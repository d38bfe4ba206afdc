// Get-AcceptedDomain: the SMTP domains the organization accepts mail for.

import { SMTP_DOMAIN_WITH_SUBDOMAINS_TYPE, smtpDomainWithSubdomains } from '../../exchange/smtp-domain.js';
import { defineCmdlet } from '../../protocol/cmdlet.js';
import { enumValue, registerEnum } from '../../protocol/convert.js';
import type { AcceptedDomainState } from '../../exchange/model.js';
import type { Organization } from '../../exchange/organization.js';
import { EXCHANGE_MODULE, domainControllerParameter } from './common.js';
import {
  SYSCONFIG_NAMESPACE,
  adTail,
  configDn,
  configObject,
  getByIdentity,
  identityParameter,
  org,
} from './config-common.js';
import { ACCEPTED_DOMAIN_TYPE } from './config-views.js';

/** AcceptedDomainType: which mail for the domain the organization delivers itself or relays. */
const ACCEPTED_DOMAIN_TYPE_ENUM = 'Microsoft.Exchange.Data.Directory.SystemConfiguration.AcceptedDomainType';
registerEnum({ typeName: ACCEPTED_DOMAIN_TYPE_ENUM, values: ['Authoritative', 'ExternalRelay', 'InternalRelay'] });

function acceptedDomainObject(o: Organization, d: AcceptedDomainState) {
  const id = () => d.name;
  const dn = () => configDn(o, [`CN=${d.name}`, 'CN=Accepted Domains', 'CN=Transport Settings']).replace(',CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups', '');
  return configObject([ACCEPTED_DOMAIN_TYPE], id, [
    ['DomainName', SMTP_DOMAIN_WITH_SUBDOMAINS_TYPE, () => smtpDomainWithSubdomains(d.domainName)],
    ['DomainType', ACCEPTED_DOMAIN_TYPE_ENUM, () => enumValue(ACCEPTED_DOMAIN_TYPE_ENUM, d.domainType)],
    ['Default', 'System.Boolean', () => d.default],
    ['AddressBookEnabled', 'System.Boolean', () => d.domainType === 'Authoritative'],
    ['AdminDisplayName', 'System.String', () => null],
    ...adTail(o, id, dn, () => new Date(o.allServers()[0]?.state.installedAt ?? 0), ['top', 'msExchAcceptedDomain']),
  ]);
}

export default defineCmdlet({
  name: 'Get-AcceptedDomain',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Lists the accepted domains of the organization.',
  description:
    'Get-AcceptedDomain returns the SMTP domains the organization accepts mail for: their name, domain, type (Authoritative, InternalRelay, ExternalRelay) and which is the default (used in e-mail address policies). Certificates for external names (mail.<domain>, autodiscover.<domain>) are usually built from these domains.',
  parameters: {
    Identity: identityParameter('The accepted domain (its name or domain name); * wildcards allowed.', false),
    DomainController: domainControllerParameter,
  },
  outputType: [ACCEPTED_DOMAIN_TYPE],
  examples: [
    { code: 'Get-AcceptedDomain', remarks: 'Lists the accepted domains.', shows: 'Authoritative' },
    { code: 'Get-AcceptedDomain | Where-Object { $_.Default } | Select-Object -ExpandProperty DomainName', remarks: 'The default domain.', shows: 'proexchange.global' },
  ],
  process(p, ctx) {
    const o = org(ctx);
    const list = getByIdentity(ctx, p.Identity, o.state.acceptedDomains, (d) => [d.name, d.domainName]);
    if (!list) return;
    for (const d of list) ctx.write(acceptedDomainObject(o, d));
  },
});

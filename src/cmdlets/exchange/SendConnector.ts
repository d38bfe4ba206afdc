// Get-SendConnector / Set-SendConnector: the organization's Send connectors (identity: the
// name), with the TLS settings of outbound SMTP: Fqdn, RequireTLS, IgnoreSTARTTLS,
// DomainSecureEnabled, ProtocolLoggingLevel.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import type { SendConnectorState } from '../../exchange/model.js';
import type { Organization } from '../../exchange/organization.js';
import { isTransport } from '../../exchange/defaults.js';
import { EXCHANGE_MODULE, domainControllerParameter } from './common.js';
import {
  LOGGING_LEVEL_ENUM,
  SYSCONFIG_NAMESPACE,
  adTail,
  booleanParameter,
  checkFqdn,
  configDn,
  configObject,
  confirmSet,
  findObjects,
  findServers,
  getByIdentity,
  identityParameter,
  identityText,
  org,
  refuse,
} from './config-common.js';
import { SEND_CONNECTOR_TYPE } from './config-views.js';

export function sendConnectorObject(o: Organization, c: SendConnectorState) {
  const id = () => c.name;
  return configObject([SEND_CONNECTOR_TYPE, 'Microsoft.Exchange.Data.Directory.SystemConfiguration.SendConnector'], id, [
    ['AddressSpaces', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.AddressSpace]]', () => [...c.addressSpaces]],
    ['DNSRoutingEnabled', 'System.Boolean', () => c.dnsRoutingEnabled],
    ['DomainSecureEnabled', 'System.Boolean', () => c.domainSecureEnabled],
    ['Enabled', 'System.Boolean', () => c.enabled],
    ['Fqdn', 'Microsoft.Exchange.Data.Fqdn', () => c.fqdn || null],
    ['IgnoreSTARTTLS', 'System.Boolean', () => c.ignoreSTARTTLS],
    ['ProtocolLoggingLevel', 'Microsoft.Exchange.Data.ProtocolLoggingLevel', () => c.protocolLoggingLevel],
    ['RequireTLS', 'System.Boolean', () => c.requireTLS],
    ['SmartHosts', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.SmartHost]]', () => [...c.smartHosts]],
    ['SourceTransportServers', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.Directory.ADObjectId]]', () => [...c.sourceTransportServers]],
    ...adTail(o, id, () => configDn(o, [`CN=${c.name}`, 'CN=Connections', 'CN=Exchange Routing Group (DWBGZMFD01QNBJR)', 'CN=Routing Groups']), () => new Date(o.allServers()[0]?.state.installedAt ?? 0), ['top', 'msExchRoutingSMTPConnector']),
  ]);
}

const sendConnectors = (o: Organization) => o.state.sendConnectors ?? [];

export const getSendConnector = defineCmdlet({
  name: 'Get-SendConnector',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Lists the Send connectors of the organization.',
  description:
    'Get-SendConnector returns the organization\'s Send connectors: the address spaces each one serves, the source servers that send through it, and its TLS settings. Send connectors belong to the organization, so the identity is just the name. Mail between Exchange servers does not use them: it goes through the implicit intra-organization connector (see Set-TransportServer).',
  parameters: {
    Identity: identityParameter('The connector name; * wildcards allowed.', false),
    DomainController: domainControllerParameter,
  },
  outputType: [SEND_CONNECTOR_TYPE],
  examples: [
    { code: 'Get-SendConnector', remarks: 'Lists the Send connectors.', shows: 'SMTP:*;1' },
    { code: 'Get-SendConnector Internet | Format-List Name,Fqdn,RequireTLS,IgnoreSTARTTLS,DomainSecureEnabled,SourceTransportServers', remarks: 'The TLS settings of the Internet connector.', shows: 'IgnoreSTARTTLS' },
  ],
  process(p, ctx) {
    const o = org(ctx);
    const list = getByIdentity(ctx, p.Identity, sendConnectors(o), (c) => [c.name]);
    if (!list) return;
    for (const c of list) ctx.write(sendConnectorObject(o, c));
  },
});

/** Combinations Exchange refuses (the lab's wording; the 2007 texts are not in the sources). */
export function sendConnectorProblem(c: SendConnectorState): string | undefined {
  if (c.requireTLS && c.ignoreSTARTTLS) return 'RequireTLS and IgnoreSTARTTLS cannot both be set to $true on a Send connector.';
  if (c.domainSecureEnabled && c.ignoreSTARTTLS) return 'DomainSecureEnabled and IgnoreSTARTTLS cannot both be set to $true on a Send connector.';
  if (c.domainSecureEnabled && !c.dnsRoutingEnabled) return 'DomainSecureEnabled can be set to $true only on a Send connector that uses DNS routing (DNSRoutingEnabled $true).';
  return undefined;
}

export const setSendConnector = defineCmdlet({
  name: 'Set-SendConnector',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Changes a Send connector.',
  description:
    'Set-SendConnector changes a Send connector. -Fqdn is the name used in HELO/EHLO and the certificate name offered when the remote side asks for one (Domain Security); -RequireTLS $true sends only over TLS; -IgnoreSTARTTLS $true never uses STARTTLS even when offered; -DomainSecureEnabled turns on mutual TLS to the domains of Set-TransportConfig -TLSSendDomainSecureList; -ProtocolLoggingLevel Verbose writes Send protocol logs. Impossible combinations are refused and nothing changes.',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    Identity: identityParameter('The connector name.', true),
    Fqdn: { type: 'String', help: 'The FQDN used in HELO/EHLO and for the client certificate; $null means the source server FQDN.' },
    RequireTLS: booleanParameter('$true: send only over TLS.'),
    IgnoreSTARTTLS: booleanParameter('$true: do not use STARTTLS even when the remote server offers it.'),
    DomainSecureEnabled: booleanParameter('$true: mutual TLS (Domain Security) with the domains in the transport configuration.'),
    ProtocolLoggingLevel: { type: 'Enum', enum: LOGGING_LEVEL_ENUM, help: 'None or Verbose: Send protocol logging for this connector.' },
    SourceTransportServers: { type: 'String[]', help: 'The Hub or Edge servers that send through the connector.' },
    Enabled: booleanParameter('$false turns the connector off.'),
    DomainController: domainControllerParameter,
  },
  examples: [
    { code: 'Set-SendConnector Internet -ProtocolLoggingLevel Verbose', remarks: 'Logs the SMTP sessions of the Internet connector.' },
    {
      code: 'Set-SendConnector Internet -Fqdn mail.proexchange.global -RequireTLS $true; Get-SendConnector Internet | Format-List Fqdn,RequireTLS',
      remarks: 'Announces mail.proexchange.global and sends only over TLS.',
      shows: 'RequireTLS : True',
    },
  ],
  async process(p, ctx) {
    const o = org(ctx);
    const id = identityText(p.Identity);
    const c = findObjects(ctx, sendConnectors(o), id, (x) => [x.name], true)![0]!;
    const next: SendConnectorState = { ...c };
    const b = ctx.bound;
    if (b.has('Fqdn')) next.fqdn = checkFqdn(ctx, 'Fqdn', p.Fqdn);
    if (b.has('RequireTLS')) next.requireTLS = Boolean(p.RequireTLS);
    if (b.has('IgnoreSTARTTLS')) next.ignoreSTARTTLS = Boolean(p.IgnoreSTARTTLS);
    if (b.has('DomainSecureEnabled')) next.domainSecureEnabled = Boolean(p.DomainSecureEnabled);
    if (p.ProtocolLoggingLevel) next.protocolLoggingLevel = p.ProtocolLoggingLevel;
    if (b.has('Enabled')) next.enabled = Boolean(p.Enabled);
    if (b.has('SourceTransportServers')) {
      const names: string[] = [];
      for (const n of (p.SourceTransportServers as string[]) ?? []) {
        const s = findServers(ctx, n, { single: true, accept: (x) => isTransport(x.state) })![0]!;
        if (!names.includes(s.name)) names.push(s.name);
      }
      next.sourceTransportServers = names;
    }
    const problem = sendConnectorProblem(next);
    if (problem) refuse(ctx, 'ErrorInvalidSendConnectorSettings', problem, id);
    if (!(await confirmSet(ctx, 'Send connector', c.name))) return;
    Object.assign(c, next);
    o.touch();
  },
});

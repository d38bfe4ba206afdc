// Get-SendConnector / Set-SendConnector: the organization's Send connectors (identity: the
// name), with the TLS settings of outbound SMTP: Fqdn, RequireTLS, IgnoreSTARTTLS,
// DomainSecureEnabled, ProtocolLoggingLevel.

import { defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
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
  org,
  multiValued,
  refuse,
  bindingError,
  checkDomain,
  setIdentityParameters,
  targetIdentity,
  type PropSpec,
} from './config-common.js';
import { SEND_CONNECTOR_TYPE } from './config-views.js';
import { SEND_CONNECTOR_ORDER, SEND_CONNECTOR_SETTINGS } from '../../exchange/settings-2007.js';
import type { SettingContext } from '../../exchange/settings.js';
import { applySettings, orderedProperties, settingParameters } from './settings-params.js';
import { linkedReceiveConnector } from './ReceiveConnector.js';

/** `fabrikam.lab` -> `SMTP:fabrikam.lab;1`; `SMTP:*;100` stays. */
export function addressSpace(text: string): { space: string; domain: string } {
  const m = /^(?:smtp:)?([^;]+?)(?:;(\d+))?$/i.exec(text.trim());
  const domain = (m?.[1] ?? text).trim();
  return { space: `SMTP:${domain};${m?.[2] ?? '1'}`, domain };
}

/** Address spaces from a parameter value (list, or @{Add=...; Remove=...} over the current ones), each checked. */
export function checkAddressSpaces(ctx: CmdletContext, v: unknown, current: readonly string[]): string[] {
  const spaces = multiValued(v, current).map((x) => addressSpace(x));
  for (const a of spaces) if (a.domain !== '*') checkDomain(ctx, 'AddressSpaces', a.domain.replace(/^\*\./, ''));
  return [...new Set(spaces.map((a) => a.space))];
}

/** What a Send connector's setting defaults depend on: its first source server. */
function sendSettingContext(o: Organization, c: SendConnectorState): SettingContext {
  const s = o.allServers().find((x) => x.name.toLowerCase() === (c.sourceTransportServers[0] ?? '').toLowerCase());
  return { edge: !!s?.state.roles.includes('Edge'), fqdn: s?.fqdn ?? '' };
}

export function sendConnectorObject(o: Organization, c: SendConnectorState) {
  const id = () => c.name;
  const own: Record<string, PropSpec> = {};
  for (const p of [
    ['AddressSpaces', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.AddressSpace]]', () => [...c.addressSpaces]],
    ['ConnectedDomains', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.ConnectedDomain]]', () => []],
    ['DNSRoutingEnabled', 'System.Boolean', () => c.dnsRoutingEnabled],
    ['DomainSecureEnabled', 'System.Boolean', () => c.domainSecureEnabled],
    ['Enabled', 'System.Boolean', () => c.enabled],
    ['Fqdn', 'Microsoft.Exchange.Data.Fqdn', () => c.fqdn || null],
    ['HomeMTA', 'Microsoft.Exchange.Data.Directory.ADObjectId', () => 'Microsoft MTA'],
    ['HomeMtaServerId', 'Microsoft.Exchange.Data.Directory.ADObjectId', () => c.sourceTransportServers[0] ?? null],
    ['Identity', 'Microsoft.Exchange.Data.ObjectId', id],
    ['IgnoreSTARTTLS', 'System.Boolean', () => c.ignoreSTARTTLS],
    ['IsSmtpConnector', 'System.Boolean', () => true],
    ['Name', 'System.String', id],
    ['ProtocolLoggingLevel', 'Microsoft.Exchange.Data.ProtocolLoggingLevel', () => c.protocolLoggingLevel],
    ['RequireTLS', 'System.Boolean', () => c.requireTLS],
    ['SmartHosts', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.SmartHost]]', () => [...c.smartHosts]],
    ['SmartHostsString', 'System.String', () => c.smartHosts.join(',')],
    ['SourceRoutingGroup', 'Microsoft.Exchange.Data.Directory.ADObjectId', () => 'Exchange Routing Group (DWBGZMFD01QNBJR)'],
    ['SourceTransportServers', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.Directory.ADObjectId]]', () => [...c.sourceTransportServers]],
  ] as PropSpec[]) own[p[0]] = p;
  return configObject([SEND_CONNECTOR_TYPE, 'Microsoft.Exchange.Data.Directory.SystemConfiguration.SendConnector'], id, [
    ...orderedProperties(SEND_CONNECTOR_ORDER, own, SEND_CONNECTOR_SETTINGS, () => c.settings, () => sendSettingContext(o, c)),
    ...adTail(o, id, () => configDn(o, [`CN=${c.name}`, 'CN=Connections', 'CN=Exchange Routing Group (DWBGZMFD01QNBJR)', 'CN=Routing Groups']), () => new Date(o.allServers()[0]?.state.installedAt ?? 0), ['top', 'msExchRoutingSMTPConnector']).filter(
      ([n]) => n !== 'Name' && n !== 'Identity',
    ),
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

/** -SourceTransportServers: each a Hub or Edge server (names as shown, without duplicates); $null elements are refused. */
export function sourceTransportServers(ctx: CmdletContext, values: readonly unknown[] | null): string[] {
  const names: string[] = [];
  for (const n of values ?? []) {
    const t = n === null || n === undefined ? '' : String(n).trim();
    if (!t) bindingError(ctx, 'SourceTransportServers', n, 'Microsoft.Exchange.Configuration.Tasks.ServerIdParameter', 'The server name cannot be empty.');
    const s = findServers(ctx, t, { single: true, accept: (x) => isTransport(x.state) })![0]!;
    if (!names.includes(s.name)) names.push(s.name);
  }
  return names;
}

/** A Send connector name: not empty, at most 64 characters, unique in the organization. */
export function checkSendConnectorName(ctx: CmdletContext, name: string, self?: SendConnectorState): string {
  const o = org(ctx);
  const t = name.trim();
  if (!t || t.length > 64) refuse(ctx, 'ErrorInvalidName', `The name "${t}" is not valid for a Send connector: it must have 1 to 64 characters.`, t);
  if (sendConnectors(o).some((c) => c !== self && c.name.toLowerCase() === t.toLowerCase())) {
    refuse(ctx, 'ADObjectAlreadyExists', `Active Directory operation failed on ${o.current.fqdn}. The object '${configDn(o, [`CN=${t}`, 'CN=Connections', 'CN=Exchange Routing Group (DWBGZMFD01QNBJR)', 'CN=Routing Groups'])}' already exists.`, t);
  }
  return t;
}

/** Combinations Exchange refuses (the lab's wording; the 2007 texts are not in the sources). */
export function sendConnectorProblem(c: SendConnectorState): string | undefined {
  const auth = c.settings?.SmartHostAuthMechanism;
  if ((auth === 'BasicAuth' || auth === 'BasicAuthRequireTLS') && !c.settings?.AuthenticationCredential) return 'The AuthenticationCredential parameter must be specified when SmartHostAuthMechanism is BasicAuth or BasicAuthRequireTLS.';
  if (!c.dnsRoutingEnabled && c.smartHosts.length === 0) return 'SmartHosts must be specified when DNSRoutingEnabled is $false.';
  if (c.sourceTransportServers.length === 0) return 'A Send connector needs at least one source transport server (SourceTransportServers).';
  if (c.addressSpaces.length === 0 && !c.settings?.LinkedReceiveConnector) return 'A Send connector needs at least one address space, or a linked Receive connector.';
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
  defaultParameterSet: 'Identity',
  parameters: {
    ...setIdentityParameters('The connector name.', SEND_CONNECTOR_TYPE, 'SendConnectorIdParameter'),
    Fqdn: { type: 'String', netType: 'Microsoft.Exchange.Data.Fqdn', help: 'The FQDN used in HELO/EHLO and for the client certificate; $null means the source server FQDN.' },
    RequireTLS: booleanParameter('$true: send only over TLS.'),
    IgnoreSTARTTLS: booleanParameter('$true: do not use STARTTLS even when the remote server offers it.'),
    DomainSecureEnabled: booleanParameter('$true: mutual TLS (Domain Security) with the domains in the transport configuration.'),
    ProtocolLoggingLevel: { type: 'Enum', enum: LOGGING_LEVEL_ENUM, help: 'None or Verbose: Send protocol logging for this connector.' },
    SourceTransportServers: { type: 'String[]', netType: 'Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Configuration.Tasks.ServerIdParameter]', help: 'The Hub or Edge servers that send through the connector.' },
    Enabled: booleanParameter('$false turns the connector off.'),
    AddressSpaces: { type: 'Object', netType: 'Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.AddressSpace]', help: 'Domains the connector serves (SMTP:<domain>;<cost>); a list replaces them, @{Add=...; Remove=...} edits them.' },
    DNSRoutingEnabled: booleanParameter('$true: MX (DNS) routing; $false: through -SmartHosts.'),
    SmartHosts: { type: 'Object', netType: 'Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.SmartHost]', help: 'Send through these hosts instead of DNS; giving them turns DNS routing off unless -DNSRoutingEnabled says otherwise.' },
    Name: { type: 'String', help: 'Renames the connector (unique in the organization).' },
    Force: { type: 'Switch', help: 'No confirmation questions.' },
    ...settingParameters(SEND_CONNECTOR_SETTINGS),
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
    const id = targetIdentity(p);
    const c = findObjects(ctx, sendConnectors(o), id, (x) => [x.name], true)![0]!;
    const next: SendConnectorState = { ...c };
    const b = ctx.bound;
    if (b.has('Fqdn')) next.fqdn = checkFqdn(ctx, 'Fqdn', p.Fqdn);
    if (b.has('RequireTLS')) next.requireTLS = Boolean(p.RequireTLS);
    if (b.has('IgnoreSTARTTLS')) next.ignoreSTARTTLS = Boolean(p.IgnoreSTARTTLS);
    if (b.has('DomainSecureEnabled')) next.domainSecureEnabled = Boolean(p.DomainSecureEnabled);
    if (p.ProtocolLoggingLevel) next.protocolLoggingLevel = p.ProtocolLoggingLevel;
    if (b.has('Enabled')) next.enabled = Boolean(p.Enabled);
    if (b.has('AddressSpaces')) next.addressSpaces = checkAddressSpaces(ctx, p.AddressSpaces, c.addressSpaces);
    if (b.has('SmartHosts')) {
      next.smartHosts = multiValued(p.SmartHosts, c.smartHosts);
      if (!b.has('DNSRoutingEnabled')) next.dnsRoutingEnabled = next.smartHosts.length === 0;
    }
    if (b.has('DNSRoutingEnabled')) next.dnsRoutingEnabled = Boolean(p.DNSRoutingEnabled);
    if (b.has('Name')) next.name = checkSendConnectorName(ctx, String(p.Name ?? ''), c);
    next.settings = applySettings(ctx, SEND_CONNECTOR_SETTINGS, p, c.settings, sendSettingContext(o, c));
    if (b.has('LinkedReceiveConnector') && next.settings.LinkedReceiveConnector !== null) next.settings.LinkedReceiveConnector = linkedReceiveConnector(ctx, String(next.settings.LinkedReceiveConnector));
    if (b.has('SourceTransportServers')) next.sourceTransportServers = sourceTransportServers(ctx, p.SourceTransportServers ?? null);
    const problem = sendConnectorProblem(next);
    if (problem) refuse(ctx, 'ErrorInvalidSendConnectorSettings', problem, id);
    if (!(await confirmSet(ctx, 'Send connector', c.name))) return;
    Object.assign(c, next);
    o.touch();
  },
});

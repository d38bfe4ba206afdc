// New-SendConnector as 2007 SP1 has it: an organization Send connector for address spaces (or
// linked to a Receive connector), sent from source transport servers by DNS or through smart
// hosts, with its usage type (-Custom, -Internal, -Internet, -Partner or -Usage), smart host
// authentication and credentials, and every setting Set-SendConnector has.

import { PSObject } from '../../../protocol/values.js';
import { defineCmdlet } from '../../../protocol/cmdlet.js';
import type { SendConnectorState } from '../../../exchange/model.js';
import { SEND_CONNECTOR_SETTINGS } from '../../../exchange/settings-2007.js';
import { EXCHANGE_MODULE, domainControllerParameter, shouldProcess } from '../common.js';
import { LOGGING_LEVEL_ENUM, SYSCONFIG_NAMESPACE, booleanParameter, checkFqdn, multiValued, org, refuse } from '../config-common.js';
import { SEND_CONNECTOR_TYPE } from '../config-views.js';
import { checkAddressSpaces, checkSendConnectorName, sendConnectorObject, sendConnectorProblem, sourceTransportServers } from '../SendConnector.js';
import { linkedReceiveConnector } from '../ReceiveConnector.js';
import { applySettings, settingParameters } from '../settings-params.js';

const USAGE_ENUM = { typeName: 'Microsoft.Exchange.Management.SystemConfigurationTasks.NewSendConnector+UsageType', values: ['Custom', 'Internal', 'Internet', 'Partner'] as const };
type Usage = (typeof USAGE_ENUM.values)[number];
const SWITCHES: Usage[] = ['Custom', 'Internal', 'Internet', 'Partner'];

export const newSendConnector = defineCmdlet({
  name: 'New-SendConnector',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Creates a Send connector.',
  description:
    'New-SendConnector creates an organization Send connector for the -AddressSpaces (domains, `*` for all), sent from the -SourceTransportServers (default: the server you are logged on to) by DNS, or through -SmartHosts; or, with -LinkedReceiveConnector, one that relays what a Receive connector accepts. The usage type (-Custom, -Internal, -Internet, -Partner, or -Usage) presets what the type needs: Partner turns on Domain Security, Internal authenticates to smart hosts as an Exchange server. -SmartHostAuthMechanism BasicAuth needs -AuthenticationCredential (Get-Credential). For Domain Security with a partner, create a connector for the partner\'s domain with -DomainSecureEnabled $true (DNS routing only) and list the domain in Set-TransportConfig -TLSSendDomainSecureList; the certificate offered to the partner is the one that matches the connector\'s -Fqdn (or the server FQDN). The most specific address space wins when several connectors match.',
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  defaultParameterSet: 'AddressSpaces',
  parameters: {
    Name: { type: 'String', help: 'The connector name (unique in the organization).', sets: { AddressSpaces: { position: 0, mandatory: true }, LinkedReceiveConnector: { position: 0, mandatory: true } } },
    AddressSpaces: { type: 'Object', netType: 'Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.AddressSpace]', help: 'Domains the connector serves: fabrikam.lab, *.fabrikam.lab, * ; optionally SMTP:<domain>;<cost>.', sets: { AddressSpaces: { mandatory: true } } },
    LinkedReceiveConnector: { type: 'String', netType: 'Microsoft.Exchange.Configuration.Tasks.ReceiveConnectorIdParameter', help: 'The Receive connector (SERVER\\Name) whose mail this connector relays.', sets: { LinkedReceiveConnector: { mandatory: true } } },
    Custom: { type: 'Switch', help: 'Usage type Custom.' },
    Internal: { type: 'Switch', help: 'Usage type Internal: to other Exchange organizations or servers of this one (smart hosts authenticate as ExchangeServer).' },
    Internet: { type: 'Switch', help: 'Usage type Internet: to the Internet by DNS.' },
    Partner: { type: 'Switch', help: 'Usage type Partner: to a partner domain with Domain Security.' },
    Usage: { type: 'Enum', enum: USAGE_ENUM, help: 'Custom, Internal, Internet or Partner.' },
    SourceTransportServers: { type: 'String[]', netType: 'Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Configuration.Tasks.ServerIdParameter]', help: 'The Hub or Edge servers that send through the connector.' },
    SmartHosts: { type: 'Object', netType: 'Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.SmartHost]', help: 'Send through these hosts instead of DNS (MX) routing.' },
    DNSRoutingEnabled: booleanParameter('$true: MX (DNS) routing (the default without smart hosts).'),
    Fqdn: { type: 'String', netType: 'Microsoft.Exchange.Data.Fqdn', help: 'The FQDN in HELO/EHLO and the name of the certificate offered; default: the source server FQDN.' },
    DomainSecureEnabled: booleanParameter('$true: mutual TLS (Domain Security) with the domains of TLSSendDomainSecureList.'),
    RequireTLS: booleanParameter('$true: send only over TLS.'),
    IgnoreSTARTTLS: booleanParameter('$true: do not use STARTTLS even when offered.'),
    ProtocolLoggingLevel: { type: 'Enum', enum: LOGGING_LEVEL_ENUM, help: 'None or Verbose.' },
    Enabled: booleanParameter('$false creates it turned off.'),
    Force: { type: 'Switch', help: 'No confirmation questions.' },
    TemplateInstance: { type: 'PSObject', help: 'A Send connector whose settings the new one copies (explicit parameters win).' },
    ...(({ LinkedReceiveConnector: _linked, ...rest }) => rest)(settingParameters(SEND_CONNECTOR_SETTINGS)),
    DomainController: domainControllerParameter,
  },
  outputType: [SEND_CONNECTOR_TYPE],
  examples: [
    {
      code: 'New-SendConnector -Name Fabrikam -AddressSpaces fabrikam.lab -SourceTransportServers Ex2007EE -DomainSecureEnabled $true | Format-List Name,AddressSpaces,DomainSecureEnabled,SourceTransportServers',
      remarks: 'A connector for the partner fabrikam.lab with Domain Security, sent from the Site-A Hub.',
      shows: 'DomainSecureEnabled    : True',
    },
    {
      code: "New-SendConnector -Name 'ISP relay' -Usage Custom -AddressSpaces * -SmartHosts smtp.isp.example -SmartHostAuthMechanism BasicAuthRequireTLS -AuthenticationCredential (New-Object System.Management.Automation.PSCredential('relay', (ConvertTo-SecureString 'P@ss' -AsPlainText -Force))) -SourceTransportServers Ex2007EE | Format-List Name,DNSRoutingEnabled,SmartHosts,SmartHostAuthMechanism,AuthenticationCredential",
      remarks: 'Sends through the ISP\'s smart host, authenticating with Basic over TLS.',
      shows: 'SmartHostAuthMechanism   : BasicAuthRequireTLS',
    },
  ],
  async process(p, ctx) {
    const o = org(ctx);
    const b = ctx.bound;
    const name = checkSendConnectorName(ctx, String(p.Name ?? ''));
    const given = SWITCHES.filter((u) => b.has(u) && p[u]);
    if (given.length + (b.has('Usage') ? 1 : 0) > 1) refuse(ctx, 'ErrorUsageTypeConflict', 'Specify only one usage type: -Custom, -Internal, -Internet, -Partner or -Usage.', name);
    const usage: Usage = p.Usage ?? given[0] ?? 'Custom';
    const linked = ctx.parameterSetName === 'LinkedReceiveConnector' ? linkedReceiveConnector(ctx, String(p.LinkedReceiveConnector ?? '')) : null;
    const template = p.TemplateInstance;
    const fromTemplate = (n: string): unknown => (template instanceof PSObject ? template.get(n) : undefined);
    const sources = sourceTransportServers(ctx, b.has('SourceTransportServers') ? (p.SourceTransportServers ?? null) : linked ? [linked.split('\\')[0]!] : [o.current.name]);
    const smartHosts = multiValued(b.has('SmartHosts') ? p.SmartHosts : (fromTemplate('SmartHosts') ?? []), []);
    const c: SendConnectorState = {
      name,
      addressSpaces: linked ? [] : checkAddressSpaces(ctx, p.AddressSpaces, []),
      sourceTransportServers: sources,
      smartHosts,
      dnsRoutingEnabled: b.has('DNSRoutingEnabled') ? Boolean(p.DNSRoutingEnabled) : smartHosts.length === 0,
      fqdn: b.has('Fqdn') ? checkFqdn(ctx, 'Fqdn', p.Fqdn) : '',
      requireTLS: Boolean(p.RequireTLS ?? fromTemplate('RequireTLS')),
      domainSecureEnabled: b.has('DomainSecureEnabled') ? Boolean(p.DomainSecureEnabled) : usage === 'Partner' || Boolean(fromTemplate('DomainSecureEnabled')),
      ignoreSTARTTLS: Boolean(p.IgnoreSTARTTLS ?? fromTemplate('IgnoreSTARTTLS')),
      protocolLoggingLevel: p.ProtocolLoggingLevel ?? 'None',
      enabled: b.has('Enabled') ? Boolean(p.Enabled) : true,
    };
    const settings = applySettings(ctx, SEND_CONNECTOR_SETTINGS, p, undefined, { edge: false, fqdn: '' });
    if (linked) settings.LinkedReceiveConnector = linked;
    if (usage === 'Internal' && smartHosts.length > 0 && !b.has('SmartHostAuthMechanism')) settings.SmartHostAuthMechanism = 'ExchangeServer';
    if (Object.keys(settings).length) c.settings = settings;
    const problem = sendConnectorProblem(c);
    if (problem) refuse(ctx, 'ErrorInvalidSendConnectorSettings', problem, name);
    if (!(await shouldProcess(ctx, `Creating Send connector "${name}".`))) return;
    (o.state.sendConnectors ??= []).push(c);
    o.touch();
    ctx.write(sendConnectorObject(o, c));
  },
});

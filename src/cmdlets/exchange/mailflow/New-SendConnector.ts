// New-SendConnector (a minimal 2007 form): an organization Send connector for address spaces,
// sent from source transport servers by DNS, or through smart hosts; with the TLS settings that
// Domain Security needs (DomainSecureEnabled, RequireTLS).

import { defineCmdlet } from '../../../protocol/cmdlet.js';
import type { SendConnectorState } from '../../../exchange/model.js';
import { isTransport } from '../../../exchange/defaults.js';
import { EXCHANGE_MODULE, domainControllerParameter, shouldProcess } from '../common.js';
import { LOGGING_LEVEL_ENUM, SYSCONFIG_NAMESPACE, booleanParameter, checkDomain, checkFqdn, configDn, findServers, org, refuse } from '../config-common.js';
import { SEND_CONNECTOR_TYPE } from '../config-views.js';
import { sendConnectorObject, sendConnectorProblem } from '../SendConnector.js';

/** `fabrikam.lab` -> `SMTP:fabrikam.lab;1`; `SMTP:*;100` stays. */
function addressSpace(text: string): { space: string; domain: string } {
  const m = /^(?:smtp:)?([^;]+?)(?:;(\d+))?$/i.exec(text.trim());
  const domain = (m?.[1] ?? text).trim();
  return { space: `SMTP:${domain};${m?.[2] ?? '1'}`, domain };
}

export const newSendConnector = defineCmdlet({
  name: 'New-SendConnector',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Creates a Send connector.',
  description:
    'New-SendConnector creates an organization Send connector for the -AddressSpaces (domains, `*` for all), sent from the -SourceTransportServers (default: the server you are logged on to) by DNS, or through -SmartHosts. For Domain Security with a partner, create a connector for the partner\'s domain with -DomainSecureEnabled $true (DNS routing only) and list the domain in Set-TransportConfig -TLSSendDomainSecureList; the certificate offered to the partner is the one that matches the connector\'s -Fqdn (or the server FQDN). The most specific address space wins when several connectors match.',
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  parameters: {
    Name: { type: 'String', help: 'The connector name (unique in the organization).', sets: { __AllParameterSets: { position: 0, mandatory: true } } },
    AddressSpaces: { type: 'String[]', help: 'Domains the connector serves: fabrikam.lab, *.fabrikam.lab, * ; optionally SMTP:<domain>;<cost>.', sets: { __AllParameterSets: { mandatory: true } } },
    SourceTransportServers: { type: 'String[]', help: 'The Hub or Edge servers that send through the connector.' },
    SmartHosts: { type: 'String[]', help: 'Send through these hosts instead of DNS (MX) routing.' },
    Fqdn: { type: 'String', help: 'The FQDN in HELO/EHLO and the name of the certificate offered; default: the source server FQDN.' },
    DomainSecureEnabled: booleanParameter('$true: mutual TLS (Domain Security) with the domains of TLSSendDomainSecureList.'),
    RequireTLS: booleanParameter('$true: send only over TLS.'),
    IgnoreSTARTTLS: booleanParameter('$true: do not use STARTTLS even when offered.'),
    ProtocolLoggingLevel: { type: 'Enum', enum: LOGGING_LEVEL_ENUM, help: 'None or Verbose.' },
    DomainController: domainControllerParameter,
  },
  outputType: [SEND_CONNECTOR_TYPE],
  examples: [
    {
      code: 'New-SendConnector -Name Fabrikam -AddressSpaces fabrikam.lab -SourceTransportServers Ex2007EE -DomainSecureEnabled $true | Format-List Name,AddressSpaces,DomainSecureEnabled,SourceTransportServers',
      remarks: 'A connector for the partner fabrikam.lab with Domain Security, sent from the Site-A Hub.',
      shows: 'DomainSecureEnabled    : True',
    },
  ],
  async process(p, ctx) {
    const o = org(ctx);
    const name = String(p.Name).trim();
    if (!name) refuse(ctx, 'ErrorInvalidName', 'The Name parameter cannot be empty.', name);
    if ((o.state.sendConnectors ?? []).some((c) => c.name.toLowerCase() === name.toLowerCase())) {
      refuse(ctx, 'ADObjectAlreadyExists', `Active Directory operation failed on ${o.current.fqdn}. The object '${configDn(o, [`CN=${name}`, 'CN=Connections', 'CN=Exchange Routing Group (DWBGZMFD01QNBJR)', 'CN=Routing Groups'])}' already exists.`, name);
    }
    const spaces = ((p.AddressSpaces as unknown[]) ?? []).map((x) => addressSpace(String(x)));
    for (const a of spaces) if (a.domain !== '*') checkDomain(ctx, 'AddressSpaces', a.domain.replace(/^\*\./, ''));
    const sourceNames = (p.SourceTransportServers as string[] | undefined) ?? [o.current.name];
    const sources: string[] = [];
    for (const n of sourceNames) {
      const s = findServers(ctx, n, { single: true, accept: (x) => isTransport(x.state) })![0]!;
      if (!sources.includes(s.name)) sources.push(s.name);
    }
    const smartHosts = ((p.SmartHosts as unknown[]) ?? []).map((x) => String(x).trim()).filter(Boolean);
    const c: SendConnectorState = {
      name,
      addressSpaces: spaces.map((a) => a.space),
      sourceTransportServers: sources,
      smartHosts,
      dnsRoutingEnabled: smartHosts.length === 0,
      fqdn: ctx.bound.has('Fqdn') ? checkFqdn(ctx, 'Fqdn', p.Fqdn) : '',
      requireTLS: Boolean(p.RequireTLS),
      domainSecureEnabled: Boolean(p.DomainSecureEnabled),
      ignoreSTARTTLS: Boolean(p.IgnoreSTARTTLS),
      protocolLoggingLevel: (p.ProtocolLoggingLevel as 'None' | 'Verbose' | undefined) ?? 'None',
      enabled: true,
    };
    const problem = sendConnectorProblem(c);
    if (problem) refuse(ctx, 'ErrorInvalidSendConnectorSettings', problem, name);
    if (!(await shouldProcess(ctx, `Creating Send connector "${name}".`))) return;
    (o.state.sendConnectors ??= []).push(c);
    o.touch();
    ctx.write(sendConnectorObject(o, c));
  },
});

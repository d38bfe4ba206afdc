// Get-TransportConfig / Set-TransportConfig: organization-wide transport settings, here the
// Domain Security lists (the partner domains mutual TLS is required with, per direction).

import { defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import type { Organization } from '../../exchange/organization.js';
import { EXCHANGE_MODULE, domainControllerParameter } from './common.js';
import { SYSCONFIG_NAMESPACE, adTail, checkDomain, configObject, confirmSet, multiValued, org, type PropSpec } from './config-common.js';
import { TRANSPORT_CONFIG_ORDER, TRANSPORT_CONFIG_SETTINGS } from '../../exchange/settings-2007.js';
import { applySettings, orderedProperties, settingParameters } from './settings-params.js';
import { TRANSPORT_CONFIG_TYPE } from './config-views.js';

export function transportConfigObject(o: Organization) {
  const t = () => o.state.transportConfig!;
  const id = () => 'Transport Settings';
  const dn = () => `CN=Transport Settings,CN=${o.state.organizationName},CN=Microsoft Exchange,CN=Services,CN=Configuration,${o.state.adDomain.split('.').map((p) => `DC=${p}`).join(',')}`;
  const own: Record<string, PropSpec> = {
    TLSReceiveDomainSecureList: ['TLSReceiveDomainSecureList', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.SmtpDomain]]', () => [...t().tlsReceiveDomainSecureList]],
    TLSSendDomainSecureList: ['TLSSendDomainSecureList', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.SmtpDomain]]', () => [...t().tlsSendDomainSecureList]],
  };
  return configObject([TRANSPORT_CONFIG_TYPE], id, [
    ...orderedProperties(TRANSPORT_CONFIG_ORDER, own, TRANSPORT_CONFIG_SETTINGS, () => t().settings, () => ({ edge: false, fqdn: '' })),
    ...adTail(o, id, dn, () => new Date(o.allServers()[0]?.state.installedAt ?? 0), ['top', 'container', 'msExchTransportSettings']),
  ]);
}

export const getTransportConfig = defineCmdlet({
  name: 'Get-TransportConfig',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Shows the organization-wide transport settings.',
  description:
    'Get-TransportConfig returns the transport settings that apply to the whole organization, among them the Domain Security lists: TLSSendDomainSecureList (domains mail is sent to with mutual TLS) and TLSReceiveDomainSecureList (domains mail is accepted from only with mutual TLS). They are empty after setup.',
  parameters: { DomainController: domainControllerParameter },
  outputType: [TRANSPORT_CONFIG_TYPE],
  examples: [
    { code: 'Get-TransportConfig', remarks: 'Shows the organization transport settings.', shows: 'TLSSendDomainSecureList' },
    { code: 'Get-TransportConfig | Format-List TLS*', remarks: 'Only the Domain Security lists.', shows: 'TLSReceiveDomainSecureList' },
  ],
  process(_p, ctx) {
    ctx.write(transportConfigObject(org(ctx)));
  },
});

function domains(ctx: CmdletContext, param: string, v: unknown, current: string[]): string[] {
  const list = multiValued(v, current);
  for (const d of list) checkDomain(ctx, param, d);
  return list;
}

export const setTransportConfig = defineCmdlet({
  name: 'Set-TransportConfig',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Changes the organization-wide transport settings.',
  description:
    'Set-TransportConfig changes the organization transport settings. -TLSSendDomainSecureList and -TLSReceiveDomainSecureList name the partner domains for Domain Security (mutual TLS); the connectors that carry that mail also need DomainSecureEnabled $true. A list replaces the value; @{Add="x"; Remove="y"} edits it. Each domain is checked before anything changes.',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    TLSSendDomainSecureList: { type: 'Object', help: 'Domains to send to with mutual TLS (a list, or @{Add=...; Remove=...}).' },
    TLSReceiveDomainSecureList: { type: 'Object', help: 'Domains to accept mail from only with mutual TLS (a list, or @{Add=...; Remove=...}).' },
    Instance: { type: 'PSObject', netType: TRANSPORT_CONFIG_TYPE, help: 'A TransportConfigContainer object as Get-TransportConfig returns it.' },
    ...settingParameters(TRANSPORT_CONFIG_SETTINGS),
    DomainController: domainControllerParameter,
  },
  examples: [
    {
      code: 'Set-TransportConfig -TLSSendDomainSecureList partner.example -TLSReceiveDomainSecureList partner.example; Get-TransportConfig | Format-List TLS*',
      remarks: 'Requires mutual TLS with partner.example in both directions.',
      shows: 'TLSSendDomainSecureList    : {partner.example}',
    },
    { code: "Set-TransportConfig -TLSReceiveDomainSecureList @{Add='fabrikam.example'} -WhatIf", remarks: 'Adds a domain to the list (here only shows what would change).', shows: 'What if: Setting transport configuration "Transport Settings".' },
  ],
  async process(p, ctx) {
    const o = org(ctx);
    const t = o.state.transportConfig!;
    const next = { ...t };
    if (ctx.bound.has('TLSSendDomainSecureList')) next.tlsSendDomainSecureList = domains(ctx, 'TLSSendDomainSecureList', p.TLSSendDomainSecureList, t.tlsSendDomainSecureList);
    if (ctx.bound.has('TLSReceiveDomainSecureList')) next.tlsReceiveDomainSecureList = domains(ctx, 'TLSReceiveDomainSecureList', p.TLSReceiveDomainSecureList, t.tlsReceiveDomainSecureList);
    next.settings = applySettings(ctx, TRANSPORT_CONFIG_SETTINGS, p, t.settings, { edge: false, fqdn: '' });
    if (!(await confirmSet(ctx, 'transport configuration', 'Transport Settings'))) return;
    Object.assign(t, next);
    o.touch();
  },
});

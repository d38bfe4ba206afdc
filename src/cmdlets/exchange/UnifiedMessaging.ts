// Unified Messaging: Get/Set-UMServer and Get/Set/New-UMDialPlan. In Exchange 2007 a dial plan's
// VoIPSecurity (Unsecured, SIPSecured, Secured) decides whether the UM servers in it talk SIP
// over TLS (secured modes use the certificate enabled for UM), and a UM server runs in one mode,
// so all its dial plans must share one VoIPSecurity setting.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import type { UMDialPlanState } from '../../exchange/model.js';
import type { ExchangeServer, Organization } from '../../exchange/organization.js';
import { isUnifiedMessaging } from '../../exchange/defaults.js';
import { SERVICE_FLAGS } from '../../exchange/services.js';
import { EXCHANGE_MODULE, domainControllerParameter, exchangeError } from './common.js';
import {
  SYSCONFIG_NAMESPACE,
  adTail,
  configDn,
  configObject,
  confirmSet,
  findObjects,
  findServers,
  getByIdentity,
  getServersByIdentity,
  identityParameter,
  identityText,
  org,
  refuse,
} from './config-common.js';
import { UM_DIAL_PLAN_TYPE, UM_SERVER_TYPE } from './config-views.js';
import { shouldProcess } from './common.js';

const umOnly = (s: ExchangeServer) => isUnifiedMessaging(s.state);
const VOIP_ENUM = { typeName: 'Microsoft.Exchange.Data.Directory.SystemConfiguration.UMVoIPSecurityType', values: ['Unsecured', 'SIPSecured', 'Secured'] as const };
const URI_ENUM = { typeName: 'Microsoft.Exchange.Data.Directory.SystemConfiguration.UMUriType', values: ['TelExtn', 'E164', 'SipName'] as const };
const STATUS_ENUM = { typeName: 'Microsoft.Exchange.Data.Directory.SystemConfiguration.ServerStatus', values: ['Enabled', 'Disabled', 'NoNewCalls'] as const };

const dialPlans = (o: Organization) => o.state.umDialPlans ?? [];
const planNamed = (o: Organization, n: string) => dialPlans(o).find((d) => d.name.toLowerCase() === n.toLowerCase());

/** The certificate the UM service uses in secured mode: enabled for UM, CA-issued before self-signed, newest. */
export function umCertificate(s: ExchangeServer) {
  return s.state.certificates
    .filter((c) => c.services & SERVICE_FLAGS.UM)
    .sort((a, b) => Number(a.selfSigned) - Number(b.selfSigned) || Date.parse(b.notBefore) - Date.parse(a.notBefore))[0];
}

function umServerObject(o: Organization, s: ExchangeServer) {
  const um = () => s.state.um!;
  const id = () => s.name;
  const mode = () => {
    const modes = um().dialPlans.map((n) => planNamed(o, n)?.voipSecurity ?? 'Unsecured');
    return modes.find((m) => m !== 'Unsecured') ?? 'Unsecured';
  };
  return configObject([UM_SERVER_TYPE], id, [
    ['Name', 'System.String', id],
    ['DialPlans', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.Directory.ADObjectId]]', () => [...um().dialPlans]],
    ['Languages', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.Directory.SystemConfiguration.UMLanguage]]', () => [...um().languages]],
    ['Status', 'Microsoft.Exchange.Data.Directory.SystemConfiguration.ServerStatus', () => um().status],
    ['MaxCallsAllowed', 'System.Nullable`1[[System.Int32]]', () => 100],
    ['VoIPSecurity', 'Microsoft.Exchange.Data.Directory.SystemConfiguration.UMVoIPSecurityType', mode],
    ['UMCertificateThumbprint', 'System.String', () => umCertificate(s)?.thumbprint ?? null],
    ...adTail(o, id, () => configDn(o, [`CN=${s.name}`, 'CN=Servers']), () => new Date(s.state.installedAt), ['top', 'server', 'msExchExchangeServer']).filter(([n]) => n !== 'Name'),
  ]);
}

function dialPlanObject(o: Organization, d: UMDialPlanState) {
  const id = () => d.name;
  return configObject([UM_DIAL_PLAN_TYPE], id, [
    ['Name', 'System.String', id],
    ['NumberOfDigitsInExtension', 'System.Int32', () => d.numberOfDigitsInExtension],
    ['URIType', 'Microsoft.Exchange.Data.Directory.SystemConfiguration.UMUriType', () => d.uriType ?? 'TelExtn'],
    ['VoIPSecurity', 'Microsoft.Exchange.Data.Directory.SystemConfiguration.UMVoIPSecurityType', () => d.voipSecurity],
    ['UMServers', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.Directory.ADObjectId]]', () => o.allServers().filter((s) => s.state.um?.dialPlans.some((n) => n.toLowerCase() === d.name.toLowerCase())).map((s) => s.name)],
    ...adTail(o, id, () => configDn(o, [`CN=${d.name}`, 'CN=UM DialPlan Container']).replace(',CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups', ''), () => new Date(o.allServers()[0]?.state.installedAt ?? 0), ['top', 'msExchUMDialPlan']).filter(([n]) => n !== 'Name'),
  ]);
}

/** A UM server runs in one mode: every dial plan it serves must have the same VoIPSecurity. */
function mixedModes(plans: UMDialPlanState[]): boolean {
  return new Set(plans.map((p) => p.voipSecurity)).size > 1;
}

function mixedModesMessage(server: string): string {
  return `The Unified Messaging server "${server}" cannot be associated with dial plans that have different VoIPSecurity settings. A Unified Messaging server runs either unsecured or secured.`;
}

function secureWarning(s: ExchangeServer): string | undefined {
  return umCertificate(s) ? undefined : `No certificate on "${s.name}" is enabled for Unified Messaging. In SIP-secured or secured mode the Unified Messaging service needs one (Enable-ExchangeCertificate -Services UM).`;
}

export const getUMServer = defineCmdlet({
  name: 'Get-UMServer',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Shows the Unified Messaging servers.',
  description:
    'Get-UMServer returns the Unified Messaging servers with their dial plans, languages and status. VoIPSecurity (from the dial plans) is the mode the server runs in, and UMCertificateThumbprint the certificate enabled for UM that secured modes use. -DialPlan lists only the servers of one dial plan.',
  parameters: {
    Identity: identityParameter('The UM server (name or FQDN); * wildcards allowed.', false),
    DialPlan: { type: 'String', help: 'Lists the UM servers associated with this dial plan.' },
    DomainController: domainControllerParameter,
  },
  outputType: [UM_SERVER_TYPE],
  examples: [{ code: 'Get-UMServer', remarks: 'The UM servers with their dial plans.', shows: 'ProExchange DP' }],
  process(p, ctx) {
    const o = org(ctx);
    let list = getServersByIdentity(ctx, p.Identity, o.allServers().filter(umOnly), umOnly);
    if (!list) return;
    if (p.DialPlan !== undefined) {
      const plan = findObjects(ctx, dialPlans(o), String(p.DialPlan), (d) => [d.name], true)![0]!;
      list = list.filter((s) => s.state.um!.dialPlans.some((n) => n.toLowerCase() === plan.name.toLowerCase()));
    }
    for (const s of list) ctx.write(umServerObject(o, s));
  },
});

export const setUMServer = defineCmdlet({
  name: 'Set-UMServer',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Changes a Unified Messaging server.',
  description:
    'Set-UMServer changes a UM server\'s status (Enabled, Disabled, NoNewCalls) and the dial plans it serves. In Exchange 2007 a UM server runs in one VoIP security mode, so dial plans with different VoIPSecurity settings cannot be combined; nothing changes then. Joining a secured dial plan without a certificate enabled for UM gives a warning.',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    Identity: identityParameter('The UM server (name or FQDN).', true),
    Status: { type: 'Enum', enum: STATUS_ENUM, help: 'Enabled, Disabled or NoNewCalls.' },
    DialPlans: { type: 'String[]', allowNull: true, help: 'The dial plans the server answers calls for (replaces the list).' },
    DomainController: domainControllerParameter,
  },
  examples: [
    { code: 'Set-UMServer Ex2007EE -Status NoNewCalls; Get-UMServer', remarks: 'Stops the server taking new calls.', shows: 'NoNewCalls' },
    {
      setup: "New-UMDialPlan -Name 'Lab DP' -NumberOfDigitsInExtension 4",
      code: "Set-UMServer Ex2007EE -DialPlans 'ProExchange DP','Lab DP'; Get-UMServer Ex2007EE | Format-List DialPlans",
      remarks: 'Serves two dial plans (both unsecured).',
      shows: 'Lab DP',
    },
  ],
  async process(p, ctx) {
    const o = org(ctx);
    const s = findServers(ctx, identityText(p.Identity), { single: true, accept: umOnly })![0]!;
    const um = s.state.um!;
    const next = { ...um };
    if (p.Status) next.status = p.Status;
    if (ctx.bound.has('DialPlans')) {
      const plans = (p.DialPlans ?? []).filter((n): n is string => !!n && n.trim() !== '').map((n) => findObjects(ctx, dialPlans(o), n, (d) => [d.name], true)![0]!);
      if (mixedModes(plans)) refuse(ctx, 'ErrorUMServerMixedVoIPSecurity', mixedModesMessage(s.name), s.name);
      next.dialPlans = [...new Set(plans.map((d) => d.name))];
    }
    if (!(await confirmSet(ctx, 'UM server', s.name))) return;
    Object.assign(um, next);
    o.touch();
    const secured = um.dialPlans.some((n) => planNamed(o, n)?.voipSecurity !== 'Unsecured');
    const w = secured ? secureWarning(s) : undefined;
    if (w) ctx.writeWarning(w);
  },
});

export const getUMDialPlan = defineCmdlet({
  name: 'Get-UMDialPlan',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Shows the Unified Messaging dial plans.',
  description:
    'Get-UMDialPlan returns the UM dial plans with their extension length, URI type and VoIPSecurity: Unsecured (SIP and RTP in clear), SIPSecured (SIP signalling over mutual TLS) or Secured (SIP over TLS and SRTP media).',
  parameters: {
    Identity: identityParameter('The dial plan name; * wildcards allowed.', false),
    DomainController: domainControllerParameter,
  },
  outputType: [UM_DIAL_PLAN_TYPE],
  examples: [{ code: 'Get-UMDialPlan', remarks: 'Lists the dial plans.', shows: 'Unsecured' }],
  process(p, ctx) {
    const o = org(ctx);
    const list = getByIdentity(ctx, p.Identity, dialPlans(o), (d) => [d.name]);
    if (!list) return;
    for (const d of list) ctx.write(dialPlanObject(o, d));
  },
});

export const newUMDialPlan = defineCmdlet({
  name: 'New-UMDialPlan',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Creates a Unified Messaging dial plan.',
  description:
    'New-UMDialPlan creates a UM dial plan. -NumberOfDigitsInExtension (1 to 20) is required; -URIType is TelExtn (default), E164 or SipName; -VoIPSecurity is Unsecured (default), SIPSecured or Secured. A dial plan with the same name is refused.',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    Name: { type: 'String', help: 'The dial plan name.', sets: { __AllParameterSets: { position: 0, mandatory: true } } },
    NumberOfDigitsInExtension: { type: 'Int32', validateRange: [1, 20], help: 'The number of digits in extensions (1-20).', sets: { __AllParameterSets: { mandatory: true } } },
    URIType: { type: 'Enum', enum: URI_ENUM, help: 'TelExtn, E164 or SipName.' },
    VoIPSecurity: { type: 'Enum', enum: VOIP_ENUM, help: 'Unsecured, SIPSecured or Secured.' },
    DomainController: domainControllerParameter,
  },
  outputType: [UM_DIAL_PLAN_TYPE],
  examples: [{ code: "New-UMDialPlan -Name 'Secure DP' -NumberOfDigitsInExtension 5 -VoIPSecurity SIPSecured", remarks: 'Creates a dial plan whose SIP signalling goes over TLS.', shows: 'SIPSecured' }],
  async process(p, ctx) {
    const o = org(ctx);
    const name = String(p.Name).trim();
    if (planNamed(o, name)) {
      const dn = configDn(o, [`CN=${name}`, 'CN=UM DialPlan Container']).replace(',CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups', '');
      ctx.fail(exchangeError(ctx, 'ErrorADObjectAlreadyExists', `Active Directory operation failed on DC01.${o.state.adDomain}. The object '${dn}' already exists.`, 'NotSpecified', name, 'ADObjectAlreadyExistsException'));
    }
    if (!(await shouldProcess(ctx, `Creating UM dial plan "${name}".`))) return;
    const plan: UMDialPlanState = { name, numberOfDigitsInExtension: Number(p.NumberOfDigitsInExtension), voipSecurity: p.VoIPSecurity ?? 'Unsecured' };
    if (p.URIType && p.URIType !== 'TelExtn') plan.uriType = p.URIType;
    (o.state.umDialPlans ??= []).push(plan);
    o.touch();
    ctx.write(dialPlanObject(o, plan));
  },
});

export const setUMDialPlan = defineCmdlet({
  name: 'Set-UMDialPlan',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Changes a Unified Messaging dial plan.',
  description:
    'Set-UMDialPlan changes a dial plan, here its VoIPSecurity (Unsecured, SIPSecured, Secured) and extension length. A secured mode makes its UM servers use the certificate enabled for UM; they must then be restarted. A change that would leave a UM server with dial plans of different VoIPSecurity is refused and nothing changes.',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    Identity: identityParameter('The dial plan name.', true),
    VoIPSecurity: { type: 'Enum', enum: VOIP_ENUM, help: 'Unsecured, SIPSecured or Secured.' },
    NumberOfDigitsInExtension: { type: 'Int32', validateRange: [1, 20], help: 'The number of digits in extensions (1-20).' },
    DomainController: domainControllerParameter,
  },
  examples: [
    {
      code: "Set-UMDialPlan 'ProExchange DP' -VoIPSecurity SIPSecured; Get-UMDialPlan | Format-List Name,VoIPSecurity",
      remarks: 'Secures SIP signalling; Ex2007EE then uses its certificate enabled for UM.',
      shows: 'VoIPSecurity : SIPSecured',
    },
  ],
  async process(p, ctx) {
    const o = org(ctx);
    const d = findObjects(ctx, dialPlans(o), identityText(p.Identity), (x) => [x.name], true)![0]!;
    const next = { ...d };
    if (p.VoIPSecurity) next.voipSecurity = p.VoIPSecurity;
    if (ctx.bound.has('NumberOfDigitsInExtension')) next.numberOfDigitsInExtension = Number(p.NumberOfDigitsInExtension);
    const servers = o.allServers().filter((s) => s.state.um?.dialPlans.some((n) => n.toLowerCase() === d.name.toLowerCase()));
    for (const s of servers) {
      const plans = s.state.um!.dialPlans.map((n) => (n.toLowerCase() === d.name.toLowerCase() ? next : planNamed(o, n))).filter((x): x is UMDialPlanState => x !== undefined);
      if (mixedModes(plans)) refuse(ctx, 'ErrorUMServerMixedVoIPSecurity', mixedModesMessage(s.name), d.name);
    }
    if (!(await confirmSet(ctx, 'UM dial plan', d.name))) return;
    const changedMode = next.voipSecurity !== d.voipSecurity;
    Object.assign(d, next);
    o.touch();
    if (changedMode) {
      for (const s of servers) {
        ctx.writeWarning(`The VoIP security setting changed: restart the Microsoft Exchange Unified Messaging service on ${s.name}.`);
        const w = d.voipSecurity !== 'Unsecured' ? secureWarning(s) : undefined;
        if (w) ctx.writeWarning(w);
      }
    }
  },
});

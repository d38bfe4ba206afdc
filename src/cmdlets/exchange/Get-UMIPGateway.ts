// Get-UMIPGateway (Exchange 2007): the UM IP gateway objects of the organization. The built-in lab
// has one, GW01: the VoIP gateway that hands calls to the UM server. In a SIP-secured dial plan it
// talks SIP over TLS and accepts the UM server's certificate only if it trusts it: a self-signed
// UM certificate must be installed on the gateway, for a CA-issued one the CA's root (the
// Enable-ExchangeCertificate -Services UM message says so). Test-LabClient GW01 UM checks it.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { registerView } from '../../format/views.js';
import type { ClientMachineState } from '../../exchange/model.js';
import type { Organization } from '../../exchange/organization.js';
import { trustedRootStore } from '../../exchange/clients.js';
import { EXCHANGE_MODULE, domainControllerParameter } from './common.js';
import { SYSCONFIG_NAMESPACE, adTail, configDn, configObject, findObjects, identityText, org } from './config-common.js';

export const UM_IP_GATEWAY_TYPE = 'Microsoft.Exchange.Data.Directory.SystemConfiguration.UMIPGateway';

registerView({
  typeName: UM_IP_GATEWAY_TYPE,
  shape: 'table',
  table: { columns: [{ label: 'Name', property: 'Name' }, { label: 'Address', property: 'Address' }, { label: 'Status', property: 'Status' }, { label: 'OutcallsAllowed', property: 'OutcallsAllowed' }, { label: 'HuntGroups', property: 'HuntGroups' }] },
});

function gatewayObject(o: Organization, g: ClientMachineState) {
  const id = () => g.name;
  const plans = () => (o.state.umDialPlans ?? []).map((d) => d.name);
  const secured = () => (o.state.umDialPlans ?? []).some((d) => d.voipSecurity !== 'Unsecured');
  return configObject([UM_IP_GATEWAY_TYPE], id, [
    ['Name', 'System.String', id],
    ['Address', 'Microsoft.Exchange.Data.UMSmartHost', () => g.fqdn],
    ['OutcallsAllowed', 'System.Boolean', () => true],
    ['Status', 'Microsoft.Exchange.Data.Directory.SystemConfiguration.GatewayStatus', () => 'Enabled'],
    ['Port', 'System.Int32', () => (secured() ? 5061 : 5060)],
    ['Simulator', 'System.Boolean', () => false],
    ['MessageWaitingIndicatorAllowed', 'System.Boolean', () => true],
    ['HuntGroups', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.Directory.ADObjectId]]', () => plans().map((p) => `${g.name}\\${p}`)],
    // Lab property: the roots the gateway device trusts (installed on it by hand).
    ['TrustedRoots', 'System.String[]', () => trustedRootStore(o.state, g).map((r) => r.subject)],
    ...adTail(o, id, () => configDn(o, [`CN=${g.name}`, 'CN=UM IPGateway Container']).replace(',CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups', ''), () => new Date(o.allServers()[0]?.state.installedAt ?? 0), ['top', 'msExchUMIPGateway']).filter(([n]) => n !== 'Name'),
  ]);
}

export default defineCmdlet({
  name: 'Get-UMIPGateway',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Shows the UM IP gateways of the organization.',
  description:
    'Get-UMIPGateway returns the Unified Messaging IP gateway objects: the lab has GW01, linked to the dial plans through a hunt group. Port is 5061 (SIP over TLS) when a dial plan is SIPSecured or Secured. ' +
    'TrustedRoots (a lab property) lists what the gateway device trusts: it accepts the UM server\'s certificate in secured mode only if it chains to one of them (Test-LabClient GW01 UM); install the UM certificate or its CA root there with Enter-LabServer GW01 and Import-Certificate, or Import-LabTrustedRoot -Server GW01.',
  parameters: {
    Identity: { type: 'Object', help: 'The gateway name; all gateways when omitted.', sets: { __AllParameterSets: { position: 0, fromPipeline: true } } },
    DialPlan: { type: 'String', help: 'Only gateways with a hunt group in this dial plan.' },
    IncludeSimulator: { type: 'Switch', help: 'Includes simulator gateways (the lab has none).' },
    DomainController: domainControllerParameter,
  },
  outputType: [UM_IP_GATEWAY_TYPE],
  examples: [{ code: 'Get-UMIPGateway | Format-List Name,Address,Port,HuntGroups,TrustedRoots', remarks: 'The lab\'s gateway and what it trusts.', shows: 'GW01.proexchange.local' }],
  related: ['Get-UMDialPlan', 'Test-LabClient', 'Test-LabUMConnectivity'],
  process(p, ctx) {
    const o = org(ctx);
    let list = o.allClients().filter((c) => c.kind === 'UMIPGateway');
    if (p.DialPlan !== undefined && !(o.state.umDialPlans ?? []).some((d) => d.name.toLowerCase() === String(p.DialPlan).toLowerCase())) list = [];
    if (p.Identity !== undefined && p.Identity !== null) {
      const found = findObjects(ctx, list, identityText(p.Identity), (g) => [g.name, g.fqdn], false);
      if (!found) return;
      list = found;
    }
    for (const g of list) ctx.write(gatewayObject(o, g));
  },
});

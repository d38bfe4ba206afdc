// Get/Set/Enable-OutlookAnywhere (RPC over HTTP): the `Rpc (Default Web Site)` directory exists
// only once Outlook Anywhere is enabled on a Client Access server. Clients reach it by
// ExternalHostname over the IIS certificate, so that name must be on the certificate.

import { defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import type { OutlookAnywhereState } from '../../exchange/model.js';
import type { ExchangeServer, Organization } from '../../exchange/organization.js';
import { isClientAccess } from '../../exchange/defaults.js';
import { EXCHANGE_MODULE, domainControllerParameter } from './common.js';
import {
  SYSCONFIG_NAMESPACE,
  adTail,
  booleanParameter,
  checkFqdn,
  configDn,
  configObject,
  confirmSet,
  findObjects,
  findServers,
  getByServerOrIdentity,
  identityParameter,
  org,
  refuse,
  serverParameter,
  setIdentityParameters,
  targetIdentity,
  multiValued,
  bindingError,
  warnIfUnencrypted,
} from './config-common.js';
import { OUTLOOK_ANYWHERE_TYPE } from './config-views.js';
import { shouldProcess } from './common.js';

const NAME = 'Rpc (Default Web Site)';
const identityOf = (s: ExchangeServer) => `${s.name}\\${NAME}`;
const namesOf = (s: ExchangeServer) => [identityOf(s), `${s.fqdn}\\${NAME}`, NAME, s.name];
const AUTH_ENUM = { typeName: 'Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthenticationMethod', values: ['Basic', 'Ntlm'] as const };

const enabledServers = (o: Organization) => o.allServers().filter((s) => s.state.clientAccess?.outlookAnywhere.enabled);

function outlookAnywhereObject(o: Organization, s: ExchangeServer) {
  const oa = () => s.state.clientAccess!.outlookAnywhere;
  const id = () => identityOf(s);
  return configObject([OUTLOOK_ANYWHERE_TYPE, 'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADVirtualDirectory'], id, [
    ['ServerName', 'System.String', () => s.name],
    ['SSLOffloading', 'System.Boolean', () => oa().sslOffloading],
    ['ExternalHostname', 'Microsoft.Exchange.Data.Hostname', () => oa().externalHostname],
    ['ClientAuthenticationMethod', 'Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthenticationMethod', () => oa().clientAuthenticationMethod],
    ['IISAuthenticationMethods', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthenticationMethod]]', () => [...(oa().iisAuthenticationMethods ?? [oa().clientAuthenticationMethod])]],
    ['MetabasePath', 'System.String', () => `IIS://${s.fqdn}/W3SVC/1/ROOT/Rpc`],
    ['Path', 'System.String', () => 'C:\\WINDOWS\\System32\\RpcProxy'],
    ['Server', 'Microsoft.Exchange.Data.Directory.ADObjectId', () => s.name],
    ['Name', 'System.String', () => NAME],
    ...adTail(o, id, () => configDn(o, [`CN=${NAME}`, 'CN=HTTP', 'CN=Protocols', `CN=${s.name}`, 'CN=Servers']), () => new Date(s.state.installedAt), ['top', 'msExchVirtualDirectory', 'msExchRpcHttpVirtualDirectory']).filter(([n]) => n !== 'Name'),
  ]);
}

/** Outlook Anywhere depends on the IIS certificate: say when it cannot work cleanly. */
function warnCertificate(ctx: CmdletContext, s: ExchangeServer, oa: OutlookAnywhereState): void {
  if (oa.sslOffloading || !oa.externalHostname) return;
  const t = s.state.iisThumbprint;
  const cert = t ? s.record(t) : undefined;
  if (!cert) {
    ctx.writeWarning(`No certificate is enabled for IIS on "${s.name}": Outlook Anywhere clients cannot connect over SSL until one is (Enable-ExchangeCertificate -Services IIS).`);
    return;
  }
  const host = oa.externalHostname.toLowerCase();
  const covered = cert.domains.some((d) => {
    const l = d.toLowerCase();
    return l === host || (l.startsWith('*.') && host.endsWith(l.slice(1)) && !host.slice(0, -l.length + 1).includes('.'));
  });
  if (!covered) ctx.writeWarning(`The certificate enabled for IIS on "${s.name}" (${cert.thumbprint}) does not contain the name "${oa.externalHostname}". Outlook Anywhere clients will report that the name on the security certificate is invalid.`);
}

export const getOutlookAnywhere = defineCmdlet({
  name: 'Get-OutlookAnywhere',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Shows Outlook Anywhere (RPC over HTTP) on the Client Access servers where it is enabled.',
  description:
    'Get-OutlookAnywhere returns the Rpc (Default Web Site) directory of each Client Access server on which Outlook Anywhere is enabled, with its external host name, client authentication method and SSL offloading. Servers where it is not enabled return nothing (Outlook Anywhere is off after setup; see Enable-OutlookAnywhere).',
  defaultParameterSet: 'Identity',
  parameters: {
    Identity: identityParameter('SERVER\\Rpc (Default Web Site); * wildcards allowed.', false, 'Identity'),
    Server: serverParameter('Shows Outlook Anywhere of this Client Access server.', 'Server', true),
    DomainController: domainControllerParameter,
  },
  outputType: [OUTLOOK_ANYWHERE_TYPE],
  examples: [
    {
      setup: 'Enable-OutlookAnywhere -Server Ex2007EE -ExternalHostname mail.proexchange.global -ClientAuthenticationMethod Basic -SSLOffloading $false',
      code: 'Get-OutlookAnywhere',
      remarks: 'The servers where Outlook Anywhere is enabled.',
      shows: 'mail.proexchange.global',
    },
  ],
  process(p, ctx) {
    const o = org(ctx);
    const list = getByServerOrIdentity(ctx, p, enabledServers(o), (s) => s, (x) => isClientAccess(x.state), namesOf);
    if (!list) return;
    for (const s of list) ctx.write(outlookAnywhereObject(o, s));
  },
});

export const enableOutlookAnywhere = defineCmdlet({
  name: 'Enable-OutlookAnywhere',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Enables Outlook Anywhere (RPC over HTTP) on a Client Access server.',
  description:
    'Enable-OutlookAnywhere creates the Rpc (Default Web Site) directory on a Client Access server (the local one when -Server is not given). -ExternalHostname is the name Outlook connects to over HTTPS, so the certificate enabled for IIS must carry it; -SSLOffloading $true means an SSL accelerator in front of the server ends SSL. A warning says when the IIS certificate lacks the external host name.',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    Server: { type: 'String', complete: 'machine', help: 'The Client Access server (default: the local server).' },
    ExternalHostname: { type: 'String', help: 'The host name Outlook clients use (must be on the IIS certificate).', sets: { __AllParameterSets: { mandatory: true } } },
    ClientAuthenticationMethod: { type: 'Enum', enum: AUTH_ENUM, help: 'How Outlook authenticates: Basic or Ntlm.', sets: { __AllParameterSets: { mandatory: true } } },
    SSLOffloading: { type: 'Boolean', help: '$true when an SSL accelerator ends SSL before the server.', sets: { __AllParameterSets: { mandatory: true } } },
    DomainController: domainControllerParameter,
  },
  examples: [
    {
      code: 'Enable-OutlookAnywhere -Server Ex2007EE -ExternalHostname mail.proexchange.global -ClientAuthenticationMethod Basic -SSLOffloading $false',
      remarks: 'Enables Outlook Anywhere; the setup certificate does not carry mail.proexchange.global, so a warning says clients will complain.',
      shows: 'does not contain the name "mail.proexchange.global"',
    },
  ],
  async process(p, ctx) {
    const o = org(ctx);
    const id = p.Server === undefined ? o.current.name : String(p.Server);
    const s = findServers(ctx, id, { single: true, accept: (x) => isClientAccess(x.state) })![0]!;
    const host = checkFqdn(ctx, 'ExternalHostname', p.ExternalHostname);
    const ca = s.state.clientAccess!;
    if (ca.outlookAnywhere.enabled) refuse(ctx, 'ErrorOutlookAnywhereAlreadyEnabled', `Outlook Anywhere is already enabled on server "${s.name}". Use Set-OutlookAnywhere to change its settings.`, s.name);
    if (!(await shouldProcess(ctx, `Enabling Outlook Anywhere on server "${s.name}".`))) return;
    ca.outlookAnywhere = { enabled: true, externalHostname: host, clientAuthenticationMethod: p.ClientAuthenticationMethod, sslOffloading: Boolean(p.SSLOffloading) };
    o.touch();
    warnIfUnencrypted(ctx, s);
    warnCertificate(ctx, s, ca.outlookAnywhere);
  },
});

export const setOutlookAnywhere = defineCmdlet({
  name: 'Set-OutlookAnywhere',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Changes Outlook Anywhere on a Client Access server.',
  description:
    'Set-OutlookAnywhere changes the external host name, client authentication method or SSL offloading of Outlook Anywhere (identity SERVER\\Rpc (Default Web Site)). It must be enabled first (Enable-OutlookAnywhere). Values are checked before anything changes.',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  defaultParameterSet: 'Identity',
  parameters: {
    ...setIdentityParameters('SERVER\\Rpc (Default Web Site).', OUTLOOK_ANYWHERE_TYPE, 'VirtualDirectoryIdParameter'),
    IISAuthenticationMethods: {
      type: 'Object',
      netType: 'Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthenticationMethod]',
      help: 'The authentication methods IIS accepts on the /rpc directory: Basic, Ntlm (a list, or @{Add=...; Remove=...}).',
    },
    ExternalHostname: { type: 'String', netType: 'Microsoft.Exchange.Data.Hostname', help: 'The host name Outlook clients use (must be on the IIS certificate).' },
    ClientAuthenticationMethod: { type: 'Enum', enum: AUTH_ENUM, help: 'Basic or Ntlm.' },
    SSLOffloading: booleanParameter('$true when an SSL accelerator ends SSL before the server.'),
    DomainController: domainControllerParameter,
  },
  examples: [
    {
      setup: 'Enable-OutlookAnywhere -Server Ex2007EE -ExternalHostname Ex2007EE.proexchange.local -ClientAuthenticationMethod Basic -SSLOffloading $false',
      code: "Set-OutlookAnywhere 'Ex2007EE\\Rpc (Default Web Site)' -ClientAuthenticationMethod Ntlm; Get-OutlookAnywhere | Format-List ServerName,ClientAuthenticationMethod",
      remarks: 'Switches Outlook Anywhere to NTLM authentication.',
      shows: 'ClientAuthenticationMethod : Ntlm',
    },
  ],
  async process(p, ctx) {
    const o = org(ctx);
    const s = findObjects(ctx, enabledServers(o), targetIdentity(p), namesOf, true)![0]!;
    const oa = s.state.clientAccess!.outlookAnywhere;
    const next: OutlookAnywhereState = { ...oa };
    if (ctx.bound.has('ExternalHostname')) next.externalHostname = checkFqdn(ctx, 'ExternalHostname', p.ExternalHostname) || null;
    if (p.ClientAuthenticationMethod) next.clientAuthenticationMethod = p.ClientAuthenticationMethod;
    if (ctx.bound.has('SSLOffloading')) next.sslOffloading = Boolean(p.SSLOffloading);
    if (ctx.bound.has('IISAuthenticationMethods')) {
      const list = multiValued(p.IISAuthenticationMethods, oa.iisAuthenticationMethods ?? [oa.clientAuthenticationMethod]);
      const bad = list.find((m) => !AUTH_ENUM.values.some((v) => v.toLowerCase() === m.toLowerCase()));
      if (bad !== undefined || list.length === 0) {
        bindingError(ctx, 'IISAuthenticationMethods', bad ?? '', AUTH_ENUM.typeName, `Unable to match the identifier name ${bad ?? ''} to a valid enumerator name. Specify one of the following enumerator names and try again: ${AUTH_ENUM.values.join(', ')}`);
      }
      next.iisAuthenticationMethods = list.map((m) => AUTH_ENUM.values.find((v) => v.toLowerCase() === m.toLowerCase())!);
    }
    if (!(await confirmSet(ctx, 'Outlook Anywhere', identityOf(s)))) return;
    Object.assign(oa, next);
    o.touch();
    warnCertificate(ctx, s, oa);
  },
});


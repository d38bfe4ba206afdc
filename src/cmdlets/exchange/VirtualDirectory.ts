// Get/Set for the Client Access virtual directories of the Default Web Site: OWA, OAB,
// ActiveSync, Exchange Web Services and Autodiscover. Identity `SERVER\name (Default Web Site)`.
// The URLs are the names clients use, so the IIS certificate must carry them; OAB has its own
// RequireSSL ($false by default, the one exception); ActiveSync has client certificate
// authentication (ClientCertAuth Ignore | Accepted | Required).

import { defineCmdlet, type CmdletDeclaration, type ParameterDeclaration } from '../../protocol/cmdlet.js';
import type { VirtualDirectoryState } from '../../exchange/model.js';
import type { ExchangeServer, Organization } from '../../exchange/organization.js';
import { EXCHANGE_INSTALL_PATH, isClientAccess } from '../../exchange/defaults.js';
import { EXCHANGE_MODULE, domainControllerParameter } from './common.js';
import {
  SYSCONFIG_NAMESPACE,
  adTail,
  booleanParameter,
  checkUri,
  configDn,
  configObject,
  confirmSet,
  findObjects,
  getByServerOrIdentity,
  identityParameter,
  org,
  serverParameter,
  setIdentityParameters,
  targetIdentity,
  warnIfUnencrypted,
  type PropSpec,
} from './config-common.js';
import { VDIR_TYPES } from './config-views.js';
import { ACTIVESYNC_SETTINGS, AUTODISCOVER_SETTINGS, OAB_SETTINGS, OWA_SETTINGS, WEB_SERVICES_SETTINGS } from '../../exchange/settings-2007.js';
import type { SettingSpec } from '../../exchange/settings.js';
import { applySettings, settingParameters, settingProperty } from './settings-params.js';
import { serverSettingContext } from './TransportServer.js';

type VdirName = keyof typeof VDIR_TYPES;

/** Each directory's 2007 SP1 settings beyond the URLs (and RequireSSL / ClientCertAuth). */
const VDIR_SETTINGS: Record<VdirName, SettingSpec[]> = {
  owa: OWA_SETTINGS,
  OAB: OAB_SETTINGS,
  'Microsoft-Server-ActiveSync': ACTIVESYNC_SETTINGS,
  EWS: WEB_SERVICES_SETTINGS,
  Autodiscover: AUTODISCOVER_SETTINGS,
  UnifiedMessaging: [],
};

interface Located {
  server: ExchangeServer;
  vdir: VirtualDirectoryState;
}

const SITE = 'Default Web Site';
const displayName = (v: VirtualDirectoryState) => `${v.name} (${SITE})`;
const identityOf = (l: Located) => `${l.server.name}\\${displayName(l.vdir)}`;

function located(o: Organization, name: VdirName): Located[] {
  const out: Located[] = [];
  for (const server of o.allServers()) {
    const v = server.state.clientAccess?.virtualDirectories.find((d) => d.name.toLowerCase() === name.toLowerCase());
    if (v) out.push({ server, vdir: v });
  }
  return out;
}

const namesOf = (l: Located) => [identityOf(l), `${l.server.fqdn}\\${displayName(l.vdir)}`, displayName(l.vdir), `${l.server.name}\\${l.vdir.name}`];

const CA_PATHS: Record<VdirName, string> = {
  owa: 'ClientAccess\\Owa',
  OAB: 'ClientAccess\\OAB',
  'Microsoft-Server-ActiveSync': 'ClientAccess\\Sync',
  EWS: 'ClientAccess\\exchweb\\EWS',
  Autodiscover: 'ClientAccess\\Autodiscover',
  UnifiedMessaging: 'ClientAccess\\UM',
};

function vdirObject(o: Organization, name: VdirName, l: Located) {
  const v = l.vdir;
  const id = () => identityOf(l);
  const own: PropSpec[] = [];
  if (name === 'owa') own.push(['OwaVersion', 'Microsoft.Exchange.Data.Directory.SystemConfiguration.OwaVersions', () => 'Exchange2007']);
  if (name === 'OAB') own.push(['RequireSSL', 'System.Boolean', () => v.requireSsl ?? false]);
  if (name !== 'OAB') {
    // Lab property: these directories inherit the Default Web Site's "Require SSL" (on after setup,
    // and after Enable-ExchangeCertificate -Services IIS unless -DoNotRequireSSL), which 2007 keeps in IIS.
    own.push(['SSLRequiredBySite', 'System.Boolean', () => l.server.state.requireSsl]);
  }
  if (name === 'Microsoft-Server-ActiveSync') {
    own.push(['ClientCertAuth', 'Microsoft.Exchange.Data.Directory.SystemConfiguration.ClientCertAuthTypes', () => v.clientCertAuth ?? 'Ignore']);
  }
  return configObject([VDIR_TYPES[name], 'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADExchangeServiceVirtualDirectory'], id, [
    ['Name', 'System.String', () => displayName(v)],
    ['Server', 'Microsoft.Exchange.Data.Directory.ADObjectId', () => l.server.name],
    ['InternalUrl', 'System.Uri', () => v.internalUrl],
    ['ExternalUrl', 'System.Uri', () => v.externalUrl],
    ...own,
    ...VDIR_SETTINGS[name].map((spec) => settingProperty(spec, () => v.settings, () => serverSettingContext(l.server))),
    ['InternalAuthenticationMethods', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.Directory.AuthenticationMethod]]', () => (name === 'owa' ? ['Basic', 'Fba', 'Ntlm', 'WindowsIntegrated'] : name === 'Microsoft-Server-ActiveSync' ? ['Basic'] : ['Ntlm', 'WindowsIntegrated'])],
    ['MetabasePath', 'System.String', () => `IIS://${l.server.fqdn}/W3SVC/1/ROOT/${v.name}`],
    ['Path', 'System.String', () => `${EXCHANGE_INSTALL_PATH}\\${CA_PATHS[name]}`],
    ...adTail(o, id, () => configDn(o, [`CN=${displayName(v)}`, 'CN=HTTP', 'CN=Protocols', `CN=${l.server.name}`, 'CN=Servers']), () => new Date(l.server.state.installedAt), ['top', 'msExchVirtualDirectory']).filter(([n]) => n !== 'Name'),
  ]);
}

const CLIENT_CERT_AUTH = {
  type: 'Enum',
  enum: { typeName: 'Microsoft.Exchange.Data.Directory.SystemConfiguration.ClientCertAuthTypes', values: ['Ignore', 'Accepted', 'Required'] as const },
  help: 'Client certificate authentication of devices: Ignore, Accepted or Required.',
} satisfies ParameterDeclaration;

interface VdirSpec {
  noun: string;
  name: VdirName;
  title: string;
  /** The parameters only some directories have. */
  extra: { RequireSSL?: ParameterDeclaration & { type: 'Boolean' }; ClientCertAuth?: typeof CLIENT_CERT_AUTH };
  getExample: { code: string; shows: string };
  setExample: { code: string; shows?: string; remarks: string };
}

const SPECS: VdirSpec[] = [
  {
    noun: 'OwaVirtualDirectory',
    name: 'owa',
    title: 'Outlook Web Access',
    extra: {},
    getExample: { code: 'Get-OwaVirtualDirectory', shows: 'https://Ex2007EE.proexchange.local/owa' },
    setExample: {
      code: "Set-OwaVirtualDirectory 'Ex2007EE\\owa (Default Web Site)' -ExternalUrl https://mail.proexchange.global/owa; Get-OwaVirtualDirectory -Server Ex2007EE | Format-List Name,InternalUrl,ExternalUrl",
      shows: 'https://mail.proexchange.global/owa',
      remarks: 'Publishes OWA under the external name; the IIS certificate then needs mail.proexchange.global.',
    },
  },
  {
    noun: 'OabVirtualDirectory',
    name: 'OAB',
    title: 'Offline Address Book',
    extra: { RequireSSL: booleanParameter('$true: the OAB directory accepts only HTTPS (its default is $false, unlike the other directories).') },
    getExample: { code: 'Get-OabVirtualDirectory | Format-List Name,Server,InternalUrl,RequireSSL', shows: 'RequireSSL  : False' },
    setExample: {
      code: "Set-OabVirtualDirectory 'Ex2007EE\\OAB (Default Web Site)' -InternalUrl https://mail.proexchange.global/OAB -RequireSSL $true; Get-OabVirtualDirectory 'Ex2007EE\\OAB (Default Web Site)' | Format-List RequireSSL",
      shows: 'RequireSSL : True',
      remarks: 'Points Outlook at a name on the certificate and requires SSL (the KB940726 fix).',
    },
  },
  {
    noun: 'ActiveSyncVirtualDirectory',
    name: 'Microsoft-Server-ActiveSync',
    title: 'Exchange ActiveSync',
    extra: {
      ClientCertAuth: CLIENT_CERT_AUTH,
    },
    getExample: { code: 'Get-ActiveSyncVirtualDirectory -Server Ex2007SE | Format-List Name,InternalUrl,ClientCertAuth', shows: 'ClientCertAuth : Ignore' },
    setExample: {
      code: "Set-ActiveSyncVirtualDirectory 'Ex2007EE\\Microsoft-Server-ActiveSync (Default Web Site)' -ClientCertAuth Required -WhatIf",
      shows: 'What if: Setting ActiveSync virtual directory',
      remarks: 'Would require devices to present a client certificate (-WhatIf: nothing changes).',
    },
  },
  {
    noun: 'WebServicesVirtualDirectory',
    name: 'EWS',
    title: 'Exchange Web Services',
    extra: {},
    getExample: { code: 'Get-WebServicesVirtualDirectory', shows: '/EWS/Exchange.asmx' },
    setExample: {
      code: "Set-WebServicesVirtualDirectory -Identity 'Ex2007EE\\EWS (Default Web Site)' -InternalUrl https://mail.proexchange.global/EWS/Exchange.asmx",
      remarks: 'Availability and Out of Office clients then connect to a name the certificate carries.',
    },
  },
  {
    noun: 'AutodiscoverVirtualDirectory',
    name: 'Autodiscover',
    title: 'Autodiscover',
    extra: {},
    getExample: { code: 'Get-AutodiscoverVirtualDirectory -Server Ex2007EE', shows: 'Autodiscover (Default Web Site)' },
    setExample: {
      code: "Set-AutodiscoverVirtualDirectory 'Ex2007EE\\Autodiscover (Default Web Site)' -ExternalUrl https://autodiscover.proexchange.global/Autodiscover/Autodiscover.xml",
      remarks: 'Records the external Autodiscover URL.',
    },
  },
  {
    noun: 'UMVirtualDirectory',
    name: 'UnifiedMessaging',
    title: 'Unified Messaging',
    extra: {},
    getExample: { code: 'Get-UMVirtualDirectory -Server Ex2007EE | Format-List Name,InternalUrl', shows: '/UnifiedMessaging/Service.asmx' },
    setExample: {
      code: "Set-UMVirtualDirectory 'Ex2007EE\\UnifiedMessaging (Default Web Site)' -ExternalUrl https://mail.proexchange.global/UnifiedMessaging/Service.asmx; (Get-UMVirtualDirectory -Server Ex2007EE).ExternalUrl",
      shows: 'https://mail.proexchange.global/UnifiedMessaging/Service.asmx',
      remarks: 'Publishes the UM Web service (Play on Phone from OWA) under the external name.',
    },
  },
];

function makeGet(spec: VdirSpec): CmdletDeclaration {
  return defineCmdlet({
    name: `Get-${spec.noun}`,
    module: EXCHANGE_MODULE,
    typeNamespace: SYSCONFIG_NAMESPACE,
    synopsis: `Shows the ${spec.title} virtual directories of Client Access servers.`,
    description: `Get-${spec.noun} returns the ${spec.name} virtual directory of the Default Web Site on each Client Access server (or on the one named by -Server), with its InternalUrl and ExternalUrl: the host names in them are the names the IIS certificate must carry. The identity is SERVER\\${spec.name} (Default Web Site).`,
    defaultParameterSet: 'Identity',
    parameters: {
      Identity: identityParameter(`The virtual directory: SERVER\\${spec.name} (Default Web Site); * wildcards allowed.`, false, 'Identity'),
      Server: serverParameter('Shows the virtual directory of this Client Access server.', 'Server', true),
      DomainController: domainControllerParameter,
    },
    outputType: [VDIR_TYPES[spec.name]],
    examples: [{ code: spec.getExample.code, remarks: `Shows the ${spec.title} virtual directories.`, shows: spec.getExample.shows }],
    process(p, ctx) {
      const o = org(ctx);
      const list = getByServerOrIdentity(ctx, p, located(o, spec.name), (l) => l.server, (x) => isClientAccess(x.state), namesOf);
      if (!list) return;
      for (const s of new Set(list.map((l) => l.server))) warnIfUnencrypted(ctx, s);
      for (const l of list) ctx.write(vdirObject(o, spec.name, l));
    },
  });
}

function makeSet(spec: VdirSpec): CmdletDeclaration {
  return defineCmdlet({
    name: `Set-${spec.noun}`,
    module: EXCHANGE_MODULE,
    typeNamespace: SYSCONFIG_NAMESPACE,
    synopsis: `Changes the ${spec.title} virtual directory of a Client Access server.`,
    description: `Set-${spec.noun} changes the ${spec.name} virtual directory (identity SERVER\\${spec.name} (Default Web Site)). -InternalUrl and -ExternalUrl take absolute http or https URLs ($null clears ExternalUrl); use names the IIS certificate carries, or clients warn about the certificate.${spec.name === 'OAB' ? ' -RequireSSL $true makes the OAB directory HTTPS-only.' : ''}${spec.name === 'Microsoft-Server-ActiveSync' ? ' -ClientCertAuth sets whether devices must present a client certificate.' : ''} Every value is checked before anything changes.`,
    supportsShouldProcess: true,
    confirmImpact: 'Medium',
    defaultParameterSet: 'Identity',
    parameters: {
      ...setIdentityParameters(`The virtual directory: SERVER\\${spec.name} (Default Web Site).`, VDIR_TYPES[spec.name], 'VirtualDirectoryIdParameter'),
      InternalUrl: { type: 'String', allowNull: true, help: 'The URL clients inside the organization use (System.Uri).' },
      ExternalUrl: { type: 'String', allowNull: true, help: 'The URL clients on the Internet use (System.Uri); $null when not published.' },
      ...spec.extra,
      ...settingParameters(VDIR_SETTINGS[spec.name]),
      DomainController: domainControllerParameter,
    },
    examples: [{ code: spec.setExample.code, remarks: spec.setExample.remarks, shows: spec.setExample.shows }],
    async process(p, ctx) {
      const o = org(ctx);
      const l = findObjects(ctx, located(o, spec.name), targetIdentity(p), namesOf, true)![0]!;
      const next: VirtualDirectoryState = { ...l.vdir };
      const b = ctx.bound;
      if (b.has('InternalUrl')) next.internalUrl = checkUri(ctx, 'InternalUrl', p.InternalUrl);
      if (b.has('ExternalUrl')) next.externalUrl = checkUri(ctx, 'ExternalUrl', p.ExternalUrl);
      if (b.has('RequireSSL')) next.requireSsl = Boolean(p.RequireSSL);
      if (p.ClientCertAuth) next.clientCertAuth = p.ClientCertAuth;
      next.settings = applySettings(ctx, VDIR_SETTINGS[spec.name], p, l.vdir.settings, serverSettingContext(l.server));
      const kind = `${spec.title === 'Exchange ActiveSync' ? 'ActiveSync' : spec.title} virtual directory`;
      if (!(await confirmSet(ctx, kind, identityOf(l)))) return;
      Object.assign(l.vdir, next);
      o.touch();
    },
  });
}

export const virtualDirectoryCmdlets: CmdletDeclaration[] = SPECS.flatMap((s) => [makeGet(s), makeSet(s)]);

// Get-ReceiveConnector / Set-ReceiveConnector: the per-server SMTP listeners (`SERVER\Name`),
// with the settings that decide TLS: Fqdn (the certificate name), AuthMechanism (Tls advertises
// STARTTLS, ExchangeServer allows X-ANONYMOUSTLS), RequireTLS, DomainSecureEnabled, logging.

import { defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import type { ReceiveConnectorState } from '../../exchange/model.js';
import type { ExchangeServer, Organization } from '../../exchange/organization.js';
import { isTransport } from '../../exchange/defaults.js';
import { splitServerIdentity, visibleServers } from '../../exchange/identity.js';
import { EXCHANGE_MODULE, domainControllerParameter, shouldProcess } from './common.js';
import {
  LOGGING_LEVEL_ENUM,
  SYSCONFIG_NAMESPACE,
  adTail,
  booleanParameter,
  checkBindings,
  checkFqdn,
  configDn,
  configObject,
  confirmSet,
  findObjects,
  findServers,
  flagsList,
  flagsText,
  getByServerOrIdentity,
  identityParameter,
  org,
  refuse,
  serverParameter,
  setIdentityParameters,
  targetIdentity,
  type PropSpec,
} from './config-common.js';
import { RECEIVE_CONNECTOR_TYPE } from './config-views.js';
import { RECEIVE_CONNECTOR_ORDER, RECEIVE_CONNECTOR_SETTINGS } from '../../exchange/settings-2007.js';
import { setting } from '../../exchange/settings.js';
import { applySettings, orderedProperties, parseSetting, settingParameters } from './settings-params.js';
import { serverSettingContext } from './TransportServer.js';

/** RemoteIPRanges is a typed field (the lab's listeners use it), checked as the IPRange list it is. */
const REMOTE_IP_RANGES = setting('RemoteIPRanges', 'ipRanges', []);

/** A connector name: not empty, no backslash, unique among the server's connectors. */
function checkConnectorName(ctx: CmdletContext, server: ExchangeServer, name: string, self?: ReceiveConnectorState): string {
  const t = name.trim();
  if (!t || t.includes('\\') || t.length > 64) refuse(ctx, 'ErrorInvalidName', `The name "${t}" is not valid for a Receive connector: it must have 1 to 64 characters and no backslash.`, t);
  const clash = (server.state.receiveConnectors ?? []).find((c) => c !== self && c.name.toLowerCase() === t.toLowerCase());
  if (clash) refuse(ctx, 'ErrorReceiveConnectorNameExists', `A Receive connector with the name "${t}" already exists on server ${server.name}.`, t);
  return t;
}

export const AUTH_MECHANISM_ENUM = {
  typeName: 'Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthMechanisms',
  values: ['None', 'Tls', 'Integrated', 'BasicAuth', 'BasicAuthRequireTLS', 'ExchangeServer', 'ExternalAuthoritative'] as const,
  flags: true,
};
export const PERMISSION_GROUPS_ENUM = {
  typeName: 'Microsoft.Exchange.Data.PermissionGroups',
  values: ['None', 'AnonymousUsers', 'ExchangeUsers', 'ExchangeServers', 'ExchangeLegacyServers', 'Partners', 'Custom'] as const,
  flags: true,
};

interface Located {
  server: ExchangeServer;
  connector: ReceiveConnectorState;
}

const identityOf = (l: Located) => `${l.server.name}\\${l.connector.name}`;

function allConnectors(o: Organization): Located[] {
  return visibleServers(o).flatMap((server) => (server.state.receiveConnectors ?? []).map((connector) => ({ server, connector })));
}

function namesOf(l: Located): string[] {
  return [identityOf(l), `${l.server.fqdn}\\${l.connector.name}`, l.connector.name];
}

/** A -LinkedReceiveConnector value: the identity (SERVER\\Name) of the one connector it names. */
export function linkedReceiveConnector(ctx: CmdletContext, id: string): string {
  return identityOf(findObjects(ctx, allConnectors(org(ctx)), id, namesOf, true)![0]!);
}

export function receiveConnectorObject(o: Organization, l: Located) {
  const c = l.connector;
  const id = () => identityOf(l);
  const own: Record<string, PropSpec> = {};
  for (const p of [
    ['AuthMechanism', 'Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthMechanisms', () => flagsText(c.authMechanism)],
    ['Bindings', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.IPBinding]]', () => [...c.bindings]],
    ['DomainSecureEnabled', 'System.Boolean', () => c.domainSecureEnabled],
    ['Enabled', 'System.Boolean', () => c.enabled],
    ['Fqdn', 'Microsoft.Exchange.Data.Fqdn', () => c.fqdn || l.server.fqdn],
    ['PermissionGroups', 'Microsoft.Exchange.Data.PermissionGroups', () => flagsText(c.permissionGroups)],
    ['ProtocolLoggingLevel', 'Microsoft.Exchange.Data.ProtocolLoggingLevel', () => c.protocolLoggingLevel],
    ['RemoteIPRanges', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.IPRange]]', () => [...c.remoteIPRanges]],
    ['RequireTLS', 'System.Boolean', () => c.requireTLS],
    ['Server', 'Microsoft.Exchange.Data.Directory.ADObjectId', () => l.server.name],
  ] as PropSpec[]) own[p[0]] = p;
  return configObject([RECEIVE_CONNECTOR_TYPE], id, [
    ...orderedProperties(RECEIVE_CONNECTOR_ORDER, own, RECEIVE_CONNECTOR_SETTINGS, () => c.settings, () => serverSettingContext(l.server)),
    ...adTail(o, id, () => configDn(o, [`CN=${c.name}`, 'CN=SMTP Receive Connectors', 'CN=Protocols', `CN=${l.server.name}`, 'CN=Servers']), () => new Date(l.server.state.installedAt), ['top', 'msExchSmtpReceiveConnector']),
  ]);
}

export const getReceiveConnector = defineCmdlet({
  name: 'Get-ReceiveConnector',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Lists the Receive connectors of Hub Transport and Edge Transport servers.',
  description:
    'Get-ReceiveConnector returns the SMTP Receive connectors. Each belongs to one server, so its identity is SERVER\\Name ("Ex2007EE\\Default Ex2007EE"). A Hub has "Default <server>" (port 25, for Exchange servers and users) and "Client <server>" (port 587); an Edge has "Default internal receive connector <server>". Fqdn is the name the connector announces and the name its STARTTLS certificate must carry.',
  defaultParameterSet: 'Identity',
  parameters: {
    Identity: identityParameter('The connector: SERVER\\Name, or a name; * wildcards allowed.', false, 'Identity'),
    Server: serverParameter('Lists the connectors of this server.', 'Server', true),
    DomainController: domainControllerParameter,
  },
  outputType: [RECEIVE_CONNECTOR_TYPE],
  examples: [
    { code: 'Get-ReceiveConnector', remarks: 'Every Receive connector of every Hub and Edge server.', shows: 'Ex2007EE\\Default Ex2007EE' },
    { code: 'Get-ReceiveConnector -Server Ex2007EE | Format-List Name,Fqdn,AuthMechanism,RequireTLS,DomainSecureEnabled', remarks: 'The TLS-related settings of one server\'s connectors.', shows: 'Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer' },
  ],
  process(p, ctx) {
    const o = org(ctx);
    const list = getByServerOrIdentity(ctx, p, allConnectors(o), (l) => l.server, (x) => isTransport(x.state), namesOf);
    if (!list) return;
    for (const l of list) ctx.write(receiveConnectorObject(o, l));
  },
});

/** Exchange's combinations that cannot work; the lab's wording (2007 texts not in the sources). */
export function receiveConnectorProblem(c: ReceiveConnectorState): string | undefined {
  const auth = c.authMechanism;
  const tls = auth.includes('Tls');
  if (auth.includes('BasicAuthRequireTLS') && !auth.includes('BasicAuth')) return 'The BasicAuthRequireTLS authentication mechanism requires BasicAuth to be set as well.';
  if (auth.includes('BasicAuthRequireTLS') && !tls) return 'The BasicAuthRequireTLS authentication mechanism requires the Tls authentication mechanism.';
  if (c.requireTLS && !tls) return 'RequireTLS can be set to $true only when the AuthMechanism parameter includes Tls.';
  if (c.domainSecureEnabled && !tls) return 'DomainSecureEnabled can be set to $true only when the AuthMechanism parameter includes Tls.';
  if (auth.includes('ExternalAuthoritative') && auth.some((a) => a !== 'ExternalAuthoritative' && a !== 'Tls')) return 'The ExternalAuthoritative authentication mechanism can only be combined with Tls.';
  return undefined;
}

function splitIdentityForError(id: string): string {
  return splitServerIdentity(id).name;
}

export const setReceiveConnector = defineCmdlet({
  name: 'Set-ReceiveConnector',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Changes a Receive connector.',
  description:
    'Set-ReceiveConnector changes one Receive connector (identity SERVER\\Name). -Fqdn sets the name announced in the SMTP banner and used to pick the STARTTLS certificate; -AuthMechanism Tls advertises STARTTLS, ExchangeServer allows X-ANONYMOUSTLS between Exchange servers; -RequireTLS refuses mail sent without TLS; -DomainSecureEnabled turns on mutual TLS with the partner domains of Set-TransportConfig -TLSReceiveDomainSecureList; -ProtocolLoggingLevel Verbose writes Receive protocol logs. Impossible combinations (RequireTLS without Tls ...) are refused and nothing changes.',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  defaultParameterSet: 'Identity',
  parameters: {
    ...setIdentityParameters('The connector: SERVER\\Name.', RECEIVE_CONNECTOR_TYPE, 'ReceiveConnectorIdParameter'),
    Fqdn: { type: 'String', netType: 'Microsoft.Exchange.Data.Fqdn', help: 'The FQDN announced in the banner and EHLO response, and the certificate name; $null means the server FQDN.' },
    AuthMechanism: { type: 'Enum', enum: AUTH_MECHANISM_ENUM, help: 'None, Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer, ExternalAuthoritative (combine with commas).' },
    PermissionGroups: { type: 'Enum', enum: PERMISSION_GROUPS_ENUM, help: 'None, AnonymousUsers, ExchangeUsers, ExchangeServers, ExchangeLegacyServers, Partners, Custom (combine with commas).' },
    RequireTLS: booleanParameter('$true: only accept mail sent over TLS.'),
    DomainSecureEnabled: booleanParameter('$true: mutual TLS (Domain Security) with the partner domains in the transport configuration.'),
    ProtocolLoggingLevel: { type: 'Enum', enum: LOGGING_LEVEL_ENUM, help: 'None or Verbose: Receive protocol logging for this connector.' },
    Bindings: { type: 'String[]', netType: 'Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.IPBinding]', help: 'The IP addresses and ports it listens on (0.0.0.0:25).' },
    RemoteIPRanges: { type: 'Object', netType: 'Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.IPRange]', help: 'The remote addresses it accepts mail from: addresses, ranges (a-b) or subnets (a/bits); @{Add=...; Remove=...} edits the list.' },
    Enabled: booleanParameter('$false turns the connector off.'),
    Name: { type: 'String', help: 'Renames the connector (unique on its server).' },
    ...settingParameters(RECEIVE_CONNECTOR_SETTINGS),
    DomainController: domainControllerParameter,
  },
  examples: [
    { code: "Set-ReceiveConnector 'Ex2007EE\\Default Ex2007EE' -ProtocolLoggingLevel Verbose", remarks: 'Logs every SMTP session the connector accepts.' },
    {
      code: "Set-ReceiveConnector 'Ex2007EE\\Default Ex2007EE' -Fqdn mail.proexchange.global; Get-ReceiveConnector 'Ex2007EE\\Default Ex2007EE' | Format-List Fqdn",
      remarks: 'Announces mail.proexchange.global: STARTTLS then needs a certificate with that name.',
      shows: 'mail.proexchange.global',
    },
    { code: 'Get-ReceiveConnector -Server Ex2007SE | Set-ReceiveConnector -ProtocolLoggingLevel Verbose -WhatIf', remarks: 'The connectors bind from the pipeline; -WhatIf shows what would change.', shows: 'What if: Setting Receive connector "Ex2007SE\\Client Ex2007SE".' },
  ],
  async process(p, ctx) {
    const o = org(ctx);
    const id = targetIdentity(p);
    const l = findObjects(ctx, allConnectors(o), id, namesOf, true)![0]!;
    const next: ReceiveConnectorState = { ...l.connector };
    const b = ctx.bound;
    if (b.has('Fqdn')) next.fqdn = checkFqdn(ctx, 'Fqdn', p.Fqdn);
    if (b.has('AuthMechanism')) next.authMechanism = flagsList(p.AuthMechanism);
    if (b.has('PermissionGroups')) next.permissionGroups = flagsList(p.PermissionGroups);
    if (b.has('RequireTLS')) next.requireTLS = Boolean(p.RequireTLS);
    if (b.has('DomainSecureEnabled')) next.domainSecureEnabled = Boolean(p.DomainSecureEnabled);
    if (p.ProtocolLoggingLevel) next.protocolLoggingLevel = p.ProtocolLoggingLevel;
    if (b.has('Bindings')) next.bindings = checkBindings(ctx, 'Bindings', p.Bindings ?? []);
    if (b.has('Enabled')) next.enabled = Boolean(p.Enabled);
    if (b.has('RemoteIPRanges')) next.remoteIPRanges = parseSetting(ctx, REMOTE_IP_RANGES, p.RemoteIPRanges, next.remoteIPRanges) as string[];
    if (b.has('Name')) next.name = checkConnectorName(ctx, l.server, String(p.Name ?? ''), l.connector);
    next.settings = applySettings(ctx, RECEIVE_CONNECTOR_SETTINGS, p, l.connector.settings, serverSettingContext(l.server));
    const problem = receiveConnectorProblem(next);
    if (problem) refuse(ctx, 'ErrorInvalidReceiveConnectorSettings', problem, splitIdentityForError(id));
    if (!(await confirmSet(ctx, 'Receive connector', identityOf(l)))) return;
    Object.assign(l.connector, next);
    o.touch();
  },
});


const USAGE_ENUM = { typeName: 'Microsoft.Exchange.Management.SystemConfigurationTasks.NewReceiveConnector+UsageType', values: ['Custom', 'Internet', 'Internal', 'Client', 'Partner'] as const };
type Usage = (typeof USAGE_ENUM.values)[number];

/**
 * What each usage type presets (the New Receive Connector wizard's choices): permission groups,
 * authentication and the default binding. Explicit parameters win.
 */
const USAGE_PRESETS: Record<Usage, { permissionGroups: string[]; authMechanism: string[]; port: number; domainSecure?: boolean }> = {
  Custom: { permissionGroups: [], authMechanism: ['Tls'], port: 25 },
  Internet: { permissionGroups: ['AnonymousUsers'], authMechanism: ['Tls'], port: 25 },
  Internal: { permissionGroups: ['ExchangeServers'], authMechanism: ['Tls', 'ExchangeServer'], port: 25 },
  Client: { permissionGroups: ['ExchangeUsers'], authMechanism: ['Tls', 'Integrated', 'BasicAuth', 'BasicAuthRequireTLS'], port: 587 },
  Partner: { permissionGroups: ['Partners'], authMechanism: ['Tls'], port: 25, domainSecure: true },
};

const USAGE_SETS = ['Custom', 'Internet', 'Internal', 'Client', 'Partner', 'UsageType'] as const;
const inSets = (mandatoryIn: readonly string[], extra: Record<string, object> = {}) =>
  Object.fromEntries(USAGE_SETS.map((set) => [set, { mandatory: mandatoryIn.includes(set), ...(extra[set] ?? {}) }]));

export const newReceiveConnector = defineCmdlet({
  name: 'New-ReceiveConnector',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Creates a Receive connector on a Hub Transport or Edge Transport server.',
  description:
    'New-ReceiveConnector creates an SMTP Receive connector on -Server (default: the server you are logged on to). The usage type (-Custom, -Internet, -Internal, -Client, -Partner, or -Usage) presets the permission groups and authentication: Internet accepts anonymous mail, Internal is for Exchange servers, Client for authenticated users on port 587, Partner turns on Domain Security. -Bindings (IP:port) and -RemoteIPRanges decide which connections it takes; two connectors of a server cannot share both. Every setting Set-ReceiveConnector has can be given here too.',
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  defaultParameterSet: 'Custom',
  parameters: {
    Name: { type: 'String', help: 'The connector name (unique on the server).', sets: Object.fromEntries(USAGE_SETS.map((set) => [set, { position: 0, mandatory: true }])) },
    Bindings: { type: 'String[]', netType: 'Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.IPBinding]', help: 'The IP addresses and ports it listens on (0.0.0.0:25).', sets: inSets(['Custom', 'Internet', 'Client']) },
    RemoteIPRanges: { type: 'Object', netType: 'Microsoft.Exchange.Data.MultiValuedProperty`1[Microsoft.Exchange.Data.IPRange]', help: 'The remote addresses it accepts mail from (addresses, a-b ranges, a/bits subnets).', sets: inSets(['Custom', 'Internal', 'Partner']) },
    Custom: { type: 'Switch', help: 'A custom connector (no permission groups preset).', sets: { Custom: {} } },
    Internet: { type: 'Switch', help: 'An Internet connector: anonymous senders.', sets: { Internet: { mandatory: true } } },
    Internal: { type: 'Switch', help: 'A connector for Exchange servers of the organization.', sets: { Internal: { mandatory: true } } },
    Client: { type: 'Switch', help: 'A connector for authenticated users (port 587).', sets: { Client: { mandatory: true } } },
    Partner: { type: 'Switch', help: 'A connector for a partner domain (Domain Security).', sets: { Partner: { mandatory: true } } },
    Usage: { type: 'Enum', enum: USAGE_ENUM, help: 'Custom, Internet, Internal, Client or Partner.', sets: { UsageType: { mandatory: true } } },
    Server: { type: 'String', netType: 'Microsoft.Exchange.Configuration.Tasks.ServerIdParameter', complete: 'machine', help: 'The Hub or Edge server (default: the local server).' },
    AuthMechanism: { type: 'Enum', enum: AUTH_MECHANISM_ENUM, help: 'None, Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer, ExternalAuthoritative (combine with commas).' },
    PermissionGroups: { type: 'Enum', enum: PERMISSION_GROUPS_ENUM, help: 'None, AnonymousUsers, ExchangeUsers, ExchangeServers, ExchangeLegacyServers, Partners, Custom (combine with commas).' },
    Fqdn: { type: 'String', netType: 'Microsoft.Exchange.Data.Fqdn', help: 'The FQDN announced in the banner and EHLO response; default: the server FQDN.' },
    RequireTLS: booleanParameter('$true: only accept mail sent over TLS.'),
    DomainSecureEnabled: booleanParameter('$true: mutual TLS (Domain Security) with the partner domains.'),
    ProtocolLoggingLevel: { type: 'Enum', enum: LOGGING_LEVEL_ENUM, help: 'None or Verbose.' },
    Enabled: booleanParameter('$false creates it turned off.'),
    ...settingParameters(RECEIVE_CONNECTOR_SETTINGS),
    DomainController: domainControllerParameter,
  },
  outputType: [RECEIVE_CONNECTOR_TYPE],
  examples: [
    {
      code: "New-ReceiveConnector -Name 'Internet Ex2007EE' -Internet -Bindings 10.0.0.5:25 -Server Ex2007EE | Format-List Identity,Bindings,PermissionGroups,AuthMechanism",
      remarks: 'An Internet connector on a second address of the Site-A Hub: anonymous senders, STARTTLS offered.',
      shows: 'AnonymousUsers',
    },
    {
      code: "New-ReceiveConnector 'Relay Ex2007EE' -Usage Custom -Bindings 0.0.0.0:25 -RemoteIPRanges 10.0.0.50 -Server Ex2007EE -MaxMessageSize 20MB | Format-List Identity,RemoteIPRanges,MaxMessageSize",
      remarks: 'A custom connector that only one application server may use, with a larger size limit.',
      shows: '20 MB (20,971,520 bytes)',
    },
  ],
  async process(p, ctx) {
    const o = org(ctx);
    const serverId = p.Server === undefined || p.Server === null ? o.current.name : String(p.Server);
    const server = findServers(ctx, serverId, { single: true, accept: (x) => isTransport(x.state) })![0]!;
    const name = checkConnectorName(ctx, server, String(p.Name ?? ''));
    const set = ctx.parameterSetName;
    const usage: Usage = set === 'UsageType' ? (p.Usage ?? 'Custom') : set === 'Custom' ? 'Custom' : (set as Usage);
    const preset = USAGE_PRESETS[usage];
    const b = ctx.bound;
    const c: ReceiveConnectorState = {
      name,
      bindings: b.has('Bindings') ? checkBindings(ctx, 'Bindings', p.Bindings ?? []) : [`0.0.0.0:${preset.port}`],
      remoteIPRanges: b.has('RemoteIPRanges') ? (parseSetting(ctx, REMOTE_IP_RANGES, p.RemoteIPRanges, []) as string[]) : ['0.0.0.0-255.255.255.255'],
      fqdn: b.has('Fqdn') ? checkFqdn(ctx, 'Fqdn', p.Fqdn) : '',
      authMechanism: b.has('AuthMechanism') ? flagsList(p.AuthMechanism) : [...preset.authMechanism],
      permissionGroups: b.has('PermissionGroups') ? flagsList(p.PermissionGroups) : [...preset.permissionGroups],
      requireTLS: Boolean(p.RequireTLS),
      domainSecureEnabled: b.has('DomainSecureEnabled') ? Boolean(p.DomainSecureEnabled) : preset.domainSecure === true,
      protocolLoggingLevel: p.ProtocolLoggingLevel ?? 'None',
      enabled: b.has('Enabled') ? Boolean(p.Enabled) : true,
    };
    const settings = applySettings(ctx, RECEIVE_CONNECTOR_SETTINGS, p, undefined, serverSettingContext(server));
    if (Object.keys(settings).length) c.settings = settings;
    if (c.bindings.length === 0) refuse(ctx, 'ErrorBindingsEmpty', 'The Bindings parameter must list at least one IP address and port.', name);
    const problem = receiveConnectorProblem(c);
    if (problem) refuse(ctx, 'ErrorInvalidReceiveConnectorSettings', problem, name);
    const sameRanges = (x: string[]) => x.length === c.remoteIPRanges.length && x.every((r) => c.remoteIPRanges.some((y) => y.toLowerCase() === r.toLowerCase()));
    const clash = (server.state.receiveConnectors ?? []).find((x) => x.bindings.some((bd) => c.bindings.includes(bd)) && sameRanges(x.remoteIPRanges));
    if (clash) {
      refuse(ctx, 'ErrorReceiveConnectorBindingsConflict', `The values that you specified for the Bindings and RemoteIPRanges parameters conflict with the settings on Receive connector "${server.name}\\${clash.name}". A Receive connector must have a unique combination of a local IP address and port and remote IP address ranges.`, name);
    }
    if (!(await shouldProcess(ctx, `Creating Receive connector "${server.name}\\${name}".`))) return;
    (server.state.receiveConnectors ??= []).push(c);
    o.touch();
    ctx.write(receiveConnectorObject(o, { server, connector: c }));
  },
});

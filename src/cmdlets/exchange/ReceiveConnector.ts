// Get-ReceiveConnector / Set-ReceiveConnector: the per-server SMTP listeners (`SERVER\Name`),
// with the settings that decide TLS: Fqdn (the certificate name), AuthMechanism (Tls advertises
// STARTTLS, ExchangeServer allows X-ANONYMOUSTLS), RequireTLS, DomainSecureEnabled, logging.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import type { ReceiveConnectorState } from '../../exchange/model.js';
import type { ExchangeServer, Organization } from '../../exchange/organization.js';
import { isTransport } from '../../exchange/defaults.js';
import { splitServerIdentity, visibleServers } from '../../exchange/identity.js';
import { EXCHANGE_MODULE, domainControllerParameter } from './common.js';
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
  flagsList,
  flagsText,
  getByServerOrIdentity,
  identityParameter,
  identityText,
  org,
  refuse,
  serverParameter,
} from './config-common.js';
import { RECEIVE_CONNECTOR_TYPE } from './config-views.js';

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

export function receiveConnectorObject(o: Organization, l: Located) {
  const c = l.connector;
  const id = () => identityOf(l);
  return configObject([RECEIVE_CONNECTOR_TYPE], id, [
    ['AuthMechanism', 'Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthMechanisms', () => flagsText(c.authMechanism)],
    ['Banner', 'System.String', () => null],
    ['Bindings', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.IPBinding]]', () => [...c.bindings]],
    ['DomainSecureEnabled', 'System.Boolean', () => c.domainSecureEnabled],
    ['Enabled', 'System.Boolean', () => c.enabled],
    ['Fqdn', 'Microsoft.Exchange.Data.Fqdn', () => c.fqdn || l.server.fqdn],
    ['PermissionGroups', 'Microsoft.Exchange.Data.PermissionGroups', () => flagsText(c.permissionGroups)],
    ['ProtocolLoggingLevel', 'Microsoft.Exchange.Data.ProtocolLoggingLevel', () => c.protocolLoggingLevel],
    ['RemoteIPRanges', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.IPRange]]', () => [...c.remoteIPRanges]],
    ['RequireTLS', 'System.Boolean', () => c.requireTLS],
    ['Server', 'Microsoft.Exchange.Data.Directory.ADObjectId', () => l.server.name],
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
  parameters: {
    Identity: identityParameter('The connector: SERVER\\Name.', true),
    Fqdn: { type: 'String', help: 'The FQDN announced in the banner and EHLO response, and the certificate name; $null means the server FQDN.' },
    AuthMechanism: { type: 'Enum', enum: AUTH_MECHANISM_ENUM, help: 'None, Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer, ExternalAuthoritative (combine with commas).' },
    PermissionGroups: { type: 'Enum', enum: PERMISSION_GROUPS_ENUM, help: 'None, AnonymousUsers, ExchangeUsers, ExchangeServers, ExchangeLegacyServers, Partners, Custom (combine with commas).' },
    RequireTLS: booleanParameter('$true: only accept mail sent over TLS.'),
    DomainSecureEnabled: booleanParameter('$true: mutual TLS (Domain Security) with the partner domains in the transport configuration.'),
    ProtocolLoggingLevel: { type: 'Enum', enum: LOGGING_LEVEL_ENUM, help: 'None or Verbose: Receive protocol logging for this connector.' },
    Bindings: { type: 'String[]', help: 'The IP addresses and ports it listens on (0.0.0.0:25).' },
    Enabled: booleanParameter('$false turns the connector off.'),
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
    const id = identityText(p.Identity);
    const l = findObjects(ctx, allConnectors(o), id, namesOf, true)![0]!;
    const next: ReceiveConnectorState = { ...l.connector };
    const b = ctx.bound;
    if (b.has('Fqdn')) next.fqdn = checkFqdn(ctx, 'Fqdn', p.Fqdn);
    if (b.has('AuthMechanism')) next.authMechanism = flagsList(p.AuthMechanism);
    if (b.has('PermissionGroups')) next.permissionGroups = flagsList(p.PermissionGroups);
    if (b.has('RequireTLS')) next.requireTLS = Boolean(p.RequireTLS);
    if (b.has('DomainSecureEnabled')) next.domainSecureEnabled = Boolean(p.DomainSecureEnabled);
    if (p.ProtocolLoggingLevel) next.protocolLoggingLevel = p.ProtocolLoggingLevel;
    if (b.has('Bindings')) next.bindings = checkBindings(ctx, 'Bindings', (p.Bindings as string[]) ?? []);
    if (b.has('Enabled')) next.enabled = Boolean(p.Enabled);
    const problem = receiveConnectorProblem(next);
    if (problem) refuse(ctx, 'ErrorInvalidReceiveConnectorSettings', problem, splitIdentityForError(id));
    if (!(await confirmSet(ctx, 'Receive connector', identityOf(l)))) return;
    Object.assign(l.connector, next);
    o.touch();
  },
});


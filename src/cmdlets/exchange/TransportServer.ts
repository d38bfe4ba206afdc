// Get-TransportServer / Set-TransportServer: the Hub and Edge servers' transport settings, here
// the protocol log ones (intra-organization connector logging, paths, sizes, ages).

import { defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import type { TransportServerState } from '../../exchange/model.js';
import type { ExchangeServer, Organization } from '../../exchange/organization.js';
import { byteQuantifiedSizeBytes, formatByteQuantifiedSize, isTransport, parseByteQuantifiedSize, parseEnhancedTimeSpan } from '../../exchange/defaults.js';
import { visibleServers } from '../../exchange/identity.js';
import { EXCHANGE_MODULE, domainControllerParameter } from './common.js';
import {
  LOGGING_LEVEL_ENUM,
  SYSCONFIG_NAMESPACE,
  adTail,
  bindingError,
  checkLocalPath,
  configDn,
  configObject,
  confirmSet,
  findServers,
  getServersByIdentity,
  identityParameter,
  org,
  refuse,
  setIdentityParameters,
  targetIdentity,
  type PropSpec,
} from './config-common.js';
import { TRANSPORT_SERVER_ORDER, TRANSPORT_SERVER_SETTINGS } from '../../exchange/settings-2007.js';
import type { SettingContext } from '../../exchange/settings.js';
import { applySettings, orderedProperties, settingParameters } from './settings-params.js';
import { TRANSPORT_SERVER_TYPE } from './config-views.js';

const transportOnly = (s: ExchangeServer) => isTransport(s.state);

export function transportServerObject(o: Organization, s: ExchangeServer) {
  const t = () => s.state.transport!;
  const id = () => s.name;
  const size = (k: keyof TransportServerState) => () => formatByteQuantifiedSize(String(t()[k]));
  const own: Record<string, PropSpec> = {};
  for (const p of [
    ['Name', 'System.String', id],
    ['IntraOrgConnectorProtocolLoggingLevel', 'Microsoft.Exchange.Data.ProtocolLoggingLevel', () => t().intraOrgConnectorProtocolLoggingLevel],
    ['ReceiveProtocolLogMaxAge', 'Microsoft.Exchange.Data.EnhancedTimeSpan', () => t().receiveProtocolLogMaxAge],
    ['ReceiveProtocolLogMaxDirectorySize', 'Microsoft.Exchange.Data.Unlimited`1[[Microsoft.Exchange.Data.ByteQuantifiedSize]]', size('receiveProtocolLogMaxDirectorySize')],
    ['ReceiveProtocolLogMaxFileSize', 'Microsoft.Exchange.Data.Unlimited`1[[Microsoft.Exchange.Data.ByteQuantifiedSize]]', size('receiveProtocolLogMaxFileSize')],
    ['ReceiveProtocolLogPath', 'Microsoft.Exchange.Data.LocalLongFullPath', () => t().receiveProtocolLogPath],
    ['SendProtocolLogMaxAge', 'Microsoft.Exchange.Data.EnhancedTimeSpan', () => t().sendProtocolLogMaxAge],
    ['SendProtocolLogMaxDirectorySize', 'Microsoft.Exchange.Data.Unlimited`1[[Microsoft.Exchange.Data.ByteQuantifiedSize]]', size('sendProtocolLogMaxDirectorySize')],
    ['SendProtocolLogMaxFileSize', 'Microsoft.Exchange.Data.Unlimited`1[[Microsoft.Exchange.Data.ByteQuantifiedSize]]', size('sendProtocolLogMaxFileSize')],
    ['SendProtocolLogPath', 'Microsoft.Exchange.Data.LocalLongFullPath', () => t().sendProtocolLogPath],
    ['InternalTransportCertificateThumbprint', 'System.String', () => s.state.internalTransportThumbprint ?? null],
  ] as PropSpec[]) own[p[0]] = p;
  return configObject([TRANSPORT_SERVER_TYPE], id, [
    ...orderedProperties(TRANSPORT_SERVER_ORDER, own, TRANSPORT_SERVER_SETTINGS, () => t().settings, () => serverSettingContext(s)),
    ...adTail(o, id, () => configDn(o, [`CN=${s.name}`, 'CN=Servers']), () => new Date(s.state.installedAt), ['top', 'server', 'msExchExchangeServer']).filter(([n]) => n !== 'Name'),
  ]);
}

/** What a server's setting defaults depend on. */
export function serverSettingContext(s: ExchangeServer): SettingContext {
  return { edge: s.state.roles.includes('Edge'), fqdn: s.fqdn };
}

export const getTransportServer = defineCmdlet({
  name: 'Get-TransportServer',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Shows the transport settings of Hub Transport and Edge Transport servers.',
  description:
    'Get-TransportServer returns the transport configuration of the Hub Transport and Edge Transport servers: protocol logging of the invisible intra-organization Send connector (IntraOrgConnectorProtocolLoggingLevel), and where Send and Receive protocol logs go and how large and old they may grow. Without -Identity it lists every Hub and Edge server.',
  parameters: {
    Identity: identityParameter('The Hub or Edge server (name or FQDN); * wildcards allowed.', false),
    DomainController: domainControllerParameter,
  },
  outputType: [TRANSPORT_SERVER_TYPE],
  examples: [
    { code: 'Get-TransportServer', remarks: 'Lists the Hub and Edge servers with their logging settings.', shows: 'IntraOrgConnectorProtocolLoggingLevel' },
    { code: 'Get-TransportServer Ex2007SE | Format-List Name,*ProtocolLog*', remarks: 'The protocol log settings of one server.', shows: 'SendProtocolLogPath' },
  ],
  process(p, ctx) {
    const o = org(ctx);
    const servers = getServersByIdentity(ctx, p.Identity, visibleServers(o).filter(transportOnly), transportOnly);
    if (!servers) return;
    for (const s of servers) ctx.write(transportServerObject(o, s));
  },
});

function sizeValue(ctx: CmdletContext, param: string, v: unknown): string {
  const s = parseByteQuantifiedSize(String(v ?? ''));
  if (!s) return bindingError(ctx, param, v, 'Microsoft.Exchange.Data.Unlimited`1[Microsoft.Exchange.Data.ByteQuantifiedSize]', `The value "${String(v)}" is not a valid size. Use a number followed by B, KB, MB, GB or TB, or Unlimited.`);
  return s;
}

function ageValue(ctx: CmdletContext, param: string, v: unknown): string {
  const s = parseEnhancedTimeSpan(String(v ?? ''));
  if (!s) return bindingError(ctx, param, v, 'Microsoft.Exchange.Data.EnhancedTimeSpan', 'Input string was not in a correct format.');
  return s;
}

export const setTransportServer = defineCmdlet({
  name: 'Set-TransportServer',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Changes the transport settings of a Hub Transport or Edge Transport server.',
  description:
    'Set-TransportServer changes the protocol log settings of one Hub or Edge server. -IntraOrgConnectorProtocolLoggingLevel Verbose logs the SMTP conversations of the implicit intra-organization Send connector (Hub to Hub, Hub to Edge), with the certificates each side offers, to the Send protocol log directory. -SendProtocolLogPath / -ReceiveProtocolLogPath move the logs ($null turns that logging off for the whole server); the MaxFileSize, MaxDirectorySize and MaxAge parameters bound them. Every value is checked before anything changes.',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  defaultParameterSet: 'Identity',
  parameters: {
    ...setIdentityParameters('The Hub or Edge server (name or FQDN).', TRANSPORT_SERVER_TYPE, 'ServerIdParameter'),
    IntraOrgConnectorProtocolLoggingLevel: { type: 'Enum', enum: LOGGING_LEVEL_ENUM, help: 'Protocol logging of the intra-organization Send connector: None or Verbose.' },
    SendProtocolLogPath: { type: 'String', help: 'Folder of the Send protocol logs on the server (local full path); $null disables Send protocol logging.' },
    ReceiveProtocolLogPath: { type: 'String', help: 'Folder of the Receive protocol logs on the server (local full path); $null disables Receive protocol logging.' },
    SendProtocolLogMaxFileSize: { type: 'String', help: 'Largest Send protocol log file (e.g. 10MB).' },
    ReceiveProtocolLogMaxFileSize: { type: 'String', help: 'Largest Receive protocol log file (e.g. 10MB).' },
    SendProtocolLogMaxDirectorySize: { type: 'String', help: 'Largest total size of the Send protocol log folder (e.g. 250MB, or Unlimited).' },
    ReceiveProtocolLogMaxDirectorySize: { type: 'String', help: 'Largest total size of the Receive protocol log folder (e.g. 250MB, or Unlimited).' },
    SendProtocolLogMaxAge: { type: 'String', help: 'How long Send protocol logs are kept (d.hh:mm:ss, e.g. 30.00:00:00).' },
    ReceiveProtocolLogMaxAge: { type: 'String', help: 'How long Receive protocol logs are kept (d.hh:mm:ss, e.g. 30.00:00:00).' },
    ...settingParameters(TRANSPORT_SERVER_SETTINGS),
    DomainController: domainControllerParameter,
  },
  examples: [
    { code: 'Set-TransportServer Ex2007SE -IntraOrgConnectorProtocolLoggingLevel Verbose', remarks: 'Logs the SMTP sessions Ex2007SE opens to other Exchange servers (the article\'s Figure 2).' },
    {
      code: 'Set-TransportServer Ex2007EE -ReceiveProtocolLogMaxAge 20.00:00:00; Get-TransportServer Ex2007EE | Format-List Name,ReceiveProtocolLogMaxAge',
      remarks: 'Keeps Receive protocol logs for 20 days.',
      shows: '20.00:00:00',
    },
    { code: "Set-TransportServer Ex2007EE -SendProtocolLogPath 'D:\\Hub Send SMTP Log' -WhatIf", remarks: 'Shows what would change without changing it.', shows: 'What if: Setting transport server "Ex2007EE".' },
  ],
  async process(p, ctx) {
    const id = targetIdentity(p);
    const s = findServers(ctx, id, { single: true, accept: transportOnly })![0]!;
    const t = s.state.transport!;
    const next: TransportServerState = { ...t };
    const b = ctx.bound;
    if (p.IntraOrgConnectorProtocolLoggingLevel) next.intraOrgConnectorProtocolLoggingLevel = p.IntraOrgConnectorProtocolLoggingLevel;
    if (b.has('SendProtocolLogPath')) next.sendProtocolLogPath = checkLocalPath(ctx, 'SendProtocolLogPath', p.SendProtocolLogPath);
    if (b.has('ReceiveProtocolLogPath')) next.receiveProtocolLogPath = checkLocalPath(ctx, 'ReceiveProtocolLogPath', p.ReceiveProtocolLogPath);
    for (const [param, key] of [
      ['SendProtocolLogMaxFileSize', 'sendProtocolLogMaxFileSize'],
      ['ReceiveProtocolLogMaxFileSize', 'receiveProtocolLogMaxFileSize'],
      ['SendProtocolLogMaxDirectorySize', 'sendProtocolLogMaxDirectorySize'],
      ['ReceiveProtocolLogMaxDirectorySize', 'receiveProtocolLogMaxDirectorySize'],
    ] as const) {
      if (b.has(param)) next[key] = sizeValue(ctx, param, p[param]);
    }
    if (b.has('SendProtocolLogMaxAge')) next.sendProtocolLogMaxAge = ageValue(ctx, 'SendProtocolLogMaxAge', p.SendProtocolLogMaxAge);
    if (b.has('ReceiveProtocolLogMaxAge')) next.receiveProtocolLogMaxAge = ageValue(ctx, 'ReceiveProtocolLogMaxAge', p.ReceiveProtocolLogMaxAge);
    for (const dir of ['Send', 'Receive'] as const) {
      const k = dir === 'Send' ? 'send' : 'receive';
      if (byteQuantifiedSizeBytes(next[`${k}ProtocolLogMaxFileSize`]) > byteQuantifiedSizeBytes(next[`${k}ProtocolLogMaxDirectorySize`])) {
        refuse(ctx, 'ErrorProtocolLogFileSizeTooLarge', `The value of ${dir}ProtocolLogMaxFileSize (${formatByteQuantifiedSize(next[`${k}ProtocolLogMaxFileSize`])}) must not exceed ${dir}ProtocolLogMaxDirectorySize (${formatByteQuantifiedSize(next[`${k}ProtocolLogMaxDirectorySize`])}).`, id);
      }
    }
    next.settings = applySettings(ctx, TRANSPORT_SERVER_SETTINGS, p, t.settings, serverSettingContext(s));
    if (!(await confirmSet(ctx, 'transport server', s.name))) return;
    Object.assign(t, next);
    org(ctx).touch();
  },
});

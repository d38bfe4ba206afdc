// Get/Set-PopSettings and Get/Set-ImapSettings: the POP3 and IMAP4 services of a Client Access
// server. The service presents the certificate whose name matches X509CertificateName (best
// match as Exchange ranks them: valid, exact, CA-issued, newest); PresentedCertificate shows it.

import { defineCmdlet, type CmdletContext, type CmdletDeclaration } from '../../protocol/cmdlet.js';
import { PSObject } from '../../protocol/values.js';
import type { ProtocolSettingsState } from '../../exchange/model.js';
import type { ExchangeServer, Organization } from '../../exchange/organization.js';
import { isClientAccess } from '../../exchange/defaults.js';
import { EXCHANGE_MODULE, domainControllerParameter } from './common.js';
import { SYSCONFIG_NAMESPACE, adTail, checkBindings, checkFqdn, configDn, configObject, confirmSet, findServers, org, refuse, warnIfUnencrypted, type PropSpec } from './config-common.js';
import { IMAP_SETTINGS_TYPE, POP_SETTINGS_TYPE } from './config-views.js';
import { PROTOCOL_SETTINGS_ORDER, protocolSettings } from '../../exchange/settings-2007.js';
import type { SettingSpec } from '../../exchange/settings.js';
import { applySettings, orderedProperties, settingParameters } from './settings-params.js';
import { serverSettingContext } from './TransportServer.js';

type Protocol = 'Pop' | 'Imap';
const SERVICE: Record<Protocol, string> = { Pop: 'POP3', Imap: 'IMAP4' };
const LOGIN_ENUM = { typeName: 'Microsoft.Exchange.Data.Directory.SystemConfiguration.LoginOptions', values: ['PlainTextLogin', 'PlainTextAuthentication', 'SecureLogin'] as const };
const casOnly = (s: ExchangeServer) => isClientAccess(s.state);

const settingsOf = (s: ExchangeServer, proto: Protocol): ProtocolSettingsState => (proto === 'Pop' ? s.state.pop! : s.state.imap!);

/** The certificate the service presents for SSL/TLS (the rule lives with the server: ExchangeServer.protocolCertificate). */
export function presentedCertificate(s: ExchangeServer, proto: Protocol) {
  return s.protocolCertificate(proto);
}

const SETTINGS: Record<Protocol, SettingSpec[]> = { Pop: protocolSettings('Pop'), Imap: protocolSettings('Imap') };

function settingsObject(o: Organization, s: ExchangeServer, proto: Protocol) {
  const st = () => settingsOf(s, proto);
  const id = () => `${s.name}\\1`;
  const own: Record<string, PropSpec> = {};
  for (const p of [
    ['ProtocolName', 'System.String', () => SERVICE[proto]],
    ['Server', 'Microsoft.Exchange.Data.Directory.ADObjectId', () => s.name],
    ['LoginType', 'Microsoft.Exchange.Data.Directory.SystemConfiguration.LoginOptions', () => st().loginType],
    ['X509CertificateName', 'System.String', () => st().x509CertificateName],
    ['SSLBindings', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.IPBinding]]', () => [...st().sslBindings]],
    ['UnencryptedOrTLSBindings', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.IPBinding]]', () => [...st().unencryptedOrTLSBindings]],
    ['PresentedCertificate', 'System.String', () => presentedCertificate(s, proto)?.thumbprint ?? null],
    ['PresentedCertificateSubject', 'System.String', () => presentedCertificate(s, proto)?.subject ?? null],
  ] as PropSpec[]) own[p[0]] = p;
  return configObject([proto === 'Pop' ? POP_SETTINGS_TYPE : IMAP_SETTINGS_TYPE, 'Microsoft.Exchange.Data.Directory.SystemConfiguration.PopImapAdConfiguration'], id, [
    ...orderedProperties(PROTOCOL_SETTINGS_ORDER, own, SETTINGS[proto], () => st().settings, () => serverSettingContext(s)),
    ...adTail(o, id, () => configDn(o, ['CN=1', `CN=${SERVICE[proto]}`, 'CN=Protocols', `CN=${s.name}`, 'CN=Servers']), () => new Date(s.state.installedAt), ['top', 'protocolCfg', `protocolCfg${SERVICE[proto]}`, `protocolCfg${SERVICE[proto]}Server`]),
  ]);
}

function warnAboutCertificate(ctx: CmdletContext, s: ExchangeServer, proto: Protocol): void {
  if (s.state.certificates.length === 0) return warnIfUnencrypted(ctx, s);
  if (!presentedCertificate(s, proto)) {
    ctx.writeWarning(`No certificate on "${s.name}" matches X509CertificateName "${settingsOf(s, proto).x509CertificateName}": ${SERVICE[proto]} clients cannot connect with SSL or TLS.`);
  }
}

function targetServer(ctx: CmdletContext, server: unknown, terminating: boolean): ExchangeServer | undefined {
  const id = server === undefined || server === null ? org(ctx).current.name : String(server);
  return findServers(ctx, id, { single: true, terminating, accept: casOnly })?.[0];
}

function makeGet(proto: Protocol): CmdletDeclaration {
  const svc = SERVICE[proto];
  return defineCmdlet({
    name: `Get-${proto}Settings`,
    module: EXCHANGE_MODULE,
    typeNamespace: SYSCONFIG_NAMESPACE,
    synopsis: `Shows the ${svc} service settings of a Client Access server.`,
    description: `Get-${proto}Settings returns the ${svc} settings of the local Client Access server (or of -Server): the login type (SecureLogin refuses clear-text logins outside SSL/TLS), the SSL and the unencrypted-or-TLS bindings, and X509CertificateName, the name whose certificate the service presents. PresentedCertificate and PresentedCertificateSubject show that certificate (lab properties: what a client would be given). A warning says when no certificate can be presented.`,
    parameters: {
      Server: { type: 'String', complete: 'machine', help: 'The Client Access server (default: the local server).', sets: { __AllParameterSets: { fromPipelineByPropertyName: true } } },
      DomainController: domainControllerParameter,
    },
    outputType: [proto === 'Pop' ? POP_SETTINGS_TYPE : IMAP_SETTINGS_TYPE],
    examples: [
      { code: `Get-${proto}Settings`, remarks: `The ${svc} settings of the local server.`, shows: proto === 'Pop' ? '0.0.0.0:995' : '0.0.0.0:993' },
      { code: `Get-${proto}Settings -Server Ex2007SE | Format-List X509CertificateName,PresentedCertificate*`, remarks: `Which certificate ${svc} on Ex2007SE presents.`, shows: 'CN=Ex2007SE' },
    ],
    process(p, ctx) {
      const s = targetServer(ctx, p.Server, false);
      if (!s) return;
      warnAboutCertificate(ctx, s, proto);
      ctx.write(settingsObject(org(ctx), s, proto));
    },
  });
}

function makeSet(proto: Protocol): CmdletDeclaration {
  const svc = SERVICE[proto];
  return defineCmdlet({
    name: `Set-${proto}Settings`,
    module: EXCHANGE_MODULE,
    typeNamespace: SYSCONFIG_NAMESPACE,
    synopsis: `Changes the ${svc} service settings of a Client Access server.`,
    description: `Set-${proto}Settings changes the ${svc} settings of the local Client Access server (or of -Server). -X509CertificateName picks the certificate the service presents (use the host name clients connect to, not a wildcard); -LoginType PlainTextLogin | PlainTextAuthentication | SecureLogin; -SSLBindings and -UnencryptedOrTLSBindings take IP:port values. Values are checked before anything changes; the ${svc} service must be restarted afterwards.`,
    supportsShouldProcess: true,
    confirmImpact: 'Medium',
    parameters: {
      Server: { type: 'String', complete: 'machine', help: 'The Client Access server (default: the local server).' },
      Instance: { type: 'PSObject', help: `A ${proto === 'Pop' ? 'Pop3AdConfiguration' : 'Imap4AdConfiguration'} object as Get-${proto}Settings returns it: the settings of its server are changed.` },
      X509CertificateName: { type: 'String', help: 'The host name whose certificate the service presents for SSL/TLS.' },
      LoginType: { type: 'Enum', enum: LOGIN_ENUM, help: 'PlainTextLogin, PlainTextAuthentication or SecureLogin.' },
      SSLBindings: { type: 'String[]', help: `Where ${svc} listens with SSL (IP:port, e.g. 0.0.0.0:${proto === 'Pop' ? 995 : 993}).` },
      UnencryptedOrTLSBindings: { type: 'String[]', help: `Where ${svc} listens in clear text or with STARTTLS (IP:port, e.g. 0.0.0.0:${proto === 'Pop' ? 110 : 143}).` },
      ...settingParameters(SETTINGS[proto]),
      DomainController: domainControllerParameter,
    },
    examples: [
      {
        code: `Set-${proto}Settings -X509CertificateName mail.proexchange.global -LoginType SecureLogin; Get-${proto}Settings | Format-List X509CertificateName,LoginType`,
        remarks: `${svc} presents the certificate named mail.proexchange.global (until one exists, a warning says clients cannot use SSL).`,
        shows: 'mail.proexchange.global',
      },
    ],
    async process(p, ctx) {
      const instanceServer = p.Instance instanceof PSObject ? p.Instance.get('Server') : undefined;
      const s = targetServer(ctx, p.Server ?? instanceServer ?? undefined, true)!;
      const cur = settingsOf(s, proto);
      const next: ProtocolSettingsState = { ...cur };
      const b = ctx.bound;
      if (b.has('X509CertificateName')) {
        const name = checkFqdn(ctx, 'X509CertificateName', p.X509CertificateName);
        next.x509CertificateName = name || s.fqdn;
      }
      if (p.LoginType) next.loginType = p.LoginType;
      if (b.has('SSLBindings')) next.sslBindings = checkBindings(ctx, 'SSLBindings', p.SSLBindings ?? []);
      if (b.has('UnencryptedOrTLSBindings')) next.unencryptedOrTLSBindings = checkBindings(ctx, 'UnencryptedOrTLSBindings', p.UnencryptedOrTLSBindings ?? []);
      next.settings = applySettings(ctx, SETTINGS[proto], p, cur.settings, serverSettingContext(s));
      const port = (x: string) => x.split(':').pop();
      const clash = next.sslBindings.find((a) => next.unencryptedOrTLSBindings.some((u) => port(u) === port(a)));
      if (clash) refuse(ctx, 'ErrorBindingsConflict', `The port of ${clash} is used by both SSLBindings and UnencryptedOrTLSBindings. A port can carry only one kind of connection.`, s.name);
      if (!(await confirmSet(ctx, `${svc} settings`, `${s.name}\\1`))) return;
      Object.assign(cur, next);
      org(ctx).touch();
      ctx.writeWarning(`Changes to ${svc} settings will only take effect after all Microsoft Exchange ${svc} services are restarted on server ${s.name}.`);
      warnAboutCertificate(ctx, s, proto);
    },
  });
}

export const protocolSettingsCmdlets: CmdletDeclaration[] = [makeGet('Pop'), makeSet('Pop'), makeGet('Imap'), makeSet('Imap')];

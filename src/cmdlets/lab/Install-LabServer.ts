// Adds an Exchange 2007 SP1 server to the lab as setup would: Install-LabServer (the lab's
// cmdlet) and `setup.com /mode:install /roles:...` (Exchange's unattended setup, typed as on the
// new server). Setup gives the server its self-signed certificate (Client Access, Hub Transport,
// Unified Messaging, Edge), its default connectors, virtual directories, POP/IMAP and UM
// settings. /NoSelfSignedCertificates is valid only with Client Access or Unified Messaging; a
// Hub or Edge role still gets its transport certificate (transport needs one for TLS).

import { defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import type { ServerState } from '../../exchange/model.js';
import type { ExchangeServer } from '../../exchange/organization.js';
import { normalizeServer, VERSION_2007_SP1 } from '../../exchange/defaults.js';
import { installSetupCertificate } from '../../exchange/setup.js';
import type { ServerRole } from '../../exchange/services.js';
import { loadPki } from '../../pki/load.js';
import { shouldProcess } from '../exchange/common.js';
import { org, warnIfUnencrypted } from '../exchange/config-common.js';
import { exchangeServerObject } from '../exchange/Get-ExchangeServer.js';

const ROLE_ORDER: ServerRole[] = ['Mailbox', 'ClientAccess', 'UnifiedMessaging', 'HubTransport', 'Edge'];
/** setup.com role keywords and their short forms. */
const ROLE_WORDS: Record<string, ServerRole | 'ManagementTools'> = {
  mailbox: 'Mailbox', mb: 'Mailbox', m: 'Mailbox',
  clientaccess: 'ClientAccess', ca: 'ClientAccess', c: 'ClientAccess',
  hubtransport: 'HubTransport', ht: 'HubTransport', h: 'HubTransport', bridgehead: 'HubTransport',
  unifiedmessaging: 'UnifiedMessaging', um: 'UnifiedMessaging', u: 'UnifiedMessaging',
  edgetransport: 'Edge', edge: 'Edge', et: 'Edge', e: 'Edge', gateway: 'Edge',
  managementtools: 'ManagementTools', mt: 'ManagementTools', t: 'ManagementTools',
};
const ROLE_TITLES: Record<ServerRole, string> = {
  Mailbox: 'Mailbox',
  ClientAccess: 'Client Access',
  UnifiedMessaging: 'Unified Messaging',
  HubTransport: 'Hub Transport',
  Edge: 'Edge Transport',
};
/** The order setup configures roles in. */
const INSTALL_ORDER: ServerRole[] = ['HubTransport', 'ClientAccess', 'Mailbox', 'UnifiedMessaging', 'Edge'];

export const setupMessages = {
  unknownRole: (r: string) => `'${r}' is not a valid server role. Valid roles are Mailbox (MB), ClientAccess (CA), HubTransport (HT), UnifiedMessaging (UM), EdgeTransport (ET) and ManagementTools (MT).`,
  noRoles: 'At least one server role must be specified with /roles (for example /roles:ClientAccess,HubTransport).',
  edgeAlone: 'The Edge Transport server role cannot be installed on the same computer as any other server role.',
  noSelfSigned: 'The /NoSelfSignedCertificates parameter is valid only when the Client Access or Unified Messaging server role is being installed.',
  badName: (n: string) => `'${n}' is not a valid computer name. Use 1 to 15 letters, digits or hyphens.`,
  exists: (n: string) => `The computer "${n}" already exists in the lab and Exchange Server is installed on it.`,
  badSite: (s: string, sites: string[]) => `The Active Directory site "${s}" was not found. The sites are: ${sites.join(', ')}.`,
  edgeSite: 'An Edge Transport server is not a member of the Active Directory domain and belongs to no site; do not give a site.',
};

export interface InstallRequest {
  name: string;
  roles: string[];
  site?: string;
  noSelfSignedCertificates: boolean;
}

/** Checks a request; returns the roles to install, or the refusal text (nothing changes then). */
export function checkInstall(ctx: CmdletContext, req: InstallRequest): { roles: ServerRole[] } | { error: string } {
  const o = org(ctx);
  const roles = new Set<ServerRole>();
  for (const raw of req.roles.flatMap((r) => r.split(/[,\s]+/)).map((r) => r.trim()).filter(Boolean)) {
    const r = ROLE_WORDS[raw.toLowerCase()];
    if (!r) return { error: setupMessages.unknownRole(raw) };
    if (r !== 'ManagementTools') roles.add(r);
  }
  if (roles.size === 0) return { error: setupMessages.noRoles };
  if (roles.has('Edge') && roles.size > 1) return { error: setupMessages.edgeAlone };
  if (req.noSelfSignedCertificates && !roles.has('ClientAccess') && !roles.has('UnifiedMessaging')) return { error: setupMessages.noSelfSigned };
  if (!/^(?!-)[A-Za-z0-9-]{1,15}$/.test(req.name) || /^\d+$/.test(req.name)) return { error: setupMessages.badName(req.name) };
  if (o.server(req.name)) return { error: setupMessages.exists(req.name) };
  if (req.site !== undefined) {
    if (roles.has('Edge')) return { error: setupMessages.edgeSite };
    if (!o.state.sites.some((s) => s.toLowerCase() === req.site!.toLowerCase())) return { error: setupMessages.badSite(req.site, o.state.sites) };
  }
  return { roles: ROLE_ORDER.filter((r) => roles.has(r)) };
}

/** Creates the server after checkInstall accepted the request. */
export async function installServer(ctx: CmdletContext, req: InstallRequest, roles: ServerRole[]): Promise<ExchangeServer> {
  const o = org(ctx);
  const edge = roles.includes('Edge');
  const installedAt = new Date(ctx.now());
  installedAt.setMilliseconds(0);
  const site = edge ? undefined : (o.state.sites.find((s) => s.toLowerCase() === (req.site ?? o.state.sites[0] ?? '').toLowerCase()) ?? o.state.sites[0]);
  const state: ServerState = {
    name: req.name,
    fqdn: `${req.name}.${edge ? o.state.externalDomain : o.state.adDomain}`,
    site,
    roles,
    edition: 'Standard',
    adminDisplayVersion: VERSION_2007_SP1,
    domainJoined: !edge,
    installedAt: installedAt.toISOString(),
    certificates: [],
    requests: [],
    requireSsl: false,
  };
  // With /NoSelfSignedCertificates only the transport roles still create their certificate.
  const certRoles = req.noSelfSignedCertificates ? roles.filter((r) => r === 'HubTransport' || r === 'Edge') : roles;
  const pki = await loadPki();
  const probe: ServerState = { ...state, roles: certRoles };
  await installSetupCertificate(probe, installedAt, async (bits) => (await pki.generateRsaKey(bits)).privatePem);
  state.iisThumbprint = probe.iisThumbprint;
  state.internalTransportThumbprint = probe.internalTransportThumbprint;
  state.requireSsl = probe.requireSsl;
  normalizeServer(state);
  return o.addServer(state);
}

const installDescription = (name: string, roles: ServerRole[]) => `Installing Exchange Server 2007 SP1 on "${name}" with the roles ${roles.map((r) => ROLE_TITLES[r]).join(', ')}.`;

export default defineCmdlet({
  name: 'Install-LabServer',
  module: 'emsh.Lab',
  typeNamespace: 'Emsh.Lab.Commands',
  synopsis: 'Adds a new Exchange 2007 SP1 server to the lab, as running setup on a new machine would.',
  description:
    'Install-LabServer creates a new machine with Exchange Server 2007 SP1 (Standard edition) and the given roles: Mailbox, ClientAccess, HubTransport, UnifiedMessaging or EdgeTransport (short forms MB, CA, HT, UM, ET; Edge cannot be combined). The server joins proexchange.local in the given site (default: the first site); an Edge server stays outside the domain. As Exchange 2007 setup does, the Client Access, Hub Transport, Unified Messaging and Edge roles get a one-year self-signed certificate, and the roles their default connectors, virtual directories and POP3/IMAP4 settings. -NoSelfSignedCertificates (valid only with ClientAccess or UnifiedMessaging) skips that certificate for those roles: a Client Access server without a certificate then serves its protocols unencrypted, and a warning says so. The same is available as setup.com /mode:install /roles:... .',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    Name: { type: 'String', help: 'The new computer name (NetBIOS, up to 15 characters).', sets: { __AllParameterSets: { position: 0, mandatory: true } } },
    Roles: { type: 'String[]', help: 'The roles: Mailbox, ClientAccess, HubTransport, UnifiedMessaging, EdgeTransport (or MB, CA, HT, UM, ET).', sets: { __AllParameterSets: { position: 1, mandatory: true } } },
    Site: { type: 'String', help: 'The Active Directory site (default: the first site; not for Edge).' },
    NoSelfSignedCertificates: { type: 'Switch', help: 'Do not create the self-signed certificate for the Client Access / Unified Messaging roles.' },
  },
  outputType: ['Microsoft.Exchange.Data.Directory.Management.ExchangeServer'],
  examples: [
    { code: 'Install-LabServer -Name CAS02 -Roles ClientAccess,HubTransport -Site Site-B', remarks: 'Adds a Client Access and Hub Transport server in Site-B, with its self-signed certificate.', shows: 'CAS02' },
    {
      code: 'Install-LabServer CAS03 -Roles ClientAccess -NoSelfSignedCertificates; Get-PopSettings -Server CAS03',
      remarks: 'A Client Access server without any certificate: its POP3, IMAP4 and web protocols are unencrypted, and the cmdlets warn.',
      shows: 'served unencrypted, which is insecure',
    },
  ],
  async process(p, ctx) {
    const req: InstallRequest = { name: String(p.Name).trim(), roles: p.Roles ?? [], site: p.Site ?? undefined, noSelfSignedCertificates: Boolean(p.NoSelfSignedCertificates) };
    const checked = checkInstall(ctx, req);
    if ('error' in checked) {
      return ctx.fail(ctx.error({ message: checked.error, errorId: 'SetupValidationFailed', category: 'InvalidArgument', exceptionType: 'ArgumentException', targetObject: req.name }));
    }
    if (!(await shouldProcess(ctx, installDescription(req.name, checked.roles)))) return;
    const s = await installServer(ctx, req, checked.roles);
    warnIfUnencrypted(ctx, s);
    ctx.write(exchangeServerObject(org(ctx), s));
  },
});

// ---------------------------------------------------------------------------------------------
// setup.com: the unattended setup's slash options. The name of the new machine is a lab option
// (/Name:, default the first free EXCHnn), as is /Site:.

const dots = (label: string, state: string) => `    ${label.padEnd(36)}......................... ${state}`;

function parseSetupArguments(args: unknown[]): { options: Map<string, string | true>; unknown: string[] } {
  // `/roles:ClientAccess,HubTransport` arrives as an array (the comma): rejoin the pieces.
  const words: string[] = [];
  const flat = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => (i === 0 ? flat(x) : words.length ? (words[words.length - 1] += `,${String(x)}`) : words.push(String(x))));
      return;
    }
    const t = String(v);
    if (!t.startsWith('/') && !t.startsWith('-') && words.length) words[words.length - 1] += `,${t}`;
    else words.push(t);
  };
  args.forEach(flat);
  const options = new Map<string, string | true>();
  const unknown: string[] = [];
  const known: Record<string, string> = { mode: 'mode', m: 'mode', roles: 'roles', role: 'roles', r: 'roles', noselfsignedcertificates: 'noselfsignedcertificates', name: 'name', servername: 'name', site: 'site', '?': 'help' };
  for (const w of words) {
    const m = /^[/-]([^:]+)(?::(.*))?$/.exec(w);
    const key = m ? known[m[1]!.toLowerCase()] : undefined;
    if (!m || !key) {
      unknown.push(w);
      continue;
    }
    options.set(key, m[2] ?? true);
  }
  return { options, unknown };
}

function nextFreeName(ctx: CmdletContext): string {
  const o = org(ctx);
  for (let i = 1; ; i++) {
    const n = `EXCH${String(i).padStart(2, '0')}`;
    if (!o.server(n)) return n;
  }
}

export const setupCom = defineCmdlet({
  name: 'setup.com',
  aliases: ['setup'],
  module: 'emsh.Lab',
  typeNamespace: 'Emsh.Lab.Commands',
  synopsis: 'Exchange Server 2007 unattended setup: installs a new server with the given roles.',
  description:
    'setup.com is Exchange 2007\'s unattended setup. In the lab, `setup.com /mode:install /roles:<roles>` installs a new Exchange 2007 SP1 server (a new machine: /Name:<name> chooses its name, default the first free EXCHnn; /Site:<site> its site). Roles: Mailbox (MB), ClientAccess (CA), HubTransport (HT), UnifiedMessaging (UM), EdgeTransport (ET), ManagementTools (MT). /NoSelfSignedCertificates skips the self-signed certificate and is valid only when ClientAccess or UnifiedMessaging is being installed. Errors are printed as setup prints them and nothing is installed; $LASTEXITCODE is 0 on success, 1 on failure.',
  parameters: {
    Arguments: { type: 'String[]', help: 'The setup options: /mode:install /roles:<roles> [/NoSelfSignedCertificates] [/Name:<name>] [/Site:<site>].', sets: { __AllParameterSets: { position: 0, fromRemainingArguments: true } } },
  },
  examples: [
    { code: 'setup.com /mode:install /roles:ClientAccess,HubTransport /Name:EXCH05', remarks: 'Installs a Client Access and Hub Transport server named EXCH05.', shows: 'The Microsoft Exchange Server setup operation completed successfully.' },
    { code: 'setup.com /mode:install /roles:HubTransport /NoSelfSignedCertificates', remarks: 'Refused: /NoSelfSignedCertificates needs the Client Access or Unified Messaging role.', shows: 'valid only when the Client Access or Unified Messaging server role is being installed' },
  ],
  async process(p, ctx) {
    const out = (line = '', error = false) => ctx.writeHost(line, error ? { foreground: 'Red' } : {});
    const exit = (code: number) => ctx.session.setVariable('LASTEXITCODE', code);
    const fail = (message: string) => {
      out(message, true);
      out();
      out('Exchange Server setup encountered an error.', true);
      exit(1);
    };
    out('Welcome to Microsoft Exchange Server 2007 Unattended Setup');
    out();
    const { options, unknown } = parseSetupArguments(p.Arguments ?? []);
    if (options.has('help') || options.size === 0) {
      out('Usage: setup.com /mode:install /roles:<roles> [/NoSelfSignedCertificates] [/Name:<name>] [/Site:<site>]');
      out('  Roles: Mailbox (MB), ClientAccess (CA), HubTransport (HT), UnifiedMessaging (UM), EdgeTransport (ET), ManagementTools (MT)');
      exit(0);
      return;
    }
    if (unknown.length) return fail(`The option '${unknown[0]}' is not recognized.`);
    const mode = options.get('mode');
    if (mode === undefined || mode === true) return fail('The /mode parameter is required. In the lab the mode is /mode:install.');
    if (mode.toLowerCase() !== 'install') return fail(`The mode '${mode}' is not supported in the lab: use /mode:install (each run installs a new server).`);
    const roles = options.get('roles');
    const name = options.get('name');
    const site = options.get('site');
    const req: InstallRequest = {
      name: typeof name === 'string' ? name : nextFreeName(ctx),
      roles: typeof roles === 'string' ? [roles] : [],
      site: typeof site === 'string' ? site : undefined,
      noSelfSignedCertificates: options.has('noselfsignedcertificates'),
    };
    out('Preparing Exchange Setup');
    out();
    const checked = checkInstall(ctx, req);
    if ('error' in checked) return fail(checked.error);
    if (typeof name !== 'string') out(`(lab) Installing on the new machine ${req.name}; /Name:<name> chooses the name.`);
    out('The following server roles will be installed');
    const order = INSTALL_ORDER.filter((r) => checked.roles.includes(r));
    for (const r of order) out(`    ${ROLE_TITLES[r]} Role`);
    out('    Management Tools');
    out();
    out('Performing Microsoft Exchange Server Prerequisite Check');
    out();
    for (const r of order) out(dots(`${ROLE_TITLES[r]} Role Checks`, 'COMPLETED'));
    out();
    out('Configuring Microsoft Exchange Server');
    out();
    const s = await installServer(ctx, req, checked.roles);
    out(dots('Copying Exchange files', 'COMPLETED'));
    for (const r of order) out(dots(`${ROLE_TITLES[r]} Server Role`, 'COMPLETED'));
    out();
    out('The Microsoft Exchange Server setup operation completed successfully.');
    warnIfUnencrypted(ctx, s);
    exit(0);
  },
});

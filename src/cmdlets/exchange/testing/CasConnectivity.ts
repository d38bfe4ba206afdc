// Exchange 2007's Client Access test cmdlets (issue 8): Test-ActiveSyncConnectivity,
// Test-OwaConnectivity, Test-PopConnectivity and Test-ImapConnectivity, with their 2007 SP1
// parameters and CasTransactionOutcome rows, driven by the same real connections as
// Test-LabClient: the server's listener on loopback, a real handshake, the local server's trust.
// What the lab leaves out: no mailbox data is synchronized (the scenarios after the first depend
// only on it), and POP3/IMAP4 listen for SSL connections only (port 995/993).

import { defineCmdlet, type CmdletContext, type CmdletDeclaration } from '../../../protocol/cmdlet.js';
import type { ExchangeServer } from '../../../exchange/organization.js';
import type { ClientService } from '../../../exchange/endpoints/network.js';
import { EXCHANGE_MODULE } from '../common.js';
import { labEndpoints } from '../../lab/endpoints-service.js';
import { org } from '../config-common.js';
import {
  CAS_OUTCOME_TYPE,
  COMMON_TEST_PARAMETERS,
  MONITORING_NAMESPACE,
  TRUST_FAILURE,
  localConnector,
  outcomeObject,
  sslPolicyErrors,
  targetCas,
  testMailboxServer,
} from './common.js';

interface Attempt {
  ok: boolean;
  error: string;
  latencyMs: number;
}

/** One real connection from this server to a service URL, judged as .NET's SSL validation would. */
async function attempt(ctx: CmdletContext, service: ClientService, url: string, opts: { trustAny: boolean; allowUnsecure: boolean; stream?: boolean; port?: number; standardPort?: number }): Promise<Attempt> {
  if (/^http:/i.test(url) && !opts.allowUnsecure) {
    return { ok: false, error: `The URL '${url}' does not use SSL. Run the command with -AllowUnsecureAccess to test it without SSL.`, latencyMs: 0 };
  }
  if (opts.port !== undefined && opts.port !== opts.standardPort) {
    return { ok: false, error: `[System.Net.Sockets.SocketException]: No connection could be made because the target machine actively refused it (port ${opts.port}).`, latencyMs: 0 };
  }
  const { reach, refusalText, ClientTestError } = await import('../../../exchange/endpoints/client-test.js');
  try {
    const r = await reach({ org: org(ctx), now: () => ctx.now() }, await labEndpoints(ctx), localConnector(ctx), service, url);
    const latencyMs = r.probe?.elapsedMs ?? 0;
    if (r.failure) return { ok: false, error: `[System.Net.WebException]: ${r.failure}`, latencyMs };
    if (r.checks && sslPolicyErrors(r.checks) && !opts.trustAny) return { ok: false, error: opts.stream ? TRUST_FAILURE.stream : TRUST_FAILURE.web, latencyMs };
    const status = r.probe?.status;
    if (status !== undefined && status >= 403) return { ok: false, error: `[System.Net.WebException]: The remote server returned an error: (${status}) ${status === 404 ? 'Not Found' : 'Forbidden'}. ${refusalText(r.probe!)}`, latencyMs };
    return { ok: true, error: '', latencyMs };
  } catch (e) {
    if (!(e instanceof ClientTestError)) throw e;
    return { ok: false, error: `[System.Net.WebException]: ${e.message}`, latencyMs: 0 };
  }
}

/** The InternalUrl of a virtual directory of the CAS (the URL these tests use without -URL). */
function internalUrl(cas: ExchangeServer, vdir: string, fallbackPath: string): string {
  return cas.state.clientAccess?.virtualDirectories.find((v) => v.name.toLowerCase() === vdir.toLowerCase())?.internalUrl ?? `https://${cas.fqdn}/${fallbackPath}`;
}

const ACTIVESYNC_SCENARIOS: [string, string][] = [
  ['Options', 'Issue an HTTP OPTIONS command to retrieve the Exchange ActiveSync protocol versions.'],
  ['FolderSync', 'Issue a FolderSync command to retrieve the folder hierarchy.'],
  ['First Sync', 'Issue a Sync command to synchronize the Inbox for the first time.'],
  ['GetItemEstimate', 'Issue a GetItemEstimate command to count the items in the Inbox.'],
  ['Sync Data', 'Issue a Sync command to synchronize the Inbox.'],
  ['Ping', 'Issue a Ping command to wait for changes in the Inbox.'],
  ['Sync Test Item', 'Issue a Sync command to synchronize a test item sent to the mailbox.'],
];

export const testActiveSyncConnectivity = defineCmdlet({
  name: 'Test-ActiveSyncConnectivity',
  module: EXCHANGE_MODULE,
  typeNamespace: MONITORING_NAMESPACE,
  synopsis: 'Tests Exchange ActiveSync on a Client Access server by synchronizing the test mailbox.',
  description:
    'Test-ActiveSyncConnectivity performs an ActiveSync synchronization against the test mailbox through a Client Access server (default: this server if it is one), at the ActiveSync virtual directory\'s InternalUrl or -URL, from the server you are on. ' +
    'The connection is real (loopback, TLS with the certificate IIS presents); this server must be able to validate that certificate (its issuer trusted, the URL\'s host name on it, within its dates by the lab clock), or the first scenario fails with .NET\'s "Could not establish trust relationship for the SSL/TLS secure channel" and the others are skipped - unless -TrustAnySSLCertificate. ' +
    'With ClientCertAuth Required on the directory the test has no client certificate and the server refuses it (403). Each scenario is a CasTransactionOutcome: Result Success, Failure or Skipped, Latency, Error.',
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  parameters: {
    ClientAccessServer: { type: 'String', complete: 'machine', help: 'The Client Access server to test.', sets: { __AllParameterSets: { position: 0 } } },
    URL: { type: 'String', help: 'The ActiveSync URL to test instead of the directory\'s InternalUrl.' },
    AllowUnsecureAccess: { type: 'Switch', help: 'Allows testing an http:// URL.' },
    MailboxServer: { type: 'String', complete: 'machine', help: 'The mailbox server of the test mailbox.' },
    MonitoringInstance: { type: 'String', help: 'Accepted (monitoring).' },
    Site: { type: 'String', help: 'The Active Directory site whose Client Access servers to test (accepted).' },
    UseAutodiscoverForClientAccessServer: { type: 'Switch', help: 'Finds the Client Access server through Autodiscover (accepted).' },
    ...COMMON_TEST_PARAMETERS,
  },
  outputType: [CAS_OUTCOME_TYPE],
  examples: [
    { code: 'Test-ActiveSyncConnectivity -TrustAnySSLCertificate', remarks: 'Synchronizes the test mailbox through this server, accepting the self-signed certificate.', shows: 'Success' },
    { code: 'Test-ActiveSyncConnectivity -ClientAccessServer Ex2007EE | Format-List Scenario,Result,Error', remarks: "The server does not trust its own self-signed certificate: the Options scenario fails with .NET's trust error.", shows: 'Could not establish trust relationship' },
  ],
  related: ['Test-OwaConnectivity', 'Test-LabClient', 'Set-ActiveSyncVirtualDirectory'],
  async process(p, ctx) {
    const cas = targetCas(ctx, p.ClientAccessServer);
    if (!cas) return;
    const url = p.URL === undefined ? internalUrl(cas, 'Microsoft-Server-ActiveSync', 'Microsoft-Server-ActiveSync') : String(p.URL);
    if (!(await ctx.shouldProcess(url, 'Test-ActiveSyncConnectivity'))) return;
    const a = await attempt(ctx, 'ActiveSync', url, { trustAny: Boolean(p.TrustAnySSLCertificate), allowUnsecure: Boolean(p.AllowUnsecureAccess) });
    const mailboxServer = p.MailboxServer === undefined ? testMailboxServer(ctx, cas) : String(p.MailboxServer);
    const scenarios = p.LightMode ? ACTIVESYNC_SCENARIOS.slice(0, 2) : ACTIVESYNC_SCENARIOS;
    scenarios.forEach(([scenario, description], i) => {
      const base = { cas: cas.fqdn, mailboxServer, url, scenario, description };
      if (i === 0) ctx.write(outcomeObject(ctx, { ...base, result: a.ok ? 'Success' : 'Failure', latencyMs: a.latencyMs, error: a.error }));
      else ctx.write(outcomeObject(ctx, { ...base, result: a.ok ? 'Success' : 'Skipped', latencyMs: a.ok ? Math.max(1, a.latencyMs / 2) : 0, error: '' }));
    });
  },
});

export const testOwaConnectivity = defineCmdlet({
  name: 'Test-OwaConnectivity',
  module: EXCHANGE_MODULE,
  typeNamespace: MONITORING_NAMESPACE,
  synopsis: 'Tests Outlook Web Access on a Client Access server, or at one URL.',
  description:
    'Test-OwaConnectivity logs on to Outlook Web Access with the test mailbox: through the OWA directory of a Client Access server (default: this server if it is one; -TestType Internal uses its InternalUrl, External its ExternalUrl) or at -URL. ' +
    'The connection is real (loopback, TLS with the certificate IIS presents), made from the server you are on: a certificate it cannot validate fails the Logon scenario unless -TrustAnySSLCertificate; an http:// URL needs -AllowUnsecureAccess, and a site that requires SSL refuses it (403.4). One CasTransactionOutcome per URL.',
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  defaultParameterSet: 'Identity',
  parameters: {
    ClientAccessServer: { type: 'String', complete: 'machine', help: 'The Client Access server whose OWA directory to test.', sets: { Identity: { position: 0 } } },
    MailboxServer: { type: 'String', complete: 'machine', help: 'The mailbox server of the test mailbox.', sets: { Identity: {} } },
    TestType: { type: 'Enum', enum: { typeName: 'Microsoft.Exchange.Monitoring.OwaConnectivityTestType', values: ['Internal', 'External'] }, help: 'Internal (InternalUrl, the default) or External (ExternalUrl).', sets: { Identity: {} } },
    VirtualDirectoryName: { type: 'String', help: 'The OWA virtual directory (owa).', sets: { Identity: {} } },
    Site: { type: 'String', help: 'Accepted.' },
    URL: { type: 'String', help: 'The OWA URL to test.', sets: { URL: { mandatory: true } } },
    AllowUnsecureAccess: { type: 'Switch', help: 'Allows testing an http:// URL.' },
    ...COMMON_TEST_PARAMETERS,
  },
  outputType: [CAS_OUTCOME_TYPE],
  examples: [
    { code: 'Test-OwaConnectivity -ClientAccessServer Ex2007EE -TrustAnySSLCertificate', remarks: 'Logs on to OWA on Ex2007EE at its InternalUrl.', shows: 'Logon' },
    { code: "Test-OwaConnectivity -URL http://Ex2007EE.proexchange.local/owa -AllowUnsecureAccess | Format-List Result,Error", remarks: 'Plain HTTP: the site requires SSL.', shows: '403.4' },
  ],
  related: ['Test-ActiveSyncConnectivity', 'Test-LabClient', 'Set-OwaVirtualDirectory'],
  async process(p, ctx) {
    let cas: ExchangeServer | undefined;
    let url: string;
    if (ctx.parameterSetName === 'URL') {
      url = String(p.URL);
      cas = targetCas(ctx, undefined);
    } else {
      cas = targetCas(ctx, p.ClientAccessServer);
      if (!cas) return;
      const v = cas.state.clientAccess?.virtualDirectories.find((x) => x.name.toLowerCase() === String(p.VirtualDirectoryName ?? 'owa').toLowerCase());
      const wanted = p.TestType === 'External' ? v?.externalUrl : v?.internalUrl;
      if (!wanted) {
        ctx.write(outcomeObject(ctx, { cas: cas.fqdn, mailboxServer: testMailboxServer(ctx, cas), scenario: 'Logon', description: 'Log on to Outlook Web Access.', result: 'Skipped', latencyMs: 0, error: `The virtual directory '${v?.name ?? p.VirtualDirectoryName} (Default Web Site)' has no ${p.TestType === 'External' ? 'ExternalUrl' : 'InternalUrl'}.` }));
        return;
      }
      url = wanted;
    }
    if (!cas) return;
    if (!(await ctx.shouldProcess(url, 'Test-OwaConnectivity'))) return;
    const a = await attempt(ctx, 'OWA', url, { trustAny: Boolean(p.TrustAnySSLCertificate), allowUnsecure: Boolean(p.AllowUnsecureAccess) });
    ctx.write(outcomeObject(ctx, { cas: cas.fqdn, mailboxServer: testMailboxServer(ctx, cas), url, scenario: 'Logon', description: 'Log on to Outlook Web Access.', result: a.ok ? 'Success' : 'Failure', latencyMs: a.latencyMs, error: a.error }));
  },
});

function mailProtocolTest(proto: 'Pop' | 'Imap'): CmdletDeclaration {
  const service = proto === 'Pop' ? 'POP3' : 'IMAP4';
  const standardPort = proto === 'Pop' ? 995 : 993;
  return defineCmdlet({
    name: `Test-${proto}Connectivity`,
    module: EXCHANGE_MODULE,
    typeNamespace: MONITORING_NAMESPACE,
    synopsis: `Tests the ${service} service of a Client Access server.`,
    description:
      `Test-${proto}Connectivity connects to the ${service} service of a Client Access server (default: this server if it is one) as the test mailbox and logs on. ` +
      `The connection is real (loopback, SSL on port ${standardPort}, with the certificate the service chooses by its X509CertificateName), made from the server you are on: a certificate it cannot validate fails the test unless -TrustAnySSLCertificate. ` +
      `-ConnectionType is Ssl (the default); the lab's ${service} service listens for SSL connections only, so Plaintext and Tls fail to connect.`,
    supportsShouldProcess: true,
    confirmImpact: 'Low',
    parameters: {
      ClientAccessServer: { type: 'String', complete: 'machine', help: 'The Client Access server to test.', sets: { __AllParameterSets: { position: 0 } } },
      ConnectionType: { type: 'Enum', enum: { typeName: 'Microsoft.Exchange.Monitoring.ProtocolConnectionType', values: ['Plaintext', 'Tls', 'Ssl'] }, help: 'Plaintext, Tls or Ssl.', default: 'Ssl' },
      MailboxServer: { type: 'String', complete: 'machine', help: 'The mailbox server of the test mailbox.' },
      PerConnectionTimeout: { type: 'Int32', help: 'Seconds to wait for each connection (accepted).' },
      PortClientAccessServer: { type: 'Int32', help: `The port to connect to (default ${standardPort}).` },
      ...COMMON_TEST_PARAMETERS,
    },
    outputType: [CAS_OUTCOME_TYPE],
    examples: [
      { code: `Test-${proto}Connectivity -TrustAnySSLCertificate`, remarks: `Connects to ${service} over SSL on this server.`, shows: 'Success' },
    ],
    related: ['Test-LabClient', `Set-${proto}Settings`],
    async process(p, ctx) {
      const cas = targetCas(ctx, p.ClientAccessServer);
      if (!cas) return;
      const type = String(p.ConnectionType);
      const port = p.PortClientAccessServer === undefined ? (type === 'Ssl' ? standardPort : proto === 'Pop' ? 110 : 143) : Number(p.PortClientAccessServer);
      const url = `${proto === 'Pop' ? 'pop3s' : 'imaps'}://${cas.fqdn}:${port}`;
      if (!(await ctx.shouldProcess(url, `Test-${proto}Connectivity`))) return;
      const a = await attempt(ctx, service, url, { trustAny: Boolean(p.TrustAnySSLCertificate), allowUnsecure: false, stream: true, port, standardPort });
      ctx.write(
        outcomeObject(ctx, {
          cas: cas.fqdn,
          mailboxServer: p.MailboxServer === undefined ? testMailboxServer(ctx, cas) : String(p.MailboxServer),
          scenario: `Test ${service} Connectivity`,
          description: `Connect to the ${service} service over ${type === 'Ssl' ? 'SSL' : type}, log on as the test mailbox and log off.`,
          result: a.ok ? 'Success' : 'Failure',
          latencyMs: a.latencyMs,
          error: a.error,
        }),
      );
    },
  });
}

export const testPopConnectivity = mailProtocolTest('Pop');
export const testImapConnectivity = mailProtocolTest('Imap');

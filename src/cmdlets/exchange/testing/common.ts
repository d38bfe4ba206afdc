// What Exchange 2007's test cmdlets share (issue 8): they run on the server the shell is on, as
// that machine (its Trusted Root store, inside the network), against a Client Access server's
// real listener on loopback; a certificate the machine cannot validate fails the test the way
// .NET's SSL validation does, unless -TrustAnySSLCertificate.

import type { CmdletContext } from '../../../protocol/cmdlet.js';
import { PSObject } from '../../../protocol/values.js';
import { registerView } from '../../../format/views.js';
import { rootPems } from '../../../exchange/clients.js';
import { isClientAccess, isMailbox } from '../../../exchange/defaults.js';
import type { ExchangeServer } from '../../../exchange/organization.js';
import type { CertificateChecks } from '../../../exchange/endpoints/verdict.js';
import type { Connector } from '../../../exchange/endpoints/client-test.js';
import { timeSpan } from '../../../protocol/operators.js';
import { findServers, org } from '../config-common.js';

export const CAS_OUTCOME_TYPE = 'Microsoft.Exchange.Monitoring.CasTransactionOutcome';
export const MONITORING_NAMESPACE = 'Microsoft.Exchange.Monitoring';

/** .NET's text when SSL validation rejects the server certificate (WebRequest and SslStream). */
export const TRUST_FAILURE = {
  web: '[System.Net.WebException]: The underlying connection was closed: Could not establish trust relationship for the SSL/TLS secure channel. Inner error [System.Security.Authentication.AuthenticationException]: The remote certificate is invalid according to the validation procedure.',
  stream: '[System.Security.Authentication.AuthenticationException]: The remote certificate is invalid according to the validation procedure.',
};

/** SslPolicyErrors as .NET names them for a failed check ('' when the certificate passes). */
export function sslPolicyErrors(c: CertificateChecks): string {
  const parts: string[] = [];
  if (!c.nameMatch) parts.push('RemoteCertificateNameMismatch');
  if (!c.trusted || c.time !== 'Valid') parts.push('RemoteCertificateChainErrors');
  return parts.join(', ');
}

/** The machine the shell is on, as the connecting side: its trust, inside the network. */
export function localConnector(ctx: CmdletContext): Connector {
  const o = org(ctx);
  const s = o.current; // the test cmdlets run on an Exchange server (a client gets Exchange's refusal)
  return { name: s.name, network: 'Internal', roots: rootPems(o.state, s.state) };
}

/** The Client Access server to test: -ClientAccessServer, else this server if it is one, else the first of its site. */
export function targetCas(ctx: CmdletContext, param: unknown): ExchangeServer | undefined {
  const o = org(ctx);
  if (param !== undefined && param !== null) return findServers(ctx, String(param), { single: true, terminating: false, accept: (s) => isClientAccess(s.state) })?.[0];
  const here = o.current;
  if (isClientAccess(here.state)) return here;
  return o.allServers().find((s) => isClientAccess(s.state) && s.state.site === here.state.site) ?? o.allServers().find((s) => isClientAccess(s.state));
}

/** The mailbox server whose test mailbox a CAS test logs on to (the first of the CAS's site). */
export function testMailboxServer(ctx: CmdletContext, cas: ExchangeServer): string {
  const o = org(ctx);
  return (o.allServers().find((s) => isMailbox(s.state) && s.state.site === cas.state.site) ?? o.allServers().find((s) => isMailbox(s.state)))?.name ?? '';
}

/** The test account New-TestCasConnectivityUser.ps1 creates (the lab has it). */
export const TEST_USER = 'extest_3c4b5d6e7f801';

export interface Outcome {
  cas: string;
  mailboxServer: string;
  url?: string;
  scenario: string;
  description: string;
  result: 'Success' | 'Failure' | 'Skipped';
  latencyMs: number;
  error: string;
}

/** A CasTransactionOutcome, as the 2007 CAS test cmdlets write them. */
export function outcomeObject(ctx: CmdletContext, o: Outcome): PSObject {
  return PSObject.fromRecord(
    {
      ClientAccessServer: o.cas,
      MailboxServer: o.mailboxServer,
      URL: o.url ?? null,
      Scenario: o.scenario,
      ScenarioDescription: o.description,
      PerformanceCounterName: null,
      Result: o.result,
      Error: o.error === '' ? null : o.error,
      UserName: TEST_USER,
      StartTime: ctx.now(),
      Latency: timeSpan(Math.round(o.latencyMs)),
    },
    [CAS_OUTCOME_TYPE, 'System.Object'],
  );
}

const latency = (o: unknown) => {
  if (!(o instanceof PSObject)) return '';
  const l = o.get('Latency');
  return l instanceof PSObject ? Math.round(Number(l.get('TotalMilliseconds'))) : '';
};

registerView({
  typeName: CAS_OUTCOME_TYPE,
  shape: 'table',
  table: {
    columns: [
      { label: 'ClientAccessServer', property: 'ClientAccessServer' },
      { label: 'MailboxServer', property: 'MailboxServer' },
      { label: 'Scenario', property: 'Scenario' },
      { label: 'Result', property: 'Result' },
      { label: 'Latency(MS)', value: latency, alignment: 'Right' },
      { label: 'Error', property: 'Error' },
    ],
  },
});

/** Parameters every 2007 CAS test cmdlet has. */
export const COMMON_TEST_PARAMETERS = {
  MailboxCredential: { type: 'PSCredential' as const, help: 'The credentials of the mailbox to test with (default: the test account New-TestCasConnectivityUser.ps1 created).' },
  TrustAnySSLCertificate: { type: 'Switch' as const, help: 'Goes on even when the server certificate does not validate (untrusted issuer, wrong name, outside its dates).' },
  Timeout: { type: 'Int32' as const, help: 'Seconds to wait for the test to complete (accepted; the lab answers at once).' },
  LightMode: { type: 'Switch' as const, help: 'Runs only the basic scenario (accepted).' },
  MonitoringContext: { type: 'Switch' as const, help: 'Adds monitoring events and counters to the output (accepted; none in the lab).' },
  ResetTestAccountCredentials: { type: 'Switch' as const, help: "Resets the test account's password (accepted)." },
  DomainController: { type: 'String' as const, help: 'The domain controller to read from (accepted and ignored in the lab).' },
};

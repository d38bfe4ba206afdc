// Start-EdgeSynchronization and Test-EdgeSynchronization: run on a Hub, they open the EdgeSync
// session to each Edge subscribed to the Hub's site - a real mutual TLS connection where each
// side trusts only the certificate published for the other (edgesync.ts) - and report per Edge.

import { defineCmdlet, type CmdletContext } from '../../../protocol/cmdlet.js';
import { PSObject } from '../../../protocol/values.js';
import type { EdgeSubscriptionState, ServerState } from '../../../exchange/model.js';
import { isHub } from '../../../exchange/transport/config.js';
import { edgeSyncConnect, type SyncOutcome } from '../../../exchange/transport/edgesync.js';
import { EXCHANGE_MODULE, domainControllerParameter, exchangeError, org, shouldProcess } from '../common.js';
import { bindingError } from '../config-common.js';
import { parseUnlimitedInt } from '../../../exchange/settings.js';
import { EDGESYNC_RESULT_TYPE, EDGESYNC_TEST_TYPE } from './views.js';

const notHub = (cmd: string) => `${cmd} can only be run against a Hub Transport server.`;
const noSubscriptions = (site: string) => `No Edge Subscription exists for Active Directory site "${site}". Run New-EdgeSubscription first.`;

/** The Hub to act on (-Server or the local server) and the subscriptions of its site. */
function target(ctx: CmdletContext, cmd: string, serverParam: unknown): { hub: ServerState; subs: EdgeSubscriptionState[] } | undefined {
  const o = org(ctx);
  const s = serverParam === undefined ? o.current : o.server(String(serverParam));
  if (!s) {
    ctx.writeError(exchangeError(ctx, 'ErrorServerNotFound', `Exchange server "${String(serverParam)}" was not found. Please make sure you typed the name correctly.`, 'ObjectNotFound', serverParam, 'ManagementObjectNotFoundException'));
    return undefined;
  }
  if (!isHub(s.state)) {
    ctx.writeError(exchangeError(ctx, `ErrorNotHub${cmd}`, notHub(cmd), 'InvalidOperation', s.name));
    return undefined;
  }
  const subs = (o.state.edgeSubscriptions ?? []).filter((e) => e.site === s.state.site);
  if (!subs.length) {
    ctx.writeError(exchangeError(ctx, 'ErrorNoEdgeSubscription', noSubscriptions(s.state.site ?? ''), 'ObjectNotFound', s.state.site));
    return undefined;
  }
  return { hub: s.state, subs };
}

/** A -VerifyRecipient value: an SMTP proxy address (`smtp:` optional); true when a mailbox has it. */
function verifiedRecipient(ctx: CmdletContext, text: string): boolean {
  const address = text.trim().replace(/^smtp:/i, '');
  if (!/^[^@\s]+@[^@\s]+\.[^@\s.]+$/.test(address)) {
    bindingError(ctx, 'VerifyRecipient', text, 'Microsoft.Exchange.Data.ProxyAddress', `"${text}" is not a valid proxy address.`);
  }
  return (org(ctx).state.mailboxes ?? []).some((m) => m.primarySmtpAddress.toLowerCase() === address.toLowerCase());
}

async function connect(ctx: CmdletContext, hub: ServerState, sub: EdgeSubscriptionState): Promise<{ edge?: ServerState; out: SyncOutcome }> {
  const o = org(ctx);
  const edge = o.server(sub.edge)?.state;
  if (!edge) return { out: { ok: false, failure: `Exchange server "${sub.edge}" was not found.`, elapsedMs: 0 } };
  return { edge, out: await edgeSyncConnect(o.state, hub, edge, sub, ctx.now()) };
}

export const startEdgeSynchronization = defineCmdlet({
  name: 'Start-EdgeSynchronization',
  module: EXCHANGE_MODULE,
  typeNamespace: 'Microsoft.Exchange.Management.EdgeSync',
  synopsis: 'Starts EdgeSync synchronization to the subscribed Edge Transport servers now.',
  description:
    'Start-EdgeSynchronization runs on a Hub Transport server and synchronizes at once, instead of at the next scheduled time (configuration every hour, recipients every four hours), to every Edge Transport server subscribed to the Hub\'s Active Directory site. ' +
    'The session is LDAP over SSL to the Edge\'s ADAM (port 50636); in the lab it is a real mutual TLS handshake over loopback in which the Hub accepts only the certificate published for the Edge by New-EdgeSubscription and the Edge accepts only Hub certificates it knows. ' +
    'The result has one row per Edge and data type (Configuration, Recipients): Success, or CouldNotConnect with the reason in FailureDetails - e.g. after the Edge\'s SMTP certificate was replaced without subscribing again.',
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  parameters: {
    Server: { type: 'String', complete: 'machine', help: 'The Hub Transport server that runs the synchronization (default: the local server).' },
  },
  outputType: [EDGESYNC_RESULT_TYPE],
  examples: [
    {
      setup: 'Enter-LabServer EDGE01; New-EdgeSubscription -FileName c:\\edge.xml -Force; Enter-LabServer Ex2007EE; New-EdgeSubscription -FileName \\\\EDGE01\\c$\\edge.xml -Site Site-A',
      code: 'Start-EdgeSynchronization',
      remarks: 'Synchronizes Site-A\'s configuration and recipients to EDGE01 over a direct-trust TLS connection.',
      shows: 'Success',
    },
  ],
  async process(p, ctx) {
    const t = target(ctx, 'Start-EdgeSynchronization', p.Server);
    if (!t) return;
    if (!(await shouldProcess(ctx, `Start EdgeSync synchronization on ${t.hub.name}.`))) return;
    const o = org(ctx);
    for (const sub of t.subs) {
      const start = ctx.now();
      const { edge, out } = await connect(ctx, t.hub, sub);
      const end = new Date(start.getTime() + Math.max(1, Math.round(out.elapsedMs)));
      const first = !sub.lastSync;
      const configObjects = o.state.acceptedDomains.length + (o.state.sendConnectors?.length ?? 0) + o.state.servers.filter(isHub).length + 1;
      const recipients = o.state.mailboxes?.length ?? 0;
      for (const [type, scanned] of [['Configuration', configObjects], ['Recipients', recipients]] as const) {
        ctx.write(
          PSObject.fromRecord(
            {
              Result: out.ok ? 'Success' : 'CouldNotConnect',
              Type: type,
              Name: edge?.fqdn ?? sub.edge,
              FailureDetails: out.failure ?? '',
              StartUTC: start,
              EndUTC: end,
              Added: out.ok && first ? scanned : 0,
              Deleted: 0,
              Updated: 0,
              Scanned: out.ok ? scanned : 0,
              TargetScanned: out.ok ? scanned : 0,
            },
            [EDGESYNC_RESULT_TYPE, 'System.Object'],
          ),
        );
      }
      if (out.ok) {
        sub.lastSync = end.toISOString();
        o.touch();
      } else ctx.writeWarning(`EdgeSync could not synchronize to ${edge?.fqdn ?? sub.edge}: ${out.failure}`);
    }
  },
});

export const testEdgeSynchronization = defineCmdlet({
  name: 'Test-EdgeSynchronization',
  module: EXCHANGE_MODULE,
  typeNamespace: 'Microsoft.Exchange.Management.EdgeSync',
  synopsis: 'Checks that the subscribed Edge Transport servers are reachable and synchronized.',
  description:
    'Test-EdgeSynchronization runs on a Hub Transport server: for each Edge Transport server subscribed to the Hub\'s site it connects over the EdgeSync secure LDAP channel (a real mutual TLS handshake with direct trust, as Start-EdgeSynchronization) and reports whether the configuration and recipient data are synchronized. SyncStatus is Normal when the connection succeeds and a synchronization has run since the subscription, NotSynchronized when none has run yet, and Failed (with FailureDetail) when the Edge cannot be reached or its certificate is no longer the one published for it.',
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  defaultParameterSet: 'Default',
  parameters: {
    Server: { type: 'String', complete: 'machine', help: 'The Hub Transport server to test from (default: the local server; a lab parameter).' },
    ExcludeRecipientTest: { type: 'Switch', help: 'Does not compare the recipients (RecipientStatus is then Skipped).', sets: { Default: {} } },
    MaxReportSize: { type: 'String', help: 'The most inconsistencies to report (Unlimited, or a number).', sets: { Default: {} } },
    MonitoringContext: { type: 'Boolean', help: '$true: also writes the monitoring events and counters (accepted; the lab has none).', sets: { Default: {} } },
    VerifyRecipient: { type: 'String', help: 'Checks only whether this recipient (an SMTP proxy address) has reached the Edge servers.', sets: { SingleValidation: { mandatory: true } } },
    DomainController: domainControllerParameter,
  },
  outputType: [EDGESYNC_TEST_TYPE],
  examples: [
    {
      setup: 'Enter-LabServer EDGE01; New-EdgeSubscription -FileName c:\\edge.xml -Force; Enter-LabServer Ex2007EE; New-EdgeSubscription -FileName \\\\EDGE01\\c$\\edge.xml -Site Site-A; $null = Start-EdgeSynchronization',
      code: 'Test-EdgeSynchronization',
      remarks: 'Reports the synchronization state of EDGE01.',
      shows: /SyncStatus\s+: Normal/,
    },
  ],
  async process(p, ctx) {
    if (ctx.bound.has('MaxReportSize') && parseUnlimitedInt(String(p.MaxReportSize ?? ''), [1, 2147483647]) === undefined) {
      bindingError(ctx, 'MaxReportSize', p.MaxReportSize, 'Microsoft.Exchange.Data.Unlimited`1[System.Int32]', `The value "${String(p.MaxReportSize)}" is not a valid number from 1 to 2147483647, or Unlimited.`);
    }
    const recipient = ctx.parameterSetName === 'SingleValidation' ? verifiedRecipient(ctx, String(p.VerifyRecipient ?? '')) : undefined;
    const t = target(ctx, 'Test-EdgeSynchronization', p.Server);
    if (!t) return;
    if (!(await shouldProcess(ctx, `Testing Edge synchronization from "${t.hub.name}".`))) return;
    for (const sub of t.subs) {
      const { edge, out } = await connect(ctx, t.hub, sub);
      const synced = out.ok && sub.lastSync ? 'Synchronized' : out.ok ? 'NotSynchronized' : 'Skipped';
      // -VerifyRecipient compares that recipient only; -ExcludeRecipientTest skips the recipients.
      const only = recipient !== undefined;
      const config = only ? 'Skipped' : synced;
      const recipientStatus = only ? (recipient && out.ok && sub.lastSync ? 'Synchronized' : out.ok ? 'NotSynchronized' : 'Skipped') : p.ExcludeRecipientTest ? 'Skipped' : synced;
      ctx.write(
        PSObject.fromRecord(
          {
            Name: edge?.name ?? sub.edge,
            SyncStatus: !out.ok ? 'Failed' : sub.lastSync ? 'Normal' : 'NotSynchronized',
            UtcNow: ctx.now(),
            LastSynchronizedUtc: sub.lastSync ? new Date(sub.lastSync) : null,
            FailureDetail: out.failure ?? '',
            LeaseHolder: out.ok ? t.hub.name : '',
            LeaseType: out.ok ? 'Option' : 'None',
            CredentialStatus: out.ok ? 'Synchronized' : 'Skipped',
            TransportServerStatus: config,
            TransportConfigStatus: config,
            AcceptedDomainStatus: config,
            RemoteDomainStatus: config,
            SendConnectorStatus: config,
            MessageClassificationStatus: config,
            RecipientStatus: recipientStatus,
            EdgeCertificateThumbprint: out.edgeCertificate?.thumbprint ?? null,
            PublishedThumbprint: sub.edgeCertificateThumbprint,
          },
          [EDGESYNC_TEST_TYPE, 'System.Object'],
        ),
      );
    }
  },
});

// Get-Queue / Retry-Queue: the queues a server's transport keeps, per next hop, with the messages
// a failed hop left there (routing.ts -> queue.ts). Every Hub and Edge also has its Submission
// queue. Retry-Queue sends the waiting messages again from that server, e.g. after the admin
// fixed the certificate that made TLS fail.

import { defineCmdlet, type CmdletContext } from '../../../protocol/cmdlet.js';
import { PSObject } from '../../../protocol/values.js';
import type { QueueState, ServerState } from '../../../exchange/model.js';
import { isTransport } from '../../../exchange/defaults.js';
import { deliverMessage } from '../../../exchange/transport/routing.js';
import { recordDelivery } from '../../../exchange/transport/queue.js';
import { EXCHANGE_MODULE } from '../common.js';
import { findServers, identityText, org, refuse, serverParameter } from '../config-common.js';
import { writeLogBatches } from './logs.js';
import { QUEUE_TYPE } from './views.js';

const QUEUE_NAMESPACE = 'Microsoft.Exchange.Management.QueueViewerTasks';

function queueObject(s: ServerState, q: QueueState | 'Submission'): PSObject {
  const sub = q === 'Submission';
  const count = sub ? 0 : q.messages.length;
  return PSObject.fromRecord(
    {
      Identity: `${s.name}\\${sub ? 'Submission' : q.id}`,
      DeliveryType: sub ? 'Undefined' : q.deliveryType,
      NextHopDomain: sub ? 'Submission' : q.nextHopDomain,
      NextHopConnector: sub ? '00000000-0000-0000-0000-000000000000' : null,
      Status: sub ? 'Ready' : count ? 'Retry' : 'Ready',
      MessageCount: count,
      LastError: sub || !count ? null : q.lastError,
      LastRetryTime: sub || !count ? null : new Date(q.messages[q.messages.length - 1]!.queuedAt),
      NextRetryTime: sub || !count ? null : new Date(Date.parse(q.messages[q.messages.length - 1]!.queuedAt) + 60_000),
    },
    [QUEUE_TYPE, 'Microsoft.Exchange.Data.QueueViewer.QueueInfo', 'System.Object'],
  );
}

/** `EDGE01\3` -> the server and its queue; an Exchange-style error when either is unknown. */
function findQueue(ctx: CmdletContext, identity: string): { server: ServerState; queue: QueueState } {
  const m = /^([^\\]+)\\(\d+)$/.exec(identity.trim());
  const notFound = () => refuse(ctx, 'QueueNotFound', `The queue "${identity}" couldn't be found on the server. It may have been deleted or the queue identity may be incorrect.`, identity);
  if (!m) return notFound();
  const server = findServers(ctx, m[1]!, { single: true, accept: (x) => isTransport(x.state) })![0]!.state;
  const queue = server.queues?.find((q) => q.id === Number(m[2]));
  if (!queue) return notFound();
  return { server, queue };
}

function serversFor(ctx: CmdletContext, name: unknown): ServerState[] {
  const o = org(ctx);
  const text = name === undefined || name === null ? o.current.name : String(name);
  const s = findServers(ctx, text, { single: true })![0]!;
  if (!isTransport(s.state)) refuse(ctx, 'ServerNotTransport', `The server "${s.name}" doesn't have the Hub Transport or Edge Transport server role installed, so it has no queues.`, text);
  return [s.state];
}

export const getQueue = defineCmdlet({
  name: 'Get-Queue',
  module: EXCHANGE_MODULE,
  typeNamespace: QUEUE_NAMESPACE,
  synopsis: 'Lists the mail queues of a Hub or Edge Transport server.',
  description:
    'Get-Queue shows the queues of a transport server (by default the one you are logged on to): the Submission queue, and one delivery queue per next hop where messages wait after a failed hop: a remote Active Directory site (SmtpRelayToRemoteAdSite), the Edge (SmtpRelayWithinAdSiteToEdge), a domain reached through a Send connector (DnsConnectorDelivery), or Unreachable. A queue whose messages could not be sent is in Retry; its LastError says why (for example the TLS or Domain Security failure). Retry-Queue sends them again.',
  parameters: {
    Identity: { type: 'String', help: 'A queue: <server>\\<number>.', sets: { Identity: { position: 0, fromPipelineByPropertyName: true } } },
    Server: serverParameter('The transport server whose queues to list; default: the current machine.', 'Server'),
  },
  defaultParameterSet: 'Server',
  outputType: [QUEUE_TYPE],
  examples: [
    { code: 'Get-Queue', remarks: 'The queues of the server you are logged on to.', shows: 'Submission' },
    {
      setup: "Set-TransportConfig -TLSSendDomainSecureList fabrikam.lab; New-SendConnector -Name Fabrikam -AddressSpaces fabrikam.lab -SourceTransportServers Ex2007EE -DomainSecureEnabled $true | Out-Null; $null = Send-LabMessage -From alice@proexchange.global -To bob@fabrikam.lab -WarningAction SilentlyContinue",
      code: 'Get-Queue -Server Ex2007EE | Format-List Identity,Status,MessageCount,NextHopDomain,LastError',
      remarks: 'A message to a Domain Security partner whose root the Hub does not trust waits in the queue for fabrikam.lab, with the reason.',
      shows: "LastError     : Message to secure domain 'fabrikam.lab'",
    },
  ],
  process(p, ctx) {
    if (p.Identity !== undefined && p.Identity !== null) {
      const { server, queue } = findQueue(ctx, identityText(p.Identity));
      ctx.write(queueObject(server, queue));
      return;
    }
    for (const s of serversFor(ctx, p.Server)) {
      ctx.write(queueObject(s, 'Submission'));
      for (const q of s.queues ?? []) ctx.write(queueObject(s, q));
    }
  },
});

export const retryQueue = defineCmdlet({
  name: 'Retry-Queue',
  module: EXCHANGE_MODULE,
  typeNamespace: QUEUE_NAMESPACE,
  synopsis: 'Retries the delivery of the messages in a queue now.',
  description:
    'Retry-Queue makes the server try the next hop of a queue at once instead of waiting for the retry interval. In the lab every waiting message is sent again from that server, over real SMTP and TLS; messages that get through leave the queue (their tracking events are recorded), the others stay with the new LastError. Use it after fixing what made the hop fail, for example after importing a partner\'s root certificate.',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    Identity: { type: 'String', help: 'The queue: <server>\\<number>, as Get-Queue shows it.', sets: { __AllParameterSets: { position: 0, mandatory: true, fromPipelineByPropertyName: true } } },
  },
  examples: [
    {
      setup: "Set-ReceiveConnector 'Ex2007EE\\Default Ex2007EE' -AuthMechanism Integrated; $null = Send-LabMessage -From carol@proexchange.global -To alice@proexchange.global -WarningAction SilentlyContinue",
      code: "Set-ReceiveConnector 'Ex2007EE\\Default Ex2007EE' -AuthMechanism 'Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer'; Retry-Queue Ex2007SE\\1; Get-MessageTrackingLog -Server Ex2007SE -EventId SEND",
      remarks: 'Ex2007EE offered no TLS, so the message from Site B waited on Ex2007SE (queue Site-A); once TLS is back on the connector, Retry-Queue sends it and the SEND event appears.',
      shows: 'SEND',
    },
  ],
  async process(p, ctx) {
    const o = org(ctx);
    const id = identityText(p.Identity);
    const { server, queue } = findQueue(ctx, id);
    if (!(await ctx.shouldProcess(`Retrying queue "${id}".`))) return;
    const waiting = queue.messages.splice(0);
    for (const m of waiting) {
      const started = ctx.now();
      const req = { from: m.from, to: m.to, subject: m.subject, body: m.body };
      const r = await deliverMessage(o, req, () => ctx.now(), { resumeAt: server.name, messageId: m.messageId });
      writeLogBatches(ctx, r.logs, started);
      recordDelivery(o.state, req, r, ctx.now());
    }
    if (!queue.messages.length) server.queues = (server.queues ?? []).filter((q) => q !== queue);
    o.touch();
  },
});

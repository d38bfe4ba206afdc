// Get-MessageTrackingLog: the tracking events each transport server recorded for the lab's
// messages (RECEIVE, SEND, DELIVER, FAIL), searched as Exchange 2007 searches its logs: one server
// (the local one by default), filters combined with AND.

import { defineCmdlet } from '../../../protocol/cmdlet.js';
import { PSObject } from '../../../protocol/values.js';
import type { TrackingEventState } from '../../../exchange/model.js';
import { isTransport } from '../../../exchange/defaults.js';
import { EXCHANGE_MODULE } from '../common.js';
import { findServers, org, refuse, serverParameter } from '../config-common.js';
import { TRACKING_EVENT_TYPE } from './views.js';

function eventObject(e: TrackingEventState): PSObject {
  return PSObject.fromRecord(
    {
      Timestamp: new Date(e.timestamp),
      ClientHostname: e.clientHostname,
      ServerHostname: e.serverHostname,
      Source: e.source,
      EventId: e.eventId,
      MessageId: e.messageId,
      Recipients: [...e.recipients],
      RecipientStatus: e.recipientStatus ? [e.recipientStatus] : [],
      RecipientCount: e.recipients.length,
      MessageSubject: e.messageSubject,
      Sender: e.sender,
    },
    [TRACKING_EVENT_TYPE, 'System.Object'],
  );
}

export const getMessageTrackingLog = defineCmdlet({
  name: 'Get-MessageTrackingLog',
  module: EXCHANGE_MODULE,
  typeNamespace: 'Microsoft.Exchange.Management.TransportLogSearchTasks',
  synopsis: 'Searches the message tracking log of a transport server.',
  description:
    'Get-MessageTrackingLog returns the message tracking events of one Hub or Edge Transport server (by default the one you are logged on to): RECEIVE when a message arrives (Source SMTP, or STOREDRIVER from a mailbox), SEND when it leaves over SMTP, DELIVER when the store driver puts it in a mailbox, FAIL when it cannot be delivered. -Sender, -Recipients, -EventId, -MessageSubject (a part of the subject), -MessageId, -Start and -End narrow the search; all given filters must match. A message that waits in a queue has its RECEIVE but no SEND yet: see Get-Queue.',
  parameters: {
    Server: serverParameter('The transport server whose log to search; default: the current machine.'),
    Sender: { type: 'String', help: 'The sender\'s SMTP address.' },
    Recipients: { type: 'String[]', help: 'Recipient SMTP addresses; an event matches when it has one of them.' },
    // A String in 2007 (no validation): an unknown event id simply matches nothing.
    EventId: { type: 'String', help: 'RECEIVE, SEND, DELIVER, FAIL (the events the lab records), or DSN, EXPAND, RESOLVE, TRANSFER ...' },
    MessageSubject: { type: 'String', help: 'Text the subject contains.' },
    MessageId: { type: 'String', help: 'The Internet message id.' },
    Start: { type: 'DateTime', help: 'Events at or after this time.' },
    End: { type: 'DateTime', help: 'Events before this time.' },
    ResultSize: { type: 'Object', help: 'The most events to return (default 1000), or Unlimited.' },
  },
  outputType: [TRACKING_EVENT_TYPE],
  examples: [
    {
      setup: '$null = Send-LabMessage -From carol@proexchange.global -To alice@proexchange.global -Subject "Site B to Site A"',
      code: 'Get-MessageTrackingLog -Server Ex2007EE -MessageSubject "Site B"',
      remarks: 'The events on the Site-A Hub: RECEIVE over SMTP from the Site-B Hub, then DELIVER to the mailbox.',
      shows: 'DELIVER',
    },
    {
      setup: '$null = Send-LabMessage -From carol@proexchange.global -To alice@proexchange.global',
      code: 'Get-MessageTrackingLog -Server Ex2007SE -EventId SEND | Format-List EventId,Source,ServerHostname,RecipientStatus',
      remarks: 'On the Site-B Hub: the SEND event, with the next hop and its reply.',
      shows: 'ServerHostname  : Ex2007EE.proexchange.local',
    },
  ],
  process(p, ctx) {
    const o = org(ctx);
    const text = p.Server === undefined || p.Server === null ? o.current.name : String(p.Server);
    const s = findServers(ctx, text, { single: true })![0]!;
    if (!isTransport(s.state)) refuse(ctx, 'ServerNotTransport', `The server "${s.name}" doesn't have the Hub Transport or Edge Transport server role installed, so it has no message tracking log.`, text);
    const lower = (x: unknown) => String(x).trim().toLowerCase();
    const sender = p.Sender === undefined ? undefined : lower(p.Sender);
    // `-Recipients $null` filters nothing; $null elements name no one.
    const rcpts = p.Recipients === undefined || p.Recipients === null ? undefined : p.Recipients.filter((r) => r !== null && r !== undefined).map(lower);
    const subject = p.MessageSubject === undefined ? undefined : lower(p.MessageSubject);
    const start = p.Start instanceof Date ? p.Start.getTime() : undefined;
    const end = p.End instanceof Date ? p.End.getTime() : undefined;
    const rs = p.ResultSize === undefined || p.ResultSize === null ? 1000 : /^unlimited$/i.test(String(p.ResultSize)) ? Infinity : Number(p.ResultSize);
    let n = 0;
    for (const e of s.state.messageTracking ?? []) {
      if (n >= rs) {
        ctx.writeWarning('There are more results, use ResultSize parameter to show more results.');
        break;
      }
      const t = Date.parse(e.timestamp);
      if (sender !== undefined && e.sender.toLowerCase() !== sender) continue;
      if (rcpts && !e.recipients.some((r) => rcpts.includes(r.toLowerCase()))) continue;
      if (p.EventId !== undefined && e.eventId !== String(p.EventId).toUpperCase()) continue;
      if (subject !== undefined && !e.messageSubject.toLowerCase().includes(subject)) continue;
      if (p.MessageId !== undefined && e.messageId !== String(p.MessageId).trim()) continue;
      if (start !== undefined && t < start) continue;
      if (end !== undefined && t >= end) continue;
      ctx.write(eventObject(e));
      n++;
    }
  },
});

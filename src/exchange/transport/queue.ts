// What a delivery leaves behind on the servers: messages waiting in a queue (per server, per next
// hop, as Get-Queue shows them) and message tracking events (RECEIVE / SEND / DELIVER / FAIL per
// hop, as Get-MessageTrackingLog shows them). Only servers of the organization keep them; a
// partner's or the Internet's queue is not ours to see.

import type { OrgState, QueueState, ServerState, TrackingEventState } from '../model.js';
import type { DeliveryReport, MessageRequest } from './routing.js';

const TRACKING_LIMIT = 2000;

function serverNamed(org: OrgState, name: string): ServerState | undefined {
  const n = name.replace(/ \(.*\)$/, '').toLowerCase();
  return org.servers.find((s) => s.name.toLowerCase() === n);
}

function track(s: ServerState, e: TrackingEventState): void {
  const log = (s.messageTracking ??= []);
  log.push(e);
  if (log.length > TRACKING_LIMIT) log.splice(0, log.length - TRACKING_LIMIT);
}

/** Adds the message to the server's queue for the next hop (created on first use, numbered per server). */
export function enqueue(org: OrgState, server: ServerState, nextHopDomain: string, deliveryType: string, req: MessageRequest, r: DeliveryReport, now: Date): QueueState {
  const queues = (server.queues ??= []);
  let q = queues.find((x) => x.nextHopDomain.toLowerCase() === nextHopDomain.toLowerCase());
  if (!q) {
    const ids = (org.nextQueueId ??= {});
    const id = ids[server.name] ?? 1;
    ids[server.name] = id + 1;
    q = { id, nextHopDomain, deliveryType, lastError: '', messages: [] };
    queues.push(q);
  }
  q.lastError = r.lastError ?? '';
  q.messages.push({ messageId: r.messageId, from: req.from, to: req.to, subject: req.subject, body: req.body, queuedAt: now.toISOString(), lastError: r.lastError ?? '' });
  return q;
}

/** Records the tracking events of a delivery and queues it where a hop failed (setting the report's queue identity). */
export function recordDelivery(org: OrgState, req: MessageRequest, r: DeliveryReport, now: Date): void {
  const base = { timestamp: now.toISOString(), sender: req.from, recipients: [req.to], messageSubject: req.subject, messageId: r.messageId };
  let last: ServerState | undefined;
  for (const h of r.hops) {
    const src = serverNamed(org, h.source);
    const dst = serverNamed(org, h.target);
    const srcIsMailbox = h.source.endsWith('(Mailbox)');
    const dstIsMailbox = h.target.endsWith('(Mailbox)');
    if (h.kind === 'StoreDriver') {
      if (srcIsMailbox && dst) track(dst, { ...base, eventId: 'RECEIVE', source: 'STOREDRIVER', clientHostname: src?.fqdn ?? h.source, serverHostname: dst.fqdn });
      if (dstIsMailbox && src) track(src, { ...base, eventId: 'DELIVER', source: 'STOREDRIVER', clientHostname: src.fqdn, serverHostname: serverNamed(org, h.target)?.fqdn ?? h.target, recipientStatus: h.response });
      last = dst && !dstIsMailbox ? dst : src;
      continue;
    }
    if (!h.ok) break;
    const clientHost = src?.fqdn ?? h.source.replace(/ \(.*\)$/, '');
    const serverHost = dst?.fqdn ?? h.target.replace(/ \(.*\)$/, '');
    if (src) track(src, { ...base, eventId: 'SEND', source: 'SMTP', clientHostname: clientHost, serverHostname: serverHost, recipientStatus: h.response });
    if (dst) track(dst, { ...base, eventId: 'RECEIVE', source: 'SMTP', clientHostname: clientHost, serverHostname: serverHost });
    last = dst ?? src;
  }
  if (r.status === 'Failed') {
    const at = last ?? org.servers.find((s) => s.roles.includes('Edge'));
    if (at) track(at, { ...base, eventId: 'FAIL', source: 'ROUTING', clientHostname: at.fqdn, serverHostname: at.fqdn, recipientStatus: r.lastError });
  }
  if (r.status === 'Queued' && r.queuedOn) {
    const s = serverNamed(org, r.queuedOn);
    if (s) {
      const q = enqueue(org, s, r.nextHopDomain ?? 'Unreachable', r.deliveryType ?? 'Undefined', req, r, now);
      r.queue = `${s.name}\\${q.id}`;
    }
  }
}

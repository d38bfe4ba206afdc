// What the event cmdlets share: the session's event manager, picking events and subscriptions by
// source identifier (wildcards) or number, and their 5.1 errors.

import type { CmdletContext, EventManager, ParameterDeclaration, SessionEvent, SessionSubscriber } from '../../protocol/cmdlet.js';
import { hasWildcard } from '../../protocol/wildcard.js';
import { eventJobObject } from '../../protocol/event-objects.js';
import type { ScriptBlockValue } from '../../protocol/values.js';
import { wildcards } from './patterns.js';

export function eventManager(ctx: CmdletContext): EventManager {
  const events = ctx.session.events;
  if (!events) throw new Error('events are not available in this session');
  return events;
}

function invalid(ctx: CmdletContext, message: string, errorId: string, target: unknown) {
  return ctx.error({ message, errorId, category: 'InvalidArgument', exceptionType: 'ArgumentException', targetObject: target });
}

/** The queued events a source identifier (wildcards) or an event identifier picks; none that match a plain one is an error. */
export function pickEvents(ctx: CmdletContext, source: string | null | undefined, id: number | null | undefined): SessionEvent[] {
  const all = eventManager(ctx).events();
  if (id !== undefined && id !== null) {
    const found = all.filter((e) => e.eventIdentifier === id);
    if (!found.length) ctx.writeError(invalid(ctx, `Event with identifier '${id}' does not exist.`, 'INVALID_EVENT_IDENTIFIER', id));
    return found;
  }
  if (source === undefined || source === null) return all;
  const re = wildcards(source)[0]!;
  const found = all.filter((e) => re.test(e.sourceIdentifier));
  if (!found.length && !hasWildcard(source)) ctx.writeError(invalid(ctx, `Event with source identifier '${source}' does not exist.`, 'INVALID_SOURCE_IDENTIFIER', source));
  return found;
}

/** The subscriptions a source identifier (wildcards) or a subscription id picks; a plain one that matches none is an error. */
export function pickSubscribers(ctx: CmdletContext, source: string | null | undefined, id: number | null | undefined, force: boolean): SessionSubscriber[] {
  const all = eventManager(ctx).subscribers().filter((s) => force || !s.supportEvent || source || id !== undefined);
  if (id !== undefined && id !== null) {
    const found = all.filter((s) => s.subscriptionId === id);
    if (!found.length) ctx.writeError(invalid(ctx, `Event subscription with identifier '${id}' does not exist.`, 'INVALID_SUBSCRIPTION_IDENTIFIER', id));
    return found;
  }
  if (source === undefined || source === null) return all;
  const re = wildcards(source)[0]!;
  const found = all.filter((s) => re.test(s.sourceIdentifier));
  if (!found.length && !hasWildcard(source)) ctx.writeError(invalid(ctx, `Event subscription with source identifier '${source}' does not exist.`, 'INVALID_SOURCE_IDENTIFIER', source));
  return found;
}

/** A second subscription to the same source identifier is refused (SUBSCRIBER_EXISTS). */
export function refuseDuplicate(ctx: CmdletContext, source: string): void {
  if (!eventManager(ctx).subscribers().some((s) => s.sourceIdentifier.toLowerCase() === source.toLowerCase())) return;
  ctx.fail(invalid(ctx, `Cannot subscribe to the specified event. A subscriber with the source identifier '${source}' already exists.`, 'SUBSCRIBER_EXISTS', source));
}

/** The parameters Register-EngineEvent and Register-ObjectEvent share. */
export const SUBSCRIPTION_PARAMETERS = {
  MessageData: { type: 'PSObject', help: 'Additional data handed to the action as $Event.MessageData.' },
  SupportEvent: { type: 'Switch', help: 'Hides the subscription (Get-EventSubscriber shows it only with -Force).' },
  Forward: { type: 'Switch', help: 'Sends the events to the session that asked for them (remoting; emsh has one session).' },
  MaxTriggerCount: { type: 'Int32', help: 'Ends the subscription after this many events (0: no limit).' },
} satisfies Record<string, ParameterDeclaration>;

/**
 * Register-EngineEvent's and Register-ObjectEvent's subscription: refused when the source
 * identifier is taken; the event job is written when there is an action.
 */
export function subscribe(
  ctx: CmdletContext,
  source: string,
  target: { sourceObject: unknown; eventName: string | null },
  params: { Action?: ScriptBlockValue | null; MessageData?: unknown; SupportEvent?: boolean; Forward?: boolean; MaxTriggerCount?: number | null },
): void {
  refuseDuplicate(ctx, source);
  const sub = eventManager(ctx).subscribe({
    sourceIdentifier: source,
    sourceObject: target.sourceObject,
    eventName: target.eventName,
    action: params.Action ?? null,
    messageData: params.MessageData ?? null,
    supportEvent: Boolean(params.SupportEvent),
    forward: Boolean(params.Forward),
    maxTriggerCount: params.MaxTriggerCount ?? 0,
  });
  if (sub.action) ctx.write(eventJobObject(sub));
}

// The session's events (about_Eventing): a queue of PSEventArgs and the subscriptions to them.
// Raising an event runs the action of every subscription to its source identifier (in a scope
// of its own below the global scope, with $Event, $EventSubscriber, $Sender, $SourceArgs and
// $SourceEventArgs); an event that no action handled waits in the queue for Get-Event / Wait-Event.

import type { EventManager, SessionEvent, SessionSubscriber } from '../protocol/cmdlet.js';

export type ActionRunner = (sub: SessionSubscriber, ev: SessionEvent) => Promise<void>;

export class SessionEvents implements EventManager {
  private readonly queue: SessionEvent[] = [];
  private readonly subs: SessionSubscriber[] = [];
  private nextEventId = 1;
  private nextSubscriptionId = 1;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly now: () => Date,
    private readonly runAction: ActionRunner,
  ) {}

  events(): SessionEvent[] {
    return this.queue.slice();
  }

  async raise(init: Omit<SessionEvent, 'eventIdentifier' | 'timeGenerated'>): Promise<SessionEvent> {
    const ev: SessionEvent = { ...init, eventIdentifier: this.nextEventId++, timeGenerated: this.now() };
    const key = ev.sourceIdentifier.toLowerCase();
    let handled = false;
    for (const sub of this.subs.filter((s) => s.sourceIdentifier.toLowerCase() === key)) {
      sub.triggerCount++;
      if (sub.maxTriggerCount > 0 && sub.triggerCount >= sub.maxTriggerCount) this.unsubscribe(sub.subscriptionId);
      if (!sub.action) continue;
      handled = true;
      await this.runAction(sub, ev);
    }
    if (!handled) {
      this.queue.push(ev);
      const waiting = this.waiters;
      this.waiters = [];
      for (const w of waiting) w();
    }
    return ev;
  }

  removeEvent(eventIdentifier: number): boolean {
    const i = this.queue.findIndex((e) => e.eventIdentifier === eventIdentifier);
    if (i >= 0) this.queue.splice(i, 1);
    return i >= 0;
  }

  subscribers(): SessionSubscriber[] {
    return this.subs.slice();
  }

  subscribe(init: Omit<SessionSubscriber, 'subscriptionId' | 'triggerCount'>): SessionSubscriber {
    const sub: SessionSubscriber = { ...init, subscriptionId: this.nextSubscriptionId++, triggerCount: 0 };
    this.subs.push(sub);
    return sub;
  }

  unsubscribe(subscriptionId: number): boolean {
    const i = this.subs.findIndex((s) => s.subscriptionId === subscriptionId);
    if (i >= 0) this.subs.splice(i, 1);
    return i >= 0;
  }

  nextEvent(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        signal.removeEventListener('abort', done);
        resolve();
      };
      this.waiters.push(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}

// Wait-Event: waits (in real time) until an event of a source identifier is in the queue, and
// returns it; -Timeout ends the wait after that many seconds (-1: no limit).

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { eventArgsObject } from '../../protocol/event-objects.js';
import { PipelineStoppedError } from '../../protocol/errors.js';
import { eventManager } from './events.js';
import { wildcards } from './patterns.js';

export default defineCmdlet({
  name: 'Wait-Event',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Waits until a particular event is raised before continuing to run.',
  description:
    'The Wait-Event cmdlet waits until an event is in the session\'s event queue (of a source identifier, ' +
    'when given) and returns it; the event stays in the queue. -Timeout ends the wait after that many ' +
    'seconds with no output. Ctrl+C ends it too.',
  parameters: {
    SourceIdentifier: { type: 'String', sets: { __AllParameterSets: { position: 0, fromPipelineByPropertyName: true } }, help: 'Waits only for events with this source identifier.' },
    Timeout: { type: 'Int32', aliases: ['TimeoutSec'], validateRange: [-1, 2147483647], default: -1, help: 'Seconds to wait (-1, the default: no limit).' },
  },
  outputType: ['System.Management.Automation.PSEventArgs'],
  examples: [
    { code: "New-Event Ready | Out-Null; (Wait-Event Ready -Timeout 1).SourceIdentifier", remarks: 'Returns an event that is already queued.', shows: 'Ready' },
  ],
  related: ['New-Event', 'Get-Event', 'Remove-Event'],
  async process(params, ctx) {
    const events = eventManager(ctx);
    const re = params.SourceIdentifier ? wildcards(params.SourceIdentifier)[0] : undefined;
    const timeout = new AbortController();
    const timer = params.Timeout >= 0 ? setTimeout(() => timeout.abort(), params.Timeout * 1000) : undefined;
    const stop = () => timeout.abort();
    ctx.signal.addEventListener('abort', stop, { once: true });
    try {
      for (;;) {
        const found = events.events().find((e) => !re || re.test(e.sourceIdentifier));
        if (found) return ctx.write(eventArgsObject(found));
        if (ctx.signal.aborted) throw new PipelineStoppedError();
        if (timeout.signal.aborted) return;
        await events.nextEvent(timeout.signal);
      }
    } finally {
      if (timer) clearTimeout(timer);
      ctx.signal.removeEventListener('abort', stop);
    }
  },
});

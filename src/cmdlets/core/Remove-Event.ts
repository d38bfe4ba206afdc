// Remove-Event: deletes events from the session's queue, by source identifier or event identifier.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { eventManager, pickEvents } from './events.js';

export default defineCmdlet({
  name: 'Remove-Event',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Deletes events from the event queue.',
  description:
    'The Remove-Event cmdlet deletes events from the session\'s event queue: those of a source identifier ' +
    '(wildcards permitted) or the one with an event identifier (Get-Event output binds by property name).',
  defaultParameterSet: 'BySource',
  supportsShouldProcess: true,
  parameters: {
    SourceIdentifier: { type: 'String', sets: { BySource: { position: 0, mandatory: true, fromPipelineByPropertyName: true } }, help: 'Deletes the events with this source identifier (wildcards permitted).' },
    EventIdentifier: { type: 'Int32', aliases: ['Id'], sets: { ById: { mandatory: true, fromPipelineByPropertyName: true } }, help: 'Deletes the event with this identifier.' },
  },
  outputType: ['None'],
  examples: [
    { code: "New-Event Tick | Out-Null; Remove-Event Tick; @(Get-Event).Count", remarks: 'Deletes the events of a source.', shows: '0' },
  ],
  related: ['New-Event', 'Get-Event', 'Wait-Event'],
  async process(params, ctx) {
    const events = eventManager(ctx);
    for (const ev of pickEvents(ctx, ctx.parameterSetName === 'ById' ? undefined : params.SourceIdentifier, params.EventIdentifier)) {
      if (!(await ctx.shouldProcess(`Event identifier: ${ev.eventIdentifier}`, 'Remove-Event'))) continue;
      events.removeEvent(ev.eventIdentifier);
    }
  },
});

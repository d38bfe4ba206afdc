// Get-Event: the events in the session's queue, all or by source identifier or event identifier.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { eventArgsObject } from '../../protocol/event-objects.js';
import { pickEvents } from './events.js';

export default defineCmdlet({
  name: 'Get-Event',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Gets the events in the event queue.',
  description:
    'The Get-Event cmdlet gets the events in the session\'s event queue (PSEventArgs objects): all of them, ' +
    'those of a source identifier (wildcards permitted) or the one with an event identifier.',
  defaultParameterSet: 'BySource',
  parameters: {
    SourceIdentifier: { type: 'String', sets: { BySource: { position: 0, fromPipelineByPropertyName: true } }, help: 'Gets the events with this source identifier (wildcards permitted).' },
    EventIdentifier: { type: 'Int32', aliases: ['Id'], sets: { ById: { position: 0, mandatory: true, fromPipelineByPropertyName: true } }, help: 'Gets the event with this identifier.' },
  },
  outputType: ['System.Management.Automation.PSEventArgs'],
  examples: [
    { code: "New-Event Tick | Out-Null; (Get-Event -SourceIdentifier Tick).SourceIdentifier", remarks: 'Gets the events of a source.', shows: 'Tick' },
  ],
  related: ['New-Event', 'Remove-Event', 'Wait-Event'],
  process(params, ctx) {
    for (const ev of pickEvents(ctx, params.SourceIdentifier, params.EventIdentifier)) ctx.write(eventArgsObject(ev));
  },
});

// New-Event: raises an event of the session. Subscriptions to its source identifier run their
// actions; an event that no action handled waits in the queue (Get-Event).

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { eventArgsObject } from '../../protocol/event-objects.js';
import { eventManager } from './events.js';

export default defineCmdlet({
  name: 'New-Event',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Creates a new event.',
  description:
    'The New-Event cmdlet creates an event of the session and raises it: the actions of the subscriptions ' +
    '(Register-EngineEvent) to its source identifier run, and an event no action handled goes to the event ' +
    'queue, where Get-Event, Wait-Event and Remove-Event find it. It returns the event (PSEventArgs).',
  parameters: {
    SourceIdentifier: { type: 'String', sets: { __AllParameterSets: { position: 0, mandatory: true } }, help: 'Specifies a name for the event.' },
    Sender: { type: 'PSObject', sets: { __AllParameterSets: { position: 1 } }, help: 'Specifies the object that raised the event.' },
    EventArguments: { type: 'PSObject[]', sets: { __AllParameterSets: { position: 2 } }, help: 'Specifies the arguments of the event ($Event.SourceArgs).' },
    MessageData: { type: 'PSObject', sets: { __AllParameterSets: { position: 3 } }, help: 'Specifies additional data for the event ($Event.MessageData).' },
  },
  outputType: ['System.Management.Automation.PSEventArgs'],
  examples: [
    { code: "New-Event -SourceIdentifier Build -MessageData 'done' | Out-Null; (Get-Event Build).MessageData", remarks: 'Raises an event and reads it from the queue.', shows: 'done' },
  ],
  related: ['Get-Event', 'Remove-Event', 'Wait-Event', 'Register-EngineEvent'],
  async process(params, ctx) {
    const ev = await eventManager(ctx).raise({ sourceIdentifier: params.SourceIdentifier, sender: params.Sender ?? null, sourceArgs: params.EventArguments ?? [], messageData: params.MessageData ?? null });
    ctx.write(eventArgsObject(ev));
  },
});

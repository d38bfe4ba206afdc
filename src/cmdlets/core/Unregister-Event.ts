// Unregister-Event: ends event subscriptions, by source identifier or subscription id (the
// objects Get-EventSubscriber writes bind by property name). Queued events stay.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { eventManager, pickSubscribers } from './events.js';

export default defineCmdlet({
  name: 'Unregister-Event',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Cancels an event subscription.',
  description:
    'The Unregister-Event cmdlet ends event subscriptions: those of a source identifier (wildcards ' +
    'permitted) or the one with a subscription id. Events already in the queue stay there (Remove-Event).',
  defaultParameterSet: 'BySource',
  supportsShouldProcess: true,
  parameters: {
    SourceIdentifier: { type: 'String', sets: { BySource: { position: 0, mandatory: true, fromPipelineByPropertyName: true } }, help: 'Ends the subscriptions with this source identifier.' },
    SubscriptionId: { type: 'Int32', aliases: ['Id'], sets: { ById: { position: 0, mandatory: true, fromPipelineByPropertyName: true } }, help: 'Ends the subscription with this id.' },
    Force: { type: 'Switch', help: 'Also ends subscriptions made with -SupportEvent.' },
  },
  outputType: ['None'],
  examples: [
    { code: 'Register-EngineEvent Tick; Unregister-Event Tick; @(Get-EventSubscriber).Count', remarks: 'Ends a subscription.', shows: '0' },
  ],
  related: ['Register-EngineEvent', 'Register-ObjectEvent', 'Get-EventSubscriber'],
  async process(params, ctx) {
    const events = eventManager(ctx);
    const byId = ctx.parameterSetName === 'ById';
    for (const sub of pickSubscribers(ctx, byId ? undefined : params.SourceIdentifier, byId ? params.SubscriptionId : undefined, true)) {
      if (!(await ctx.shouldProcess(`Event subscription ${sub.sourceIdentifier}`, 'Unregister-Event'))) continue;
      events.unsubscribe(sub.subscriptionId);
    }
  },
});

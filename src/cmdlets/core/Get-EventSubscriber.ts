// Get-EventSubscriber: the session's event subscriptions, all or by source identifier or id.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { subscriberObject } from '../../protocol/event-objects.js';
import { pickSubscribers } from './events.js';

export default defineCmdlet({
  name: 'Get-EventSubscriber',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Gets the event subscribers in the current session.',
  description:
    'The Get-EventSubscriber cmdlet gets the event subscriptions of the session (Register-EngineEvent, ' +
    'Register-ObjectEvent): all of them, those of a source identifier (wildcards permitted) or the one ' +
    'with a subscription id. Subscriptions made with -SupportEvent are listed only with -Force.',
  defaultParameterSet: 'BySource',
  parameters: {
    SourceIdentifier: { type: 'String', sets: { BySource: { position: 0, fromPipelineByPropertyName: true } }, help: 'Gets the subscriptions with this source identifier (wildcards permitted).' },
    SubscriptionId: { type: 'Int32', aliases: ['Id'], sets: { ById: { position: 0, mandatory: true, fromPipelineByPropertyName: true } }, help: 'Gets the subscription with this id.' },
    Force: { type: 'Switch', help: 'Also gets the subscriptions made with -SupportEvent.' },
  },
  outputType: ['System.Management.Automation.PSEventSubscriber'],
  examples: [
    { code: 'Register-EngineEvent Tick; (Get-EventSubscriber Tick).SourceIdentifier', remarks: 'Gets a subscription.', shows: 'Tick' },
  ],
  related: ['Register-EngineEvent', 'Register-ObjectEvent', 'Unregister-Event'],
  process(params, ctx) {
    for (const sub of pickSubscribers(ctx, params.SourceIdentifier, params.SubscriptionId, Boolean(params.Force))) ctx.write(subscriberObject(sub));
  },
});

// The eventing objects as .NET has them: PSEventArgs (an event of the queue, `$Event` in an
// action), PSEventSubscriber (Get-EventSubscriber) and PSEventJob (what Register-*Event -Action
// returns). The engine builds `$Event` and `$EventSubscriber`; the cmdlets write the same objects.

import type { SessionEvent, SessionSubscriber } from './cmdlet.js';
import { registerTypeName } from './convert.js';
import { PSObject } from './values.js';

const SMA = 'System.Management.Automation';
for (const t of ['PSEventArgs', 'PSEventJob', 'Job', 'PSEventSubscriber']) registerTypeName(`${SMA}.${t}`);

export function eventArgsObject(ev: SessionEvent, computerName: string | null = null): PSObject {
  const o = new PSObject([`${SMA}.PSEventArgs`, 'System.EventArgs', 'System.Object']);
  const prop = (name: string, typeName: string, value: unknown) => o.addProperty({ name, memberType: 'Property', typeName, get: () => value });
  prop('ComputerName', 'string', computerName);
  prop('RunspaceId', 'guid', '00000000-0000-0000-0000-000000000000');
  prop('EventIdentifier', 'int', ev.eventIdentifier);
  prop('Sender', 'System.Object', ev.sender);
  prop('SourceEventArgs', 'System.EventArgs', null);
  prop('SourceArgs', 'System.Object[]', ev.sourceArgs);
  prop('SourceIdentifier', 'string', ev.sourceIdentifier);
  prop('TimeGenerated', 'datetime', ev.timeGenerated);
  prop('MessageData', 'psobject', ev.messageData);
  return o;
}

export function eventJobObject(sub: SessionSubscriber): PSObject {
  const o = new PSObject([`${SMA}.PSEventJob`, `${SMA}.Job`, 'System.Object']);
  const prop = (name: string, typeName: string, get: () => unknown) => o.addProperty({ name, memberType: 'Property', typeName, get });
  prop('Module', 'psmoduleinfo', () => null);
  prop('StatusMessage', 'string', () => '');
  prop('HasMoreData', 'bool', () => false);
  prop('Location', 'string', () => '');
  prop('Command', 'string', () => sub.action?.text ?? '');
  prop('JobStateInfo', `${SMA}.JobStateInfo`, () => 'NotStarted');
  prop('State', `${SMA}.JobState`, () => 'NotStarted');
  prop('Id', 'int', () => sub.subscriptionId);
  prop('Name', 'string', () => sub.sourceIdentifier);
  prop('PSJobTypeName', 'string', () => '');
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => `${SMA}.PSEventJob` });
  return o;
}

export function subscriberObject(sub: SessionSubscriber): PSObject {
  const o = new PSObject([`${SMA}.PSEventSubscriber`, 'System.Object']);
  const prop = (name: string, typeName: string, get: () => unknown) => o.addProperty({ name, memberType: 'Property', typeName, get });
  prop('SubscriptionId', 'int', () => sub.subscriptionId);
  prop('SourceObject', 'System.Object', () => sub.sourceObject);
  prop('EventName', 'string', () => sub.eventName);
  prop('SourceIdentifier', 'string', () => sub.sourceIdentifier);
  prop('Action', `${SMA}.PSEventJob`, () => (sub.action ? eventJobObject(sub) : null));
  prop('HandlerDelegate', 'System.Delegate', () => null);
  prop('SupportEvent', 'bool', () => sub.supportEvent);
  prop('ForwardEvent', 'bool', () => sub.forward);
  return o;
}

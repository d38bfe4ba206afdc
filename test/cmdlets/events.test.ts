// New-/Get-/Remove-/Wait-Event, Register-EngineEvent / Register-ObjectEvent, Get-EventSubscriber
// and Unregister-Event over the session's event queue (issue 11).
import { describe, expect, it } from 'vitest';
import { everydaySession } from './everyday-session.js';

describe('event cmdlets', () => {
  it('New-Event queues a PSEventArgs that Get-Event finds and Remove-Event deletes', async () => {
    const { run } = everydaySession();
    expect(await run("$e = New-Event Timer -Sender srv -MessageData 'msg'; $e -is [System.Management.Automation.PSEventArgs]; $e.EventIdentifier; (Get-Event Timer).MessageData; (Get-Event -EventIdentifier 1).Sender")).toBe(
      'True\n1\nmsg\nsrv\n',
    );
    expect(await run('Remove-Event Timer -WhatIf; @(Get-Event).Count; Get-Event Timer | Remove-Event; @(Get-Event).Count')).toBe(
      'What if: Performing the operation "Remove-Event" on target "Event identifier: 1".\n1\n0\n',
    );
    expect(await run('Get-Event Timer 2>&1 | % FullyQualifiedErrorId')).toBe('INVALID_SOURCE_IDENTIFIER,Microsoft.PowerShell.Commands.GetEventCommand\n');
  });

  it('an engine event\'s action runs with $Event, sees globals, and takes the event off the queue', async () => {
    const { run } = everydaySession();
    const out = await run(
      "$j = Register-EngineEvent Deploy -Action { Set-Variable -Scope global -Name got -Value \"$($Event.MessageData)/$incoming\" }; $j.GetType().FullName; $global:incoming = 'g'; New-Event Deploy -MessageData m | Out-Null; $got; @(Get-Event).Count",
    );
    expect(out).toBe('System.Management.Automation.PSEventJob\nm/g\n0\n');
    expect(await run('try { Register-EngineEvent Deploy } catch { $_.FullyQualifiedErrorId }')).toBe('SUBSCRIBER_EXISTS,Microsoft.PowerShell.Commands.RegisterEngineEventCommand\n');
    expect(await run('(Get-EventSubscriber Deploy).SubscriptionId; Get-EventSubscriber | Unregister-Event; @(Get-EventSubscriber).Count')).toBe('1\n0\n');
  });

  it('Register-ObjectEvent subscribes under its source identifier; Wait-Event returns a queued event or times out', async () => {
    const { run } = everydaySession();
    expect(await run('$l = [System.Collections.ArrayList]::new(); $null = $l.Add(1); Register-ObjectEvent $l Changed -SourceIdentifier L; $s = Get-EventSubscriber L; $s.EventName; $s -is [System.Management.Automation.PSEventSubscriber]')).toBe(
      'Changed\nTrue\n',
    );
    expect(await run('New-Event L | Out-Null; (Wait-Event L).SourceIdentifier; @(Wait-Event Other -Timeout 0).Count')).toBe('L\n0\n');
  });
});

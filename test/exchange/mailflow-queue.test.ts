// Queues and message tracking: a failed hop leaves the message in the source server's queue
// (Get-Queue), Retry-Queue sends it after the fix, and each hop is tracked (Get-MessageTrackingLog).
import { describe, expect, it } from 'vitest';
import { capturedSession } from '../helpers/run.js';

const NOW = new Date('2026-11-26T09:30:00Z');
const BREAK = "Set-ReceiveConnector 'Ex2007EE\\Default Ex2007EE' -AuthMechanism Integrated";
const FIX = "Set-ReceiveConnector 'Ex2007EE\\Default Ex2007EE' -AuthMechanism 'Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer'";

describe('Get-Queue and Retry-Queue', () => {
  it('keeps the message of a failed hop on the source server and delivers it on retry', async () => {
    const s = await capturedSession({ now: () => NOW });
    await s.run(`${BREAK}; $null = Send-LabMessage -From carol@proexchange.global -To alice@proexchange.global -Subject Quarterly -WarningAction SilentlyContinue`);
    const table = await s.run('Get-Queue -Server Ex2007SE');
    const lines = table.out.split('\n').map((l) => l.trimEnd()).filter(Boolean);
    expect(lines[0]).toMatch(/^Identity\s+DeliveryType\s+Status\s+MessageCount\s+NextHopDomain$/);
    expect(lines[2]).toMatch(/^Ex2007SE\\Submission\s+Undefined\s+Ready\s+0 Submission$/);
    expect(lines[3]).toMatch(/^Ex2007SE\\1\s+SmtpRelayToRemoteAdSite\s+Retry\s+1 Site-A$/);
    expect((await s.run('(Get-Queue Ex2007SE\\1).LastError')).out).toContain('"451 5.7.3 Cannot achieve Exchange Server authentication."');
    // Only RECEIVE (from the mailbox) so far on Ex2007SE; nothing on Ex2007EE.
    expect((await s.run('Get-MessageTrackingLog -Server Ex2007SE -MessageSubject quarterly | ForEach-Object { "$($_.EventId) $($_.Source)" }')).out.trim()).toBe('RECEIVE STOREDRIVER');
    expect((await s.run('(Get-MessageTrackingLog -Server Ex2007EE -MessageSubject quarterly | Measure-Object).Count')).out.trim()).toBe('0');

    // Retry before the fix: still queued, same queue.
    await s.run('Retry-Queue Ex2007SE\\1');
    expect((await s.run('(Get-Queue Ex2007SE\\1).MessageCount')).out.trim()).toBe('1');
    // After the fix: delivered, the queue is gone, every hop tracked.
    await s.run(`${FIX}; Get-Queue -Server Ex2007SE | Where-Object NextHopDomain -eq Site-A | Retry-Queue`);
    expect((await s.run('(Get-Queue -Server Ex2007SE | Measure-Object).Count')).out.trim()).toBe('1');
    expect((await s.run('Get-MessageTrackingLog -Server Ex2007SE -Sender carol@proexchange.global | ForEach-Object { "$($_.EventId) $($_.Source) $($_.ServerHostname)" }')).out.trim().split('\n')).toEqual([
      'RECEIVE STOREDRIVER Ex2007SE.proexchange.local',
      'SEND SMTP Ex2007EE.proexchange.local',
    ]);
    const ee = await s.run('Get-MessageTrackingLog -Server Ex2007EE -Recipients alice@proexchange.global -MessageSubject quarterly');
    expect(ee.out).toMatch(/EventId\s+Source\s+Sender\s+Recipients\s+MessageSubject/);
    expect(ee.out).toMatch(/RECEIVE\s+SMTP\s+carol@proexchange.global\s+\{alice@proexchange.global\}\s+Quarterly/);
    expect(ee.out).toMatch(/DELIVER\s+STOREDRIVER\s+carol@proexchange.global\s+\{alice@proexchange.global\}\s+Quarterly/);
    // The message id is kept across the retry.
    const ids = await s.run('(Get-MessageTrackingLog -Server Ex2007SE -Sender carol@proexchange.global).MessageId | Select-Object -Unique');
    expect(ids.out.trim().split('\n')).toHaveLength(1);
    await s.close();
  });

  it('tracks FAIL, filters by EventId and time, and reports unknown queues and non-transport servers', async () => {
    const s = await capturedSession({ now: () => NOW });
    await s.run('$null = Send-LabMessage -From carol@proexchange.global -To nobody@proexchange.global -WarningAction SilentlyContinue');
    expect((await s.run('Get-MessageTrackingLog -Server Ex2007SE -EventId FAIL | ForEach-Object { $_.RecipientStatus }')).out).toContain('550 5.1.1 RESOLVER.ADR.RecipNotFound; not found (nobody@proexchange.global)');
    expect((await s.run("(Get-MessageTrackingLog -Server Ex2007SE -Start '2026-11-26 09:31').Count")).out.trim()).toBe('0');
    expect((await s.run("(Get-MessageTrackingLog -Server Ex2007SE -End '2026-11-26 09:31' | Measure-Object).Count")).out.trim()).toBe('2');
    expect((await s.run('Get-Queue Ex2007SE\\7')).out).toContain(`The queue "Ex2007SE\\7" couldn't be found on the server.`);
    expect((await s.run('Get-Queue -Server MBX01')).out).toContain("The server \"MBX01\" doesn't have the Hub Transport or Edge Transport server role installed, so it has no queues.");
    expect((await s.run('(Get-MessageTrackingLog -EventId BOGUS | Measure-Object).Count')).out.trim()).toBe('0');
    await s.close();
  });
});

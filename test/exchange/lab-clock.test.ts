// The lab clock (issue 8): Get-LabDate / Set-LabDate, and everything that reads the clock:
// certificate status and validity, Get-Date, [datetime] conversions, protocol logs, tracking,
// persistence; bad input changes nothing.
import { describe, expect, it } from 'vitest';
import { labPaths } from '../../src/store/lab-home.js';
import { capturedSession, labFiles, tempHome } from '../helpers/run.js';
import { readLabFile } from '../../src/compose.js';

const NOW = new Date(2026, 10, 26, 9, 30, 0); // local time, as the transcripts use
const DAY = 86_400_000;

describe('the lab clock', () => {
  it('Get-LabDate reads the lab time; Set-LabDate -Add moves everything that reads it', async () => {
    const home = tempHome();
    const s = await capturedSession({ home, now: () => NOW });
    expect((await s.run("(Get-LabDate).ToString('yyyy-MM-dd HH:mm')")).out.trim()).toBe('2026-11-26 09:30');
    expect((await s.run('(Get-ExchangeCertificate -DomainName Ex2007EE.proexchange.local)[0].Status')).out.trim()).toBe('Valid');

    const moved = await s.run('Set-LabDate -Add 400.00:00:00');
    expect(moved.out).toContain('Friday, December 31, 2027 9:30:00 AM');
    expect((await s.run("(Get-Date).ToString('yyyy-MM-dd')")).out.trim()).toBe('2027-12-31');
    expect((await s.run("([datetime]'10:30').ToString('yyyy-MM-dd HH:mm')")).out.trim()).toBe('2027-12-31 10:30');
    expect((await s.run("(Get-LabDate -Detailed).Offset.Days")).out.trim()).toBe('400');
    // The setup certificates (one year from 60 days before the lab's creation) have expired.
    expect((await s.run('(Get-ExchangeCertificate -DomainName Ex2007EE.proexchange.local)[0].Status')).out.trim()).toBe('DateInvalid');
    // A new certificate starts at the lab time.
    const nb = await s.run("(New-ExchangeCertificate -SubjectName 'cn=later.proexchange.global' -Services None).NotBefore.ToString('yyyy-MM-dd')");
    expect(nb.out.trim()).toBe('2027-12-31');
    // The clock is saved with the lab: a new session on it still reads the moved time.
    await s.close();
    const state = readLabFile(labPaths(home, 'default').state)!;
    expect(state.clock.offsetMs).toBe(400 * DAY);
    const again = await capturedSession({ home, now: () => NOW });
    expect((await again.run("(Get-LabDate).ToString('yyyy-MM-dd')")).out.trim()).toBe('2027-12-31');
    await again.close();
  });

  it('-Date sets the clock; tracking and protocol logs carry the lab time', async () => {
    const s = await capturedSession({ now: () => NOW });
    await s.run("Set-LabDate -Date '2027-03-01 08:00' | Out-Null; Set-TransportServer Ex2007SE -IntraOrgConnectorProtocolLoggingLevel Verbose");
    await s.run('$null = Send-LabMessage -From carol@proexchange.global -To alice@proexchange.global -Subject Clock');
    const t = await s.run("(Get-MessageTrackingLog -Server Ex2007SE -MessageSubject Clock)[0].Timestamp.ToString('yyyy-MM-dd HH:mm')");
    expect(t.out.trim()).toBe('2027-03-01 08:00');
    const log = await s.run(
      "Get-ChildItem '\\\\Ex2007SE\\c$\\Program Files\\Microsoft\\Exchange Server\\TransportRoles\\Logs\\ProtocolLog\\SmtpSend' | Select-Object -ExpandProperty Name",
    );
    const day = new Date(2027, 2, 1, 8, 0).toISOString().slice(0, 10).replace(/-/g, '');
    expect(log.out.trim()).toBe(`SEND${day}-1.LOG`);
    await s.close();
  });

  it('refuses a date before the lab was created and a span it cannot read, changing nothing', async () => {
    const home = tempHome();
    const s = await capturedSession({ home, now: () => NOW });
    const state = labPaths(home, 'default').state;
    const before = labFiles(state);
    let r = await s.run("Set-LabDate -Date '2020-01-01'");
    expect(r.out).toContain('Set-LabDate : The lab clock cannot be set to 1/1/2020 12:00:00 AM: the lab was created on 11/26/2026 9:30:00 AM, and its clock never goes back before that.');
    expect(r.out).toContain('FullyQualifiedErrorId : LabDateBeforeCreation,Emsh.Lab.Commands.SetLabDateCommand');
    r = await s.run("Set-LabDate -Add '-1.00:00:00'");
    expect(r.out).toContain('the lab was created on 11/26/2026 9:30:00 AM');
    r = await s.run('Set-LabDate -Add soon');
    expect(r.out).toContain('Cannot convert value "soon" to type "System.TimeSpan"');
    r = await s.run('Set-LabDate -Add 1.00:00:00 -WhatIf');
    expect(r.out).toContain('What if: Performing the operation "Set-LabDate" on target "11/27/2026 9:30:00 AM".');
    expect(labFiles(state).equals(before)).toBe(true);
    expect((await s.run("(Get-LabDate).ToString('yyyy-MM-dd HH:mm')")).out.trim()).toBe('2026-11-26 09:30');
    // Back and forth after creation is fine.
    await s.run("Set-LabDate -Add 10.00:00:00 | Out-Null; Set-LabDate -Add '-5.00:00:00' | Out-Null");
    expect((await s.run("(Get-LabDate).ToString('yyyy-MM-dd')")).out.trim()).toBe('2026-12-01');
    expect(labFiles(state).equals(before)).toBe(false);
    await s.close();
  });
});

describe('a year later', () => {
  it('EdgeSync cannot authenticate the Edge until its certificate is renewed and the Edge subscribed again', async () => {
    const s = await capturedSession({ now: () => NOW });
    await s.run('Enter-LabServer EDGE01; New-EdgeSubscription -FileName c:\\edge.xml -Force | Out-Null; Enter-LabServer Ex2007EE; New-EdgeSubscription -FileName \\\\EDGE01\\c$\\edge.xml -Site Site-A | Out-Null');
    expect((await s.run('(Start-EdgeSynchronization)[0].Result')).out.trim()).toBe('Success');
    await s.run('Set-LabDate -Add 400.00:00:00 | Out-Null');
    const failed = await s.run('(Start-EdgeSynchronization -WarningAction SilentlyContinue)[0] | Format-List Result, FailureDetails');
    expect(failed.out).toContain('CouldNotConnect');
    expect(failed.out).toContain('has no valid internal transport certificate');
    // Renew on the Edge and the Hub; the Edge's new certificate is not the one published: subscribe again.
    await s.run('$null = Get-ExchangeCertificate -DomainName Ex2007EE.proexchange.local | New-ExchangeCertificate -Force');
    await s.run('Enter-LabServer EDGE01; $null = Get-ExchangeCertificate | New-ExchangeCertificate -Force -WarningAction SilentlyContinue');
    await s.run('Enter-LabServer Ex2007EE');
    expect((await s.run('(Start-EdgeSynchronization -WarningAction SilentlyContinue)[0].Result')).out.trim()).not.toBe('Success');
    await s.run('Enter-LabServer EDGE01; New-EdgeSubscription -FileName c:\\edge.xml -Force | Out-Null; Enter-LabServer Ex2007EE; New-EdgeSubscription -FileName \\\\EDGE01\\c$\\edge.xml -Site Site-A -Force | Out-Null');
    expect((await s.run('(Start-EdgeSynchronization)[0].Result')).out.trim()).toBe('Success');
    await s.close();
  });
});

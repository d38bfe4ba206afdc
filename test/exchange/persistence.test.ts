// The lab survives restarts: what one session did is there when the same home and lab are
// opened again; lab.json is private (0600); sessions sharing a lab lose nothing of each other's;
// a read-only session says so and saves nothing; a corrupt lab.json is moved aside with a
// warning and a fresh lab is created.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labPaths } from '../../src/store/lab-home.js';
import { capturedSession, labFiles, tempHome, type Captured } from '../helpers/run.js';

const out = async (c: Captured, script: string) => (await c.run(script)).out;
const lines = async (c: Captured, script: string) => (await out(c, script)).split('\n').filter((l) => l !== '');

/** Thumbprint, services and status of every certificate and request, as a listing shows them. */
const listing = (c: Captured) => lines(c, "Get-ExchangeCertificate | ForEach-Object { $_.Thumbprint + ' ' + $_.Services + ' ' + $_.Status }");

describe('state survives restarts', () => {
  it('keeps new certificates, pending requests and service assignments', async () => {
    const home = tempHome();
    const a = await capturedSession({ home });
    const web = (await out(a, "(New-ExchangeCertificate -SubjectName 'cn=webmail.proexchange.global' -DomainName webmail.proexchange.global -PrivateKeyExportable $true -Services None).Thumbprint")).trim();
    expect(await out(a, `Enable-ExchangeCertificate ${web} -Services IIS -DoNotRequireSSL`)).toBe('');
    expect(await out(a, "New-ExchangeCertificate -GenerateRequest -Path c:\\mail.req -SubjectName 'cn=mail.proexchange.global' -DomainName mail.proexchange.global, autodiscover.proexchange.global")).toBe('');
    const before = await listing(a);
    expect(before).toHaveLength(3);
    expect(before).toContain(`${web} IIS Valid`);
    expect(before.filter((l) => l.endsWith(' None PendingRequest'))).toHaveLength(1);
    await a.close();

    const b = await capturedSession({ home });
    expect(b.text()).toBe(''); // no warnings: a clean reopen
    expect(await listing(b)).toEqual(before);
    expect(await lines(b, `Get-ExchangeCertificate ${web} | Format-List Subject, CertificateDomains, PrivateKeyExportable, HasPrivateKey`)).toEqual([
      'Subject              : CN=webmail.proexchange.global',
      'CertificateDomains   : {webmail.proexchange.global}',
      'PrivateKeyExportable : True',
      'HasPrivateKey        : True',
    ]);
    // The pending request still completes after the restart: its key was kept.
    await out(b, 'Submit-LabCertificateRequest c:\\mail.req c:\\mail.cer | Out-Null');
    expect(await lines(b, 'Import-ExchangeCertificate c:\\mail.cer | ForEach-Object { $_.HasPrivateKey; $_.RootCAType }')).toEqual(['True', 'Enterprise']);
    expect((await listing(b)).filter((l) => l.includes('PendingRequest'))).toEqual([]);
    await b.close();

    const c = await capturedSession({ home });
    expect(await listing(c)).toHaveLength(3);
    expect((await listing(c)).filter((l) => l.includes('PendingRequest'))).toEqual([]);
    await c.close();
  }, 60_000);

  it('a new session logs on to Ex2007EE again; files stay on the drive of the machine that wrote them', async () => {
    const home = tempHome();
    const a = await capturedSession({ home });
    await out(a, "Enter-LabServer EDGE01; Set-Content c:\\where.txt 'edge'");
    await a.close();
    const b = await capturedSession({ home });
    expect(await lines(b, '$env:COMPUTERNAME; Test-Path c:\\where.txt; Get-Content \\\\EDGE01\\c$\\where.txt; (Get-ExchangeCertificate).Subject')).toEqual(['EX2007EE', 'False', 'edge', 'CN=Ex2007EE']);
    await b.close();
  });

  it('writes lab.json and its journal with mode 0600 in a 0700 folder', async () => {
    const home = tempHome();
    const a = await capturedSession({ home });
    const { state } = labPaths(home, 'default');
    expect(statSync(state).mode & 0o777).toBe(0o600);
    const first = labFiles(state);
    await out(a, "New-ExchangeCertificate -SubjectName 'cn=mode.proexchange.global' -Services None | Out-Null");
    expect(labFiles(state).equals(first)).toBe(false);
    expect(statSync(state).mode & 0o777).toBe(0o600);
    expect(statSync(state.replace(/json$/, 'journal')).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(state)).mode & 0o777).toBe(0o700);
    await a.close();
  });
});

describe('many sessions on one lab', () => {
  it('each writes, each sees what the other saved at its next statement, and nothing is lost', async () => {
    const home = tempHome();
    const first = await capturedSession({ home });
    const second = await capturedSession({ home });
    expect(second.text()).toBe('');
    const a = (await out(first, "(New-ExchangeCertificate -SubjectName 'cn=first.proexchange.global' -Services None).Thumbprint")).trim();
    const b = (await out(second, "(New-ExchangeCertificate -SubjectName 'cn=second.proexchange.global' -Services None).Thumbprint")).trim();
    expect(await out(second, `(Get-ExchangeCertificate ${a}).Subject`)).toBe('CN=first.proexchange.global\n');
    expect(await out(first, `(Get-ExchangeCertificate ${b}).Subject`)).toBe('CN=second.proexchange.global\n');
    // An edit in one session lands on what the other saved, not on a stale copy.
    await out(first, `Enable-ExchangeCertificate ${b} -Services POP`);
    expect(await out(second, `(Get-ExchangeCertificate ${b}).Services`)).toBe('POP\n');
    await first.close();
    await second.close();

    const third = await capturedSession({ home });
    expect(await lines(third, `'${a}', '${b}' | ForEach-Object { Get-ExchangeCertificate $_ } | ForEach-Object { $_.Subject + ' ' + $_.Services }`)).toEqual([
      'CN=first.proexchange.global None',
      'CN=second.proexchange.global POP',
    ]);
    await third.close();
  }, 30_000);

  it('a change waits while another emsh is changing the lab (saying so after a second), then lands on what that one saved', async () => {
    const home = tempHome();
    const other = await capturedSession({ home });
    const me = await capturedSession({ home, waitMs: 10_000 });
    await other.run('Set-TransportServer Ex2007EE -SendProtocolLogMaxAge 11.00:00:00');
    // The other session is in the middle of a change: it holds the lab.
    await other.lab.beginChanges(new AbortController().signal);
    const mine = me.run('Set-TransportServer Ex2007EE -ReceiveProtocolLogMaxAge 12.00:00:00; (Get-TransportServer Ex2007EE).SendProtocolLogMaxAge');
    await new Promise((r) => setTimeout(r, 1300));
    expect(me.text()).toBe(`WARNING: Waiting for the lab 'default': another emsh (pid ${process.pid}) is changing it.\n`);
    other.lab.endChanges();
    expect((await mine).out).toContain('11.00:00:00');
    const third = await capturedSession({ home });
    expect(await lines(third, '$t = Get-TransportServer Ex2007EE; $t.SendProtocolLogMaxAge; $t.ReceiveProtocolLogMaxAge')).toEqual(['11.00:00:00', '12.00:00:00']);
    for (const s of [other, me, third]) await s.close();
  }, 30_000);

  it('gives up after the wait with an error that names the other emsh, changing nothing; Ctrl+C stops the wait quietly', async () => {
    const home = tempHome();
    const other = await capturedSession({ home });
    const me = await capturedSession({ home, waitMs: 200 });
    await other.lab.beginChanges(new AbortController().signal);
    const r = await me.run("Set-TransportServer Ex2007EE -SendProtocolLogMaxAge 13.00:00:00; 'after'");
    expect(r.ok).toBe(false);
    expect(r.out).toContain(`The lab 'default' is being changed by another emsh (pid ${process.pid}); this session waited 0 s for it. Nothing was changed.`);
    expect(r.out).toContain('FullyQualifiedErrorId : LabBusy');
    expect(r.out).not.toContain('after');
    const slow = await capturedSession({ home, waitMs: 60_000 });
    const waiting = slow.run('Set-TransportServer Ex2007EE -SendProtocolLogMaxAge 14.00:00:00');
    while (!slow.text().includes('Waiting for the lab')) await new Promise((res) => setTimeout(res, 50));
    slow.session.stop();
    expect((await waiting).out).toBe(`WARNING: Waiting for the lab 'default': another emsh (pid ${process.pid}) is changing it.\n`);
    other.lab.endChanges();
    expect((await lines(other, '(Get-TransportServer Ex2007EE).SendProtocolLogMaxAge'))[0]).not.toMatch(/^1[34]\./);
    for (const s of [other, me, slow]) await s.close();
  }, 30_000);

  it('a read-only session says so in its prompt, refuses changes with an error, and writes nothing', async () => {
    const home = tempHome();
    const rw = await capturedSession({ home });
    await rw.close();
    const { state, dir } = labPaths(home, 'default');
    const bytes = labFiles(state);
    const files = readdirSync(dir, { recursive: true }).sort();
    const ro = await capturedSession({ home, readOnly: true });
    expect(ro.text()).toBe("WARNING: The lab 'default' is open read-only: changes in this session will not be saved.\n");
    expect(ro.session.promptText()).toBe('[PS] [read-only] C:\\Windows\\system32>');
    const r = await ro.run("New-ExchangeCertificate -SubjectName 'cn=lost.proexchange.global' -Services None; 'after'");
    expect(r.ok).toBe(false);
    expect(r.out).toContain("The lab 'default' is open read-only in this session; the change was not saved.");
    expect(r.out).toContain('FullyQualifiedErrorId : LabReadOnly');
    expect(r.out).not.toContain('after'); // the script stops
    expect(await lines(ro, 'Get-ExchangeCertificate | ForEach-Object Subject')).toEqual(['CN=Ex2007EE']);
    // No files on the lab drive either.
    const w = await ro.run("'x' | Out-File C:\\ro.txt; Test-Path C:\\ro.txt");
    expect(w.out).toContain('read-only');
    expect(w.out).toContain('False');
    expect(ro.lab.failedCommits).toBe(1);
    await ro.close();
    expect(labFiles(state).equals(bytes)).toBe(true);
    expect(readdirSync(dir, { recursive: true }).sort()).toEqual(files);
  }, 30_000);
});

describe('a corrupt lab.json', () => {
  it('that is not JSON is moved aside with a warning, and a fresh lab is created', async () => {
    const home = tempHome();
    const a = await capturedSession({ home });
    const mine = (await out(a, "(New-ExchangeCertificate -SubjectName 'cn=gone.proexchange.global' -Services None).Thumbprint")).trim();
    await a.close();
    const { state, dir } = labPaths(home, 'default');
    const garbage = readFileSync(state, 'utf8').slice(0, 500); // a file cut short
    writeFileSync(state, garbage);

    const b = await capturedSession({ home });
    const aside = readdirSync(dir).filter((f) => f.startsWith('lab.json.corrupt-') && !f.endsWith('.journal'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(`${dir}/${aside[0]}`, 'utf8')).toBe(garbage); // never silently overwritten
    expect(b.text()).toMatch(/^WARNING: The lab state file was unreadable \(invalid JSON: .*\)\. It was moved to '.*lab\.json\.corrupt-[^']+' and a fresh lab state was created\.\n$/);
    expect(b.text()).toContain(`${dir}/${aside[0]}`);
    // A fresh lab: the setup certificate only, and it is saved at once.
    expect(await lines(b, 'Get-ExchangeCertificate | ForEach-Object Subject')).toEqual(['CN=Ex2007EE']);
    expect(await out(b, `Get-ExchangeCertificate ${mine} -ErrorAction SilentlyContinue`)).toBe('');
    expect(existsSync(state)).toBe(true);
    expect(statSync(state).mode & 0o777).toBe(0o600);
    await b.close();
  });

  it('whose organization is broken is moved aside with a warning too', async () => {
    const home = tempHome();
    const a = await capturedSession({ home });
    await a.close();
    const { state, dir } = labPaths(home, 'default');
    const doc = JSON.parse(readFileSync(state, 'utf8'));
    doc.organization.servers[0].certificates = 'lost';
    writeFileSync(state, JSON.stringify(doc));
    const broken = readFileSync(state, 'utf8');

    const b = await capturedSession({ home });
    const aside = readdirSync(dir).filter((f) => f.startsWith('lab.json.corrupt-') && !f.endsWith('.journal'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(`${dir}/${aside[0]}`, 'utf8')).toBe(broken);
    expect(b.text()).toBe(
      `WARNING: The lab state file was unreadable (organization.servers[0].certificates must be an array). It was moved to '${dir}/${aside[0]}' and a fresh lab state was created.\n`,
    );
    expect(await lines(b, 'Get-ExchangeCertificate | ForEach-Object Subject')).toEqual(['CN=Ex2007EE']);
    await b.close();
  });
});

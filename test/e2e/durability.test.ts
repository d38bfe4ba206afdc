// Nothing lost: the real program, several at once on one lab, killed mid-run, on a full disk.
// What a run reported is on disk; what could not be saved fails the run (exit 1) and changes nothing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labPaths } from '../../src/store/lab-home.js';
import { labFiles, tempHome } from '../helpers/run.js';

const bin = join(__dirname, '..', '..', 'dist', 'emsh.js');

function env(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, EMSH_HOME: home, NO_COLOR: '1', ...extra };
}

function emsh(home: string, command: string, extra?: Record<string, string>) {
  const r = spawnSync(process.execPath, [bin, '-NoProfile', '-Command', command], { encoding: 'utf8', env: env(home, extra), timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A lab home with its lab created (the first run generates the setup keys). */
function preparedHome(): string {
  const home = tempHome();
  expect(emsh(home, '$null').code).toBe(0);
  return home;
}

interface Running {
  proc: ChildProcess;
  lines: string[];
  err: () => string;
  exited: Promise<number | null>;
  /** Resolves once `n` lines of output have arrived. */
  linesAtLeast(n: number): Promise<void>;
}

function start(home: string, command: string): Running {
  const proc = spawn(process.execPath, [bin, '-NoProfile', '-Command', command], { env: env(home), stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buf = '';
  let err = '';
  const waiters: { n: number; resolve: () => void }[] = [];
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      lines.push(buf.slice(0, nl));
      buf = buf.slice(nl + 1);
    }
    for (const w of [...waiters]) {
      if (lines.length >= w.n) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  proc.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  return {
    proc,
    lines,
    err: () => err,
    exited,
    linesAtLeast: (n) => (lines.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
  };
}

/** Thumbprints of every certificate whose subject starts with CN=<prefix>. */
function thumbprints(home: string, prefix: string): string[] {
  const r = emsh(home, `Get-ExchangeCertificate | Where-Object { $_.Subject -like 'CN=${prefix}*' } | ForEach-Object Thumbprint`);
  expect(r.code, r.out + r.err).toBe(0);
  return r.out.split('\n').filter(Boolean);
}

const newCerts = (prefix: string, n: number) =>
  `1..${n} | ForEach-Object { (New-ExchangeCertificate -SubjectName "cn=${prefix}$_.proexchange.global" -KeySize 1024 -Services None).Thumbprint }`;

describe('several emsh on one lab', () => {
  it('three scripted writers at once lose nothing, and each waits its turn', async () => {
    const home = preparedHome();
    const runs = ['a', 'b', 'c'].map((w) => start(home, newCerts(`w${w}-`, 6)));
    const codes = await Promise.all(runs.map((r) => r.exited));
    expect(codes, runs.map((r) => r.err()).join('\n')).toEqual([0, 0, 0]);
    const reported = runs.flatMap((r) => r.lines);
    expect(reported).toHaveLength(18);
    expect(thumbprints(home, 'w').sort()).toEqual([...reported].sort());
  }, 120_000);
});

describe('killed mid-run', () => {
  it('kill -9 after thumbprints were printed: each of them is there on restart', async () => {
    const home = preparedHome();
    const run = start(home, newCerts('k', 200));
    await run.linesAtLeast(7);
    run.proc.kill('SIGKILL');
    await run.exited;
    const printed = run.lines.filter((l) => /^[0-9A-F]{40}$/.test(l));
    expect(printed.length).toBeGreaterThanOrEqual(7);
    const kept = thumbprints(home, 'k');
    for (const t of printed) expect(kept).toContain(t);
    // At most the one being made when the kill came is there without having been shown.
    expect(kept.length - printed.length).toBeLessThanOrEqual(1);
  }, 120_000);

  it('SIGTERM and SIGHUP end the run after saving; the lab opens whole', async () => {
    for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
      const home = preparedHome();
      const run = start(home, newCerts('t', 200));
      await run.linesAtLeast(3);
      run.proc.kill(signal);
      expect(await run.exited).toBe(code);
      const kept = thumbprints(home, 't');
      for (const t of run.lines) expect(kept).toContain(t);
    }
  }, 120_000);
});

describe('a change that cannot be saved', () => {
  it('on a full disk is a terminating error, exit 1, and the lab files stay byte-identical', () => {
    const home = preparedHome();
    const { state } = labPaths(home, 'default');
    const journal = state.replace(/\.json$/, '.journal');
    try {
      unlinkSync(journal);
    } catch {
      // no journal yet
    }
    symlinkSync('/dev/full', journal);
    const before = labFiles(state);
    const r = emsh(home, "New-ExchangeCertificate -SubjectName 'cn=full.proexchange.global' -KeySize 1024 -Services None; 'after'");
    expect(r.code).toBe(1);
    expect(r.out).toContain("The change to the lab 'default' was not saved: the disk is full. The lab is unchanged.");
    expect(r.out).toContain('FullyQualifiedErrorId : LabChangeNotSaved');
    expect(r.out).not.toMatch(/^[0-9A-F]{40}$/m); // no thumbprint of a certificate that is not there
    expect(r.out).not.toContain('after');
    expect(labFiles(state).equals(before)).toBe(true);
    unlinkSync(journal);
    expect(thumbprints(home, 'full')).toEqual([]);
  }, 60_000);

  it('a script that catches it still exits 1', () => {
    const home = preparedHome();
    const { state } = labPaths(home, 'default');
    symlinkSync('/dev/full', state.replace(/\.json$/, '.journal'));
    const r = emsh(home, "try { New-ExchangeCertificate -SubjectName 'cn=caught.proexchange.global' -KeySize 1024 -Services None } catch { 'caught' }");
    expect(r.out).toContain('caught');
    expect(r.code).toBe(1);
  }, 60_000);

  it('in a -ReadOnly session: every change fails with an error, exit 1, nothing written', () => {
    const home = preparedHome();
    const { state } = labPaths(home, 'default');
    const before = labFiles(state);
    const r = spawnSync(process.execPath, [bin, '-ReadOnly', '-Command', "Set-TransportServer Ex2007EE -IntraOrgConnectorProtocolLoggingLevel Verbose"], { encoding: 'utf8', env: env(home) });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("The lab 'default' is open read-only in this session; the change was not saved.");
    expect(labFiles(state).equals(before)).toBe(true);
    expect(readFileSync(state, 'utf8')).toContain('"schemaVersion"');
  }, 60_000);
});

// Issue 8 figures for `npm run bench`: one Test-LabClient (handshake + chain + verdict, ≤ 30 ms),
// `emsh -Serve` answering its first `openssl s_client` after the table is printed (≤ 150 ms), and
// Set-LabDate on a lab of 1,000 certificates, saved (≤ 100 ms). Medians after a warm-up.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { composeSession, openLab } from '../../src/compose.js';
import { fill, keySource } from './exchange-bench.js';
import { repoRoot } from '../helpers/repo.js';
import { PlainHost } from '../../src/host/plain-host.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Milliseconds from the -Serve table to the first certificate openssl s_client receives. */
async function serveFirstAnswer(root: string, home: string): Promise<number> {
  const child = spawn(process.execPath, [join(root, 'dist', 'emsh.js'), '-Serve'], { env: { ...process.env, EMSH_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.setEncoding('utf8');
  let text = '';
  const tableAt = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d: string) => {
      text += d;
      if (/^EDGE01\s+SMTP\s+\d+/m.test(text)) resolve(performance.now());
    });
    child.once('exit', () => reject(new Error(`emsh -Serve exited:\n${text}`)));
  });
  const port = /^Ex2007EE\s+HTTPS\s+(\d+)/m.exec(text)![1]!;
  const r = spawnSync('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', 'mail.proexchange.global'], { input: '', encoding: 'utf8' });
  const answered = performance.now();
  child.kill('SIGINT');
  await once(child, 'exit');
  if (!r.stdout.includes('BEGIN CERTIFICATE')) throw new Error(`openssl got no certificate:\n${r.stdout}${r.stderr}`);
  return answered - tableAt;
}

export async function benchClients(): Promise<{ name: string; value: number; unit: string }[]> {
  const root = repoRoot();
  const sink = new Writable({ write(_c, _e, cb) { cb(); } });
  const host = new PlainHost({ out: sink, interactive: false, color: false, width: 120 });
  const home = mkdtempSync(join(tmpdir(), 'emsh-bench-clients-'));
  const lab = await openLab({ home, lab: 'default', keys: keySource(root) });
  const session = composeSession({ host, lab });
  const out: { name: string; value: number; unit: string }[] = [];
  try {
    const one: number[] = [];
    for (let i = 0; i < 25; i++) {
      const t0 = performance.now();
      const r = await session.evaluate('Test-LabClient HOME01 OWA');
      if (r.errors.length || r.output.length !== 1) throw new Error(`Test-LabClient failed: ${r.errors[0]?.message}`);
      if (i >= 5) one.push(performance.now() - t0);
    }
    out.push({ name: 'one Test-LabClient (handshake + chain + verdict) (budget ≤ 30 ms)', value: median(one), unit: 'ms' });

    // Set-LabDate on a lab of 1,000 certificates: the command and the save after it.
    fill(lab, 1000);
    await lab.saveIfChanged();
    const set: number[] = [];
    for (let i = 0; i < 12; i++) {
      const t0 = performance.now();
      const r = await session.execute('$null = Set-LabDate -Add 1.00:00:00');
      if (!r.ok) throw new Error('Set-LabDate failed');
      if (i >= 2) set.push(performance.now() - t0);
    }
    out.push({ name: 'Set-LabDate on a 1,000-certificate lab, saved (budget ≤ 100 ms)', value: median(set), unit: 'ms' });
  } finally {
    await lab.close();
  }

  if (spawnSync('openssl', ['version']).status === 0) {
    const serveHome = mkdtempSync(join(tmpdir(), 'emsh-bench-serve-'));
    await (await openLab({ home: serveHome, lab: 'default', keys: keySource(root) })).close();
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push(await serveFirstAnswer(root, serveHome));
    out.push({ name: 'emsh -Serve: first openssl s_client answered after the table (budget ≤ 150 ms)', value: median(runs), unit: 'ms' });
  }
  return out;
}

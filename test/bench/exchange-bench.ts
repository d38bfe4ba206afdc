// Exchange figures for `npm run bench`: what saving before output adds to a certificate-changing
// cmdlet on a 1,000-certificate lab (≤ 5 ms), how soon a waiting writer goes on (≤ 1 s), and a cold `emsh -Command 'Get-ExchangeCertificate | Measure-Object'` on labs of
// 1,000 (≤ 0.5 s) and 10,000 certificates (≤ 2 s, ≤ 250 MiB peak RSS).
// The big labs are real labs: the setup certificate record cloned with distinct thumbprints.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/repo.js';
import { composeSession, openLab, realKeys, type Lab } from '../../src/compose.js';
import { PlainHost } from '../../src/host/plain-host.js';
import { Writable } from 'node:stream';
import type { CertRecord } from '../../src/exchange/model.js';
import type { KeySource } from '../../src/exchange/setup.js';


export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

/** The fixture keys when present (no key generation in a benchmark of something else). */
export function keySource(root: string): KeySource {
  const files = [1, 2, 3, 4].map((i) => join(root, 'fixtures', 'keys', `rsa2048-${i}.key.pem`));
  if (!files.every((f) => existsSync(f))) return realKeys;
  const keys = files.map((f) => readFileSync(f, 'utf8'));
  let n = 0;
  return async () => keys[n++ % keys.length]!;
}

/** A host that prints nowhere: the bench times the cmdlet, not a terminal. */
function silentHost(): PlainHost {
  return new PlainHost({ out: new Writable({ write: (_c, _e, cb) => cb() }), interactive: false, color: false, width: 120 });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Fills Ex2007EE's store with `count` certificates: the setup certificate and clones of it. */
export function fill(lab: Lab, count: number): void {
  const server = lab.org.state.servers[0]!;
  const model = server.certificates[0]!;
  const clones: CertRecord[] = [model];
  for (let i = 1; i < count; i++) {
    clones.push({ ...model, thumbprint: randomBytes(20).toString('hex').toUpperCase(), services: 0, friendlyName: `Bench ${i}` });
  }
  server.certificates = clones;
  // The whole document changed: assigning it (the setter marks it whole) makes the next save rewrite lab.json.
  // eslint-disable-next-line no-self-assign
  lab.store.state = lab.store.state;
}

async function labWith(home: string, name: string, count: number, keys: KeySource): Promise<Lab> {
  const lab = await openLab({ home, lab: name, keys });
  fill(lab, count);
  await lab.saveIfChanged();
  return lab;
}

interface Cold {
  wallMs: number;
  maxRssMiB: number;
  out: string;
}

/** One cold emsh process; peak RSS from GNU time when there is one. */
function coldRun(root: string, home: string, lab: string): Cold {
  const emsh = join(root, 'dist', 'emsh.js');
  const args = [emsh, '-NoProfile', '-NonInteractive', '-Lab', lab, '-Command', 'Get-ExchangeCertificate | Measure-Object'];
  const haveTime = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = haveTime
    ? spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', process.execPath, ...args], { env: { ...process.env, EMSH_HOME: home }, encoding: 'utf8' })
    : spawnSync(process.execPath, args, { env: { ...process.env, EMSH_HOME: home }, encoding: 'utf8' });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`exchange bench: emsh failed (${r.status}):\n${r.stdout}${r.stderr}`);
  const rss = /maxrss=(\d+)/.exec(r.stderr ?? '');
  return { wallMs, maxRssMiB: rss ? Number(rss[1]) / 1024 : NaN, out: r.stdout };
}

export async function benchExchange(): Promise<BenchResult[]> {
  const root = repoRoot();
  const keys = keySource(root);
  const home = mkdtempSync(join(tmpdir(), 'emsh-exchange-bench-'));
  const results: BenchResult[] = [];
  try {
    // (a) Saving before output on a lab with 1,000 certificates: one commit of a certificate change
    // (journal append + fsync), the cmdlet with and without it, and a compaction (lab.json whole).
    const k1 = await labWith(home, 'k1', 1_000, keys);
    const server = k1.org.state.servers[0]!;
    const commits: number[] = [];
    for (let i = 0; i < 15; i++) {
      const record = server.certificates[1 + i]!;
      record.friendlyName = `Bench save ${i}`;
      k1.org.touchItem('certificates', server.name, record.thumbprint);
      const t0 = performance.now();
      k1.commit(true);
      commits.push(performance.now() - t0);
    }
    results.push({ name: 'exchange: commit of one certificate change, 1,000-certificate lab (journal append + fsync)', value: median(commits), unit: 'ms' });
    const session = composeSession({ host: silentHost(), lab: k1 });
    const cmdlet = async (i: number) => {
      const t0 = performance.now();
      const r = await session.execute(`Enable-ExchangeCertificate ${server.certificates[20 + i]!.thumbprint} -Services POP`);
      if (!r.ok) throw new Error('exchange bench: Enable-ExchangeCertificate failed');
      return performance.now() - t0;
    };
    for (let i = 0; i < 3; i++) await cmdlet(i); // warm-up
    const withSave: number[] = [];
    const withoutSave: number[] = [];
    const commit = k1.store.commit.bind(k1.store);
    for (let i = 0; i < 15; i++) {
      withSave.push(await cmdlet(3 + 2 * i));
      k1.store.commit = () => undefined; // the same run with nothing saved
      withoutSave.push(await cmdlet(4 + 2 * i));
      k1.store.commit = commit;
      k1.store.rollback();
    }
    results.push({ name: 'exchange: Enable-ExchangeCertificate, 1,000-certificate lab, saved before output', value: median(withSave), unit: 'ms' });
    results.push({ name: 'exchange:   the same without saving', value: median(withoutSave), unit: 'ms' });
    results.push({ name: 'exchange:   added by saving before output (budget ≤ 5 ms)', value: median(withSave) - median(withoutSave), unit: 'ms' });
    const compactions: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await k1.store.save();
      compactions.push(performance.now() - t0);
    }
    await k1.close();
    results.push({ name: 'exchange: compaction (lab.json rewritten whole), 1,000 certificates', value: median(compactions), unit: 'ms' });

    // A writer waiting for another: how soon after the lock frees its change is saved (budget ≤ 1 s).
    {
      const a = await openLab({ home, lab: 'k1', keys });
      const b = await openLab({ home, lab: 'k1', keys });
      const delays: number[] = [];
      for (let i = 0; i < 5; i++) {
        await a.beginChanges(new AbortController().signal);
        const waiting = b.beginChanges(new AbortController().signal);
        await new Promise((r) => setTimeout(r, 100));
        const freed = performance.now();
        a.endChanges();
        await waiting;
        b.org.state.servers[0]!.transport!.sendProtocolLogMaxAge = `${10 + i}.00:00:00`;
        b.org.touch();
        b.endChanges();
        delays.push(performance.now() - freed);
      }
      await a.close();
      await b.close();
      results.push({ name: 'exchange: a waiting writer saved its change, after the lock freed (budget ≤ 1,000 ms)', value: median(delays), unit: 'ms' });
    }

    // (b) Cold listing in a fresh emsh process.
    const k10 = await labWith(home, 'k10', 10_000, keys);
    await k10.close();
    if (!existsSync(join(root, 'dist', 'emsh.js'))) throw new Error('exchange bench: dist/emsh.js missing (npm run build)');
    for (const [lab, count, budgetMs] of [['k1', 1_000, 500], ['k10', 10_000, 2_000]] as const) {
      coldRun(root, home, lab); // page cache
      const runs = [0, 1, 2].map(() => coldRun(root, home, lab));
      const counted = /Count\s*:\s*(\d+)/.exec(runs[0]!.out)?.[1];
      if (Number(counted) !== count) throw new Error(`exchange bench: expected Count ${count}, emsh printed:\n${runs[0]!.out}`);
      const label = count.toLocaleString('en-US');
      results.push({ name: `exchange: cold Get-ExchangeCertificate | Measure-Object, ${label} certificates (budget ≤ ${budgetMs} ms)`, value: median(runs.map((r) => r.wallMs)), unit: 'ms' });
      results.push({ name: `exchange:   peak RSS of that process${count === 10_000 ? ' (budget ≤ 250 MiB)' : ''}`, value: median(runs.map((r) => r.maxRssMiB)), unit: 'MiB' });
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  return results;
}

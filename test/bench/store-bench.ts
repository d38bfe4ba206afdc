// Lab-state store figures for `npm run bench`: save/load of 1,000 certificate-like records, and a
// cold load of 10,000 in a fresh process (time and peak RSS). Figures only: no budgets asserted.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LabStore } from '../../src/store/lab-store.js';
import { repoRoot } from '../helpers/repo.js';
import { emptyLabState, type LabState } from '../../src/store/schema.js';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

function pem(label: string, bytes: number): string {
  const b64 = randomBytes(bytes).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;
}

/** About 3.9 KB of JSON, shaped like a stored Exchange certificate with its private key. */
export function certificateRecord(i: number): Record<string, unknown> {
  return {
    thumbprint: randomBytes(20).toString('hex').toUpperCase(),
    subject: `CN=mail${i}.contoso.com, OU=IT, O=Contoso, L=Redmond, S=WA, C=US`,
    issuer: 'CN=Contoso Lab CA, O=Contoso, C=US',
    certificateDomains: [`mail${i}.contoso.com`, 'autodiscover.contoso.com', `ex${i % 10}.contoso.local`],
    notBefore: '2024-01-01T00:00:00.000Z',
    notAfter: '2026-01-01T00:00:00.000Z',
    services: 'IMAP, POP, IIS, SMTP',
    status: 'Valid',
    privateKeyExportable: true,
    friendlyName: `Exchange certificate ${i}`,
    certificatePem: pem('CERTIFICATE', 950),
    privateKeyPem: pem('PRIVATE KEY', 1218),
  };
}

function stateWith(records: number): LabState {
  const certificates = Array.from({ length: records }, (_, i) => certificateRecord(i));
  return { ...emptyLabState('bench', new Date()), organization: { certificates } };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The child script, bundled at run time (esbuild resolved at run time so a bundle of this file works). */
async function bundleChild(outDir: string): Promise<string> {
  // Found from the repository's root: this file runs from test/bench/ or from a chunk of the bundle.
  const entry = join(repoRoot(), 'test', 'store', 'lab-store-child.ts');
  if (!existsSync(entry)) throw new Error('store bench: test/store/lab-store-child.ts not found');
  const esbuildName = 'esbuild';
  const { build } = (await import(esbuildName)) as typeof import('esbuild');
  const outfile = join(outDir, 'child.mjs');
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
  return outfile;
}

export async function benchStore(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'emsh-store-bench-'));
  const results: BenchResult[] = [];
  try {
    // 1,000 records: save (temp + fsync + rename + dir fsync) and warm in-process load.
    const path1k = join(dir, 'labs', 'k1', 'lab.json');
    const s1k = await LabStore.open({ statePath: path1k, seed: () => stateWith(1_000) });
    const saves: number[] = [];
    for (let i = 0; i < 7; i++) {
      s1k.state.progress = { i };
      const t0 = performance.now();
      await s1k.save();
      saves.push(performance.now() - t0);
    }
    await s1k.close();
    results.push({ name: 'store: file size, 1,000 certificate records', value: statSync(path1k).size / 1024 / 1024, unit: 'MB' });
    results.push({ name: 'store: save, 1,000 certificate records (target ≤ 60 ms)', value: median(saves), unit: 'ms' });
    const loads: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const s = await LabStore.open({ statePath: path1k, seed: () => stateWith(0) });
      loads.push(performance.now() - t0);
      await s.close();
    }
    results.push({ name: 'store: open+load, 1,000 certificate records (warm process)', value: median(loads), unit: 'ms' });

    // 10,000 records: save, then a cold load in a fresh process.
    const path10k = join(dir, 'labs', 'k10', 'lab.json');
    const s10k = await LabStore.open({ statePath: path10k, seed: () => stateWith(10_000) });
    const t0 = performance.now();
    await s10k.save();
    results.push({ name: 'store: save, 10,000 certificate records', value: performance.now() - t0, unit: 'ms' });
    await s10k.close();
    results.push({ name: 'store: file size, 10,000 certificate records', value: statSync(path10k).size / 1024 / 1024, unit: 'MB' });

    const child = await bundleChild(dir);
    const colds: { ms: number; maxRssKiB: number; records: number; wallMs: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const w0 = performance.now();
      const out = execFileSync(process.execPath, [child, 'load', path10k], { encoding: 'utf8' });
      colds.push({ ...JSON.parse(out.trim().split('\n').at(-1)!), wallMs: performance.now() - w0 });
    }
    if (colds.some((c) => c.records !== 10_000)) throw new Error('store bench: cold load read the wrong state');
    results.push({ name: 'store: cold open+load, 10,000 certificate records (fresh process)', value: median(colds.map((c) => c.ms)), unit: 'ms' });
    results.push({ name: 'store: whole fresh process (node start, imports, load, exit)', value: median(colds.map((c) => c.wallMs)), unit: 'ms' });
    results.push({ name: 'store: peak RSS of that process', value: median(colds.map((c) => c.maxRssKiB)) / 1024, unit: 'MiB' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

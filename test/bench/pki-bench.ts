// PKI figures for `npm run bench` (figures only, no budgets): a 2048-bit self-signed certificate made
// in process (async key generation + certificate) against `openssl req -x509 -newkey rsa:2048` as a
// whole process, medians of the same number of runs in the same run; plus the certificate alone
// (fixture key) and a PKCS#12 export.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/repo.js';
import { createSelfSigned, exportPfx, generateRsaKey } from '../../src/pki/index.js';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const notBefore = new Date('2024-01-01T00:00:00Z');
const notAfter = new Date('2025-01-01T00:00:00Z');

export async function benchPki(runs = 10): Promise<BenchResult[]> {
  const results: BenchResult[] = [];

  const inProcess: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const key = await generateRsaKey(2048);
    createSelfSigned({ subject: 'CN=x', dnsNames: ['x'], notBefore, notAfter, privateKeyPem: key.privatePem });
    inProcess.push(performance.now() - t0);
  }
  results.push({ name: 'pki: 2048-bit key + self-signed certificate, in process (median)', value: median(inProcess), unit: 'ms' });

  const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', '/dev/null', '-out', '/dev/null', '-subj', '/CN=x'];
  if (spawnSync('openssl', ['version']).status === 0) {
    const proc: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = spawnSync('openssl', args);
      proc.push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr}`);
    }
    results.push({ name: 'pki: openssl req -x509 -newkey rsa:2048 as a process (median)', value: median(proc), unit: 'ms' });
  }

  // Bundled (dist/ or dist/chunks/) or run from test/bench: the repository root is found upwards.
  const key = readFileSync(join(repoRoot(), 'fixtures', 'keys', 'rsa2048-1.key.pem'), 'utf8');
  const certOnly: number[] = [];
  let cert = createSelfSigned({ subject: 'CN=x', notBefore, notAfter, privateKeyPem: key });
  for (let i = 0; i < runs * 10; i++) {
    const t0 = performance.now();
    cert = createSelfSigned({ subject: 'CN=webmail.contoso.com, O=Contoso, C=US', dnsNames: ['webmail.contoso.com', 'autodiscover.contoso.com'], notBefore, notAfter, privateKeyPem: key });
    certOnly.push(performance.now() - t0);
  }
  results.push({ name: 'pki: self-signed certificate with an existing 2048-bit key (median)', value: median(certOnly), unit: 'ms' });

  for (const algorithm of ['aes256', '3des'] as const) {
    const t: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      exportPfx({ certificate: cert, privateKeyPem: key, password: 'x', algorithm });
      t.push(performance.now() - t0);
    }
    results.push({ name: `pki: PKCS#12 export (${algorithm}) (median)`, value: median(t), unit: 'ms' });
  }
  return results;
}

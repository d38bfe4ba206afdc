// Mail-flow figures for `npm run bench` (issue 5 budgets): one Hub-to-Hub SMTP hop with STARTTLS
// over loopback (≤ 50 ms), and Send-LabMessage from Site B to Site A with verbose protocol logging
// (≤ 200 ms). Medians after a warm-up; the lab is created once with real keys.
import { Writable } from 'node:stream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSession, openLab } from '../../src/compose.js';
import { PlainHost } from '../../src/host/plain-host.js';
import { deliverMessage } from '../../src/exchange/transport/routing.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchMailflow(): Promise<{ name: string; value: number; unit: string }[]> {
  const sink = new Writable({ write(_c, _e, cb) { cb(); } });
  const host = new PlainHost({ out: sink, interactive: false, color: false, width: 120 });
  const lab = await openLab({ home: mkdtempSync(join(tmpdir(), 'emsh-bench-mail-')), lab: 'bench' });
  const session = composeSession({ host, lab });
  try {
    const hop: number[] = [];
    for (let i = 0; i < 25; i++) {
      const r = await deliverMessage(lab.org, { from: 'carol@proexchange.global', to: 'alice@proexchange.global', subject: 'bench', body: 'x' }, lab.now);
      const smtp = r.hops.find((h) => h.kind === 'SMTP' && h.tls === 'STARTTLS');
      if (!smtp || !smtp.ok) throw new Error(`hub-to-hub hop failed: ${r.lastError ?? 'no STARTTLS hop'}`);
      if (i >= 5) hop.push(smtp.elapsedMs);
    }
    await session.execute('Set-TransportServer Ex2007SE -IntraOrgConnectorProtocolLoggingLevel Verbose');
    const send: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const r = await session.execute('$null = Send-LabMessage -From carol@proexchange.global -To alice@proexchange.global -Subject bench');
      if (!r.ok) throw new Error('Send-LabMessage failed');
      if (i >= 4) send.push(performance.now() - t0);
    }
    return [
      { name: 'one Hub-to-Hub hop with STARTTLS on loopback (budget ≤ 50 ms)', value: median(hop), unit: 'ms' },
      { name: 'Send-LabMessage Site B → Site A with verbose logging (budget ≤ 200 ms)', value: median(send), unit: 'ms' },
    ];
  } finally {
    await lab.close();
  }
}

// `emsh -Serve [-Lab <lab>]` (issue 8): the lab's servers listen on loopback - HTTPS and HTTP
// (the Default Web Site), POP3/IMAP4 over SSL, SMTP with STARTTLS, SIP over TLS - until Ctrl+C,
// for tools outside emsh. It prints a table of Server, Service, Port, Thumbprint first.
//
// It does not hold the lab: another emsh may open it and change certificates meanwhile. Before
// each connection it reads what that emsh saved (read-only, through the lab store), so the next
// connection presents the certificate enabled there.

import { openLab, type Lab } from './compose.js';
import { consoleLines } from './format/index.js';
import { EndpointSet, presentedCertificate, type LabView } from './exchange/endpoints/listeners.js';
import { LISTENER_KINDS, runsListener } from './exchange/endpoints/network.js';
import { endpointObject } from './cmdlets/lab/LabEndpoint.js';

export interface ServeOptions {
  home: string;
  lab: string;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  width: number;
  /** Resolves when the server shall stop (SIGINT/SIGTERM, or a test). */
  stop: Promise<void>;
}

/** The lab as its files are now: opened read-only, and brought up to date before each connection. */
class LabFollower {
  private lab: Lab | undefined;

  constructor(
    private readonly home: string,
    private readonly name: string,
  ) {}

  async load(): Promise<void> {
    this.lab = await openLab({ home: this.home, lab: this.name, readOnly: true });
  }

  /** The lab as last read (for the table). */
  current(): LabView {
    const lab = this.lab!;
    return { org: lab.org, now: lab.now };
  }

  /** The lab as it is on disk now: what other sessions saved since is read first (a stat when nothing changed). */
  async fresh(): Promise<LabView> {
    this.lab!.store.refresh();
    return this.current();
  }

  /** Nothing to wait for: reading is synchronous. */
  async settle(): Promise<void> {}

  close(): Promise<void> | undefined {
    return this.lab?.close();
  }
}

export async function serve(opts: ServeOptions): Promise<number> {
  // Open once for writing: a lab that does not exist yet is created (and saved) as on any first start.
  const first = await openLab({ home: opts.home, lab: opts.lab });
  for (const w of first.store.warnings) opts.err.write(`WARNING: ${w}\n`);
  const servers = first.org.allServers().map((s) => s.state);
  await first.close();

  const follower = new LabFollower(opts.home, opts.lab);
  await follower.load();
  const set = new EndpointSet(() => follower.fresh());
  try {
    for (const s of servers) {
      for (const k of LISTENER_KINDS) if (runsListener(s, k)) await set.start(s, k);
    }
  } catch (e) {
    await set.stopAll();
    await follower.close();
    opts.err.write(`emsh: ${(e as Error).message}\n`);
    return 1;
  }
  await set.warm();
  const view = () => follower.current();
  const rows = set.list().map((e) => endpointObject(e, view, presentedCertificate));
  const lines = consoleLines(rows, opts.width);
  opts.out.write(`Serving lab '${opts.lab}' on 127.0.0.1 (Ctrl+C to stop).\n${lines.join('\n')}\n`);
  await opts.stop;
  await set.stopAll();
  await follower.settle();
  await follower.close();
  return 0;
}

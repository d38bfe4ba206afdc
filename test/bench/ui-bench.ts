// The interactive shell's budgets (issues 4 and 12), measured as `npm run bench` runs them:
// - first usable prompt in a real terminal (a pty from `script`), against `node -e 0` in the
//   same pty and the same run (budget ≤ 2.5×), on a lab that already exists;
// - 100,000 lines of output in the shell against `-Command` writing them to the same kind of
//   terminal (budget ≤ 2×), and the shell's RSS after it (≤ 150 MiB);
// - one keystroke with a 10 KB command line and 100,000 lines of scrollback, keypress to frame,
//   in process (≤ 5 ms), and the bytes that keystroke writes (bounded by the screen, not the session);
// - idle RSS of the shell at its prompt (≤ 120 MiB).
import { spawn, spawnSync } from 'node:child_process';
import { FakeStdin, FakeStdout } from '../helpers/fake-terminal.js';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/repo.js';
import React from 'react';
import { render } from 'ink';
import { App, type ShellSession } from '../../src/ui/App.js';
import { History } from '../../src/ui/history.js';
import { UiStore } from '../../src/ui/ui-store.js';
import type { CompletionSource } from '../../src/ui/completion.js';
import { ReadLineSettings } from '../../src/protocol/readline.js';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The budget: run.mjs flags a value above it. */
  max?: number;
}

const PROMPT = 'system32>';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** dist/emsh.js of this repository (the bench runs from the bundle's chunks or from the sources). */
function emshBin(): string | undefined {
  const bin = join(repoRoot(), 'dist', 'emsh.js');
  return existsSync(bin) ? bin : undefined;
}

/** Process ids below `pid` (the pty's shell, then node), from /proc. */
function descendants(pid: number): number[] {
  const parent = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(ppid, [...(parent.get(ppid) ?? []), Number(d)]);
    } catch {
      // the process ended meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of parent.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

function rssKiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function isNode(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'node';
  } catch {
    return false;
  }
}

/**
 * Runs `command` in a fresh 120x40 pty (util-linux `script`) and resolves when `ready` text
 * has appeared (or the command ended): the elapsed milliseconds, and the RSS of the node
 * processes in the pty at that moment once `settleMs` has passed. With `then`, that line is typed
 * at the prompt and `ms` is the time from its Enter to the next prompt (RSS measured after it).
 */
function inPty(command: string, env: NodeJS.ProcessEnv, ready: string | undefined, settleMs = 0, then?: string, lastLine = ''): Promise<{ ms: number; rssMiB: number }> {
  return new Promise((resolve, reject) => {
    let t0 = performance.now();
    const child = spawn('script', ['-qfec', `stty rows 40 cols 120; exec ${command}`, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let done = false;
    let phase: 'start' | 'typed' | 'end' = 'start';
    let typedAt = 0;
    let echoed = false;
    const timer = setTimeout(() => finish(new Error(`no prompt within 120 s; output: ${out.slice(-400)}`)), 120_000);
    const finish = (err?: Error, ms?: number, rssMiB = 0) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) {
        child.kill('SIGKILL');
        reject(err);
      } else resolve({ ms: ms!, rssMiB });
    };
    const measureAndExit = (ms: number) => {
      phase = 'end';
      setTimeout(() => {
        const rss = descendants(child.pid!).filter(isNode).reduce((a, p) => a + rssKiB(p), 0) / 1024;
        child.stdin.write('exit\r');
        child.once('exit', () => finish(undefined, ms, rss));
        setTimeout(() => child.kill('SIGTERM'), 5000).unref();
      }, settleMs);
    };
    child.stdout.on('data', (d: Buffer) => {
      // Keep only the tail: 100,000 lines of output would make the search slow.
      out = (out + d.toString('utf8')).slice(-4096);
      if (!ready) return;
      if (phase === 'start' && out.includes(ready)) {
        if (!then) return measureAndExit(performance.now() - t0);
        phase = 'typed';
        out = '';
        // Let the prompt settle, then type the line; the clock starts at its Enter.
        setTimeout(() => {
          child.stdin.write(then);
          setTimeout(() => {
            out = '';
            typedAt = performance.now();
            child.stdin.write('\r');
          }, 300);
        }, 500);
      } else if (phase === 'typed' && typedAt) {
        // First the last line of the output, then the next prompt. (The live area is redrawn
        // around each batch of output, and the first redraw may still show the typed line.)
        if (!echoed) {
          const at = out.indexOf(`\n${lastLine}`);
          if (at < 0) return;
          echoed = true;
          out = out.slice(at);
        }
        if (out.includes(ready)) measureAndExit(performance.now() - typedAt);
      }
    });
    child.on('exit', () => {
      if (!ready) finish(undefined, performance.now() - t0);
    });
    child.on('error', (e) => finish(e));
    t0 = performance.now();
  });
}

/**
 * Keypress to frame, in process: the App (Ink's real renderer) after `lines` lines of output went
 * through it, with a 10 KB command line (a pasted CSR) being edited. Also the bytes each keystroke
 * writes: with a bounded live area they do not grow with the session or the line.
 */
export async function keystroke(lines: number, lineBytes: number): Promise<{ medianMs: number; renderMs: number; bytes: number; rssMiB: number }> {
  let written = 0;
  const store = new UiStore({ machine: 'Ex2007EE', lab: 'bench' });
  const session: ShellSession = {
    execute: async () => ({ ok: true }),
    stop: () => {},
    promptText: () => '[PS] C:\\Windows\\system32>',
    services: { machine: 'Ex2007EE' },
  };
  const completion: CompletionSource = { commands: () => [], variables: () => [], thumbprints: () => [], machines: () => [], paths: () => [] };
  const stdout = new FakeStdout(120, 40, (s) => (written += s.length));
  const stdin = new FakeStdin();
  let lastRender = 0;
  const waiters: (() => void)[] = [];
  const instance = render(
    React.createElement(App, { store, session, history: new History(), completion, settings: new ReadLineSettings(), onExit: () => {}, clearScreen: () => {}, color: true }),
    {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      exitOnCtrlC: false,
      patchConsole: false,
      onRender: ({ renderTime }: { renderTime: number }) => {
        lastRender = renderTime;
        waiters.splice(0).forEach((w) => w());
      },
    } as Parameters<typeof render>[1],
  );
  const nextFrame = () => new Promise<void>((r) => waiters.push(r));
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  await sleep(50);
  // The output of a long session: certificate lists, streamed through the UI as a command prints them.
  for (let i = 0; i < lines; i++) store.write(`${(i * 7919).toString(16).toUpperCase().padStart(40, '0')}  IPUWS      CN=Ex2007EE ${i}\n`, 'output');
  store.flush();
  // A pasted request: one long base64 line.
  const body = Buffer.from(Array.from({ length: lineBytes }, (_, i) => (i * 31) % 251)).toString('base64').slice(0, lineBytes - 12);
  stdin.send(`\x1b[200~$csr = '${body}'\x1b[201~`);
  await sleep(300);
  const times: number[] = [];
  const renders: number[] = [];
  const bytes: number[] = [];
  const keys = 'Get-ExchangeCertificate | fl';
  for (let i = 0; i < 40; i++) {
    // Space the keys past Ink's 30 fps throttle, so each frame is the key's own.
    await sleep(40);
    const f = nextFrame();
    const w0 = written;
    const t0 = performance.now();
    stdin.send(keys[i % keys.length]!);
    await f;
    times.push(performance.now() - t0);
    renders.push(lastRender);
    await sleep(5);
    bytes.push(written - w0);
  }
  const rssMiB = process.memoryUsage().rss / 1024 / 1024;
  instance.unmount();
  return { medianMs: median(times.slice(5)), renderMs: median(renders.slice(5)), bytes: median(bytes.slice(5)), rssMiB };
}

/** The pty measurements need the built dist/emsh.js and util-linux `script`. */
function ptyReady(): { bin: string } | { skipped: BenchResult } {
  const bin = emshBin();
  const hasScript = spawnSync('script', ['--version']).status === 0;
  if (bin && hasScript) return { bin };
  return { skipped: { name: `pty budgets skipped (${bin ? 'no `script` command' : 'dist/emsh.js not built'})`, value: NaN, unit: '' } };
}

/** A throw-away EMSH_HOME with its lab made, and the environment of a person at a terminal. */
async function withLab<T>(bin: string, run: (env: NodeJS.ProcessEnv) => Promise<T>): Promise<T> {
  const home = mkdtempSync(join(tmpdir(), 'emsh-ui-bench-'));
  const env = { ...process.env, EMSH_HOME: home, TERM: 'xterm-256color' } as NodeJS.ProcessEnv;
  // CI variables make Ink print final frames only; a person at a terminal has none.
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  delete env.EMSH_VALIDATE_GRAMMAR;
  try {
    // The lab must exist: creating it (RSA keys) is a first-run cost, not start-up.
    spawnSync(process.execPath, [bin, '-NoProfile', '-Command', '1'], { env });
    return await run(env);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** First usable prompt against `node -e 0`, interleaved pairs in the same kind of pty; idle RSS. */
export async function benchFirstPrompt(runs = 7): Promise<BenchResult[]> {
  const ready = ptyReady();
  if ('skipped' in ready) return [ready.skipped];
  return withLab(ready.bin, async (env) => {
    const node = `'${process.execPath}'`;
    const emsh = `${node} '${ready.bin}'`;
    await inPty(`${node} -e 0`, env, undefined);
    await inPty(emsh, env, PROMPT);
    const floor: number[] = [];
    const prompt: number[] = [];
    let rss = 0;
    // Interleaved pairs, so a busy moment of the machine hits both sides.
    for (let i = 0; i < runs; i++) {
      floor.push((await inPty(`${node} -e 0`, env, undefined)).ms);
      const last = i === runs - 1;
      const r = await inPty(emsh, env, PROMPT, last ? 1500 : 0);
      prompt.push(r.ms);
      if (last) rss = r.rssMiB;
    }
    const f = median(floor);
    const p = median(prompt);
    return [
      { name: 'pty: node -e 0 (median)', value: f, unit: 'ms' },
      { name: 'pty: first usable prompt, lab exists (median)', value: p, unit: 'ms' },
      { name: '  ratio to node -e 0 (budget ≤ 2.5)', value: p / f, unit: '×', max: 2.5 },
      { name: '  ratio of the fastest runs (less noise from a busy machine)', value: Math.min(...prompt) / Math.min(...floor), unit: '×' },
      { name: 'idle RSS at the prompt (budget ≤ 120 MiB)', value: rss, unit: 'MiB', max: 120 },
    ];
  });
}

/** 100,000 lines: `-Command` writing them to a pty, against the shell (Enter → next prompt). */
export async function benchBigOutput(): Promise<BenchResult[]> {
  const ready = ptyReady();
  if ('skipped' in ready) return [ready.skipped];
  return withLab(ready.bin, async (env) => {
    const emsh = `'${process.execPath}' '${ready.bin}'`;
    const big = '1..100000';
    const cmd: number[] = [];
    const base: number[] = [];
    const shell: number[] = [];
    let bigRss = 0;
    for (let i = 0; i < 3; i++) {
      base.push((await inPty(`${emsh} -NoProfile -Command 1`, env, undefined)).ms);
      cmd.push((await inPty(`${emsh} -NoProfile -Command '${big}'`, env, undefined)).ms);
      const r = await inPty(`${emsh} -NoLogo`, env, PROMPT, 1000, big, '100000');
      shell.push(r.ms);
      bigRss = Math.max(bigRss, r.rssMiB);
    }
    const c = median(cmd);
    const c0 = c - median(base);
    const sh = median(shell);
    return [
      { name: `pty: ${big} through -Command, whole run (median)`, value: c, unit: 'ms' },
      { name: `pty: ${big} in the shell, Enter to next prompt (median)`, value: sh, unit: 'ms' },
      { name: '  ratio to -Command (budget ≤ 2.0)', value: sh / c, unit: '×', max: 2.0 },
      { name: '  ratio to -Command less its start-up (stricter)', value: sh / c0, unit: '×' },
      { name: 'RSS after 100,000 lines of output (budget ≤ 150 MiB)', value: bigRss, unit: 'MiB', max: 150 },
    ];
  });
}

/** Keypress to frame (see keystroke), the median of `rounds` rounds of 40 keys. */
export async function benchKeystroke(rounds = 1): Promise<BenchResult[]> {
  const ks: Awaited<ReturnType<typeof keystroke>>[] = [];
  for (let i = 0; i < rounds; i++) ks.push(await keystroke(100_000, 10 * 1024));
  const pick = (f: (k: (typeof ks)[number]) => number) => median(ks.map(f));
  return [
    { name: 'keystroke to frame, 10 KB command line, 100,000 lines of scrollback (budget ≤ 5 ms)', value: pick((k) => k.medianMs), unit: 'ms', max: 5 },
    { name: '  of which Ink render', value: pick((k) => k.renderMs), unit: 'ms' },
    { name: '  bytes written per keystroke (bounded by the screen)', value: pick((k) => k.bytes), unit: 'B' },
  ];
}

export async function benchUi(): Promise<BenchResult[]> {
  return [...(await benchFirstPrompt()), ...(await benchBigOutput()), ...(await benchKeystroke())];
}

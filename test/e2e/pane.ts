// A real terminal for tests: emsh in a detached tmux pane of its own tmux server, typed into and
// read back. Everything polls with a deadline, so a loaded machine makes tests slower, not flaky.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp.js';

const root = join(__dirname, '..', '..');
export const PROMPT = '[PS] C:\\Windows\\system32>';
export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** One tmux server of our own (-L), so nothing here touches the user's tmux sessions. */
export class Pane {
  private readonly socket = `emsh-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly target = 'emsh';

  constructor(command: string, env: Record<string, string>, size: { columns: number; rows: number } = { columns: 120, rows: 40 }) {
    // CI variables make Ink print only final frames: a terminal user never has them set.
    const envArgs = ['-u', 'CI', '-u', 'CONTINUOUS_INTEGRATION', '-u', 'EMSH_VALIDATE_GRAMMAR', ...Object.entries(env).map(([k, v]) => `${k}=${v}`)];
    const shellLine = `env ${envArgs.map(quote).join(' ')} ${command}; echo EXITED-$?; stty -a | tr ' ' '\\n' | grep -x -- '-\\?icanon'; sleep 60`;
    this.tmux('new-session', '-d', '-s', this.target, '-x', String(size.columns), '-y', String(size.rows), 'sh', '-c', shellLine);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8', cwd: root });
  }

  /** The screen plus recent scrollback, as plain text (`escapes` keeps the colours). */
  screen(escapes = false, history = 300): string {
    return this.tmux('capture-pane', '-p', '-J', ...(escapes ? ['-e'] : []), '-t', this.target, '-S', `-${history}`);
  }

  /** The visible rows only. */
  visible(): string {
    return this.tmux('capture-pane', '-p', '-t', this.target);
  }

  /** Types text literally (no key names). */
  type(text: string): void {
    this.tmux('send-keys', '-t', this.target, '-l', text);
  }

  /** Pastes text as a terminal does with bracketed paste (tmux paste-buffer -p). */
  paste(text: string): void {
    this.tmux('set-buffer', '--', text);
    this.tmux('paste-buffer', '-p', '-t', this.target);
  }

  /** Presses named keys: Enter, Tab, Up, C-c, Escape... */
  press(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.target, ...keys);
  }

  /** The last prompt line on the screen (the one being edited), without trailing blanks. */
  promptLine(): string {
    const lines = this.visible().split('\n').filter((l) => l.startsWith(PROMPT));
    return (lines[lines.length - 1] ?? '').trimEnd();
  }

  /** Polls the screen until `test` passes; fails with the last screen after `ms`. */
  async waitFor(test: (screen: string) => boolean, what: string, ms = 10_000, escapes = false): Promise<string> {
    const deadline = Date.now() + ms;
    let last = '';
    for (;;) {
      last = this.screen(escapes);
      if (test(last)) return last;
      if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}; screen:\n${last}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The process id of the program in the pane (the child of the pane's shell). */
  programPid(): number | undefined {
    const shell = this.tmux('display-message', '-p', '-t', this.target, '#{pane_pid}').trim();
    const r = spawnSync('pgrep', ['-P', shell, 'node'], { encoding: 'utf8' });
    const pid = Number(r.stdout.trim().split('\n')[0]);
    return Number.isFinite(pid) && pid > 0 ? pid : undefined;
  }

  resize(columns: number, rows: number): void {
    this.tmux('resize-window', '-t', this.target, '-x', String(columns), '-y', String(rows));
  }

  kill(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}

export function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * A private copy of the build and a lab home for a suite: a rebuild of dist/ while the suite runs
 * must not pull chunks from under the running program. A copy taken mid-build fails its check: retry.
 */
export async function prepareBuild(): Promise<{ bin: string; home: string; cleanup(): void }> {
  const { cpSync, existsSync, rmSync } = await import('node:fs');
  const home = tempDir('emsh-e2e-home-');
  if (!existsSync(join(root, 'dist', 'emsh.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  let bin = '';
  for (let attempt = 0; ; attempt++) {
    const copy = tempDir('emsh-e2e-dist-');
    cpSync(join(root, 'dist'), copy, { recursive: true });
    bin = join(copy, 'emsh.js');
    const check = spawnSync(process.execPath, [bin, '-NoProfile', '-Command', '1+1'], { encoding: 'utf8', env: { ...process.env, EMSH_HOME: home } });
    if (check.stdout === '2\n' || attempt >= 4) break;
    rmSync(copy, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 1000));
  }
  return {
    bin,
    home,
    cleanup: () => {
      rmSync(home, { recursive: true, force: true });
      rmSync(join(bin, '..'), { recursive: true, force: true });
    },
  };
}

// The real program in a real terminal: emsh runs in a detached tmux pane (120x40) and the tests
// type into it and read the screen back. Everything polls with a deadline, so a loaded machine
// makes the suite slower, not flaky.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

const root = join(__dirname, '..', '..');
const PROMPT = '[PS] C:\\Windows\\system32>';
const CHOICES = '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"):';
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('test/e2e/terminal.test.ts: tmux is not installed, the real-terminal tests are skipped (.ci/run installs it).');

/** One tmux server of our own (-L), so nothing here touches the user's tmux sessions. */
class Pane {
  private readonly socket = `emsh-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly target = 'emsh';

  constructor(command: string, env: Record<string, string>) {
    // CI variables make Ink print only final frames: a terminal user never has them set.
    const envArgs = ['-u', 'CI', '-u', 'CONTINUOUS_INTEGRATION', '-u', 'EMSH_VALIDATE_GRAMMAR', ...Object.entries(env).map(([k, v]) => `${k}=${v}`)];
    const shellLine = `env ${envArgs.map(quote).join(' ')} ${command}; echo EXITED-$?; stty -a | tr ' ' '\\n' | grep -x -- '-\\?icanon'; sleep 60`;
    this.tmux('new-session', '-d', '-s', this.target, '-x', '120', '-y', '40', 'sh', '-c', shellLine);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8', cwd: root });
  }

  /** The screen plus recent scrollback, as plain text (`escapes` keeps the colours). */
  screen(escapes = false): string {
    return this.tmux('capture-pane', '-p', '-J', ...(escapes ? ['-e'] : []), '-t', this.target, '-S', '-300');
  }

  /** The visible rows only. */
  visible(): string {
    return this.tmux('capture-pane', '-p', '-t', this.target);
  }

  /** Types text literally (no key names). */
  type(text: string): void {
    this.tmux('send-keys', '-t', this.target, '-l', text);
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

function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Lines of the screen that are an idle prompt with nothing typed. */
const promptIdle = (s: string) => s.trimEnd().split('\n').some((l) => l.trimEnd() === PROMPT);
const countOf = (s: string, sub: string) => s.split(sub).length - 1;

describe.skipIf(!hasTmux)('emsh in a real terminal (tmux)', () => {
  let home: string;
  let bin: string;
  const panes: Pane[] = [];
  const start = (env: Record<string, string> = {}, args = '') => {
    const p = new Pane(`${quote(process.execPath)} ${quote(bin)}${args ? ' ' + args : ''}`, { EMSH_HOME: home, ...env });
    panes.push(p);
    return p;
  };

  beforeAll(async () => {
    home = tempDir('emsh-e2e-home-');
    // Run a private copy of the build: a rebuild of dist/ while the suite runs must not pull
    // chunks from under the running program. A copy taken mid-build fails its check: retry.
    if (!existsSync(join(root, 'dist', 'emsh.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
    for (let attempt = 0; ; attempt++) {
      const copy = tempDir('emsh-e2e-dist-');
      cpSync(join(root, 'dist'), copy, { recursive: true });
      bin = join(copy, 'emsh.js');
      const check = spawnSync(process.execPath, [bin, '-NoProfile', '-Command', '1+1'], { encoding: 'utf8', env: { ...process.env, EMSH_HOME: home } });
      if (check.stdout === '2\n' || attempt >= 4) break;
      rmSync(copy, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 1000));
    }
  }, 60_000);
  afterAll(() => {
    for (const p of panes) p.kill();
    rmSync(home, { recursive: true, force: true });
    rmSync(join(bin, '..'), { recursive: true, force: true });
  });

  it('types, completes, recalls, confirms, cancels and exits like the Exchange Management Shell', async () => {
    const t = start();
    // The first start creates the lab (real RSA keys): allow for a slow machine.
    await t.waitFor((s) => s.includes(PROMPT) && s.includes('Machine Ex2007EE'), 'the first prompt', 20_000);

    // A command and its output.
    t.type('Get-ExchangeCertificate');
    t.press('Enter');
    await t.waitFor((s) => /Thumbprint\s+Services\s+Subject/.test(s) && s.includes('CN=Ex2007EE') && promptIdle(s), 'the certificate list');

    // Tab completes a cmdlet name, then a parameter, then an enum value (-Services).
    t.type('New-ExchangeCert');
    t.press('Tab');
    await t.waitFor(() => t.promptLine() === `${PROMPT} New-ExchangeCertificate`, 'the completed cmdlet name');
    t.type(' -Serv');
    t.press('Tab');
    await t.waitFor(() => t.promptLine() === `${PROMPT} New-ExchangeCertificate -Services`, 'the completed parameter');
    t.type(' N');
    t.press('Tab');
    await t.waitFor(() => t.promptLine() === `${PROMPT} New-ExchangeCertificate -Services None`, 'the completed value');
    t.press('Enter');
    // The key is generated (a spinner runs meanwhile), then the new certificate is listed.
    const created = await t.waitFor(
      (s) => countOf(s, 'Thumbprint') >= 2 && /[0-9A-F]{40}\s+\.{5}\s+CN=Ex2007EE/.test(s) && promptIdle(s),
      'the new certificate',
      20_000,
    );
    const thumb = /([0-9A-F]{40})\s+\.{5}\s+CN=Ex2007EE/.exec(created)![1]!;

    // Up recalls the previous line.
    t.press('Up');
    await t.waitFor(() => t.promptLine() === `${PROMPT} New-ExchangeCertificate -Services None`, 'the recalled line');
    t.press('Escape');
    await t.waitFor(() => t.promptLine() === PROMPT, 'the cleared line');

    // A confirm prompt: No keeps the certificate.
    t.type(`Remove-ExchangeCertificate -Thumbprint ${thumb}`);
    t.press('Enter');
    await t.waitFor((s) => s.includes(CHOICES), 'the confirm prompt');
    expect(t.screen()).toContain('Are you sure you want to perform this action?');
    t.type('N');
    t.press('Enter');
    await t.waitFor((s) => s.includes(`${CHOICES} N`) && promptIdle(s), 'the answer');
    t.type('Get-ExchangeCertificate');
    t.press('Enter');
    await t.waitFor((s) => countOf(s, thumb) >= 4 && promptIdle(s.slice(s.lastIndexOf(thumb))), 'the list after No');

    // Ctrl+C while typing abandons the line; the shell stays.
    t.type('Get-Date -Format');
    t.press('C-c');
    await t.waitFor((s) => s.includes(`${PROMPT} Get-Date -Format^C`) && t.promptLine() === PROMPT, 'the cancelled line');
    t.type('"still here"');
    t.press('Enter');
    await t.waitFor((s) => /^still here\s*$/m.test(s), 'a command after Ctrl+C');

    // Syntax colours (command yellow, parameter grey), and the prompt turns red on a parse error.
    t.type('Get-Date -Format )');
    await t.waitFor(() => t.promptLine() === `${PROMPT} Get-Date -Format )`, 'the typed line');
    const coloured = t.screen(true);
    expect(coloured).toMatch(/\x1b\[31m\[PS\] C:\\Windows\\system32> \x1b\[33mGet-Date/);
    expect(coloured).toMatch(/\x1b\[90m-Format/);
    t.press('C-c');
    await t.waitFor(() => t.promptLine() === PROMPT, 'the cleared line');

    // History went to the lab's file.
    const history = readFileSync(join(home, 'labs', 'default', 'history.txt'), 'utf8');
    expect(history).toContain(`Remove-ExchangeCertificate -Thumbprint ${thumb}\n`);

    // exit ends the process with its code, and the terminal is back in cooked mode.
    t.type('exit 3');
    t.press('Enter');
    const end = await t.waitFor((s) => /EXITED-\d+/.test(s) && /^-?icanon$/m.test(s), 'the exit');
    expect(end).toContain('EXITED-3');
    expect(end).toMatch(/^icanon$/m);
    t.kill();
  }, 60_000);

  it('asks for mandatory parameters, honours NO_COLOR, and restores the terminal when killed', async () => {
    const t = start({ NO_COLOR: '1' }, '-NoLogo');
    await t.waitFor((s) => s.includes(PROMPT), 'the prompt', 20_000);
    t.type('Write-Error "bad thing"; Enable-ExchangeCertificate');
    await t.waitFor((s) => s.includes('Enable-ExchangeCertificate'), 'the typed line');
    t.press('Enter');
    await t.waitFor((s) => s.includes('Supply values for the following parameters:') && /^Thumbprint: /m.test(s), 'the mandatory-parameter prompt');
    t.press('C-c');
    await t.waitFor((x) => promptIdle(x.slice(x.indexOf('Thumbprint:'))), 'the prompt after Ctrl+C');
    const s = t.screen(true);
    expect(s).toContain('bad thing');
    // No foreground/background colours anywhere (dim and inverse are not colours; 39/49 are the defaults).
    expect(s).not.toMatch(/\x1b\[[0-9;]*(3[0-8]|4[0-8]|9[0-7]|10[0-7])m/);

    // A narrower window: tables follow the new width and the prompt still works. The command is
    // typed once the shell has drawn a frame at the new width (its status line cut to 60 columns):
    // until the resize has reached it, output is still formatted for the old width.
    t.resize(60, 15);
    await t.waitFor((x) => x.split('\n').some((l) => l.startsWith('Machine ') && l.trimEnd().endsWith('…')), 'a frame at 60 columns');
    t.type('Get-ExchangeCertificate');
    t.press('Enter');
    await t.waitFor((x) => /Thumbprint\s+Services\s+Su\.\.\./.test(x) && promptIdle(x.slice(x.lastIndexOf('Su...'))), 'the table at 60 columns');

    const pid = t.programPid();
    expect(pid).toBeDefined();
    process.kill(pid!, 'SIGTERM');
    const end = await t.waitFor((x) => /EXITED-\d+/.test(x) && /^-?icanon$/m.test(x), 'the end after SIGTERM');
    expect(end).toContain('EXITED-143');
    expect(end).toMatch(/^icanon$/m);
  }, 40_000);
});

// The real program in a real terminal: emsh runs in a detached tmux pane (120x40) and the tests
// type into it and read the screen back. Everything polls with a deadline, so a loaded machine
// makes the suite slower, not flaky.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTmux, Pane, prepareBuild, PROMPT, quote } from './pane.js';

const CHOICES = '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"):';
if (!hasTmux) console.warn('test/e2e/terminal.test.ts: tmux is not installed, the real-terminal tests are skipped (.ci/run installs it).');

/** Lines of the screen that are an idle prompt with nothing typed. */
const promptIdle = (s: string) => s.trimEnd().split('\n').some((l) => l.trimEnd() === PROMPT);
const countOf = (s: string, sub: string) => s.split(sub).length - 1;

describe.skipIf(!hasTmux)('emsh in a real terminal (tmux)', () => {
  let build: Awaited<ReturnType<typeof prepareBuild>>;
  const panes: Pane[] = [];
  const start = (env: Record<string, string> = {}, args = '') => {
    const p = new Pane(`${quote(process.execPath)} ${quote(build.bin)}${args ? ' ' + args : ''}`, { EMSH_HOME: build.home, ...env });
    panes.push(p);
    return p;
  };

  beforeAll(async () => {
    build = await prepareBuild();
  }, 60_000);
  afterAll(() => {
    for (const p of panes) p.kill();
    build.cleanup();
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
    expect(coloured).toMatch(/\x1b\[31m\[PS\] C:\\Windows\\system32> \x1b\[93mGet-Date/);
    expect(coloured).toMatch(/\x1b\[90m-Format/);
    t.press('C-c');
    await t.waitFor(() => t.promptLine() === PROMPT, 'the cleared line');

    // History went to the lab's file.
    const history = readFileSync(join(build.home, 'labs', 'default', 'history.txt'), 'utf8');
    expect(history).toContain(`Remove-ExchangeCertificate -Thumbprint ${thumb}\n`);

    // exit ends the process with its code, and the terminal is back in cooked mode.
    t.type('exit 3');
    t.press('Enter');
    const end = await t.waitFor((s) => /EXITED-\d+/.test(s) && /^-?icanon$/m.test(s), 'the exit');
    expect(end).toContain('EXITED-3');
    expect(end).toMatch(/^icanon$/m);
    t.kill();
  }, 60_000);

  it('keeps lab endpoints up while the shell runs (openssl reaches them) and stops them when it exits', async () => {
    const t = start({}, '-NoLogo');
    await t.waitFor((s) => s.includes(PROMPT), 'the prompt', 20_000);
    t.type('Start-LabEndpoint Ex2007EE -Service HTTPS');
    t.press('Enter');
    const shown = await t.waitFor((s) => /^Ex2007EE\s+HTTPS\s+\d+ [0-9A-F]{40}/m.test(s) && promptIdle(s.slice(s.lastIndexOf('HTTPS'))), 'the endpoint');
    const [, port, thumbprint] = /^Ex2007EE\s+HTTPS\s+(\d+) ([0-9A-F]{40})/m.exec(shown)!;
    const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
    if (hasOpenssl) {
      const r = spawnSync('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', 'mail.proexchange.global'], { input: '', encoding: 'utf8', timeout: 10_000 });
      const pem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(r.stdout)![0];
      const fp = spawnSync('openssl', ['x509', '-noout', '-fingerprint', '-sha1'], { input: pem, encoding: 'utf8' }).stdout;
      expect(fp.split('=')[1]!.trim().replace(/:/g, '')).toBe(thumbprint);
    }
    t.type('exit');
    t.press('Enter');
    await t.waitFor((s) => /EXITED-\d+/.test(s), 'the exit');
    const refused = await new Promise<boolean>((resolve) => {
      const sock = connect({ host: '127.0.0.1', port: Number(port) });
      sock.once('connect', () => (sock.destroy(), resolve(false)));
      sock.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
    t.kill();
  }, 60_000);

  it('-Command at a terminal: Read-Host -AsSecureString and Get-Credential echo no secret, Ctrl+C cancels (issue 10)', async () => {
    const cmd = "$s = Read-Host 'PFX password' -AsSecureString; 'length ' + $s.Length; $c = Get-Credential admin; 'cred ' + $c.Password.Length";
    const t = start({}, `-NoLogo -Command ${quote(cmd)}`);
    await t.waitFor((s) => s.includes('PFX password: '), 'the secure prompt', 20_000);
    t.type('hunter22');
    await t.waitFor((s) => s.includes('PFX password: ********'), 'eight stars');
    t.press('BSpace');
    t.type('X');
    t.press('Enter');
    await t.waitFor((s) => s.includes('length 8'), 'the length of what was typed');
    await t.waitFor((s) => /Password for user admin: $/m.test(s), 'the credential prompt');
    t.type('s3cr3t!');
    t.press('Enter');
    const done = await t.waitFor((s) => /EXITED-\d+/.test(s) && /^-?icanon$/m.test(s), 'the end');
    expect(done).toContain('cred 7');
    expect(done).not.toMatch(/hunter2|s3cr3t/);
    expect(done).toContain('EXITED-0');
    expect(done).toMatch(/^icanon$/m); // the terminal is back in line mode

    const c = start({}, `-NoLogo -Command ${quote("$s = Read-Host -AsSecureString 'pw'; 'not reached'")}`);
    await c.waitFor((s) => s.includes('pw: '), 'the prompt', 20_000);
    c.type('abc');
    c.press('C-c');
    const stopped = await c.waitFor((s) => /EXITED-\d+/.test(s) && /^-?icanon$/m.test(s), 'the end after Ctrl+C');
    expect(stopped).not.toContain('not reached');
    expect(stopped).toContain('EXITED-1');
    expect(stopped).toMatch(/^icanon$/m);
  }, 60_000);

  it('never outlives its terminal: closing it ends a busy shell, UI or plain (issue 10)', async () => {
    const gone = async (pid: number) => {
      const deadline = Date.now() + 8000;
      while (Date.now() < deadline) {
        try {
          process.kill(pid, 0);
        } catch {
          return true;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      return false;
    };
    const ui = start({}, '-NoLogo');
    await ui.waitFor((s) => s.includes(PROMPT), 'the prompt', 20_000);
    ui.type('while ($true) { $i++ }');
    ui.press('Enter');
    await new Promise((r) => setTimeout(r, 300));
    const uiPid = ui.programPid()!;
    expect(uiPid).toBeDefined();
    const plain = start({}, `-NoLogo -Command ${quote("'busy'; while ($true) { $i++ }")}`);
    await plain.waitFor((s) => s.includes('busy'), 'the plain run', 20_000);
    const plainPid = plain.programPid()!;
    expect(plainPid).toBeDefined();
    ui.kill();
    plain.kill();
    expect(await gone(uiPid)).toBe(true);
    expect(await gone(plainPid)).toBe(true);
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
    await t.waitFor(() => t.visible().split('\n').some((l) => l.startsWith('Machine ') && l.trimEnd().length === 60), 'a frame at 60 columns');
    t.type('Get-ExchangeCertificate');
    t.press('Enter');
    // A label wider than its column wraps onto a second header line, as 5.1's TableWriter writes headers.
    await t.waitFor((x) => /Thumbprint\s+Services\s+Subje\n\s+ct\n/.test(x) && promptIdle(x.slice(x.lastIndexOf('Subje'))), 'the table at 60 columns');

    const pid = t.programPid();
    expect(pid).toBeDefined();
    process.kill(pid!, 'SIGTERM');
    const end = await t.waitFor((x) => /EXITED-\d+/.test(x) && /^-?icanon$/m.test(x), 'the end after SIGTERM');
    expect(end).toContain('EXITED-143');
    expect(end).toMatch(/^icanon$/m);
  }, 40_000);
});

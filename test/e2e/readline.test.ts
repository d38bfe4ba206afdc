// Issue 12 in a real terminal (tmux): the live area never replays the session (a long paste,
// a resize), F-keys type nothing, member completion, and big output streamed while it runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTmux, Pane, PROMPT, prepareBuild, quote } from './pane.js';

const idlePrompt = (s: string) => s.trimEnd().split('\n').some((l) => l.trimEnd() === PROMPT);
const countOf = (s: string, sub: string) => s.split(sub).length - 1;

describe.skipIf(!hasTmux)('the shell at PSReadLine grade, in a real terminal', () => {
  let build: Awaited<ReturnType<typeof prepareBuild>>;
  const panes: Pane[] = [];
  const start = (size?: { columns: number; rows: number }) => {
    const p = new Pane(`${quote(process.execPath)} ${quote(build.bin)} -NoLogo`, { EMSH_HOME: build.home }, size);
    panes.push(p);
    return p;
  };

  beforeAll(async () => {
    build = await prepareBuild();
  }, 120_000);
  afterAll(() => {
    for (const p of panes) p.kill();
    build.cleanup();
  });

  it('a pasted line taller than the screen keeps the live area on the screen and echoes as one line', async () => {
    const t = start({ columns: 80, rows: 20 });
    await t.waitFor((s) => s.includes(PROMPT), 'the prompt', 30_000);
    t.type('Get-Date -Format yyyy');
    t.press('Enter');
    await t.waitFor((s) => /^\d{4}\s*$/m.test(s) && idlePrompt(s), 'a first command');
    // A 6,000-character request in one bracketed paste (tmux paste-buffer -p).
    const body = 'MIIC'.padEnd(6000, 'Q');
    t.paste(`$req = '${body}'`);
    await t.waitFor(() => t.visible().includes("QQQ'"), 'the end of the pasted line');
    const visible = t.visible().split('\n');
    // The live area fits the screen: the status line is on it, and the earlier output stays above.
    expect(visible.some((l) => l.startsWith('Machine '))).toBe(true);
    expect(countOf(t.screen(), 'Get-Date -Format yyyy')).toBe(1);
    t.press('Home');
    await t.waitFor(() => t.visible().includes(`${PROMPT} $req = 'MIIC`), 'the start of the line in view');
    t.press('Enter');
    await t.waitFor((s) => idlePrompt(s.slice(s.lastIndexOf("QQQ'"))), 'the next prompt');
    // Scrollback holds the command as one logical line (wrapped by the terminal, not broken).
    const joined = t.screen(false, 2000).split('\n');
    expect(joined.filter((l) => l === `${PROMPT} $req = '${body}'`)).toHaveLength(1);
    expect(countOf(t.screen(false, 2000), 'Get-Date -Format yyyy')).toBe(1);
    t.type('$req.Length');
    t.press('Enter');
    await t.waitFor((s) => /^6000\s*$/m.test(s), 'the length');
    t.kill();
  }, 90_000);

  it('resizing reflows the prompt without ghost copies; 40 columns stay usable', async () => {
    const t = start({ columns: 100, rows: 24 });
    await t.waitFor((s) => s.includes(PROMPT), 'the prompt', 30_000);
    t.type('1..5');
    t.press('Enter');
    await t.waitFor((s) => /^5\s*$/m.test(s) && idlePrompt(s), 'the output');
    t.type('Get-ExchangeCertificate');
    await t.waitFor(() => t.promptLine() === `${PROMPT} Get-ExchangeCertificate`, 'the typed line');
    // The App's own frame for a width: the status line cut there, the prompt row complete (not
    // Ink's interim redraw of the old frame, which cuts rows with an ellipsis).
    const frameAt = (w: number) => () => {
      // Joined rows: a frame laid out for a wider screen shows as one long wrapped row here.
      const rows = t.screen().split('\n').slice(-30);
      return rows.some((l) => l.startsWith('Machine ') && l.trimEnd().length === w) && !rows.some((l) => l.includes('…'));
    };
    t.resize(60, 24);
    await t.waitFor(frameAt(60), 'the redraw at 60');
    t.resize(40, 20);
    await t.waitFor(frameAt(40), 'the redraw at 40');
    const screen = t.screen();
    // One prompt being edited (its row cut at 40 columns), one status line: no copies left behind.
    expect(screen.split('\n').filter((l) => l.startsWith(`${PROMPT} Get-Exch`))).toEqual([`${PROMPT} Get-ExchangeCe`]);
    expect(screen.split('\n').filter((l) => l.startsWith('Machine ')).length).toBe(1);
    t.press('Enter');
    await t.waitFor((s) => s.includes('Thumbprint') && idlePrompt(s.slice(s.lastIndexOf('Thumbprint'))), 'the table at 40 columns');
    t.resize(120, 30);
    t.type('"still here"');
    t.press('Enter');
    await t.waitFor((s) => /^still here\s*$/m.test(s), 'a command after the resizes');
    t.kill();
  }, 90_000);

  it('F1-F12 and unknown keys type nothing; Ctrl+Left stops at -; Alt+. inserts the last argument', async () => {
    const t = start();
    await t.waitFor((s) => s.includes(PROMPT), 'the prompt', 30_000);
    t.press('F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F9', 'F10', 'F11', 'F12', 'IC', 'PPage', 'NPage');
    t.type('x');
    await t.waitFor(() => t.promptLine() === `${PROMPT} x`, 'only x');
    t.press('BSpace');
    t.type('Get-Date -Format yyyy');
    t.press('C-Left', 'C-Left', 'C-Left');
    t.type('X');
    // yyyy, Format, Date: `-` splits words as in Windows mode.
    await t.waitFor(() => t.promptLine() === `${PROMPT} Get-XDate -Format yyyy`, 'Ctrl+Left stopping after the dash');
    t.press('Escape');
    // Keys after Escape wait for it to land: ESC and a key in one read are Alt+key, as in any terminal.
    await t.waitFor(() => t.promptLine() === PROMPT, 'the cleared line');
    t.type('Write-Output "last arg"');
    t.press('Enter');
    await t.waitFor((s) => /^last arg\s*$/m.test(s) && idlePrompt(s.slice(s.lastIndexOf('last arg'))), 'the command');
    t.type('Write-Host ');
    t.press('M-.');
    await t.waitFor(() => t.promptLine() === `${PROMPT} Write-Host "last arg"`, 'Alt+. yanking it');
    t.kill();
  }, 60_000);

  it('completes members: $c.Th<Tab>, (Get-Date).AddD<Tab>, $env:Comp<Tab>', async () => {
    const t = start();
    await t.waitFor((s) => s.includes(PROMPT), 'the prompt', 30_000);
    t.type('$c = Get-ExchangeCertificate | Select-Object -First 1');
    t.press('Enter');
    await t.waitFor((s) => idlePrompt(s.slice(s.lastIndexOf('-First 1'))), 'the assignment');
    t.type('$c.Th');
    t.press('Tab');
    await t.waitFor(() => t.promptLine() === `${PROMPT} $c.Thumbprint`, '$c.Thumbprint');
    t.press('Enter');
    await t.waitFor((s) => /^[0-9A-F]{40}\s*$/m.test(s), 'the thumbprint');
    t.type('(Get-Date).AddD');
    t.press('Tab');
    await t.waitFor(() => t.promptLine() === `${PROMPT} (Get-Date).AddDays(`, 'AddDays(');
    t.press('Escape');
    await t.waitFor(() => t.promptLine() === PROMPT, 'the cleared line');
    t.type('$env:COMP');
    t.press('Tab');
    await t.waitFor(() => t.promptLine() === `${PROMPT} $env:COMPUTERNAME`, '$env:COMPUTERNAME');
    t.kill();
  }, 60_000);

  it('streams 100,000 lines while the command runs, and the prompt comes back', async () => {
    const t = start();
    await t.waitFor((s) => s.includes(PROMPT), 'the prompt', 30_000);
    t.type('1..100000 | ForEach-Object { $_ }');
    t.press('Enter');
    // Output lines and the running command's spinner on the screen at once: streamed, not held.
    await t.waitFor(() => {
      const v = t.visible();
      return /^\d+\s*$/m.test(v) && v.includes('Ctrl+C stops');
    }, 'output while the command runs', 60_000);
    await t.waitFor((s) => /^100000\s*$/m.test(s) && idlePrompt(s.slice(s.lastIndexOf('100000'))), 'the last line and the prompt', 120_000);
    t.kill();
  }, 180_000);
});

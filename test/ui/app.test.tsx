// Component tests of the shell UI on a fake terminal (test/ui/harness.tsx): typing, Enter,
// history, completion, questions from the host, Ctrl+C, typeahead, paste, menus and searches.
// Every wait is for a frame or a call, never for a fixed time.
import { describe, expect, it } from 'vitest';
import { History } from '../../src/ui/history.js';
import { ReadLineSettings } from '../../src/protocol/readline.js';
import type { CompletionSource } from '../../src/ui/completion.js';
import type { CmdletDeclaration } from '../../src/protocol/cmdlet.js';
import { mount, PROMPT } from './harness.js';

const newCert: CmdletDeclaration = {
  name: 'New-ExchangeCertificate',
  synopsis: 'Creates a certificate.',
  description: '',
  examples: [],
  parameters: {
    Services: { type: 'Enum', enum: { typeName: 'AllowedServices', values: ['None', 'IMAP', 'POP', 'UM', 'IIS', 'SMTP'], flags: true } },
    SubjectName: { type: 'String' },
  },
};

const completion: CompletionSource = {
  commands: () => [
    { name: 'New-ExchangeCertificate', commandType: 'Cmdlet', definition: '', module: '', declaration: newCert },
    { name: 'Get-ChildItem', commandType: 'Cmdlet', definition: '', module: '' },
    { name: 'Get-Command', commandType: 'Cmdlet', definition: '', module: '' },
    { name: 'Get-Date', commandType: 'Cmdlet', definition: '', module: '' },
  ],
  variables: () => [],
  thumbprints: () => [],
  machines: () => [],
  paths: () => [],
};

const withHistory = (...lines: string[]) => {
  const h = new History();
  for (const l of lines) h.add(l);
  return h;
};

describe('the shell UI', () => {
  it('shows the EMS prompt and the machine, runs a line and streams its output above the prompt', async () => {
    const app = mount({
      run: async (text, host) => {
        host.writeLine(`ran ${text}`);
        return { ok: true };
      },
    });
    await app.ready();
    expect(app.frame()).toContain('Machine EX2007EE');
    app.type('Get-Date', '\r');
    await app.waitFor(() => app.scrollback().includes('ran Get-Date') && app.promptLine() === PROMPT, 'the output');
    expect(app.calls).toEqual(['Get-Date']);
    expect(app.scrollback()).toContain(`${PROMPT} Get-Date\nran Get-Date\n`);
  });

  it('echoes a long input as one unbroken line (the terminal wraps it, copying it back works)', async () => {
    const app = mount({ columns: 40 });
    await app.ready();
    const long = `$x = '${'A'.repeat(200)}'`;
    app.type(`\x1b[200~${long}\x1b[201~`);
    await app.waitFor(() => app.frame().includes("AAAA'"), 'the pasted line');
    // Live: hard rows of the terminal's width, never more rows than the screen.
    expect(app.frame().split('\n').every((r) => r.length <= 40)).toBe(true);
    app.type('\r');
    await app.waitFor(() => app.calls.length === 1, 'the run');
    expect(app.scrollback()).toContain(`${PROMPT} ${long}\n`);
  });

  it('a command line taller than the terminal scrolls within the editor: the frame stays within the screen', async () => {
    const app = mount({ columns: 50, rows: 12 });
    await app.ready();
    app.type(`\x1b[200~${'x'.repeat(10_000)}\x1b[201~`);
    await app.waitFor(() => app.frame().includes('xxxx'), 'the long line');
    const rows = app.frame().split('\n');
    expect(rows.length).toBeLessThanOrEqual(11);
    expect(rows.at(-1)).toContain('Machine');
    // Home scrolls the window to the prompt.
    app.type('\x1b[H');
    await app.waitFor(() => app.frame().includes(PROMPT), 'the start of the input');
    expect(app.frame().split('\n').length).toBeLessThanOrEqual(11);
  });

  it('continues an incomplete line with >> and runs it when complete', async () => {
    const app = mount();
    await app.ready();
    app.type('if ($true) {', '\r');
    await app.waitFor(() => /^>>/m.test(app.frame()), 'the continuation');
    expect(app.calls).toEqual([]);
    app.type("'yes' }", '\r');
    await app.waitFor(() => app.calls.length === 1, 'the run');
    expect(app.calls).toEqual(["if ($true) {\n'yes' }"]);
  });

  it('Tab cycles candidates; typing more starts a new completion (-Services <Tab>)', async () => {
    const app = mount({ completion });
    await app.ready();
    const expectLine = (l: string) => app.waitFor(() => app.promptLine() === `${PROMPT} ${l}`, l);
    app.type('New-ExchangeCertificate -Serv', '\t');
    await expectLine('New-ExchangeCertificate -Services');
    app.type(' ', '\t');
    await expectLine('New-ExchangeCertificate -Services None');
    app.type('\t');
    await expectLine('New-ExchangeCertificate -Services IMAP');
    app.type('\x1b[Z');
    await expectLine('New-ExchangeCertificate -Services None');
    app.type(',I', '\t');
    await expectLine('New-ExchangeCertificate -Services None,IMAP');
  });

  it('keys typed while a command runs are kept and replayed at the next prompt', async () => {
    let release!: () => void;
    const app = mount({ run: (text) => (text === 'slow' ? new Promise((r) => (release = () => r({ ok: true }))) : Promise.resolve({ ok: true })) });
    await app.ready();
    app.type('slow', '\r');
    await app.waitFor(() => app.frame().includes('Ctrl+C stops'), 'the spinner');
    app.type('Get-Date', '\r', 'dir');
    expect(app.calls).toEqual(['slow']);
    release();
    await app.waitFor(() => app.calls.length === 2 && app.promptLine() === `${PROMPT} dir`, 'the replayed keys');
    expect(app.calls).toEqual(['slow', 'Get-Date']);
  });

  it('several lines in one chunk run one by one; a bracketed paste is one multi-line input', async () => {
    const app = mount();
    await app.ready();
    app.type('Get-Date\rGet-ChildItem\r');
    await app.waitFor(() => app.calls.length === 2, 'two runs');
    expect(app.calls).toEqual(['Get-Date', 'Get-ChildItem']);
    app.type('\x1b[200~', 'Get-Date\r', 'Get-ChildItem', '\x1b[201~');
    await app.waitFor(() => app.frame().includes(`${PROMPT} Get-Date\n>> Get-ChildItem`), 'the pasted block');
    expect(app.calls).toHaveLength(2);
    app.type('\r');
    await app.waitFor(() => app.calls.length === 3, 'the block run');
    expect(app.calls[2]).toBe('Get-Date\nGet-ChildItem');
  });

  it('keeps blank output lines in scrollback', async () => {
    const app = mount({
      run: async (_t, host) => {
        for (const l of ['', 'Thumbprint', '', '']) host.writeLine(l);
        return { ok: true };
      },
    });
    await app.ready();
    app.type('x', '\r');
    await app.waitFor(() => app.scrollback().includes('Thumbprint\n\n\n'), 'the output');
    expect(app.scrollback()).toContain(`${PROMPT} x\n\nThumbprint\n\n\n`);
  });

  it('Ctrl+L and Clear-Host clear the terminal once each', async () => {
    const app = mount({ run: async (text, host) => (text === 'cls' && host.clear(), { ok: true }) });
    await app.ready();
    app.type('\x0c');
    await app.waitFor(() => app.cleared() === 1, 'the first clear');
    app.type('cls', '\r');
    await app.waitFor(() => app.cleared() === 2 && app.promptLine() === PROMPT, 'the second clear');
  });

  it('asks a confirm question and passes the answer back', async () => {
    let answer = -2;
    const app = mount({
      run: async (_t, host) => {
        answer = await host.promptForChoice('Confirm', 'Are you sure you want to perform this action?', [
          { label: '&Yes', help: 'Continue' },
          { label: '&No', help: 'Stop' },
        ], 0);
        return { ok: true };
      },
    });
    await app.ready();
    app.type('Remove-Item x', '\r');
    await app.waitFor(() => app.frame().includes('[Y] Yes  [N] No  [?] Help (default is "Y"):'), 'the question');
    app.type('n', '\r');
    await app.waitFor(() => answer === 1, 'the answer');
  });

  it('Read-Host edits its answer like the prompt (arrows, Home, Ctrl+Backspace) and masks secure input', async () => {
    const got: unknown[] = [];
    const app = mount({
      run: async (_t, host) => {
        got.push(await host.readLine('Name: '));
        got.push(await host.readLine('Password: ', true));
        return { ok: true };
      },
    });
    await app.ready();
    app.type('Read-Host', '\r');
    await app.waitFor(() => app.frame().includes('Name:'), 'the first question');
    app.type('world', '\x1b[H', 'hello ', '\x1b[F', '!!', '\x7f');
    await app.waitFor(() => app.frame().includes('Name: hello world!'), 'the edited answer');
    app.type('\r');
    await app.waitFor(() => app.frame().includes('Password:'), 'the second question');
    app.type('Secr3t');
    await app.waitFor(() => app.frame().includes('Password: ******'), 'the mask');
    expect(app.screen()).not.toContain('Secr3t');
    app.type('\r');
    await app.waitFor(() => got.length === 2, 'both answers');
    expect(got[0]).toBe('hello world!');
    expect(String(got[1])).toBe('System.Security.SecureString');
  });

  it('Ctrl+C stops a running command, abandons a typed line with ^C, and never exits', async () => {
    let release!: () => void;
    const app = mount({ run: () => new Promise((r) => (release = () => r({ ok: true }))) });
    await app.ready();
    app.type('slow', '\r');
    await app.waitFor(() => app.frame().includes('Ctrl+C stops'), 'the spinner');
    app.type('\x03');
    expect(app.stopped()).toBe(1);
    release();
    await app.waitFor(() => app.promptLine() === PROMPT, 'the prompt');
    app.type('half typed', '\x03');
    await app.waitFor(() => app.scrollback().includes('half typed^C') && app.promptLine() === PROMPT, 'the abandoned line');
    expect(app.exitCode()).toBeUndefined();
  });

  it('exit ends the UI with the exit code', async () => {
    const app = mount({ run: async () => ({ ok: true, exitCode: 3 }) });
    await app.ready();
    app.type('exit 3', '\r');
    await app.waitFor(() => app.exitCode() === 3, 'the exit');
  });

  it('Ctrl+R searches history backwards, Ctrl+S forwards, failed- shows, Ctrl+G restores the line', async () => {
    const app = mount({ history: withHistory('Get-ExchangeCertificate | fl', 'Get-Date', 'Get-ExchangeServer | fl') });
    await app.ready();
    app.type('draft', '\x12', 'fl');
    await app.waitFor(() => app.frame().includes('bck-i-search: fl'), 'the search');
    expect(app.promptLine()).toBe(`${PROMPT} Get-ExchangeServer | fl`);
    app.type('\x12');
    await app.waitFor(() => app.promptLine() === `${PROMPT} Get-ExchangeCertificate | fl`, 'the older match');
    app.type('\x13');
    await app.waitFor(() => app.frame().includes('fwd-i-search: fl') && app.promptLine() === `${PROMPT} Get-ExchangeServer | fl`, 'the newer match');
    app.type('zz');
    await app.waitFor(() => app.frame().includes('failed-fwd-i-search: flzz'), 'the failed search');
    app.type('\x07');
    await app.waitFor(() => !app.frame().includes('i-search') && app.promptLine() === `${PROMPT} draft`, 'the restored line');
  });

  it('F8 recalls by prefix; → and End accept the grey suggestion, Ctrl+→ its next word', async () => {
    const app = mount({ history: withHistory('Get-ExchangeCertificate | fl', 'Get-Date', 'New-ExchangeCertificate -Services None') });
    await app.ready();
    app.type('Get-E', '\x1b[19~');
    await app.waitFor(() => app.promptLine() === `${PROMPT} Get-ExchangeCertificate | fl`, 'F8');
    app.type('\x1b', 'New');
    // The suggestion is shown after the cursor but is not part of the line.
    await app.waitFor(() => app.promptLine() === `${PROMPT} New-ExchangeCertificate -Services None`, 'the suggestion');
    app.type('\r');
    await app.waitFor(() => app.calls.at(-1) === 'New', 'the run without it');
    app.type('New', '\x1b[1;5C');
    await app.waitFor(() => app.router().editor.text === 'New-', 'the next word');
    app.type('\x1b[F', '\r');
    await app.waitFor(() => app.calls.at(-1) === 'New-ExchangeCertificate -Services None', 'End accepting it');
    app.type('New', '\x1b[C', '\r');
    await app.waitFor(() => app.calls.length === 3, '→ accepting it');
    expect(app.calls.at(-1)).toBe('New-ExchangeCertificate -Services None');
  });

  it('Ctrl+Space opens a menu; typing filters it; arrows move the selection into the line; Enter keeps it', async () => {
    const app = mount({ completion });
    await app.ready();
    app.type('Get-', '\x00');
    await app.waitFor(() => app.frame().includes('1 of 3'), 'the menu');
    expect(app.frame()).toContain('Get-ChildItem');
    expect(app.frame()).toContain('Get-Command');
    app.type('\x1b[B');
    await app.waitFor(() => app.promptLine() === `${PROMPT} Get-Command` && app.frame().includes('2 of 3'), 'the second item');
    app.type('D');
    await app.waitFor(() => app.frame().includes('1 of 1') && app.promptLine() === `${PROMPT} Get-Date`, 'the filtered menu');
    app.type('\r');
    await app.waitFor(() => !app.frame().includes('1 of 1'), 'the closed menu');
    expect(app.calls).toEqual([]);
    expect(app.promptLine()).toBe(`${PROMPT} Get-Date`);
  });

  it('Up and Down move within a multi-line input before recalling history', async () => {
    const app = mount({ history: withHistory('Get-Date') });
    await app.ready();
    app.type('if ($true) {', '\r', '1', '\x1b[A', '\x1b[F', 'X');
    await app.waitFor(() => app.frame().includes(`${PROMPT} if ($true) {X`), 'the edit on the first line');
    expect(app.calls).toEqual([]);
  });

  it('F-keys and unknown sequences never type text; Alt+. inserts the last argument; Ctrl+] jumps to the brace', async () => {
    const app = mount({ history: withHistory('Get-ExchangeCertificate -Thumbprint ABCDEF') });
    await app.ready();
    app.type('\x1bOP\x1bOQ\x1bOR\x1bOS\x1b[15~\x1b[99~', 'x');
    await app.waitFor(() => app.promptLine() === `${PROMPT} x`, 'only x');
    app.type('\x7f', 'Enable-ExchangeCertificate ', '\x1b.');
    await app.waitFor(() => app.promptLine() === `${PROMPT} Enable-ExchangeCertificate ABCDEF`, 'the last argument');
    app.type('\x1b', '{ (1) }', '\x1d');
    await app.waitFor(() => app.router().editor.cursor === 0, 'the brace');
  });

  it('Shift+arrows select, Ctrl+x cuts, Ctrl+v pastes; Ctrl+a selects all', async () => {
    const app = mount();
    await app.ready();
    app.type('Get-Date -Format o', '\x1b[1;6D');
    await app.waitFor(() => app.router().editor.anchor === 18, 'the selection');
    app.type('\x18');
    await app.waitFor(() => app.router().editor.text === 'Get-Date -Format ', 'the cut');
    app.type('\x1b[H', '\x16', ' ');
    await app.waitFor(() => app.router().editor.text === 'o Get-Date -Format ', 'the paste');
    app.type('\x01', 'dir');
    await app.waitFor(() => app.promptLine() === `${PROMPT} dir`, 'typing over the whole selection');
  });

  it('Alt+? tells what the next key does; ShowKeyBindings lists the table in scrollback', async () => {
    const app = mount();
    await app.ready();
    app.type('\x1b?', '\x1b[1;5C');
    await app.waitFor(() => app.frame().includes('Ctrl+RightArrow: NextWord - Move the cursor to the start of the next word'), 'the description');
    app.type('\x1b?', '\x1b[24~');
    await app.waitFor(() => app.frame().includes('F12: Key is unbound'), 'an unbound key');
    app.router().run('ShowKeyBindings');
    await app.waitFor(() => app.scrollback().includes('Cursor movement functions\n========================='), 'the table');
    expect(app.scrollback()).toMatch(/Ctrl\+r\s+ReverseSearchHistory\s+Search history backward incrementally\./);
  });

  it('Set-PSReadLineKeyHandler and -EditMode Emacs change what the keys do', async () => {
    const settings = new ReadLineSettings();
    const app = mount({ settings });
    await app.ready();
    settings.setEditMode('Emacs');
    app.type('Get-Date', '\x01', 'x');
    await app.waitFor(() => app.promptLine() === `${PROMPT} xGet-Date`, 'Ctrl+a as BeginningOfLine');
    app.type('\x0b');
    await app.waitFor(() => app.promptLine() === `${PROMPT} x`, 'Ctrl+k killing the line');
    app.type('\x19');
    await app.waitFor(() => app.promptLine() === `${PROMPT} xGet-Date`, 'Ctrl+y yanking it back');
    settings.setEditMode('Windows');
    settings.setKeyHandler('F5', 'BeginningOfLine');
    app.type('\x1b[15~', '$');
    await app.waitFor(() => app.promptLine() === `${PROMPT} $xGet-Date`, 'F5 bound to BeginningOfLine');
  });

  it('Write-Progress draws a progress block above the prompt while the command runs', async () => {
    let release!: () => void;
    const app = mount({
      run: (_t, host) =>
        new Promise((r) => {
          host.progress?.('Copying files', 'file 3 of 4', 75);
          release = () => {
            host.progress?.(undefined);
            r({ ok: true });
          };
        }),
    });
    await app.ready();
    app.type('copy', '\r');
    await app.waitFor(() => app.frame().includes('Copying files') && app.frame().includes('file 3 of 4') && app.frame().includes('[ooo'), 'the progress block');
    release();
    await app.waitFor(() => !app.frame().includes('Copying files') && app.promptLine() === PROMPT, 'the prompt without it');
  });

  it('a failure while drawing becomes an error line and the prompt works again', async () => {
    class FailingOnce extends History {
      failed = false;
      override suggest(typed: string): string | undefined {
        if (typed === 'boom' && !this.failed) {
          this.failed = true;
          throw new Error('suggestion exploded');
        }
        return super.suggest(typed);
      }
    }
    const app = mount({ history: new FailingOnce() });
    await app.ready();
    // A throwing suggestion is contained: the line still edits.
    app.type('boom');
    await app.waitFor(() => app.promptLine() === `${PROMPT} boom`, 'the line');
  });
});

describe('the shell UI on the real engine', () => {
  it('[S] Suspend opens a nested prompt (>>); exit there returns to the question', async () => {
    const { composeSession, openLab } = await import('../../src/compose.js');
    const { fixtureKeySource } = await import('../helpers/keys.js');
    const { tempHome } = await import('../helpers/run.js');
    const lab = await openLab({ home: tempHome(), lab: 'default', keys: fixtureKeySource() });
    const app = mount({ session: (host) => composeSession({ host, lab }) });
    await app.ready();
    app.type("Set-Content C:\\x.txt 1; Remove-Item C:\\x.txt -Confirm", '\r');
    await app.waitFor(() => app.frame().includes('[S] Suspend'), 'the confirm question');
    app.type('S', '\r');
    await app.waitFor(() => app.promptLine().startsWith(`${PROMPT}>>`), 'the nested prompt');
    app.type('"level $NestedPromptLevel"', '\r');
    await app.waitFor(() => app.scrollback().includes('level 1\n'), 'a command at the nested prompt');
    app.type('exit', '\r');
    await app.waitFor(() => app.frame().includes('[S] Suspend'), 'the question again');
    app.type('Y', '\r');
    await app.waitFor(() => app.promptLine() === PROMPT, 'the prompt');
    app.type('Test-Path C:\\x.txt', '\r');
    await app.waitFor(() => app.scrollback().includes('False\n'), 'the file removed');
    expect(app.exitCode()).toBeUndefined();
    await lab.close();
  }, 30_000);
});

describe('Write-Progress on the real engine', () => {
  it('draws 5.1\'s progress pane above the live area: nested activities, -Completed removing one, gone when the line ends', async () => {
    const { composeSession, openLab } = await import('../../src/compose.js');
    const { fixtureKeySource } = await import('../helpers/keys.js');
    const { tempHome } = await import('../helpers/run.js');
    const lab = await openLab({ home: tempHome(), lab: 'default', keys: fixtureKeySource() });
    const app = mount({ session: (host) => composeSession({ host, lab }), columns: 60 });
    await app.ready();
    app.type(
      "Write-Progress -Id 1 -Activity 'Renewing' -Status 'EX01 of 3' -PercentComplete 50; Write-Progress -Id 2 -ParentId 1 -Activity 'Importing' -Status 'pfx' -CurrentOperation 'a.pfx'; $a = Read-Host 'first'; Write-Progress -Id 2 -Activity 'Importing' -Completed; $b = Read-Host 'second'; 'done'",
      '\r',
    );
    await app.waitFor(() => app.frame().includes('first'), 'the first question');
    const lines = app.frame().split('\n');
    const top = lines.findIndex((l) => l.startsWith(' Renewing'));
    expect(top).toBeGreaterThan(0);
    expect(lines[top - 1]!.trim()).toBe('');
    expect(lines[top + 1]!.trimEnd()).toBe('    EX01 of 3');
    expect(lines[top + 2]).toMatch(/^ {4}\[o+ +\]/);
    expect(lines[top + 3]!.trimEnd()).toBe('   Importing');
    expect(lines[top + 6]!.trimEnd()).toBe('      a.pfx');
    app.type('x', '\r');
    await app.waitFor(() => app.frame().includes('second') && !app.frame().includes('Importing'), 'the child removed by -Completed');
    expect(app.frame()).toContain(' Renewing');
    app.type('y', '\r');
    await app.waitFor(() => app.scrollback().includes('done\n') && app.promptLine() === PROMPT, 'the line done');
    expect(app.frame()).not.toContain('Renewing');
    // $ProgressPreference = 'SilentlyContinue' shows nothing.
    app.type("$ProgressPreference = 'SilentlyContinue'; Write-Progress -Activity 'Hidden'; $c = Read-Host 'third'", '\r');
    await app.waitFor(() => app.frame().includes('third'), 'the third question');
    expect(app.frame()).not.toContain('Hidden');
    app.type('z', '\r');
    await app.waitFor(() => app.promptLine() === PROMPT, 'the prompt');
    await lab.close();
  }, 30_000);
});

describe('the pager', () => {
  const realSession = async () => {
    const { composeSession, openLab } = await import('../../src/compose.js');
    const { fixtureKeySource } = await import('../helpers/keys.js');
    const { tempHome } = await import('../helpers/run.js');
    const lab = await openLab({ home: tempHome(), lab: 'default', keys: fixtureKeySource() });
    return { lab, session: (host: import('../../src/ui/ink-host.js').InkHost) => composeSession({ host, lab }) };
  };
  const PAGER = '<SPACE> next page; <CR> next line; Q quit';

  it('Out-Host -Paging shows a screenful, then Space a page, Enter a line, Q stops', async () => {
    const { lab, session } = await realSession();
    const app = mount({ session, rows: 12 });
    await app.ready();
    app.type('1..100 | Out-Host -Paging', '\r');
    await app.waitFor(() => app.frame().includes(PAGER), 'the first page');
    expect(app.scrollback()).toMatch(/\n10\n$/);
    app.type(' ');
    await app.waitFor(() => app.scrollback().endsWith('\n20\n') && app.frame().includes(PAGER), 'the next page');
    app.type('\r');
    await app.waitFor(() => app.scrollback().endsWith('\n21\n'), 'one more line');
    app.type('q');
    await app.waitFor(() => app.promptLine() === PROMPT, 'the prompt after Q');
    expect(app.scrollback()).not.toContain('\n22\n');
    await lab.close();
  }, 30_000);

  it('more and help page too', async () => {
    const { lab, session } = await realSession();
    const app = mount({ session, rows: 10 });
    await app.ready();
    app.type('help New-ExchangeCertificate', '\r');
    await app.waitFor(() => app.frame().includes(PAGER), 'help paging');
    app.type('q');
    await app.waitFor(() => app.promptLine() === PROMPT, 'the prompt');
    app.type('1..30 | more', '\r');
    await app.waitFor(() => app.frame().includes(PAGER), 'more paging');
    app.type('\x03');
    await app.waitFor(() => app.promptLine() === PROMPT, 'Ctrl+C ending it');
    await lab.close();
  }, 30_000);
});

describe('the live area boundary', () => {
  it('a throwing child of the live area becomes an error line and is drawn again', async () => {
    const React = await import('react');
    const { render } = await import('ink-testing-library');
    const { Text } = await import('ink');
    const { LiveBoundary } = await import('../../src/ui/App.js');
    const { UiStore } = await import('../../src/ui/ui-store.js');
    let broken = true;
    const Exploding = () => {
      if (broken) throw new Error('the renderer broke');
      return React.createElement(Text, null, 'prompt is back');
    };
    const store = new UiStore({ machine: 'EX2007EE', lab: 'default' });
    let out = '';
    store.attachTerminal((t) => (out += t), false);
    let resets = 0;
    const onError = () => {
      resets++;
      broken = false;
    };
    const r = render(React.createElement(LiveBoundary, { store, onError, children: React.createElement(Exploding) }));
    const deadline = Date.now() + 5000;
    while (!(r.lastFrame() ?? '').includes('prompt is back') && Date.now() < deadline) await new Promise((res) => setImmediate(res));
    store.flush();
    expect(out).toBe('emsh: the prompt failed to draw: the renderer broke\n');
    expect(resets).toBe(1);
    expect(r.lastFrame()).toContain('prompt is back');
  });
});

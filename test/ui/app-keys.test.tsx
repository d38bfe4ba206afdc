// Component tests of the prompt's key handling found broken in a real terminal: completion
// cycles, typeahead, bracketed paste, blank lines, clearing, history search, suggestions, the
// completion menu, and a drawing failure that must leave a working prompt.
import React from 'react';
import { render } from 'ink-testing-library';
import { Text } from 'ink';
import { describe, expect, it } from 'vitest';
import { App, LiveBoundary, type ShellSession } from '../../src/ui/App.js';
import { History } from '../../src/ui/history.js';
import { InkHost } from '../../src/ui/ink-host.js';
import { UiStore } from '../../src/ui/ui-store.js';
import type { CompletionSource } from '../../src/ui/completion.js';
import type { CmdletDeclaration } from '../../src/protocol/cmdlet.js';

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));
const PROMPT = '[PS] C:\\Windows\\system32>';

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

function setup(opts: { run?: (text: string, host: InkHost) => Promise<{ ok: boolean; exitCode?: number }>; history?: History } = {}) {
  const store = new UiStore({ machine: 'EX2007EE', lab: 'default' });
  const host = new InkHost(store, () => 100);
  const calls: string[] = [];
  let cleared = 0;
  const session: ShellSession = {
    execute: async (text) => {
      calls.push(text);
      return opts.run ? opts.run(text, host) : { ok: true };
    },
    stop: () => {},
    promptText: () => PROMPT,
    services: { machine: 'EX2007EE' },
  };
  const history = opts.history ?? new History();
  const r = render(
    <App store={store} session={session} history={history} completion={completion} onExit={() => {}} clearScreen={() => cleared++} color={false} />,
  );
  return { ...r, calls, store, host, history, cleared: () => cleared };
}

async function type(stdin: { write(s: string): void }, ...chunks: string[]) {
  for (const c of chunks) {
    stdin.write(c);
    await tick();
  }
}

/** The prompt line of the last frame, without the cursor block's trailing space. */
const promptLine = (frame: string | undefined) =>
  (frame ?? '').split('\n').filter((l) => l.startsWith(PROMPT)).pop()?.trimEnd() ?? '';

describe('prompt keys', () => {
  it('Tab after typing more completes the new word, not the previous cycle (-Services <Tab>)', async () => {
    const app = setup();
    await tick();
    await type(app.stdin, 'New-ExchangeCertificate -Serv', '\t');
    expect(promptLine(app.lastFrame())).toBe(`${PROMPT} New-ExchangeCertificate -Services`);
    await type(app.stdin, ' ', '\t');
    expect(promptLine(app.lastFrame())).toBe(`${PROMPT} New-ExchangeCertificate -Services None`);
    await type(app.stdin, '\t');
    expect(promptLine(app.lastFrame())).toBe(`${PROMPT} New-ExchangeCertificate -Services IMAP`);
    await type(app.stdin, '\x1b[Z');
    expect(promptLine(app.lastFrame())).toBe(`${PROMPT} New-ExchangeCertificate -Services None`);
    await type(app.stdin, ',I', '\t');
    expect(promptLine(app.lastFrame())).toBe(`${PROMPT} New-ExchangeCertificate -Services None,IMAP`);
  });

  it('keys typed while a command runs are kept and replayed at the next prompt', async () => {
    let release!: () => void;
    const app = setup({ run: (text) => (text === 'slow' ? new Promise((r) => (release = () => r({ ok: true }))) : Promise.resolve({ ok: true })) });
    await tick();
    await type(app.stdin, 'slow', '\r');
    await type(app.stdin, 'Get-Date', '\r', 'dir');
    expect(app.calls).toEqual(['slow']);
    release();
    await tick(50);
    expect(app.calls).toEqual(['slow', 'Get-Date']);
    expect(promptLine(app.lastFrame())).toBe(`${PROMPT} dir`);
  });

  it('several lines in one chunk run one by one; a bracketed paste is one multi-line input', async () => {
    const app = setup();
    await tick();
    await type(app.stdin, 'Get-Date\rGet-ChildItem\r');
    await tick(50);
    expect(app.calls).toEqual(['Get-Date', 'Get-ChildItem']);
    // Ink hands the paste markers over as separate chunks.
    await type(app.stdin, '\x1b[200~', 'Get-Date\r', 'Get-ChildItem', '\x1b[201~');
    expect(app.calls).toHaveLength(2);
    expect(app.lastFrame()).toContain(`${PROMPT} Get-Date\n>> Get-ChildItem`);
    await type(app.stdin, '\r');
    await tick(30);
    expect(app.calls[2]).toBe('Get-Date\nGet-ChildItem');
  });

  it('keeps blank output lines in scrollback', async () => {
    const app = setup({
      run: async (_t, host) => {
        host.writeLine('');
        host.writeLine('Thumbprint');
        host.writeLine('');
        host.writeLine('');
        return { ok: true };
      },
    });
    await tick();
    await type(app.stdin, 'x', '\r');
    await tick(50);
    const all = app.frames.join('');
    expect(all).toContain(`${PROMPT} x\n\nThumbprint\n\n\n${PROMPT}`);
  });

  it('Ctrl+L and Clear-Host empty the scrollback and clear the terminal once each', async () => {
    const app = setup({
      run: async (text, host) => {
        if (text === 'cls') host.clear();
        return { ok: true };
      },
    });
    await tick();
    await type(app.stdin, 'Get-Date', '\r');
    await tick(30);
    expect(app.store.getState().lines.length).toBe(1);
    await type(app.stdin, '\x0c');
    expect(app.cleared()).toBe(1);
    expect(app.store.getState().lines).toEqual([]);
    await type(app.stdin, 'cls', '\r');
    await tick(30);
    expect(app.cleared()).toBe(2);
    expect(promptLine(app.lastFrame())).toBe(PROMPT);
  });

  it('Ctrl+R searches history backwards, shows failed-, and Escape restores the line', async () => {
    const history = new History();
    history.add('Get-ExchangeCertificate | fl');
    history.add('Get-Date');
    const app = setup({ history });
    await tick();
    await type(app.stdin, 'draft', '\x12', 'fl');
    expect(app.lastFrame()).toContain('bck-i-search: fl');
    expect(promptLine(app.lastFrame())).toBe(`${PROMPT} Get-ExchangeCertificate | fl`);
    await type(app.stdin, 'zz');
    expect(app.lastFrame()).toContain('failed-bck-i-search: flzz');
    await type(app.stdin, '\x1b');
    await tick(30);
    expect(app.lastFrame()).not.toContain('bck-i-search');
    expect(promptLine(app.lastFrame())).toBe(`${PROMPT} draft`);
  });

  it('F8 recalls by prefix; → accepts the grey suggestion from history', async () => {
    const history = new History();
    history.add('Get-ExchangeCertificate | fl');
    history.add('Get-Date');
    history.add('New-ExchangeCertificate -Services None');
    const app = setup({ history });
    await tick();
    await type(app.stdin, 'Get-E', '\x1b[19~');
    expect(promptLine(app.lastFrame())).toBe(`${PROMPT} Get-ExchangeCertificate | fl`);
    await type(app.stdin, '\x1b', 'New');
    // The suggestion is shown after the cursor...
    expect(promptLine(app.lastFrame())).toBe(`${PROMPT} New-ExchangeCertificate -Services None`);
    await type(app.stdin, '\r');
    await tick(30);
    // ...but not part of the line until → accepts it.
    expect(app.calls.at(-1)).toBe('New');
    await type(app.stdin, 'New', '\x1b[C', '\r');
    await tick(30);
    expect(app.calls.at(-1)).toBe('New-ExchangeCertificate -Services None');
  });

  it('Ctrl+Space opens a menu; arrows move the selection into the line; Enter keeps it', async () => {
    const app = setup();
    await tick();
    await type(app.stdin, 'Get-', '\x00');
    const frame = app.lastFrame()!;
    expect(frame).toContain('Get-ChildItem');
    expect(frame).toContain('Get-Command');
    expect(frame).toContain('1 of 3');
    await type(app.stdin, '\x1b[B');
    expect(promptLine(app.lastFrame())).toBe(`${PROMPT} Get-Command`);
    expect(app.lastFrame()).toContain('2 of 3');
    await type(app.stdin, '\r');
    expect(app.lastFrame()).not.toContain('2 of 3');
    expect(app.calls).toEqual([]);
    expect(promptLine(app.lastFrame())).toBe(`${PROMPT} Get-Command`);
  });

  it('Up and Down move within a multi-line input before recalling history', async () => {
    const history = new History();
    history.add('Get-Date');
    const app = setup({ history });
    await type(app.stdin, 'if ($true) {', '\r', '1', '\x1b[A', '\x1b[F', 'X');
    expect(app.lastFrame()).toContain(`${PROMPT} if ($true) {X`);
    expect(app.calls).toEqual([]);
  });

  it('a failure while drawing the prompt becomes an error line and the prompt works again', async () => {
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
    const app = setup({ history: new FailingOnce() });
    await tick();
    // A throwing suggestion is contained by safeSuggest: the line still edits.
    await type(app.stdin, 'boom');
    expect(promptLine(app.lastFrame())).toBe(`${PROMPT} boom`);
    // A throwing child of the live area: the boundary reports it and draws the prompt again.
    // Broken until the boundary's reset runs (the App resets the line being edited there).
    let broken = true;
    const Exploding = () => {
      if (broken) throw new Error('the renderer broke');
      return <Text>prompt is back</Text>;
    };
    const store2 = new UiStore({ machine: 'EX2007EE', lab: 'default' });
    let resets = 0;
    const r2 = render(
      <LiveBoundary store={store2} onError={() => { resets++; broken = false; }}>
        <Exploding />
      </LiveBoundary>,
    );
    await tick(50);
    store2.flush();
    expect(store2.getState().lines.map((l) => l.segments.map((s) => s.text).join(''))).toEqual(['emsh: the prompt failed to draw: the renderer broke']);
    expect(store2.getState().lines[0]!.segments[0]!.kind).toBe('error');
    expect(resets).toBe(1);
    expect(r2.lastFrame()).toContain('prompt is back');
  });
});

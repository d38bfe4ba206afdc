// Component tests of the shell UI with a fake session: typing, Enter, history, completion,
// the confirm prompt, masked input and Ctrl+C.
import React from 'react';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { App, type ShellSession } from '../../src/ui/App.js';
import { History } from '../../src/ui/history.js';
import { InkHost } from '../../src/ui/ink-host.js';
import { UiStore } from '../../src/ui/ui-store.js';
import type { CompletionSource } from '../../src/ui/completion.js';

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

function setup(run: (text: string, host: InkHost) => Promise<{ ok: boolean; exitCode?: number }>) {
  const store = new UiStore({ machine: 'EX2007EE', lab: 'default' });
  const host = new InkHost(store, () => 100);
  const calls: string[] = [];
  let stopped = 0;
  const session: ShellSession = {
    execute: async (text) => {
      calls.push(text);
      return run(text, host);
    },
    stop: () => {
      stopped++;
    },
    promptText: () => '[PS] C:\\Windows\\system32>',
    services: { machine: 'EX2007EE' },
  };
  const completion: CompletionSource = {
    commands: () => [
      { name: 'Get-ChildItem', commandType: 'Cmdlet', definition: '', module: '' },
      { name: 'Get-Command', commandType: 'Cmdlet', definition: '', module: '' },
    ],
    variables: () => [],
    thumbprints: () => [],
    machines: () => [],
    paths: () => [],
  };
  const history = new History();
  let exitCode: number | undefined;
  const r = render(
    <App store={store} session={session} history={history} completion={completion} onExit={(c) => (exitCode = c)} clearScreen={() => {}} color={false} />,
  );
  return { ...r, calls, history, store, stopped: () => stopped, exitCode: () => exitCode };
}

async function type(stdin: { write(s: string): void }, ...chunks: string[]) {
  for (const c of chunks) {
    stdin.write(c);
    await tick();
  }
}

describe('the shell UI', () => {
  it('shows the EMS prompt and the machine, runs a line and keeps its output in scrollback', async () => {
    const app = setup(async (text, host) => {
      host.writeLine(`ran ${text}`);
      return { ok: true };
    });
    await tick();
    expect(app.lastFrame()).toContain('[PS] C:\\Windows\\system32>');
    expect(app.lastFrame()).toContain('Machine EX2007EE');
    await type(app.stdin, 'Get-Date', '\r');
    await tick(50);
    expect(app.calls).toEqual(['Get-Date']);
    const frame = app.frames.join('\n');
    expect(frame).toContain('[PS] C:\\Windows\\system32> Get-Date');
    expect(frame).toContain('ran Get-Date');
  });

  it('continues an incomplete line with >> and runs it when complete', async () => {
    const app = setup(async () => ({ ok: true }));
    await tick();
    await type(app.stdin, 'if ($true) {', '\r');
    expect(app.lastFrame()).toMatch(/^>>/m);
    expect(app.calls).toEqual([]);
    await type(app.stdin, "'yes' }", '\r');
    await tick(30);
    expect(app.calls).toEqual(["if ($true) {\n'yes' }"]);
  });

  it('recalls history with Up and completes with Tab', async () => {
    const app = setup(async () => ({ ok: true }));
    await tick();
    await type(app.stdin, 'dir', '\r');
    await tick(30);
    await type(app.stdin, '\x1b[A');
    expect(app.lastFrame()).toContain('> dir');
    await type(app.stdin, '\x1b', 'Get-C', '\t');
    expect(app.lastFrame()).toContain('Get-ChildItem');
    await type(app.stdin, '\t');
    expect(app.lastFrame()).toContain('Get-Command');
  });

  it('asks a confirm question and passes the answer back', async () => {
    let answer = -2;
    const app = setup(async (_t, host) => {
      answer = await host.promptForChoice('Confirm', 'Are you sure you want to perform this action?', [
        { label: '&Yes', help: 'Continue' },
        { label: '&No', help: 'Stop' },
      ], 0);
      return { ok: true };
    });
    await tick();
    await type(app.stdin, 'Remove-Item x', '\r');
    await tick(30);
    expect(app.lastFrame()).toContain('[Y] Yes  [N] No  [?] Help (default is "Y"):');
    await type(app.stdin, 'n', '\r');
    await tick(30);
    expect(answer).toBe(1);
  });

  it('masks secure input', async () => {
    let got: unknown;
    const app = setup(async (_t, host) => {
      got = await host.readLine('Password: ', true);
      return { ok: true };
    });
    await tick();
    await type(app.stdin, 'Read-Host -AsSecureString', '\r');
    await tick(30);
    await type(app.stdin, 'Secr3t');
    expect(app.lastFrame()).toContain('Password: ******');
    expect(app.lastFrame()).not.toContain('Secr3t');
    await type(app.stdin, '\r');
    await tick(30);
    expect(String(got)).toBe('System.Security.SecureString');
  });

  it('Ctrl+C stops a running command, clears a typed line, and never exits', async () => {
    let release!: () => void;
    const app = setup(() => new Promise((r) => (release = () => r({ ok: true }))));
    await tick();
    await type(app.stdin, 'slow', '\r');
    await tick(30);
    expect(app.lastFrame()).toContain('Ctrl+C stops');
    await type(app.stdin, '\x03');
    expect(app.stopped()).toBe(1);
    release();
    await tick(30);
    await type(app.stdin, 'half typed', '\x03');
    expect(app.lastFrame()).not.toContain('half typed\n');
    expect(app.frames.join('\n')).toContain('half typed^C');
    expect(app.exitCode()).toBeUndefined();
  });

  it('exit ends the UI with the exit code', async () => {
    const app = setup(async () => ({ ok: true, exitCode: 3 }));
    await tick();
    await type(app.stdin, 'exit 3', '\r');
    await tick(30);
    expect(app.exitCode()).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { testShell } from './helpers.js';

describe('Session', () => {
  it('execute prints output through the renderer and reports ok', async () => {
    const sh = testShell();
    const r = await sh.session.execute("'a'; 1 + 1");
    expect(r).toEqual({ ok: true, exitCode: undefined });
    expect(sh.host.text('output')).toBe('a\n2');
  });

  it('exit N ends the run with that exit code and sets $LASTEXITCODE', async () => {
    const sh = testShell();
    const r = await sh.session.execute("'before'; exit 7; 'after'");
    expect(r.exitCode).toBe(7);
    expect(sh.host.text('output')).toBe('before');
    expect((await sh.eval('$LASTEXITCODE')).output).toEqual([7]);
  });

  it('exit converts its value to Int32 as PowerShell does (issue 10)', async () => {
    const sh = testShell();
    expect((await sh.session.execute('exit 3.5')).exitCode).toBe(4);
    expect((await sh.session.execute('exit 2.5')).exitCode).toBe(2);
    expect((await sh.session.execute("exit '7'")).exitCode).toBe(7);
    expect((await sh.session.execute('exit 256')).exitCode).toBe(256);
    expect((await sh.session.execute('exit -1')).exitCode).toBe(-1);
    for (const bad of ['exit 1e10', "exit 'abc'"]) {
      const r = await sh.session.execute(bad);
      expect(r.ok).toBe(false);
      expect(r.exitCode).toBeUndefined();
    }
    expect(sh.host.text('error')).toContain('Cannot convert value "10000000000" to type "System.Int32"');
  });

  it('exit inside a function ends the script too', async () => {
    const sh = testShell();
    const r = await sh.session.execute("function f { exit 3 }; f; 'never'");
    expect(r.exitCode).toBe(3);
    expect(sh.host.text('output')).toBe('');
  });

  it('a script-terminating error makes ok false', async () => {
    const sh = testShell();
    const r = await sh.session.execute("throw 'x'");
    expect(r.ok).toBe(false);
    expect(sh.host.text('error')).toContain('x');
  });

  it('-File runs bind raw arguments to param()', async () => {
    const sh = testShell();
    const script = "param([string]$Name = 'World', [int]$Count = 1)\nfor ($i = 1; $i -le $Count; $i++) { \"Hello, $Name! ($i of $Count)\" }";
    await sh.session.execute(script, { file: 'C:\\scripts\\hello.ps1', args: ['-Name', 'Admin', '-Count', '2'] });
    expect(sh.host.text('output')).toBe('Hello, Admin! (1 of 2)\nHello, Admin! (2 of 2)');
    sh.host.lines.length = 0;
    await sh.session.execute(script, { file: 'C:\\scripts\\hello.ps1', args: ['Trainer'] });
    expect(sh.host.text('output')).toBe('Hello, Trainer! (1 of 1)');
  });

  it('a script scope per -File run: its variables do not leak', async () => {
    const sh = testShell();
    await sh.session.execute('$inScript = 1; $PSCommandPath', { file: 'C:\\scripts\\s.ps1' });
    expect(sh.host.text('output')).toBe('C:\\scripts\\s.ps1');
    expect((await sh.eval('$null -eq $inScript')).output).toEqual([true]);
  });

  it('promptText: PS default and the EMS prefix', async () => {
    expect(testShell().session.promptText()).toBe('PS C:\\Windows\\system32>');
    const ems = testShell({ extra: { promptPrefix: '[PS] ' } });
    expect(ems.session.promptText()).toBe('[PS] C:\\Windows\\system32>');
  });

  it('setLocation checks the directory exists', () => {
    const sh = testShell();
    expect(() => sh.session.services.setLocation('C:\\nope')).toThrow("Cannot find path 'C:\\nope' because it does not exist.");
    sh.session.services.setLocation('..');
    expect(sh.session.services.getLocation()).toBe('C:\\Windows');
  });

  it('history entries with status and lab-clock times', async () => {
    const sh = testShell();
    await sh.session.execute("'x'", { history: true });
    await sh.session.execute("throw 'y'", { history: true });
    const h = sh.session.services.history();
    expect(h.map((e) => [e.id, e.commandLine, e.executionStatus])).toEqual([
      [1, "'x'", 'Completed'],
      [2, "throw 'y'", 'Failed'],
    ]);
    expect(h[0]!.startExecutionTime).toEqual(new Date(2026, 10, 26, 9, 30, 0));
  });

  it('onStatementComplete runs after each top-level statement', async () => {
    const sh = testShell();
    let n = 0;
    sh.session.onStatementComplete = () => {
      n++;
    };
    await sh.session.execute("$a = 1; 'b'; function f {}");
    expect(n).toBe(3);
  });

  it('commandNames lists cmdlets, aliases and functions', async () => {
    const sh = testShell();
    await sh.session.execute('function Get-Mine {}');
    const names = sh.session.commandNames();
    expect(names).toContain('Trace-Stage');
    expect(names).toContain('Get-Mine');
  });

  it('stop() aborts a running pipeline quietly', async () => {
    const sh = testShell();
    const p = sh.session.execute('while ($true) { Emit-Numbers 1 | Trace-Stage x }');
    setTimeout(() => sh.session.stop(), 30);
    const r = await p;
    expect(r.ok).toBe(false);
    expect(sh.host.text('error')).toBe('');
  });

  it('side streams: warnings, verbose (only with -Verbose), host', async () => {
    const sh = testShell();
    await sh.session.execute('Write-Stuff');
    expect(sh.host.lines.map((l) => [l.kind, l.text])).toEqual([
      ['output', 'out'],
      ['warning', 'WARNING: careful'],
      ['host', 'to host'],
    ]);
    sh.host.lines.length = 0;
    await sh.session.execute('Write-Stuff -Verbose -WarningAction SilentlyContinue');
    expect(sh.host.lines.map((l) => l.text)).toEqual(['out', 'VERBOSE: details', 'to host']);
  });
});

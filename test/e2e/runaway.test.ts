// Issue 10, item 6: runaway work is stoppable and bounded, in the real program. Regular
// expressions stop at Ctrl+C (SIGINT) at once; memory-hungry pipelines stop with
// InsufficientMemoryException before V8 would abort the process (the heap is made small here
// so that happens in seconds); a reader that goes away ends the run quietly.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempHome } from '../helpers/run.js';

const bin = join(__dirname, '..', '..', 'dist', 'emsh.js');
let home: string;

beforeAll(() => {
  home = tempHome();
  // Create the lab once (real keys): the runs below then start at once.
  spawnSync(process.execPath, [bin, '-NoProfile', '-Command', '1'], { env: { ...process.env, EMSH_HOME: home } });
}, 60_000);

function run(args: string[], nodeArgs: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, bin, '-NoProfile', ...args], { encoding: 'utf8', env: { ...process.env, EMSH_HOME: home }, timeout: 120_000 });
  return { code: r.status, signal: r.signal, out: r.stdout + r.stderr };
}

describe('runaway work in the real program', () => {
  it('Ctrl+C (SIGINT) stops a catastrophic regular expression at once', async () => {
    const child = spawn(process.execPath, [bin, '-NoProfile', '-Command', "'start'; ('a' * 60) -match '^(a+)+b$'; 'after'"], {
      env: { ...process.env, EMSH_HOME: home },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const ended = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    while (!out.includes('start')) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200)); // well inside the match
    child.kill('SIGINT');
    await ended;
    // Stopped by Ctrl+C, not by the 2-second time limit (which would print its error and go on).
    expect(out).not.toContain('after');
    expect(out).not.toContain('RegexMatchTimeoutException');
  }, 30_000);

  for (const [what, command] of [
    ['1..1e7 | Sort-Object', '1..1e7 | Sort-Object | Select-Object -Last 1'],
    ['ConvertTo-Json of 5e7 items', '$null = 1..5e7 | ConvertTo-Json'],
    ["'x' * 4e8", "$s = 'x' * 4e8"],
  ]) {
    it(`${what} stops with InsufficientMemoryException, the process does not abort`, () => {
      const r = run(['-Command', `${command}; 'the next statement runs'`], ['--max-old-space-size=128']);
      expect(r.signal).toBeNull();
      expect(r.out).toContain('Insufficient memory to continue the execution of the program.');
      expect(r.out).toContain('FullyQualifiedErrorId : InsufficientMemoryException');
      // A statement-terminating error, as in PowerShell: the memory is given back and the script goes on.
      expect(r.out).toContain('the next statement runs');
      expect(r.code).toBe(0);
    }, 120_000);
  }

  it('a reader that goes away (`| head -2`) ends the run, without a stack trace', () => {
    const r = spawnSync('sh', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} -NoProfile -Command '1..1e9 | % { $_ }' | head -2`], {
      encoding: 'utf8',
      env: { ...process.env, EMSH_HOME: home },
      timeout: 30_000,
    });
    expect(r.status).toBe(0); // head's
    expect(r.stdout).toBe('1\n2\n');
    expect(r.stderr).toBe('');
  }, 30_000);
});

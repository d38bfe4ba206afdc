// The real program, as a user runs it without a terminal: exit codes, -File binding, stdin,
// plain output, and no Ink on this path.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../helpers/run.js';

const root = join(__dirname, '..', '..');
const bin = join(root, 'dist', 'emsh.js');

function emsh(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, EMSH_HOME: tempHome(), FORCE_COLOR: '0' },
    timeout: 30_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('emsh as a command', () => {
  it('-Command prints the value and exits 0', () => {
    const r = emsh(['-NoProfile', '-Command', '1+1']);
    expect(r.out).toBe('2\n');
    expect(r.code).toBe(0);
  });

  it('exit N sets the exit code', () => {
    expect(emsh(['-Command', 'exit 7']).code).toBe(7);
  });

  it('a terminating error exits 1, and prints no escape codes', () => {
    const r = emsh(['-Command', "throw 'boom'"]);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toContain('boom');
    expect(r.out + r.err).not.toMatch(/\x1b\[/);
  });

  it('-File binds arguments to the script param() by name and by position', () => {
    const script = join(root, 'fixtures', 'scripts', 'hello.ps1');
    expect(emsh(['-File', script, '-Name', 'Admin', '-Count', '2']).out).toBe('Hello, Admin! (1 of 2)\nHello, Admin! (2 of 2)\n');
    expect(emsh(['-File', script, 'Trainer']).out).toBe('Hello, Trainer! (1 of 1)\n');
  });

  it('a missing -File script is reported', () => {
    const r = emsh(['-File', 'no-such-script.ps1']);
    expect(r.code).not.toBe(0);
    expect(r.out + r.err).toContain('no-such-script.ps1');
  });

  it('runs commands piped on stdin, continuing incomplete lines', () => {
    const r = emsh(['-NonInteractive'], "$x = 20\nif ($x -gt 10) {\n  'big'\n}\n$x + 1\n");
    expect(r.out).toBe('big\n21\n');
    expect(r.code).toBe(0);
  });

  it('-NonInteractive refuses to prompt', () => {
    const r = emsh(['-NonInteractive', '-Command', 'Read-Host "Name"']);
    expect(r.out + r.err).toContain('NonInteractive mode');
  });

  it('the non-interactive entry does not load Ink statically', () => {
    const meta = JSON.parse(readFileSync(join(root, 'dist', 'meta.json'), 'utf8')) as {
      outputs: Record<string, { imports: { path: string; kind: string }[]; inputs: Record<string, unknown> }>;
    };
    const seen = new Set<string>();
    const inputs: string[] = [];
    const walk = (out: string) => {
      if (seen.has(out)) return;
      seen.add(out);
      const o = meta.outputs[out];
      if (!o) return;
      inputs.push(...Object.keys(o.inputs));
      for (const imp of o.imports) if (imp.kind === 'import-statement') walk(imp.path);
    };
    walk('dist/emsh.js');
    expect(inputs.some((i) => i.includes('node_modules/chevrotain'))).toBe(true);
    expect(inputs.filter((i) => i.includes('node_modules/ink/') || i.includes('node_modules/react/'))).toEqual([]);
  });
});

// The real program, as a user runs it without a terminal: exit codes, -File binding, stdin,
// plain output, and no Ink on this path.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../helpers/run.js';
import { parseScript } from '../../grammar/index.js';

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

  it('exit 256 does not end as success on POSIX: a nonzero code that would lose all its bits is 255', () => {
    expect(emsh(['-Command', 'exit 256']).code).toBe(255);
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

  it('the scripted path holds no Ink: Ink and React are only in dist/ui-libraries.mjs, which the launcher imports when the UI starts', () => {
    const meta = JSON.parse(readFileSync(join(root, 'dist', 'meta.json'), 'utf8')) as {
      outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, unknown> }>;
    };
    const cli = meta.outputs['dist/emsh-cli.js']!;
    const inputs = Object.keys(cli.inputs);
    expect(inputs.some((i) => i.includes('node_modules/chevrotain'))).toBe(true);
    expect(inputs.filter((i) => i.includes('node_modules/ink/') || i.includes('node_modules/react/') || i.includes('node_modules/yoga-layout/'))).toEqual([]);
    // Nothing is loaded from elsewhere at run time but Node's own modules and the UI's libraries.
    const uiLibraries = ['ink', 'react', 'react/jsx-runtime'];
    expect(cli.imports.filter((i) => !uiLibraries.includes(i.path) && (!/^(node:)?[a-z0-9_/]+$/.test(i.path) || /^(ink|react)/.test(i.path)))).toEqual([]);
    const libraries = Object.keys(meta.outputs['dist/ui-libraries.mjs']!.inputs);
    // Besides the libraries: their entry, and what the build gives Ink (docs/ARCHITECTURE.md, Start-up).
    expect(libraries.filter((i) => !i.includes('node_modules/') && !i.startsWith('dist/')).sort()).toEqual([
      'src/protocol/text-width.ts',
      'src/ui/ink-ansi-tokenize.ts',
      'src/ui/ink-text-width.ts',
      'src/ui/lazy-child-process.ts',
      'src/ui/libraries.ts',
    ]);
    expect(libraries.filter((i) => i.includes('node_modules/string-width/'))).toEqual([]);
    for (const lib of ['ink', 'react', 'yoga-layout']) expect(libraries.some((i) => i.includes(`node_modules/${lib}/`))).toBe(true);
    // The launcher itself is only src/launcher.ts.
    expect(Object.keys(meta.outputs['dist/emsh.js']!.inputs)).toEqual(['src/launcher.ts']);
  });

  it('the bundled parser (grammar analysis precomputed by the build) parses exactly like the sources', async () => {
    const bundled = (await import(join(root, 'dist', 'bench-lib.mjs'))) as { parseScript: typeof parseScript };
    const scripts = ['fixtures/scripts', 'test/transcripts'].flatMap((d) =>
      readdirSync(join(root, d))
        .filter((f) => f.endsWith('.ps1'))
        .map((f) => readFileSync(join(root, d, f), 'utf8')),
    );
    const all = scripts.join('\n');
    // Whole scripts, each line, and many truncations (incomplete input and parse errors).
    const texts = [...scripts, ...all.split('\n')];
    for (let i = 0; i < all.length; i += 7) texts.push(all.slice(Math.max(0, i - 200), i));
    for (const text of texts) expect(bundled.parseScript(text)).toEqual(parseScript(text));
  });

  it('keeps working when its code cache is corrupt', () => {
    const cache = join(root, 'dist', '.cache', 'emsh-cli.v8');
    const saved = existsSync(cache) ? readFileSync(cache) : undefined;
    try {
      // Damage inside V8's data (its header intact): V8 alone would accept it and abort.
      if (saved) {
        const damaged = Buffer.from(saved);
        for (let i = 0; i < 64; i++) damaged[Math.floor(saved.length / 2) + i]! ^= 0xff;
        writeFileSync(cache, damaged);
      }
      const r = emsh(['-NoProfile', '-Command', '1+1']);
      expect(r.out).toBe('2\n');
      expect(r.code).toBe(0);
    } finally {
      if (saved) writeFileSync(cache, saved);
    }
  });
});

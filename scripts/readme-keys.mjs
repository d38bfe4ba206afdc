// `npm run docs:keys`: writes the key-binding table of README.md (between its key-bindings markers)
// from the one key-binding table in src/protocol/readline.ts. test/ui/readme-keys.test.ts fails when
// README and the table differ.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'emsh-keys-'));
try {
  const out = join(dir, 'readline.mjs');
  await build({ entryPoints: ['src/protocol/readline.ts'], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
  const { keyBindingsMarkdown } = await import(pathToFileURL(out).href);
  const readme = readFileSync('README.md', 'utf8');
  const start = '<!-- key-bindings:start -->\n';
  const end = '<!-- key-bindings:end -->';
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) throw new Error('README.md has no key-bindings markers');
  writeFileSync('README.md', readme.slice(0, a + start.length) + keyBindingsMarkdown() + readme.slice(b));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

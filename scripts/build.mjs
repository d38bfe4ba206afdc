// Bundles the shell into dist/: one ESM file per entry, no TypeScript loader at run time.
// Why bundle: unbundled chevrotain/ink cost ~0.5 s each in module loading (performance-notes.md).
import { build } from 'esbuild';
import { mkdirSync, writeFileSync, chmodSync, existsSync, rmSync } from 'node:fs';

// Chunk names carry content hashes: start from an empty folder so old chunks do not pile up.
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
// react-devtools-core is an optional import of Ink; an empty stub keeps the bundle loadable.
writeFileSync('dist/.devtools-stub.js', 'export default {};\n');
const banner = [
  "import { createRequire as __emshCreateRequire } from 'node:module';",
  'const require = __emshCreateRequire(import.meta.url);',
].join('\n');

const result = await build({
  entryPoints: {
    emsh: 'src/cli.ts',
    'bench-lib': 'test/bench/lib.ts',
    ...(existsSync('grammar/diagrams.ts') ? { diagrams: 'grammar/diagrams.ts' } : {}),
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  alias: { 'react-devtools-core': './dist/.devtools-stub.js' },
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: { js: banner },
  outExtension: { '.js': '.js' },
  metafile: true,
});
chmodSync('dist/emsh.js', 0o755);
// Kept for the test that proves the non-interactive path never loads Ink.
writeFileSync('dist/meta.json', JSON.stringify(result.metafile));

// Bundles the shell into dist/, no TypeScript loader at run time.
// Why bundle: unbundled chevrotain/ink cost ~0.5 s each in module loading (docs/ARCHITECTURE.md, Start-up).
//
// What it makes:
// - dist/emsh.js: the launcher (src/launcher.ts, CommonJS). It runs dist/emsh-cli.js through
//   V8's code cache; see that file for why.
// - dist/emsh-cli.js: src/cli.ts and everything the shell needs, the interactive UI's code
//   included, as one CommonJS function expression (read by the launcher, not require()d).
// - dist/ui-libraries.mjs: Ink, React and Yoga (src/ui/libraries.ts), one ES module file (Ink and
//   Yoga are ES modules with top-level await, which a CommonJS bundle cannot hold): the
//   launcher imports it when the UI starts and gives it to the bundle's require.
// - dist/bench-lib.mjs (+ dist/chunks/*.mjs) for `npm run bench` and dist/torture-lib.mjs for
//   `npm run torture`: an ES module build.
// - dist/diagrams.js: `npm run grammar:diagrams`.
// - dist/package.json: makes dist/*.js CommonJS (the root package is "type": "module"); ES
//   module outputs are .mjs.
// - dist/meta.json: the esbuild metafiles, for the test that keeps Ink off the scripted path.
// - dist/.cache/: the launcher's code cache, primed by running `1+1`.
import { build, transform } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';

// Chunk names carry content hashes: start from an empty folder so old chunks do not pile up.
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
writeFileSync('dist/package.json', JSON.stringify({ type: 'commonjs' }) + '\n');
// react-devtools-core is an optional import of Ink; an empty stub keeps the bundle loadable.
writeFileSync('dist/.devtools-stub.mjs', 'export default {};\n');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  metafile: true,
};

// 1. The grammar's lookahead paths, computed with Chevrotain's public getLookaheadPaths from
// grammar/parser.ts and bundled as the JSON string __EMSH_GRAMMAR__ (see precomputeGrammar there):
// the parser then builds each lookahead function it uses from them instead of analysing the whole
// grammar at start-up. Generated on every build, so it always matches the grammar.
{
  const out = 'dist/.grammar-precompute.mjs';
  await build({
    ...common,
    stdin: { contents: "export { precomputeGrammar } from './grammar/parser.ts';", resolveDir: '.', loader: 'ts', sourcefile: 'precompute.ts' },
    outfile: out,
    format: 'esm',
    sourcemap: false,
    metafile: false,
  });
  const { precomputeGrammar } = await import(pathToFileURL(out).href);
  common.define.__EMSH_GRAMMAR__ = JSON.stringify(JSON.stringify(precomputeGrammar()));
  rmSync(out);
}

// 2. The ES module builds: the UI's libraries, and the bench and torture libraries.
// forge, react and signal-exit are CommonJS: they need a require.
const requireBanner = { js: "import { createRequire as __emshCreateRequire } from 'node:module';\nconst require = __emshCreateRequire(import.meta.url);" };
// What the shell changes in Ink's bundle (the same in every build that holds Ink, so the bench
// measures what ships):
// - Ink measures text with the shell's width rule (src/ui/ink-text-width.ts), not string-width;
// - Ink tokenizes its frames with a faster tokenize (src/ui/ink-ansi-tokenize.ts);
// - Ink imports its React DevTools bridge only when DEV=true; bundled, it would bring the `ws`
//   WebSocket library along (~130 KB that every interactive start-up would compile);
// - node:child_process, which only terminal-size imports (for piped output), loads on first use.
const TOKENIZER = resolvePath('src/ui/ink-ansi-tokenize.ts');
const inkSubstitutes = {
  alias: { 'react-devtools-core': './dist/.devtools-stub.mjs', 'string-width': './src/ui/ink-text-width.ts' },
  plugins: [
    {
      name: 'ink-substitutes',
      setup: (b) => {
        b.onResolve({ filter: /^\.\/devtools\.js$/ }, (a) => (/[\\/]ink[\\/]/.test(a.importer) ? { path: resolvePath('dist/.devtools-stub.mjs') } : undefined));
        // The substitute itself imports the package.
        b.onResolve({ filter: /^@alcalzone\/ansi-tokenize$/ }, (a) => (a.importer === TOKENIZER ? undefined : { path: TOKENIZER }));
        b.onResolve({ filter: /^node:child_process$/ }, (a) => (/[\\/]terminal-size[\\/]/.test(a.importer) ? { path: resolvePath('src/ui/lazy-child-process.ts') } : undefined));
      },
    },
  ],
};
const uiLibraries = await build({
  ...common,
  ...inkSubstitutes,
  entryPoints: { 'ui-libraries': 'src/ui/libraries.ts' },
  outdir: 'dist',
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  banner: requireBanner,
});
const esm = await build({
  ...common,
  entryPoints: { 'bench-lib': 'test/bench/lib.ts', 'torture-lib': 'test/torture/lib.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  ...inkSubstitutes,
  banner: requireBanner,
});

// 3. The scripted build. The wrapper has the parameters of Node's CommonJS wrapper; "use strict"
// keeps the ES module semantics the sources were written for (and that the ESM build has).
// Without a bundler split, the lazy `import()` of the PKI code (src/pki/load.ts) becomes a
// lazily run function in this same file: node-forge is still only evaluated when needed.
const cli = await build({
  ...common,
  entryPoints: { 'emsh-cli': 'src/cli.ts' },
  outdir: 'dist',
  format: 'cjs',
  // The UI's libraries: the launcher's require gives the bundle those of dist/ui-libraries.mjs.
  external: ['ink', 'react', 'react/jsx-runtime'],
  // vm.Script code cannot import() in Node 20 (no module loader without
  // --experimental-vm-modules): esbuild turns `await import('node:x')` into a require.
  supported: { 'dynamic-import': false },
  banner: { js: '(function (exports, require, module, __filename, __dirname) {"use strict";' },
  footer: { js: '})' },
});
// None may be left (see `supported` above).
const dynamic = Object.values(cli.metafile.outputs).flatMap((o) => o.imports).filter((i) => i.kind === 'dynamic-import');
if (dynamic.length) throw new Error(`dist/emsh-cli.js must not import() at run time: ${dynamic.map((i) => i.path).join(', ')}`);
// The launcher decodes an ASCII script as Latin-1: faster than UTF-8, and V8 keeps a one-byte
// string (half the memory). esbuild escapes non-ASCII characters in strings but keeps those of
// comments: replace them, if minifying (which drops comments) shows the program unchanged.
{
  const text = readFileSync('dist/emsh-cli.js', 'utf8');
  if (/[^\x00-\x7f]/.test(text)) {
    const ascii = text.replace(/[^\x00-\x7f]/g, '?'); // UTF-16 units one for one: the source map holds
    const program = (code) => transform(code, { minifyWhitespace: true, charset: 'utf8' }).then((r) => r.code, () => undefined);
    if ((await program(text)) === (await program(ascii))) writeFileSync('dist/emsh-cli.js', ascii);
    else console.warn('build: dist/emsh-cli.js has non-ASCII characters outside comments (it starts a little slower)');
  }
}
const cliHash = createHash('sha256').update(readFileSync('dist/emsh-cli.js')).digest('hex').slice(0, 16);

// 4. The launcher, and the diagrams tool.
const launcher = await build({
  ...common,
  entryPoints: { emsh: 'src/launcher.ts' },
  outdir: 'dist',
  format: 'cjs',
  define: { ...common.define, __EMSH_CLI_HASH__: JSON.stringify(cliHash) },
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync('dist/emsh.js', 0o755);
const diagrams = existsSync('grammar/diagrams.ts') ? await build({ ...common, entryPoints: { diagrams: 'grammar/diagrams.ts' }, outdir: 'dist', format: 'cjs' }) : undefined;

// Kept for the test that proves the non-interactive path never loads Ink.
const outputs = {};
for (const r of [uiLibraries, esm, cli, launcher, diagrams]) if (r) Object.assign(outputs, r.metafile.outputs);
writeFileSync('dist/meta.json', JSON.stringify({ outputs }));

// 5. Prime the code cache. The data holds the functions that the priming run compiled: run once
// to create a lab (that generates keys: PKI code), drop that data, and prime with a run on the
// existing lab, like most runs. A failure here is reported but does not fail the build: the
// tests say what is wrong.
{
  const home = mkdtempSync(join(tmpdir(), 'emsh-build-'));
  const run = () => spawnSync(process.execPath, ['dist/emsh.js', '-NoProfile', '-Command', '1+1'], { env: { ...process.env, EMSH_HOME: home }, encoding: 'utf8' });
  let r = run();
  rmSync('dist/.cache', { recursive: true, force: true });
  if (r.status === 0) r = run();
  rmSync(home, { recursive: true, force: true });
  if (r.status !== 0 || r.stdout !== '2\n') console.warn(`build: dist/emsh.js -Command 1+1 failed (${r.status}): ${r.stdout}${r.stderr}`);
}

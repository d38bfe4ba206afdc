// `npm pack` / `npm publish` ship the built dist/ (see "files" in package.json), so the package
// needs no build step when it is installed. Its package.json must not carry `prepare` (the
// repository's build on `npm install`): npm 11 counts a tarball's `prepare` as an install script,
// warns about it on every local or global install, and running it there would fail (the build's
// sources are not in the package). So: `prepack` writes package.json without it, keeping the
// original beside it, and `postpack` puts the original back. A pack that failed half-way leaves
// the original behind: the next run restores it first.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const manifest = 'package.json';
const kept = 'package.json.packing';
const mode = process.argv[2];

function restore() {
  if (existsSync(kept)) renameSync(kept, manifest);
}

if (mode === 'strip') {
  restore();
  const text = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  delete pkg.scripts.prepare;
  writeFileSync(kept, text);
  writeFileSync(manifest, JSON.stringify(pkg, null, 2) + '\n');
} else if (mode === 'restore') {
  restore();
} else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}

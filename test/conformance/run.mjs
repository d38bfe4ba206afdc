#!/usr/bin/env node
// `npm run conformance`: measures emsh against PowerShell's own Pester tests that are valid in
// Windows PowerShell 5.1 (test/powershell/Language/Operators, Language/Scripting and
// Modules/Microsoft.PowerShell.Utility of the PowerShell repository). The test files are not part
// of this repository: EMSH_PS_TESTS names a folder holding them (see usage()). Cases and files
// judged not valid in 5.1 are listed, with the reason, in test/conformance/not-5.1.json.
//
//   EMSH_PS_TESTS=<dir> node test/conformance/run.mjs [name-filter ...]
//
// Each file runs in a fresh session (harness.ts) inside a worker process; a case that has not
// ended after EMSH_CONFORMANCE_TIMEOUT seconds (default 10) is counted as failed, its worker
// stopped and the file run again without it. Prints per file passed/failed/excluded, the overall
// figure and the failures grouped by cause; the same summary goes to <tmp>/emsh-conformance-summary.txt
// and every case's result to <tmp>/emsh-conformance-results.json.
import { build } from 'esbuild';
import { fork } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const FOLDERS = ['Language/Operators', 'Language/Scripting', 'Modules/Microsoft.PowerShell.Utility'];
const caseTimeoutMs = Number(process.env.EMSH_CONFORMANCE_TIMEOUT ?? 10) * 1000;
const workers = Math.max(1, Number(process.env.EMSH_CONFORMANCE_JOBS ?? 1));

function usage() {
  console.log(`EMSH_PS_TESTS is not set: it names a folder with PowerShell's test files (kept out of this repository).
Get them from a copy of the PowerShell repository, for example:

  mkdir -p /tmp/ps-tests
  git -C <PowerShell repository or its bare copy> archive HEAD test/powershell | tar -x -C /tmp/ps-tests
  EMSH_PS_TESTS=/tmp/ps-tests npm run conformance

(or git clone --depth 1 https://github.com/PowerShell/PowerShell and point EMSH_PS_TESTS at it).`);
}

const given = process.env.EMSH_PS_TESTS;
if (!given) {
  usage();
  process.exit(0);
}
const base = [join(given, 'test', 'powershell'), given].find((d) => existsSync(join(d, 'Language', 'Operators')));
if (!base) {
  console.error(`conformance: no Language/Operators folder under ${given} or ${join(given, 'test', 'powershell')}.`);
  process.exit(1);
}

function testFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...testFiles(p));
    else if (name.endsWith('.Tests.ps1')) out.push(p);
  }
  return out;
}

const filters = process.argv.slice(2);
const notValid = JSON.parse(readFileSync(join(here, 'not-5.1.json'), 'utf8'));
const files = FOLDERS.flatMap((f) => testFiles(join(base, f)))
  .map((file) => ({ file, rel: relative(base, file).split('\\').join('/') }))
  .filter((f) => filters.length === 0 || filters.some((x) => f.rel.toLowerCase().includes(x.toLowerCase())));

const itCount = (file) => (readFileSync(file, 'utf8').match(/^\s*It\s+["'(]/gim) ?? []).length;

/** Per file: case key -> { event, message, excluded? } */
const results = new Map();
const fileNotes = new Map();
const excludedReason = (rel, path) => {
  for (const c of notValid.cases ?? []) if (c.file === rel && path.includes(c.match)) return c.reason;
  return undefined;
};

// The worker: child.ts bundled with what it imports (the repository's TypeScript), into dist/ so
// that it finds the repository (test/helpers/repo.ts) from where it is.
const workerFile = join(root, 'dist', 'conformance-worker.cjs');
await build({
  entryPoints: [join(here, 'child.ts')],
  outfile: workerFile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  // test/helpers/repo.ts reads import.meta only when __dirname is missing, which CommonJS has.
  logOverride: { 'empty-import-meta': 'silent' },
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: { 'react-devtools-core': join(here, 'child.ts') },
});

const started = Date.now();
const queue = [];
for (const f of files) {
  if (notValid.files?.[f.rel]) {
    results.set(f.rel, new Map());
    fileNotes.set(f.rel, { excludedFile: notValid.files[f.rel], count: itCount(f.file) });
  } else {
    queue.push({ ...f, skipIds: [] });
  }
}

function record(job, seen, line) {
  if (!['pass', 'fail', 'skip', 'pending'].includes(line.event)) return;
  const n = (seen.get(line.path) ?? 0) + 1;
  seen.set(line.path, n);
  const key = n > 1 ? `${line.path}~${n}` : line.path;
  const reason = excludedReason(job.rel, line.path);
  results.get(job.rel).set(key, { event: line.event, message: line.message, cause: line.cause, excluded: reason });
}

function runWorker() {
  return new Promise((resolveWorker) => {
    let child;
    let job;
    let seen;
    let running;
    let timer;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(onTimeout, caseTimeoutMs);
    };
    const spawn = () => {
      child = fork(workerFile, [], { cwd: root, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], env: { ...process.env, NO_COLOR: '1' } });
      child.on('message', onMessage);
      child.on('exit', () => {
        if (job && child.killed !== true) finishFile({ crash: 'the worker exited' });
      });
    };
    const next = () => {
      job = queue.shift();
      if (!job) {
        clearTimeout(timer);
        child.send(null);
        resolveWorker();
        return;
      }
      if (!results.has(job.rel)) results.set(job.rel, new Map());
      seen = new Map();
      running = undefined;
      arm();
      child.send({ file: job.file, rel: job.rel, skipIds: job.skipIds });
    };
    const finishFile = (msg) => {
      clearTimeout(timer);
      const note = fileNotes.get(job.rel) ?? {};
      if (msg.parseError) note.parseError = msg.parseError;
      if (msg.crash) note.crash = msg.crash;
      if (msg.parseError || msg.crash) note.count = itCount(job.file);
      fileNotes.set(job.rel, note);
      job = undefined;
      next();
    };
    function onMessage(msg) {
      if (msg.type === 'ready') return next();
      if (!job || msg.rel !== job.rel) return;
      arm();
      if (msg.type === 'line') {
        if (msg.line.event === 'start') running = msg.line.path;
        else {
          running = undefined;
          record(job, seen, msg.line);
        }
      } else if (msg.type === 'file-done') finishFile(msg);
    }
    function onTimeout() {
      const stuck = job;
      child.killed = true;
      child.kill('SIGKILL');
      if (running) {
        // Run the file again, the case that hung reported as timed out without running.
        queue.unshift({ ...stuck, skipIds: [...stuck.skipIds, running] });
      } else {
        const note = fileNotes.get(stuck.rel) ?? {};
        note.timeout = true;
        note.count = itCount(stuck.file);
        fileNotes.set(stuck.rel, note);
      }
      job = undefined;
      spawn();
    }
    spawn();
  });
}

await Promise.all(Array.from({ length: workers }, runWorker));

// The summary.
let passed = 0;
let failed = 0;
let excluded = 0;
const lines = [];
const causes = new Map();
const all = [];
const addFailure = (cause, where) => {
  const c = causes.get(cause) ?? [];
  c.push(where);
  causes.set(cause, c);
};
for (const f of files) {
  const res = results.get(f.rel) ?? new Map();
  const note = fileNotes.get(f.rel) ?? {};
  let p = 0;
  let x = 0;
  let fl = 0;
  if (note.excludedFile) {
    x = note.count;
  } else {
    for (const [path, r] of res) {
      all.push({ file: f.rel, path, ...r });
      if (r.excluded || r.event === 'skip' || r.event === 'pending') x++;
      else if (r.event === 'pass') p++;
      else {
        fl++;
        addFailure(r.cause ?? r.message, `${f.rel}: ${path.slice(1)}  -- ${r.message}`);
      }
    }
    const lost = note.parseError || note.crash || note.timeout ? Math.max(1, note.count - res.size) : 0;
    if (lost > 0) {
      const why = note.parseError ? `parse error: ${note.parseError}` : note.crash ? `harness crash: ${note.crash.split('\n')[0]}` : 'timeout outside a case';
      fl += lost;
      for (let i = 0; i < lost; i++) addFailure(note.parseError ? `parse error: ${note.parseError.split(']')[0]}]` : why, `${f.rel}  -- ${why}`);
      all.push({ file: f.rel, path: '(file)', event: 'fail', message: why, count: lost });
    }
  }
  passed += p;
  failed += fl;
  excluded += x;
  lines.push(`${String(p).padStart(4)} ${String(fl).padStart(4)} ${String(x).padStart(4)}  ${f.rel}${note.excludedFile ? `  (not 5.1: ${note.excludedFile})` : ''}`);
}
const pct = passed + failed === 0 ? 0 : (100 * passed) / (passed + failed);
const out = [];
out.push('pass fail excl  file');
out.push(...lines);
out.push('');
out.push(`passed ${passed}, failed ${failed} (5.1-valid cases: ${passed + failed}), excluded ${excluded}: ${pct.toFixed(1)} % passing  [${((Date.now() - started) / 1000).toFixed(0)} s]`);
out.push('');
out.push('Failures by cause (most cases first):');
for (const [cause, where] of [...causes].sort((a, b) => b[1].length - a[1].length)) {
  out.push(`${String(where.length).padStart(5)}  ${cause}`);
  for (const w of where.slice(0, 4)) out.push(`         ${w.length > 220 ? w.slice(0, 217) + '...' : w}`);
}
const text = out.join('\n') + '\n';
writeFileSync(join(tmpdir(), 'emsh-conformance-summary.txt'), text);
writeFileSync(join(tmpdir(), 'emsh-conformance-results.json'), JSON.stringify(all, null, 1));
process.stdout.write(text);
console.log(`(written to ${join(tmpdir(), 'emsh-conformance-summary.txt')}; every case in ${join(tmpdir(), 'emsh-conformance-results.json')})`);


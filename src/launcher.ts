// dist/emsh.js: starts emsh through V8's code cache.
//
// Why: compiling the ~1.7 MB bundle, and then each function the first time it runs, is the
// largest part of a cold `emsh -Command ...`. Node 20 has no module.enableCompileCache (22.1+),
// but vm.Script accepts V8's cached data. So the build (scripts/build.mjs) makes
// dist/emsh-cli.js: src/cli.ts as CommonJS wrapped in a function expression, and this small
// CommonJS launcher (a CommonJS entry also starts faster than an ES module one) compiles it
// with the cache it saved at the end of an earlier run.
//
// The cache never decides the outcome of a run: any failure to read or write it only costs
// time. V8 itself rejects data from another V8 version or other flags (cachedDataRejected),
// but it checks the source only by its length, so the key in the file's first line ties the
// data to this build's content hash and to the script file's size and modification time.
// V8 (11.3, Node 20) does not checksum cached data in release builds unless asked to: damaged
// data would abort the process, on every run. --verify-snapshot-checksum makes it add a
// checksum when it writes the data and reject data that does not match (cost: ~0.2 ms).
// Files are written to a temporary name and renamed, so no reader sees a partial file.
// The interactive UI runs from the same bundle; only its libraries (Ink, React), which are ES
// modules, are imported from dist/ui-libraries.mjs when it starts (see loadUiLibraries).
// Where: next to the bundle (dist/.cache, as trusted as the code), else, when dist is not
// writable (a global install), in the user's cache directory. Never in a shared temp folder:
// cached data is code.
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import type { CliLink, runCli } from './cli.js';

/** Content hash of dist/emsh-cli.js, set by the build. */
declare const __EMSH_CLI_HASH__: string;

const scriptFile = join(__dirname, 'emsh-cli.js');
const cacheFiles = [join(__dirname, '.cache', 'emsh-cli.v8'), join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'emsh', 'emsh-cli.v8')];

/** The cached data saved for this exact script (`key`), if any: the file is `key\n` + V8's data. */
function readCache(key: string): Buffer | undefined {
  for (const file of cacheFiles) {
    try {
      const buf = readFileSync(file);
      const nl = buf.indexOf(10);
      if (nl > 0 && buf.toString('latin1', 0, nl) === key) return buf.subarray(nl + 1);
    } catch {
      // Missing or unreadable: try the next place, else compile without.
    }
  }
  return undefined;
}

function writeCache(script: Script, key: string): void {
  let data: Buffer;
  try {
    data = script.createCachedData();
  } catch {
    return;
  }
  for (const file of cacheFiles) {
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(tmp, Buffer.concat([Buffer.from(key + '\n', 'latin1'), data]));
      renameSync(tmp, file);
      return;
    } catch {
      try {
        unlinkSync(tmp);
      } catch {
        // Nothing was written.
      }
    }
  }
}

/**
 * Node built-ins that a scripted run seldom needs, given to the bundle as stand-ins that load
 * the module on first use: node:crypto (~2 ms to load; GUIDs, hashes, PKI), node:tls (~3 ms with
 * the crypto it loads; only mail flow and the TLS checks use it) and node:readline (~1 ms; prompts
 * and commands on stdin). esbuild's CommonJS output reads a named import's
 * properties where the code uses them (`(0, import_node_crypto.randomBytes)(8)`), so nothing
 * loads before that. A namespace import (`import * as x`) copies the properties at once, so it
 * loads the module at start-up. Every operation on the stand-in is forwarded to the module.
 */
const LAZY_BUILTINS = new Set(['node:crypto', 'crypto', 'node:tls', 'tls', 'node:readline', 'readline']);

function lazyModule(load: () => object): object {
  let loaded: object | undefined;
  const real = () => (loaded ??= load());
  return new Proxy(
    {},
    {
      get: (_, key) => Reflect.get(real(), key),
      set: (_, key, value) => Reflect.set(real(), key, value),
      has: (_, key) => Reflect.has(real(), key),
      ownKeys: () => Reflect.ownKeys(real()),
      // The (empty, extensible) target allows reporting a property only as configurable.
      getOwnPropertyDescriptor: (_, key) => {
        const d = Reflect.getOwnPropertyDescriptor(real(), key);
        return d && { ...d, configurable: true };
      },
      getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    },
  );
}

/** The ids the bundle leaves to dist/ui-libraries.mjs (src/ui/libraries.ts), and what that file gave for them. */
const UI_LIBRARIES = new Set(['ink', 'react', 'react/jsx-runtime']);
let uiModules: Record<string, unknown> | undefined;

/**
 * Imports the UI's libraries for the bundle (code in a vm.Script cannot import() in Node 20).
 * Ink and Yoga are ES modules with top-level await, so they cannot be in the CommonJS bundle;
 * the rest of the UI is, and gets the code cache.
 */
async function loadUiLibraries(): Promise<void> {
  uiModules ??= ((await import(pathToFileURL(join(__dirname, 'ui-libraries.mjs')).href)) as { modules: Record<string, unknown> }).modules;
}

const nodeRequire = createRequire(scriptFile);
const lazyModules = new Map<string, object>();
const bundleRequire = Object.assign(
  (id: string): unknown => {
    if (UI_LIBRARIES.has(id)) {
      if (!uiModules) throw new Error(`${id} is required before the UI's libraries are loaded`);
      return uiModules[id];
    }
    if (!LAZY_BUILTINS.has(id)) return nodeRequire(id);
    let m = lazyModules.get(id);
    if (!m) lazyModules.set(id, (m = lazyModule(() => nodeRequire(id) as object)));
    return m;
  },
  { resolve: nodeRequire.resolve, cache: nodeRequire.cache, main: nodeRequire.main, extensions: nodeRequire.extensions },
) as NodeRequire;

type Wrapper = (exports: object, require: NodeRequire, module: { exports: object }, filename: string, dirname: string) => void;

/** Compiles dist/emsh-cli.js (with the cached data when there is some) and runs emsh with it. */
function runBundle(): void {
  const fd = openSync(scriptFile, 'r');
  const stat = fstatSync(fd);
  const bytes = readFileSync(fd);
  closeSync(fd);
  // An ASCII file decodes faster as Latin-1 (same text), and V8 then keeps a one-byte string.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const key = `emsh-cli ${__EMSH_CLI_HASH__} ${stat.size} ${stat.mtimeMs} ${process.version} ${process.arch}`;

  // Before any cached data is made or read (the flag is part of the data's flag hash).
  setFlagsFromString('--verify-snapshot-checksum');
  const cachedData = readCache(key);
  const script = new Script(source, { filename: scriptFile, cachedData });
  if (cachedData === undefined || script.cachedDataRejected === true) {
    // Saved at exit, not now: by then V8 has compiled the functions this run needed, and the
    // data holds them too (most of the saving), not only the top level.
    process.once('exit', () => writeCache(script, key));
  }

  const cli = { exports: {} as { runCli: typeof runCli } };
  (script.runInThisContext() as Wrapper)(cli.exports, bundleRequire, cli, scriptFile, __dirname);
  const link: CliLink = { loadUiLibraries };
  void cli.exports.runCli(process.argv.slice(2), link);
}

runBundle();

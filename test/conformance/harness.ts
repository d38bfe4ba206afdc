// The conformance harness's core: runs one of PowerShell's Pester test files in an emsh session
// with the harness's own small Pester (pester.ps1, PowerShell text run by emsh) and reads the
// results back from the host lines that Pester prints. The runner (run.mjs, `npm run conformance`)
// drives it in a child process per batch of files; harness.test.ts checks it on inline files.
import { cpSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { parseScript } from '../../grammar/index.js';
import { composeSession, openLab, type Lab } from '../../src/compose.js';
import type { Session } from '../../src/engine/session.js';
import { PlainHost } from '../../src/host/plain-host.js';
import { machineDrive } from '../../src/store/lab-home.js';
import { fixtureKeySource } from '../helpers/keys.js';
import { repoRoot } from '../helpers/repo.js';

export type CaseEvent = 'start' | 'pass' | 'fail' | 'skip' | 'pending' | 'note' | 'done';

export interface CaseLine {
  event: CaseEvent;
  /** `/Describe/Context/It name`, `#n` after the name for the n-th test case. */
  path: string;
  message: string;
}

const MARK = '##PESTER\t';

let pesterText: string | undefined;

/** The harness's Pester, as emsh runs it. */
export function pesterScript(): string {
  pesterText ??= readFileSync(join(repoRoot(), 'test', 'conformance', 'pester.ps1'), 'utf8');
  return pesterText;
}

/** Reads one host line of the harness's Pester; undefined for any other output. */
export function parseCaseLine(line: string): CaseLine | undefined {
  if (!line.startsWith(MARK)) return undefined;
  const [event, path, ...rest] = line.slice(MARK.length).split('\t');
  return { event: event as CaseEvent, path: path ?? '', message: rest.join('\t').trimEnd() };
}

export interface ConformanceSession {
  session: Session;
  lab: Lab;
  close(): Promise<void>;
}

/** A session on a fresh lab in `home`, whose host lines go to `onLine` (the rest is dropped). */
export async function conformanceSession(home: string, onLine: (line: CaseLine) => void, echo?: (text: string) => void): Promise<ConformanceSession> {
  let pending = '';
  const out = new Writable({
    write(chunk, _enc, cb) {
      echo?.(chunk.toString());
      pending += chunk.toString();
      let nl;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const parsed = parseCaseLine(pending.slice(0, nl).replace(/\r$/, ''));
        pending = pending.slice(nl + 1);
        if (parsed) onLine(parsed);
      }
      cb();
    },
  });
  const host = new PlainHost({ out, interactive: false, color: false, width: 120 });
  const lab = await openLab({ home, lab: 'default', keys: fixtureKeySource() });
  const session = composeSession({ host, lab });
  return { session, lab, close: () => lab.close() };
}

/** The number of It blocks a file declares, counted in its text: what a file that cannot run at all loses. */
export function countItBlocks(text: string): number {
  return (text.match(/^\s*It\s+["'(]/gim) ?? []).length;
}

/**
 * Puts a test file's folder on the lab drive, as `C:\PSTests\<folder>`, so that the file runs
 * from there: `$PSScriptRoot` and `$PSCommandPath` name it, and what it loads beside itself
 * (assets, helper scripts such as Test-Mocks.ps1, .psd1 data) is found. The other *.Tests.ps1 files
 * of the folder are left out. Returns the lab path of the test file.
 */
export function stageTestFile(cs: ConformanceSession, hostFile: string, rel: string): string {
  const machine = cs.lab.org.currentMachineName;
  const relDir = dirname(rel).split(/[\\/]/).filter((x) => x && x !== '.');
  const target = join(machineDrive(cs.lab.home, cs.lab.name, machine), 'PSTests', ...relDir);
  const source = dirname(hostFile);
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(source)) {
    if (/\.Tests\.ps1$/i.test(name) && name !== basename(hostFile)) continue;
    cpSync(join(source, name), join(target, name), { recursive: true, dereference: false });
  }
  return ['C:', 'PSTests', ...relDir, basename(hostFile)].join('\\');
}

export interface FileRun {
  /** Set when the file cannot be run at all (a parse error): every It block counts as failed. */
  parseError?: string;
}

/**
 * Runs a test file's text in the session, after the harness's Pester. Cases whose path is in `skipIds` are reported as timed out without running.
 */
export async function runTestFile(session: Session, text: string, file: string, skipIds: string[] = []): Promise<FileRun> {
  const parsed = parseScript(text, file);
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0]!;
    const line = text.slice(0, e.span.start).split('\n').length;
    return { parseError: `[${e.errorId}] ${e.message} (line ${line})` };
  }
  // At the prompt's scope, as a profile would be: its functions stay defined for the file.
  await session.execute(pesterScript());
  const quoted = skipIds.map((id) => `'${id.replace(/'/g, "''")}'`).join(',');
  await session.execute(`Set-ConformanceSkip @(${quoted}); $TestDrive = $env:TEMP + '\\TestDrive-' + [guid]::NewGuid().ToString('N'); $null = New-Item -ItemType Directory -Path $TestDrive -Force; $null = New-PSDrive -Name TestDrive -PSProvider FileSystem -Root $TestDrive`);
  await session.execute(text, { file });
  return {};
}

/** The cause a failure message is grouped under in the summary. */
export function failureCause(message: string): string {
  let m = /^error: \[([^\]]*)\] ?(.*)$/.exec(message);
  if (m) {
    const [, id, text] = m;
    const fq = id!.split(',')[0]!;
    if (fq === 'CommandNotFoundException') {
      const name = /'([^']+)'/.exec(text!);
      return `command not found: ${name ? name[1] : '?'}`;
    }
    if (fq === 'TypeNotFound') {
      const name = /\[([^\]]+)\]/.exec(text!);
      return `type not found: ${name ? name[1] : '?'}`;
    }
    if (fq === 'NamedParameterNotFound') {
      const name = /parameter name '([^']+)'/.exec(text!);
      const cmd = id!.split(',')[1] ?? '';
      return `parameter not found: ${cmd} -${name ? name[1] : '?'}`;
    }
    if (fq === 'MethodNotFound') {
      const name = /named '([^']+)'/.exec(text!);
      return `method not found: ${name ? name[1] : '?'}`;
    }
    return `error ${fq}`;
  }
  m = /^assert: (.*)$/.exec(message);
  if (m) {
    if (/^Expected an exception with FullyQualifiedErrorId/.test(m[1]!)) return 'assert: wrong error id';
    if (/^Expected an exception to be thrown/.test(m[1]!)) return 'assert: no error thrown';
    if (/^Expected no exception/.test(m[1]!)) return 'assert: unexpected error';
    if (/^Expected an exception of type/.test(m[1]!)) return 'assert: wrong exception type';
    if (/^Expected a value of type/.test(m[1]!)) return 'assert: wrong type';
    return 'assert: wrong value';
  }
  m = /^(BeforeAll|discovery|AfterEach): (.*)$/.exec(message);
  if (m) return `${m[1]}: ${failureCause(m[2]!)}`;
  if (message.startsWith('timeout')) return 'timeout';
  if (message.startsWith('parse error')) return message.split(':').slice(0, 2).join(':');
  return message.split(':')[0]!;
}

// Secrets: command lines that carry a secret in every form the shell knows — each parameter
// that binds to a SecureString, PSCredential or password (every cmdlet's, by every unique
// abbreviation and alias, named, colon-joined or positional), ConvertTo-SecureString with every
// unique abbreviation of -AsPlainText (or piped), assignments to secret-named variables,
// properties and hashtable keys, and the same lines broken so they no longer parse — each with
// a unique secret value. For each: the session's judge says it carries a secret, the history
// file never receives it, and a transcript recording the run never shows the value. Secrets
// typed at secure prompts (Get-Credential) must not show in the transcript either. Control
// lines without secrets must reach the history file.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { allCmdlets } from '../../src/cmdlets/index.js';
import { composeSession, openLab } from '../../src/compose.js';
import { matchParameterName } from '../../src/protocol/parameter-sets.js';
import { PlainHost } from '../../src/host/plain-host.js';
import type { CmdletDeclaration, ParameterDeclaration } from '../../src/protocol/cmdlet.js';
import { machineDrive } from '../../src/store/lab-home.js';
import { History } from '../../src/ui/history.js';
import { fixtureKeySource } from '../helpers/keys.js';
import { tempHome } from '../helpers/run.js';
import { quote } from '../helpers/bounded-run.js';
import type { TortureSuite } from './suite.js';

/** A small deterministic PRNG (mulberry32), so a seed reproduces a run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECRET_TYPES = new Set(['SecureString', 'PSCredential']);
const PASSWORD_NAME = /password|passphrase|passwd|pwd|secret|token|apikey|^(pass|key)$/i;

function secretParameters(d: CmdletDeclaration): [string, ParameterDeclaration][] {
  return Object.entries(d.parameters).filter(([n, p]) => SECRET_TYPES.has(p.type) || PASSWORD_NAME.test(n));
}

/** Every way to type a parameter's name that the binder resolves to it: unique prefixes and aliases. */
function spellings(d: CmdletDeclaration, name: string, p: ParameterDeclaration): string[] {
  const out = new Set<string>();
  for (const full of [name, ...(p.aliases ?? [])]) {
    for (let i = 1; i <= full.length; i++) {
      const typed = full.slice(0, i);
      const m = matchParameterName(d, typed);
      if (m.length === 1 && m[0]!.name === name) out.add(typed);
    }
  }
  return [...out];
}

/** A case: a line with `{S}` where the secret value goes (quoted by the line itself). */
interface Template {
  line: string;
  /** Whether the line still parses (the broken variants do not). */
  parses: boolean;
}

function templates(): Template[] {
  const out: Template[] = [];
  const add = (line: string) => out.push({ line, parses: true });
  for (const d of allCmdlets) {
    for (const [name, p] of secretParameters(d)) {
      const value = p.type === 'PSCredential' ? "(New-Object PSCredential 'u', (ConvertTo-SecureString '{S}' -AsPlainText -Force))" : "'{S}'";
      for (const typed of spellings(d, name, p)) {
        add(`${d.name} -${typed} ${value}`);
        add(`${d.name} -${typed.toUpperCase()}:${value}`);
      }
      const positions = Object.values(p.sets ?? {}).map((m) => m.position).filter((x): x is number => x !== undefined);
      if (positions.length) add(`${d.name} ${Array(Math.min(...positions)).fill("'x'").join(' ')} ${value}`.replace(/ {2,}/g, ' '));
    }
  }
  const cts = allCmdlets.find((d) => d.name === 'ConvertTo-SecureString')!;
  for (const typed of spellings(cts, 'AsPlainText', cts.parameters.AsPlainText!)) {
    add(`ConvertTo-SecureString '{S}' -${typed} -Force`);
    add(`$x = ConvertTo-SecureString -String "{S}" -${typed}:$true -Force`);
    add(`'{S}' | ConvertTo-SecureString -${typed} -Force`);
    add(`Import-ExchangeCertificate -Path c:\\none.pfx -Password (ConvertTo-SecureString '{S}' -${typed} -Force)`);
  }
  for (const v of ['pw', 'pwd', 'pin', 'key', 'pass', 'password', 'Password1', 'adminPassword', 'passphrase', 'secret', 'clientSecret', 'token', 'apiToken', 'cred', 'creds', 'credential', 'apiKey', 'sharedKey', 'private_key']) {
    add(`$${v} = '{S}'`);
    add(`[string]$${v} = "{S}"`);
    add(`$global:${v} = '{S}'`);
    add(`\${${v}} = '{S}'`);
    add(`$x.${v} = '{S}'`);
    add(`$h = @{ ${v} = '{S}' }`);
  }
  add("[System.Net.NetworkCredential]::new('u', '{S}')");
  add("function Set-LabSecret([SecureString]$Value) {}; Set-LabSecret -Val (ConvertTo-SecureString '{S}' -AsPlainText -Force)");
  add("function Connect-LabThing { param([Alias('pw')]$Password) }; Connect-LabThing -pw '{S}'");
  add("Connect-SomethingUnknown -Password '{S}'");
  // Broken lines: the judge cannot parse them and must still keep them out.
  const broken = out.slice(0, out.length).filter((_, i) => i % 7 === 0).map((t) => ({ line: t.line + ' (', parses: false }));
  return [...out, ...broken];
}

const CONTROL = ['Get-ExchangeCertificate | Format-List Subject', 'Get-Help about_Passwords', 'Get-ChildItem C:\\secrets -ErrorAction SilentlyContinue', '$keys = @{}.Keys', 'Get-Credential -?'];

export const secretsSuite: TortureSuite = {
  name: 'secrets',
  summary: 'secrets in every form stay out of the history file and transcripts',
  cases: { quick: 300, full: 3000 },
  async run({ cases, seed, log }) {
    const all = templates();
    const random = prng(seed);
    // Every template once (as far as the count goes), then random repeats with other values.
    const picked = Array.from({ length: cases }, (_, i) => (i < all.length ? all[i]! : all[Math.floor(random() * all.length)]!));
    const home = tempHome();
    const failures: string[] = [];
    let typedSecret = '';
    try {
      // An interactive plain host answering prompts from a stream: Get-Credential reads a password.
      let printed = '';
      const out = new Writable({
        write(chunk, _e, cb) {
          printed += chunk.toString();
          cb();
        },
      });
      typedSecret = `Typed-${seed}-Zx9`;
      const input = Readable.from([`${typedSecret}\n`]);
      const host = new PlainHost({ out, input, interactive: true, color: false, width: 120 });
      const lab = await openLab({ home, lab: 'default', keys: fixtureKeySource() });
      const session = composeSession({ host, lab });
      const historyFile = join(home, 'history.txt');
      const history = new History(historyFile, (line) => session.hasSecret(line));
      const transcript = 'C:\\torture-transcript.txt';
      await session.execute(`Start-Transcript -Path ${transcript}`);
      // A secret typed at a secure prompt, then printed in the clear by the script itself.
      await session.execute("$c = Get-Credential -UserName admin -Message 'torture'; $c.GetNetworkCredential().Password");
      const values: string[] = [];
      let n = 0;
      for (const t of picked) {
        const value = `S3cr3t-${seed}-${n++}-Qv`;
        values.push(value);
        const line = t.line.replaceAll('{S}', value);
        const scan = session.scanSecrets(line);
        if (!scan.any) failures.push(`${quote(line)} was not judged to carry a secret`);
        history.add(line);
        await session.execute(line, { history: true });
      }
      for (const c of CONTROL) history.add(c);
      await session.execute('Stop-Transcript');
      await lab.close();
      const historyText = readFileSync(historyFile, 'utf8');
      const transcriptText = readFileSync(join(machineDrive(home, 'default', 'Ex2007EE'), 'torture-transcript.txt'), 'utf8');
      for (const v of [...values, typedSecret]) {
        if (historyText.includes(v)) failures.push(`the history file shows the secret ${v}`);
        if (transcriptText.includes(v)) {
          const at = transcriptText.indexOf(v);
          failures.push(`the transcript shows the secret ${v}: …${transcriptText.slice(Math.max(0, at - 120), at + 40)}…`);
        }
      }
      for (const c of CONTROL) if (!historyText.includes(c)) failures.push(`the history file misses the line without a secret ${quote(c)}`);
      if (!printed.includes(typedSecret)) failures.push('the typed secret never reached the screen: the prompt case did not run');
      log(`${picked.length} lines, ${all.length} forms; history ${historyText.length} bytes, transcript ${transcriptText.length} bytes`);
      return { cases: picked.length + 1, failures, figures: { forms: all.length, 'unparsable forms': all.filter((t) => !t.parses).length } };
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  },
};

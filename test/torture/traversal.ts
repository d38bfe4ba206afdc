// Traversal and links: every command that takes a path, given paths that try to leave the lab
// drive — `..` past the root, host absolute paths, UNC and provider spellings, other drives —
// and paths through links planted on the drive: a symbolic link to a folder and to a file
// outside, a dangling one, and a hard link to an outside file. After each command: nothing
// outside the drive was read (its secret text never shows), changed, created or removed, and
// the command answered with an error record or a result, never an internal error or host path.
import { createHash } from 'node:crypto';
import { linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { labPaths, machineDrive } from '../../src/store/lab-home.js';
import { capturedSession, tempHome } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';
import { quote, runChecked } from '../helpers/bounded-run.js';
import type { TortureSuite } from './suite.js';

/** Commands that take a path; {P} is the path (in single quotes in the command). */
const COMMANDS = [
  "Get-Content '{P}'",
  "Get-Content '{P}' -Encoding Byte -TotalCount 4",
  "Set-Content -Path '{P}' -Value pwned",
  "Add-Content '{P}' pwned",
  "Out-File -FilePath '{P}' -InputObject pwned",
  "'pwned' > '{P}'",
  "'pwned' >> '{P}'",
  "Copy-Item '{P}' C:\\copied.txt -Force",
  "Copy-Item C:\\Users '{P}' -Recurse -Force",
  "Move-Item '{P}' C:\\moved.txt -Force",
  "Remove-Item '{P}' -Recurse -Force",
  "New-Item '{P}' -ItemType File -Force",
  "New-Item '{P}' -ItemType Directory -Force",
  "Get-ChildItem '{P}' -Recurse -Force",
  "Get-Item '{P}' -Force",
  "Test-Path '{P}'",
  "Import-Csv '{P}'",
  "'a' | Export-Csv '{P}' -Force",
  "Select-String -Path '{P}' -Pattern .",
  "Set-Location '{P}'; Get-ChildItem; Set-Location C:\\Windows\\system32",
  "[System.IO.File]::ReadAllText('{P}')",
  "[System.IO.File]::WriteAllText('{P}', 'pwned')",
  "[System.IO.File]::ReadAllBytes('{P}').Length",
  "Import-ExchangeCertificate -Path '{P}'",
  "Export-ExchangeCertificate -Thumbprint $t -Path '{P}' -BinaryEncoded:$true -Password (ConvertTo-SecureString 'x' -AsPlainText -Force)",
  "Start-Transcript '{P}'; Stop-Transcript",
  "Tee-Object -FilePath '{P}' -InputObject pwned",
  ". '{P}'",
  "& '{P}'",
  "Submit-LabCertificateRequest -Path '{P}' -OutFile C:\\issued.cer",
  "Get-ChildItem '{P}' -Force -ErrorAction SilentlyContinue | Remove-Item -Recurse -Force",
];

export const traversalSuite: TortureSuite = {
  name: 'traversal',
  summary: 'path commands × paths that leave the drive and links out of it (symbolic, dangling, hard)',
  cases: { quick: 300, full: Number.MAX_SAFE_INTEGER },
  async run({ cases, log }) {
    const home = tempHome();
    const outside = tempDir('emsh-torture-outside-');
    const canary = `canary-${createHash('sha256').update(outside).digest('hex').slice(0, 16)}`;
    const failures: string[] = [];
    const sh = await capturedSession({ home });
    let n = 0;
    try {
      const secret = join(outside, 'secret.txt');
      writeFileSync(secret, canary);
      mkdirSync(join(outside, 'target'));
      writeFileSync(join(outside, 'target', 'keep.txt'), canary);
      const labDir = labPaths(home, 'default').dir;
      writeFileSync(join(labDir, 'canary.txt'), canary);
      writeFileSync(join(home, 'canary-home.txt'), canary);
      const drive = machineDrive(home, 'default', 'Ex2007EE');
      // A certificate whose key can be exported (for Export-ExchangeCertificate), and the drive made.
      const setup = await sh.run("$t = (New-ExchangeCertificate -SubjectName 'cn=t.proexchange.global' -DomainName t.proexchange.global -PrivateKeyExportable $true -Services None -Confirm:$false).Thumbprint; $null = Get-ChildItem C:\\; $t.Length");
      if (setup.out.trim() !== '40') throw new Error(`setup failed: ${setup.out}`);
      const plant = () => {
        const link = (target: string, at: string, hard = false) => {
          const p = join(drive, at);
          // Whatever a command left under that name (nothing, a new file) becomes the link again.
          const st = lstatSync(p, { throwIfNoEntry: false });
          if (st && (hard ? st.ino === lstatSync(target).ino : st.isSymbolicLink())) return;
          if (st) rmSync(p, { recursive: true, force: true });
          if (hard) linkSync(target, p);
          else symlinkSync(target, p);
        };
        link(outside, 'lnk-dir');
        link(secret, 'lnk-file.txt');
        link(join(outside, 'nothing'), 'dangle');
        link(secret, 'hard.txt', true);
      };
      plant();
      const snapshot = () => treeOf(outside) + treeOf(labDir, ['machines', 'lab.json', 'lab.json.lock', 'history.txt']) + readFileSync(join(home, 'canary-home.txt'), 'utf8');
      const before = snapshot();
      const o = outside.replace(/\//g, '\\');
      const paths = [
        '..\\..\\..\\..\\..\\..\\..\\..\\etc\\passwd',
        '/etc/passwd',
        'C:\\..\\..\\..\\canary.txt',
        '..\\..\\..\\..\\..\\..\\..\\..\\..\\tmp',
        `${o}\\secret.txt`,
        `${outside}/secret.txt`,
        'C:\\lnk-dir\\secret.txt',
        'C:\\lnk-dir',
        'C:\\lnk-dir\\new.txt',
        'C:\\lnk-dir\\target\\keep.txt',
        'C:\\lnk-dir\\..\\..\\canary.txt',
        'C:\\lnk-file.txt',
        'C:\\dangle',
        'C:\\dangle\\x.txt',
        'C:\\hard.txt',
        '\\\\localhost\\c$\\..\\..\\canary.txt',
        '\\\\Ex2007SE\\c$\\..\\..\\..\\..\\canary.txt',
        '\\\\nosuch\\c$\\x',
        '\\\\?\\C:\\x',
        '\\\\.\\C:\\x',
        'FileSystem::/etc/passwd',
        'Microsoft.PowerShell.Core\\FileSystem::C:\\..\\..\\..\\canary.txt',
        '~\\..\\..\\..\\..\\..\\canary.txt',
        'c:/../../../canary.txt',
        'C:x\\..\\..\\..\\canary.txt',
        'D:\\x',
        'C:\\Windows\\..\\..\\..\\..\\..\\..',
        'C:\\*\\..\\..\\canary.txt',
        'C:\\lnk-*',
      ];
      const all = COMMANDS.flatMap((c) => paths.map((p) => c.replaceAll('{P}', p.replace(/'/g, "''"))));
      const step = Math.max(1, all.length / Math.min(cases, all.length));
      for (let i = 0; i < all.length; i += step) {
        const text = all[Math.floor(i)]!;
        n++;
        const why = await runChecked(sh, text, [home]);
        if (why) failures.push(`${quote(text)} ${why}`);
        const out = sh.text();
        if (out.includes(canary)) {
          failures.push(`${quote(text)} showed the text of a file outside the drive`);
          break; // every later check would repeat it
        }
        // A command may remove or replace a link's own name on the drive (allowed): put it back,
        // then nothing outside may differ.
        plant();
        const now = snapshot();
        if (now !== before) {
          failures.push(`${quote(text)} changed something outside the drive:\n${diff(before, now)}`);
          break;
        }
      }
      log(`${n} commands × paths; outside: ${outside}`);
      return { cases: n, failures, figures: { commands: COMMANDS.length, paths: paths.length } };
    } finally {
      await sh.close();
      rmSync(home, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  },
};

/** Names, sizes, times and content hashes of a folder tree (links not followed). */
function treeOf(dir: string, skip: string[] = []): string {
  const lines: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d).sort()) {
      if (rel === '' && skip.includes(name)) continue;
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isDirectory()) {
        lines.push(`${rel}${name}/`);
        walk(p, `${rel}${name}/`);
      } else {
        const hash = st.isFile() ? createHash('sha1').update(readFileSync(p)).digest('hex') : 'link';
        lines.push(`${rel}${name} ${st.size} ${st.mtimeMs} ${st.nlink} ${hash}`);
      }
    }
  };
  walk(dir, '');
  return lines.join('\n') + '\n';
}

function diff(a: string, b: string): string {
  const x = new Set(a.split('\n'));
  const y = new Set(b.split('\n'));
  return [...[...x].filter((l) => !y.has(l)).map((l) => `      - ${l}`), ...[...y].filter((l) => !x.has(l)).map((l) => `      + ${l}`)].join('\n');
}

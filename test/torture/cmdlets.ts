// Every cmdlet × bad values: each declared parameter given each awkward value by name, the
// first positional slot given each value, and each value piped in. Whatever the value, the
// cmdlet answers with a PowerShell-style error record or a result: never an internal error,
// a JavaScript message, a host path, a hang or a crash.

import { rmSync } from 'node:fs';
import { allCmdlets } from '../../src/cmdlets/index.js';
import type { CmdletDeclaration } from '../../src/protocol/cmdlet.js';
import { capturedSession, tempHome } from '../helpers/run.js';
import { quote, runChecked } from '../helpers/bounded-run.js';
import type { TortureSuite } from './suite.js';

/** Awkward values, as typed. */
export const BAD_VALUES = [
  '$null',
  "''",
  '@()',
  '@($null)',
  '@($null, $null)',
  '-1',
  '0',
  '2147483648',
  '([double]::MaxValue * 2)',
  '([double]::MaxValue * 2 - [double]::MaxValue * 2)',
  "('x' * 100000)",
  "'*'",
  "'['",
  '"`0"',
  "'..\\..\\..\\..\\..\\etc\\passwd'",
  "'\\\\nosuch\\c$\\x'",
  '$true',
  '(Get-Date)',
  '(Get-Item C:\\)',
  '@{}',
  '@{ a = $null }',
  '{ $null }',
  '[pscustomobject]@{ Name = $null; Thumbprint = @() }',
  '(1..3)',
  '([byte[]](0, 255))',
  '(New-Object PSObject)',
  '(Get-ExchangeServer)',
];

/** Cmdlets that wait by design (Start-Sleep with a huge value would just be stopped). */
const SKIP_VALUES: Record<string, (v: string) => boolean> = {
  'Start-Sleep': (v) => /2147483648|MaxValue|\(Get-Date\)|\(1\.\.3\)/.test(v),
};

function callsFor(d: CmdletDeclaration): string[] {
  const confirm = d.supportsShouldProcess ? ' -Confirm:$false' : '';
  const skip = SKIP_VALUES[d.name] ?? (() => false);
  const values = BAD_VALUES.filter((v) => !skip(v));
  const calls: string[] = [];
  for (const v of values) {
    calls.push(`${d.name} ${v}${confirm}`);
    calls.push(`${v} | ${d.name}${confirm}`);
  }
  for (const [name, p] of Object.entries(d.parameters)) {
    if (p.type === 'Switch') {
      calls.push(`${d.name} -${name}:$null${confirm}`, `${d.name} -${name}:@()${confirm}`);
      continue;
    }
    for (const v of values) calls.push(`${d.name} -${name} ${v}${confirm}`);
  }
  return calls;
}

export const cmdletsSuite: TortureSuite = {
  name: 'cmdlets',
  summary: 'every cmdlet × bad values ($null, empty, wrong types, huge, NaN, paths off the drive)',
  cases: { quick: 600, full: Number.MAX_SAFE_INTEGER },
  async run({ cases, log }) {
    const all = allCmdlets.map((d) => ({ name: d.name, calls: callsFor(d) }));
    const total = all.reduce((n, c) => n + c.calls.length, 0);
    // A quick run takes an even sample of each cmdlet's calls, so every cmdlet gets some.
    const share = Math.min(1, cases / total);
    const failures: string[] = [];
    let n = 0;
    for (const { name, calls } of all) {
      const take = Math.max(1, Math.round(calls.length * share));
      const step = calls.length / take;
      const picked = Array.from({ length: take }, (_, i) => calls[Math.floor(i * step)]!);
      // A fresh lab per cmdlet: what one cmdlet's calls did to the lab (certificates by the
      // hundred) neither slows nor changes another's, and a failure reproduces on its own.
      const home = tempHome();
      const sh = await capturedSession({ home });
      try {
        for (const text of picked) {
          const why = await runChecked(sh, text, [home]);
          if (why) failures.push(`${quote(text)} ${why}`);
          if (++n % 2000 === 0) log(`${n} calls`);
        }
      } finally {
        await sh.close();
        rmSync(home, { recursive: true, force: true });
      }
      if (failures.length > 200) {
        log(`stopping after ${name}: too many failures`);
        break;
      }
    }
    return { cases: n, failures, figures: { cmdlets: all.length, 'calls available': total } };
  },
};

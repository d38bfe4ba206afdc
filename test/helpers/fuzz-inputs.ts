// Inputs for fuzzing the shell (test/engine/fuzz.test.ts and the torture suite's fuzz run):
// realistic scripts (the transcripts and every cmdlet example), token soup, mutations of those,
// random syntax trees rendered as text, and cmdlet calls with awkward values.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { allCmdlets } from '../../src/cmdlets/index.js';
import { repoRoot } from './repo.js';

// ---------------------------------------------------------------------------------------------
// The corpus: realistic, valid scripts (the transcripts, whole and line by line, and every
// cmdlet example with its setup).

const transcriptDir = join(repoRoot(), 'test', 'transcripts');
const transcripts = readdirSync(transcriptDir)
  .filter((f) => f.endsWith('.ps1'))
  .map((f) => readFileSync(join(transcriptDir, f), 'utf8'));
const examples = allCmdlets.flatMap((d) => d.examples.map((e) => (e.setup ? `${e.setup}\n${e.code}` : e.code)));
const transcriptLines = transcripts.flatMap((t) => t.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#')));
const corpus = [...examples, ...transcriptLines, ...transcripts];

// ---------------------------------------------------------------------------------------------
// Token soup: fragments of PowerShell in random order.

const cmdletNames = allCmdlets.map((d) => d.name);
const aliasNames = ['?', '%', 'select', 'where', 'foreach', 'sort', 'group', 'measure', 'ft', 'fl', 'gm', 'gcm', 'gc', 'sc', 'ls', 'dir', 'cd', 'cls', 'echo', 'h', 'r'];
const parameterNames = [
  ...new Set([
    ...allCmdlets.flatMap((d) => Object.keys(d.parameters)),
    'ErrorAction',
    'ErrorVariable',
    'OutVariable',
    'WarningAction',
    'Verbose',
    'WhatIf',
    'Confirm',
  ]),
].map((n) => '-' + n);
const keywords = [
  'if', 'elseif', 'else', 'foreach', 'for', 'while', 'do', 'until', 'switch', 'function', 'filter', 'param', 'begin',
  'process', 'end', 'return', 'break', 'continue', 'throw', 'exit', 'try', 'catch', 'finally', 'in', 'trap', 'data', 'class',
];
const operators = [
  '-eq', '-ne', '-gt', '-ge', '-lt', '-le', '-like', '-notlike', '-match', '-notmatch', '-contains', '-notcontains', '-in',
  '-notin', '-replace', '-split', '-join', '-f', '-is', '-isnot', '-as', '-and', '-or', '-xor', '-not', '-band', '-bor',
  '-ceq', '-ilike', '-creplace', '-csplit', '+', '-', '*', '/', '%', '=', '+=', '-=', '*=', '/=', '%=', '++', '--', '!', '..',
  '::', '.', ',', ';', '|', '>', '>>', '2>', '2>&1', '>$null', '*>', '&', '@', '-ErrorAction:SilentlyContinue',
];
const punctuation = ['(', ')', '{', '}', '[', ']', '$(', '@(', '@{', '\n', '`', '`\n', '#c\n', '<# x #>', ':', '"', "'", '$'];
export const strings = [
  "'a'", "'C:\\t.txt'", '"x $y z"', '"$(1+1)"', '"`n`t"', "'it''s'", '"unterminated', "@'\nhere\n'@", '@"\n$x\n"@', '""',
  "'*'", "'IIS,SMTP'", '"$($x.Name)"', "'{0} {1}'", "'^a.*$'", "'('", '"${x}"', "'cn=fuzz.local'",
];
export const numbers = ['0', '1', '-1', '42', '3.14', '.5', '1kb', '1mb', '1gb', '0x1F', '0xFFFFFFFF', '1e9', '1e308', '2147483648', '9223372036854775807', '1d', '-0'];
const variables = [
  '$x', '$y', '$_', '$PSItem', '$true', '$false', '$null', '$args', '$input', '$Error', '${weird name}', '$global:x',
  '$script:y', '$env:PATH', '$env:COMPUTERNAME', '$PSVersionTable', '$?', '$^', '$$', '$ErrorActionPreference', '$host',
  '$this', '@splat', '$LASTEXITCODE', '$PWD', '$HOME', '$x.Name', '$x[0]', '$x.Count', '$matches',
];
const types = [
  '[int]', '[string]', '[bool]', '[datetime]', '[byte[]]', '[pscustomobject]', '[hashtable]', '[regex]', '[type]',
  '[Nonexistent]', '[math]::Pow', '[Math]::Max(1,2)', '[System.IO.File]::ReadAllText', "[System.IO.File]::ReadAllBytes('C:\\x')",
  '[DateTime]::Now', '[System.Text.Encoding]::UTF8.GetBytes', '[int[]]', '[object[]]', '[char]', '[double]', '[long]',
];
const bareWords = ['C:\\cert.pfx', 'webmail.contoso.com', 'IIS,SMTP', '*', 'foo', '.\\x.ps1', '..\\..', 'C:\\Windows\\..\\..\\..', '~', 'C:\\', '/etc/passwd', '\\\\server\\share', 'a-b', 'NUL'];

export const fragment = fc.oneof(
  { arbitrary: fc.constantFrom(...keywords), weight: 2 },
  { arbitrary: fc.constantFrom(...operators), weight: 3 },
  { arbitrary: fc.constantFrom(...cmdletNames, ...aliasNames), weight: 3 },
  { arbitrary: fc.constantFrom(...parameterNames), weight: 2 },
  { arbitrary: fc.constantFrom(...strings), weight: 2 },
  { arbitrary: fc.constantFrom(...numbers), weight: 2 },
  { arbitrary: fc.constantFrom(...variables), weight: 3 },
  { arbitrary: fc.constantFrom(...types), weight: 1 },
  { arbitrary: fc.constantFrom(...bareWords), weight: 1 },
  { arbitrary: fc.constantFrom(...punctuation), weight: 3 },
);
const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', '; ', ' | ');
export const tokenSoup = fc.array(fc.tuple(fragment, separator), { minLength: 1, maxLength: 24 }).map((parts) => parts.map(([t, s]) => t + s).join(''));

// ---------------------------------------------------------------------------------------------
// Mutations of the corpus: delete, insert, swap or duplicate characters and slices.

const insertable = fc.constantFrom('{', '}', '(', ')', '"', "'", '$', '|', '-', '`', '@', ',', ';', '\n', ' ', '.', '[', ']', '=', '#', '<', '>', '0', '9', 'x');
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(insertable, fragment) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), to: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 30 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, m: Mutation): string {
  const i = Math.floor(m.at * text.length);
  switch (m.kind) {
    case 'delete':
      return text.slice(0, i) + text.slice(i + m.len);
    case 'insert':
      return text.slice(0, i) + m.text + text.slice(i);
    case 'swap': {
      const j = Math.floor(m.to * text.length);
      if (i >= text.length || j >= text.length) return text;
      const chars = [...text];
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
      return chars.join('');
    }
    case 'duplicate':
      return text.slice(0, i + m.len) + text.slice(i, i + m.len) + text.slice(i + m.len);
  }
}

export const mutated = fc
  .tuple(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([text, ms]) => ms.reduce(mutate, text));

// ---------------------------------------------------------------------------------------------
// Random syntax trees rendered as text: mostly valid scripts that reach deep into the evaluator.
// Loops are bounded by construction; ranges use small numbers.

const smallInt = fc.integer({ min: -3, max: 12 }).map(String);
const varName = fc.constantFrom('$a', '$b', '$c', '$_', '$x', '$null', '$true', '$args', '$Error[0]', '$h', '$list');
const member = fc.constantFrom('Name', 'Count', 'Length', 'Thumbprint', 'Services', 'Keys', 'Values', 'Subject', 'NotAfter', 'Foo', 'PSObject', 'Exception');
const method = fc.constantFrom('ToString()', 'ToUpper()', 'GetType()', 'Split(",")', 'Replace("a","b")', 'Contains(1)', 'Add(1)', 'Trim()', 'Substring(1)', 'GetEnumerator()', 'Clone()', 'AddDays(1)', 'Foo()', 'Equals($null)');
const binaryOp = fc.constantFrom('+', '-', '*', '/', '%', '-eq', '-ne', '-gt', '-lt', '-like', '-match', '-replace', '-split', '-join', '-f', '-and', '-or', '-contains', '-in', '-as', '-is', '-band', '..');
const typeName = fc.constantFrom('int', 'string', 'bool', 'datetime', 'byte[]', 'pscustomobject', 'hashtable', 'double', 'char', 'int[]', 'regex', 'xml', 'version');
const pipeCommand = fc.constantFrom(
  'Select-Object -First 2', 'Select-Object -Last 1', 'Select-Object -Unique', 'select Name, Count', 'Select-Object -ExpandProperty Name',
  'Sort-Object', 'Sort-Object -Descending', 'Group-Object', 'Measure-Object', 'Measure-Object -Sum -Average', 'Format-Table',
  'Format-List *', 'ft -AutoSize', 'Out-String', 'Out-Null', 'Get-Member', 'ConvertTo-Json', 'ConvertTo-Csv', 'Where-Object Name -eq a',
  'ForEach-Object Name', 'Write-Output', 'Out-File C:\\fuzz.txt', 'Export-Csv C:\\fuzz.csv', 'Set-Content C:\\fuzz.txt', 'Tee-Object x',
);
const command = fc.constantFrom(
  'Get-ExchangeCertificate', 'Get-ChildItem C:\\', 'Get-Item C:\\Windows', 'Get-Content C:\\fuzz.txt', 'Get-Date', 'Get-Command Get-*',
  'Get-Help Get-Date', 'Get-Alias', 'Get-History', 'Get-Location', 'Test-Path C:\\fuzz.txt', 'Write-Host hi -ForegroundColor Red',
  'Write-Warning w', 'Write-Error e', 'Write-Verbose v -Verbose', 'Import-Csv C:\\fuzz.csv', 'Remove-Item C:\\fuzz.txt -WhatIf',
  'Get-ExchangeServer', 'Get-Credential', 'Read-Host', 'Start-Sleep -Milliseconds 1', 'Get-Variable', 'New-Object PSObject',
);

export const { script } = fc.letrec<{ expr: string; pipeline: string; statement: string; block: string; script: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'xsmall', maxDepth: 3, depthIdentifier: 'tree', withCrossShrink: true },
    smallInt,
    fc.constantFrom(...strings.filter((s) => !s.includes('unterminated')), ...numbers.filter((n) => n !== '1e9')),
    varName,
    fc.tuple(tie('expr'), binaryOp, tie('expr')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    tie('expr').map((a) => `(-not ${a})`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `@(${a}, ${b})`),
    fc.tuple(member, tie('expr')).map(([k, v]) => `@{${k} = ${v}}`),
    fc.tuple(tie('expr'), member).map(([a, m]) => `(${a}).${m}`),
    fc.tuple(tie('expr'), method).map(([a, m]) => `(${a}).${m}`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, i]) => `(${a})[${i}]`),
    fc.tuple(typeName, tie('expr')).map(([t, a]) => `[${t}]${a}`),
    tie('statement').map((s) => `$(${s})`),
    tie('block').map((b) => `{ ${b} }`),
    tie('block').map((b) => `& { ${b} }`),
    fc.tuple(smallInt, smallInt).map(([a, b]) => `(${a}..${b})`),
    fc.tuple(member, tie('expr')).map(([k, v]) => `[pscustomobject]@{ ${k} = ${v}; Other = 1 }`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `"$(${a}) and ${b.replace(/"/g, '`"')}"`),
  ),
  pipeline: fc.oneof(
    tie('expr'),
    command,
    fc.tuple(tie('expr'), pipeCommand).map(([a, c]) => `${a} | ${c}`),
    fc.tuple(tie('expr'), tie('block')).map(([a, b]) => `${a} | ForEach-Object { ${b} }`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `${a} | Where-Object { ${b} }`),
    fc.tuple(command, pipeCommand).map(([c, p]) => `${c} | ${p}`),
    fc.tuple(tie('pipeline'), fc.constantFrom(' 2>&1', ' > C:\\fuzz.txt', ' >> C:\\fuzz.txt', ' > $null', ' 2> $null')).map(([p, r]) => p + r),
    fc.tuple(command, fc.constantFrom(' -ErrorAction SilentlyContinue', ' -ErrorAction Stop', ' -ErrorVariable ev', ' -OutVariable ov', ' -WhatIf')).map(([c, p]) => c + p),
  ),
  statement: fc.oneof(
    { depthSize: 'xsmall', maxDepth: 3, depthIdentifier: 'tree', withCrossShrink: true },
    tie('pipeline'),
    fc.tuple(varName, fc.constantFrom('=', '+=', '-=', '*='), tie('pipeline')).map(([v, op, p]) => `${v} ${op} ${p}`),
    fc.tuple(tie('expr'), tie('block'), tie('block')).map(([c, a, b]) => `if (${c}) { ${a} } else { ${b} }`),
    fc.tuple(tie('expr'), tie('block')).map(([e, b]) => `foreach ($i in ${e}) { ${b} }`),
    fc.tuple(smallInt, tie('block')).map(([n, b]) => `for ($k = 0; $k -lt ${n}; $k++) { ${b} }`),
    fc.tuple(smallInt, tie('block')).map(([n, b]) => `$w = 0; while ($w -lt ${n}) { $w++; ${b} }`),
    fc.tuple(smallInt, tie('block')).map(([n, b]) => `$w = 0; do { $w++; ${b} } until ($w -ge ${n})`),
    fc.tuple(tie('block'), tie('block'), tie('block')).map(([a, b, c]) => `try { ${a} } catch { ${b}; $_.Exception.Message } finally { ${c} }`),
    fc.tuple(tie('block'), tie('expr')).map(([b, a]) => `function fz { param($p, [int]$q) ${b} }; fz ${a} -q 1 extra`),
    fc.tuple(tie('block'), tie('expr')).map(([b, a]) => `filter fl2 { ${b} }; ${a} | fl2`),
    fc.tuple(tie('expr'), tie('block'), tie('block')).map(([e, a, b]) => `switch (${e}) { 1 { ${a} } 'a' { ${b} } default { 'd' } }`),
    tie('expr').map((e) => `throw ${e}`),
    fc.constantFrom('break', 'continue', 'return', 'exit 3', "$ErrorActionPreference = 'Stop'", "$ErrorActionPreference = 'Continue'", 'Set-Location C:\\', 'Set-Location ..'),
  ),
  block: fc.array(tie('statement'), { maxLength: 2 }).map((ss) => ss.join('; ')),
  script: fc.array(tie('statement'), { minLength: 1, maxLength: 3 }).map((ss) => ss.join('\n')),
}));

// ---------------------------------------------------------------------------------------------
// Cmdlet calls: a registered cmdlet with a few of its own parameters, given awkward values
// ($null, empty, wrong types, paths off the drive), sometimes with pipeline input.

export const awkward = [
  '$null', "''", '0', '-1', "'x'", '@()', '@{}', '$true', '1e9', "'C:\\'", "'*'", "'['", '(Get-Date)', '@(1,$null)', "'C:\\nope\\x'",
  '{ $_ }', '{ throw "t" }', "'IIS'", "'a,b'", '([byte[]](1,2))', "'..\\..\\..'", '2147483648', '(1..3)', '([pscustomobject]@{Name=$null})', "'CN=x'",
];
const callable = allCmdlets.filter((d) => !/^(Start-Sleep|Clear-Host|Read-Host|Get-Credential)$/.test(d.name));
export const cmdletCall = fc
  .constantFrom(...callable)
  .chain((d) => {
    const names = Object.keys(d.parameters);
    const argument = (p: string) =>
      d.parameters[p]!.type === 'Switch' ? fc.constantFrom(`-${p}`, `-${p}:$false`) : fc.constantFrom(...awkward).map((v) => `-${p} ${v}`);
    const args = fc.subarray(names, { maxLength: Math.min(4, names.length) }).chain((ps) => fc.tuple(...ps.map(argument)));
    // -Confirm:$false only where it exists (elsewhere it would be a binding error every time).
    const confirm = d.supportsShouldProcess ? ' -Confirm:$false' : '';
    return fc.tuple(fc.constant(d.name + ' '), args, fc.constant(confirm), fc.option(fc.constantFrom(...awkward), { nil: undefined, freq: 3 }));
  })
  .map(([name, args, confirm, input]) => `${input !== undefined ? `${input} | ` : ''}${name}${args.join(' ')}${confirm}`);


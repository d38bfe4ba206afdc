import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyTokens, parseScript } from '../../grammar/index.js';

const samples = [
  'Get-ExchangeCertificate -Thumbprint X | Format-List *',
  'Enable-ExchangeCertificate -Thumbprint $t -Services IIS,SMTP -Confirm:$false',
  '$c = Get-ExchangeCertificate | ? { $_.NotAfter -lt (Get-Date).AddDays(30) }',
  'foreach ($x in 1..3) { if ($x -eq 2) { continue } else { "v: $($x * 2)" } }',
  '[System.IO.File]::WriteAllBytes("C:\\x.req", [System.Text.Encoding]::Unicode.GetBytes($req))',
  "function f { param([Parameter(Mandatory)][string]$n) process { $n } }",
  "try { throw 'x' } catch [System.Exception] { $_ } finally { }",
  "$h = @{ a = 1; b = @(1, 2) }; switch -Regex ($s) { '^a' { 1 } default { 2 } }",
  '@"\nline $x\n"@ | Out-File c:\\r.txt',
];

const alphabet = fc.constantFrom(...'$@(){}[]"\'`#<>|;,.:-+=!*/%&\n \tabcx01'.split(''), '-eq', '@{', '$(', '@(', '@"\n', "'@", '"@', 'if', 'foreach', 'in', '[int]', '::');

/** Parses and checks the errors are well formed (how long the slowest parse takes: npm run bench). */
function parseBounded(text: string): void {
  const r = parseScript(text);
  for (const e of r.errors) {
    expect(typeof e.message).toBe('string');
    expect(e.span.start).toBeGreaterThanOrEqual(0);
    expect(e.span.end).toBeLessThanOrEqual(text.length);
  }
  classifyTokens(text);
}

describe('robustness', () => {
  it('random token soup never throws or hangs', () => {
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), (text) => { parseBounded(text); }), { numRuns: 300 });
  });
  it('random strings never throw or hang', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (text) => { parseBounded(text); }), { numRuns: 300 });
  });
  it('mutations of valid scripts never throw or hang', () => {
    const mutated = fc.tuple(fc.constantFrom(...samples), fc.nat(), fc.nat({ max: 5 }), fc.string({ maxLength: 4 }))
      .map(([s, at, del, ins]) => { const i = at % (s.length + 1); return s.slice(0, i) + ins + s.slice(i + del); });
    fc.assert(fc.property(mutated, (text) => { parseBounded(text); }), { numRuns: 300 });
  });
  it('every prefix of a valid script parses without throwing; unfinished ones are incomplete', () => {
    for (const s of samples) {
      expect(parseScript(s).errors).toEqual([]);
      for (let i = 0; i < s.length; i++) parseBounded(s.slice(0, i));
    }
    expect(parseScript('if ($x) {').errors[0]!.incomplete).toBe(true);
    expect(parseScript('Get-X -Services IIS,').errors[0]!.incomplete).toBe(true);
  });
});

// Completion as PowerShell's, on a real session: members of variables and expressions, properties
// through Select-Object, $env:, type names, files at an empty Tab, quotes kept as typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completionSourceFor } from '../../src/compose.js';
import { complete, type CompletionSource } from '../../src/ui/completion.js';
import { capturedSession, type Captured } from '../helpers/run.js';

let s: Captured;
let src: CompletionSource;
const texts = (line: string, cursor = line.length) => complete(line, cursor, src).candidates.map((c) => c.text);

beforeAll(async () => {
  s = await capturedSession();
  src = completionSourceFor(s.session);
  await s.run("$c = Get-ExchangeCertificate | Select-Object -First 1; $n = 'text'; $list = 1, 2; New-Item -ItemType Directory 'C:\\Program Files Demo' | Out-Null; Set-Content C:\\notes.txt hi");
}, 60_000);
afterAll(() => s.close());

describe('member completion', () => {
  it('completes the members of a variable ($c.Th → $c.Thumbprint), properties before methods', () => {
    expect(texts('$c.Th')).toEqual(['$c.Thumbprint']);
    expect(texts('$c.Not')).toEqual(['$c.NotAfter', '$c.NotBefore']);
    expect(texts('$n.ToUp')).toEqual(['$n.ToUpper(', '$n.ToUpperInvariant(']);
    expect(texts('$n.')[0]).toBe('$n.Length');
  });

  it('follows a property chain and enumerates the members of a collection’s elements', () => {
    expect(texts('$c.NotAfter.AddD')).toEqual(['$c.NotAfter.AddDays(']);
    expect(texts('$list.CompareT')).toEqual(['$list.CompareTo(']);
  });

  it('completes the members of an expression from the command’s declared output type, without running it', () => {
    expect(texts('(Get-Date).AddH')).toEqual(['.AddHours(']);
    expect(texts('(Get-Date).Da')).toEqual(['.Date', '.DateTime', '.Day', '.DayOfWeek', '.DayOfYear']);
    expect(texts('(Get-ExchangeCertificate | Where-Object { $_.IsSelfSigned }).Thu')).toEqual(['.Thumbprint']);
    expect(texts("'abc'.ToLow")).toEqual(["'abc'.ToLower(", "'abc'.ToLowerInvariant("]);
  });

  it('after a pipe, property names come through Select-Object, calculated properties included', () => {
    const line = "Get-ExchangeCertificate | Select-Object Subject, @{n='DaysLeft';e={1}}, @{Label = \"Owner\"; Expression = {2}} | Format-List ";
    expect(texts(line + 'D')).toEqual(['DaysLeft']);
    expect(texts(line + 'O')).toEqual(['Owner']);
    expect(texts('Get-ExchangeCertificate | Select-Object -Property Thumbprint, Services | Sort-Object S')).toEqual(['Services']);
  });

  it('completes $env: names and .NET type names', () => {
    expect(texts('$env:PATH')).toEqual(['$env:Path', '$env:PATHEXT']);
    expect(texts('[System.Str')).toContain('[System.String]');
    expect(texts('[Str')).toContain('[System.String]');
  });

  it('an empty Tab completes files; a quote typed before a path is kept', () => {
    s.session.services.setLocation('C:\\');
    const files = texts('');
    expect(files).toContain('notes.txt');
    expect(files).toContain("'Program Files Demo\\'");
    expect(texts('Get-Content ')).toContain('notes.txt');
    expect(texts('Get-Content "C:\\no')).toEqual(['"C:\\notes.txt"']);
    expect(texts("Get-Content 'C:\\Program F")).toEqual(["'C:\\Program Files Demo\\'"]);
  });
});

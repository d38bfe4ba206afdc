// Partial input with Chevrotain's error recovery on (grammar/partial.ts): what completion and
// colouring need from a line still being typed.
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../grammar/index.js';
import { commandAt, parsePartial } from '../../grammar/partial.js';
import { allCmdlets } from '../../src/cmdlets/index.js';
import { complete } from '../../src/ui/completion.js';
import { commandsFor } from '../cmdlets/fake-context.js';

const names = (text: string) => parsePartial(text).commands.map((c) => c.name);

describe('partial input', () => {
  it('recognises the commands of complete input, nested ones too', () => {
    expect(names('Get-ExchangeCertificate | Where-Object { $_.Status -eq (Get-Date) } | fl')).toEqual(['Get-ExchangeCertificate', 'Where-Object', 'Get-Date', 'fl']);
    const c = parsePartial('Enable-ExchangeCertificate -Thumbprint ABC -Services:IIS,SMTP > C:\\out.txt').commands[0]!;
    expect(c.elements.map((e) => [e.kind, e.text])).toEqual([
      ['parameter', '-Thumbprint'],
      ['argument', 'ABC'],
      ['parameter', '-Services:'],
      ['argument', 'IIS,SMTP'],
      ['redirection', '> C:\\out.txt'],
    ]);
    expect(parsePartial('& $cmd -x 1').commands[0]?.name).toBe('$cmd');
  });

  it('recovers where the strict parser stops at the first error', () => {
    for (const text of ['Get-Item -Path (Get-ChildItem C:\\ -Fi', 'Get-Item | ', 'foreach ($c in (Get-ExchangeCertificate', 'Get-Item -Path ,', 'if ($x) { Get-Process -Na']) {
      expect(parseScript(text).errors.length, text).toBeGreaterThan(0);
      const p = parsePartial(text);
      expect(p.commands.length, text).toBeGreaterThan(0);
    }
    expect(names('Get-Item -Path (Get-ChildItem C:\\ -Fi')).toEqual(['Get-Item', 'Get-ChildItem']);
    expect(names('if ($x) { Get-Process -Na')).toEqual(['Get-Process']);
  });

  it('reports the PowerShell errors it recovered from', () => {
    const p = parsePartial('Get-Item -Path ,');
    expect(p.errors.map((e) => e.errorId)).toContain('MissingArgument');
    expect(parsePartial('Get-Item | ').errors.map((e) => e.errorId)).toContain('EmptyPipeElement');
  });

  it('finds the command the cursor is in', () => {
    const at = (text: string) => commandAt(text, text.length);
    expect(at('Get-Item -Pa')?.name).toBe('Get-Item');
    expect(at('Get-Item ')?.name).toBe('Get-Item');
    expect(at('Get-Item (Get-ChildItem -Fi')?.name).toBe('Get-ChildItem');
    expect(at('Get-Item (Get-ChildItem C:\\) -Pa')?.name).toBe('Get-Item');
    expect(at('Get-ExchangeCertificate | fl Sta')?.name).toBe('fl');
    expect(at('Get-ExchangeCertificate | ')).toBeUndefined();
    expect(at('Get-Item; ')).toBeUndefined();
    expect(at('Get-Item -Path C:\\x')?.elements.map((e) => e.text)).toEqual(['-Path', 'C:\\x']);
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', '(((', '"unclosed', '@{', '}', '|||', 'function', '[int', '$(', '`']) {
      expect(() => parsePartial(text)).not.toThrow();
      expect(() => commandAt(text, text.length)).not.toThrow();
    }
  });

  it('tab completion takes the command from it (a command after an assignment, inside blocks)', () => {
    const src = { commands: () => commandsFor(allCmdlets), variables: () => [], thumbprints: () => [], machines: () => [], paths: () => [] };
    const texts = (line: string) => complete(line, line.length, src).candidates.map((c) => c.text);
    expect(texts('$x = Get-ChildIt')).toEqual(['Get-ChildItem']);
    expect(texts('$c = Get-ChildItem -Fi')).toEqual(['-Filter', '-File']);
    expect(texts('if ($a) { Get-Item -Pa')).toEqual(['-Path']);
  });
});

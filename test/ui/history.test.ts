import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { History } from '../../src/ui/history.js';
import { tempDir } from '../helpers/temp.js';
import { capturedSession } from '../helpers/run.js';

const file = () => join(tempDir('emsh-hist-'), 'labs', 'default', 'history.txt');

describe('history', () => {
  it('recalls newest first without duplicates', () => {
    const h = new History();
    for (const l of ['dir', 'Get-Date', 'dir', 'gci']) h.add(l);
    expect(h.recallList()).toEqual(['gci', 'dir', 'Get-Date']);
  });

  it('persists to the lab file, 0600, but never lines that look like secrets', () => {
    const f = file();
    const h = new History(f);
    h.add('Get-ExchangeCertificate');
    h.add("$p = ConvertTo-SecureString 'x' -AsPlainText -Force");
    h.add('Export-ExchangeCertificate -Password $p');
    h.add("if ($a) {\n  'multi'\n}");
    const text = readFileSync(f, 'utf8');
    expect(text).toBe("Get-ExchangeCertificate\nif ($a) {`\n  'multi'`\n}\n");
    expect(statSync(f).mode & 0o777).toBe(0o600);
    // still recalled in this session
    expect(h.recallList()).toContain('Export-ExchangeCertificate -Password $p');
    const again = new History(f);
    expect(again.all()).toEqual(['Get-ExchangeCertificate', "if ($a) {\n  'multi'\n}"]);
  });

  it("with the session's judge, lines are judged on the parsed command: abbreviations and secret variables stay out of the file", async () => {
    const sh = await capturedSession();
    try {
      const f = file();
      const h = new History(f, (line) => sh.session.hasSecret(line));
      const secret = [
        "$ss = ConvertTo-SecureString 'P@ss1' -AsPlain -Force",
        "$ss = ConvertTo-SecureString 'P@ss2' -asp -Force",
        "Import-ExchangeCertificate -Path c:\\a.pfx -Pass (Get-Credential).Password",
        "$pw = 'hunter2'",
        "Export-ExchangeCertificate 01AB -Path c:\\x.pfx -Password $ss",
      ];
      const kept = ['Get-ExchangeCertificate | fl', 'Get-Help about_Passwords', 'Get-ChildItem C:\\secrets'];
      for (const l of [...secret, ...kept]) h.add(l);
      expect(readFileSync(f, 'utf8')).toBe(kept.join('\n') + '\n');
      // Still recalled in this session.
      expect(h.recallList()).toContain("$pw = 'hunter2'");
    } finally {
      await sh.close();
    }
  });

  it('prefix search (F8) and incremental search (Ctrl+R) go from newest to oldest', () => {
    const h = new History();
    for (const l of ['Get-Item a', 'dir', 'Get-Date', 'Get-Item b']) h.add(l);
    const first = h.prefixSearch('get-i', -1)!;
    expect(first.text).toBe('Get-Item b');
    expect(h.prefixSearch('get-i', first.index)!.text).toBe('Get-Item a');
    expect(h.search('date', -1)!.text).toBe('Get-Date');
    expect(h.search('nothing', -1)).toBeUndefined();
  });

  it('suggests the rest of the newest matching entry', () => {
    const h = new History();
    h.add('Get-ExchangeCertificate | fl');
    expect(h.suggest('Get-Ex')).toBe('changeCertificate | fl');
    expect(h.suggest('')).toBeUndefined();
  });

  it('survives an unreadable or odd history file', () => {
    const f = file();
    new History(f).add('x');
    writeFileSync(f, '\n\n`\n');
    expect(() => new History(f)).not.toThrow();
  });
});

// The object cmdlets in a real Session (engine, binder, formatter), with exact printed text.
import { describe, expect, it } from 'vitest';
import { everydaySession } from './everyday-session.js';

/** A session with the core cmdlets and no lab organization (the shared test session). */
const session = () => everydaySession().run;

describe('object cmdlets in a session', () => {
  it('ForEach-Object blocks share the caller scope', async () => {
    const run = session();
    expect(await run('1..3 | % { $sum += $_ }; $sum')).toBe('6\n');
  });

  it('Where-Object comparison statement and Select-Object calculated property', async () => {
    const run = session();
    expect(await run("'alpha','beta','gamma' | Where-Object Length -gt 4 | Select-Object @{n='Word';e={$_}}, Length")).toBe(
      '\nWord  Length\n----  ------\nalpha      5\ngamma      5\n\n\n',
    );
  });

  it('Write-Error at the prompt prints the 5.1 error view', async () => {
    const run = session();
    expect(await run("Write-Error 'x'")).toBe(
      [
        "Write-Error 'x' : x",
        'At line:1 char:1',
        "+ Write-Error 'x'",
        '+ ~~~~~~~~~~~~~~~',
        '    + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException',
        '    + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException',
        // 5.1 ends the view with a newline and a space; the plain host prints it trimmed.
        '',
        '',
      ].join('\n'),
    );
  });

  it('Get-Command -Syntax and Get-Alias through the real command table', async () => {
    const run = session();
    expect(await run('Get-Command Sort-Object -Syntax')).toContain(
      'Sort-Object [[-Property] <Object[]>] [-Descending] [-Unique] [-InputObject <psobject>] [-Culture <string>] [-CaseSensitive] [<CommonParameters>]',
    );
    expect(await run('Get-Alias gcm')).toMatch(/Alias {11}gcm -> Get-Command/);
  });

  it('1..200000 | ForEach-Object | Measure-Object (its time budget: npm run bench)', async () => {
    const run = session();
    const out = await run('1..200000 | ForEach-Object { $_ * 2 } | Measure-Object -Sum');
    expect(out).toContain('Sum      : 40000200000');
  });
});

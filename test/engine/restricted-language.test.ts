// ScriptBlock.CheckRestrictedLanguage: the restricted language of data sections (allowed commands
// and variables, environment variables, no assignments, loops or method calls).
import { describe, expect, it } from 'vitest';
import { everydaySession } from '../cmdlets/everyday-session.js';

const check = (block: string, commands: string, variables: string, env: boolean) =>
  `try { { ${block} }.CheckRestrictedLanguage(${commands}, ${variables}, $${env}); 'ok' } catch { $_.FullyQualifiedErrorId; $_.Exception.InnerException.Message }`;

describe('CheckRestrictedLanguage', () => {
  it('allows expressions over the default variables; other variables only when listed', async () => {
    const { run } = everydaySession();
    expect(await run(check('$PSCulture, $PSUICulture, $true, $false, $null, 2+2', '$null', '$null', false))).toBe('ok\n');
    expect(await run(check('2 + $a', '$null', '$null', false))).toBe("ParseException\nA variable that cannot be referenced in restricted language mode or a Data section is being referenced. Variables that can be referenced include the following: $PSCulture, $PSUICulture, $true, $false, $null.\n");
    expect(await run(check('$a + $b', '$null', "[string[]]('a','b')", false))).toBe('ok\n');
  });

  it('environment variables need the flag or the * wildcard', async () => {
    const { run } = everydaySession();
    expect(await run(check('$a + $env:foo', '$null', "'a'", false))).toBe("ParseException\nA variable that cannot be referenced in restricted language mode or a Data section is being referenced. Variables that can be referenced include the following: $PSCulture, $PSUICulture, $true, $false, $null, $a.\n");
    expect(await run(check('$a + $env:foo', '$null', "'a'", true))).toBe('ok\n');
    expect(await run(check('$a + $c + $env:foo', '$null', "'*'", false))).toBe('ok\n');
  });

  it('commands must be listed; assignments and method calls are never allowed', async () => {
    const { run } = everydaySession();
    expect(await run(check('Get-Process | where name -Match $p', "[string[]]('get-process','where')", "'p'", false))).toBe('ok\n');
    expect(await run(check('Get-Date', '$null', '$null', false))).toBe("ParseException\nThe command 'Get-Date' is not allowed in restricted language mode or a Data section.\n");
    expect(await run(check('$x = 1', '$null', "'x'", false))).toBe('ParseException\nAssignment statements are not allowed in restricted language mode or a Data section.\n');
    expect(await run(check("'a'.ToUpper()", '$null', '$null', false))).toBe('ParseException\nMethod calls are not allowed in restricted language mode or a Data section.\n');
  });
});

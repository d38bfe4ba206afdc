// [System.Management.Automation.PSParser]::Tokenize: tokens with their types and positions, the
// parse errors through a [ref].
import { describe, expect, it } from 'vitest';
import { everydaySession } from '../cmdlets/everyday-session.js';

describe('[PSParser]::Tokenize', () => {
  it('gives PSToken objects: content, PSTokenType, line and column; no errors for valid text', async () => {
    const { run } = everydaySession();
    expect(await run('$e = 1; $t = [System.Management.Automation.PSParser]::Tokenize(\'Get-Item -Path "x" | % { $_.Name }\', [ref]$e); $e.Count; ($t | % { "$($_.Type):$($_.Content)" }) -join " "')).toBe(
      '0\nCommand:Get-Item CommandParameter:-Path String:x Operator:| Command:% GroupStart:{ Variable:_ Operator:. Member:Name GroupEnd:}\n',
    );
    expect(await run('$t = [System.Management.Automation.PSParser]::Tokenize("1`n  `$x", [ref]$null); $t[-1].StartLine; $t[-1].StartColumn; $t[0].Type.GetType().FullName')).toBe('2\n3\nSystem.Management.Automation.PSTokenType\n');
  });

  it('puts the parse errors in the [ref]', async () => {
    const { run } = everydaySession();
    expect(await run('$e = $null; $null = [System.Management.Automation.PSParser]::Tokenize("if (`$x { 1", [ref]$e); $e.Count; $e[0].Message; $e[0].GetType().FullName')).toBe(
      "1\nMissing closing ')' after expression in 'if' statement.\nSystem.Management.Automation.PSParseError\n",
    );
  });
});

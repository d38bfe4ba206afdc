// ConvertFrom-Json as 5.1's JavaScriptSerializer reads it (unquoted member names, the __type hint
// left out), a string's elements as [char], LanguagePrimitives' statics (issue 11).
import { describe, expect, it } from 'vitest';
import { everydaySession } from './everyday-session.js';

describe('ConvertFrom-Json (JavaScriptSerializer)', () => {
  it('takes member names without quotes and leaves out the __type hint', async () => {
    const { run } = everydaySession();
    expect(await run('(ConvertFrom-Json "{name:1, other : 2}").other')).toBe('2\n');
    expect(await run(`ConvertFrom-Json '{"d":{"__type":"SimpleJsonObject","Greeting":"Hello"}}' | ConvertTo-Json -Compress`)).toBe('{"d":{"Greeting":"Hello"}}\n');
    expect(await run(`try { '{"a": 1,' | ConvertFrom-Json } catch { $_.FullyQualifiedErrorId }`)).toBe('System.ArgumentException,Microsoft.PowerShell.Commands.ConvertFromJsonCommand\n');
  });

  it("escapes become characters; a string's element is a [char] that compares with numbers", async () => {
    const { run } = everydaySession();
    expect(await run(`$r = ConvertFrom-Json '{"v":"\\b\\f\\u4321"}'; $r.v[0] -eq 0x8; $r.v[1] -eq 0xC; $r.v[2] -eq 0x4321; $r.v[0].GetType().FullName`)).toBe('True\nTrue\nTrue\nSystem.Char\n');
  });
});

describe('LanguagePrimitives', () => {
  it('ConvertTo is a cast; Compare is case-sensitive unless asked; IsTrue', async () => {
    const { run } = everydaySession();
    expect(await run('[System.Management.Automation.LanguagePrimitives]::ConvertTo([pscustomobject]@{a=1}, [string]); [System.Management.Automation.LanguagePrimitives]::ConvertTo("5", [int]).GetType().Name')).toBe('@{a=1}\nInt32\n');
    expect(await run('[System.Management.Automation.LanguagePrimitives]::Compare("a", "A", $true); [System.Management.Automation.LanguagePrimitives]::IsTrue(@())')).toBe('0\nFalse\n');
  });
});

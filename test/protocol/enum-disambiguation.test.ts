// Text to enum: a unique prefix names the member, as PowerShell's EnumMinimumDisambiguation
// (`-ErrorAction Ig` is Ignore); several matches are the too-similar error (issue 11, fsc).
import { describe, expect, it } from 'vitest';
import { everydaySession } from '../cmdlets/everyday-session.js';

describe('enum disambiguation', () => {
  it('a unique prefix converts; an exact name wins; FileAttributes prefers ReadOnly', async () => {
    const { run } = everydaySession();
    expect(await run("[ConsoleColor]'ye'; [System.Management.Automation.ActionPreference]'si'; [ConsoleColor]'Blue'; [IO.FileAttributes]'r'")).toBe(
      'Yellow\nSilentlyContinue\nBlue\nReadOnly\n',
    );
    expect(await run("$c = $Error.Count; Get-Item C:\\nothing -ErrorAction Ig; $Error.Count -eq $c")).toBe('True\n');
  });

  it('several matches or none are conversion errors naming the candidates', async () => {
    const { run } = everydaySession();
    expect(await run("try { [ConsoleColor]'Bl' } catch { $_.Exception.Message }")).toBe(
      'Cannot convert value "Bl" to type "System.ConsoleColor". Error: "The identifier name Bl cannot be processed because it is either too similar or identical to the following enumerator names: Black, Blue. Use a more specific identifier name."\n',
    );
    // A flags list with an unknown name is matched as a whole, as .NET's Enum.Parse then EnumDisambiguate do.
    expect(await run("try { [IO.FileAttributes]'ReadOnly, Foo' } catch { $_.Exception.Message.Split([char]10)[0] }")).toBe(
      'Cannot convert value "ReadOnly, Foo" to type "System.IO.FileAttributes". Error: "Unable to match the identifier name ReadOnly, Foo to a valid enumerator name. Specify one of the following enumerator names and try again:\n',
    );
    expect(await run("try { [ConsoleColor]'Pink' } catch { $_.Exception.Message.Split([char]10)[0] }")).toBe(
      'Cannot convert value "Pink" to type "System.ConsoleColor". Error: "Unable to match the identifier name Pink to a valid enumerator name. Specify one of the following enumerator names and try again:\n',
    );
  });
});

// Binding: a mandatory enum parameter refuses $null before converting it; a cmdlet's [char] takes no $null; a positional string goes to a [string] parameter before an enum one (issue 11).
import { describe, expect, it } from 'vitest';
import { everydaySession } from './everyday-session.js';

describe('mandatory enum parameters', () => {
  it('$null is ParameterArgumentValidationErrorNullNotAllowed, an empty string CannotConvertArgumentNoMessage', async () => {
    const { run } = everydaySession();
    expect(await run('try { Add-Member -MemberType $null } catch { $_.FullyQualifiedErrorId }; try { Add-Member -MemberType "" } catch { $_.FullyQualifiedErrorId }')).toBe(
      'ParameterArgumentValidationErrorNullNotAllowed,Microsoft.PowerShell.Commands.AddMemberCommand\nCannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.AddMemberCommand\n',
    );
  });
});

describe('[char] parameters of cmdlets', () => {
  it('$null cannot convert to a char (Import-Csv -Delimiter $null)', async () => {
    const { run } = everydaySession();
    expect(await run('"a" | Export-Csv C:\\f.csv; try { Import-Csv -Path C:\\f.csv -Delimiter $null } catch { $_.Exception.Message }')).toBe(
      'Cannot bind parameter \'Delimiter\'. Cannot convert null to type "System.Char".\n',
    );
  });
});

describe('positional strings and enums', () => {
  it('a [string] parameter at the same position takes a string before an enum parameter converts it', async () => {
    const { run } = everydaySession();
    expect(await run('$r = Add-Member -InputObject a Method Any -PassThru; $r.Method; $r = Add-Member -InputObject a property Any -PassThru; $r.property; $r = Add-Member -InputObject a 23 Any -PassThru; $r.23')).toBe('Any\nAny\nAny\n');
  });

  it('positional arguments bind in a parameter set with room for all of them', async () => {
    const { run } = everydaySession();
    // Three values: MemberType, Name, Value (8 is NoteProperty, 16 ScriptProperty), not the two-position note set.
    expect(await run('$r = Add-Member -InputObject a 8 np Any -PassThru; $r.np; $r = Add-Member -InputObject a 16 sp {1+1} -PassThru; $r.sp; $s = [pscustomobject]@{n=1}; $s | Add-Member NoteProperty m 2; $s.m')).toBe('Any\n2\n2\n');
  });
});

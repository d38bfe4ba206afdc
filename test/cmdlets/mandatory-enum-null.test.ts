// A mandatory enum parameter refuses $null before converting it; '' is a conversion failure; a cmdlet's [char] takes no $null (issue 11).
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

// A mandatory enum parameter refuses $null before converting it; '' is a conversion failure (issue 11).
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

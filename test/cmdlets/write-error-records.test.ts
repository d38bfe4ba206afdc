import { describe, expect, it } from 'vitest';
import { allCmdlets } from '../../src/cmdlets/index.js';
import { testShell as baseShell } from '../engine/helpers.js';

const testShell = () => baseShell({ cmdlets: allCmdlets });

describe('Write-Error records as 5.1 makes them', () => {
  it('an ErrorRecord or an Exception at position 0 binds -ErrorRecord / -Exception, a string -Message', async () => {
    const sh = testShell();
    const r = await sh.eval(
      "try { [int]::parse('foo') } catch { }; (Write-Error $Error[0] 2>&1).Exception.GetType().FullName; " +
        '(Write-Error $Error[0].Exception.InnerException 2>&1).Exception.GetType().FullName; ' +
        '(Write-Error "$($Error[0])" 2>&1).Exception.GetType().FullName',
    );
    expect(r.output).toEqual(['System.Management.Automation.MethodInvocationException', 'System.FormatException', 'Microsoft.PowerShell.Commands.WriteErrorException']);
  });

  it('-Message with -Exception is the ErrorDetails; the exception keeps its members; -RecommendedAction', async () => {
    const sh = testShell();
    const r = await sh.eval(
      '$x = New-Object System.ArgumentNullException -ArgumentList paramname; ' +
        '$e = Write-Error -Message shown -Exception $x -ErrorId myid -RecommendedAction fixit 2>&1; ' +
        '$e.Exception.ParamName; $e.Exception.Message; $e.ErrorDetails.Message; $e.ErrorDetails.RecommendedAction; $e.CategoryInfo.Reason; $e.FullyQualifiedErrorId; "$e"',
    );
    expect(r.output).toEqual(['paramname', 'Value cannot be null.\r\nParameter name: paramname', 'shown', 'fixit', 'ArgumentNullException', 'myid', 'shown']);
  });

  it('in a script block run with & the FQID has no suffix; in a function it names the function', async () => {
    const sh = testShell();
    const r = await sh.eval(
      'function Outer { & { Write-Error inner 2>&1 } ; Write-Error direct 2>&1 }; Outer | ForEach-Object FullyQualifiedErrorId',
    );
    expect(r.output).toEqual(['Microsoft.PowerShell.Commands.WriteErrorException', 'Microsoft.PowerShell.Commands.WriteErrorException,Outer']);
  });
});

// Exceptions and flow as PowerShell 5.1 runs them: typed catch over the .NET hierarchy and inner
// exceptions, rethrow, throw of any value, trap, $Error, -ErrorVariable / -OutVariable, -ErrorAction
// Stop, read-only automatic variables.
import { describe, expect, it } from 'vitest';
import { ErrorRecord } from '../../src/protocol/errors.js';
import { capturedSession } from '../helpers/run.js';
import { testShell } from './helpers.js';

async function out(script: string): Promise<unknown[]> {
  return (await testShell().eval(script)).output;
}

describe('typed catch', () => {
  it('takes the inner exception: 1/0 is a RuntimeException around a DivideByZeroException', async () => {
    expect(await out('try { 1/0 } catch [System.DivideByZeroException] { $_.Exception.GetType().FullName }')).toEqual(['System.DivideByZeroException']);
    expect(await out('try { 1/0 } catch [DivideByZeroException],[IO.IOException] { "list" }')).toEqual(['list']);
    expect(await out('try { 1/0 } catch [ArithmeticException] { "base type" }')).toEqual(['base type']);
    expect(await out('try { 1/0 } catch [System.IO.IOException] { "io" } catch { "any: " + $_.Exception.GetType().Name }')).toEqual(['any: RuntimeException']);
  });

  it('an untyped catch sees the outer exception, with its InnerException', async () => {
    expect(await out('try { 1/0 } catch { $_.Exception.GetType().FullName; $_.Exception.InnerException.GetType().FullName; $_.FullyQualifiedErrorId }')).toEqual([
      'System.Management.Automation.RuntimeException',
      'System.DivideByZeroException',
      'RuntimeException',
    ]);
  });

  it('conversions: RuntimeException around PSInvalidCastException around FormatException', async () => {
    expect(await out('try { [int]"x" } catch { $e = $_.Exception; $e.GetType().Name; $e.InnerException.GetType().Name; $e.InnerException.InnerException.GetType().Name; $e.GetBaseException().GetType().Name }')).toEqual([
      'RuntimeException',
      'PSInvalidCastException',
      'FormatException',
      'FormatException',
    ]);
    expect(await out('try { [int]"x" } catch [InvalidCastException] { $_.Exception.GetType().FullName }')).toEqual(['System.Management.Automation.PSInvalidCastException']);
    // Only one level of InnerException is looked at: the OverflowException two levels down is not.
    expect(await out('try { [int]"99999999999" } catch [OverflowException] { "overflow" } catch [InvalidCastException] { "cast: " + $_.Exception.InnerException.GetType().Name }')).toEqual([
      'cast: OverflowException',
    ]);
  });

  it('method calls: MethodInvocationException around the method\'s exception', async () => {
    expect(await out('try { [math]::Round(1.5, 20) } catch { $_.Exception.GetType().FullName; $_.Exception.InnerException.GetType().FullName }')).toEqual([
      'System.Management.Automation.MethodInvocationException',
      'System.ArgumentOutOfRangeException',
    ]);
    expect(await out('try { [math]::Round(1.5, 20) } catch [ArgumentException] { "argument: " + $_.Exception.Message }')).toEqual([
      'argument: Rounding digits must be between 0 and 15, inclusive.\r\nParameter name: digits',
    ]);
  });

  it('the most specific handler wins; a cmdlet error under -ErrorAction Stop keeps its own exception', async () => {
    expect(await out('try { Fail-Item a -ErrorAction Stop } catch [System.Management.Automation.SessionStateException] { "base" } catch [System.Management.Automation.ItemNotFoundException] { "exact" }')).toEqual(['exact']);
    expect(await out('try { Fail-Item a -ErrorAction Stop } catch [System.Management.Automation.ItemNotFoundException] { $_.Exception.GetType().FullName; $_.FullyQualifiedErrorId }')).toEqual([
      'System.Management.Automation.ItemNotFoundException',
      'PathNotFound,Microsoft.PowerShell.Commands.FailItemCommand',
    ]);
  });

  it('an error no handler takes goes on to the enclosing try', async () => {
    expect(await out('try { try { 1/0 } catch [System.IO.IOException] { "inner" } } catch [DivideByZeroException] { "outer" }')).toEqual(['outer']);
  });
});

describe('throw', () => {
  it('a bare throw in catch rethrows the same record (its position, its inner exception)', async () => {
    const sh = testShell();
    const r = await sh.eval('try { try { 1/0 } catch { $first = $_; throw } } catch { $_.InvocationInfo.OffsetInLine; $_.Exception.InnerException.GetType().Name }');
    expect(r.output).toEqual([13, 'DivideByZeroException']);
    const rethrown = await sh.eval('try { 1/0 } catch { throw }');
    expect(rethrown.errors.map((e) => e.errorId)).toEqual(['RuntimeException']);
  });

  it('strings, objects and ErrorRecords', async () => {
    expect(await out('try { throw "boom" } catch { $_.Exception.Message; $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }')).toEqual(['boom', 'boom', 'OperationStopped']);
    expect(await out('try { throw 42 } catch { $_.TargetObject }')).toEqual([42]);
    expect(await out('try { throw } catch { $_.Exception.Message }')).toEqual(['ScriptHalted']);
    expect(await out('try { Fail-Item a -ErrorAction Stop } catch { $r = $_ }; try { throw $r } catch { $_.FullyQualifiedErrorId }')).toEqual([
      'PathNotFound,Microsoft.PowerShell.Commands.FailItemCommand',
    ]);
  });

  it('an exception made from its message ([T]"text") is thrown as that type', async () => {
    const r = await testShell().eval('try { throw [System.IO.IOException]"disk full" } catch [System.IO.IOException] { $_.Exception.GetType().FullName; $_.Exception.Message; $_.FullyQualifiedErrorId }; [System.IO.FileNotFoundException]"x" -is [System.IO.IOException]; throw [ArgumentException]"bad"');
    expect(r.output).toEqual(['System.IO.IOException', 'disk full', 'disk full', true]);
    expect(r.errors.map((e) => [e.exceptionType, e.category, e.fullyQualifiedErrorId])).toEqual([['ArgumentException', 'OperationStopped', 'bad']]);
  });

  it('an exception object: thrown as itself', async () => {
    expect(await out('try { try { 1/0 } catch [DivideByZeroException] { throw $_.Exception } } catch [DivideByZeroException] { $_.Exception.GetType().Name; $_.FullyQualifiedErrorId }')).toEqual([
      'DivideByZeroException',
      'Attempted to divide by zero.',
    ]);
  });
});

describe('trap', () => {
  it('continue: the error is recorded but not shown, the next statement runs', async () => {
    const r = await testShell().eval('trap { "trapped: $_"; continue }; 1/0; "after"; $Error.Count');
    expect(r.output).toEqual(['trapped: Attempted to divide by zero.', 'after', 1]);
    expect(r.errors).toEqual([]);
  });

  it('neither continue nor break: the error is shown and the next statement runs', async () => {
    const r = await testShell().eval('trap { "trapped" }; 1/0; "after"');
    expect(r.output).toEqual(['trapped', 'after']);
    expect(r.errors.map((e) => e.message)).toEqual(['Attempted to divide by zero.']);
  });

  it('break in a function: the function ends, its caller reports the error and goes on', async () => {
    const r = await testShell().eval('function f { trap { "t"; break }; 1/0; "not reached" }; f; "after f"');
    expect(r.output).toEqual(['t', 'after f']);
    expect(r.errors.map((e) => e.message)).toEqual(['Attempted to divide by zero.']);
  });

  it('break at the script level: the script ends with the error', async () => {
    const r = await testShell().eval('trap { "t"; break }; 1/0; "not reached"');
    expect(r.output).toEqual(['t']);
    expect(r.errors.map((e) => e.message)).toEqual(['Attempted to divide by zero.']);
  });

  it('takes errors made terminating by $ErrorActionPreference = Stop', async () => {
    expect(await out('$ErrorActionPreference = "Stop"; trap { "t: $($_.TargetObject)"; continue }; Fail-Item a; "after"')).toEqual(['t: a', 'after']);
  });

  it('applies to the whole statement list, also to statements before it and nested in blocks', async () => {
    expect(await out('function f { if ($true) { 1/0; "skipped" }; "next"; trap { "t"; continue } }; f')).toEqual(['t', 'next']);
  });

  it('typed traps: the matching one runs; $_ is the error', async () => {
    expect(await out('function f { trap [System.IO.IOException] { "io"; continue }; trap [DivideByZeroException] { "dz " + $_.Exception.GetType().Name; continue }; 1/0 }; f')).toEqual([
      'dz DivideByZeroException',
    ]);
  });

  it('catches what a called function throws; a try inside the trap scope wins', async () => {
    expect(await out('function g { throw "from g" }; function f { trap { "t: $_"; continue }; g; "after g" }; f')).toEqual(['t: from g', 'after g']);
    expect(await out('trap { "trap"; continue }; try { 1/0 } catch { "catch" }')).toEqual(['catch']);
  });

  it('the trap body runs in its own scope', async () => {
    expect(await out('$x = 1; trap { $x = 2; continue }; 1/0; $x')).toEqual([1]);
  });

  it('a bare throw in a trap rethrows the error', async () => {
    expect(await out('function f { trap { throw }; 1/0 }; try { f } catch { $_.Exception.InnerException.GetType().Name }')).toEqual(['DivideByZeroException']);
  });
});

describe('$Error, -ErrorVariable, -OutVariable, -ErrorAction Stop', () => {
  it('$Error holds the newest error first; Clear() empties it', async () => {
    expect(await out('1/0; Fail-Item a; $Error.Count; $Error[0].FullyQualifiedErrorId; $Error[1].FullyQualifiedErrorId; $Error.Clear(); $Error.Count')).toEqual([
      'after a',
      2,
      'PathNotFound,Microsoft.PowerShell.Commands.FailItemCommand',
      'RuntimeException',
      0,
    ]);
  });

  it('-ErrorVariable and -OutVariable on an advanced function, +name appends', async () => {
    const r = await testShell().eval(
      'function g { [CmdletBinding()] param() Fail-Item e1; 5 }; $null = g -ErrorVariable ev -OutVariable ov 2>&1; $ev.Count; $ev[0].TargetObject; $ov; $x = 1; $null = g -OutVariable +x -ErrorAction SilentlyContinue; $x',
    );
    expect(r.output).toEqual([1, 'e1', 'after e1', 5, 1, 'after e1', 5]);
  });

  it('-ErrorVariable also gets the terminating error that ends the command', async () => {
    expect(await out('Fail-Item a -Terminating -ErrorVariable ev; $ev.Count; $ev[0].TargetObject')).toEqual([1, 'a']);
    expect(await out('try { Fail-Item a -ErrorAction Stop -ErrorVariable ev } catch { }; $ev.Count')).toEqual([1]);
    expect(await out('function f { [CmdletBinding()] param() throw "inside" }; try { f -ErrorVariable ev } catch { }; $ev.Count; "$($ev[0])"')).toEqual([1, 'inside']);
  });

  it('-ErrorVariable +name on cmdlets collects across commands', async () => {
    expect(await out('Fail-Item a -ErrorVariable +ee -ErrorAction SilentlyContinue; Fail-Item b -ErrorVariable +ee -ErrorAction SilentlyContinue; $ee.Count; $ee[1].TargetObject')).toEqual([
      'after a',
      'after b',
      2,
      'b',
    ]);
  });

  it('-ErrorAction Stop makes a non-terminating error catchable, for functions and cmdlets', async () => {
    expect(await out('function f { [CmdletBinding()] param() Fail-Item bad; "not reached" }; try { f -ErrorAction Stop } catch { "caught: $_" }')).toEqual([
      "caught: Cannot find path 'bad' because it does not exist.",
    ]);
    expect(await out('try { Fail-Item a -ErrorAction Stop; "not reached" } catch { "caught" }')).toEqual(['caught']);
    // The ActionPreferenceStopException around the error can be named too; $_ is the command's own record.
    expect(await out('try { Fail-Item a -ErrorAction Stop } catch [System.Management.Automation.ActionPreferenceStopException] { "stopped: " + $_.FullyQualifiedErrorId }')).toEqual([
      'stopped: PathNotFound,Microsoft.PowerShell.Commands.FailItemCommand',
    ]);
    expect(await out('$ErrorActionPreference = "Stop"; try { Fail-Item a } catch [System.Management.Automation.ActionPreferenceStopException] { "stopped" }')).toEqual(['stopped']);
  });
});

describe('read-only automatic variables', () => {
  for (const name of ['HOME', 'PID', 'Host', 'true', 'PSHOME', 'ShellId']) {
    it(`$${name} cannot be assigned, in any scope`, async () => {
      const r = await testShell().eval(`function f { $${name} = 1 }; f; $${name} = 2`);
      expect(r.errors).toHaveLength(2);
      for (const e of r.errors) {
        expect(e).toBeInstanceOf(ErrorRecord);
        expect(e.message).toBe(`Cannot overwrite variable ${name} because it is read-only or constant.`);
        expect(e.fullyQualifiedErrorId).toBe('VariableNotWritable');
      }
    });
  }

  it('$null = value discards the value', async () => {
    const r = await testShell().eval('$null = 5; $null -eq $null');
    expect(r.output).toEqual([true]);
    expect(r.errors).toEqual([]);
  });
});

describe('the exceptions of a full session', () => {
  it('each error emsh raises has its .NET exception type and inner exception', async () => {
    const sh = await capturedSession();
    try {
      const cases: [string, string][] = [
        ['[Text.Encoding]::UTF8.GetBytes($null)', 'System.Management.Automation.MethodInvocationException | System.ArgumentNullException'],
        ['[IO.File]::ReadAllText("C:\\nope.txt")', 'System.Management.Automation.MethodInvocationException | System.IO.FileNotFoundException'],
        ['Get-Item -Foo', 'System.Management.Automation.ParameterBindingException | '],
        ['nosuch-cmd', 'System.Management.Automation.CommandNotFoundException | '],
        ['Get-Item C:\\nope -ErrorAction Stop', 'System.Management.Automation.ItemNotFoundException | '],
        ['Get-Item -Path $null', 'System.Management.Automation.ParameterBindingValidationException | '],
        ['"a".Substring(9)', 'System.Management.Automation.MethodInvocationException | System.ArgumentOutOfRangeException'],
        ['Get-ExchangeServer -Identity nope -ErrorAction Stop', 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException | '],
        ['$null.M()', 'System.Management.Automation.RuntimeException | '],
      ];
      for (const [code, expected] of cases) {
        const r = await sh.run(`try { ${code} } catch { '{0} | {1}' -f $_.Exception.GetType().FullName, $(if ($_.Exception.InnerException) { $_.Exception.InnerException.GetType().FullName }) }`);
        expect(r.out.trim(), code).toBe(expected.trim());
      }
    } finally {
      await sh.close();
    }
  });
});

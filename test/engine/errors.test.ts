import { describe, expect, it } from 'vitest';
import { objectCmdlets } from '../../src/cmdlets/core/objects.js';
import { outputCmdlets } from '../../src/cmdlets/core/output.js';
import { ErrorRecord } from '../../src/protocol/errors.js';
import { testCmdlets, testShell } from './helpers.js';
import { everydaySession } from '../cmdlets/everyday-session.js';

describe('errors', () => {
  it('non-terminating errors: the command goes on, $Error gets the record, $? is false', async () => {
    const sh = testShell();
    const r = await sh.eval("Fail-Item x; $?; $Error.Count; $Error[0].FullyQualifiedErrorId");
    expect(r.output).toEqual(['after x', false, 1, 'PathNotFound,Microsoft.PowerShell.Commands.FailItemCommand']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.invocation?.commandName).toBe('Fail-Item');
    expect(r.errors[0]!.activity).toBe('Fail-Item');
  });

  it('$? after @(...) and $(...) alone is their last statement\'s; after an expandable string it is true', async () => {
    const sh = testShell();
    const r = await sh.eval("@(Fail-Item a; 'Hi'); $a = $?; $(Fail-Item b); $b = $?; Fail-Item c; $(); $c = $?; \"x $(Fail-Item d)\"; $d = $?; @('Hi'; Fail-Item e); $e = $?; \"$a $b $c $d $e\"");
    expect(r.output.at(-1)).toBe('True False True True False');
  });

  it('printed errors: renderer lines then a blank line, as 5.1', async () => {
    const sh = testShell();
    const text = await sh.run('Fail-Item x');
    expect(sh.host.lines.filter((l) => l.kind === 'error').map((l) => l.text)).toEqual([
      "Fail-Item : Cannot find path 'x' because it does not exist.",
      '',
    ]);
    expect(text).toContain('after x');
  });

  it('-ErrorAction SilentlyContinue / Ignore / Stop', async () => {
    const sh = testShell();
    let r = await sh.eval('Fail-Item a -ErrorAction SilentlyContinue; $Error.Count');
    expect(r.errors).toEqual([]);
    expect(r.output).toEqual(['after a', 1]);
    r = await sh.eval('$Error.Clear(); Fail-Item b -ErrorAction Ignore; $Error.Count');
    expect(r.output).toEqual(['after b', 0]);
    // -ErrorAction Stop makes the error script-terminating (ActionPreferenceStopException): the script ends.
    r = await sh.eval("Fail-Item c -ErrorAction Stop; 'next statement'");
    expect(r.output).toEqual([]);
    expect(r.errors.map((e) => e.message)).toEqual(["Cannot find path 'c' because it does not exist."]);
  });

  it('$ErrorActionPreference = Stop ends the script at the first error', async () => {
    const sh = testShell();
    const r = await sh.eval("$ErrorActionPreference = 'Stop'; Fail-Item a; 'never'");
    expect(r.output).toEqual([]);
    expect(r.errors).toHaveLength(1);
  });

  it('-ErrorVariable collects records', async () => {
    const sh = testShell();
    const r = await sh.eval('Fail-Item a -ErrorVariable ev -ErrorAction SilentlyContinue; $ev.Count');
    expect(r.output).toEqual(['after a', 1]);
    const r2 = await sh.eval('Fail-Item a -ev ev2 -ea 0 ; "$($ev2[0])"');
    expect(r2.output.at(-1)).toBe("Cannot find path 'a' because it does not exist.");
  });

  it('try/catch catches terminating errors; $_ is the record; finally always runs', async () => {
    const sh = testShell();
    const r = await sh.eval("try { Fail-Item z -Terminating; 'not here' } catch { \"caught: $($_.FullyQualifiedErrorId)\" } finally { 'finally' }");
    expect(r.output).toEqual(['caught: PathNotFound,Microsoft.PowerShell.Commands.FailItemCommand', 'finally']);
    expect(r.errors).toEqual([]);
  });

  it('try/catch ignores non-terminating errors unless -ErrorAction Stop', async () => {
    const sh = testShell();
    let r = await sh.eval("try { Fail-Item z } catch { 'caught' }");
    expect(r.output).toEqual(['after z']);
    expect(r.errors).toHaveLength(1);
    r = await sh.eval("try { Fail-Item z -ErrorAction Stop } catch { 'caught' }");
    expect(r.output).toEqual(['caught']);
    expect(r.errors).toEqual([]);
  });

  it('catch [Type] selects by exception type', async () => {
    const sh = testShell();
    const r = await sh.eval(
      "try { Fail-Item q -Terminating } catch [System.Management.Automation.CommandNotFoundException] { 'wrong' } catch [System.Management.Automation.ItemNotFoundException] { 'right' } catch { 'fallback' }",
    );
    expect(r.output).toEqual(['right']);
  });

  it('catch in a caller catches errors from a called function (statement-terminating propagates)', async () => {
    const sh = testShell();
    const r = await sh.eval("function f { Fail-Item w -Terminating; 'after' }; try { f } catch { 'outer caught' }");
    expect(r.output).toEqual(['outer caught']);
  });

  it('statement-terminating errors stop only the statement; throw stops the script', async () => {
    const sh = testShell();
    let r = await sh.eval("Fail-Item a -Terminating; 'continues'");
    expect(r.output).toEqual(['continues']);
    r = await sh.eval("throw 'boom'; 'never'");
    expect(r.output).toEqual([]);
    const e = r.errors[0]!;
    expect(e.message).toBe('boom');
    expect(e.fullyQualifiedErrorId).toBe('boom');
    expect(e.category).toBe('OperationStopped');
    expect(e.exceptionType).toBe('RuntimeException');
    expect(e.targetObject).toBe('boom');
  });

  it('throw inside a function ends the whole script', async () => {
    const sh = testShell();
    const r = await sh.eval("function f { throw 'deep' }; f; 'never'");
    expect(r.output).toEqual([]);
    expect(r.errors[0]!.message).toBe('deep');
  });

  it('runtime errors from operators are statement-terminating with a position', async () => {
    const sh = testShell();
    const r = await sh.eval("$x = 1/0; 'goes on'");
    expect(r.output).toEqual(['goes on']);
    expect(r.errors[0]!.message).toBe('Attempted to divide by zero.');
    expect(r.errors[0]!.invocation?.span).toEqual({ start: 0, end: 8 });
  });

  it('errors inside a ForEach-style block are reported and the pipeline continues', async () => {
    const sh = testShell();
    const r = await sh.eval('1, 0, 2 | Invoke-Block { 10 / $_ }');
    expect(r.output).toEqual([10, 5]);
    expect(r.errors).toHaveLength(1);
  });

  it('rethrow from catch keeps the record', async () => {
    const sh = testShell();
    const r = await sh.eval("try { throw 'inner' } catch { throw $_ }");
    expect(r.errors[0]!.message).toBe('inner');
  });

  it('an internal JS bug becomes an error record and the session goes on', async () => {
    const sh = testShell();
    const r = await sh.eval("Throw-Js; 'still alive'");
    expect(r.output).toEqual(['still alive']);
    expect(r.errors[0]).toBeInstanceOf(ErrorRecord);
    expect(r.errors[0]!.message).toContain('oops');
    const printed = await sh.run('Throw-Js');
    expect(printed).toContain('oops');
  });

  it('parse errors: printed, nothing runs', async () => {
    const sh = testShell();
    const res = await sh.session.execute("'ran'; if (");
    expect(res.ok).toBe(false);
    expect(sh.host.text('output')).not.toContain('ran');
    expect(sh.host.text('error')).not.toBe('');
  });

  it('binding errors are terminating for the statement', async () => {
    const sh = testShell();
    const r = await sh.eval("Emit-Numbers -Bogus 1; 'next'");
    expect(r.output).toEqual(['next']);
    expect(r.errors[0]!.errorId).toBe('NamedParameterNotFound');
  });
});

describe('errors across function boundaries', () => {
  it('f -ErrorAction Stop: the error leaves f and ends the script (Stop is script-terminating)', async () => {
    const sh = testShell();
    const r = await sh.eval("function f { [CmdletBinding()] param() Fail-Item a; 'in f' }; f -ErrorAction Stop; 'after'");
    expect(r.output).toEqual([]);
    expect(r.errors.map((e) => e.message)).toEqual(["Cannot find path 'a' because it does not exist."]);
  });

  it('a global $ErrorActionPreference = Stop ends the script from inside a function', async () => {
    const sh = testShell();
    const r = await sh.eval("$ErrorActionPreference = 'Stop'; function f { Fail-Item a; 'in f' }; f; 'after'");
    expect(r.output).toEqual([]);
    expect(r.errors).toHaveLength(1);
  });
});

describe('throw under SilentlyContinue / Ignore', () => {
  it('a suppressed throw goes on with the next statement and is kept in $Error only', async () => {
    const sh = testShell();
    const r = await sh.eval("function f { [CmdletBinding()] param() throw 'oops'; 'after throw' }; f -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId");
    expect(r.output).toEqual(['after throw', 'oops']);
    expect(r.errors).toEqual([]);
  });

  it('inside try the throw still reaches catch', async () => {
    const r = await testShell().eval("function f { [CmdletBinding()] param() throw 'oops'; 'after throw' }; try { f -ErrorAction Ignore } catch { \"caught $_\" }");
    expect(r.output).toEqual(['caught oops']);
  });
});

describe('call depth', () => {
  it('unbounded recursion stops with CallDepthOverflow instead of crashing', async () => {
    const r = await testShell().eval("function inf($n) { inf ($n + 1) }; try { inf 0 } catch { \"caught: $_\" }");
    expect(r.output).toEqual(['caught: The script failed due to call depth overflow.']);
  });
});

describe('binding error ids', () => {
  it('cmdlet binding errors carry the cmdlet type in the FQID', async () => {
    const r = await testShell().eval('Emit-Numbers -Bogus 1');
    expect(r.errors[0]!.fullyQualifiedErrorId).toBe('NamedParameterNotFound,Microsoft.PowerShell.Commands.EmitNumbersCommand');
  });
});

describe('errors leaving a command that ran script', () => {
  it('a runtime error escaping Invoke-Expression names the command in its FQID; a throw keeps its own', async () => {
    const { run } = everydaySession();
    expect(await run('try { Invoke-Expression "[NoSuchType]" } catch { $_.FullyQualifiedErrorId }')).toBe('TypeNotFound,Microsoft.PowerShell.Commands.InvokeExpressionCommand\n');
    expect(await run('try { Invoke-Expression "throw \'x\'" } catch { $_.FullyQualifiedErrorId }')).toBe('x\n');
    expect(await run('try { Invoke-Expression "1 +" } catch { $_.FullyQualifiedErrorId }')).toBe('ExpectedValueExpression,Microsoft.PowerShell.Commands.InvokeExpressionCommand\n');
  });

  it("-is / -as with a string that names no type: a RuntimeException (the cast to Type failed)", async () => {
    const { run } = everydaySession();
    expect(await run("try { 'hello' -is 'foo' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message; $_.Exception.InnerException.GetType().Name }")).toBe(
      'RuntimeException\nCannot convert the "foo" value of type "System.String" to type "System.Type".\nPSInvalidCastException\n',
    );
    expect(await run("try { 'hello' -is [foo] } catch { $_.FullyQualifiedErrorId }")).toBe('TypeNotFound\n');
  });
});

describe('where an error arose', () => {
  it('ScriptStackTrace names the script file and line; a loop condition error points at the condition', async () => {
    const { run } = everydaySession();
    const script = '$null = New-Item -ItemType Directory C:\\errpos -Force; Set-Content -Path C:\\errpos\\d.ps1 -Value "`$test = 1`r`ndo {}`r`nwhile (`$null[0])"';
    expect(await run(`${script}; try { & C:\\errpos\\d.ps1 } catch { $_.ScriptStackTrace; $_.InvocationInfo.ScriptLineNumber }`)).toBe('at <ScriptBlock>, C:\\errpos\\d.ps1: line 3\n3\n');
    expect(await run('try { do { } until ($null[0]) } catch { $_.InvocationInfo.OffsetInLine }')).toBe('21\n');
  });
});

describe('error actions and traps across commands', () => {
  const sh = () => testShell({ cmdlets: [...testCmdlets, ...outputCmdlets, ...objectCmdlets] });

  it('a statement error under $ErrorActionPreference SilentlyContinue is kept in $Error only', async () => {
    const r = await sh().eval("$ErrorActionPreference = 'SilentlyContinue'; 1/0; \"after $?\"; $Error.Count");
    expect(r.errors).toEqual([]);
    expect(r.output).toEqual(['after False', 1]);
  });

  it('a trap takes the errors of the functions its list calls, as try does', async () => {
    const r = await sh().eval("function f { 1/0; 'rest of f' }; & { trap { \"trapped $($_.Exception.InnerException.GetType().Name)\"; continue }; f; 'after f' }");
    expect(r.errors).toEqual([]);
    expect(r.output).toEqual(['trapped DivideByZeroException', 'after f']);
  });

  it('Write-Error and $PSCmdlet.WriteError in a function: the FQID names the function', async () => {
    const r = await sh().eval(
      "function g { [CmdletBinding()] param() Write-Error 'w'; $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new([System.ArgumentException]::new('a'), 'myid', 'InvalidArgument', $null)) }; g 2>&1 | ForEach-Object { $_.FullyQualifiedErrorId }",
    );
    expect(r.output).toEqual(['Microsoft.PowerShell.Commands.WriteErrorException,g', 'myid,g']);
  });

  it('a simple function may declare a parameter named like a common one', async () => {
    const r = await sh().eval("function Show-Ea { param([string]$ErrorAction) \"ea=$ErrorAction\" }; Show-Ea -ErrorAction Stop");
    expect(r.errors).toEqual([]);
    expect(r.output).toEqual(['ea=Stop']);
  });

  it('[initialsessionstate]::Create().ImportPSModule($null) is an ArgumentNullException', async () => {
    const r = await sh().eval('try { [initialsessionstate]::Create().ImportPSModule($null) } catch { $_.FullyQualifiedErrorId; $_.Exception.InnerException.GetType().FullName }');
    expect(r.output).toEqual(['ArgumentNullException', 'System.ArgumentNullException']);
  });
});

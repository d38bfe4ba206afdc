// Binding rules of 5.1's script functions: an advanced function's [bool[]] takes only Booleans and
// numbers (ParameterArgumentTransformationError), a simple one converts; at most 32 parameter sets.
import { describe, expect, it } from 'vitest';
import { everydaySession } from '../cmdlets/everyday-session.js';

describe('[bool[]] parameters', () => {
  it('refuse strings in an advanced function, convert them in a simple one', async () => {
    const { run } = everydaySession();
    expect(await run('function f { [CmdletBinding()] param([bool[]]$P) $P }; try { f "a","b" } catch { $_.FullyQualifiedErrorId; $_.Exception.GetType().Name }; (f 1,0) -join ","')).toBe(
      'ParameterArgumentTransformationError,f\nParameterBindingArgumentTransformationException\nTrue,False\n',
    );
    expect(await run('function g { param([bool[]]$P) $P }; (g "a","b") -join ","')).toBe('True,True\n');
  });
});

describe('parameter sets', () => {
  it('allows 32 named sets and refuses a 33rd (ParsingTooManyParameterSets)', async () => {
    const { run } = everydaySession();
    const make = (n: number) => `[scriptblock]::Create("param($((1..${n} | % { "[Parameter(ParameterSetName='s$_')]\`$a$_" }) -join ', ')) 'working'")`;
    expect(await run(`& (${make(32)}) -a1 1`)).toBe('working\n');
    expect(await run(`try { & (${make(33)}) -a1 1 } catch { $_.FullyQualifiedErrorId; $_.Exception.GetType().FullName; $_.Exception.Message }`)).toBe(
      'ParsingTooManyParameterSets\nSystem.Management.Automation.ParsingMetadataException\nCannot get or run the command. The maximum number of parameter sets for this command has been exceeded.\n',
    );
  });
});

// One error factory (runtimeError / raise in src/protocol/errors.ts) for errors raised outside a
// cmdlet: member access, .NET static members, operators, conversions, wildcards and the lab
// drive. The same PowerShell error reached from two places is the same record.
import { describe, expect, it } from 'vitest';
import { allCmdlets } from '../../src/cmdlets/index.js';
import { ErrorRecord, raise, runtimeError, TerminatingError } from '../../src/protocol/errors.js';
import { testShell } from '../engine/helpers.js';

const shape = (e: ErrorRecord | undefined) => e && { errorId: e.errorId, category: e.category, exceptionType: e.exceptionType };

describe('the error factory', () => {
  it('defaults to a RuntimeException of category InvalidOperation', () => {
    const e = runtimeError('m', 'Id');
    expect(e).toBeInstanceOf(TerminatingError);
    expect(shape(e.record)).toEqual({ errorId: 'Id', category: 'InvalidOperation', exceptionType: 'RuntimeException' });
    expect(() => raise('m', 'Id', 'InvalidArgument', 'ArgumentException', 'x')).toThrow(TerminatingError);
  });

  it('the same error from an instance member and from a static member is the same record', async () => {
    const sh = testShell({ cmdlets: allCmdlets });
    const first = async (script: string) => (await sh.eval(script)).errors[0];
    const notFound = [await first("'x'.NoSuchMethod()"), await first('[Math]::NoSuchMethod()'), await first("[System.IO.File]::NoSuchMethod('a')")];
    for (const e of notFound) {
      expect(e?.message).toMatch(/^Method invocation failed because \[.+\] does not contain a method named 'NoSuchMethod'\.$/);
      expect(shape(e)).toEqual({ errorId: 'MethodNotFound', category: 'InvalidOperation', exceptionType: 'RuntimeException' });
    }
    const overloads = [await first("'abc'.Substring(1, 2, 3, 4)"), await first('[Math]::Round()'), await first('[System.IO.File]::ReadAllBytes()')];
    for (const e of overloads) {
      expect(e?.message).toMatch(/^Cannot find an overload for ".+" and the argument count: "\d+"\.$/);
      expect(shape(e)).toEqual({ errorId: 'MethodCountCouldNotFindBest', category: 'NotSpecified', exceptionType: 'MethodException' });
    }
  });

  it('conversions and operators raise through it with PowerShell\'s ids', async () => {
    const sh = testShell({ cmdlets: allCmdlets });
    const first = async (script: string) => shape((await sh.eval(script)).errors[0]);
    expect(await first("[int]'abc'")).toEqual({ errorId: 'InvalidCastFromStringToInteger', category: 'InvalidArgument', exceptionType: 'RuntimeException' });
    expect(await first('[NoSuchType]1')).toEqual({ errorId: 'TypeNotFound', category: 'InvalidOperation', exceptionType: 'RuntimeException' });
    expect(await first("'a' -like '['")).toEqual({ errorId: 'WildcardPattern_Invalid', category: 'InvalidArgument', exceptionType: 'WildcardPatternException' });
    expect(await first('1/0')).toEqual({ errorId: 'RuntimeException', category: 'NotSpecified', exceptionType: 'RuntimeException' });
  });
});
